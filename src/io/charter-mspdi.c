/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-mspdi.c: reading Microsoft Project XML (MSPDI) into a document.
 *
 * libxml2 parses (UTF-8 or UTF-16, as the XML declaration or BOM says) with
 * XML_PARSE_NONET and without XML_PARSE_NOENT or XML_PARSE_DTDLOAD; a
 * document type declaration stops the parser at once, so that no entity is
 * ever declared, expanded or fetched (MSPDI never has one). What the file
 * holds that the model has no place for is named, task by task, in one
 * warning (docs/scheduling.md, "Imported plans"). */

#define G_LOG_DOMAIN "charter-mspdi"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "charter-import-private.h"

G_DEFINE_QUARK (charter-import-error-quark, charter_import_error)

typedef struct
{
  xmlNode   *node;
  char      *uid;
  char      *name;
  int        level;
  gboolean   summary;
  gboolean   milestone;
  int        duration;
  char      *snet;
  char      *deadline;
  int        percent;
  int        parent;     /* index in the task array, or -1 */
  gboolean   has_children;
  gboolean   launch;
  char      *team;
} MsTask;

typedef struct
{
  const char     *display_name;
  int             minutes_per_day;
  guint           finish_of_day;   /* minutes after midnight; an instant at or after it is the next day */
  CharterWeekdays working;
  GPtrArray      *holidays;
  GArray         *tasks;           /* MsTask */
  GHashTable     *by_uid;          /* uid -> index + 1 */
  /* What cannot be carried: category -> GPtrArray of task names */
  GHashTable     *lost;
  GPtrArray      *lost_order;
} Reader;

static void
ms_task_clear (gpointer data)
{
  MsTask *t = data;

  g_free (t->uid);
  g_free (t->name);
  g_free (t->snet);
  g_free (t->deadline);
  g_free (t->team);
}

static void
lose (Reader     *r,
      const char *what,
      const char *name)
{
  GPtrArray *names = g_hash_table_lookup (r->lost, what);

  if (names == NULL)
    {
      names = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (r->lost, g_strdup (what), names);
      g_ptr_array_add (r->lost_order, g_strdup (what));
    }
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (names->pdata[i], name) == 0)
      return;
  g_ptr_array_add (names, g_strdup (name));
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

/* The trimmed text of the child @name, or NULL. */
static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *c = child (node, name);
  xmlChar *content;
  char *text;

  if (c == NULL)
    return NULL;
  content = xmlNodeGetContent (c);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  return text;
}

static gboolean
invalid (Reader      *r,
         xmlNode     *node,
         GError     **error,
         const char  *what,
         const char  *value)
{
  /* Translators: "plan.xml: line 12: Duration “PTxH” is not a duration" */
  g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_INVALID,
               _("%s: line %ld: %s “%s” is not valid"),
               r->display_name, (long) xmlGetLineNo (node), what, value);
  return FALSE;
}

static gboolean
child_int (Reader      *r,
           xmlNode     *node,
           const char  *name,
           gint64       fallback,
           gint64      *out,
           GError     **error)
{
  g_autofree char *text = child_text (node, name);
  char *end = NULL;
  double value;

  *out = fallback;
  if (text == NULL || *text == '\0')
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || fabs (value) > 1e12)
    return invalid (r, child (node, name), error, name, text);
  *out = (gint64) llround (value);
  return TRUE;
}

static gboolean
child_double (Reader      *r,
              xmlNode     *node,
              const char  *name,
              double       fallback,
              double      *out,
              GError     **error)
{
  g_autofree char *text = child_text (node, name);
  char *end = NULL;

  *out = fallback;
  if (text == NULL || *text == '\0')
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*out) || fabs (*out) > 1e12)
    return invalid (r, child (node, name), error, name, text);
  return TRUE;
}

/* "2025-03-03T08:00:00" to a GDate, and the minutes after midnight. */
static gboolean
parse_datetime (const char *text,
                GDate      *date,
                guint      *minutes)
{
  guint y, m, d, hh = 0, mm = 0;
  int n;

  if (text == NULL)
    return FALSE;
  n = sscanf (text, "%4u-%2u-%2uT%2u:%2u", &y, &m, &d, &hh, &mm);
  if (n != 3 && n != 5)
    return FALSE;
  if (y < 1 || y > 9999 || !g_date_valid_dmy (d, m, y) || hh > 24 || mm > 59)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  if (minutes)
    *minutes = hh * 60 + mm;
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The date of the child @name as YYYY-MM-DD; an instant at the end of the
 * working day (a constraint "Fri 17:00") counts as the next day when
 * @day_after_end. */
static gboolean
child_date (Reader      *r,
            xmlNode     *node,
            const char  *name,
            gboolean     day_after_end,
            char       **out,
            GError     **error)
{
  g_autofree char *text = child_text (node, name);
  GDate date;
  guint minutes;

  *out = NULL;
  if (text == NULL || *text == '\0' || g_str_has_prefix (text, "NA"))
    return TRUE;
  if (!parse_datetime (text, &date, &minutes))
    return invalid (r, child (node, name), error, name, text);
  if (day_after_end && minutes >= r->finish_of_day && g_date_get_julian (&date) < G_MAXUINT32 - 2)
    g_date_add_days (&date, 1);
  *out = format_date (&date);
  return TRUE;
}

/* "PT8H0M0S" (and the general "P1DT2H" form) to minutes. */
static gboolean
parse_duration (const char *text,
                int         minutes_per_day,
                double     *minutes)
{
  const char *p = text;
  gboolean time = FALSE;
  double total = 0;
  gboolean negative = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (*p++ != 'P')
    return FALSE;
  if (*p == '\0')
    return FALSE;
  while (*p != '\0')
    {
      char *end;
      double value;

      if (*p == 'T')
        {
          time = TRUE;
          p++;
          continue;
        }
      value = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (value) || value < 0 || value > 1e9)
        return FALSE;
      switch (*end)
        {
        case 'Y': if (time) return FALSE; total += value * 365 * minutes_per_day; break;
        case 'W': if (time) return FALSE; total += value * 5 * minutes_per_day; break;
        case 'D': if (time) return FALSE; total += value * minutes_per_day; break;
        case 'H': if (!time) return FALSE; total += value * 60; break;
        case 'M': total += time ? value : value * 20 * minutes_per_day; break;
        case 'S': if (!time) return FALSE; total += value / 60; break;
        default: return FALSE;
        }
      p = end + 1;
    }
  *minutes = negative ? -total : total;
  return TRUE;
}

