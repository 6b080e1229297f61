/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_BASELINE_VIEW (charter_baseline_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterBaselineView, charter_baseline_view, CHARTER, BASELINE_VIEW, AdwBin)

GtkWidget  *charter_baseline_view_new                  (void);
const char *charter_baseline_view_get_compare_baseline (CharterBaselineView *self);
void        charter_baseline_view_set_compare_baseline (CharterBaselineView *self,
                                                        const char          *baseline_id);
gboolean    charter_baseline_view_get_launch_slip      (CharterBaselineView *self,
                                                        int                 *slip_days);
guint       charter_baseline_view_get_n_rows           (CharterBaselineView *self);

G_END_DECLS
