/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-presentation-slides.h: the text of the presentation's slides,
 * built from the document and its schedule (charter-presentation.c shows
 * them and owns the two live slides, the graph and the timeline). */

#pragma once

#include <gtk/gtk.h>

#include "charter-model.h"
#include "charter-presentation.h"
#include "charter-schedule.h"

G_BEGIN_DECLS

/* At most this many lines of body text on a slide: read from the back of a
 * room, a slide holds about seven lines. */
#define CHARTER_SLIDE_MAX_LINES 7

gboolean   charter_presentation_slide_has_content (CharterSlideKind  kind,
                                                   CharterDocument  *document,
                                                   CharterSchedule  *schedule);
/* (nullable): a new slide of @kind, or %NULL when it has nothing to show or
 * is one of the live kinds (graph, timeline), which only their header gets
 * from here: charter_presentation_slide_new_frame(). */
GtkWidget *charter_presentation_slide_build       (CharterSlideKind  kind,
                                                   CharterDocument  *document,
                                                   CharterSchedule  *schedule);
/* An empty slide: a box with the slide's title; body lines are added with
 * charter_presentation_slide_add_line(). */
GtkWidget *charter_presentation_slide_new_frame   (const char       *title);
GtkLabel  *charter_presentation_slide_add_line    (GtkWidget        *slide,
                                                   const char       *text,
                                                   gboolean          dim,
                                                   int               max_lines);
const char *charter_presentation_slide_title      (CharterSlideKind  kind);
/* The timeline slide's line: launch, P80 and buffer (empty without tasks). */
char      *charter_presentation_timeline_summary  (CharterSchedule  *schedule,
                                                   guint32           launch_day,
                                                   guint32           p80_day);

G_END_DECLS
