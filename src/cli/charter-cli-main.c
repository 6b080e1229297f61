/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "charter-cli-main.h"
#include "charter-file.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char *argv[]);
  const char *summary;
} Command;

static const Command commands[] = {
  { "validate",  charter_cli_validate,  N_("Check a plan file and report what is wrong, and where") },
  { "normalize", charter_cli_normalize, N_("Write a plan file back in its canonical form") },
  { "schedule",  charter_cli_schedule,  N_("Schedule a plan: dates, float and the critical path") },
  { "explain",   charter_cli_explain,   N_("Explain the timeline, or why one task starts when it does") },
  { "export",    charter_cli_export,    N_("Export the spec (Markdown, PDF), a deck (PDF), the timeline or the graph (PDF, SVG, PNG), or the plan (Microsoft Project XML, CSV, iCalendar)") },
  { "import",    charter_cli_import,    N_("Import a plan from Microsoft Project XML") },
};

gboolean
charter_cli_check_as_of (const char *subcommand,
                         const char *as_of)
{
  guint year, month, day;
  char end;

  if (as_of == NULL || g_strcmp0 (as_of, "none") == 0)
    return TRUE;
  if (strlen (as_of) == 10 && as_of[4] == '-' && as_of[7] == '-' &&
      sscanf (as_of, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
      year >= 1 && g_date_valid_dmy (day, month, year))
    return TRUE;
  fprintf (stderr, _("charter-cli %s: --as-of takes a date (YYYY-MM-DD) or “none”, not “%s”\n"),
           subcommand, as_of);
  return FALSE;
}

CharterDocument *
charter_cli_load_document (GFile *file)
{
  g_autoptr(GError) error = NULL;
  CharterDocument *document = charter_file_load (file, NULL, NULL, &error);

  if (document == NULL)
    fprintf (stderr, "%s\n", error->message);
  return document;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: charter-cli COMMAND [OPTION…] FILE"));
  fprintf (out, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-12s %s\n", "-h, --help", _("Show this help and exit"));
  fprintf (out, "  %-12s %s\n", "--version", _("Print the version of charter-cli and exit"));
  fprintf (out, "\n%s\n", _("Run “charter-cli COMMAND --help” for the options of a command."));
}

int
charter_cli_main (int   argc,
                  char *argv[])
{
  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
      g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      printf ("charter-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("charter-cli %s", commands[i].name);

        /* "Usage: charter-cli schedule [OPTION…]" in the command's --help. */
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  fprintf (stderr, _("charter-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
