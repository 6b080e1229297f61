/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-private.h: what the gesture handlers call, so that
 * widget tests and benchmarks drive drags through the same code paths,
 * and the geometry they need to aim. Coordinates are the widget's. */

#pragma once

#include "charter-gantt-chart.h"

G_BEGIN_DECLS

/* The colours the chart paints with: one set for the light style, one for
 * the dark, picked from the widget's style (its text colour) so they follow
 * AdwStyleManager. Team colours are charter_team_color()'s in both. */
typedef struct
{
  gboolean dark;
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
/* The Enter popover and its duration spin button and start entry. */
GtkWidget *charter_gantt_chart_get_editor        (CharterGanttChart  *self,
                                                  GtkWidget         **duration,
                                                  GtkWidget         **start);

G_END_DECLS
