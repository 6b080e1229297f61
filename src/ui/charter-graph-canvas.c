/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-canvas.c: the plan's dependency graph as a canvas.
 *
 * Geometry (layout, routes, hit testing) is charter-graph-layout.c; this file
 * keeps it in step with the document and the schedule, places one
 * CharterGraphTask widget per task (so that tasks are accessible and
 * focusable) and holds the canvas's GObject side and public API. Drawing is
 * charter-graph-canvas-draw.c (the arrows kept in a surface that a worker
 * thread, charter-graph-arrows.c, redraws when only their look changes, so
 * that a press or the start of a drag never waits for 3,000 arrows);
 * gestures, drags, linking and keys are -input.c; the graph.* actions are
 * -actions.c. Every edit goes through CharterDocument, so it is undoable; a
 * drag is one group. Nothing here keeps its own copy of document state: the
 * graph is rebuilt from the document when it changes. */

#define G_LOG_DOMAIN "charter-graph-canvas"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-dependency-editor.h"
#include "charter-graph-canvas-private.h"
#include "charter-task-editor.h"
#include "charter-style.h"
#include "charter-team-color.h"

G_DEFINE_FINAL_TYPE (CharterGraphCanvas, charter_graph_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_SELECTED_TASK,
  PROP_ZOOM,
  PROP_LAYING_OUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

GListModel *
_charter_graph_canvas_tasks_of (CharterGraphCanvas *self)
{
  return charter_document_get_tasks (self->document);
}

GListModel *
_charter_graph_canvas_deps_of (CharterGraphCanvas *self)
{
  return charter_document_get_dependencies (self->document);
}

CharterTask *
_charter_graph_canvas_find_task (CharterGraphCanvas *self,
           const char         *id)
{
  if (self->document == NULL || id == NULL)
    return NULL;
  return charter_document_find (self->document, _charter_graph_canvas_tasks_of (self), id);
}

CharterDependency *
_charter_graph_canvas_find_dep (CharterGraphCanvas *self,
          const char         *id)
{
  if (self->document == NULL || id == NULL)
    return NULL;
  return charter_document_find (self->document, _charter_graph_canvas_deps_of (self), id);
}

int
_charter_graph_canvas_node_of (CharterGraphCanvas *self,
         const char         *task_id)
{
  if (task_id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->node_index, task_id)) - 1;
}

/* The node whose arrows are drawn live rather than kept: the one being
 * dragged, else the selected one (so that a drag starting on it finds the
 * kept arrows already without it). */
int
_charter_graph_canvas_live_node (CharterGraphCanvas *self)
{
  if (self->drag_mode == DRAG_MOVE && self->drag_node >= 0)
    return self->drag_node;
  return _charter_graph_canvas_node_of (self, self->selected_task);
}

const char *
_charter_graph_canvas_task_name (CharterGraphCanvas *self,
           const char         *task_id)
{
  CharterTask *task = _charter_graph_canvas_find_task (self, task_id);

  return task ? charter_item_get_display_name (CHARTER_ITEM (task)) : task_id;
}

void
_charter_graph_canvas_to_graph (CharterGraphCanvas *self,
          double              wx,
          double              wy,
          double             *gx,
          double             *gy)
{
  *gx = (wx - self->pan_x) / self->zoom;
  *gy = (wy - self->pan_y) / self->zoom;
}

void
_charter_graph_canvas_show_message (CharterGraphCanvas *self,
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
                                   G_CALLBACK (_charter_graph_canvas_on_toast_undo), self, G_CONNECT_SWAPPED);
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

/* How a task widget shows the selection: selected, related to it, or
 * faded. */
static void
style_task_widget (CharterGraphCanvas *self,
                   GtkWidget          *widget,
                   guint               index)
{
  int start = _charter_graph_canvas_node_of (self, self->selected_task);
  gboolean related = index < self->related->len && g_array_index (self->related, gboolean, index);

  if (start >= 0 && (int) index == start)
    gtk_widget_add_css_class (widget, "selected");
  else
    gtk_widget_remove_css_class (widget, "selected");
  if (related && (int) index != start)
    gtk_widget_add_css_class (widget, "related");
  else
    gtk_widget_remove_css_class (widget, "related");
  gtk_widget_set_opacity (widget, start < 0 || related ? 1.0 : 0.35);
}

/* Which tasks the selected one depends on, and which depend on it,
 * transitively: one walk each way along the edges, O(tasks + dependencies). */
