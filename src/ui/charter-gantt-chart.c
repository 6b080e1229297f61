/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart.c: the Gantt chart of the Timeline workspace.
 *
 * One scrollable widget (GtkScrollable: the scrolled window around it hands
 * it adjustments) that paints a task list column on the left, a time axis
 * on top and the chart itself: non-working days, a team's days committed
 * elsewhere in its lane, today, the launch and the days launches may not
 * fall on, the project buffer and P80 date, baseline ghosts, float tails,
 * bars, milestones and dependency arrows. Only visible rows are drawn.
 *
 * Geometry (date <-> x, rows, hit testing, snapping) is plain C in
 * charter-timeline-geometry.c. Each visible bar also gets a CharterGanttBar
 * child, recycled as rows scroll, so AT-SPI and the keyboard reach it.
 *
 * The widget is split by concern, as GNOME Text Editor splits its window:
 * this file holds the state, follows the document and the schedule, and is
 * the GObject, the GtkScrollable and the public API;
 * charter-gantt-chart-draw.c paints it and picks its colours,
 * charter-gantt-chart-input.c turns gestures, drags and keys into edits,
 * charter-gantt-chart-actions.c has one callback per action (and the Enter
 * editor), and charter-gantt-chart-private.h is the struct they share.
 *
 * Edits go through the document: a drag is one undo group, changed live
 * so that the scheduler moves every successor while the pointer moves. */

#define G_LOG_DOMAIN "charter-gantt-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "charter-gantt-chart.h"
#include "charter-team-color.h"
#include "charter-gantt-chart-private.h"
#include "charter-gantt-bar.h"
#include "charter-style.h"
#include "charter-task-editor.h"

static void charter_gantt_chart_scrollable_init (GtkScrollableInterface *iface);
static void cancel_p80 (CharterGanttChart *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (CharterGanttChart, charter_gantt_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, charter_gantt_chart_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_ZOOM,
  PROP_SELECTED_TASK,
  PROP_BASELINE,
  PROP_MESSAGE,
  PROP_DRAG_FEEDBACK,
  PROP_P80_DAY,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

#define FEEDBACK_SECONDS 5

/* Helpers ---------------------------------------------------------------- */

guint32
_charter_gantt_chart_julian_from_iso (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return 0;
  if (!g_date_valid_dmy (d, m, y))
    return 0;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    return g_date_get_julian (&date);
  }
}

/* "Tue 16 Mar" */
char *
_charter_gantt_chart_short_day (guint32 julian)
{
  /* Translators: a short date with weekday, strftime format */
  return charter_timeline_format_day (julian, _("%a %-d %b"));
}

GDateWeekday
_charter_gantt_chart_weekday_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_weekday (&date);
}

gboolean
_charter_gantt_chart_is_working_day_cb (guint32  day,
                                        gpointer user_data)
{
  CharterGanttChart *self = user_data;

  if (self->schedule != NULL)
    return charter_schedule_is_working_day (self->schedule, day);

  return _charter_gantt_chart_weekday_of (day) <= G_DATE_FRIDAY;
}

CharterTask *
_charter_gantt_chart_get_task (CharterGanttChart *self,
                               guint              index)
{
  return index < self->tasks->len ? g_ptr_array_index (self->tasks, index) : NULL;
}

gboolean
_charter_gantt_chart_lookup_task (CharterGanttChart *self,
                                  const char        *task_id,
                                  guint             *index)
{
  gpointer value;

  if (task_id == NULL)
    return FALSE;

  value = g_hash_table_lookup (self->task_index, task_id);
  if (value == NULL)
    return FALSE;

  *index = GPOINTER_TO_UINT (value) - 1;

  return TRUE;
}

const CharterTaskDates *
_charter_gantt_chart_get_dates (CharterGanttChart *self,
                                guint              index)
{
  CharterTask *task = _charter_gantt_chart_get_task (self, index);

  if (self->schedule == NULL || task == NULL)
    return NULL;

  return charter_schedule_get_task_dates (self->schedule, charter_item_get_id (CHARTER_ITEM (task)));
}

const GdkRGBA *
_charter_gantt_chart_lane_color (CharterGanttChart *self,
                                 guint              team)
{
  guint lane = team < self->teams->len ? team : self->teams->len;

  return &g_array_index (self->team_colors, GdkRGBA, lane);
}

GdkRGBA
_charter_gantt_chart_shade (const GdkRGBA *c,
                            double         factor,
                            double         alpha)
{
  GdkRGBA out = { c->red * factor, c->green * factor, c->blue * factor, alpha };

  return out;
}

static gboolean
on_message_timeout_cb (gpointer user_data)
{
  CharterGanttChart *self = user_data;

  self->message_timeout = 0;
  _charter_gantt_chart_set_message (self, NULL);

  return G_SOURCE_REMOVE;
}

