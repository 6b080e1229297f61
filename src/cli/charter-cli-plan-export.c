/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-plan-export.c: `charter-cli export FILE --to mspdi`, the plan
 * with its scheduled dates as Microsoft Project XML, or --to csv as a task
 * list (docs/scheduling.md, "Imported plans"). */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-csv.h"
#include "charter-ics-writer.h"
#include "charter-mspdi.h"
#include "charter-schedule.h"

gboolean
charter_cli_is_plan_format (const char *to)
{
  return g_ascii_strcasecmp (to, "mspdi") == 0 || g_ascii_strcasecmp (to, "msproject") == 0 ||
         g_ascii_strcasecmp (to, "csv") == 0 || g_ascii_strcasecmp (to, "ics") == 0;
}

int
charter_cli_export_plan (const char *path,
                         const char *to,
                         const char *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(CharterDocument) document = charter_cli_load_document (file);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(GHashTable) starts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) finishes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return 1;
  /* MSPDI and CSV: the plan's own dates, without check-ins, which the
   * receiving tool computes again from the durations and links written.
   * iCalendar: the forecast of the latest check-in, for the team calendar. */
  schedule = charter_schedule_compute_as_of (document, g_ascii_strcasecmp (to, "ics") == 0 ? NULL : "none", &error);
  if (schedule == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      fprintf (stderr, "%s: %s\n", basename, error->message);
      return 1;
    }
  for (guint i = 0; i < charter_schedule_get_n_tasks (schedule); i++)
    {
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      const char *id = charter_schedule_get_task_id (schedule, i);

      g_hash_table_insert (starts, (gpointer) id, GUINT_TO_POINTER (dates->early_start));
      g_hash_table_insert (finishes, (gpointer) id, GUINT_TO_POINTER (dates->early_finish));
    }
  if (g_ascii_strcasecmp (to, "ics") == 0)
    bytes = charter_ics_write (document, starts, finishes);
  else if (g_ascii_strcasecmp (to, "csv") == 0)
    bytes = charter_csv_write (document, starts, finishes);
  else
    bytes = charter_mspdi_write (document, starts, finishes);

  if (output == NULL || g_str_equal (output, "-"))
    {
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      if (fflush (stdout) != 0)
        {
          fprintf (stderr, "%s\n", _("charter-cli export: could not write to standard output"));
          return 1;
        }
      return 0;
    }
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      fprintf (stderr, _("charter-cli export: cannot write %s: %s\n"), output, error->message);
      return 1;
    }
  return 0;
}
