/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-chart-draw.c: how the Gantt chart paints itself, and in
 * which colours. snapshot() draws only the visible days and rows: the
 * chart (rows, non-working days, busy days, today, launch, buffer and P80,
 * arrows, bars), the task list, the time axis and the card that says what
 * a drag or key did.
 *
 * Colours: named colours of the application's style sheet (style.css under
 * "Named colours: Timeline", style-dark.css for the dark style, _projector
 * variants for projector mode), read into CharterGanttColors whenever the
 * widget's style changes, so the chart follows AdwStyleManager and the
 * projector switch; team colours are charter_team_color()'s in both, with
 * black or white labels by contrast. */

#define G_LOG_DOMAIN "charter-gantt-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "charter-gantt-chart-private.h"
#include "charter-style.h"

/* Drawing ----------------------------------------------------------------- */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  if (w <= 0 || h <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius,
                double         width)
{
  GskRoundedRect outline;
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius)
{
  GskRoundedRect clip;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (x, y, w, h), MIN (radius, MIN (w, h) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

typedef enum
{
  TEXT_START = 0,
  TEXT_END = 1,
  TEXT_CENTER = 2,
  TEXT_MIDDLE = 1 << 4,  /* @y is the centre line, not the top */
} TextAlign;

/* Draws @text with its top at @y; returns its width. */
static int
append_text (CharterGanttChart *self,
             GtkSnapshot       *snapshot,
             const char        *text,
             double             x,
             double             y,
             double             width,
             TextAlign          align,
             PangoWeight        weight,
             double             scale,
             const GdkRGBA     *color)
{
  PangoFontDescription *font;
  PangoRectangle logical;

  font = pango_font_description_copy_static (pango_context_get_font_description (
    gtk_widget_get_pango_context (GTK_WIDGET (self))));
  pango_font_description_set_weight (font, weight);
  if (scale != 1.0)
    pango_font_description_set_absolute_size (font, self->em * scale * PANGO_SCALE);
  pango_layout_set_font_description (self->text, font);
  pango_font_description_free (font);

  pango_layout_set_text (self->text, text, -1);
  pango_layout_set_width (self->text, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (self->text, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (self->text, (align & 3) == TEXT_END ? PANGO_ALIGN_RIGHT
                                          : (align & 3) == TEXT_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (self->text, NULL, &logical);
  if (align & TEXT_MIDDLE)
    y -= logical.height / 2.0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, self->text, color);
  gtk_snapshot_restore (snapshot);

  return logical.width;
}

static int
text_height (CharterGanttChart *self,
             double             scale)
{
  return (int) round (self->em * scale * 1.25);
}

static void
append_diamond (GtkSnapshot   *snapshot,
                const GdkRGBA *fill,
                const GdkRGBA *outline,
                double         cx,
                double         cy,
                double         half,
                double         outline_width)
{
  double side = half * G_SQRT2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, fill, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  append_outline (snapshot, outline, -side / 2, -side / 2, side, side, 0, outline_width);
  gtk_snapshot_restore (snapshot);
}

typedef struct
{
  guint32 first_day;
  guint32 last_day;   /* exclusive */
  guint   first_row;
  guint   n_rows;
  double  x0;         /* visible chart x range */
  double  x1;
  double  y0;         /* visible chart y range */
  double  y1;
} Visible;

static void
draw_day_shading (CharterGanttChart *self,
                  GtkSnapshot       *snapshot,
                  const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  CharterWeekdays working = CHARTER_WEEKDAYS_WORKWEEK;
  double ppd = self->scale.pixels_per_day;

  if (self->document != NULL)
    working = charter_calendar_get_working_days (charter_document_get_calendar (self->document));

  for (guint32 day = v->first_day; day < v->last_day; day++)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, day);
      gboolean weekday_works = (working & (1 << (_charter_gantt_chart_weekday_of (day) - 1))) != 0;

      /* At month zoom weekends would only stripe the chart: holidays only. */
      if (!_charter_gantt_chart_is_working_day_cb (day, self) && (weekday_works || self->zoom != CHARTER_TIMELINE_ZOOM_MONTHS))
        append_rect (snapshot, weekday_works ? &colors->holiday_shade : &colors->weekend_shade,
                     x, v->y0, ppd, v->y1 - v->y0);

      /* Week and month lines. */
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, day);
        if (g_date_get_day (&date) == 1)
          append_rect (snapshot, &colors->strong_line, x, v->y0, 2, v->y1 - v->y0);
        else if (self->zoom != CHARTER_TIMELINE_ZOOM_MONTHS && g_date_get_weekday (&date) == G_DATE_MONDAY)
          append_rect (snapshot, &colors->grid_line, x, v->y0, 1, v->y1 - v->y0);
      }
    }
}