void
_charter_gantt_chart_set_message (CharterGanttChart *self,
                                  const char        *message)
{
  g_clear_handle_id (&self->message_timeout, g_source_remove);

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (message != NULL)
    self->message_timeout = g_timeout_add_seconds (FEEDBACK_SECONDS, on_message_timeout_cb, self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_charter_gantt_chart_set_drag_feedback (CharterGanttChart *self,
                                        char              *feedback)
{
  if (g_strcmp0 (self->drag_feedback, feedback) == 0)
    {
      g_free (feedback);
      return;
    }

  g_free (self->drag_feedback);
  self->drag_feedback = feedback;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAG_FEEDBACK]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_metrics (CharterGanttChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = 11.0 * 96.0 / 72.0;
  double em;

  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        size *= 96.0 / 72.0;
    }

  em = round (size);
  if (em == self->em)
    return;

  self->em = em;
  self->structure_for_drag = FALSE;   /* the rows' heights change */
  self->row_height = round (em * 3.0);
  self->header_height = round (em * 2.6);
  self->axis_height = round (em * 4.0);
  self->dirty = TRUE;
}

/* The task list takes up to 42 % of the width, so the chart keeps room on
 * a 1280-pixel projector with large type. */
static void
update_list_width (CharterGanttChart *self,
                   int                width)
{
  double list = round (MIN (self->em * 34, MAX (self->em * 22, width * 0.42)));

  if (width <= 0)
    list = round (self->em * 34);
  if (list != self->list_width)
    {
      self->list_width = list;
      self->dirty = TRUE;
    }
}

/* The text of the bar's accessible description and tooltip. */
char *
_charter_gantt_chart_describe_task (CharterGanttChart *self,
                                    guint              index)
{
  CharterTask *task = _charter_gantt_chart_get_task (self, index);
  const CharterTaskDates *dates = _charter_gantt_chart_get_dates (self, index);
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;
  GString *text;

  if (dates == NULL)
    return g_strdup (_("Not scheduled: the plan cannot be scheduled as it stands."));

  start = charter_timeline_format_day (dates->early_start, _("%A %-d %B %Y"));
  finish = charter_timeline_format_day (dates->early_finish, _("%A %-d %B %Y"));
  text = g_string_new (NULL);

  if (charter_task_get_milestone (task) || dates->duration == 0)
    g_string_append_printf (text, _("Milestone on %s."), start);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Starts %s, finishes %s, %d working day.",
                                         "Starts %s, finishes %s, %d working days.",
                                         dates->duration),
                            start, finish, dates->duration);

  if (dates->critical)
    g_string_append_printf (text, " %s", _("On the critical path."));
  else if (dates->total_float > 0)
    g_string_append_printf (text, " %s",
                            g_dngettext (GETTEXT_PACKAGE, "Can slip %d working day.",
                                         "Can slip %d working days.", dates->total_float));
  if (dates->missed_deadline)
    g_string_append_printf (text, " %s", _("Misses its deadline."));
  if (dates->driver != NULL)
    g_string_append_printf (text, " %s %s.", _("Starts then because:"), dates->driver);

  return g_string_free (text, FALSE);
}

/* Rebuilding from the document and schedule ------------------------------ */

static void
read_baseline (CharterGanttChart *self)
{
  GListModel *baselines;
  g_autoptr(CharterBaseline) baseline = NULL;
  GListModel *entries;
  guint n;

  g_hash_table_remove_all (self->baseline_dates);
  if (self->document == NULL)
    return;

  baselines = charter_document_get_baselines (self->document);
  if (self->baseline_id != NULL)
    {
      CharterBaseline *found = charter_document_find (self->document, baselines, self->baseline_id);

      if (found != NULL)
        baseline = g_object_ref (found);
    }
  else if (g_list_model_get_n_items (baselines) > 0)
    baseline = g_list_model_get_item (baselines, 0);

  if (baseline == NULL)
    return;

  entries = charter_baseline_get_entries (baseline);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterBaselineEntry) entry = g_list_model_get_item (entries, i);
      CharterTimelineBar *bar = g_new0 (CharterTimelineBar, 1);

      bar->start = _charter_gantt_chart_julian_from_iso (charter_baseline_entry_get_start (entry));
      bar->finish = _charter_gantt_chart_julian_from_iso (charter_baseline_entry_get_finish (entry));
      bar->placed = bar->start != 0 && bar->finish >= bar->start;
      if (!bar->placed || charter_baseline_entry_get_task_id (entry) == NULL)
        {
          g_free (bar);
          continue;
        }
      g_hash_table_insert (self->baseline_dates,
                           g_strdup (charter_baseline_entry_get_task_id (entry)), bar);
    }
}


