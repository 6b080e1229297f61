/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-baseline-comparison.c: how far each task's forecast finish is
 * from its baseline, in working days of the plan's calendar. */

#define G_LOG_DOMAIN "charter-engine"

#include "config.h"

#include "charter-baseline-comparison.h"
#include "charter-schedule-private.h"

#include <stdio.h>
#include <string.h>

struct _CharterBaselineComparison
{
  char     *baseline_id;
  guint     n_tasks;
  guint32  *start;               /* julian, 0 when the baseline has no entry */
  guint32  *finish;
  int      *slip;
  int       launch;              /* task index, or -1 */
};

static guint32
parse_day (const char *text)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return 0;
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return 0;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, day, month, year);
    return g_date_get_julian (&date);
  }
}

/**
 * charter_baseline_comparison_newest:
 * @document: a document
 *
 * The baseline a comparison uses unless told otherwise: the one with the
 * latest date; of several on that day (or without dates), the last in the
 * document.
 *
 * Returns: (transfer none) (nullable): the baseline, or %NULL if there is none
 */
CharterBaseline *
charter_baseline_comparison_newest (CharterDocument *document)
{
  GListModel *baselines;
  CharterBaseline *newest = NULL;
  guint32 newest_day = 0;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  baselines = charter_document_get_baselines (document);
  for (guint i = 0; i < g_list_model_get_n_items (baselines); i++)
    {
      g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);
      guint32 day = parse_day (charter_baseline_get_date (baseline));

      if (newest == NULL || day >= newest_day)
        {
          newest = baseline;
          newest_day = day;
        }
    }
  return newest;
}

/**
 * charter_baseline_comparison_new:
 * @schedule: the forecast
 * @baseline: the baseline to compare with
 *
 * Compares each task of @schedule with @baseline's entry for it: the
 * baseline dates and the slip, the working days the forecast finish is
 * later than the baseline finish (negative: earlier), counted in
 * @schedule's calendar (charter_schedule_get_slip_days()).
 *
 * Returns: (transfer full): the comparison
 */
CharterBaselineComparison *
charter_baseline_comparison_new (CharterSchedule *schedule,
                                 CharterBaseline *baseline)
{
  CharterBaselineComparison *self;
  GListModel *entries;
  guint n;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (CHARTER_IS_BASELINE (baseline), NULL);

  n = charter_schedule_get_n_tasks (schedule);
  self = g_new0 (CharterBaselineComparison, 1);
  self->baseline_id = g_strdup (charter_item_get_id (CHARTER_ITEM (baseline)));
  self->n_tasks = n;
  self->start = g_new0 (guint32, MAX (n, 1));
  self->finish = g_new0 (guint32, MAX (n, 1));
  self->slip = g_new0 (int, MAX (n, 1));
  self->launch = charter_schedule_get_launch (schedule);

  entries = charter_baseline_get_entries (baseline);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CharterBaselineEntry) entry = g_list_model_get_item (entries, i);
      gint32 v = charter_schedule_get_task_index (schedule, charter_baseline_entry_get_task_id (entry));
      guint32 start = parse_day (charter_baseline_entry_get_start (entry));
      guint32 finish = parse_day (charter_baseline_entry_get_finish (entry));

      if (v < 0 || start == 0 || finish == 0)
        continue;
      self->start[v] = start;
      self->finish[v] = finish;
      self->slip[v] = charter_schedule_get_slip_days (schedule, finish,
                                                      charter_schedule_get_task_dates_at (schedule, v)->early_finish);
    }
  return self;
}

/**
 * charter_baseline_comparison_get_baseline_id:
 * @self: a comparison
 *
 * Returns: the id of the baseline compared with
 */
const char *
charter_baseline_comparison_get_baseline_id (CharterBaselineComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->baseline_id;
}

/**
 * charter_baseline_comparison_get_task:
 * @self: a comparison
 * @task_index: a task's position in the document's task list
 * @baseline_start: (out) (optional): the baseline start (julian)
 * @baseline_finish: (out) (optional): the baseline finish (julian)
 * @slip_days: (out) (optional): working days the forecast finish is later
 *
 * Returns: %FALSE when the baseline has no entry for the task (a task
 *   added since), and then sets nothing
 */
gboolean
charter_baseline_comparison_get_task (CharterBaselineComparison *self,
                                      guint                      task_index,
                                      guint32                   *baseline_start,
                                      guint32                   *baseline_finish,
                                      int                       *slip_days)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (task_index < self->n_tasks, FALSE);

  if (self->finish[task_index] == 0)
    return FALSE;
  if (baseline_start != NULL)
    *baseline_start = self->start[task_index];
  if (baseline_finish != NULL)
    *baseline_finish = self->finish[task_index];
  if (slip_days != NULL)
    *slip_days = self->slip[task_index];
  return TRUE;
}

/**
 * charter_baseline_comparison_get_launch_slip:
 * @self: a comparison
 * @slip_days: (out): working days the launch (charter_schedule_get_launch())
 *   is later than in the baseline
 *
 * Returns: %FALSE when the baseline has no entry for the launch
 */
gboolean
charter_baseline_comparison_get_launch_slip (CharterBaselineComparison *self,
                                             int                       *slip_days)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->launch < 0)
    return FALSE;
  return charter_baseline_comparison_get_task (self, self->launch, NULL, NULL, slip_days);
}

/**
 * charter_baseline_comparison_free:
 * @self: (nullable): a comparison
 *
 * Frees @self.
 */
void
charter_baseline_comparison_free (CharterBaselineComparison *self)
{
  if (self == NULL)
    return;
  g_free (self->baseline_id);
  g_free (self->start);
  g_free (self->finish);
  g_free (self->slip);
  g_free (self);
}
