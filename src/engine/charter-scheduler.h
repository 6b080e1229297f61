/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-scheduler.h: keeps a schedule of a document up to date. It listens
 * to CharterDocument::changed and replaces its :schedule (recomputing only
 * what a change can affect), so views just bind to :schedule. */

#pragma once

#include "charter-schedule.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_SCHEDULER (charter_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (CharterScheduler, charter_scheduler, CHARTER, SCHEDULER, GObject)

CharterScheduler *charter_scheduler_new          (CharterDocument  *document);
CharterDocument  *charter_scheduler_get_document (CharterScheduler *self);
/* (nullable): NULL while the plan cannot be scheduled; see :error */
CharterSchedule  *charter_scheduler_get_schedule (CharterScheduler *self);
/* (nullable): why the plan cannot be scheduled */
const GError     *charter_scheduler_get_error    (CharterScheduler *self);

/* The forecast of the document as it is now, computed in a worker thread. */
void               charter_scheduler_simulate_async  (CharterScheduler       *self,
                                                      guint                   runs,
                                                      guint64                 seed,
                                                      CharterSimulationFlags  flags,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
CharterSimulation *charter_scheduler_simulate_finish (CharterScheduler       *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);

G_END_DECLS