static void
rebuild (CharterGanttChart *self)
{
  GListModel *tasks, *teams;
  guint n_tasks = 0, n_teams = 0;
  g_autofree guint *task_team = NULL;
  g_autofree gboolean *collapsed = NULL;
  guint32 first = 0, last = 0, old_origin = self->scale.origin;
  GHashTableIter iter;
  gpointer value;
  /* During a drag only the dragged task's duration or start changes, by
   * the chart's own hand, inside its undo group: the tasks, teams, lanes,
   * rows, dependencies and baseline stay as they were at the press, and
   * only the dates are read again. That keeps a 10,000-task drag frame
   * from hashing every id and resolving every dependency again. */
  gboolean keep_structure = self->structure_for_drag &&
                            (self->drag_mode == DRAG_END || self->drag_mode == DRAG_MOVE);

  self->dirty = FALSE;

  if (!keep_structure)
    {
      g_ptr_array_set_size (self->tasks, 0);
      g_ptr_array_set_size (self->teams, 0);
      g_hash_table_remove_all (self->task_index);
      g_hash_table_remove_all (self->team_index);
      self->launch_task = G_MAXUINT;
      self->has_uncertainty = FALSE;

      if (self->document != NULL)
        {
          tasks = charter_document_get_tasks (self->document);
          teams = charter_document_get_teams (self->document);
          n_tasks = g_list_model_get_n_items (tasks);
          n_teams = g_list_model_get_n_items (teams);

          for (guint i = 0; i < n_teams; i++)
            {
              CharterTeam *team = g_list_model_get_item (teams, i);

              g_ptr_array_add (self->teams, team);
              g_hash_table_insert (self->team_index, (gpointer) charter_item_get_id (CHARTER_ITEM (team)),
                                   GUINT_TO_POINTER (i + 1));
            }
          for (guint i = 0; i < n_tasks; i++)
            {
              CharterTask *task = g_list_model_get_item (tasks, i);

              g_ptr_array_add (self->tasks, task);
              g_hash_table_insert (self->task_index, (gpointer) charter_item_get_id (CHARTER_ITEM (task)),
                                   GUINT_TO_POINTER (i + 1));
            }
        }

      /* Team colours: the team's own, else the palette by position. */
      g_array_set_size (self->team_colors, n_teams + 1);
      for (guint i = 0; i <= n_teams; i++)
        {
          GdkRGBA *color = &g_array_index (self->team_colors, GdkRGBA, i);

          charter_team_color (i < n_teams ? g_ptr_array_index (self->teams, i) : NULL, i, color);
        }

      task_team = g_new (guint, MAX (n_tasks, 1));
      collapsed = g_new0 (gboolean, n_teams + 1);
      for (guint i = 0; i < n_teams; i++)
        collapsed[i] = g_hash_table_contains (self->collapsed,
                                              charter_item_get_id (g_ptr_array_index (self->teams, i)));
      collapsed[n_teams] = g_hash_table_contains (self->collapsed, "");
    }

  n_tasks = self->tasks->len;
  n_teams = self->teams->len;
  self->launch_task = G_MAXUINT;
  self->has_uncertainty = FALSE;
  g_array_set_size (self->bars, n_tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      CharterTask *task = g_ptr_array_index (self->tasks, i);
      CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, i);
      const CharterTaskDates *dates = NULL;
      gpointer team = NULL;

      if (!keep_structure)
        {
          if (charter_task_get_team_id (task) != NULL)
            team = g_hash_table_lookup (self->team_index, charter_task_get_team_id (task));
          task_team[i] = team != NULL ? GPOINTER_TO_UINT (team) - 1 : CHARTER_TIMELINE_NO_TEAM;
        }

      if (self->schedule != NULL)
        {
          if (i < charter_schedule_get_n_tasks (self->schedule) &&
              g_strcmp0 (charter_schedule_get_task_id (self->schedule, i),
                         charter_item_get_id (CHARTER_ITEM (task))) == 0)
            dates = charter_schedule_peek_task_dates_at (self->schedule, i);  /* no "why" sentence per task */
          else
            dates = charter_schedule_get_task_dates (self->schedule, charter_item_get_id (CHARTER_ITEM (task)));
        }

      bar->placed = dates != NULL && dates->early_start != 0;
      bar->start = bar->placed ? dates->early_start : 0;
      bar->finish = bar->placed ? MAX (dates->early_finish, dates->early_start) : 0;
      bar->milestone = charter_task_get_milestone (task) || (dates != NULL && dates->duration == 0);

      if (charter_task_get_launch (task) && self->launch_task == G_MAXUINT)
        self->launch_task = i;
      if (charter_task_get_optimistic (task) > 0 || charter_task_get_pessimistic (task) > 0)
        self->has_uncertainty = TRUE;

      if (bar->placed)
        {
          first = first == 0 ? bar->start : MIN (first, bar->start);
          last = MAX (last, bar->finish);
        }
    }

  if (!keep_structure)
    {
      charter_timeline_layout_build (self->layout, n_teams, collapsed, n_tasks, task_team,
                                     self->header_height, self->row_height);

      g_array_set_size (self->lane_counts, 0);
      g_array_set_size (self->lane_counts, n_teams + 1);
      for (guint i = 0; i < n_tasks; i++)
        g_array_index (self->lane_counts, guint, MIN (task_team[i], n_teams))++;

      /* Dependencies by task index, so that drawing arrows looks nothing up. */
      g_array_set_size (self->links, 0);
      if (self->document != NULL)
        {
          GListModel *dependencies = charter_document_get_dependencies (self->document);
          guint n_deps = g_list_model_get_n_items (dependencies);

          for (guint i = 0; i < n_deps; i++)
            {
              g_autoptr(CharterDependency) dep = g_list_model_get_item (dependencies, i);
              Link link = { 0, 0, charter_dependency_get_kind (dep) };

              if (_charter_gantt_chart_lookup_task (self, charter_dependency_get_predecessor (dep), &link.from) &&
                  _charter_gantt_chart_lookup_task (self, charter_dependency_get_successor (dep), &link.to))
                g_array_append_val (self->links, link);
            }
        }

      read_baseline (self);
    }
  g_hash_table_iter_init (&iter, self->baseline_dates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CharterTimelineBar *bar = value;

      first = first == 0 ? bar->start : MIN (first, bar->start);
      last = MAX (last, bar->finish);
    }

  self->plan_finish = last;

  /* The launch: the launch task's day, else the project's finish. */
  self->launch_day = 0;
  if (self->launch_task != G_MAXUINT && g_array_index (self->bars, CharterTimelineBar, self->launch_task).placed)
    self->launch_day = g_array_index (self->bars, CharterTimelineBar, self->launch_task).start;
  else if (self->schedule != NULL && n_tasks > 0)
    self->launch_day = charter_schedule_get_finish (self->schedule);

  if (self->schedule != NULL && charter_schedule_get_buffer_days (self->schedule) > 0)
    last = MAX (last, charter_schedule_add_working_days (self->schedule, charter_schedule_get_finish (self->schedule),
                                                         charter_schedule_get_buffer_days (self->schedule)));
  if (self->p80_day != 0)
    last = MAX (last, self->p80_day);

  if (first == 0)
    {
      const char *start = self->document ? charter_calendar_get_start (charter_document_get_calendar (self->document)) : NULL;

      first = _charter_gantt_chart_julian_from_iso (start);
      if (first == 0)
        first = self->today;
      last = first + 42;
      self->plan_finish = first;
    }

  self->plan_start = first;

  /* Today shows when it is near the plan (a planning session before the
   * start, a check-in during it), without stretching a distant plan. */
  if (self->today + 90 >= first && self->today <= last + 90)
    {
      first = MIN (first, self->today);
      last = MAX (last, self->today);
    }

  /* A week before, aligned to a Monday, and four weeks after. */
  first = first > 8 ? first - 7 : 1;
  while (_charter_gantt_chart_weekday_of (first) != G_DATE_MONDAY && first > 1)
    first--;
  self->scale.origin = first;
  self->scale.pixels_per_day = charter_timeline_zoom_get_pixels_per_day (self->zoom);
  self->range_end = MAX (last, first) + 28;

  /* Keep what is on screen where it was when the range grows to the left. */
  if (old_origin != 0 && old_origin != first && self->hadjustment != NULL)
    {
      double shift = ((double) old_origin - (double) first) * self->scale.pixels_per_day;

      gtk_adjustment_set_upper (self->hadjustment,
                                gtk_adjustment_get_upper (self->hadjustment) + MAX (shift, 0));
      gtk_adjustment_set_value (self->hadjustment,
                                MAX (gtk_adjustment_get_value (self->hadjustment) + shift, 0));
    }

  if (self->claimed_len < n_tasks)
    {
      g_free (self->claimed);
      self->claimed = g_new0 (guint, n_tasks);
      self->claimed_len = n_tasks;
    }

  if (self->drag_mode == DRAG_NONE)
    _charter_gantt_chart_schedule_p80 (self);
  else
    cancel_p80 (self);  /* its answer would be for a plan the drag has left */
}

