/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-timeline-drawing.c: the timeline as a picture — the task column,
 * team lanes, bars in team colours, dependencies and the launch line —
 * drawn on a CharterRenderSink, whole or page by page. */

#define G_LOG_DOMAIN "charter-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "charter-render-private.h"
#include "charter-timeline-geometry.h"

#define TITLE_HEIGHT   40.0
#define AXIS_HEIGHT    40.0
#define ROW_HEIGHT     28.0
#define LANE_HEIGHT    28.0
#define PAD            10.0
#define NAME_SIZE      13.0
#define SMALL_SIZE     11.0
#define MIN_COLUMN    180.0
#define MAX_COLUMN    360.0
#define DAYS_MARGIN     7

static const CharterRgba column_bg = { 0xf6 / 255.0, 0xf5 / 255.0, 0xf4 / 255.0, 1 };
static const CharterRgba axis_bg = { 0xeb / 255.0, 0xea / 255.0, 0xe8 / 255.0, 1 };
static const CharterRgba grid_line = { 0, 0, 0, 0.16 };
static const CharterRgba strong_line = { 0, 0, 0, 0.55 };
static const CharterRgba weekend = { 0, 0, 0, 0.05 };
static const CharterRgba launch_color = { 0xa5 / 255.0, 0x1d / 255.0, 0x2d / 255.0, 1 };
static const CharterRgba flag_text = { 1, 1, 1, 1 };
static const CharterRgba arrow_color = { 77 / 255.0, 77 / 255.0, 84 / 255.0, 0.95 };
static const CharterRgba critical_outline = { 0, 0, 0, 1 };

struct _CharterTimelineDrawing
{
  CharterSchedule       *schedule;     /* owned */
  CharterTimelineLayout *layout;       /* owned */
  CharterTimelineScale   scale;
  guint                  n_tasks;      /* tasks drawn */
  guint                 *tasks;        /* their document positions */
  char                 **ids;
  char                 **names;
  char                 **fitted;       /* the names fitted to the column */
  CharterTimelineBar    *bars;
  CharterRgba           *colors;
  guint                 *patterns;
  guint                  n_teams;
  char                 **team_names;
  CharterRgba           *team_colors;
  GArray                *deps;         /* pairs of drawn-task indices and kind */
  char                  *title;
  char                  *launch_text;
  guint32                launch_day;
  guint32                first_day;
  guint32                last_day;
  double                 column_width;
};

typedef struct
{
  guint from;
  guint to;
  CharterDependencyType kind;
  /* Where it runs, from the first day's left edge and the first row's top;
   * set once the rows are laid out. */
  double xa, ya, xb, yb;
} Dep;

void
charter_timeline_drawing_free (CharterTimelineDrawing *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->schedule);
  g_clear_pointer (&self->layout, charter_timeline_layout_free);
  g_free (self->tasks);
  g_strfreev (self->ids);
  g_strfreev (self->names);
  g_strfreev (self->fitted);
  g_free (self->bars);
  g_free (self->colors);
  g_free (self->patterns);
  g_strfreev (self->team_names);
  g_free (self->team_colors);
  g_clear_pointer (&self->deps, g_array_unref);
  g_free (self->title);
  g_free (self->launch_text);
  g_free (self);
}

static void compute_dependencies (CharterTimelineDrawing *self);

static gboolean
task_wanted (const char * const *ids,
             GHashTable         *wanted,
             const char         *id)
{
  return ids == NULL || g_hash_table_contains (wanted, id);
}

/**
 * charter_timeline_drawing_new:
 * @schedule: the document's schedule (required)
 *
 * Lays the timeline out: which tasks, rows, days and names.
 */
