/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The graph canvas in-process: add, link (and a refused cycle), move, delete
 * and arrange through its graph.* actions, each checked in the model and
 * undone; selection, keyboard neighbours and what the nodes show; pinch
 * zoom; on a 300-task plan, the chain of a selected task highlighted once
 * the worker thread has redrawn the arrows. */

#include "config.h"

#include <string.h>

#include <math.h>
#include <adwaita.h>

#include "charter-plan-view.h"
#include "charter-graph-canvas.h"
#include "charter-graph-task.h"
#include "charter-dependency-editor.h"
#include "charter-task-editor.h"
#include "charter-scheduler.h"
#include "graph-demo.h"

typedef struct
{
  CharterDocument  *doc;
  CharterScheduler *scheduler;
  GtkWidget        *window;
  GtkWidget        *view;
  GtkWidget        *canvas;
} Fixture;

static void
flush (void)
{
  /* Let idle syncs, allocation and drawing run. */
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = graph_demo_workout_history ();
  f->scheduler = charter_scheduler_new (f->doc);
  f->window = gtk_window_new ();
  f->view = charter_plan_view_new ();
  g_object_set (f->view, "document", f->doc, "scheduler", f->scheduler, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  f->canvas = charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (f->view));
  g_assert_true (CHARTER_IS_GRAPH_CANVAS (f->canvas));
  flush ();
  charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (f->canvas));
}

/* A plan big enough that the canvas draws its arrows in a worker thread. */
static void
fixture_set_up_large (Fixture       *f,
                      gconstpointer  data)
{
  f->doc = graph_demo_large (300, 900, 7);
  f->scheduler = charter_scheduler_new (f->doc);
  f->window = gtk_window_new ();
  f->view = charter_plan_view_new ();
  g_object_set (f->view, "document", f->doc, "scheduler", f->scheduler, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  f->canvas = charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (f->view));
  flush ();
  charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (f->canvas));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush ();
  g_clear_object (&f->scheduler);
  g_clear_object (&f->doc);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static CharterDependency *
find_link (CharterDocument *doc,
           const char      *from,
           const char      *to)
{
  GListModel *deps = charter_document_get_dependencies (doc);

  for (guint i = 0; i < n_items (deps); i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);

      if (g_strcmp0 (charter_dependency_get_predecessor (dep), from) == 0 &&
          g_strcmp0 (charter_dependency_get_successor (dep), to) == 0)
        return dep;
    }
  return NULL;
}

static CharterTask *
task (Fixture    *f,
      const char *id)
{
  return charter_document_find (f->doc, charter_document_get_tasks (f->doc), id);
}

static void
activate (Fixture    *f,
          const char *action,
          const char *format,
          ...)
{
  va_list args;
  GVariant *parameter = NULL;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (f->canvas, action, parameter));
  flush ();
  charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (f->canvas));
}

static void
test_nodes_shown (Fixture       *f,
                  gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  GtkWidget *widget;

  g_assert_cmpuint (charter_graph_get_n_nodes (graph), ==, n_items (charter_document_get_tasks (f->doc)));
  g_assert_cmpuint (charter_graph_get_n_edges (graph), ==, n_items (charter_document_get_dependencies (f->doc)));

  widget = charter_graph_canvas_get_task_widget (canvas, "api");
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_parent (widget) == f->canvas);
  g_assert_cmpstr (charter_graph_task_get_name (CHARTER_GRAPH_TASK (widget)), ==, "History API");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "History API");

  /* The schedule's critical path shows: spec -> model -> api -> ... -> launch. */
  g_assert_nonnull (charter_scheduler_get_schedule (f->scheduler));
  g_assert_true (charter_graph_task_get_critical (CHARTER_GRAPH_TASK (charter_graph_canvas_get_task_widget (canvas, "launch"))));
  g_assert_true (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "launch"), "critical"));
  g_assert_false (charter_graph_task_get_critical (CHARTER_GRAPH_TASK (charter_graph_canvas_get_task_widget (canvas, "events"))));
  g_assert_false (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "events"), "critical"));
  g_assert_false (charter_graph_nodes_overlap (graph, NULL, NULL));
}

static GtkWidget *find_descendant   (GtkWidget *root,
                                     GType      type);

/* The arrows are drawn, not widgets: each task says them instead, in its
 * accessible description ("after “A”; before “B”"). */
static void
test_links_heard (Fixture       *f,
                  gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  GListModel *deps = charter_document_get_dependencies (f->doc);
  GtkWidget *widget = charter_graph_canvas_get_task_widget (canvas, "api");
  const char *links;
  guint after = 0, before = 0;

  g_assert_nonnull (widget);
  links = charter_graph_task_get_links (CHARTER_GRAPH_TASK (widget));
  g_assert_nonnull (links);
  for (guint i = 0; i < g_list_model_get_n_items (deps); i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      const char *other = NULL;

      if (g_strcmp0 (charter_dependency_get_successor (dep), "api") == 0)
        other = charter_dependency_get_predecessor (dep), after++;
      else if (g_strcmp0 (charter_dependency_get_predecessor (dep), "api") == 0)
        other = charter_dependency_get_successor (dep), before++;
      if (other != NULL)
        g_assert_nonnull (strstr (links, charter_task_get_name (task (f, other))));
    }
  g_assert_cmpuint (after, >, 0);
  g_assert_cmpuint (before, >, 0);
  g_assert_true (g_str_has_prefix (links, "after “"));
  g_assert_nonnull (strstr (links, "; before “"));

  /* A task without links says so, and gains one when it is linked. */
  activate (f, "graph.add-task", NULL);
  {
    GListModel *tasks = charter_document_get_tasks (f->doc);
    g_autoptr(CharterTask) added = g_list_model_get_item (tasks, g_list_model_get_n_items (tasks) - 1);
    const char *id = charter_item_get_id (CHARTER_ITEM (added));
    GtkWidget *added_widget;

    /* The selected task always keeps its widget. */
    g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, id);
    added_widget = charter_graph_canvas_get_task_widget (canvas, id);
    g_assert_nonnull (added_widget);
    g_assert_cmpstr (charter_graph_task_get_links (CHARTER_GRAPH_TASK (added_widget)), ==, "no dependencies");
  }
}

