/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TIMELINE_VIEW (charter_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterTimelineView, charter_timeline_view, CHARTER, TIMELINE_VIEW, AdwBin)

GtkWidget        *charter_timeline_view_new           (void);
CharterDocument  *charter_timeline_view_get_document  (CharterTimelineView *self);
void              charter_timeline_view_set_document  (CharterTimelineView *self,
                                                       CharterDocument     *document);
CharterScheduler *charter_timeline_view_get_scheduler (CharterTimelineView *self);
void              charter_timeline_view_set_scheduler (CharterTimelineView *self,
                                                       CharterScheduler    *scheduler);
GtkWidget        *charter_timeline_view_get_chart     (CharterTimelineView *self);

G_END_DECLS
