/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-canvas.c: the plan's dependency graph as a canvas.
 *
 * Geometry (layout, routes, hit testing) is charter-graph-layout.c; this file
 * keeps it in step with the document and the schedule, places one
 * CharterGraphTask widget per task (so that tasks are accessible and
 * focusable), draws the arrows in snapshot() (kept in a surface that a
 * worker thread redraws when only their look changes, so that a press or
 * the start of a drag never waits for 3,000 arrows) and turns gestures,
 * keys and actions into model edits. Every edit goes through
 * CharterDocument, so it is undoable; a drag is one group. Nothing here
 * keeps its own copy of document state: the graph is rebuilt from the
 * document when it changes. */

#define G_LOG_DOMAIN "charter-graph-canvas"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "charter-graph-canvas.h"
#include "charter-style.h"
#include "charter-team-color.h"
#include "charter-graph-task.h"
#include "charter-scheduler.h"

typedef struct _ArrowJob ArrowJob;

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_LINK,
} DragMode;

struct _CharterGraphCanvas
{
  GtkWidget         parent_instance;

  /* Template widgets (built in code: the canvas places them itself) */
  GtkWidget        *toolbar;
  GtkWidget        *hint;
  GtkWidget        *legend;
  GtkWidget        *teams_key;     /* which colour is which team */
  GtkPopover       *popover;

  /* Owned */
  CharterDocument  *document;
  CharterScheduler *scheduler;
  CharterGraph     *graph;
  GPtrArray        *task_ids;     /* node index -> task id */
  GHashTable       *node_index;   /* task id -> node index + 1 */
  GPtrArray        *dep_ids;      /* edge index -> dependency id */
  GHashTable       *widgets;      /* task id -> CharterGraphTask */
  GArray           *node_critical;  /* gboolean per node */
  GArray           *node_color;     /* GdkRGBA per node: the team's colour */
  GArray           *related;        /* gboolean per node: linked to the selection */
  char             *selected_task;
  char             *selected_dep;
  char             *link_source;    /* waiting for the task to link to (keyboard) */
  char             *message;
  char             *undo_label;     /* the step the last toast's Undo undoes */
  PangoLayout      *label_layout;
  GPtrArray        *edge_labels;  /* edge index -> its label, or NULL */
  cairo_surface_t  *edge_cache;   /* the arrows, drawn once and moved while panning */
  cairo_surface_t  *spare_cache;  /* the one before, for the worker to reuse */
  double            cache_x;      /* graph-space top left of edge_cache */
  double            cache_y;
  double            cache_x1;     /* and bottom right */
  double            cache_y1;
  double            cache_zoom;
  int               cache_skip;   /* the node whose arrows it leaves out, or -1 */
  guint             cache_geometry;
  guint             cache_style;
  guint             cache_seq;
  GdkRGBA           cache_fg;     /* the colours it was drawn in (dark style) */
  GdkRGBA           cache_accent;
  ArrowJob         *arrow_job;    /* the next edge_cache, drawn in a worker */
  guint             geometry_serial; /* bumped whenever arrows may have moved */
  guint             style_serial;    /* bumped whenever they may look different */
  guint             draw_seq;

  guint             sync_source;
  gboolean          structure_dirty;
  gboolean          fit_pending;

  double            zoom;
  double            pan_x;
  double            pan_y;
  double            pointer_x;
  double            pointer_y;
  double            zoom_start;

  DragMode          drag_mode;
  int               drag_node;
  double            drag_start_x;
  double            drag_start_y;
  double            drag_origin_x;
  double            drag_origin_y;
  gboolean          drag_group_open;
};

G_DEFINE_FINAL_TYPE (CharterGraphCanvas, charter_graph_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_SELECTED_TASK,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_ZOOM 0.02
/* Below this zoom a task's text is too small to read: draw blocks instead. */
#define OVERVIEW_ZOOM 0.3
#define MAX_ZOOM 2.5
#define TASK_W   ((double) CHARTER_GRAPH_TASK_WIDTH)
#define TASK_H   ((double) CHARTER_GRAPH_TASK_HEIGHT)

static void queue_sync        (CharterGraphCanvas *self,
                               gboolean            structure);
static void select_task       (CharterGraphCanvas *self,
                               const char         *task_id);
static void select_dependency (CharterGraphCanvas *self,
                               const char         *dep_id);
static void on_toast_undo     (CharterGraphCanvas *self);
static void update_edge_labels (CharterGraphCanvas *self);

/* Helpers */

static GListModel *
tasks_of (CharterGraphCanvas *self)
{
  return charter_document_get_tasks (self->document);
}

static GListModel *
deps_of (CharterGraphCanvas *self)
{
  return charter_document_get_dependencies (self->document);
}

static CharterTask *
find_task (CharterGraphCanvas *self,
           const char         *id)
{
  if (self->document == NULL || id == NULL)
    return NULL;
  return charter_document_find (self->document, tasks_of (self), id);
}

static CharterDependency *
find_dep (CharterGraphCanvas *self,
          const char         *id)
{
  if (self->document == NULL || id == NULL)
    return NULL;
  return charter_document_find (self->document, deps_of (self), id);
}

static int
node_of (CharterGraphCanvas *self,
         const char         *task_id)
{
  if (task_id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->node_index, task_id)) - 1;
}

/* The node whose arrows are drawn live rather than kept: the one being
 * dragged, else the selected one (so that a drag starting on it finds the
 * kept arrows already without it). */
static int
live_node (CharterGraphCanvas *self)
{
  if (self->drag_mode == DRAG_MOVE && self->drag_node >= 0)
    return self->drag_node;
  return node_of (self, self->selected_task);
}

static const char *
task_name (CharterGraphCanvas *self,
           const char         *task_id)
{
  CharterTask *task = find_task (self, task_id);

  return task ? charter_item_get_display_name (CHARTER_ITEM (task)) : task_id;
}

static void
to_graph (CharterGraphCanvas *self,
          double              wx,
          double              wy,
          double             *gx,
          double             *gy)
{
  *gx = (wx - self->pan_x) / self->zoom;
  *gy = (wy - self->pan_y) / self->zoom;
}

static void
show_message (CharterGraphCanvas *self,
              const char         *message,
              const char         *undo_label)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->message);
  self->message = g_strdup (message);
  g_free (self->undo_label);
  self->undo_label = g_strdup (undo_label);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, undo_label ? 8 : 6);
      if (undo_label != NULL)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          /* The toast lives in the overlay, outside the canvas's action scope. */
          g_signal_connect_object (toast, "button-clicked",
                                   G_CALLBACK (on_toast_undo), self, G_CONNECT_SWAPPED);
        }
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static CharterSchedule *
current_schedule (CharterGraphCanvas *self)
{
  if (self->scheduler == NULL)
    return NULL;
  return charter_scheduler_get_schedule (self->scheduler);
}

static void
format_dates (CharterTask            *task,
              const CharterTaskDates *dates,
              char                   *buffer,
              gsize                   size)
{
  GDate start, finish;
  char a[32], b[32];

  if (!g_date_valid_julian (dates->early_start) || !g_date_valid_julian (dates->early_finish))
    {
      buffer[0] = '\0';
      return;
    }
  g_date_set_julian (&start, dates->early_start);
  g_date_set_julian (&finish, dates->early_finish);
  /* Translators: a short date on the dependency graph, see strftime(3) */
  g_date_strftime (a, sizeof a, _("%-d %b"), &start);
  g_date_strftime (b, sizeof b, _("%-d %b"), &finish);

  if (charter_task_get_milestone (task) || dates->early_start == dates->early_finish)
    g_strlcpy (buffer, b, size);
  else
    g_snprintf (buffer, size, "%s – %s", a, b);
}

static GdkRGBA
team_color (CharterGraphCanvas *self,
            CharterTeam        *team)
{
  GdkRGBA color;
  guint position = 0;

  if (team != NULL)
    g_list_store_find (G_LIST_STORE (charter_document_get_teams (self->document)), team, &position);
  charter_team_color (team, position, &color);

  return color;
}

/* Which tasks the selected one depends on, and which depend on it, transitively. */
static void
update_related (CharterGraphCanvas *self)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  guint m = charter_graph_get_n_edges (self->graph);
  int start = node_of (self, self->selected_task);
  g_autofree gboolean *fwd = g_new0 (gboolean, n + 1);
  g_autofree gboolean *back = g_new0 (gboolean, n + 1);
  gboolean changed = TRUE;

  g_array_set_size (self->related, n);
  /* An empty GArray has no data: memset (NULL, …) is undefined even for 0 bytes. */
  if (n > 0)
    memset (self->related->data, 0, sizeof (gboolean) * n);

  if (start >= 0)
    {
      fwd[start] = back[start] = TRUE;
      /* Relaxation until nothing changes; few rounds on real plans. */
      while (changed)
        {
          changed = FALSE;
          for (guint e = 0; e < m; e++)
            {
              CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);

              if (fwd[edge->from] && !fwd[edge->to])
                fwd[edge->to] = changed = TRUE;
              if (back[edge->to] && !back[edge->from])
                back[edge->from] = changed = TRUE;
            }
        }
      for (guint i = 0; i < n; i++)
        g_array_index (self->related, gboolean, i) = fwd[i] || back[i];
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->widgets, g_ptr_array_index (self->task_ids, i));
      gboolean related = g_array_index (self->related, gboolean, i);

      if (start >= 0 && (int) i == start)
        gtk_widget_add_css_class (widget, "selected");
      else
        gtk_widget_remove_css_class (widget, "selected");
      if (related && (int) i != start)
        gtk_widget_add_css_class (widget, "related");
      else
        gtk_widget_remove_css_class (widget, "related");
      gtk_widget_set_opacity (widget, start < 0 || related ? 1.0 : 0.35);
    }
}

static void
update_task_widgets (CharterGraphCanvas *self)
{
  CharterSchedule *schedule = current_schedule (self);
  guint n = charter_graph_get_n_nodes (self->graph);

  g_array_set_size (self->node_critical, n);
  g_array_set_size (self->node_color, n);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->task_ids, i);
      CharterTask *task = find_task (self, id);
      CharterGraphTask *widget = g_hash_table_lookup (self->widgets, id);
      CharterTeam *team = charter_document_find (self->document,
                                                 charter_document_get_teams (self->document),
                                                 charter_task_get_team_id (task));
      const CharterTaskDates *dates = schedule ? charter_schedule_get_task_dates (schedule, id) : NULL;
      CharterGraphTaskInfo info = { 0, };
      char buffer[80];

      info.name = charter_task_get_name (task);
      info.team_name = team ? charter_team_get_name (team) : NULL;
      info.team_color = team_color (self, team);
      info.duration = charter_task_get_duration (task);
      info.milestone = charter_task_get_milestone (task);
      info.in_cycle = charter_graph_get_node (self->graph, i)->in_cycle;
      if (dates != NULL)
        {
          format_dates (task, dates, buffer, sizeof buffer);
          info.dates = buffer[0] ? buffer : NULL;
          info.critical = dates->critical;
          info.missed_deadline = dates->missed_deadline;
        }
      g_array_index (self->node_critical, gboolean, i) = info.critical;
      g_array_index (self->node_color, GdkRGBA, i) = info.team_color;
      charter_graph_task_update (widget, &info);
    }

  /* The key to the team colours, so that colour is never the only way to
   * tell which team does what (the task's description names it too). */
  {
    GListModel *teams = charter_document_get_teams (self->document);
    guint n_teams = g_list_model_get_n_items (teams);
    g_autoptr(GString) markup = g_string_new (NULL);

    for (guint i = 0; i < n_teams; i++)
      {
        g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
        GdkRGBA color = team_color (self, team);
        g_autofree char *name = g_markup_escape_text (charter_team_get_name (team) ? charter_team_get_name (team) : "", -1);

        /* A no-break space: the key wraps between teams, not after a swatch. */
        g_string_append_printf (markup, "%s<span foreground=\"#%02x%02x%02x\">■</span>\u00a0%s",
                                i > 0 ? "    " : "",
                                (int) (color.red * 255), (int) (color.green * 255), (int) (color.blue * 255),
                                name);
      }
    gtk_label_set_markup (GTK_LABEL (self->teams_key), markup->str);
    gtk_widget_set_visible (self->teams_key, n_teams > 0);
  }
}

