/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-input.c: what the pointer and the keys do to the
 * Gantt chart. A drag on a bar's right end changes its duration, on its
 * body its start; on the empty chart it pans; a click on a lane's header
 * folds the lane. The drag functions are also what widget tests and the
 * benchmark call, so that they drive the same code as the gesture. The
 * words that say what an edit did (the card by the bar, the status line)
 * are written here too. */

#define G_LOG_DOMAIN "charter-gantt-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "charter-gantt-chart-private.h"

/* Editing ----------------------------------------------------------------- */

gboolean
_charter_gantt_chart_check_editable (CharterGanttChart *self)
{
  if (self->document == NULL)
    return FALSE;

  if (charter_document_get_read_only (self->document))
    {
      g_autofree char *text = g_strdup_printf (_("This plan cannot be changed: %s"),
                                               charter_document_get_read_only_reason (self->document));
      _charter_gantt_chart_set_message (self, text);
      return FALSE;
    }

  return TRUE;
}

static char *
iso_day (guint32 julian)
{
  return charter_timeline_format_day (julian, "%Y-%m-%d");
}

/* "Launch moves 3 working days later, to Tue 16 Mar." Each text that
 * says what an edit did is whole sentences, one a line on the card by the
 * bar; the status line joins the lines with spaces. */
static char *
describe_launch_effect (CharterGanttChart *self,
                        guint32            before)
{
  guint32 after = self->launch_day;
  g_autofree char *day = _charter_gantt_chart_short_day (after);
  int moved;

  if (self->schedule == NULL || before == 0 || after == 0)
    return g_strdup ("");

  if (after == before)
    return g_strdup_printf (_("Launch stays on %s."), day);

  if (after > before)
    {
      moved = MAX (charter_schedule_count_working_days (self->schedule, before + 1, after), 1);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Launch moves %d working day later, to %s.",
                                           "Launch moves %d working days later, to %s.", moved),
                              moved, day);
    }

  moved = MAX (charter_schedule_count_working_days (self->schedule, after + 1, before), 1);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Launch moves %d working day earlier, to %s.",
                                       "Launch moves %d working days earlier, to %s.", moved),
                          moved, day);
}

char *
_charter_gantt_chart_describe_duration_change (CharterGanttChart *self,
                                               guint              task,
                                               guint32            launch_before)
{
  const CharterTaskDates *dates;
  g_autofree char *finish = NULL;
  g_autofree char *launch = NULL;

  _charter_gantt_chart_ensure_built (self);
  dates = _charter_gantt_chart_get_dates (self, task);
  if (dates == NULL)
    return g_strdup (self->scheduler && charter_scheduler_get_error (self->scheduler)
                     ? charter_scheduler_get_error (self->scheduler)->message
                     : _("The plan cannot be scheduled."));

  finish = _charter_gantt_chart_short_day (dates->early_finish);
  launch = describe_launch_effect (self, launch_before);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d working day, finishes %s.\n%s",
                                       "%d working days, finishes %s.\n%s", dates->duration),
                          dates->duration, finish, launch);
}

char *
_charter_gantt_chart_describe_move (CharterGanttChart *self,
                                    guint              task,
                                    guint32            requested,
                                    guint32            launch_before)
{
  const CharterTaskDates *dates;
  g_autofree char *start = NULL;
  g_autofree char *launch = NULL;

  _charter_gantt_chart_ensure_built (self);
  dates = _charter_gantt_chart_get_dates (self, task);
  if (dates == NULL)
    return g_strdup (_("The plan cannot be scheduled."));

  start = _charter_gantt_chart_short_day (dates->early_start);
  launch = describe_launch_effect (self, launch_before);

  if (requested != 0 && dates->early_start > requested)
    {
      g_autofree char *asked = _charter_gantt_chart_short_day (requested);

      return g_strdup_printf (_("Cannot start on %s: %s.\nEarliest start %s."),
                              asked, dates->driver ? dates->driver : _("its dependencies"), start);
    }

  return g_strdup_printf (_("Starts %s.\n%s"), start, launch);
}

void
_charter_gantt_chart_set_task_start (CharterGanttChart *self,
                                     CharterTask       *task,
                                     guint32            day)
{
  g_autofree char *iso = iso_day (day);

  if (g_strcmp0 (charter_task_get_start_no_earlier_than (task), iso) != 0)
    charter_document_set (self->document, task, "start-no-earlier-than", iso, NULL);
}

/* The drag, as the gesture and the tests drive it --------------------------- */

