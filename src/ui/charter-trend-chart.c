/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-trend-chart.c: the milestone trend chart (Meilensteintrendanalyse)
 * — check-in dates across, forecast dates up, one line per milestone (the
 * launch drawn strongest) and the P80 of each check-in where the forecast
 * has uncertainty. A line that climbs is a date that slips; a flat one is a
 * date that holds. The diagonal marks "forecast = today": a milestone that
 * reaches it is done.
 *
 * The numbers are charter-trend.c's; this widget only draws them, in the
 * named colours of style.css (charter_gantt_* for canvas, text, grid,
 * launch and P80, charter_trend_line_* for other milestones). What it shows
 * is also its accessible description, one sentence about the launch. */

#define G_LOG_DOMAIN "charter-trend-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-style.h"
#include "charter-timeline-geometry.h"
#include "charter-trend-chart.h"

#define MARGIN_LEFT   96.0
#define MARGIN_RIGHT  24.0
#define MARGIN_TOP    16.0
#define MARGIN_BOTTOM 40.0
#define LEGEND_GAP    12.0
#define N_LINE_COLORS 4

struct _CharterTrendChart
{
  GtkWidget        parent_instance;

  /* Owned */
  CharterSchedule *schedule;
  CharterTrend    *trend;
  char            *summary;
};

G_DEFINE_FINAL_TYPE (CharterTrendChart, charter_trend_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ---------------------------------------------------------- */

static char *
format_day (guint32 julian,
            const char *format)
{
  return charter_timeline_format_day (julian, format);
}

static const char *
milestone_name (CharterTrendChart *self,
                guint              milestone)
{
  return charter_schedule_get_task_name (self->schedule, charter_trend_get_milestone_task (self->trend, milestone));
}

static int
launch_milestone (CharterTrendChart *self)
{
  for (guint m = 0; m < charter_trend_get_n_milestones (self->trend); m++)
    if (charter_trend_is_launch (self->trend, m))
      return m;
  return -1;
}

static char *
make_summary (CharterTrendChart *self)
{
  guint n;
  int launch;
  guint32 first, last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int moved;

  if (self->trend == NULL)
    return g_strdup (_("No trend: the plan cannot be scheduled."));
  n = charter_trend_get_n_points (self->trend);
  if (n == 0)
    return g_strdup (_("No check-ins yet: the trend starts with the first check-in."));
  launch = launch_milestone (self);
  if (launch < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in, no milestones to follow.",
                                         "%u check-ins, no milestones to follow.", n), n);

  first = charter_trend_get_forecast (self->trend, 0, launch);
  last = charter_trend_get_forecast (self->trend, n - 1, launch);
  /* Translators: a date in the trend's summary, strftime format */
  from = format_day (first, _("%-d %B %Y"));
  to = format_day (last, _("%-d %B %Y"));
  if (n == 1)
    return g_strdup_printf (_("“%s” forecast for %s at the first check-in."), milestone_name (self, launch), to);

  moved = charter_schedule_get_slip_days (self->schedule, first, last);
  if (moved == 0)
    /* Translators: "“Launch” held at 18 May 2027 over 3 check-ins." */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” held at %s over %u check-in.",
                                         "“%s” held at %s over %u check-ins.", n),
                            milestone_name (self, launch), to, n);
  else
    {
      g_autofree char *days = moved > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day later", "%d working days later", moved), moved)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day earlier", "%d working days earlier", -moved), -moved);

      /* Translators: "“Launch” moved from 12 May 2027 to 19 May 2027 over 3 check-ins (5 working days later)." */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” moved from %s to %s over %u check-in (%s).",
                                           "“%s” moved from %s to %s over %u check-ins (%s).", n),
                              milestone_name (self, launch), from, to, n, days);
    }
}

