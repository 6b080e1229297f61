/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-import.c: `charter-cli import FILE [-o OUT.charter]`, a plan
 * made in another tool as a Charter document. The format is told from the
 * contents, not the name (docs/scheduling.md, "Imported plans"). */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-file.h"
#include "charter-csv.h"
#include "charter-mspdi.h"
#include "charter-planner.h"

int
charter_cli_import (int   argc,
                    char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *output = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *warning = NULL;
  gsize length = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the Charter document to OUT instead of standard output"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — a plan from another tool as a Charter document"));
  g_option_context_set_summary (context,
                                _("Reads Microsoft Project XML (MSPDI; also written by ProjectLibre,\n"
                                  "GanttProject, OmniPlan and TaskJuggler), GNOME Planner or a CSV task list (a header\n"
                                  "with a Name column; Duration, Predecessors as “3FS+2d”, Team, ...),\n"
                                  "telling the format from the contents, and writes a Charter document. What the file holds that\n"
                                  "Charter cannot carry is named in one warning on standard error.\n"
                                  "Exit status: 0 written, 1 bad input, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli import: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli import FILE [-o OUT.charter]"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  basename = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (charter_mspdi_sniff (contents, length))
    document = charter_mspdi_read (contents, length, basename, &warning, &error);
  else if (charter_planner_sniff (contents, length))
    document = charter_planner_read (contents, length, basename, &warning, &error);
  else if (charter_csv_sniff (contents, length))
    document = charter_csv_read (contents, length, basename, &warning, &error);
  else
    {
      /* Translators: %s is the file name */
      fprintf (stderr, _("%s: not a format Charter imports (Microsoft Project XML, GNOME Planner, or CSV with a Name column)\n"), basename);
      return 1;
    }
  if (document == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (warning != NULL)
    fprintf (stderr, "%s: %s\n", basename, warning);

  out = charter_file_serialize (document);
  if (output == NULL || g_str_equal (output, "-"))
    {
      fwrite (g_bytes_get_data (out, NULL), 1, g_bytes_get_size (out), stdout);
      if (fflush (stdout) != 0)
        {
          fprintf (stderr, "%s\n", _("charter-cli import: could not write to standard output"));
          return 1;
        }
      return 0;
    }
  {
    g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);

    if (!charter_file_write_atomic (target, out, FALSE, NULL, NULL, NULL, &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
  }
  return 0;
}
