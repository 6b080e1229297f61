/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_PLAN_VIEW (charter_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterPlanView, charter_plan_view, CHARTER, PLAN_VIEW, AdwBin)

GtkWidget       *charter_plan_view_new           (void);
CharterDocument *charter_plan_view_get_document  (CharterPlanView *self);
void             charter_plan_view_set_document  (CharterPlanView *self,
                                                  CharterDocument *document);
GObject         *charter_plan_view_get_scheduler (CharterPlanView *self);
void             charter_plan_view_set_scheduler (CharterPlanView *self,
                                                  GObject         *scheduler);
GtkWidget       *charter_plan_view_get_canvas    (CharterPlanView *self);

G_END_DECLS
