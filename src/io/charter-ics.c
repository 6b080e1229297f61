/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-ics.c: a small reader of the one part of RFC 5545 holidays need:
 * VEVENTs with DTSTART;VALUE=DATE:YYYYMMDD and an optional DTEND. Lines
 * folded by a leading space are joined; every other property is skipped.
 * Fuzzed by tests/fuzz/fuzz-ics.c. */

#define G_LOG_DOMAIN "charter-ics"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "charter-ics.h"

G_DEFINE_QUARK (charter-ics-error-quark, charter_ics_error)

/* The longest all-day event taken as holidays: a shutdown of weeks is
 * holidays, one of years is not (and would make millions of dates). */
#define MAX_EVENT_DAYS 366

/* "20260309" to its Julian day, or 0 when it is no date. */
static guint32
parse_date (const char *value)
{
  int year, month, day;

  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (value[i]))
      return 0;
  /* A date-time ("20260309T000000Z") is not a holiday: only whole days. */
  if (value[8] != '\0')
    return 0;
  year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  month = (value[4] - '0') * 10 + (value[5] - '0');
  day = (value[6] - '0') * 10 + (value[7] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  {
    g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

    return g_date_get_julian (date);
  }
}

/* At most @max bytes of @text, cut at a character boundary, so that an
 * error message quoting it stays short and valid UTF-8 (for "%.40s"). */
static char *
excerpt (const char *text,
         gsize       max)
{
  const char *end;

  if (strlen (text) <= max)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max + 1);
  return g_strndup (text, end - text);
}

static gboolean
is_property (const char *line,
             const char *name)
{
  gsize length = strlen (name);

  return g_ascii_strncasecmp (line, name, length) == 0 && (line[length] == ':' || line[length] == ';');
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/**
 * charter_ics_parse_holidays:
 * @text: the file's contents, UTF-8 (a byte order mark is skipped)
 * @length: its length, or -1 when nul-terminated
 * @error: where to put what was wrong, naming the line
 *
 * Reads the dates of the all-day events of an iCalendar file, sorted and
 * without repeats, as ISO 8601 dates ("2026-12-25"). An event with a
 * DTEND (exclusive, as RFC 5545 says) gives every day up to the one before
 * it; properties of components inside an event (an alarm) are not the
 * event's. Repeat rules (RRULE) are not expanded: such an event gives its
 * first date.
 *
 * Returns: (transfer full): the dates, or %NULL with @error set
 */
char **
charter_ics_parse_holidays (const char  *text,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) last = NULL;
  g_autofree char *copy = NULL;
  const char *body, *end;
  gboolean in_calendar = FALSE, in_event = FALSE;
  guint nested = 0;
  guint32 first_day = 0, end_day = 0;
  guint end_line = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (memchr (text, '\0', length) != NULL || !g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                   _("This is not a calendar file: it is not UTF-8 text"));
      return NULL;
    }
  copy = g_strndup (text, length);
  body = g_str_has_prefix (copy, "\xef\xbb\xbf") ? copy + 3 : copy;

  /* Unfold: a line that starts with a space or tab continues the one
   * before. Appended in place: a long folded value (an attachment in
   * base64) is thousands of lines, and copying the whole line for each
   * would take minutes. */
  /* Lines are found with memchr over the known length, not g_strsplit:
   * its strstr, under AddressSanitizer, measures the rest of the text for
   * every line (23 s for a 3 MB attachment). */
  end = copy + length;
  for (guint i = 0; body <= end; i++)
    {
      const char *line = body;
      const char *newline = memchr (body, '\n', end - body);
      gsize len = (newline != NULL ? newline : end) - line;

      body = (newline != NULL ? newline : end) + 1;
      if (len > 0 && line[len - 1] == '\r')
        len--;
      if ((line[0] == ' ' || line[0] == '\t') && last != NULL)
        {
          g_string_append_len (last, line + 1, len - 1);
          continue;
        }
      if (len == 0)
        continue;
      if (last != NULL)
        g_ptr_array_add (lines, g_string_free (g_steal_pointer (&last), FALSE));
      last = g_string_new_len (line, len);
      {
        guint number = i + 1;
        g_array_append_val (numbers, number);
      }
    }
  if (last != NULL)
    g_ptr_array_add (lines, g_string_free (g_steal_pointer (&last), FALSE));

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      guint number = g_array_index (numbers, guint, i);
      const char *colon = strchr (line, ':');

      /* A property needs a name before its colon. */
      if (colon == NULL || colon == line)
        {
          g_autofree char *quoted = excerpt (line, 40);

          g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                       _("Line %u is not an iCalendar line (NAME:value): “%.40s”"), number, quoted);
          return NULL;
        }

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
              return NULL;
            }
          in_event = TRUE;
          nested = 0;
          first_day = end_day = 0;
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
          if (first_day == 0)
            continue;
          /* DTEND is the day after the last one; none, or one not after
           * the start, is a single day. */
          if (end_day <= first_day)
            end_day = first_day + 1;
          if (end_day - first_day > MAX_EVENT_DAYS)
            {
              g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                           _("Line %u: an event longer than %u days is not a holiday"),
                           end_line, MAX_EVENT_DAYS);
              return NULL;
            }
          for (guint32 day = first_day; day < end_day; day++)
            g_array_append_val (days, day);
        }
      else if (in_event && g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
        nested++;
      else if (in_event && nested > 0 && g_ascii_strncasecmp (line, "END:", 4) == 0)
        nested--;
      else if (in_event && nested == 0 && (is_property (line, "DTSTART") || is_property (line, "DTEND")))
        {
          g_autofree char *name = g_strndup (line, colon - line);
          g_auto(GStrv) params = g_strsplit (name, ";", -1);
          gboolean whole_day = FALSE;
          guint32 day;

          for (guint p = 1; params[p] != NULL; p++)
            if (g_ascii_strcasecmp (params[p], "VALUE=DATE") == 0)
              whole_day = TRUE;
          day = parse_date (colon + 1);
          if (day == 0 && whole_day)
            {
              g_autofree char *quoted = excerpt (colon + 1, 40);

              g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                           _("Line %u: “%s” is not a date (YYYYMMDD)"), number, quoted);
              return NULL;
            }
          if (g_ascii_strcasecmp (params[0], "DTSTART") == 0)
            first_day = day;
          else
            {
              end_day = day;
              end_line = number;
            }
        }
    }

  if (in_event)
    {
      g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX,
                   _("The file ends inside an event (line %u)"),
                   numbers->len > 0 ? g_array_index (numbers, guint, numbers->len - 1) : 1);
      return NULL;
    }
  if (days->len == 0)
    {
      g_set_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_EMPTY,
                   _("The calendar holds no all-day events to take holidays from"));
      return NULL;
    }

  g_array_sort (days, compare_days);
  {
    g_autoptr(GPtrArray) unique = g_ptr_array_new ();
    guint32 previous = 0;

    for (guint i = 0; i < days->len; i++)
      {
        guint32 day = g_array_index (days, guint32, i);
        GDate date;

        if (day == previous)
          continue;
        previous = day;
        g_date_clear (&date, 1);
        g_date_set_julian (&date, day);
        g_ptr_array_add (unique, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                                  g_date_get_month (&date), g_date_get_day (&date)));
      }
    g_ptr_array_add (unique, NULL);
    return (char **) g_ptr_array_free (g_steal_pointer (&unique), FALSE);
  }
}
