/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-load.c: libFuzzer target for charter_file_load_bytes().
 *
 * Any input must either load or fail with a CHARTER_FILE_ERROR; never crash,
 * leak, hang or log a warning. A loaded document must survive a save and a
 * second load with the same bytes (the canonical form is a fixed point).
 *
 *   build-aux/dev fuzz [SECONDS]
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "charter-file.h"

static void
log_handler (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  /* A warning or critical is a bug: make the fuzzer report it. */
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
  /* GSlice's magazines hide leaks from LeakSanitizer (json-glib allocates
   * its nodes with it): use plain malloc. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized = FALSE;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterDocument) document = NULL;

  if (!initialized)
    {
      g_log_set_default_handler (log_handler, NULL);
      initialized = TRUE;
    }

  bytes = g_bytes_new_static (data, size);
  document = charter_file_load_bytes (bytes, "fuzz.charter", &error);
  if (document == NULL)
    {
      if (error == NULL || error->domain != CHARTER_FILE_ERROR)
        abort ();
      return 0;
    }

  {
    g_autoptr(GBytes) first = charter_file_serialize (document);
    g_autoptr(CharterDocument) again = charter_file_load_bytes (first, "fuzz.charter", &error);
    g_autoptr(GBytes) second = NULL;

    if (again == NULL)
      {
        g_printerr ("saved document does not load: %s\n", error->message);
        abort ();
      }
    second = charter_file_serialize (again);
    if (!g_bytes_equal (first, second))
      {
        g_printerr ("canonical form is not stable\n");
        abort ();
      }
  }

  return 0;
}