static void
rebuild_structure (CharterGraphCanvas *self)
{
  GListModel *tasks = tasks_of (self);
  GListModel *deps = deps_of (self);
  guint n = g_list_model_get_n_items (tasks);
  guint m = g_list_model_get_n_items (deps);
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  charter_graph_clear (self->graph);
  g_ptr_array_set_size (self->task_ids, 0);
  g_ptr_array_set_size (self->dep_ids, 0);
  g_hash_table_remove_all (self->node_index);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      guint index = charter_graph_add_node (self->graph, TASK_W, TASK_H);
      CharterGraphNode *node = charter_graph_get_node (self->graph, index);
      GtkWidget *widget;

      node->fixed = charter_task_get_positioned (task);
      node->x = charter_task_get_x (task);
      node->y = charter_task_get_y (task);
      g_ptr_array_add (self->task_ids, g_strdup (id));
      g_hash_table_insert (self->node_index, g_ptr_array_index (self->task_ids, index),
                           GUINT_TO_POINTER (index + 1));

      widget = g_hash_table_lookup (self->widgets, id);
      if (widget == NULL)
        {
          widget = charter_graph_task_new (id);
          /* Children in document order, before the toolbar, so that Tab
           * walks the tasks first. */
          gtk_widget_insert_before (widget, GTK_WIDGET (self), self->toolbar);
          g_hash_table_insert (self->widgets, g_strdup (id), widget);
        }
      g_hash_table_add (keep, (gpointer) g_ptr_array_index (self->task_ids, index));
    }

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key))
      {
        gtk_widget_unparent (value);
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; i < m; i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      int from = node_of (self, charter_dependency_get_predecessor (dep));
      int to = node_of (self, charter_dependency_get_successor (dep));

      if (from < 0 || to < 0)
        continue;
      charter_graph_add_edge (self->graph, from, to);
      g_ptr_array_add (self->dep_ids, g_strdup (charter_item_get_id (CHARTER_ITEM (dep))));
    }

  charter_graph_layout (self->graph);
  self->geometry_serial++;

  if (self->selected_task && node_of (self, self->selected_task) < 0)
    select_task (self, NULL);
  if (self->selected_dep && find_dep (self, self->selected_dep) == NULL)
    select_dependency (self, NULL);
}

/* After a change that moved nothing but hand-placed tasks (a drag). */
static gboolean
update_positions (CharterGraphCanvas *self)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  guint m = charter_graph_get_n_edges (self->graph);
  g_autofree gboolean *moved = NULL;

  if (n != g_list_model_get_n_items (tasks_of (self)))
    return FALSE;

  moved = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      CharterTask *task = find_task (self, g_ptr_array_index (self->task_ids, i));
      CharterGraphNode *node = charter_graph_get_node (self->graph, i);

      /* A task given back to the layout needs one; a task placed by hand
       * for the first time (the first move of a drag) just moves: a new
       * layout of the whole plan in the middle of a drag took 60 ms on
       * 1,000 tasks and would shift other tasks under the user's eyes. */
      if (task == NULL || (node->fixed && !charter_task_get_positioned (task)))
        return FALSE;
      if (!node->fixed && charter_task_get_positioned (task))
        {
          node->fixed = TRUE;
          moved[i] = TRUE;
        }
      if (node->fixed && (node->x != charter_task_get_x (task) || node->y != charter_task_get_y (task)))
        {
          node->x = charter_task_get_x (task);
          node->y = charter_task_get_y (task);
          moved[i] = TRUE;
        }
    }

  /* Only the arrows of tasks that moved need a new route; the kept
   * drawing of the arrows only when another task than the live one moved. */
  for (guint i = 0; i < n; i++)
    if (moved[i] && (int) i != live_node (self))
      {
        self->geometry_serial++;
        break;
      }
  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);

      if (moved[edge->from] || moved[edge->to])
        charter_graph_route_edge (self->graph, e);
    }
  return TRUE;
}

/* Ends a task drag early (a key changed the tasks under the pointer),
 * keeping what it did as one step of its own. */
static void
end_drag (CharterGraphCanvas *self)
{
  if (self->drag_mode == DRAG_MOVE && self->drag_group_open)
    {
      self->drag_group_open = FALSE;
      charter_document_end_group (self->document);
    }
  self->drag_mode = DRAG_NONE;
  self->drag_node = -1;
}

