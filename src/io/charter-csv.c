/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-csv.c: reading and writing plans as CSV (RFC 4180). */

#define G_LOG_DOMAIN "charter-csv"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-csv.h"

#define MAX_ROWS 200000

typedef struct
{
  GPtrArray *fields;   /* char * */
  guint      line;     /* where the row starts */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->fields, g_ptr_array_unref);
}

/* The separator: ',' or ';', whichever the header line has more of outside quotes. */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

static gboolean
parse_rows (const char  *data,
            gsize        length,
            const char  *display_name,
            GArray      *rows,
            GError     **error)
{
  const char *p = data, *end = data + length;
  guint line = 1;
  char separator;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  if (!g_utf8_validate (p, end - p, NULL))
    {
      const char *bad;
      g_utf8_validate (p, end - p, &bad);
      for (const char *q = p; q < bad; q++)
        if (*q == '\n')
          line++;
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_INVALID,
                   _("%s: line %u: not UTF-8 text"), display_name, line);
      return FALSE;
    }
  separator = detect_separator (p, end);

  while (p < end)
    {
      Row row = { g_ptr_array_new_with_free_func (g_free), line };
      gboolean done = FALSE;

      while (!done)
        {
          GString *field = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint opened = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_string_free (field, TRUE);
                      row_clear (&row);
                      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_SYNTAX,
                                   _("%s: line %u: a quoted field is never closed"), display_name, opened);
                      return FALSE;
                    }
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    {
                      if (*p == '\n')
                        line++;
                      g_string_append_c (field, *p++);
                    }
                }
              if (p < end && *p != separator && *p != '\r' && *p != '\n')
                {
                  g_string_free (field, TRUE);
                  row_clear (&row);
                  g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_SYNTAX,
                               _("%s: line %u: text after a closing quote"), display_name, line);
                  return FALSE;
                }
            }
          else
            while (p < end && *p != separator && *p != '\r' && *p != '\n')
              g_string_append_c (field, *p++);

          g_ptr_array_add (row.fields, g_string_free (field, FALSE));
          if (p < end && *p == separator)
            p++;
          else
            {
              if (p < end && *p == '\r')
                p++;
              if (p < end && *p == '\n')
                p++;
              line++;
              done = TRUE;
            }
        }
      /* Blank lines are skipped */
      if (row.fields->len == 1 && *(const char *) row.fields->pdata[0] == '\0')
        {
          row_clear (&row);
          continue;
        }
      if (rows->len >= MAX_ROWS)
        {
          row_clear (&row);
          g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_REFUSED,
                       _("%s: line %u: more than %d rows"), display_name, row.line, MAX_ROWS);
          return FALSE;
        }
      g_array_append_val (rows, row);
    }
  return TRUE;
}

enum { COL_ID, COL_NAME, COL_DURATION, COL_PREDECESSORS, COL_TEAM, COL_MILESTONE, COL_SNET, COL_DEADLINE,
       COL_START, N_COLS };

static const char *const column_names[N_COLS][5] = {
  [COL_ID] = { "id", "#", "unique id", NULL },
  [COL_NAME] = { "name", "task name", "task", "summary", "title" },
  [COL_DURATION] = { "duration", "days", "estimate", NULL },
  [COL_PREDECESSORS] = { "predecessors", "depends on", "dependencies", NULL },
  [COL_TEAM] = { "team", "resource names", "resource", "assignee", NULL },
  [COL_MILESTONE] = { "milestone", NULL },
  [COL_SNET] = { "start no earlier than", "constraint date", NULL },
  [COL_DEADLINE] = { "deadline", "due date", "due", NULL },
  [COL_START] = { "start", "start date", NULL },
};

