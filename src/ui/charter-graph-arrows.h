/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-arrows.h: the Plan graph's arrows, copied out of the graph
 * with their looks and drawn with cairo, on the main thread or in a worker
 * thread (a CharterGraphArrowJob) that touches nothing but its copy. */

#pragma once

#include <gtk/gtk.h>

#include "charter-graph-layout.h"

G_BEGIN_DECLS

typedef enum
{
  CHARTER_GRAPH_ARROW_DIMMED,
  CHARTER_GRAPH_ARROW_NORMAL,
  CHARTER_GRAPH_ARROW_CRITICAL,
  CHARTER_GRAPH_ARROW_RELATED,
  CHARTER_GRAPH_ARROW_SELECTED,
  CHARTER_GRAPH_N_ARROW_STYLES
} CharterGraphArrowStyle;

/* The arrows to draw, copied out of the graph with their looks, so that
 * drawing them needs nothing the main thread may change meanwhile. */
typedef struct
{
  guint              n;
  guint8            *styles;   /* CharterGraphArrowStyle per arrow */
  guint             *starts;   /* n + 1: where each arrow's points begin */
  CharterGraphPoint *points;
  GdkRGBA            fg;
  GdkRGBA            accent;
  double             line_scale;
  gboolean           curved;
} CharterGraphArrows;

typedef struct _CharterGraphArrowJob CharterGraphArrowJob;

/* One drawing of the kept surface of arrows: what it covers, and the
 * copied arrows. Runs on the main thread or in a worker. */
struct _CharterGraphArrowJob
{
  gatomicrefcount  ref;
  CharterGraphArrows arrows;
  double           x0;          /* graph-space area covered */
  double           y0;
  double           x1;
  double           y1;
  double           zoom;
  int              scale;
  int              pw;          /* size in pixels */
  int              ph;
  int              skip;        /* the node whose arrows are left out */
  guint            geometry;    /* the serials it was drawn for */
  guint            style;
  guint            seq;         /* later drawings have larger numbers */
  GdkRGBA          fg;
  GdkRGBA          accent;
  GWeakRef         widget;      /* the widget to redraw when done */
  cairo_surface_t *recycle;     /* an old surface to draw into again or free */
  cairo_surface_t *surface;     /* the result */
  int              done;        /* atomic: surface is ready */
};

void                  charter_graph_arrows_clear         (CharterGraphArrows       *arrows);
void                  charter_graph_arrows_paint         (cairo_t                  *cr,
                                                          const CharterGraphArrows *arrows,
                                                          double                    x0,
                                                          double                    y0,
                                                          double                    x1,
                                                          double                    y1);

CharterGraphArrowJob *charter_graph_arrow_job_new        (GtkWidget                *widget);
CharterGraphArrowJob *charter_graph_arrow_job_ref        (CharterGraphArrowJob     *job);
void                  charter_graph_arrow_job_unref      (CharterGraphArrowJob     *job);
void                  charter_graph_arrow_job_render     (CharterGraphArrowJob     *job);
void                  charter_graph_arrow_job_run_in_thread (CharterGraphArrowJob  *job);
gboolean              charter_graph_arrow_job_is_done    (CharterGraphArrowJob     *job);

G_END_DECLS
