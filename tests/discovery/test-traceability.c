/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the Discovery and Spec logic (no display): evidence,
 * traceability, word count, search and where insights sit in the notes. */

#define G_LOG_DOMAIN "test-traceability"

#include "config.h"

#include <string.h>

#include "charter-traceability.h"
#include "discovery-fixture.h"

static CharterNeed *
need (CharterDocument *doc,
      const char      *id)
{
  return charter_document_find (doc, charter_document_get_needs (doc), id);
}

static CharterInsight *
insight (CharterDocument *doc,
         const char      *id)
{
  return charter_document_find (doc, charter_document_get_insights (doc), id);
}

static void
test_evidence_counts_distinct_participants (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) insights = NULL;

  /* n1 holds four insights: three from Runner A (two interviews), one from Lifter B. */
  insights = charter_traceability_need_insights (doc, need (doc, "n1"));
  g_assert_cmpuint (insights->len, ==, 4);
  g_assert_cmpuint (charter_traceability_need_evidence (doc, need (doc, "n1")), ==, 2);

  participants = charter_traceability_need_participants (doc, need (doc, "n1"));
  g_assert_cmpuint (participants->len, ==, 2);
  /* Sorted by alias. */
  g_assert_cmpstr (charter_participant_get_alias (participants->pdata[0]), ==, "Lifter B");
  g_assert_cmpstr (charter_participant_get_alias (participants->pdata[1]), ==, "Runner A");

  g_assert_cmpuint (charter_traceability_need_evidence (doc, need (doc, "n2")), ==, 0);

  /* Filing the third runner's insight adds a participant; undo takes it away. */
  charter_document_set (doc, need (doc, "n2"), "insight-ids", (const char *[]) { "in5", NULL }, NULL);
  g_assert_cmpuint (charter_traceability_need_evidence (doc, need (doc, "n2")), ==, 1);
  charter_document_undo (doc);
  g_assert_cmpuint (charter_traceability_need_evidence (doc, need (doc, "n2")), ==, 0);
}

static void
test_evidence_ignores_dangling_ids (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();

  charter_document_set (doc, need (doc, "n2"), "insight-ids",
                        (const char *[]) { "in5", "no-such-insight", "in5", NULL }, NULL);
  g_assert_cmpuint (charter_traceability_need_evidence (doc, need (doc, "n2")), ==, 1);
  {
    g_autoptr(GPtrArray) insights = charter_traceability_need_insights (doc, need (doc, "n2"));
    g_assert_cmpuint (insights->len, ==, 1);
  }
}

static void
test_alias_never_real_name (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();

  g_assert_cmpstr (charter_traceability_insight_alias (doc, insight (doc, "in1")), ==, "Runner A");
  g_assert_cmpstr (charter_traceability_insight_alias (doc, insight (doc, "in2")), ==, "Lifter B");

  /* An insight whose interview is gone has no participant. */
  charter_document_set (doc, insight (doc, "in2"), "interview-id", "nowhere", NULL);
  g_assert_null (charter_traceability_insight_alias (doc, insight (doc, "in2")));
}

static void
test_unfiled_and_insight_need (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  g_autoptr(GPtrArray) unfiled = charter_traceability_unfiled_insights (doc);

  g_assert_cmpuint (unfiled->len, ==, 1);
  g_assert_true (unfiled->pdata[0] == insight (doc, "in5"));
  g_assert_true (charter_traceability_insight_need (doc, insight (doc, "in3")) == need (doc, "n1"));
  g_assert_null (charter_traceability_insight_need (doc, insight (doc, "in5")));
}

