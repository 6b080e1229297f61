/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-check-in-summary.h: the summary a program manager sends after a
 * check-in — status by task, what moved and why, blockers, decisions
 * needed — as CommonMark. */

#pragma once

#include "charter-schedule.h"

G_BEGIN_DECLS

char *charter_check_in_summary_to_markdown (CharterDocument  *document,
                                            CharterSchedule  *schedule);

G_END_DECLS
