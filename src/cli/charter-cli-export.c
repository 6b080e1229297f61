/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-export.c: `charter-cli export FILE --to markdown [-o OUT]`, the
 * one-page spec as CommonMark for a repository or a wiki. */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-file.h"
#include "charter-markdown.h"

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
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The format to write: markdown (the only one so far)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of standard output"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the one-page spec"));
  g_option_context_set_summary (context,
                                _("Writes the spec of a Charter document, with its needs, evidence\n"
                                  "counts and quotes by participant alias, as CommonMark.\n"
                                  "Real names and contact details are never exported.\n"
                                  "Exit status: 0 written, 1 bad input, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli export: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli export FILE --to markdown [-o OUT]"));
      return 2;
    }
  if (to == NULL)
    to = g_strdup ("markdown");
  if (g_ascii_strcasecmp (to, "markdown") != 0 && g_ascii_strcasecmp (to, "md") != 0 &&
      g_ascii_strcasecmp (to, "commonmark") != 0)
    {
      /* Translators: the %s is what the user gave after --to */
      fprintf (stderr, _("charter-cli export: unknown format “%s”: the only format is markdown\n"), to);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;

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
