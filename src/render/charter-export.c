/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-export.c: formats, paper, pages, and the spec and deck, which are
 * the Markdown export's content set in type (one source for both, so that
 * the PDF never says something the Markdown does not). */

#define G_LOG_DOMAIN "charter-render"

#include "config.h"

#include <cairo-pdf.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "charter-export.h"
#include "charter-markdown.h"
#include "charter-render-private.h"

const CharterRgba charter_render_text = { 0, 0, 0, 1 };
const CharterRgba charter_render_dim_text = { 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, 1 };
const CharterRgba charter_render_canvas_bg = { 1, 1, 1, 1 };

#define PDF_MARGIN 36.0
/* The timeline and graph on paper: a little smaller than on screen. */
#define PAPER_SCALE 0.75
#define MAX_COLUMNS_ACROSS 2

G_DEFINE_QUARK (charter-export-error-quark, charter_export_error)

void
charter_export_options_init (CharterExportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->paper = charter_export_paper_from_locale ();
}

gboolean
charter_export_parse_format (const char          *name,
                             CharterExportFormat *format)
{
  if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = CHARTER_EXPORT_PDF;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = CHARTER_EXPORT_SVG;
  else if (g_ascii_strcasecmp (name, "png") == 0)
    *format = CHARTER_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

gboolean
charter_export_parse_view (const char        *name,
                           CharterExportView *view)
{
  if (g_strcmp0 (name, "timeline") == 0)
    *view = CHARTER_EXPORT_VIEW_TIMELINE;
  else if (g_strcmp0 (name, "graph") == 0)
    *view = CHARTER_EXPORT_VIEW_GRAPH;
  else if (g_strcmp0 (name, "spec") == 0)
    *view = CHARTER_EXPORT_VIEW_SPEC;
  else if (g_strcmp0 (name, "deck") == 0)
    *view = CHARTER_EXPORT_VIEW_DECK;
  else
    return FALSE;
  return TRUE;
}

/**
 * charter_export_paper_from_locale:
 *
 * Letter where LC_PAPER's width is 216 mm (the United States, Canada,
 * Mexico…), else A4. The app asks GTK (gtk_paper_size_get_default()) instead.
 */
CharterPaper
charter_export_paper_from_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  const char *previous = setlocale (LC_PAPER, NULL);
  g_autofree char *saved = g_strdup (previous);
  union { char *string; unsigned int word; } width;

  setlocale (LC_PAPER, "");
  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (saved != NULL)
    setlocale (LC_PAPER, saved);
  if (width.word == 216)
    return CHARTER_PAPER_LETTER;
#endif
  return CHARTER_PAPER_A4;
}

void
charter_export_paper_size (CharterPaper paper,
                           gboolean     landscape,
                           double      *width,
                           double      *height)
{
  double w = paper == CHARTER_PAPER_LETTER ? 612 : 595.28;
  double h = paper == CHARTER_PAPER_LETTER ? 792 : 841.89;

  *width = landscape ? h : w;
  *height = landscape ? w : h;
}

/* The spec's title, else the document's (its file name). */
char *
charter_render_title (CharterDocument *document)
{
  CharterSpec *spec = charter_document_get_spec (document);
  const char *title = spec ? charter_spec_get_title (spec) : NULL;

  if (title == NULL || *title == '\0')
    title = charter_document_get_title (document);
  return g_strdup (title ? title : "");
}

void
charter_render_team_color (CharterDocument *document,
                           const char      *team_id,
                           CharterRgba     *color,
                           guint           *pattern)
{
  GListModel *teams = charter_document_get_teams (document);
  CharterItem *item = team_id ? charter_document_find (document, teams, team_id) : NULL;
  guint position;

  if (pattern != NULL)
    *pattern = 0;
  if (item == NULL || !CHARTER_IS_TEAM (item))
    {
      charter_palette_parse (CHARTER_PALETTE_NO_TEAM, color);
      return;
    }
  for (position = 0; position < g_list_model_get_n_items (teams); position++)
    {
      g_autoptr(GObject) team = g_list_model_get_item (teams, position);

      if (team == (GObject *) item)
        break;
    }
  if (charter_palette_parse (charter_team_get_color (CHARTER_TEAM (item)), color))
    return;
  charter_palette_color_at (position, color, pattern);
}

