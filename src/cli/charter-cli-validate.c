/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-validate.c: `charter-cli validate FILE`, the checks of the file
 * format (docs/file-format.md) without opening the app. */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-file.h"

int
charter_cli_validate (int   argc,
                      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *interviews = NULL;
  g_autofree char *needs = NULL;
  g_autofree char *tasks = NULL;
  guint n;

  context = g_option_context_new (_("FILE — check a Charter document"));
  g_option_context_set_summary (context,
                                _("Reads FILE as Charter would and reports the first problem:\n"
                                  "what is wrong and where (line:column or member path).\n"
                                  "Exit status: 0 valid, 1 invalid, 2 usage error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli validate: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli validate FILE"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;

  basename = g_file_get_basename (file);
  n = g_list_model_get_n_items (charter_document_get_interviews (document));
  interviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u interview", "%u interviews", n), n);
  n = g_list_model_get_n_items (charter_document_get_needs (document));
  needs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u need", "%u needs", n), n);
  n = g_list_model_get_n_items (charter_document_get_tasks (document));
  tasks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n), n);

  if (charter_document_get_read_only (document))
    /* Translators: "plan.charter: valid — 12 interviews, 3 needs, 14 tasks (read-only: …)" */
    printf (_("%s: valid — %s, %s, %s (read-only: %s)\n"), basename, interviews, needs, tasks,
            charter_document_get_read_only_reason (document));
  else
    /* Translators: "plan.charter: valid — 12 interviews, 3 needs, 14 tasks" */
    printf (_("%s: valid — %s, %s, %s\n"), basename, interviews, needs, tasks);

  return 0;
}
