/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-canvas-actions.c: the graph.* actions, one callback each,
 * and the keys bound to them. Menus, buttons, keys, gestures and tests all
 * go through these. */

#define G_LOG_DOMAIN "charter-graph-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charter-dependency-editor.h"
#include "charter-graph-canvas-private.h"
#include "charter-task-editor.h"

static char *
add_task_at (CharterGraphCanvas *self,
             gboolean            placed,
             double              x,
             double              y)
{
  GListModel *tasks = _charter_graph_canvas_tasks_of (self);
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

/* Editing: the shared editors (CharterTaskEditor, CharterDependencyEditor)
 * pop up over the task or the arrow; each opening is one undo step. */

static void
open_editor (CharterGraphCanvas *self)
{
  GtkWidget *editor = NULL;
  GdkRectangle rect = { 0, };

  if (self->selected_task)
    {
      int index = _charter_graph_canvas_node_of (self, self->selected_task);
      CharterGraphNode *node;

      if (index < 0)
        return;
      node = charter_graph_get_node (self->graph, index);
      editor = self->task_editor;
      charter_task_editor_set_task_id (CHARTER_TASK_EDITOR (editor), self->selected_task);
      rect.x = node->x * self->zoom + self->pan_x;
      rect.y = node->y * self->zoom + self->pan_y;
      rect.width = node->width * self->zoom;
      rect.height = node->height * self->zoom;
    }
  else if (self->selected_dep)
    {
      CharterGraphPoint mid;
      guint e;

      if (_charter_graph_canvas_find_dep (self, self->selected_dep) == NULL)
        return;
      for (e = 0; e < self->dep_ids->len; e++)
        if (g_strcmp0 (g_ptr_array_index (self->dep_ids, e), self->selected_dep) == 0)
          break;
      if (e == self->dep_ids->len)
        return;
      _charter_graph_canvas_edge_midpoint (charter_graph_get_edge (self->graph, e), &mid);
      editor = self->dependency_editor;
      charter_dependency_editor_set_dependency_id (CHARTER_DEPENDENCY_EDITOR (editor), self->selected_dep);
      rect.x = mid.x * self->zoom + self->pan_x - 4;
      rect.y = mid.y * self->zoom + self->pan_y - 4;
      rect.width = rect.height = 8;
    }

  if (editor == NULL)
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (editor), &rect);
  gtk_popover_popup (GTK_POPOVER (editor));
}

/* Actions */

/* The task added is selected and has the keyboard; Enter edits it. The
 * shared editor is not opened by itself: an open editor holds its undo
 * step open, and the window's Undo right after adding must take the new
 * task back. */
static void
added_task (CharterGraphCanvas *self,
            const char         *id)
{
  _charter_graph_canvas_do_sync (self);
  _charter_graph_canvas_focus_task (self, id);
}

static void
action_add_task (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  g_autofree char *id = NULL;

  if (self->document == NULL)
    return;
  id = add_task_at (self, FALSE, 0, 0);
  added_task (self, id);
}

