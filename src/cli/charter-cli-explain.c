/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-explain.c: `charter-cli explain FILE [TASK]`, the engine's
 * account of the timeline, or of one task, in sentences. */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-file.h"
#include "charter-schedule.h"

int
charter_cli_explain (int   argc,
                     char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  g_autofree char *as_of = NULL;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Explain as of the latest check-in on or before DATE (YYYY-MM-DD), or “none” (default: the latest check-in)"), "DATE" },
    { NULL }
  };

  context = g_option_context_new (_("FILE [TASK-ID-OR-NAME] — explain the timeline"));
  g_option_context_set_summary (context,
                                _("Explains the schedule of the plan in FILE: how long it takes and why,\n"
                                  "the critical path, overlaps, binding team commitments and what moves\n"
                                  "the finish. With a task (its id or its name), explains that task:\n"
                                  "its dates, what fixed its start, its float and what it drives.\n"
                                  "Exit status: 0 explained, 1 bad input or unknown task, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli explain: %s\n", error->message);
      return 2;
    }
  if (argc != 2 && argc != 3)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli explain FILE [TASK-ID-OR-NAME] [--as-of DATE|none]"));
      return 2;
    }

  if (!charter_cli_check_as_of ("explain", as_of))
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  basename = g_file_get_basename (file);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;

  schedule = charter_schedule_compute_as_of (document, as_of, &error);
  if (schedule == NULL)
    {
      fprintf (stderr, "%s: %s\n", basename, error->message);
      return 1;
    }

  if (argc == 3)
    {
      const char *task_id = charter_schedule_lookup_task (schedule, argv[2]);

      if (task_id == NULL)
        {
          fprintf (stderr, _("%s: no task has the id or name “%s”\n"), basename, argv[2]);
          return 1;
        }
      text = charter_schedule_explain_task (schedule, task_id);
    }
  else
    text = charter_schedule_explain (schedule);

  fputs (text, stdout);
  return 0;
}