static gboolean
is_elapsed_format (gint64 format)
{
  /* 4 em, 6 eh, 8 ed, 10 ew, 12 emo, 20 e%; 35 and above: the same, estimated */
  if (format >= 35)
    format -= 32;
  return format == 4 || format == 6 || format == 8 || format == 10 || format == 12 || format == 20;
}

/* Weekdays and holidays of one calendar (and of its base calendars). */
static gboolean
read_calendar (Reader          *r,
               xmlNode         *calendars,
               const char      *uid,
               int              depth,
               CharterWeekdays *working,
               GPtrArray       *holidays,
               gboolean        *working_exceptions,
               GError         **error)
{
  xmlNode *calendar = NULL;
  g_autofree char *base = NULL;
  xmlNode *weekdays, *exceptions;

  for (xmlNode *c = calendars ? calendars->children : NULL; c != NULL && calendar == NULL; c = c->next)
    if (is_element (c, "Calendar"))
      {
        g_autofree char *u = child_text (c, "UID");
        if (g_strcmp0 (u, uid) == 0)
          calendar = c;
      }
  if (calendar == NULL || depth > 8)
    return TRUE;

  base = child_text (calendar, "BaseCalendarUID");
  if (base != NULL && g_strcmp0 (base, "-1") != 0 && g_strcmp0 (base, uid) != 0)
    if (!read_calendar (r, calendars, base, depth + 1, working, holidays, working_exceptions, error))
      return FALSE;

  weekdays = child (calendar, "WeekDays");
  for (xmlNode *w = weekdays ? weekdays->children : NULL; w != NULL; w = w->next)
    {
      gint64 type, day_working;

      if (!is_element (w, "WeekDay"))
        continue;
      if (!child_int (r, w, "DayType", -1, &type, error) ||
          !child_int (r, w, "DayWorking", 1, &day_working, error))
        return FALSE;
      if (type >= 1 && type <= 7)
        {
          /* DayType 1 is Sunday, 7 Saturday; CharterWeekdays is Monday first. */
          CharterWeekdays bit = type == 1 ? CHARTER_WEEKDAYS_SUNDAY : 1 << (type - 2);

          if (day_working)
            *working |= bit;
          else
            *working &= ~bit;
        }
      else if (type == 0)
        {
          /* Project 2003's exceptions: a WeekDay of type 0 with a TimePeriod. */
          xmlNode *period = child (w, "TimePeriod");
          g_autofree char *from = child_text (period, "FromDate");
          g_autofree char *to = child_text (period, "ToDate");
          GDate a, b;

          if (period == NULL)
            continue;
          if (!parse_datetime (from, &a, NULL))
            return invalid (r, period, error, "FromDate", from ? from : "");
          if (!parse_datetime (to, &b, NULL))
            return invalid (r, period, error, "ToDate", to ? to : "");
          if (day_working)
            {
              *working_exceptions = TRUE;
              continue;
            }
          for (int n = 0; g_date_compare (&a, &b) <= 0 && n < 3660; n++, g_date_add_days (&a, 1))
            g_ptr_array_add (holidays, format_date (&a));
        }
    }

  exceptions = child (calendar, "Exceptions");
  for (xmlNode *e = exceptions ? exceptions->children : NULL; e != NULL; e = e->next)
    {
      xmlNode *period;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      gint64 day_working, type, occurrences;
      GDate a, b;

      if (!is_element (e, "Exception"))
        continue;
      if (!child_int (r, e, "DayWorking", 0, &day_working, error) ||
          !child_int (r, e, "Type", 1, &type, error) ||
          !child_int (r, e, "Occurrences", 1, &occurrences, error))
        return FALSE;
      period = child (e, "TimePeriod");
      from = child_text (period, "FromDate");
      to = child_text (period, "ToDate");
      if (period == NULL)
        continue;
      if (!parse_datetime (from, &a, NULL))
        return invalid (r, period, error, "FromDate", from ? from : "");
      if (!parse_datetime (to, &b, NULL))
        return invalid (r, period, error, "ToDate", to ? to : "");
      if (day_working)
        {
          *working_exceptions = TRUE;
          continue;
        }
      if (type != 1)
        {
          /* A yearly or monthly rule: its first occurrence is all Charter
           * carries; the rest is named in the warning. */
          g_autofree char *name = child_text (e, "Name");
          lose (r, _("recurring calendar exceptions"), name && *name ? name : from);
          b = a;
        }
      for (int n = 0; g_date_compare (&a, &b) <= 0 && n < 3660; n++, g_date_add_days (&a, 1))
        g_ptr_array_add (holidays, format_date (&a));
    }
  return TRUE;
}