static void
do_sync (CharterGraphCanvas *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);

  if (self->document == NULL)
    {
      charter_graph_clear (self->graph);
      g_ptr_array_set_size (self->task_ids, 0);
      g_ptr_array_set_size (self->dep_ids, 0);
      g_hash_table_remove_all (self->node_index);
      {
        GHashTableIter iter;
        gpointer value;

        g_hash_table_iter_init (&iter, self->widgets);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          {
            gtk_widget_unparent (value);
            g_hash_table_iter_remove (&iter);
          }
      }
      self->structure_dirty = FALSE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  if (self->structure_dirty || !update_positions (self))
    {
      /* A drag follows its task, not the task's old place in the graph:
       * Undo or a key can change the tasks while the pointer is down. */
      g_autofree char *dragged = NULL;

      if (self->drag_node >= 0 && (guint) self->drag_node < self->task_ids->len)
        dragged = g_strdup (g_ptr_array_index (self->task_ids, self->drag_node));
      rebuild_structure (self);
      if (dragged != NULL && (self->drag_node = node_of (self, dragged)) < 0)
        end_drag (self);
    }
  else if (self->drag_mode == DRAG_MOVE && self->drag_group_open)
    {
      /* Mid-drag only positions change; names, dates and marks catch up
       * when the drag ends. */
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->structure_dirty = FALSE;

  {
    /* The kept drawing of the arrows is only redrawn when their look
     * changed: the critical path moved (the end of every drag comes here,
     * and redrawing 3,000 arrows for nothing costs a core 50-160 ms). */
    g_autoptr(GArray) critical = g_array_copy (self->node_critical);

    update_task_widgets (self);
    if (critical->len != self->node_critical->len ||
        (critical->len > 0 &&
         memcmp (critical->data, self->node_critical->data, critical->len * sizeof (gboolean)) != 0))
      self->style_serial++;
  }
  update_related (self);
  update_edge_labels (self);

  gtk_widget_set_visible (self->hint, charter_graph_get_n_nodes (self->graph) == 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
sync_idle_cb (gpointer user_data)
{
  CharterGraphCanvas *self = user_data;

  self->sync_source = 0;
  do_sync (self);
  return G_SOURCE_REMOVE;
}

static void
queue_sync (CharterGraphCanvas *self,
            gboolean            structure)
{
  self->structure_dirty |= structure;
  if (self->sync_source == 0)
    /* Before the next frame is laid out and drawn. */
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 5, sync_idle_cb, self, NULL);
}

static void
ensure_visible (CharterGraphCanvas *self,
                int                 index)
{
  CharterGraphNode *node;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x0, y0, x1, y1;

  if (index < 0 || width <= 0)
    return;

  node = charter_graph_get_node (self->graph, index);
  x0 = node->x * self->zoom + self->pan_x;
  y0 = node->y * self->zoom + self->pan_y;
  x1 = x0 + node->width * self->zoom;
  y1 = y0 + node->height * self->zoom;

  if (x0 < 24)
    self->pan_x += 24 - x0;
  else if (x1 > width - 24)
    self->pan_x -= x1 - (width - 24);
  if (y0 < 80)
    self->pan_y += 80 - y0;
  else if (y1 > height - 24)
    self->pan_y -= y1 - (height - 24);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
select_task (CharterGraphCanvas *self,
             const char         *task_id)
{
  if (task_id != NULL)
    g_clear_pointer (&self->selected_dep, g_free);

  if (g_strcmp0 (self->selected_task, task_id) != 0)
    {
      g_free (self->selected_task);
      self->selected_task = g_strdup (task_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TASK]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.delete",
                                 self->selected_task != NULL || self->selected_dep != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.edit",
                                 self->selected_task != NULL || self->selected_dep != NULL);
  update_related (self);
  self->style_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_dependency (CharterGraphCanvas *self,
                   const char         *dep_id)
{
  if (dep_id != NULL)
    select_task (self, NULL);

  g_free (self->selected_dep);
  self->selected_dep = g_strdup (dep_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.delete",
                                 self->selected_task != NULL || self->selected_dep != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.edit",
                                 self->selected_task != NULL || self->selected_dep != NULL);
  self->style_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_task (CharterGraphCanvas *self,
            const char         *task_id)
{
  GtkWidget *widget = task_id ? g_hash_table_lookup (self->widgets, task_id) : NULL;

  select_task (self, task_id);
  if (widget != NULL)
    {
      gtk_widget_grab_focus (widget);
      ensure_visible (self, node_of (self, task_id));
    }
}

/* The chain of tasks from @from to @to along dependencies, or NULL. */
static GPtrArray *
find_path (CharterGraphCanvas *self,
           const char         *from,
           const char         *to)
{
  GListModel *deps = deps_of (self);
  guint m = g_list_model_get_n_items (deps);
  g_autoptr(GHashTable) parent = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) successors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GQueue) queue = g_queue_new ();
  GPtrArray *path;
  const char *at;

  for (guint i = 0; i < m; i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      const char *p = charter_dependency_get_predecessor (dep);
      GPtrArray *list = g_hash_table_lookup (successors, p);

      if (p == NULL || charter_dependency_get_successor (dep) == NULL)
        continue;
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (successors, (gpointer) p, list);
        }
      /* Items outlive this function: the document holds them. */
      g_ptr_array_add (list, (gpointer) charter_dependency_get_successor (dep));
    }

  g_hash_table_insert (parent, (gpointer) from, (gpointer) from);
  g_queue_push_tail (queue, (gpointer) from);
  while (!g_queue_is_empty (queue))
    {
      const char *v = g_queue_pop_head (queue);
      GPtrArray *list = g_hash_table_lookup (successors, v);

      if (g_strcmp0 (v, to) == 0)
        break;
      for (guint k = 0; list && k < list->len; k++)
        {
          const char *w = g_ptr_array_index (list, k);

          if (!g_hash_table_contains (parent, w))
            {
              g_hash_table_insert (parent, (gpointer) w, (gpointer) v);
              g_queue_push_tail (queue, (gpointer) w);
            }
        }
    }

  if (!g_hash_table_contains (parent, to))
    return NULL;

  path = g_ptr_array_new_with_free_func (g_free);
  for (at = to; ; at = g_hash_table_lookup (parent, at))
    {
      g_ptr_array_insert (path, 0, g_strdup (at));
      if (g_strcmp0 (at, from) == 0)
        break;
    }
  return path;
}

static gboolean
link_tasks (CharterGraphCanvas *self,
            const char         *from,
            const char         *to)
{
  GListModel *deps = deps_of (self);
  guint m = g_list_model_get_n_items (deps);
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(CharterDependency) dep = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (find_task (self, from) == NULL || find_task (self, to) == NULL)
    return FALSE;

  if (g_strcmp0 (from, to) == 0)
    {
      message = g_strdup_printf (_("Not linked: “%s” cannot depend on itself"), task_name (self, from));
      show_message (self, message, NULL);
      return FALSE;
    }

  for (guint i = 0; i < m; i++)
    {
      g_autoptr(CharterDependency) d = g_list_model_get_item (deps, i);

      if (g_strcmp0 (charter_dependency_get_predecessor (d), from) == 0 &&
          g_strcmp0 (charter_dependency_get_successor (d), to) == 0)
        {
          message = g_strdup_printf (_("“%s” already depends on “%s”"),
                                     task_name (self, to), task_name (self, from));
          show_message (self, message, NULL);
          return FALSE;
        }
    }

  /* A link from → to makes a cycle when "from" already follows "to". */
  path = find_path (self, to, from);
  if (path != NULL)
    {
      g_autoptr(GString) chain = g_string_new (task_name (self, from));

      for (guint k = 0; k < path->len; k++)
        {
          g_string_append (chain, " → ");
          g_string_append (chain, task_name (self, g_ptr_array_index (path, k)));
        }
      message = g_strdup_printf (_("Not linked: “%s” → “%s” would make a cycle: %s"),
                                 task_name (self, from), task_name (self, to), chain->str);
      show_message (self, message, NULL);
      return FALSE;
    }

  id = charter_document_make_id (self->document, deps, "dep");
  dep = charter_dependency_new (id);
  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  charter_document_append (self->document, deps, dep);

  message = g_strdup_printf (_("“%s” now depends on “%s”"), task_name (self, to), task_name (self, from));
  g_free (self->message);
  self->message = g_steal_pointer (&message);
  return TRUE;
}

static void
move_task (CharterGraphCanvas *self,
           const char         *task_id,
           double              x,
           double              y)
{
  CharterTask *task = find_task (self, task_id);

  if (task == NULL)
    return;
  charter_document_set (self->document, task,
                        "x", round (x), "y", round (y), "positioned", TRUE,
                        NULL);
}

static char *
add_task_at (CharterGraphCanvas *self,
             gboolean            placed,
             double              x,
             double              y)
{
  GListModel *tasks = tasks_of (self);
  g_autofree char *id = charter_document_make_id (self->document, tasks, "task");
  g_autoptr(CharterTask) task = charter_task_new (id);

  charter_task_set_name (task, _("New task"));
  charter_task_set_duration (task, 5);
  if (placed)
    {
      charter_task_set_x (task, round (x));
      charter_task_set_y (task, round (y));
      charter_task_set_positioned (task, TRUE);
    }
  charter_document_append (self->document, tasks, task);

  return g_steal_pointer (&id);
}

/* Editing in a popover */

/* Editors act on the item they were opened for, whatever is selected since. */
static const char *
edited_id (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "charter-item-id");
}

static void
on_name_changed_cb (GtkEditable        *editable,
                    CharterGraphCanvas *self)
{
  CharterTask *task = find_task (self, edited_id (editable));
  g_auto(GValue) value = G_VALUE_INIT;

  if (task == NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (editable));
  charter_document_set_value (self->document, task, "name", &value, TRUE);
}

static void
on_duration_changed_cb (GtkSpinButton      *spin,
                        CharterGraphCanvas *self)
{
  CharterTask *task = find_task (self, edited_id (spin));

  if (task != NULL)
    charter_document_set (self->document, task, "duration", gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
on_team_selected_cb (GtkDropDown        *dropdown,
                     GParamSpec         *pspec,
                     CharterGraphCanvas *self)
{
  CharterTask *task = find_task (self, edited_id (dropdown));
  GListModel *teams = charter_document_get_teams (self->document);
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(CharterTeam) team = NULL;

  if (task == NULL)
    return;
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    team = g_list_model_get_item (teams, selected - 1);
  charter_document_set (self->document, task,
                        "team-id", team ? charter_item_get_id (CHARTER_ITEM (team)) : NULL,
                        NULL);
}

static void
on_kind_selected_cb (GtkDropDown        *dropdown,
                     GParamSpec         *pspec,
                     CharterGraphCanvas *self)
{
  CharterDependency *dep = find_dep (self, edited_id (dropdown));

  if (dep != NULL)
    charter_document_set (self->document, dep, "kind", (int) gtk_drop_down_get_selected (dropdown), NULL);
}

static void
on_lag_changed_cb (GtkSpinButton      *spin,
                   CharterGraphCanvas *self)
{
  CharterDependency *dep = find_dep (self, edited_id (spin));

  if (dep != NULL)
    charter_document_set (self->document, dep, "lag", gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
on_entry_activate_cb (GtkEntry   *entry,
                      GtkPopover *popover)
{
  gtk_popover_popdown (popover);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label_text,
         GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return field;
}

static GtkWidget *
build_task_editor (CharterGraphCanvas *self,
                   CharterTask        *task)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GListModel *teams = charter_document_get_teams (self->document);
  g_autoptr(GtkStringList) team_names = gtk_string_list_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *team = NULL;
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);
  guint selected = 0;

  gtk_grid_set_row_spacing (grid, 10);
  gtk_grid_set_column_spacing (grid, 12);

  gtk_editable_set_text (GTK_EDITABLE (entry), charter_task_get_name (task));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
  add_row (grid, 0, _("_Name"), entry);

  gtk_string_list_append (team_names, _("No team"));
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) t = g_list_model_get_item (teams, i);

      gtk_string_list_append (team_names, charter_team_get_name (t));
      if (g_strcmp0 (charter_item_get_id (CHARTER_ITEM (t)), charter_task_get_team_id (task)) == 0)
        selected = i + 1;
    }
  team = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&team_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (team), selected);
  add_row (grid, 1, _("_Team"), team);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), charter_task_get_duration (task));
  add_row (grid, 2, _("_Duration (working days)"), spin);

  {
    const char *id = charter_item_get_id (CHARTER_ITEM (task));

    g_object_set_data_full (G_OBJECT (entry), "charter-item-id", g_strdup (id), g_free);
    g_object_set_data_full (G_OBJECT (team), "charter-item-id", g_strdup (id), g_free);
    g_object_set_data_full (G_OBJECT (spin), "charter-item-id", g_strdup (id), g_free);
  }
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_entry_activate_cb), self->popover, 0);
  g_signal_connect_object (team, "notify::selected", G_CALLBACK (on_team_selected_cb), self, 0);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_duration_changed_cb), self, 0);

  return GTK_WIDGET (grid);
}

static GtkWidget *
build_dependency_editor (CharterGraphCanvas *self,
                         CharterDependency  *dep)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  const char * const kinds[] = {
    _("Finish to start"), _("Start to start"), _("Finish to finish"), _("Start to finish"), NULL,
  };
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);
  GtkWidget *lag = gtk_spin_button_new_with_range (-1000, 1000, 1);
  g_autofree char *title = g_strdup_printf (_("“%s” → “%s”"),
                                            task_name (self, charter_dependency_get_predecessor (dep)),
                                            task_name (self, charter_dependency_get_successor (dep)));
  GtkWidget *heading = gtk_label_new (title);

  gtk_grid_set_row_spacing (grid, 10);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 36);
  gtk_grid_attach (grid, heading, 0, 0, 2, 1);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), charter_dependency_get_kind (dep));
  add_row (grid, 1, _("_Type"), kind);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lag), charter_dependency_get_lag (dep));
  add_row (grid, 2, _("_Lag (working days)"), lag);

  g_object_set_data_full (G_OBJECT (kind), "charter-item-id",
                          g_strdup (charter_item_get_id (CHARTER_ITEM (dep))), g_free);
  g_object_set_data_full (G_OBJECT (lag), "charter-item-id",
                          g_strdup (charter_item_get_id (CHARTER_ITEM (dep))), g_free);
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (on_kind_selected_cb), self, 0);
  g_signal_connect_object (lag, "value-changed", G_CALLBACK (on_lag_changed_cb), self, 0);

  return GTK_WIDGET (grid);
}

static void
edge_midpoint (CharterGraphEdge  *edge,
               CharterGraphPoint *mid)
{
  guint k = (edge->points->len - 1) / 2;
  CharterGraphPoint *a = &g_array_index (edge->points, CharterGraphPoint, k);
  CharterGraphPoint *b = &g_array_index (edge->points, CharterGraphPoint, k + 1);
  CharterGraphPoint c1, c2;

  charter_graph_segment_controls (a, b, &c1, &c2);
  mid->x = 0.125 * a->x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * b->x;
  mid->y = 0.125 * a->y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * b->y;
}

static void
open_editor (CharterGraphCanvas *self)
{
  GtkWidget *child = NULL;
  GdkRectangle rect = { 0, };

  if (self->selected_task)
    {
      int index = node_of (self, self->selected_task);
      CharterGraphNode *node;

      if (index < 0)
        return;
      node = charter_graph_get_node (self->graph, index);
      child = build_task_editor (self, find_task (self, self->selected_task));
      rect.x = node->x * self->zoom + self->pan_x;
      rect.y = node->y * self->zoom + self->pan_y;
      rect.width = node->width * self->zoom;
      rect.height = node->height * self->zoom;
    }
  else if (self->selected_dep)
    {
      CharterDependency *dep = find_dep (self, self->selected_dep);
      CharterGraphPoint mid;
      guint e;

      if (dep == NULL)
        return;
      for (e = 0; e < self->dep_ids->len; e++)
        if (g_strcmp0 (g_ptr_array_index (self->dep_ids, e), self->selected_dep) == 0)
          break;
      if (e == self->dep_ids->len)
        return;
      edge_midpoint (charter_graph_get_edge (self->graph, e), &mid);
      child = build_dependency_editor (self, dep);
      rect.x = mid.x * self->zoom + self->pan_x - 4;
      rect.y = mid.y * self->zoom + self->pan_y - 4;
      rect.width = rect.height = 8;
    }

  if (child == NULL)
    return;

  /* Typing is one step per field, not merged with what came before. */
  charter_history_seal (charter_document_get_history (self->document));
  gtk_popover_set_child (self->popover, child);
  gtk_popover_set_pointing_to (self->popover, &rect);
  gtk_popover_popup (self->popover);
}

/* Drawing */

typedef enum
{
  EDGE_DIMMED,
  EDGE_NORMAL,
  EDGE_CRITICAL,
  EDGE_RELATED,
  EDGE_SELECTED,
  N_EDGE_STYLES
} EdgeStyle;

