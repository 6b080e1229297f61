/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-ics.c: a small reader of the one part of RFC 5545 holidays need:
 * VEVENTs with DTSTART;VALUE=DATE:YYYYMMDD. Lines folded by a leading space
 * are joined; every other property is skipped. */

#define G_LOG_DOMAIN "charter-ics"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-ics.h"

G_DEFINE_QUARK (charter-ics-error-quark, charter_ics_error)

/* "20260309" to "2026-03-09", or NULL when it is no date. */
static char *
parse_date (const char *value)
{
  int year, month, day;

  if (strlen (value) < 8)
    return NULL;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (value[i]))
      return NULL;
  /* A date-time ("20260309T000000Z") is not a holiday: only whole days. */
  if (value[8] != '\0')
    return NULL;
  year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  month = (value[4] - '0') * 10 + (value[5] - '0');
  day = (value[6] - '0') * 10 + (value[7] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * charter_ics_parse_holidays:
 * @text: the file's contents, UTF-8
 * @length: its length, or -1 when nul-terminated
 * @error: where to put what was wrong, naming the line
 *
 * Reads the dates of the all-day events of an iCalendar file, sorted and
 * without repeats, as ISO 8601 dates ("2026-12-25").
 *
 * Returns: (transfer full): the dates, or %NULL with @error set
 */
char **
charter_ics_parse_holidays (const char  *text,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *copy = NULL;
  g_auto(GStrv) raw = NULL;
  gboolean in_calendar = FALSE, in_event = FALSE;
  char *date = NULL;
  guint date_line = 0;

  g_return_val_if_fail (text != NULL, NULL);

  copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                   _("This is not a calendar file: it is not UTF-8 text"));
      return NULL;
    }

  /* Unfold: a line that starts with a space or tab continues the one before. */
  raw = g_strsplit (copy, "\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *line = raw[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if ((line[0] == ' ' || line[0] == '\t') && lines->len > 0)
        {
          char *previous = g_ptr_array_index (lines, lines->len - 1);

          lines->pdata[lines->len - 1] = g_strconcat (previous, line + 1, NULL);
          g_free (previous);
          continue;
        }
      if (len == 0)
        continue;
      g_ptr_array_add (lines, g_strdup (line));
      {
        guint number = i + 1;
        g_array_append_val (numbers, number);
      }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      guint number = g_array_index (numbers, guint, i);
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;
      g_auto(GStrv) params = NULL;

      if (colon == NULL)
        {
          g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                       _("Line %u is not an iCalendar line (NAME:value): “%.40s”"), number, line);
          g_clear_pointer (&date, g_free);
          return NULL;
        }
      name = g_strndup (line, colon - line);
      params = g_strsplit (name, ";", -1);

      if (i == 0 && g_ascii_strcasecmp (line, "BEGIN:VCALENDAR") != 0)
        {
          g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                       _("Line %u should be BEGIN:VCALENDAR: this is not a calendar file"), number);
          return NULL;
        }

      if (g_ascii_strcasecmp (line, "BEGIN:VCALENDAR") == 0)
        in_calendar = TRUE;
      else if (g_ascii_strcasecmp (line, "END:VCALENDAR") == 0)
        in_calendar = FALSE;
      else if (g_ascii_strcasecmp (line, "BEGIN:VEVENT") == 0)
        {
          if (!in_calendar || in_event)
            {
              g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                           _("Line %u starts an event inside another one"), number);
              g_clear_pointer (&date, g_free);
              return NULL;
            }
          in_event = TRUE;
        }
      else if (g_ascii_strcasecmp (line, "END:VEVENT") == 0)
        {
          if (!in_event)
            {
              g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                           _("Line %u ends an event that never began"), number);
              return NULL;
            }
          in_event = FALSE;
          if (date != NULL)
            g_ptr_array_add (dates, g_steal_pointer (&date));
        }
      else if (in_event && g_ascii_strcasecmp (params[0], "DTSTART") == 0)
        {
          gboolean whole_day = FALSE;

          for (guint p = 1; params[p] != NULL; p++)
            if (g_ascii_strcasecmp (params[p], "VALUE=DATE") == 0)
              whole_day = TRUE;
          g_clear_pointer (&date, g_free);
          date = parse_date (colon + 1);
          date_line = number;
          if (date == NULL && whole_day)
            {
              g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                           _("Line %u: “%s” is not a date (YYYYMMDD)"), date_line, colon + 1);
              return NULL;
            }
        }
    }

  g_clear_pointer (&date, g_free);
  if (in_event)
    {
      g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                   _("The file ends inside an event (line %u)"),
                   numbers->len > 0 ? g_array_index (numbers, guint, numbers->len - 1) : 1);
      return NULL;
    }
  if (dates->len == 0)
    {
      g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_EMPTY,
                   _("The calendar holds no all-day events to take holidays from"));
      return NULL;
    }

  g_ptr_array_sort (dates, compare_strings);
  {
    g_autoptr(GPtrArray) unique = g_ptr_array_new ();

    for (guint i = 0; i < dates->len; i++)
      if (unique->len == 0 || strcmp (g_ptr_array_index (unique, unique->len - 1), g_ptr_array_index (dates, i)) != 0)
        g_ptr_array_add (unique, g_strdup (g_ptr_array_index (dates, i)));
    g_ptr_array_add (unique, NULL);
    return (char **) g_ptr_array_free (g_steal_pointer (&unique), FALSE);
  }
}
