/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-render-private.h: the drawings the export files share. */

#pragma once

#include "charter-export.h"
#include "charter-render-sink.h"

G_BEGIN_DECLS

/* The timeline: a task column and a chart, at its natural scale. */
typedef struct _CharterTimelineDrawing CharterTimelineDrawing;

CharterTimelineDrawing *charter_timeline_drawing_new        (CharterDocument            *document,
                                                             CharterSchedule            *schedule,
                                                             const CharterExportOptions *options);
void                    charter_timeline_drawing_free       (CharterTimelineDrawing *drawing);
void                    charter_timeline_drawing_get_size   (CharterTimelineDrawing *drawing,
                                                             double                 *width,
                                                             double                 *height);
void                    charter_timeline_drawing_set_pixels_per_day (CharterTimelineDrawing *drawing,
                                                             double                  pixels_per_day);
guint                   charter_timeline_drawing_get_n_days (CharterTimelineDrawing *drawing);
double                  charter_timeline_drawing_get_column_width (CharterTimelineDrawing *drawing);
double                  charter_timeline_drawing_get_header_height (CharterTimelineDrawing *drawing);
/* Cuts the rows into pages of at most @rows_height: the rows' y of each
 * page break, ending with the height of all rows. */
GArray                 *charter_timeline_drawing_break_rows (CharterTimelineDrawing *drawing,
                                                             double                  rows_height);
gboolean                charter_timeline_drawing_has_bars   (CharterTimelineDrawing *drawing,
                                                             double                  chart_x,
                                                             double                  chart_width,
                                                             double                  rows_y,
                                                             double                  rows_height);
/* Draws the task column and the part of the chart from @chart_x (chart
 * units from the first day) @chart_width wide, rows from @rows_y to
 * @rows_y + @rows_height, at (0, 0). */
void                    charter_timeline_drawing_draw       (CharterTimelineDrawing *drawing,
                                                             CharterRenderSink      *sink,
                                                             double                  chart_x,
                                                             double                  chart_width,
                                                             double                  rows_y,
                                                             double                  rows_height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterTimelineDrawing, charter_timeline_drawing_free)

typedef struct _CharterGraphDrawing CharterGraphDrawing;

CharterGraphDrawing    *charter_graph_drawing_new           (CharterDocument            *document,
                                                             CharterSchedule            *schedule,
                                                             const CharterExportOptions *options);
void                    charter_graph_drawing_free          (CharterGraphDrawing *drawing);
void                    charter_graph_drawing_get_size      (CharterGraphDrawing *drawing,
                                                             double              *width,
                                                             double              *height);
void                    charter_graph_drawing_draw          (CharterGraphDrawing *drawing,
                                                             CharterRenderSink   *sink);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterGraphDrawing, charter_graph_drawing_free)

/* Colours of the light style, as the app's style.css names them. */
extern const CharterRgba charter_render_text;
extern const CharterRgba charter_render_dim_text;
extern const CharterRgba charter_render_canvas_bg;

char  *charter_render_title      (CharterDocument *document);
void   charter_render_team_color (CharterDocument *document,
                                  const char      *team_id,
                                  CharterRgba     *color,
                                  guint           *pattern);
void   charter_render_hatch      (CharterRenderSink *sink,
                                  double             x,
                                  double             y,
                                  double             width,
                                  double             height);
char  *charter_render_fit_text   (CharterRenderSink *sink,
                                  const char        *text,
                                  double             size,
                                  CharterTextStyle   style,
                                  double             max_width);

G_END_DECLS