void
charter_render_hatch (CharterRenderSink *sink,
                      double             x,
                      double             y,
                      double             width,
                      double             height)
{
  static const CharterRgba stripe = { 1, 1, 1, 0.7 };

  charter_render_sink_push_clip (sink, x, y, width, height);
  for (double d = -height; d < width; d += 7)
    charter_render_sink_line (sink, x + d, y + height, x + d + height, y, &stripe, 2.5);
  charter_render_sink_pop_clip (sink);
}

char *
charter_render_fit_text (CharterRenderSink *sink,
                         const char        *text,
                         double             size,
                         CharterTextStyle   style,
                         double             max_width)
{
  g_autofree char *candidate = NULL;
  glong length;

  if (text == NULL)
    return g_strdup ("");
  if (charter_render_sink_measure (sink, text, size, style) <= max_width)
    return g_strdup (text);
  length = g_utf8_strlen (text, -1);
  /* Shorten by whole characters until it fits with an ellipsis. */
  for (glong keep = length - 1; keep > 0; keep--)
    {
      g_autofree char *head = g_utf8_substring (text, 0, keep);

      g_free (candidate);
      candidate = g_strconcat (g_strchomp (head), "…", NULL);
      if (charter_render_sink_measure (sink, candidate, size, style) <= max_width)
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

/* ==== The spec and the deck: blocks of text from the Markdown export ==== */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SECTION,
  BLOCK_SUBSECTION,
  BLOCK_PARAGRAPH,
  BLOCK_QUOTE,
  BLOCK_BULLET,
} BlockKind;

typedef struct
{
  BlockKind kind;
  char     *text;
} Block;

static void
block_clear (gpointer data)
{
  g_free (((Block *) data)->text);
}

/* CommonMark's escapes and emphasis marks, which a page shows as plain text. */
static char *
unescape (const char *line)
{
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, *++p);
          continue;
        }
      if (p[0] == '*' && p[1] == '*')
        {
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GArray *
parse_blocks (const char *markdown)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  BlockKind kind = BLOCK_PARAGRAPH;

  g_array_set_clear_func (blocks, block_clear);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      BlockKind line_kind = BLOCK_PARAGRAPH;
      const char *body = line;
      gboolean flush;

      if (line != NULL)
        {
          if (g_str_has_prefix (line, "# "))
            line_kind = BLOCK_TITLE, body = line + 2;
          else if (g_str_has_prefix (line, "## "))
            line_kind = BLOCK_SECTION, body = line + 3;
          else if (g_str_has_prefix (line, "### "))
            line_kind = BLOCK_SUBSECTION, body = line + 4;
          else if (g_str_has_prefix (line, "> "))
            line_kind = BLOCK_QUOTE, body = line + 2;
          else if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* "))
            line_kind = BLOCK_BULLET, body = line + 2;
        }
      /* A block ends at a blank line, a heading, a new bullet or a change of kind. */
      flush = line == NULL || *line == '\0' || line_kind <= BLOCK_SUBSECTION ||
              line_kind == BLOCK_BULLET || (paragraph->len > 0 && line_kind != kind &&
                                           !(kind == BLOCK_BULLET && line_kind == BLOCK_PARAGRAPH));
      if (flush && paragraph->len > 0)
        {
          Block block = { kind, unescape (paragraph->str) };

          g_array_append_val (blocks, block);
          g_string_truncate (paragraph, 0);
        }
      if (line == NULL)
        break;
      if (*line == '\0')
        continue;
      if (paragraph->len == 0)
        kind = line_kind;
      else
        g_string_append_c (paragraph, kind == BLOCK_QUOTE ? '\n' : ' ');
      g_string_append (paragraph, body);
      if (line_kind <= BLOCK_SUBSECTION)
        {
          Block block = { line_kind, unescape (paragraph->str) };

          g_array_append_val (blocks, block);
          g_string_truncate (paragraph, 0);
        }
    }
  return blocks;
}

typedef struct
{
  double           size;
  CharterTextStyle style;
  double           indent;
  double           space_before;
} BlockStyle;