static void
update_summary (CharterTrendChart *self)
{
  g_autofree char *summary = make_summary (self);

  if (g_strcmp0 (summary, self->summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
show_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         xalign,
           double         yalign,
           const GdkRGBA *color,
           double        *width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_source (cr, color);
  cairo_move_to (cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (cr, layout);
  if (width != NULL)
    *width = w;
}

static gboolean
projector (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "projector");
}

/* ---- Drawing ---------------------------------------------------------- */

typedef struct
{
  double x0, x1, y0, y1;    /* the plot area */
  guint32 d0, d1;           /* check-in dates across */
  guint32 f0, f1;           /* forecast dates up */
} Frame;

static double
frame_x (const Frame *frame,
         guint32      day)
{
  if (frame->d1 == frame->d0)
    return (frame->x0 + frame->x1) / 2;
  return frame->x0 + (frame->x1 - frame->x0) * (double) (day - frame->d0) / (frame->d1 - frame->d0);
}

static double
frame_y (const Frame *frame,
         guint32      day)
{
  return frame->y1 - (frame->y1 - frame->y0) * (double) (day - frame->f0) / MAX (frame->f1 - frame->f0, 1);
}

static void
line_color (CharterTrendChart *self,
            guint              milestone,
            guint              other_index,
            GdkRGBA           *color)
{
  char name[32];

  if (charter_trend_is_launch (self->trend, milestone))
    {
      charter_style_lookup_color (GTK_WIDGET (self), "gantt_launch", color);
      return;
    }
  g_snprintf (name, sizeof name, "trend_line_%u", other_index % N_LINE_COLORS + 1);
  charter_style_lookup_color (GTK_WIDGET (self), name, color);
}

static void
draw_legend (CharterTrendChart *self,
             cairo_t           *cr,
             double             x,
             double             y,
             const GdkRGBA     *text,
             const GdkRGBA     *p80,
             gboolean           with_p80)
{
  guint other = 0;

  for (guint m = 0; m < charter_trend_get_n_milestones (self->trend); m++)
    {
      GdkRGBA color;
      double w = 0;

      line_color (self, m, charter_trend_is_launch (self->trend, m) ? 0 : other++, &color);
      set_source (cr, &color);
      cairo_set_line_width (cr, charter_trend_is_launch (self->trend, m) ? 3.5 : 2.5);
      cairo_move_to (cr, x, y + 8);
      cairo_line_to (cr, x + 22, y + 8);
      cairo_stroke (cr);
      show_text (GTK_WIDGET (self), cr, milestone_name (self, m), x + 28, y + 8, 0, 0.5, text, &w);
      x += 28 + w + LEGEND_GAP * 2;
    }
  if (with_p80)
    {
      const double dash[] = { 6, 4 };

      set_source (cr, p80);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, y + 8);
      cairo_line_to (cr, x + 22, y + 8);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* Translators: the legend of the trend's dashed line */
      /* xgettext:no-c-format */
      show_text (GTK_WIDGET (self), cr, _("80 % date of the launch"), x + 28, y + 8, 0, 0.5, text, NULL);
    }
}

static void
draw (CharterTrendChart *self,
      cairo_t           *cr,
      double             width,
      double             height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA bg, text, dim, grid, strong, p80;
  guint n = charter_trend_get_n_points (self->trend);
  guint n_milestones = charter_trend_get_n_milestones (self->trend);
  gboolean with_p80 = FALSE;
  double scale = projector (widget) ? 1.5 : 1.0;
  Frame frame;
  guint32 f0 = G_MAXUINT32, f1 = 0;
  guint other = 0;
  int ticks;

  charter_style_lookup_color (widget, "gantt_canvas_bg", &bg);
  charter_style_lookup_color (widget, "gantt_text", &text);
  charter_style_lookup_color (widget, "gantt_dim_text", &dim);
  charter_style_lookup_color (widget, "gantt_grid_line", &grid);
  charter_style_lookup_color (widget, "gantt_strong_line", &strong);
  charter_style_lookup_color (widget, "gantt_p80", &p80);

  set_source (cr, &bg);
  cairo_paint (cr);

  for (guint p = 0; p < n; p++)
    {
      for (guint m = 0; m < n_milestones; m++)
        {
          guint32 f = charter_trend_get_forecast (self->trend, p, m);

          if (f == 0)
            continue;
          f0 = MIN (f0, f);
          f1 = MAX (f1, f);
        }
      if (charter_trend_get_p80 (self->trend, p) != 0)
        {
          with_p80 = TRUE;
          f0 = MIN (f0, charter_trend_get_p80 (self->trend, p));
          f1 = MAX (f1, charter_trend_get_p80 (self->trend, p));
        }
    }

  draw_legend (self, cr, MARGIN_LEFT, MARGIN_TOP, &text, &p80, with_p80);
  if (n == 0 || f1 == 0)
    {
      show_text (widget, cr, self->summary, width / 2, height / 2, 0.5, 0.5, &dim, NULL);
      return;
    }

  /* A week of air above and below, so that a flat line is not on an edge. */
  frame.f0 = f0 - 7;
  frame.f1 = f1 + 7;
  frame.d0 = charter_trend_get_date (self->trend, 0);
  frame.d1 = charter_trend_get_date (self->trend, n - 1);
  frame.x0 = MARGIN_LEFT + 16;
  frame.x1 = width - MARGIN_RIGHT - 16;
  frame.y0 = MARGIN_TOP + 40;
  frame.y1 = height - MARGIN_BOTTOM;
  if (frame.x1 <= frame.x0 || frame.y1 <= frame.y0)
    return;

  /* Axes and grid: forecast dates up, check-in dates across. */
  cairo_set_line_width (cr, 1);
  ticks = MAX ((int) ((frame.y1 - frame.y0) / 48), 2);
  for (int t = 0; t <= ticks; t++)
    {
      guint32 day = frame.f0 + (guint32) ((double) (frame.f1 - frame.f0) * t / ticks);
      double y = frame_y (&frame, day);
      /* Translators: a date on the trend's axes, strftime format */
      g_autofree char *label = format_day (day, _("%-d %b"));

      set_source (cr, &grid);
      cairo_move_to (cr, MARGIN_LEFT, round (y) + 0.5);
      cairo_line_to (cr, width - MARGIN_RIGHT, round (y) + 0.5);
      cairo_stroke (cr);
      show_text (widget, cr, label, MARGIN_LEFT - 8, y, 1, 0.5, &dim, NULL);
    }
  for (guint p = 0; p < n; p++)
    {
      guint32 day = charter_trend_get_date (self->trend, p);
      double x = frame_x (&frame, day);
      g_autofree char *label = format_day (day, _("%-d %b"));

      set_source (cr, &grid);
      cairo_move_to (cr, round (x) + 0.5, frame.y0);
      cairo_line_to (cr, round (x) + 0.5, frame.y1);
      cairo_stroke (cr);
      show_text (widget, cr, label, x, frame.y1 + 8, 0.5, 0, &dim, NULL);
    }
  set_source (cr, &strong);
  cairo_move_to (cr, MARGIN_LEFT + 0.5, frame.y0);
  cairo_line_to (cr, MARGIN_LEFT + 0.5, frame.y1 + 0.5);
  cairo_line_to (cr, width - MARGIN_RIGHT, frame.y1 + 0.5);
  cairo_stroke (cr);

  /* The diagonal, forecast = check-in date, where it crosses the plot. */
  if (frame.d1 > frame.d0)
    {
      const double dash[] = { 2, 4 };

      cairo_save (cr);
      cairo_rectangle (cr, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
      cairo_clip (cr);
      set_source (cr, &dim);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, frame_x (&frame, frame.d0), frame_y (&frame, frame.d0));
      cairo_line_to (cr, frame_x (&frame, frame.d1), frame_y (&frame, frame.d1));
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The P80 of each check-in, dashed. */
  if (with_p80)
    {
      const double dash[] = { 6, 4 };
      gboolean started = FALSE;

      set_source (cr, &p80);
      cairo_set_line_width (cr, 2 * scale);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      for (guint p = 0; p < n; p++)
        {
          guint32 day = charter_trend_get_p80 (self->trend, p);
          double x = frame_x (&frame, charter_trend_get_date (self->trend, p));

          if (day == 0)
            continue;
          if (started)
            cairo_line_to (cr, x, frame_y (&frame, day));
          else
            cairo_move_to (cr, x, frame_y (&frame, day));
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* One line per milestone, the launch last so that it is on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint m = 0; m < n_milestones; m++)
      {
        gboolean launch = charter_trend_is_launch (self->trend, m);
        GdkRGBA color;
        gboolean started = FALSE;

        if (launch != (pass == 1))
          continue;
        line_color (self, m, launch ? 0 : other++, &color);
        set_source (cr, &color);
        cairo_set_line_width (cr, (launch ? 3.5 : 2.5) * scale);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        for (guint p = 0; p < n; p++)
          {
            guint32 day = charter_trend_get_forecast (self->trend, p, m);
            double x = frame_x (&frame, charter_trend_get_date (self->trend, p));

            if (day == 0)
              continue;
            if (started)
              cairo_line_to (cr, x, frame_y (&frame, day));
            else
              cairo_move_to (cr, x, frame_y (&frame, day));
            started = TRUE;
          }
        cairo_stroke (cr);
        for (guint p = 0; p < n; p++)
          {
            guint32 day = charter_trend_get_forecast (self->trend, p, m);

            if (day == 0)
              continue;
            cairo_arc (cr, frame_x (&frame, charter_trend_get_date (self->trend, p)), frame_y (&frame, day),
                       (launch ? 5 : 4) * scale, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }
}

/* ---- Overrides -------------------------------------------------------- */

static void
charter_trend_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CharterTrendChart *self = CHARTER_TREND_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->trend != NULL)
    draw (self, cr, width, height);
  else
    {
      GdkRGBA bg, dim;

      charter_style_lookup_color (widget, "gantt_canvas_bg", &bg);
      charter_style_lookup_color (widget, "gantt_dim_text", &dim);
      set_source (cr, &bg);
      cairo_paint (cr);
      if (self->summary != NULL)
        show_text (widget, cr, self->summary, width / 2, height / 2, 0.5, 0.5, &dim, NULL);
    }
  cairo_destroy (cr);
}

static void
charter_trend_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 420;
}

static void
charter_trend_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (charter_trend_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
charter_trend_chart_finalize (GObject *object)
{
  CharterTrendChart *self = CHARTER_TREND_CHART (object);

  g_clear_pointer (&self->trend, charter_trend_free);
  g_clear_object (&self->schedule);
  g_free (self->summary);

  G_OBJECT_CLASS (charter_trend_chart_parent_class)->finalize (object);
}

static void
charter_trend_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CharterTrendChart *self = CHARTER_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_trend_chart_class_init (CharterTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = charter_trend_chart_finalize;
  object_class->get_property = charter_trend_chart_get_property;
  widget_class->snapshot = charter_trend_chart_snapshot;
  widget_class->measure = charter_trend_chart_measure;
  widget_class->css_changed = charter_trend_chart_css_changed;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
charter_trend_chart_init (CharterTrendChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Milestone trend"), -1);
  charter_style_ensure (gdk_display_get_default ());
  update_summary (self);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
charter_trend_chart_new (void)
{
  return g_object_new (CHARTER_TYPE_TREND_CHART, NULL);
}

/**
 * charter_trend_chart_set_trend:
 * @self: the chart
 * @schedule: (nullable): the schedule @trend was made from (for names and
 *   working days)
 * @trend: (nullable) (transfer full): the trend to draw
 *
 * Shows @trend; %NULL shows that the plan cannot be scheduled.
 */
void
charter_trend_chart_set_trend (CharterTrendChart *self,
                               CharterSchedule   *schedule,
                               CharterTrend      *trend)
{
  g_return_if_fail (CHARTER_IS_TREND_CHART (self));
  g_return_if_fail ((schedule == NULL) == (trend == NULL));

  g_set_object (&self->schedule, schedule);
  g_clear_pointer (&self->trend, charter_trend_free);
  self->trend = trend;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * charter_trend_chart_get_trend:
 * @self: the chart
 *
 * Returns: (transfer none) (nullable): the trend it draws
 */
CharterTrend *
charter_trend_chart_get_trend (CharterTrendChart *self)
{
  g_return_val_if_fail (CHARTER_IS_TREND_CHART (self), NULL);
  return self->trend;
}

/**
 * charter_trend_chart_get_n_points:
 * @self: the chart
 *
 * Returns: how many check-ins it draws a point for
 */
guint
charter_trend_chart_get_n_points (CharterTrendChart *self)
{
  g_return_val_if_fail (CHARTER_IS_TREND_CHART (self), 0);
  return self->trend ? charter_trend_get_n_points (self->trend) : 0;
}

/**
 * charter_trend_chart_get_summary:
 * @self: the chart
 *
 * Returns: one sentence about how the launch moved, also the chart's
 *   accessible description
 */
const char *
charter_trend_chart_get_summary (CharterTrendChart *self)
{
  g_return_val_if_fail (CHARTER_IS_TREND_CHART (self), NULL);
  return self->summary;
}