static void
test_add_task (Fixture       *f,
               gconstpointer  data)
{
  GListModel *tasks = charter_document_get_tasks (f->doc);
  guint before = n_items (tasks);
  g_autoptr(CharterTask) added = NULL;

  activate (f, "graph.add-task-at", "(dd)", 1500.0, 700.0);
  g_assert_cmpuint (n_items (tasks), ==, before + 1);
  added = g_list_model_get_item (tasks, before);
  g_assert_true (charter_task_get_positioned (added));
  g_assert_cmpfloat (charter_task_get_x (added), ==, 1500.0);
  g_assert_cmpfloat (charter_task_get_y (added), ==, 700.0);
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (CHARTER_GRAPH_CANVAS (f->canvas)), ==,
                   charter_item_get_id (CHARTER_ITEM (added)));
  g_assert_nonnull (charter_graph_canvas_get_task_widget (CHARTER_GRAPH_CANVAS (f->canvas),
                                                          charter_item_get_id (CHARTER_ITEM (added))));

  /* It has the keyboard; the editor is not opened by itself (an open
   * editor holds its undo step open, and Undo must take the task back). */
  g_assert_true (gtk_widget_has_focus (charter_graph_canvas_get_task_widget (CHARTER_GRAPH_CANVAS (f->canvas),
                                                                           charter_item_get_id (CHARTER_ITEM (added)))));
  g_assert_false (gtk_widget_get_mapped (find_descendant (f->canvas, CHARTER_TYPE_TASK_EDITOR)));

  g_assert_true (charter_document_undo (f->doc));
  flush ();
  charter_graph_canvas_sync (CHARTER_GRAPH_CANVAS (f->canvas));
  g_assert_cmpuint (n_items (tasks), ==, before);
  g_assert_null (charter_graph_canvas_get_task_widget (CHARTER_GRAPH_CANVAS (f->canvas),
                                                       charter_item_get_id (CHARTER_ITEM (added))));
}

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  GListModel *deps = charter_document_get_dependencies (f->doc);
  guint before = n_items (deps);
  CharterGraph *graph = charter_graph_canvas_get_graph (CHARTER_GRAPH_CANVAS (f->canvas));

  g_assert_null (find_link (f->doc, "privacy", "count"));
  activate (f, "graph.select", "s", "privacy");
  activate (f, "graph.link", "s", "count");
  g_assert_cmpuint (n_items (deps), ==, before + 1);
  g_assert_nonnull (find_link (f->doc, "privacy", "count"));
  g_assert_cmpuint (charter_graph_get_n_edges (graph), ==, before + 1);

  g_assert_true (charter_document_undo (f->doc));
  g_assert_null (find_link (f->doc, "privacy", "count"));
  g_assert_cmpuint (n_items (deps), ==, before);

  /* The keyboard way: L, then pick the other task and press Enter. */
  activate (f, "graph.select", "s", "privacy");
  activate (f, "graph.link", "s", "");
  activate (f, "graph.select", "s", "count");
  activate (f, "graph.edit", NULL);
  g_assert_nonnull (find_link (f->doc, "privacy", "count"));
}

static void
test_link_cycle_refused (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *deps = charter_document_get_dependencies (f->doc);
  guint before = n_items (deps);
  const char *message;

  /* qa follows model (model -> api -> count -> qa): qa -> model would close a loop. */
  activate (f, "graph.select", "s", "qa");
  activate (f, "graph.link", "s", "model");
  g_assert_cmpuint (n_items (deps), ==, before);
  g_assert_null (find_link (f->doc, "qa", "model"));
  g_assert_false (charter_document_get_modified (f->doc));

  message = charter_graph_canvas_get_message (CHARTER_GRAPH_CANVAS (f->canvas));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "cycle"));
  /* The message names the cycle, from the new link back round to its start. */
  g_assert_nonnull (strstr (message, "QA pass → Workout log data model → "));
  g_assert_true (g_str_has_suffix (message, "→ QA pass"));

  /* And a task cannot depend on itself. */
  activate (f, "graph.link", "s", "qa");
  g_assert_cmpuint (n_items (deps), ==, before);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  CharterTask *api = task (f, "api");
  CharterGraphNode *node;

  g_assert_false (charter_task_get_positioned (api));
  activate (f, "graph.move", "(sdd)", "api", 2400.0, 1300.0);
  g_assert_true (charter_task_get_positioned (api));
  g_assert_cmpfloat (charter_task_get_x (api), ==, 2400.0);
  g_assert_cmpfloat (charter_task_get_y (api), ==, 1300.0);
  node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, "api"));
  g_assert_cmpfloat (node->x, ==, 2400.0);
  g_assert_cmpfloat (node->y, ==, 1300.0);
  g_assert_true (node->fixed);

  /* One step undoes position and the hand-placed flag together. */
  g_assert_true (charter_document_undo (f->doc));
  g_assert_false (charter_task_get_positioned (api));
  g_assert_false (charter_document_get_can_undo (f->doc));
  flush ();
  charter_graph_canvas_sync (canvas);
  node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, "api"));
  g_assert_false (node->fixed);
  g_assert_cmpfloat (node->x, <, 2400.0);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GListModel *tasks = charter_document_get_tasks (f->doc);
  GListModel *deps = charter_document_get_dependencies (f->doc);
  guint n_tasks = n_items (tasks);
  guint n_deps = n_items (deps);

  activate (f, "graph.select", "s", "api");
  activate (f, "graph.delete", NULL);
  g_assert_null (task (f, "api"));
  g_assert_cmpuint (n_items (tasks), ==, n_tasks - 1);
  /* Its four links went with it. */
  g_assert_cmpuint (n_items (deps), ==, n_deps - 4);
  g_assert_null (charter_graph_canvas_get_selected_task (CHARTER_GRAPH_CANVAS (f->canvas)));
  g_assert_cmpstr (charter_graph_canvas_get_message (CHARTER_GRAPH_CANVAS (f->canvas)), ==, "Deleted “History API”");
  g_assert_null (charter_graph_canvas_get_task_widget (CHARTER_GRAPH_CANVAS (f->canvas), "api"));

  /* The toast's Undo brings the task and its links back in one step. */
  activate (f, "graph.undo", NULL);
  g_assert_nonnull (task (f, "api"));
  g_assert_cmpuint (n_items (deps), ==, n_deps);
  g_assert_nonnull (find_link (f->doc, "model", "api"));
  g_assert_nonnull (charter_graph_canvas_get_task_widget (CHARTER_GRAPH_CANVAS (f->canvas), "api"));

  /* An arrow can be deleted too. */
  {
    CharterDependency *dep = find_link (f->doc, "ios", "events");

    activate (f, "graph.select", "s", charter_item_get_id (CHARTER_ITEM (dep)));
    g_assert_cmpstr (charter_graph_canvas_get_selected_dependency (CHARTER_GRAPH_CANVAS (f->canvas)), ==,
                     charter_item_get_id (CHARTER_ITEM (dep)));
    activate (f, "graph.delete", NULL);
    g_assert_null (find_link (f->doc, "ios", "events"));
    g_assert_cmpuint (n_items (deps), ==, n_deps - 1);
    g_assert_nonnull (task (f, "ios"));
  }
}

static void
test_arrange (Fixture       *f,
              gconstpointer  data)
{
  activate (f, "graph.move", "(sdd)", "api", 3000.0, 100.0);
  activate (f, "graph.move", "(sdd)", "ux", 3000.0, 400.0);
  g_assert_true (charter_task_get_positioned (task (f, "api")));
  g_assert_true (charter_task_get_positioned (task (f, "ux")));

  activate (f, "graph.arrange", NULL);
  g_assert_false (charter_task_get_positioned (task (f, "api")));
  g_assert_false (charter_task_get_positioned (task (f, "ux")));
  g_assert_false (charter_graph_nodes_overlap (charter_graph_canvas_get_graph (CHARTER_GRAPH_CANVAS (f->canvas)), NULL, NULL));

  /* Arrange is one step. */
  g_assert_true (charter_document_undo (f->doc));
  g_assert_true (charter_task_get_positioned (task (f, "api")));
  g_assert_true (charter_task_get_positioned (task (f, "ux")));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  int from, to;

  activate (f, "graph.select", "s", "spec");
  from = charter_graph_canvas_get_node_index (canvas, "spec");
  activate (f, "graph.select-neighbour", "(ii)", 1, 0);
  g_assert_nonnull (charter_graph_canvas_get_selected_task (canvas));
  to = charter_graph_canvas_get_node_index (canvas, charter_graph_canvas_get_selected_task (canvas));
  g_assert_cmpint (to, ==, charter_graph_find_neighbour (graph, from, 1, 0));
  g_assert_cmpfloat (charter_graph_get_node (graph, to)->x, >, charter_graph_get_node (graph, from)->x);

  /* The selected task has keyboard focus, so a screen reader follows. */
  g_assert_true (gtk_widget_has_focus (charter_graph_canvas_get_task_widget (canvas, charter_graph_canvas_get_selected_task (canvas))));

  /* Zoom and fit change the view, not the document. */
  {
    double zoom = charter_graph_canvas_get_zoom (canvas);

    activate (f, "graph.zoom-in", NULL);
    g_assert_cmpfloat (charter_graph_canvas_get_zoom (canvas), >, zoom);
    activate (f, "graph.fit", NULL);
    g_assert_cmpfloat_with_epsilon (charter_graph_canvas_get_zoom (canvas), zoom, 1e-6);
    g_assert_false (charter_document_get_modified (f->doc));
  }
}

