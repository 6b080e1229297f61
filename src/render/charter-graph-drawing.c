/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-drawing.c: the plan graph as a picture, laid out by the
 * same charter-graph-layout.c as the Plan workspace (it needs no GTK), with
 * the canvas's task size, so that hand-placed tasks stay where they are. */

#define G_LOG_DOMAIN "charter-render"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charter-graph-layout.h"
#include "charter-render-private.h"
#include "charter-timeline-geometry.h"

/* As CHARTER_GRAPH_TASK_WIDTH and _HEIGHT in src/ui/charter-graph-task.h. */
#define TASK_W 224.0
#define TASK_H 112.0
#define MARGIN  24.0

static const CharterRgba card_bg = { 1, 1, 1, 1 };
static const CharterRgba card_border = { 0, 0, 0, 0.35 };
static const CharterRgba critical = { 0, 0, 0, 1 };
static const CharterRgba arrow = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0, 0.9 };

struct _CharterGraphDrawing
{
  CharterGraph *graph;       /* owned */
  GPtrArray    *ids;
  GPtrArray    *names;
  GPtrArray    *details;
  CharterRgba  *colors;
  guint        *patterns;
  gboolean     *critical;
  char         *title;
  double        x;
  double        y;
  double        width;
  double        height;
};

void
charter_graph_drawing_free (CharterGraphDrawing *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->graph, charter_graph_free);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->details, g_ptr_array_unref);
  g_free (self->colors);
  g_free (self->patterns);
  g_free (self->critical);
  g_free (self->title);
  g_free (self);
}

/**
 * charter_graph_drawing_new:
 * @schedule: (nullable): dates and the critical path, when the plan has them
 */
CharterGraphDrawing *
charter_graph_drawing_new (CharterDocument            *document,
                           CharterSchedule            *schedule,
                           const CharterExportOptions *options)
{
  CharterGraphDrawing *self = g_new0 (CharterGraphDrawing, 1);
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *deps = charter_document_get_dependencies (document);
  guint n = g_list_model_get_n_items (tasks);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  self->graph = charter_graph_new ();
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->details = g_ptr_array_new_with_free_func (g_free);
  self->colors = g_new0 (CharterRgba, MAX (n, 1));
  self->patterns = g_new0 (guint, MAX (n, 1));
  self->critical = g_new0 (gboolean, MAX (n, 1));
  self->title = charter_render_title (document);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      guint node_index = charter_graph_add_node (self->graph, TASK_W, TASK_H);
      CharterGraphNode *node = charter_graph_get_node (self->graph, node_index);
      const CharterTaskDates *dates = schedule ? charter_schedule_get_task_dates_at (schedule, i) : NULL;
      g_autoptr(GString) detail = g_string_new (NULL);

      node->fixed = charter_task_get_positioned (task);
      node->x = charter_task_get_x (task);
      node->y = charter_task_get_y (task);
      g_ptr_array_add (self->ids, g_strdup (charter_item_get_id (CHARTER_ITEM (task))));
      g_ptr_array_add (self->names, g_strdup (charter_task_get_name (task)));
      g_hash_table_insert (index, g_ptr_array_index (self->ids, i), GUINT_TO_POINTER (i));
      charter_render_team_color (document, charter_task_get_team_id (task), &self->colors[i],
                                 &self->patterns[i]);
      if (charter_task_get_milestone (task))
        g_string_append (detail, _("Milestone"));
      else
        /* Translators: a task's duration on an exported plan graph */
        g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                                     charter_task_get_duration (task)),
                                charter_task_get_duration (task));
      if (dates != NULL && dates->early_start != 0)
        {
          g_autofree char *s = charter_timeline_format_day (dates->early_start, "%-d %b");
          g_autofree char *f = charter_timeline_format_day (dates->early_finish, "%-d %b");

          g_string_append_printf (detail, "\n%s – %s", s, f);
          self->critical[i] = dates->critical;
        }
      g_ptr_array_add (self->details, g_string_free (g_steal_pointer (&detail), FALSE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (deps); i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      gpointer from, to;

      if (g_hash_table_lookup_extended (index, charter_dependency_get_predecessor (dep), NULL, &from) &&
          g_hash_table_lookup_extended (index, charter_dependency_get_successor (dep), NULL, &to))
        charter_graph_add_edge (self->graph, GPOINTER_TO_UINT (from), GPOINTER_TO_UINT (to));
    }
  charter_graph_layout (self->graph);
  charter_graph_route_edges (self->graph);

  if (options->has_area && options->area_width > 0 && options->area_height > 0)
    {
      self->x = options->area_x;
      self->y = options->area_y;
      self->width = options->area_width;
      self->height = options->area_height;
    }
  else
    {
      charter_graph_get_bounds (self->graph, &self->x, &self->y, &self->width, &self->height);
      self->x -= MARGIN;
      self->y -= MARGIN + 40;
      self->width += 2 * MARGIN;
      self->height += 2 * MARGIN + 40;
    }
  return self;
}

