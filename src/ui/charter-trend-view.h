/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"
#include "charter-trend-chart.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TREND_VIEW (charter_trend_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterTrendView, charter_trend_view, CHARTER, TREND_VIEW, AdwBin)

GtkWidget         *charter_trend_view_new       (void);
CharterTrendChart *charter_trend_view_get_chart (CharterTrendView *self);
void               charter_trend_view_update    (CharterTrendView *self);

G_END_DECLS
