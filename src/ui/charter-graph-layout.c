/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-layout.c: a layered graph layout in plain C (GLib only).
 *
 * The steps are the classic Sugiyama ones:
 *   1. break cycles by turning depth-first back edges around;
 *   2. longest-path layering (sources pulled right next to their successors);
 *   3. dummy nodes where an edge spans several layers;
 *   4. barycentric ordering sweeps, keeping the order with fewest crossings
 *      (counted per layer pair with an accumulator tree, O(E log V));
 *   5. vertical coordinates: each node pulled towards the mean of its
 *      neighbours, order and spacing kept by pool-adjacent-violators;
 *   6. nodes placed by hand (fixed) keep their x and y; laid-out nodes in the
 *      same column are pushed clear of them.
 * Edges are routed through their dummy nodes; drawing joins the points with
 * curves that leave and arrive horizontally. */

#define G_LOG_DOMAIN "charter-graph-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "charter-graph-layout.h"

struct _CharterGraph
{
  GArray    *nodes;      /* CharterGraphNode */
  GArray    *edges;      /* CharterGraphEdge */
  GPtrArray *waypoints;  /* per edge: GArray of CharterGraphPoint from the layout, or NULL */
};

/* A node of the layered graph: a real node or a dummy on a long edge. */
typedef struct
{
  guint  layer;
  guint  pos;
  double centre;     /* y of the centre */
  double height;     /* 0 for dummies */
  double key;        /* sort key during ordering */
  guint  up_start;   /* neighbours in the layer before: up[up_start .. up_start + n_up) */
  guint  n_up;
  guint  down_start;
  guint  n_down;
  gboolean fixed;
  gboolean dummy;
} VNode;

typedef struct
{
  CharterGraph *graph;
  guint         n_real;
  GArray       *vnodes;     /* VNode */
  guint        *up;         /* CSR neighbour lists */
  guint        *down;
  guint         n_layers;
  GPtrArray    *layers;     /* GArray of guint vnode ids, in order */
  GPtrArray    *edge_dummies; /* per edge: GArray of guint vnode ids, or NULL */
} Layering;

