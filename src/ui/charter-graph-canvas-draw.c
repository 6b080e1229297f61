/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-canvas-draw.c: how the Plan graph looks. snapshot() draws
 * the arrows (a kept surface, redrawn in a worker by charter-graph-arrows.c
 * when only their look changed), the labels of arrows that are not a plain
 * finish-to-start, the tasks in view (blocks when too small to read) and the
 * band of a link being dragged. */

#define G_LOG_DOMAIN "charter-graph-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charter-graph-canvas-private.h"
#include "charter-style.h"

void
_charter_graph_canvas_edge_midpoint (CharterGraphEdge  *edge,
               CharterGraphPoint *mid)
{
  guint k = (edge->points->len - 1) / 2;
  CharterGraphPoint *a = &g_array_index (edge->points, CharterGraphPoint, k);
  CharterGraphPoint *b = &g_array_index (edge->points, CharterGraphPoint, k + 1);
  CharterGraphPoint c1, c2;

  charter_graph_segment_controls (a, b, &c1, &c2);
  mid->x = 0.125 * a->x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * b->x;
  mid->y = 0.125 * a->y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * b->y;
}

static CharterGraphArrowStyle
edge_style (CharterGraphCanvas *self,
            guint               e)
{
  CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);
  gboolean has_selection = _charter_graph_canvas_node_of (self, self->selected_task) >= 0;

  if (self->selected_dep && g_strcmp0 (g_ptr_array_index (self->dep_ids, e), self->selected_dep) == 0)
    return CHARTER_GRAPH_ARROW_SELECTED;
  if (has_selection)
    {
      gboolean from = g_array_index (self->related, gboolean, edge->from);
      gboolean to = g_array_index (self->related, gboolean, edge->to);

      /* An arrow is part of the chain when both its ends are, and it
       * leads towards or away from the selected task. */
      if (from && to)
        return CHARTER_GRAPH_ARROW_RELATED;
      return CHARTER_GRAPH_ARROW_DIMMED;
    }
  if (g_array_index (self->node_critical, gboolean, edge->from) &&
      g_array_index (self->node_critical, gboolean, edge->to))
    return CHARTER_GRAPH_ARROW_CRITICAL;
  return CHARTER_GRAPH_ARROW_NORMAL;
}

static gboolean
edge_visible (CharterGraphEdge *edge,
              double            x0,
              double            y0,
              double            x1,
              double            y1)
{
  double ex0 = G_MAXDOUBLE, ey0 = G_MAXDOUBLE, ex1 = -G_MAXDOUBLE, ey1 = -G_MAXDOUBLE;

  for (guint k = 0; k < edge->points->len; k++)
    {
      CharterGraphPoint *p = &g_array_index (edge->points, CharterGraphPoint, k);

      ex0 = MIN (ex0, p->x);
      ey0 = MIN (ey0, p->y);
      ex1 = MAX (ex1, p->x);
      ey1 = MAX (ey1, p->y);
    }
  /* Curves bulge sideways by up to their control distance. */
  return ex1 + 80 >= x0 && ex0 - 80 <= x1 && ey1 >= y0 && ey0 <= y1;
}

static char *
edge_label (CharterDependency *dep)
{
  static const char * const short_kinds[] = { "FS", "SS", "FF", "SF" };
  CharterDependencyType kind = charter_dependency_get_kind (dep);
  int lag = charter_dependency_get_lag (dep);

  if (kind == CHARTER_DEPENDENCY_FINISH_TO_START && lag == 0)
    return NULL;
  if (lag == 0)
    return g_strdup (short_kinds[kind]);
  /* Translators: a dependency's type and lag on an arrow, "SS +2 d" */
  return g_strdup_printf (_("%s %+d d"), short_kinds[kind % 4], lag);
}

/* Copies the arrows touching one of @only (when @n_only > 0), or all but
 * those touching @skip, that may show in the graph-space rectangle
 * (x0, y0)-(x1, y1). */
