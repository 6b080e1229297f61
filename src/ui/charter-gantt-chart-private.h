/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-private.h: what the gesture handlers call, so that
 * widget tests and benchmarks drive drags through the same code paths,
 * and the geometry they need to aim. Coordinates are the widget's. */

#pragma once

#include "charter-gantt-chart.h"

G_BEGIN_DECLS

/* The colours the chart paints with, read from the style sheet's named
 * colours @charter_gantt_* (src/ui/style.css, style-dark.css) when the
 * widget's style changes. Team colours are charter_team_color()'s. */
typedef struct
{
  gboolean dark;             /* a dark canvas */
  GdkRGBA  canvas_bg;        /* the chart */
  GdkRGBA  list_bg;          /* the task list */
  GdkRGBA  axis_bg;          /* the time axis and the list's header */
  GdkRGBA  text_fg;
  GdkRGBA  dim_fg;           /* column titles, non-working days on the axis */
  GdkRGBA  grid_line;
  GdkRGBA  strong_line;
  GdkRGBA  weekend_shade;
  GdkRGBA  holiday_shade;
  GdkRGBA  today_color;      /* line and flag */
  GdkRGBA  launch_color;     /* line, flag, hatching, a missed deadline's date */
  GdkRGBA  p80_color;
  GdkRGBA  flag_fg;          /* text on the today, launch and P80 flags */
  GdkRGBA  buffer_color;
  GdkRGBA  critical_outline; /* around critical bars and milestones */
  GdkRGBA  critical_band;    /* inside critical bars */
  GdkRGBA  arrow;
  GdkRGBA  arrow_critical;
  GdkRGBA  float_color;
  GdkRGBA  baseline_color;
  GdkRGBA  selection_bg;
  GdkRGBA  focus_color;
  GdkRGBA  feedback_bg;      /* the card that says what a drag or key did */
  GdkRGBA  feedback_fg;
} CharterGanttColors;

const CharterGanttColors *charter_gantt_chart_get_colors (CharterGanttChart *self);
/* Black or white, whichever reads better on a bar filled with @fill. */
void       charter_gantt_chart_bar_label_color   (const GdkRGBA     *fill,
                                                  GdkRGBA           *label);

gboolean   charter_gantt_chart_drag_begin        (CharterGanttChart *self,
                                                  double             x,
                                                  double             y);
void       charter_gantt_chart_drag_update       (CharterGanttChart *self,
                                                  double             dx,
                                                  double             dy);
void       charter_gantt_chart_drag_end          (CharterGanttChart *self);
void       charter_gantt_chart_drag_cancel       (CharterGanttChart *self);
gboolean   charter_gantt_chart_is_dragging       (CharterGanttChart *self);

/* Brings rows and bars up to date with the document and schedule now. */
void       charter_gantt_chart_sync              (CharterGanttChart *self);
gboolean   charter_gantt_chart_get_bar_bounds    (CharterGanttChart *self,
                                                  const char        *task_id,
                                                  graphene_rect_t   *bounds);
double     charter_gantt_chart_get_pixels_per_day (CharterGanttChart *self);
GtkWidget *charter_gantt_chart_get_bar_widget    (CharterGanttChart *self,
                                                  const char        *task_id);
guint      charter_gantt_chart_get_n_bar_widgets (CharterGanttChart *self);
CharterTimelineLayout *charter_gantt_chart_get_layout (CharterGanttChart *self);
void       charter_gantt_chart_toggle_lane       (CharterGanttChart *self,
                                                  const char        *team_id);
void       charter_gantt_chart_set_today         (CharterGanttChart *self,
                                                  guint32            julian_day);
/* The Enter editor (a CharterTaskEditor) and its duration spin button and
 * start entry. */
GtkWidget *charter_gantt_chart_get_editor        (CharterGanttChart  *self,
                                                  GtkWidget         **duration,
                                                  GtkWidget         **start);


/* What the files of the chart share (charter-gantt-chart.c, -draw.c,
 * -input.c, -actions.c); nothing else uses what follows. */