static void
array_unref_nullable (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
edge_clear (gpointer data)
{
  CharterGraphEdge *edge = data;

  g_clear_pointer (&edge->points, g_array_unref);
}

CharterGraph *
charter_graph_new (void)
{
  CharterGraph *graph = g_new0 (CharterGraph, 1);

  graph->nodes = g_array_new (FALSE, TRUE, sizeof (CharterGraphNode));
  graph->edges = g_array_new (FALSE, TRUE, sizeof (CharterGraphEdge));
  g_array_set_clear_func (graph->edges, edge_clear);
  graph->waypoints = g_ptr_array_new_with_free_func (array_unref_nullable);

  return graph;
}

void
charter_graph_free (CharterGraph *graph)
{
  if (graph == NULL)
    return;

  g_array_unref (graph->nodes);
  g_array_unref (graph->edges);
  g_ptr_array_unref (graph->waypoints);
  g_free (graph);
}

void
charter_graph_clear (CharterGraph *graph)
{
  g_array_set_size (graph->nodes, 0);
  g_array_set_size (graph->edges, 0);
  g_ptr_array_set_size (graph->waypoints, 0);
}

guint
charter_graph_add_node (CharterGraph *graph,
                        double        width,
                        double        height)
{
  CharterGraphNode node = { 0, };

  node.width = width;
  node.height = height;
  g_array_append_val (graph->nodes, node);

  return graph->nodes->len - 1;
}

guint
charter_graph_add_edge (CharterGraph *graph,
                        guint         from,
                        guint         to)
{
  CharterGraphEdge edge = { 0, };

  g_return_val_if_fail (from < graph->nodes->len && to < graph->nodes->len, G_MAXUINT);

  edge.from = from;
  edge.to = to;
  edge.points = g_array_new (FALSE, FALSE, sizeof (CharterGraphPoint));
  g_array_append_val (graph->edges, edge);
  g_ptr_array_add (graph->waypoints, NULL);

  return graph->edges->len - 1;
}

guint
charter_graph_get_n_nodes (CharterGraph *graph)
{
  return graph->nodes->len;
}

guint
charter_graph_get_n_edges (CharterGraph *graph)
{
  return graph->edges->len;
}

CharterGraphNode *
charter_graph_get_node (CharterGraph *graph,
                        guint         index)
{
  g_return_val_if_fail (index < graph->nodes->len, NULL);

  return &g_array_index (graph->nodes, CharterGraphNode, index);
}

CharterGraphEdge *
charter_graph_get_edge (CharterGraph *graph,
                        guint         index)
{
  g_return_val_if_fail (index < graph->edges->len, NULL);

  return &g_array_index (graph->edges, CharterGraphEdge, index);
}

#define NODE(g, i) (&g_array_index ((g)->nodes, CharterGraphNode, (i)))
#define EDGE(g, i) (&g_array_index ((g)->edges, CharterGraphEdge, (i)))
#define VN(l, i)   (&g_array_index ((l)->vnodes, VNode, (i)))

/* 1. Cycles: an iterative depth-first search marks back edges as reversed;
 * Tarjan's strongly connected components mark the nodes on a cycle. */
static void
break_cycles (CharterGraph *graph,
              guint        *out_start,
              guint        *out_edges)
{
  guint n = graph->nodes->len;
  g_autofree guint *state = g_new0 (guint, n);      /* 0 new, 1 on stack, 2 done */
  g_autofree guint *stack = g_new (guint, n);
  g_autofree guint *next = g_new0 (guint, n);
  g_autofree guint *index = g_new (guint, n);
  g_autofree guint *low = g_new (guint, n);
  g_autofree guint *tstack = g_new (guint, n);
  g_autofree gboolean *on_tstack = g_new0 (gboolean, n);
  guint counter = 0;
  guint tdepth = 0;

  for (guint root = 0; root < n; root++)
    {
      guint depth = 0;

      if (state[root] != 0)
        continue;

      stack[depth++] = root;
      state[root] = 1;
      index[root] = low[root] = counter++;
      tstack[tdepth++] = root;
      on_tstack[root] = TRUE;

      while (depth > 0)
        {
          guint v = stack[depth - 1];

          if (next[v] < out_start[v + 1] - out_start[v])
            {
              guint e = out_edges[out_start[v] + next[v]++];
              guint w = EDGE (graph, e)->to;

              if (w == v)
                continue;

              if (state[w] == 0)
                {
                  state[w] = 1;
                  index[w] = low[w] = counter++;
                  stack[depth++] = w;
                  tstack[tdepth++] = w;
                  on_tstack[w] = TRUE;
                }
              else if (state[w] == 1)
                {
                  EDGE (graph, e)->reversed = TRUE;
                  low[v] = MIN (low[v], index[w]);
                }
              else if (on_tstack[w])
                low[v] = MIN (low[v], index[w]);
            }
          else
            {
              state[v] = 2;
              depth--;
              if (depth > 0)
                {
                  guint parent = stack[depth - 1];
                  low[parent] = MIN (low[parent], low[v]);
                }

              if (low[v] == index[v])
                {
                  guint size = 0;
                  guint first = tdepth;

                  do
                    {
                      first--;
                      size++;
                    }
                  while (tstack[first] != v);

                  for (guint k = first; k < tdepth; k++)
                    {
                      on_tstack[tstack[k]] = FALSE;
                      if (size > 1)
                        NODE (graph, tstack[k])->in_cycle = TRUE;
                    }
                  tdepth = first;
                }
            }
        }
    }
}

/* 2. Longest-path layering over the acyclic graph (reversed edges flipped). */
static guint *
assign_layers (CharterGraph *graph,
               guint        *n_layers)
{
  guint n = graph->nodes->len;
  guint m = graph->edges->len;
  guint *layer = g_new0 (guint, n);
  g_autofree guint *indeg = g_new0 (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree guint *succ_start = g_new0 (guint, n + 1);
  g_autofree guint *succ = g_new (guint, m);
  g_autofree guint *fill = NULL;
  g_autofree gboolean *has_pred = g_new0 (gboolean, n);
  guint head = 0, tail = 0;
  guint max_layer = 0;

  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = EDGE (graph, e);
      guint u = edge->reversed ? edge->to : edge->from;
      guint v = edge->reversed ? edge->from : edge->to;

      if (u == v)
        continue;
      succ_start[u + 1]++;
      indeg[v]++;
      has_pred[v] = TRUE;
    }
  for (guint i = 0; i < n; i++)
    succ_start[i + 1] += succ_start[i];
  fill = g_memdup2 (succ_start, sizeof (guint) * n);
  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = EDGE (graph, e);
      guint u = edge->reversed ? edge->to : edge->from;
      guint v = edge->reversed ? edge->from : edge->to;

      if (u == v)
        continue;
      succ[fill[u]++] = v;
    }

  for (guint i = 0; i < n; i++)
    if (indeg[i] == 0)
      queue[tail++] = i;

  while (head < tail)
    {
      guint u = queue[head++];

      for (guint k = succ_start[u]; k < succ_start[u + 1]; k++)
        {
          guint v = succ[k];

          layer[v] = MAX (layer[v], layer[u] + 1);
          if (--indeg[v] == 0)
            queue[tail++] = v;
        }
    }

  /* A task with nothing before it sits just left of its first successor
   * rather than far away in the first column. Walk in reverse topological
   * order so that chains of such tasks move together. */
  for (guint k = tail; k > 0; k--)
    {
      guint u = queue[k - 1];
      guint best = G_MAXUINT;

      if (has_pred[u] || succ_start[u] == succ_start[u + 1])
        continue;
      for (guint j = succ_start[u]; j < succ_start[u + 1]; j++)
        best = MIN (best, layer[succ[j]]);
      if (best != G_MAXUINT && best > 0)
        layer[u] = best - 1;
    }

  for (guint i = 0; i < n; i++)
    max_layer = MAX (max_layer, layer[i]);

  *n_layers = n > 0 ? max_layer + 1 : 0;
  return layer;
}

