/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-canvas-private.h: the Plan graph canvas's state, shared by
 * its files only: charter-graph-canvas.c (state, syncing with the document
 * and the scheduler, GObject, public API), -draw.c (snapshot, colours),
 * -input.c (gestures, drags, linking, keyboard) and -actions.c (one
 * callback per action). */

#pragma once

#include <adwaita.h>

#include "charter-graph-arrows.h"
#include "charter-graph-canvas.h"
#include "charter-graph-task.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

#define MIN_ZOOM 0.02
/* Below this zoom a task's text is too small to read: draw blocks instead. */
#define OVERVIEW_ZOOM 0.3
#define MAX_ZOOM 2.5
#define TASK_W   ((double) CHARTER_GRAPH_TASK_WIDTH)
#define TASK_H   ((double) CHARTER_GRAPH_TASK_HEIGHT)

/* The colours the canvas draws in, named colours of the style sheet
 * (@charter_graph_*), read again when the style changes, never per frame. */
typedef struct
{
  GdkRGBA arrow;              /* arrows, and the outline of their labels */
  GdkRGBA highlight;          /* the selected chain, a link being dragged */
  GdkRGBA label_bg;           /* behind an arrow's "SS +2 d" */
  GdkRGBA label_fg;
  GdkRGBA overview_task;      /* a task too small to read */
  GdkRGBA overview_critical;  /* a critical one */
} CharterGraphColors;

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_LINK,
} DragMode;

struct _CharterGraphCanvas
{
  GtkWidget         parent_instance;

  /* Template widgets (built in code: the canvas places them itself) */
  GtkWidget        *toolbar;
  GtkWidget        *hint;
  GtkWidget        *legend;
  GtkWidget        *teams_key;     /* which colour is which team */
  GtkWidget        *search;        /* find a task by name */
  GtkWidget        *task_editor;        /* CharterTaskEditor */
  GtkWidget        *dependency_editor;  /* CharterDependencyEditor */

  /* Owned */
  CharterDocument  *document;
  CharterScheduler *scheduler;
  CharterGraph     *graph;
  GPtrArray        *task_ids;     /* node index -> task id */
  GHashTable       *node_index;   /* task id -> node index + 1 */
  GPtrArray        *dep_ids;      /* edge index -> dependency id */
  GHashTable       *widgets;      /* task id -> CharterGraphTask, for the tasks in view */
  GPtrArray        *task_pool;    /* every CharterGraphTask child, shown or spare */
  GPtrArray        *spare_tasks;  /* those not showing a task now */
  gboolean          widgets_reordered; /* children in the document's order */
  GArray           *node_critical;  /* gboolean per node */
  GArray           *node_color;     /* GdkRGBA per node: the team's colour */
  /* Each node's predecessors and successors (guint node indices), node i's
   * at [start[i], start[i + 1]): for what a screen reader says of a task. */
  GArray           *pred_start;
  GArray           *pred_nodes;
  GArray           *succ_start;
  GArray           *succ_nodes;
  GArray           *related;        /* gboolean per node: linked to the selection */
  char             *selected_task;
  char             *selected_dep;
  char             *link_source;    /* waiting for the task to link to (keyboard) */
  char             *message;
  char             *undo_label;     /* the step the last toast's Undo undoes */
  PangoLayout      *label_layout;
  GPtrArray        *edge_labels;  /* edge index -> its label, or NULL */
  cairo_surface_t  *edge_cache;   /* the arrows, drawn once and moved while panning */
  cairo_surface_t  *spare_cache;  /* the one before, for the worker to reuse */
  double            cache_x;      /* graph-space top left of edge_cache */
  double            cache_y;
  double            cache_x1;     /* and bottom right */
  double            cache_y1;
  double            cache_zoom;
  int               cache_skip;   /* the node whose arrows it leaves out, or -1 */
  guint             cache_geometry;
  guint             cache_style;
  guint             cache_seq;
  GdkRGBA           cache_fg;     /* the colours it was drawn in (dark style) */
  GdkRGBA           cache_accent;
  CharterGraphArrowJob *arrow_job;    /* the next edge_cache, drawn in a worker */
  guint             geometry_serial; /* bumped whenever arrows may have moved */
  guint             style_serial;    /* bumped whenever they may look different */
  guint             draw_seq;
  double            bounds[4];       /* the graph's, for geometry_serial */
  guint             bounds_geometry;
  gboolean          bounds_valid;
  CharterGraphColors colors;
  gboolean          colors_valid;

  /* The layout of a big plan runs in a worker thread (charter-graph-canvas.c) */
  GTask            *layout_task;     /* the layout under way, or NULL */
  gboolean          layout_placed;   /* the nodes have places worth showing */
  gboolean          fit_after_layout; /* Arrange: fit the layout under way when it arrives */
  GtkWidget        *busy;            /* "Arranging N tasks…" while they have none */