static void
test_traceability_both_ways (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  g_autoptr(GPtrArray) serving = charter_traceability_tasks_serving (doc, "n1");
  g_autoptr(GPtrArray) unserved = charter_traceability_unserved_needs (doc);
  g_autoptr(GPtrArray) orphans = charter_traceability_tasks_serving_no_need (doc);
  g_autoptr(GPtrArray) sections = charter_traceability_spec_sections_serving (doc, "n1");
  g_autoptr(GPtrArray) sections2 = charter_traceability_spec_sections_serving (doc, "n2");
  CharterTask *t1 = charter_document_find (doc, charter_document_get_tasks (doc), "t1");
  CharterTask *t3 = charter_document_find (doc, charter_document_get_tasks (doc), "t3");
  g_autoptr(GPtrArray) t1_needs = charter_traceability_task_needs (doc, t1);

  g_assert_cmpuint (serving->len, ==, 2);
  g_assert_cmpstr (charter_task_get_name (serving->pdata[0]), ==, "History screen");
  g_assert_cmpstr (charter_task_get_name (serving->pdata[1]), ==, "Progress chart");

  g_assert_cmpuint (t1_needs->len, ==, 1);
  g_assert_true (t1_needs->pdata[0] == need (doc, "n1"));

  g_assert_cmpuint (unserved->len, ==, 1);
  g_assert_true (unserved->pdata[0] == need (doc, "n2"));

  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (orphans->pdata[0] == t3);

  g_assert_true (charter_traceability_spec_addresses (doc, "n1"));
  g_assert_false (charter_traceability_spec_addresses (doc, "n2"));
  g_assert_cmpuint (sections->len, ==, 2);
  g_assert_cmpstr (sections->pdata[0], ==, "needs");
  g_assert_cmpstr (sections->pdata[1], ==, "solution");
  g_assert_cmpuint (sections2->len, ==, 0);

  /* Making t3 serve n2 clears both flags. */
  charter_document_set (doc, t3, "serves", (const char *[]) { "n2", NULL }, NULL);
  {
    g_autoptr(GPtrArray) u = charter_traceability_unserved_needs (doc);
    g_autoptr(GPtrArray) o = charter_traceability_tasks_serving_no_need (doc);

    g_assert_cmpuint (u->len, ==, 0);
    g_assert_cmpuint (o->len, ==, 0);
  }

  /* A task serving a need that no longer exists serves no need; milestones are not flagged. */
  charter_document_set (doc, t3, "serves", (const char *[]) { "gone", NULL }, NULL);
  charter_document_set (doc, t1, "milestone", TRUE, "serves", NULL, NULL);
  {
    g_autoptr(GPtrArray) o = charter_traceability_tasks_serving_no_need (doc);

    g_assert_cmpuint (o->len, ==, 1);
    g_assert_true (o->pdata[0] == t3);
  }
}

static void
test_count_words (void)
{
  g_assert_cmpuint (charter_traceability_count_words (NULL), ==, 0);
  g_assert_cmpuint (charter_traceability_count_words (""), ==, 0);
  g_assert_cmpuint (charter_traceability_count_words ("   \n\t "), ==, 0);
  g_assert_cmpuint (charter_traceability_count_words ("one"), ==, 1);
  g_assert_cmpuint (charter_traceability_count_words ("People don't know — really."), ==, 4);
  g_assert_cmpuint (charter_traceability_count_words ("3.5 km in 20-minute runs"), ==, 5);
  g_assert_cmpuint (charter_traceability_count_words ("Café über naïve"), ==, 3);
  g_assert_cmpuint (charter_traceability_count_words ("a\nb\n\nc"), ==, 3);
}

static void
test_spec_words (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  CharterSpec *spec = charter_document_get_spec (doc);
  g_autoptr(CharterMetric) metric = charter_metric_new ("m1");
  guint words;

  /* title 2 + problem 7 + need statement 4 + solution 10 */
  g_assert_cmpuint (charter_traceability_spec_words (doc), ==, 23);

  charter_metric_set_measure (metric, "weekly active users");
  charter_metric_set_target (metric, "plus ten percent");
  charter_metric_set_time_frame (metric, "one quarter");
  charter_document_append (doc, charter_spec_get_metrics (spec), metric);
  g_assert_cmpuint (charter_traceability_spec_words (doc), ==, 23 + 8);

  /* A long spec crosses the page. */
  {
    g_autoptr(GString) s = g_string_new (NULL);

    for (guint i = 0; i < CHARTER_SPEC_PAGE_WORDS; i++)
      g_string_append (s, "word ");
    charter_document_set (doc, spec, "problem", s->str, NULL);
  }
  words = charter_traceability_spec_words (doc);
  g_assert_cmpuint (words, >, CHARTER_SPEC_PAGE_WORDS);
}