static void
collect_arrows (CharterGraphCanvas *self,
                CharterGraphArrows             *arrows,
                const GdkRGBA      *fg,
                const GdkRGBA      *accent,
                double              x0,
                double              y0,
                double              x1,
                double              y1,
                const int          *only,
                guint               n_only,
                int                 skip)
{
  guint m = charter_graph_get_n_edges (self->graph);
  g_autoptr(GArray) styles = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CharterGraphPoint));

  for (guint e = 0; e < m; e++)
    {
      CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);
      gboolean wanted = FALSE;
      guint8 style;

      if (n_only == 0)
        wanted = (int) edge->from != skip && (int) edge->to != skip;
      for (guint k = 0; k < n_only; k++)
        wanted |= (int) edge->from == only[k] || (int) edge->to == only[k];
      if (!wanted || edge->points->len < 2 || !edge_visible (edge, x0, y0, x1, y1))
        continue;

      style = edge_style (self, e);
      g_array_append_val (styles, style);
      g_array_append_val (starts, points->len);
      g_array_append_vals (points, edge->points->data, edge->points->len);
    }
  arrows->n = styles->len;
  g_array_append_val (starts, points->len);
  arrows->styles = (guint8 *) g_array_free (g_steal_pointer (&styles), FALSE);
  arrows->starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);
  arrows->points = (CharterGraphPoint *) g_array_free (g_steal_pointer (&points), FALSE);
  arrows->fg = *fg;
  arrows->accent = *accent;
  arrows->line_scale = MAX (1.0, 0.8 / self->zoom);
  /* Below this zoom nobody can tell a curve from a line; lines are cheaper. */
  arrows->curved = self->zoom > 0.3;
}

static gboolean
label_in_view (CharterGraphCanvas *self,
               guint               e,
               double              x0,
               double              y0,
               double              x1,
               double              y1,
               CharterGraphPoint  *mid)
{
  CharterGraphEdge *edge = charter_graph_get_edge (self->graph, e);

  if (g_ptr_array_index (self->edge_labels, e) == NULL || edge->points->len < 2)
    return FALSE;
  _charter_graph_canvas_edge_midpoint (edge, mid);
  return mid->x + 100 >= x0 && mid->x - 100 <= x1 && mid->y + 40 >= y0 && mid->y - 40 <= y1;
}

static gboolean
has_labels_in_view (CharterGraphCanvas *self,
                    double              x0,
                    double              y0,
                    double              x1,
                    double              y1)
{
  guint m = MIN (charter_graph_get_n_edges (self->graph), self->edge_labels->len);
  CharterGraphPoint mid;

  for (guint e = 0; e < m; e++)
    if (label_in_view (self, e, x0, y0, x1, y1, &mid))
      return TRUE;
  return FALSE;
}

/**
 * _charter_graph_canvas_load_colors:
 * @self: the canvas
 *
 * Reads the canvas's named colours from the style sheet as the canvas sees
 * it (light or dark, projector mode or not). Called when the style changed,
 * not per frame; the arrow worker gets copies.
 */
void
_charter_graph_canvas_load_colors (CharterGraphCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  charter_style_lookup_color (widget, "graph_arrow", &self->colors.arrow);
  charter_style_lookup_color (widget, "graph_highlight", &self->colors.highlight);
  charter_style_lookup_color (widget, "graph_label_bg", &self->colors.label_bg);
  charter_style_lookup_color (widget, "graph_label_fg", &self->colors.label_fg);
  charter_style_lookup_color (widget, "graph_overview_task", &self->colors.overview_task);
  charter_style_lookup_color (widget, "graph_overview_critical", &self->colors.overview_critical);
  self->colors_valid = TRUE;
}

/* Arrows that are not a plain finish-to-start say what they are. Drawn
 * every frame over the arrows (there are few), so that the kept surface of
 * arrows needs no text. */