/* "Busy: Android 14 migration" in the lane's header, over the shaded days. */
static void
draw_commitment_label (CharterGanttChart        *self,
                       GtkSnapshot              *snapshot,
                       CharterTeam              *team,
                       guint32                   day,
                       double                    x0,
                       double                    x1,
                       const CharterTimelineRow *header)
{
  const CharterGanttColors *colors = &self->colors;
  GListModel *commitments = charter_team_get_commitments (team);
  guint n = g_list_model_get_n_items (commitments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, i);
      guint32 start = _charter_gantt_chart_julian_from_iso (charter_commitment_get_start (commitment));
      guint32 finish = _charter_gantt_chart_julian_from_iso (charter_commitment_get_finish (commitment));
      g_autofree char *text = NULL;
      double left;

      if (start == 0 || day < start || (finish != 0 && day > finish))
        continue;

      text = g_strdup_printf (_("Busy: %s"), charter_commitment_get_reason (commitment)
                                             ? charter_commitment_get_reason (commitment) : _("committed elsewhere"));
      left = MAX (x0, _charter_gantt_chart_hvalue (self)) + 8;
      append_rounded (snapshot, &colors->canvas_bg, left - 4, header->y + 5, MIN (x1 - left - 4, self->em * 22),
                      header->height - 10, 4);
      append_text (self, snapshot, text, left, header->y + header->height / 2, MIN (x1 - left - 8, self->em * 22 - 8),
                   TEXT_START | TEXT_MIDDLE, PANGO_WEIGHT_BOLD, 0.85, &colors->text_fg);
      return;
    }
}

/* A team's days committed elsewhere, shaded across its lane's visible rows. */
static void
draw_busy_days (CharterGanttChart *self,
                GtkSnapshot       *snapshot,
                const Visible     *v)
{
  guint r = v->first_row;

  if (self->schedule == NULL)
    return;

  while (r < v->first_row + v->n_rows)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      guint team = row->team;
      double top = row->y, bottom = row->y + row->height;
      const CharterTimelineRow *header = row->kind == CHARTER_TIMELINE_ROW_TEAM ? row : NULL;
      const char *team_id;
      GdkRGBA fill, edge;
      guint32 run_start = 0;

      for (r++; r < v->first_row + v->n_rows; r++)
        {
          const CharterTimelineRow *next = charter_timeline_layout_get_row (self->layout, r);

          if (next->team != team)
            break;
          bottom = next->y + next->height;
        }

      if (team >= self->teams->len)
        continue;

      team_id = charter_item_get_id (g_ptr_array_index (self->teams, team));
      /* Darker than the team's colour on the light canvas, lighter on the dark. */
      fill = _charter_gantt_chart_shade (_charter_gantt_chart_lane_color (self, team), self->colors.dark ? 1.0 : 0.6, 0.22);
      edge = _charter_gantt_chart_shade (_charter_gantt_chart_lane_color (self, team), self->colors.dark ? 1.0 : 0.45, self->colors.dark ? 0.65 : 0.55);

      for (guint32 day = v->first_day; day <= v->last_day; day++)
        {
          gboolean busy = day < v->last_day && charter_schedule_is_team_busy (self->schedule, team_id, day);

          if (busy && run_start == 0)
            run_start = day;
          else if (!busy && run_start != 0)
            {
              double x0 = charter_timeline_scale_day_to_x (&self->scale, run_start);
              double x1 = charter_timeline_scale_day_to_x (&self->scale, day);

              append_rect (snapshot, &fill, x0, top, x1 - x0, bottom - top);
              append_rect (snapshot, &edge, x0, top, 3, bottom - top);
              append_rect (snapshot, &edge, x1 - 3, top, 3, bottom - top);
              /* Stripes: the shading reads as "busy", not as a colour. */
              for (double sx = x0 + 8; sx < x1 - 4; sx += 10)
                append_rect (snapshot, &edge, sx, top, 1.5, bottom - top);
              if (header != NULL && x1 - x0 > self->em * 4)
                draw_commitment_label (self, snapshot, g_ptr_array_index (self->teams, team), run_start,
                                       x0, x1, header);
              run_start = 0;
            }
        }
    }
}

static void
draw_rows_background (CharterGanttChart *self,
                      GtkSnapshot       *snapshot,
                      const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  guint selected = G_MAXUINT;

  _charter_gantt_chart_lookup_task (self, self->selected_task, &selected);

  for (guint r = v->first_row; r < v->first_row + v->n_rows; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);

      if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
        {
          GdkRGBA band = *_charter_gantt_chart_lane_color (self, row->team);

          band.alpha = 0.22;
          append_rect (snapshot, &band, v->x0, row->y, v->x1 - v->x0, row->height);
          append_rect (snapshot, &colors->strong_line, v->x0, row->y + row->height - 1, v->x1 - v->x0, 1);
        }
      else
        {
          if (row->index == selected)
            append_rect (snapshot, &colors->selection_bg, v->x0, row->y, v->x1 - v->x0, row->height);
          append_rect (snapshot, &colors->grid_line, v->x0, row->y + row->height - 1, v->x1 - v->x0, 1);
        }
    }
}

