/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-graph: the dependency graph with 1,000 tasks and 3,000 dependencies.
 *
 *   layout   charter_graph_layout() alone (target: under 200 ms)
 *   rebuild  the canvas taking in a changed structure: graph, layout, widgets
 *   press    pressing on a task (it is selected, its chain highlighted) and
 *            the frame after it (target: under 16 ms)
 *   first    the first move of a drag and its frame (target: under 16 ms)
 *   frame    one frame while panning or dragging a task: the model change
 *            (drag), allocation, snapshot and rendering offscreen with the
 *            cairo renderer (target: under 8 ms)
 *   quality  crossings of the drawn arrows against Graphviz dot on the
 *            example, generated plans of 30-250 tasks and the graph above
 *            (`bench-graph quality` runs this alone; skipped without dot)
 *
 *   scale    at 1,000 and 10,000 tasks (3 dependencies a task, 20 teams):
 *            the canvas opening the plan, switching to the Plan page (target:
 *            under 100 ms) and drag frames (under 8 ms at 1,000, under 16 ms
 *            at 10,000); BENCH_GRAPH_SCALE_ONLY=1 runs only these
 *
 * Frames need a display (run under xvfb-run); without one only the layout
 * figures are printed. Figures and the command are in docs/performance.md. */

#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "charter-file.h"
#include "charter-graph-canvas.h"
#include "charter-graph-layout.h"
#include "charter-graph-task.h"
#include "charter-plan-view.h"
#include "charter-scheduler.h"

#define N_TASKS 1000
#define N_DEPS  3000

/* The thread's CPU time, ms: wall time on a shared 2-core machine is noisy. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
report (const char *what,
        GArray     *ms,
        double      target)
{
  double median, p95, worst;

  g_array_sort (ms, compare_double);
  median = g_array_index (ms, double, ms->len / 2);
  p95 = g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
  worst = g_array_index (ms, double, ms->len - 1);
  g_print ("%-44s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (target < %.0f ms: %s)\n",
           what, median, p95, worst, target, p95 < target ? "met" : "MISSED");
}

/* Plans are mostly short hops forward with some long ones. */
static void
random_edges_n (guint32  seed,
                guint    n_tasks,
                guint    n_deps,
                guint   *from,
                guint   *to)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint added = 0;

  while (added < n_deps)
    {
      guint a = g_rand_int_range (rand, 0, n_tasks - 1);
      guint span = g_rand_int_range (rand, 0, 10) < 8 ? g_rand_int_range (rand, 1, 12)
                                                      : g_rand_int_range (rand, 1, n_tasks);
      guint b = MIN (a + span, n_tasks - 1);
      gpointer key = GUINT_TO_POINTER (a * n_tasks + b + 1);

      if (a == b || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, key);
      from[added] = a;
      to[added] = b;
      added++;
    }
}

static void
random_edges (guint32  seed,
              guint   *from,
              guint   *to)
{
  random_edges_n (seed, N_TASKS, N_DEPS, from, to);
}

static void
bench_layout (guint *from,
              guint *to)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < 11; run++)
    {
      CharterGraph *graph = charter_graph_new ();
      gint64 start;
      double elapsed, cpu0;

      for (guint i = 0; i < N_TASKS; i++)
        charter_graph_add_node (graph, 224, 112);
      for (guint e = 0; e < N_DEPS; e++)
        charter_graph_add_edge (graph, from[e], to[e]);

      start = g_get_monotonic_time ();
      cpu0 = cpu_ms ();
      charter_graph_layout (graph);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
      cpu0 = cpu_ms () - cpu0;
      g_array_append_val (cpu, cpu0);

      if (run == 0)
        g_assert_false (charter_graph_nodes_overlap (graph, NULL, NULL));
      charter_graph_free (graph);
    }
  report ("layout (1,000 tasks, 3,000 deps) (wall)", ms, 200);
  report ("layout (1,000 tasks, 3,000 deps) (CPU)", cpu, 200);
}

