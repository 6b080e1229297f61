/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-render-sink.h: what the export renderers draw on — a cairo
 * context (PDF, PNG, printing, the clipboard) or an SVG document written as
 * text, so that SVG keeps one labelled group per task, which cairo's own SVG
 * surface cannot. Text is laid out with Pango in both, in user units. */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "charter-palette.h"

G_BEGIN_DECLS

typedef struct _CharterRenderSink CharterRenderSink;

typedef enum
{
  CHARTER_TEXT_REGULAR = 0,
  CHARTER_TEXT_BOLD    = 1 << 0,
  CHARTER_TEXT_ITALIC  = 1 << 1,
} CharterTextStyle;

typedef enum
{
  CHARTER_ALIGN_START,
  CHARTER_ALIGN_CENTER,
  CHARTER_ALIGN_END,
} CharterTextAlign;

CharterRenderSink *charter_render_sink_new_cairo   (cairo_t           *cr);
CharterRenderSink *charter_render_sink_new_svg     (double             width,
                                                    double             height,
                                                    const char        *title);
char              *charter_render_sink_finish_svg  (CharterRenderSink *self);
void               charter_render_sink_free        (CharterRenderSink *self);

void               charter_render_sink_begin_group (CharterRenderSink *self,
                                                    const char        *id,
                                                    const char        *title);
void               charter_render_sink_end_group   (CharterRenderSink *self);
void               charter_render_sink_push_clip   (CharterRenderSink *self,
                                                    double             x,
                                                    double             y,
                                                    double             width,
                                                    double             height);
void               charter_render_sink_pop_clip    (CharterRenderSink *self);

void               charter_render_sink_rect        (CharterRenderSink *self,
                                                    double             x,
                                                    double             y,
                                                    double             width,
                                                    double             height,
                                                    double             radius,
                                                    const CharterRgba *fill,
                                                    const CharterRgba *stroke,
                                                    double             line_width);
void               charter_render_sink_line        (CharterRenderSink *self,
                                                    double             x0,
                                                    double             y0,
                                                    double             x1,
                                                    double             y1,
                                                    const CharterRgba *color,
                                                    double             line_width);
void               charter_render_sink_move_to     (CharterRenderSink *self,
                                                    double             x,
                                                    double             y);
void               charter_render_sink_line_to     (CharterRenderSink *self,
                                                    double             x,
                                                    double             y);
void               charter_render_sink_curve_to    (CharterRenderSink *self,
                                                    double             x1,
                                                    double             y1,
                                                    double             x2,
                                                    double             y2,
                                                    double             x3,
                                                    double             y3);
void               charter_render_sink_close_path  (CharterRenderSink *self);
void               charter_render_sink_fill_path   (CharterRenderSink *self,
                                                    const CharterRgba *color);
void               charter_render_sink_stroke_path (CharterRenderSink *self,
                                                    const CharterRgba *color,
                                                    double             line_width);

double             charter_render_sink_measure     (CharterRenderSink *self,
                                                    const char        *text,
                                                    double             size,
                                                    CharterTextStyle   style);
double             charter_render_sink_text        (CharterRenderSink *self,
                                                    double             x,
                                                    double             y,
                                                    double             wrap_width,
                                                    const char        *text,
                                                    double             size,
                                                    CharterTextStyle   style,
                                                    CharterTextAlign   align,
                                                    const CharterRgba *color);
double             charter_render_sink_text_height (CharterRenderSink *self,
                                                    double             wrap_width,
                                                    const char        *text,
                                                    double             size,
                                                    CharterTextStyle   style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterRenderSink, charter_render_sink_free)

G_END_DECLS
