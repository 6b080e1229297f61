/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-planner.c: reading GNOME Planner (.planner, mrproject-version 2)
 * files: nested tasks (flattened, their links applied to their tasks as
 * for MSPDI summaries), work or duration in seconds of 8-hour days, links of
 * the four types with lag in seconds, "start no earlier than" constraints,
 * the default calendar's week and its non-working days, resources as teams
 * and a task's first allocation as its team. */

#define G_LOG_DOMAIN "charter-planner"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-import-private.h"
#include "charter-planner.h"

#define SECONDS_PER_DAY (8 * 3600)

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

/* "20250303T000000Z" or "20250303" to "2025-03-03" */
static char *
planner_date (const char *text)
{
  guint y, m, d;

  if (text == NULL || sscanf (text, "%4u%2u%2u", &y, &m, &d) != 3 || y < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

static gboolean
invalid (xmlNode     *node,
         const char  *display_name,
         const char  *what,
         const char  *value,
         GError     **error)
{
  g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_INVALID,
               _("%s: line %ld: %s “%s” is not valid"), display_name, (long) xmlGetLineNo (node),
               what, value ? value : "");
  return FALSE;
}

static gboolean
attr_int (xmlNode     *node,
          const char  *name,
          gint64       fallback,
          gint64      *out,
          const char  *display_name,
          GError     **error)
{
  g_autofree char *text = attr (node, name);
  char *end;

  *out = fallback;
  if (text == NULL || *text == '\0')
    return TRUE;
  *out = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || *out < -1000000000000LL || *out > 1000000000000LL)
    return invalid (node, display_name, name, text, error);
  return TRUE;
}

typedef struct
{
  char    *id;
  xmlNode *node;
  GArray  *leaves;   /* indices into the tasks list of the task's leaf tasks */
} Node;

/* Walks the task tree; leaves become tasks, in document order. */
static gboolean
walk (xmlNode          *parent,
      CharterDocument  *document,
      GHashTable       *nodes,
      GPtrArray        *order,
      GPtrArray        *flattened,
      GPtrArray        *part_days,
      const char       *display_name,
      GArray           *leaves_out,
      GError          **error)
{
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    {
      g_autofree char *id = NULL;
      Node *node;

      if (!is_element (n, "task"))
        continue;
      id = attr (n, "id");
      if (id == NULL || g_hash_table_contains (nodes, id))
        return invalid (n, display_name, "id", id, error);
      node = g_new0 (Node, 1);
      node->id = g_strdup (id);
      node->node = n;
      node->leaves = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (nodes, node->id, node);
      g_ptr_array_add (order, node);

      if (child (n, "task") != NULL)
        {
          g_autofree char *name = attr (n, "name");
          g_ptr_array_add (flattened, g_strdup (name ? name : id));
          if (!walk (n, document, nodes, order, flattened, part_days, display_name, node->leaves, error))
            return FALSE;
        }
      else
        {
          g_autofree char *name = attr (n, "name");
          g_autofree char *type = attr (n, "type");
          g_autofree char *scheduling = attr (n, "scheduling");
          g_autofree char *task_id = g_strconcat ("t", id, NULL);
          g_autoptr(CharterTask) task = charter_task_new (task_id);
          xmlNode *constraint = child (n, "constraint");
          gint64 work, duration;
          double days;
          guint index = g_list_model_get_n_items (charter_document_get_tasks (document));

          if (!attr_int (n, "work", SECONDS_PER_DAY, &work, display_name, error) ||
              !attr_int (n, "duration", -1, &duration, display_name, error))
            return FALSE;
          days = (double) (duration >= 0 && g_strcmp0 (scheduling, "fixed-duration") == 0 ? duration : work) /
                 SECONDS_PER_DAY;
          charter_task_set_name (task, name && *name ? name : task_id);
          if (g_strcmp0 (type, "milestone") == 0 || days <= 0)
            {
              charter_task_set_milestone (task, TRUE);
              charter_task_set_duration (task, 0);
            }
          else
            {
              charter_task_set_duration (task, (int) CLAMP (lround (days), 1, 100000));
              if (fabs (days - round (days)) > 1e-6)
                g_ptr_array_add (part_days, g_strdup (name ? name : id));
            }
          if (constraint != NULL)
            {
              g_autofree char *ctype = attr (constraint, "type");
              g_autofree char *time = attr (constraint, "time");
              g_autofree char *date = planner_date (time);

              if (g_strcmp0 (ctype, "start-no-earlier-than") == 0 || g_strcmp0 (ctype, "must-start-on") == 0)
                {
                  if (date == NULL)
                    return invalid (constraint, display_name, "time", time, error);
                  charter_task_set_start_no_earlier_than (task, date);
                }
            }
          g_list_store_append (G_LIST_STORE (charter_document_get_tasks (document)), task);
          g_array_append_val (node->leaves, index);
        }
      g_array_append_vals (leaves_out, node->leaves->data, node->leaves->len);
    }
  return TRUE;
}