static void
draw_vertical_marks (CharterGanttChart *self,
                     GtkSnapshot       *snapshot,
                     const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  double ppd = self->scale.pixels_per_day;

  if (self->schedule != NULL && charter_schedule_get_buffer_days (self->schedule) > 0 && self->tasks->len > 0)
    {
      guint32 finish = charter_schedule_get_finish (self->schedule);
      guint32 end = charter_schedule_add_working_days (self->schedule, finish,
                                                       charter_schedule_get_buffer_days (self->schedule));
      double x0 = charter_timeline_scale_day_to_x (&self->scale, finish + 1);
      double x1 = charter_timeline_scale_day_to_x (&self->scale, end + 1);

      append_rect (snapshot, &colors->buffer_color, x0, v->y0, x1 - x0, v->y1 - v->y0);
    }

  if (self->p80_day != 0)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->p80_day + 1);

      for (double y = floor (v->y0 / 12) * 12; y < v->y1; y += 12)
        append_rect (snapshot, &colors->p80_color, x - 1, y, 3, 7);
    }

  if (self->today >= v->first_day && self->today < v->last_day)
    append_rect (snapshot, &colors->today_color,
                 charter_timeline_scale_day_to_x (&self->scale, self->today) + ppd / 2 - 1,
                 v->y0, 3, v->y1 - v->y0);

  if (self->launch_day != 0)
    append_rect (snapshot, &colors->launch_color,
                 charter_timeline_scale_day_to_x (&self->scale, self->launch_day) + ppd / 2 - 2,
                 v->y0, 4, v->y1 - v->y0);
}

static void
draw_arrows (CharterGanttChart *self,
             GtkSnapshot       *snapshot,
             const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  cairo_t *cr = NULL;
  guint last_row = v->first_row + v->n_rows;

  if (v->n_rows == 0)
    return;

  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      CharterDependencyType kind = link->kind;
      guint from = link->from, to = link->to, from_row, to_row;
      const CharterTimelineRow *fr, *tr;
      double fx0, fx1, tx0, tx1, ox, oy, ix, iy, a, b, out_dir, in_dir;
      const CharterTaskDates *fd, *td;
      gboolean critical;

      if (!charter_timeline_layout_find_task_row (self->layout, from, &from_row) ||
          !charter_timeline_layout_find_task_row (self->layout, to, &to_row))
        continue;
      if (MAX (from_row, to_row) < v->first_row || MIN (from_row, to_row) >= last_row)
        continue;
      if (!g_array_index (self->bars, CharterTimelineBar, from).placed ||
          !g_array_index (self->bars, CharterTimelineBar, to).placed)
        continue;

      fr = charter_timeline_layout_get_row (self->layout, from_row);
      tr = charter_timeline_layout_get_row (self->layout, to_row);
      charter_timeline_bar_get_extent (&self->scale, &g_array_index (self->bars, CharterTimelineBar, from),
                                       fr->height, &fx0, &fx1);
      charter_timeline_bar_get_extent (&self->scale, &g_array_index (self->bars, CharterTimelineBar, to),
                                       tr->height, &tx0, &tx1);
      if (MAX (MAX (fx1, tx1), MAX (fx0, tx0)) + 20 < v->x0 || MIN (fx0, tx0) - 20 > v->x1)
        continue;

      /* Out of the predecessor's finish (or start), into the successor's start (or finish). */
      out_dir = (kind == CHARTER_DEPENDENCY_START_TO_START || kind == CHARTER_DEPENDENCY_START_TO_FINISH) ? -1 : 1;
      in_dir = (kind == CHARTER_DEPENDENCY_FINISH_TO_FINISH || kind == CHARTER_DEPENDENCY_START_TO_FINISH) ? -1 : 1;
      ox = out_dir > 0 ? fx1 : fx0;
      ix = in_dir > 0 ? tx0 : tx1;
      oy = fr->y + fr->height / 2;
      iy = tr->y + tr->height / 2;
      a = ox + out_dir * 8;
      b = ix - in_dir * 10;

      fd = _charter_gantt_chart_get_dates (self, from);
      td = _charter_gantt_chart_get_dates (self, to);
      critical = fd != NULL && td != NULL && fd->critical && td->critical;

      if (cr == NULL)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (v->x0, v->y0, v->x1 - v->x0, v->y1 - v->y0));
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        }

      cairo_new_path (cr);
      cairo_move_to (cr, ox, oy);
      cairo_line_to (cr, a, oy);
      if ((in_dir > 0 && a <= b) || (in_dir < 0 && a >= b))
        {
          cairo_line_to (cr, a, iy);
        }
      else
        {
          double ym = to_row > from_row ? tr->y : tr->y + tr->height;

          cairo_line_to (cr, a, ym);
          cairo_line_to (cr, b, ym);
          cairo_line_to (cr, b, iy);
        }
      cairo_line_to (cr, ix - in_dir * 6, iy);

      gdk_cairo_set_source_rgba (cr, critical ? &colors->arrow_critical : &colors->arrow);
      cairo_set_line_width (cr, critical ? 3.0 : 1.8);
      cairo_stroke (cr);

      /* Arrow head */
      cairo_move_to (cr, ix, iy);
      cairo_line_to (cr, ix - in_dir * 9, iy - 6);
      cairo_line_to (cr, ix - in_dir * 9, iy + 6);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  if (cr != NULL)
    cairo_destroy (cr);
}

