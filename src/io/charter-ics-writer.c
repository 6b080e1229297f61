/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-ics-writer.c: writing the plan's dates as iCalendar (RFC 5545).
 * Hand-written, as the reader in charter-ics.c: all-day VEVENTs need
 * escaping and line folding, no time zones or recurrence
 * (docs/dependencies.md, "iCalendar"). */

#define G_LOG_DOMAIN "charter-ics"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-ics-writer.h"

/* One content line, TEXT escaped (RFC 5545 3.3.11) and folded at 75 octets
 * without splitting a UTF-8 character. */
static void
append_line (GString    *out,
             const char *name,
             const char *text,
             gboolean    escape)
{
  g_autoptr(GString) line = g_string_new (name);
  gsize width = 0;

  g_string_append_c (line, ':');
  for (const char *p = text; *p; p++)
    {
      if (escape && (*p == '\\' || *p == ';' || *p == ','))
        g_string_append_c (line, '\\');
      if (escape && *p == '\n')
        {
          g_string_append (line, "\\n");
          continue;
        }
      if (*p == '\r')
        continue;
      g_string_append_c (line, *p);
    }
  for (const char *p = line->str; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gsize n = next - p;

      if (width + n > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, n);
      width += n;
      p = next;
    }
  g_string_append (out, "\r\n");
}

static void
date_value (char       *buffer,
            guint32     julian,
            int         add)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_days (&date, add);
  g_snprintf (buffer, 9, "%04d%02d%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static guint32
iso_julian (const char *iso)
{
  guint y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
append_event (GString    *out,
              const char *stamp,
              const char *uid,
              guint32     first,
              guint32     last,
              const char *summary,
              const char *description,
              const char *category)
{
  char start[9], end[9];

  date_value (start, first, 0);
  date_value (end, last, 1);   /* DTEND is exclusive */
  g_string_append (out, "BEGIN:VEVENT\r\n");
  append_line (out, "UID", uid, FALSE);
  append_line (out, "DTSTAMP", stamp, FALSE);
  append_line (out, "DTSTART;VALUE=DATE", start, FALSE);
  append_line (out, "DTEND;VALUE=DATE", end, FALSE);
  append_line (out, "SUMMARY", summary, TRUE);
  if (description != NULL && *description != '\0')
    append_line (out, "DESCRIPTION", description, TRUE);
  append_line (out, "CATEGORIES", category, TRUE);
  append_line (out, "TRANSP", "TRANSPARENT", FALSE);
  g_string_append (out, "END:VEVENT\r\n");
}

GBytes *
charter_ics_write (CharterDocument *document,
                   GHashTable      *starts,
                   GHashTable      *finishes)
{
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *teams = charter_document_get_teams (document);
  GListModel *check_ins = charter_document_get_check_ins (document);
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  GString *out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Charter//Charter " PACKAGE_VERSION "//EN\r\n"
                               "CALSCALE:GREGORIAN\r\n");
  gsize length;

  now = epoch ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10)) : g_date_time_new_now_utc ();
  if (now == NULL)
    now = g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  append_line (out, "X-WR-CALNAME", charter_document_get_title (document) ? charter_document_get_title (document) : "Charter", TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (tasks) && starts != NULL; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      guint32 day;

      if (!(charter_task_get_milestone (task) || charter_task_get_launch (task)) || !g_hash_table_contains (starts, id))
        continue;
      day = GPOINTER_TO_UINT (g_hash_table_lookup (charter_task_get_milestone (task) || finishes == NULL ? starts : finishes, id));
      uid = g_strdup_printf ("task-%s@charter", id);
      if (charter_task_get_launch (task))
        /* Translators: a calendar event; %s is the task's name */
        summary = g_strdup_printf (_("Launch: %s"), charter_task_get_name (task));
      else
        /* Translators: a calendar event; %s is the milestone's name */
        summary = g_strdup_printf (_("Milestone: %s"), charter_task_get_name (task));
      append_event (out, stamp, uid, day, day, summary, charter_task_get_notes (task),
                    charter_task_get_launch (task) ? "Launch" : "Milestone");
    }

  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(CharterCheckIn) check_in = g_list_model_get_item (check_ins, i);
      guint32 day = iso_julian (charter_check_in_get_date (check_in));
      g_autofree char *uid = g_strdup_printf ("check-in-%s@charter", charter_item_get_id (CHARTER_ITEM (check_in)));

      if (day != 0)
        /* Translators: a calendar event */
        append_event (out, stamp, uid, day, day, _("Check-in"), charter_check_in_get_notes (check_in), "Check-in");
    }

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      GListModel *commitments = charter_team_get_commitments (team);

      for (guint c = 0; c < g_list_model_get_n_items (commitments); c++)
        {
          g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, c);
          guint32 first = iso_julian (charter_commitment_get_start (commitment));
          guint32 last = iso_julian (charter_commitment_get_finish (commitment));
          g_autofree char *uid = g_strdup_printf ("commitment-%s-%s@charter", charter_item_get_id (CHARTER_ITEM (team)),
                                                  charter_item_get_id (CHARTER_ITEM (commitment)));
          g_autofree char *summary = NULL;

          if (first == 0 || last < first)
            continue;
          /* Translators: a calendar event; %s is the team's name */
          summary = g_strdup_printf (_("%s busy elsewhere"), charter_team_get_name (team));
          append_event (out, stamp, uid, first, last, summary, charter_commitment_get_reason (commitment), "Commitment");
        }
    }

  g_string_append (out, "END:VCALENDAR\r\n");
  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}
