/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-schedule-private.h: the compiled plan (compact arrays built once
 * from a document) and the passes over it, shared by CharterSchedule,
 * CharterScheduler (incremental rescheduling) and the tests. */

#pragma once

#include "charter-schedule.h"

G_BEGIN_DECLS

typedef struct _CharterPlan CharterPlan;

CharterPlan     *charter_plan_compile               (CharterDocument  *document,
                                                     GError          **error);
/* @as_of: NULL for the latest check-in, "none", or a date (YYYY-MM-DD). */
CharterPlan     *charter_plan_compile_as_of         (CharterDocument  *document,
                                                     const char       *as_of,
                                                     GError          **error);
CharterPlan     *charter_plan_ref                   (CharterPlan      *plan);
void             charter_plan_unref                 (CharterPlan      *plan);
guint            charter_plan_get_n_tasks           (CharterPlan      *plan);
/* Sets the duration (working days) the plan uses for task @index. */
void             charter_plan_set_duration          (CharterPlan      *plan,
                                                     guint             index,
                                                     int               duration);
int              charter_plan_get_duration          (CharterPlan      *plan,
                                                     guint             index);
gboolean         charter_plan_get_levelled          (CharterPlan      *plan);

CharterSchedule *charter_schedule_new_from_plan     (CharterPlan      *plan,
                                                     GError          **error);
/* @check_in: a check-in's position in date order, or -1 for none. */
CharterSchedule *charter_schedule_new_from_plan_as_of (CharterPlan    *plan,
                                                     gint32            check_in,
                                                     GError          **error);
/* Reschedules @previous after the durations of @changed (task indices) were
 * set on its plan with charter_plan_set_duration(): only the tasks after the
 * earliest changed one in dependency order get a new forward pass. */
CharterSchedule *charter_schedule_new_incremental   (CharterSchedule  *previous,
                                                     const guint      *changed,
                                                     guint             n_changed,
                                                     GError          **error);
CharterPlan     *charter_schedule_get_plan          (CharterSchedule  *self);
/* The passes' raw results for task @index, in instants (working days since
 * the project start; a finish is the instant after the last working day). */
void             charter_schedule_get_instants      (CharterSchedule  *self,
                                                     guint             index,
                                                     gint32           *early_start,
                                                     gint32           *early_finish,
                                                     gint32           *late_start,
                                                     gint32           *late_finish);
/* How many tasks the forward pass that made @self scheduled (all of them
 * for a full schedule; for an incremental one, only what the change moved). */
guint            charter_schedule_get_n_rescheduled (CharterSchedule *self);
/* Levelled plans: the team task @index waited for, or -1. */
gint32           charter_schedule_get_resource_predecessor (CharterSchedule *self,
                                                            guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterPlan, charter_plan_unref)

G_END_DECLS
