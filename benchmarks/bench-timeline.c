/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-timeline: frames of the Timeline's Gantt chart, measured offscreen.
 *
 *   drag:   1,000 and 10,000 tasks; each frame of a duration drag of an
 *           early task is the model change + reschedule (through the
 *           gesture's own function), allocation, snapshot and rendering of
 *           the render nodes to a 1280x720 cairo image surface (targets:
 *           under 8 ms at 1,000 tasks, under 16 ms at 10,000)
 *   open:   10,000 tasks; scheduling, handing the plan to the Timeline and
 *           its first frame, each timed on its own (the chart's part is
 *           the last two)
 *   scroll: 10,000 tasks; each frame scrolls three rows and allocates,
 *           snapshots and renders (only visible rows are built and drawn)
 *
 * Needs a display: xvfb-run -a ./bench-timeline */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "charter-gantt-chart.h"
#include "charter-gantt-chart-private.h"
#include "charter-scheduler.h"
#include "charter-timeline-view.h"

#define WIDTH  1280
#define HEIGHT 720

static CharterDocument *
make_plan (guint n_tasks,
           guint n_teams)
{
  CharterDocument *document = charter_document_new ();
  GListStore *tasks = G_LIST_STORE (charter_document_get_tasks (document));
  GListStore *teams = G_LIST_STORE (charter_document_get_teams (document));
  GListStore *deps = G_LIST_STORE (charter_document_get_dependencies (document));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270301);
  const char *holidays[] = { "2027-04-02", "2027-04-05", "2027-05-27", NULL };

  charter_calendar_set_start (charter_document_get_calendar (document), "2027-03-01");
  charter_calendar_set_holidays (charter_document_get_calendar (document), holidays);

  for (guint t = 0; t < n_teams; t++)
    {
      g_autofree char *id = g_strdup_printf ("team%u", t);
      g_autofree char *name = g_strdup_printf ("Team %u", t);
      g_autoptr(CharterTeam) team = charter_team_new (id);

      charter_team_set_name (team, name);
      g_list_store_append (teams, team);
    }

  /* Each team works through a chain with hand-offs to the next team: a
   * duration change early on moves most of the plan. */
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task %u of the workout history plan", i);
      g_autofree char *team = g_strdup_printf ("team%u", i % n_teams);
      g_autoptr(CharterTask) task = charter_task_new (id);

      charter_task_set_name (task, name);
      charter_task_set_team_id (task, team);
      charter_task_set_duration (task, g_rand_int_range (rand, 1, 8));
      g_list_store_append (tasks, task);

      if (i >= n_teams)
        {
          g_autofree char *dep_id = g_strdup_printf ("d%u", i);
          g_autofree char *from = g_strdup_printf ("t%u", i - n_teams);
          g_autoptr(CharterDependency) dep = charter_dependency_new (dep_id);

          charter_dependency_set_predecessor (dep, from);
          charter_dependency_set_successor (dep, id);
          g_list_store_append (deps, dep);
        }
      if (i > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autofree char *dep_id = g_strdup_printf ("x%u", i);
          g_autofree char *from = g_strdup_printf ("t%u", i - 1);
          g_autoptr(CharterDependency) dep = charter_dependency_new (dep_id);

          charter_dependency_set_predecessor (dep, from);
          charter_dependency_set_successor (dep, id);
          g_list_store_append (deps, dep);
        }
    }

  return document;
}

typedef struct
{
  GtkWidget         *window;
  GtkWidget         *view;
  CharterGanttChart *chart;
  CharterDocument   *document;
  CharterScheduler  *scheduler;
  cairo_surface_t   *surface;
} Bench;

static void
bench_init (Bench           *b,
            CharterDocument *document,
            int              zoom)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  b->document = document;
  b->scheduler = charter_scheduler_new (document);
  b->view = charter_timeline_view_new ();
  g_object_set (b->view, "document", document, "scheduler", b->scheduler, "zoom", zoom, NULL);
  b->chart = CHARTER_GANTT_CHART (charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (b->view)));
  b->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b->window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (b->window), b->view);
  gtk_window_present (GTK_WINDOW (b->window));
  while (gtk_widget_get_width (GTK_WIDGET (b->chart)) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  b->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (GTK_WIDGET (b->chart)),
                                           gtk_widget_get_height (GTK_WIDGET (b->chart)));
}