/* A resource calendar based on the project calendar whose own exceptions
 * are whole non-working days: those are the team's commitments (the way
 * Charter writes them). FALSE when the calendar is anything else. */
static int
read_commitments (Reader      *r,
                  xmlNode     *calendars,
                  const char  *uid,
                  const char  *project_uid,
                  CharterTeam *team,
                  GError     **error)
{
  xmlNode *calendar = NULL;
  g_autofree char *base = NULL;
  xmlNode *exceptions;
  guint n = 0;

  for (xmlNode *c = calendars ? calendars->children : NULL; c != NULL && calendar == NULL; c = c->next)
    if (is_element (c, "Calendar"))
      {
        g_autofree char *u = child_text (c, "UID");
        if (g_strcmp0 (u, uid) == 0)
          calendar = c;
      }
  if (calendar == NULL)
    return 1;
  base = child_text (calendar, "BaseCalendarUID");
  if (g_strcmp0 (base, project_uid) != 0)
    return 0;
  exceptions = child (calendar, "Exceptions");
  for (xmlNode *e = exceptions ? exceptions->children : NULL; e != NULL; e = e->next)
    {
      xmlNode *period;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *id = NULL;
      g_autoptr(CharterCommitment) commitment = NULL;
      gint64 day_working, type;

      if (!is_element (e, "Exception"))
        continue;
      period = child (e, "TimePeriod");
      if (!child_int (r, e, "DayWorking", 0, &day_working, error) ||
          !child_int (r, e, "Type", 1, &type, error) ||
          !child_date (r, period, "FromDate", FALSE, &from, error) ||
          !child_date (r, period, "ToDate", FALSE, &to, error))
        return -1;
      if (day_working || type != 1 || from == NULL || to == NULL || strcmp (from, to) > 0)
        {
          g_list_store_remove_all (G_LIST_STORE (charter_team_get_commitments (team)));
          return 0;
        }
      reason = child_text (e, "Name");
      id = g_strdup_printf ("%s-%u", charter_item_get_id (CHARTER_ITEM (team)), ++n);
      commitment = charter_commitment_new (id);
      charter_commitment_set_start (commitment, from);
      charter_commitment_set_finish (commitment, to);
      charter_commitment_set_reason (commitment, reason);
      g_list_store_append (G_LIST_STORE (charter_team_get_commitments (team)), commitment);
    }
  return 1;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, without repeats, NULL-terminated (transfer full). */
static char **
unique_dates (GPtrArray *dates)
{
  GPtrArray *out = g_ptr_array_new ();

  g_ptr_array_sort (dates, compare_strings);
  for (guint i = 0; i < dates->len; i++)
    if (i == 0 || strcmp (dates->pdata[i], dates->pdata[i - 1]) != 0)
      g_ptr_array_add (out, g_strdup (dates->pdata[i]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
is_working_day (Reader      *r,
                const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);
  g_autofree char *s = NULL;

  if (!(r->working & (1 << (wd - 1))))
    return FALSE;
  s = format_date (date);
  for (guint i = 0; i < r->holidays->len; i++)
    if (strcmp (r->holidays->pdata[i], s) == 0)
      return FALSE;
  return TRUE;
}

/* Working days from Start to Finish, for a task whose file gives no Duration. */
static int
count_working_days (Reader     *r,
                    const char *start,
                    const char *finish)
{
  GDate a, b;
  guint minutes;
  int n = 0;

  if (!parse_datetime (start, &a, &minutes) || !parse_datetime (finish, &b, NULL))
    return 1;
  /* TaskJuggler starts a successor at 17:00 of its predecessor's last day. */
  if (minutes >= r->finish_of_day)
    g_date_add_days (&a, 1);
  for (int i = 0; g_date_compare (&a, &b) <= 0 && i < 100000; i++, g_date_add_days (&a, 1))
    if (is_working_day (r, &a))
      n++;
  return MAX (n, 1);
}

static gboolean
refuse_dtd (void          *ctx,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;

  xmlStopParser (ctxt);
  ctxt->_private = GINT_TO_POINTER (1);
  return FALSE;
}

static void
internal_subset (void          *ctx,
                 const xmlChar *name,
                 const xmlChar *external_id,
                 const xmlChar *system_id)
{
  refuse_dtd (ctx, name, external_id, system_id);
}

/* Parses @data with the settings described at the top; NULL with @error. */
xmlDoc *
charter_import_parse_xml (const char  *data,
           gsize        length,
           const char  *display_name,
           GError     **error)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;

  if (length > CHARTER_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (CHARTER_IMPORT_MAX_SIZE);

      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_REFUSED,
                   _("%s: the file is %s, larger than the %s Charter imports"), display_name,
                   size, max);
      return NULL;
    }
  if (length > G_MAXINT)
    length = G_MAXINT;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("out of memory");
  ctxt->sax->internalSubset = internal_subset;
  ctxt->sax->externalSubset = internal_subset;
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (ctxt->_private != NULL)
    {
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_REFUSED,
                   _("%s: line %d: the file has a document type declaration, which can declare "
                     "entities or fetch other files; plan files have none, so it is refused"),
                   display_name, xmlSAX2GetLineNumber (ctxt));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strstrip (g_strdup (e && e->message ? e->message : _("not XML")));

      /* Translators: "plan.xml: line 3: Opening and ending tag mismatch" (libxml2's words) */
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_SYNTAX,
                   _("%s: line %d: not well-formed XML: %s"), display_name,
                   e ? e->line : 1, message);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

gboolean
charter_import_check_links (CharterDocument *document,
                            const char      *display_name,
                            GError         **error)
{
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *dependencies = charter_document_get_dependencies (document);
  guint n = g_list_model_get_n_items (tasks), m = g_list_model_get_n_items (dependencies);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *indegree = g_new0 (guint, n);
  g_autofree guint *edge_to = g_new (guint, m);
  g_autofree guint *edge_from = g_new (guint, m);
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *adjacent = g_new (guint, m);
  g_autofree guint *queue = g_new (guint, n);
  guint head = 0, tail = 0, k = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterItem) task = g_list_model_get_item (tasks, i);
      g_hash_table_insert (index, (gpointer) charter_item_get_id (task), GUINT_TO_POINTER (i + 1));
    }
  for (guint d = 0; d < m; d++)
    {
      g_autoptr(CharterDependency) dependency = g_list_model_get_item (dependencies, d);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (index, charter_dependency_get_predecessor (dependency)));
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (index, charter_dependency_get_successor (dependency)));

      if (p == 0 || s == 0)
        continue;
      edge_from[k] = p - 1;
      edge_to[k] = s - 1;
      first[p]++;
      indegree[s - 1]++;
      k++;
    }
  /* Adjacency lists, counting sort by predecessor. */
  for (guint i = 1; i <= n; i++)
    first[i] += first[i - 1];
  {
    g_autofree guint *fill = g_memdup2 (first, sizeof (guint) * (n + 1));
    for (guint e = 0; e < k; e++)
      adjacent[fill[edge_from[e]]++] = edge_to[e];
  }
  for (guint i = 0; i < n; i++)
    if (indegree[i] == 0)
      queue[tail++] = i;
  while (head < tail)
    {
      guint t = queue[head++];
      for (guint e = first[t]; e < first[t + 1]; e++)
        if (--indegree[adjacent[e]] == 0)
          queue[tail++] = adjacent[e];
    }
  if (tail < n)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint listed = 0;

      for (guint i = 0; i < n && listed < 5; i++)
        if (indegree[i] > 0)
          {
            g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
            g_string_append_printf (names, listed++ ? ", “%s”" : "“%s”", charter_task_get_name (task));
          }
      /* Translators: %s are task names, "“A”, “B”" */
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_INVALID,
                   _("%s: the links go round in a circle, so these tasks can never start: %s"),
                   display_name, names->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
