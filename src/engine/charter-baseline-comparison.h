/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-baseline-comparison.h: a schedule against a baseline — each
 * task's slip and the launch's slip in working days (the Timeline's ghost
 * bars, the baselines table, charter-cli schedule). */

#pragma once

#include "charter-schedule.h"

G_BEGIN_DECLS

typedef struct _CharterBaselineComparison CharterBaselineComparison;

CharterBaseline           *charter_baseline_comparison_newest           (CharterDocument           *document);
CharterBaselineComparison *charter_baseline_comparison_new              (CharterSchedule           *schedule,
                                                                         CharterBaseline           *baseline);
const char                *charter_baseline_comparison_get_baseline_id  (CharterBaselineComparison *self);
gboolean                   charter_baseline_comparison_get_task         (CharterBaselineComparison *self,
                                                                         guint                      task_index,
                                                                         guint32                   *baseline_start,
                                                                         guint32                   *baseline_finish,
                                                                         int                       *slip_days);
gboolean                   charter_baseline_comparison_get_launch_slip  (CharterBaselineComparison *self,
                                                                         int                       *slip_days);
void                       charter_baseline_comparison_free             (CharterBaselineComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterBaselineComparison, charter_baseline_comparison_free)

G_END_DECLS