static BlockStyle
block_style (BlockKind kind,
             double    scale)
{
  BlockStyle s = { 11, 0, 0, 4 };

  switch (kind)
    {
    case BLOCK_TITLE:      s = (BlockStyle) { 22, CHARTER_TEXT_BOLD, 0, 0 }; break;
    case BLOCK_SECTION:    s = (BlockStyle) { 15, CHARTER_TEXT_BOLD, 0, 14 }; break;
    case BLOCK_SUBSECTION: s = (BlockStyle) { 12.5, CHARTER_TEXT_BOLD, 0, 8 }; break;
    case BLOCK_QUOTE:      s = (BlockStyle) { 10.5, CHARTER_TEXT_ITALIC, 16, 4 }; break;
    case BLOCK_BULLET:     s = (BlockStyle) { 11, 0, 14, 2 }; break;
    case BLOCK_PARAGRAPH:
    default:
      break;
    }
  s.size *= scale;
  s.indent *= scale;
  s.space_before *= scale;
  return s;
}

/* A page of the spec or a slide: blocks [first, last) of a section. */
typedef struct
{
  guint first;
  guint last;
  int   special;   /* a deck's timeline or graph slide: the view + 1 */
} TextPage;

struct _CharterExportPages
{
  CharterExportView       view;
  double                  page_width;
  double                  page_height;
  /* timeline */
  CharterTimelineDrawing *timeline;
  GArray                 *row_breaks;
  GArray                 *timeline_pages;  /* row page * n_columns + column, of pages with bars */
  guint                   n_columns;
  double                  chart_width;
  double                  scale;
  /* graph */
  CharterGraphDrawing    *graph;
  /* spec and deck */
  GArray                 *blocks;
  GArray                 *text_pages;
  double                  text_scale;
  char                   *title;
};

void
charter_export_pages_free (CharterExportPages *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->timeline, charter_timeline_drawing_free);
  g_clear_pointer (&self->graph, charter_graph_drawing_free);
  g_clear_pointer (&self->row_breaks, g_array_unref);
  g_clear_pointer (&self->timeline_pages, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->text_pages, g_array_unref);
  g_free (self->title);
  g_free (self);
}

static double
block_height (CharterRenderSink *sink,
              const Block       *block,
              double             scale,
              double             width)
{
  BlockStyle s = block_style (block->kind, scale);

  return s.space_before + charter_render_sink_text_height (sink, width - s.indent, block->text, s.size, s.style);
}

static void
paginate_text (CharterExportPages *self,
               gboolean            deck)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  CharterRenderSink *sink = charter_render_sink_new_cairo (cr);
  double width = self->page_width - 2 * (deck ? 2 : 1.5) * PDF_MARGIN;
  double height = self->page_height - 2 * (deck ? 1.5 : 1.5) * PDF_MARGIN - 20;
  TextPage page = { 0, 0, 0 };
  double used = 0;

  self->text_pages = g_array_new (FALSE, FALSE, sizeof (TextPage));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      double h = block_height (sink, block, self->text_scale, width);
      /* A deck starts a slide at every section; the spec keeps a heading
       * with the block after it. */
      gboolean new_slide = deck && block->kind == BLOCK_SECTION && page.last > page.first;
      gboolean heading = block->kind <= BLOCK_SUBSECTION;
      double need = h;

      if (heading && !deck && i + 1 < self->blocks->len)
        need += block_height (sink, &g_array_index (self->blocks, Block, i + 1), self->text_scale, width);
      if (new_slide || (used + need > height && page.last > page.first))
        {
          g_array_append_val (self->text_pages, page);
          page.first = page.last = i;
          used = 0;
        }
      page.last = i + 1;
      used += h;
    }
  if (page.last > page.first)
    g_array_append_val (self->text_pages, page);

  charter_render_sink_free (sink);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * charter_export_pages_new:
 * @schedule: (nullable): required for the timeline
 * @page_width: the page's printable width, in points
 * @page_height: its printable height
 *
 * Returns: (nullable): the pages, or %NULL with @error set
 */
