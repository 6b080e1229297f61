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
 * Edits go through the document: a drag is one undo group, changed live
 * so that the scheduler moves every successor while the pointer moves.
 *
 * Colours: a light and a dark set (CharterGanttColors), the one that fits
 * the style's text colour, so the chart follows AdwStyleManager's dark
 * style; team colours are charter_team_color()'s in both, with black or
 * white labels by contrast. */

#define G_LOG_DOMAIN "charter-gantt-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "charter-gantt-chart.h"
#include "charter-team-color.h"
#include "charter-gantt-chart-private.h"
#include "charter-gantt-bar.h"

typedef struct
{
  guint                 from;
  guint                 to;
  CharterDependencyType kind;
} Link;

typedef enum
{
  DRAG_NONE,
  DRAG_END,       /* the right end of a bar: the duration */
  DRAG_MOVE,      /* the body of a bar: start no earlier than */
  DRAG_PAN,       /* the empty chart */
  DRAG_CLICK,     /* a header or list row: acts on release */
} DragMode;

struct _CharterGanttChart
{
  GtkWidget              parent_instance;

  /* Owned */
  CharterDocument       *document;
  CharterScheduler      *scheduler;
  CharterSchedule       *schedule;
  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  CharterTimelineLayout *layout;
  GPtrArray             *tasks;          /* CharterTask, document order */
  GHashTable            *task_index;     /* id -> index + 1 */
  GPtrArray             *teams;          /* CharterTeam */
  GHashTable            *team_index;     /* id -> index + 1 */
  GArray                *team_colors;    /* GdkRGBA per team, then "no team" */
  GArray                *bars;           /* CharterTimelineBar per task */
  GArray                *links;          /* Link: dependencies resolved to task indices */
  GArray                *lane_counts;    /* guint per team, then "no team": tasks in the lane */
  GHashTable            *collapsed;      /* team ids ("" for no team) */
  GPtrArray             *bar_widgets;    /* CharterGanttBar pool */
  guint                 *claimed;        /* per task: frame stamp of the bar widget it holds */
  guint                  claimed_len;
  guint                  frame_stamp;
  GHashTable            *baseline_dates; /* task id -> CharterTimelineBar */
  PangoLayout           *text;
  const CharterGanttColors *colors;      /* light_colors or dark_colors */
  GtkWidget             *edit_popover;   /* Enter: duration and start of the selected task */
  GtkWidget             *edit_title;
  GtkWidget             *edit_duration;
  GtkWidget             *edit_start;
  GtkWidget             *edit_error;
  char                  *edit_task;      /* the task the open editor edits */
  /* What the editor last showed from the model: a field still showing it
   * follows the model, one the person typed over keeps what they typed. */
  int                    edit_shown_duration;
  char                  *edit_shown_start;
  char                  *selected_task;
  char                  *baseline_id;
  char                  *message;
  guint                  message_timeout;
  guint                  p80_timeout;

  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;
  guint                  dirty : 1;
  guint                  in_allocate : 1;
  guint                  has_uncertainty : 1;
  guint                  scroll_to_start : 1;  /* a new document: show where its plan starts */

  CharterTimelineZoom    zoom;
  CharterTimelineScale   scale;
  guint32                range_end;
  guint32                today;
  guint32                launch_day;
  guint                  launch_task;    /* G_MAXUINT for none */
  guint32                p80_day;
  guint32                plan_start;     /* the earliest bar */

  /* Metrics, from the font size (projector mode makes everything larger). */
  double                 em;
  double                 row_height;
  double                 header_height;
  double                 axis_height;
  double                 list_width;

  /* The drag in progress */
  DragMode               drag_mode;
  guint                  drag_task;
  char                  *drag_task_id;
  double                 drag_x;         /* widget x of the press */
  double                 drag_y;
  double                 drag_dx;
  double                 drag_dy;
  double                 drag_edge;      /* chart x of the dragged edge at the press */
  guint32                drag_start;     /* the bar's start at the press */
  guint32                drag_requested; /* the start asked for by a move */
  int                    drag_duration;  /* the duration at the press */
  char                  *drag_snet;      /* start-no-earlier-than at the press */
  guint32                drag_launch;    /* the launch day at the press */
  double                 drag_hvalue;
  double                 drag_vvalue;
  char                  *drag_feedback;
};

static void charter_gantt_chart_scrollable_init (GtkScrollableInterface *iface);

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

/* Projector-readable colours: in the light style a white canvas, black
 * text and strong lines; in the dark style a near-black canvas, white text
 * and light lines. Every text colour keeps 4.5:1 or more on what it is
 * drawn on (tests/timeline checks it). */
static CharterGanttColors light_colors, dark_colors;

#define FEEDBACK_SECONDS 5

/* Helpers ---------------------------------------------------------------- */

static guint32
julian_from_iso (const char *text)
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
static char *
short_day (guint32 julian)
{
  /* Translators: a short date with weekday, strftime format */
  return charter_timeline_format_day (julian, _("%a %-d %b"));
}

static GDateWeekday
weekday_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_weekday (&date);
}

static gboolean
is_working_day_cb (guint32  day,
                   gpointer user_data)
{
  CharterGanttChart *self = user_data;

  if (self->schedule != NULL)
    return charter_schedule_is_working_day (self->schedule, day);

  return weekday_of (day) <= G_DATE_FRIDAY;
}

static CharterTask *
get_task (CharterGanttChart *self,
          guint              index)
{
  return index < self->tasks->len ? g_ptr_array_index (self->tasks, index) : NULL;
}

