/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: libFuzzer target for charter_csv_read().
 *
 * Any input must either import or fail with a CHARTER_IMPORT_ERROR; never
 * crash, leak, hang or log a warning. An imported document must be one
 * Charter saves and loads again, and what charter_csv_write() makes of it must
 * import again.
 *
 *   build-aux/dev fuzz [SECONDS]
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "charter-file.h"
#include "charter-csv.h"

static void
log_handler (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_printerr ("%s: %s\n", log_domain ? log_domain : "", message);
      abort ();
    }
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autofree char *warning = NULL;

  if (!initialized)
    {
      g_log_set_default_handler (log_handler, NULL);
      initialized = TRUE;
    }

  document = charter_csv_read ((const char *) data, size, "fuzz.csv", &warning, &error);
  if (document == NULL)
    {
      if (error == NULL || error->domain != CHARTER_IMPORT_ERROR)
        abort ();
      return 0;
    }

  {
    g_autoptr(GBytes) saved = charter_file_serialize (document);
    g_autoptr(CharterDocument) loaded = charter_file_load_bytes (saved, "fuzz.charter", &error);
    g_autoptr(GBytes) written = NULL;
    g_autoptr(CharterDocument) again = NULL;
    g_autofree char *warning2 = NULL;

    if (loaded == NULL)
      {
        g_printerr ("imported document does not load: %s\n", error->message);
        abort ();
      }
    written = charter_csv_write (document, NULL, NULL);
    again = charter_csv_read (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "again.csv", &warning2, &error);
    if (again == NULL)
      {
        g_printerr ("written file does not import: %s\n", error->message);
        abort ();
      }
  }

  return 0;
}