static void
test_selection_highlight (Fixture       *f,
                          gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);

  activate (f, "graph.select", "s", "api");
  /* Upstream (transitively) and downstream (transitively) stand out... */
  g_assert_true (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "spec"), "related"));
  g_assert_true (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "model"), "related"));
  g_assert_true (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "launch"), "related"));
  g_assert_true (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "api"), "selected"));
  /* ...and what is neither fades. */
  g_assert_false (gtk_widget_has_css_class (charter_graph_canvas_get_task_widget (canvas, "privacy"), "related"));
  g_assert_cmpfloat (gtk_widget_get_opacity (charter_graph_canvas_get_task_widget (canvas, "privacy")), <, 1.0);
  g_assert_cmpfloat (gtk_widget_get_opacity (charter_graph_canvas_get_task_widget (canvas, "spec")), ==, 1.0);

  activate (f, "graph.cancel", NULL);
  g_assert_null (charter_graph_canvas_get_selected_task (canvas));
  g_assert_cmpfloat (gtk_widget_get_opacity (charter_graph_canvas_get_task_widget (canvas, "privacy")), ==, 1.0);
}

static void
node_centre (Fixture    *f,
             const char *id,
             double      fx,
             double     *wx,
             double     *wy)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  CharterGraphNode *node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, id));

  charter_graph_canvas_graph_to_widget (canvas, node->x + node->width * fx, node->y + node->height / 2, wx, wy);
}

static void
test_drag_move (Fixture       *f,
                gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterTask *privacy = task (f, "privacy");
  double x, y, zoom = charter_graph_canvas_get_zoom (canvas);
  double old_x;

  /* Press on the task's body (not its handle) and drag in several steps. */
  node_centre (f, "privacy", 0.4, &x, &y);
  old_x = charter_graph_get_node (charter_graph_canvas_get_graph (canvas),
                                  charter_graph_canvas_get_node_index (canvas, "privacy"))->x;
  charter_graph_canvas_drag (canvas, 0, x, y);
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, "privacy");
  {
    /* The first move makes the task hand-placed. It moves alone: the rest
     * of the plan is not laid out again under the pointer (that took
     * 60 ms on 1,000 tasks and could shift other tasks mid-drag), and
     * its arrows follow it. */
    CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
    int moved = charter_graph_canvas_get_node_index (canvas, "privacy");
    guint n = charter_graph_get_n_nodes (graph);
    g_autofree double *before = g_new (double, 2 * n);

    for (guint i = 0; i < n; i++)
      {
        before[2 * i] = charter_graph_get_node (graph, i)->x;
        before[2 * i + 1] = charter_graph_get_node (graph, i)->y;
      }
    charter_graph_canvas_drag (canvas, 1, 10, 6);
    flush ();
    g_assert_true (charter_task_get_positioned (privacy));
    g_assert_true (charter_graph_get_node (graph, moved)->fixed);
    for (guint i = 0; i < n; i++)
      if ((int) i != moved)
        {
          g_assert_cmpfloat (charter_graph_get_node (graph, i)->x, ==, before[2 * i]);
          g_assert_cmpfloat (charter_graph_get_node (graph, i)->y, ==, before[2 * i + 1]);
        }
    g_assert_cmpfloat_with_epsilon (charter_graph_get_node (graph, moved)->x, round (old_x + 10 / zoom), 1.0);
    for (guint e = 0; e < charter_graph_get_n_edges (graph); e++)
      {
        CharterGraphEdge *edge = charter_graph_get_edge (graph, e);
        CharterGraphNode *node = charter_graph_get_node (graph, moved);

        if ((int) edge->from == moved)
          g_assert_cmpfloat (g_array_index (edge->points, CharterGraphPoint, 0).x, ==, node->x + node->width);
        if ((int) edge->to == moved)
          g_assert_cmpfloat (g_array_index (edge->points, CharterGraphPoint, edge->points->len - 1).x, ==, node->x);
      }
  }
  for (int i = 2; i <= 10; i++)
    charter_graph_canvas_drag (canvas, 1, 10.0 * i, 6.0 * i);
  charter_graph_canvas_drag (canvas, 2, 100, 60);
  flush ();

  g_assert_true (charter_task_get_positioned (privacy));
  g_assert_cmpfloat_with_epsilon (charter_task_get_x (privacy), round (old_x + 100 / zoom), 1.0);
  /* The whole drag is one step, named after the task. */
  g_assert_cmpstr (charter_history_get_undo_label (charter_document_get_history (f->doc)), ==, "Move Privacy controls");
  g_assert_true (charter_document_undo (f->doc));
  g_assert_false (charter_task_get_positioned (privacy));
  g_assert_false (charter_document_get_can_undo (f->doc));

  /* Escape during a drag puts the task back and leaves nothing to undo. */
  flush ();
  charter_graph_canvas_sync (canvas);
  node_centre (f, "privacy", 0.4, &x, &y);
  charter_graph_canvas_drag (canvas, 0, x, y);
  charter_graph_canvas_drag (canvas, 1, 40, 40);
  g_assert_true (charter_task_get_positioned (privacy));
  g_assert_true (gtk_widget_activate_action (f->canvas, "graph.cancel", NULL));
  g_assert_false (charter_task_get_positioned (privacy));
  charter_graph_canvas_drag (canvas, 2, 40, 40);
  g_assert_false (charter_document_get_can_undo (f->doc));
}

/* Delete pressed while a task is dragged: the task goes, and the rest of
 * the drag moves nothing else (the drag must not follow a stale index). */
static void
test_drag_then_delete (Fixture       *f,
                       gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  GListModel *tasks = charter_document_get_tasks (f->doc);
  guint n = n_items (tasks);
  g_autofree double *xs = NULL;
  g_autofree gboolean *positioned = NULL;
  double x, y;
  guint k = 0;

  node_centre (f, "privacy", 0.4, &x, &y);
  charter_graph_canvas_drag (canvas, 0, x, y);
  charter_graph_canvas_drag (canvas, 1, 30, 20);
  g_assert_true (charter_task_get_positioned (task (f, "privacy")));

  g_assert_true (gtk_widget_activate_action (f->canvas, "graph.delete", NULL));
  flush ();
  g_assert_null (charter_document_find (f->doc, tasks, "privacy"));
  g_assert_cmpuint (n_items (tasks), ==, n - 1);

  xs = g_new0 (double, n);
  positioned = g_new0 (gboolean, n);
  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr(CharterTask) t = g_list_model_get_item (tasks, i);

      xs[i] = charter_task_get_x (t);
      positioned[i] = charter_task_get_positioned (t);
    }

  for (int i = 2; i <= 6; i++)
    charter_graph_canvas_drag (canvas, 1, 30.0 * i, 20.0 * i);
  charter_graph_canvas_drag (canvas, 2, 180, 120);
  flush ();

  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr(CharterTask) t = g_list_model_get_item (tasks, i);

      g_assert_cmpfloat (charter_task_get_x (t), ==, xs[i]);
      g_assert_cmpint (charter_task_get_positioned (t), ==, positioned[i]);
      k++;
    }
  g_assert_cmpuint (k, ==, n - 1);

  /* The task comes back with Undo. */
  while (charter_document_find (f->doc, tasks, "privacy") == NULL && charter_document_undo (f->doc))
    ;
  g_assert_nonnull (charter_document_find (f->doc, tasks, "privacy"));
}