charter_mspdi_sniff (const char *data,
                     gsize       length)
{
  gsize n = MIN (length, 4096);
  g_autofree char *ascii = g_malloc (n + 1);
  gsize k = 0;

  /* Drop the NULs of UTF-16 and look for the root element. */
  for (gsize i = 0; i < n; i++)
    if (data[i] != '\0')
      ascii[k++] = data[i];
  ascii[k] = '\0';
  return strstr (ascii, "<Project") != NULL &&
         (strstr (ascii, "schemas.microsoft.com/project") != NULL || strstr (ascii, "<SaveVersion") != NULL ||
          strstr (ascii, "<Tasks") != NULL);
}

/* Leaves of the summary task at @index (itself when it is no summary). */
static void
collect_leaves (Reader *r,
                int     index,
                GArray *out)
{
  MsTask *t = &g_array_index (r->tasks, MsTask, index);

  if (!t->has_children)
    {
      g_array_append_val (out, index);
      return;
    }
  for (guint i = index + 1; i < r->tasks->len; i++)
    {
      MsTask *c = &g_array_index (r->tasks, MsTask, i);
      int p = c->parent;

      while (p >= 0 && p != index)
        p = g_array_index (r->tasks, MsTask, p).parent;
      if (p != index)
        break;
      if (!c->has_children)
        g_array_append_val (out, i);
    }
}

static char *
build_warning (Reader *r)
{
  GString *s;

  if (r->lost_order->len == 0)
    return NULL;
  s = g_string_new (_("Not carried into Charter:"));
  for (guint i = 0; i < r->lost_order->len; i++)
    {
      const char *what = r->lost_order->pdata[i];
      GPtrArray *names = g_hash_table_lookup (r->lost, what);

      g_string_append_printf (s, i == 0 ? " %s (" : "; %s (", what);
      for (guint k = 0; k < names->len && k < 20; k++)
        g_string_append_printf (s, k == 0 ? "%s" : ", %s", (const char *) names->pdata[k]);
      if (names->len > 20)
        /* Translators: after a list of twenty task names */
        g_string_append_printf (s, _(" and %u more"), names->len - 20);
      g_string_append (s, ")");
    }
  g_string_append (s, ".");
  return g_string_free (s, FALSE);
}