void
_charter_gantt_chart_ensure_built (CharterGanttChart *self)
{
  if (self->em == 0)
    update_metrics (self);
  if (self->list_width == 0)
    update_list_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->dirty)
    rebuild (self);
}

static gboolean
reallocate_cb (gpointer user_data)
{
  CharterGanttChart *self = user_data;

  self->reallocate_idle = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
invalidate (CharterGanttChart *self)
{
  self->dirty = TRUE;
  /* Asked while allocating (a P80 already known arrives inside the rebuild
   * that size_allocate runs): GTK 4.8 would then paint this frame with the
   * chart still marked as needing an allocation and warn "Trying to
   * snapshot CharterGanttChart without a current allocation" (seen in the
   * presentation test under ASan). The next allocation comes after this
   * frame instead. */
  if (self->in_allocate)
    {
      if (self->reallocate_idle == 0)
        self->reallocate_idle = g_idle_add (reallocate_cb, self);
    }
  else
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_p80_day (CharterGanttChart *self,
             guint32            p80)
{
  if (p80 == self->p80_day)
    return;
  self->p80_day = p80;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_P80_DAY]);
}

static void
cancel_p80 (CharterGanttChart *self)
{
  g_clear_object (&self->p80_schedule);
  g_clear_handle_id (&self->p80_timeout, g_source_remove);
  if (self->p80_cancellable != NULL)
    g_cancellable_cancel (self->p80_cancellable);
  g_clear_object (&self->p80_cancellable);
}

static void
on_p80_simulated_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CharterGanttChart) self = user_data;
  g_autoptr(CharterSimulation) simulation = NULL;
  g_autoptr(GError) error = NULL;

  simulation = charter_scheduler_simulate_finish (CHARTER_SCHEDULER (source), result, &error);
  /* Cancelled: the plan changed again (or a drag began); a newer run comes. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->p80_cancellable);
  set_p80_day (self, simulation != NULL ? charter_simulation_get_finish (simulation, 80) : 0);
}

/* P80: a Monte Carlo run over the estimates' ranges and the risks, after the
 * plan has been still for a moment (never during a drag), in a worker
 * thread (charter_scheduler_simulate_async, as the Program workspace
 * does): the main thread only copies the plan, so no frame waits on the
 * runs. A newer plan cancels a run still going. */
static gboolean
on_p80_timeout_cb (gpointer user_data)
{
  CharterGanttChart *self = user_data;

  self->p80_timeout = 0;

  if (self->scheduler == NULL || self->schedule == NULL || !self->has_uncertainty)
    {
      set_p80_day (self, 0);
      return G_SOURCE_REMOVE;
    }

  self->p80_cancellable = g_cancellable_new ();
  charter_scheduler_simulate_async (self->scheduler, 500, 20260301, CHARTER_SIMULATION_NONE,
                                    self->p80_cancellable, on_p80_simulated_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
_charter_gantt_chart_schedule_p80 (CharterGanttChart *self)
{
  /* Every rebuild asks (the P80 widens the span, so its answer rebuilds
   * too): the same schedule needs no second forecast. */
  if (self->schedule != NULL && self->schedule == self->p80_schedule)
    return;
  cancel_p80 (self);
  g_set_object (&self->p80_schedule, self->schedule);

  if (self->schedule == NULL || !self->has_uncertainty)
    {
      self->p80_day = 0;
      return;
    }

  self->p80_timeout = g_timeout_add (250, on_p80_timeout_cb, self);
}

/* Geometry in widget coordinates ------------------------------------------ */

double
_charter_gantt_chart_hvalue (CharterGanttChart *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

double
_charter_gantt_chart_vvalue (CharterGanttChart *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

double
_charter_gantt_chart_chart_width (CharterGanttChart *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->list_width, 1);
}

double
_charter_gantt_chart_rows_height (CharterGanttChart *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - self->axis_height, 1);
}

void
_charter_gantt_chart_widget_to_chart (CharterGanttChart *self,
                                      double             x,
                                      double             y,
                                      double            *cx,
                                      double            *cy)
{
  *cx = x - self->list_width + _charter_gantt_chart_hvalue (self);
  *cy = y - self->axis_height + _charter_gantt_chart_vvalue (self);
}

gboolean
_charter_gantt_chart_bar_rect (CharterGanttChart *self,
                               guint              task,
                               graphene_rect_t   *rect)
{
  const CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, task);
  const CharterTimelineRow *row;
  guint r;
  double x0, x1, inset;

  if (!bar->placed || !charter_timeline_layout_find_task_row (self->layout, task, &r))
    return FALSE;

  row = charter_timeline_layout_get_row (self->layout, r);
  charter_timeline_bar_get_extent (&self->scale, bar, row->height, &x0, &x1);
  inset = bar->milestone ? (row->height - (x1 - x0)) / 2 : CHARTER_TIMELINE_BAR_INSET;
  graphene_rect_init (rect,
                      self->list_width + x0 - _charter_gantt_chart_hvalue (self),
                      self->axis_height + row->y - _charter_gantt_chart_vvalue (self) + inset,
                      x1 - x0,
                      row->height - 2 * inset);

  return TRUE;
}

static void
configure_adjustments (CharterGanttChart *self)
{
  double cw = _charter_gantt_chart_chart_width (self), ch = _charter_gantt_chart_rows_height (self);
  double total_w = ((double) self->range_end - self->scale.origin) * self->scale.pixels_per_day;
  double total_h = charter_timeline_layout_get_height (self->layout);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (total_w - cw, 0)),
                              0, MAX (total_w, cw), self->scale.pixels_per_day * 2, cw * 0.8, cw);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (total_h - ch, 0)),
                              0, MAX (total_h, ch), self->row_height, ch * 0.8, ch);
}