static void
test_drag_link (Fixture       *f,
                gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  GListModel *deps = charter_document_get_dependencies (f->doc);
  guint before = n_items (deps);
  double x0, y0, x1, y1;

  /* From the handle on privacy's right edge onto the count widget. */
  node_centre (f, "privacy", 1.0, &x0, &y0);
  node_centre (f, "count", 0.5, &x1, &y1);
  charter_graph_canvas_drag (canvas, 0, x0, y0);
  charter_graph_canvas_drag (canvas, 1, (x1 - x0) / 2, (y1 - y0) / 2);
  charter_graph_canvas_drag (canvas, 1, x1 - x0, y1 - y0);
  charter_graph_canvas_drag (canvas, 2, x1 - x0, y1 - y0);
  flush ();
  g_assert_cmpuint (n_items (deps), ==, before + 1);
  g_assert_nonnull (find_link (f->doc, "privacy", "count"));
  /* Linking does not move anything. */
  g_assert_false (charter_task_get_positioned (task (f, "privacy")));

  /* Backwards onto a task it leads to: refused, with the cycle named. */
  node_centre (f, "qa", 1.0, &x0, &y0);
  node_centre (f, "spec", 0.5, &x1, &y1);
  charter_graph_canvas_drag (canvas, 0, x0, y0);
  charter_graph_canvas_drag (canvas, 1, x1 - x0, y1 - y0);
  charter_graph_canvas_drag (canvas, 2, x1 - x0, y1 - y0);
  g_assert_cmpuint (n_items (deps), ==, before + 1);
  g_assert_nonnull (strstr (charter_graph_canvas_get_message (canvas), "QA pass → Agree the history spec → "));
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
wait_until_mapped (GtkWidget *widget,
                   gboolean   mapped)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_mapped (widget) != mapped && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  flush ();
  g_assert_cmpint (gtk_widget_get_mapped (widget), ==, mapped);
}

static gpointer
editor_child (GtkWidget  *editor,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), name);

  g_assert_nonnull (object);
  return object;
}

/* Editing goes through the shared editors (CharterTaskEditor and
 * CharterDependencyEditor). Changed from the canvas's own popover on
 * purpose: a whole editing session is now one undo step, not one per
 * field, as in every other view. */
static void
test_edit_popover (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *editor = find_descendant (f->canvas, CHARTER_TYPE_TASK_EDITOR);
  GtkWidget *dep_editor = find_descendant (f->canvas, CHARTER_TYPE_DEPENDENCY_EDITOR);
  GtkWidget *entry, *spin, *dropdown;
  CharterDependency *dep = find_link (f->doc, "api", "ios");

  g_assert_nonnull (editor);
  g_assert_nonnull (dep_editor);

  /* A task: name and duration, applied as they are made. */
  activate (f, "graph.select", "s", "privacy");
  activate (f, "graph.edit", NULL);
  wait_until_mapped (editor, TRUE);
  g_assert_cmpstr (charter_task_editor_get_task_id (CHARTER_TASK_EDITOR (editor)), ==, "privacy");
  entry = editor_child (editor, "name_entry");
  spin = editor_child (editor, "duration_spin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Privacy controls");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Privacy and retention");
  g_assert_cmpstr (charter_task_get_name (task (f, "privacy")), ==, "Privacy and retention");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 9);
  g_assert_cmpint (charter_task_get_duration (task (f, "privacy")), ==, 9);

  /* The editor stays with its task even if the selection moves. */
  activate (f, "graph.select", "s", "api");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 11);
  g_assert_cmpint (charter_task_get_duration (task (f, "privacy")), ==, 11);
  g_assert_cmpint (charter_task_get_duration (task (f, "api")), ==, 12);

  /* Closed, the session is one step. */
  gtk_popover_popdown (GTK_POPOVER (editor));
  wait_until_mapped (editor, FALSE);
  g_assert_true (charter_document_undo (f->doc));
  g_assert_cmpint (charter_task_get_duration (task (f, "privacy")), ==, 6);
  g_assert_cmpstr (charter_task_get_name (task (f, "privacy")), ==, "Privacy controls");

  /* An arrow: type and lag. */
  activate (f, "graph.select", "s", charter_item_get_id (CHARTER_ITEM (dep)));
  activate (f, "graph.edit", NULL);
  wait_until_mapped (dep_editor, TRUE);
  g_assert_cmpstr (charter_dependency_editor_get_dependency_id (CHARTER_DEPENDENCY_EDITOR (dep_editor)), ==,
                   charter_item_get_id (CHARTER_ITEM (dep)));
  dropdown = editor_child (dep_editor, "kind_dropdown");
  spin = editor_child (dep_editor, "lag_spin");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, CHARTER_DEPENDENCY_START_TO_START);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), CHARTER_DEPENDENCY_FINISH_TO_FINISH);
  g_assert_cmpint (charter_dependency_get_kind (dep), ==, CHARTER_DEPENDENCY_FINISH_TO_FINISH);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), -2);
  g_assert_cmpint (charter_dependency_get_lag (dep), ==, -2);
  gtk_popover_popdown (GTK_POPOVER (dep_editor));
  wait_until_mapped (dep_editor, FALSE);
  g_assert_true (charter_document_undo (f->doc));
  g_assert_cmpint (charter_dependency_get_lag (dep), ==, 5);
  g_assert_cmpint (charter_dependency_get_kind (dep), ==, CHARTER_DEPENDENCY_START_TO_START);
}

static void
on_zoom_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   int        *count)
{
  (*count)++;
}