static void
update_related (CharterGraphCanvas *self)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  guint m = charter_graph_get_n_edges (self->graph);
  int start = _charter_graph_canvas_node_of (self, self->selected_task);
  GHashTableIter iter;
  gpointer value;

  g_array_set_size (self->related, n);
  /* An empty GArray has no data: memset (NULL, …) is undefined even for 0 bytes. */
  if (n > 0)
    memset (self->related->data, 0, sizeof (gboolean) * n);

  if (start >= 0)
    {
      /* Edges by the node they leave (out) and the node they reach (in). */
      g_autofree guint *out_start = g_new0 (guint, n + 1);
      g_autofree guint *in_start = g_new0 (guint, n + 1);
      g_autofree guint *out_to = g_new (guint, MAX (m, 1));
      g_autofree guint *in_from = g_new (guint, MAX (m, 1));
      g_autofree guint *stack = g_new (guint, n);
      g_autofree gboolean *seen = g_new0 (gboolean, n);

      for (guint e = 0; e < m; e++)
        {
          CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);

          out_start[edge->from + 1]++;
          in_start[edge->to + 1]++;
        }
      for (guint i = 0; i < n; i++)
        {
          out_start[i + 1] += out_start[i];
          in_start[i + 1] += in_start[i];
        }
      {
        g_autofree guint *out_fill = g_memdup2 (out_start, sizeof (guint) * n);
        g_autofree guint *in_fill = g_memdup2 (in_start, sizeof (guint) * n);

        for (guint e = 0; e < m; e++)
          {
            CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);

            out_to[out_fill[edge->from]++] = edge->to;
            in_from[in_fill[edge->to]++] = edge->from;
          }
      }

      for (int way = 0; way < 2; way++)
        {
          const guint *first = way == 0 ? out_start : in_start;
          const guint *next = way == 0 ? out_to : in_from;
          guint depth = 0;

          memset (seen, 0, sizeof (gboolean) * n);
          seen[start] = TRUE;
          stack[depth++] = start;
          while (depth > 0)
            {
              guint v = stack[--depth];

              g_array_index (self->related, gboolean, v) = TRUE;
              for (guint k = first[v]; k < first[v + 1]; k++)
                if (!seen[next[k]])
                  {
                    seen[next[k]] = TRUE;
                    stack[depth++] = next[k];
                  }
            }
        }
    }

  /* Only the tasks that have a widget: those in view. */
  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int index = _charter_graph_canvas_node_of (self, charter_graph_task_get_task_id (value));

      if (index >= 0)
        style_task_widget (self, value, index);
    }
}

/* One direction of the link index, by counting sort: node i's neighbours
 * are nodes[start[i] .. start[i + 1]). */
static void
index_direction (CharterGraph *graph,
                 gboolean      predecessors,
                 GArray       *start,
                 GArray       *nodes)
{
  guint n = charter_graph_get_n_nodes (graph);
  guint m = charter_graph_get_n_edges (graph);
  g_autofree guint *fill = g_new0 (guint, n + 1);

  g_array_set_size (start, n + 1);
  memset (start->data, 0, (n + 1) * sizeof (guint));
  g_array_set_size (nodes, m);
  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (graph, e);

      g_array_index (start, guint, (predecessors ? edge->to : edge->from) + 1)++;
    }
  for (guint i = 0; i < n; i++)
    g_array_index (start, guint, i + 1) += g_array_index (start, guint, i);
  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (graph, e);
      guint owner = predecessors ? edge->to : edge->from;
      guint other = predecessors ? edge->from : edge->to;

      g_array_index (nodes, guint, g_array_index (start, guint, owner) + fill[owner]++) = other;
    }
}

static void
index_links (CharterGraphCanvas *self)
{
  index_direction (self->graph, TRUE, self->pred_start, self->pred_nodes);
  index_direction (self->graph, FALSE, self->succ_start, self->succ_nodes);
}

/* Names the neighbours of node @index in one direction: "A, B and 3 more". */
static void
append_neighbours (CharterGraphCanvas *self,
                   GString            *text,
                   GArray             *start,
                   GArray             *nodes,
                   guint               index)
{
  const guint shown = 4;
  guint first = g_array_index (start, guint, index);
  guint count = g_array_index (start, guint, index + 1) - first;

  for (guint k = 0; k < count && k < shown; k++)
    {
      const char *id = g_ptr_array_index (self->task_ids, g_array_index (nodes, guint, first + k));
      CharterTask *task = _charter_graph_canvas_find_task (self, id);

      if (k > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "“%s”", task ? charter_task_get_name (task) : id);
    }
  if (count > shown)
    g_string_append_printf (text,
                            /* Translators: after a list of task names, "and 3 more" */
                            g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", count - shown),
                            count - shown);
}

/* What the arrows of node @index say, for the screen reader (the arrows
 * themselves are drawn, not widgets): "after “Design”; before “API”". */
static char *
links_text (CharterGraphCanvas *self,
            guint               index)
{
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(GString) before = g_string_new (NULL);

  if (index + 1 >= self->pred_start->len || index + 1 >= self->succ_start->len)
    return NULL;
  append_neighbours (self, after, self->pred_start, self->pred_nodes, index);
  append_neighbours (self, before, self->succ_start, self->succ_nodes, index);
  if (after->len > 0 && before->len > 0)
    /* Translators: a task's links: the tasks it waits for, then those that wait for it */
    return g_strdup_printf (_("after %s; before %s"), after->str, before->str);
  if (after->len > 0)
    return g_strdup_printf (_("after %s"), after->str);
  if (before->len > 0)
    return g_strdup_printf (_("before %s"), before->str);
  return g_strdup (_("no dependencies"));
}