static EdgeStyle
edge_style (CharterGraphCanvas *self,
            guint               e)
{
  CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);
  gboolean has_selection = node_of (self, self->selected_task) >= 0;

  if (self->selected_dep && g_strcmp0 (g_ptr_array_index (self->dep_ids, e), self->selected_dep) == 0)
    return EDGE_SELECTED;
  if (has_selection)
    {
      gboolean from = g_array_index (self->related, gboolean, edge->from);
      gboolean to = g_array_index (self->related, gboolean, edge->to);

      /* An arrow is part of the chain when both its ends are, and it
       * leads towards or away from the selected task. */
      if (from && to)
        return EDGE_RELATED;
      return EDGE_DIMMED;
    }
  if (g_array_index (self->node_critical, gboolean, edge->from) &&
      g_array_index (self->node_critical, gboolean, edge->to))
    return EDGE_CRITICAL;
  return EDGE_NORMAL;
}

static gboolean
edge_visible (CharterGraphEdge *edge,
              double            x0,
              double            y0,
              double            x1,
              double            y1)
{
  double ex0 = G_MAXDOUBLE, ey0 = G_MAXDOUBLE, ex1 = -G_MAXDOUBLE, ey1 = -G_MAXDOUBLE;

  for (guint k = 0; k < edge->points->len; k++)
    {
      CharterGraphPoint *p = &g_array_index (edge->points, CharterGraphPoint, k);

      ex0 = MIN (ex0, p->x);
      ey0 = MIN (ey0, p->y);
      ex1 = MAX (ex1, p->x);
      ey1 = MAX (ey1, p->y);
    }
  /* Curves bulge sideways by up to their control distance. */
  return ex1 + 80 >= x0 && ex0 - 80 <= x1 && ey1 >= y0 && ey0 <= y1;
}

static char *
edge_label (CharterDependency *dep)
{
  static const char * const short_kinds[] = { "FS", "SS", "FF", "SF" };
  CharterDependencyType kind = charter_dependency_get_kind (dep);
  int lag = charter_dependency_get_lag (dep);

  if (kind == CHARTER_DEPENDENCY_FINISH_TO_START && lag == 0)
    return NULL;
  if (lag == 0)
    return g_strdup (short_kinds[kind]);
  /* Translators: a dependency's type and lag on an arrow, "SS +2 d" */
  return g_strdup_printf (_("%s %+d d"), short_kinds[kind % 4], lag);
}

/* The arrows to draw, copied out of the graph with their looks, so that
 * drawing them needs nothing the main thread may change meanwhile. */
typedef struct
{
  guint              n;
  guint8            *styles;   /* EdgeStyle per arrow */
  guint             *starts;   /* n + 1: where each arrow's points begin */
  CharterGraphPoint *points;
  GdkRGBA            fg;
  GdkRGBA            accent;
  double             line_scale;
  gboolean           curved;
} Arrows;

/* Copies the arrows touching one of @only (when @n_only > 0), or all but
 * those touching @skip, that may show in the graph-space rectangle
 * (x0, y0)-(x1, y1). */
static void
collect_arrows (CharterGraphCanvas *self,
                Arrows             *arrows,
                const GdkRGBA      *fg,
                const GdkRGBA      *accent,
                double              x0,
                double              y0,
                double              x1,
                double              y1,
                const int          *only,
                guint               n_only,
                int                 skip)
{
  guint m = charter_graph_get_n_edges (self->graph);
  g_autoptr(GArray) styles = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CharterGraphPoint));

  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);
      gboolean wanted = FALSE;
      guint8 style;

      if (n_only == 0)
        wanted = (int) edge->from != skip && (int) edge->to != skip;
      for (guint k = 0; k < n_only; k++)
        wanted |= (int) edge->from == only[k] || (int) edge->to == only[k];
      if (!wanted || edge->points->len < 2 || !edge_visible (edge, x0, y0, x1, y1))
        continue;

      style = edge_style (self, e);
      g_array_append_val (styles, style);
      g_array_append_val (starts, points->len);
      g_array_append_vals (points, edge->points->data, edge->points->len);
    }
  arrows->n = styles->len;
  g_array_append_val (starts, points->len);
  arrows->styles = (guint8 *) g_array_free (g_steal_pointer (&styles), FALSE);
  arrows->starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);
  arrows->points = (CharterGraphPoint *) g_array_free (g_steal_pointer (&points), FALSE);
  arrows->fg = *fg;
  arrows->accent = *accent;
  arrows->line_scale = MAX (1.0, 0.8 / self->zoom);
  /* Below this zoom nobody can tell a curve from a line; lines are cheaper. */
  arrows->curved = self->zoom > 0.3;
}

static void
arrows_clear (Arrows *arrows)
{
  g_clear_pointer (&arrows->styles, g_free);
  g_clear_pointer (&arrows->starts, g_free);
  g_clear_pointer (&arrows->points, g_free);
  arrows->n = 0;
}

static void
path_arrow (cairo_t                 *cr,
            const CharterGraphPoint *points,
            guint                    len,
            double                   x0,
            double                   y0,
            double                   x1,
            double                   y1,
            gboolean                 curved)
{
  gboolean pen_down = FALSE;

  for (guint k = 0; k + 1 < len; k++)
    {
      const CharterGraphPoint *a = &points[k];
      const CharterGraphPoint *b = &points[k + 1];
      CharterGraphPoint c1, c2;
      gboolean last = k + 2 == len;
      double bx = last ? b->x - 10 : b->x;

      charter_graph_segment_controls (a, b, &c1, &c2);

      /* Only the pieces in view: long edges cross many screens. */
      if (MAX (MAX (a->x, b->x), c1.x) < x0 || MIN (MIN (a->x, b->x), c2.x) > x1 ||
          MAX (a->y, b->y) < y0 || MIN (a->y, b->y) > y1)
        {
          pen_down = FALSE;
          continue;
        }
      if (!pen_down)
        cairo_move_to (cr, a->x, a->y);
      pen_down = TRUE;
      if (curved)
        cairo_curve_to (cr, c1.x, c1.y, c2.x - (last ? 10 : 0), c2.y, bx, b->y);
      else
        cairo_line_to (cr, bx, b->y);
    }
}

/* Draws @arrows in graph coordinates (the caller sets the transform), culled
 * to the graph-space rectangle (x0, y0)-(x1, y1). Touches nothing but its
 * arguments, so it runs in a worker thread as well. */
static void
paint_arrows (cairo_t      *cr,
              const Arrows *arrows,
              double        x0,
              double        y0,
              double        x1,
              double        y1)
{
  struct { double alpha; double width; gboolean accent; } look[N_EDGE_STYLES] = {
    [EDGE_DIMMED] = { 0.15, 2.0, FALSE },
    [EDGE_NORMAL] = { 0.55, 2.0, FALSE },
    [EDGE_CRITICAL] = { 1.0, 4.5, FALSE },
    [EDGE_RELATED] = { 1.0, 3.5, TRUE },
    [EDGE_SELECTED] = { 1.0, 5.0, TRUE },
  };

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* One pass and one fill of arrowheads per style, dimmed ones first. */
  for (guint s = 0; s < N_EDGE_STYLES; s++)
    {
      const GdkRGBA *color = look[s].accent ? &arrows->accent : &arrows->fg;
      gboolean any = FALSE;

      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * look[s].alpha);
      cairo_set_line_width (cr, look[s].width * arrows->line_scale);

      /* Stroked an arrow at a time: one path of thousands of crossing
       * curves is far slower for cairo to fill than many small ones. */
      for (guint e = 0; e < arrows->n; e++)
        if (arrows->styles[e] == s)
          {
            path_arrow (cr, arrows->points + arrows->starts[e], arrows->starts[e + 1] - arrows->starts[e],
                        x0, y0, x1, y1, arrows->curved);
            cairo_stroke (cr);
            any = TRUE;
          }
      if (!any)
        continue;

      for (guint e = 0; e < arrows->n; e++)
        if (arrows->styles[e] == s)
          {
            const CharterGraphPoint *end = &arrows->points[arrows->starts[e + 1] - 1];
            double size = 7 + look[s].width * arrows->line_scale;

            if (end->x < x0 || end->x - 2 * size > x1 || end->y < y0 - size || end->y > y1 + size)
              continue;
            cairo_move_to (cr, end->x, end->y);
            cairo_line_to (cr, end->x - 1.8 * size, end->y - size);
            cairo_line_to (cr, end->x - 1.8 * size, end->y + size);
            cairo_close_path (cr);
          }
      cairo_fill (cr);
    }
}

static gboolean
label_in_view (CharterGraphCanvas *self,
               guint               e,
               double              x0,
               double              y0,
               double              x1,
               double              y1,
               CharterGraphPoint  *mid)
{
  CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);

  if (g_ptr_array_index (self->edge_labels, e) == NULL || edge->points->len < 2)
    return FALSE;
  edge_midpoint (edge, mid);
  return mid->x + 100 >= x0 && mid->x - 100 <= x1 && mid->y + 40 >= y0 && mid->y - 40 <= y1;
}

static gboolean
has_labels_in_view (CharterGraphCanvas *self,
                    double              x0,
                    double              y0,
                    double              x1,
                    double              y1)
{
  guint m = MIN (charter_graph_get_n_edges (self->graph), self->edge_labels->len);
  CharterGraphPoint mid;

  for (guint e = 0; e < m; e++)
    if (label_in_view (self, e, x0, y0, x1, y1, &mid))
      return TRUE;
  return FALSE;
}

/* Arrows that are not a plain finish-to-start say what they are. Drawn
 * every frame over the arrows (there are few), so that the kept surface of
 * arrows needs no text. */
static void
draw_labels (CharterGraphCanvas *self,
             cairo_t            *cr,
             const GdkRGBA      *fg,
             const GdkRGBA      *bg,
             double              x0,
             double              y0,
             double              x1,
             double              y1)
{
  guint m = MIN (charter_graph_get_n_edges (self->graph), self->edge_labels->len);

  for (guint e = 0; e < m; e++)
    {
      const char *text = g_ptr_array_index (self->edge_labels, e);
      CharterGraphPoint mid;
      int tw, th;

      if (!label_in_view (self, e, x0, y0, x1, y1, &mid))
        continue;

      pango_layout_set_text (self->label_layout, text, -1);
      pango_layout_get_pixel_size (self->label_layout, &tw, &th);

      cairo_new_path (cr);
      cairo_rectangle (cr, mid.x - tw / 2.0 - 6, mid.y - th / 2.0 - 2, tw + 12, th + 4);
      cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_move_to (cr, mid.x - tw / 2.0, mid.y - th / 2.0);
      pango_cairo_show_layout (cr, self->label_layout);
    }
}

static void
update_edge_labels (CharterGraphCanvas *self)
{
  guint m = charter_graph_get_n_edges (self->graph);

  g_ptr_array_set_size (self->edge_labels, 0);
  for (guint e = 0; e < m; e++)
    {
      CharterDependency *dep = find_dep (self, g_ptr_array_index (self->dep_ids, e));

      g_ptr_array_add (self->edge_labels, dep ? edge_label (dep) : NULL);
    }
}

/* One drawing of the kept surface of arrows: what it covers, and the
 * copied arrows. Runs on the main thread or in a worker. */
struct _ArrowJob
{
  gatomicrefcount  ref;
  Arrows           arrows;
  double           x0;          /* graph-space area covered */
  double           y0;
  double           x1;
  double           y1;
  double           zoom;
  int              scale;
  int              pw;          /* size in pixels */
  int              ph;
  int              skip;        /* the node whose arrows are left out */
  guint            geometry;    /* the serials it was drawn for */
  guint            style;
  guint            seq;         /* later drawings have larger numbers */
  GdkRGBA          fg;
  GdkRGBA          accent;
  GWeakRef         canvas;
  cairo_surface_t *recycle;     /* an old surface to draw into again or free */
  cairo_surface_t *surface;     /* the result */
  int              done;        /* atomic: surface is ready */
};

