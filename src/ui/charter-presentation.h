/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

/* What a slide shows, in the order the deck shows them. */
typedef enum
{
  CHARTER_SLIDE_PROBLEM,
  CHARTER_SLIDE_NEEDS,
  CHARTER_SLIDE_SPEC,
  CHARTER_SLIDE_GRAPH,
  CHARTER_SLIDE_TIMELINE,
  CHARTER_SLIDE_RISKS,
  CHARTER_SLIDE_CHECK_IN,
  CHARTER_SLIDE_DECISIONS,
  CHARTER_N_SLIDE_KINDS
} CharterSlideKind;

#define CHARTER_TYPE_PRESENTATION (charter_presentation_get_type ())

G_DECLARE_FINAL_TYPE (CharterPresentation, charter_presentation, CHARTER, PRESENTATION, GtkWidget)

GtkWidget        *charter_presentation_new            (CharterDocument     *document,
                                                       CharterScheduler    *scheduler);
CharterDocument  *charter_presentation_get_document   (CharterPresentation *self);
CharterScheduler *charter_presentation_get_scheduler  (CharterPresentation *self);
guint             charter_presentation_get_n_slides   (CharterPresentation *self);
guint             charter_presentation_get_slide      (CharterPresentation *self);
void              charter_presentation_set_slide      (CharterPresentation *self,
                                                       guint                slide);
CharterSlideKind  charter_presentation_get_slide_kind (CharterPresentation *self,
                                                       guint                slide);
GtkWidget        *charter_presentation_get_slide_widget (CharterPresentation *self,
                                                       guint                slide);
gboolean          charter_presentation_get_overview   (CharterPresentation *self);
/* For tests: the live Timeline chart of the timeline slide, if there is one;
 * and rebuild the slides from the document now rather than at the next idle. */
GtkWidget        *charter_presentation_get_chart      (CharterPresentation *self);
void              charter_presentation_sync           (CharterPresentation *self);

G_END_DECLS