/* 3. The layered graph: real nodes, dummies and neighbour lists. */
static void
build_layering (Layering *l,
                guint    *layer)
{
  CharterGraph *graph = l->graph;
  guint m = graph->edges->len;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *fill_up = NULL;
  g_autofree guint *fill_down = NULL;

  l->n_real = graph->nodes->len;
  l->vnodes = g_array_sized_new (FALSE, TRUE, sizeof (VNode), l->n_real + m);
  l->edge_dummies = g_ptr_array_new_with_free_func (array_unref_nullable);

  for (guint i = 0; i < l->n_real; i++)
    {
      CharterGraphNode *node = NODE (graph, i);
      VNode v = { 0, };

      v.layer = layer[i];
      v.height = node->height;
      v.fixed = node->fixed;
      v.centre = node->y + node->height / 2;
      g_array_append_val (l->vnodes, v);
    }

  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = EDGE (graph, e);
      guint u = edge->reversed ? edge->to : edge->from;
      guint v = edge->reversed ? edge->from : edge->to;
      guint prev = u;
      GArray *dummies = NULL;

      if (u == v)
        {
          g_ptr_array_add (l->edge_dummies, NULL);
          continue;
        }

      for (guint k = layer[u] + 1; k < layer[v]; k++)
        {
          VNode d = { 0, };
          guint id = l->vnodes->len;
          guint link[2] = { prev, id };

          d.layer = k;
          d.dummy = TRUE;
          g_array_append_val (l->vnodes, d);
          g_array_append_val (links, link);
          if (dummies == NULL)
            dummies = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (dummies, id);
          prev = id;
        }

      {
        guint link[2] = { prev, v };
        g_array_append_val (links, link);
      }
      g_ptr_array_add (l->edge_dummies, dummies);
    }

  /* Neighbour lists in compressed rows. */
  for (guint k = 0; k < links->len; k++)
    {
      guint *link = &g_array_index (links, guint, k * 2);

      VN (l, link[0])->n_down++;
      VN (l, link[1])->n_up++;
    }
  {
    guint up_acc = 0, down_acc = 0;

    for (guint i = 0; i < l->vnodes->len; i++)
      {
        VNode *vn = VN (l, i);

        vn->up_start = up_acc;
        vn->down_start = down_acc;
        up_acc += vn->n_up;
        down_acc += vn->n_down;
      }
    l->up = g_new (guint, MAX (up_acc, 1));
    l->down = g_new (guint, MAX (down_acc, 1));
  }
  fill_up = g_new0 (guint, l->vnodes->len);
  fill_down = g_new0 (guint, l->vnodes->len);
  for (guint k = 0; k < links->len; k++)
    {
      guint *link = &g_array_index (links, guint, k * 2);
      VNode *a = VN (l, link[0]);
      VNode *b = VN (l, link[1]);

      l->down[a->down_start + fill_down[link[0]]++] = link[1];
      l->up[b->up_start + fill_up[link[1]]++] = link[0];
    }

  l->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 0; k < l->n_layers; k++)
    g_ptr_array_add (l->layers, g_array_new (FALSE, FALSE, sizeof (guint)));
}

static void
layering_clear (Layering *l)
{
  g_clear_pointer (&l->vnodes, g_array_unref);
  g_clear_pointer (&l->up, g_free);
  g_clear_pointer (&l->down, g_free);
  g_clear_pointer (&l->layers, g_ptr_array_unref);
  g_clear_pointer (&l->edge_dummies, g_ptr_array_unref);
}

static void
update_positions (Layering *l,
                  GArray   *layer)
{
  for (guint k = 0; k < layer->len; k++)
    VN (l, g_array_index (layer, guint, k))->pos = k;
}

/* Crossings between layer i and i + 1: the inversions of the lower ends
 * when the links are listed in upper order (Barth, Jünger and Mutzel). */
static guint64
count_layer_crossings (Layering *l,
                       guint     i,
                       guint    *tree,
                       guint    *ends)
{
  GArray *upper = g_ptr_array_index (l->layers, i);
  GArray *lower = g_ptr_array_index (l->layers, i + 1);
  guint first = 1;
  guint n_ends = 0;
  guint64 crossings = 0;

  if (lower->len == 0)
    return 0;

  while (first < lower->len)
    first *= 2;
  memset (tree, 0, sizeof (guint) * (2 * first - 1));
  first -= 1;

  for (guint k = 0; k < upper->len; k++)
    {
      VNode *v = VN (l, g_array_index (upper, guint, k));
      guint start = n_ends;

      for (guint j = 0; j < v->n_down; j++)
        ends[n_ends++] = VN (l, l->down[v->down_start + j])->pos;

      /* Few neighbours per node: insertion sort. */
      for (guint a = start + 1; a < n_ends; a++)
        for (guint b = a; b > start && ends[b - 1] > ends[b]; b--)
          {
            guint t = ends[b];
            ends[b] = ends[b - 1];
            ends[b - 1] = t;
          }
    }

  for (guint k = 0; k < n_ends; k++)
    {
      guint index = ends[k] + first;

      tree[index]++;
      while (index > 0)
        {
          if (index % 2 == 1)
            crossings += tree[index + 1];
          index = (index - 1) / 2;
          tree[index]++;
        }
    }

  return crossings;
}