static ArrowJob *
arrow_job_ref (ArrowJob *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
arrow_job_unref (ArrowJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  arrows_clear (&job->arrows);
  g_weak_ref_clear (&job->canvas);
  g_clear_pointer (&job->recycle, cairo_surface_destroy);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

static void
arrow_job_render (ArrowJob *job)
{
  cairo_surface_t *surface = g_steal_pointer (&job->recycle);
  cairo_t *cr;

  /* Freeing (and mapping) a surface of tens of megabytes costs the main
   * thread 10-20 ms: surfaces are handed back here, drawn into again when
   * the size is the same, else freed here. */
  if (surface != NULL &&
      (cairo_image_surface_get_width (surface) != job->pw || cairo_image_surface_get_height (surface) != job->ph))
    g_clear_pointer (&surface, cairo_surface_destroy);
  if (surface == NULL)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->pw, job->ph);
  cairo_surface_set_device_scale (surface, job->scale, job->scale);
  cr = cairo_create (surface);
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_scale (cr, job->zoom, job->zoom);
  cairo_translate (cr, -job->x0, -job->y0);
  paint_arrows (cr, &job->arrows, job->x0, job->y0, job->x1, job->y1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  job->surface = surface;
  /* The arrows are not needed any more: free them in the worker. */
  arrows_clear (&job->arrows);
  g_atomic_int_set (&job->done, TRUE);
}

static void
arrow_job_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
#ifdef __linux__
  /* Behind the main thread when the cores are busy: the frames the user
   * is waiting for come first. (On Linux a thread has its own nice value;
   * the pool thread gets its own back after.) */
  pid_t tid = (pid_t) syscall (SYS_gettid);
  gboolean lowered = FALSE;
  int nice_before;

  errno = 0;
  nice_before = getpriority (PRIO_PROCESS, tid);
  if (errno == 0)
    lowered = setpriority (PRIO_PROCESS, tid, MIN (nice_before + 10, 19)) == 0;
#endif

  arrow_job_render (task_data);

#ifdef __linux__
  if (lowered)
    setpriority (PRIO_PROCESS, tid, nice_before);
#endif
  g_task_return_boolean (task, TRUE);
}

static void
on_arrow_job_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ArrowJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GObject) canvas = g_weak_ref_get (&job->canvas);

  /* The next frame takes it in (snapshot looks at the job itself, so
   * that a frame drawn before this runs can use it too). */
  if (canvas != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

/* The surface now shown takes the result of @job. */
static void
install_arrows (CharterGraphCanvas *self,
                ArrowJob           *job)
{
  /* The old surface waits for the next drawing in the worker. */
  g_clear_pointer (&self->spare_cache, cairo_surface_destroy);
  self->spare_cache = g_steal_pointer (&self->edge_cache);
  self->edge_cache = g_steal_pointer (&job->surface);
  self->cache_x = job->x0;
  self->cache_y = job->y0;
  self->cache_x1 = job->x1;
  self->cache_y1 = job->y1;
  self->cache_zoom = job->zoom;
  self->cache_skip = job->skip;
  self->cache_geometry = job->geometry;
  self->cache_style = job->style;
  self->cache_seq = job->seq;
  self->cache_fg = job->fg;
  self->cache_accent = job->accent;
}

/* The arrows change far less often than the view moves: they are drawn
 * once into a surface a screen larger than the view on every side, and
 * only moved while panning. When the arrows moved (a new layout, a task
 * moved by a command) the surface is drawn again at once. When only their
 * look changed (a selection highlights a chain), the zoom changed or the
 * view left the surface, the old surface stays on screen and the new one
 * is drawn in a worker thread: with a thousand tasks and three thousand
 * arrows that takes 50-160 ms, which must not stall the frame that
 * answers a press. */
static void
ensure_edge_cache (CharterGraphCanvas *self,
                   const GdkRGBA      *fg,
                   const GdkRGBA      *accent,
                   double              x0,
                   double              y0,
                   double              x1,
                   double              y1)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int skip = live_node (self);
  double mx = (x1 - x0) / 2, my = (y1 - y0) / 2;
  double bx, by, bw, bh;
  double vx0, vy0, vx1, vy1;
  ArrowJob *job;

  /* A drawing finished in the worker: take it if nothing moved since. */
  if (self->arrow_job != NULL && g_atomic_int_get (&self->arrow_job->done))
    {
      if (self->arrow_job->geometry == self->geometry_serial && self->arrow_job->seq > self->cache_seq)
        install_arrows (self, self->arrow_job);
      else if (self->spare_cache == NULL)
        self->spare_cache = g_steal_pointer (&self->arrow_job->surface);
      g_clear_pointer (&self->arrow_job, arrow_job_unref);
    }

  /* What must be covered is the part of the view the graph occupies. */
  charter_graph_get_bounds (self->graph, &bx, &by, &bw, &bh);
  vx0 = MAX (x0, bx - 100);
  vy0 = MAX (y0, by - 100);
  vx1 = MIN (x1, bx + bw + 100);
  vy1 = MIN (y1, by + bh + 100);

  if (self->edge_cache != NULL &&
      self->cache_geometry == self->geometry_serial &&
      self->cache_style == self->style_serial &&
      gdk_rgba_equal (&self->cache_fg, fg) &&
      gdk_rgba_equal (&self->cache_accent, accent) &&
      self->cache_zoom == self->zoom &&
      self->cache_skip == skip &&
      (vx0 >= vx1 || vy0 >= vy1 ||
       (vx0 >= self->cache_x && vy0 >= self->cache_y && vx1 <= self->cache_x1 && vy1 <= self->cache_y1)))
    return;

  /* The old surface can stand in while the new one is drawn: one at a time. */
  if (self->edge_cache != NULL && self->cache_geometry == self->geometry_serial && self->arrow_job != NULL)
    return;

  job = g_new0 (ArrowJob, 1);
  g_atomic_ref_count_init (&job->ref);
  g_weak_ref_init (&job->canvas, self);
  job->zoom = self->zoom;
  job->scale = scale;
  job->skip = skip;
  job->geometry = self->geometry_serial;
  job->style = self->style_serial;
  job->seq = ++self->draw_seq;
  job->fg = *fg;
  job->accent = *accent;
  /* No bigger than the graph itself: with the whole plan in view the
   * margin would only be empty pixels to fill. */
  {
    double cx1, cy1;

    job->x0 = floor (MAX (x0 - mx, MIN (x0, bx - 100)));
    job->y0 = floor (MAX (y0 - my, MIN (y0, by - 100)));
    cx1 = MIN (x1 + mx, MAX (x1, bx + bw + 100));
    cy1 = MIN (y1 + my, MAX (y1, by + bh + 100));
    job->pw = MAX (1, (int) ceil ((cx1 - job->x0) * job->zoom * scale));
    job->ph = MAX (1, (int) ceil ((cy1 - job->y0) * job->zoom * scale));
  }
  job->x1 = job->x0 + job->pw / (job->zoom * scale);
  job->y1 = job->y0 + job->ph / (job->zoom * scale);
  collect_arrows (self, &job->arrows, fg, accent, job->x0, job->y0, job->x1, job->y1, NULL, 0, skip);

  if (self->edge_cache == NULL || self->cache_geometry != self->geometry_serial ||
      (job->arrows.n <= 100 && (gint64) job->pw * job->ph <= 4000000))
    {
      /* Nothing right to show meanwhile, or a small plan that draws in a
       * few milliseconds: draw it now, into the old surface when it has
       * the same size. A drawing still running in the worker is older and
       * will be dropped. */
      job->recycle = g_steal_pointer (&self->edge_cache);
      arrow_job_render (job);
      install_arrows (self, job);
      arrow_job_unref (job);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_arrow_job_done_cb, NULL);

      g_task_set_source_tag (task, ensure_edge_cache);
      job->recycle = g_steal_pointer (&self->spare_cache);
      g_task_set_task_data (task, arrow_job_ref (job), (GDestroyNotify) arrow_job_unref);
      self->arrow_job = job;
      g_task_run_in_thread (task, arrow_job_thread);
    }
}

static void
draw_link_band (CharterGraphCanvas *self,
                cairo_t            *cr,
                GdkRGBA            *accent)
{
  CharterGraphPoint h = charter_graph_get_handle (self->graph, self->drag_node);
  double gx, gy;
  guint target;

  to_graph (self, self->pointer_x, self->pointer_y, &gx, &gy);

  cairo_translate (cr, self->pan_x, self->pan_y);
  cairo_scale (cr, self->zoom, self->zoom);

  if (charter_graph_hit_test (self->graph, gx, gy, &target) != CHARTER_GRAPH_HIT_NONE &&
      charter_graph_hit_test (self->graph, gx, gy, &target) != CHARTER_GRAPH_HIT_EDGE &&
      (int) target != self->drag_node)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, target);

      cairo_rectangle (cr, node->x - 6, node->y - 6, node->width + 12, node->height + 12);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.9);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, h.x, h.y);
  cairo_curve_to (cr, h.x + 60, h.y, gx - 60, gy, gx, gy);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
  cairo_set_line_width (cr, 4);
  {
    double dashes[] = { 10, 6 };
    cairo_set_dash (cr, dashes, 2, 0);
  }
  cairo_stroke (cr);
  cairo_arc (cr, gx, gy, 7, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
charter_graph_canvas_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA fg, accent, bg, card;
  double x0, y0, x1, y1;
  GtkWidget *child;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &bg))
    gdk_rgba_parse (&bg, "#ffffff");
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "card_bg_color", &card))
    card = bg;