gboolean
charter_gantt_chart_drag_begin (CharterGanttChart *self,
                                double             x,
                                double             y)
{
  CharterTimelineHit hit = CHARTER_TIMELINE_HIT_NONE;
  const CharterTimelineRow *row = NULL;
  double cx, cy;
  guint r = 0;

  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), FALSE);

  if (self->drag_mode != DRAG_NONE)
    charter_gantt_chart_drag_cancel (self);

  _charter_gantt_chart_ensure_built (self);
  _charter_gantt_chart_widget_to_chart (self, x, y, &cx, &cy);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_hvalue = _charter_gantt_chart_hvalue (self);
  self->drag_vvalue = _charter_gantt_chart_vvalue (self);

  if (y < self->axis_height)
    return FALSE;

  if (x < self->list_width)
    {
      if (!charter_timeline_layout_row_at_y (self->layout, cy, &r))
        return FALSE;
      self->drag_mode = DRAG_CLICK;
      self->drag_task = r;
      return TRUE;
    }

  hit = charter_timeline_layout_hit_test (self->layout, &self->scale, (CharterTimelineBar *) self->bars->data,
                                          cx, cy, &r);
  if (hit != CHARTER_TIMELINE_HIT_NONE)
    row = charter_timeline_layout_get_row (self->layout, r);

  switch (hit)
    {
    case CHARTER_TIMELINE_HIT_BAR:
    case CHARTER_TIMELINE_HIT_BAR_END:
    case CHARTER_TIMELINE_HIT_MILESTONE:
      {
        CharterTask *task = _charter_gantt_chart_get_task (self, row->index);
        const CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, row->index);
        g_autofree char *label = NULL;
        double x0, x1;

        charter_gantt_chart_set_selected_task (self, charter_item_get_id (CHARTER_ITEM (task)));
        if (!_charter_gantt_chart_check_editable (self))
          return FALSE;

        charter_timeline_bar_get_extent (&self->scale, bar, row->height, &x0, &x1);
        self->drag_task = row->index;
        self->drag_task_id = g_strdup (charter_item_get_id (CHARTER_ITEM (task)));
        self->drag_start = bar->start;
        self->drag_requested = 0;
        self->drag_duration = charter_task_get_duration (task);
        self->drag_snet = g_strdup (charter_task_get_start_no_earlier_than (task));
        self->drag_launch = self->launch_day;

        if (hit == CHARTER_TIMELINE_HIT_BAR_END)
          {
            self->drag_mode = DRAG_END;
            self->drag_edge = x1;
            label = g_strdup_printf (_("Change the duration of “%s”"), charter_task_get_name (task));
          }
        else
          {
            self->drag_mode = DRAG_MOVE;
            self->drag_edge = charter_timeline_scale_day_to_x (&self->scale, bar->start);
            label = g_strdup_printf (_("Move “%s”"), charter_task_get_name (task));
          }

        /* Built just above: during the drag only dates change. */
        self->structure_for_drag = TRUE;
        charter_document_begin_group (self->document, label);
        return TRUE;
      }

    case CHARTER_TIMELINE_HIT_HEADER:
      self->drag_mode = DRAG_CLICK;
      self->drag_task = r;
      return TRUE;

    case CHARTER_TIMELINE_HIT_ROW:
    case CHARTER_TIMELINE_HIT_NONE:
    default:
      self->drag_mode = DRAG_PAN;
      return TRUE;
    }
}

void
charter_gantt_chart_drag_update (CharterGanttChart *self,
                                 double             dx,
                                 double             dy)
{
  CharterTask *task;

  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag_mode)
    {
    case DRAG_END:
      {
        int duration;

        task = _charter_gantt_chart_get_task (self, self->drag_task);
        duration = charter_timeline_snap_duration (&self->scale, self->drag_start, self->drag_edge + dx,
                                                   _charter_gantt_chart_is_working_day_cb, self);
        if (task != NULL && duration != charter_task_get_duration (task))
          charter_document_set (self->document, task, "duration", duration, NULL);
        _charter_gantt_chart_set_drag_feedback (self, _charter_gantt_chart_describe_duration_change (self, self->drag_task, self->drag_launch));
      }
      break;

    case DRAG_MOVE:
      {
        guint32 day;

        task = _charter_gantt_chart_get_task (self, self->drag_task);
        day = charter_timeline_snap_start (&self->scale, self->drag_edge + dx, _charter_gantt_chart_is_working_day_cb, self);
        if (task != NULL && day != self->drag_requested)
          {
            self->drag_requested = day;
            /* Back where it started (or a plain click): the constraint it had. */
            if (day == self->drag_start)
              {
                if (g_strcmp0 (charter_task_get_start_no_earlier_than (task), self->drag_snet) != 0)
                  charter_document_set (self->document, task, "start-no-earlier-than", self->drag_snet, NULL);
              }
            else
              _charter_gantt_chart_set_task_start (self, task, day);
          }
        _charter_gantt_chart_set_drag_feedback (self, _charter_gantt_chart_describe_move (self, self->drag_task, self->drag_requested, self->drag_launch));
      }
      break;

    case DRAG_PAN:
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->drag_hvalue - dx);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->drag_vvalue - dy);
      break;

    case DRAG_CLICK:
    case DRAG_NONE:
    default:
      break;
    }
}

