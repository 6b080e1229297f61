/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "charter-model.h"
#include "charter-scheduler.h"
#include "charter-timeline-geometry.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_GANTT_CHART (charter_gantt_chart_get_type ())

G_DECLARE_FINAL_TYPE (CharterGanttChart, charter_gantt_chart, CHARTER, GANTT_CHART, GtkWidget)

GtkWidget           *charter_gantt_chart_new               (void);
CharterDocument     *charter_gantt_chart_get_document      (CharterGanttChart   *self);
void                 charter_gantt_chart_set_document      (CharterGanttChart   *self,
                                                            CharterDocument     *document);
CharterScheduler    *charter_gantt_chart_get_scheduler     (CharterGanttChart   *self);
void                 charter_gantt_chart_set_scheduler     (CharterGanttChart   *self,
                                                            CharterScheduler    *scheduler);
CharterTimelineZoom  charter_gantt_chart_get_zoom          (CharterGanttChart   *self);
void                 charter_gantt_chart_set_zoom          (CharterGanttChart   *self,
                                                            CharterTimelineZoom  zoom);
const char          *charter_gantt_chart_get_selected_task (CharterGanttChart   *self);
void                 charter_gantt_chart_set_selected_task (CharterGanttChart   *self,
                                                            const char          *task_id);
const char          *charter_gantt_chart_get_baseline      (CharterGanttChart   *self);
void                 charter_gantt_chart_set_baseline      (CharterGanttChart   *self,
                                                            const char          *baseline_id);
const char          *charter_gantt_chart_get_message       (CharterGanttChart   *self);
guint32              charter_gantt_chart_get_launch_day    (CharterGanttChart   *self);
guint32              charter_gantt_chart_get_p80_day       (CharterGanttChart   *self);
void                 charter_gantt_chart_scroll_to_day     (CharterGanttChart   *self,
                                                            guint32              julian_day);

GStrv                charter_gantt_chart_get_visible       (CharterGanttChart   *self,
                                                            guint32             *first_day,
                                                            guint32             *last_day);

G_END_DECLS