CharterTimelineDrawing *
charter_timeline_drawing_new (CharterDocument            *document,
                              CharterSchedule            *schedule,
                              const CharterExportOptions *options)
{
  CharterTimelineDrawing *self = g_new0 (CharterTimelineDrawing, 1);
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *teams = charter_document_get_teams (document);
  GListModel *deps = charter_document_get_dependencies (document);
  guint n_all = g_list_model_get_n_items (tasks);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) team_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *task_team = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(CharterRenderSink) measure = charter_render_sink_new_cairo (cr);
  double widest = 0;
  int launch;

  self->schedule = g_object_ref (schedule);
  if (options->task_ids != NULL)
    for (guint i = 0; options->task_ids[i] != NULL; i++)
      g_hash_table_add (wanted, (gpointer) options->task_ids[i]);

  self->n_teams = g_list_model_get_n_items (teams);
  self->team_names = g_new0 (char *, self->n_teams + 1);
  self->team_colors = g_new0 (CharterRgba, self->n_teams + 1);
  for (guint i = 0; i < self->n_teams; i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (team));

      self->team_names[i] = g_strdup (charter_team_get_name (team));
      charter_render_team_color (document, id, &self->team_colors[i], NULL);
      g_hash_table_insert (team_index, (gpointer) id, GUINT_TO_POINTER (i));
      widest = MAX (widest, charter_render_sink_measure (measure, self->team_names[i], NAME_SIZE,
                                                         CHARTER_TEXT_BOLD));
    }

  self->tasks = g_new (guint, MAX (n_all, 1));
  self->ids = g_new0 (char *, n_all + 1);
  self->names = g_new0 (char *, n_all + 1);
  self->bars = g_new0 (CharterTimelineBar, MAX (n_all, 1));
  self->colors = g_new0 (CharterRgba, MAX (n_all, 1));
  self->patterns = g_new0 (guint, MAX (n_all, 1));
  task_team = g_new (guint, MAX (n_all, 1));
  self->first_day = G_MAXUINT32;
  self->last_day = 0;
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      const char *team_id = charter_task_get_team_id (task);
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      guint k = self->n_tasks;
      gpointer team;

      if (!task_wanted (options->task_ids, wanted, id))
        continue;
      self->tasks[k] = i;
      self->ids[k] = g_strdup (id);
      self->names[k] = g_strdup (charter_task_get_name (task));
      widest = MAX (widest, charter_render_sink_measure (measure, self->names[k], NAME_SIZE, 0));
      charter_render_team_color (document, team_id, &self->colors[k], &self->patterns[k]);
      task_team[k] = team_id != NULL && g_hash_table_lookup_extended (team_index, team_id, NULL, &team)
                     ? GPOINTER_TO_UINT (team) : CHARTER_TIMELINE_NO_TEAM;
      if (dates != NULL && dates->early_start != 0)
        {
          self->bars[k].start = dates->early_start;
          self->bars[k].finish = MAX (dates->early_finish, dates->early_start);
          self->bars[k].milestone = charter_task_get_milestone (task);
          self->bars[k].placed = TRUE;
          self->first_day = MIN (self->first_day, self->bars[k].start);
          self->last_day = MAX (self->last_day, self->bars[k].finish);
        }
      g_hash_table_insert (drawn, self->ids[k], GUINT_TO_POINTER (k));
      self->n_tasks++;
    }

  self->deps = g_array_new (FALSE, FALSE, sizeof (Dep));
  for (guint i = 0; i < g_list_model_get_n_items (deps); i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      gpointer from, to;

      if (g_hash_table_lookup_extended (drawn, charter_dependency_get_predecessor (dep), NULL, &from) &&
          g_hash_table_lookup_extended (drawn, charter_dependency_get_successor (dep), NULL, &to))
        {
          Dep d = { GPOINTER_TO_UINT (from), GPOINTER_TO_UINT (to), charter_dependency_get_kind (dep), 0, 0, 0, 0 };

          g_array_append_val (self->deps, d);
        }
    }

  launch = charter_schedule_get_launch (schedule);
  if (launch >= 0)
    {
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, launch);
      g_autofree char *iso = charter_timeline_format_day (dates->early_finish, "%Y-%m-%d");
      g_autofree char *day = charter_timeline_format_day (dates->early_finish, "%a %-d %b %Y");

      self->launch_day = dates->early_finish;
      /* Translators: the launch date in the title of an exported timeline:
       * "Launch 2026-06-12 (Fri 12 Jun 2026)" */
      self->launch_text = g_strdup_printf (_("Launch %s (%s)"), iso, day);
      self->first_day = MIN (self->first_day, self->launch_day);
      self->last_day = MAX (self->last_day, self->launch_day);
    }
  if (self->first_day > self->last_day)
    self->first_day = self->last_day = charter_schedule_get_start (schedule);

  /* A little room before the first bar and after the last, from a Monday. */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, MAX (self->first_day, DAYS_MARGIN + 1));
    self->first_day = g_date_get_julian (&date) - (g_date_get_weekday (&date) - G_DATE_MONDAY);
    self->last_day += DAYS_MARGIN;
  }
  if (options->first_day != 0 && options->last_day >= options->first_day)
    {
      self->first_day = options->first_day;
      self->last_day = options->last_day;
    }

  self->title = charter_render_title (document);
  self->scale.origin = self->first_day;
  self->scale.pixels_per_day = charter_timeline_zoom_get_pixels_per_day (CHARTER_TIMELINE_ZOOM_WEEKS);
  self->column_width = CLAMP (ceil (widest) + 2 * PAD + 12, MIN_COLUMN, MAX_COLUMN);
  self->fitted = g_new0 (char *, self->n_tasks + 1);
  for (guint k = 0; k < self->n_tasks; k++)
    self->fitted[k] = charter_render_fit_text (measure, self->names[k], NAME_SIZE, 0,
                                               self->column_width - 2 * PAD - 12);

  self->layout = charter_timeline_layout_new ();
  charter_timeline_layout_build (self->layout, self->n_teams, NULL, self->n_tasks, task_team,
                                 LANE_HEIGHT, ROW_HEIGHT);

  compute_dependencies (self);

  g_clear_pointer (&measure, charter_render_sink_free);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return self;
}