static void
draw_bars (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  guint selected = G_MAXUINT;
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));

  _charter_gantt_chart_lookup_task (self, self->selected_task, &selected);
  for (guint i = 0; i < self->bar_widgets->len && !focused; i++)
    focused = gtk_widget_has_focus (g_ptr_array_index (self->bar_widgets, i));

  for (guint r = v->first_row; r < v->first_row + v->n_rows; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      const CharterTimelineBar *bar;
      const CharterTimelineBar *ghost;
      const CharterTaskDates *dates;
      const GdkRGBA *color;
      CharterTask *task;
      double x0, x1, top, height;

      if (row->kind != CHARTER_TIMELINE_ROW_TASK)
        continue;

      task = _charter_gantt_chart_get_task (self, row->index);
      bar = &g_array_index (self->bars, CharterTimelineBar, row->index);
      dates = _charter_gantt_chart_get_dates (self, row->index);
      color = _charter_gantt_chart_lane_color (self, row->team);
      top = row->y + CHARTER_TIMELINE_BAR_INSET;
      height = row->height - 2 * CHARTER_TIMELINE_BAR_INSET;

      /* Baseline ghost: a hollow bar along the bottom of the row. */
      ghost = g_hash_table_lookup (self->baseline_dates, charter_item_get_id (CHARTER_ITEM (task)));
      if (ghost != NULL)
        {
          double g0 = charter_timeline_scale_day_to_x (&self->scale, ghost->start);
          double g1 = charter_timeline_scale_day_to_x (&self->scale, ghost->finish + 1);
          double gy = row->y + row->height - CHARTER_TIMELINE_BAR_INSET + 1;

          if (bar->milestone)
            g1 = g0 + self->scale.pixels_per_day;
          append_rect (snapshot, &colors->baseline_color, g0, gy - 2, g1 - g0, 6);
        }

      if (!bar->placed)
        continue;

      charter_timeline_bar_get_extent (&self->scale, bar, row->height, &x0, &x1);
      if (x1 + self->em * 30 < v->x0 || x0 - 20 > v->x1)
        continue;

      /* Float: a thin tail from the finish to the latest finish. */
      if (dates != NULL && dates->total_float > 0 && dates->late_finish > dates->early_finish && !bar->milestone)
        {
          double tail = charter_timeline_scale_day_to_x (&self->scale, dates->late_finish + 1);
          double cy = top + height / 2;

          append_rect (snapshot, &colors->float_color, x1, cy - 1.5, tail - x1, 3);
          append_rect (snapshot, &colors->float_color, tail - 2, cy - 7, 2, 14);
        }

      if (bar->milestone)
        {
          double half = (x1 - x0) / 2;
          gboolean launch = charter_task_get_launch (task);

          append_diamond (snapshot, launch ? &colors->launch_color : color, &colors->critical_outline,
                          x0 + half, row->y + row->height / 2, half,
                          dates != NULL && dates->critical ? 3 : 1.5);
        }
      else
        {
          GdkRGBA label_color;
          g_autofree char *label = NULL;
          double width = x1 - x0;

          charter_gantt_chart_bar_label_color (color, &label_color);
          append_rounded (snapshot, color, x0, top, width, height, 5);
          if (dates != NULL && dates->critical)
            {
              /* Critical: a heavy outline and a dark band, not colour alone. */
              append_outline (snapshot, &colors->critical_outline, x0, top, width, height, 5, 3);
              append_rect (snapshot, &colors->critical_band, x0 + 3, top + height - 8, width - 6, 5);
            }
          else
            {
              GdkRGBA edge = _charter_gantt_chart_shade (color, 0.55, 1.0);

              append_outline (snapshot, &edge, x0, top, width, height, 5, 1.5);
            }

          /* The right-end handle: two grip lines to grab. */
          if (width > 24)
            {
              GdkRGBA grip = label_color;

              grip.alpha = 0.65;

              append_rect (snapshot, &grip, x1 - 9, top + height * 0.28, 2, height * 0.44);
              append_rect (snapshot, &grip, x1 - 5, top + height * 0.28, 2, height * 0.44);
            }

          /* Duration inside when it fits. */
          label = g_strdup_printf (_("%d d"), dates ? dates->duration : charter_task_get_duration (task));
          if (width > self->em * 3.2)
            append_text (self, snapshot, label, x0 + 6, top + height / 2,
                         width - 18, TEXT_START | TEXT_MIDDLE, PANGO_WEIGHT_BOLD, 0.85, &label_color);
        }

      /* The name to the right of the bar (and its float), readable from the back. */
      {
        double after = x1 + 8;

        if (dates != NULL && dates->total_float > 0 && !bar->milestone)
          after = MAX (after, charter_timeline_scale_day_to_x (&self->scale, dates->late_finish + 1) + 6);
        append_text (self, snapshot, charter_task_get_name (task), after,
                     row->y + row->height / 2,
                     self->em * 18, TEXT_START | TEXT_MIDDLE,
                     dates != NULL && dates->critical ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, 0.9, &colors->text_fg);
      }

      if (row->index == selected)
        {
          double pad = 4;

          append_outline (snapshot, focused ? &colors->focus_color : &colors->dim_fg,
                          x0 - pad, top - pad, x1 - x0 + 2 * pad, height + 2 * pad, 8, 3);
        }
    }
}

