/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-actions.c: the chart's actions, one callback each
 * (as GNOME Text Editor's editor-window-actions.c): the keyboard's
 * equivalents of the drags, selection, zoom, Today and Launch, and the
 * shared task editor (CharterTaskEditor) that Enter opens on a bar. Key bindings, menus and tests all go
 * through these actions. */

#define G_LOG_DOMAIN "charter-gantt-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-gantt-chart-private.h"
#include "charter-task-editor.h"

/* Actions: the keyboard's equivalents of the drags ------------------------- */

CharterTask *
_charter_gantt_chart_selected_task (CharterGanttChart *self,
                                    guint             *index)
{
  guint i;

  _charter_gantt_chart_ensure_built (self);
  if (!_charter_gantt_chart_lookup_task (self, self->selected_task, &i))
    return NULL;
  if (index != NULL)
    *index = i;

  return _charter_gantt_chart_get_task (self, i);
}

static void
change_duration (CharterGanttChart *self,
                 int                delta)
{
  CharterTask *task;
  guint index;
  guint32 launch_before = self->launch_day;
  int duration;
  g_autofree char *text = NULL;

  task = _charter_gantt_chart_selected_task (self, &index);
  if (task == NULL || !_charter_gantt_chart_check_editable (self))
    return;
  if (g_array_index (self->bars, CharterTimelineBar, index).milestone)
    {
      _charter_gantt_chart_set_message (self, _("A milestone has no duration"));
      return;
    }

  duration = MAX (charter_task_get_duration (task) + delta, 1);
  if (duration == charter_task_get_duration (task))
    {
      _charter_gantt_chart_set_message (self, _("A task lasts at least one working day"));
      return;
    }

  charter_document_set (self->document, task, "duration", duration, NULL);
  text = _charter_gantt_chart_describe_duration_change (self, index, launch_before);
  g_strdelimit (text, "\n", ' ');
  _charter_gantt_chart_set_message (self, text);
}

static void
move_start (CharterGanttChart *self,
            int                delta)
{
  CharterTask *task;
  const CharterTaskDates *dates;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  guint32 launch_before = self->launch_day;
  guint32 day;
  guint index;

  task = _charter_gantt_chart_selected_task (self, &index);
  if (task == NULL || !_charter_gantt_chart_check_editable (self))
    return;
  dates = _charter_gantt_chart_get_dates (self, index);
  if (dates == NULL)
    return;

  day = charter_schedule_add_working_days (self->schedule, dates->early_start, delta);
  label = g_strdup_printf (_("Move “%s”"), charter_task_get_name (task));
  charter_document_begin_group (self->document, label);
  _charter_gantt_chart_set_task_start (self, task, day);
  _charter_gantt_chart_ensure_built (self);
  dates = _charter_gantt_chart_get_dates (self, index);
  text = _charter_gantt_chart_describe_move (self, index, day, launch_before);
  if (dates == NULL || dates->early_start != day)
    charter_document_cancel_group (self->document);
  else
    charter_document_end_group (self->document);

  g_strdelimit (text, "\n", ' ');
  _charter_gantt_chart_set_message (self, text);
}

void
_charter_gantt_chart_select_step (CharterGanttChart *self,
                                  int                direction)
{
  guint index, row, next;

  _charter_gantt_chart_ensure_built (self);
  if (!_charter_gantt_chart_lookup_task (self, self->selected_task, &index) ||
      !charter_timeline_layout_find_task_row (self->layout, index, &row))
    {
      /* Nothing selected yet: the first task row. */
      if (!charter_timeline_layout_next_task_row (self->layout, (guint) -1, 1, &next) &&
          !(charter_timeline_layout_get_n_rows (self->layout) > 0 &&
            charter_timeline_layout_get_row (self->layout, 0)->kind == CHARTER_TIMELINE_ROW_TASK &&
            (next = 0, TRUE)))
        return;
    }
  else if (!charter_timeline_layout_next_task_row (self->layout, row, direction, &next))
    return;

  index = charter_timeline_layout_get_row (self->layout, next)->index;
  charter_gantt_chart_set_selected_task (self, charter_item_get_id (g_ptr_array_index (self->tasks, index)));
  _charter_gantt_chart_reveal_task (self, index);
  _charter_gantt_chart_focus_selected (self);
}

/* The editor Enter opens on a bar: the shared CharterTaskEditor, as in
 * every view that edits tasks. Edits apply as they are made, the whole
 * session is one undo step, Ctrl+Z in it undoes the document; it follows
 * its task and closes when the task goes. */

static void
on_editor_closed_cb (CharterGanttChart *self,
                     GtkPopover        *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The editor let go of the keyboard: the chart takes it back. */
  if (root != NULL && gtk_root_get_focus (root) == NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    _charter_gantt_chart_focus_selected (self);
}

void
_charter_gantt_chart_build_editor (CharterGanttChart *self)
{
  self->edit_popover = charter_task_editor_new ();
  gtk_widget_set_parent (self->edit_popover, GTK_WIDGET (self));
  g_object_bind_property (self, "document", self->edit_popover, "document", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->edit_popover, "closed", G_CALLBACK (on_editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Closes the editor (which applies what was typed). */
void
_charter_gantt_chart_close_editor (CharterGanttChart *self)
{
  if (self->edit_popover != NULL && gtk_widget_get_visible (self->edit_popover))
    gtk_popover_popdown (GTK_POPOVER (self->edit_popover));
}

/* The editor points at its task's bar, wherever the bar has moved to. */
void
_charter_gantt_chart_point_editor (CharterGanttChart *self)
{
  const char *task_id = charter_task_editor_get_task_id (CHARTER_TASK_EDITOR (self->edit_popover));
  graphene_rect_t rect;
  GdkRectangle target, current;
  guint index;

  if (task_id == NULL || !_charter_gantt_chart_lookup_task (self, task_id, &index) ||
      !_charter_gantt_chart_bar_rect (self, index, &rect))
    return;

  target = (GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                            MAX ((int) rect.size.width, 1), MAX ((int) rect.size.height, 1) };
  if (!gtk_popover_get_pointing_to (GTK_POPOVER (self->edit_popover), &current) ||
      !gdk_rectangle_equal (&target, &current))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->edit_popover), &target);
}

/* Enter on a bar: the task's editor. */
static void
open_editor (CharterGanttChart *self)
{
  CharterTask *task;
  guint index;

  task = _charter_gantt_chart_selected_task (self, &index);
  if (task == NULL || !_charter_gantt_chart_check_editable (self))
    return;

  _charter_gantt_chart_close_editor (self);
  charter_task_editor_set_task_id (CHARTER_TASK_EDITOR (self->edit_popover),
                                   charter_item_get_id (CHARTER_ITEM (task)));
  _charter_gantt_chart_reveal_task (self, index);
  _charter_gantt_chart_point_editor (self);
  gtk_popover_popup (GTK_POPOVER (self->edit_popover));
}

/* "Apply": the editor has applied every edit as it was made; this closes
 * it, applying what is still being typed. */
static void
apply_editor (CharterGanttChart *self)
{
  _charter_gantt_chart_close_editor (self);
}

/* Today: the today line in the middle, when today is in the plan. Outside
 * it the chart shows the plan's end nearest today, with the today line at
 * the edge when it is on the chart, and says where today is: otherwise the
 * button would seem to do nothing, or show an empty chart. */
static void
show_today (CharterGanttChart *self)
{
  g_autofree char *today = NULL;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;
  double margin, x, cw;

  _charter_gantt_chart_ensure_built (self);
  cw = _charter_gantt_chart_chart_width (self);
  if (self->tasks->len == 0 || (self->today >= self->plan_start && self->today <= self->plan_finish))
    {
      charter_gantt_chart_scroll_to_day (self, self->today);
      return;
    }

  /* Translators: a date with weekday and year, strftime format */
  today = charter_timeline_format_day (self->today, _("%a %-d %b %Y"));
  margin = self->em * 4;
  if (self->today < self->plan_start)
    {
      end = charter_timeline_format_day (self->plan_start, _("%a %-d %b %Y"));
      /* Translators: the first %s is today's date, the second the plan's first day */
      text = g_strdup_printf (_("Today (%s) is before the plan starts (%s)."), today, end);
      x = charter_timeline_scale_day_to_x (&self->scale, self->plan_start) - margin;
      /* Today at the left edge if the plan's start still shows. */
      if (self->today >= self->scale.origin &&
          charter_timeline_scale_day_to_x (&self->scale, self->plan_start)
          - charter_timeline_scale_day_to_x (&self->scale, self->today) + 2 * margin <= cw)
        x = charter_timeline_scale_day_to_x (&self->scale, self->today) - margin;
    }
  else
    {
      end = charter_timeline_format_day (self->plan_finish, _("%a %-d %b %Y"));
      /* Translators: the first %s is today's date, the second the plan's last day */
      text = g_strdup_printf (_("Today (%s) is after the plan ends (%s)."), today, end);
      x = charter_timeline_scale_day_to_x (&self->scale, self->plan_finish + 1) + margin - cw;
      /* Today at the right edge if the plan's end still shows. */
      if (self->today < self->range_end &&
          charter_timeline_scale_day_to_x (&self->scale, self->today + 1)
          - charter_timeline_scale_day_to_x (&self->scale, self->plan_finish + 1) + 2 * margin <= cw)
        x = charter_timeline_scale_day_to_x (&self->scale, self->today + 1) + margin - cw;
    }

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, MAX (x, 0));
  _charter_gantt_chart_set_message (self, text);
}

/* One callback per action ------------------------------------------------- */

static void
lengthen_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  change_duration (self, 1);
}

static void
shorten_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  change_duration (self, -1);
}