static CharterDocument *
make_document_n (guint  n_tasks,
                 guint  n_deps,
                 guint  n_teams,
                 guint *from,
                 guint *to)
{
  CharterDocument *doc = charter_document_new ();
  GListModel *tasks = charter_document_get_tasks (doc);
  GListModel *deps = charter_document_get_dependencies (doc);

  charter_calendar_set_start (charter_document_get_calendar (doc), "2025-03-03");
  for (guint i = 0; i < n_teams; i++)
    {
      g_autofree char *id = g_strdup_printf ("team-%u", i);
      g_autoptr(CharterTeam) team = charter_team_new (id);

      charter_team_set_name (team, id);
      charter_document_append (doc, charter_document_get_teams (doc), team);
    }
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task number %u", i);
      g_autofree char *team = g_strdup_printf ("team-%u", i % n_teams);
      g_autoptr(CharterTask) task = charter_task_new (id);

      charter_task_set_name (task, name);
      charter_task_set_team_id (task, team);
      charter_task_set_duration (task, 1 + i % 9);
      charter_document_append (doc, tasks, task);
    }
  for (guint e = 0; e < n_deps; e++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", e);
      g_autofree char *a = g_strdup_printf ("t%u", from[e]);
      g_autofree char *b = g_strdup_printf ("t%u", to[e]);
      g_autoptr(CharterDependency) dep = charter_dependency_new (id);

      charter_dependency_set_predecessor (dep, a);
      charter_dependency_set_successor (dep, b);
      charter_document_append (doc, deps, dep);
    }
  charter_history_clear (charter_document_get_history (doc));
  return doc;
}

static CharterDocument *
make_document (guint *from,
               guint *to)
{
  return make_document_n (N_TASKS, N_DEPS, 6, from, to);
}