static gboolean
lookup_task (CharterGanttChart *self,
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

static const CharterTaskDates *
get_dates (CharterGanttChart *self,
           guint              index)
{
  CharterTask *task = get_task (self, index);

  if (self->schedule == NULL || task == NULL)
    return NULL;

  return charter_schedule_get_task_dates (self->schedule, charter_item_get_id (CHARTER_ITEM (task)));
}

static const GdkRGBA *
lane_color (CharterGanttChart *self,
            guint              team)
{
  guint lane = team < self->teams->len ? team : self->teams->len;

  return &g_array_index (self->team_colors, GdkRGBA, lane);
}

static GdkRGBA
shade (const GdkRGBA *c,
       double         factor,
       double         alpha)
{
  GdkRGBA out = { c->red * factor, c->green * factor, c->blue * factor, alpha };

  return out;
}

static void
set_message (CharterGanttChart *self,
             const char        *message);

static gboolean
on_message_timeout_cb (gpointer user_data)
{
  CharterGanttChart *self = user_data;

  self->message_timeout = 0;
  set_message (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
set_message (CharterGanttChart *self,
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

static void
set_drag_feedback (CharterGanttChart *self,
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
static char *
describe_task (CharterGanttChart *self,
               guint              index)
{
  CharterTask *task = get_task (self, index);
  const CharterTaskDates *dates = get_dates (self, index);
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

      bar->start = julian_from_iso (charter_baseline_entry_get_start (entry));
      bar->finish = julian_from_iso (charter_baseline_entry_get_finish (entry));
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

static void schedule_p80 (CharterGanttChart *self);

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

  self->dirty = FALSE;

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

  g_array_set_size (self->bars, n_tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      CharterTask *task = g_ptr_array_index (self->tasks, i);
      CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, i);
      const CharterTaskDates *dates = NULL;
      gpointer team = NULL;

      if (charter_task_get_team_id (task) != NULL)
        team = g_hash_table_lookup (self->team_index, charter_task_get_team_id (task));
      task_team[i] = team != NULL ? GPOINTER_TO_UINT (team) - 1 : CHARTER_TIMELINE_NO_TEAM;

      if (self->schedule != NULL)
        {
          if (i < charter_schedule_get_n_tasks (self->schedule) &&
              g_strcmp0 (charter_schedule_get_task_id (self->schedule, i),
                         charter_item_get_id (CHARTER_ITEM (task))) == 0)
            dates = charter_schedule_get_task_dates_at (self->schedule, i);
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

          if (lookup_task (self, charter_dependency_get_predecessor (dep), &link.from) &&
              lookup_task (self, charter_dependency_get_successor (dep), &link.to))
            g_array_append_val (self->links, link);
        }
    }

  read_baseline (self);
  g_hash_table_iter_init (&iter, self->baseline_dates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CharterTimelineBar *bar = value;

      first = first == 0 ? bar->start : MIN (first, bar->start);
      last = MAX (last, bar->finish);
    }

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

      first = julian_from_iso (start);
      if (first == 0)
        first = self->today;
      last = first + 42;
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
  while (weekday_of (first) != G_DATE_MONDAY && first > 1)
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
    schedule_p80 (self);
}

static void
ensure_built (CharterGanttChart *self)
{
  if (self->em == 0)
    update_metrics (self);
  if (self->list_width == 0)
    update_list_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->dirty)
    rebuild (self);
}

static void
invalidate (CharterGanttChart *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* P80: a Monte Carlo run over the estimates' ranges, after the plan has
 * been still for a moment (never during a drag). */
static gboolean
on_p80_timeout_cb (gpointer user_data)
{
  CharterGanttChart *self = user_data;
  g_autoptr(CharterSimulation) simulation = NULL;
  guint32 p80 = 0;

  self->p80_timeout = 0;

  if (self->schedule != NULL && self->has_uncertainty)
    {
      simulation = charter_schedule_simulate (self->schedule, 500, 20260301, NULL);
      if (simulation != NULL)
        p80 = charter_simulation_get_finish (simulation, 80);
    }

  if (p80 != self->p80_day)
    {
      self->p80_day = p80;
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_P80_DAY]);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_p80 (CharterGanttChart *self)
{
  g_clear_handle_id (&self->p80_timeout, g_source_remove);

  if (self->schedule == NULL || !self->has_uncertainty)
    {
      self->p80_day = 0;
      return;
    }

  self->p80_timeout = g_timeout_add (250, on_p80_timeout_cb, self);
}

/* Geometry in widget coordinates ------------------------------------------ */

static double
hvalue (CharterGanttChart *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (CharterGanttChart *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static double
chart_width (CharterGanttChart *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->list_width, 1);
}

static double
rows_height (CharterGanttChart *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - self->axis_height, 1);
}

static void
widget_to_chart (CharterGanttChart *self,
                 double             x,
                 double             y,
                 double            *cx,
                 double            *cy)
{
  *cx = x - self->list_width + hvalue (self);
  *cy = y - self->axis_height + vvalue (self);
}

static gboolean
bar_rect (CharterGanttChart *self,
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
                      self->list_width + x0 - hvalue (self),
                      self->axis_height + row->y - vvalue (self) + inset,
                      x1 - x0,
                      row->height - 2 * inset);

  return TRUE;
}

static void
configure_adjustments (CharterGanttChart *self)
{
  double cw = chart_width (self), ch = rows_height (self);
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
  charter_timeline_layout_get_visible_rows (self->layout, vvalue (self), rows_height (self), &first, &n);

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

      description = describe_task (self, task);
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

      if (task >= self->tasks->len || !bar_rect (self, task, &rect))
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
static void
reveal_task (CharterGanttChart *self,
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
      double v = vvalue (self), page = rows_height (self);

      if (row->y < v)
        gtk_adjustment_set_value (self->vadjustment, row->y);
      else if (row->y + row->height > v + page)
        gtk_adjustment_set_value (self->vadjustment, row->y + row->height - page);
    }

  if (self->hadjustment != NULL && bar_rect (self, task, &rect))
    {
      double left = rect.origin.x - self->list_width;
      double right = left + rect.size.width;
      double cw = chart_width (self), h = hvalue (self);

      if (left < self->em * 2 || right > cw - self->em * 2)
        gtk_adjustment_set_value (self->hadjustment, MAX (h + left - self->em * 6, 0));
    }
}

static void
focus_selected (CharterGanttChart *self)
{
  GtkWidget *bar;

  sync_bar_widgets (self);
  bar = find_bar_widget (self, self->selected_task);
  if (bar != NULL)
    gtk_widget_grab_focus (bar);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Editing ----------------------------------------------------------------- */

static gboolean
check_editable (CharterGanttChart *self)
{
  if (self->document == NULL)
    return FALSE;

  if (charter_document_get_read_only (self->document))
    {
      g_autofree char *text = g_strdup_printf (_("This plan cannot be changed: %s"),
                                               charter_document_get_read_only_reason (self->document));
      set_message (self, text);
      return FALSE;
    }

  return TRUE;
}

static char *
iso_day (guint32 julian)
{
  return charter_timeline_format_day (julian, "%Y-%m-%d");
}

/* "Launch moves 3 working days later, to Tue 16 Mar" */
static char *
describe_launch_effect (CharterGanttChart *self,
                        guint32            before)
{
  guint32 after = self->launch_day;
  g_autofree char *day = short_day (after);
  int moved;

  if (self->schedule == NULL || before == 0 || after == 0)
    return g_strdup ("");

  if (after == before)
    return g_strdup_printf (_("Launch stays on %s"), day);

  if (after > before)
    {
      moved = MAX (charter_schedule_count_working_days (self->schedule, before + 1, after), 1);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Launch moves %d working day later, to %s",
                                           "Launch moves %d working days later, to %s", moved),
                              moved, day);
    }

  moved = MAX (charter_schedule_count_working_days (self->schedule, after + 1, before), 1);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Launch moves %d working day earlier, to %s",
                                       "Launch moves %d working days earlier, to %s", moved),
                          moved, day);
}

static char *
describe_duration_change (CharterGanttChart *self,
                          guint              task,
                          guint32            launch_before)
{
  const CharterTaskDates *dates;
  g_autofree char *finish = NULL;
  g_autofree char *launch = NULL;

  ensure_built (self);
  dates = get_dates (self, task);
  if (dates == NULL)
    return g_strdup (self->scheduler && charter_scheduler_get_error (self->scheduler)
                     ? charter_scheduler_get_error (self->scheduler)->message
                     : _("The plan cannot be scheduled."));

  finish = short_day (dates->early_finish);
  launch = describe_launch_effect (self, launch_before);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d working day, finishes %s\n%s",
                                       "%d working days, finishes %s\n%s", dates->duration),
                          dates->duration, finish, launch);
}

static char *
describe_move (CharterGanttChart *self,
               guint              task,
               guint32            requested,
               guint32            launch_before)
{
  const CharterTaskDates *dates;
  g_autofree char *start = NULL;
  g_autofree char *launch = NULL;

  ensure_built (self);
  dates = get_dates (self, task);
  if (dates == NULL)
    return g_strdup (_("The plan cannot be scheduled."));

  start = short_day (dates->early_start);
  launch = describe_launch_effect (self, launch_before);

  if (requested != 0 && dates->early_start > requested)
    {
      g_autofree char *asked = short_day (requested);

      return g_strdup_printf (_("Cannot start on %s: %s\nEarliest start %s"),
                              asked, dates->driver ? dates->driver : _("its dependencies"), start);
    }

  return g_strdup_printf (_("Starts %s\n%s"), start, launch);
}