/* What the widget of the task at node @index shows. */
static void
update_task_widget (CharterGraphCanvas *self,
                    CharterGraphTask   *widget,
                    guint               index)
{
  CharterSchedule *schedule = current_schedule (self);
  const char *id = g_ptr_array_index (self->task_ids, index);
  CharterTask *task = _charter_graph_canvas_find_task (self, id);
  CharterTeam *team;
  const CharterTaskDates *dates = schedule ? charter_schedule_get_task_dates (schedule, id) : NULL;
  CharterGraphTaskInfo info = { 0, };
  g_autofree char *links = NULL;
  char buffer[80];

  if (task == NULL)
    return;
  team = charter_document_find (self->document, charter_document_get_teams (self->document),
                                charter_task_get_team_id (task));
  info.name = charter_task_get_name (task);
  info.team_name = team ? charter_team_get_name (team) : NULL;
  info.team_color = g_array_index (self->node_color, GdkRGBA, index);
  info.duration = charter_task_get_duration (task);
  info.milestone = charter_task_get_milestone (task);
  info.in_cycle = charter_graph_get_node (self->graph, index)->in_cycle;
  if (dates != NULL)
    {
      format_dates (task, dates, buffer, sizeof buffer);
      info.dates = buffer[0] ? buffer : NULL;
      info.critical = dates->critical;
      info.missed_deadline = dates->missed_deadline;
    }
  links = links_text (self, index);
  info.links = links;
  charter_graph_task_update (widget, &info);
}

/* Hands the widget back to the pool of spare ones. */
static void
release_task_widget (CharterGraphCanvas *self,
                     GtkWidget          *widget)
{
  const char *id = charter_graph_task_get_task_id (CHARTER_GRAPH_TASK (widget));

  if (id != NULL)
    g_hash_table_remove (self->widgets, id);
  charter_graph_task_set_task_id (CHARTER_GRAPH_TASK (widget), NULL);
  gtk_widget_set_child_visible (widget, FALSE);
  g_ptr_array_add (self->spare_tasks, widget);
  self->widgets_reordered = FALSE;
}

/* Gives the task at node @index a widget, a spare one when there is one. */
static GtkWidget *
assign_task_widget (CharterGraphCanvas *self,
                    guint               index)
{
  const char *id = g_ptr_array_index (self->task_ids, index);
  GtkWidget *widget = g_hash_table_lookup (self->widgets, id);

  if (widget != NULL)
    return widget;

  if (self->spare_tasks->len > 0)
    widget = g_ptr_array_steal_index_fast (self->spare_tasks, self->spare_tasks->len - 1);
  else
    {
      widget = charter_graph_task_new (NULL);
      /* Before the toolbar, so that Tab walks the tasks first. */
      gtk_widget_insert_before (widget, GTK_WIDGET (self), self->toolbar);
      g_ptr_array_add (self->task_pool, widget);
    }
  charter_graph_task_set_task_id (CHARTER_GRAPH_TASK (widget), id);
  g_hash_table_insert (self->widgets, g_strdup (id), widget);
  gtk_widget_set_child_visible (widget, TRUE);
  if (index < self->node_color->len)
    update_task_widget (self, CHARTER_GRAPH_TASK (widget), index);
  style_task_widget (self, widget, index);
  self->widgets_reordered = FALSE;
  return widget;
}

static int
compare_by_node (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CharterGraphCanvas *self = user_data;
  int na = _charter_graph_canvas_node_of (self, charter_graph_task_get_task_id (*(CharterGraphTask **) a));
  int nb = _charter_graph_canvas_node_of (self, charter_graph_task_get_task_id (*(CharterGraphTask **) b));

  return na - nb;
}

/* At most this many widgets when zoomed out so far that tasks are drawn as
 * blocks (they are not readable then, and the keyboard and search still
 * reach every task). */
#define MAX_OVERVIEW_WIDGETS 400

/**
 * _charter_graph_canvas_sync_task_widgets:
 * @self: the canvas
 *
 * Keeps widgets only for the tasks in view (and a little around it), the
 * selected task and the focused one, as the Timeline recycles its bars:
 * work per frame and per sync grows with what is in view, not with the
 * plan. Widgets of tasks that left the view go to the next tasks that come
 * into it; their order among the children follows the document's, so that
 * Tab walks the tasks in view in order.
 */
void
_charter_graph_canvas_sync_task_widgets (CharterGraphCanvas *self)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  int selected = _charter_graph_canvas_node_of (self, self->selected_task);
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  int focused = -1;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);

  if (focus != NULL && CHARTER_IS_GRAPH_TASK (focus))
    focused = _charter_graph_canvas_node_of (self, charter_graph_task_get_task_id (CHARTER_GRAPH_TASK (focus)));

  /* Before a plan's first layout there are no places to show tasks at. */
  if (!self->layout_placed)
    selected = focused = -1;
  if (width > 0 && height > 0 && n > 0 && self->layout_placed)
    {
      double x0, y0, x1, y1, mx, my;

      _charter_graph_canvas_to_graph (self, 0, 0, &x0, &y0);
      _charter_graph_canvas_to_graph (self, width, height, &x1, &y1);
      /* A margin, so that panning a little does not hand widgets on. */
      mx = (x1 - x0) / 4;
      my = (y1 - y0) / 4;
      x0 -= mx;
      x1 += mx;
      y0 -= my;
      y1 += my;
      for (guint i = 0; i < n; i++)
        {
          CharterGraphNode *node = charter_graph_get_node (self->graph, i);

          if (node->x + node->width + CHARTER_GRAPH_HANDLE_RADIUS >= x0 && node->x <= x1 &&
              node->y + node->height >= y0 && node->y <= y1)
            g_array_append_val (wanted, i);
        }
      if (self->zoom < OVERVIEW_ZOOM && wanted->len > MAX_OVERVIEW_WIDGETS)
        g_array_set_size (wanted, 0);
    }
  if (selected >= 0)
    g_array_append_val (wanted, selected);
  if (focused >= 0)
    g_array_append_val (wanted, focused);

  for (guint k = 0; k < wanted->len; k++)
    g_hash_table_add (keep, g_ptr_array_index (self->task_ids, g_array_index (wanted, guint, k)));

  /* Widgets whose task left the view (or the plan) are handed on. */
  for (guint k = 0; k < self->task_pool->len; k++)
    {
      GtkWidget *widget = g_ptr_array_index (self->task_pool, k);
      const char *id = charter_graph_task_get_task_id (CHARTER_GRAPH_TASK (widget));

      if (id != NULL && !g_hash_table_contains (keep, id))
        release_task_widget (self, widget);
    }
  for (guint k = 0; k < wanted->len; k++)
    assign_task_widget (self, g_array_index (wanted, guint, k));

  if (!self->widgets_reordered)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer value;
      GtkWidget *previous = NULL;

      g_hash_table_iter_init (&iter, self->widgets);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (shown, value);
      g_ptr_array_sort_with_data (shown, compare_by_node, self);
      for (guint k = 0; k < shown->len; k++)
        {
          GtkWidget *widget = g_ptr_array_index (shown, k);

          if (gtk_widget_get_prev_sibling (widget) != previous)
            gtk_widget_insert_after (widget, GTK_WIDGET (self), previous);
          previous = widget;
        }
      self->widgets_reordered = TRUE;
    }
}