static void
flush (void)
{
  for (int i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static double last_frame_cpu;

/* One frame as GTK draws it: allocation, snapshot (reusing the render nodes
 * of widgets that did not change) and rendering with the cairo renderer. */
static double
frame (GtkWidget   *canvas,
       GskRenderer *renderer,
       int          width,
       int          height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu0 = cpu_ms ();
  gint64 t1, t2, t3;

  charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
  t1 = g_get_monotonic_time ();
  gtk_widget_allocate (canvas, width, height, -1, NULL);
  t2 = g_get_monotonic_time ();
  /* The canvas's own snapshot, as the frame clock runs it: children whose
   * drawing did not change reuse their render nodes. */
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  t3 = g_get_monotonic_time ();
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (g_getenv ("BENCH_GRAPH_VERBOSE"))
    g_printerr ("sync %.2f allocate %.2f snapshot %.2f render %.2f\n", (t1 - start) / 1000.0,
                (t2 - t1) / 1000.0, (t3 - t2) / 1000.0, (g_get_monotonic_time () - t3) / 1000.0);

  last_frame_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_frames (guint *from,
              guint *to)
{
  g_autoptr(CharterDocument) doc = make_document (from, to);
  g_autoptr(CharterScheduler) scheduler = charter_scheduler_new (doc);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = charter_plan_view_new ();
  GtkWidget *canvas;
  int width, height;
  g_autoptr(GArray) rebuild = g_array_new (FALSE, FALSE, sizeof (double));

  g_object_set (view, "document", doc, "scheduler", scheduler, NULL);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  canvas = charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (view));
  for (int i = 0; i < 20; i++)
    {
      flush ();
      g_usleep (20000);
    }
  width = gtk_widget_get_width (canvas);
  height = gtk_widget_get_height (canvas);
  gsk_renderer_realize (renderer, NULL, NULL);

  /* Rebuild: what adding a dependency costs the canvas. */
  for (int run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      /* Toggle one link in and out: a structure change each time. */
      if (run % 2 == 0)
        {
          gtk_widget_activate_action (canvas, "graph.select", "s", "t0");
          gtk_widget_activate_action (canvas, "graph.link", "s", "t999");
        }
      else
        charter_document_undo (doc);
      charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (rebuild, elapsed);
    }
  report ("rebuild after a new dependency (no render)", rebuild, 1000);
  gtk_widget_activate_action (canvas, "graph.cancel", NULL);
  flush ();

  for (int zoomed = 0; zoomed < 2; zoomed++)
    {
      g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) drag = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) pan_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) drag_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) press = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) press_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) first_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      static const char * const drag_tasks[] = { "t500", "t120", "t860", "t333", "t47", "t701", "t250" };
      CharterGraph *graph = charter_graph_canvas_get_graph (CHARTER_GRAPH_CANVAS (canvas));
      int index = charter_graph_canvas_get_node_index (CHARTER_GRAPH_CANVAS (canvas), "t500");
      CharterGraphNode *node = charter_graph_get_node (graph, index);
      double x0 = node->x, y0 = node->y;

      gtk_widget_activate_action (canvas, "graph.fit", NULL);
      if (zoomed)
        {
          /* 100 %, looking at task 500. */
          double wx, wy;

          for (int i = 0; i < 40 && charter_graph_canvas_get_zoom (CHARTER_GRAPH_CANVAS (canvas)) < 1.0; i++)
            gtk_widget_activate_action (canvas, "graph.zoom-in", NULL);
          charter_graph_canvas_graph_to_widget (CHARTER_GRAPH_CANVAS (canvas), x0, y0, &wx, &wy);
          charter_graph_canvas_pan_by (CHARTER_GRAPH_CANVAS (canvas), width / 2.0 - wx, height / 2.0 - wy);
        }
      frame (canvas, renderer, width, height);

      for (int i = 0; i < 60; i++)
        {
          double ms;

          charter_graph_canvas_pan_by (CHARTER_GRAPH_CANVAS (canvas), i % 2 ? -7 : 7, i % 2 ? -3 : 3);
          ms = frame (canvas, renderer, width, height);
          g_array_append_val (pan, ms);
          g_array_append_val (pan_cpu, last_frame_cpu);
        }

      /* Real drags through the canvas's own handlers, each on another task
       * that was not placed by hand and with nothing selected, as a user
       * starts one: the press (which selects the task) and its frame, the
       * first move (the task becomes hand-placed) and its frame, then more
       * moves; one undo group, undone after. */
      for (guint d = 0; d < G_N_ELEMENTS (drag_tasks); d++)
        {
          int dragged = charter_graph_canvas_get_node_index (CHARTER_GRAPH_CANVAS (canvas), drag_tasks[d]);
          CharterGraphNode *dnode;
          double wx, wy, ms, cpu, cpu0;
          gint64 start;

          gtk_widget_activate_action (canvas, "graph.cancel", NULL);
          charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
          dnode = charter_graph_get_node (graph, dragged);
          if (zoomed)
            {
              charter_graph_canvas_graph_to_widget (CHARTER_GRAPH_CANVAS (canvas), dnode->x, dnode->y, &wx, &wy);
              charter_graph_canvas_pan_by (CHARTER_GRAPH_CANVAS (canvas), width / 2.0 - wx, height / 2.0 - wy);
            }
          frame (canvas, renderer, width, height);
          frame (canvas, renderer, width, height);
          charter_graph_canvas_graph_to_widget (CHARTER_GRAPH_CANVAS (canvas),
                                                dnode->x + 30, dnode->y + 30, &wx, &wy);

          start = g_get_monotonic_time ();
          cpu0 = cpu_ms ();
          charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 0, wx, wy);
          cpu = cpu_ms () - cpu0;
          ms = (g_get_monotonic_time () - start) / 1000.0 + frame (canvas, renderer, width, height);
          cpu += last_frame_cpu;
          g_array_append_val (press, ms);
          g_array_append_val (press_cpu, cpu);

          for (int i = 0; i < 20; i++)
            {
              start = g_get_monotonic_time ();
              cpu0 = cpu_ms ();
              charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 1, 5 + 3 * i, 5 + 2 * i);
              cpu = cpu_ms () - cpu0;
              ms = (g_get_monotonic_time () - start) / 1000.0 + frame (canvas, renderer, width, height);
              cpu += last_frame_cpu;
              g_array_append_val (i == 0 ? first : drag, ms);
              g_array_append_val (i == 0 ? first_cpu : drag_cpu, cpu);
            }
          charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 2, 5 + 3 * 19, 5 + 2 * 19);
          charter_document_undo (doc);
          charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
        }
      gtk_widget_activate_action (canvas, "graph.cancel", NULL);

      g_print ("-- %s (zoom %.2f, %d×%d)\n", zoomed ? "at 100 %" : "whole plan in view (Fit)",
               charter_graph_canvas_get_zoom (CHARTER_GRAPH_CANVAS (canvas)), width, height);
      report ("  frame while panning (wall)", pan, 8);
      report ("  frame while panning (CPU)", pan_cpu, 8);
      report ("  press on a task and its frame (wall)", press, 16);
      report ("  press on a task and its frame (CPU)", press_cpu, 16);
      report ("  first frame of a drag (wall)", first, 16);
      report ("  first frame of a drag (CPU)", first_cpu, 16);
      report ("  later frames of a drag (wall)", drag, 8);
      report ("  later frames of a drag (CPU)", drag_cpu, 8);
    }

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
}

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has painted a frame. */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static guint
count_task_widgets (GtkWidget *canvas)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (canvas); child; child = gtk_widget_get_next_sibling (child))
    if (CHARTER_IS_GRAPH_TASK (child) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

/* The graph at 1,000 and 10,000 tasks (3 dependencies a task, 20 teams):
 *   open     the canvas taking in a new document (graph, layout, widgets
 *            for the tasks in view), and the layout alone for comparison
 *   switch   switching to the Plan page of a stack that holds the view,
 *            to the end of the window's next painted frame (the real frame
 *            clock, the cairo renderer under GSK_RENDERER=cairo)
 *   drag     moving a task, each move and its frame (as bench_frames) */
static void
bench_scale (guint n_tasks)
{
  guint n_deps = 3 * n_tasks;
  g_autofree guint *from = g_new (guint, n_deps);
  g_autofree guint *to = g_new (guint, n_deps);
  g_autoptr(CharterDocument) doc = NULL;
  g_autoptr(CharterScheduler) scheduler = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switching = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switching_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *other = gtk_label_new ("Another workspace");
  GtkWidget *view = charter_plan_view_new ();
  GtkWidget *canvas = charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (view));
  CharterGraph *graph;
  int width, height;
  char what[80];

  random_edges_n (42, n_tasks, n_deps, from, to);
  doc = make_document_n (n_tasks, n_deps, 20, from, to);
  scheduler = charter_scheduler_new (doc);

  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  gtk_stack_add_named (GTK_STACK (stack), view, "plan");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "plan");
  for (int i = 0; i < 10; i++)
    {
      flush ();
      g_usleep (20000);
    }

  /* Open: what the canvas does with a new document (on and off again; once
   * at 10,000 tasks, where the layout takes long). */
  for (int run = 0; run < (n_tasks >= 10000 ? 1 : 3); run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_object_set (view, "document", doc, "scheduler", scheduler, NULL);
      charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (open, ms);
      wait_for_paint (window);
      if (run < (n_tasks >= 10000 ? 0 : 2))
        {
          g_object_set (view, "document", NULL, "scheduler", NULL, NULL);
          charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
          wait_for_paint (window);
        }
    }
  for (int run = 0; run < (n_tasks >= 10000 ? 1 : 3); run++)
    {
      CharterGraph *copy = charter_graph_new ();
      gint64 start;
      double ms;

      for (guint i = 0; i < n_tasks; i++)
        charter_graph_add_node (copy, 224, 112);
      for (guint e = 0; e < n_deps; e++)
        charter_graph_add_edge (copy, from[e], to[e]);
      start = g_get_monotonic_time ();
      charter_graph_layout (copy);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (layout, ms);
      charter_graph_free (copy);
    }

  /* Switching: away and back, the Plan page at the zoom Fit gave. */
  for (int run = 0; run < 6; run++)
    {
      gint64 start;
      double ms, cpu;

      gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
      wait_for_paint (window);
      flush ();
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "plan");
      wait_for_paint (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu = cpu_ms () - cpu;
      g_array_append_val (switching, ms);
      g_array_append_val (switching_cpu, cpu);
    }

  g_print ("-- %u tasks, %u dependencies, 20 teams (zoom %.2f, %u task widgets of %u)\n", n_tasks, n_deps,
           charter_graph_canvas_get_zoom (CHARTER_GRAPH_CANVAS (canvas)), count_task_widgets (canvas), n_tasks);
  report ("  open: canvas takes in the document (wall)", open, n_tasks >= 10000 ? 1000 : 300);
  report ("  of which the layout alone (wall)", layout, n_tasks >= 10000 ? 1000 : 200);
  report ("  switch to Plan, to its painted frame (wall)", switching, 100);
  report ("  switch to Plan, to its painted frame (CPU)", switching_cpu, 100);

  width = gtk_widget_get_width (canvas);
  height = gtk_widget_get_height (canvas);
  gsk_renderer_realize (renderer, NULL, NULL);
  graph = charter_graph_canvas_get_graph (CHARTER_GRAPH_CANVAS (canvas));

  /* At 100 % first: a task one can see and grab. */
  for (int zoomed = 1; zoomed >= 0; zoomed--)
    {
      g_autoptr(GArray) drag = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) drag_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) pan_cpu = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint d = 0; d < 5; d++)
        {
          g_autofree char *id = g_strdup_printf ("t%u", (n_tasks / 6) * (d + 1));
          CharterGraphNode *node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (CHARTER_GRAPH_CANVAS (canvas), id));
          double wx, wy;

          gtk_widget_activate_action (canvas, "graph.cancel", NULL);
          gtk_widget_activate_action (canvas, "graph.fit", NULL);
          if (zoomed)
            {
              for (int i = 0; i < 60 && charter_graph_canvas_get_zoom (CHARTER_GRAPH_CANVAS (canvas)) < 1.0; i++)
                gtk_widget_activate_action (canvas, "graph.zoom-in", NULL);
              charter_graph_canvas_graph_to_widget (CHARTER_GRAPH_CANVAS (canvas), node->x, node->y, &wx, &wy);
              charter_graph_canvas_pan_by (CHARTER_GRAPH_CANVAS (canvas), width / 2.0 - wx, height / 2.0 - wy);
            }
          frame (canvas, renderer, width, height);
          frame (canvas, renderer, width, height);
          for (int i = 0; i < 10; i++)
            {
              double ms;

              charter_graph_canvas_pan_by (CHARTER_GRAPH_CANVAS (canvas), i % 2 ? -7 : 7, i % 2 ? -3 : 3);
              ms = frame (canvas, renderer, width, height);
              g_array_append_val (pan, ms);
              g_array_append_val (pan_cpu, last_frame_cpu);
            }
          charter_graph_canvas_graph_to_widget (CHARTER_GRAPH_CANVAS (canvas), node->x + 30, node->y + 30, &wx, &wy);
          charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 0, wx, wy);
          frame (canvas, renderer, width, height);
          charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 1, 5, 5);
          frame (canvas, renderer, width, height);
          for (int i = 1; i < 16; i++)
            {
              gint64 start = g_get_monotonic_time ();
              double cpu0 = cpu_ms (), ms, cpu;

              charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 1, 5 + 3 * i, 5 + 2 * i);
              cpu = cpu_ms () - cpu0;
              ms = (g_get_monotonic_time () - start) / 1000.0 + frame (canvas, renderer, width, height);
              cpu += last_frame_cpu;
              g_array_append_val (drag, ms);
              g_array_append_val (drag_cpu, cpu);
            }
          /* Not undone: taking a task back to the layout lays the whole
           * plan out again, which at 10,000 tasks is the layout's time. */
          charter_graph_canvas_drag (CHARTER_GRAPH_CANVAS (canvas), 2, 5 + 3 * 15, 5 + 2 * 15);
          charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (canvas));
        }
      g_snprintf (what, sizeof what, "  %s: frame while panning (wall)", zoomed ? "100 %" : "Fit");
      report (what, pan, n_tasks >= 10000 ? 16 : 8);
      g_snprintf (what, sizeof what, "  %s: frame while panning (CPU)", zoomed ? "100 %" : "Fit");
      report (what, pan_cpu, n_tasks >= 10000 ? 16 : 8);
      g_snprintf (what, sizeof what, "  %s: drag, a move and its frame (wall)", zoomed ? "100 %" : "Fit");
      report (what, drag, n_tasks >= 10000 ? 16 : 8);
      g_snprintf (what, sizeof what, "  %s: drag, a move and its frame (CPU)", zoomed ? "100 %" : "Fit");
      report (what, drag_cpu, n_tasks >= 10000 ? 16 : 8);
    }

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
}