G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_push_clip (snapshot, &bounds);

  to_graph (self, 0, 0, &x0, &y0);
  to_graph (self, width, height, &x1, &y1);

  if (charter_graph_get_n_edges (self->graph) > 0)
    {
      int live[2];
      guint n_live = 0;

      ensure_edge_cache (self, &fg, &accent, x0, y0, x1, y1);
      {
        cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

        if (self->cache_zoom == self->zoom)
          /* Painting the kept surface at a whole-pixel offset is a plain
           * copy of the pixels in view. */
          cairo_set_source_surface (cr, self->edge_cache,
                                    round (self->cache_x * self->zoom + self->pan_x),
                                    round (self->cache_y * self->zoom + self->pan_y));
        else
          {
            /* Drawn at another zoom, stretched until the new one is ready. */
            cairo_translate (cr, self->cache_x * self->zoom + self->pan_x, self->cache_y * self->zoom + self->pan_y);
            cairo_scale (cr, self->zoom / self->cache_zoom, self->zoom / self->cache_zoom);
            cairo_set_source_surface (cr, self->edge_cache, 0, 0);
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
          }
        cairo_paint (cr);
        cairo_destroy (cr);
      }

      /* Drawn live: the arrows of the task being dragged or selected, and
       * those the shown surface leaves out while a new one is drawn. */
      if ((live[n_live] = live_node (self)) >= 0)
        n_live++;
      if (self->cache_skip >= 0 && self->cache_skip != live_node (self) &&
          (guint) self->cache_skip < charter_graph_get_n_nodes (self->graph))
        live[n_live++] = self->cache_skip;
      if (n_live > 0)
        {
          Arrows arrows = { 0, };
          double ax0 = G_MAXDOUBLE, ay0 = G_MAXDOUBLE, ax1 = -G_MAXDOUBLE, ay1 = -G_MAXDOUBLE;

          collect_arrows (self, &arrows, &fg, &accent, x0, y0, x1, y1, live, n_live, -1);
          for (guint k = 0; arrows.n > 0 && k < arrows.starts[arrows.n]; k++)
            {
              ax0 = MIN (ax0, arrows.points[k].x);
              ay0 = MIN (ay0, arrows.points[k].y);
              ax1 = MAX (ax1, arrows.points[k].x);
              ay1 = MAX (ay1, arrows.points[k].y);
            }
          if (arrows.n > 0)
            {
              /* A node no bigger than they are (curves bulge, heads and
               * lines have width), not one the size of the view. */
              double pad = 80 + 20 * arrows.line_scale;
              graphene_rect_t area = GRAPHENE_RECT_INIT ((ax0 - pad) * self->zoom + self->pan_x,
                                                         (ay0 - pad) * self->zoom + self->pan_y,
                                                         (ax1 - ax0 + 2 * pad) * self->zoom,
                                                         (ay1 - ay0 + 2 * pad) * self->zoom);

              if (graphene_rect_intersection (&area, &bounds, &area))
                {
                  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &area);

                  cairo_translate (cr, self->pan_x, self->pan_y);
                  cairo_scale (cr, self->zoom, self->zoom);
                  paint_arrows (cr, &arrows, x0, y0, x1, y1);
                  cairo_destroy (cr);
                }
            }
          arrows_clear (&arrows);
        }

      if (self->zoom > 0.3 && has_labels_in_view (self, x0, y0, x1, y1))
        {
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

          cairo_translate (cr, self->pan_x, self->pan_y);
          cairo_scale (cr, self->zoom, self->zoom);
          draw_labels (self, cr, &fg, &bg, x0, y0, x1, y1);
          cairo_destroy (cr);
        }
    }

  /* Only the tasks in view: a big plan stays cheap to pan. */
  for (guint i = 0; i < charter_graph_get_n_nodes (self->graph); i++)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, i);
      GtkWidget *task;

      if (node->x + node->width + CHARTER_GRAPH_HANDLE_RADIUS < x0 || node->x > x1 ||
          node->y + node->height < y0 || node->y > y1)
        continue;
      task = g_hash_table_lookup (self->widgets, g_ptr_array_index (self->task_ids, i));
      if (self->zoom >= OVERVIEW_ZOOM)
        gtk_widget_snapshot_child (widget, task, snapshot);
      else
        {
          /* Too small to read: a block in the team's colour, dark when
           * critical, is all that shows, and far cheaper than the widget. */
          graphene_rect_t r = GRAPHENE_RECT_INIT (node->x * self->zoom + self->pan_x,
                                                  node->y * self->zoom + self->pan_y,
                                                  node->width * self->zoom, node->height * self->zoom);
          gboolean critical = g_array_index (self->node_critical, gboolean, i);

          gtk_snapshot_append_color (snapshot, critical ? &fg : &card, &r);
          r.size.width = MAX (2, r.size.width * 0.2);
          gtk_snapshot_append_color (snapshot, &g_array_index (self->node_color, GdkRGBA, i), &r);
          if (gtk_widget_has_focus (task) || g_strcmp0 (self->selected_task, g_ptr_array_index (self->task_ids, i)) == 0)
            {
              GskRoundedRect outline;
              float w[4] = { 3, 3, 3, 3 };
              GdkRGBA c[4] = { accent, accent, accent, accent };

              r = GRAPHENE_RECT_INIT (node->x * self->zoom + self->pan_x - 4,
                                      node->y * self->zoom + self->pan_y - 4,
                                      node->width * self->zoom + 8, node->height * self->zoom + 8);
              gsk_rounded_rect_init_from_rect (&outline, &r, 0);
              gtk_snapshot_append_border (snapshot, &outline, w, c);
            }
        }
    }

  if (self->drag_mode == DRAG_LINK && self->drag_node >= 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      draw_link_band (self, cr, &accent);
      cairo_destroy (cr);
    }

  for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!CHARTER_IS_GRAPH_TASK (child) && !GTK_IS_POPOVER (child))
      gtk_widget_snapshot_child (widget, child, snapshot);

  gtk_snapshot_pop (snapshot);
}

/* Layout of the canvas itself */

static void
fit (CharterGraphCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double bx, by, bw, bh;
  double top = 72;   /* below the toolbar */

  if (width <= 0 || height <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;

  charter_graph_get_bounds (self->graph, &bx, &by, &bw, &bh);
  if (bw <= 0 || bh <= 0)
    {
      self->zoom = 1.0;
      self->pan_x = self->pan_y = 0;
    }
  else
    {
      self->zoom = CLAMP (MIN ((width - 48) / bw, (height - top - 24) / bh), MIN_ZOOM, 1.25);
      self->pan_x = (width - bw * self->zoom) / 2 - bx * self->zoom;
      self->pan_y = top + (height - top - 24 - bh * self->zoom) / 2 - by * self->zoom;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
zoom_at (CharterGraphCanvas *self,
         double              zoom,
         double              wx,
         double              wy)
{
  double gx, gy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  to_graph (self, wx, wy, &gx, &gy);
  self->zoom = zoom;
  self->pan_x = wx - gx * zoom;
  self->pan_y = wy - gy * zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
charter_graph_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  int tmin = 0, tnat = 0;

  gtk_widget_measure (self->toolbar, orientation, -1, &tmin, &tnat, NULL, NULL);
  *minimum = tmin + 24;
  *natural = MAX (tnat + 24, orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480);
}

static void
charter_graph_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  GtkRequisition tb, hint;

  if (self->sync_source != 0)
    do_sync (self);
  if (self->fit_pending)
    fit (self);

  for (guint i = 0; i < charter_graph_get_n_nodes (self->graph); i++)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, i);
      GtkWidget *task = g_hash_table_lookup (self->widgets, g_ptr_array_index (self->task_ids, i));
      GskTransform *transform = NULL;

      /* Allocated at its size on screen (not scaled by a transform) so that
       * accessibility tools see where the task really is; it scales its
       * drawing itself. */
      transform = gsk_transform_translate (transform,
                                           &GRAPHENE_POINT_INIT (round (node->x * self->zoom + self->pan_x),
                                                                 round (node->y * self->zoom + self->pan_y)));
      gtk_widget_allocate (task, MAX (1, round (node->width * self->zoom)),
                           MAX (1, round (node->height * self->zoom)), -1, transform);
    }

  gtk_widget_get_preferred_size (self->toolbar, NULL, &tb);
  gtk_widget_size_allocate (self->toolbar,
                            &(GtkAllocation) { MAX (12, width - tb.width - 12), 12,
                                               MIN (tb.width, width - 24), tb.height },
                            -1);

  gtk_widget_get_preferred_size (self->hint, NULL, &hint);
  gtk_widget_size_allocate (self->hint,
                            &(GtkAllocation) { (width - hint.width) / 2, (height - hint.height) / 2,
                                               hint.width, hint.height },
                            -1);

  if (gtk_widget_get_visible (self->teams_key))
    {
      GtkRequisition key_min, key;
      int key_width, key_height;

      /* Many teams, or a narrow window: the key wraps onto more lines
       * rather than hiding the last teams behind an ellipsis. */
      gtk_widget_get_preferred_size (self->teams_key, &key_min, &key);
      key_width = MAX (key_min.width, MIN (key.width, width - tb.width - 36));
      gtk_widget_measure (self->teams_key, GTK_ORIENTATION_VERTICAL, key_width, NULL, &key_height, NULL, NULL);
      gtk_widget_size_allocate (self->teams_key,
                                &(GtkAllocation) { 12, 12 + MAX (0, (tb.height - key_height) / 2),
                                                   key_width, key_height },
                                -1);
    }

  gtk_widget_get_preferred_size (self->legend, NULL, &hint);
  gtk_widget_size_allocate (self->legend,
                            &(GtkAllocation) { 12, MAX (0, height - hint.height - 12),
                                               MIN (hint.width, width - 24), hint.height },
                            -1);

  gtk_popover_present (self->popover);
}

/* Gestures */

static void
on_drag_begin_cb (GtkGestureDrag     *gesture,
                  double              x,
                  double              y,
                  CharterGraphCanvas *self)
{
  double gx, gy;
  guint index = 0;
  CharterGraphHit hit;

  if (self->sync_source != 0)
    do_sync (self);

  to_graph (self, x, y, &gx, &gy);
  hit = self->document ? charter_graph_hit_test (self->graph, gx, gy, &index) : CHARTER_GRAPH_HIT_NONE;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->pointer_x = x;
  self->pointer_y = y;
  self->drag_node = -1;
  self->drag_group_open = FALSE;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)) &&
      !(gtk_widget_get_focus_child (GTK_WIDGET (self)) &&
        CHARTER_IS_GRAPH_TASK (gtk_widget_get_focus_child (GTK_WIDGET (self)))))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  /* Picking the task to link to (after L). */
  if (self->link_source != NULL && (hit == CHARTER_GRAPH_HIT_NODE || hit == CHARTER_GRAPH_HIT_HANDLE))
    {
      g_autofree char *from = g_steal_pointer (&self->link_source);

      link_tasks (self, from, g_ptr_array_index (self->task_ids, index));
      self->drag_mode = DRAG_NONE;
      if (gesture != NULL)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  g_clear_pointer (&self->link_source, g_free);

  switch (hit)
    {
    case CHARTER_GRAPH_HIT_HANDLE:
      self->drag_mode = DRAG_LINK;
      self->drag_node = index;
      focus_task (self, g_ptr_array_index (self->task_ids, index));
      if (gesture != NULL)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      break;

    case CHARTER_GRAPH_HIT_NODE:
      {
        CharterGraphNode *node = charter_graph_get_node (self->graph, index);

        self->drag_mode = DRAG_MOVE;
        self->drag_node = index;
        self->drag_origin_x = node->x;
        self->drag_origin_y = node->y;
        focus_task (self, g_ptr_array_index (self->task_ids, index));
      }
      break;

    case CHARTER_GRAPH_HIT_EDGE:
      self->drag_mode = DRAG_NONE;
      select_dependency (self, g_ptr_array_index (self->dep_ids, index));
      break;

    case CHARTER_GRAPH_HIT_NONE:
    default:
      self->drag_mode = DRAG_PAN;
      self->drag_origin_x = self->pan_x;
      self->drag_origin_y = self->pan_y;
      break;
    }
}

