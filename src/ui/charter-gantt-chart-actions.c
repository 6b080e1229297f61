/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-actions.c: the chart's actions, one callback each
 * (as GNOME Text Editor's editor-window-actions.c): the keyboard's
 * equivalents of the drags, selection, zoom, Today and Launch, and the
 * editor that Enter opens on a bar. Key bindings, menus and tests all go
 * through these actions. */

#define G_LOG_DOMAIN "charter-gantt-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-gantt-chart-private.h"

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

/* After the editor fills a field from the model: that was no typing of
 * the person's, so Ctrl+Z in the field must not take it back (GtkText
 * would empty the field); with nothing typed to undo, Ctrl+Z reaches the
 * window and undoes the document. */
static void
forget_field_history (GtkWidget *field)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (field), TRUE);
}

/* Closes the editor and forgets its task; the keyboard stays on the chart
 * when the editor had it. */
void
_charter_gantt_chart_close_editor (CharterGanttChart *self)
{
  gboolean had_focus = FALSE;

  if (self->edit_popover == NULL)
    return;

  if (gtk_widget_get_visible (self->edit_popover))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->edit_popover);
      gtk_popover_popdown (GTK_POPOVER (self->edit_popover));
    }
  g_clear_pointer (&self->edit_task, g_free);
  g_clear_pointer (&self->edit_shown_start, g_free);

  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The document changed under an open editor (Undo, Redo, another view):
 * gone task, gone editor; otherwise the fields the person has not typed
 * over show the task as it is now. */
void
_charter_gantt_chart_follow_editor_task (CharterGanttChart *self)
{
  CharterTask *task;
  const char *start;
  g_autofree char *title = NULL;

  if (self->edit_task == NULL || self->edit_popover == NULL || !gtk_widget_get_visible (self->edit_popover))
    return;

  task = self->document != NULL ?
    charter_document_find (self->document, charter_document_get_tasks (self->document), self->edit_task) : NULL;
  if (task == NULL)
    {
      _charter_gantt_chart_close_editor (self);
      return;
    }

  title = g_strdup_printf (_("Edit “%s”"), charter_task_get_name (task));
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->edit_title)), title) != 0)
    gtk_label_set_label (GTK_LABEL (self->edit_title), title);

  if (charter_task_get_duration (task) != self->edit_shown_duration)
    {
      if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->edit_duration)) == self->edit_shown_duration)
        {
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->edit_duration), charter_task_get_duration (task));
          forget_field_history (self->edit_duration);
        }
      self->edit_shown_duration = charter_task_get_duration (task);
    }

  start = charter_task_get_start_no_earlier_than (task) ? charter_task_get_start_no_earlier_than (task) : "";
  if (g_strcmp0 (start, self->edit_shown_start) != 0)
    {
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->edit_start)), self->edit_shown_start) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->edit_start), start);
          forget_field_history (self->edit_start);
        }
      g_free (self->edit_shown_start);
      self->edit_shown_start = g_strdup (start);
    }
}

/* The editor points at its task's bar, wherever the bar has moved to. */
void
_charter_gantt_chart_point_editor (CharterGanttChart *self)
{
  graphene_rect_t rect;
  GdkRectangle target, current;
  guint index;

  if (self->edit_task == NULL || !_charter_gantt_chart_lookup_task (self, self->edit_task, &index) || !_charter_gantt_chart_bar_rect (self, index, &rect))
    return;

  target = (GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                            MAX ((int) rect.size.width, 1), MAX ((int) rect.size.height, 1) };
  if (!gtk_popover_get_pointing_to (GTK_POPOVER (self->edit_popover), &current) ||
      !gdk_rectangle_equal (&target, &current))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->edit_popover), &target);
}

/* Enter on a bar: its duration and "start no earlier than" in a popover. */
static void
open_editor (CharterGanttChart *self)
{
  CharterTask *task;
  guint index;
  g_autofree char *title = NULL;

  task = _charter_gantt_chart_selected_task (self, &index);
  if (task == NULL || !_charter_gantt_chart_check_editable (self))
    return;

  g_free (self->edit_task);
  self->edit_task = g_strdup (charter_item_get_id (CHARTER_ITEM (task)));
  title = g_strdup_printf (_("Edit “%s”"), charter_task_get_name (task));
  gtk_label_set_label (GTK_LABEL (self->edit_title), title);
  self->edit_shown_duration = charter_task_get_duration (task);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->edit_duration), self->edit_shown_duration);
  gtk_widget_set_sensitive (self->edit_duration, !g_array_index (self->bars, CharterTimelineBar, index).milestone);
  g_free (self->edit_shown_start);
  self->edit_shown_start = g_strdup (charter_task_get_start_no_earlier_than (task) ?
                                     charter_task_get_start_no_earlier_than (task) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->edit_start), self->edit_shown_start);
  forget_field_history (self->edit_duration);
  forget_field_history (self->edit_start);
  gtk_widget_set_visible (self->edit_error, FALSE);

  _charter_gantt_chart_reveal_task (self, index);
  _charter_gantt_chart_point_editor (self);
  gtk_popover_popup (GTK_POPOVER (self->edit_popover));
  gtk_widget_grab_focus (gtk_widget_get_sensitive (self->edit_duration) ? self->edit_duration : self->edit_start);
}