/* Gives each visible task row a bar widget, keeping the widget a task
 * already had (and with it the keyboard focus). */
static void
sync_bar_widgets (CharterGanttChart *self)
{
  guint first, n, used = 0;
  g_autoptr(GPtrArray) free_widgets = g_ptr_array_new ();
  g_autoptr(GArray) unclaimed = g_array_new (FALSE, FALSE, sizeof (guint));

  self->frame_stamp++;
  charter_timeline_layout_get_visible_rows (self->layout, _charter_gantt_chart_vvalue (self), _charter_gantt_chart_rows_height (self), &first, &n);

  /* Which visible tasks have bars to show. */
  for (guint r = first; r < first + n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->kind == CHARTER_TIMELINE_ROW_TASK &&
          g_array_index (self->bars, CharterTimelineBar, row->index).placed)
        self->claimed[row->index] = self->frame_stamp;
    }

  /* Widgets whose task is still visible keep it. */
  for (guint i = 0; i < self->bar_widgets->len; i++)
    {
      CharterGanttBar *bar = g_ptr_array_index (self->bar_widgets, i);
      guint task = charter_gantt_bar_get_task_index (bar);

      if (task < self->tasks->len && self->claimed[task] == self->frame_stamp &&
          g_strcmp0 (charter_gantt_bar_get_task_id (bar),
                     charter_item_get_id (g_ptr_array_index (self->tasks, task))) == 0)
        self->claimed[task] = self->frame_stamp + 1;  /* taken */
      else
        g_ptr_array_add (free_widgets, bar);
    }
  self->frame_stamp++;

  for (guint r = first; r < first + n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->kind == CHARTER_TIMELINE_ROW_TASK && self->claimed[row->index] == self->frame_stamp - 1)
        g_array_append_val (unclaimed, row->index);
    }

  for (guint i = 0; i < unclaimed->len; i++)
    {
      guint task = g_array_index (unclaimed, guint, i);
      CharterGanttBar *bar;

      if (used < free_widgets->len)
        bar = g_ptr_array_index (free_widgets, used++);
      else
        {
          bar = CHARTER_GANTT_BAR (charter_gantt_bar_new ());
          gtk_widget_set_parent (GTK_WIDGET (bar), GTK_WIDGET (self));
          g_ptr_array_add (self->bar_widgets, bar);
        }
      /* Set below with the description. */
      charter_gantt_bar_set_task (bar, task, charter_item_get_id (g_ptr_array_index (self->tasks, task)),
                                  NULL, NULL);
    }

  for (; used < free_widgets->len; used++)
    {
      CharterGanttBar *bar = g_ptr_array_index (free_widgets, used);

      charter_gantt_bar_set_task (bar, G_MAXUINT, NULL, NULL, NULL);
      gtk_widget_set_child_visible (GTK_WIDGET (bar), FALSE);
    }

  /* Names and descriptions: cheap when unchanged. */
  for (guint i = 0; i < self->bar_widgets->len; i++)
    {
      CharterGanttBar *bar = g_ptr_array_index (self->bar_widgets, i);
      guint task = charter_gantt_bar_get_task_index (bar);
      g_autofree char *description = NULL;

      if (task >= self->tasks->len)
        continue;

      description = _charter_gantt_chart_describe_task (self, task);
      charter_gantt_bar_set_task (bar, task, charter_item_get_id (g_ptr_array_index (self->tasks, task)),
                                  charter_task_get_name (g_ptr_array_index (self->tasks, task)),
                                  description);
      gtk_widget_set_child_visible (GTK_WIDGET (bar), TRUE);
    }
}

static void
allocate_bar_widgets (CharterGanttChart *self)
{
  for (guint i = 0; i < self->bar_widgets->len; i++)
    {
      GtkWidget *bar = g_ptr_array_index (self->bar_widgets, i);
      guint task = charter_gantt_bar_get_task_index (CHARTER_GANTT_BAR (bar));
      graphene_rect_t rect;
      int min_w, min_h;

      if (task >= self->tasks->len || !_charter_gantt_chart_bar_rect (self, task, &rect))
        continue;

      gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (bar,
                                &(GtkAllocation) {
                                  (int) floor (rect.origin.x), (int) floor (rect.origin.y),
                                  MAX ((int) ceil (rect.size.width), MAX (min_w, 1)),
                                  MAX ((int) ceil (rect.size.height), MAX (min_h, 1))
                                }, -1);
    }
}

static GtkWidget *
find_bar_widget (CharterGanttChart *self,
                 const char        *task_id)
{
  for (guint i = 0; i < self->bar_widgets->len; i++)
    {
      CharterGanttBar *bar = g_ptr_array_index (self->bar_widgets, i);

      if (gtk_widget_get_child_visible (GTK_WIDGET (bar)) &&
          g_strcmp0 (charter_gantt_bar_get_task_id (bar), task_id) == 0)
        return GTK_WIDGET (bar);
    }

  return NULL;
}