static void
bench_clear (Bench *b)
{
  gtk_window_destroy (GTK_WINDOW (b->window));
  g_clear_object (&b->scheduler);
  g_clear_object (&b->document);
  g_clear_pointer (&b->surface, cairo_surface_destroy);
}

/* Allocation, snapshot and rendering of the chart, as a frame does it. */
static void
draw_frame (Bench *b)
{
  GtkWidget *chart = GTK_WIDGET (b->chart);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  gtk_widget_queue_allocate (chart);
  gtk_widget_size_allocate (chart,
                            &(GtkAllocation) { 0, 0, gtk_widget_get_width (chart), gtk_widget_get_height (chart) },
                            -1);
  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  cr = cairo_create (b->surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

/* CPU time of this thread: what a frame costs when other processes share
 * the machine (wall time is reported too). */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
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

  qsort (ms->data, ms->len, sizeof (double), compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);

  g_print ("%-58s frames %4u  mean %6.2f ms  median %6.2f ms  p95 %6.2f ms  max %6.2f ms\n",
           what, ms->len, sum / ms->len,
           g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, (guint) (ms->len * 0.95)),
           g_array_index (ms, double, ms->len - 1));
}

static void
bench_drag (guint n_tasks,
            int   n_frames)
{
  Bench b = { 0 };
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reschedule = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  graphene_rect_t bounds;
  double ppd;
  const char *task_id = "t0";

  bench_init (&b, make_plan (n_tasks, n_tasks >= 10000 ? 20 : 10), 0);
  ppd = charter_gantt_chart_get_pixels_per_day (b.chart);

  /* Make sure the task is on screen; a drag starts at its right end. */
  charter_gantt_chart_sync (b.chart);
  if (!charter_gantt_chart_get_bar_bounds (b.chart, task_id, &bounds))
    g_error ("no bar for %s", task_id);

  draw_frame (&b);
  if (!charter_gantt_chart_drag_begin (b.chart, bounds.origin.x + bounds.size.width - 2,
                                       bounds.origin.y + bounds.size.height / 2))
    g_error ("the drag did not start");

  /* Out and back one day per frame: the worst case, every frame changes
   * the duration and reschedules what follows. */
  for (int frame = 0; frame < n_frames; frame++)
    {
      double dx = (frame < n_frames / 2 ? frame : n_frames - frame) * ppd;
      gint64 start = g_get_monotonic_time (), cpu_start = cpu_usec (), mid;
      double ms;

      charter_gantt_chart_drag_update (b.chart, dx, 0);
      mid = g_get_monotonic_time ();
      draw_frame (&b);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (total, ms);
      ms = (cpu_usec () - cpu_start) / 1000.0;
      g_array_append_val (cpu, ms);
      ms = (mid - start) / 1000.0;
      g_array_append_val (reschedule, ms);
    }
  if (g_getenv ("BENCH_TIMELINE_PNG") != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s-drag%u.png", g_getenv ("BENCH_TIMELINE_PNG"), n_tasks);
      cairo_surface_write_to_png (b.surface, path);
    }
  charter_gantt_chart_drag_end (b.chart);

  {
    g_autofree char *label = g_strdup_printf ("%s tasks, drag frame: change+reschedule+draw",
                                              n_tasks >= 10000 ? "10,000" : "1,000");

    report (label, total);
  }
  report ("  of which change+reschedule+feedback", reschedule);
  report ("  same frames, CPU time of the thread", cpu);
  bench_clear (&b);
}

/* Scrolls sideways to where the top visible task's bar is, as someone
 * reading down the plan does, so frames are full of bars and arrows. */
static void
follow_the_work (Bench         *b,
                 GtkAdjustment *hadjustment,
                 GtkAdjustment *vadjustment)
{
  CharterTimelineLayout *layout = charter_gantt_chart_get_layout (b->chart);
  graphene_rect_t bounds;
  g_autofree char *id = NULL;
  guint row;

  if (!charter_timeline_layout_row_at_y (layout, gtk_adjustment_get_value (vadjustment) + 60, &row))
    return;
  if (charter_timeline_layout_get_row (layout, row)->kind != CHARTER_TIMELINE_ROW_TASK)
    row++;
  id = g_strdup_printf ("t%u", charter_timeline_layout_get_row (layout, row)->index);
  if (charter_gantt_chart_get_bar_bounds (b->chart, id, &bounds))
    gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + bounds.origin.x - 600);
}

