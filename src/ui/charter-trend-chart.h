/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "charter-trend.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TREND_CHART (charter_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (CharterTrendChart, charter_trend_chart, CHARTER, TREND_CHART, GtkWidget)

GtkWidget    *charter_trend_chart_new          (void);
void          charter_trend_chart_set_trend    (CharterTrendChart *self,
                                                CharterSchedule   *schedule,
                                                CharterTrend      *trend);
CharterTrend *charter_trend_chart_get_trend    (CharterTrendChart *self);
guint         charter_trend_chart_get_n_points (CharterTrendChart *self);
const char   *charter_trend_chart_get_summary  (CharterTrendChart *self);

G_END_DECLS