  guint             sync_source;
  gboolean          structure_dirty;
  gboolean          fit_pending;

  double            zoom;
  double            pan_x;
  double            pan_y;
  double            pointer_x;
  double            pointer_y;
  double            zoom_start;

  DragMode          drag_mode;
  int               drag_node;
  double            drag_start_x;
  double            drag_start_y;
  double            drag_origin_x;
  double            drag_origin_y;
  gboolean          drag_group_open;
};


/* charter-graph-canvas.c: state and syncing */
GListModel        *_charter_graph_canvas_tasks_of          (CharterGraphCanvas *self);
GListModel        *_charter_graph_canvas_deps_of           (CharterGraphCanvas *self);
CharterTask       *_charter_graph_canvas_find_task         (CharterGraphCanvas *self,
                                                            const char         *id);
CharterDependency *_charter_graph_canvas_find_dep          (CharterGraphCanvas *self,
                                                            const char         *id);
int                _charter_graph_canvas_node_of           (CharterGraphCanvas *self,
                                                            const char         *task_id);
int                _charter_graph_canvas_live_node         (CharterGraphCanvas *self);
const char        *_charter_graph_canvas_task_name         (CharterGraphCanvas *self,
                                                            const char         *task_id);
void               _charter_graph_canvas_to_graph          (CharterGraphCanvas *self,
                                                            double              wx,
                                                            double              wy,
                                                            double             *gx,
                                                            double             *gy);
void               _charter_graph_canvas_show_message      (CharterGraphCanvas *self,
                                                            const char         *message,
                                                            const char         *undo_label);
void               _charter_graph_canvas_on_toast_undo     (CharterGraphCanvas *self);
void               _charter_graph_canvas_do_sync           (CharterGraphCanvas *self);
void               _charter_graph_canvas_finish_layout     (CharterGraphCanvas *self);
void               _charter_graph_canvas_queue_sync        (CharterGraphCanvas *self,
                                                            gboolean            structure);
void               _charter_graph_canvas_end_drag          (CharterGraphCanvas *self);
void               _charter_graph_canvas_ensure_visible    (CharterGraphCanvas *self,
                                                            int                 index);
void               _charter_graph_canvas_select_task       (CharterGraphCanvas *self,
                                                            const char         *task_id);
void               _charter_graph_canvas_select_dependency (CharterGraphCanvas *self,
                                                            const char         *dep_id);
void               _charter_graph_canvas_focus_task        (CharterGraphCanvas *self,
                                                            const char         *task_id);
void               _charter_graph_canvas_fit               (CharterGraphCanvas *self);
void               _charter_graph_canvas_sync_task_widgets (CharterGraphCanvas *self);
void               _charter_graph_canvas_zoom_at           (CharterGraphCanvas *self,
                                                            double              zoom,
                                                            double              wx,
                                                            double              wy);

/* charter-graph-canvas-draw.c: snapshot and colours */
void               _charter_graph_canvas_snapshot          (GtkWidget          *widget,
                                                            GtkSnapshot        *snapshot);
void               _charter_graph_canvas_edge_midpoint     (CharterGraphEdge   *edge,
                                                            CharterGraphPoint  *mid);
void               _charter_graph_canvas_update_edge_labels (CharterGraphCanvas *self);
void               _charter_graph_canvas_load_colors       (CharterGraphCanvas *self);

/* charter-graph-canvas-input.c: gestures, drags, linking, keyboard */
void               _charter_graph_canvas_input_init        (CharterGraphCanvas *self);
gboolean           _charter_graph_canvas_link_tasks        (CharterGraphCanvas *self,
                                                            const char         *from,
                                                            const char         *to);
void               _charter_graph_canvas_move_task         (CharterGraphCanvas *self,
                                                            const char         *task_id,
                                                            double              x,
                                                            double              y);
gboolean           _charter_graph_canvas_find              (CharterGraphCanvas *self,
                                                            const char         *text,
                                                            gboolean            next);
void               _charter_graph_canvas_show_search       (CharterGraphCanvas *self);
void               _charter_graph_canvas_drag_begin        (CharterGraphCanvas *self,
                                                            double              x,
                                                            double              y);
void               _charter_graph_canvas_drag_update       (CharterGraphCanvas *self,
                                                            double              dx,
                                                            double              dy);
void               _charter_graph_canvas_drag_end          (CharterGraphCanvas *self,
                                                            double              dx,
                                                            double              dy);

/* charter-graph-canvas-actions.c: one callback per action */
void               _charter_graph_canvas_class_init_actions (GtkWidgetClass    *widget_class);

G_END_DECLS