static void
draw_list (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  double w = self->list_width;
  double col_days = self->em * 4.0, col_date = self->em * 7.0;
  double x_finish = w - col_date - 8, x_start = x_finish - col_date, x_days = x_start - col_days;
  guint selected = G_MAXUINT;

  _charter_gantt_chart_lookup_task (self, self->selected_task, &selected);

  append_rect (snapshot, &colors->list_bg, 0, v->y0, w, v->y1 - v->y0);

  for (guint r = v->first_row; r < v->first_row + v->n_rows; r++)
    {
      const CharterTimelineRow *row = charter_timeline_layout_get_row (self->layout, r);
      double ty = row->y + row->height / 2;

      if (row->kind == CHARTER_TIMELINE_ROW_TEAM)
        {
          const GdkRGBA *color = _charter_gantt_chart_lane_color (self, row->team);
          GdkRGBA band = *color;
          gboolean folded;
          const char *name;
          const char *id;
          g_autofree char *title = NULL;
          guint count = 0;

          band.alpha = 0.22;
          append_rect (snapshot, &band, 0, row->y, w, row->height);
          append_rect (snapshot, color, 0, row->y, 10, row->height);
          append_rect (snapshot, &colors->strong_line, 0, row->y + row->height - 1, w, 1);

          if (row->team < self->teams->len)
            {
              CharterTeam *team = g_ptr_array_index (self->teams, row->team);

              id = charter_item_get_id (CHARTER_ITEM (team));
              name = charter_team_get_name (team) ? charter_team_get_name (team) : id;
            }
          else
            {
              id = "";
              name = _("No team");
            }
          folded = g_hash_table_contains (self->collapsed, id);
          count = g_array_index (self->lane_counts, guint, MIN (row->team, self->teams->len));
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s · %u task", "%s %s · %u tasks", count),
                                   folded ? "▸" : "▾", name, count);
          append_text (self, snapshot, title, 18, ty, w - 28, TEXT_START | TEXT_MIDDLE, PANGO_WEIGHT_BOLD, 1.0,
                       &colors->text_fg);
        }
      else
        {
          CharterTask *task = _charter_gantt_chart_get_task (self, row->index);
          const CharterTaskDates *dates = _charter_gantt_chart_get_dates (self, row->index);
          const CharterTimelineBar *bar = &g_array_index (self->bars, CharterTimelineBar, row->index);
          PangoWeight weight = dates != NULL && dates->critical ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
          g_autofree char *days = NULL;
          g_autofree char *start = NULL;
          g_autofree char *finish = NULL;

          if (row->index == selected)
            append_rect (snapshot, &colors->selection_bg, 0, row->y, w, row->height);
          append_rect (snapshot, &colors->grid_line, 0, row->y + row->height - 1, w, 1);
          append_rect (snapshot, _charter_gantt_chart_lane_color (self, row->team), 0, row->y, 10, row->height);

          if (bar->milestone)
            days = g_strdup ("◆");
          else
            days = g_strdup_printf ("%d", dates ? dates->duration : charter_task_get_duration (task));
          start = dates ? _charter_gantt_chart_short_day (dates->early_start) : g_strdup ("—");
          finish = dates ? _charter_gantt_chart_short_day (dates->early_finish) : g_strdup ("—");

          append_text (self, snapshot, charter_task_get_name (task), 22, ty, x_days - 26,
                       TEXT_START | TEXT_MIDDLE, weight, 1.0, &colors->text_fg);
          append_text (self, snapshot, days, x_days, ty, col_days - 18, TEXT_END | TEXT_MIDDLE, weight, 1.0,
                       &colors->text_fg);
          append_text (self, snapshot, start, x_start, ty, col_date - 6, TEXT_START | TEXT_MIDDLE,
                       PANGO_WEIGHT_NORMAL, 1.0, &colors->text_fg);
          append_text (self, snapshot, finish, x_finish, ty, col_date - 4, TEXT_START | TEXT_MIDDLE, weight, 1.0,
                       dates && dates->missed_deadline ? &colors->launch_color : &colors->text_fg);
        }
    }
}