static void
set_task_start (CharterGanttChart *self,
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

  ensure_built (self);
  widget_to_chart (self, x, y, &cx, &cy);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_hvalue = hvalue (self);
  self->drag_vvalue = vvalue (self);

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
        CharterTask *task = get_task (self, row->index);
        const CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, row->index);
        g_autofree char *label = NULL;
        double x0, x1;

        charter_gantt_chart_set_selected_task (self, charter_item_get_id (CHARTER_ITEM (task)));
        if (!check_editable (self))
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

        task = get_task (self, self->drag_task);
        duration = charter_timeline_snap_duration (&self->scale, self->drag_start, self->drag_edge + dx,
                                                   is_working_day_cb, self);
        if (task != NULL && duration != charter_task_get_duration (task))
          charter_document_set (self->document, task, "duration", duration, NULL);
        set_drag_feedback (self, describe_duration_change (self, self->drag_task, self->drag_launch));
      }
      break;

    case DRAG_MOVE:
      {
        guint32 day;

        task = get_task (self, self->drag_task);
        day = charter_timeline_snap_start (&self->scale, self->drag_edge + dx, is_working_day_cb, self);
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
              set_task_start (self, task, day);
          }
        set_drag_feedback (self, describe_move (self, self->drag_task, self->drag_requested, self->drag_launch));
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
  g_clear_pointer (&self->drag_task_id, g_free);
  g_clear_pointer (&self->drag_snet, g_free);
  set_drag_feedback (self, NULL);
  schedule_p80 (self);
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
      task = get_task (self, self->drag_task);
      if (task == NULL || charter_task_get_duration (task) == self->drag_duration)
        charter_document_cancel_group (self->document);
      else
        {
          final_feedback = g_strdup (self->drag_feedback);
          charter_document_end_group (self->document);
        }
      break;

    case DRAG_MOVE:
      task = get_task (self, self->drag_task);
      if (task != NULL)
        {
          const CharterTaskDates *dates;

          ensure_built (self);
          dates = get_dates (self, self->drag_task);
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
      set_message (self, final_feedback);
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
    focus_selected (self);
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
      set_message (self, _("Drag cancelled"));
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

  ensure_built (self);
  if (x >= self->list_width && y >= self->axis_height)
    {
      widget_to_chart (self, x, y, &cx, &cy);
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

  widget_to_chart (self, x, y, &cx, &cy);
  hit = charter_timeline_layout_hit_test (self->layout, &self->scale,
                                          (CharterTimelineBar *) self->bars->data, cx, cy, &r);
  if (hit != CHARTER_TIMELINE_HIT_BAR && hit != CHARTER_TIMELINE_HIT_BAR_END &&
      hit != CHARTER_TIMELINE_HIT_MILESTONE)
    return FALSE;

  row = charter_timeline_layout_get_row (self->layout, r);
  description = describe_task (self, row->index);
  name = g_markup_escape_text (charter_task_get_name (get_task (self, row->index)), -1);
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

static void follow_editor_task (CharterGanttChart *self);

static void
on_document_changed_cb (CharterGanttChart *self,
                        CharterDocument   *document)
{
  invalidate (self);
  follow_editor_task (self);
}

static void
on_schedule_changed_cb (CharterGanttChart *self,
                        GParamSpec        *pspec,
                        CharterScheduler  *scheduler)
{
  g_set_object (&self->schedule, charter_scheduler_get_schedule (scheduler));
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

/* Actions: the keyboard's equivalents of the drags ------------------------- */

static CharterTask *
selected_task (CharterGanttChart *self,
               guint             *index)
{
  guint i;

  ensure_built (self);
  if (!lookup_task (self, self->selected_task, &i))
    return NULL;
  if (index != NULL)
    *index = i;

  return get_task (self, i);
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

  task = selected_task (self, &index);
  if (task == NULL || !check_editable (self))
    return;
  if (g_array_index (self->bars, CharterTimelineBar, index).milestone)
    {
      set_message (self, _("A milestone has no duration"));
      return;
    }

  duration = MAX (charter_task_get_duration (task) + delta, 1);
  if (duration == charter_task_get_duration (task))
    {
      set_message (self, _("A task lasts at least one working day"));
      return;
    }

  charter_document_set (self->document, task, "duration", duration, NULL);
  text = describe_duration_change (self, index, launch_before);
  g_strdelimit (text, "\n", ' ');
  set_message (self, text);
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

  task = selected_task (self, &index);
  if (task == NULL || !check_editable (self))
    return;
  dates = get_dates (self, index);
  if (dates == NULL)
    return;

  day = charter_schedule_add_working_days (self->schedule, dates->early_start, delta);
  label = g_strdup_printf (_("Move “%s”"), charter_task_get_name (task));
  charter_document_begin_group (self->document, label);
  set_task_start (self, task, day);
  ensure_built (self);
  dates = get_dates (self, index);
  text = describe_move (self, index, day, launch_before);
  if (dates == NULL || dates->early_start != day)
    charter_document_cancel_group (self->document);
  else
    charter_document_end_group (self->document);

  g_strdelimit (text, "\n", ' ');
  set_message (self, text);
}

static void
select_step (CharterGanttChart *self,
             int                direction)
{
  guint index, row, next;

  ensure_built (self);
  if (!lookup_task (self, self->selected_task, &index) ||
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
  reveal_task (self, index);
  focus_selected (self);
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
static void
close_editor (CharterGanttChart *self)
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
static void
follow_editor_task (CharterGanttChart *self)
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
      close_editor (self);
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
static void
point_editor (CharterGanttChart *self)
{
  graphene_rect_t rect;
  GdkRectangle target, current;
  guint index;

  if (self->edit_task == NULL || !lookup_task (self, self->edit_task, &index) || !bar_rect (self, index, &rect))
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

  task = selected_task (self, &index);
  if (task == NULL || !check_editable (self))
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

  reveal_task (self, index);
  point_editor (self);
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
      close_editor (self);
      return;
    }
  if (!check_editable (self))
    return;

  start_text = gtk_editable_get_text (GTK_EDITABLE (self->edit_start));
  start = g_strstrip (g_strdup (start_text));
  if (*start != '\0' && julian_from_iso (start) == 0)
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
  focus_selected (self);
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

static void
build_editor (CharterGanttChart *self)
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

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);

  if (g_str_equal (action_name, "timeline.lengthen"))
    change_duration (self, 1);
  else if (g_str_equal (action_name, "timeline.shorten"))
    change_duration (self, -1);
  else if (g_str_equal (action_name, "timeline.move-later"))
    move_start (self, 1);
  else if (g_str_equal (action_name, "timeline.move-earlier"))
    move_start (self, -1);
  else if (g_str_equal (action_name, "timeline.select-next"))
    select_step (self, 1);
  else if (g_str_equal (action_name, "timeline.select-previous"))
    select_step (self, -1);
  else if (g_str_equal (action_name, "timeline.zoom-in"))
    charter_gantt_chart_set_zoom (self, MAX ((int) self->zoom - 1, CHARTER_TIMELINE_ZOOM_DAYS));
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    charter_gantt_chart_set_zoom (self, MIN (self->zoom + 1, CHARTER_TIMELINE_ZOOM_MONTHS));
  else if (g_str_equal (action_name, "timeline.show-today"))
    charter_gantt_chart_scroll_to_day (self, self->today);
  else if (g_str_equal (action_name, "timeline.show-launch"))
    charter_gantt_chart_scroll_to_day (self, self->launch_day);
  else if (g_str_equal (action_name, "timeline.edit"))
    open_editor (self);
  else if (g_str_equal (action_name, "timeline.apply-edit"))
    apply_editor (self);
}

/* Drawing ----------------------------------------------------------------- */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  if (w <= 0 || h <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius,
                double         width)
{
  GskRoundedRect outline;
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius)
{
  GskRoundedRect clip;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (x, y, w, h), MIN (radius, MIN (w, h) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

typedef enum
{
  TEXT_START = 0,
  TEXT_END = 1,
  TEXT_CENTER = 2,
  TEXT_MIDDLE = 1 << 4,  /* @y is the centre line, not the top */
} TextAlign;

/* Draws @text with its top at @y; returns its width. */
static int
append_text (CharterGanttChart *self,
             GtkSnapshot       *snapshot,
             const char        *text,
             double             x,
             double             y,
             double             width,
             TextAlign          align,
             PangoWeight        weight,
             double             scale,
             const GdkRGBA     *color)
{
  PangoFontDescription *font;
  PangoRectangle logical;

  font = pango_font_description_copy_static (pango_context_get_font_description (
    gtk_widget_get_pango_context (GTK_WIDGET (self))));
  pango_font_description_set_weight (font, weight);
  if (scale != 1.0)
    pango_font_description_set_absolute_size (font, self->em * scale * PANGO_SCALE);
  pango_layout_set_font_description (self->text, font);
  pango_font_description_free (font);

  pango_layout_set_text (self->text, text, -1);
  pango_layout_set_width (self->text, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (self->text, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (self->text, (align & 3) == TEXT_END ? PANGO_ALIGN_RIGHT
                                          : (align & 3) == TEXT_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (self->text, NULL, &logical);
  if (align & TEXT_MIDDLE)
    y -= logical.height / 2.0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, self->text, color);
  gtk_snapshot_restore (snapshot);

  return logical.width;
}

static int
text_height (CharterGanttChart *self,
             double             scale)
{
  return (int) round (self->em * scale * 1.25);
}

static void
append_diamond (GtkSnapshot   *snapshot,
                const GdkRGBA *fill,
                const GdkRGBA *outline,
                double         cx,
                double         cy,
                double         half,
                double         outline_width)
{
  double side = half * G_SQRT2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, fill, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  append_outline (snapshot, outline, -side / 2, -side / 2, side, side, 0, outline_width);
  gtk_snapshot_restore (snapshot);
}

typedef struct
{
  guint32 first_day;
  guint32 last_day;   /* exclusive */
  guint   first_row;
  guint   n_rows;
  double  x0;         /* visible chart x range */
  double  x1;
  double  y0;         /* visible chart y range */
  double  y1;
} Visible;

static void
draw_day_shading (CharterGanttChart *self,
                  GtkSnapshot       *snapshot,
                  const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  CharterWeekdays working = CHARTER_WEEKDAYS_WORKWEEK;
  double ppd = self->scale.pixels_per_day;

  if (self->document != NULL)
    working = charter_calendar_get_working_days (charter_document_get_calendar (self->document));

  for (guint32 day = v->first_day; day < v->last_day; day++)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, day);
      gboolean weekday_works = (working & (1 << (weekday_of (day) - 1))) != 0;

      /* At month zoom weekends would only stripe the chart: holidays only. */
      if (!is_working_day_cb (day, self) && (weekday_works || self->zoom != CHARTER_TIMELINE_ZOOM_MONTHS))
        append_rect (snapshot, weekday_works ? &colors->holiday_shade : &colors->weekend_shade,
                     x, v->y0, ppd, v->y1 - v->y0);

      /* Week and month lines. */
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, day);
        if (g_date_get_day (&date) == 1)
          append_rect (snapshot, &colors->strong_line, x, v->y0, 2, v->y1 - v->y0);
        else if (self->zoom != CHARTER_TIMELINE_ZOOM_MONTHS && g_date_get_weekday (&date) == G_DATE_MONDAY)
          append_rect (snapshot, &colors->grid_line, x, v->y0, 1, v->y1 - v->y0);
      }
    }
}

/* "Busy: Android 14 migration" in the lane's header, over the shaded days. */
static void
draw_commitment_label (CharterGanttChart        *self,
                       GtkSnapshot              *snapshot,
                       CharterTeam              *team,
                       guint32                   day,
                       double                    x0,
                       double                    x1,
                       const CharterTimelineRow *header)
{
  const CharterGanttColors *colors = self->colors;
  GListModel *commitments = charter_team_get_commitments (team);
  guint n = g_list_model_get_n_items (commitments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, i);
      guint32 start = julian_from_iso (charter_commitment_get_start (commitment));
      guint32 finish = julian_from_iso (charter_commitment_get_finish (commitment));
      g_autofree char *text = NULL;
      double left;

      if (start == 0 || day < start || (finish != 0 && day > finish))
        continue;

      text = g_strdup_printf (_("Busy: %s"), charter_commitment_get_reason (commitment)
                                             ? charter_commitment_get_reason (commitment) : _("committed elsewhere"));
      left = MAX (x0, hvalue (self)) + 8;
      append_rounded (snapshot, &colors->canvas_bg, left - 4, header->y + 5, MIN (x1 - left - 4, self->em * 22),
                      header->height - 10, 4);
      append_text (self, snapshot, text, left, header->y + header->height / 2, MIN (x1 - left - 8, self->em * 22 - 8),
                   TEXT_START | TEXT_MIDDLE, PANGO_WEIGHT_BOLD, 0.85, &colors->text_fg);
      return;
    }
}

/* A team's days committed elsewhere, shaded across its lane's visible rows. */
static void
draw_busy_days (CharterGanttChart *self,
                GtkSnapshot       *snapshot,
                const Visible     *v)
{
  guint r = v->first_row;

  if (self->schedule == NULL)
    return;

  while (r < v->first_row + v->n_rows)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      guint team = row->team;
      double top = row->y, bottom = row->y + row->height;
      const CharterTimelineRow *header = row->kind == CHARTER_TIMELINE_ROW_TEAM ? row : NULL;
      const char *team_id;
      GdkRGBA fill, edge;
      guint32 run_start = 0;

      for (r++; r < v->first_row + v->n_rows; r++)
        {
          const CharterTimelineRow *next = charter_timeline_layout_get_row (self->layout, r);

          if (next->team != team)
            break;
          bottom = next->y + next->height;
        }

      if (team >= self->teams->len)
        continue;

      team_id = charter_item_get_id (g_ptr_array_index (self->teams, team));
      /* Darker than the team's colour on the light canvas, lighter on the dark. */
      fill = shade (lane_color (self, team), self->colors->dark ? 1.0 : 0.6, 0.22);
      edge = shade (lane_color (self, team), self->colors->dark ? 1.0 : 0.45, self->colors->dark ? 0.65 : 0.55);

      for (guint32 day = v->first_day; day <= v->last_day; day++)
        {
          gboolean busy = day < v->last_day && charter_schedule_is_team_busy (self->schedule, team_id, day);

          if (busy && run_start == 0)
            run_start = day;
          else if (!busy && run_start != 0)
            {
              double x0 = charter_timeline_scale_day_to_x (&self->scale, run_start);
              double x1 = charter_timeline_scale_day_to_x (&self->scale, day);

              append_rect (snapshot, &fill, x0, top, x1 - x0, bottom - top);
              append_rect (snapshot, &edge, x0, top, 3, bottom - top);
              append_rect (snapshot, &edge, x1 - 3, top, 3, bottom - top);
              /* Stripes: the shading reads as "busy", not as a colour. */
              for (double sx = x0 + 8; sx < x1 - 4; sx += 10)
                append_rect (snapshot, &edge, sx, top, 1.5, bottom - top);
              if (header != NULL && x1 - x0 > self->em * 4)
                draw_commitment_label (self, snapshot, g_ptr_array_index (self->teams, team), run_start,
                                       x0, x1, header);
              run_start = 0;
            }
        }
    }
}

static void
draw_rows_background (CharterGanttChart *self,
                      GtkSnapshot       *snapshot,
                      const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  guint selected = G_MAXUINT;

  lookup_task (self, self->selected_task, &selected);

  for (guint r = v->first_row; r < v->first_row + v->n_rows; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
        {
          GdkRGBA band = *lane_color (self, row->team);

          band.alpha = 0.22;
          append_rect (snapshot, &band, v->x0, row->y, v->x1 - v->x0, row->height);
          append_rect (snapshot, &colors->strong_line, v->x0, row->y + row->height - 1, v->x1 - v->x0, 1);
        }
      else
        {
          if (row->index == selected)
            append_rect (snapshot, &colors->selection_bg, v->x0, row->y, v->x1 - v->x0, row->height);
          append_rect (snapshot, &colors->grid_line, v->x0, row->y + row->height - 1, v->x1 - v->x0, 1);
        }
    }
}

static void
draw_vertical_marks (CharterGanttChart *self,
                     GtkSnapshot       *snapshot,
                     const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  double ppd = self->scale.pixels_per_day;

  if (self->schedule != NULL && charter_schedule_get_buffer_days (self->schedule) > 0 && self->tasks->len > 0)
    {
      guint32 finish = charter_schedule_get_finish (self->schedule);
      guint32 end = charter_schedule_add_working_days (self->schedule, finish,
                                                       charter_schedule_get_buffer_days (self->schedule));
      double x0 = charter_timeline_scale_day_to_x (&self->scale, finish + 1);
      double x1 = charter_timeline_scale_day_to_x (&self->scale, end + 1);

      append_rect (snapshot, &colors->buffer_color, x0, v->y0, x1 - x0, v->y1 - v->y0);
    }

  if (self->p80_day != 0)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->p80_day + 1);

      for (double y = floor (v->y0 / 12) * 12; y < v->y1; y += 12)
        append_rect (snapshot, &colors->p80_color, x - 1, y, 3, 7);
    }

  if (self->today >= v->first_day && self->today < v->last_day)
    append_rect (snapshot, &colors->today_color,
                 charter_timeline_scale_day_to_x (&self->scale, self->today) + ppd / 2 - 1,
                 v->y0, 3, v->y1 - v->y0);

  if (self->launch_day != 0)
    append_rect (snapshot, &colors->launch_color,
                 charter_timeline_scale_day_to_x (&self->scale, self->launch_day) + ppd / 2 - 2,
                 v->y0, 4, v->y1 - v->y0);
}