static void
clear_drag (CharterGanttChart *self)
{
  self->drag_mode = DRAG_NONE;
  self->structure_for_drag = FALSE;
  g_clear_pointer (&self->drag_task_id, g_free);
  g_clear_pointer (&self->drag_snet, g_free);
  _charter_gantt_chart_set_drag_feedback (self, NULL);
  _charter_gantt_chart_schedule_p80 (self);
}

static void
toggle_lane_row (CharterGanttChart *self,
                 guint              r)
{
  const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

  if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
    {
      const char *team_id = row->index < self->teams->len
        ? charter_item_get_id (g_ptr_array_index (self->teams, row->index)) : "";

      charter_gantt_chart_toggle_lane (self, team_id);
    }
  else
    charter_gantt_chart_set_selected_task (self, charter_item_get_id (g_ptr_array_index (self->tasks, row->index)));
}

void
charter_gantt_chart_drag_end (CharterGanttChart *self)
{
  CharterTask *task;
  g_autofree char *final_feedback = NULL;

  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  switch (self->drag_mode)
    {
    case DRAG_END:
      task = _charter_gantt_chart_get_task (self, self->drag_task);
      if (task == NULL || charter_task_get_duration (task) == self->drag_duration)
        charter_document_cancel_group (self->document);
      else
        {
          final_feedback = g_strdup (self->drag_feedback);
          charter_document_end_group (self->document);
        }
      break;

    case DRAG_MOVE:
      task = _charter_gantt_chart_get_task (self, self->drag_task);
      if (task != NULL)
        {
          const CharterTaskDates *dates;

          _charter_gantt_chart_ensure_built (self);
          dates = _charter_gantt_chart_get_dates (self, self->drag_task);
          /* Dropped earlier than the dependencies allow: the constraint would
           * say something untrue, so the task keeps the one it had. */
          if (dates != NULL && self->drag_requested != 0 && dates->early_start > self->drag_requested)
            {
              final_feedback = g_strdup (self->drag_feedback);
              if (g_strcmp0 (charter_task_get_start_no_earlier_than (task), self->drag_snet) != 0)
                charter_document_set (self->document, task, "start-no-earlier-than", self->drag_snet, NULL);
            }
        }
      if (task == NULL || g_strcmp0 (charter_task_get_start_no_earlier_than (task), self->drag_snet) == 0)
        charter_document_cancel_group (self->document);
      else
        {
          final_feedback = g_strdup (self->drag_feedback);
          charter_document_end_group (self->document);
        }
      break;

    case DRAG_CLICK:
      if (fabs (self->drag_dx) < 6 && fabs (self->drag_dy) < 6 &&
          self->drag_task < charter_timeline_layout_get_n_rows (self->layout))
        toggle_lane_row (self, self->drag_task);
      break;

    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }

  clear_drag (self);
  if (final_feedback != NULL)
    {
      g_strdelimit (final_feedback, "\n", ' ');
      _charter_gantt_chart_set_message (self, final_feedback);
    }
}

void
charter_gantt_chart_drag_cancel (CharterGanttChart *self)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  if (self->drag_mode == DRAG_END || self->drag_mode == DRAG_MOVE)
    charter_document_cancel_group (self->document);
  else if (self->drag_mode == DRAG_PAN)
    {
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->drag_hvalue);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->drag_vvalue);
    }

  clear_drag (self);
}

gboolean
charter_gantt_chart_is_dragging (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), FALSE);

  return self->drag_mode == DRAG_END || self->drag_mode == DRAG_MOVE;
}

/* Callbacks --------------------------------------------------------------- */