static void
find_columns (GPtrArray *header,
              int        columns[N_COLS])
{
  for (int c = 0; c < N_COLS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < header->len && columns[c] < 0; i++)
        {
          g_autofree char *name = g_utf8_strdown (g_strstrip ((char *) header->pdata[i]), -1);
          for (int k = 0; k < 5 && column_names[c][k] != NULL; k++)
            if (strcmp (name, column_names[c][k]) == 0)
              columns[c] = (int) i;
        }
    }
}

gboolean
charter_csv_sniff (const char *data,
                   gsize       length)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  gsize n = length;
  int columns[N_COLS];
  const char *nl;

  g_array_set_clear_func (rows, row_clear);
  /* The header line only */
  nl = memchr (data, '\n', MIN (length, 65536));
  if (nl != NULL)
    n = nl - data;
  if (n == 0 || !parse_rows (data, n, "", rows, NULL) || rows->len == 0)
    return FALSE;
  find_columns (g_array_index (rows, Row, 0).fields, columns);
  return columns[COL_NAME] >= 0;
}

static const char *
field (Row *row,
       int  column)
{
  return column >= 0 && (guint) column < row->fields->len ? row->fields->pdata[column] : "";
}

static gboolean
row_error (GError    **error,
           const char *display_name,
           Row        *row,
           const char *what,
           const char *value)
{
  /* Translators: "tasks.csv: line 4: Duration “soon” is not valid" */
  g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_INVALID,
               _("%s: line %u: %s “%s” is not valid"), display_name, row->line, what, value);
  return FALSE;
}

/* "5d", "5 days", "5", "40h", "1w", "0" to working days (8-hour days). */
static gboolean
parse_days (const char *text,
            double     *days)
{
  char *end;
  double value;
  g_autofree char *unit = NULL;
  g_autofree char *rest = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || fabs (value) > 100000)
    return FALSE;
  rest = g_strstrip (g_strdup (end));
  unit = g_ascii_strdown (rest, -1);
  if (*unit == '?')   /* MS Project's estimated durations, "5d?" */
    memmove (unit, unit + 1, strlen (unit));
  if (g_str_has_suffix (unit, "?"))
    unit[strlen (unit) - 1] = '\0';
  if (*unit == '\0' || strcmp (unit, "d") == 0 || strcmp (unit, "day") == 0 || strcmp (unit, "days") == 0 ||
      strcmp (unit, "ed") == 0)
    *days = value;
  else if (strcmp (unit, "h") == 0 || strcmp (unit, "hr") == 0 || strcmp (unit, "hrs") == 0 ||
           strcmp (unit, "hour") == 0 || strcmp (unit, "hours") == 0)
    *days = value / 8;
  else if (strcmp (unit, "w") == 0 || strcmp (unit, "wk") == 0 || strcmp (unit, "wks") == 0 ||
           strcmp (unit, "week") == 0 || strcmp (unit, "weeks") == 0)
    *days = value * 5;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_iso_date (const char *text,
                char      **out)
{
  guint y, m, d;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    {
      *out = NULL;
      return TRUE;
    }
  if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  return TRUE;
}

static gboolean
truthy (const char *text)
{
  return g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0 ||
         g_ascii_strcasecmp (text, "1") == 0 || g_ascii_strcasecmp (text, "x") == 0;
}