static GtkGesture *
find_zoom_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_ZOOM (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* Where graph point (gx, gy) is on screen now. */
static void
assert_at (CharterGraphCanvas *canvas,
           double              gx,
           double              gy,
           double              wx,
           double              wy)
{
  double x, y;

  charter_graph_canvas_graph_to_widget (canvas, gx, gy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, wx, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, wy, 1e-6);
}

/* Pinch zoom: relative to the zoom when the fingers touched, about the
 * point between them, within the zoom's limits, and never an edit. */
static void
test_pinch_zoom (Fixture       *f,
                 gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  GParamSpecDouble *limits = G_PARAM_SPEC_DOUBLE (g_object_class_find_property (G_OBJECT_GET_CLASS (canvas), "zoom"));
  GtkGesture *gesture = find_zoom_gesture (f->canvas);
  double width = gtk_widget_get_width (f->canvas);
  double height = gtk_widget_get_height (f->canvas);
  double z0 = charter_graph_canvas_get_zoom (canvas);
  double gx, gy, wx, wy;
  int notified = 0;

  g_assert_nonnull (gesture);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (limits->minimum, >, 0);
  g_assert_cmpfloat (limits->minimum, <, z0);
  g_assert_cmpfloat (z0, <, limits->maximum);
  g_signal_connect (f->canvas, "notify::zoom", G_CALLBACK (on_zoom_notify_cb), &notified);

  /* The real controller, its signals emitted by hand: without touch
   * points it zooms about the middle of the view. The plan point there
   * stays there. */
  {
    double cx = width / 2, cy = height / 2;
    double px, py;

    /* The plan point now in the middle (inverse of graph_to_widget). */
    charter_graph_canvas_graph_to_widget (canvas, 0, 0, &wx, &wy);
    charter_graph_canvas_graph_to_widget (canvas, 1, 1, &px, &py);
    gx = (cx - wx) / (px - wx);
    gy = (cy - wy) / (py - wy);

    g_signal_emit_by_name (gesture, "begin", NULL);
    g_signal_emit_by_name (gesture, "scale-changed", 1.5);
    g_assert_cmpfloat_with_epsilon (charter_graph_canvas_get_zoom (canvas), z0 * 1.5, 1e-9);
    assert_at (canvas, gx, gy, cx, cy);
    /* Later steps of the same pinch are relative to where it began. */
    g_signal_emit_by_name (gesture, "scale-changed", 1.2);
    g_assert_cmpfloat_with_epsilon (charter_graph_canvas_get_zoom (canvas), z0 * 1.2, 1e-9);
    assert_at (canvas, gx, gy, cx, cy);
    g_signal_emit_by_name (gesture, "end", NULL);
    g_assert_cmpint (notified, ==, 2);
  }

  /* Fingers off the middle, on the task "api": it stays under them while
   * the plan grows and shrinks around it. */
  {
    CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
    CharterGraphNode *node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, "api"));
    double z1 = charter_graph_canvas_get_zoom (canvas);
    double ox, oy;

    gx = node->x + node->width / 2;
    gy = node->y + node->height / 2;
    charter_graph_canvas_graph_to_widget (canvas, gx, gy, &wx, &wy);
    /* Off the middle, or the test could not tell the two apart. */
    g_assert_cmpfloat (fabs (wx - width / 2) + fabs (wy - height / 2), >, 50);

    charter_graph_canvas_pinch (canvas, 0, 1.0, 0, 0);
    charter_graph_canvas_pinch (canvas, 1, 0.5, wx, wy);
    g_assert_cmpfloat_with_epsilon (charter_graph_canvas_get_zoom (canvas), z1 * 0.5, 1e-9);
    assert_at (canvas, gx, gy, wx, wy);
    charter_graph_canvas_pinch (canvas, 1, 1.3, wx, wy);
    g_assert_cmpfloat_with_epsilon (charter_graph_canvas_get_zoom (canvas), z1 * 1.3, 1e-9);
    assert_at (canvas, gx, gy, wx, wy);
    /* Other points move away from the fingers in proportion. */
    charter_graph_canvas_graph_to_widget (canvas, node->x + 10000, node->y, &ox, &oy);
    g_assert_cmpfloat_with_epsilon (ox - wx, (10000 - node->width / 2) * z1 * 1.3, 1e-6);
    g_assert_cmpfloat_with_epsilon (oy - wy, -node->height / 2 * z1 * 1.3, 1e-6);

    /* Spread far apart: the zoom stops at its largest, about the same
     * point; pinched together: its smallest. A second pinch starts from
     * where the first left off. */
    charter_graph_canvas_pinch (canvas, 1, 1000, wx, wy);
    g_assert_cmpfloat (charter_graph_canvas_get_zoom (canvas), ==, limits->maximum);
    assert_at (canvas, gx, gy, wx, wy);
    charter_graph_canvas_pinch (canvas, 0, 1.0, 0, 0);
    charter_graph_canvas_pinch (canvas, 1, 1e-6, wx, wy);
    g_assert_cmpfloat (charter_graph_canvas_get_zoom (canvas), ==, limits->minimum);
    assert_at (canvas, gx, gy, wx, wy);
    /* Nonsense from a driver changes nothing. */
    charter_graph_canvas_pinch (canvas, 1, 0, wx, wy);
    charter_graph_canvas_pinch (canvas, 1, NAN, wx, wy);
    g_assert_cmpfloat (charter_graph_canvas_get_zoom (canvas), ==, limits->minimum);
  }

  /* It drew at each zoom without complaint, and it edited nothing. */
  flush ();
  g_assert_false (charter_document_get_modified (f->doc));
  g_assert_false (charter_history_get_can_undo (charter_document_get_history (f->doc)));
  g_signal_handlers_disconnect_by_func (f->canvas, on_zoom_notify_cb, &notified);
}

/* The canvas drawn as a frame draws it (its own snapshot, the cairo
 * renderer), and the colour of one pixel of it. */
static void
canvas_pixel (Fixture *f,
              double   x,
              double   y,
              guint8   rgba[4])
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  int width = gtk_widget_get_width (f->canvas);
  int height = gtk_widget_get_height (f->canvas);
  g_autofree guint8 *pixels = g_malloc (width * height * 4);
  guint8 *p;

  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  GTK_WIDGET_GET_CLASS (f->canvas)->snapshot (f->canvas, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  gdk_texture_download (texture, pixels, width * 4);
  /* Cairo's order: B, G, R, A (premultiplied) on little-endian machines. */
  p = pixels + ((int) y * width + (int) x) * 4;
  rgba[0] = p[2];
  rgba[1] = p[1];
  rgba[2] = p[0];
  rgba[3] = p[3];
}

static gboolean
is_accent (const guint8 rgba[4])
{
  /* Adwaita's blue, opaque: the arrows of a selected task's chain. The
   * other arrows are grey (dimmed or not), never mostly blue. */
  return rgba[3] > 200 && rgba[2] > 150 && rgba[2] > rgba[0] + 60;
}

/* Where on the widget the middle of the first stretch of an arrow from
 * @from is drawn. */
