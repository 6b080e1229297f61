/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-render-sink.c: drawing on cairo or writing SVG, one set of calls. */

#define G_LOG_DOMAIN "charter-render"

#include "config.h"

#include <pango/pangocairo.h>

#include "charter-render-sink.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

struct _CharterRenderSink
{
  /* Borrowed: cairo; NULL when writing SVG */
  cairo_t      *cr;
  /* Owned */
  cairo_surface_t *measure_surface;
  cairo_t      *measure_cr;
  PangoLayout  *layout;
  GString      *svg;
  GString      *path;
  guint         n_clips;
  guint         clip_depth;
};

static void
set_font (CharterRenderSink *self,
          double             size,
          CharterTextStyle   style)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, (style & CHARTER_TEXT_BOLD) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, (style & CHARTER_TEXT_ITALIC) ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (self->layout, desc);
}

static void
setup_layout (CharterRenderSink *self,
              cairo_t           *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  self->layout = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (self->layout);
  /* Unhinted metrics: the same layout on paper, in an SVG and on screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_layout_context_changed (self->layout);
  cairo_font_options_destroy (options);
}

/**
 * charter_render_sink_new_cairo:
 * @cr: a cairo context, borrowed for the sink's life
 */
CharterRenderSink *
charter_render_sink_new_cairo (cairo_t *cr)
{
  CharterRenderSink *self = g_new0 (CharterRenderSink, 1);

  self->cr = cr;
  setup_layout (self, cr);
  return self;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/**
 * charter_render_sink_new_svg:
 * @width: the drawing's width in user units (CSS pixels)
 * @height: its height
 * @title: (nullable): the document's title
 */
CharterRenderSink *
charter_render_sink_new_svg (double      width,
                             double      height,
                             const char *title)
{
  CharterRenderSink *self = g_new0 (CharterRenderSink, 1);

  self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->measure_cr = cairo_create (self->measure_surface);
  setup_layout (self, self->measure_cr);
  self->svg = g_string_new (NULL);
  self->path = g_string_new (NULL);
  g_string_append_printf (self->svg,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                          "font-family=\"%s\">\n",
                          width, height, width, height, FONT_FAMILY);
  if (title != NULL)
    {
      g_string_append (self->svg, "<title>");
      append_escaped (self->svg, title);
      g_string_append (self->svg, "</title>\n");
    }
  return self;
}

/**
 * charter_render_sink_finish_svg:
 * @self: an SVG sink
 *
 * Returns: (transfer full): the SVG document
 */
char *
charter_render_sink_finish_svg (CharterRenderSink *self)
{
  g_return_val_if_fail (self->svg != NULL, NULL);

  while (self->clip_depth > 0)
    charter_render_sink_pop_clip (self);
  g_string_append (self->svg, "</svg>\n");
  return g_strdup (self->svg->str);
}

void
charter_render_sink_free (CharterRenderSink *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  g_clear_pointer (&self->measure_cr, cairo_destroy);
  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);
  if (self->svg != NULL)
    g_string_free (self->svg, TRUE);
  if (self->path != NULL)
    g_string_free (self->path, TRUE);
  g_free (self);
}

static void
append_color (GString           *out,
              const char        *attribute,
              const CharterRgba *color)
{
  if (color == NULL)
    {
      g_string_append_printf (out, " %s=\"none\"", attribute);
      return;
    }
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attribute,
                          (guint) (CLAMP (color->red, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (color->green, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (color->blue, 0, 1) * 255 + 0.5));
  if (color->alpha < 1.0)
    g_string_append_printf (out, " %s-opacity=\"%.3g\"", attribute, color->alpha);
}

static void
set_source (cairo_t           *cr,
            const CharterRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
charter_render_sink_begin_group (CharterRenderSink *self,
                                 const char        *id,
                                 const char        *title)
{
  if (self->svg == NULL)
    return;
  g_string_append (self->svg, "<g");
  if (id != NULL)
    {
      g_string_append (self->svg, " id=\"");
      append_escaped (self->svg, id);
      g_string_append (self->svg, "\"");
    }
  g_string_append (self->svg, ">");
  if (title != NULL)
    {
      g_string_append (self->svg, "<title>");
      append_escaped (self->svg, title);
      g_string_append (self->svg, "</title>");
    }
  g_string_append_c (self->svg, '\n');
}

void
charter_render_sink_end_group (CharterRenderSink *self)
{
  if (self->svg != NULL)
    g_string_append (self->svg, "</g>\n");
}

void
charter_render_sink_push_clip (CharterRenderSink *self,
                               double             x,
                               double             y,
                               double             width,
                               double             height)
{
  if (self->cr != NULL)
    {
      cairo_save (self->cr);
      cairo_rectangle (self->cr, x, y, width, height);
      cairo_clip (self->cr);
      return;
    }
  self->n_clips++;
  self->clip_depth++;
  g_string_append_printf (self->svg,
                          "<clipPath id=\"clip%u\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>"
                          "<g clip-path=\"url(#clip%u)\">\n",
                          self->n_clips, x, y, width, height, self->n_clips);
}

void
charter_render_sink_pop_clip (CharterRenderSink *self)
{
  if (self->cr != NULL)
    {
      cairo_restore (self->cr);
      return;
    }
  g_return_if_fail (self->clip_depth > 0);
  self->clip_depth--;
  g_string_append (self->svg, "</g>\n");
}

void
charter_render_sink_rect (CharterRenderSink *self,
                          double             x,
                          double             y,
                          double             width,
                          double             height,
                          double             radius,
                          const CharterRgba *fill,
                          const CharterRgba *stroke,
                          double             line_width)
{
  if (self->cr != NULL)
    {
      cairo_t *cr = self->cr;

      cairo_new_path (cr);
      if (radius > 0)
        {
          radius = MIN (radius, MIN (width, height) / 2);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
          cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
          cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
          cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
        }
      else
        cairo_rectangle (cr, x, y, width, height);
      if (fill != NULL)
        {
          set_source (cr, fill);
          cairo_fill_preserve (cr);
        }
      if (stroke != NULL)
        {
          set_source (cr, stroke);
          cairo_set_line_width (cr, line_width);
          cairo_stroke_preserve (cr);
        }
      cairo_new_path (cr);
      return;
    }
  g_string_append_printf (self->svg, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"",
                          x, y, width, height);
  if (radius > 0)
    g_string_append_printf (self->svg, " rx=\"%.1f\"", radius);
  append_color (self->svg, "fill", fill);
  if (stroke != NULL)
    {
      append_color (self->svg, "stroke", stroke);
      g_string_append_printf (self->svg, " stroke-width=\"%.2f\"", line_width);
    }
  g_string_append (self->svg, "/>\n");
}

void
charter_render_sink_line (CharterRenderSink *self,
                          double             x0,
                          double             y0,
                          double             x1,
                          double             y1,
                          const CharterRgba *color,
                          double             line_width)
{
  if (self->cr != NULL)
    {
      cairo_new_path (self->cr);
      cairo_move_to (self->cr, x0, y0);
      cairo_line_to (self->cr, x1, y1);
      set_source (self->cr, color);
      cairo_set_line_width (self->cr, line_width);
      cairo_stroke (self->cr);
      return;
    }
  g_string_append_printf (self->svg, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"",
                          x0, y0, x1, y1);
  append_color (self->svg, "stroke", color);
  g_string_append_printf (self->svg, " stroke-width=\"%.2f\"/>\n", line_width);
}

void
charter_render_sink_move_to (CharterRenderSink *self,
                             double             x,
                             double             y)
{
  if (self->cr != NULL)
    cairo_move_to (self->cr, x, y);
  else
    g_string_append_printf (self->path, "M%.2f %.2f ", x, y);
}

void
charter_render_sink_line_to (CharterRenderSink *self,
                             double             x,
                             double             y)
{
  if (self->cr != NULL)
    cairo_line_to (self->cr, x, y);
  else
    g_string_append_printf (self->path, "L%.2f %.2f ", x, y);
}

void
charter_render_sink_curve_to (CharterRenderSink *self,
                              double             x1,
                              double             y1,
                              double             x2,
                              double             y2,
                              double             x3,
                              double             y3)
{
  if (self->cr != NULL)
    cairo_curve_to (self->cr, x1, y1, x2, y2, x3, y3);
  else
    g_string_append_printf (self->path, "C%.2f %.2f %.2f %.2f %.2f %.2f ", x1, y1, x2, y2, x3, y3);
}

void
charter_render_sink_close_path (CharterRenderSink *self)
{
  if (self->cr != NULL)
    cairo_close_path (self->cr);
  else
    g_string_append (self->path, "Z ");
}

static void
flush_path (CharterRenderSink *self,
            const CharterRgba *fill,
            const CharterRgba *stroke,
            double             line_width)
{
  g_string_append (self->svg, "<path d=\"");
  g_string_append_len (self->svg, self->path->str, self->path->len > 0 ? self->path->len - 1 : 0);
  g_string_append_c (self->svg, '"');
  append_color (self->svg, "fill", fill);
  if (stroke != NULL)
    {
      append_color (self->svg, "stroke", stroke);
      g_string_append_printf (self->svg, " stroke-width=\"%.2f\"", line_width);
    }
  g_string_append (self->svg, "/>\n");
  g_string_truncate (self->path, 0);
}

void
charter_render_sink_fill_path (CharterRenderSink *self,
                               const CharterRgba *color)
{
  if (self->cr != NULL)
    {
      set_source (self->cr, color);
      cairo_fill (self->cr);
      return;
    }
  flush_path (self, color, NULL, 0);
}

void
charter_render_sink_stroke_path (CharterRenderSink *self,
                                 const CharterRgba *color,
                                 double             line_width)
{
  if (self->cr != NULL)
    {
      set_source (self->cr, color);
      cairo_set_line_width (self->cr, line_width);
      cairo_stroke (self->cr);
      return;
    }
  flush_path (self, NULL, color, line_width);
}

static void
prepare (CharterRenderSink *self,
         double             wrap_width,
         const char        *text,
         double             size,
         CharterTextStyle   style)
{
  set_font (self, size, style);
  pango_layout_set_width (self->layout, wrap_width > 0 ? (int) (wrap_width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->layout, text, -1);
}

/**
 * charter_render_sink_measure:
 *
 * Returns: the width of @text on one line, in user units
 */
double
charter_render_sink_measure (CharterRenderSink *self,
                             const char        *text,
                             double             size,
                             CharterTextStyle   style)
{
  PangoRectangle logical;

  prepare (self, -1, text, size, style);
  pango_layout_get_extents (self->layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/**
 * charter_render_sink_text_height:
 *
 * Returns: the height @text takes wrapped at @wrap_width (or on one line
 *   when @wrap_width is 0 or less)
 */
double
charter_render_sink_text_height (CharterRenderSink *self,
                                 double             wrap_width,
                                 const char        *text,
                                 double             size,
                                 CharterTextStyle   style)
{
  PangoRectangle logical;

  prepare (self, wrap_width, text, size, style);
  pango_layout_get_extents (self->layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/**
 * charter_render_sink_text:
 * @x: the left edge (or the centre, or the right edge, by @align)
 * @y: the top of the first line
 * @wrap_width: width to wrap at, or 0 for one line
 *
 * Draws text that stays text: selectable in a PDF, a <text> in an SVG.
 *
 * Returns: the height it took
 */
double
charter_render_sink_text (CharterRenderSink *self,
                          double             x,
                          double             y,
                          double             wrap_width,
                          const char        *text,
                          double             size,
                          CharterTextStyle   style,
                          CharterTextAlign   align,
                          const CharterRgba *color)
{
  PangoRectangle logical;
  PangoLayoutIter *iter;
  double width;

  if (text == NULL || *text == '\0')
    return 0;
  prepare (self, wrap_width, text, size, style);
  pango_layout_get_extents (self->layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  if (align == CHARTER_ALIGN_CENTER)
    x -= width / 2;
  else if (align == CHARTER_ALIGN_END)
    x -= width;

  if (self->cr != NULL)
    {
      cairo_move_to (self->cr, x, y);
      set_source (self->cr, color);
      pango_cairo_show_layout (self->cr, self->layout);
      cairo_new_path (self->cr);
      return (double) logical.height / PANGO_SCALE;
    }

  /* One <text> per line, at Pango's line breaks and baselines. */
  iter = pango_layout_get_iter (self->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle line_logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      g_autofree char *part = NULL;

      pango_layout_iter_get_line_extents (iter, NULL, &line_logical);
      part = g_strndup (text + line->start_index, line->length);
      g_strchomp (part);
      if (*part == '\0')
        continue;
      g_string_append_printf (self->svg, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\"",
                              x + (double) line_logical.x / PANGO_SCALE,
                              y + (double) baseline / PANGO_SCALE, size);
      if (style & CHARTER_TEXT_BOLD)
        g_string_append (self->svg, " font-weight=\"bold\"");
      if (style & CHARTER_TEXT_ITALIC)
        g_string_append (self->svg, " font-style=\"italic\"");
      append_color (self->svg, "fill", color);
      g_string_append (self->svg, " xml:space=\"preserve\">");
      append_escaped (self->svg, part);
      g_string_append (self->svg, "</text>\n");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return (double) logical.height / PANGO_SCALE;
}
