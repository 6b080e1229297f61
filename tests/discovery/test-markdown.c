/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the Markdown export and of `charter-cli export`: reader
 * order, evidence counts, quotes by alias, escaping, and that personal data
 * never leaves the participant's page. */

#define G_LOG_DOMAIN "test-markdown"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "charter-file.h"
#include "charter-markdown.h"
#include "discovery-fixture.h"

static void
assert_no_personal_data (const char *markdown)
{
  g_assert_null (strstr (markdown, FIXTURE_SECRET_NAME_A));
  g_assert_null (strstr (markdown, FIXTURE_SECRET_EMAIL_A));
  g_assert_null (strstr (markdown, FIXTURE_SECRET_NAME_B));
  g_assert_null (strstr (markdown, FIXTURE_SECRET_PHONE_B));
  g_assert_null (strstr (markdown, "Alice"));
  g_assert_null (strstr (markdown, "Bob"));
  g_assert_null (strstr (markdown, "Carol"));
  g_assert_null (strstr (markdown, "@"));
}

static const char *
after (const char *haystack,
       const char *needle)
{
  const char *at = strstr (haystack, needle);

  if (at == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
  return at;
}

static void
test_export_reader_order (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  CharterSpec *spec = charter_document_get_spec (doc);
  g_autoptr(CharterQuestion) q1 = charter_question_new ("q1");
  g_autoptr(CharterQuestion) q2 = charter_question_new ("q2");
  g_autoptr(CharterExclusion) x1 = charter_exclusion_new ("x1");
  g_autoptr(CharterMetric) m1 = charter_metric_new ("m1");
  g_autoptr(CharterDecision) d1 = charter_decision_new ("d1");
  g_autofree char *md = NULL;
  const char *p;

  charter_spec_set_audience (spec, "Runners and lifters who train weekly.");
  charter_spec_set_acuteness (spec, "Acute: a third stop logging after a month.");
  charter_spec_set_smallest_version (spec, "A list of past workouts.");
  charter_spec_set_target_date (spec, "2026-06-30");
  charter_spec_set_appetite (spec, "Six weeks");
  charter_question_set_question (q1, "Privacy controls");
  charter_question_set_answer (q1, "History is private by default");
  charter_question_set_status (q1, CHARTER_QUESTION_ANSWERED);
  charter_question_set_question (q2, "Plan tiers");
  charter_document_append (doc, charter_spec_get_integration_questions (spec), q1);
  charter_document_append (doc, charter_spec_get_integration_questions (spec), q2);
  charter_exclusion_set_what (x1, "Social sharing");
  charter_exclusion_set_reason (x1, "No one asked for it");
  charter_document_append (doc, charter_spec_get_out_of_scope (spec), x1);
  charter_metric_set_measure (m1, "Weekly active loggers");
  charter_metric_set_target (m1, "+10 %");
  charter_metric_set_time_frame (m1, "Q3");
  charter_document_append (doc, charter_spec_get_metrics (spec), m1);
  charter_decision_set_date (d1, "2026-04-01");
  charter_decision_set_summary (d1, "Ship history before charts");
  charter_document_append (doc, charter_spec_get_decisions (spec), d1);

  md = charter_markdown_export (doc);

  g_assert_true (g_str_has_prefix (md, "# Workout history\n\n"));
  g_assert_true (g_str_has_suffix (md, "\n"));
  g_assert_false (g_str_has_suffix (md, "\n\n"));
  g_assert_null (strstr (md, "\n\n\n"));

  /* Reader order. */
  p = after (md, "## Problem\n\nPeople cannot tell whether they are improving.\n");
  p = after (p, "## Who has it and how acute it is\n\nRunners and lifters who train weekly.\n\nAcute: a third");
  p = after (p, "## Needs addressed\n");
  p = after (p, "### 1\\. See progress over time\n\nEvidence: **2 participants** (Lifter B, Runner A)\n");
  p = after (p, "## What a solution looks like\n");
  p = after (p, "## Smallest useful version\n\nA list of past workouts.\n");
  p = after (p, "## Integration questions\n\n- [x] Privacy controls — History is private by default\n- [ ] Plan tiers\n");
  p = after (p, "## Out of scope\n\n- **Social sharing** — No one asked for it\n");
  p = after (p, "## Success metrics\n\n| Measure | Target | Time frame |\n| --- | --- | --- |\n"
                "| Weekly active loggers | +10 % | Q3 |\n");
  p = after (p, "## Target date and appetite\n\n- Target date: 2026-06-30\n- Appetite: Six weeks\n");
  p = after (p, "## Decisions\n\n- **2026-04-01**: Ship history before charts\n");

  /* Quotes by alias; observations marked as such. */
  after (md, "> “the app forgets my old runs”\n> — Runner A\n");
  after (md, "> “I want to see my bench press over the whole year”\n> — Lifter B\n");
  after (md, "> compares runs in a spreadsheet every Sunday\n> — Runner A (observation)\n");

  /* A need the spec does not address is not in it. */
  g_assert_null (strstr (md, "Keep the workout list short"));
  /* No empty sections. */
  g_assert_null (strstr (md, "## Open questions"));

  assert_no_personal_data (md);
}

static void
test_export_empty_document (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  g_autofree char *md = charter_markdown_export (doc);
  g_autofree char *expected = g_strdup_printf ("# %s\n", charter_document_get_title (doc));

  /* Without a spec title, the document's: one heading and nothing else. */
  g_assert_cmpstr (md, ==, expected);
}

static void
test_export_escapes (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  CharterSpec *spec = charter_document_get_spec (doc);
  g_autoptr(CharterMetric) m1 = charter_metric_new ("m1");
  g_autofree char *md = NULL;
  g_autofree char *e1 = charter_markdown_escape_inline ("*bold* _x_ [link](http://a) <b>html</b> `code` & | \\");
  g_autofree char *e2 = charter_markdown_escape_inline ("# not a heading");
  g_autofree char *e3 = charter_markdown_escape_inline ("1. not a list");
  g_autofree char *e4 = charter_markdown_escape_inline ("two\nlines");

  g_assert_cmpstr (e1, ==, "\\*bold\\* \\_x\\_ \\[link\\](http://a) \\<b\\>html\\</b\\> \\`code\\` \\& | \\\\");
  g_assert_cmpstr (e2, ==, "\\# not a heading");
  g_assert_cmpstr (e3, ==, "1\\. not a list");
  g_assert_cmpstr (e4, ==, "two lines");

  charter_spec_set_problem (spec, "- starts like a list\n\n    indented like code\n> like a quote");
  charter_metric_set_measure (m1, "a | b");
  charter_document_append (doc, charter_spec_get_metrics (spec), m1);
  md = charter_markdown_export (doc);

  after (md, "## Problem\n\n\\- starts like a list\n\nindented like code\n\\> like a quote\n");
  after (md, "| a \\| b |  |  |\n");
}

static void
test_export_alias_only_even_when_quote_missing_alias (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  CharterParticipant *p1 = charter_document_find (doc, charter_document_get_participants (doc), "p1");
  g_autofree char *md = NULL;

  /* A participant without an alias is "unnamed", never their real name. */
  charter_document_set (doc, p1, "alias", "", NULL);
  md = charter_markdown_export (doc);
  after (md, "Evidence: **2 participants** (unnamed participant, Lifter B)");
  after (md, "> — unknown participant\n");
  assert_no_personal_data (md);
}

/* charter-cli export */

static char *
cli_path (void)
{
  return g_build_filename (g_getenv ("CHARTER_BUILD_ROOT"), "src", "charter-cli", NULL);
}

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, cli_path ());
  g_ptr_array_add (argv, g_strdup ("export"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_export (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("charter-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "workout.charter", NULL);
  g_autofree char *out_path = g_build_filename (dir, "spec.md", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.charter", NULL);
  g_autofree char *expected = charter_markdown_export (doc);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  char *out = NULL, *err = NULL;

  g_assert_no_error (error);
  g_assert_true (charter_file_save (doc, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* To standard output, the same as the GUI's export. */
  g_assert_cmpint (run_cli ((const char *[]) { path, "--to", "markdown", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  assert_no_personal_data (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* To a file. */
  g_assert_cmpint (run_cli ((const char *[]) { path, "--to", "markdown", "-o", out_path, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Unknown format: usage error, nothing written. */
  g_assert_cmpint (run_cli ((const char *[]) { path, "--to", "pdf", NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "pdf"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No file: usage error. */
  g_assert_cmpint (run_cli ((const char *[]) { NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Usage"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --help: exit 0, mentions --to. */
  g_assert_cmpint (run_cli ((const char *[]) { "--help", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--to"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A broken file: exit 1, a message naming it, nothing on stdout. */
  g_assert_true (g_file_set_contents (bad_path, "{ \"charter\": ", -1, &error));
  g_assert_cmpint (run_cli ((const char *[]) { bad_path, NULL }, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "bad.charter"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An output that cannot be written: exit 1, says where. */
  g_assert_cmpint (run_cli ((const char *[]) { path, "-o", "/nonexistent-dir/spec.md", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent-dir/spec.md"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_remove (out_path);
  g_remove (bad_path);
  g_remove (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_remove (backup);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/reader-order", test_export_reader_order);
  g_test_add_func ("/markdown/empty", test_export_empty_document);
  g_test_add_func ("/markdown/escapes", test_export_escapes);
  g_test_add_func ("/markdown/alias-only", test_export_alias_only_even_when_quote_missing_alias);
  g_test_add_func ("/markdown/cli", test_cli_export);

  return g_test_run ();
}