static guint64
count_all_crossings (Layering *l,
                     guint    *tree,
                     guint    *ends)
{
  guint64 total = 0;

  for (guint i = 0; i + 1 < l->n_layers; i++)
    total += count_layer_crossings (l, i, tree, ends);

  return total;
}

static int
compare_key (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  Layering *l = user_data;
  const VNode *va = VN (l, *(const guint *) a);
  const VNode *vb = VN (l, *(const guint *) b);

  if (va->key < vb->key)
    return -1;
  if (va->key > vb->key)
    return 1;
  /* Stable: keep the current order on ties. */
  return (va->pos > vb->pos) - (va->pos < vb->pos);
}

static void
sort_by_barycentre (Layering *l,
                    guint     i,
                    gboolean  use_up)
{
  GArray *layer = g_ptr_array_index (l->layers, i);

  for (guint k = 0; k < layer->len; k++)
    {
      VNode *v = VN (l, g_array_index (layer, guint, k));
      guint n = use_up ? v->n_up : v->n_down;
      guint *list = use_up ? &l->up[v->up_start] : &l->down[v->down_start];
      double sum = 0;

      if (n == 0)
        {
          v->key = v->pos;
          continue;
        }
      for (guint j = 0; j < n; j++)
        sum += VN (l, list[j])->pos;
      v->key = sum / n;
    }

  g_array_sort_with_data (layer, compare_key, l);
  update_positions (l, layer);
}

/* 4. Ordering within layers. */
static void
order_layers (Layering *l)
{
  guint max_len = 1;
  guint n_links = 1;
  g_autofree guint *tree = NULL;
  g_autofree guint *ends = NULL;
  g_autoptr(GPtrArray) best = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint64 best_crossings;
  guint iterations;

  for (guint i = 0; i < l->vnodes->len; i++)
    {
      VNode *v = VN (l, i);

      g_array_append_val (g_ptr_array_index (l->layers, v->layer), i);
      n_links += v->n_down;
    }
  for (guint k = 0; k < l->n_layers; k++)
    {
      GArray *layer = g_ptr_array_index (l->layers, k);

      max_len = MAX (max_len, layer->len);
      update_positions (l, layer);
    }

  tree = g_new (guint, 4 * max_len + 2);
  ends = g_new (guint, n_links);

  /* A first pass from the left gives dummies a sensible place. */
  for (guint i = 1; i < l->n_layers; i++)
    sort_by_barycentre (l, i, TRUE);

  best_crossings = count_all_crossings (l, tree, ends);
  for (guint k = 0; k < l->n_layers; k++)
    g_ptr_array_add (best, g_array_copy (g_ptr_array_index (l->layers, k)));

  /* Fewer sweeps for big graphs keep the layout under its time budget. */
  iterations = l->vnodes->len > 5000 ? 4 : 8;
  for (guint it = 0; it < iterations && best_crossings > 0; it++)
    {
      guint64 crossings;

      for (guint i = l->n_layers - 1; i-- > 0;)
        sort_by_barycentre (l, i, FALSE);
      for (guint i = 1; i < l->n_layers; i++)
        sort_by_barycentre (l, i, TRUE);

      crossings = count_all_crossings (l, tree, ends);
      if (crossings < best_crossings)
        {
          best_crossings = crossings;
          for (guint k = 0; k < l->n_layers; k++)
            {
              GArray *copy = g_ptr_array_index (best, k);
              GArray *layer = g_ptr_array_index (l->layers, k);

              g_array_set_size (copy, 0);
              g_array_append_vals (copy, layer->data, layer->len);
            }
        }
    }

  for (guint k = 0; k < l->n_layers; k++)
    {
      GArray *layer = g_ptr_array_index (l->layers, k);
      GArray *copy = g_ptr_array_index (best, k);

      g_array_set_size (layer, 0);
      g_array_append_vals (layer, copy->data, copy->len);
      update_positions (l, layer);
    }
}

static double
separation (VNode *a,
            VNode *b)
{
  double gap = (a->dummy || b->dummy) ? CHARTER_GRAPH_DUMMY_GAP : CHARTER_GRAPH_NODE_GAP;

  return a->height / 2 + b->height / 2 + gap;
}

/* Places the free nodes of one layer as close as possible to their wanted
 * centres (least squares) while keeping their order and spacing:
 * pool-adjacent-violators over blocks. */