static void
draw_labels (CharterGraphCanvas *self,
             cairo_t            *cr,
             const GdkRGBA      *fg,
             const GdkRGBA      *bg,
             double              x0,
             double              y0,
             double              x1,
             double              y1)
{
  guint m = MIN (charter_graph_get_n_edges (self->graph), self->edge_labels->len);

  for (guint e = 0; e < m; e++)
    {
      const char *text = g_ptr_array_index (self->edge_labels, e);
      CharterGraphPoint mid;
      int tw, th;

      if (!label_in_view (self, e, x0, y0, x1, y1, &mid))
        continue;

      pango_layout_set_text (self->label_layout, text, -1);
      pango_layout_get_pixel_size (self->label_layout, &tw, &th);

      cairo_new_path (cr);
      cairo_rectangle (cr, mid.x - tw / 2.0 - 6, mid.y - th / 2.0 - 2, tw + 12, th + 4);
      cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_move_to (cr, mid.x - tw / 2.0, mid.y - th / 2.0);
      pango_cairo_show_layout (cr, self->label_layout);
    }
}

void
_charter_graph_canvas_update_edge_labels (CharterGraphCanvas *self)
{
  guint m = charter_graph_get_n_edges (self->graph);

  g_ptr_array_set_size (self->edge_labels, 0);
  for (guint e = 0; e < m; e++)
    {
      CharterDependency *dep = _charter_graph_canvas_find_dep (self, g_ptr_array_index (self->dep_ids, e));

      g_ptr_array_add (self->edge_labels, dep ? edge_label (dep) : NULL);
    }
}

/* The surface now shown takes the result of @job. */
static void
install_arrows (CharterGraphCanvas *self,
                CharterGraphArrowJob           *job)
{
  /* The old surface waits for the next drawing in the worker. */
  g_clear_pointer (&self->spare_cache, cairo_surface_destroy);
  self->spare_cache = g_steal_pointer (&self->edge_cache);
  self->edge_cache = g_steal_pointer (&job->surface);
  self->cache_x = job->x0;
  self->cache_y = job->y0;
  self->cache_x1 = job->x1;
  self->cache_y1 = job->y1;
  self->cache_zoom = job->zoom;
  self->cache_skip = job->skip;
  self->cache_geometry = job->geometry;
  self->cache_style = job->style;
  self->cache_seq = job->seq;
  self->cache_fg = job->fg;
  self->cache_accent = job->accent;
}

/* The arrows change far less often than the view moves: they are drawn
 * once into a surface a screen larger than the view on every side, and
 * only moved while panning. When the arrows moved (a new layout, a task
 * moved by a command) the surface is drawn again at once. When only their
 * look changed (a selection highlights a chain), the zoom changed or the
 * view left the surface, the old surface stays on screen and the new one
 * is drawn in a worker thread: with a thousand tasks and three thousand
 * arrows that takes 50-160 ms, which must not stall the frame that
 * answers a press. */
/* More arrows than this are drawn in the worker the first time too. */
#define FIRST_ARROWS_IN_WORKER 2000