void
charter_graph_drawing_get_size (CharterGraphDrawing *self,
                                double              *width,
                                double              *height)
{
  *width = MAX (self->width, 1);
  *height = MAX (self->height, 1);
}

static void
draw_edge (CharterGraphDrawing *self,
           CharterRenderSink   *sink,
           CharterGraphEdge    *edge)
{
  const CharterGraphPoint *p;
  const CharterGraphPoint *end;
  double dir;

  if (edge->points == NULL || edge->points->len < 2)
    return;
  p = &g_array_index (edge->points, CharterGraphPoint, 0);
  charter_render_sink_move_to (sink, p->x - self->x, p->y - self->y);
  for (guint k = 0; k + 1 < edge->points->len; k++)
    {
      CharterGraphPoint *a = &g_array_index (edge->points, CharterGraphPoint, k);
      CharterGraphPoint *b = &g_array_index (edge->points, CharterGraphPoint, k + 1);
      CharterGraphPoint c1, c2;

      charter_graph_segment_controls (a, b, &c1, &c2);
      charter_render_sink_curve_to (sink, c1.x - self->x, c1.y - self->y, c2.x - self->x, c2.y - self->y,
                                    b->x - self->x, b->y - self->y);
    }
  charter_render_sink_stroke_path (sink, &arrow, 1.5);

  /* Edges arrive horizontally: the head points along the last segment. */
  end = &g_array_index (edge->points, CharterGraphPoint, edge->points->len - 1);
  p = &g_array_index (edge->points, CharterGraphPoint, edge->points->len - 2);
  dir = end->x >= p->x ? 1 : -1;
  charter_render_sink_move_to (sink, end->x - self->x, end->y - self->y);
  charter_render_sink_line_to (sink, end->x - self->x - dir * CHARTER_GRAPH_ARROW_LENGTH, end->y - self->y - 5);
  charter_render_sink_line_to (sink, end->x - self->x - dir * CHARTER_GRAPH_ARROW_LENGTH, end->y - self->y + 5);
  charter_render_sink_close_path (sink);
  charter_render_sink_fill_path (sink, &arrow);
}

void
charter_graph_drawing_draw (CharterGraphDrawing *self,
                            CharterRenderSink   *sink)
{
  guint n = charter_graph_get_n_nodes (self->graph);
  guint m = charter_graph_get_n_edges (self->graph);

  charter_render_sink_rect (sink, 0, 0, self->width, self->height, 0, &charter_render_canvas_bg, NULL, 0);
  charter_render_sink_text (sink, MARGIN, 12, self->width - 2 * MARGIN, self->title, 15, CHARTER_TEXT_BOLD,
                            CHARTER_ALIGN_START, &charter_render_text);
  for (guint e = 0; e < m; e++)
    draw_edge (self, sink, charter_graph_get_edge (self->graph, e));

  for (guint i = 0; i < n; i++)
    {
      CharterGraphNode *node = charter_graph_get_node (self->graph, i);
      double x = node->x - self->x, y = node->y - self->y;
      g_autofree char *group = NULL;
      g_autofree char *name = NULL;

      if (x + node->width < 0 || y + node->height < 0 || x > self->width || y > self->height)
        continue;
      group = g_strdup_printf ("task-%s", (char *) g_ptr_array_index (self->ids, i));
      charter_render_sink_begin_group (sink, group, g_ptr_array_index (self->names, i));
      charter_render_sink_rect (sink, x, y, node->width, node->height, 8, &card_bg,
                                self->critical[i] ? &critical : &card_border, self->critical[i] ? 3 : 1);
      charter_render_sink_rect (sink, x + 1, y + 1, 10, node->height - 2, 0, &self->colors[i], NULL, 0);
      if (self->patterns[i] > 0)
        charter_render_hatch (sink, x + 1, y + 1, 10, node->height - 2);
      name = charter_render_fit_text (sink, g_ptr_array_index (self->names, i), 15, CHARTER_TEXT_BOLD,
                                      node->width - 32);
      charter_render_sink_text (sink, x + 20, y + 12, 0, name, 15, CHARTER_TEXT_BOLD, CHARTER_ALIGN_START,
                                &charter_render_text);
      charter_render_sink_text (sink, x + 20, y + 40, node->width - 32, g_ptr_array_index (self->details, i),
                                13, 0, CHARTER_ALIGN_START, &charter_render_dim_text);
      if (self->critical[i])
        charter_render_sink_text (sink, x + node->width - 12, y + node->height - 26, 0, _("Critical"), 12,
                                  CHARTER_TEXT_BOLD, CHARTER_ALIGN_END, &charter_render_text);
      charter_render_sink_end_group (sink);
    }
}