static void
on_drag_update_cb (GtkGestureDrag     *gesture,
                   double              dx,
                   double              dy,
                   CharterGraphCanvas *self)
{
  self->pointer_x = self->drag_start_x + dx;
  self->pointer_y = self->drag_start_y + dy;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      self->pan_x = self->drag_origin_x + dx;
      self->pan_y = self->drag_origin_y + dy;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;

    case DRAG_MOVE:
      if (!self->drag_group_open)
        {
          g_autofree char *label = NULL;

          if (hypot (dx, dy) < 4)
            break;
          if (gesture != NULL)
            gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          /* Translators: an Undo menu item, "Move Backend API" */
          label = g_strdup_printf (_("Move %s"), task_name (self, g_ptr_array_index (self->task_ids, self->drag_node)));
          charter_document_begin_group (self->document, label);
          self->drag_group_open = TRUE;
        }
      move_task (self, g_ptr_array_index (self->task_ids, self->drag_node),
                 self->drag_origin_x + dx / self->zoom,
                 self->drag_origin_y + dy / self->zoom);
      /* Keep the picture under the pointer this frame, not the next idle. */
      do_sync (self);
      break;

    case DRAG_LINK:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_end_cb (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                CharterGraphCanvas *self)
{
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;

  switch (mode)
    {
    case DRAG_MOVE:
      if (self->drag_group_open)
        {
          self->drag_group_open = FALSE;
          charter_document_end_group (self->document);
        }
      break;

    case DRAG_LINK:
      {
        double gx, gy;
        guint target;
        CharterGraphHit hit;

        to_graph (self, self->drag_start_x + dx, self->drag_start_y + dy, &gx, &gy);
        hit = charter_graph_hit_test (self->graph, gx, gy, &target);
        if ((hit == CHARTER_GRAPH_HIT_NODE || hit == CHARTER_GRAPH_HIT_HANDLE) &&
            (int) target != self->drag_node)
          link_tasks (self,
                      g_ptr_array_index (self->task_ids, self->drag_node),
                      g_ptr_array_index (self->task_ids, target));
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_PAN:
      /* A click on the background clears the selection. */
      if (hypot (dx, dy) < 4)
        {
          select_task (self, NULL);
          select_dependency (self, NULL);
        }
      break;

    case DRAG_NONE:
    default:
      break;
    }
  self->drag_node = -1;
}

static void
on_drag_cancel_cb (GtkGesture         *gesture,
                   GdkEventSequence   *sequence,
                   CharterGraphCanvas *self)
{
  if (self->drag_mode == DRAG_MOVE && self->drag_group_open)
    {
      self->drag_group_open = FALSE;
      charter_document_cancel_group (self->document);
    }
  self->drag_mode = DRAG_NONE;
  self->drag_node = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_pressed_cb (GtkGestureClick    *gesture,
                     int                 n_press,
                     double              x,
                     double              y,
                     CharterGraphCanvas *self)
{
  double gx, gy;
  guint index;
  CharterGraphHit hit;

  if (n_press != 2 || self->document == NULL)
    return;

  to_graph (self, x, y, &gx, &gy);
  hit = charter_graph_hit_test (self->graph, gx, gy, &index);
  if (hit == CHARTER_GRAPH_HIT_NONE)
    gtk_widget_activate_action (GTK_WIDGET (self), "graph.add-task-at", "(dd)",
                                gx - TASK_W / 2, gy - TASK_H / 2);
  else if (hit != CHARTER_GRAPH_HIT_HANDLE)
    gtk_widget_activate_action (GTK_WIDGET (self), "graph.edit", NULL);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CharterGraphCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  double step = unit == GDK_SCROLL_UNIT_WHEEL ? 60 : 1;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_at (self, self->zoom * pow (1.15, -dy * (unit == GDK_SCROLL_UNIT_WHEEL ? 1 : 0.05)),
               self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  charter_graph_canvas_pan_by (self, -dx * step, -dy * step);
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CharterGraphCanvas       *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_zoom_begin_cb (GtkGesture         *gesture,
                  GdkEventSequence   *sequence,
                  CharterGraphCanvas *self)
{
  charter_graph_canvas_pinch (self, 0, 1.0, 0, 0);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom     *gesture,
                          double              scale,
                          CharterGraphCanvas *self)
{
  GdkEventSequence *sequence = gtk_gesture_get_last_updated_sequence (GTK_GESTURE (gesture));
  double x, y;

  /* Between the fingers; the middle of the view when the gesture has no
   * event to say (emitted by hand: GTK 4.8's bounding box centre then
   * raises a critical on the missing event). */
  if (gtk_gesture_get_last_event (GTK_GESTURE (gesture), sequence) == NULL ||
      !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  charter_graph_canvas_pinch (self, 1, scale, x, y);
}

static void
on_document_changed_cb (CharterGraphCanvas *self,
                        CharterDocument    *document)
{
  queue_sync (self, FALSE);
}

static void
on_collection_items_changed_cb (CharterGraphCanvas *self,
                                guint               position,
                                guint               removed,
                                guint               added,
                                GListModel         *model)
{
  queue_sync (self, TRUE);
}

static void
on_schedule_notify_cb (CharterGraphCanvas *self,
                       GParamSpec         *pspec,
                       CharterScheduler   *scheduler)
{
  queue_sync (self, FALSE);
}

static void
on_toast_undo (CharterGraphCanvas *self)
{
  CharterHistory *history;

  if (self->document == NULL || self->undo_label == NULL)
    return;
  history = charter_document_get_history (self->document);
  /* Only the step the toast announced, not whatever came after it. */
  if (g_strcmp0 (charter_history_get_undo_label (history), self->undo_label) == 0)
    charter_document_undo (self->document);
  g_clear_pointer (&self->undo_label, g_free);
}

/* Actions */

static void
action_add_task (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  g_autofree char *id = NULL;

  if (self->document == NULL)
    return;

  if (parameter != NULL)
    {
      double x, y;

      g_variant_get (parameter, "(dd)", &x, &y);
      id = add_task_at (self, TRUE, x, y);
    }
  else
    id = add_task_at (self, FALSE, 0, 0);

  do_sync (self);
  focus_task (self, id);
  if (gtk_widget_get_mapped (widget))
    open_editor (self);
}

static void
action_link (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;

  if (self->document == NULL || self->selected_task == NULL)
    {
      show_message (self, _("Select the task to link from first"), NULL);
      return;
    }

  if (target[0] != '\0')
    {
      link_tasks (self, self->selected_task, target);
      return;
    }

  /* No target yet: the next task picked (click, or arrows then Enter) is it. */
  g_free (self->link_source);
  self->link_source = g_strdup (self->selected_task);
  message = g_strdup_printf (_("Pick the task that depends on “%s”"), task_name (self, self->link_source));
  show_message (self, message, NULL);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  g_autofree char *message = NULL;
  CharterItem *item = NULL;
  GListModel *collection = NULL;

  if (self->document == NULL)
    return;

  if (self->selected_task != NULL)
    {
      item = CHARTER_ITEM (find_task (self, self->selected_task));
      collection = tasks_of (self);
      if (item)
        message = g_strdup_printf (_("Deleted “%s”"), charter_item_get_display_name (item));
    }
  else if (self->selected_dep != NULL)
    {
      CharterDependency *dep = find_dep (self, self->selected_dep);

      item = CHARTER_ITEM (dep);
      collection = deps_of (self);
      if (dep)
        message = g_strdup_printf (_("Deleted the link “%s” → “%s”"),
                                   task_name (self, charter_dependency_get_predecessor (dep)),
                                   task_name (self, charter_dependency_get_successor (dep)));
    }

  if (item == NULL)
    return;

  /* Delete with a task still under the pointer: the move so far is one
   * step, the deletion another (and the toast's Undo takes back the latter). */
  if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_LINK)
    end_drag (self);
  gtk_popover_popdown (self->popover);
  charter_document_remove (self->document, collection, item);
  select_task (self, NULL);
  select_dependency (self, NULL);
  show_message (self, message,
                charter_history_get_undo_label (charter_document_get_history (self->document)));
}

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_toast_undo (CHARTER_GRAPH_CANVAS (widget));
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  /* Enter completes a keyboard link when one is waiting. */
  if (self->link_source != NULL && self->selected_task != NULL)
    {
      g_autofree char *from = g_steal_pointer (&self->link_source);

      link_tasks (self, from, self->selected_task);
      return;
    }
  open_editor (self);
}

static void
action_arrange (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  GListModel *tasks;
  guint n;

  if (self->document == NULL)
    return;

  tasks = tasks_of (self);
  n = g_list_model_get_n_items (tasks);
  charter_document_begin_group (self->document, _("Arrange the graph"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

      if (charter_task_get_positioned (task))
        charter_document_set (self->document, task, "positioned", FALSE, NULL);
    }
  charter_document_end_group (self->document);

  queue_sync (self, TRUE);
  do_sync (self);
  fit (self);
}

static void
action_fit (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  if (self->sync_source != 0)
    do_sync (self);
  fit (self);
}

static void
action_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  double factor = g_str_equal (action_name, "graph.zoom-in") ? 1.25 : 0.8;

  zoom_at (self, self->zoom * factor,
           gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
action_select (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->sync_source != 0)
    do_sync (self);
  if (find_task (self, id) != NULL)
    focus_task (self, id);
  else if (find_dep (self, id) != NULL)
    select_dependency (self, id);
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  const char *id;
  double x, y;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(&sdd)", &id, &x, &y);
  move_task (self, id, x, y);
}

static void
action_select_neighbour (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  int dx, dy;
  int from, to;

  if (self->sync_source != 0)
    do_sync (self);
  if (charter_graph_get_n_nodes (self->graph) == 0)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  from = node_of (self, self->selected_task);
  if (from < 0)
    to = 0;
  else
    to = charter_graph_find_neighbour (self->graph, from, dx, dy);
  if (to >= 0)
    focus_task (self, g_ptr_array_index (self->task_ids, to));
}

static void
action_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  if (self->drag_mode == DRAG_MOVE && self->drag_group_open)
    {
      /* Escape during a drag puts the task back. */
      self->drag_group_open = FALSE;
      self->drag_mode = DRAG_NONE;
      charter_document_cancel_group (self->document);
      return;
    }
  if (self->link_source != NULL)
    {
      g_clear_pointer (&self->link_source, g_free);
      return;
    }
  select_task (self, NULL);
  select_dependency (self, NULL);
}

/* GObject and GtkWidget */

static void
charter_graph_canvas_set_focus_child (GtkWidget *widget,
                                      GtkWidget *child)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  GTK_WIDGET_CLASS (charter_graph_canvas_parent_class)->set_focus_child (widget, child);

  /* Tab onto a task selects it, as a click would. */
  if (child != NULL && CHARTER_IS_GRAPH_TASK (child))
    {
      const char *id = charter_graph_task_get_task_id (CHARTER_GRAPH_TASK (child));

      if (g_strcmp0 (id, self->selected_task) != 0)
        {
          select_task (self, id);
          ensure_visible (self, node_of (self, id));
        }
    }
}

static void
charter_graph_canvas_realize (GtkWidget *widget)
{
  charter_style_ensure (gtk_widget_get_display (widget));

  GTK_WIDGET_CLASS (charter_graph_canvas_parent_class)->realize (widget);
}

static void
charter_graph_canvas_dispose (GObject *object)
{
  CharterGraphCanvas *self = (CharterGraphCanvas *) object;
  GtkWidget *child;

  charter_graph_canvas_set_document (self, NULL);
  charter_graph_canvas_set_scheduler (self, NULL);
  g_clear_handle_id (&self->sync_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->toolbar = NULL;
  self->hint = NULL;
  self->legend = NULL;
  self->teams_key = NULL;
  self->popover = NULL;
  g_clear_pointer (&self->widgets, g_hash_table_unref);

  G_OBJECT_CLASS (charter_graph_canvas_parent_class)->dispose (object);
}

static void
charter_graph_canvas_finalize (GObject *object)
{
  CharterGraphCanvas *self = (CharterGraphCanvas *) object;

  g_clear_pointer (&self->graph, charter_graph_free);
  g_clear_pointer (&self->task_ids, g_ptr_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->dep_ids, g_ptr_array_unref);
  g_clear_pointer (&self->node_critical, g_array_unref);
  g_clear_pointer (&self->node_color, g_array_unref);
  g_clear_pointer (&self->related, g_array_unref);
  g_clear_pointer (&self->selected_task, g_free);
  g_clear_pointer (&self->selected_dep, g_free);
  g_clear_pointer (&self->link_source, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_object (&self->label_layout);
  g_clear_pointer (&self->edge_labels, g_ptr_array_unref);
  g_clear_pointer (&self->edge_cache, cairo_surface_destroy);
  g_clear_pointer (&self->spare_cache, cairo_surface_destroy);
  /* A drawing still running in a worker finishes on its own: it only
   * holds a weak reference to the canvas. */
  g_clear_pointer (&self->arrow_job, arrow_job_unref);

  G_OBJECT_CLASS (charter_graph_canvas_parent_class)->finalize (object);
}

static void
charter_graph_canvas_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;

    case PROP_SELECTED_TASK:
      g_value_set_string (value, self->selected_task);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_graph_canvas_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_graph_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_SCHEDULER:
      charter_graph_canvas_set_scheduler (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_graph_canvas_class_init (CharterGraphCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_graph_canvas_dispose;
  object_class->finalize = charter_graph_canvas_finalize;
  object_class->get_property = charter_graph_canvas_get_property;
  object_class->set_property = charter_graph_canvas_set_property;

  widget_class->measure = charter_graph_canvas_measure;
  widget_class->size_allocate = charter_graph_canvas_size_allocate;
  widget_class->snapshot = charter_graph_canvas_snapshot;
  widget_class->realize = charter_graph_canvas_realize;
  widget_class->set_focus_child = charter_graph_canvas_set_focus_child;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL,
                         CHARTER_TYPE_SCHEDULER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_TASK] =
    g_param_spec_string ("selected-task", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "graph.add-task", NULL, action_add_task);
  gtk_widget_class_install_action (widget_class, "graph.add-task-at", "(dd)", action_add_task);
  gtk_widget_class_install_action (widget_class, "graph.link", "s", action_link);
  gtk_widget_class_install_action (widget_class, "graph.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "graph.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "graph.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "graph.arrange", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "graph.fit", NULL, action_fit);
  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "graph.select", "s", action_select);
  gtk_widget_class_install_action (widget_class, "graph.move", "(sdd)", action_move);
  gtk_widget_class_install_action (widget_class, "graph.select-neighbour", "(ii)", action_select_neighbour);
  gtk_widget_class_install_action (widget_class, "graph.cancel", NULL, action_cancel);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "graph.select-neighbour", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "graph.select-neighbour", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "graph.select-neighbour", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "graph.select-neighbour", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "graph.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "graph.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "graph.link", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "graph.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "graph.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "graph.add-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "graph.add-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "graph.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "graph.cancel", NULL);

  gtk_widget_class_set_css_name (widget_class, "graphcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *tooltip,
             const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  if (label != NULL)
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  {
    /* The accessible name is the label without its mnemonic underscore. */
    g_autoptr(GString) name = g_string_new (label ? label : tooltip);

    g_string_replace (name, "_", "", 1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                    -1);
  }
  return button;
}

static void
charter_graph_canvas_init (CharterGraphCanvas *self)
{
  GtkGesture *drag, *click, *zoom;
  GtkEventController *scroll, *motion;
  PangoFontDescription *desc;

  charter_style_ensure (gdk_display_get_default ());

  self->graph = charter_graph_new ();
  self->task_ids = g_ptr_array_new_with_free_func (g_free);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->dep_ids = g_ptr_array_new_with_free_func (g_free);
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->node_critical = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->node_color = g_array_new (FALSE, TRUE, sizeof (GdkRGBA));
  self->related = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->zoom = 1.0;
  self->drag_node = -1;
  self->fit_pending = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dependency graph"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Tasks and their dependencies. Arrow keys move between tasks, "
                                    "Enter edits, L links to the next task picked, Delete deletes."),
                                  -1);

  self->edge_labels = g_ptr_array_new_with_free_func (g_free);
  self->cache_skip = -1;
  self->label_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  desc = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (desc, 14 * PANGO_SCALE);
  pango_layout_set_font_description (self->label_layout, desc);
  pango_font_description_free (desc);

  /* The toolbar floats in the top right corner of the canvas. */
  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->toolbar, "graph-toolbar");
  gtk_box_append (GTK_BOX (self->toolbar),
                  make_button ("list-add-symbolic", _("_Add Task"), _("Add a task (N)"), "graph.add-task"));
  gtk_box_append (GTK_BOX (self->toolbar),
                  make_button ("view-grid-symbolic", _("A_rrange"),
                               _("Lay the graph out again, forgetting hand-placed positions"), "graph.arrange"));
  gtk_box_append (GTK_BOX (self->toolbar),
                  make_button ("zoom-out-symbolic", NULL, _("Zoom out (−)"), "graph.zoom-out"));
  gtk_box_append (GTK_BOX (self->toolbar),
                  make_button ("zoom-in-symbolic", NULL, _("Zoom in (+)"), "graph.zoom-in"));
  gtk_box_append (GTK_BOX (self->toolbar),
                  make_button ("zoom-fit-best-symbolic", _("_Fit"), _("Fit the graph to the window (Ctrl+0)"), "graph.fit"));
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  self->hint = gtk_label_new (_("No tasks yet. Double-click anywhere to add one."));
  gtk_widget_add_css_class (self->hint, "title-2");
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_set_parent (self->hint, GTK_WIDGET (self));

  /* How to shape the plan, always in view for a workshop. */
  self->legend = gtk_label_new (_("Drag a task’s ◉ handle onto another task to link them · "
                                  "Double-click empty space to add a task · "
                                  "Select a task to see what it depends on and what depends on it"));
  gtk_label_set_wrap (GTK_LABEL (self->legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->legend), 0);
  gtk_widget_add_css_class (self->legend, "graph-legend");
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));

  self->teams_key = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->teams_key), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->teams_key), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->teams_key, "graph-legend");
  gtk_widget_add_css_class (self->teams_key, "graph-teams");
  gtk_widget_set_visible (self->teams_key, FALSE);
  gtk_widget_set_parent (self->teams_key, GTK_WIDGET (self));

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.edit", FALSE);
}

