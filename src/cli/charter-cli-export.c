/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-export.c: `charter-cli export FILE --to markdown [-o OUT]`, the
 * one-page spec as CommonMark for a repository or a wiki, and
 * `--to pdf|svg|png [--view deck|spec|timeline|graph]`, the pictures and
 * pages that src/render draws for the app too. */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-check-in-summary.h"
#include "charter-cli-main.h"
#include "charter-export.h"
#include "charter-file.h"
#include "charter-markdown.h"
#include "charter-schedule.h"

static int
export_picture (const char          *path,
                CharterExportFormat  format,
                const char          *view_name,
                int                  width,
                int                  height,
                const char          *what,
                const char          *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  CharterExportOptions options;
  CharterExportView view;
  const char *data;
  gsize size;

  if (what != NULL)
    {
      fprintf (stderr, "%s\n", _("charter-cli export: --what goes with --to markdown; use --view with pdf, svg or png"));
      return 2;
    }
  if (view_name == NULL)
    view = format == CHARTER_EXPORT_PDF ? CHARTER_EXPORT_VIEW_SPEC : CHARTER_EXPORT_VIEW_TIMELINE;
  else if (!charter_export_parse_view (view_name, &view))
    {
      /* Translators: the %s is what the user gave after --view */
      fprintf (stderr, _("charter-cli export: unknown --view “%s”: use deck, spec, timeline or graph\n"), view_name);
      return 2;
    }
  if (format != CHARTER_EXPORT_PDF && (view == CHARTER_EXPORT_VIEW_SPEC || view == CHARTER_EXPORT_VIEW_DECK))
    {
      fprintf (stderr, "%s\n", _("charter-cli export: the spec and the deck export as PDF; SVG and PNG are for --view timeline or graph"));
      return 2;
    }
  if (format == CHARTER_EXPORT_PDF && (width != 0 || height != 0))
    {
      fprintf (stderr, "%s\n", _("charter-cli export: a PDF is on A4 or Letter paper (by LC_PAPER); --width and --height are for svg and png"));
      return 2;
    }
  if (width < 0 || height < 0 || width > CHARTER_EXPORT_MAX_PIXELS || height > CHARTER_EXPORT_MAX_PIXELS)
    {
      fprintf (stderr, _("charter-cli export: --width and --height take 1 to %d pixels\n"), CHARTER_EXPORT_MAX_PIXELS);
      return 2;
    }
  if (output == NULL)
    {
      fprintf (stderr, "%s\n", _("charter-cli export: --to pdf, svg and png need -o OUT (or -o - for standard output)"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (path);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;
  basename = g_file_get_basename (file);
  schedule = charter_schedule_compute (document, &error);
  if (schedule == NULL && view != CHARTER_EXPORT_VIEW_GRAPH && view != CHARTER_EXPORT_VIEW_SPEC)
    {
      fprintf (stderr, "%s: %s\n", basename, error->message);
      return 1;
    }
  g_clear_error (&error);

  charter_export_options_init (&options);
  options.width = width;
  options.height = height;
  bytes = charter_export_render (document, schedule, view, format, &options, &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "%s: %s\n", basename, error->message);
      return 1;
    }
  data = g_bytes_get_data (bytes, &size);
  if (g_str_equal (output, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          fprintf (stderr, "%s\n", _("charter-cli export: could not write to standard output"));
          return 1;
        }
      return 0;
    }
  if (!g_file_set_contents (output, data, size, &error))
    {
      fprintf (stderr, _("charter-cli export: cannot write %s: %s\n"), output, error->message);
      return 1;
    }
  return 0;
}

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
  g_autofree char *view_name = NULL;
  int width = 0, height = 0;
  CharterExportFormat format;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The format to write: markdown (the default), pdf, svg or png (the spec and views), mspdi, csv or ics (the plan)"), N_("FORMAT") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name,
      N_("With pdf, svg or png: deck, spec (PDF only), timeline or graph; the default is spec for pdf, timeline for svg and png"), N_("VIEW") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("With svg or png: the picture's width in pixels (the height follows unless given)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height,
      N_("With svg or png: the picture's height in pixels"), N_("H") },
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
                                  "With --to pdf, svg or png, draws a --view: the spec or a deck as\n"
                                  "PDF (A4 or Letter by LC_PAPER), the timeline or the plan graph as\n"
                                  "PDF, SVG or PNG (the whole plan; --width and --height set the size).\n"
                                  "Exit status: 0 written, 1 bad input, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli export: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli export FILE --to markdown [--what spec|check-in [--as-of DATE]] [-o OUT]\n"
                                  "       charter-cli export FILE --to pdf|svg|png [--view deck|spec|timeline|graph] [-o OUT] [--width W --height H]\n"
                                  "       charter-cli export FILE --to mspdi|csv|ics [-o OUT]"));
      return 2;
    }
  if (to == NULL)
    to = g_strdup ("markdown");
  if (charter_export_parse_format (to, &format))
    return export_picture (argv[1], format, view_name, width, height, what, output);
  if (view_name != NULL || width != 0 || height != 0)
    {
      fprintf (stderr, "%s\n", _("charter-cli export: --view, --width and --height go with --to pdf, svg or png"));
      return 2;
    }
  if (charter_cli_is_plan_format (to))   /* mspdi, csv, ics: the plan */
    return charter_cli_export_plan (argv[1], to, output);
  if (g_ascii_strcasecmp (to, "markdown") != 0 && g_ascii_strcasecmp (to, "md") != 0 &&
      g_ascii_strcasecmp (to, "commonmark") != 0)
    {
      /* Translators: the %s is what the user gave after --to */
      fprintf (stderr, _("charter-cli export: unknown format “%s”: use markdown, pdf, svg, png, mspdi, csv or ics\n"), to);
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