static gboolean
read_project (Reader           *r,
              xmlNode          *project,
              CharterDocument  *document,
              GError          **error)
{
  CharterCalendar *calendar = charter_document_get_calendar (document);
  GListStore *tasks = G_LIST_STORE (charter_document_get_tasks (document));
  GListStore *dependencies = G_LIST_STORE (charter_document_get_dependencies (document));
  GListStore *teams = G_LIST_STORE (charter_document_get_teams (document));
  g_autoptr(GHashTable) resource_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) links_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *start = NULL;
  g_autofree char *status_date = NULL;
  g_autofree char *calendar_uid = NULL;
  g_autofree char *finish_time = NULL;
  g_auto(GStrv) holidays = NULL;
  xmlNode *calendars = child (project, "Calendars");
  xmlNode *list;
  gint64 value;
  gboolean working_exceptions = FALSE;
  guint n_links = 0;
  GHashTable *baselines = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);

  if (!child_int (r, project, "MinutesPerDay", 480, &value, error))
    goto fail;
  r->minutes_per_day = value > 0 && value <= 1440 ? (int) value : 480;
  finish_time = child_text (project, "DefaultFinishTime");
  r->finish_of_day = 17 * 60;
  if (finish_time != NULL)
    {
      guint hh, mm;
      if (sscanf (finish_time, "%2u:%2u", &hh, &mm) == 2 && hh <= 24 && mm < 60)
        r->finish_of_day = hh * 60 + mm;
    }

  if (!child_date (r, project, "StartDate", FALSE, &start, error))
    goto fail;
  if (!child_date (r, project, "StatusDate", FALSE, &status_date, error))
    goto fail;
  if (status_date == NULL && !child_date (r, project, "CurrentDate", FALSE, &status_date, error))
    goto fail;
  if (start != NULL)
    charter_calendar_set_start (calendar, start);

  /* The project calendar */
  calendar_uid = child_text (project, "CalendarUID");
  r->working = CHARTER_WEEKDAYS_WORKWEEK;
  if (calendar_uid != NULL &&
      !read_calendar (r, calendars, calendar_uid, 0, &r->working, r->holidays, &working_exceptions, error))
    goto fail;
  if (working_exceptions)
    lose (r, _("working days on a weekend or holiday"), _("the project calendar"));
  if (r->working == CHARTER_WEEKDAYS_NONE)
    r->working = CHARTER_WEEKDAYS_WORKWEEK;
  charter_calendar_set_working_days (calendar, r->working);
  holidays = unique_dates (r->holidays);
  charter_calendar_set_holidays (calendar, (const char * const *) holidays);

  /* Resources: work resources become teams. */
  list = child (project, "Resources");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *uid = NULL;
      g_autofree char *name = NULL;
      g_autofree char *cal = NULL;
      g_autofree char *id = NULL;
      g_autoptr(CharterTeam) team = NULL;
      double max_units, rate;
      gint64 type;

      if (!is_element (n, "Resource"))
        continue;
      uid = child_text (n, "UID");
      name = child_text (n, "Name");
      if (uid == NULL || name == NULL || *name == '\0' || g_strcmp0 (uid, "0") == 0)
        continue;
      if (g_hash_table_contains (resource_names, uid))
        {
          invalid (r, child (n, "UID"), error, "UID", uid);
          goto fail;
        }
      if (!child_int (r, n, "Type", 1, &type, error) ||
          !child_double (r, n, "MaxUnits", 1.0, &max_units, error) ||
          !child_double (r, n, "StandardRate", 0.0, &rate, error))
        goto fail;
      if (type != 1)
        {
          lose (r, _("material and cost resources"), name);
          continue;
        }
      if (rate != 0)
        lose (r, _("costs"), name);
      cal = child_text (n, "CalendarUID");
      if (cal != NULL && g_strcmp0 (cal, "-1") != 0 && g_strcmp0 (cal, calendar_uid) != 0)
        {
          CharterWeekdays w = CHARTER_WEEKDAYS_WORKWEEK;
          g_autoptr(GPtrArray) h = g_ptr_array_new_with_free_func (g_free);
          gboolean we = FALSE;
          g_auto(GStrv) hu = NULL;

          if (!read_calendar (r, calendars, cal, 0, &w, h, &we, error))
            goto fail;
          hu = unique_dates (h);
          id = g_strconcat ("r", uid, NULL);
          team = charter_team_new (id);
          if (w != r->working || we)
            lose (r, _("per-resource calendars"), name);
          else
            switch (read_commitments (r, calendars, cal, calendar_uid, team, error))
              {
              case -1: goto fail;
              case 0: lose (r, _("per-resource calendars"), name); break;
              default: break;
              }
        }
      if (team == NULL)
        {
          id = g_strconcat ("r", uid, NULL);
          team = charter_team_new (id);
        }
      charter_team_set_name (team, name);
      charter_team_set_capacity (team, CLAMP ((int) lround (max_units), 1, 1000));
      g_list_store_append (teams, team);
      g_hash_table_insert (resource_names, g_strdup (uid), g_strdup (id));
    }

  /* Tasks: read them all first; summaries are known from the outline. */
  list = child (project, "Tasks");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      MsTask t = { 0 };
      gint64 is_null, level, summary, milestone, format, constraint, percent;
      g_autofree char *duration = NULL;
      g_autofree char *constraint_date = NULL;
      g_autofree char *cost = NULL;
      g_autofree char *fixed_cost = NULL;
      double minutes;

      if (!is_element (n, "Task"))
        continue;
      if (!child_int (r, n, "IsNull", 0, &is_null, error))
        goto fail;
      t.uid = child_text (n, "UID");
      if (is_null || t.uid == NULL)
        {
          ms_task_clear (&t);
          continue;
        }
      if (g_hash_table_contains (r->by_uid, t.uid))
        {
          invalid (r, child (n, "UID"), error, "UID", t.uid);
          ms_task_clear (&t);
          goto fail;
        }
      t.node = n;
      t.name = child_text (n, "Name");
      if (t.name == NULL || *t.name == '\0')
        {
          g_free (t.name);
          /* Translators: the name of a task the file left unnamed; %s is its number */
          t.name = g_strdup_printf (_("Task %s"), t.uid);
        }
      if (!child_int (r, n, "OutlineLevel", 1, &level, error) ||
          !child_int (r, n, "Summary", 0, &summary, error) ||
          !child_int (r, n, "Milestone", 0, &milestone, error) ||
          !child_int (r, n, "DurationFormat", 7, &format, error) ||
          !child_int (r, n, "ConstraintType", 0, &constraint, error) ||
          !child_int (r, n, "PercentComplete", 0, &percent, error) ||
          !child_date (r, n, "Deadline", FALSE, &t.deadline, error) ||
          !child_date (r, n, "ConstraintDate", TRUE, &constraint_date, error))
        {
          ms_task_clear (&t);
          goto fail;
        }
      t.level = (int) CLAMP (level, 0, 1000);
      t.summary = summary != 0;
      t.milestone = milestone != 0;
      t.percent = (int) CLAMP (percent, 0, 100);
      t.parent = -1;

      duration = child_text (n, "Duration");
      if (duration != NULL && *duration != '\0')
        {
          double days;

          if (!parse_duration (duration, r->minutes_per_day, &minutes) || minutes < 0)
            {
              invalid (r, child (n, "Duration"), error, "Duration", duration);
              ms_task_clear (&t);
              goto fail;
            }
          days = minutes / r->minutes_per_day;
          t.duration = (int) CLAMP (lround (days), 0, 100000);
          if (fabs (days - round (days)) > 1e-6)
            {
              lose (r, _("part days"), t.name);
              if (t.duration == 0 && !t.milestone)
                t.duration = 1;
            }
        }
      else
        {
          g_autofree char *s = child_text (n, "Start");
          g_autofree char *f = child_text (n, "Finish");
          t.duration = t.milestone ? 0 : count_working_days (r, s, f);
        }
      if (t.duration == 0)
        t.milestone = TRUE;
      if (t.milestone)
        {
          /* A milestone at the end of a day is on that day, not the next. */
          t.duration = 0;
          g_clear_pointer (&constraint_date, g_free);
          if (!child_date (r, n, "ConstraintDate", FALSE, &constraint_date, error))
            {
              ms_task_clear (&t);
              goto fail;
            }
        }
      if (is_elapsed_format (format) && !t.summary)
        lose (r, _("elapsed durations"), t.name);

      switch (constraint)
        {
        case 0: /* as soon as possible */
          break;
        case 2: /* must start on */
        case 4: /* start no earlier than */
          t.snet = g_steal_pointer (&constraint_date);
          if (constraint == 2 && g_strcmp0 (t.snet, start) != 0)
            lose (r, _("“must start on” constraints (kept as “start no earlier than”)"), t.name);
          break;
        case 7: /* finish no later than */
          {
            g_autofree char *d = NULL;
            if (!child_date (r, n, "ConstraintDate", FALSE, &d, error))
              {
                ms_task_clear (&t);
                goto fail;
              }
            if (d != NULL && (t.deadline == NULL || strcmp (d, t.deadline) < 0))
              {
                g_free (t.deadline);
                t.deadline = g_steal_pointer (&d);
              }
          }
          break;
        default:
          lose (r, _("constraints other than “start no earlier than” and “finish no later than”"), t.name);
          break;
        }

      cost = child_text (n, "Cost");
      fixed_cost = child_text (n, "FixedCost");
      if ((cost && g_ascii_strtod (cost, NULL) != 0) || (fixed_cost && g_ascii_strtod (fixed_cost, NULL) != 0))
        lose (r, _("costs"), t.name);

      /* Charter's own mark of the launch, in Text1 (charter-mspdi-writer.c) */
      for (xmlNode *x = n->children; x != NULL; x = x->next)
        if (is_element (x, "ExtendedAttribute"))
          {
            g_autofree char *field = child_text (x, "FieldID");
            g_autofree char *v = child_text (x, "Value");
            if (g_strcmp0 (field, "188743731") == 0 && g_strcmp0 (v, "launch") == 0)
              t.launch = TRUE;
          }

      g_array_append_val (r->tasks, t);
      g_hash_table_insert (r->by_uid, g_strdup (t.uid), GUINT_TO_POINTER (r->tasks->len));
    }

  /* The outline: a task's parent is the nearest task above it with a lower level. */
  {
    g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

    for (guint i = 0; i < r->tasks->len; i++)
      {
        MsTask *t = &g_array_index (r->tasks, MsTask, i);

        while (stack->len > 0 &&
               g_array_index (r->tasks, MsTask, g_array_index (stack, int, stack->len - 1)).level >= t->level)
          g_array_set_size (stack, stack->len - 1);
        if (stack->len > 0)
          {
            t->parent = g_array_index (stack, int, stack->len - 1);
            g_array_index (r->tasks, MsTask, t->parent).has_children = TRUE;
          }
        g_array_append_val (stack, i);
      }
  }

  /* Assignments: a task's first one is its team. */
  list = child (project, "Assignments");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *task_uid = NULL;
      g_autofree char *resource_uid = NULL;
      const char *team;
      guint index;
      MsTask *t;

      if (!is_element (n, "Assignment"))
        continue;
      task_uid = child_text (n, "TaskUID");
      resource_uid = child_text (n, "ResourceUID");
      index = task_uid ? GPOINTER_TO_UINT (g_hash_table_lookup (r->by_uid, task_uid)) : 0;
      team = resource_uid ? g_hash_table_lookup (resource_names, resource_uid) : NULL;
      if (index == 0 || team == NULL)
        continue;
      t = &g_array_index (r->tasks, MsTask, index - 1);
      if (t->team == NULL)
        t->team = g_strdup (team);
      else if (strcmp (t->team, team) != 0)
        lose (r, _("assignments after a task’s first"), t->name);
    }

  /* Summary tasks: their constraints pass to their tasks, as MS Project applies them. */
  for (guint i = 0; i < r->tasks->len; i++)
    {
      MsTask *t = &g_array_index (r->tasks, MsTask, i);

      if (!t->has_children)
        continue;
      if (t->level > 0)
        lose (r, _("summary tasks (flattened: Charter has no groups; their links and dates were applied to their tasks)"), t->name);
      if (t->snet == NULL && t->deadline == NULL)
        continue;
      for (guint k = i + 1; k < r->tasks->len; k++)
        {
          MsTask *c = &g_array_index (r->tasks, MsTask, k);
          int p = c->parent;

          while (p >= 0 && p != (int) i)
            p = g_array_index (r->tasks, MsTask, p).parent;
          if (p != (int) i)
            break;
          if (t->snet && (c->snet == NULL || strcmp (t->snet, c->snet) > 0))
            {
              g_free (c->snet);
              c->snet = g_strdup (t->snet);
            }
          if (t->deadline && (c->deadline == NULL || strcmp (t->deadline, c->deadline) < 0))
            {
              g_free (c->deadline);
              c->deadline = g_strdup (t->deadline);
            }
        }
    }

  /* The tasks Charter keeps: every task without children. */
  for (guint i = 0; i < r->tasks->len; i++)
    {
      MsTask *t = &g_array_index (r->tasks, MsTask, i);
      g_autofree char *id = NULL;
      g_autoptr(CharterTask) task = NULL;

      if (t->has_children)
        continue;
      if (t->level == 0 && t->summary && r->tasks->len > 1)
        continue;   /* the project summary task without outline children */
      id = g_strconcat ("t", t->uid, NULL);
      task = charter_task_new (id);
      charter_task_set_name (task, t->name);
      charter_task_set_duration (task, t->duration);
      charter_task_set_milestone (task, t->milestone);
      charter_task_set_launch (task, t->launch);
      charter_task_set_team_id (task, t->team);
      if (t->snet != NULL && g_strcmp0 (t->snet, start) > 0)
        charter_task_set_start_no_earlier_than (task, t->snet);
      charter_task_set_finish_no_later_than (task, t->deadline);
      g_list_store_append (tasks, task);
    }

  /* Links, with summaries replaced by their tasks. */
  for (guint i = 0; i < r->tasks->len; i++)
    {
      MsTask *t = &g_array_index (r->tasks, MsTask, i);

      for (xmlNode *l = t->node->children; l != NULL; l = l->next)
        {
          g_autofree char *pred_uid = NULL;
          g_autoptr(GArray) from = g_array_new (FALSE, FALSE, sizeof (int));
          g_autoptr(GArray) to = g_array_new (FALSE, FALSE, sizeof (int));
          gint64 type, lag, lag_format;
          guint pred;
          int lag_days;
          CharterDependencyType kind;

          if (!is_element (l, "PredecessorLink"))
            continue;
          pred_uid = child_text (l, "PredecessorUID");
          if (!child_int (r, l, "Type", 1, &type, error) ||
              !child_int (r, l, "LinkLag", 0, &lag, error) ||
              !child_int (r, l, "LagFormat", 7, &lag_format, error))
            goto fail;
          pred = pred_uid ? GPOINTER_TO_UINT (g_hash_table_lookup (r->by_uid, pred_uid)) : 0;
          if (pred == 0)
            {
              invalid (r, l, error, "PredecessorUID", pred_uid ? pred_uid : "");
              goto fail;
            }
          switch (type)
            {
            case 0: kind = CHARTER_DEPENDENCY_FINISH_TO_FINISH; break;
            case 1: kind = CHARTER_DEPENDENCY_FINISH_TO_START; break;
            case 2: kind = CHARTER_DEPENDENCY_START_TO_FINISH; break;
            case 3: kind = CHARTER_DEPENDENCY_START_TO_START; break;
            default:
              {
                g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, type);
                invalid (r, l, error, "Type", s);
                goto fail;
              }
            }
          if (lag_format == 19 || lag_format == 20 || lag_format == 51 || lag_format == 52)
            {
              lose (r, _("lags in percent of the predecessor"), t->name);
              lag = 0;
            }
          else if (is_elapsed_format (lag_format))
            lose (r, _("elapsed lags (counted as working days)"), t->name);
          {
            double days = lag / 10.0 / r->minutes_per_day;

            lag_days = (int) CLAMP (lround (days), -100000, 100000);
            if (fabs (days - round (days)) > 1e-6)
              lose (r, _("part-day lags (rounded)"), t->name);
          }

          collect_leaves (r, (int) pred - 1, from);
          collect_leaves (r, (int) i, to);
          for (guint a = 0; a < from->len; a++)
            for (guint b = 0; b < to->len; b++)
              {
                MsTask *p = &g_array_index (r->tasks, MsTask, g_array_index (from, int, a));
                MsTask *s = &g_array_index (r->tasks, MsTask, g_array_index (to, int, b));
                g_autofree char *key = NULL;
                g_autofree char *id = NULL;
                g_autofree char *pid = NULL;
                g_autofree char *sid = NULL;
                g_autoptr(CharterDependency) dependency = NULL;

                if (p == s)
                  continue;
                key = g_strdup_printf ("%s %s %d %d", p->uid, s->uid, kind, lag_days);
                if (!g_hash_table_add (links_seen, g_steal_pointer (&key)))
                  continue;
                id = g_strdup_printf ("d%u", ++n_links);
                pid = g_strconcat ("t", p->uid, NULL);
                sid = g_strconcat ("t", s->uid, NULL);
                dependency = charter_dependency_new (id);
                charter_dependency_set_predecessor (dependency, pid);
                charter_dependency_set_successor (dependency, sid);
                charter_dependency_set_kind (dependency, kind);
                charter_dependency_set_lag (dependency, lag_days);
                g_list_store_append (dependencies, dependency);
              }
        }
    }

  /* Percent complete: one check-in on the status date. */
  {
    g_autoptr(CharterCheckIn) check_in = NULL;
    guint n_statuses = 0;

    for (guint i = 0; i < r->tasks->len; i++)
      {
        MsTask *t = &g_array_index (r->tasks, MsTask, i);
        g_autofree char *id = NULL;
        g_autofree char *task_id = NULL;
        g_autoptr(CharterTaskStatus) status = NULL;

        if (t->has_children || t->percent <= 0)
          continue;
        if (check_in == NULL)
          {
            check_in = charter_check_in_new ("c1");
            charter_check_in_set_date (check_in, status_date ? status_date : start);
            /* Translators: the notes of the check-in an import makes */
            charter_check_in_set_notes (check_in, _("Percent complete from the imported file"));
          }
        id = g_strdup_printf ("s%u", ++n_statuses);
        task_id = g_strconcat ("t", t->uid, NULL);
        status = charter_task_status_new (id);
        charter_task_status_set_task_id (status, task_id);
        charter_task_status_set_percent_complete (status, t->percent);
        if (t->percent >= 100)
          charter_task_status_set_state (status, CHARTER_TASK_STATE_DONE);
        g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);
      }
    if (check_in != NULL)
      g_list_store_append (G_LIST_STORE (charter_document_get_check_ins (document)), check_in);
  }

  /* Baselines 0 to 10 */
  for (guint i = 0; i < r->tasks->len; i++)
    {
      MsTask *t = &g_array_index (r->tasks, MsTask, i);

      if (t->has_children)
        continue;
      for (xmlNode *b = t->node->children; b != NULL; b = b->next)
        {
          gint64 number;
          g_autofree char *bstart = NULL;
          g_autofree char *bfinish = NULL;
          g_autofree char *id = NULL;
          g_autofree char *task_id = NULL;
          CharterBaseline *baseline;
          g_autoptr(CharterBaselineEntry) entry = NULL;

          if (!is_element (b, "Baseline"))
            continue;
          if (!child_int (r, b, "Number", 0, &number, error) ||
              !child_date (r, b, "Start", TRUE, &bstart, error) ||
              !child_date (r, b, "Finish", FALSE, &bfinish, error))
            goto fail;
          if (bstart == NULL || bfinish == NULL || number < 0 || number > 10)
            continue;
          if (t->milestone)
            {
              g_free (bstart);
              bstart = g_strdup (bfinish);
            }
          baseline = g_hash_table_lookup (baselines, GINT_TO_POINTER ((int) number));
          if (baseline == NULL)
            {
              g_autofree char *bid = g_strdup_printf ("b%d", (int) number);
              baseline = charter_baseline_new (bid);
              if (number == 0)
                charter_baseline_set_name (baseline, _("Baseline"));
              else
                {
                  /* Translators: MS Project's numbered baselines, "Baseline 3" */
                  g_autofree char *name = g_strdup_printf (_("Baseline %d"), (int) number);
                  charter_baseline_set_name (baseline, name);
                }
              charter_baseline_set_date (baseline, start);
              g_hash_table_insert (baselines, GINT_TO_POINTER ((int) number), baseline);
            }
          id = g_strdup_printf ("b%d-%s", (int) number, t->uid);
          task_id = g_strconcat ("t", t->uid, NULL);
          entry = charter_baseline_entry_new (id);
          charter_baseline_entry_set_task_id (entry, task_id);
          charter_baseline_entry_set_start (entry, bstart);
          charter_baseline_entry_set_finish (entry, bfinish);
          g_list_store_append (G_LIST_STORE (charter_baseline_get_entries (baseline)), entry);
        }
    }
  for (int number = 0; number <= 10; number++)
    {
      CharterBaseline *baseline = g_hash_table_lookup (baselines, GINT_TO_POINTER (number));
      if (baseline != NULL)
        g_list_store_append (G_LIST_STORE (charter_document_get_baselines (document)), baseline);
    }
  g_hash_table_unref (baselines);
  return TRUE;

