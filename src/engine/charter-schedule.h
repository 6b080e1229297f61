/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-schedule.h: the result of scheduling a plan — dates, float,
 * the critical path and why each task starts when it does. Immutable: a new
 * schedule replaces the old one after every change. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_SCHEDULE_ERROR (charter_schedule_error_quark ())

typedef enum
{
  CHARTER_SCHEDULE_ERROR_CYCLE,          /* the message names the tasks of the cycle in order */
  CHARTER_SCHEDULE_ERROR_MISSING_TASK,   /* a dependency or status refers to no task */
  CHARTER_SCHEDULE_ERROR_MISSING_TEAM,
  CHARTER_SCHEDULE_ERROR_NO_WORKING_DAYS,/* the calendar or a team can never fit the task */
  CHARTER_SCHEDULE_ERROR_BAD_DATE,       /* a date is not a date, or out of range */
} CharterScheduleError;

/**
 * CharterTaskDates:
 * @early_start: first working day the task can start (a Julian day, as #GDate counts)
 * @early_finish: last working day of the task (inclusive); for a milestone, its day
 * @late_start: latest start that does not delay the project
 * @late_finish: latest finish that does not delay the project
 * @duration: working days
 * @total_float: working days the task can slip without moving the project finish
 * @free_float: working days it can slip without moving any successor
 * @critical: whether the task is on the critical path
 * @missed_deadline: whether it finishes after its "finish no later than" date
 * @driver: (nullable): what fixed the start, as a sentence ("after Backend API",
 *   "start no earlier than Mon 3 Mar", "Backend is busy until Fri 14 Mar",
 *   "launches never fall on a Friday")
 *
 * The scheduled dates of one task.
 */
typedef struct
{
  guint32     early_start;
  guint32     early_finish;
  guint32     late_start;
  guint32     late_finish;
  int         duration;
  int         total_float;
  int         free_float;
  gboolean    critical;
  gboolean    missed_deadline;
  const char *driver;
} CharterTaskDates;

#define CHARTER_TYPE_SCHEDULE (charter_schedule_get_type ())

G_DECLARE_FINAL_TYPE (CharterSchedule, charter_schedule, CHARTER, SCHEDULE, GObject)

GQuark                  charter_schedule_error_quark        (void);

CharterSchedule        *charter_schedule_compute            (CharterDocument  *document,
                                                             GError          **error);
const CharterTaskDates *charter_schedule_get_task_dates     (CharterSchedule  *self,
                                                             const char       *task_id);
guint32                 charter_schedule_get_start          (CharterSchedule  *self);
guint32                 charter_schedule_get_finish         (CharterSchedule  *self);
int                     charter_schedule_get_working_days   (CharterSchedule  *self);
const char * const     *charter_schedule_get_critical_path  (CharterSchedule  *self);
const char * const     *charter_schedule_get_warnings       (CharterSchedule  *self);
int                     charter_schedule_get_buffer_days    (CharterSchedule  *self);

/* Working-calendar questions the views ask (shading, snapping). */
gboolean                charter_schedule_is_working_day     (CharterSchedule  *self,
                                                             guint32           julian_day);
gboolean                charter_schedule_is_team_busy       (CharterSchedule  *self,
                                                             const char       *team_id,
                                                             guint32           julian_day);
guint32                 charter_schedule_add_working_days   (CharterSchedule  *self,
                                                             guint32           julian_day,
                                                             int               working_days);
int                     charter_schedule_count_working_days (CharterSchedule  *self,
                                                             guint32           from_day,
                                                             guint32           to_day);

/* Added by the engine: walking the tasks, explanations and simulation. */

/* Tasks in document order. */
guint                   charter_schedule_get_n_tasks        (CharterSchedule  *self);
const char             *charter_schedule_get_task_id        (CharterSchedule  *self,
                                                             guint             index);
const char             *charter_schedule_get_task_name      (CharterSchedule  *self,
                                                             guint             index);