static void
draw_arrows (CharterGanttChart *self,
             GtkSnapshot       *snapshot,
             const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  cairo_t *cr = NULL;
  guint last_row = v->first_row + v->n_rows;

  if (v->n_rows == 0)
    return;

  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      CharterDependencyType kind = link->kind;
      guint from = link->from, to = link->to, from_row, to_row;
      const CharterTimelineRow *fr, *tr;
      double fx0, fx1, tx0, tx1, ox, oy, ix, iy, a, b, out_dir, in_dir;
      const CharterTaskDates *fd, *td;
      gboolean critical;

      if (!charter_timeline_layout_find_task_row (self->layout, from, &from_row) ||
          !charter_timeline_layout_find_task_row (self->layout, to, &to_row))
        continue;
      if (MAX (from_row, to_row) < v->first_row || MIN (from_row, to_row) >= last_row)
        continue;
      if (!g_array_index (self->bars, CharterTimelineBar, from).placed ||
          !g_array_index (self->bars, CharterTimelineBar, to).placed)
        continue;

      fr = charter_timeline_layout_get_row (self->layout, from_row);
      tr = charter_timeline_layout_get_row (self->layout, to_row);
      charter_timeline_bar_get_extent (&self->scale, &g_array_index (self->bars, CharterTimelineBar, from),
                                       fr->height, &fx0, &fx1);
      charter_timeline_bar_get_extent (&self->scale, &g_array_index (self->bars, CharterTimelineBar, to),
                                       tr->height, &tx0, &tx1);
      if (MAX (MAX (fx1, tx1), MAX (fx0, tx0)) + 20 < v->x0 || MIN (fx0, tx0) - 20 > v->x1)
        continue;

      /* Out of the predecessor's finish (or start), into the successor's start (or finish). */
      out_dir = (kind == CHARTER_DEPENDENCY_START_TO_START || kind == CHARTER_DEPENDENCY_START_TO_FINISH) ? -1 : 1;
      in_dir = (kind == CHARTER_DEPENDENCY_FINISH_TO_FINISH || kind == CHARTER_DEPENDENCY_START_TO_FINISH) ? -1 : 1;
      ox = out_dir > 0 ? fx1 : fx0;
      ix = in_dir > 0 ? tx0 : tx1;
      oy = fr->y + fr->height / 2;
      iy = tr->y + tr->height / 2;
      a = ox + out_dir * 8;
      b = ix - in_dir * 10;

      fd = get_dates (self, from);
      td = get_dates (self, to);
      critical = fd != NULL && td != NULL && fd->critical && td->critical;

      if (cr == NULL)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (v->x0, v->y0, v->x1 - v->x0, v->y1 - v->y0));
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        }

      cairo_new_path (cr);
      cairo_move_to (cr, ox, oy);
      cairo_line_to (cr, a, oy);
      if ((in_dir > 0 && a <= b) || (in_dir < 0 && a >= b))
        {
          cairo_line_to (cr, a, iy);
        }
      else
        {
          double ym = to_row > from_row ? tr->y : tr->y + tr->height;

          cairo_line_to (cr, a, ym);
          cairo_line_to (cr, b, ym);
          cairo_line_to (cr, b, iy);
        }
      cairo_line_to (cr, ix - in_dir * 6, iy);

      gdk_cairo_set_source_rgba (cr, critical ? &colors->arrow_critical : &colors->arrow);
      cairo_set_line_width (cr, critical ? 3.0 : 1.8);
      cairo_stroke (cr);

      /* Arrow head */
      cairo_move_to (cr, ix, iy);
      cairo_line_to (cr, ix - in_dir * 9, iy - 6);
      cairo_line_to (cr, ix - in_dir * 9, iy + 6);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  if (cr != NULL)
    cairo_destroy (cr);
}