void
charter_timeline_drawing_get_size (CharterTimelineDrawing *self,
                                   double                 *width,
                                   double                 *height)
{
  *width = self->column_width + (self->last_day - self->first_day + 1) * self->scale.pixels_per_day;
  *height = TITLE_HEIGHT + AXIS_HEIGHT + charter_timeline_layout_get_height (self->layout);
}

/**
 * charter_timeline_drawing_set_pixels_per_day:
 *
 * A narrower chart, as paper needs for a long plan.
 */
void
charter_timeline_drawing_set_pixels_per_day (CharterTimelineDrawing *self,
                                             double                  pixels_per_day)
{
  self->scale.pixels_per_day = pixels_per_day;
  compute_dependencies (self);
}

guint
charter_timeline_drawing_get_n_days (CharterTimelineDrawing *self)
{
  return self->last_day - self->first_day + 1;
}

double
charter_timeline_drawing_get_column_width (CharterTimelineDrawing *self)
{
  return self->column_width;
}

double
charter_timeline_drawing_get_header_height (CharterTimelineDrawing *self)
{
  return TITLE_HEIGHT + AXIS_HEIGHT;
}

GArray *
charter_timeline_drawing_break_rows (CharterTimelineDrawing *self,
                                     double                  rows_height)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = charter_timeline_layout_get_n_rows (self->layout);
  double page_top = 0;
  double end;

  g_array_append_val (breaks, page_top);
  for (guint r = 0; r < n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->y + row->height - page_top > rows_height && row->y > page_top)
        {
          page_top = row->y;
          g_array_append_val (breaks, page_top);
        }
    }
  end = charter_timeline_layout_get_height (self->layout);
  if (end > page_top || breaks->len == 1)
    g_array_append_val (breaks, end);
  return breaks;
}