static void
draw_axis (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const Visible     *v)
{
  const CharterGanttColors *colors = &self->colors;
  double ppd = self->scale.pixels_per_day;
  double half = round (self->axis_height / 2);
  CharterWeekdays no_launch = 0;

  append_rect (snapshot, &colors->axis_bg, v->x0, 0, v->x1 - v->x0, self->axis_height);

  if (self->document != NULL)
    no_launch = charter_calendar_get_no_launch_days (charter_document_get_calendar (self->document));

  for (guint32 day = v->first_day; day < v->last_day; day++)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, day);
      GDate date;
      g_autofree char *label = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);

      /* Top tier: months (years at month zoom). The label of the month
       * already under way sticks to the left edge while it has room. */
      if (g_date_get_day (&date) == 1 || day == v->first_day)
        {
          if (self->zoom == CHARTER_TIMELINE_ZOOM_MONTHS)
            {
              gboolean new_year = g_date_get_month (&date) == G_DATE_JANUARY && g_date_get_day (&date) == 1;

              if (new_year ||
                  (day == v->first_day &&
                   (366 - g_date_get_day_of_year (&date)) * ppd > self->em * 4))
                {
                  label = charter_timeline_format_day (day, "%Y");
                  append_text (self, snapshot, label, MAX (x, v->x0) + 6, (half - text_height (self, 1.0)) / 2,
                               -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->text_fg);
                  g_clear_pointer (&label, g_free);
                }
            }
          else if (g_date_get_day (&date) == 1 ||
                   (g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date))
                    - g_date_get_day (&date) + 1) * ppd > self->em * 10)
            {
              /* Translators: month and year on the time axis, strftime format */
              label = charter_timeline_format_day (day, _("%B %Y"));
              append_text (self, snapshot, label, MAX (x, v->x0) + 6, (half - text_height (self, 1.0)) / 2,
                           -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->text_fg);
              g_clear_pointer (&label, g_free);
            }
          if (g_date_get_day (&date) == 1)
            append_rect (snapshot, &colors->strong_line, x, 0, 2, self->axis_height);
        }

      /* Bottom tier: days, Mondays, or months. */
      switch (self->zoom)
        {
        case CHARTER_TIMELINE_ZOOM_DAYS:
          label = g_strdup_printf ("%u", g_date_get_day (&date));
          append_text (self, snapshot, label, x, half + (half - text_height (self, 0.9)) / 2, ppd,
                       TEXT_CENTER, PANGO_WEIGHT_NORMAL, 0.9,
                       _charter_gantt_chart_is_working_day_cb (day, self) ? &colors->text_fg : &colors->dim_fg);
          break;

        case CHARTER_TIMELINE_ZOOM_WEEKS:
          if (g_date_get_weekday (&date) == G_DATE_MONDAY)
            {
              label = charter_timeline_format_day (day, _("%-d %b"));
              append_rect (snapshot, &colors->grid_line, x, half, 1, half);
              append_text (self, snapshot, label, x + 4, half + (half - text_height (self, 0.9)) / 2, ppd * 7 - 6,
                           TEXT_START, PANGO_WEIGHT_NORMAL, 0.9, &colors->text_fg);
            }
          break;

        case CHARTER_TIMELINE_ZOOM_MONTHS:
        default:
          if (g_date_get_day (&date) == 1)
            {
              label = charter_timeline_format_day (day, "%b");
              append_text (self, snapshot, label, x + 4, half + (half - text_height (self, 0.9)) / 2, ppd * 28,
                           TEXT_START, PANGO_WEIGHT_NORMAL, 0.9, &colors->text_fg);
            }
          break;
        }

      /* Days a launch may not fall on: a hatched strip along the bottom. */
      if (no_launch != 0 && self->zoom != CHARTER_TIMELINE_ZOOM_MONTHS &&
          (no_launch & (1 << (g_date_get_weekday (&date) - 1))) && _charter_gantt_chart_is_working_day_cb (day, self))
        {
          for (double sx = x + 1; sx < x + ppd - 1; sx += 4)
            append_rect (snapshot, &colors->launch_color, sx, self->axis_height - 7, 2, 6);
        }
    }

  append_rect (snapshot, &colors->strong_line, v->x0, self->axis_height - 1, v->x1 - v->x0, 1);

  /* Flags on the axis for today, the buffer, P80 and the launch. */
  if (self->today >= v->first_day && self->today < v->last_day)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->today) + ppd / 2;
      int tw;

      append_rect (snapshot, &colors->today_color, x - 1, half, 3, half);
      tw = append_text (self, snapshot, _("Today"), -1000, 0, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8,
                        &colors->today_color);
      append_rounded (snapshot, &colors->today_color, x - tw / 2.0 - 6, half + 2, tw + 12,
                      text_height (self, 0.8) + 2, 4);
      append_text (self, snapshot, _("Today"), x - tw / 2.0, half + 3, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8,
                   &colors->flag_fg);
    }

  if (self->p80_day != 0)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->p80_day + 1);
      g_autofree char *day = _charter_gantt_chart_short_day (self->p80_day);
      g_autofree char *label = g_strdup_printf (_("80%% sure: %s"), day);

      int tw;

      tw = append_text (self, snapshot, label, -1000, 0, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8, &colors->p80_color);
      append_rect (snapshot, &colors->p80_color, x - 1, half, 3, half);
      append_rounded (snapshot, &colors->p80_color, x + 2, half + 2, tw + 12, text_height (self, 0.8) + 2, 4);
      append_text (self, snapshot, label, x + 8, half + 3, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.8,
                   &colors->flag_fg);
    }

  if (self->launch_day != 0)
    {
      double x = charter_timeline_scale_day_to_x (&self->scale, self->launch_day) + ppd / 2;
      g_autofree char *day = _charter_gantt_chart_short_day (self->launch_day);
      g_autofree char *label = g_strdup_printf (_("Launch %s"), day);
      int tw;

      tw = append_text (self, snapshot, label, -1000, 0, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->text_fg);
      append_rect (snapshot, &colors->launch_color, x - 2, 0, 4, self->axis_height);
      append_rounded (snapshot, &colors->launch_color, x + 2, 3, tw + 14, text_height (self, 0.9) + 4, 4);
      append_text (self, snapshot, label, x + 9, 5, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9,
                   &colors->flag_fg);
    }
}