static void
move_later_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  move_start (self, 1);
}

static void
move_earlier_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  move_start (self, -1);
}

static void
select_next_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  _charter_gantt_chart_select_step (self, 1);
}

static void
select_previous_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  _charter_gantt_chart_select_step (self, -1);
}

static void
zoom_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  charter_gantt_chart_set_zoom (self, MAX ((int) self->zoom - 1, CHARTER_TIMELINE_ZOOM_DAYS));
}

static void
zoom_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  charter_gantt_chart_set_zoom (self, MIN (self->zoom + 1, CHARTER_TIMELINE_ZOOM_MONTHS));
}

static void
show_today_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  show_today (self);
}

static void
show_launch_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  charter_gantt_chart_scroll_to_day (self, self->launch_day);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  open_editor (self);
}

static void
apply_edit_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  apply_editor (self);
}

/* Installs the actions and their key bindings, from class_init. */
void
_charter_gantt_chart_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    guint       key;
    GdkModifierType mods;
  } bindings[] = {
    { "timeline.lengthen", GDK_KEY_Right, GDK_SHIFT_MASK },
    { "timeline.shorten", GDK_KEY_Left, GDK_SHIFT_MASK },
    { "timeline.move-later", GDK_KEY_Right, GDK_ALT_MASK },
    { "timeline.move-earlier", GDK_KEY_Left, GDK_ALT_MASK },
    { "timeline.select-next", GDK_KEY_Down, 0 },
    { "timeline.select-previous", GDK_KEY_Up, 0 },
    { "timeline.zoom-in", GDK_KEY_plus, GDK_CONTROL_MASK },
    { "timeline.zoom-in", GDK_KEY_equal, GDK_CONTROL_MASK },
    { "timeline.zoom-out", GDK_KEY_minus, GDK_CONTROL_MASK },
    { "timeline.edit", GDK_KEY_Return, 0 },
    { "timeline.edit", GDK_KEY_KP_Enter, 0 },
  };
  static const struct {
    const char                  *name;
    GtkWidgetActionActivateFunc  activate;
  } actions[] = {
    { "timeline.lengthen", lengthen_action_cb },
    { "timeline.shorten", shorten_action_cb },
    { "timeline.move-later", move_later_action_cb },
    { "timeline.move-earlier", move_earlier_action_cb },
    { "timeline.select-next", select_next_action_cb },
    { "timeline.select-previous", select_previous_action_cb },
    { "timeline.zoom-in", zoom_in_action_cb },
    { "timeline.zoom-out", zoom_out_action_cb },
    { "timeline.show-today", show_today_action_cb },
    { "timeline.show-launch", show_launch_action_cb },
    { "timeline.edit", edit_action_cb },
    { "timeline.apply-edit", apply_edit_action_cb },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, NULL, actions[i].activate);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods, bindings[i].name, NULL);
}