static void
update_task_widgets (CharterGraphCanvas *self)
{
  CharterSchedule *schedule = current_schedule (self);
  guint n = charter_graph_get_n_nodes (self->graph);
  GListModel *teams = charter_document_get_teams (self->document);
  guint n_teams = g_list_model_get_n_items (teams);
  g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GdkRGBA no_team = team_color (self, NULL);
  GHashTableIter iter;
  gpointer value;

  /* What every task needs for the arrows and the blocks of the overview:
   * whether it is critical, and its team's colour. */
  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      GdkRGBA *color = g_new (GdkRGBA, 1);

      charter_team_color (team, i, color);
      g_hash_table_insert (colors, (gpointer) charter_item_get_id (CHARTER_ITEM (team)), color);
    }
  g_array_set_size (self->node_critical, n);
  g_array_set_size (self->node_color, n);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->task_ids, i);
      CharterTask *task = _charter_graph_canvas_find_task (self, id);
      const char *team_id = task ? charter_task_get_team_id (task) : NULL;
      GdkRGBA *color = team_id ? g_hash_table_lookup (colors, team_id) : NULL;
      const CharterTaskDates *dates = schedule ? charter_schedule_get_task_dates (schedule, id) : NULL;

      g_array_index (self->node_critical, gboolean, i) = dates != NULL && dates->critical;
      g_array_index (self->node_color, GdkRGBA, i) = color ? *color : no_team;
    }

  /* What is written on them: only the tasks in view have a widget. */
  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int index = _charter_graph_canvas_node_of (self, charter_graph_task_get_task_id (value));

      if (index >= 0)
        update_task_widget (self, value, index);
    }

  /* The key to the team colours, so that colour is never the only way to
   * tell which team does what (the task's description names it too). */
  {
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

/* From this many tasks on, a new layout is computed in a worker thread
 * (network simplex and the ordering: 0.3 s at 10,000 tasks, 60-200 ms
 * from a few hundred on) while the canvas stays responsive. Smaller plans
 * are laid out at once: they take a few milliseconds, and a layout that
 * arrives a frame later would only make them flicker. */
#define ASYNC_LAYOUT_NODES 200

typedef struct
{
  CharterGraph *graph;  /* a copy of the canvas's graph, laid out in the worker */
  gint          stop;   /* atomic: set when the document changed meanwhile */
} LayoutJob;

static void
layout_job_free (gpointer data)
{
  LayoutJob *job = data;

  g_clear_pointer (&job->graph, charter_graph_free);
  g_free (job);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutJob *job = task_data;

  /* Touches nothing but its copy of the graph. */
  if (charter_graph_layout_interruptible (job->graph, &job->stop))
    g_task_return_pointer (task, g_steal_pointer (&job->graph), (GDestroyNotify) charter_graph_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The document changed");
}

static void
set_busy (CharterGraphCanvas *self,
          gboolean            busy)
{
  gboolean was = self->layout_task != NULL;

  if (!busy)
    g_clear_object (&self->layout_task);
  gtk_widget_set_visible (self->busy, busy && !self->layout_placed);
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_widget_get_first_child (self->busy)),
                            busy && !self->layout_placed);
  if (was != busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYING_OUT]);
}

/* Drops the layout under way: it belongs to a graph that is gone. */
static void
stop_layout (CharterGraphCanvas *self)
{
  if (self->layout_task != NULL)
    {
      LayoutJob *job = g_task_get_task_data (self->layout_task);

      g_atomic_int_set (&job->stop, 1);
      set_busy (self, FALSE);
    }
}

static void finish_sync (CharterGraphCanvas *self);
static gboolean update_positions (CharterGraphCanvas *self);

/* A layout is in self->graph: show it. */
static void
layout_arrived (CharterGraphCanvas *self)
{
  self->layout_placed = TRUE;
  set_busy (self, FALSE);
  self->geometry_serial++;
  self->bounds_valid = FALSE;
  if (self->fit_after_layout)
    {
      self->fit_after_layout = FALSE;
      self->fit_pending = TRUE;
    }
  /* Tasks moved by hand while it ran keep the places they were given. */
  if (!update_positions (self))
    {
      _charter_graph_canvas_queue_sync (self, TRUE);
      return;
    }
  finish_sync (self);
}