static void
bench_scroll (void)
{
  Bench b = { 0 };
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GtkAdjustment *vadjustment;
  GtkAdjustment *hadjustment;
  int zooms[] = { 0, 1, 2 };

  bench_init (&b, make_plan (10000, 20), 1);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b.chart));
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (b.chart));

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autofree char *label = NULL;

      g_object_set (b.view, "zoom", zooms[z], NULL);
      draw_frame (&b);
      g_array_set_size (frames, 0);
      g_array_set_size (cpu, 0);
      gtk_adjustment_set_value (vadjustment, 0);
      for (int frame = 0; frame < 300; frame++)
        {
          gint64 start = g_get_monotonic_time (), cpu_start = cpu_usec ();
          double ms;

          gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 117);
          follow_the_work (&b, hadjustment, vadjustment);
          draw_frame (&b);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (frames, ms);
          ms = (cpu_usec () - cpu_start) / 1000.0;
          g_array_append_val (cpu, ms);
        }
      label = g_strdup_printf ("10,000 tasks, scroll frame (%s zoom)",
                               zooms[z] == 0 ? "days" : zooms[z] == 1 ? "weeks" : "months");
      report (label, frames);
      report ("  same frames, CPU time of the thread", cpu);
      if (g_getenv ("BENCH_TIMELINE_PNG") != NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s-scroll%d.png", g_getenv ("BENCH_TIMELINE_PNG"), zooms[z]);
          cairo_surface_write_to_png (b.surface, path);
        }
    }

  bench_clear (&b);
}

/* Opening a 10,000-task plan in the Timeline: what the scheduler takes,
 * then what the view and chart take to take the plan and draw their first
 * frame. Several runs; the chart's part must not grow with what only
 * visible tasks need. */
static void
bench_open (void)
{
  g_autoptr(GArray) schedule = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hand = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_schedule = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_chart = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < 5; run++)
    {
      Bench b = { 0 };
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      gint64 t0, t1, t2, t3, c0, c1, c3;
      double ms;

      /* An empty Timeline on screen, as when the window opens. */
      b.view = charter_timeline_view_new ();
      b.chart = CHARTER_GANTT_CHART (charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (b.view)));
      b.window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (b.window), WIDTH, HEIGHT);
      gtk_window_set_child (GTK_WINDOW (b.window), b.view);
      gtk_window_present (GTK_WINDOW (b.window));
      while (gtk_widget_get_width (GTK_WIDGET (b.chart)) == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (GTK_WIDGET (b.chart)),
                                              gtk_widget_get_height (GTK_WIDGET (b.chart)));
      b.document = make_plan (10000, 20);

      t0 = g_get_monotonic_time ();
      c0 = cpu_usec ();
      b.scheduler = charter_scheduler_new (b.document);
      t1 = g_get_monotonic_time ();
      c1 = cpu_usec ();
      g_object_set (b.view, "document", b.document, "scheduler", b.scheduler, NULL);
      t2 = g_get_monotonic_time ();
      draw_frame (&b);
      t3 = g_get_monotonic_time ();
      c3 = cpu_usec ();
      ms = (c1 - c0) / 1000.0;
      g_array_append_val (cpu_schedule, ms);
      ms = (c3 - c1) / 1000.0;
      g_array_append_val (cpu_chart, ms);

      ms = (t1 - t0) / 1000.0;
      g_array_append_val (schedule, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (hand, ms);
      ms = (t3 - t2) / 1000.0;
      g_array_append_val (first, ms);
      bench_clear (&b);
    }

  report ("10,000 tasks, open: schedule (engine)", schedule);
  report ("  hand the plan to the Timeline (view + chart)", hand);
  report ("  first frame of the chart (rebuild+allocate+draw)", first);
  report ("  CPU time: schedule", cpu_schedule);
  report ("  CPU time: hand over + first frame (view + chart)", cpu_chart);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-timeline: needs a display (run it under xvfb-run -a)\n");
      return 77;
    }
  adw_init ();

  if (g_strcmp0 (g_getenv ("BENCH_TIMELINE_ONLY"), "drag10000") == 0)
    {
      bench_drag (10000, 100);
      return 0;
    }
  bench_drag (1000, 400);
  bench_drag (10000, 100);
  bench_open ();
  if (argc < 2 || g_strcmp0 (argv[1], "--no-scroll") != 0)
    bench_scroll ();

  return 0;
}
