/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ics.c: the iCalendar reader of Import holidays on the shapes real
 * calendars have, and the inputs fuzz-ics found (tests/fuzz/corpus/ics). */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "charter-ics.h"

static char **
parse (const char  *text,
       GError     **error)
{
  return charter_ics_parse_holidays (text, -1, error);
}

/* Found by fuzz-ics: a line with an empty name (":VEVENT") inside an event
 * gave g_ascii_strcasecmp a NULL (a critical; an abort under
 * G_DEBUG=fatal-criticals). */
static void
test_empty_name (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  dates = parse ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", &error);
  g_assert_null (dates);
  g_assert_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

/* Windows tools (Outlook exports, Notepad) start the file with a byte
 * order mark: it is not part of "BEGIN:VCALENDAR". */
static void
test_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  dates = parse ("\xef\xbb\xbf" "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261101\r\n"
                 "END:VEVENT\r\nEND:VCALENDAR\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (dates, ((const char *[]) { "2026-11-01", NULL }));
}

/* DTEND is exclusive (RFC 5545 3.6.1): a one-day holiday has DTEND the
 * next day, a shutdown gives each of its days; a DTEND in a reminder
 * inside the event is not the event's. */
static void
test_dtend (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  dates = parse ("BEGIN:VCALENDAR\r\n"
                 "BEGIN:VEVENT\r\nDTEND;VALUE=DATE:20261229\r\nDTSTART;VALUE=DATE:20261224\r\nEND:VEVENT\r\n"
                 "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270315\r\nDTEND;VALUE=DATE:20270316\r\n"
                 "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nDTEND;VALUE=DATE:20270330\r\nEND:VALARM\r\nEND:VEVENT\r\n"
                 "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270401\r\nDTEND;VALUE=DATE:20270401\r\nEND:VEVENT\r\n"
                 "END:VCALENDAR\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (dates, ((const char *[]) { "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27",
                                               "2026-12-28", "2027-03-15", "2027-04-01", NULL }));
  g_clear_pointer (&dates, g_strfreev);

  /* Years of "holiday" would be millions of dates: refused, naming the line. */
  dates = parse ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:00010101\n"
                 "DTEND;VALUE=DATE:99991231\nEND:VEVENT\nEND:VCALENDAR\n", &error);
  g_assert_null (dates);
  g_assert_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 4"));
}

/* A calendar with an attachment folded over 40,000 lines: unfolding copied
 * the whole line for each continuation (quadratic, minutes); now linear. */
static void
test_long_fold (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
                                          "DTSTART;VALUE=DATE:20261225\r\nATTACH;ENCODING=BASE64;VALUE=BINARY:");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;
  gint64 start;

  for (guint i = 0; i < 40000; i++)
    g_string_append (text, "\r\n QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0");
  g_string_append (text, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  start = g_get_monotonic_time ();
  dates = parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (dates, ((const char *[]) { "2026-12-25", NULL }));
  /* Linear is a few milliseconds; the quadratic version took over a minute. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* What the messages quote is cut at a character, never inside one: the
 * message is shown in the window, and Pango warns on broken UTF-8. */
static void
test_message_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  /* 39 bytes of "a", then "ä" (two bytes) across the 40-byte cut. */
  dates = parse ("BEGIN:VCALENDAR\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaäää\n", &error);
  g_assert_null (dates);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  dates = parse ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
                 "END:VEVENT\nEND:VCALENDAR\n", &error);
  g_assert_null (dates);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 120);
}

/* A NUL byte is binary, not a calendar: it used to cut the text there. */
static void
test_nul (void)
{
  const char text[] = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT\nEND:VCALENDAR\n\0junk";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  dates = charter_ics_parse_holidays (text, sizeof text - 1, &error);
  g_assert_null (dates);
  g_assert_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX);
}

/* Every seed of the fuzzer still reads or fails with a message. */
static void
test_corpus (void)
{
  const char *dir = g_test_get_filename (G_TEST_DIST, "fuzz", "corpus", "ics", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) dates = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      dates = charter_ics_parse_holidays (contents, length, &error);
      g_assert_true ((dates == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
      files++;
    }
  g_assert_cmpuint (files, >=, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ics/empty-name", test_empty_name);
  g_test_add_func ("/ics/bom", test_bom);
  g_test_add_func ("/ics/dtend", test_dtend);
  g_test_add_func ("/ics/long-fold", test_long_fold);
  g_test_add_func ("/ics/message-utf8", test_message_utf8);
  g_test_add_func ("/ics/nul", test_nul);
  g_test_add_func ("/ics/corpus", test_corpus);
  return g_test_run ();
}