/* Scrolls so that @task's row and bar show. */
void
_charter_gantt_chart_reveal_task (CharterGanttChart *self,
                                  guint              task)
{
  const CharterTimelineRow *row;
  graphene_rect_t rect;
  guint r;

  if (!charter_timeline_layout_find_task_row (self->layout, task, &r))
    return;

  row = charter_timeline_layout_get_row (self->layout, r);
  if (self->vadjustment != NULL)
    {
      double v = _charter_gantt_chart_vvalue (self), page = _charter_gantt_chart_rows_height (self);

      if (row->y < v)
        gtk_adjustment_set_value (self->vadjustment, row->y);
      else if (row->y + row->height > v + page)
        gtk_adjustment_set_value (self->vadjustment, row->y + row->height - page);
    }

  if (self->hadjustment != NULL && _charter_gantt_chart_bar_rect (self, task, &rect))
    {
      double left = rect.origin.x - self->list_width;
      double right = left + rect.size.width;
      double cw = _charter_gantt_chart_chart_width (self), h = _charter_gantt_chart_hvalue (self);

      if (left < self->em * 2 || right > cw - self->em * 2)
        gtk_adjustment_set_value (self->hadjustment, MAX (h + left - self->em * 6, 0));
    }
}

void
_charter_gantt_chart_focus_selected (CharterGanttChart *self)
{
  GtkWidget *bar;

  sync_bar_widgets (self);
  bar = find_bar_widget (self, self->selected_task);
  if (bar != NULL)
    gtk_widget_grab_focus (bar);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}


static void
on_document_changed_cb (CharterGanttChart *self,
                        CharterDocument   *document)
{
  /* What the last drag or key did is no longer so after Undo, Redo or an
   * edit elsewhere; the chart's own edits say what they did after this. */
  if (self->drag_mode == DRAG_NONE && self->message != NULL)
    _charter_gantt_chart_set_message (self, NULL);

  /* The scheduler, called first, has already brought a new schedule for
   * this change and invalidated the chart; whatever was rebuilt since saw
   * the document as it is now. Invalidating again would rebuild a second
   * time in the same drag frame (the Timeline's summary reads the chart in
   * between). */
  if (self->schedule_during_change)
    {
      self->schedule_during_change = FALSE;
      return;
    }
  invalidate (self);
}

static void
on_schedule_changed_cb (CharterGanttChart *self,
                        GParamSpec        *pspec,
                        CharterScheduler  *scheduler)
{
  g_set_object (&self->schedule, charter_scheduler_get_schedule (scheduler));
  /* Inside the document's "changed", before the chart's own handler? */
  self->schedule_during_change = self->document != NULL && g_signal_get_invocation_hint (self->document) != NULL;
  invalidate (self);
}

static void
on_adjustment_value_changed_cb (GtkAdjustment     *adjustment,
                                CharterGanttChart *self)
{
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkScrollable ------------------------------------------------------------ */

static void
set_adjustment (CharterGanttChart  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
charter_gantt_chart_get_border (GtkScrollable *scrollable,
                                GtkBorder     *border)
{
  return FALSE;
}

static void
charter_gantt_chart_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = charter_gantt_chart_get_border;
}

/* GtkWidget ---------------------------------------------------------------- */

static void
charter_gantt_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  update_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) (self->em * 32);
      *natural = (int) (self->em * 84);
    }
  else
    {
      *minimum = (int) (self->axis_height + self->row_height * 3);
      *natural = (int) (self->axis_height + self->row_height * 12);
    }
}

static void
charter_gantt_chart_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  self->in_allocate = TRUE;
  update_metrics (self);
  update_list_width (self, width);
  _charter_gantt_chart_ensure_built (self);
  configure_adjustments (self);
  if (self->scroll_to_start && self->hadjustment != NULL && self->plan_start != 0)
    {
      self->scroll_to_start = FALSE;
      gtk_adjustment_set_value (self->hadjustment,
                                MAX (charter_timeline_scale_day_to_x (&self->scale, self->plan_start) - self->em * 8, 0));
    }
  sync_bar_widgets (self);
  allocate_bar_widgets (self);
  if (self->edit_popover != NULL && gtk_widget_get_visible (self->edit_popover))
    {
      _charter_gantt_chart_point_editor (self);
      gtk_popover_present (GTK_POPOVER (self->edit_popover));
    }
  self->in_allocate = FALSE;
}

static void
charter_gantt_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (charter_gantt_chart_parent_class)->css_changed (widget, change);

  _charter_gantt_chart_update_colors (CHARTER_GANTT_CHART (widget));
}

static gboolean
charter_gantt_chart_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);

  /* Tab enters at the selected bar (or the first) and leaves at once:
   * inside, Up and Down move between bars. */
  if (focus_child != NULL || gtk_widget_has_focus (widget))
    return FALSE;

  if (self->selected_task == NULL)
    _charter_gantt_chart_select_step (self, 1);
  else
    _charter_gantt_chart_focus_selected (self);

  return TRUE;
}

static void
charter_gantt_chart_dispose (GObject *object)
{
  CharterGanttChart *self = (CharterGanttChart *) object;

  if (self->drag_mode == DRAG_END || self->drag_mode == DRAG_MOVE)
    charter_gantt_chart_drag_cancel (self);

  g_clear_handle_id (&self->message_timeout, g_source_remove);
  g_clear_handle_id (&self->reallocate_idle, g_source_remove);
  cancel_p80 (self);

  for (guint i = 0; i < self->bar_widgets->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->bar_widgets, i));
  g_ptr_array_set_size (self->bar_widgets, 0);
  g_clear_pointer (&self->edit_popover, gtk_widget_unparent);

  charter_gantt_chart_set_scheduler (self, NULL);
  charter_gantt_chart_set_document (self, NULL);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->text);

  G_OBJECT_CLASS (charter_gantt_chart_parent_class)->dispose (object);
}