static void
node_free (gpointer data)
{
  Node *node = data;

  g_array_unref (node->leaves);
  g_free (node->id);
  g_free (node);
}

static void
append_names (GString    *s,
              const char *what,
              GPtrArray  *names)
{
  if (names->len == 0)
    return;
  g_string_append_printf (s, s->len > 0 ? "; %s (" : " %s (", what);
  for (guint i = 0; i < names->len && i < 20; i++)
    g_string_append_printf (s, i ? ", %s" : "%s", (const char *) names->pdata[i]);
  g_string_append (s, ")");
}

gboolean
charter_planner_sniff (const char *data,
                       gsize       length)
{
  g_autofree char *head = g_strndup (data, MIN (length, 4096));

  return strstr (head, "<project") != NULL && strstr (head, "mrproject-version") != NULL;
}

CharterDocument *
charter_planner_read (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      char       **warning,
                      GError     **error)
{
  g_autoptr(CharterDocument) document = charter_document_new ();
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, node_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) flattened = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) part_days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  CharterCalendar *calendar = charter_document_get_calendar (document);
  g_autofree char *start = NULL;
  g_autofree char *calendar_id = NULL;
  xmlDoc *doc;
  xmlNode *root, *list;
  guint n_links = 0;
  gboolean ok = FALSE;

  if (warning)
    *warning = NULL;
  doc = charter_import_parse_xml (data, length, display_name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "project"))
    {
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_NOT_PLAN,
                   _("%s: line %ld: not a GNOME Planner file: the root element is “%s”, not “project”"),
                   display_name, root ? (long) xmlGetLineNo (root) : 1L, root ? (const char *) root->name : "");
      goto out;
    }

  {
    g_autofree char *project_start = attr (root, "project-start");
    start = planner_date (project_start);
    if (start != NULL)
      charter_calendar_set_start (calendar, start);
  }

  /* The project calendar: default-week (0 working, 1 non-working) and days. */
  calendar_id = attr (root, "calendar");
  list = child (root, "calendars");
  for (xmlNode *c = list ? list->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      xmlNode *week, *days;
      static const char *const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
      CharterWeekdays working = CHARTER_WEEKDAYS_NONE;

      if (!is_element (c, "calendar"))
        continue;
      id = attr (c, "id");
      if (calendar_id != NULL && g_strcmp0 (id, calendar_id) != 0)
        continue;
      week = child (c, "default-week");
      for (int d = 0; d < 7 && week != NULL; d++)
        {
          g_autofree char *v = attr (week, names[d]);
          if (v == NULL || g_strcmp0 (v, "0") == 0)
            working |= 1 << d;
        }
      if (week != NULL && working != CHARTER_WEEKDAYS_NONE)
        charter_calendar_set_working_days (calendar, working);
      days = child (c, "days");
      for (xmlNode *d = days ? days->children : NULL; d != NULL; d = d->next)
        {
          g_autofree char *date = NULL;
          g_autofree char *type_id = NULL;
          g_autofree char *raw = NULL;

          if (!is_element (d, "day"))
            continue;
          raw = attr (d, "date");
          type_id = attr (d, "id");
          date = planner_date (raw);
          if (date == NULL)
            {
              invalid (d, display_name, "date", raw, error);
              goto out;
            }
          if (g_strcmp0 (type_id, "1") == 0)
            g_ptr_array_add (holidays, g_steal_pointer (&date));
        }
      break;
    }
  if (holidays->len > 0)
    {
      g_ptr_array_add (holidays, NULL);
      charter_calendar_set_holidays (calendar, (const char * const *) holidays->pdata);
      g_ptr_array_set_size (holidays, holidays->len - 1);
    }

  /* Resources */
  list = child (root, "resources");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *team_id = NULL;
      g_autoptr(CharterTeam) team = NULL;

      if (!is_element (n, "resource"))
        continue;
      id = attr (n, "id");
      name = attr (n, "name");
      if (id == NULL || name == NULL || *name == '\0')
        continue;
      if (g_hash_table_contains (teams, id))
        {
          invalid (n, display_name, "id", id, error);
          goto out;
        }
      team_id = g_strconcat ("r", id, NULL);
      team = charter_team_new (team_id);
      charter_team_set_name (team, name);
      g_list_store_append (G_LIST_STORE (charter_document_get_teams (document)), team);
      g_hash_table_insert (teams, g_strdup (id), g_steal_pointer (&team_id));
    }

  list = child (root, "tasks");
  if (list == NULL)
    {
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_NOT_PLAN,
                   _("%s: line %ld: the project has no tasks element"), display_name, (long) xmlGetLineNo (root));
      goto out;
    }
  if (!walk (list, document, nodes, order, flattened, part_days, display_name, all, error))
    goto out;

  /* Links: a task's predecessors, with groups replaced by their tasks. */
  for (guint i = 0; i < order->len; i++)
    {
      Node *node = order->pdata[i];
      xmlNode *preds = child (node->node, "predecessors");

      for (xmlNode *p = preds ? preds->children : NULL; p != NULL; p = p->next)
        {
          g_autofree char *pred_id = NULL;
          g_autofree char *type = NULL;
          Node *pred;
          gint64 lag;
          CharterDependencyType kind;

          if (!is_element (p, "predecessor"))
            continue;
          pred_id = attr (p, "predecessor-id");
          type = attr (p, "type");
          pred = pred_id ? g_hash_table_lookup (nodes, pred_id) : NULL;
          if (pred == NULL)
            {
              invalid (p, display_name, "predecessor-id", pred_id, error);
              goto out;
            }
          if (!attr_int (p, "lag", 0, &lag, display_name, error))
            goto out;
          if (type == NULL || g_strcmp0 (type, "FS") == 0)
            kind = CHARTER_DEPENDENCY_FINISH_TO_START;
          else if (g_strcmp0 (type, "SS") == 0)
            kind = CHARTER_DEPENDENCY_START_TO_START;
          else if (g_strcmp0 (type, "FF") == 0)
            kind = CHARTER_DEPENDENCY_FINISH_TO_FINISH;
          else if (g_strcmp0 (type, "SF") == 0)
            kind = CHARTER_DEPENDENCY_START_TO_FINISH;
          else
            {
              invalid (p, display_name, "type", type, error);
              goto out;
            }
          for (guint a = 0; a < pred->leaves->len; a++)
            for (guint b = 0; b < node->leaves->len; b++)
              {
                g_autoptr(CharterTask) from = g_list_model_get_item (charter_document_get_tasks (document),
                                                                     g_array_index (pred->leaves, guint, a));
                g_autoptr(CharterTask) to = g_list_model_get_item (charter_document_get_tasks (document),
                                                                   g_array_index (node->leaves, guint, b));
                g_autofree char *id = g_strdup_printf ("d%u", ++n_links);
                g_autoptr(CharterDependency) dependency = charter_dependency_new (id);

                if (from == to)
                  continue;
                charter_dependency_set_predecessor (dependency, charter_item_get_id (CHARTER_ITEM (from)));
                charter_dependency_set_successor (dependency, charter_item_get_id (CHARTER_ITEM (to)));
                charter_dependency_set_kind (dependency, kind);
                charter_dependency_set_lag (dependency, (int) CLAMP (llround ((double) lag / SECONDS_PER_DAY), -100000, 100000));
                g_list_store_append (G_LIST_STORE (charter_document_get_dependencies (document)), dependency);
              }
        }
    }

  /* Allocations: a task's first is its team. */
  list = child (root, "allocations");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *task = NULL;
      g_autofree char *resource = NULL;
      g_autofree char *task_id = NULL;
      const char *team;
      CharterTask *found;

      if (!is_element (n, "allocation"))
        continue;
      task = attr (n, "task-id");
      resource = attr (n, "resource-id");
      team = resource ? g_hash_table_lookup (teams, resource) : NULL;
      task_id = g_strconcat ("t", task ? task : "", NULL);
      found = charter_document_find (document, charter_document_get_tasks (document), task_id);
      if (team != NULL && found != NULL && charter_task_get_team_id (found) == NULL)
        charter_task_set_team_id (found, team);
    }

  if (!charter_import_check_links (document, display_name, error))
    goto out;
  if (warning && (flattened->len > 0 || part_days->len > 0))
    {
      GString *s = g_string_new (NULL);

      append_names (s, _("summary tasks (flattened: Charter has no groups; their links were applied to their tasks)"), flattened);
      append_names (s, _("part days"), part_days);
      g_string_prepend (s, _("Not carried into Charter:"));
      g_string_append (s, ".");
      *warning = g_string_free (s, FALSE);
    }
  ok = TRUE;

out:
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&document) : NULL;
}