/* Layout quality against Graphviz dot. Both drawings are flattened into
 * polylines (16 samples per cubic piece) and counted by the same function,
 * charter_graph_count_polyline_crossings(): Charter's arrows as the canvas
 * draws them, dot's edge splines as `dot -Tplain` gives them. */

typedef struct
{
  char  *name;
  guint  n_tasks;
  GArray *from;   /* guint */
  GArray *to;     /* guint */
} QualityGraph;

static void
quality_graph_free (QualityGraph *g)
{
  g_free (g->name);
  g_array_unref (g->from);
  g_array_unref (g->to);
  g_free (g);
}

static QualityGraph *
quality_graph_new (const char *name,
                   guint       n_tasks)
{
  QualityGraph *g = g_new0 (QualityGraph, 1);

  g->name = g_strdup (name);
  g->n_tasks = n_tasks;
  g->from = g_array_new (FALSE, FALSE, sizeof (guint));
  g->to = g_array_new (FALSE, FALSE, sizeof (guint));
  return g;
}

/* The plans of random_edges() at any size: mostly short hops forward. */
static QualityGraph *
quality_random_plan (guint32 seed,
                     guint   n_tasks,
                     guint   n_deps)
{
  g_autofree char *name = g_strdup_printf ("random %u/%u seed %u", n_tasks, n_deps, seed);
  QualityGraph *g = quality_graph_new (name, n_tasks);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint tries = 0;

  while (g->from->len < n_deps && tries++ < 100 * n_deps)
    {
      guint a = g_rand_int_range (rand, 0, n_tasks - 1);
      guint span = g_rand_int_range (rand, 0, 10) < 8 ? g_rand_int_range (rand, 1, 12)
                                                      : g_rand_int_range (rand, 1, n_tasks);
      guint b = MIN (a + span, n_tasks - 1);
      gpointer key = GUINT_TO_POINTER (a * n_tasks + b + 1);

      if (a == b || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, key);
      g_array_append_val (g->from, a);
      g_array_append_val (g->to, b);
    }
  return g;
}

