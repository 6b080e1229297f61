/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-layout.h: geometry of the dependency graph without GTK —
 * a layered (Sugiyama-style) layout from left to right, edge routing, hit
 * testing and a crossing count, so that tests and benchmarks need no display. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} CharterGraphPoint;

/**
 * CharterGraphNode:
 * @x: left edge, in graph units
 * @y: top edge, in graph units
 * @width: width
 * @height: height
 * @fixed: whether the node was placed by hand; the layout keeps its @x and @y
 * @layer: the column the layout put it in (set by charter_graph_layout())
 * @in_cycle: whether the node is on a dependency cycle (set by charter_graph_layout())
 */
typedef struct
{
  double   x;
  double   y;
  double   width;
  double   height;
  gboolean fixed;
  guint    layer;
  gboolean in_cycle;
} CharterGraphNode;

/**
 * CharterGraphEdge:
 * @from: index of the predecessor node
 * @to: index of the successor node
 * @reversed: whether the layout turned the edge around to break a cycle
 * @points: (element-type CharterGraphPoint): the route from start to end,
 *   set by charter_graph_route_edges(); consecutive points are joined by
 *   curves that leave and arrive horizontally
 */
typedef struct
{
  guint    from;
  guint    to;
  gboolean reversed;
  GArray  *points;
} CharterGraphEdge;

typedef enum
{
  CHARTER_GRAPH_HIT_NONE,
  CHARTER_GRAPH_HIT_NODE,
  CHARTER_GRAPH_HIT_HANDLE,
  CHARTER_GRAPH_HIT_EDGE,
} CharterGraphHit;

typedef struct _CharterGraph CharterGraph;

/* Spacing of the automatic layout, in graph units. */
#define CHARTER_GRAPH_LAYER_GAP   76.0
#define CHARTER_GRAPH_NODE_GAP    28.0
#define CHARTER_GRAPH_DUMMY_GAP   22.0
#define CHARTER_GRAPH_MARGIN      40.0
/* The link handle: a round knob centred on a node's right edge. */
#define CHARTER_GRAPH_HANDLE_RADIUS 11.0
/* How far from an edge's curve a point still hits it. */
#define CHARTER_GRAPH_EDGE_TOLERANCE 6.0

CharterGraph           *charter_graph_new               (void);
void                    charter_graph_free              (CharterGraph *graph);
void                    charter_graph_clear             (CharterGraph *graph);
CharterGraph           *charter_graph_copy              (CharterGraph *graph);
void                    charter_graph_swap              (CharterGraph *graph,
                                                         CharterGraph *other);

guint                   charter_graph_add_node          (CharterGraph *graph,
                                                         double        width,
                                                         double        height);
guint                   charter_graph_add_edge          (CharterGraph *graph,
                                                         guint         from,
                                                         guint         to);
guint                   charter_graph_get_n_nodes       (CharterGraph *graph);
guint                   charter_graph_get_n_edges       (CharterGraph *graph);
CharterGraphNode       *charter_graph_get_node          (CharterGraph *graph,
                                                         guint         index);
CharterGraphEdge       *charter_graph_get_edge          (CharterGraph *graph,
                                                         guint         index);

void                    charter_graph_layout            (CharterGraph *graph);
gboolean                charter_graph_layout_interruptible (CharterGraph *graph,
                                                         const gint   *stop);
void                    charter_graph_route_edges       (CharterGraph *graph);
void                    charter_graph_route_edge        (CharterGraph *graph,
                                                         guint         index);
void                    charter_graph_get_bounds        (CharterGraph *graph,
                                                         double       *x,
                                                         double       *y,
                                                         double       *width,
                                                         double       *height);

CharterGraphHit         charter_graph_hit_test          (CharterGraph *graph,
                                                         double        x,
                                                         double        y,
                                                         guint        *index);
CharterGraphPoint       charter_graph_get_handle        (CharterGraph *graph,
                                                         guint         node);
guint                   charter_graph_count_crossings   (CharterGraph *graph);
gboolean                charter_graph_nodes_overlap     (CharterGraph *graph,
                                                         guint        *a,
                                                         guint        *b);
int                     charter_graph_find_neighbour    (CharterGraph *graph,
                                                         guint         from,
                                                         int           dx,
                                                         int           dy);

/* The curves as the canvas draws them, and their crossings. */
#define CHARTER_GRAPH_ARROW_LENGTH 10.0
#define CHARTER_GRAPH_CURVE_SAMPLES 16
void                    charter_graph_flatten_edge      (CharterGraph *graph,
                                                         guint         index,
                                                         GArray       *polyline);
guint                   charter_graph_count_drawn_crossings (CharterGraph *graph);
guint                   charter_graph_count_polyline_crossings (const CharterGraphPoint *points,
                                                         const guint             *starts,
                                                         guint                    n_lines);

/* Sampling the curve between two route points, for drawing and hit testing. */
void                    charter_graph_segment_controls  (const CharterGraphPoint *a,
                                                         const CharterGraphPoint *b,
                                                         CharterGraphPoint       *c1,
                                                         CharterGraphPoint       *c2);

G_END_DECLS