static void
draw_axis (CharterTimelineDrawing *self,
           CharterRenderSink      *sink,
           double                  x0,
           double                  chart_x,
           double                  chart_width,
           double                  rows_bottom)
{
  double ppd = self->scale.pixels_per_day;
  guint32 from = self->first_day + (guint32) floor (chart_x / ppd);
  guint32 to = MIN (self->last_day, self->first_day + (guint32) ceil ((chart_x + chart_width) / ppd));
  double label_end = 0;

  charter_render_sink_rect (sink, x0, TITLE_HEIGHT, chart_width, AXIS_HEIGHT, 0, &axis_bg, NULL, 0);
  for (guint32 day = from; day <= to; day++)
    {
      GDate date;
      double x = x0 + (day - self->first_day) * ppd - chart_x;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      if (g_date_get_weekday (&date) == G_DATE_SATURDAY && ppd >= 6)
        charter_render_sink_rect (sink, x, TITLE_HEIGHT + AXIS_HEIGHT, 2 * ppd,
                                  rows_bottom - TITLE_HEIGHT - AXIS_HEIGHT, 0, &weekend, NULL, 0);
      if (g_date_get_day (&date) == 1 || day == from)
        {
          gboolean year = day == from || g_date_get_month (&date) == G_DATE_JANUARY;
          g_autofree char *month = charter_timeline_format_day (day, year ? "%b %Y" : "%b");
          double lx = MAX (x, x0) + 4;

          if (g_date_get_day (&date) == 1)
            charter_render_sink_line (sink, x, TITLE_HEIGHT, x, rows_bottom, &strong_line, 1);
          /* Narrow months (a long plan on paper) drop labels that would overlap. */
          if (lx >= label_end)
            {
              charter_render_sink_text (sink, lx, TITLE_HEIGHT + 3, 0, month, SMALL_SIZE, CHARTER_TEXT_BOLD,
                                        CHARTER_ALIGN_START, &charter_render_text);
              label_end = lx + 6 + charter_render_sink_measure (sink, month, SMALL_SIZE, CHARTER_TEXT_BOLD);
            }
        }
      if (g_date_get_weekday (&date) == G_DATE_MONDAY && ppd * 7 >= 20)
        {
          g_autofree char *label = g_strdup_printf ("%u", g_date_get_day (&date));

          charter_render_sink_line (sink, x, TITLE_HEIGHT + AXIS_HEIGHT / 2, x, rows_bottom, &grid_line, 1);
          charter_render_sink_text (sink, x + 3, TITLE_HEIGHT + AXIS_HEIGHT / 2 + 3, 0, label, SMALL_SIZE,
                                    0, CHARTER_ALIGN_START, &charter_render_dim_text);
        }
    }
}

static void
dep_anchor (CharterTimelineDrawing *self,
            guint                   task,
            gboolean                finish,
            double                  x0,
            double                  y0,
            double                 *x,
            double                 *y)
{
  const CharterTimelineBar *bar = &self->bars[task];
  guint row;
  double bx0, bx1;

  charter_timeline_layout_find_task_row (self->layout, task, &row);
  charter_timeline_bar_get_extent (&self->scale, bar, ROW_HEIGHT, &bx0, &bx1);
  *x = x0 + (finish ? bx1 : bx0);
  *y = y0 + charter_timeline_layout_get_row (self->layout, row)->y + ROW_HEIGHT / 2;
}

static void
compute_dependencies (CharterTimelineDrawing *self)
{
  for (guint i = 0; i < self->deps->len; i++)
    {
      Dep *d = &g_array_index (self->deps, Dep, i);
      gboolean from_finish = d->kind == CHARTER_DEPENDENCY_FINISH_TO_START ||
                             d->kind == CHARTER_DEPENDENCY_FINISH_TO_FINISH;
      gboolean to_start = d->kind == CHARTER_DEPENDENCY_FINISH_TO_START ||
                          d->kind == CHARTER_DEPENDENCY_START_TO_START;

      if (!self->bars[d->from].placed || !self->bars[d->to].placed)
        continue;
      dep_anchor (self, d->from, from_finish, 0, 0, &d->xa, &d->ya);
      dep_anchor (self, d->to, !to_start, 0, 0, &d->xb, &d->yb);
    }
}

static gboolean
end_on_page (double x,
             double y,
             double chart_x,
             double chart_width,
             double rows_y,
             double rows_height)
{
  return x >= chart_x - 12 && x <= chart_x + chart_width + 12 && y >= rows_y && y <= rows_y + rows_height;
}

