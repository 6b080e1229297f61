/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-private.h: what the gesture handlers call, so that
 * widget tests and benchmarks drive drags through the same code paths,
 * and the geometry they need to aim. Coordinates are the widget's. */

#pragma once

#include "charter-gantt-chart.h"

G_BEGIN_DECLS

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