static gboolean
arrow_point (Fixture    *f,
             const char *from,
             double     *wx,
             double     *wy)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  int node = charter_graph_canvas_get_node_index (canvas, from);

  for (guint e = 0; e < charter_graph_get_n_edges (graph); e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (graph, e);
      CharterGraphPoint a, b, c1, c2;
      double off;

      if ((int) edge->from != node || edge->points->len < 2)
        continue;
      a = g_array_index (edge->points, CharterGraphPoint, 0);
      b = g_array_index (edge->points, CharterGraphPoint, 1);
      charter_graph_segment_controls (&a, &b, &c1, &c2);
      /* The last stretch stops short of its arrowhead. */
      off = edge->points->len == 2 ? 10 : 0;
      charter_graph_canvas_graph_to_widget (canvas,
                                            0.125 * a.x + 0.375 * c1.x + 0.375 * (c2.x - off) + 0.125 * (b.x - off),
                                            0.125 * a.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * b.y,
                                            wx, wy);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_green (const guint8 rgba[4])
{
  return rgba[3] > 200 && rgba[1] > 200 && rgba[0] < 80 && rgba[2] < 80;
}

/* Whether a pixel within @radius of (@x, @y) on the canvas is @wanted. */
static gboolean
canvas_has_near (Fixture  *f,
                 double    x,
                 double    y,
                 int       radius,
                 gboolean (*wanted) (const guint8 rgba[4]))
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  int width = gtk_widget_get_width (f->canvas);
  int height = gtk_widget_get_height (f->canvas);
  g_autofree guint8 *pixels = g_malloc (width * height * 4);

  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  GTK_WIDGET_GET_CLASS (f->canvas)->snapshot (f->canvas, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  gdk_texture_download (texture, pixels, width * 4);

  for (int py = MAX (0, (int) y - radius); py <= MIN (height - 1, (int) y + radius); py++)
    for (int px = MAX (0, (int) x - radius); px <= MIN (width - 1, (int) x + radius); px++)
      {
        guint8 *p = pixels + (py * width + px) * 4;
        guint8 rgba[4] = { p[2], p[1], p[0], p[3] };

        if (wanted (rgba))
          return TRUE;
      }
  return FALSE;
}

/* The canvas draws in the style sheet's named colours (@charter_graph_*),
 * and reads them again when the style changes. */
static void
test_named_colours (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gtk_widget_get_display (f->canvas);
  AdwStyleManager *manager = adw_style_manager_get_for_display (display);
  double wx, wy;

  activate (f, "graph.select", "s", "spec");
  g_assert_true (arrow_point (f, "spec", &wx, &wy));
  g_assert_true (canvas_has_near (f, wx, wy, 6, is_accent));
  g_assert_false (canvas_has_near (f, wx, wy, 6, is_green));

  /* A style sheet that makes the highlight green, then the dark style: the
   * colours are read again when the style changes. */
  gtk_css_provider_load_from_data (provider, "@define-color charter_graph_highlight #00ff00;", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER + 10);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  flush ();
  g_assert_true (canvas_has_near (f, wx, wy, 6, is_green));
  g_assert_false (canvas_has_near (f, wx, wy, 6, is_accent));

  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  flush ();
  g_assert_true (canvas_has_near (f, wx, wy, 6, is_accent));
  g_assert_false (canvas_has_near (f, wx, wy, 6, is_green));
}

/* Selecting a task on a big plan highlights its chain: its own arrows in
 * the frame right after the press (drawn live), the others as soon as the
 * worker thread has redrawn the kept drawing of the arrows, while frames
 * keep coming. */
static void
test_selection_large (Fixture       *f,
                      gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  guint n = charter_graph_get_n_nodes (graph);
  guint m = charter_graph_get_n_edges (graph);
  int selected = charter_graph_canvas_get_node_index (canvas, "t150");
  g_autofree gboolean *fwd = g_new0 (gboolean, n);
  g_autofree gboolean *back = g_new0 (gboolean, n);
  int chain = -1, own = -1;
  gboolean changed = TRUE;
  CharterGraphPoint at = { 0, }, own_at = { 0, };
  double wx, wy, ox, oy;
  guint8 rgba[4];

  g_assert_cmpint (selected, >=, 0);
  g_assert_cmpuint (m, ==, 900);

  /* What the selected task depends on and what depends on it. */
  fwd[selected] = back[selected] = TRUE;
  while (changed)
    {
      changed = FALSE;
      for (guint e = 0; e < m; e++)
        {
          CharterGraphEdge *edge = charter_graph_get_edge (graph, e);

          if (fwd[edge->from] && !fwd[edge->to])
            fwd[edge->to] = changed = TRUE;
          if (back[edge->to] && !back[edge->from])
            back[edge->from] = changed = TRUE;
        }
    }

  /* At about 100 %, the selected task in the middle of the view (so that
   * selecting it does not scroll). */
  activate (f, "graph.fit", NULL);
  for (int i = 0; i < 40 && charter_graph_canvas_get_zoom (canvas) < 0.9; i++)
    activate (f, "graph.zoom-in", NULL);
  {
    CharterGraphNode *node = charter_graph_get_node (graph, selected);

    charter_graph_canvas_graph_to_widget (canvas, node->x + node->width / 2, node->y + node->height / 2, &wx, &wy);
    charter_graph_canvas_pan_by (canvas, round (gtk_widget_get_width (f->canvas) / 2.0 - wx),
                                 round (gtk_widget_get_height (f->canvas) / 2.0 - wy));
    flush ();
  }

  /* An arrow of the chain in view that does not touch the selected task,
   * with a straight stretch (across a column) to look at; and one of the
   * selected task's own arrows, at its start. */
  for (guint e = 0; e < m && (chain < 0 || own < 0); e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (graph, e);
      gboolean related = (fwd[edge->from] || back[edge->from]) && (fwd[edge->to] || back[edge->to]);

      if (own < 0 && (int) edge->from == selected)
        {
          own = e;
          own_at = g_array_index (edge->points, CharterGraphPoint, 0);
          own_at.x += 4;
        }
      if (chain >= 0 || !related || (int) edge->from == selected || (int) edge->to == selected)
        continue;
      for (guint k = 1; k + 2 < edge->points->len; k++)
        {
          CharterGraphPoint *p = &g_array_index (edge->points, CharterGraphPoint, k);
          CharterGraphPoint *q = &g_array_index (edge->points, CharterGraphPoint, k + 1);

          charter_graph_canvas_graph_to_widget (canvas, (p->x + q->x) / 2, p->y, &wx, &wy);
          if (p->y == q->y && q->x - p->x > 100 &&
              wx > 100 && wx < gtk_widget_get_width (f->canvas) - 100 &&
              wy > 120 && wy < gtk_widget_get_height (f->canvas) - 100)
            {
              chain = e;
              at.x = (p->x + q->x) / 2;
              at.y = p->y;
              break;
            }
        }
    }
  g_assert_cmpint (chain, >=, 0);
  g_assert_cmpint (own, >=, 0);
  charter_graph_canvas_graph_to_widget (canvas, at.x, at.y, &wx, &wy);

  /* Nothing selected: the arrow is there, grey. */
  canvas_pixel (f, wx, wy, rgba);
  g_assert_cmpuint (rgba[3], >, 100);
  g_assert_false (is_accent (rgba));

  gtk_widget_activate_action (f->canvas, "graph.select", "s", "t150");
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, "t150");
  /* It was in view: the view did not move. */
  charter_graph_canvas_graph_to_widget (canvas, at.x, at.y, &ox, &oy);
  g_assert_cmpfloat (ox, ==, wx);
  g_assert_cmpfloat (oy, ==, wy);

  /* The frame right after: the selected task's own arrow is already blue
   * where it is in view. */
  charter_graph_canvas_graph_to_widget (canvas, own_at.x, own_at.y, &ox, &oy);
  if (ox >= 0 && oy >= 0 && ox < gtk_widget_get_width (f->canvas) && oy < gtk_widget_get_height (f->canvas))
    {
      canvas_pixel (f, ox, oy, rgba);
      g_assert_true (is_accent (rgba));
    }

  /* The rest of the chain follows within a few frames. */
  for (int i = 0; i < 400; i++)
    {
      canvas_pixel (f, wx, wy, rgba);
      if (is_accent (rgba))
        break;
      flush ();
      g_usleep (5000);
    }
  g_assert_true (is_accent (rgba));
  g_assert_false (charter_document_get_modified (f->doc));
}

/* Whether the node of @id lies within the canvas on screen. */
static gboolean
node_on_screen (Fixture    *f,
                const char *id)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  CharterGraphNode *node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, id));
  double x0, y0, x1, y1;

  charter_graph_canvas_graph_to_widget (canvas, node->x, node->y, &x0, &y0);
  charter_graph_canvas_graph_to_widget (canvas, node->x + node->width, node->y + node->height, &x1, &y1);
  return x0 >= 0 && y0 >= 0 && x1 <= gtk_widget_get_width (f->canvas) && y1 <= gtk_widget_get_height (f->canvas);
}

/* Task widgets showing a task now, and all of them (shown and spare). */
static guint
count_task_widgets (Fixture *f,
                    guint   *all)
{
  guint shown = 0;

  *all = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (f->canvas); child; child = gtk_widget_get_next_sibling (child))
    if (CHARTER_IS_GRAPH_TASK (child))
      {
        (*all)++;
        if (gtk_widget_get_child_visible (child))
          shown++;
      }
  return shown;
}

/* At 100 %, looking at @id. */
static void
zoom_to (Fixture    *f,
         const char *id)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
  CharterGraphNode *node;
  double wx, wy;

  activate (f, "graph.fit", NULL);
  for (int i = 0; i < 40 && charter_graph_canvas_get_zoom (canvas) < 0.9; i++)
    activate (f, "graph.zoom-in", NULL);
  node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, id));
  charter_graph_canvas_graph_to_widget (canvas, node->x + node->width / 2, node->y + node->height / 2, &wx, &wy);
  charter_graph_canvas_pan_by (canvas, round (gtk_widget_get_width (f->canvas) / 2.0 - wx),
                               round (gtk_widget_get_height (f->canvas) / 2.0 - wy));
  flush ();
  charter_graph_canvas_sync (canvas);
}