static void
charter_gantt_chart_finalize (GObject *object)
{
  CharterGanttChart *self = (CharterGanttChart *) object;

  g_clear_pointer (&self->layout, charter_timeline_layout_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->task_index, g_hash_table_unref);
  g_clear_pointer (&self->team_index, g_hash_table_unref);
  g_clear_pointer (&self->team_colors, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->lane_counts, g_array_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->bar_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->baseline_dates, g_hash_table_unref);
  g_clear_pointer (&self->claimed, g_free);
  g_clear_pointer (&self->selected_task, g_free);
  g_clear_pointer (&self->baseline_id, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->drag_task_id, g_free);
  g_clear_pointer (&self->drag_snet, g_free);
  g_clear_pointer (&self->drag_feedback, g_free);

  G_OBJECT_CLASS (charter_gantt_chart_parent_class)->finalize (object);
}

static void
charter_gantt_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_SELECTED_TASK:
      g_value_set_string (value, self->selected_task);
      break;
    case PROP_BASELINE:
      g_value_set_string (value, self->baseline_id);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_DRAG_FEEDBACK:
      g_value_set_string (value, self->drag_feedback);
      break;
    case PROP_P80_DAY:
      g_value_set_uint (value, self->p80_day);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_gantt_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_gantt_chart_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCHEDULER:
      charter_gantt_chart_set_scheduler (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      charter_gantt_chart_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_TASK:
      charter_gantt_chart_set_selected_task (self, g_value_get_string (value));
      break;
    case PROP_BASELINE:
      charter_gantt_chart_set_baseline (self, g_value_get_string (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_gantt_chart_class_init (CharterGanttChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_gantt_chart_dispose;
  object_class->finalize = charter_gantt_chart_finalize;
  object_class->get_property = charter_gantt_chart_get_property;
  object_class->set_property = charter_gantt_chart_set_property;

  widget_class->measure = charter_gantt_chart_measure;
  widget_class->size_allocate = charter_gantt_chart_size_allocate;
  widget_class->snapshot = _charter_gantt_chart_snapshot;
  widget_class->focus = charter_gantt_chart_focus;
  widget_class->css_changed = charter_gantt_chart_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL, CHARTER_TYPE_SCHEDULER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL,
                      CHARTER_TIMELINE_ZOOM_DAYS, CHARTER_TIMELINE_ZOOM_MONTHS, CHARTER_TIMELINE_ZOOM_WEEKS,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_TASK] =
    g_param_spec_string ("selected-task", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASELINE] =
    g_param_spec_string ("baseline", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DRAG_FEEDBACK] =
    g_param_spec_string ("drag-feedback", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_P80_DAY] =
    g_param_spec_uint ("p80-day", NULL, NULL, 0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  _charter_gantt_chart_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "ganttchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
charter_gantt_chart_init (CharterGanttChart *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  charter_style_ensure (gdk_display_get_default ());
  self->layout = charter_timeline_layout_new ();
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->teams = g_ptr_array_new_with_free_func (g_object_unref);
  self->task_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->team_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->team_colors = g_array_new (FALSE, TRUE, sizeof (GdkRGBA));
  self->bars = g_array_new (FALSE, TRUE, sizeof (CharterTimelineBar));
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  self->lane_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bar_widgets = g_ptr_array_new ();
  self->baseline_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->zoom = CHARTER_TIMELINE_ZOOM_WEEKS;
  self->launch_task = G_MAXUINT;
  self->dirty = TRUE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->today = g_date_get_julian (&today);

  _charter_gantt_chart_build_editor (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  _charter_gantt_chart_init_input (self);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
charter_gantt_chart_new (void)
{
  return g_object_new (CHARTER_TYPE_GANTT_CHART, NULL);
}

CharterDocument *
charter_gantt_chart_get_document (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return self->document;
}

void
charter_gantt_chart_set_document (CharterGanttChart *self,
                                  CharterDocument   *document)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));
  g_return_if_fail (document == NULL || CHARTER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->drag_mode != DRAG_NONE)
    charter_gantt_chart_drag_cancel (self);
  _charter_gantt_chart_close_editor (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed_cb, self);

  g_set_object (&self->document, document);
  self->scroll_to_start = TRUE;
  g_hash_table_remove_all (self->collapsed);
  g_clear_pointer (&self->selected_task, g_free);

  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CharterScheduler *
charter_gantt_chart_get_scheduler (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return self->scheduler;
}

void
charter_gantt_chart_set_scheduler (CharterGanttChart *self,
                                   CharterScheduler  *scheduler)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));
  g_return_if_fail (scheduler == NULL || CHARTER_IS_SCHEDULER (scheduler));

  if (self->scheduler == scheduler)
    return;

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_func (self->scheduler, on_schedule_changed_cb, self);

  g_set_object (&self->scheduler, scheduler);
  g_set_object (&self->schedule, (scheduler != NULL ? charter_scheduler_get_schedule (scheduler) : NULL));

  if (scheduler != NULL)
    g_signal_connect_object (scheduler, "notify::schedule", G_CALLBACK (on_schedule_changed_cb), self,
                             G_CONNECT_SWAPPED);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

CharterTimelineZoom
charter_gantt_chart_get_zoom (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), CHARTER_TIMELINE_ZOOM_WEEKS);

  return self->zoom;
}

void
charter_gantt_chart_set_zoom (CharterGanttChart   *self,
                              CharterTimelineZoom  zoom)
{
  guint32 centre;

  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));
  g_return_if_fail (zoom <= CHARTER_TIMELINE_ZOOM_MONTHS);

  if (self->zoom == zoom)
    return;

  /* The day in the middle stays in the middle. */
  _charter_gantt_chart_ensure_built (self);
  centre = charter_timeline_scale_x_to_day (&self->scale, _charter_gantt_chart_hvalue (self) + _charter_gantt_chart_chart_width (self) / 2);

  self->zoom = zoom;
  self->scale.pixels_per_day = charter_timeline_zoom_get_pixels_per_day (zoom);
  configure_adjustments (self);
  charter_gantt_chart_scroll_to_day (self, centre);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