static QualityGraph *
quality_example_plan (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BENCH_EXAMPLE_PLAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterDocument) doc = charter_file_load (file, NULL, NULL, &error);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *tasks, *deps;
  QualityGraph *g;

  if (doc == NULL)
    {
      g_printerr ("quality: %s\n", error->message);
      return NULL;
    }
  tasks = charter_document_get_tasks (doc);
  deps = charter_document_get_dependencies (doc);
  g = quality_graph_new ("example (workout-history)", g_list_model_get_n_items (tasks));
  for (guint i = 0; i < g->n_tasks; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

      g_hash_table_insert (index, (gpointer) charter_item_get_id (CHARTER_ITEM (task)),
                           GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (deps); i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, charter_dependency_get_predecessor (dep)));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (index, charter_dependency_get_successor (dep)));

      if (a == 0 || b == 0)
        continue;
      a--;
      b--;
      g_array_append_val (g->from, a);
      g_array_append_val (g->to, b);
    }
  /* The tasks are owned by the document, the ids too: the index dies first. */
  g_hash_table_remove_all (index);
  return g;
}

/* Charter's layout as the canvas builds it; the median time of five runs. */
static guint
quality_charter (QualityGraph *g,
                 double       *ms)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint crossings = 0;

  for (int run = 0; run < 5; run++)
    {
      CharterGraph *graph = charter_graph_new ();
      double cpu0, elapsed;

      for (guint i = 0; i < g->n_tasks; i++)
        charter_graph_add_node (graph, CHARTER_GRAPH_TASK_WIDTH, CHARTER_GRAPH_TASK_HEIGHT);
      for (guint e = 0; e < g->from->len; e++)
        charter_graph_add_edge (graph, g_array_index (g->from, guint, e), g_array_index (g->to, guint, e));
      cpu0 = cpu_ms ();
      charter_graph_layout (graph);
      elapsed = cpu_ms () - cpu0;
      g_array_append_val (times, elapsed);
      if (run == 0)
        {
          g_assert_false (charter_graph_nodes_overlap (graph, NULL, NULL));
          crossings = charter_graph_count_drawn_crossings (graph);
        }
      charter_graph_free (graph);
    }
  g_array_sort (times, compare_double);
  *ms = g_array_index (times, double, times->len / 2);
  return crossings;
}

