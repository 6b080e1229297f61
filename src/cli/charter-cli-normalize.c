/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-normalize.c: `charter-cli normalize FILE [-o OUT]`, a document
 * rewritten in the canonical form Charter saves (docs/file-format.md). */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-file.h"

int
charter_cli_normalize (int   argc,
                       char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (atomically, keeping the previous OUT as OUT~) instead of standard output"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — rewrite a Charter document in canonical form"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Reads FILE and writes it back as Charter saves it: pretty-printed,\n"
                                  "members in a fixed order, defaults left out, unknown members kept.\n"
                                  "Exit status: 0 written, 1 invalid or not writable, 2 usage error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli normalize: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli normalize FILE [-o OUT]"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;
  if (charter_document_get_read_only (document))
    {
      /* Rewriting it would drop the newer version number and what it means. */
      fprintf (stderr, _("%s: not normalized: %s\n"), argv[1],
               charter_document_get_read_only_reason (document));
      return 1;
    }

  bytes = charter_file_serialize (document);
  if (output == NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          fprintf (stderr, "%s\n", _("charter-cli normalize: could not write to standard output"));
          return 1;
        }
      return 0;
    }

  {
    g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

    /* Temporary file, every write checked, sync, rename: OUT is never
     * half-written, and a write that fails (a full disk) leaves it as it
     * was. The version it replaces is kept as "OUT~". */
    if (!charter_file_write_atomic (out, bytes, TRUE, NULL, NULL, NULL, &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
  }

  return 0;
}