GtkWidget *
charter_graph_canvas_new (void)
{
  return g_object_new (CHARTER_TYPE_GRAPH_CANVAS, NULL);
}

CharterDocument *
charter_graph_canvas_get_document (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return self->document;
}

void
charter_graph_canvas_set_document (CharterGraphCanvas *self,
                                   CharterDocument    *document)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));
  g_return_if_fail (document == NULL || CHARTER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tasks_of (self), self);
      g_signal_handlers_disconnect_by_data (deps_of (self), self);
    }

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  /* A drag belongs to the old document: take it back there. */
  if (self->drag_mode == DRAG_MOVE && self->drag_group_open)
    charter_document_cancel_group (self->document);
  self->drag_group_open = FALSE;
  self->drag_mode = DRAG_NONE;
  self->drag_node = -1;
  g_set_object (&self->document, document);
  g_clear_pointer (&self->selected_task, g_free);
  g_clear_pointer (&self->selected_dep, g_free);
  g_clear_pointer (&self->link_source, g_free);

  if (document != NULL)
    {
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (charter_document_get_tasks (document), "items-changed",
                               G_CALLBACK (on_collection_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (charter_document_get_dependencies (document), "items-changed",
                               G_CALLBACK (on_collection_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->graph != NULL)
    {
      self->structure_dirty = TRUE;
      do_sync (self);
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GObject *
charter_graph_canvas_get_scheduler (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return G_OBJECT (self->scheduler);
}

void
charter_graph_canvas_set_scheduler (CharterGraphCanvas *self,
                                    GObject            *scheduler)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));
  g_return_if_fail (scheduler == NULL || CHARTER_IS_SCHEDULER (scheduler));

  if ((GObject *) self->scheduler == scheduler)
    return;

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, (CharterScheduler *) scheduler);
  if (self->scheduler != NULL)
    g_signal_connect_object (self->scheduler, "notify::schedule",
                             G_CALLBACK (on_schedule_notify_cb), self, G_CONNECT_SWAPPED);

  if (self->graph != NULL)
    queue_sync (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

const char *
charter_graph_canvas_get_selected_task (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return self->selected_task;
}

const char *
charter_graph_canvas_get_selected_dependency (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return self->selected_dep;
}

/* The last thing the canvas told the user (a refused link, a deletion). */
const char *
charter_graph_canvas_get_message (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return self->message;
}

double
charter_graph_canvas_get_zoom (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), 1.0);

  return self->zoom;
}

void
charter_graph_canvas_sync (CharterGraphCanvas *self)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  if (self->sync_source != 0 || self->structure_dirty)
    do_sync (self);
}

/**
 * charter_graph_canvas_drag:
 * @self: a #CharterGraphCanvas
 * @phase: 0 to begin at (@x, @y), 1 to move by (@x, @y) from the start, 2 to end there
 * @x: widget x, or offset from the start
 * @y: widget y, or offset from the start
 *
 * Runs the canvas's own drag handling without a pointer, for tests and the
 * benchmark: the same code a real drag runs.
 */
void
charter_graph_canvas_drag (CharterGraphCanvas *self,
                           int                 phase,
                           double              x,
                           double              y)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  if (phase == 0)
    on_drag_begin_cb (NULL, x, y, self);
  else if (phase == 1)
    on_drag_update_cb (NULL, x, y, self);
  else
    on_drag_end_cb (NULL, x, y, self);
}

/**
 * charter_graph_canvas_pinch:
 * @self: a #CharterGraphCanvas
 * @phase: 0 when the fingers touch, 1 when the distance between them changes
 * @scale: that distance over the distance when they touched (phase 1)
 * @x: widget x of the point between the fingers (phase 1)
 * @y: widget y of that point
 *
 * The canvas's pinch zoom, what its GtkGestureZoom calls, for tests: the
 * zoom becomes the zoom when the fingers touched times @scale, within the
 * canvas's limits, and the part of the plan under (@x, @y) stays there.
 */
void
charter_graph_canvas_pinch (CharterGraphCanvas *self,
                            int                 phase,
                            double              scale,
                            double              x,
                            double              y)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  if (phase == 0)
    self->zoom_start = self->zoom;
  else if (scale > 0 && isfinite (scale))
    zoom_at (self, self->zoom_start * scale, x, y);
}

CharterGraph *
charter_graph_canvas_get_graph (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return self->graph;
}

int
charter_graph_canvas_get_node_index (CharterGraphCanvas *self,
                                     const char         *task_id)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), -1);

  return node_of (self, task_id);
}

GtkWidget *
charter_graph_canvas_get_task_widget (CharterGraphCanvas *self,
                                      const char         *task_id)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), NULL);

  return g_hash_table_lookup (self->widgets, task_id);
}

void
charter_graph_canvas_graph_to_widget (CharterGraphCanvas *self,
                                      double              gx,
                                      double              gy,
                                      double             *wx,
                                      double             *wy)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  *wx = gx * self->zoom + self->pan_x;
  *wy = gy * self->zoom + self->pan_y;
}

void
charter_graph_canvas_pan_by (CharterGraphCanvas *self,
                             double              dx,
                             double              dy)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  self->pan_x += dx;
  self->pan_y += dy;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
