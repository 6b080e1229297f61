/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-export.h: the timeline, the plan graph, the one-page spec and a
 * deck as PDF, SVG and PNG, and the same pages for printing — with cairo and
 * Pango only, so that charter-cli and the app export the same pictures. */

#pragma once

#include <cairo.h>

#include "charter-model.h"
#include "charter-schedule.h"

G_BEGIN_DECLS

#define CHARTER_EXPORT_ERROR (charter_export_error_quark ())

typedef enum
{
  CHARTER_EXPORT_ERROR_UNSUPPORTED, /* that view has no such format */
  CHARTER_EXPORT_ERROR_SCHEDULE,    /* the timeline needs a plan that can be scheduled */
  CHARTER_EXPORT_ERROR_SIZE,        /* a size out of range */
  CHARTER_EXPORT_ERROR_WRITE,
} CharterExportError;

typedef enum
{
  CHARTER_EXPORT_PDF,
  CHARTER_EXPORT_SVG,
  CHARTER_EXPORT_PNG,
} CharterExportFormat;

typedef enum
{
  CHARTER_EXPORT_VIEW_TIMELINE,
  CHARTER_EXPORT_VIEW_GRAPH,
  CHARTER_EXPORT_VIEW_SPEC,
  CHARTER_EXPORT_VIEW_DECK,
} CharterExportView;

typedef enum
{
  CHARTER_PAPER_A4,
  CHARTER_PAPER_LETTER,
} CharterPaper;

/* The largest PNG side, in pixels. */
#define CHARTER_EXPORT_MAX_PIXELS 16384

/**
 * CharterExportOptions:
 * @width: width of a PNG or SVG, 0 for the drawing's own (or to follow @height)
 * @height: height, 0 for the drawing's own (or to follow @width)
 * @paper: the paper of a PDF
 * @first_day: with @last_day, the days in view (Julian); 0 for the whole plan
 * @last_day: the last day in view
 * @task_ids: (nullable): the tasks in view on the timeline; %NULL for all
 * @has_area: whether @area_* crop the graph to what is in view
 * @area_x: the graph's area in view, in graph units
 */
typedef struct
{
  int                 width;
  int                 height;
  CharterPaper        paper;
  guint32             first_day;
  guint32             last_day;
  const char * const *task_ids;
  gboolean            has_area;
  double              area_x;
  double              area_y;
  double              area_width;
  double              area_height;
} CharterExportOptions;

GQuark        charter_export_error_quark   (void);
void          charter_export_options_init  (CharterExportOptions *options);
gboolean      charter_export_parse_format  (const char           *name,
                                            CharterExportFormat  *format);
gboolean      charter_export_parse_view    (const char           *name,
                                            CharterExportView    *view);
CharterPaper  charter_export_paper_from_locale (void);
void          charter_export_paper_size    (CharterPaper          paper,
                                            gboolean              landscape,
                                            double               *width,
                                            double               *height);

GBytes       *charter_export_render        (CharterDocument            *document,
                                            CharterSchedule            *schedule,
                                            CharterExportView           view,
                                            CharterExportFormat         format,
                                            const CharterExportOptions *options,
                                            GError                    **error);
gboolean      charter_export_write         (CharterDocument            *document,
                                            CharterSchedule            *schedule,
                                            CharterExportView           view,
                                            CharterExportFormat         format,
                                            const CharterExportOptions *options,
                                            const char                 *path,
                                            GError                    **error);

/* Pages for printing (GtkPrintOperation) and for the PDF: a long timeline
 * across pages with the task column repeated on each. */
typedef struct _CharterExportPages CharterExportPages;

CharterExportPages *charter_export_pages_new        (CharterDocument            *document,
                                                     CharterSchedule            *schedule,
                                                     CharterExportView           view,
                                                     const CharterExportOptions *options,
                                                     double                      page_width,
                                                     double                      page_height,
                                                     GError                    **error);
guint               charter_export_pages_get_n_pages (CharterExportPages *pages);
void                charter_export_pages_draw       (CharterExportPages *pages,
                                                     guint               page,
                                                     cairo_t            *cr);
void                charter_export_pages_free       (CharterExportPages *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterExportPages, charter_export_pages_free)

G_END_DECLS
