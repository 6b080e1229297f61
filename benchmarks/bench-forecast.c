/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-forecast: the Monte Carlo forecast with risks, and the frames the
 * window draws while it runs (issue 13; figures in docs/performance.md).
 *
 *   1. 1,000 runs of a 1,000-task plan with 100 risks, in place
 *      (charter_schedule_simulate): target under 200 ms.
 *   2. The same forecast as the app starts it after an edit
 *      (charter_scheduler_simulate_async, as the Timeline's P80 and the
 *      Team & Risks workspace do): the time the call itself takes on the
 *      main thread, then every frame of the Timeline's Gantt chart drawn
 *      while the runs go on in the worker thread (allocation, snapshot and
 *      rendering to a 1280x720 cairo surface, as bench-timeline does):
 *      target under 16 ms each.
 *
 * Usage: bench-forecast [--quick]. Needs a display: xvfb-run -a ./bench-forecast */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "charter-gantt-chart.h"
#include "charter-gantt-chart-private.h"
#include "charter-scheduler.h"
#include "charter-timeline-view.h"

#define WIDTH  1280
#define HEIGHT 720
#define SEED   20261203

/* @n tasks in 10 teams, each with up to two predecessors just before it,
 * three-point estimates on every task, and @n_risks risks on 1-3 tasks each,
 * 5-60 % likely, 1-10 working days: the plan bench-engine forecasts. */
static CharterDocument *
make_plan (guint n,
           guint n_risks)
{
  CharterDocument *document = charter_document_new ();
  GListStore *tasks = G_LIST_STORE (charter_document_get_tasks (document));
  GListStore *deps = G_LIST_STORE (charter_document_get_dependencies (document));
  GListStore *teams = G_LIST_STORE (charter_document_get_teams (document));
  GListStore *risks = G_LIST_STORE (charter_document_get_risks (document));
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  charter_calendar_set_start (charter_document_get_calendar (document), "2027-03-01");
  for (guint t = 0; t < 10; t++)
    {
      g_autofree char *id = g_strdup_printf ("team%u", t);
      g_autoptr(CharterTeam) team = charter_team_new (id);

      charter_team_set_name (team, id);
      charter_team_set_capacity (team, 10);
      g_list_store_append (teams, team);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task %u", i);
      g_autofree char *team = g_strdup_printf ("team%u", i % 10);
      g_autoptr(CharterTask) task = charter_task_new (id);
      int duration = g_rand_int_range (rand, 1, 11);

      charter_task_set_name (task, name);
      charter_task_set_team_id (task, team);
      charter_task_set_duration (task, duration);
      charter_task_set_optimistic (task, MAX (1, duration - g_rand_int_range (rand, 0, 3)));
      charter_task_set_pessimistic (task, duration + g_rand_int_range (rand, 0, 6));
      g_list_store_append (tasks, task);
      for (guint k = 0; k < 2 && i > 0; k++)
        {
          guint from = i - 1 - g_rand_int_range (rand, 0, MIN (i, 8));
          g_autofree char *dep_id = g_strdup_printf ("d%u-%u", i, k);
          g_autofree char *from_id = g_strdup_printf ("t%u", from);
          g_autoptr(CharterDependency) dep = charter_dependency_new (dep_id);

          if (k == 1 && g_rand_int_range (rand, 0, 2) == 0)
            continue;
          charter_dependency_set_predecessor (dep, from_id);
          charter_dependency_set_successor (dep, id);
          g_list_store_append (deps, dep);
        }
    }
  for (guint r = 0; r < n_risks; r++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", r);
      g_autoptr(CharterRisk) risk = charter_risk_new (id);
      const char *task_ids[4] = { NULL };
      g_autofree char *a = g_strdup_printf ("t%u", g_rand_int_range (rand, 0, n));
      g_autofree char *b = g_strdup_printf ("t%u", g_rand_int_range (rand, 0, n));
      g_autofree char *c = g_strdup_printf ("t%u", g_rand_int_range (rand, 0, n));
      guint n_tasks = g_rand_int_range (rand, 1, 4);

      task_ids[0] = a;
      task_ids[1] = n_tasks > 1 ? b : NULL;
      task_ids[2] = n_tasks > 2 ? c : NULL;
      charter_risk_set_description (risk, id);
      charter_risk_set_probability (risk, g_rand_int_range (rand, 5, 61));
      charter_risk_set_impact_days (risk, g_rand_int_range (rand, 1, 11));
      charter_risk_set_task_ids (risk, task_ids);
      g_list_store_append (risks, risk);
    }
  return document;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ms)
{
  double sum = 0;

  if (ms->len == 0)
    {
      g_print ("%-58s no frames\n", what);
      return;
    }
  qsort (ms->data, ms->len, sizeof (double), compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  g_print ("%-58s frames %4u  mean %6.2f ms  median %6.2f ms  p95 %6.2f ms  max %6.2f ms\n",
           what, ms->len, sum / ms->len, g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, (guint) (ms->len * 0.95)), g_array_index (ms, double, ms->len - 1));
}