CharterExportPages *
charter_export_pages_new (CharterDocument            *document,
                          CharterSchedule            *schedule,
                          CharterExportView           view,
                          const CharterExportOptions *options,
                          double                      page_width,
                          double                      page_height,
                          GError                    **error)
{
  g_autoptr(CharterExportPages) self = g_new0 (CharterExportPages, 1);

  self->view = view;
  self->page_width = page_width;
  self->page_height = page_height;
  self->title = charter_render_title (document);

  if (schedule == NULL && (view == CHARTER_EXPORT_VIEW_TIMELINE || view == CHARTER_EXPORT_VIEW_DECK))
    {
      g_set_error_literal (error, CHARTER_EXPORT_ERROR, CHARTER_EXPORT_ERROR_SCHEDULE,
                           _("The plan cannot be scheduled, so it has no timeline to export"));
      return NULL;
    }

  if (view == CHARTER_EXPORT_VIEW_TIMELINE)
    {
      double w, h, column, header;

      self->timeline = charter_timeline_drawing_new (document, schedule, options);
      column = charter_timeline_drawing_get_column_width (self->timeline);
      header = charter_timeline_drawing_get_header_height (self->timeline);
      self->scale = PAPER_SCALE;
      self->chart_width = MAX (page_width / self->scale - column, 100);
      /* A long plan is drawn narrower so that it spans at most two pages
       * across (as the Timeline's Months zoom, never under a point a day). */
      {
        guint days = charter_timeline_drawing_get_n_days (self->timeline);
        double ppd = CLAMP (MAX_COLUMNS_ACROSS * self->chart_width / days, 1.0 / PAPER_SCALE, 12.0);

        charter_timeline_drawing_set_pixels_per_day (self->timeline, ppd);
      }
      charter_timeline_drawing_get_size (self->timeline, &w, &h);
      self->n_columns = MAX (1, (guint) ceil ((w - column) / self->chart_width));
      self->row_breaks = charter_timeline_drawing_break_rows (self->timeline,
                                                              page_height / self->scale - header);
      /* Pages without a bar are left out (a long plan's bars run on a
       * diagonal: most of the grid would be empty paper); each band of
       * rows keeps at least its first page, so every task is named. */
      self->timeline_pages = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint r = 0; r + 1 < self->row_breaks->len; r++)
        {
          double top = g_array_index (self->row_breaks, double, r);
          double bottom = g_array_index (self->row_breaks, double, r + 1);
          guint before = self->timeline_pages->len;

          for (guint c = 0; c < self->n_columns; c++)
            if (charter_timeline_drawing_has_bars (self->timeline, c * self->chart_width, self->chart_width,
                                                   top, bottom - top))
              {
                guint page = r * self->n_columns + c;

                g_array_append_val (self->timeline_pages, page);
              }
          if (self->timeline_pages->len == before)
            {
              guint page = r * self->n_columns;

              g_array_append_val (self->timeline_pages, page);
            }
        }
      return g_steal_pointer (&self);
    }
  if (view == CHARTER_EXPORT_VIEW_GRAPH)
    {
      self->graph = charter_graph_drawing_new (document, schedule, options);
      return g_steal_pointer (&self);
    }

  {
    g_autofree char *markdown = charter_markdown_export (document);

    self->blocks = parse_blocks (markdown);
    self->text_scale = view == CHARTER_EXPORT_VIEW_DECK ? 1.6 : 1.0;
    paginate_text (self, view == CHARTER_EXPORT_VIEW_DECK);
    if (view == CHARTER_EXPORT_VIEW_DECK)
      {
        TextPage timeline = { 0, 0, CHARTER_EXPORT_VIEW_TIMELINE + 1 };
        TextPage graph = { 0, 0, CHARTER_EXPORT_VIEW_GRAPH + 1 };
        guint at = MIN (self->text_pages->len, 3);

        /* The plan after the problem, the needs and the spec. */
        g_array_insert_val (self->text_pages, at, graph);
        g_array_insert_val (self->text_pages, at + 1, timeline);
        self->timeline = charter_timeline_drawing_new (document, schedule, options);
        self->graph = charter_graph_drawing_new (document, schedule, options);
      }
  }
  return g_steal_pointer (&self);
}

guint
charter_export_pages_get_n_pages (CharterExportPages *self)
{
  if (self->view == CHARTER_EXPORT_VIEW_TIMELINE)
    return self->timeline_pages->len;
  if (self->view == CHARTER_EXPORT_VIEW_GRAPH)
    return 1;
  return self->text_pages->len;
}