static void
draw_dependencies (CharterTimelineDrawing *self,
                   CharterRenderSink      *sink,
                   double                  x0,
                   double                  y0,
                   double                  chart_x,
                   double                  chart_width,
                   double                  rows_y,
                   double                  rows_height)
{
  for (guint i = 0; i < self->deps->len; i++)
    {
      const Dep *d = &g_array_index (self->deps, Dep, i);
      gboolean from_finish = d->kind == CHARTER_DEPENDENCY_FINISH_TO_START ||
                             d->kind == CHARTER_DEPENDENCY_FINISH_TO_FINISH;
      gboolean to_start = d->kind == CHARTER_DEPENDENCY_FINISH_TO_START ||
                          d->kind == CHARTER_DEPENDENCY_START_TO_START;
      double xa, ya, xb, yb, so, si, p1, p2;

      if (!self->bars[d->from].placed || !self->bars[d->to].placed)
        continue;
      /* Only the dependencies with an end on this page: a 10,000-task plan
       * in print has a thousand pages and 30,000 dependencies, most of them
       * long; one passing through a page with neither end on it is left out. */
      if (!end_on_page (d->xa, d->ya, chart_x, chart_width, rows_y, rows_height) &&
          !end_on_page (d->xb, d->yb, chart_x, chart_width, rows_y, rows_height))
        continue;
      xa = x0 + d->xa;
      ya = y0 + d->ya;
      xb = x0 + d->xb;
      yb = y0 + d->yb;
      so = from_finish ? 1 : -1;
      si = to_start ? 1 : -1;
      p1 = xa + so * 6;
      p2 = xb - si * 6;
      charter_render_sink_move_to (sink, xa, ya);
      if (so == si && (p2 - p1) * so >= 0)
        {
          charter_render_sink_line_to (sink, p2, ya);
          charter_render_sink_line_to (sink, p2, yb);
        }
      else
        {
          double ymid = yb - (yb > ya ? 1 : -1) * ROW_HEIGHT / 2;

          charter_render_sink_line_to (sink, p1, ya);
          charter_render_sink_line_to (sink, p1, ymid);
          charter_render_sink_line_to (sink, p2, ymid);
          charter_render_sink_line_to (sink, p2, yb);
        }
      charter_render_sink_line_to (sink, xb - si * 5, yb);
      charter_render_sink_stroke_path (sink, &arrow_color, 1.25);
      charter_render_sink_move_to (sink, xb, yb);
      charter_render_sink_line_to (sink, xb - si * 6, yb - 4);
      charter_render_sink_line_to (sink, xb - si * 6, yb + 4);
      charter_render_sink_close_path (sink);
      charter_render_sink_fill_path (sink, &arrow_color);
    }
}

/**
 * charter_timeline_drawing_has_bars:
 *
 * Returns: whether any bar (or the launch line) falls in the part of the
 *   chart from @chart_x, @chart_width wide, in the rows from @rows_y
 */
gboolean
charter_timeline_drawing_has_bars (CharterTimelineDrawing *self,
                                   double                  chart_x,
                                   double                  chart_width,
                                   double                  rows_y,
                                   double                  rows_height)
{
  guint first, n;
  double lx;

  if (self->launch_day != 0)
    {
      lx = (self->launch_day - self->first_day + 0.5) * self->scale.pixels_per_day;
      if (lx >= chart_x && lx < chart_x + chart_width)
        return TRUE;
    }
  charter_timeline_layout_get_visible_rows (self->layout, rows_y, rows_height, &first, &n);
  for (guint r = first; r < first + n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      double bx0, bx1;

      if (row->kind != CHARTER_TIMELINE_ROW_TASK || !self->bars[row->index].placed)
        continue;
      charter_timeline_bar_get_extent (&self->scale, &self->bars[row->index], ROW_HEIGHT, &bx0, &bx1);
      if (bx1 >= chart_x && bx0 < chart_x + chart_width)
        return TRUE;
    }
  return FALSE;
}

