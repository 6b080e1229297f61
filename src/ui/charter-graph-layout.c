/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-layout.c: a layered graph layout in plain C (GLib only).
 *
 * The steps are the classic Sugiyama ones, as Graphviz dot takes them:
 *   1. break cycles by turning depth-first back edges around;
 *   2. layers: longest path, then network simplex (the layers that make the
 *      edges shortest in total, so the fewest dummy nodes);
 *   3. dummy nodes where an edge spans several layers;
 *   4. ordering: sweeps by weighted median with transposition of
 *      neighbours, restarted from shuffled orders while a work budget lasts,
 *      keeping the order with fewest crossings (counted per layer pair with
 *      an accumulator tree, O(E log V));
 *   5. vertical coordinates: each node pulled towards the mean of its
 *      neighbours, order and spacing kept by pool-adjacent-violators;
 *   6. nodes placed by hand (fixed) keep their x and y; laid-out nodes in the
 *      same column are pushed clear of them.
 * Between two neighbouring columns the drawn curves cross exactly when
 * their ends are in crossing order, so the crossings counted in step 4 are
 * those the canvas draws (charter_graph_count_drawn_crossings() counts the
 * drawing itself).
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
  double centre;     /* y of the centre */
  double height;     /* 0 for dummies */
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
  /* Per vnode, apart from the rest so that the ordering reads them densely. */
  guint        *pos;        /* place in its layer */
  double       *key;        /* sort key during ordering */
  const gint   *stop;       /* atomic: non-zero asks the ordering to give up (or NULL) */
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

/**
 * charter_graph_copy:
 * @graph: a graph
 *
 * Returns: (transfer full): a new graph with @graph's nodes (size, place,
 *   whether placed by hand) and edges, without routes: what a layout needs,
 *   to be laid out in a worker thread while @graph stays on screen
 */
CharterGraph *
charter_graph_copy (CharterGraph *graph)
{
  CharterGraph *copy = charter_graph_new ();

  g_array_append_vals (copy->nodes, graph->nodes->data, graph->nodes->len);
  for (guint e = 0; e < graph->edges->len; e++)
    {
      CharterGraphEdge *edge = &g_array_index (graph->edges, CharterGraphEdge, e);

      charter_graph_add_edge (copy, edge->from, edge->to);
    }
  return copy;
}

/**
 * charter_graph_swap:
 * @graph: a graph
 * @other: another graph
 *
 * Exchanges the nodes, edges and routes of @graph and @other, so that a
 * graph laid out in a worker replaces what a canvas shows while the
 * canvas's #CharterGraph stays the same object.
 */
