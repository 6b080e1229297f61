/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-workspaces: switching to the Discovery and Spec workspaces on a
 * large plan (10,000 tasks, 1,000 needs, 10,000 insights, 1,000 interviews,
 * 300 participants; the spec addresses 100 needs), as the window does it:
 * both views get the document while hidden, then the user switches to
 * one, back to another workspace, and to it again. A switch is timed from
 * the stack's switch to the end of the first frame painted after it. Also
 * times handing the document over (what opening a file costs these views).
 * Needs a display: run under xvfb-run.
 *
 *   bench-workspaces [TASKS [NEEDS [INSIGHTS]]]   (default 10000 1000 10000;
 *   interviews are a tenth of the insights, participants 300 at most) */

#define G_LOG_DOMAIN "bench-workspaces"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "charter-discovery-view.h"
#include "charter-spec-view.h"
#include "charter-workspace.h"

#define SWITCHES 5

static CharterDocument *
build (guint tasks,
       guint needs,
       guint insights)
{
  CharterDocument *doc = charter_document_new ();
  CharterSpec *spec = charter_document_get_spec (doc);
  g_autoptr(GStrvBuilder) spec_needs = g_strv_builder_new ();
  g_auto(GStrv) spec_ids = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  guint interviews = MAX (insights / 10, 1), participants = MIN (300, interviews);

  for (guint p = 0; p < participants; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autofree char *alias = g_strdup_printf ("Participant %u", p);
      g_autoptr(CharterParticipant) participant = charter_participant_new (id);

      charter_participant_set_alias (participant, alias);
      charter_participant_set_segment (participant, p % 3 == 0 ? "runners" : p % 3 == 1 ? "lifters" : "classes");
      charter_document_append (doc, charter_document_get_participants (doc), participant);
    }
  for (guint i = 0; i < interviews; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      g_autofree char *pid = g_strdup_printf ("p%u", i % participants);
      g_autoptr(CharterInterview) interview = charter_interview_new (id);
      g_autoptr(GString) notes = g_string_new (NULL);

      for (guint s = 0; s < 10; s++)
        g_string_append_printf (notes, "Sentence %u of interview %u: the app forgets my old runs. ", s, i);
      charter_interview_set_participant_id (interview, pid);
      charter_interview_set_title (interview, id);
      charter_interview_set_date (interview, "2026-03-02");
      charter_interview_set_notes (interview, notes->str);
      charter_document_append (doc, charter_document_get_interviews (doc), interview);
    }
  for (guint n = 0; n < insights; n++)
    {
      g_autofree char *id = g_strdup_printf ("in%u", n);
      g_autofree char *iid = g_strdup_printf ("i%u", g_rand_int_range (rand, 0, interviews));
      g_autofree char *text = g_strdup_printf ("Sentence %u of interview", n % 10);
      g_autoptr(CharterInsight) insight = charter_insight_new (id);

      charter_insight_set_interview_id (insight, iid);
      charter_insight_set_text (insight, text);
      charter_document_append (doc, charter_document_get_insights (doc), insight);
    }
  for (guint n = 0; n < needs; n++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", n);
      g_autofree char *statement = g_strdup_printf ("Need number %u", n);
      g_autoptr(CharterNeed) need = charter_need_new (id);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      /* Nine insights a need while there are; the rest stay unfiled. */
      for (guint k = 0; k < 9 && n * 9 + k < insights; k++)
        {
          g_autofree char *iid = g_strdup_printf ("in%u", n * 9 + k);
          g_strv_builder_add (ids, iid);
        }
      strv = g_strv_builder_end (ids);
      charter_need_set_statement (need, statement);
      charter_need_set_insight_ids (need, (const char * const *) strv);
      charter_document_append (doc, charter_document_get_needs (doc), need);
      if (n < needs / 10)
        g_strv_builder_add (spec_needs, id);
    }
  for (guint t = 0; t < tasks; t++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", t);
      g_autofree char *name = g_strdup_printf ("Task %u", t);
      g_autofree char *nid = g_strdup_printf ("n%u", g_rand_int_range (rand, 0, needs + needs / 4));
      g_autoptr(CharterTask) task = charter_task_new (id);

      charter_task_set_name (task, name);
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

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

/* Shows @name and returns the milliseconds until the frame after it is painted. */
static double
switch_to (GtkStack   *stack,
           GdkFrameClock *clock,
           const char *name)
{
  gint64 t0 = g_get_monotonic_time ();

  painted = FALSE;
  gtk_stack_set_visible_child_name (stack, name);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint tasks = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint needs = argc > 2 ? (guint) atoi (argv[2]) : 1000;
  guint insights = argc > 3 ? (guint) atoi (argv[3]) : 10000;
  g_autoptr(CharterDocument) doc = NULL;
  GtkWidget *window, *stack, *views[2];
  const char *names[2] = { "discovery", "spec" };
  GdkFrameClock *clock;
  gint64 t0;

  setvbuf (stdout, NULL, _IONBF, 0);
  gtk_init ();
  adw_init ();
  doc = build (tasks, needs, insights);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Another workspace"), "other");
  views[0] = charter_discovery_view_new ();
  views[1] = charter_spec_view_new ();
  gtk_stack_add_named (GTK_STACK (stack), views[0], names[0]);
  gtk_stack_add_named (GTK_STACK (stack), views[1], names[1]);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  printf ("%u tasks, %u needs, %u insights, %u interviews\n", tasks, needs, insights, MAX (insights / 10, 1));
  for (guint v = 0; v < 2; v++)
    {
      t0 = g_get_monotonic_time ();
      charter_workspace_set_document (CHARTER_WORKSPACE (views[v]), doc);
      printf ("%-10s document handed over (hidden)   %8.1f ms\n", names[v], (g_get_monotonic_time () - t0) / 1000.0);
      settle ();
    }

  for (guint v = 0; v < 2; v++)
    {
      double ms[SWITCHES];

      for (guint r = 0; r < SWITCHES; r++)
        {
          ms[r] = switch_to (GTK_STACK (stack), clock, names[v]);
          settle ();
          switch_to (GTK_STACK (stack), clock, "other");
          settle ();
        }
      printf ("%-10s first switch %8.1f ms", names[v], ms[0]);
      qsort (ms + 1, SWITCHES - 1, sizeof (double), compare_doubles);
      printf ("   later switches: median %8.1f ms, max %8.1f ms\n", ms[SWITCHES / 2], ms[SWITCHES - 1]);
    }

  /* An edit elsewhere while the views are hidden, then a switch. */
  for (guint v = 0; v < 2; v++)
    {
      double ms;

      charter_document_set (doc, charter_document_get_spec (doc), "problem",
                            v == 0 ? "An edit while hidden." : "Another edit while hidden.", NULL);
      settle ();
      ms = switch_to (GTK_STACK (stack), clock, names[v]);
      settle ();
      switch_to (GTK_STACK (stack), clock, "other");
      settle ();
      printf ("%-10s switch after an edit   %8.1f ms\n", names[v], ms);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