const char *
charter_gantt_chart_get_selected_task (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return self->selected_task;
}

void
charter_gantt_chart_set_selected_task (CharterGanttChart *self,
                                       const char        *task_id)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  if (g_strcmp0 (self->selected_task, task_id) == 0)
    return;

  g_free (self->selected_task);
  self->selected_task = g_strdup (task_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TASK]);
}

const char *
charter_gantt_chart_get_baseline (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return self->baseline_id;
}

/* @baseline_id: (nullable): the baseline whose ghosts show; NULL for the first */
void
charter_gantt_chart_set_baseline (CharterGanttChart *self,
                                  const char        *baseline_id)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  if (g_strcmp0 (self->baseline_id, baseline_id) == 0)
    return;

  g_free (self->baseline_id);
  self->baseline_id = g_strdup (baseline_id);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

const char *
charter_gantt_chart_get_message (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return self->message;
}

guint32
charter_gantt_chart_get_launch_day (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), 0);

  _charter_gantt_chart_ensure_built (self);
  return self->launch_day;
}

guint32
charter_gantt_chart_get_p80_day (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), 0);

  return self->p80_day;
}

void
charter_gantt_chart_scroll_to_day (CharterGanttChart *self,
                                   guint32            julian_day)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  if (julian_day == 0 || self->hadjustment == NULL)
    return;

  _charter_gantt_chart_ensure_built (self);
  gtk_adjustment_set_value (self->hadjustment,
                            charter_timeline_scale_day_to_x (&self->scale, julian_day) - _charter_gantt_chart_chart_width (self) / 2);
}

/* Private API for tests and benchmarks ------------------------------------- */

/* The day the chart takes for today (the local date when it was made). */
void
charter_gantt_chart_set_today (CharterGanttChart *self,
                               guint32            julian_day)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));
  g_return_if_fail (julian_day != 0);

  if (self->today == julian_day)
    return;

  self->today = julian_day;
  invalidate (self);
}

void
charter_gantt_chart_sync (CharterGanttChart *self)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  update_metrics (self);
  update_list_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  _charter_gantt_chart_ensure_built (self);
  configure_adjustments (self);
  sync_bar_widgets (self);
}

gboolean
charter_gantt_chart_get_bar_bounds (CharterGanttChart *self,
                                    const char        *task_id,
                                    graphene_rect_t   *bounds)
{
  guint index;

  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), FALSE);

  _charter_gantt_chart_ensure_built (self);
  return _charter_gantt_chart_lookup_task (self, task_id, &index) && _charter_gantt_chart_bar_rect (self, index, bounds);
}

double
charter_gantt_chart_get_pixels_per_day (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), 0);

  return charter_timeline_zoom_get_pixels_per_day (self->zoom);
}

GtkWidget *
charter_gantt_chart_get_bar_widget (CharterGanttChart *self,
                                    const char        *task_id)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return find_bar_widget (self, task_id);
}

guint
charter_gantt_chart_get_n_bar_widgets (CharterGanttChart *self)
{
  guint n = 0;

  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), 0);

  for (guint i = 0; i < self->bar_widgets->len; i++)
    if (gtk_widget_get_child_visible (g_ptr_array_index (self->bar_widgets, i)))
      n++;

  return n;
}

CharterTimelineLayout *
charter_gantt_chart_get_layout (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  _charter_gantt_chart_ensure_built (self);
  return self->layout;
}

GtkWidget *
charter_gantt_chart_get_editor (CharterGanttChart  *self,
                                GtkWidget         **duration,
                                GtkWidget         **start)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  if (duration != NULL)
    *duration = GTK_WIDGET (gtk_widget_get_template_child (self->edit_popover, CHARTER_TYPE_TASK_EDITOR,
                                                           "duration_spin"));
  if (start != NULL)
    *start = GTK_WIDGET (gtk_widget_get_template_child (self->edit_popover, CHARTER_TYPE_TASK_EDITOR,
                                                        "start_entry"));

  return self->edit_popover;
}

void
charter_gantt_chart_toggle_lane (CharterGanttChart *self,
                                 const char        *team_id)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  if (team_id == NULL)
    team_id = "";

  if (!g_hash_table_remove (self->collapsed, team_id))
    g_hash_table_add (self->collapsed, g_strdup (team_id));

  invalidate (self);
}


/**
 * charter_gantt_chart_get_visible:
 * @first_day: (out): the first day in view
 * @last_day: (out): the last day in view
 *
 * What is in view, for File → Export's "What is in view".
 *
 * Returns: (transfer full): the ids of the tasks whose rows are in view
 */
GStrv
charter_gantt_chart_get_visible (CharterGanttChart *self,
                                 guint32           *first_day,
                                 guint32           *last_day)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  double hvalue = _charter_gantt_chart_hvalue (self);
  guint first, n;

  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  *first_day = charter_timeline_scale_x_to_day (&self->scale, hvalue);
  *last_day = charter_timeline_scale_x_to_day (&self->scale, hvalue + _charter_gantt_chart_chart_width (self));
  charter_timeline_layout_get_visible_rows (self->layout, _charter_gantt_chart_vvalue (self),
                                            _charter_gantt_chart_rows_height (self), &first, &n);
  for (guint r = first; r < first + n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->kind == CHARTER_TIMELINE_ROW_TASK && row->index < self->tasks->len)
        g_strv_builder_add (ids, charter_item_get_id (g_ptr_array_index (self->tasks, row->index)));
    }
  return g_strv_builder_end (ids);
}