static void
draw_corner (CharterGanttChart *self,
             GtkSnapshot       *snapshot)
{
  const CharterGanttColors *colors = &self->colors;
  double w = self->list_width;
  double col_days = self->em * 4.0, col_date = self->em * 7.0;
  double x_finish = w - col_date - 8, x_start = x_finish - col_date, x_days = x_start - col_days;
  double y = self->axis_height - text_height (self, 0.9) - 8;

  append_rect (snapshot, &colors->axis_bg, 0, 0, w, self->axis_height);
  append_text (self, snapshot, _("Task"), 22, y, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_text (self, snapshot, _("Days"), x_days, y, col_days - 18, TEXT_END, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_text (self, snapshot, _("Start"), x_start, y, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_text (self, snapshot, _("Finish"), x_finish, y, -1, TEXT_START, PANGO_WEIGHT_BOLD, 0.9, &colors->dim_fg);
  append_rect (snapshot, &colors->strong_line, 0, self->axis_height - 1, w, 1);
}

static void
draw_card (CharterGanttChart *self,
           GtkSnapshot       *snapshot,
           const char        *text,
           double             x,
           double             y)
{
  const CharterGanttColors *colors = &self->colors;
  PangoRectangle logical;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double pad = self->em * 0.7;

  append_text (self, snapshot, text, -10000, -10000, -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->feedback_fg);
  pango_layout_get_pixel_extents (self->text, NULL, &logical);

  x = CLAMP (x, 4, MAX (width - logical.width - 2 * pad - 4, 4));
  y = CLAMP (y, self->axis_height + 4, MAX (height - logical.height - 2 * pad - 4, self->axis_height + 4));

  append_rounded (snapshot, &colors->feedback_bg, x, y, logical.width + 2 * pad, logical.height + 2 * pad, 8);
  append_text (self, snapshot, text, x + pad, y + pad, -1, TEXT_START, PANGO_WEIGHT_BOLD, 1.0, &colors->feedback_fg);
}

void
_charter_gantt_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CharterGanttChart *self = CHARTER_GANTT_CHART (widget);
  const CharterGanttColors *colors = &self->colors;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double h = _charter_gantt_chart_hvalue (self), vv = _charter_gantt_chart_vvalue (self);
  Visible v;

  if (!self->colors_valid)
    _charter_gantt_chart_update_colors (self);
  _charter_gantt_chart_ensure_built (self);

  v.x0 = h;
  v.x1 = h + _charter_gantt_chart_chart_width (self);
  v.y0 = vv;
  v.y1 = vv + _charter_gantt_chart_rows_height (self);
  v.first_day = charter_timeline_scale_x_to_day (&self->scale, v.x0);
  v.last_day = charter_timeline_scale_x_to_day (&self->scale, v.x1) + 1;
  charter_timeline_layout_get_visible_rows (self->layout, v.y0, v.y1 - v.y0, &v.first_row, &v.n_rows);

  append_rect (snapshot, &colors->canvas_bg, 0, 0, width, height);

  /* The chart */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->list_width, self->axis_height,
                                                         width - self->list_width, height - self->axis_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->list_width - h, self->axis_height - vv));
  draw_rows_background (self, snapshot, &v);
  draw_day_shading (self, snapshot, &v);
  draw_busy_days (self, snapshot, &v);
  draw_vertical_marks (self, snapshot, &v);
  draw_arrows (self, snapshot, &v);
  draw_bars (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  /* The task list */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->axis_height, self->list_width, height - self->axis_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->axis_height - vv));
  draw_list (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  /* The time axis */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->list_width, 0, width - self->list_width, self->axis_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->list_width - h, 0));
  draw_axis (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  draw_corner (self, snapshot);
  append_rect (snapshot, &colors->strong_line, self->list_width - 1, 0, 2, height);

  if (self->tasks->len == 0)
    append_text (self, snapshot, _("No tasks yet: add tasks in the Plan workspace to see them here."),
                 self->list_width + self->em * 2, self->axis_height + self->em * 2, -1, TEXT_START,
                 PANGO_WEIGHT_NORMAL, 1.1, &colors->dim_fg);

  /* What a drag or a key did, next to the bar. */
  if (self->drag_feedback != NULL || self->message != NULL)
    {
      graphene_rect_t rect;
      guint index;
      double x = self->list_width + self->em, y = height - self->em * 6;

      if (_charter_gantt_chart_lookup_task (self, self->drag_feedback ? self->drag_task_id : self->selected_task, &index) &&
          _charter_gantt_chart_bar_rect (self, index, &rect))
        {
          x = rect.origin.x + rect.size.width + self->em * 1.2;
          y = rect.origin.y + rect.size.height + 8;
          if (self->drag_mode == DRAG_MOVE)
            x = rect.origin.x;
        }
      draw_card (self, snapshot, self->drag_feedback ? self->drag_feedback : self->message, x, y);
    }
}