static void
draw_bars (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  guint selected = G_MAXUINT;
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));

  lookup_task (self, self->selected_task, &selected);
  for (guint i = 0; i < self->bar_widgets->len && !focused; i++)
    focused = gtk_widget_has_focus (g_ptr_array_index (self->bar_widgets, i));

  for (guint r = v->first_row; r < v->first_row + v->n_rows; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      const CharterTimelineBar *bar;
      const CharterTimelineBar *ghost;
      const CharterTaskDates *dates;
      const GdkRGBA *color;
      CharterTask *task;
      double x0, x1, top, height;

      if (row->kind != CHARTER_TIMELINE_ROW_TASK)
        continue;

      task = get_task (self, row->index);
      bar = &g_array_index (self->bars, CharterTimelineBar, row->index);
      dates = get_dates (self, row->index);
      color = lane_color (self, row->team);
      top = row->y + CHARTER_TIMELINE_BAR_INSET;
      height = row->height - 2 * CHARTER_TIMELINE_BAR_INSET;

      /* Baseline ghost: a hollow bar along the bottom of the row. */
      ghost = g_hash_table_lookup (self->baseline_dates, charter_item_get_id (CHARTER_ITEM (task)));
      if (ghost != NULL)
        {
          double g0 = charter_timeline_scale_day_to_x (&self->scale, ghost->start);
          double g1 = charter_timeline_scale_day_to_x (&self->scale, ghost->finish + 1);
          double gy = row->y + row->height - CHARTER_TIMELINE_BAR_INSET + 1;

          if (bar->milestone)
            g1 = g0 + self->scale.pixels_per_day;
          append_rect (snapshot, &colors->baseline_color, g0, gy - 2, g1 - g0, 6);
        }

      if (!bar->placed)
        continue;

      charter_timeline_bar_get_extent (&self->scale, bar, row->height, &x0, &x1);
      if (x1 + self->em * 30 < v->x0 || x0 - 20 > v->x1)
        continue;

      /* Float: a thin tail from the finish to the latest finish. */
      if (dates != NULL && dates->total_float > 0 && dates->late_finish > dates->early_finish && !bar->milestone)
        {
          double tail = charter_timeline_scale_day_to_x (&self->scale, dates->late_finish + 1);
          double cy = top + height / 2;

          append_rect (snapshot, &colors->float_color, x1, cy - 1.5, tail - x1, 3);
          append_rect (snapshot, &colors->float_color, tail - 2, cy - 7, 2, 14);
        }

      if (bar->milestone)
        {
          double half = (x1 - x0) / 2;
          gboolean launch = charter_task_get_launch (task);

          append_diamond (snapshot, launch ? &colors->launch_color : color, &colors->critical_outline,
                          x0 + half, row->y + row->height / 2, half,
                          dates != NULL && dates->critical ? 3 : 1.5);
        }
      else
        {
          GdkRGBA label_color;
          g_autofree char *label = NULL;
          double width = x1 - x0;

          charter_gantt_chart_bar_label_color (color, &label_color);
          append_rounded (snapshot, color, x0, top, width, height, 5);
          if (dates != NULL && dates->critical)
            {
              /* Critical: a heavy outline and a dark band, not colour alone. */
              append_outline (snapshot, &colors->critical_outline, x0, top, width, height, 5, 3);
              append_rect (snapshot, &colors->critical_band, x0 + 3, top + height - 8, width - 6, 5);
            }
          else
            {
              GdkRGBA edge = shade (color, 0.55, 1.0);

              append_outline (snapshot, &edge, x0, top, width, height, 5, 1.5);
            }

          /* The right-end handle: two grip lines to grab. */
          if (width > 24)
            {
              GdkRGBA grip = label_color;

              grip.alpha = 0.65;

              append_rect (snapshot, &grip, x1 - 9, top + height * 0.28, 2, height * 0.44);
              append_rect (snapshot, &grip, x1 - 5, top + height * 0.28, 2, height * 0.44);
            }

          /* Duration inside when it fits. */
          label = g_strdup_printf (_("%d d"), dates ? dates->duration : charter_task_get_duration (task));
          if (width > self->em * 3.2)
            append_text (self, snapshot, label, x0 + 6, top + height / 2,
                         width - 18, TEXT_START | TEXT_MIDDLE, PANGO_WEIGHT_BOLD, 0.85, &label_color);
        }

      /* The name to the right of the bar (and its float), readable from the back. */
      {
        double after = x1 + 8;

        if (dates != NULL && dates->total_float > 0 && !bar->milestone)
          after = MAX (after, charter_timeline_scale_day_to_x (&self->scale, dates->late_finish + 1) + 6);
        append_text (self, snapshot, charter_task_get_name (task), after,
                     row->y + row->height / 2,
                     self->em * 18, TEXT_START | TEXT_MIDDLE,
                     dates != NULL && dates->critical ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, 0.9, &colors->text_fg);
      }

      if (row->index == selected)
        {
          double pad = 4;

          append_outline (snapshot, focused ? &colors->focus_color : &colors->dim_fg,
                          x0 - pad, top - pad, x1 - x0 + 2 * pad, height + 2 * pad, 8, 3);
        }
    }
}