static void
on_layout_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (source);
  CharterGraph *graph = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Only the latest layout counts: an older one was for another graph. */
  if (graph == NULL || (gpointer) result != (gpointer) self->layout_task)
    {
      g_clear_pointer (&graph, charter_graph_free);
      return;
    }
  /* The same nodes and edges in the same order: the indices hold. The
   * canvas's graph stays the same object (callers keep it). */
  charter_graph_swap (self->graph, graph);
  charter_graph_free (graph);
  layout_arrived (self);
}

/**
 * _charter_graph_canvas_finish_layout:
 * @self: the canvas
 *
 * When a layout runs in the worker, does it here instead and shows it: for
 * charter_graph_canvas_sync() and for what needs the places at once.
 */
void
_charter_graph_canvas_finish_layout (CharterGraphCanvas *self)
{
  if (self->layout_task == NULL)
    return;
  stop_layout (self);
  charter_graph_layout (self->graph);
  layout_arrived (self);
}

/* Where a task stands until its layout arrives: where it stood before the
 * change, or beside the task before it; a plan's first layout has nothing
 * to show meanwhile (the canvas says it is arranging the tasks). */
static void
place_provisionally (CharterGraphCanvas *self,
                     CharterGraph       *old_graph,
                     GHashTable         *old_index)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  guint m = charter_graph_get_n_edges (self->graph);
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));
  double bx, by, bw, bh;
  double next_y;

  charter_graph_get_bounds (old_graph, &bx, &by, &bw, &bh);
  next_y = by + bh + CHARTER_GRAPH_NODE_GAP;
  for (guint i = 0; i < n; i++)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, i);
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (old_index, g_ptr_array_index (self->task_ids, i)));

      placed[i] = node->fixed;
      if (!node->fixed && old > 0)
        {
          CharterGraphNode *before = charter_graph_get_node (old_graph, old - 1);

          node->x = before->x;
          node->y = before->y;
          placed[i] = TRUE;
        }
    }
  /* New tasks: to the right of a predecessor, else in a row below. */
  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);
      CharterGraphNode *from = charter_graph_get_node (self->graph, edge->from);
      CharterGraphNode *to = charter_graph_get_node (self->graph, edge->to);

      if (placed[edge->from] && !placed[edge->to])
        {
          to->x = from->x + from->width + CHARTER_GRAPH_LAYER_GAP;
          to->y = from->y;
          placed[edge->to] = TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    if (!placed[i])
      {
        CharterGraphNode *node = charter_graph_get_node (self->graph, i);

        node->x = bx;
        node->y = next_y;
        next_y += node->height + CHARTER_GRAPH_NODE_GAP;
      }
  charter_graph_route_edges (self->graph);
}

static void
rebuild_structure (CharterGraphCanvas *self)
{
  GListModel *tasks = _charter_graph_canvas_tasks_of (self);
  GListModel *deps = _charter_graph_canvas_deps_of (self);
  guint n = g_list_model_get_n_items (tasks);
  guint m = g_list_model_get_n_items (deps);
  /* The graph before the change, for where its tasks stood. */
  CharterGraph *old_graph = charter_graph_new ();
  g_autoptr(GHashTable) old_index = self->node_index;
  g_autoptr(GPtrArray) old_ids = self->task_ids;
  gboolean had_places = self->layout_placed && charter_graph_get_n_nodes (self->graph) > 0;

  stop_layout (self);
  charter_graph_swap (self->graph, old_graph);
  self->task_ids = g_ptr_array_new_with_free_func (g_free);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_set_size (self->dep_ids, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      guint index = charter_graph_add_node (self->graph, TASK_W, TASK_H);
      CharterGraphNode *node = charter_graph_get_node (self->graph, index);

      node->fixed = charter_task_get_positioned (task);
      node->x = charter_task_get_x (task);
      node->y = charter_task_get_y (task);
      g_ptr_array_add (self->task_ids, g_strdup (id));
      g_hash_table_insert (self->node_index, g_ptr_array_index (self->task_ids, index),
                           GUINT_TO_POINTER (index + 1));
    }

  /* Widgets of tasks that are gone go back to the pool; the tasks in view
   * get theirs when the canvas is next allocated. */
  for (guint k = 0; k < self->task_pool->len; k++)
    {
      GtkWidget *widget = g_ptr_array_index (self->task_pool, k);
      const char *id = charter_graph_task_get_task_id (CHARTER_GRAPH_TASK (widget));

      if (id != NULL && _charter_graph_canvas_node_of (self, id) < 0)
        release_task_widget (self, widget);
    }
  self->widgets_reordered = FALSE;

  for (guint i = 0; i < m; i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      int from = _charter_graph_canvas_node_of (self, charter_dependency_get_predecessor (dep));
      int to = _charter_graph_canvas_node_of (self, charter_dependency_get_successor (dep));

      if (from < 0 || to < 0)
        continue;
      charter_graph_add_edge (self->graph, from, to);
      g_ptr_array_add (self->dep_ids, g_strdup (charter_item_get_id (CHARTER_ITEM (dep))));
    }
  index_links (self);

  if (n < ASYNC_LAYOUT_NODES)
    {
      charter_graph_layout (self->graph);
      self->layout_placed = TRUE;
    }
  else
    {
      /* Laid out in a worker, on a copy; meanwhile the tasks keep their
       * places (or, the first time, the canvas says it is arranging). */
      LayoutJob *job = g_new0 (LayoutJob, 1);

      self->layout_placed = had_places;
      if (had_places)
        place_provisionally (self, old_graph, old_index);
      job->graph = charter_graph_copy (self->graph);
      self->layout_task = g_task_new (self, NULL, on_layout_done_cb, NULL);
      g_task_set_source_tag (self->layout_task, rebuild_structure);
      g_task_set_task_data (self->layout_task, job, layout_job_free);
      g_task_run_in_thread (self->layout_task, layout_thread);
      set_busy (self, TRUE);
      if (!had_places)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("Arranging %u task…", "Arranging %u tasks…", n), n);

          gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (self->busy)), text);
        }
    }
  charter_graph_free (old_graph);
  self->geometry_serial++;
  self->bounds_valid = FALSE;

  if (self->selected_task && _charter_graph_canvas_node_of (self, self->selected_task) < 0)
    _charter_graph_canvas_select_task (self, NULL);
  if (self->selected_dep && _charter_graph_canvas_find_dep (self, self->selected_dep) == NULL)
    _charter_graph_canvas_select_dependency (self, NULL);
}