CharterDocument *
charter_csv_read (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  char       **warning,
                  GError     **error)
{
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) part_days = g_ptr_array_new ();
  g_autoptr(GPtrArray) extra_teams = g_ptr_array_new ();
  g_autofree char *start = NULL;
  GListStore *tasks, *dependencies;
  int columns[N_COLS];
  guint width, n_links = 0;

  if (warning)
    *warning = NULL;
  if (length > CHARTER_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (CHARTER_IMPORT_MAX_SIZE);

      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_REFUSED,
                   _("%s: the file is %s, larger than the %s Charter imports"), display_name,
                   size, max);
      return NULL;
    }
  g_array_set_clear_func (rows, row_clear);
  if (!parse_rows (data, length, display_name, rows, error))
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_NOT_PLAN,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }
  find_columns (g_array_index (rows, Row, 0).fields, columns);
  if (columns[COL_NAME] < 0)
    {
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_NOT_PLAN,
                   _("%s: line 1: no Name column in the header"), display_name);
      return NULL;
    }
  width = g_array_index (rows, Row, 0).fields->len;

  document = charter_document_new ();
  tasks = G_LIST_STORE (charter_document_get_tasks (document));
  dependencies = G_LIST_STORE (charter_document_get_dependencies (document));

  /* First pass: the tasks, keyed by their ID (or their row number). */
  for (guint i = 1; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *snet = NULL;
      g_autofree char *deadline = NULL;
      g_autofree char *row_start = NULL;
      g_autoptr(CharterTask) task = NULL;
      const char *name = field (row, columns[COL_NAME]);
      const char *key = field (row, columns[COL_ID]);
      const char *team = field (row, columns[COL_TEAM]);
      double days = 1;
      int duration;

      if (row->fields->len != width)
        {
          /* Translators: "tasks.csv: line 7: 4 fields where the header has 6" */
          g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_INVALID,
                       _("%s: line %u: %u fields where the header has %u"), display_name, row->line,
                       row->fields->len, width);
          return NULL;
        }
      if (*name == '\0')
        {
          row_error (error, display_name, row, "Name", name);
          return NULL;
        }
      if (columns[COL_DURATION] >= 0 && *field (row, columns[COL_DURATION]) != '\0' &&
          !parse_days (field (row, columns[COL_DURATION]), &days))
        {
          row_error (error, display_name, row, "Duration", field (row, columns[COL_DURATION]));
          return NULL;
        }
      if (!parse_iso_date (field (row, columns[COL_SNET]), &snet))
        {
          row_error (error, display_name, row, "Start No Earlier Than", field (row, columns[COL_SNET]));
          return NULL;
        }
      if (!parse_iso_date (field (row, columns[COL_DEADLINE]), &deadline))
        {
          row_error (error, display_name, row, "Deadline", field (row, columns[COL_DEADLINE]));
          return NULL;
        }
      if (parse_iso_date (field (row, columns[COL_START]), &row_start) && row_start != NULL &&
          (start == NULL || strcmp (row_start, start) < 0))
        {
          g_free (start);
          start = g_steal_pointer (&row_start);
        }
      duration = (int) CLAMP (lround (days), 0, 100000);
      if (fabs (days - round (days)) > 1e-6)
        {
          g_ptr_array_add (part_days, (gpointer) name);
          if (duration == 0)
            duration = 1;
        }

      task = charter_task_new (id);
      charter_task_set_name (task, name);
      charter_task_set_duration (task, duration);
      charter_task_set_milestone (task, duration == 0 || truthy (field (row, columns[COL_MILESTONE])));
      if (charter_task_get_milestone (task))
        charter_task_set_duration (task, 0);
      charter_task_set_start_no_earlier_than (task, snet);
      charter_task_set_finish_no_later_than (task, deadline);
      if (*team != '\0')
        {
          g_auto(GStrv) names = g_strsplit_set (team, ",;", -1);
          const char *first = g_strstrip (names[0]);
          const char *team_id = g_hash_table_lookup (teams, first);

          if (team_id == NULL)
            {
              char *new_id = g_strdup_printf ("team%u", g_hash_table_size (teams) + 1);
              g_autoptr(CharterTeam) t = charter_team_new (new_id);

              charter_team_set_name (t, first);
              g_list_store_append (G_LIST_STORE (charter_document_get_teams (document)), t);
              g_hash_table_insert (teams, g_strdup (first), new_id);
              team_id = new_id;
            }
          charter_task_set_team_id (task, team_id);
          if (names[1] != NULL)
            g_ptr_array_add (extra_teams, (gpointer) name);
        }
      g_list_store_append (tasks, task);
      if (*key == '\0')
        key = NULL;
      {
        g_autofree char *k = key ? g_strstrip (g_strdup (key)) : g_strdup_printf ("%u", i);
        if (!g_hash_table_insert (by_key, g_steal_pointer (&k), g_strdup (id)))
          {
            row_error (error, display_name, row, "ID", key);
            return NULL;
          }
      }
    }

  /* Second pass: predecessors, "3", "3FS+2d", "5SS-1d", "7FF+16h" */
  for (guint i = 1; i < rows->len && columns[COL_PREDECESSORS] >= 0; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      const char *text = field (row, columns[COL_PREDECESSORS]);
      g_auto(GStrv) parts = g_strsplit_set (text, columns[COL_PREDECESSORS] >= 0 && strchr (text, ';') ? ";" : ",", -1);
      g_autofree char *successor = g_strdup_printf ("t%u", i);

      for (guint k = 0; parts[k] != NULL; k++)
        {
          char *part = g_strstrip (parts[k]);
          const char *p = part;
          g_autofree char *key = NULL;
          const char *predecessor;
          CharterDependencyType kind = CHARTER_DEPENDENCY_FINISH_TO_START;
          double lag = 0;
          g_autofree char *id = NULL;
          g_autoptr(CharterDependency) dependency = NULL;

          if (*part == '\0')
            continue;
          while (*p != '\0' && !g_ascii_isalpha (*p) && *p != '+' && *p != '-')
            p++;
          key = g_strstrip (g_strndup (part, p - part));
          if (g_ascii_strncasecmp (p, "FS", 2) == 0)
            p += 2;
          else if (g_ascii_strncasecmp (p, "SS", 2) == 0)
            kind = CHARTER_DEPENDENCY_START_TO_START, p += 2;
          else if (g_ascii_strncasecmp (p, "FF", 2) == 0)
            kind = CHARTER_DEPENDENCY_FINISH_TO_FINISH, p += 2;
          else if (g_ascii_strncasecmp (p, "SF", 2) == 0)
            kind = CHARTER_DEPENDENCY_START_TO_FINISH, p += 2;
          if (*p == '+' || *p == '-')
            {
              gboolean negative = *p == '-';

              if (!parse_days (p + 1, &lag))
                {
                  row_error (error, display_name, row, "Predecessors", part);
                  return NULL;
                }
              if (negative)
                lag = -lag;
            }
          else if (*p != '\0')
            {
              row_error (error, display_name, row, "Predecessors", part);
              return NULL;
            }
          predecessor = g_hash_table_lookup (by_key, key);
          if (predecessor == NULL || strcmp (predecessor, successor) == 0)
            {
              row_error (error, display_name, row, "Predecessors", part);
              return NULL;
            }
          id = g_strdup_printf ("d%u", ++n_links);
          dependency = charter_dependency_new (id);
          charter_dependency_set_predecessor (dependency, predecessor);
          charter_dependency_set_successor (dependency, successor);
          charter_dependency_set_kind (dependency, kind);
          charter_dependency_set_lag (dependency, (int) CLAMP (lround (lag), -100000, 100000));
          g_list_store_append (dependencies, dependency);
        }
    }

  if (start != NULL)
    charter_calendar_set_start (charter_document_get_calendar (document), start);
  if (!charter_import_check_links (document, display_name, error))
    return NULL;

  if (warning && (part_days->len > 0 || extra_teams->len > 0))
    {
      GString *s = g_string_new (_("Not carried into Charter:"));

      if (part_days->len > 0)
        {
          g_string_append_printf (s, " %s (", _("part days"));
          for (guint i = 0; i < part_days->len; i++)
            g_string_append_printf (s, i ? ", %s" : "%s", (const char *) part_days->pdata[i]);
          g_string_append (s, ")");
        }
      if (extra_teams->len > 0)
        {
          g_string_append_printf (s, "%s %s (", part_days->len ? ";" : "", _("assignments after a task’s first"));
          for (guint i = 0; i < extra_teams->len; i++)
            g_string_append_printf (s, i ? ", %s" : "%s", (const char *) extra_teams->pdata[i]);
          g_string_append (s, ")");
        }
      g_string_append (s, ".");
      *warning = g_string_free (s, FALSE);
    }
  return g_steal_pointer (&document);
}

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\";\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static char *
julian_iso (GHashTable *table,
            const char *id)
{
  GDate date;

  if (table == NULL || !g_hash_table_contains (table, id))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, GPOINTER_TO_UINT (g_hash_table_lookup (table, id)));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