static void
ensure_edge_cache (CharterGraphCanvas *self,
                   const GdkRGBA      *fg,
                   const GdkRGBA      *accent,
                   double              x0,
                   double              y0,
                   double              x1,
                   double              y1)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int skip = _charter_graph_canvas_live_node (self);
  double mx = (x1 - x0) / 2, my = (y1 - y0) / 2;
  double bx, by, bw, bh;
  double vx0, vy0, vx1, vy1;
  CharterGraphArrowJob *job;

  /* A drawing finished in the worker: take it if nothing moved since. */
  if (self->arrow_job != NULL && charter_graph_arrow_job_is_done (self->arrow_job))
    {
      if (self->arrow_job->geometry == self->geometry_serial && self->arrow_job->seq > self->cache_seq)
        install_arrows (self, self->arrow_job);
      else if (self->spare_cache == NULL)
        self->spare_cache = g_steal_pointer (&self->arrow_job->surface);
      g_clear_pointer (&self->arrow_job, charter_graph_arrow_job_unref);
    }

  /* What must be covered is the part of the view the graph occupies. */
  /* The bounds walk every point of every arrow (a few milliseconds at
   * 10,000 tasks): taken again only when arrows may have moved. The live
   * task's arrows are drawn over the kept surface, so a drag need not. */
  if (!self->bounds_valid || self->bounds_geometry != self->geometry_serial)
    {
      charter_graph_get_bounds (self->graph, &self->bounds[0], &self->bounds[1], &self->bounds[2], &self->bounds[3]);
      self->bounds_geometry = self->geometry_serial;
      self->bounds_valid = TRUE;
    }
  bx = self->bounds[0];
  by = self->bounds[1];
  bw = self->bounds[2];
  bh = self->bounds[3];
  vx0 = MAX (x0, bx - 100);
  vy0 = MAX (y0, by - 100);
  vx1 = MIN (x1, bx + bw + 100);
  vy1 = MIN (y1, by + bh + 100);

  if (self->edge_cache != NULL &&
      self->cache_geometry == self->geometry_serial &&
      self->cache_style == self->style_serial &&
      gdk_rgba_equal (&self->cache_fg, fg) &&
      gdk_rgba_equal (&self->cache_accent, accent) &&
      self->cache_zoom == self->zoom &&
      self->cache_skip == skip &&
      (vx0 >= vx1 || vy0 >= vy1 ||
       (vx0 >= self->cache_x && vy0 >= self->cache_y && vx1 <= self->cache_x1 && vy1 <= self->cache_y1)))
    return;

  /* The old surface can stand in while the new one is drawn: one at a time. */
  if (self->edge_cache != NULL && self->cache_geometry == self->geometry_serial && self->arrow_job != NULL)
    return;

  job = charter_graph_arrow_job_new (GTK_WIDGET (self));
  job->zoom = self->zoom;
  job->scale = scale;
  job->skip = skip;
  job->geometry = self->geometry_serial;
  job->style = self->style_serial;
  job->seq = ++self->draw_seq;
  job->fg = *fg;
  job->accent = *accent;
  /* No bigger than the graph itself: with the whole plan in view the
   * margin would only be empty pixels to fill. */
  {
    double cx1, cy1;

    job->x0 = floor (MAX (x0 - mx, MIN (x0, bx - 100)));
    job->y0 = floor (MAX (y0 - my, MIN (y0, by - 100)));
    cx1 = MIN (x1 + mx, MAX (x1, bx + bw + 100));
    cy1 = MIN (y1 + my, MAX (y1, by + bh + 100));
    job->pw = MAX (1, (int) ceil ((cx1 - job->x0) * job->zoom * scale));
    job->ph = MAX (1, (int) ceil ((cy1 - job->y0) * job->zoom * scale));
  }
  job->x1 = job->x0 + job->pw / (job->zoom * scale);
  job->y1 = job->y0 + job->ph / (job->zoom * scale);
  collect_arrows (self, &job->arrows, fg, accent, job->x0, job->y0, job->x1, job->y1, NULL, 0, skip);

  if ((self->edge_cache == NULL && job->arrows.n <= FIRST_ARROWS_IN_WORKER) ||
      (self->edge_cache != NULL && self->cache_geometry != self->geometry_serial) ||
      (job->arrows.n <= 100 && (gint64) job->pw * job->ph <= 4000000))
    {
      /* Nothing right to show meanwhile, or a small plan that draws in a
       * few milliseconds: draw it now, into the old surface when it has
       * the same size. A drawing still running in the worker is older and
       * will be dropped. (The first arrows of a big plan are the
       * exception, below: its tasks show at once, the arrows a moment
       * later, instead of a frame that waits 170 ms for 30,000 arrows.) */
      job->recycle = g_steal_pointer (&self->edge_cache);
      charter_graph_arrow_job_render (job);
      install_arrows (self, job);
      charter_graph_arrow_job_unref (job);
    }
  else
    {
      job->recycle = g_steal_pointer (&self->spare_cache);
      self->arrow_job = job;
      charter_graph_arrow_job_run_in_thread (job);
    }
}