static void
place_layer (Layering *l,
             GArray   *layer,
             double   *wanted)
{
  guint n = 0;
  g_autofree guint *ids = g_new (guint, layer->len + 1);
  g_autofree double *offset = g_new (double, layer->len + 1);
  g_autofree double *block_sum = g_new (double, layer->len + 1);
  g_autofree guint *block_start = g_new (guint, layer->len + 1);
  g_autofree guint *block_len = g_new (guint, layer->len + 1);
  guint n_blocks = 0;

  for (guint k = 0; k < layer->len; k++)
    {
      guint id = g_array_index (layer, guint, k);

      if (VN (l, id)->fixed)
        continue;
      ids[n] = id;
      offset[n] = n == 0 ? 0 : offset[n - 1] + separation (VN (l, ids[n - 1]), VN (l, id));
      n++;
    }

  for (guint k = 0; k < n; k++)
    {
      /* A block's position is the mean of (wanted - offset) over its members. */
      block_start[n_blocks] = k;
      block_len[n_blocks] = 1;
      block_sum[n_blocks] = wanted[ids[k]] - offset[k];
      n_blocks++;

      while (n_blocks > 1 &&
             block_sum[n_blocks - 2] / block_len[n_blocks - 2] >
             block_sum[n_blocks - 1] / block_len[n_blocks - 1])
        {
          block_sum[n_blocks - 2] += block_sum[n_blocks - 1];
          block_len[n_blocks - 2] += block_len[n_blocks - 1];
          n_blocks--;
        }
    }

  for (guint b = 0; b < n_blocks; b++)
    {
      double base = block_sum[b] / block_len[b];

      for (guint k = block_start[b]; k < block_start[b] + block_len[b]; k++)
        VN (l, ids[k])->centre = base + offset[k];
    }
}