static void
draw_bar (CharterTimelineDrawing *self,
          CharterRenderSink      *sink,
          guint                   k,
          double                  x0,
          double                  y)
{
  const CharterTimelineBar *bar = &self->bars[k];
  const CharterTaskDates *dates = charter_schedule_get_task_dates_at (self->schedule, self->tasks[k]);
  double bx0, bx1;

  if (!bar->placed)
    return;
  charter_timeline_bar_get_extent (&self->scale, bar, ROW_HEIGHT, &bx0, &bx1);
  bx0 += x0;
  bx1 += x0;
  if (bar->milestone)
    {
      double cx = (bx0 + bx1) / 2, cy = y + ROW_HEIGHT / 2, r = ROW_HEIGHT / 2 - 5;

      charter_render_sink_move_to (sink, cx, cy - r);
      charter_render_sink_line_to (sink, cx + r, cy);
      charter_render_sink_line_to (sink, cx, cy + r);
      charter_render_sink_line_to (sink, cx - r, cy);
      charter_render_sink_close_path (sink);
      charter_render_sink_fill_path (sink, &self->colors[k]);
      charter_render_sink_move_to (sink, cx, cy - r);
      charter_render_sink_line_to (sink, cx + r, cy);
      charter_render_sink_line_to (sink, cx, cy + r);
      charter_render_sink_line_to (sink, cx - r, cy);
      charter_render_sink_close_path (sink);
      charter_render_sink_stroke_path (sink, &critical_outline, dates->critical ? 2.5 : 1);
      return;
    }
  charter_render_sink_rect (sink, bx0, y + 6, bx1 - bx0, ROW_HEIGHT - 12, 3, &self->colors[k],
                            dates->critical ? &critical_outline : NULL, 2.5);
  if (self->patterns[k] > 0)
    charter_render_hatch (sink, bx0, y + 6, bx1 - bx0, ROW_HEIGHT - 12);
}