static void
draw_list (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  double w = self->list_width;
  double col_days = self->em * 4.0, col_date = self->em * 7.0;
  double x_finish = w - col_date - 8, x_start = x_finish - col_date, x_days = x_start - col_days;
  guint selected = G_MAXUINT;

  lookup_task (self, self->selected_task, &selected);

  append_rect (snapshot, &colors->list_bg, 0, v->y0, w, v->y1 - v->y0);

  for (guint r = v->first_row; r < v->first_row + v->n_rows; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      double ty = row->y + row->height / 2;

      if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
        {
          const GdkRGBA *color = lane_color (self, row->team);
          GdkRGBA band = *color;
          gboolean folded;
          const char *name;
          const char *id;
          g_autofree char *title = NULL;
          guint count = 0;

          band.alpha = 0.22;
          append_rect (snapshot, &band, 0, row->y, w, row->height);
          append_rect (snapshot, color, 0, row->y, 10, row->height);
          append_rect (snapshot, &colors->strong_line, 0, row->y + row->height - 1, w, 1);

          if (row->team < self->teams->len)
            {
              CharterTeam *team = g_ptr_array_index (self->teams, row->team);

              id = charter_item_get_id (CHARTER_ITEM (team));
              name = charter_team_get_name (team) ? charter_team_get_name (team) : id;
            }
          else
            {
              id = "";
              name = _("No team");
            }
          folded = g_hash_table_contains (self->collapsed, id);
          count = g_array_index (self->lane_counts, guint, MIN (row->team, self->teams->len));
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s · %u task", "%s %s · %u tasks", count),
                                   folded ? "▸" : "▾", name, count);
          append_text (self, snapshot, title, 18, ty, w - 28, TEXT_START | TEXT_MIDDLE, PANGO_WEIGHT_BOLD, 1.0,
                       &colors->text_fg);
        }
      else
        {
          CharterTask *task = get_task (self, row->index);
          const CharterTaskDates *dates = get_dates (self, row->index);
          const CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, row->index);
          PangoWeight weight = dates != NULL && dates->critical ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
          g_autofree char *days = NULL;
          g_autofree char *start = NULL;
          g_autofree char *finish = NULL;

          if (row->index == selected)
            append_rect (snapshot, &colors->selection_bg, 0, row->y, w, row->height);
          append_rect (snapshot, &colors->grid_line, 0, row->y + row->height - 1, w, 1);
          append_rect (snapshot, lane_color (self, row->team), 0, row->y, 10, row->height);

          if (bar->milestone)
            days = g_strdup ("◆");
          else
            days = g_strdup_printf ("%d", dates ? dates->duration : charter_task_get_duration (task));
          start = dates ? short_day (dates->early_start) : g_strdup ("—");
          finish = dates ? short_day (dates->early_finish) : g_strdup ("—");

          append_text (self, snapshot, charter_task_get_name (task), 22, ty, x_days - 26,
                       TEXT_START | TEXT_MIDDLE, weight, 1.0, &colors->text_fg);
          append_text (self, snapshot, days, x_days, ty, col_days - 18, TEXT_END | TEXT_MIDDLE, weight, 1.0,
                       &colors->text_fg);
          append_text (self, snapshot, start, x_start, ty, col_date - 6, TEXT_START | TEXT_MIDDLE,
                       PANGO_WEIGHT_NORMAL, 1.0, &colors->text_fg);
          append_text (self, snapshot, finish, x_finish, ty, col_date - 4, TEXT_START | TEXT_MIDDLE, weight, 1.0,
                       dates && dates->missed_deadline ? &colors->launch_color : &colors->text_fg);
        }
    }
}