/* Scales a whole drawing of @w × @h into the box, centred. */
static void
fit_into (cairo_t *cr,
          double   x,
          double   y,
          double   box_w,
          double   box_h,
          double   w,
          double   h)
{
  double s = MIN (box_w / w, box_h / h);

  cairo_translate (cr, x + (box_w - w * s) / 2, y + (box_h - h * s) / 2);
  cairo_scale (cr, s, s);
}

static void
draw_text_page (CharterExportPages *self,
                const TextPage     *page,
                guint               number,
                CharterRenderSink  *sink,
                cairo_t            *cr)
{
  gboolean deck = self->view == CHARTER_EXPORT_VIEW_DECK;
  double margin_x = (deck ? 2 : 1.5) * PDF_MARGIN, margin_y = 1.5 * PDF_MARGIN;
  double width = self->page_width - 2 * margin_x;
  double y = margin_y;
  g_autofree char *footer = NULL;

  if (page->special != 0)
    {
      double w, h;

      cairo_save (cr);
      if (page->special == CHARTER_EXPORT_VIEW_TIMELINE + 1)
        {
          charter_timeline_drawing_get_size (self->timeline, &w, &h);
          fit_into (cr, PDF_MARGIN, PDF_MARGIN, self->page_width - 2 * PDF_MARGIN,
                    self->page_height - 2 * PDF_MARGIN, w, h);
          charter_timeline_drawing_draw (self->timeline, sink, 0, w - charter_timeline_drawing_get_column_width (self->timeline),
                                         0, h - charter_timeline_drawing_get_header_height (self->timeline));
        }
      else
        {
          charter_graph_drawing_get_size (self->graph, &w, &h);
          fit_into (cr, PDF_MARGIN, PDF_MARGIN, self->page_width - 2 * PDF_MARGIN,
                    self->page_height - 2 * PDF_MARGIN, w, h);
          charter_graph_drawing_draw (self->graph, sink);
        }
      cairo_restore (cr);
      return;
    }

  for (guint i = page->first; i < page->last; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      BlockStyle s = block_style (block->kind, self->text_scale);
      const CharterRgba *color = block->kind == BLOCK_QUOTE ? &charter_render_dim_text : &charter_render_text;

      if (i > page->first)
        y += s.space_before;
      if (block->kind == BLOCK_BULLET)
        charter_render_sink_text (sink, margin_x + s.indent - 10 * self->text_scale, y, 0, "•", s.size, 0,
                                  CHARTER_ALIGN_START, color);
      y += charter_render_sink_text (sink, margin_x + s.indent, y, width - s.indent, block->text, s.size,
                                     s.style, CHARTER_ALIGN_START, color);
      if (y > self->page_height - margin_y)
        break;
    }
  /* Translators: the footer of an exported page: "Workout history · 2" */
  footer = g_strdup_printf (_("%s · %u"), self->title ? self->title : "", number + 1);
  charter_render_sink_text (sink, self->page_width - margin_x, self->page_height - PDF_MARGIN, 0, footer,
                            9, 0, CHARTER_ALIGN_END, &charter_render_dim_text);
}

/**
 * charter_export_pages_draw:
 * @page: from 0
 * @cr: a context whose user space is the page, in points, from its
 *   printable top left
 */
