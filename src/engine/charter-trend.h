/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-trend.h: the milestone trend (Meilensteintrendanalyse) — for each
 * check-in, the forecast date of the launch and of every milestone as of
 * that check-in, and the P80 of the finish when there is uncertainty. */

#pragma once

#include "charter-schedule.h"

G_BEGIN_DECLS

typedef struct _CharterTrend CharterTrend;

CharterTrend *charter_trend_new                (CharterSchedule  *schedule,
                                                guint             runs,
                                                guint64           seed,
                                                GError          **error);
guint         charter_trend_get_n_points       (CharterTrend     *self);
guint32       charter_trend_get_date           (CharterTrend     *self,
                                                guint             point);
const char   *charter_trend_get_check_in_id    (CharterTrend     *self,
                                                guint             point);
guint         charter_trend_get_n_milestones   (CharterTrend     *self);
const char   *charter_trend_get_milestone_id   (CharterTrend     *self,
                                                guint             milestone);
guint         charter_trend_get_milestone_task (CharterTrend     *self,
                                                guint             milestone);
gboolean      charter_trend_is_launch          (CharterTrend     *self,
                                                guint             milestone);
guint32       charter_trend_get_forecast       (CharterTrend     *self,
                                                guint             point,
                                                guint             milestone);
guint32       charter_trend_get_p80            (CharterTrend     *self,
                                                guint             point);
void          charter_trend_free               (CharterTrend     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterTrend, charter_trend_free)

G_END_DECLS