static void
draw_axis (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const Visible     *v)
{
  const CharterGanttColors *colors = self->colors;
  double ppd = self->scale.pixels_per_day;
  double half = round (self->axis_height / 2);
  CharterWeekdays no_launch = 0;

  append_rect (snapshot, &colors->axis_bg, v->x0, 0, v->x1 - v->x0, self->axis_height);

  if (self->document != NULL)
    no_launch = charter_calendar_get_no_launch_days (charter_document_get_calendar (self->document));

  for (guint32 day = v->first_day; day < v->last_day; day++)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, day);
      GDate date;
      g_autofree char *label = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);

      /* Top tier: months (years at month zoom). The label of the month
       * already under way sticks to the left edge while it has room. */
      if (g_date_get_day (&date) == 1 || day == v->first_day)
        {
          if (self->zoom == CHARTER_TIMELINE_ZOOM_MONTHS)
            {
              gboolean new_year = g_date_get_month (&date) == G_DATE_JANUARY && g_date_get_day (&date) == 1;

              if (new_year ||
                  (day == v->first_day &&
                   (366 - g_date_get_day_of_year (&date)) * ppd > self->em * 4))
                {
                  label = charter_timeline_format_day (day, "%Y");
                  append_text (self, snapshot, label, MAX (x, v->x0) + 6, (half - text_height (self, 1.0)) / 2,
                               -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->text_fg);
                  g_clear_pointer (&label, g_free);
                }
            }
          else if (g_date_get_day (&date) == 1 ||
                   (g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date))
                    - g_date_get_day (&date) + 1) * ppd > self->em * 10)
            {
              /* Translators: month and year on the time axis, strftime format */
              label = charter_timeline_format_day (day, _("%B %Y"));
              append_text (self, snapshot, label, MAX (x, v->x0) + 6, (half - text_height (self, 1.0)) / 2,
                           -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->text_fg);
              g_clear_pointer (&label, g_free);
            }
          if (g_date_get_day (&date) == 1)
            append_rect (snapshot, &colors->strong_line, x, 0, 2, self->axis_height);
        }

      /* Bottom tier: days, Mondays, or months. */
      switch (self->zoom)
        {
        case CHARTER_TIMELINE_ZOOM_DAYS:
          label = g_strdup_printf ("%u", g_date_get_day (&date));
          append_text (self, snapshot, label, x, half + (half - text_height (self, 0.9)) / 2, ppd,
                       TEXT_CENTER, PANGO_WEIGHT_NORMAL, 0.9,
                       is_working_day_cb (day, self) ? &colors->text_fg : &colors->dim_fg);
          break;

        case CHARTER_TIMELINE_ZOOM_WEEKS:
          if (g_date_get_weekday (&date) == G_DATE_MONDAY)
            {
              label = charter_timeline_format_day (day, _("%-d %b"));
              append_rect (snapshot, &colors->grid_line, x, half, 1, half);
              append_text (self, snapshot, label, x + 4, half + (half - text_height (self, 0.9)) / 2, ppd * 7 - 6,
                           TEXT_START, PANGO_WEIGHT_NORMAL, 0.9, &colors->text_fg);
            }
          break;

        case CHARTER_TIMELINE_ZOOM_MONTHS:
        default:
          if (g_date_get_day (&date) == 1)
            {
              label = charter_timeline_format_day (day, "%b");
              append_text (self, snapshot, label, x + 4, half + (half - text_height (self, 0.9)) / 2, ppd * 28,
                           TEXT_START, PANGO_WEIGHT_NORMAL, 0.9, &colors->text_fg);
            }
          break;
        }

      /* Days a launch may not fall on: a hatched strip along the bottom. */
      if (no_launch != 0 && self->zoom != CHARTER_TIMELINE_ZOOM_MONTHS &&
          (no_launch & (1 << (g_date_get_weekday (&date) - 1))) && is_working_day_cb (day, self))
        {
          for (double sx = x + 1; sx < x + ppd - 1; sx += 4)
            append_rect (snapshot, &colors->launch_color, sx, self->axis_height - 7, 2, 6);
        }
    }

  append_rect (snapshot, &colors->strong_line, v->x0, self->axis_height - 1, v->x1 - v->x0, 1);

  /* Flags on the axis for today, the buffer, P80 and the launch. */
  if (self->today >= v->first_day && self->today < v->last_day)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->today) + ppd / 2;
      int tw;

      append_rect (snapshot, &colors->today_color, x - 1, half, 3, half);
      tw = append_text (self, snapshot, _("Today"), -1000, 0, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8,
                        &colors->today_color);
      append_rounded (snapshot, &colors->today_color, x - tw / 2.0 - 6, half + 2, tw + 12,
                      text_height (self, 0.8) + 2, 4);
      append_text (self, snapshot, _("Today"), x - tw / 2.0, half + 3, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8,
                   &colors->flag_fg);
    }

  if (self->p80_day != 0)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->p80_day + 1);
      g_autofree char *day = short_day (self->p80_day);
      g_autofree char *label = g_strdup_printf (_("80%% sure: %s"), day);

      int tw;

      tw = append_text (self, snapshot, label, -1000, 0, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8, &colors->p80_color);
      append_rect (snapshot, &colors->p80_color, x - 1, half, 3, half);
      append_rounded (snapshot, &colors->p80_color, x + 2, half + 2, tw + 12, text_height (self, 0.8) + 2, 4);
      append_text (self, snapshot, label, x + 8, half + 3, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8,
                   &colors->flag_fg);
    }

  if (self->launch_day != 0)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->launch_day) + ppd / 2;
      g_autofree char *day = short_day (self->launch_day);
      g_autofree char *label = g_strdup_printf (_("Launch %s"), day);
      int tw;

      tw = append_text (self, snapshot, label, -1000, 0, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->text_fg);
      append_rect (snapshot, &colors->launch_color, x - 2, 0, 4, self->axis_height);
      append_rounded (snapshot, &colors->launch_color, x + 2, 3, tw + 14, text_height (self, 0.9) + 4, 4);
      append_text (self, snapshot, label, x + 9, 5, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9,
                   &colors->flag_fg);
    }
}

static void
draw_corner (CharterGanttChart *self,
             GtkSnapshot       *snapshot)
{
  const CharterGanttColors *colors = self->colors;
  double w = self->list_width;
  double col_days = self->em * 4.0, col_date = self->em * 7.0;
  double x_finish = w - col_date - 8, x_start = x_finish - col_date, x_days = x_start - col_days;
  double y = self->axis_height - text_height (self, 0.9) - 8;

  append_rect (snapshot, &colors->axis_bg, 0, 0, w, self->axis_height);
  append_text (self, snapshot, _("Task"), 22, y, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_text (self, snapshot, _("Days"), x_days, y, col_days - 18, TEXT_END, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_text (self, snapshot, _("Start"), x_start, y, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_text (self, snapshot, _("Finish"), x_finish, y, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_rect (snapshot, &colors->strong_line, 0, self->axis_height - 1, w, 1);
}

static void
draw_card (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const char        *text,
           double             x,
           double             y)
{
  const CharterGanttColors *colors = self->colors;
  PangoRectangle logical;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double pad = self->em * 0.7;

  append_text (self, snapshot, text, -10000, -10000, -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->feedback_fg);
  pango_layout_get_pixel_extents (self->text, NULL, &logical);

  x = CLAMP (x, 4, MAX (width - logical.width - 2 * pad - 4, 4));
  y = CLAMP (y, self->axis_height + 4, MAX (height - logical.height - 2 * pad - 4, self->axis_height + 4));

  append_rounded (snapshot, &colors->feedback_bg, x, y, logical.width + 2 * pad, logical.height + 2 * pad, 8);
  append_text (self, snapshot, text, x + pad, y + pad, -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->feedback_fg);
}

static void
charter_gantt_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);
  const CharterGanttColors *colors = self->colors;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double h = hvalue (self), vv = vvalue (self);
  Visible v;

  ensure_built (self);

  v.x0 = h;
  v.x1 = h + chart_width (self);
  v.y0 = vv;
  v.y1 = vv + rows_height (self);
  v.first_day = charter_timeline_scale_x_to_day (&self->scale, v.x0);
  v.last_day = charter_timeline_scale_x_to_day (&self->scale, v.x1) + 1;
  charter_timeline_layout_get_visible_rows (self->layout, v.y0, v.y1 - v.y0, &v.first_row, &v.n_rows);

  append_rect (snapshot, &colors->canvas_bg, 0, 0, width, height);

  /* The chart */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->list_width, self->axis_height,
                                                         width - self->list_width, height - self->axis_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->list_width - h, self->axis_height - vv));
  draw_rows_background (self, snapshot, &v);
  draw_day_shading (self, snapshot, &v);
  draw_busy_days (self, snapshot, &v);
  draw_vertical_marks (self, snapshot, &v);
  draw_arrows (self, snapshot, &v);
  draw_bars (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  /* The task list */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->axis_height, self->list_width, height - self->axis_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->axis_height - vv));
  draw_list (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  /* The time axis */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->list_width, 0, width - self->list_width, self->axis_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->list_width - h, 0));
  draw_axis (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  draw_corner (self, snapshot);
  append_rect (snapshot, &colors->strong_line, self->list_width - 1, 0, 2, height);

  if (self->tasks->len == 0)
    append_text (self, snapshot, _("No tasks yet: add tasks in the Plan workspace to see them here."),
                 self->list_width + self->em * 2, self->axis_height + self->em * 2, -1, TEXT_START,
                 PANGO_WEIGHT_NORMAL, 1.1, &colors->dim_fg);

  /* What a drag or a key did, next to the bar. */
  if (self->drag_feedback != NULL || self->message != NULL)
    {
      graphene_rect_t rect;
      guint index;
      double x = self->list_width + self->em, y = height - self->em * 6;

      if (lookup_task (self, self->drag_feedback ? self->drag_task_id : self->selected_task, &index) &&
          bar_rect (self, index, &rect))
        {
          x = rect.origin.x + rect.size.width + self->em * 1.2;
          y = rect.origin.y + rect.size.height + 8;
          if (self->drag_mode == DRAG_MOVE)
            x = rect.origin.x;
        }
      draw_card (self, snapshot, self->drag_feedback ? self->drag_feedback : self->message, x, y);
    }
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
  ensure_built (self);
  configure_adjustments (self);
  if (self->scroll_to_start && self->hadjustment != NULL && self->plan_start != 0)
    {
      self->scroll_to_start = FALSE;
      gtk_adjustment_set_value (self->hadjustment,
                                MAX (charter_timeline_scale_day_to_x (&self->scale, self->plan_start) - self->em * 8, 0));
    }
  sync_bar_widgets (self);
  allocate_bar_widgets (self);
  if (self->edit_popover != NULL)
    {
      point_editor (self);
      gtk_popover_present (GTK_POPOVER (self->edit_popover));
    }
  self->in_allocate = FALSE;
}