/* After a change that moved nothing but hand-placed tasks (a drag). */
static gboolean
update_positions (CharterGraphCanvas *self)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  guint m = charter_graph_get_n_edges (self->graph);
  g_autofree gboolean *moved = NULL;

  if (n != g_list_model_get_n_items (_charter_graph_canvas_tasks_of (self)))
    return FALSE;

  moved = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      CharterTask *task = _charter_graph_canvas_find_task (self, g_ptr_array_index (self->task_ids, i));
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
    if (moved[i] && (int) i != _charter_graph_canvas_live_node (self))
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
void
_charter_graph_canvas_end_drag (CharterGraphCanvas *self)
{
  if (self->drag_mode == DRAG_MOVE && self->drag_group_open)
    {
      self->drag_group_open = FALSE;
      charter_document_end_group (self->document);
    }
  self->drag_mode = DRAG_NONE;
  self->drag_node = -1;
}

void
_charter_graph_canvas_do_sync (CharterGraphCanvas *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);

  if (self->document == NULL)
    {
      stop_layout (self);
      self->layout_placed = FALSE;
      charter_graph_clear (self->graph);
      g_ptr_array_set_size (self->task_ids, 0);
      g_ptr_array_set_size (self->dep_ids, 0);
      g_array_set_size (self->pred_start, 0);
      g_array_set_size (self->succ_start, 0);
      g_hash_table_remove_all (self->node_index);
      for (guint k = 0; k < self->task_pool->len; k++)
        gtk_widget_unparent (g_ptr_array_index (self->task_pool, k));
      g_ptr_array_set_size (self->task_pool, 0);
      g_ptr_array_set_size (self->spare_tasks, 0);
      g_hash_table_remove_all (self->widgets);
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
      if (dragged != NULL && (self->drag_node = _charter_graph_canvas_node_of (self, dragged)) < 0)
        _charter_graph_canvas_end_drag (self);
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
  finish_sync (self);
}