void
charter_export_pages_draw (CharterExportPages *self,
                           guint               page,
                           cairo_t            *cr)
{
  g_autoptr(CharterRenderSink) sink = charter_render_sink_new_cairo (cr);

  g_return_if_fail (page < charter_export_pages_get_n_pages (self));

  if (self->view == CHARTER_EXPORT_VIEW_TIMELINE)
    {
      guint grid = g_array_index (self->timeline_pages, guint, page);
      guint row_page = grid / self->n_columns;
      guint column = grid % self->n_columns;
      double top = g_array_index (self->row_breaks, double, row_page);
      double bottom = g_array_index (self->row_breaks, double, row_page + 1);
      double w, h, chart_x;

      charter_timeline_drawing_get_size (self->timeline, &w, &h);
      chart_x = column * self->chart_width;
      cairo_save (cr);
      cairo_scale (cr, self->scale, self->scale);
      charter_timeline_drawing_draw (self->timeline, sink, chart_x,
                                     MIN (self->chart_width, w - charter_timeline_drawing_get_column_width (self->timeline) - chart_x),
                                     top, bottom - top);
      cairo_restore (cr);
      return;
    }
  if (self->view == CHARTER_EXPORT_VIEW_GRAPH)
    {
      double w, h;

      cairo_save (cr);
      charter_graph_drawing_get_size (self->graph, &w, &h);
      fit_into (cr, 0, 0, self->page_width, self->page_height, w, h);
      charter_graph_drawing_draw (self->graph, sink);
      cairo_restore (cr);
      return;
    }
  draw_text_page (self, &g_array_index (self->text_pages, TextPage, page), page, sink, cr);
}

/* ==== Files ==== */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf (CharterDocument            *document,
            CharterSchedule            *schedule,
            CharterExportView           view,
            const CharterExportOptions *options,
            GError                    **error)
{
  gboolean landscape = view != CHARTER_EXPORT_VIEW_SPEC;
  GByteArray *out = g_byte_array_new ();
  g_autoptr(CharterExportPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double pw, ph, margin;
  guint n;

  charter_export_paper_size (options->paper, landscape, &pw, &ph);
  /* Text pages lay out their own margins; drawings get one around them. */
  margin = (view == CHARTER_EXPORT_VIEW_TIMELINE || view == CHARTER_EXPORT_VIEW_GRAPH) ? PDF_MARGIN : 0;
  pages = charter_export_pages_new (document, schedule, view, options, pw - 2 * margin, ph - 2 * margin, error);
  if (pages == NULL)
    {
      g_byte_array_unref (out);
      return NULL;
    }
  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, pw, ph);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  charter_document_get_title (document) ? charter_document_get_title (document) : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Charter " PACKAGE_VERSION);
  cr = cairo_create (surface);
  n = charter_export_pages_get_n_pages (pages);
  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, margin, margin);
      charter_export_pages_draw (pages, i, cr);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CHARTER_EXPORT_ERROR, CHARTER_EXPORT_ERROR_WRITE, _("Could not make the PDF: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      g_byte_array_unref (out);
      return NULL;
    }
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* The output size for a drawing of @w × @h: as asked, or with one side
 * following the other, or its own; never past the largest PNG side. */