fail:
  g_hash_table_unref (baselines);
  return FALSE;
}

CharterDocument *
charter_mspdi_read (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    char       **warning,
                    GError     **error)
{
  g_autoptr(CharterDocument) document = NULL;
  xmlDoc *doc;
  xmlNode *root;
  Reader r = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (warning)
    *warning = NULL;
  doc = charter_import_parse_xml (data, length, display_name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "Project"))
    {
      g_set_error (error, CHARTER_IMPORT_ERROR, CHARTER_IMPORT_ERROR_NOT_PLAN,
                   _("%s: line %ld: not Microsoft Project XML: the root element is “%s”, not “Project”"),
                   display_name, root ? (long) xmlGetLineNo (root) : 1L,
                   root ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  r.display_name = display_name;
  r.holidays = g_ptr_array_new_with_free_func (g_free);
  r.tasks = g_array_new (FALSE, TRUE, sizeof (MsTask));
  g_array_set_clear_func (r.tasks, ms_task_clear);
  r.by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  r.lost_order = g_ptr_array_new_with_free_func (g_free);

  document = charter_document_new ();
  ok = read_project (&r, root, document, error) &&
       charter_import_check_links (document, display_name, error);
  if (ok && warning)
    *warning = build_warning (&r);

  g_ptr_array_unref (r.holidays);
  g_array_unref (r.tasks);
  g_hash_table_unref (r.by_uid);
  g_hash_table_unref (r.lost);
  g_ptr_array_unref (r.lost_order);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&document) : NULL;
}
