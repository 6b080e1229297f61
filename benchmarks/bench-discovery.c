/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-discovery: the Discovery and Spec logic on a large research
 * document (200 participants, 400 interviews, 4,000 insights, 200 needs,
 * 2,000 plan tasks): evidence for every need, unserved needs, tasks serving
 * no need, a search over all notes and insights, the spec word count and the
 * Markdown export. Prints the median and worst of 21 runs of each. */

#define G_LOG_DOMAIN "bench-discovery"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charter-markdown.h"
#include "charter-traceability.h"

#define RUNS 21

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *ms)
{
  qsort (ms, RUNS, sizeof (double), compare_doubles);
  printf ("%-44s median %8.3f ms   max %8.3f ms\n", what, ms[RUNS / 2], ms[RUNS - 1]);
}

static CharterDocument *
build (void)
{
  CharterDocument *doc = charter_document_new ();
  CharterSpec *spec = charter_document_get_spec (doc);
  g_autoptr(GStrvBuilder) spec_needs = g_strv_builder_new ();
  g_auto(GStrv) spec_ids = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  for (guint p = 0; p < 200; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autofree char *alias = g_strdup_printf ("Participant %u", p);
      g_autoptr(CharterParticipant) participant = charter_participant_new (id);

      charter_participant_set_alias (participant, alias);
      charter_participant_set_segment (participant, p % 3 == 0 ? "runners" : p % 3 == 1 ? "lifters" : "classes");
      charter_participant_set_real_name (participant, "Private Name");
      charter_document_append (doc, charter_document_get_participants (doc), participant);
    }

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      g_autofree char *pid = g_strdup_printf ("p%u", i % 200);
      g_autoptr(CharterInterview) interview = charter_interview_new (id);
      g_autoptr(GString) notes = g_string_new (NULL);

      for (guint s = 0; s < 40; s++)
        g_string_append_printf (notes, "Sentence %u of interview %u: the app forgets my old runs and lifts. ", s, i);
      charter_interview_set_participant_id (interview, pid);
      charter_interview_set_title (interview, id);
      charter_interview_set_notes (interview, notes->str);
      charter_document_append (doc, charter_document_get_interviews (doc), interview);
    }

  for (guint n = 0; n < 4000; n++)
    {
      g_autofree char *id = g_strdup_printf ("in%u", n);
      g_autofree char *iid = g_strdup_printf ("i%u", g_rand_int_range (rand, 0, 400));
      g_autofree char *text = g_strdup_printf ("Sentence %u of interview", n % 40);
      g_autoptr(CharterInsight) insight = charter_insight_new (id);

      charter_insight_set_interview_id (insight, iid);
      charter_insight_set_text (insight, text);
      charter_document_append (doc, charter_document_get_insights (doc), insight);
    }

  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", n);
      g_autofree char *statement = g_strdup_printf ("Need number %u", n);
      g_autoptr(CharterNeed) need = charter_need_new (id);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint k = 0; k < 20; k++)
        {
          g_autofree char *iid = g_strdup_printf ("in%u", n * 20 + k);
          g_strv_builder_add (ids, iid);
        }
      strv = g_strv_builder_end (ids);
      charter_need_set_statement (need, statement);
      charter_need_set_insight_ids (need, (const char * const *) strv);
      charter_document_append (doc, charter_document_get_needs (doc), need);
      if (n < 50)
        g_strv_builder_add (spec_needs, id);
    }

  for (guint t = 0; t < 2000; t++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", t);
      g_autofree char *nid = g_strdup_printf ("n%u", g_rand_int_range (rand, 0, 260));
      g_autoptr(CharterTask) task = charter_task_new (id);

      charter_task_set_name (task, id);
      charter_task_set_duration (task, 3);
      charter_task_set_serves (task, (const char *[]) { nid, NULL });
      charter_document_append (doc, charter_document_get_tasks (doc), task);
    }

  spec_ids = g_strv_builder_end (spec_needs);
  charter_spec_set_need_ids (spec, (const char * const *) spec_ids);
  charter_spec_set_problem (spec, "People cannot tell whether they are improving.");
  g_rand_free (rand);

  return doc;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CharterDocument) doc = build ();
  GListModel *needs = charter_document_get_needs (doc);
  double evidence[RUNS], unserved[RUNS], orphans[RUNS], search[RUNS], words[RUNS], export[RUNS];
  guint sink = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      guint n = g_list_model_get_n_items (needs);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);

          sink += charter_traceability_need_evidence (doc, need);
        }
      evidence[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      {
        g_autoptr(GPtrArray) a = charter_traceability_unserved_needs (doc);
        sink += a->len;
      }
      unserved[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      {
        g_autoptr(GPtrArray) a = charter_traceability_tasks_serving_no_need (doc);
        sink += a->len;
      }
      orphans[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      {
        g_autoptr(GPtrArray) a = charter_traceability_search (doc, "Sentence 7 of", "runners");
        sink += a->len;
      }
      search[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      sink += charter_traceability_spec_words (doc);
      words[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      {
        g_autofree char *md = charter_markdown_export (doc);
        sink += strlen (md) > 0;
      }
      export[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  report ("evidence of all 200 needs (4,000 insights)", evidence);
  report ("unserved needs (2,000 tasks)", unserved);
  report ("tasks serving no need", orphans);
  report ("search 400 notes (~1.1 MB) + 4,000 insights", search);
  report ("spec word count (50 needs)", words);
  report ("Markdown export (50 needs, 1,000 quotes)", export);
  return sink == 0;
}