/* Reads the chart's colours from the style sheet: the named colours
 * @charter_gantt_* of style.css (style-dark.css in the dark style, a
 * _projector variant in projector mode). Called when the widget's style
 * changes, not on every frame. */
void
_charter_gantt_chart_update_colors (CharterGanttChart *self)
{
  static const struct {
    const char *name;
    glong       offset;
  } roles[] = {
    { "gantt_canvas_bg", G_STRUCT_OFFSET (CharterGanttColors, canvas_bg) },
    { "gantt_list_bg", G_STRUCT_OFFSET (CharterGanttColors, list_bg) },
    { "gantt_axis_bg", G_STRUCT_OFFSET (CharterGanttColors, axis_bg) },
    { "gantt_text", G_STRUCT_OFFSET (CharterGanttColors, text_fg) },
    { "gantt_dim_text", G_STRUCT_OFFSET (CharterGanttColors, dim_fg) },
    { "gantt_grid_line", G_STRUCT_OFFSET (CharterGanttColors, grid_line) },
    { "gantt_strong_line", G_STRUCT_OFFSET (CharterGanttColors, strong_line) },
    { "gantt_weekend", G_STRUCT_OFFSET (CharterGanttColors, weekend_shade) },
    { "gantt_holiday", G_STRUCT_OFFSET (CharterGanttColors, holiday_shade) },
    { "gantt_today", G_STRUCT_OFFSET (CharterGanttColors, today_color) },
    { "gantt_launch", G_STRUCT_OFFSET (CharterGanttColors, launch_color) },
    { "gantt_p80", G_STRUCT_OFFSET (CharterGanttColors, p80_color) },
    { "gantt_flag_text", G_STRUCT_OFFSET (CharterGanttColors, flag_fg) },
    { "gantt_buffer", G_STRUCT_OFFSET (CharterGanttColors, buffer_color) },
    { "gantt_critical_outline", G_STRUCT_OFFSET (CharterGanttColors, critical_outline) },
    { "gantt_critical_band", G_STRUCT_OFFSET (CharterGanttColors, critical_band) },
    { "gantt_arrow", G_STRUCT_OFFSET (CharterGanttColors, arrow) },
    { "gantt_arrow_critical", G_STRUCT_OFFSET (CharterGanttColors, arrow_critical) },
    { "gantt_float", G_STRUCT_OFFSET (CharterGanttColors, float_color) },
    { "gantt_baseline", G_STRUCT_OFFSET (CharterGanttColors, baseline_color) },
    { "gantt_selection", G_STRUCT_OFFSET (CharterGanttColors, selection_bg) },
    { "gantt_focus", G_STRUCT_OFFSET (CharterGanttColors, focus_color) },
    { "gantt_feedback_bg", G_STRUCT_OFFSET (CharterGanttColors, feedback_bg) },
    { "gantt_feedback_text", G_STRUCT_OFFSET (CharterGanttColors, feedback_fg) },
  };
  CharterGanttColors colors = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    charter_style_lookup_color (GTK_WIDGET (self), roles[i].name,
                                G_STRUCT_MEMBER_P (&colors, roles[i].offset));
  /* Dark means a dark canvas, whichever sheet or theme made it so. */
  colors.dark = charter_timeline_relative_luminance (colors.canvas_bg.red, colors.canvas_bg.green,
                                                     colors.canvas_bg.blue) < 0.5;

  self->colors_valid = TRUE;
  if (memcmp (&colors, &self->colors, sizeof colors) != 0)
    {
      self->colors = colors;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The colours the chart paints with now, as the style sheet has them. */
const CharterGanttColors *
charter_gantt_chart_get_colors (CharterGanttChart *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_CHART (self), NULL);

  if (!self->colors_valid)
    _charter_gantt_chart_update_colors (self);
  return &self->colors;
}

void
charter_gantt_chart_bar_label_color (const GdkRGBA *fill,
                                     GdkRGBA       *label)
{
  double rgb[3];

  g_return_if_fail (fill != NULL && label != NULL);

  rgb[0] = fill->red;
  rgb[1] = fill->green;
  rgb[2] = fill->blue;
  *label = charter_timeline_label_is_dark (rgb) ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
}