static void
draw_link_band (CharterGraphCanvas *self,
                cairo_t            *cr,
                GdkRGBA            *accent)
{
  CharterGraphPoint h = charter_graph_get_handle (self->graph, self->drag_node);
  double gx, gy;
  guint target;

  _charter_graph_canvas_to_graph (self, self->pointer_x, self->pointer_y, &gx, &gy);

  cairo_translate (cr, self->pan_x, self->pan_y);
  cairo_scale (cr, self->zoom, self->zoom);

  if (charter_graph_hit_test (self->graph, gx, gy, &target) != CHARTER_GRAPH_HIT_NONE &&
      charter_graph_hit_test (self->graph, gx, gy, &target) != CHARTER_GRAPH_HIT_EDGE &&
      (int) target != self->drag_node)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, target);

      cairo_rectangle (cr, node->x - 6, node->y - 6, node->width + 12, node->height + 12);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.9);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, h.x, h.y);
  cairo_curve_to (cr, h.x + 60, h.y, gx - 60, gy, gx, gy);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
  cairo_set_line_width (cr, 4);
  {
    double dashes[] = { 10, 6 };
    cairo_set_dash (cr, dashes, 2, 0);
  }
  cairo_stroke (cr);
  cairo_arc (cr, gx, gy, 7, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
_charter_graph_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CharterGraphCanvas *self = CHARTER_GRAPH_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA fg, accent, bg, card, critical_fg, label_fg;
  double x0, y0, x1, y1;

  if (!self->colors_valid)
    _charter_graph_canvas_load_colors (self);
  fg = self->colors.arrow;
  accent = self->colors.highlight;
  bg = self->colors.label_bg;
  label_fg = self->colors.label_fg;
  card = self->colors.overview_task;
  critical_fg = self->colors.overview_critical;

  gtk_snapshot_push_clip (snapshot, &bounds);

  _charter_graph_canvas_to_graph (self, 0, 0, &x0, &y0);
  _charter_graph_canvas_to_graph (self, width, height, &x1, &y1);

  /* Before a big plan's first layout arrives there is nothing to place. */
  if (charter_graph_get_n_edges (self->graph) > 0 && self->layout_placed)
    {
      int live[2];
      guint n_live = 0;

      ensure_edge_cache (self, &fg, &accent, x0, y0, x1, y1);
      /* (None yet while a big plan's first arrows are drawn in the worker.) */
      if (self->edge_cache != NULL)
      {
        cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

        if (self->cache_zoom == self->zoom)
          /* Painting the kept surface at a whole-pixel offset is a plain
           * copy of the pixels in view. */
          cairo_set_source_surface (cr, self->edge_cache,
                                    round (self->cache_x * self->zoom + self->pan_x),
                                    round (self->cache_y * self->zoom + self->pan_y));
        else
          {
            /* Drawn at another zoom, stretched until the new one is ready. */
            cairo_translate (cr, self->cache_x * self->zoom + self->pan_x, self->cache_y * self->zoom + self->pan_y);
            cairo_scale (cr, self->zoom / self->cache_zoom, self->zoom / self->cache_zoom);
            cairo_set_source_surface (cr, self->edge_cache, 0, 0);
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
          }
        cairo_paint (cr);
        cairo_destroy (cr);
      }

      /* Drawn live: the arrows of the task being dragged or selected, and
       * those the shown surface leaves out while a new one is drawn. */
      if ((live[n_live] = _charter_graph_canvas_live_node (self)) >= 0)
        n_live++;
      if (self->cache_skip >= 0 && self->cache_skip != _charter_graph_canvas_live_node (self) &&
          (guint) self->cache_skip < charter_graph_get_n_nodes (self->graph))
        live[n_live++] = self->cache_skip;
      if (n_live > 0)
        {
          CharterGraphArrows arrows = { 0, };
          double ax0 = G_MAXDOUBLE, ay0 = G_MAXDOUBLE, ax1 = -G_MAXDOUBLE, ay1 = -G_MAXDOUBLE;

          collect_arrows (self, &arrows, &fg, &accent, x0, y0, x1, y1, live, n_live, -1);
          for (guint k = 0; arrows.n > 0 && k < arrows.starts[arrows.n]; k++)
            {
              ax0 = MIN (ax0, arrows.points[k].x);
              ay0 = MIN (ay0, arrows.points[k].y);
              ax1 = MAX (ax1, arrows.points[k].x);
              ay1 = MAX (ay1, arrows.points[k].y);
            }
          if (arrows.n > 0)
            {
              /* A node no bigger than they are (curves bulge, heads and
               * lines have width), not one the size of the view. */
              double pad = 80 + 20 * arrows.line_scale;
              graphene_rect_t area = GRAPHENE_RECT_INIT ((ax0 - pad) * self->zoom + self->pan_x,
                                                         (ay0 - pad) * self->zoom + self->pan_y,
                                                         (ax1 - ax0 + 2 * pad) * self->zoom,
                                                         (ay1 - ay0 + 2 * pad) * self->zoom);

              if (graphene_rect_intersection (&area, &bounds, &area))
                {
                  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &area);

                  cairo_translate (cr, self->pan_x, self->pan_y);
                  cairo_scale (cr, self->zoom, self->zoom);
                  charter_graph_arrows_paint (cr, &arrows, x0, y0, x1, y1);
                  cairo_destroy (cr);
                }
            }
          charter_graph_arrows_clear (&arrows);
        }

      if (self->zoom > 0.3 && has_labels_in_view (self, x0, y0, x1, y1))
        {
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

          cairo_translate (cr, self->pan_x, self->pan_y);
          cairo_scale (cr, self->zoom, self->zoom);
          draw_labels (self, cr, &label_fg, &bg, x0, y0, x1, y1);
          cairo_destroy (cr);
        }
    }

  /* Only the tasks in view: a big plan stays cheap to pan. */
  for (guint i = 0; self->layout_placed && i < charter_graph_get_n_nodes (self->graph); i++)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, i);
      GtkWidget *task;

      if (node->x + node->width + CHARTER_GRAPH_HANDLE_RADIUS < x0 || node->x > x1 ||
          node->y + node->height < y0 || node->y > y1)
        continue;
      task = g_hash_table_lookup (self->widgets, g_ptr_array_index (self->task_ids, i));
      if (self->zoom >= OVERVIEW_ZOOM)
        {
          if (task != NULL)
            gtk_widget_snapshot_child (widget, task, snapshot);
        }
      else
        {
          /* Too small to read: a block in the team's colour, dark when
           * critical, is all that shows, and far cheaper than the widget. */
          graphene_rect_t r = GRAPHENE_RECT_INIT (node->x * self->zoom + self->pan_x,
                                                  node->y * self->zoom + self->pan_y,
                                                  node->width * self->zoom, node->height * self->zoom);
          gboolean critical = g_array_index (self->node_critical, gboolean, i);

          gtk_snapshot_append_color (snapshot, critical ? &critical_fg : &card, &r);
          r.size.width = MAX (2, r.size.width * 0.2);
          gtk_snapshot_append_color (snapshot, &g_array_index (self->node_color, GdkRGBA, i), &r);
          if ((task != NULL && gtk_widget_has_focus (task)) || g_strcmp0 (self->selected_task, g_ptr_array_index (self->task_ids, i)) == 0)
            {
              GskRoundedRect outline;
              float w[4] = { 3, 3, 3, 3 };
              GdkRGBA c[4] = { accent, accent, accent, accent };

              r = GRAPHENE_RECT_INIT (node->x * self->zoom + self->pan_x - 4,
                                      node->y * self->zoom + self->pan_y - 4,
                                      node->width * self->zoom + 8, node->height * self->zoom + 8);
              gsk_rounded_rect_init_from_rect (&outline, &r, 0);
              gtk_snapshot_append_border (snapshot, &outline, w, c);
            }
        }
    }

  if (self->drag_mode == DRAG_LINK && self->drag_node >= 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      draw_link_band (self, cr, &accent);
      cairo_destroy (cr);
    }

  /* The canvas's own children by name: walking all children would walk
   * every task widget too. */
  gtk_widget_snapshot_child (widget, self->hint, snapshot);
  gtk_widget_snapshot_child (widget, self->busy, snapshot);
  gtk_widget_snapshot_child (widget, self->legend, snapshot);
  gtk_widget_snapshot_child (widget, self->teams_key, snapshot);
  gtk_widget_snapshot_child (widget, self->toolbar, snapshot);
  gtk_widget_snapshot_child (widget, self->search, snapshot);

  gtk_snapshot_pop (snapshot);
}