GBytes *
charter_csv_write (CharterDocument *document,
                   GHashTable      *starts,
                   GHashTable      *finishes)
{
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *dependencies = charter_document_get_dependencies (document);
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GString *out = g_string_new ("\xEF\xBB\xBF" "ID,Name,Duration,Start,Finish,Predecessors,Team,Milestone,"
                               "Start No Earlier Than,Deadline\r\n");
  gsize length;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterItem) task = g_list_model_get_item (tasks, i);
      g_hash_table_insert (row_of, (gpointer) charter_item_get_id (task), GUINT_TO_POINTER (i + 1));
    }

  /* Links by successor: writing stays linear in the size of the plan. */
  for (guint d = 0; d < g_list_model_get_n_items (dependencies); d++)
    {
      CharterDependency *dependency = g_list_model_get_item (dependencies, d);
      const char *successor = charter_dependency_get_successor (dependency);
      GPtrArray *list = successor ? g_hash_table_lookup (incoming, successor) : NULL;

      if (successor == NULL)
        {
          g_object_unref (dependency);
          continue;
        }
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (incoming, (gpointer) successor, list);
        }
      g_ptr_array_add (list, dependency);
    }

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      GPtrArray *links = g_hash_table_lookup (incoming, id);
      const char *team_id = charter_task_get_team_id (task);
      CharterTeam *team = team_id ? charter_document_find (document, charter_document_get_teams (document), team_id) : NULL;
      g_autofree char *start = julian_iso (starts, id);
      g_autofree char *finish = julian_iso (finishes, id);
      g_autoptr(GString) preds = g_string_new (NULL);
      gboolean milestone = charter_task_get_milestone (task);

      for (guint d = 0; links != NULL && d < links->len; d++)
        {
          CharterDependency *dependency = links->pdata[d];
          guint row;
          int lag = charter_dependency_get_lag (dependency);
          static const char *const kinds[] = { "FS", "SS", "FF", "SF" };
          CharterDependencyType kind = charter_dependency_get_kind (dependency);

          row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, charter_dependency_get_predecessor (dependency)));
          if (row == 0 || kind > CHARTER_DEPENDENCY_START_TO_FINISH)
            continue;
          if (preds->len > 0)
            g_string_append_c (preds, ',');
          g_string_append_printf (preds, "%u", row);
          if (kind != CHARTER_DEPENDENCY_FINISH_TO_START || lag != 0)
            g_string_append (preds, kinds[kind]);
          if (lag != 0)
            g_string_append_printf (preds, "%+dd", lag);
        }

      g_string_append_printf (out, "%u,", i + 1);
      append_field (out, charter_task_get_name (task));
      g_string_append_printf (out, ",%dd,%s,%s,", milestone ? 0 : charter_task_get_duration (task), start, finish);
      append_field (out, preds->str);
      g_string_append_c (out, ',');
      append_field (out, team ? charter_team_get_name (team) : "");
      g_string_append_printf (out, ",%s,%s,%s\r\n", milestone ? "Yes" : "No",
                              charter_task_get_start_no_earlier_than (task) ? charter_task_get_start_no_earlier_than (task) : "",
                              charter_task_get_finish_no_later_than (task) ? charter_task_get_finish_no_later_than (task) : "");
    }
  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}