const CharterTaskDates *charter_schedule_get_task_dates_at  (CharterSchedule  *self,
                                                             guint             index);
const CharterTaskDates *charter_schedule_peek_task_dates_at (CharterSchedule *self,
                                                             guint            index);
/* The task's position in the document's task list, or -1. */
gint32                  charter_schedule_get_task_index     (CharterSchedule  *self,
                                                             const char       *task_id);
/* (nullable): the id of the task whose id, or else whose name, is @id_or_name */
const char             *charter_schedule_lookup_task        (CharterSchedule  *self,
                                                             const char       *id_or_name);
/* A readable account of the whole schedule, and of one task. */
char                   *charter_schedule_explain            (CharterSchedule  *self);
char                   *charter_schedule_explain_task       (CharterSchedule  *self,
                                                             const char       *task_id);

/* Reforecasting from check-ins (docs/scheduling.md, "Reforecasting"). */
CharterSchedule        *charter_schedule_compute_as_of      (CharterDocument  *document,
                                                             const char       *as_of,
                                                             GError          **error);
CharterSchedule        *charter_schedule_reforecast         (CharterSchedule  *self,
                                                             int               check_in,
                                                             GError          **error);
guint                   charter_schedule_get_n_check_ins    (CharterSchedule  *self);
guint32                 charter_schedule_get_check_in_date  (CharterSchedule  *self,
                                                             guint             check_in);
const char             *charter_schedule_get_check_in_id    (CharterSchedule  *self,
                                                             guint             check_in);
int                     charter_schedule_get_check_in       (CharterSchedule  *self);
guint32                 charter_schedule_get_status_date    (CharterSchedule  *self);
int                     charter_schedule_get_remaining_days (CharterSchedule  *self,
                                                             guint             index);
gboolean                charter_schedule_is_done            (CharterSchedule  *self,
                                                             guint             index);
int                     charter_schedule_get_launch         (CharterSchedule  *self);
char                   *charter_schedule_explain_check_in   (CharterSchedule  *self);
int                     charter_schedule_get_slip_days      (CharterSchedule  *self,
                                                             guint32           from_day,
                                                             guint32           to_day);

typedef struct _CharterSimulation CharterSimulation;

/**
 * CharterSimulationFlags:
 * @CHARTER_SIMULATION_NONE: finish dates, criticality and buffer
 * @CHARTER_SIMULATION_RISK_EFFECTS: also each risk's effect on P80 (every
 *   run in which a risk happened is scheduled again without it)
 *
 * What charter_schedule_simulate_full() measures beyond the finish dates.
 */
typedef enum
{
  CHARTER_SIMULATION_NONE         = 0,
  CHARTER_SIMULATION_RISK_EFFECTS = 1 << 0,
} CharterSimulationFlags;

gboolean                charter_schedule_has_uncertainty    (CharterSchedule  *self);
CharterSimulation      *charter_schedule_simulate           (CharterSchedule  *self,
                                                             guint             runs,
                                                             guint64           seed,
                                                             GError          **error);
CharterSimulation      *charter_schedule_simulate_full      (CharterSchedule  *self,
                                                             guint             runs,
                                                             guint64           seed,
                                                             CharterSimulationFlags flags,
                                                             GError          **error);
guint                   charter_simulation_get_runs         (CharterSimulation *sim);
guint32                 charter_simulation_get_finish       (CharterSimulation *sim,
                                                             int               percent);
double                  charter_simulation_get_criticality  (CharterSimulation *sim,
                                                             guint             task_index);
int                     charter_simulation_get_buffer_days  (CharterSimulation *sim);
guint                   charter_simulation_get_n_risks      (CharterSimulation *sim);
const char             *charter_simulation_get_risk_id      (CharterSimulation *sim,
                                                             guint             risk_index);
int                     charter_simulation_get_risk_p80_effect (CharterSimulation *sim,
                                                             guint             risk_index);
void                    charter_simulation_free             (CharterSimulation *sim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterSimulation, charter_simulation_free)

G_END_DECLS