/* 5. Vertical coordinates. */
static void
assign_centres (Layering *l)
{
  guint nv = l->vnodes->len;
  g_autofree double *wanted = g_new (double, nv);

  /* Start stacked in order. */
  for (guint k = 0; k < l->n_layers; k++)
    {
      GArray *layer = g_ptr_array_index (l->layers, k);

      for (guint j = 0; j < layer->len; j++)
        {
          guint id = g_array_index (layer, guint, j);

          wanted[id] = j * (CHARTER_GRAPH_NODE_GAP + 60);
        }
      place_layer (l, layer, wanted);
    }

  for (guint it = 0; it < 6; it++)
    {
      gboolean downward = it % 2 == 0;

      for (guint s = 0; s < l->n_layers; s++)
        {
          guint k = downward ? s : l->n_layers - 1 - s;
          GArray *layer = g_ptr_array_index (l->layers, k);

          for (guint j = 0; j < layer->len; j++)
            {
              guint id = g_array_index (layer, guint, j);
              VNode *v = VN (l, id);
              guint n1 = downward ? v->n_up : v->n_down;
              guint *list1 = downward ? &l->up[v->up_start] : &l->down[v->down_start];
              guint n2 = downward ? v->n_down : v->n_up;
              guint *list2 = downward ? &l->down[v->down_start] : &l->up[v->up_start];
              double sum = 0;
              guint count = 0;

              /* Mostly the side just placed, a little of the other side so
               * that a node with many successors sits among them. */
              for (guint i = 0; i < n1; i++)
                {
                  sum += 2 * VN (l, list1[i])->centre;
                  count += 2;
                }
              for (guint i = 0; i < n2; i++)
                {
                  sum += VN (l, list2[i])->centre;
                  count += 1;
                }
              wanted[id] = count > 0 ? sum / count : v->centre;
            }
          place_layer (l, layer, wanted);
        }
    }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

void
charter_graph_layout (CharterGraph *graph)
{
  guint n = graph->nodes->len;
  guint m = graph->edges->len;
  g_autofree guint *out_start = g_new0 (guint, n + 1);
  g_autofree guint *out_edges = g_new (guint, MAX (m, 1));
  g_autofree guint *fill = NULL;
  g_autofree guint *layer = NULL;
  g_autofree double *column_x = NULL;
  g_autofree double *column_w = NULL;
  Layering l = { 0, };
  double min_top = G_MAXDOUBLE;
  double shift;

  g_return_if_fail (graph != NULL);

  for (guint i = 0; i < n; i++)
    NODE (graph, i)->in_cycle = FALSE;
  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = EDGE (graph, e);

      edge->reversed = FALSE;
      if (edge->from == edge->to)
        NODE (graph, edge->from)->in_cycle = TRUE;
      out_start[edge->from + 1]++;
    }
  for (guint i = 0; i < n; i++)
    out_start[i + 1] += out_start[i];
  fill = g_memdup2 (out_start, sizeof (guint) * (n + 1));
  for (guint e = 0; e < m; e++)
    out_edges[fill[EDGE (graph, e)->from]++] = e;

  break_cycles (graph, out_start, out_edges);
  layer = assign_layers (graph, &l.n_layers);
  for (guint i = 0; i < n; i++)
    NODE (graph, i)->layer = layer[i];

  l.graph = graph;
  build_layering (&l, layer);
  order_layers (&l);
  assign_centres (&l);

  /* Columns: as wide as their widest laid-out node. */
  column_x = g_new0 (double, l.n_layers + 1);
  column_w = g_new0 (double, l.n_layers + 1);
  for (guint i = 0; i < n; i++)
    if (!NODE (graph, i)->fixed)
      column_w[layer[i]] = MAX (column_w[layer[i]], NODE (graph, i)->width);
  for (guint k = 0; k < l.n_layers; k++)
    {
      if (column_w[k] == 0)
        column_w[k] = CHARTER_GRAPH_LAYER_GAP;
      column_x[k] = k == 0 ? CHARTER_GRAPH_MARGIN
                           : column_x[k - 1] + column_w[k - 1] + CHARTER_GRAPH_LAYER_GAP;
    }

  for (guint i = 0; i < l.vnodes->len; i++)
    {
      VNode *v = VN (&l, i);

      if (!v->fixed)
        min_top = MIN (min_top, v->centre - v->height / 2);
    }
  shift = min_top == G_MAXDOUBLE ? 0 : CHARTER_GRAPH_MARGIN - min_top;

  for (guint k = 0; k < l.n_layers; k++)
    {
      GArray *column = g_ptr_array_index (l.layers, k);
      g_autoptr(GArray) blocked = g_array_new (FALSE, FALSE, sizeof (double) * 2);
      VNode *prev = NULL;

      /* Nodes placed by hand that stand in this column block its space. */
      for (guint i = 0; i < n; i++)
        {
          CharterGraphNode *node = NODE (graph, i);

          if (node->fixed &&
              node->x < column_x[k] + column_w[k] + CHARTER_GRAPH_NODE_GAP &&
              node->x + node->width + CHARTER_GRAPH_NODE_GAP > column_x[k])
            {
              double span[2] = { node->y - CHARTER_GRAPH_NODE_GAP,
                                 node->y + node->height + CHARTER_GRAPH_NODE_GAP };
              g_array_append_val (blocked, span);
            }
        }
      g_array_sort (blocked, compare_double);

      for (guint j = 0; j < column->len; j++)
        {
          guint id = g_array_index (column, guint, j);
          VNode *v = VN (&l, id);
          double top;

          if (v->fixed)
            continue;

          v->centre += shift;
          if (prev != NULL)
            v->centre = MAX (v->centre, prev->centre + separation (prev, v));
          top = v->centre - v->height / 2;

          if (!v->dummy)
            {
              /* Slide down past any hand-placed node it would overlap. */
              for (guint b = 0; b < blocked->len; b++)
                {
                  double *span = &g_array_index (blocked, double, b * 2);

                  if (top < span[1] && top + v->height > span[0])
                    top = span[1];
                }
              v->centre = top + v->height / 2;
            }
          prev = v;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      CharterGraphNode *node = NODE (graph, i);
      VNode *v = VN (&l, i);

      if (node->fixed)
        continue;
      node->x = column_x[v->layer];
      node->y = v->centre - v->height / 2;
    }

  /* Keep each long edge's dummy positions as its route. */
  for (guint e = 0; e < m; e++)
    {
      GArray *dummies = g_ptr_array_index (l.edge_dummies, e);
      GArray *points = NULL;

      if (dummies != NULL)
        {
          CharterGraphEdge *edge = EDGE (graph, e);

          points = g_array_sized_new (FALSE, FALSE, sizeof (CharterGraphPoint), 2 * dummies->len);
          for (guint k = 0; k < dummies->len; k++)
            {
              /* Dummies run from the upper (left) end; a reversed edge is walked backwards. */
              guint d = g_array_index (dummies, guint, edge->reversed ? dummies->len - 1 - k : k);
              VNode *v = VN (&l, d);
              /* Straight across the whole column, so that the curves to
               * the next columns start clear of the tasks beside it. */
              CharterGraphPoint p = { column_x[v->layer], v->centre };
              CharterGraphPoint q = { column_x[v->layer] + column_w[v->layer], v->centre };

              g_array_append_val (points, p);
              g_array_append_val (points, q);
            }
        }
      if (g_ptr_array_index (graph->waypoints, e) != NULL)
        g_array_unref (g_ptr_array_index (graph->waypoints, e));
      g_ptr_array_index (graph->waypoints, e) = points;
    }

  layering_clear (&l);
  charter_graph_route_edges (graph);
}

void
charter_graph_segment_controls (const CharterGraphPoint *a,
                                const CharterGraphPoint *b,
                                CharterGraphPoint       *c1,
                                CharterGraphPoint       *c2)
{
  double dx = b->x - a->x;
  double k = MAX (fabs (dx) * 0.5, 36.0);

  c1->x = a->x + k;
  c1->y = a->y;
  c2->x = b->x - k;
  c2->y = b->y;
}

void
charter_graph_route_edge (CharterGraph *graph,
                          guint         index)
{
  CharterGraphEdge *edge;
  CharterGraphNode *from, *to;
  GArray *waypoints;
  CharterGraphPoint start, end;

  g_return_if_fail (index < graph->edges->len);

  edge = EDGE (graph, index);
  from = NODE (graph, edge->from);
  to = NODE (graph, edge->to);
  waypoints = g_ptr_array_index (graph->waypoints, index);

  start.x = from->x + from->width;
  start.y = from->y + from->height / 2;
  end.x = to->x;
  end.y = to->y + to->height / 2;

  g_array_set_size (edge->points, 0);
  g_array_append_val (edge->points, start);

  /* The layout's route holds while neither end has been moved by hand and
   * it still runs strictly from left to right between them. */
  if (waypoints != NULL && !from->fixed && !to->fixed)
    {
      double last_x = start.x;
      gboolean usable = TRUE;

      for (guint k = 0; k < waypoints->len && usable; k++)
        {
          CharterGraphPoint *p = &g_array_index (waypoints, CharterGraphPoint, k);

          usable = p->x > last_x;
          last_x = p->x;
        }
      if (usable && last_x < end.x)
        g_array_append_vals (edge->points, waypoints->data, waypoints->len);
    }

  g_array_append_val (edge->points, end);
}

void
charter_graph_route_edges (CharterGraph *graph)
{
  for (guint e = 0; e < graph->edges->len; e++)
    charter_graph_route_edge (graph, e);
}

void
charter_graph_get_bounds (CharterGraph *graph,
                          double       *x,
                          double       *y,
                          double       *width,
                          double       *height)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      CharterGraphNode *node = NODE (graph, i);

      x0 = MIN (x0, node->x);
      y0 = MIN (y0, node->y);
      x1 = MAX (x1, node->x + node->width + CHARTER_GRAPH_HANDLE_RADIUS);
      y1 = MAX (y1, node->y + node->height);
    }
  for (guint e = 0; e < graph->edges->len; e++)
    {
      GArray *points = EDGE (graph, e)->points;

      for (guint k = 0; k < points->len; k++)
        {
          CharterGraphPoint *p = &g_array_index (points, CharterGraphPoint, k);

          x0 = MIN (x0, p->x);
          y0 = MIN (y0, p->y);
          x1 = MAX (x1, p->x);
          y1 = MAX (y1, p->y);
        }
    }

  if (x0 > x1)
    x0 = y0 = x1 = y1 = 0;

  if (x)
    *x = x0;
  if (y)
    *y = y0;
  if (width)
    *width = x1 - x0;
  if (height)
    *height = y1 - y0;
}