static void
action_add_task_at (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  g_autofree char *id = NULL;
  double x, y;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(dd)", &x, &y);
  id = add_task_at (self, TRUE, x, y);
  added_task (self, id);
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
      _charter_graph_canvas_show_message (self, _("Select the task to link from first"), NULL);
      return;
    }

  if (target[0] != '\0')
    {
      _charter_graph_canvas_link_tasks (self, self->selected_task, target);
      return;
    }

  /* No target yet: the next task picked (click, or arrows then Enter) is it. */
  g_free (self->link_source);
  self->link_source = g_strdup (self->selected_task);
  message = g_strdup_printf (_("Pick the task that depends on “%s”"), _charter_graph_canvas_task_name (self, self->link_source));
  _charter_graph_canvas_show_message (self, message, NULL);
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
      item = CHARTER_ITEM (_charter_graph_canvas_find_task (self, self->selected_task));
      collection = _charter_graph_canvas_tasks_of (self);
      if (item)
        message = g_strdup_printf (_("Deleted “%s”"), charter_item_get_display_name (item));
    }
  else if (self->selected_dep != NULL)
    {
      CharterDependency *dep = _charter_graph_canvas_find_dep (self, self->selected_dep);

      item = CHARTER_ITEM (dep);
      collection = _charter_graph_canvas_deps_of (self);
      if (dep)
        message = g_strdup_printf (_("Deleted the link “%s” → “%s”"),
                                   _charter_graph_canvas_task_name (self, charter_dependency_get_predecessor (dep)),
                                   _charter_graph_canvas_task_name (self, charter_dependency_get_successor (dep)));
    }

  if (item == NULL)
    return;

  /* Delete with a task still under the pointer: the move so far is one
   * step, the deletion another (and the toast's Undo takes back the latter). */
  if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_LINK)
    _charter_graph_canvas_end_drag (self);
  gtk_popover_popdown (GTK_POPOVER (self->task_editor));
  gtk_popover_popdown (GTK_POPOVER (self->dependency_editor));
  charter_document_remove (self->document, collection, item);
  _charter_graph_canvas_select_task (self, NULL);
  _charter_graph_canvas_select_dependency (self, NULL);
  _charter_graph_canvas_show_message (self, message,
                charter_history_get_undo_label (charter_document_get_history (self->document)));
}

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _charter_graph_canvas_on_toast_undo (CHARTER_GRAPH_CANVAS (widget));
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

      _charter_graph_canvas_link_tasks (self, from, self->selected_task);
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

  tasks = _charter_graph_canvas_tasks_of (self);
  n = g_list_model_get_n_items (tasks);
  charter_document_begin_group (self->document, _("Arrange the graph"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

      if (charter_task_get_positioned (task))
        charter_document_set (self->document, task, "positioned", FALSE, NULL);
    }
  charter_document_end_group (self->document);

  _charter_graph_canvas_queue_sync (self, TRUE);
  _charter_graph_canvas_do_sync (self);
  /* A big plan's new layout comes from the worker: fit it then. */
  if (self->layout_task != NULL)
    self->fit_after_layout = TRUE;
  else
    _charter_graph_canvas_fit (self);
}

static void
action_fit (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  if (self->sync_source != 0)
    _charter_graph_canvas_do_sync (self);
  _charter_graph_canvas_fit (self);
}

static void
action_zoom_in (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  _charter_graph_canvas_zoom_at (self, self->zoom * 1.25,
                                 gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
action_zoom_out (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);

  _charter_graph_canvas_zoom_at (self, self->zoom * 0.8,
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
    _charter_graph_canvas_do_sync (self);
  if (_charter_graph_canvas_find_task (self, id) != NULL)
    _charter_graph_canvas_focus_task (self, id);
  else if (_charter_graph_canvas_find_dep (self, id) != NULL)
    _charter_graph_canvas_select_dependency (self, id);
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
  _charter_graph_canvas_move_task (self, id, x, y);
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
    _charter_graph_canvas_do_sync (self);
  if (charter_graph_get_n_nodes (self->graph) == 0)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  from = _charter_graph_canvas_node_of (self, self->selected_task);
  if (from < 0)
    to = 0;
  else
    to = charter_graph_find_neighbour (self->graph, from, dx, dy);
  if (to >= 0)
    _charter_graph_canvas_focus_task (self, g_ptr_array_index (self->task_ids, to));
}

static void
action_find (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _charter_graph_canvas_show_search (CHARTER_GRAPH_CANVAS (widget));
}

/* The next task after the selected one whose name holds the parameter. */
static void
action_find_next (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  const char *text = g_variant_get_string (parameter, NULL);

  if (!_charter_graph_canvas_find (self, text, TRUE))
    {
      g_autofree char *message = g_strdup_printf (_("No task’s name holds “%s”"), text);

      _charter_graph_canvas_show_message (self, message, NULL);
    }
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
  _charter_graph_canvas_select_task (self, NULL);
  _charter_graph_canvas_select_dependency (self, NULL);
}


void
_charter_graph_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "graph.add-task", NULL, action_add_task);
  gtk_widget_class_install_action (widget_class, "graph.add-task-at", "(dd)", action_add_task_at);
  gtk_widget_class_install_action (widget_class, "graph.link", "s", action_link);
  gtk_widget_class_install_action (widget_class, "graph.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "graph.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "graph.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "graph.arrange", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "graph.fit", NULL, action_fit);
  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "graph.select", "s", action_select);
  gtk_widget_class_install_action (widget_class, "graph.move", "(sdd)", action_move);
  gtk_widget_class_install_action (widget_class, "graph.select-neighbour", "(ii)", action_select_neighbour);
  gtk_widget_class_install_action (widget_class, "graph.cancel", NULL, action_cancel);
  gtk_widget_class_install_action (widget_class, "graph.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "graph.find-next", "s", action_find_next);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "graph.find", NULL);

}
