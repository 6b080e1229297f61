/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHARTER_TYPE_GANTT_BAR (charter_gantt_bar_get_type ())

G_DECLARE_FINAL_TYPE (CharterGanttBar, charter_gantt_bar, CHARTER, GANTT_BAR, GtkWidget)

GtkWidget  *charter_gantt_bar_new             (void);
guint       charter_gantt_bar_get_task_index  (CharterGanttBar *self);
const char *charter_gantt_bar_get_task_id     (CharterGanttBar *self);
const char *charter_gantt_bar_get_description (CharterGanttBar *self);
void        charter_gantt_bar_set_task        (CharterGanttBar *self,
                                               guint            task_index,
                                               const char      *task_id,
                                               const char      *name,
                                               const char      *description);

G_END_DECLS