static void
apply_editor (CharterGanttChart *self)
{
  CharterTask *task;
  const char *start_text;
  g_autofree char *start = NULL;
  g_autofree char *label = NULL;
  int duration;

  /* Only an open editor applies: a closed one may show a task long gone. */
  if (self->document == NULL || self->edit_task == NULL ||
      !gtk_widget_get_visible (self->edit_popover))
    return;
  task = charter_document_find (self->document, charter_document_get_tasks (self->document), self->edit_task);
  if (task == NULL)
    {
      _charter_gantt_chart_close_editor (self);
      return;
    }
  if (!_charter_gantt_chart_check_editable (self))
    return;

  start_text = gtk_editable_get_text (GTK_EDITABLE (self->edit_start));
  start = g_strstrip (g_strdup (start_text));
  if (*start != '\0' && _charter_gantt_chart_julian_from_iso (start) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, such as 2027-03-15."),
                                               start);
      gtk_label_set_label (GTK_LABEL (self->edit_error), text);
      gtk_widget_set_visible (self->edit_error, TRUE);
      return;
    }

  gtk_spin_button_update (GTK_SPIN_BUTTON (self->edit_duration));
  duration = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->edit_duration));
  label = g_strdup_printf (_("Edit “%s”"), charter_task_get_name (task));

  charter_document_begin_group (self->document, label);
  if (gtk_widget_get_sensitive (self->edit_duration) && duration != charter_task_get_duration (task))
    charter_document_set (self->document, task, "duration", duration, NULL);
  if (g_strcmp0 (charter_task_get_start_no_earlier_than (task), *start ? start : NULL) != 0)
    charter_document_set (self->document, task, "start-no-earlier-than", *start ? start : NULL, NULL);
  charter_document_end_group (self->document);

  gtk_popover_popdown (GTK_POPOVER (self->edit_popover));
  g_clear_pointer (&self->edit_task, g_free);
  _charter_gantt_chart_focus_selected (self);
}

static gboolean
on_editor_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CharterGanttChart     *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
    return FALSE;

  apply_editor (self);
  return TRUE;
}

/* Whether the person has typed over a field since the editor filled it. */
static gboolean
editor_fields_typed_over (CharterGanttChart *self)
{
  g_autofree char *shown_duration = g_strdup_printf ("%d", self->edit_shown_duration);

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->edit_duration)), shown_duration) != 0 ||
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->edit_start)), self->edit_shown_start) != 0;
}

/* The application's shortcuts (Ctrl+Z, Ctrl+S…) stop at a popover's edge
 * in GTK 4.8, and the fields take Ctrl+Z for their own undo even with
 * nothing to undo. So the editor hands them on: Ctrl+Z undoes the person's
 * typing while there is some, and the document after that (the editor then
 * follows the document, or closes with its task). */
static gboolean
on_editor_app_key_pressed_cb (GtkEventControllerKey *controller,
                              guint                  keyval,
                              guint                  keycode,
                              GdkModifierType        state,
                              CharterGanttChart     *self)
{
  GApplication *application = g_application_get_default ();
  g_autofree char *accel = NULL;
  g_auto(GStrv) actions = NULL;

  state &= gtk_accelerator_get_default_mod_mask ();
  if (!GTK_IS_APPLICATION (application) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    return FALSE;

  accel = gtk_accelerator_name (keyval, state);
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (application), accel);
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      if (!g_action_parse_detailed_name (actions[i], &name, &target, NULL))
        continue;
      if ((g_str_equal (name, "win.undo") || g_str_equal (name, "win.redo")) && editor_fields_typed_over (self))
        return FALSE;
      if (gtk_widget_activate_action_variant (GTK_WIDGET (self), name, target))
        return TRUE;
    }

  return FALSE;
}

void
_charter_gantt_chart_build_editor (CharterGanttChart *self)
{
  GtkWidget *box, *grid, *label, *button;

  self->edit_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->edit_popover, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->edit_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->edit_title), 0);
  gtk_widget_add_css_class (self->edit_title, "heading");
  gtk_box_append (GTK_BOX (box), self->edit_title);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  label = gtk_label_new_with_mnemonic (_("_Duration (working days)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->edit_duration = gtk_spin_button_new_with_range (1, 9999, 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->edit_duration);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_duration),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Duration in working days"), -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->edit_duration, 1, 0, 1, 1);

  label = gtk_label_new_with_mnemonic (_("_Start no earlier than"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->edit_start = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->edit_start), _("YYYY-MM-DD, or empty"));
  gtk_entry_set_activates_default (GTK_ENTRY (self->edit_start), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->edit_start);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_start),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Start no earlier than"), -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->edit_start, 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  self->edit_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->edit_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->edit_error), 36);
  gtk_label_set_xalign (GTK_LABEL (self->edit_error), 0);
  gtk_widget_add_css_class (self->edit_error, "error");
  gtk_widget_set_visible (self->edit_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->edit_error);

  button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "timeline.apply-edit");
  gtk_box_append (GTK_BOX (box), button);

  gtk_popover_set_child (GTK_POPOVER (self->edit_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->edit_popover), button);
  /* GtkSpinButton has no "activate" before GTK 4.14: Enter applies. */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key_pressed_cb), self);
    gtk_widget_add_controller (self->edit_duration, keys);

    keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_app_key_pressed_cb), self);
    gtk_widget_add_controller (self->edit_popover, keys);
  }
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
