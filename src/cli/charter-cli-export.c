/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-export.c: `charter-cli export FILE --to markdown [-o OUT]`, the
 * one-page spec as CommonMark for a repository or a wiki. */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-check-in-summary.h"
#include "charter-cli-main.h"
#include "charter-file.h"
#include "charter-markdown.h"
#include "charter-schedule.h"

int
charter_cli_export (int   argc,
                    char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *what = NULL;
  g_autofree char *as_of = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The format to write: markdown (the spec), mspdi, csv or ics (the plan)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of standard output"), N_("OUT") },
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what,
      N_("What to export: spec (the one-page spec, the default) or check-in (the summary of the latest check-in)"), N_("WHAT") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("With --what check-in: the latest check-in on or before DATE (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the one-page spec or a check-in summary"));
  g_option_context_set_summary (context,
                                _("Writes the spec of a Charter document, with its needs, evidence\n"
                                  "counts and quotes by participant alias, as CommonMark.\n"
                                  "Real names and contact details are never exported.\n"
                                  "With --what check-in, writes the summary of the latest check-in\n"
                                  "(or the latest on or before --as-of DATE): status by task, what\n"
                                  "moved and why, blockers and the decisions needed.\n"
                                  "Exit status: 0 written, 1 bad input, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli export: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli export FILE --to markdown [--what spec|check-in [--as-of DATE]] [-o OUT]"));
      return 2;
    }
  if (to == NULL)
    to = g_strdup ("markdown");
  if (charter_cli_is_plan_format (to))   /* mspdi, csv, ics: the plan */
    return charter_cli_export_plan (argv[1], to, output);
  if (g_ascii_strcasecmp (to, "markdown") != 0 && g_ascii_strcasecmp (to, "md") != 0 &&
      g_ascii_strcasecmp (to, "commonmark") != 0)
    {
      /* Translators: the %s is what the user gave after --to */
      fprintf (stderr, _("charter-cli export: unknown format “%s”: the only format is markdown\n"), to);
      return 2;
    }

  if (what != NULL && g_strcmp0 (what, "spec") != 0 && g_strcmp0 (what, "check-in") != 0)
    {
      /* Translators: the %s is what the user gave after --what */
      fprintf (stderr, _("charter-cli export: unknown --what “%s”: use spec or check-in\n"), what);
      return 2;
    }
  if (as_of != NULL && g_strcmp0 (what, "check-in") != 0)
    {
      fprintf (stderr, "%s\n", _("charter-cli export: --as-of goes with --what check-in"));
      return 2;
    }
  if (g_strcmp0 (as_of, "none") == 0)
    {
      fprintf (stderr, "%s\n", _("charter-cli export: --as-of none leaves no check-in to summarise; give a date"));
      return 2;
    }
  if (!charter_cli_check_as_of ("export", as_of))
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;

  if (g_strcmp0 (what, "check-in") == 0)
    {
      g_autoptr(CharterSchedule) schedule = charter_schedule_compute_as_of (document, as_of, &error);
      g_autofree char *basename = g_file_get_basename (file);

      if (schedule == NULL)
        {
          fprintf (stderr, "%s: %s\n", basename, error->message);
          return 1;
        }
      markdown = charter_check_in_summary_to_markdown (document, schedule);
      if (markdown == NULL)
        {
          if (as_of != NULL)
            fprintf (stderr, _("%s: no check-in on or before %s\n"), basename, as_of);
          else
            fprintf (stderr, _("%s: the plan has no check-in to summarise\n"), basename);
          return 1;
        }
    }
  else
    markdown = charter_markdown_export (document);

  if (output == NULL || g_str_equal (output, "-"))
    {
      fputs (markdown, stdout);
      if (fflush (stdout) != 0)
        {
          fprintf (stderr, "%s\n", _("charter-cli export: could not write to standard output"));
          return 1;
        }
      return 0;
    }

  /* g_file_set_contents() writes a temporary file and renames it: no
   * half-written output on failure. */
  if (!g_file_set_contents (output, markdown, strlen (markdown), &error))
    {
      /* Translators: "charter-cli export: cannot write spec.md: Permission denied" */
      fprintf (stderr, _("charter-cli export: cannot write %s: %s\n"), output, error->message);
      return 1;
    }

  return 0;
}
