/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-canvas-input.c: what the pointer and the keys do on the
 * Plan graph: panning, moving a task (one undoable group per drag), linking
 * two tasks by dragging a handle (refused, with the reason, when it would
 * make a cycle), pinch and wheel zoom. */

#define G_LOG_DOMAIN "charter-graph-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charter-graph-canvas-private.h"

/* The chain of tasks from @from to @to along dependencies, or NULL. */
static GPtrArray *
find_path (CharterGraphCanvas *self,
           const char         *from,
           const char         *to)
{
  GListModel *deps = _charter_graph_canvas_deps_of (self);
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

gboolean
_charter_graph_canvas_link_tasks (CharterGraphCanvas *self,
            const char         *from,
            const char         *to)
{
  GListModel *deps = _charter_graph_canvas_deps_of (self);
  guint m = g_list_model_get_n_items (deps);
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(CharterDependency) dep = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (_charter_graph_canvas_find_task (self, from) == NULL || _charter_graph_canvas_find_task (self, to) == NULL)
    return FALSE;

  if (g_strcmp0 (from, to) == 0)
    {
      message = g_strdup_printf (_("Not linked: “%s” cannot depend on itself"), _charter_graph_canvas_task_name (self, from));
      _charter_graph_canvas_show_message (self, message, NULL);
      return FALSE;
    }

  for (guint i = 0; i < m; i++)
    {
      g_autoptr(CharterDependency) d = g_list_model_get_item (deps, i);

      if (g_strcmp0 (charter_dependency_get_predecessor (d), from) == 0 &&
          g_strcmp0 (charter_dependency_get_successor (d), to) == 0)
        {
          message = g_strdup_printf (_("“%s” already depends on “%s”"),
                                     _charter_graph_canvas_task_name (self, to), _charter_graph_canvas_task_name (self, from));
          _charter_graph_canvas_show_message (self, message, NULL);
          return FALSE;
        }
    }

  /* A link from → to makes a cycle when "from" already follows "to". */
  path = find_path (self, to, from);
  if (path != NULL)
    {
      g_autoptr(GString) chain = g_string_new (_charter_graph_canvas_task_name (self, from));

      for (guint k = 0; k < path->len; k++)
        {
          g_string_append (chain, " → ");
          g_string_append (chain, _charter_graph_canvas_task_name (self, g_ptr_array_index (path, k)));
        }
      message = g_strdup_printf (_("Not linked: “%s” → “%s” would make a cycle: %s"),
                                 _charter_graph_canvas_task_name (self, from), _charter_graph_canvas_task_name (self, to), chain->str);
      _charter_graph_canvas_show_message (self, message, NULL);
      return FALSE;
    }

  id = charter_document_make_id (self->document, deps, "dep");
  dep = charter_dependency_new (id);
  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  charter_document_append (self->document, deps, dep);

  message = g_strdup_printf (_("“%s” now depends on “%s”"), _charter_graph_canvas_task_name (self, to), _charter_graph_canvas_task_name (self, from));
  g_free (self->message);
  self->message = g_steal_pointer (&message);
  return TRUE;
}

void
_charter_graph_canvas_move_task (CharterGraphCanvas *self,
           const char         *task_id,
           double              x,
           double              y)
{
  CharterTask *task = _charter_graph_canvas_find_task (self, task_id);

  if (task == NULL)
    return;
  charter_document_set (self->document, task,
                        "x", round (x), "y", round (y), "positioned", TRUE,
                        NULL);
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
    _charter_graph_canvas_do_sync (self);

  _charter_graph_canvas_to_graph (self, x, y, &gx, &gy);
  /* (Nothing to hit before a big plan's first layout arrives.) */
  hit = self->document && self->layout_placed ? charter_graph_hit_test (self->graph, gx, gy, &index)
                                              : CHARTER_GRAPH_HIT_NONE;
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

      _charter_graph_canvas_link_tasks (self, from, g_ptr_array_index (self->task_ids, index));
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
      _charter_graph_canvas_focus_task (self, g_ptr_array_index (self->task_ids, index));
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
        _charter_graph_canvas_focus_task (self, g_ptr_array_index (self->task_ids, index));
      }
      break;

    case CHARTER_GRAPH_HIT_EDGE:
      self->drag_mode = DRAG_NONE;
      _charter_graph_canvas_select_dependency (self, g_ptr_array_index (self->dep_ids, index));
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
          label = g_strdup_printf (_("Move %s"), _charter_graph_canvas_task_name (self, g_ptr_array_index (self->task_ids, self->drag_node)));
          charter_document_begin_group (self->document, label);
          self->drag_group_open = TRUE;
        }
      _charter_graph_canvas_move_task (self, g_ptr_array_index (self->task_ids, self->drag_node),
                 self->drag_origin_x + dx / self->zoom,
                 self->drag_origin_y + dy / self->zoom);
      /* Keep the picture under the pointer this frame, not the next idle. */
      _charter_graph_canvas_do_sync (self);
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

        _charter_graph_canvas_to_graph (self, self->drag_start_x + dx, self->drag_start_y + dy, &gx, &gy);
        hit = charter_graph_hit_test (self->graph, gx, gy, &target);
        if ((hit == CHARTER_GRAPH_HIT_NODE || hit == CHARTER_GRAPH_HIT_HANDLE) &&
            (int) target != self->drag_node)
          _charter_graph_canvas_link_tasks (self,
                      g_ptr_array_index (self->task_ids, self->drag_node),
                      g_ptr_array_index (self->task_ids, target));
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_PAN:
      /* A click on the background clears the selection. */
      if (hypot (dx, dy) < 4)
        {
          _charter_graph_canvas_select_task (self, NULL);
          _charter_graph_canvas_select_dependency (self, NULL);
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

  if (n_press != 2 || self->document == NULL || !self->layout_placed)
    return;

  _charter_graph_canvas_to_graph (self, x, y, &gx, &gy);
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
      _charter_graph_canvas_zoom_at (self, self->zoom * pow (1.15, -dy * (unit == GDK_SCROLL_UNIT_WHEEL ? 1 : 0.05)),
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


/* Finding a task by name: every task stays reachable however large the
 * plan, and whether or not it has a widget now. */

static gboolean
name_matches (CharterGraphCanvas *self,
              guint               index,
              const char         *folded)
{
  CharterTask *task = _charter_graph_canvas_find_task (self, g_ptr_array_index (self->task_ids, index));
  g_autofree char *name = NULL;

  if (task == NULL || charter_task_get_name (task) == NULL)
    return FALSE;
  name = g_utf8_casefold (charter_task_get_name (task), -1);
  return strstr (name, folded) != NULL;
}

/**
 * _charter_graph_canvas_find:
 * @self: the canvas
 * @text: part of a task's name, in any case
 * @next: whether to look after the selected task rather than from the first
 *
 * Selects the next task (in the document's order, wrapping around) whose
 * name holds @text, and scrolls it into view.
 *
 * Returns: whether a task was found
 */
gboolean
_charter_graph_canvas_find (CharterGraphCanvas *self,
                            const char         *text,
                            gboolean            next)
{
  guint n;
  int from;
  g_autofree char *folded = NULL;

  if (self->sync_source != 0)
    _charter_graph_canvas_do_sync (self);
  n = charter_graph_get_n_nodes (self->graph);
  if (text == NULL || text[0] == '\0' || n == 0)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  from = _charter_graph_canvas_node_of (self, self->selected_task);
  if (!next && from >= 0 && name_matches (self, from, folded))
    return TRUE;
  for (guint k = 0; k < n; k++)
    {
      guint index = (guint) ((next && from >= 0 ? from + 1 : 0) + k) % n;

      if (name_matches (self, index, folded))
        {
          const char *id = g_ptr_array_index (self->task_ids, index);

          _charter_graph_canvas_select_task (self, id);
          _charter_graph_canvas_ensure_visible (self, index);
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_search_result (CharterGraphCanvas *self,
                    gboolean            found)
{
  if (found || gtk_editable_get_text (GTK_EDITABLE (self->search))[0] == '\0')
    gtk_widget_remove_css_class (self->search, "error");
  else
    gtk_widget_add_css_class (self->search, "error");
}

static void
on_search_changed_cb (GtkSearchEntry     *entry,
                      CharterGraphCanvas *self)
{
  show_search_result (self, _charter_graph_canvas_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)), FALSE));
}

static void
on_search_next_match_cb (GtkSearchEntry     *entry,
                         CharterGraphCanvas *self)
{
  show_search_result (self, _charter_graph_canvas_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)), TRUE));
}