/* The light or the dark colours, from the style's text colour: light text
 * means a dark style, whether AdwStyleManager or the system chose it. */
static void
charter_gantt_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);
  const CharterGanttColors *colors;
  GdkRGBA fg;

  GTK_WIDGET_CLASS (charter_gantt_chart_parent_class)->css_changed (widget, change);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  colors = charter_timeline_relative_luminance (fg.red, fg.green, fg.blue) > 0.5 ? &dark_colors : &light_colors;
  if (colors != self->colors)
    {
      self->colors = colors;
      gtk_widget_queue_draw (widget);
    }
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
    select_step (self, 1);
  else
    focus_selected (self);

  return TRUE;
}

static void
charter_gantt_chart_dispose (GObject *object)
{
  CharterGanttChart *self = (CharterGanttChart *) object;

  if (self->drag_mode == DRAG_END || self->drag_mode == DRAG_MOVE)
    charter_gantt_chart_drag_cancel (self);

  g_clear_handle_id (&self->message_timeout, g_source_remove);
  g_clear_handle_id (&self->p80_timeout, g_source_remove);

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
  g_clear_pointer (&self->edit_task, g_free);
  g_clear_pointer (&self->edit_shown_start, g_free);
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
init_color (GdkRGBA    *color,
            const char *spec)
{
  if (!gdk_rgba_parse (color, spec))
    g_assert_not_reached ();
}

/* Light: Adwaita's light greys around a white canvas, black text.
 * Dark: Adwaita's dark greys around a near-black canvas, white text; the
 * today, launch and P80 colours lighter so their lines stand out from the
 * canvas, with black text on their flags. */
static void
init_colors (CharterGanttColors *c,
             gboolean            dark)
{
  c->dark = dark;
  init_color (&c->canvas_bg, dark ? "#1e1e1e" : "#ffffff");
  init_color (&c->list_bg, dark ? "#242424" : "#f6f5f4");
  init_color (&c->axis_bg, dark ? "#303030" : "#ebeae8");
  init_color (&c->text_fg, dark ? "#ffffff" : "#000000");
  init_color (&c->dim_fg, dark ? "#c0bfbc" : "#3d3846");
  init_color (&c->grid_line, dark ? "rgba(255,255,255,0.16)" : "rgba(0,0,0,0.16)");
  init_color (&c->strong_line, dark ? "rgba(255,255,255,0.55)" : "rgba(0,0,0,0.55)");
  init_color (&c->weekend_shade, dark ? "rgba(255,255,255,0.07)" : "rgba(0,0,0,0.07)");
  init_color (&c->holiday_shade, dark ? "rgba(255,255,255,0.20)" : "rgba(0,0,0,0.20)");
  init_color (&c->today_color, dark ? "#62a0ea" : "#1a5fb4");
  init_color (&c->launch_color, dark ? "#ff7b63" : "#a51d2d");
  init_color (&c->p80_color, dark ? "#cdab8f" : "#865e3c");
  init_color (&c->flag_fg, dark ? "#000000" : "#ffffff");
  init_color (&c->buffer_color, dark ? "rgba(229,165,10,0.20)" : "rgba(229,165,10,0.22)");
  init_color (&c->critical_outline, dark ? "#ffffff" : "#000000");
  init_color (&c->critical_band, "#000000");
  init_color (&c->arrow, dark ? "rgba(192,191,188,0.95)" : "rgba(77,77,84,0.95)");
  init_color (&c->arrow_critical, dark ? "#ffffff" : "#0d0d0d");
  init_color (&c->float_color, dark ? "#9a9996" : "#5e5c64");
  init_color (&c->baseline_color, dark ? "rgba(255,255,255,0.45)" : "rgba(0,0,0,0.40)");
  init_color (&c->selection_bg, dark ? "rgba(53,132,228,0.22)" : "rgba(26,95,180,0.16)");
  init_color (&c->focus_color, dark ? "#62a0ea" : "#1a5fb4");
  init_color (&c->feedback_bg, dark ? "rgba(246,245,244,0.96)" : "rgba(36,31,49,0.94)");
  init_color (&c->feedback_fg, dark ? "#000000" : "#ffffff");
}

static void
charter_gantt_chart_class_init (CharterGanttChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct {
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
  const char *actions[] = {
    "timeline.lengthen", "timeline.shorten", "timeline.move-later", "timeline.move-earlier",
    "timeline.select-next", "timeline.select-previous", "timeline.zoom-in", "timeline.zoom-out",
    "timeline.show-today", "timeline.show-launch", "timeline.edit", "timeline.apply-edit",
  };

  object_class->dispose = charter_gantt_chart_dispose;
  object_class->finalize = charter_gantt_chart_finalize;
  object_class->get_property = charter_gantt_chart_get_property;
  object_class->set_property = charter_gantt_chart_set_property;

  widget_class->measure = charter_gantt_chart_measure;
  widget_class->size_allocate = charter_gantt_chart_size_allocate;
  widget_class->snapshot = charter_gantt_chart_snapshot;
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

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods, bindings[i].name, NULL);

  gtk_widget_class_set_css_name (widget_class, "ganttchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  init_colors (&light_colors, FALSE);
  init_colors (&dark_colors, TRUE);
}

static void
charter_gantt_chart_init (CharterGanttChart *self)
{
  GtkGesture *drag;
  GtkEventController *controller;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

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
  self->colors = &light_colors;
  self->zoom = CHARTER_TIMELINE_ZOOM_WEEKS;
  self->launch_task = G_MAXUINT;
  self->dirty = TRUE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->today = g_date_get_julian (&today);

  build_editor (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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
  close_editor (self);

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
  ensure_built (self);
  centre = charter_timeline_scale_x_to_day (&self->scale, hvalue (self) + chart_width (self) / 2);

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

  ensure_built (self);
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

  ensure_built (self);
  gtk_adjustment_set_value (self->hadjustment,
                            charter_timeline_scale_day_to_x (&self->scale, julian_day) - chart_width (self) / 2);
}

/* Private API for tests and benchmarks ------------------------------------- */

void
charter_gantt_chart_sync (CharterGanttChart *self)
{
  g_return_if_fail (CHARTER_IS_GANTT_CHART (self));

  update_metrics (self);
  update_list_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  ensure_built (self);
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

  ensure_built (self);
  return lookup_task (self, task_id, &index) && bar_rect (self, index, bounds);
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

  ensure_built (self);
  return self->layout;
}

GtkWidget *
charter_gantt_chart_get_editor (CharterGanttChart  *self,
                                GtkWidget         **duration,
                                GtkWidget         **start)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  if (duration != NULL)
    *duration = self->edit_duration;
  if (start != NULL)
    *start = self->edit_start;

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

/* The colours the chart paints with now: the light or the dark set. */
const CharterGanttColors *
charter_gantt_chart_get_colors (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  return self->colors;
}

void
charter_gantt_chart_bar_label_color (const GdkRGBA *fill,
                                     GdkRGBA       *label)
{
  double rgb[3];

  g_return_if_fail (fill != NULL && label != NULL);

  rgb[0] = fill->red;
  rgb[1] = fill->green;
  rgb[2] = fill->blue;
  *label = charter_timeline_label_is_dark (rgb) ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
}