CharterGraphPoint
charter_graph_get_handle (CharterGraph *graph,
                          guint         node)
{
  CharterGraphNode *n = NODE (graph, node);
  CharterGraphPoint p = { n->x + n->width, n->y + n->height / 2 };

  return p;
}

static double
distance_to_segment (double px, double py,
                     double ax, double ay,
                     double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

static CharterGraphPoint
bezier_at (const CharterGraphPoint *a,
           const CharterGraphPoint *c1,
           const CharterGraphPoint *c2,
           const CharterGraphPoint *b,
           double                   t)
{
  double u = 1 - t;
  CharterGraphPoint p;

  p.x = u * u * u * a->x + 3 * u * u * t * c1->x + 3 * u * t * t * c2->x + t * t * t * b->x;
  p.y = u * u * u * a->y + 3 * u * u * t * c1->y + 3 * u * t * t * c2->y + t * t * t * b->y;
  return p;
}

static double
distance_to_edge (CharterGraphEdge *edge,
                  double            x,
                  double            y)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k + 1 < edge->points->len; k++)
    {
      CharterGraphPoint *a = &g_array_index (edge->points, CharterGraphPoint, k);
      CharterGraphPoint *b = &g_array_index (edge->points, CharterGraphPoint, k + 1);
      CharterGraphPoint c1, c2, prev = *a;
      double min_x, max_x, min_y, max_y;

      charter_graph_segment_controls (a, b, &c1, &c2);
      min_x = MIN (MIN (a->x, b->x), MIN (c1.x, c2.x)) - CHARTER_GRAPH_EDGE_TOLERANCE;
      max_x = MAX (MAX (a->x, b->x), MAX (c1.x, c2.x)) + CHARTER_GRAPH_EDGE_TOLERANCE;
      min_y = MIN (a->y, b->y) - CHARTER_GRAPH_EDGE_TOLERANCE;
      max_y = MAX (a->y, b->y) + CHARTER_GRAPH_EDGE_TOLERANCE;
      if (x < min_x || x > max_x || y < min_y || y > max_y)
        continue;

      for (guint s = 1; s <= 24; s++)
        {
          CharterGraphPoint p = bezier_at (a, &c1, &c2, b, s / 24.0);

          best = MIN (best, distance_to_segment (x, y, prev.x, prev.y, p.x, p.y));
          prev = p;
        }
    }

  return best;
}