/* What follows a new graph or new places: the tasks' looks and widgets. */
static void
finish_sync (CharterGraphCanvas *self)
{
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
  /* The tasks in view have their widgets as soon as the sync is done. */
  _charter_graph_canvas_sync_task_widgets (self);
  _charter_graph_canvas_update_edge_labels (self);

  gtk_widget_set_visible (self->hint, charter_graph_get_n_nodes (self->graph) == 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
sync_idle_cb (gpointer user_data)
{
  CharterGraphCanvas *self = user_data;

  self->sync_source = 0;
  _charter_graph_canvas_do_sync (self);
  return G_SOURCE_REMOVE;
}

void
_charter_graph_canvas_queue_sync (CharterGraphCanvas *self,
            gboolean            structure)
{
  self->structure_dirty |= structure;
  if (self->sync_source == 0)
    /* Before the next frame is laid out and drawn. */
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 5, sync_idle_cb, self, NULL);
}

void
_charter_graph_canvas_ensure_visible (CharterGraphCanvas *self,
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

void
_charter_graph_canvas_select_task (CharterGraphCanvas *self,
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

void
_charter_graph_canvas_select_dependency (CharterGraphCanvas *self,
                   const char         *dep_id)
{
  if (dep_id != NULL)
    _charter_graph_canvas_select_task (self, NULL);

  g_free (self->selected_dep);
  self->selected_dep = g_strdup (dep_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.delete",
                                 self->selected_task != NULL || self->selected_dep != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graph.edit",
                                 self->selected_task != NULL || self->selected_dep != NULL);
  self->style_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_charter_graph_canvas_focus_task (CharterGraphCanvas *self,
            const char         *task_id)
{
  int index = _charter_graph_canvas_node_of (self, task_id);

  /* Going to a task needs to know where it is. */
  if (index >= 0 && !self->layout_placed)
    _charter_graph_canvas_finish_layout (self);
  _charter_graph_canvas_select_task (self, task_id);
  if (index >= 0)
    {
      /* The task may be anywhere in the plan: scroll to it, and give it a
       * widget now (the selected task always has one) to take the focus. */
      _charter_graph_canvas_ensure_visible (self, index);
      gtk_widget_grab_focus (assign_task_widget (self, index));
    }
}

/* Layout of the canvas itself */

void
_charter_graph_canvas_fit (CharterGraphCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double bx, by, bw, bh;
  double top = 72;   /* below the toolbar */

  /* Fitting waits for places to fit (a big plan's first layout). */
  if (width <= 0 || height <= 0 || !self->layout_placed)
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

void
_charter_graph_canvas_zoom_at (CharterGraphCanvas *self,
         double              zoom,
         double              wx,
         double              wy)
{
  double gx, gy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  _charter_graph_canvas_to_graph (self, wx, wy, &gx, &gy);
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
  GHashTableIter iter;
  gpointer value;

  if (self->sync_source != 0)
    _charter_graph_canvas_do_sync (self);
  if (self->fit_pending)
    _charter_graph_canvas_fit (self);

  _charter_graph_canvas_sync_task_widgets (self);
  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkWidget *task = value;
      int index = _charter_graph_canvas_node_of (self, charter_graph_task_get_task_id (value));
      CharterGraphNode *node;
      GskTransform *transform = NULL;

      if (index < 0)
        continue;
      node = charter_graph_get_node (self->graph, index);

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
  if (gtk_widget_get_visible (self->busy))
    {
      gtk_widget_get_preferred_size (self->busy, NULL, &hint);
      gtk_widget_size_allocate (self->busy,
                                &(GtkAllocation) { (width - hint.width) / 2, (height - hint.height) / 2,
                                                   hint.width, hint.height },
                                -1);
    }

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

  if (gtk_widget_get_visible (self->search))
    {
      GtkRequisition search;

      /* Under the toolbar, at its right edge. */
      gtk_widget_get_preferred_size (self->search, NULL, &search);
      gtk_widget_size_allocate (self->search,
                                &(GtkAllocation) { MAX (12, width - search.width - 12), 12 + tb.height + 8,
                                                   MIN (search.width, width - 24), search.height },
                                -1);
    }

  gtk_widget_get_preferred_size (self->legend, NULL, &hint);
  gtk_widget_size_allocate (self->legend,
                            &(GtkAllocation) { 12, MAX (0, height - hint.height - 12),
                                               MIN (hint.width, width - 24), hint.height },
                            -1);

  gtk_popover_present (GTK_POPOVER (self->task_editor));
  gtk_popover_present (GTK_POPOVER (self->dependency_editor));
}

static void
on_document_changed_cb (CharterGraphCanvas *self,
                        CharterDocument    *document)
{
  _charter_graph_canvas_queue_sync (self, FALSE);
}

static void
on_collection_items_changed_cb (CharterGraphCanvas *self,
                                guint               position,
                                guint               removed,
                                guint               added,
                                GListModel         *model)
{
  _charter_graph_canvas_queue_sync (self, TRUE);
}

static void
on_schedule_notify_cb (CharterGraphCanvas *self,
                       GParamSpec         *pspec,
                       CharterScheduler   *scheduler)
{
  _charter_graph_canvas_queue_sync (self, FALSE);
}

void
_charter_graph_canvas_on_toast_undo (CharterGraphCanvas *self)
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
          _charter_graph_canvas_select_task (self, id);
          _charter_graph_canvas_ensure_visible (self, _charter_graph_canvas_node_of (self, id));
        }
    }
}

static void
charter_graph_canvas_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  GTK_WIDGET_CLASS (charter_graph_canvas_parent_class)->css_changed (widget, change);

  /* Dark style, projector mode: the named colours are read again at the
   * next frame, and the kept arrows redrawn in them. */
  self->colors_valid = FALSE;
  self->style_serial++;
  gtk_widget_queue_draw (widget);
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
  self->busy = NULL;
  self->legend = NULL;
  self->teams_key = NULL;
  self->search = NULL;
  self->task_editor = NULL;
  self->dependency_editor = NULL;
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->task_pool, g_ptr_array_unref);
  g_clear_pointer (&self->spare_tasks, g_ptr_array_unref);

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
  g_clear_pointer (&self->pred_start, g_array_unref);
  g_clear_pointer (&self->pred_nodes, g_array_unref);
  g_clear_pointer (&self->succ_start, g_array_unref);
  g_clear_pointer (&self->succ_nodes, g_array_unref);
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
  g_clear_pointer (&self->arrow_job, charter_graph_arrow_job_unref);

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

    case PROP_LAYING_OUT:
      g_value_set_boolean (value, self->layout_task != NULL);
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
  widget_class->snapshot = _charter_graph_canvas_snapshot;
  widget_class->realize = charter_graph_canvas_realize;
  widget_class->css_changed = charter_graph_canvas_css_changed;
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
  /**
   * CharterGraphCanvas:laying-out:
   *
   * Whether a layout of the graph is being computed in a worker thread (a
   * big plan, after it was opened or its dependencies changed); the graph
   * shows it when this turns %FALSE.
   */
  properties[PROP_LAYING_OUT] =
    g_param_spec_boolean ("laying-out", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _charter_graph_canvas_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "graphcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The keyboard goes back to what was edited. */
static void
on_editor_closed_cb (CharterGraphCanvas *self)
{
  GtkWidget *widget = self->selected_task ? g_hash_table_lookup (self->widgets, self->selected_task) : NULL;

  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
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
  /* A labelled button is named by its mnemonic label (setting the name as
   * well made GTK 4.8 read it twice, "Fit Fit"); an icon alone needs one. */
  if (label == NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
  return button;
}

static void
charter_graph_canvas_init (CharterGraphCanvas *self)
{
  PangoFontDescription *desc;

  charter_style_ensure (gdk_display_get_default ());

  self->graph = charter_graph_new ();
  self->task_ids = g_ptr_array_new_with_free_func (g_free);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->dep_ids = g_ptr_array_new_with_free_func (g_free);
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->task_pool = g_ptr_array_new ();
  self->spare_tasks = g_ptr_array_new ();
  self->node_critical = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->node_color = g_array_new (FALSE, TRUE, sizeof (GdkRGBA));
  self->pred_start = g_array_new (FALSE, TRUE, sizeof (guint));
  self->pred_nodes = g_array_new (FALSE, TRUE, sizeof (guint));
  self->succ_start = g_array_new (FALSE, TRUE, sizeof (guint));
  self->succ_nodes = g_array_new (FALSE, TRUE, sizeof (guint));
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

  /* While a big plan's first layout is computed in a worker. */
  self->busy = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->busy, "dim-label");
  gtk_box_append (GTK_BOX (self->busy), gtk_spinner_new ());
  gtk_widget_set_size_request (gtk_widget_get_first_child (self->busy), 32, 32);
  gtk_box_append (GTK_BOX (self->busy), gtk_label_new (NULL));
  gtk_widget_add_css_class (gtk_widget_get_last_child (self->busy), "title-3");
  gtk_widget_set_visible (self->busy, FALSE);
  gtk_widget_set_parent (self->busy, GTK_WIDGET (self));

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

  /* The shared editors, popped up over a task or an arrow. */
  self->task_editor = charter_task_editor_new ();
  gtk_widget_set_parent (self->task_editor, GTK_WIDGET (self));
  g_signal_connect_swapped (self->task_editor, "closed", G_CALLBACK (on_editor_closed_cb), self);
  self->dependency_editor = charter_dependency_editor_new ();
  gtk_widget_set_parent (self->dependency_editor, GTK_WIDGET (self));
  g_signal_connect_swapped (self->dependency_editor, "closed", G_CALLBACK (on_editor_closed_cb), self);

  _charter_graph_canvas_input_init (self);

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
      g_signal_handlers_disconnect_by_data (_charter_graph_canvas_tasks_of (self), self);
      g_signal_handlers_disconnect_by_data (_charter_graph_canvas_deps_of (self), self);
    }

  /* An editing session belongs to the old document: it ends there. */
  if (self->task_editor != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->task_editor));
      gtk_popover_popdown (GTK_POPOVER (self->dependency_editor));
      charter_task_editor_set_document (CHARTER_TASK_EDITOR (self->task_editor), document);
      charter_dependency_editor_set_document (CHARTER_DEPENDENCY_EDITOR (self->dependency_editor), document);
    }
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
      _charter_graph_canvas_do_sync (self);
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
    _charter_graph_canvas_queue_sync (self, FALSE);
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

