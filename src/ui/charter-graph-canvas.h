/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-graph-layout.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_GRAPH_CANVAS (charter_graph_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CharterGraphCanvas, charter_graph_canvas, CHARTER, GRAPH_CANVAS, GtkWidget)

GtkWidget       *charter_graph_canvas_new                (void);
CharterDocument *charter_graph_canvas_get_document       (CharterGraphCanvas *self);
void             charter_graph_canvas_set_document       (CharterGraphCanvas *self,
                                                          CharterDocument    *document);
GObject         *charter_graph_canvas_get_scheduler      (CharterGraphCanvas *self);
void             charter_graph_canvas_set_scheduler      (CharterGraphCanvas *self,
                                                          GObject            *scheduler);
const char      *charter_graph_canvas_get_selected_task  (CharterGraphCanvas *self);
const char      *charter_graph_canvas_get_selected_dependency (CharterGraphCanvas *self);
const char      *charter_graph_canvas_get_message        (CharterGraphCanvas *self);
double           charter_graph_canvas_get_zoom           (CharterGraphCanvas *self);
gboolean         charter_graph_canvas_get_laying_out     (CharterGraphCanvas *self);

/* For tests and benchmarks: bring the graph (and which tasks have widgets)
 * up to date with the document and the view now rather than at the next
 * idle or frame, and look at its geometry. */
void             charter_graph_canvas_sync               (CharterGraphCanvas *self);
CharterGraph    *charter_graph_canvas_get_graph          (CharterGraphCanvas *self);
int              charter_graph_canvas_get_node_index     (CharterGraphCanvas *self,
                                                          const char         *task_id);
GtkWidget       *charter_graph_canvas_get_task_widget    (CharterGraphCanvas *self,
                                                          const char         *task_id);
void             charter_graph_canvas_graph_to_widget    (CharterGraphCanvas *self,
                                                          double              gx,
                                                          double              gy,
                                                          double             *wx,
                                                          double             *wy);
void             charter_graph_canvas_drag               (CharterGraphCanvas *self,
                                                          int                 phase,
                                                          double              x,
                                                          double              y);
void             charter_graph_canvas_pinch              (CharterGraphCanvas *self,
                                                          int                 phase,
                                                          double              scale,
                                                          double              x,
                                                          double              y);
void             charter_graph_canvas_pan_by             (CharterGraphCanvas *self,
                                                          double              dx,
                                                          double              dy);

void             charter_graph_canvas_get_visible_area   (CharterGraphCanvas *self,
                                                          double             *x,
                                                          double             *y,
                                                          double             *width,
                                                          double             *height);

G_END_DECLS
