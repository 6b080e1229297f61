/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ics.c: libFuzzer target for charter_ics_parse_holidays(), the
 * iCalendar reader behind Calendar → Import holidays.
 *
 * Any input must either give dates or fail with a CHARTER_ICS_ERROR whose
 * message is valid UTF-8 of a readable length (it is shown in the window);
 * never crash, leak, hang or log a warning. The dates it gives are real
 * calendar days as "YYYY-MM-DD", sorted, without repeats.
 *
 *   build-aux/dev fuzz [SECONDS]
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charter-ics.h"

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
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_log_set_default_handler (log_handler, NULL);
  return 0;
}

static gboolean
is_iso_date (const char *iso)
{
  if (strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  return g_date_valid_dmy (atoi (iso + 8), atoi (iso + 5), atoi (iso));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* A copy of exactly @size bytes, not nul-terminated, so that
   * AddressSanitizer sees any read past the end. */
  g_autofree char *copy = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  memcpy (copy, data, size);
  dates = charter_ics_parse_holidays (size > 0 ? copy : "", (gssize) size, &error);
  if (dates == NULL)
    {
      if (error == NULL || error->domain != CHARTER_ICS_ERROR)
        abort ();
      if (!g_utf8_validate (error->message, -1, NULL))
        {
          g_printerr ("error message is not UTF-8: %s\n", error->message);
          abort ();
        }
      if (strlen (error->message) > 400)
        {
          g_printerr ("error message of %zu bytes\n", strlen (error->message));
          abort ();
        }
      return 0;
    }
  if (error != NULL || dates[0] == NULL)
    abort ();
  for (guint i = 0; dates[i] != NULL; i++)
    {
      if (!is_iso_date (dates[i]))
        {
          g_printerr ("not a date: “%s”\n", dates[i]);
          abort ();
        }
      if (i > 0 && strcmp (dates[i - 1], dates[i]) >= 0)
        {
          g_printerr ("not sorted or repeated: %s, %s\n", dates[i - 1], dates[i]);
          abort ();
        }
    }

  return 0;
}