/* Enter: on to the task found, with the keyboard. */
static void
on_search_activate_cb (GtkSearchEntry     *entry,
                       CharterGraphCanvas *self)
{
  if (!_charter_graph_canvas_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)), FALSE))
    {
      show_search_result (self, FALSE);
      return;
    }
  gtk_widget_set_visible (self->search, FALSE);
  _charter_graph_canvas_focus_task (self, self->selected_task);
}

static void
on_search_stop_cb (GtkSearchEntry     *entry,
                   CharterGraphCanvas *self)
{
  gtk_widget_set_visible (self->search, FALSE);
  if (self->selected_task != NULL)
    _charter_graph_canvas_focus_task (self, self->selected_task);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Ctrl+F: the search entry, ready for typing. */
void
_charter_graph_canvas_show_search (CharterGraphCanvas *self)
{
  gtk_widget_set_visible (self->search, TRUE);
  gtk_widget_grab_focus (self->search);
  gtk_editable_select_region (GTK_EDITABLE (self->search), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Tooltips: the task under the pointer shows its whole name, which the
 * card may cut with "…". Tasks do not take pointer events (the canvas
 * picks them), so the canvas asks for them. */
static gboolean
on_query_tooltip_cb (GtkWidget          *widget,
                     int                 x,
                     int                 y,
                     gboolean            keyboard_mode,
                     GtkTooltip         *tooltip,
                     CharterGraphCanvas *self)
{
  GtkWidget *task = NULL;
  double gx, gy;
  guint index;

  if (keyboard_mode)
    {
      GtkWidget *focus = gtk_widget_get_focus_child (widget);

      if (focus != NULL && CHARTER_IS_GRAPH_TASK (focus))
        task = focus;
    }
  else
    {
      _charter_graph_canvas_to_graph (self, x, y, &gx, &gy);
      if (self->layout_placed && charter_graph_hit_test (self->graph, gx, gy, &index) == CHARTER_GRAPH_HIT_NODE)
        task = g_hash_table_lookup (self->widgets, g_ptr_array_index (self->task_ids, index));
    }
  if (task == NULL || gtk_widget_get_tooltip_text (task) == NULL)
    return FALSE;

  {
    graphene_rect_t bounds;

    gtk_tooltip_set_text (tooltip, gtk_widget_get_tooltip_text (task));
    if (gtk_widget_compute_bounds (task, widget, &bounds))
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                           bounds.size.width, bounds.size.height });
  }
  return TRUE;
}

void
_charter_graph_canvas_drag_begin (CharterGraphCanvas *self,
                                  double              x,
                                  double              y)
{
  on_drag_begin_cb (NULL, x, y, self);
}

void
_charter_graph_canvas_drag_update (CharterGraphCanvas *self,
                                   double              dx,
                                   double              dy)
{
  on_drag_update_cb (NULL, dx, dy, self);
}

void
_charter_graph_canvas_drag_end (CharterGraphCanvas *self,
                                double              dx,
                                double              dy)
{
  on_drag_end_cb (NULL, dx, dy, self);
}

/* The canvas's gestures and event controllers. */
void
_charter_graph_canvas_input_init (CharterGraphCanvas *self)
{
  GtkGesture *drag, *click, *zoom;
  GtkEventController *scroll, *motion;

  /* Find a task by name (Ctrl+F), placed by the canvas under its toolbar. */
  self->search = gtk_search_entry_new ();
  /* gtk_search_entry_set_placeholder_text() is GTK 4.10; the property is older. */
  g_object_set (self->search, "placeholder-text", _("Find a task by name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a task by name"),
                                  -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search), 28);
  gtk_widget_add_css_class (self->search, "graph-search");
  gtk_widget_set_visible (self->search, FALSE);
  gtk_widget_set_parent (self->search, GTK_WIDGET (self));
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->search, "next-match", G_CALLBACK (on_search_next_match_cb), self);
  g_signal_connect (self->search, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->search, "stop-search", G_CALLBACK (on_search_stop_cb), self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

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
}