#include "charter-gantt-bar.h"
#include "charter-team-color.h"

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
  CharterGanttColors     colors;         /* from the style sheet */
  GtkWidget             *edit_popover;   /* Enter: the shared CharterTaskEditor */
  char                  *selected_task;
  char                  *baseline_id;
  char                  *message;
  guint                  message_timeout;
  guint                  p80_timeout;
  guint                  reallocate_idle;  /* an allocation asked for while allocating */
  GCancellable          *p80_cancellable; /* the forecast running in a thread */
  CharterSchedule       *p80_schedule;    /* the schedule p80_day is (being) found for */

  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;
  guint                  dirty : 1;
  guint                  in_allocate : 1;
  guint                  has_uncertainty : 1;
  guint                  colors_valid : 1;
  guint                  schedule_during_change : 1; /* a new schedule for the document change under way */
  guint                  structure_for_drag : 1;     /* rows, lanes, links built at the press still hold */
  guint                  scroll_to_start : 1;  /* a new document: show where its plan starts */

  CharterTimelineZoom    zoom;
  CharterTimelineScale   scale;
  guint32                range_end;
  guint32                today;
  guint32                launch_day;
  guint                  launch_task;    /* G_MAXUINT for none */
  guint32                p80_day;
  guint32                plan_start;     /* the earliest bar */
  guint32                plan_finish;    /* the latest bar's finish */

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

/* Shared helpers, by the file that defines them. */

/* charter-gantt-chart-actions.c */
void
_charter_gantt_chart_build_editor (CharterGanttChart *self);
void
_charter_gantt_chart_close_editor (CharterGanttChart *self);
void
_charter_gantt_chart_point_editor (CharterGanttChart *self);
void
_charter_gantt_chart_select_step (CharterGanttChart *self,
                                  int                direction);
CharterTask *
_charter_gantt_chart_selected_task (CharterGanttChart *self,
                                    guint             *index);

/* charter-gantt-chart-input.c */
gboolean
_charter_gantt_chart_check_editable (CharterGanttChart *self);
char *
_charter_gantt_chart_describe_duration_change (CharterGanttChart *self,
                                               guint              task,
                                               guint32            launch_before);
char *
_charter_gantt_chart_describe_move (CharterGanttChart *self,
                                    guint              task,
                                    guint32            requested,
                                    guint32            launch_before);
void
_charter_gantt_chart_set_task_start (CharterGanttChart *self,
                                     CharterTask       *task,
                                     guint32            day);

/* charter-gantt-chart.c */
gboolean
_charter_gantt_chart_bar_rect (CharterGanttChart *self,
                               guint              task,
                               graphene_rect_t   *rect);
double
_charter_gantt_chart_chart_width (CharterGanttChart *self);
char *
_charter_gantt_chart_describe_task (CharterGanttChart *self,
                                    guint              index);
void
_charter_gantt_chart_ensure_built (CharterGanttChart *self);
void
_charter_gantt_chart_focus_selected (CharterGanttChart *self);
const CharterTaskDates *
_charter_gantt_chart_get_dates (CharterGanttChart *self,
                                guint              index);
CharterTask *
_charter_gantt_chart_get_task (CharterGanttChart *self,
                               guint              index);
double
_charter_gantt_chart_hvalue (CharterGanttChart *self);
gboolean
_charter_gantt_chart_is_working_day_cb (guint32  day,
                                        gpointer user_data);
guint32
_charter_gantt_chart_julian_from_iso (const char *text);
const GdkRGBA *
_charter_gantt_chart_lane_color (CharterGanttChart *self,
                                 guint              team);
gboolean
_charter_gantt_chart_lookup_task (CharterGanttChart *self,
                                  const char        *task_id,
                                  guint             *index);
void
_charter_gantt_chart_reveal_task (CharterGanttChart *self,
                                  guint              task);
double
_charter_gantt_chart_rows_height (CharterGanttChart *self);
void
_charter_gantt_chart_schedule_p80 (CharterGanttChart *self);
void
_charter_gantt_chart_set_drag_feedback (CharterGanttChart *self,
                                        char              *feedback);
void
_charter_gantt_chart_set_message (CharterGanttChart *self,
                                  const char        *message);
GdkRGBA
_charter_gantt_chart_shade (const GdkRGBA *c,
                            double         factor,
                            double         alpha);
char *
_charter_gantt_chart_short_day (guint32 julian);
double
_charter_gantt_chart_vvalue (CharterGanttChart *self);
GDateWeekday
_charter_gantt_chart_weekday_of (guint32 julian);
void
_charter_gantt_chart_widget_to_chart (CharterGanttChart *self,
                                      double             x,
                                      double             y,
                                      double            *cx,
                                      double            *cy);

/* charter-gantt-chart-draw.c */
void       _charter_gantt_chart_snapshot         (GtkWidget         *widget,
                                                  GtkSnapshot       *snapshot);
void       _charter_gantt_chart_update_colors    (CharterGanttChart *self);

/* charter-gantt-chart-input.c */
void       _charter_gantt_chart_init_input       (CharterGanttChart *self);

/* charter-gantt-chart-actions.c */
void       _charter_gantt_chart_class_init_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