static gboolean
output_size (const CharterExportOptions *options,
             double                      w,
             double                      h,
             gboolean                    limit,
             int                        *out_w,
             int                        *out_h,
             GError                    **error)
{
  double ow = options->width, oh = options->height;

  if (ow < 0 || oh < 0 || ow > CHARTER_EXPORT_MAX_PIXELS || oh > CHARTER_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, CHARTER_EXPORT_ERROR, CHARTER_EXPORT_ERROR_SIZE,
                   _("A width or height must be between 1 and %d pixels"), CHARTER_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  if (ow == 0 && oh == 0)
    {
      double s = limit ? MIN (1.0, CHARTER_EXPORT_MAX_PIXELS / MAX (w, h)) : 1.0;

      ow = ceil (w * s);
      oh = ceil (h * s);
    }
  else if (ow == 0)
    ow = MAX (1, round (w * oh / h));
  else if (oh == 0)
    oh = MAX (1, round (h * ow / w));
  *out_w = (int) MIN (ow, CHARTER_EXPORT_MAX_PIXELS);
  *out_h = (int) MIN (oh, CHARTER_EXPORT_MAX_PIXELS);
  return TRUE;
}

static void
draw_drawing (CharterTimelineDrawing *timeline,
              CharterGraphDrawing    *graph,
              CharterRenderSink      *sink)
{
  if (timeline != NULL)
    {
      double w, h;

      charter_timeline_drawing_get_size (timeline, &w, &h);
      charter_timeline_drawing_draw (timeline, sink, 0, w - charter_timeline_drawing_get_column_width (timeline),
                                     0, h - charter_timeline_drawing_get_header_height (timeline));
    }
  else
    charter_graph_drawing_draw (graph, sink);
}

/**
 * charter_export_render:
 * @schedule: (nullable): the document's schedule; the timeline and the deck
 *   need one
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL with @error
 */
GBytes *
charter_export_render (CharterDocument            *document,
                       CharterSchedule            *schedule,
                       CharterExportView           view,
                       CharterExportFormat         format,
                       const CharterExportOptions *options,
                       GError                    **error)
{
  g_autoptr(CharterTimelineDrawing) timeline = NULL;
  g_autoptr(CharterGraphDrawing) graph = NULL;
  double w, h;
  int ow, oh;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  if (format == CHARTER_EXPORT_PDF)
    return render_pdf (document, schedule, view, options, error);

  if (view == CHARTER_EXPORT_VIEW_SPEC || view == CHARTER_EXPORT_VIEW_DECK)
    {
      g_set_error_literal (error, CHARTER_EXPORT_ERROR, CHARTER_EXPORT_ERROR_UNSUPPORTED,
                           _("The spec and the deck export as PDF; the timeline and the graph also as SVG and PNG"));
      return NULL;
    }
  if (view == CHARTER_EXPORT_VIEW_TIMELINE)
    {
      if (schedule == NULL)
        {
          g_set_error_literal (error, CHARTER_EXPORT_ERROR, CHARTER_EXPORT_ERROR_SCHEDULE,
                               _("The plan cannot be scheduled, so it has no timeline to export"));
          return NULL;
        }
      timeline = charter_timeline_drawing_new (document, schedule, options);
      charter_timeline_drawing_get_size (timeline, &w, &h);
    }
  else
    {
      graph = charter_graph_drawing_new (document, schedule, options);
      charter_graph_drawing_get_size (graph, &w, &h);
    }
  if (!output_size (options, w, h, format == CHARTER_EXPORT_PNG, &ow, &oh, error))
    return NULL;

  if (format == CHARTER_EXPORT_SVG)
    {
      g_autoptr(CharterRenderSink) sink = NULL;
      char *svg;

      /* The drawing's own coordinates, shown at the asked size. */
      sink = charter_render_sink_new_svg (w, h, charter_document_get_title (document));
      draw_drawing (timeline, graph, sink);
      svg = charter_render_sink_finish_svg (sink);
      if (options->width != 0 || options->height != 0)
        {
          g_autofree char *old = g_strdup_printf ("width=\"%.0f\" height=\"%.0f\"", w, h);
          g_autofree char *size = g_strdup_printf ("width=\"%d\" height=\"%d\"", ow, oh);
          char *at = strstr (svg, old);

          if (at != NULL)
            {
              g_autofree char *head = g_strndup (svg, at - svg);
              char *joined = g_strconcat (head, size, at + strlen (old), NULL);

              g_free (svg);
              svg = joined;
            }
        }
      return g_bytes_new_take (svg, strlen (svg));
    }

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ow, oh);
    cairo_t *cr = cairo_create (surface);
    GByteArray *out = g_byte_array_new ();
    cairo_status_t status;

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    fit_into (cr, 0, 0, ow, oh, w, h);
    {
      g_autoptr(CharterRenderSink) sink = charter_render_sink_new_cairo (cr);

      draw_drawing (timeline, graph, sink);
    }
    cairo_destroy (cr);
    status = cairo_surface_write_to_png_stream (surface, append_bytes, out);
    cairo_surface_destroy (surface);
    if (status != CAIRO_STATUS_SUCCESS)
      {
        g_set_error (error, CHARTER_EXPORT_ERROR, CHARTER_EXPORT_ERROR_WRITE, _("Could not make the PNG: %s"),
                     cairo_status_to_string (status));
        g_byte_array_unref (out);
        return NULL;
      }
    return g_byte_array_free_to_bytes (out);
  }
}

/**
 * charter_export_write:
 * @path: where to write; replaced atomically
 *
 * Returns: whether the file was written
 */
gboolean
charter_export_write (CharterDocument            *document,
                      CharterSchedule            *schedule,
                      CharterExportView           view,
                      CharterExportFormat         format,
                      const CharterExportOptions *options,
                      const char                 *path,
                      GError                    **error)
{
  g_autoptr(GBytes) bytes = charter_export_render (document, schedule, view, format, options, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_file_set_contents (path, data, size, error);
}