CharterGraphHit
charter_graph_hit_test (CharterGraph *graph,
                        double        x,
                        double        y,
                        guint        *index)
{
  double best = G_MAXDOUBLE;
  guint best_edge = G_MAXUINT;

  /* Later nodes are drawn on top, so they win. Handles stick out of their
   * node, so they are tried first. */
  for (guint i = graph->nodes->len; i > 0; i--)
    {
      CharterGraphPoint h = charter_graph_get_handle (graph, i - 1);

      if (hypot (x - h.x, y - h.y) <= CHARTER_GRAPH_HANDLE_RADIUS + 2)
        {
          if (index)
            *index = i - 1;
          return CHARTER_GRAPH_HIT_HANDLE;
        }
    }

  for (guint i = graph->nodes->len; i > 0; i--)
    {
      CharterGraphNode *node = NODE (graph, i - 1);

      if (x >= node->x && x < node->x + node->width &&
          y >= node->y && y < node->y + node->height)
        {
          if (index)
            *index = i - 1;
          return CHARTER_GRAPH_HIT_NODE;
        }
    }

  for (guint e = 0; e < graph->edges->len; e++)
    {
      double d = distance_to_edge (EDGE (graph, e), x, y);

      if (d <= CHARTER_GRAPH_EDGE_TOLERANCE && d < best)
        {
          best = d;
          best_edge = e;
        }
    }

  if (best_edge != G_MAXUINT)
    {
      if (index)
        *index = best_edge;
      return CHARTER_GRAPH_HIT_EDGE;
    }

  return CHARTER_GRAPH_HIT_NONE;
}

static double
orient (const CharterGraphPoint *a,
        const CharterGraphPoint *b,
        const CharterGraphPoint *c)
{
  return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static gboolean
segments_cross (const CharterGraphPoint *a,
                const CharterGraphPoint *b,
                const CharterGraphPoint *c,
                const CharterGraphPoint *d)
{
  double o1 = orient (a, b, c);
  double o2 = orient (a, b, d);
  double o3 = orient (c, d, a);
  double o4 = orient (c, d, b);

  /* Proper crossings only: touching ends (edges of one node) do not count. */
  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) &&
         ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

/**
 * charter_graph_count_crossings:
 * @graph: a routed graph
 *
 * Counts the pairs of edges whose routes cross (each route taken as the
 * polyline through its points). Edges that share a node are not counted.
 * Quadratic in the number of route segments: for tests and small graphs.
 *
 * Returns: the number of crossings
 */
guint
charter_graph_count_crossings (CharterGraph *graph)
{
  guint crossings = 0;

  for (guint e = 0; e < graph->edges->len; e++)
    for (guint f = e + 1; f < graph->edges->len; f++)
      {
        CharterGraphEdge *a = EDGE (graph, e);
        CharterGraphEdge *b = EDGE (graph, f);

        if (a->from == b->from || a->from == b->to || a->to == b->from || a->to == b->to)
          continue;

        for (guint i = 0; i + 1 < a->points->len; i++)
          for (guint j = 0; j + 1 < b->points->len; j++)
            if (segments_cross (&g_array_index (a->points, CharterGraphPoint, i),
                                &g_array_index (a->points, CharterGraphPoint, i + 1),
                                &g_array_index (b->points, CharterGraphPoint, j),
                                &g_array_index (b->points, CharterGraphPoint, j + 1)))
              crossings++;
      }

  return crossings;
}

/**
 * charter_graph_nodes_overlap:
 * @graph: a graph
 * @a: (out) (optional): one of the overlapping nodes
 * @b: (out) (optional): the other
 *
 * Returns: whether any two nodes' rectangles overlap
 */
gboolean
charter_graph_nodes_overlap (CharterGraph *graph,
                             guint        *a,
                             guint        *b)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    for (guint j = i + 1; j < graph->nodes->len; j++)
      {
        CharterGraphNode *p = NODE (graph, i);
        CharterGraphNode *q = NODE (graph, j);

        if (p->x < q->x + q->width && q->x < p->x + p->width &&
            p->y < q->y + q->height && q->y < p->y + p->height)
          {
            if (a)
              *a = i;
            if (b)
              *b = j;
            return TRUE;
          }
      }

  return FALSE;
}

/**
 * charter_graph_find_neighbour:
 * @graph: a graph
 * @from: the current node
 * @dx: -1, 0 or 1: the direction across
 * @dy: -1, 0 or 1: the direction down
 *
 * Finds the node an arrow key moves to: the nearest one in that direction,
 * preferring nodes straight ahead over ones off to the side.
 *
 * Returns: its index, or -1 when there is none
 */
int
charter_graph_find_neighbour (CharterGraph *graph,
                              guint         from,
                              int           dx,
                              int           dy)
{
  CharterGraphNode *f = NODE (graph, from);
  double fx = f->x + f->width / 2;
  double fy = f->y + f->height / 2;
  double best = G_MAXDOUBLE;
  int best_index = -1;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      CharterGraphNode *n = NODE (graph, i);
      double cx = n->x + n->width / 2 - fx;
      double cy = n->y + n->height / 2 - fy;
      double along = cx * dx + cy * dy;
      double across = fabs (dx != 0 ? cy : cx);
      double score;

      if (i == from || along <= 0.5)
        continue;

      score = along + 2.5 * across;
      if (score < best)
        {
          best = score;
          best_index = i;
        }
    }

  return best_index;
}