static void
on_drag_begin_cb (GtkGestureDrag    *gesture,
                  double             x,
                  double             y,
                  CharterGanttChart *self)
{
  if (!charter_gantt_chart_drag_begin (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->drag_mode != DRAG_PAN)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update_cb (GtkGestureDrag    *gesture,
                   double             dx,
                   double             dy,
                   CharterGanttChart *self)
{
  charter_gantt_chart_drag_update (self, dx, dy);
}

static void
on_drag_end_cb (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                CharterGanttChart *self)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  charter_gantt_chart_drag_update (self, dx, dy);
  charter_gantt_chart_drag_end (self);
  if (self->selected_task != NULL)
    _charter_gantt_chart_focus_selected (self);
}

static void
on_drag_cancel_cb (GtkGesture        *gesture,
                   GdkEventSequence  *sequence,
                   CharterGanttChart *self)
{
  charter_gantt_chart_drag_cancel (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CharterGanttChart     *self)
{
  if (keyval == GDK_KEY_Escape && self->drag_mode != DRAG_NONE)
    {
      charter_gantt_chart_drag_cancel (self);
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (
        g_object_get_data (G_OBJECT (self), "charter-drag-gesture")));
      _charter_gantt_chart_set_message (self, _("Drag cancelled"));
      return TRUE;
    }

  return FALSE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CharterGanttChart        *self)
{
  const char *cursor = NULL;
  double cx, cy;

  if (self->drag_mode != DRAG_NONE)
    return;

  _charter_gantt_chart_ensure_built (self);
  if (x >= self->list_width && y >= self->axis_height)
    {
      _charter_gantt_chart_widget_to_chart (self, x, y, &cx, &cy);
      switch (charter_timeline_layout_hit_test (self->layout, &self->scale,
                                                (CharterTimelineBar *) self->bars->data, cx, cy, NULL))
        {
        case CHARTER_TIMELINE_HIT_BAR_END:
          cursor = "col-resize";
          break;
        case CHARTER_TIMELINE_HIT_BAR:
        case CHARTER_TIMELINE_HIT_MILESTONE:
          cursor = "grab";
          break;
        case CHARTER_TIMELINE_HIT_HEADER:
          cursor = "pointer";
          break;
        default:
          break;
        }
    }
  else if (x < self->list_width && y >= self->axis_height)
    cursor = "pointer";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CharterGanttChart        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  if (dy < 0 && self->zoom > CHARTER_TIMELINE_ZOOM_DAYS)
    charter_gantt_chart_set_zoom (self, self->zoom - 1);
  else if (dy > 0 && self->zoom < CHARTER_TIMELINE_ZOOM_MONTHS)
    charter_gantt_chart_set_zoom (self, self->zoom + 1);

  return TRUE;
}

static gboolean
on_query_tooltip_cb (GtkWidget         *widget,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip,
                     CharterGanttChart *self)
{
  CharterTimelineHit hit;
  const CharterTimelineRow *row;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  double cx, cy;
  guint r;

  if (self->drag_mode != DRAG_NONE || x < self->list_width || y < self->axis_height)
    return FALSE;

  _charter_gantt_chart_widget_to_chart (self, x, y, &cx, &cy);
  hit = charter_timeline_layout_hit_test (self->layout, &self->scale,
                                          (CharterTimelineBar *) self->bars->data, cx, cy, &r);
  if (hit != CHARTER_TIMELINE_HIT_BAR && hit != CHARTER_TIMELINE_HIT_BAR_END &&
      hit != CHARTER_TIMELINE_HIT_MILESTONE)
    return FALSE;

  row = charter_timeline_layout_get_row (self->layout, r);
  description = _charter_gantt_chart_describe_task (self, row->index);
  name = g_markup_escape_text (charter_task_get_name (_charter_gantt_chart_get_task (self, row->index)), -1);
  escaped = g_markup_escape_text (description, -1);
  /* One sentence a line: tooltips do not wrap. */
  {
    g_auto(GStrv) sentences = g_strsplit (escaped, ". ", -1);

    g_free (escaped);
    escaped = g_strjoinv (".\n", sentences);
  }
  text = g_strdup_printf ("<b>%s</b>\n%s\n\n<small>%s</small>",
                          name,
                          escaped,
                          _("Drag the right end to change the duration, the bar to set its start.\n"
                            "Keys: Shift+→/← one day longer/shorter, Alt+→/← start later/earlier,\n"
                            "↑/↓ select, Enter edit, Escape cancels a drag, Ctrl+scroll zooms."));
  gtk_tooltip_set_markup (tooltip, text);

  return TRUE;
}

/* The gesture and controllers, added by charter_gantt_chart_init(). */
void
_charter_gantt_chart_init_input (CharterGanttChart *self)
{
  GtkGesture *drag;
  GtkEventController *controller;

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  g_object_set_data (G_OBJECT (self), "charter-drag-gesture", drag);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