/* The same plan for dot: left to right, boxes of the canvas's size and its
 * gaps (dot works in inches of 72 units). */
static char *
quality_write_dot (QualityGraph *g)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("bench-graph-XXXXXX.dot", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_string_append_printf (text,
                          "digraph plan {\n"
                          "  rankdir=LR; nodesep=%g; ranksep=%g;\n"
                          "  node [shape=box, fixedsize=true, width=%g, height=%g, label=\"\"];\n",
                          CHARTER_GRAPH_NODE_GAP / 72, CHARTER_GRAPH_LAYER_GAP / 72,
                          CHARTER_GRAPH_TASK_WIDTH / 72.0, CHARTER_GRAPH_TASK_HEIGHT / 72.0);
  for (guint i = 0; i < g->n_tasks; i++)
    g_string_append_printf (text, "  n%u;\n", i);
  for (guint e = 0; e < g->from->len; e++)
    g_string_append_printf (text, "  n%u -> n%u;\n",
                            g_array_index (g->from, guint, e), g_array_index (g->to, guint, e));
  g_string_append (text, "}\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  /* BENCH_GRAPH_KEEP_DOT=DIR keeps a copy of each file, to run dot by hand. */
  if (g_getenv ("BENCH_GRAPH_KEEP_DOT"))
    {
      g_autofree char *base = g_strdelimit (g_strdup (g->name), " /()'", '-');
      g_autofree char *name = g_strconcat (base, ".dot", NULL);
      g_autofree char *copy = g_build_filename (g_getenv ("BENCH_GRAPH_KEEP_DOT"), name, NULL);

      g_file_set_contents (copy, text->str, text->len, NULL);
    }
  return path;
}

/* The crossings of the edges in dot's plain output: each edge's spline is
 * cubic pieces P0 P1 P2 P3, P3 P4 P5 P6, ... in inches. */
static guint
quality_count_plain (const char *plain)
{
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CharterGraphPoint));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_lines;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint n;
      g_autofree CharterGraphPoint *ctl = NULL;

      if (!g_str_has_prefix (lines[i], "edge "))
        continue;
      f = g_strsplit_set (lines[i], " ", -1);
      n = (guint) g_ascii_strtoull (f[3], NULL, 10);
      if (n == 0 || g_strv_length (f) < 4 + 2 * n)
        continue;
      ctl = g_new (CharterGraphPoint, n);
      for (guint k = 0; k < n; k++)
        {
          ctl[k].x = g_ascii_strtod (f[4 + 2 * k], NULL) * 72;
          ctl[k].y = g_ascii_strtod (f[5 + 2 * k], NULL) * 72;
        }
      g_array_append_val (starts, points->len);
      g_array_append_val (points, ctl[0]);
      for (guint k = 0; k + 3 < n; k += 3)
        for (guint s = 1; s <= CHARTER_GRAPH_CURVE_SAMPLES; s++)
          {
            double t = s / (double) CHARTER_GRAPH_CURVE_SAMPLES, u = 1 - t;
            CharterGraphPoint p;

            p.x = u * u * u * ctl[k].x + 3 * u * u * t * ctl[k + 1].x +
                  3 * u * t * t * ctl[k + 2].x + t * t * t * ctl[k + 3].x;
            p.y = u * u * u * ctl[k].y + 3 * u * u * t * ctl[k + 1].y +
                  3 * u * t * t * ctl[k + 2].y + t * t * t * ctl[k + 3].y;
            g_array_append_val (points, p);
          }
    }
  n_lines = starts->len;
  g_array_append_val (starts, points->len);
  return charter_graph_count_polyline_crossings ((CharterGraphPoint *) points->data,
                                                 (guint *) starts->data, n_lines);
}