/* A task that has no widget now (out of view), as far from @near as can be. */
static char *
task_out_of_view (Fixture *f)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  guint n = charter_graph_get_n_nodes (charter_graph_canvas_get_graph (canvas));

  for (guint i = n; i-- > 0;)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);

      if (charter_graph_canvas_get_task_widget (canvas, id) == NULL)
        return g_steal_pointer (&id);
    }
  return NULL;
}

/* A big plan keeps widgets only for the tasks in view, hands them on as
 * the view moves, and each shows (and is named after) its own task. */
static void
test_recycled_widgets (Fixture       *f,
                       gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  guint n = charter_graph_get_n_nodes (charter_graph_canvas_get_graph (canvas));
  guint shown, all, all_before;
  g_autofree char *far = NULL;

  zoom_to (f, "t150");
  shown = count_task_widgets (f, &all_before);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, n / 2);
  g_assert_nonnull (charter_graph_canvas_get_task_widget (canvas, "t150"));

  far = task_out_of_view (f);
  g_assert_nonnull (far);
  g_assert_false (node_on_screen (f, far));

  /* Over there: the far task has a widget, with its own name. */
  {
    CharterGraph *graph = charter_graph_canvas_get_graph (canvas);
    CharterGraphNode *node = charter_graph_get_node (graph, charter_graph_canvas_get_node_index (canvas, far));
    double wx, wy;

    charter_graph_canvas_graph_to_widget (canvas, node->x + node->width / 2, node->y + node->height / 2, &wx, &wy);
    charter_graph_canvas_pan_by (canvas, round (gtk_widget_get_width (f->canvas) / 2.0 - wx),
                                 round (gtk_widget_get_height (f->canvas) / 2.0 - wy));
    flush ();
    charter_graph_canvas_sync (canvas);
  }
  g_assert_true (node_on_screen (f, far));
  g_assert_nonnull (charter_graph_canvas_get_task_widget (canvas, far));
  g_assert_null (charter_graph_canvas_get_task_widget (canvas, "t150"));

  shown = count_task_widgets (f, &all);
  g_assert_cmpuint (shown, <, n / 2);
  /* Handed on rather than made anew for every task that came into view. */
  g_assert_cmpuint (all, <=, all_before + shown / 2 + 10);

  for (GtkWidget *child = gtk_widget_get_first_child (f->canvas); child; child = gtk_widget_get_next_sibling (child))
    if (CHARTER_IS_GRAPH_TASK (child) && gtk_widget_get_child_visible (child))
      {
        const char *id = charter_graph_task_get_task_id (CHARTER_GRAPH_TASK (child));
        CharterTask *shown_task = task (f, id);

        g_assert_nonnull (shown_task);
        g_assert_true (charter_graph_canvas_get_task_widget (canvas, id) == child);
        g_assert_cmpstr (charter_graph_task_get_name (CHARTER_GRAPH_TASK (child)), ==, charter_task_get_name (shown_task));
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             charter_task_get_name (shown_task));
      }
}

/* Arrow keys reach tasks that are out of view: the view follows, and the
 * task has a widget with the keyboard focus. */
static void
test_keyboard_off_screen (Fixture       *f,
                          gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean reached = FALSE;

  zoom_to (f, "t0");
  activate (f, "graph.select", "s", "t0");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);

      if (charter_graph_canvas_get_task_widget (canvas, id) != NULL)
        g_hash_table_add (seen, g_steal_pointer (&id));
    }

  for (int step = 0; step < 60 && !reached; step++)
    {
      const char *id;
      GtkWidget *widget;

      activate (f, "graph.select-neighbour", "(ii)", 1, 0);
      id = charter_graph_canvas_get_selected_task (canvas);
      g_assert_nonnull (id);
      widget = charter_graph_canvas_get_task_widget (canvas, id);
      g_assert_nonnull (widget);
      g_assert_true (gtk_widget_has_focus (widget));
      g_assert_true (node_on_screen (f, id));
      reached = !g_hash_table_contains (seen, id);
    }
  g_assert_true (reached);
}

/* A task is found by name (Ctrl+F, or graph.find-next) wherever it is. */
static void
test_find_task (Fixture       *f,
                gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  g_autofree char *far = NULL;
  g_autofree char *name = NULL;
  GtkWidget *entry;

  zoom_to (f, "t0");
  far = task_out_of_view (f);
  g_assert_nonnull (far);
  name = g_utf8_strup (charter_task_get_name (task (f, far)), -1);

  /* Any case; the view follows. */
  activate (f, "graph.find-next", "s", name);
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, far);
  g_assert_true (node_on_screen (f, far));
  g_assert_nonnull (charter_graph_canvas_get_task_widget (canvas, far));

  activate (f, "graph.find-next", "s", "no such task");
  g_assert_cmpstr (charter_graph_canvas_get_message (canvas), ==, "No task’s name holds “no such task”");
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, far);

  /* The search entry: Ctrl+F shows it, typing finds, Enter goes to the task. */
  /* The canvas's own (an editor may hold search entries of its own). */
  for (entry = gtk_widget_get_first_child (f->canvas); entry; entry = gtk_widget_get_next_sibling (entry))
    if (GTK_IS_SEARCH_ENTRY (entry))
      break;
  g_assert_nonnull (entry);
  g_assert_false (gtk_widget_get_visible (entry));
  activate (f, "graph.find", NULL);
  g_assert_true (gtk_widget_get_visible (entry));
  for (int i = 0; i < 100 && gtk_widget_get_width (entry) == 0; i++)
    {
      flush ();
      g_usleep (10000);
    }
  /* Placed on the canvas, where it shows. */
  g_assert_cmpint (gtk_widget_get_width (entry), >, 0);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "task 7");
  for (int i = 0; i < 100 && g_strcmp0 (charter_graph_canvas_get_selected_task (canvas), "t7") != 0; i++)
    {
      flush ();
      g_usleep (10000);
    }
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, "t7");
  g_assert_true (node_on_screen (f, "t7"));
  /* Next match: the next task whose name holds it. */
  g_signal_emit_by_name (entry, "next-match");
  g_assert_cmpstr (charter_graph_canvas_get_selected_task (canvas), ==, "t70");
  g_signal_emit_by_name (entry, "activate");
  flush ();
  g_assert_false (gtk_widget_get_visible (entry));
  g_assert_true (gtk_widget_has_focus (charter_graph_canvas_get_task_widget (canvas, "t70")));
}

/* Issue 18: a long name is cut with "…" on the card; the tooltip and the
 * accessible name have all of it. */
static void
test_long_name_tooltip (Fixture       *f,
                        gconstpointer  data)
{
  CharterGraphCanvas *canvas = CHARTER_GRAPH_CANVAS (f->canvas);
  const char *name = "Privacy controls for the workout history: export, deletion and retention on every platform";
  GtkWidget *widget;

  charter_document_set (f->doc, task (f, "privacy"), "name", name, NULL);
  flush ();
  charter_graph_canvas_sync (canvas);
  widget = charter_graph_canvas_get_task_widget (canvas, "privacy");
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, name);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  /* The description still says what the task is, not the name again. */
  g_assert_true (gtk_widget_get_has_tooltip (f->canvas));

  /* The canvas answers for the task under the pointer. */
  {
    GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;
    double wx, wy;

    node_centre (f, "privacy", 0.5, &wx, &wy);
    g_signal_emit_by_name (f->canvas, "query-tooltip", (int) wx, (int) wy, FALSE, tooltip, &shown);
    g_assert_true (shown);
    node_centre (f, "privacy", -0.5, &wx, &wy);
    g_signal_emit_by_name (f->canvas, "query-tooltip", (int) wx, (int) wy, FALSE, tooltip, &shown);
    g_assert_false (shown);
    g_object_unref (tooltip);
  }
}