/**
 * charter_graph_canvas_get_laying_out:
 * @self: a #CharterGraphCanvas
 *
 * Returns: whether a layout is being computed in a worker thread (see
 *   #CharterGraphCanvas:laying-out)
 */
gboolean
charter_graph_canvas_get_laying_out (CharterGraphCanvas *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_CANVAS (self), FALSE);

  return self->layout_task != NULL;
}

void
charter_graph_canvas_sync (CharterGraphCanvas *self)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  if (self->sync_source != 0 || self->structure_dirty)
    _charter_graph_canvas_do_sync (self);
  /* A layout under way in the worker is done here and shown. */
  _charter_graph_canvas_finish_layout (self);
  /* And the task widgets with the view, as the next allocation would. */
  _charter_graph_canvas_sync_task_widgets (self);
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
    _charter_graph_canvas_drag_begin (self, x, y);
  else if (phase == 1)
    _charter_graph_canvas_drag_update (self, x, y);
  else
    _charter_graph_canvas_drag_end (self, x, y);
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
    _charter_graph_canvas_zoom_at (self, self->zoom_start * scale, x, y);
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

  return _charter_graph_canvas_node_of (self, task_id);
}

/**
 * charter_graph_canvas_get_task_widget:
 * @self: a #CharterGraphCanvas
 * @task_id: a task's id
 *
 * Returns: (nullable) (transfer none): the widget showing @task_id, or %NULL
 * when the task has none now: only the tasks in view, the selected and the
 * focused one have widgets (charter_graph_canvas_sync() brings that up to
 * date with the view)
 */
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

/**
 * charter_graph_canvas_get_visible_area:
 *
 * The part of the graph in view, in graph units, for File → Export's
 * "What is in view" (the export lays the graph out the same way).
 */
void
charter_graph_canvas_get_visible_area (CharterGraphCanvas *self,
                                       double             *x,
                                       double             *y,
                                       double             *width,
                                       double             *height)
{
  g_return_if_fail (CHARTER_IS_GRAPH_CANVAS (self));

  *x = -self->pan_x / self->zoom;
  *y = -self->pan_y / self->zoom;
  *width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  *height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}