void
charter_timeline_drawing_draw (CharterTimelineDrawing *self,
                               CharterRenderSink      *sink,
                               double                  chart_x,
                               double                  chart_width,
                               double                  rows_y,
                               double                  rows_height)
{
  double cw = self->column_width;
  double top = TITLE_HEIGHT + AXIS_HEIGHT;
  double x0 = cw - chart_x;          /* x of the first day */
  double y0 = top - rows_y;          /* y of the first row */
  double bottom = top + rows_height;
  guint first, n;

  charter_render_sink_rect (sink, 0, 0, cw + chart_width, bottom, 0, &charter_render_canvas_bg, NULL, 0);
  charter_render_sink_text (sink, PAD, 10, cw + chart_width - 2 * PAD, self->title, 15,
                            CHARTER_TEXT_BOLD, CHARTER_ALIGN_START, &charter_render_text);
  if (self->launch_text != NULL)
    charter_render_sink_text (sink, cw + chart_width - PAD, 12, 0, self->launch_text, NAME_SIZE,
                              CHARTER_TEXT_BOLD, CHARTER_ALIGN_END, &launch_color);

  /* The chart: axis, grid, bars, dependencies and the launch line. */
  charter_render_sink_push_clip (sink, cw, TITLE_HEIGHT, chart_width, bottom - TITLE_HEIGHT);
  draw_axis (self, sink, cw, chart_x, chart_width, bottom);
  charter_timeline_layout_get_visible_rows (self->layout, rows_y, rows_height, &first, &n);
  for (guint r = first; r < first + n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
        charter_render_sink_line (sink, cw, y0 + row->y, cw + chart_width, y0 + row->y, &strong_line, 1);
    }
  charter_render_sink_push_clip (sink, cw, top, chart_width, rows_height);
  draw_dependencies (self, sink, x0, y0, chart_x, chart_width, rows_y, rows_height);
  charter_render_sink_pop_clip (sink);
  if (self->launch_day != 0)
    {
      double lx = x0 + (self->launch_day - self->first_day + 0.5) * self->scale.pixels_per_day;
      double fw = charter_render_sink_measure (sink, _("Launch"), SMALL_SIZE, CHARTER_TEXT_BOLD) + 10;

      charter_render_sink_line (sink, lx, TITLE_HEIGHT + AXIS_HEIGHT / 2, lx, bottom, &launch_color, 2);
      charter_render_sink_rect (sink, lx, TITLE_HEIGHT + AXIS_HEIGHT / 2 - 1, fw, AXIS_HEIGHT / 2 - 2, 2,
                                &launch_color, NULL, 0);
      charter_render_sink_text (sink, lx + 5, TITLE_HEIGHT + AXIS_HEIGHT / 2 + 2, 0, _("Launch"), SMALL_SIZE,
                                CHARTER_TEXT_BOLD, CHARTER_ALIGN_START, &flag_text);
    }
  charter_render_sink_pop_clip (sink);

  /* The task column, on every page; each task one labelled group with its bar. */
  charter_render_sink_rect (sink, 0, TITLE_HEIGHT, cw, bottom - TITLE_HEIGHT, 0, &column_bg, NULL, 0);
  charter_render_sink_rect (sink, 0, TITLE_HEIGHT, cw, AXIS_HEIGHT, 0, &axis_bg, NULL, 0);
  charter_render_sink_text (sink, PAD, TITLE_HEIGHT + AXIS_HEIGHT / 2 + 2, 0, _("Task"), SMALL_SIZE,
                            CHARTER_TEXT_BOLD, CHARTER_ALIGN_START, &charter_render_dim_text);
  charter_render_sink_line (sink, cw, TITLE_HEIGHT, cw, bottom, &strong_line, 1);
  for (guint r = first; r < first + n; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      double y = y0 + row->y;

      if (row->y + row->height > rows_y + rows_height + 0.5)
        break;
      if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
        {
          gboolean team = row->index < self->n_teams;
          const char *name = team ? self->team_names[row->index] : _("No team");

          if (team)
            charter_render_sink_rect (sink, PAD, y + 8, 12, 12, 2, &self->team_colors[row->index], NULL, 0);
          charter_render_sink_text (sink, PAD + 18, y + 5, 0, name, NAME_SIZE, CHARTER_TEXT_BOLD,
                                    CHARTER_ALIGN_START, &charter_render_text);
          charter_render_sink_line (sink, 0, y, cw, y, &strong_line, 1);
          continue;
        }
      {
        guint k = row->index;
        g_autofree char *group = g_strdup_printf ("task-%s", self->ids[k]);
        g_autoptr(GString) title = g_string_new (self->names[k]);

        /* The whole name and the dates in the element's title. */
        if (self->bars[k].placed)
          {
            g_autofree char *s = charter_timeline_format_day (self->bars[k].start, "%Y-%m-%d");
            g_autofree char *f = charter_timeline_format_day (self->bars[k].finish, "%Y-%m-%d");

            g_string_printf (title, "%s (%s – %s)", self->names[k], s, f);
          }
        charter_render_sink_begin_group (sink, group, title->str);
        charter_render_sink_text (sink, PAD + 12, y + 6, 0, self->fitted[k], NAME_SIZE, 0,
                                  CHARTER_ALIGN_START, &charter_render_text);
        charter_render_sink_line (sink, 0, y + ROW_HEIGHT, cw, y + ROW_HEIGHT, &grid_line, 1);
        if (self->bars[k].placed)
          {
            double bx0, bx1;
            gboolean inside;

            charter_timeline_bar_get_extent (&self->scale, &self->bars[k], ROW_HEIGHT, &bx0, &bx1);
            inside = x0 + bx0 >= cw && x0 + bx1 <= cw + chart_width;
            /* A clip only for a bar that crosses the page's edge. */
            if (!inside)
              charter_render_sink_push_clip (sink, cw, top, chart_width, rows_height);
            draw_bar (self, sink, k, x0, y);
            if (!inside)
              charter_render_sink_pop_clip (sink);
          }
        charter_render_sink_end_group (sink);
      }
    }
}
