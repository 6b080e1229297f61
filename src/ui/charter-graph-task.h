/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHARTER_TYPE_GRAPH_TASK (charter_graph_task_get_type ())

G_DECLARE_FINAL_TYPE (CharterGraphTask, charter_graph_task, CHARTER, GRAPH_TASK, GtkWidget)

/* What the dependency graph shows of one task; the canvas fills it in from
 * the model and the schedule. */
typedef struct
{
  const char *name;
  const char *team_name;    /* nullable */
  GdkRGBA     team_color;
  int         duration;
  const char *dates;        /* nullable: "3 Mar – 14 Mar", NULL while unscheduled */
  gboolean    milestone;
  gboolean    critical;
  gboolean    in_cycle;
  gboolean    missed_deadline;
  const char *links;        /* nullable: "after A and B; before C", what the arrows say */
} CharterGraphTaskInfo;

/* The size of a task on the graph at zoom 1, in graph units. */
#define CHARTER_GRAPH_TASK_WIDTH  224
#define CHARTER_GRAPH_TASK_HEIGHT 112

GtkWidget  *charter_graph_task_new          (const char                 *task_id);
const char *charter_graph_task_get_task_id  (CharterGraphTask           *self);
void        charter_graph_task_set_task_id  (CharterGraphTask           *self,
                                             const char                 *task_id);
void        charter_graph_task_update       (CharterGraphTask           *self,
                                             const CharterGraphTaskInfo *info);
const char *charter_graph_task_get_name     (CharterGraphTask           *self);
gboolean    charter_graph_task_get_critical (CharterGraphTask           *self);
const char *charter_graph_task_get_links    (CharterGraphTask           *self);
gboolean    charter_graph_task_get_in_cycle (CharterGraphTask           *self);
gboolean    charter_graph_task_get_missed_deadline (CharterGraphTask    *self);

G_END_DECLS