/* Waits, with the main loop running, until the canvas's worker layout is in. */
static gboolean
wait_for_layout (CharterGraphCanvas *canvas)
{
  for (int i = 0; i < 6000 && charter_graph_canvas_get_laying_out (canvas); i++)
    {
      flush ();
      g_usleep (5000);
    }
  flush ();
  return !charter_graph_canvas_get_laying_out (canvas);
}

/* Where every node is, to compare layouts. */
static GArray *
node_places (CharterGraph *graph)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < charter_graph_get_n_nodes (graph); i++)
    {
      CharterGraphNode *node = charter_graph_get_node (graph, i);

      g_array_append_val (places, node->x);
      g_array_append_val (places, node->y);
    }
  return places;
}

static void
assert_same_places (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpfloat (g_array_index (a, double, i), ==, g_array_index (b, double, i));
}

/* Issue 12: a big plan is laid out in a worker thread. The first time the
 * canvas says it is arranging the tasks (a spinner, no tasks, nothing to
 * hit) and stays responsive; the layout that arrives is the one the canvas
 * computes itself. A link added and undone while layouts run: the tasks
 * keep their places meanwhile, the stale layout is dropped, and the plan
 * ends up as it was laid out before. */
static void
test_layout_in_worker (void)
{
  g_autoptr(CharterDocument) doc = graph_demo_large (250, 750, 11);
  g_autoptr(CharterScheduler) scheduler = charter_scheduler_new (doc);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = charter_plan_view_new ();
  CharterGraphCanvas *canvas;
  CharterGraph *graph, *copy;
  GtkWidget *spinner;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) after = NULL;
  guint edges;
  double x5, y5;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  flush ();
  canvas = CHARTER_GRAPH_CANVAS (charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (view)));
  g_object_set (view, "document", doc, "scheduler", scheduler, NULL);

  /* Straight after: laying out, the spinner shown, no task to show or hit. */
  g_assert_true (charter_graph_canvas_get_laying_out (canvas));
  flush ();
  spinner = find_descendant (GTK_WIDGET (canvas), GTK_TYPE_SPINNER);
  g_assert_nonnull (spinner);
  if (charter_graph_canvas_get_laying_out (canvas))
    {
      g_assert_true (gtk_widget_is_visible (spinner));
      g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
      g_assert_null (charter_graph_canvas_get_task_widget (canvas, "t0"));
    }

  g_assert_true (wait_for_layout (canvas));
  g_assert_false (gtk_widget_is_visible (spinner));
  graph = charter_graph_canvas_get_graph (canvas);
  g_assert_cmpuint (charter_graph_get_n_nodes (graph), ==, 250);
  first = node_places (graph);
  g_assert_false (charter_graph_nodes_overlap (graph, NULL, NULL));

  /* The same layout as computed here, at once. */
  copy = charter_graph_copy (graph);
  charter_graph_layout (copy);
  expected = node_places (copy);
  charter_graph_free (copy);
  assert_same_places (first, expected);
  /* And a task has its widget again once selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "graph.select", "s", "t0"));
  charter_graph_canvas_sync (canvas);
  g_assert_nonnull (charter_graph_canvas_get_task_widget (canvas, "t0"));

  /* A link from the first task to the last one, then undone at once. */
  edges = charter_graph_get_n_edges (graph);
  x5 = charter_graph_get_node (graph, 5)->x;
  y5 = charter_graph_get_node (graph, 5)->y;
  {
    CharterDependency *dep = g_object_new (CHARTER_TYPE_DEPENDENCY, "id", "test-link",
                                           "predecessor", "t0", "successor", "t249", NULL);

    charter_document_begin_group (doc, "Link");
    charter_document_append (doc, charter_document_get_dependencies (doc), dep);
    charter_document_end_group (doc);
    g_object_unref (dep);
  }
  flush ();
  g_assert_cmpuint (charter_graph_get_n_edges (graph), ==, edges + 1);
  if (charter_graph_canvas_get_laying_out (canvas))
    {
      /* Meanwhile the tasks stay where they were, and the spinner hidden. */
      g_assert_cmpfloat (charter_graph_get_node (graph, 5)->x, ==, x5);
      g_assert_cmpfloat (charter_graph_get_node (graph, 5)->y, ==, y5);
      g_assert_false (gtk_widget_is_visible (spinner));
    }
  g_assert_true (charter_document_undo (doc));
  flush ();
  g_assert_true (wait_for_layout (canvas));
  g_assert_cmpuint (charter_graph_get_n_edges (graph), ==, edges);
  after = node_places (graph);
  assert_same_places (first, after);

  /* Redo: the link's layout, the same as computed at once. */
  g_assert_true (charter_document_redo (doc));
  flush ();
  g_assert_true (wait_for_layout (canvas));
  g_assert_cmpuint (charter_graph_get_n_edges (graph), ==, edges + 1);
  g_clear_pointer (&after, g_array_unref);
  after = node_places (graph);
  copy = charter_graph_copy (graph);
  charter_graph_layout (copy);
  g_clear_pointer (&expected, g_array_unref);
  expected = node_places (copy);
  charter_graph_free (copy);
  assert_same_places (after, expected);

  /* charter_graph_canvas_sync() does a layout under way at once. */
  g_assert_true (charter_document_undo (doc));
  flush ();
  charter_graph_canvas_sync (canvas);
  g_assert_false (charter_graph_canvas_get_laying_out (canvas));
  g_clear_pointer (&after, g_array_unref);
  after = node_places (graph);
  assert_same_places (first, after);

  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend, so that accessible names can be read
   * back whether or not the AT-SPI bridge is on. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/graph/widget/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("nodes", test_nodes_shown);
  ADD ("add", test_add_task);
  ADD ("links-heard", test_links_heard);
  ADD ("link", test_link);
  ADD ("link-cycle", test_link_cycle_refused);
  ADD ("move", test_move);
  ADD ("delete", test_delete);
  ADD ("arrange", test_arrange);
  ADD ("keyboard", test_keyboard);
  ADD ("selection", test_selection_highlight);
  ADD ("drag-move", test_drag_move);
  ADD ("drag-link", test_drag_link);
  ADD ("drag-then-delete", test_drag_then_delete);
  ADD ("edit", test_edit_popover);
  ADD ("pinch-zoom", test_pinch_zoom);
  ADD ("named-colours", test_named_colours);
  ADD ("long-name-tooltip", test_long_name_tooltip);
#undef ADD
  g_test_add ("/graph/widget/selection-large", Fixture, NULL,
              fixture_set_up_large, test_selection_large, fixture_tear_down);
  g_test_add ("/graph/widget/recycled-widgets", Fixture, NULL,
              fixture_set_up_large, test_recycled_widgets, fixture_tear_down);
  g_test_add ("/graph/widget/keyboard-off-screen", Fixture, NULL,
              fixture_set_up_large, test_keyboard_off_screen, fixture_tear_down);
  g_test_add ("/graph/widget/find-task", Fixture, NULL,
              fixture_set_up_large, test_find_task, fixture_tear_down);
  g_test_add_func ("/graph/widget/layout-in-worker", test_layout_in_worker);

  return g_test_run ();
}
