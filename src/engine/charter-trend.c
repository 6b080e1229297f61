/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-trend.c: one reforecast per check-in, in date order: what the
 * milestone trend chart draws. */

#define G_LOG_DOMAIN "charter-engine"

#include "config.h"

#include "charter-trend.h"

struct _CharterTrend
{
  guint     n_points;
  guint32  *dates;               /* per point: the check-in's date (julian) */
  char    **check_in_ids;
  guint     n_milestones;
  char    **milestone_ids;
  guint    *milestone_task;      /* task index */
  gint32    launch;              /* milestone index of the launch, or -1 */
  guint32  *forecast;            /* [point * n_milestones + milestone], julian */
  guint32  *p80;                 /* per point, julian; 0 without a forecast */
};

/**
 * charter_trend_new:
 * @schedule: any schedule of the plan (the check-in it follows does not matter)
 * @runs: Monte Carlo runs per check-in for the P80, or 0 for none; with
 *   runs > 0 the P80 is only computed when the plan has uncertainty
 *   (charter_schedule_has_uncertainty())
 * @seed: the random seed of each check-in's forecast
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Reforecasts the plan as of each of its check-ins, in date order
 * (charter_schedule_reforecast()): one point per check-in, with the
 * forecast day of each milestone (tasks without duration, in document
 * order; the launch is one of them when the plan has one) and, if asked
 * for, the P80 of the finish. Each point costs one schedule, and @runs
 * more with a forecast.
 *
 * Returns: (transfer full) (nullable): the trend
 */
CharterTrend *
charter_trend_new (CharterSchedule  *schedule,
                   guint             runs,
                   guint64           seed,
                   GError          **error)
{
  g_autoptr(CharterTrend) self = NULL;
  guint n_tasks;
  int launch;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (schedule), NULL);

  self = g_new0 (CharterTrend, 1);
  self->n_points = charter_schedule_get_n_check_ins (schedule);
  n_tasks = charter_schedule_get_n_tasks (schedule);
  launch = charter_schedule_get_launch (schedule);
  self->launch = -1;

  self->milestone_task = g_new (guint, MAX (n_tasks, 1));
  for (guint i = 0; i < n_tasks; i++)
    if (charter_schedule_get_task_dates_at (schedule, i)->duration == 0 ||
        (launch >= 0 && i == (guint) launch))
      {
        if (launch >= 0 && i == (guint) launch)
          self->launch = self->n_milestones;
        self->milestone_task[self->n_milestones++] = i;
      }
  self->milestone_ids = g_new0 (char *, self->n_milestones + 1);
  for (guint m = 0; m < self->n_milestones; m++)
    self->milestone_ids[m] = g_strdup (charter_schedule_get_task_id (schedule, self->milestone_task[m]));

  self->dates = g_new0 (guint32, MAX (self->n_points, 1));
  self->check_in_ids = g_new0 (char *, self->n_points + 1);
  self->forecast = g_new0 (guint32, MAX (self->n_points * self->n_milestones, 1));
  self->p80 = g_new0 (guint32, MAX (self->n_points, 1));

  for (guint p = 0; p < self->n_points; p++)
    {
      g_autoptr(CharterSchedule) as_of = charter_schedule_reforecast (schedule, p, error);

      if (as_of == NULL)
        return NULL;
      self->dates[p] = charter_schedule_get_check_in_date (schedule, p);
      self->check_in_ids[p] = g_strdup (charter_schedule_get_check_in_id (schedule, p));
      for (guint m = 0; m < self->n_milestones; m++)
        self->forecast[p * self->n_milestones + m] =
          charter_schedule_get_task_dates_at (as_of, self->milestone_task[m])->early_finish;
      if (runs > 0 && charter_schedule_has_uncertainty (as_of))
        {
          g_autoptr(CharterSimulation) sim = charter_schedule_simulate (as_of, runs, seed, error);

          if (sim == NULL)
            return NULL;
          self->p80[p] = charter_simulation_get_finish (sim, 80);
        }
    }
  return g_steal_pointer (&self);
}

/**
 * charter_trend_get_n_points:
 * @self: a trend
 *
 * Returns: how many check-ins (points across the chart) there are
 */
guint
charter_trend_get_n_points (CharterTrend *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_points;
}

/**
 * charter_trend_get_date:
 * @self: a trend
 * @point: a point, in date order
 *
 * Returns: the check-in's date (julian)
 */
guint32
charter_trend_get_date (CharterTrend *self,
                        guint         point)
{
  g_return_val_if_fail (self != NULL && point < self->n_points, 0);
  return self->dates[point];
}

/**
 * charter_trend_get_check_in_id:
 * @self: a trend
 * @point: a point, in date order
 *
 * Returns: the check-in's id
 */
const char *
charter_trend_get_check_in_id (CharterTrend *self,
                               guint         point)
{
  g_return_val_if_fail (self != NULL && point < self->n_points, NULL);
  return self->check_in_ids[point];
}

/**
 * charter_trend_get_n_milestones:
 * @self: a trend
 *
 * Returns: how many milestones (lines up the chart) there are
 */
guint
charter_trend_get_n_milestones (CharterTrend *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_milestones;
}

/**
 * charter_trend_get_milestone_id:
 * @self: a trend
 * @milestone: a milestone, in document order
 *
 * Returns: its task's id
 */
const char *
charter_trend_get_milestone_id (CharterTrend *self,
                                guint         milestone)
{
  g_return_val_if_fail (self != NULL && milestone < self->n_milestones, NULL);
  return self->milestone_ids[milestone];
}

/**
 * charter_trend_get_milestone_task:
 * @self: a trend
 * @milestone: a milestone, in document order
 *
 * Returns: its task's position in the document's task list
 */
guint
charter_trend_get_milestone_task (CharterTrend *self,
                                  guint         milestone)
{
  g_return_val_if_fail (self != NULL && milestone < self->n_milestones, 0);
  return self->milestone_task[milestone];
}

/**
 * charter_trend_is_launch:
 * @self: a trend
 * @milestone: a milestone
 *
 * Returns: whether it is the launch (charter_schedule_get_launch())
 */
gboolean
charter_trend_is_launch (CharterTrend *self,
                         guint         milestone)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->launch >= 0 && milestone == (guint) self->launch;
}

/**
 * charter_trend_get_forecast:
 * @self: a trend
 * @point: a point (check-in), in date order
 * @milestone: a milestone
 *
 * Returns: the milestone's day (julian) as forecast at that check-in
 */
guint32
charter_trend_get_forecast (CharterTrend *self,
                            guint         point,
                            guint         milestone)
{
  g_return_val_if_fail (self != NULL && point < self->n_points && milestone < self->n_milestones, 0);
  return self->forecast[point * self->n_milestones + milestone];
}

/**
 * charter_trend_get_p80:
 * @self: a trend
 * @point: a point (check-in), in date order
 *
 * Returns: the finish day (julian) 80 % of that check-in's forecast runs
 *   met, or 0 when no forecast was made (no runs asked for, or no uncertainty)
 */
guint32
charter_trend_get_p80 (CharterTrend *self,
                       guint         point)
{
  g_return_val_if_fail (self != NULL && point < self->n_points, 0);
  return self->p80[point];
}

/**
 * charter_trend_free:
 * @self: (nullable): a trend
 *
 * Frees @self.
 */
void
charter_trend_free (CharterTrend *self)
{
  if (self == NULL)
    return;
  g_free (self->dates);
  g_strfreev (self->check_in_ids);
  g_strfreev (self->milestone_ids);
  g_free (self->milestone_task);
  g_free (self->forecast);
  g_free (self->p80);
  g_free (self);
}