void
charter_graph_swap (CharterGraph *graph,
                    CharterGraph *other)
{
  CharterGraph tmp = *graph;

  *graph = *other;
  *other = tmp;
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

/* Every layer an edge spans beyond the next one is a dummy node to order and
 * a bend to draw: fewer of them mean fewer crossings. Moves single tasks to
 * the layer that makes their edges shortest (towards the side with more
 * edges) until nothing moves: a cheap start for network_simplex(). */
static void
shorten_edges (guint        n,
               const guint *succ_start,
               const guint *succ,
               guint       *layer)
{
  g_autofree guint *pred_start = g_new0 (guint, n + 1);
  g_autofree guint *pred = g_new (guint, MAX (succ_start[n], 1));
  g_autofree guint *fill = NULL;

  for (guint u = 0; u < n; u++)
    for (guint k = succ_start[u]; k < succ_start[u + 1]; k++)
      pred_start[succ[k] + 1]++;
  for (guint i = 0; i < n; i++)
    pred_start[i + 1] += pred_start[i];
  fill = g_memdup2 (pred_start, sizeof (guint) * n);
  for (guint u = 0; u < n; u++)
    for (guint k = succ_start[u]; k < succ_start[u + 1]; k++)
      pred[fill[succ[k]]++] = u;

  for (guint round = 0; round < 64; round++)
    {
      gboolean moved = FALSE;

      for (guint v = 0; v < n; v++)
        {
          guint n_in = pred_start[v + 1] - pred_start[v];
          guint n_out = succ_start[v + 1] - succ_start[v];
          guint lo = 0, hi = G_MAXUINT;

          if (n_in == n_out)
            continue;
          for (guint k = pred_start[v]; k < pred_start[v + 1]; k++)
            lo = MAX (lo, layer[pred[k]] + 1);
          for (guint k = succ_start[v]; k < succ_start[v + 1]; k++)
            hi = MIN (hi, layer[succ[k]] - 1);
          if (n_in > n_out && layer[v] != lo)
            {
              layer[v] = lo;
              moved = TRUE;
            }
          else if (n_out > n_in && hi != G_MAXUINT && layer[v] != hi)
            {
              layer[v] = hi;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }

}

/* Closes empty layers: every edge over one is a dummy longer than needed. */
static void
close_empty_layers (guint  n,
                    guint *layer)
{
  g_autofree guint *used = NULL;
  guint max_layer = 0;

  for (guint i = 0; i < n; i++)
    max_layer = MAX (max_layer, layer[i]);
  used = g_new0 (guint, max_layer + 2);
  for (guint i = 0; i < n; i++)
    used[layer[i]] = 1;
  /* used[k] becomes the new number of layer k. */
  for (guint k = 0, next = 0; k <= max_layer; k++)
    {
      guint here = used[k];

      used[k] = next;
      next += here;
    }
  for (guint i = 0; i < n; i++)
    layer[i] = used[layer[i]];
}

/* Network simplex layering (Gansner, Koutsofios, North and Vo, as in dot):
 * the layers that make the edges shortest in total, which means the fewest
 * dummy nodes to order and draw. Starts from the feasible @layer it is
 * given; stops after @max_pivots exchanges, or once the exchanges have
 * renumbered NS_WORK_BUDGET nodes of the tree (the result stays feasible,
 * only its edges may be longer): each exchange renumbers the subtree under
 * it, so on plans of tens of thousands of tasks an unbounded run grows with
 * the square of the plan (30,000 tasks: 5 s of 7; 100,000: over a minute). */
#define NS_WORK_BUDGET 3e7
typedef struct
{
  guint   n;
  guint   m;
  guint  *tail;
  guint  *head;
  guint  *out_start;   /* edge ids by tail */
  guint  *out;
  guint  *in_start;    /* edge ids by head */
  guint  *in;
  int    *rank;
  gboolean *tree;      /* per edge */
  int    *cut;         /* per edge, valid on tree edges */
  guint  *par;         /* per node: its tree edge towards the root, or G_MAXUINT */
  guint  *low;
  guint  *lim;
  guint  *tree_edges;  /* the tree's edges, in no order */
  guint   n_tree;
  guint  *tree_index;  /* per edge: where it is in tree_edges */
  guint   search;      /* where leave_edge() goes on */
  /* enter_edge() */
  guint   enter;
  int     slack;
  guint   e_low;
  guint   e_lim;
  guint64 work;        /* nodes renumbered by the pivots so far */
} Simplex;

#define NS_SLACK(s, e) ((s)->rank[(s)->head[e]] - (s)->rank[(s)->tail[e]] - 1)
#define NS_IN_RANGE(a, x, b) ((a) <= (x) && (x) <= (b))

static guint
ns_dfs_range (Simplex *s,
              guint    v,
              guint    par,
              guint    low)
{
  guint lim = low;

  s->par[v] = par;
  s->low[v] = low;
  for (guint k = s->out_start[v]; k < s->out_start[v + 1]; k++)
    {
      guint e = s->out[k];

      if (s->tree[e] && e != par)
        lim = ns_dfs_range (s, s->head[e], e, lim);
    }
  for (guint k = s->in_start[v]; k < s->in_start[v + 1]; k++)
    {
      guint e = s->in[k];

      if (s->tree[e] && e != par)
        lim = ns_dfs_range (s, s->tail[e], e, lim);
    }
  s->lim[v] = lim;
  return lim + 1;
}

static int
ns_x_val (Simplex *s,
          guint    e,
          guint    v,
          int      dir)
{
  guint other = s->tail[e] == v ? s->head[e] : s->tail[e];
  gboolean outside = !NS_IN_RANGE (s->low[v], s->lim[other], s->lim[v]);
  int rv, d;

  if (outside)
    rv = 1;
  else
    rv = (s->tree[e] ? s->cut[e] : 0) - 1;
  if (dir > 0)
    d = s->head[e] == v ? 1 : -1;
  else
    d = s->tail[e] == v ? 1 : -1;
  if (outside)
    d = -d;
  return d < 0 ? -rv : rv;
}

static void
ns_x_cutval (Simplex *s,
             guint    f)
{
  guint v;
  int dir, sum = 0;

  if (s->par[s->tail[f]] == f)
    {
      v = s->tail[f];
      dir = 1;
    }
  else
    {
      v = s->head[f];
      dir = -1;
    }
  for (guint k = s->out_start[v]; k < s->out_start[v + 1]; k++)
    sum += ns_x_val (s, s->out[k], v, dir);
  for (guint k = s->in_start[v]; k < s->in_start[v + 1]; k++)
    sum += ns_x_val (s, s->in[k], v, dir);
  s->cut[f] = sum;
}

static void
ns_dfs_cutval (Simplex *s,
               guint    v,
               guint    par)
{
  for (guint k = s->out_start[v]; k < s->out_start[v + 1]; k++)
    {
      guint e = s->out[k];

      if (s->tree[e] && e != par)
        ns_dfs_cutval (s, s->head[e], e);
    }
  for (guint k = s->in_start[v]; k < s->in_start[v + 1]; k++)
    {
      guint e = s->in[k];

      if (s->tree[e] && e != par)
        ns_dfs_cutval (s, s->tail[e], e);
    }
  if (par != G_MAXUINT)
    ns_x_cutval (s, par);
}

static void
ns_add_tree_edge (Simplex *s,
                  guint    e)
{
  s->tree[e] = TRUE;
  s->tree_index[e] = s->n_tree;
  s->tree_edges[s->n_tree++] = e;
}

/* A spanning forest of tight edges, one tree per connected part. */
static void
ns_feasible_tree (Simplex *s,
                  guint   *roots,
                  guint   *n_roots,
                  guint   *in_tree)   /* per node: 0, or its tree's number + 1 */
{
  g_autofree guint *members = g_new (guint, s->n);
  g_autofree guint *stack = g_new (guint, s->n);
  guint n_members = 0;

  *n_roots = 0;
  for (guint root = 0; root < s->n; root++)
    {
      guint id, first = n_members;
      guint depth = 0;
      guint grow_from;

      if (in_tree[root])
        continue;
      id = ++*n_roots;
      roots[id - 1] = root;
      in_tree[root] = id;
      members[n_members++] = root;
      grow_from = first;

      for (;;)
        {
          guint best = G_MAXUINT;
          int best_slack = G_MAXINT;

          /* Take in every node one tight edge away, and so on. */
          for (guint k = grow_from; k < n_members; k++)
            stack[depth++] = members[k];
          while (depth > 0)
            {
              guint v = stack[--depth];

              for (int side = 0; side < 2; side++)
                {
                  guint start = side ? s->in_start[v] : s->out_start[v];
                  guint end = side ? s->in_start[v + 1] : s->out_start[v + 1];

                  for (guint k = start; k < end; k++)
                    {
                      guint e = side ? s->in[k] : s->out[k];
                      guint w = side ? s->tail[e] : s->head[e];

                      if (in_tree[w] || NS_SLACK (s, e) != 0)
                        continue;
                      in_tree[w] = id;
                      members[n_members++] = w;
                      ns_add_tree_edge (s, e);
                      stack[depth++] = w;
                    }
                }
            }

          /* The tightest edge out of the tree: shift the tree to make it tight. */
          for (guint k = first; k < n_members; k++)
            {
              guint v = members[k];

              for (int side = 0; side < 2; side++)
                {
                  guint start = side ? s->in_start[v] : s->out_start[v];
                  guint end = side ? s->in_start[v + 1] : s->out_start[v + 1];

                  for (guint j = start; j < end; j++)
                    {
                      guint e = side ? s->in[j] : s->out[j];
                      guint w = side ? s->tail[e] : s->head[e];

                      if (!in_tree[w] && NS_SLACK (s, e) < best_slack)
                        {
                          best = e;
                          best_slack = NS_SLACK (s, e);
                        }
                    }
                }
            }
          if (best == G_MAXUINT)
            break;
          {
            /* The tree holds the tail: move it later; or the head: earlier. */
            int delta = in_tree[s->tail[best]] ? best_slack : -best_slack;
            guint w = in_tree[s->tail[best]] ? s->head[best] : s->tail[best];

            for (guint k = first; k < n_members; k++)
              s->rank[members[k]] += delta;
            in_tree[w] = id;
            grow_from = n_members;
            members[n_members++] = w;
            ns_add_tree_edge (s, best);
          }
        }
    }
}

static guint
ns_leave_edge (Simplex *s)
{
  guint found = G_MAXUINT;
  guint count = 0;

  for (guint k = 0; k < s->n_tree; k++)
    {
      guint i = (s->search + k) % s->n_tree;
      guint f = s->tree_edges[i];

      if (s->cut[f] < 0)
        {
          if (found == G_MAXUINT || s->cut[f] < s->cut[found])
            found = f;
          if (++count >= 30)
            {
              s->search = i;
              return found;
            }
        }
    }
  return found;
}

static void
ns_enter_out (Simplex *s,
              guint    v)
{
  for (guint k = s->out_start[v]; k < s->out_start[v + 1]; k++)
    {
      guint e = s->out[k];

      if (!s->tree[e])
        {
          if (!NS_IN_RANGE (s->e_low, s->lim[s->head[e]], s->e_lim))
            {
              int slack = NS_SLACK (s, e);

              if (slack < s->slack || s->enter == G_MAXUINT)
                {
                  s->enter = e;
                  s->slack = slack;
                }
            }
        }
      else if (s->lim[s->head[e]] < s->lim[v])
        ns_enter_out (s, s->head[e]);
    }
  for (guint k = s->in_start[v]; k < s->in_start[v + 1] && s->slack > 0; k++)
    {
      guint e = s->in[k];

      if (s->tree[e] && s->lim[s->tail[e]] < s->lim[v])
        ns_enter_out (s, s->tail[e]);
    }
}

static void
ns_enter_in (Simplex *s,
             guint    v)
{
  for (guint k = s->in_start[v]; k < s->in_start[v + 1]; k++)
    {
      guint e = s->in[k];

      if (!s->tree[e])
        {
          if (!NS_IN_RANGE (s->e_low, s->lim[s->tail[e]], s->e_lim))
            {
              int slack = NS_SLACK (s, e);

              if (slack < s->slack || s->enter == G_MAXUINT)
                {
                  s->enter = e;
                  s->slack = slack;
                }
            }
        }
      else if (s->lim[s->tail[e]] < s->lim[v])
        ns_enter_in (s, s->tail[e]);
    }
  for (guint k = s->out_start[v]; k < s->out_start[v + 1] && s->slack > 0; k++)
    {
      guint e = s->out[k];

      if (s->tree[e] && s->lim[s->head[e]] < s->lim[v])
        ns_enter_in (s, s->head[e]);
    }
}

static guint
ns_enter_edge (Simplex *s,
               guint    e)
{
  guint v;
  gboolean outsearch;

  if (s->lim[s->tail[e]] < s->lim[s->head[e]])
    {
      v = s->tail[e];
      outsearch = FALSE;
    }
  else
    {
      v = s->head[e];
      outsearch = TRUE;
    }
  s->enter = G_MAXUINT;
  s->slack = G_MAXINT;
  s->e_low = s->low[v];
  s->e_lim = s->lim[v];
  if (outsearch)
    ns_enter_out (s, v);
  else
    ns_enter_in (s, v);
  return s->enter;
}

static void
ns_rerank (Simplex *s,
           guint    v,
           guint    par,
           int      delta)
{
  s->rank[v] -= delta;
  for (guint k = s->out_start[v]; k < s->out_start[v + 1]; k++)
    {
      guint e = s->out[k];

      if (s->tree[e] && e != par)
        ns_rerank (s, s->head[e], e, delta);
    }
  for (guint k = s->in_start[v]; k < s->in_start[v + 1]; k++)
    {
      guint e = s->in[k];

      if (s->tree[e] && e != par)
        ns_rerank (s, s->tail[e], e, delta);
    }
}

static guint
ns_tree_update (Simplex *s,
                guint    v,
                guint    w,
                int      cutvalue,
                gboolean dir)
{
  while (!NS_IN_RANGE (s->low[v], s->lim[w], s->lim[v]))
    {
      guint e = s->par[v];
      gboolean d = v == s->tail[e] ? dir : !dir;

      s->cut[e] += d ? cutvalue : -cutvalue;
      v = s->lim[s->tail[e]] > s->lim[s->head[e]] ? s->tail[e] : s->head[e];
    }
  return v;
}

static void
ns_update (Simplex *s,
           guint    e,
           guint    f)
{
  int delta = NS_SLACK (s, f);
  int cutvalue = s->cut[e];
  guint lca;

  /* The side of e below it in the tree moves to make f tight. */
  if (delta > 0)
    {
      if (s->lim[s->tail[e]] < s->lim[s->head[e]])
        ns_rerank (s, s->tail[e], e, delta);
      else
        ns_rerank (s, s->head[e], e, -delta);
    }

  lca = ns_tree_update (s, s->tail[f], s->head[f], cutvalue, TRUE);
  ns_tree_update (s, s->head[f], s->tail[f], cutvalue, FALSE);
  s->cut[f] = -cutvalue;
  s->cut[e] = 0;
  s->tree[e] = FALSE;
  s->tree[f] = TRUE;
  s->tree_index[f] = s->tree_index[e];
  s->tree_edges[s->tree_index[f]] = f;
  ns_dfs_range (s, lca, s->par[lca], s->low[lca]);
  s->work += s->lim[lca] - s->low[lca] + 1;
}

static void
network_simplex (guint        n,
                 const guint *succ_start,
                 const guint *succ,
                 guint       *layer,
                 guint        max_pivots,
                 gboolean     balance)
{
  Simplex s = { 0, };
  g_autofree guint *roots = g_new (guint, MAX (n, 1));
  g_autofree int *min_rank = NULL;
  g_autofree guint *part = g_new0 (guint, MAX (n, 1));
  guint n_roots = 0;
  guint low = 0;

  s.n = n;
  s.m = succ_start[n];
  s.tail = g_new (guint, MAX (s.m, 1));
  s.head = g_new (guint, MAX (s.m, 1));
  s.out_start = g_new0 (guint, n + 1);
  s.in_start = g_new0 (guint, n + 1);
  s.out = g_new (guint, MAX (s.m, 1));
  s.in = g_new (guint, MAX (s.m, 1));
  s.rank = g_new (int, MAX (n, 1));
  s.tree = g_new0 (gboolean, MAX (s.m, 1));
  s.cut = g_new0 (int, MAX (s.m, 1));
  s.par = g_new (guint, MAX (n, 1));
  s.low = g_new (guint, MAX (n, 1));
  s.lim = g_new (guint, MAX (n, 1));
  s.tree_edges = g_new (guint, MAX (n, 1));
  s.tree_index = g_new (guint, MAX (s.m, 1));

  for (guint u = 0; u < n; u++)
    {
      s.rank[u] = layer[u];
      for (guint k = succ_start[u]; k < succ_start[u + 1]; k++)
        {
          s.tail[k] = u;
          s.head[k] = succ[k];
          s.out[k] = k;
          s.in_start[succ[k] + 1]++;
        }
      s.out_start[u + 1] = succ_start[u + 1];
    }
  for (guint i = 0; i < n; i++)
    s.in_start[i + 1] += s.in_start[i];
  {
    g_autofree guint *fill = g_memdup2 (s.in_start, sizeof (guint) * (n + 1));

    for (guint e = 0; e < s.m; e++)
      s.in[fill[s.head[e]]++] = e;
  }

  ns_feasible_tree (&s, roots, &n_roots, part);
  for (guint r = 0; r < n_roots; r++)
    {
      low = ns_dfs_range (&s, roots[r], G_MAXUINT, low);
      ns_dfs_cutval (&s, roots[r], G_MAXUINT);
    }

  for (guint pivot = 0; pivot < max_pivots && s.work < NS_WORK_BUDGET; pivot++)
    {
      guint e = ns_leave_edge (&s);
      guint f;

      if (e == G_MAXUINT)
        break;
      f = ns_enter_edge (&s, e);
      if (f == G_MAXUINT)
        break;
      ns_update (&s, e, f);
    }

  /* Each connected part starts in the first layer. */
  min_rank = g_new (int, MAX (n_roots, 1));
  if (balance)
  {
    /* dot's balancing: a node with as many edges in as out can stand in
     * any layer between its neighbours at the same total length; it goes
     * to the least crowded one, which leaves fewer nodes to order in each. */
    int max_rank = 0, min_r = G_MAXINT;
    g_autofree guint *count = NULL;

    for (guint v = 0; v < n; v++)
      {
        max_rank = MAX (max_rank, s.rank[v]);
        min_r = MIN (min_r, s.rank[v]);
      }
    if (n == 0)
      max_rank = min_r = 0;
    count = g_new0 (guint, max_rank - min_r + 1);
    for (guint v = 0; v < n; v++)
      count[s.rank[v] - min_r]++;
    for (guint v = 0; v < n; v++)
      {
        guint n_in = s.in_start[v + 1] - s.in_start[v];
        guint n_out = s.out_start[v + 1] - s.out_start[v];
        int lo = min_r, hi = max_rank, best;

        if (n_in != n_out || n_in == 0)
          continue;
        for (guint k = s.in_start[v]; k < s.in_start[v + 1]; k++)
          lo = MAX (lo, s.rank[s.tail[s.in[k]]] + 1);
        for (guint k = s.out_start[v]; k < s.out_start[v + 1]; k++)
          hi = MIN (hi, s.rank[s.head[s.out[k]]] - 1);
        best = s.rank[v];
        for (int r = lo; r <= hi; r++)
          if (count[r - min_r] < count[best - min_r])
            best = r;
        if (best != s.rank[v])
          {
            count[s.rank[v] - min_r]--;
            count[best - min_r]++;
            s.rank[v] = best;
          }
      }
  }
  for (guint r = 0; r < n_roots; r++)
    min_rank[r] = G_MAXINT;
  for (guint v = 0; v < n; v++)
    min_rank[part[v] - 1] = MIN (min_rank[part[v] - 1], s.rank[v]);
  for (guint v = 0; v < n; v++)
    layer[v] = s.rank[v] - min_rank[part[v] - 1];

  g_free (s.tail);
  g_free (s.head);
  g_free (s.out_start);
  g_free (s.in_start);
  g_free (s.out);
  g_free (s.in);
  g_free (s.rank);
  g_free (s.tree);
  g_free (s.cut);
  g_free (s.par);
  g_free (s.low);
  g_free (s.lim);
  g_free (s.tree_edges);
  g_free (s.tree_index);
}

/* 2. Longest-path layering over the acyclic graph (reversed edges flipped). */
static guint *
assign_layers (CharterGraph *graph,
               guint        *n_layers,
               gboolean      balance)
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

  shorten_edges (n, succ_start, succ, layer);
  /* A bound for plans of many thousand tasks; stopping early leaves
   * feasible layers, only longer edges. */
  network_simplex (n, succ_start, succ, layer, 20 * n + 100, balance);
  close_empty_layers (n, layer);

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

  /* Dummies numbered layer by layer, so that the ordering, which works
   * layer by layer, finds them close together in memory. */
  {
    guint nv = l->vnodes->len;
    g_autofree guint *count = g_new0 (guint, l->n_layers + 1);
    g_autofree guint *renumber = g_new (guint, nv);
    GArray *sorted = g_array_sized_new (FALSE, TRUE, sizeof (VNode), nv);

    for (guint i = l->n_real; i < nv; i++)
      count[VN (l, i)->layer + 1]++;
    count[0] = l->n_real;
    for (guint k = 0; k < l->n_layers; k++)
      count[k + 1] += count[k];
    for (guint i = 0; i < l->n_real; i++)
      renumber[i] = i;
    for (guint i = l->n_real; i < nv; i++)
      renumber[i] = count[VN (l, i)->layer]++;
    g_array_set_size (sorted, nv);
    for (guint i = 0; i < nv; i++)
      g_array_index (sorted, VNode, renumber[i]) = *VN (l, i);
    g_array_unref (l->vnodes);
    l->vnodes = sorted;
    for (guint k = 0; k < links->len * 2; k++)
      g_array_index (links, guint, k) = renumber[g_array_index (links, guint, k)];
    for (guint e = 0; e < l->edge_dummies->len; e++)
      {
        GArray *dummies = g_ptr_array_index (l->edge_dummies, e);

        for (guint k = 0; dummies != NULL && k < dummies->len; k++)
          g_array_index (dummies, guint, k) = renumber[g_array_index (dummies, guint, k)];
      }
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

  l->pos = g_new0 (guint, MAX (l->vnodes->len, 1));
  l->key = g_new0 (double, MAX (l->vnodes->len, 1));
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
  g_clear_pointer (&l->pos, g_free);
  g_clear_pointer (&l->key, g_free);
}

static void
update_positions (Layering *l,
                  GArray   *layer)
{
  for (guint k = 0; k < layer->len; k++)
    l->pos[g_array_index (layer, guint, k)] = k;
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
        ends[n_ends++] = l->pos[l->down[v->down_start + j]];

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
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double ka = l->key[ia], kb = l->key[ib];

  if (ka < kb)
    return -1;
  if (ka > kb)
    return 1;
  /* Stable: keep the current order on ties. */
  return (l->pos[ia] > l->pos[ib]) - (l->pos[ia] < l->pos[ib]);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return (ua > ub) - (ua < ub);
}

/* The weighted median of Gansner et al. (dot): the median of the
 * neighbours' positions, pulled towards the side where they lie closer
 * together. */
static double
median_of (Layering    *l,
           const guint *list,
           guint        n,
           guint       *scratch)
{
  guint m;
  double left, right;

  for (guint j = 0; j < n; j++)
    scratch[j] = l->pos[list[j]];
  if (n > 2)
    qsort (scratch, n, sizeof (guint), compare_guint);
  else if (n == 2 && scratch[0] > scratch[1])
    {
      guint t = scratch[0];
      scratch[0] = scratch[1];
      scratch[1] = t;
    }

  m = n / 2;
  if (n % 2 == 1)
    return scratch[m];
  if (n == 2)
    return (scratch[0] + scratch[1]) / 2.0;
  left = scratch[m - 1] - scratch[0];
  right = scratch[n - 1] - scratch[m];
  if (left + right == 0)
    return (scratch[m - 1] + scratch[m]) / 2.0;
  return (scratch[m - 1] * right + scratch[m] * left) / (left + right);
}

/* Sorts layer @i by its neighbours in the layer before (@use_up) or after.
 * Nodes without neighbours on that side keep their places; the others are
 * sorted among the remaining places. */
static void
sort_layer (Layering *l,
            guint     i,
            gboolean  use_up,
            gboolean  median,
            guint    *scratch,
            guint    *keyed,
            guint    *slots)
{
  GArray *layer = g_ptr_array_index (l->layers, i);
  guint n_keyed = 0;

  for (guint k = 0; k < layer->len; k++)
    {
      guint id = g_array_index (layer, guint, k);
      VNode *v = VN (l, id);
      guint n = use_up ? v->n_up : v->n_down;
      guint *list = use_up ? &l->up[v->up_start] : &l->down[v->down_start];

      if (n == 0)
        continue;
      if (median)
        l->key[id] = median_of (l, list, n, scratch);
      else
        {
          double sum = 0;

          for (guint j = 0; j < n; j++)
            sum += l->pos[list[j]];
          l->key[id] = sum / n;
        }
      keyed[n_keyed] = id;
      slots[n_keyed] = k;
      n_keyed++;
    }

  g_qsort_with_data (keyed, n_keyed, sizeof (guint), compare_key, l);
  for (guint k = 0; k < n_keyed; k++)
    g_array_index (layer, guint, slots[k]) = keyed[k];
  update_positions (l, layer);
}

/* Crossings between the links of v and those of w on one side, with v
 * above w (*vw) and with w above v (*wv). */
static void
pair_crossings (Layering    *l,
                const guint *vl,
                guint        nv,
                const guint *wl,
                guint        nw,
                guint       *vw,
                guint       *wv)
{
  for (guint a = 0; a < nv; a++)
    {
      guint pa = l->pos[vl[a]];

      for (guint b = 0; b < nw; b++)
        {
          guint pb = l->pos[wl[b]];

          *vw += pa > pb;
          *wv += pb > pa;
        }
    }
}

static void
adjacent_crossings (Layering *l,
                    VNode    *v,
                    VNode    *w,
                    guint    *vw,
                    guint    *wv)
{
  *vw = *wv = 0;
  pair_crossings (l, &l->up[v->up_start], v->n_up, &l->up[w->up_start], w->n_up, vw, wv);
  pair_crossings (l, &l->down[v->down_start], v->n_down, &l->down[w->down_start], w->n_down, vw, wv);
}

/* Swaps neighbours in layer @i while that removes crossings (with @equal,
 * also when it changes nothing, to leave a plateau). Returns the crossings
 * removed. */
static guint
transpose_layer (Layering *l,
                 guint     i,
                 gboolean  equal)
{
  GArray *layer = g_ptr_array_index (l->layers, i);
  guint gained = 0;

  for (guint k = 0; k + 1 < layer->len; k++)
    {
      guint *ids = (guint *) layer->data;
      VNode *v = VN (l, ids[k]);
      VNode *w = VN (l, ids[k + 1]);
      guint c0, c1;

      adjacent_crossings (l, v, w, &c0, &c1);
      if (c1 < c0 || (equal && c0 > 0 && c1 == c0))
        {
          guint t = ids[k];

          ids[k] = ids[k + 1];
          ids[k + 1] = t;
          l->pos[ids[k]] = k;
          l->pos[ids[k + 1]] = k + 1;
          gained += c0 - c1;
        }
    }
  return gained;
}

static void
transpose (Layering *l,
           gboolean  equal,
           gboolean *dirty,
           guint     passes)
{
  for (guint pass = 0; pass < passes; pass++)
    {
      guint gained = 0;

      for (guint i = 0; i < l->n_layers; i++)
        {
          guint g;

          if (!dirty[i])
            continue;
          dirty[i] = FALSE;
          g = transpose_layer (l, i, equal);
          if (g > 0)
            {
              dirty[i] = TRUE;
              if (i > 0)
                dirty[i - 1] = TRUE;
              if (i + 1 < l->n_layers)
                dirty[i + 1] = TRUE;
            }
          gained += g;
        }
      if (gained == 0)
        break;
    }
}

/* Sifting (Matuszewski, Schönfeld and Molitor): takes node @j of layer @i
 * out and puts it back where it crosses least with the rest of its layer.
 * Returns the crossings removed. */
static guint
sift_node (Layering *l,
           guint     i,
           guint     j,
           guint    *others)
{
  GArray *layer = g_ptr_array_index (l->layers, i);
  guint *ids = (guint *) layer->data;
  guint v = ids[j];
  VNode *vn = VN (l, v);
  int run = 0, best = 0, here = 0;
  guint best_at = 0, n = 0;

  for (guint k = 0; k < layer->len; k++)
    if (k != j)
      others[n++] = ids[k];

  /* run: crossings with v after the first p others, against v first. */
  for (guint p = 0; p <= n; p++)
    {
      if (p > 0)
        {
          guint vw, wv;

          adjacent_crossings (l, vn, VN (l, others[p - 1]), &vw, &wv);
          run += (int) wv - (int) vw;
        }
      if (p == j)
        here = run;
      if (run < best || p == 0)
        {
          best = run;
          best_at = p;
        }
    }
  if (best >= here)
    return 0;

  for (guint k = 0, o = 0; k < layer->len; k++)
    ids[k] = k == best_at ? v : others[o++];
  update_positions (l, layer);
  return here - best;
}

static guint
sift_layers (Layering *l,
             gboolean  downward,
             guint    *others,
             guint    *order)
{
  guint gained = 0;

  for (guint s = 0; s < l->n_layers; s++)
    {
      guint i = downward ? s : l->n_layers - 1 - s;
      GArray *layer = g_ptr_array_index (l->layers, i);

      /* Each node once, in the order they stand before the first move. */
      memcpy (order, layer->data, sizeof (guint) * layer->len);
      for (guint k = 0; k < layer->len; k++)
        gained += sift_node (l, i, l->pos[order[k]], others);
    }
  return gained;
}

static void
save_order (Layering  *l,
            GPtrArray *to)
{
  for (guint k = 0; k < l->n_layers; k++)
    {
      GArray *layer = g_ptr_array_index (l->layers, k);

      if (to->len <= k)
        g_ptr_array_add (to, g_array_copy (layer));
      else
        {
          GArray *copy = g_ptr_array_index (to, k);

          g_array_set_size (copy, 0);
          g_array_append_vals (copy, layer->data, layer->len);
        }
    }
}

static void
restore_order (Layering  *l,
               GPtrArray *from)
{
  for (guint k = 0; k < l->n_layers; k++)
    {
      GArray *layer = g_ptr_array_index (l->layers, k);
      GArray *copy = g_ptr_array_index (from, k);

      g_array_set_size (layer, 0);
      g_array_append_vals (layer, copy->data, copy->len);
      update_positions (l, layer);
    }
}

/* How much ordering work a layout may do, in visits of a layered link:
 * the sweeps of one try, all the tries (small plans get up to twelve, plans
 * of about 1,000 tasks one try of a few sweeps), the final sifting. */
#define ORDER_BUDGET 4e6
#define TRY_BUDGET   1.2e7
#define SIFT_BUDGET  4e6

/* 4. Ordering within layers: dot's mincross — sweeps that sort each layer
 * by the weighted median of its neighbours, each followed by transposition
 * of neighbours, keeping the order with the fewest crossings (counted with
 * an accumulator tree, Barth, Jünger and Mutzel); restarted from other
 * first orders while the budget allows. */
static gboolean
layering_stopped (Layering *l)
{
  return l->stop != NULL && g_atomic_int_get (l->stop) != 0;
}

static guint64
order_layers (Layering *l)
{
  guint max_len = 1;
  guint n_links = 1;
  guint max_degree = 1;
  g_autofree guint *tree = NULL;
  g_autofree guint *ends = NULL;
  g_autofree guint *scratch = NULL;
  g_autofree guint *keyed = NULL;
  g_autofree guint *slots = NULL;
  g_autofree gboolean *dirty = g_new0 (gboolean, l->n_layers + 1);
  g_autoptr(GPtrArray) best = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) start = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  guint64 best_crossings;
  double work;
  guint iterations, tries, passes, final_sifts;

  for (guint i = 0; i < l->vnodes->len; i++)
    {
      VNode *v = VN (l, i);

      g_array_append_val (g_ptr_array_index (l->layers, v->layer), i);
      n_links += v->n_down;
      max_degree = MAX (max_degree, MAX (v->n_up, v->n_down));
    }
  for (guint k = 0; k < l->n_layers; k++)
    {
      GArray *layer = g_ptr_array_index (l->layers, k);

      max_len = MAX (max_len, layer->len);
      update_positions (l, layer);
    }

  tree = g_new (guint, 4 * max_len + 2);
  ends = g_new (guint, n_links);
  scratch = g_new (guint, max_degree);
  keyed = g_new (guint, max_len);
  slots = g_new (guint, max_len);

  /* A first pass from the left gives dummies a sensible place. */
  for (guint i = 1; i < l->n_layers; i++)
    sort_layer (l, i, TRUE, FALSE, scratch, keyed, slots);
  save_order (l, start);
  best_crossings = count_all_crossings (l, tree, ends);
  save_order (l, best);

  /* One sweep with its transpositions visits every link a few times. */
  work = 8.0 * (l->vnodes->len + n_links);
  iterations = (guint) CLAMP (ORDER_BUDGET / work, 4, 24);
  tries = work * iterations * 2 > TRY_BUDGET ? 1 : (guint) CLAMP (TRY_BUDGET / (work * iterations), 1, 12);
  /* Plans of a thousand tasks and more: fewer rounds of transposition
   * (bench-graph's plan: 35,300 crossings instead of 33,800, in three
   * quarters of the time). */
  passes = work > 5e5 ? 6 : 16;

  /* Sifting, at the end, finds moves that swapping neighbours cannot. A
   * sweep costs about the layers' sizes times their links. */
  {
    double sift_work = 1;

    for (guint k = 0; k < l->n_layers; k++)
      {
        GArray *layer = g_ptr_array_index (l->layers, k);
        guint links = 0;

        for (guint j = 0; j < layer->len; j++)
          {
            VNode *v = VN (l, g_array_index (layer, guint, j));

            links += v->n_up + v->n_down;
          }
        sift_work += (double) layer->len * links;
      }
    final_sifts = (guint) CLAMP (SIFT_BUDGET / sift_work, 0, 8);
  }

  for (guint t = 0; t < tries && best_crossings > 0 && !layering_stopped (l); t++)
    {
      guint64 try_best;
      guint since_better = 0;

      if (t > 0)
        {
          /* Another first order: the first one, then each layer shuffled
           * a little before a pass from the left. */
          restore_order (l, start);
          for (guint k = 0; k < l->n_layers; k++)
            {
              GArray *layer = g_ptr_array_index (l->layers, k);
              guint *ids = (guint *) layer->data;

              for (guint j = layer->len; j > 1; j--)
                {
                  guint r = g_rand_int_range (rand, 0, j);
                  guint tmp = ids[j - 1];

                  ids[j - 1] = ids[r];
                  ids[r] = tmp;
                }
              update_positions (l, layer);
            }
          for (guint i = 1; i < l->n_layers; i++)
            sort_layer (l, i, TRUE, t % 2 == 0, scratch, keyed, slots);
        }
      try_best = count_all_crossings (l, tree, ends);
      if (try_best < best_crossings)
        {
          best_crossings = try_best;
          save_order (l, best);
        }

      for (guint it = 0; it < iterations && try_best > 0 && since_better < 6 && !layering_stopped (l); it++)
        {
          gboolean downward = it % 2 == 0;
          guint64 crossings;

          if (downward)
            for (guint i = 1; i < l->n_layers; i++)
              sort_layer (l, i, TRUE, TRUE, scratch, keyed, slots);
          else
            for (guint i = l->n_layers - 1; i-- > 0;)
              sort_layer (l, i, FALSE, TRUE, scratch, keyed, slots);
          for (guint k = 0; k < l->n_layers; k++)
            dirty[k] = TRUE;
          transpose (l, it % 4 >= 2, dirty, passes);

          crossings = count_all_crossings (l, tree, ends);
          since_better++;
          if (crossings < try_best)
            {
              try_best = crossings;
              since_better = 0;
            }
          if (crossings < best_crossings)
            {
              best_crossings = crossings;
              save_order (l, best);
            }
        }
    }

  restore_order (l, best);

  for (guint r = 0; r < final_sifts && !layering_stopped (l); r++)
    if (sift_layers (l, r % 2 == 0, keyed, slots) == 0)
      break;

  for (guint k = 0; k < l->n_layers; k++)
    dirty[k] = TRUE;
  transpose (l, FALSE, dirty, passes);
  return count_all_crossings (l, tree, ends);
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

/**
 * charter_graph_layout:
 * @graph: a graph
 *
 * Lays @graph out from left to right (nodes not @fixed get @x, @y and
 * @layer) and routes its edges. Deterministic: the same graph always gets
 * the same layout.
 */
void
charter_graph_layout (CharterGraph *graph)
{
  charter_graph_layout_interruptible (graph, NULL);
}

/**
 * charter_graph_layout_interruptible:
 * @graph: a graph
 * @stop: (nullable): an int read atomically while the layout runs
 *
 * charter_graph_layout(), for a worker thread: touches nothing but @graph,
 * and gives up as soon as it sees *@stop non-zero (the canvas sets it when
 * the document changed under a layout).
 *
 * Returns: %TRUE when @graph was laid out, %FALSE when stopped (@graph is
 *   then half laid out, only fit to be freed)
 */
gboolean
charter_graph_layout_interruptible (CharterGraph *graph,
                                    const gint   *stop)
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
  guint64 crossings;
#define STOPPED() (stop != NULL && g_atomic_int_get (stop) != 0)
  double min_top = G_MAXDOUBLE;
  double shift;

  g_return_val_if_fail (graph != NULL, FALSE);

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
  /* Two candidates where there is time: dot's balanced layers and the
   * unbalanced ones (same total length, other layers); the one whose order
   * crosses less wins. Between neighbouring columns the drawn curves cross
   * exactly where the order does, so this picks the drawing with fewer
   * crossings. */
  if (STOPPED ())
    return FALSE;
  layer = assign_layers (graph, &l.n_layers, TRUE);
  if (STOPPED ())
    return FALSE;
  l.graph = graph;
  l.stop = stop;
  build_layering (&l, layer);
  crossings = order_layers (&l);
  if (crossings > 0 && l.vnodes->len < 20000 && !STOPPED ())
    {
      Layering other = { 0, };
      g_autofree guint *other_layer = assign_layers (graph, &other.n_layers, FALSE);

      other.graph = graph;
      other.stop = stop;
      build_layering (&other, other_layer);
      if (order_layers (&other) < crossings)
        {
          Layering swap = l;
          guint *swap_layer = layer;

          l = other;
          other = swap;
          layer = other_layer;
          other_layer = swap_layer;
        }
      layering_clear (&other);
    }
  if (STOPPED ())
    {
      layering_clear (&l);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    NODE (graph, i)->layer = layer[i];
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
  return TRUE;
#undef STOPPED
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

/* Where segments ab and cd cross properly (not at an end of either). */
static gboolean
segments_cross_at (const CharterGraphPoint *a,
                   const CharterGraphPoint *b,
                   const CharterGraphPoint *c,
                   const CharterGraphPoint *d,
                   CharterGraphPoint       *at)
{
  double o1, o2, t;

  if (!segments_cross (a, b, c, d))
    return FALSE;
  o1 = orient (a, b, c);
  o2 = orient (a, b, d);
  t = o1 / (o1 - o2);
  at->x = c->x + t * (d->x - c->x);
  at->y = c->y + t * (d->y - c->y);
  return TRUE;
}

/* Whether @at is at one end of polyline @line (where arrows meet at a task). */
static gboolean
near_end (const CharterGraphPoint *points,
          const guint             *starts,
          guint                    line,
          const CharterGraphPoint *at)
{
  const CharterGraphPoint *first = &points[starts[line]];
  const CharterGraphPoint *last = &points[starts[line + 1] - 1];

  return hypot (at->x - first->x, at->y - first->y) < 0.5 ||
         hypot (at->x - last->x, at->y - last->y) < 0.5;
}

/**
 * charter_graph_count_polyline_crossings:
 * @points: the points of all polylines, one after the other
 * @starts: (array length=n_lines+1): where each polyline starts in @points;
 *   @starts[@n_lines] is the number of points
 * @n_lines: the number of polylines
 *
 * Counts the crossings between the polylines: points where one passes
 * from one side of another to the other. Touching (two curves that end at
 * the same point, as arrows into one task do) is not a crossing, nor is a
 * polyline crossing itself, nor a crossing within half a unit of either
 * polyline's ends. The segments are bucketed in a grid, so that
 * the count is close to linear for drawings of thousands of curves.
 *
 * Used for Charter's curves (charter_graph_count_drawn_crossings()) and, in
 * bench-graph, for the curves of other layout programs alike.
 *
 * Returns: the number of crossings
 */
guint
charter_graph_count_polyline_crossings (const CharterGraphPoint *points,
                                        const guint             *starts,
                                        guint                    n_lines)
{
  g_autofree guint *seg_line = NULL;
  g_autofree guint *seg_point = NULL;
  g_autofree guint *cell_start = NULL;
  g_autofree guint *cell_fill = NULL;
  g_autofree guint *cell_segs = NULL;
  guint n_segs = 0;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double length = 0, cell;
  guint cols, rows, n_cells;
  guint crossings = 0;

  for (guint l = 0; l < n_lines; l++)
    n_segs += starts[l + 1] > starts[l] ? starts[l + 1] - starts[l] - 1 : 0;
  if (n_segs < 2)
    return 0;

  seg_line = g_new (guint, n_segs);
  seg_point = g_new (guint, n_segs);
  n_segs = 0;
  for (guint l = 0; l < n_lines; l++)
    for (guint k = starts[l]; k + 1 < starts[l + 1]; k++)
      {
        const CharterGraphPoint *a = &points[k], *b = &points[k + 1];

        seg_line[n_segs] = l;
        seg_point[n_segs] = k;
        n_segs++;
        x0 = MIN (x0, MIN (a->x, b->x));
        y0 = MIN (y0, MIN (a->y, b->y));
        x1 = MAX (x1, MAX (a->x, b->x));
        y1 = MAX (y1, MAX (a->y, b->y));
        length += fabs (b->x - a->x) + fabs (b->y - a->y);
      }

  /* Cells a few segments long, but never many more cells than segments. */
  cell = MAX (2 * length / n_segs, 1e-6);
  while (((x1 - x0) / cell + 1) * ((y1 - y0) / cell + 1) > 4.0 * n_segs + 16)
    cell *= 1.5;
  cols = (guint) ((x1 - x0) / cell) + 1;
  rows = (guint) ((y1 - y0) / cell) + 1;
  n_cells = cols * rows;

#define CELL_X(v) MIN ((guint) (((v) - x0) / cell), cols - 1)
#define CELL_Y(v) MIN ((guint) (((v) - y0) / cell), rows - 1)

  cell_start = g_new0 (guint, n_cells + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          for (guint c = 0; c < n_cells; c++)
            cell_start[c + 1] += cell_start[c];
          cell_fill = g_memdup2 (cell_start, sizeof (guint) * n_cells);
          cell_segs = g_new (guint, MAX (cell_start[n_cells], 1));
        }
      for (guint s = 0; s < n_segs; s++)
        {
          const CharterGraphPoint *a = &points[seg_point[s]], *b = &points[seg_point[s] + 1];
          guint cx0 = CELL_X (MIN (a->x, b->x)), cx1 = CELL_X (MAX (a->x, b->x));
          guint cy0 = CELL_Y (MIN (a->y, b->y)), cy1 = CELL_Y (MAX (a->y, b->y));

          for (guint cy = cy0; cy <= cy1; cy++)
            for (guint cx = cx0; cx <= cx1; cx++)
              {
                if (pass == 0)
                  cell_start[cy * cols + cx + 1]++;
                else
                  cell_segs[cell_fill[cy * cols + cx]++] = s;
              }
        }
    }

  for (guint c = 0; c < n_cells; c++)
    for (guint i = cell_start[c]; i < cell_start[c + 1]; i++)
      for (guint j = i + 1; j < cell_start[c + 1]; j++)
        {
          guint s = cell_segs[i], t = cell_segs[j];
          CharterGraphPoint at, c0, c1;

          if (seg_line[s] == seg_line[t])
            continue;
          if (seg_line[s] > seg_line[t])
            {
              guint swap = s;

              s = t;
              t = swap;
            }
          /* The later polyline a hair lower: two curves that pass through
           * one point (a symmetric drawing samples both at their crossing)
           * then cross properly once, and curves that only touch do not. */
          c0 = points[seg_point[t]];
          c1 = points[seg_point[t] + 1];
          c0.y += 1e-6;
          c1.y += 1e-6;
          /* A pair shares several cells: count it in the one its crossing lies in. */
          if (segments_cross_at (&points[seg_point[s]], &points[seg_point[s] + 1], &c0, &c1, &at) &&
              CELL_Y (at.y) * cols + CELL_X (at.x) == c &&
              !near_end (points, starts, seg_line[s], &at) &&
              !near_end (points, starts, seg_line[t], &at))
            crossings++;
        }

#undef CELL_X
#undef CELL_Y

  return crossings;
}

/**
 * charter_graph_flatten_edge:
 * @graph: a routed graph
 * @index: an edge
 * @polyline: (element-type CharterGraphPoint): receives the points
 *
 * Appends to @polyline the points of a polyline that follows the edge's
 * curve as the canvas draws it: a cubic curve between consecutive route
 * points (charter_graph_segment_controls()), the last one ending
 * %CHARTER_GRAPH_ARROW_LENGTH short of the task, where the arrowhead starts.
 */
void
charter_graph_flatten_edge (CharterGraph *graph,
                            guint         index,
                            GArray       *polyline)
{
  GArray *route;

  g_return_if_fail (index < graph->edges->len);

  route = EDGE (graph, index)->points;
  if (route->len == 0)
    return;
  g_array_append_val (polyline, g_array_index (route, CharterGraphPoint, 0));
  for (guint k = 0; k + 1 < route->len; k++)
    {
      CharterGraphPoint a = g_array_index (route, CharterGraphPoint, k);
      CharterGraphPoint b = g_array_index (route, CharterGraphPoint, k + 1);
      CharterGraphPoint c1, c2;

      charter_graph_segment_controls (&a, &b, &c1, &c2);
      if (k + 2 == route->len)
        {
          b.x -= CHARTER_GRAPH_ARROW_LENGTH;
          c2.x -= CHARTER_GRAPH_ARROW_LENGTH;
        }
      for (guint s = 1; s <= CHARTER_GRAPH_CURVE_SAMPLES; s++)
        {
          CharterGraphPoint p = bezier_at (&a, &c1, &c2, &b, s / (double) CHARTER_GRAPH_CURVE_SAMPLES);

          g_array_append_val (polyline, p);
        }
    }
}

/**
 * charter_graph_count_drawn_crossings:
 * @graph: a routed graph
 *
 * Counts the crossings of the arrows as the canvas draws them (curves, not
 * the straight lines between route points that
 * charter_graph_count_crossings() takes), including arrows that share a
 * task and cross on their way.
 *
 * Returns: the number of crossings
 */
guint
charter_graph_count_drawn_crossings (CharterGraph *graph)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CharterGraphPoint));
  g_autofree guint *starts = g_new (guint, graph->edges->len + 1);

  for (guint e = 0; e < graph->edges->len; e++)
    {
      starts[e] = points->len;
      charter_graph_flatten_edge (graph, e, points);
    }
  starts[graph->edges->len] = points->len;

  return charter_graph_count_polyline_crossings ((CharterGraphPoint *) points->data, starts,
                                                 graph->edges->len);
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