static void
test_search (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) segments = charter_traceability_segments (doc);

  g_assert_true (charter_traceability_text_matches ("Bench Press", "bench"));
  g_assert_true (charter_traceability_text_matches ("CAFÉ", "café"));
  g_assert_true (charter_traceability_text_matches ("anything", ""));
  g_assert_false (charter_traceability_text_matches (NULL, "x"));
  g_assert_false (charter_traceability_text_matches ("runs", "running"));

  /* "runs": interviews i1 and i3 by notes, insights in1 and in3. */
  hits = charter_traceability_search (doc, "RUNS", NULL);
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_true (CHARTER_IS_INTERVIEW (hits->pdata[0]));
  g_assert_cmpstr (charter_item_get_id (hits->pdata[0]), ==, "i1");
  g_assert_cmpstr (charter_item_get_id (hits->pdata[1]), ==, "i3");
  g_assert_cmpstr (charter_item_get_id (hits->pdata[2]), ==, "in1");
  g_assert_cmpstr (charter_item_get_id (hits->pdata[3]), ==, "in3");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The segment filter keeps only lifters. */
  hits = charter_traceability_search (doc, "", "lifters");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (charter_item_get_id (hits->pdata[0]), ==, "i2");
  g_assert_cmpstr (charter_item_get_id (hits->pdata[1]), ==, "in2");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Real names are not searched: finding them would show them elsewhere. */
  hits = charter_traceability_search (doc, "Secretname", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The alias is. */
  hits = charter_traceability_search (doc, "lifter b", NULL);
  g_assert_cmpuint (hits->len, ==, 1);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (segments->pdata[0], ==, "lifters");
  g_assert_cmpstr (segments->pdata[1], ==, "runners");
}

static void
test_notes_slice (void)
{
  g_autofree char *a = charter_traceability_notes_slice ("Café stop", 2, 6);
  g_autofree char *b = charter_traceability_notes_slice ("Café", 0, 4);

  g_assert_cmpstr (a, ==, "fé s");
  g_assert_cmpstr (b, ==, "Café");
  g_assert_null (charter_traceability_notes_slice ("Café", 2, 9));
  g_assert_null (charter_traceability_notes_slice ("Café", 3, 2));
  g_assert_null (charter_traceability_notes_slice (NULL, 0, 0));
}

static void
test_locate_insight (void)
{
  g_autoptr(CharterDocument) doc = fixture_new ();
  CharterInterview *i1 = charter_document_find (doc, charter_document_get_interviews (doc), "i1");
  CharterInsight *in1 = insight (doc, "in1");
  g_autofree char *edited = NULL;
  int start, end;
  int stored_start = charter_insight_get_start (in1);

  /* The stored offsets hold: characters, not bytes (there is a dash before). */
  g_assert_true (charter_traceability_locate_insight (charter_interview_get_notes (i1), in1, &start, &end));
  g_assert_cmpint (start, ==, stored_start);
  g_assert_cmpint (end, ==, stored_start + (int) strlen ("the app forgets my old runs"));
  {
    g_autofree char *slice = charter_traceability_notes_slice (charter_interview_get_notes (i1), start, end);
    g_assert_cmpstr (slice, ==, "the app forgets my old runs");
  }

  /* Text typed before the passage moves it; the highlight follows the words. */
  edited = g_strconcat ("Ünïcode prefix. ", charter_interview_get_notes (i1), NULL);
  charter_document_set (doc, i1, "notes", edited, NULL);
  g_assert_true (charter_traceability_locate_insight (edited, in1, &start, &end));
  g_assert_cmpint (start, ==, stored_start + 16);
  g_assert_cmpint (end - start, ==, (int) strlen ("the app forgets my old runs"));

  /* Undo puts the notes back and the stored offsets fit again. */
  charter_document_undo (doc);
  g_assert_true (charter_traceability_locate_insight (charter_interview_get_notes (i1), in1, &start, &end));
  g_assert_cmpint (start, ==, stored_start);

  /* Deleting the passage from the notes loses the highlight, not the insight. */
  g_assert_false (charter_traceability_locate_insight ("Something else entirely.", in1, &start, &end));
  g_assert_false (charter_traceability_locate_insight (NULL, in1, &start, &end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/discovery/evidence/distinct-participants", test_evidence_counts_distinct_participants);
  g_test_add_func ("/discovery/evidence/dangling-ids", test_evidence_ignores_dangling_ids);
  g_test_add_func ("/discovery/alias", test_alias_never_real_name);
  g_test_add_func ("/discovery/unfiled", test_unfiled_and_insight_need);
  g_test_add_func ("/discovery/traceability", test_traceability_both_ways);
  g_test_add_func ("/discovery/words/count", test_count_words);
  g_test_add_func ("/discovery/words/spec", test_spec_words);
  g_test_add_func ("/discovery/search", test_search);
  g_test_add_func ("/discovery/notes/slice", test_notes_slice);
  g_test_add_func ("/discovery/notes/locate", test_locate_insight);

  return g_test_run ();
}