/* Runs dot on the plan: its crossings and its wall time. */
static gboolean
quality_dot (QualityGraph *g,
             guint        *crossings,
             double       *ms)
{
  g_autofree char *path = quality_write_dot (g);
  const char *argv[] = { "dot", "-Tplain", path, NULL };
  g_autofree char *out = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) &&
       g_spawn_check_wait_status (status, NULL);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  g_unlink (path);
  if (ok)
    *crossings = quality_count_plain (out);
  return ok;
}

static void
bench_quality (guint *from,
               guint *to)
{
  g_autoptr(GPtrArray) graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) quality_graph_free);
  g_autofree char *dot = g_find_program_in_path ("dot");
  guint worse = 0, compared = 0;
  QualityGraph *big;

  /* dot needs minutes for bench-graph's own plan of 1,000 tasks (run it
   * with BENCH_GRAPH_DOT_MAX_TASKS=1000, or by hand on the file that
   * BENCH_GRAPH_KEEP_DOT=DIR keeps). */
  guint dot_max_tasks = g_getenv ("BENCH_GRAPH_DOT_MAX_TASKS")
                        ? (guint) g_ascii_strtoull (g_getenv ("BENCH_GRAPH_DOT_MAX_TASKS"), NULL, 10) : 250;

  if (g_getenv ("BENCH_GRAPH_NO_DOT"))
    g_clear_pointer (&dot, g_free);
  {
    QualityGraph *example = quality_example_plan ();

    if (example != NULL)
      g_ptr_array_add (graphs, example);
  }
  for (guint per_task = 2; per_task <= 3; per_task++)
    {
      static const guint sizes[] = { 30, 60, 100, 150, 200, 250 };

      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        for (guint32 seed = 1; seed <= 2; seed++)
          g_ptr_array_add (graphs, quality_random_plan (seed, sizes[k], per_task * sizes[k]));
    }
  big = quality_graph_new ("bench-graph's plan", N_TASKS);
  g_array_append_vals (big->from, from, N_DEPS);
  g_array_append_vals (big->to, to, N_DEPS);
  g_ptr_array_add (graphs, big);

  g_print ("-- crossings of the drawn arrows, Charter against %s\n",
           dot ? "Graphviz dot" : "nothing (dot not installed: skipped)");
  g_print ("| graph | tasks | deps | Charter crossings | dot crossings | Charter ms | dot ms |\n"
           "|---|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < graphs->len; i++)
    {
      QualityGraph *g = g_ptr_array_index (graphs, i);
      double ms = 0, dot_ms = 0;
      guint crossings = quality_charter (g, &ms);
      guint dot_crossings = 0;
      gboolean have_dot = dot != NULL && g->n_tasks <= dot_max_tasks &&
                          quality_dot (g, &dot_crossings, &dot_ms);

      if (dot != NULL && g->n_tasks > dot_max_tasks)
        {
          g_autofree char *path = quality_write_dot (g);

          g_unlink (path);
          g_print ("| %s | %u | %u | %u | not run | %.2f | (over %u tasks: BENCH_GRAPH_DOT_MAX_TASKS) |\n",
                 g->name, g->n_tasks, g->from->len, crossings, ms, dot_max_tasks);
        }
      else if (have_dot)
        {
          compared++;
          worse += crossings > dot_crossings;
          g_print ("| %s | %u | %u | %u | %u | %.2f | %.0f |%s\n", g->name, g->n_tasks, g->from->len,
                   crossings, dot_crossings, ms, dot_ms, crossings > dot_crossings ? " WORSE" : "");
        }
      else
        g_print ("| %s | %u | %u | %u | — | %.2f | — |\n", g->name, g->n_tasks, g->from->len, crossings, ms);
    }
  if (compared > 0)
    g_print ("Charter has more crossings than dot on %u of the %u graphs dot ran on (target: none)\n",
             worse, compared);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree guint *from = g_new (guint, N_DEPS);
  g_autofree guint *to = g_new (guint, N_DEPS);

  random_edges (42, from, to);
  if (argc > 2 && g_str_equal (argv[1], "dot-crossings"))
    {
      g_autofree char *plain = NULL;
      g_autoptr(GError) error = NULL;

      /* The crossings in a file of `dot -Tplain`, counted as bench_quality() does. */
      if (!g_file_get_contents (argv[2], &plain, NULL, &error))
        g_error ("%s", error->message);
      g_print ("%u\n", quality_count_plain (plain));
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "quality"))
    {
      bench_quality (from, to);
      return 0;
    }
  bench_layout (from, to);
  bench_quality (from, to);

  if (!gtk_init_check ())
    {
      g_print ("frames: skipped, no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();
  if (g_getenv ("BENCH_GRAPH_SCALE_ONLY") == NULL)
    bench_frames (from, to);
  /* BENCH_GRAPH_SCALE=N for a plan of N tasks only. */
  if (g_getenv ("BENCH_GRAPH_SCALE") != NULL)
    bench_scale (atoi (g_getenv ("BENCH_GRAPH_SCALE")));
  else
    {
      bench_scale (1000);
      bench_scale (10000);
    }

  return 0;
}