/* Allocation, snapshot and rendering of the chart, as a frame does it. */
static void
draw_frame (GtkWidget       *chart,
            cairo_surface_t *surface)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  gtk_widget_queue_allocate (chart);
  gtk_widget_size_allocate (chart,
                            &(GtkAllocation) { 0, 0, gtk_widget_get_width (chart), gtk_widget_get_height (chart) },
                            -1);
  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
on_simulated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CharterSimulation **out = user_data;

  *out = charter_scheduler_simulate_finish (CHARTER_SCHEDULER (source), result, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = argc > 1 && g_strcmp0 (argv[1], "--quick") == 0;
  guint n = quick ? 200 : 1000, runs = quick ? 200 : 1000, n_risks = quick ? 20 : 100;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterScheduler) scheduler = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  CharterSimulation *simulation = NULL;
  GtkWidget *window, *view, *chart;
  cairo_surface_t *surface;
  double best = G_MAXDOUBLE, worst = 0, call_ms, total_ms;
  gint64 start, deadline;

  gtk_init ();
  adw_init ();

  document = make_plan (n, n_risks);
  scheduler = charter_scheduler_new (document);
  if (charter_scheduler_get_schedule (scheduler) == NULL)
    g_error ("the generated plan does not schedule");

  /* 1. In place, best and worst of three. */
  for (int i = 0; i < 3; i++)
    {
      CharterSimulation *in_place;
      double ms;

      start = g_get_monotonic_time ();
      in_place = charter_schedule_simulate (charter_scheduler_get_schedule (scheduler), runs, SEED, NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      best = MIN (best, ms);
      worst = MAX (worst, ms);
      charter_simulation_free (in_place);
    }
  g_print ("Monte Carlo, %u runs of a %u-task plan with %u risks, in place: best %.0f ms, worst %.0f ms "
           "(target 200 ms)\n", runs, n, n_risks, best, worst);

  /* 2. In the worker thread, with the Timeline drawing meanwhile. */
  view = charter_timeline_view_new ();
  g_object_set (view, "document", document, "scheduler", scheduler, NULL);
  chart = charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (view));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (chart) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* Let the chart's own P80 run (it starts 250 ms after the first frame)
   * finish first, so that only the forecast below runs in the thread. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (charter_gantt_chart_get_p80_day (CHARTER_GANTT_CHART (chart)) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (chart), gtk_widget_get_height (chart));
  draw_frame (chart, surface);

  start = g_get_monotonic_time ();
  charter_scheduler_simulate_async (scheduler, runs, SEED, CHARTER_SIMULATION_NONE, NULL, on_simulated_cb, &simulation);
  call_ms = (g_get_monotonic_time () - start) / 1000.0;
  while (simulation == NULL && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    {
      gint64 frame = g_get_monotonic_time ();
      double ms;

      draw_frame (chart, surface);
      ms = (g_get_monotonic_time () - frame) / 1000.0;
      g_array_append_val (frames, ms);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  total_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("the same, charter_scheduler_simulate_async: the call %.1f ms on the main thread, answer after %.0f ms\n",
           call_ms, total_ms);
  report ("  Timeline frames (1280x720) drawn meanwhile", frames);

  g_clear_pointer (&simulation, charter_simulation_free);
  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
