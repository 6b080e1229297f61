/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Properties over thousands of generated plans: every dependency holds, no
 * task overlaps its team's commitments or exceeds its capacity, launches
 * avoid their weekdays, floats are consistent, and an incremental
 * reschedule gives exactly what a full one gives. The plans come from fixed
 * seeds, so a failure names the seed that reproduces it. */

#include "config.h"

#include <stdio.h>

#include "charter-schedule.h"
#include "charter-schedule-private.h"
#include "charter-scheduler.h"
#include "engine-test-util.h"

#ifndef N_PLANS
#define N_PLANS 3000
#endif

typedef struct
{
  guint seed;
  CharterDocument *doc;
  gboolean has_deadlines;
} Generated;

static CharterDocument *
generate (guint     seed,
          gboolean *has_deadlines)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CharterDocument *doc = plan_new ("2025-03-03");
  CharterCalendar *calendar = charter_document_get_calendar (doc);
  int n = g_rand_int_range (rand, 1, 30);
  int n_teams = g_rand_int_range (rand, 0, 4);
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *order = g_new (int, n);
  guint32 base = julian ("2025-03-03");

  *has_deadlines = FALSE;

  if (g_rand_int_range (rand, 0, 4) == 0)
    charter_calendar_set_working_days (calendar, CHARTER_WEEKDAYS_WORKWEEK | CHARTER_WEEKDAYS_SATURDAY);
  for (int h = g_rand_int_range (rand, 0, 6); h > 0; h--)
    g_ptr_array_add (holidays, iso (base + g_rand_int_range (rand, 0, 120)));
  g_ptr_array_add (holidays, NULL);
  charter_calendar_set_holidays (calendar, (const char * const *) holidays->pdata);
  if (g_rand_boolean (rand))
    charter_calendar_set_no_launch_days (calendar, CHARTER_WEEKDAYS_FRIDAY | (g_rand_boolean (rand) ? CHARTER_WEEKDAYS_MONDAY : 0));

  for (int t = 0; t < n_teams; t++)
    {
      g_autofree char *id = g_strdup_printf ("team%d", t);
      CharterTeam *team = plan_team (doc, id, id, g_rand_int_range (rand, 1, 4));

      for (int c = g_rand_int_range (rand, 0, 3); c > 0; c--)
        {
          guint32 from = base + g_rand_int_range (rand, -10, 80);
          g_autofree char *s = iso (from);
          g_autofree char *f = iso (from + g_rand_int_range (rand, 0, 15));

          plan_commitment (team, s, f, "elsewhere");
        }
    }

  /* Tasks appear in a shuffled document order; dependencies go from a lower
   * to a higher rank, so the plan has no cycle. */
  for (int i = 0; i < n; i++)
    order[i] = i;
  for (int i = n - 1; i > 0; i--)
    {
      int j = g_rand_int_range (rand, 0, i + 1), tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  for (int k = 0; k < n; k++)
    {
      int i = order[k];
      g_autofree char *id = g_strdup_printf ("t%d", i);
      gboolean milestone = g_rand_int_range (rand, 0, 6) == 0;
      CharterTask *task = plan_task (doc, id, id, milestone ? 0 : g_rand_int_range (rand, 1, 12));

      if (n_teams > 0 && !milestone && g_rand_int_range (rand, 0, 3) > 0)
        {
          g_autofree char *team = g_strdup_printf ("team%d", g_rand_int_range (rand, 0, n_teams));
          charter_task_set_team_id (task, team);
        }
      if (milestone && g_rand_boolean (rand))
        charter_task_set_launch (task, TRUE);
      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          g_autofree char *date = iso (base + g_rand_int_range (rand, -5, 40));
          charter_task_set_start_no_earlier_than (task, date);
        }
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_autofree char *date = iso (base + g_rand_int_range (rand, 0, 60));
          charter_task_set_finish_no_later_than (task, date);
          *has_deadlines = TRUE;
        }
    }
  for (int i = 1; i < n; i++)
    for (int e = g_rand_int_range (rand, 0, 3); e > 0; e--)
      {
        g_autofree char *from = g_strdup_printf ("t%d", g_rand_int_range (rand, 0, i));
        g_autofree char *to = g_strdup_printf ("t%d", i);
        g_autofree char *dep_id = g_strdup_printf ("%s-%s", from, to);

        if (charter_document_find (doc, charter_document_get_dependencies (doc), dep_id) != NULL)
          continue;
        plan_dep (doc, from, to, g_rand_int_range (rand, 0, 4), g_rand_int_range (rand, -3, 4));
      }

  return doc;
}

static void
check_plan (guint            seed,
            CharterDocument *doc,
            gboolean         has_deadlines,
            CharterSchedule *schedule)
{
  CharterCalendar *calendar = charter_document_get_calendar (doc);
  GListModel *tasks = charter_document_get_tasks (doc);
  GListModel *deps = charter_document_get_dependencies (doc);
  GListModel *teams = charter_document_get_teams (doc);
  guint n = g_list_model_get_n_items (tasks);
  gboolean missed = FALSE;
  gint32 end = 0;
  g_autofree gint32 *es = g_new (gint32, n);
  g_autofree gint32 *ef = g_new (gint32, n);
  g_autofree gint32 *ls = g_new (gint32, n);
  g_autofree gint32 *lf = g_new (gint32, n);

#define CHECK(cond, fmt, ...) G_STMT_START { if (!(cond)) g_error ("seed %u: " fmt, seed, ##__VA_ARGS__); } G_STMT_END

  for (guint i = 0; i < n; i++)
    {
      charter_schedule_get_instants (schedule, i, &es[i], &ef[i], &ls[i], &lf[i]);
      missed |= charter_schedule_get_task_dates_at (schedule, i)->missed_deadline;
      end = MAX (end, ef[i]);
    }
  CHECK (end == charter_schedule_get_working_days (schedule), "working days %d vs %d", end,
         charter_schedule_get_working_days (schedule));

  for (guint e = 0; e < g_list_model_get_n_items (deps); e++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, e);
      gint32 u = charter_schedule_get_task_index (schedule, charter_dependency_get_predecessor (dep));
      gint32 v = charter_schedule_get_task_index (schedule, charter_dependency_get_successor (dep));
      int lag = charter_dependency_get_lag (dep);
      gboolean holds = FALSE;

      switch (charter_dependency_get_kind (dep))
        {
        case CHARTER_DEPENDENCY_FINISH_TO_START: holds = es[v] >= ef[u] + lag; break;
        case CHARTER_DEPENDENCY_START_TO_START: holds = es[v] >= es[u] + lag; break;
        case CHARTER_DEPENDENCY_FINISH_TO_FINISH: holds = ef[v] >= ef[u] + lag || es[v] == 0; break;
        case CHARTER_DEPENDENCY_START_TO_FINISH: holds = ef[v] >= es[u] + lag || es[v] == 0; break;
        }
      CHECK (holds, "dependency %s does not hold", charter_item_get_id (CHARTER_ITEM (dep)));
      /* And the late dates respect it too. */
      switch (charter_dependency_get_kind (dep))
        {
        case CHARTER_DEPENDENCY_FINISH_TO_START: holds = ls[v] >= lf[u] + lag; break;
        case CHARTER_DEPENDENCY_START_TO_START: holds = ls[v] >= ls[u] + lag; break;
        case CHARTER_DEPENDENCY_FINISH_TO_FINISH: holds = lf[v] >= lf[u] + lag; break;
        case CHARTER_DEPENDENCY_START_TO_FINISH: holds = lf[v] >= ls[u] + lag; break;
        }
      CHECK (holds, "late dates break dependency %s", charter_item_get_id (CHARTER_ITEM (dep)));
    }

  /* Levelling's hidden links: the waited-for task ends as the waiting one
   * starts, and the late dates keep that order. */
  for (guint i = 0; i < n; i++)
    {
      gint32 u = charter_schedule_get_resource_predecessor (schedule, i);

      if (u < 0)
        continue;
      CHECK (ef[u] == es[i], "task %u waited for %d, which does not end as it starts", i, u);
      CHECK (ls[i] >= lf[u], "late dates break the hidden link %d -> %u", u, i);
    }

  /* Along the critical path, every task is critical (no launch moved it:
   * a launch's move can give what came before it a little float). */
  {
    const char * const *path = charter_schedule_get_critical_path (schedule);
    gboolean launch_moved = FALSE;

    for (guint i = 0; i < n; i++)
      launch_moved |= g_str_has_prefix (charter_schedule_get_task_dates_at (schedule, i)->driver, "launches never");
    if (!missed && !launch_moved)
      for (guint k = 0; path[k] != NULL; k++)
        CHECK (charter_schedule_get_task_dates (schedule, path[k])->total_float == 0,
               "critical path task %s has float", path[k]);
    CHECK (path[0] != NULL || n == 0, "no critical path");
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      const char *team_id = charter_task_get_team_id (task);
      const char *snet = charter_task_get_start_no_earlier_than (task);
      int d = dates->duration;

      CHECK (ef[i] - es[i] == d && lf[i] - ls[i] == d, "task %u durations", i);
      CHECK (ls[i] - es[i] == dates->total_float, "task %u total float", i);
      CHECK (dates->free_float >= 0, "task %u free float negative", i);
      CHECK (dates->free_float <= MAX (dates->total_float, 0), "task %u free > total", i);
      CHECK (lf[i] <= end, "task %u late finish after the end", i);
      CHECK (dates->driver != NULL && *dates->driver != '\0', "task %u has no driver", i);
      if (!missed)
        {
          CHECK (dates->total_float >= 0, "task %u negative float without a missed deadline", i);
          CHECK (dates->critical == (dates->total_float == 0), "task %u critical flag", i);
        }
      CHECK (dates->late_start >= dates->early_start || dates->total_float < 0, "task %u late before early", i);
      if (d > 0)
        {
          CHECK (charter_schedule_count_working_days (schedule, dates->early_start, dates->early_finish) == d,
                 "task %u spans %d working days, not %d", i,
                 charter_schedule_count_working_days (schedule, dates->early_start, dates->early_finish), d);
          CHECK (charter_schedule_is_working_day (schedule, dates->early_start) &&
                 charter_schedule_is_working_day (schedule, dates->early_finish), "task %u on a day off", i);
        }
      if (charter_task_get_finish_no_later_than (task) != NULL)
        CHECK (dates->missed_deadline == (dates->early_finish > julian (charter_task_get_finish_no_later_than (task))),
               "task %u deadline flag", i);
      if (snet != NULL)
        CHECK (dates->early_start >= MAX (julian (snet), charter_schedule_get_start (schedule)), "task %u starts before its constraint", i);
      if (team_id != NULL && d > 0)
        for (guint32 day = dates->early_start; day <= dates->early_finish; day++)
          if (charter_schedule_is_working_day (schedule, day))
            CHECK (!charter_schedule_is_team_busy (schedule, team_id, day), "task %u overlaps a commitment of %s", i, team_id);
      if (charter_task_get_launch (task))
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, dates->early_start);
          CHECK ((charter_calendar_get_no_launch_days (calendar) & (1 << (g_date_get_weekday (&date) - 1))) == 0,
                 "launch %u on a forbidden weekday", i);
        }
    }

  /* Capacity: at no instant more of a team's tasks than it has people for. */
  for (guint t = 0; t < g_list_model_get_n_items (teams); t++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, t);
      g_autofree int *load = g_new0 (int, end + 1);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

          if (g_strcmp0 (charter_task_get_team_id (task), charter_item_get_id (CHARTER_ITEM (team))) == 0)
            for (gint32 k = es[i]; k < ef[i]; k++)
              load[k]++;
        }
      for (gint32 k = 0; k < end; k++)
        CHECK (load[k] <= charter_team_get_capacity (team), "team %u over capacity at %d", t, k);
    }

  if (!has_deadlines)
    CHECK (!missed, "a deadline missed without deadlines");
#undef CHECK
}

static void
assert_same (guint            seed,
             CharterSchedule *a,
             CharterSchedule *b)
{
  guint n = charter_schedule_get_n_tasks (a);

  g_assert_cmpuint (n, ==, charter_schedule_get_n_tasks (b));
  for (guint i = 0; i < n; i++)
    {
      const CharterTaskDates *x = charter_schedule_get_task_dates_at (a, i);
      const CharterTaskDates *y = charter_schedule_get_task_dates_at (b, i);

      if (x->early_start != y->early_start || x->early_finish != y->early_finish ||
          x->late_start != y->late_start || x->late_finish != y->late_finish ||
          x->total_float != y->total_float || x->free_float != y->free_float ||
          x->critical != y->critical || g_strcmp0 (x->driver, y->driver) != 0)
        g_error ("seed %u: incremental and full schedules differ at task %u", seed, i);
    }
  g_assert_cmpuint (charter_schedule_get_finish (a), ==, charter_schedule_get_finish (b));
}

static void
test_random_plans (void)
{
  guint scheduled = 0;

  for (guint seed = 1; seed <= N_PLANS; seed++)
    {
      gboolean has_deadlines;
      g_autoptr(CharterDocument) doc = generate (seed, &has_deadlines);
      g_autoptr(GError) error = NULL;
      g_autoptr(CharterSchedule) schedule = charter_schedule_compute (doc, &error);
      g_autoptr(CharterScheduler) scheduler = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      GListModel *tasks = charter_document_get_tasks (doc);

      if (schedule == NULL)
        g_error ("seed %u: %s", seed, error->message);
      check_plan (seed, doc, has_deadlines, schedule);
      scheduled++;

      /* Change durations through the scheduler: its incremental schedule
       * must equal a full one, and satisfy the same properties. */
      scheduler = charter_scheduler_new (doc);
      for (int change = 0; change < 3; change++)
        {
          guint i = g_rand_int_range (rand, 0, g_list_model_get_n_items (tasks));
          g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
          g_autoptr(CharterSchedule) full = NULL;

          charter_document_set (doc, task, "duration", g_rand_int_range (rand, 1, 15), NULL);
          full = charter_schedule_compute (doc, &error);
          g_assert_no_error (error);
          assert_same (seed, charter_scheduler_get_schedule (scheduler), full);
          check_plan (seed, doc, has_deadlines, charter_scheduler_get_schedule (scheduler));
        }
    }
  g_assert_cmpuint (scheduled, ==, N_PLANS);
}

/* A check-in at the start of task @v saying it has @remaining working days
 * left (any earlier check-in replaced). */
static void
set_check_in (CharterDocument *doc,
              const char      *date,
              const char      *task_id,
              int              remaining)
{
  g_autoptr(CharterCheckIn) check_in = charter_check_in_new ("c");
  g_autoptr(CharterTaskStatus) status = charter_task_status_new ("c-s");

  g_list_store_remove_all (G_LIST_STORE (charter_document_get_check_ins (doc)));
  charter_check_in_set_date (check_in, date);
  charter_task_status_set_task_id (status, task_id);
  charter_task_status_set_percent_complete (status, 10);
  charter_task_status_set_remaining (status, remaining);
  g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);
  g_list_store_append (G_LIST_STORE (charter_document_get_check_ins (doc)), check_in);
}

/* Critical-path properties of remaining estimates, on generated plans made
 * plain (finish-to-start links only, no teams, deadlines or launch rule, so
 * that only links move dates): a task under way at the status date whose
 * check-in gives k more working days than planned moves the finish by
 * max(0, k − its total float): exactly k on a critical task, nothing until
 * its float is used up on one with float. */
static void
test_remaining_moves_finish (void)
{
  guint critical_seen = 0, float_seen = 0;

  for (guint seed = 1; seed <= N_PLANS / 6; seed++)
    {
      gboolean has_deadlines;
      g_autoptr(CharterDocument) doc = generate (seed, &has_deadlines);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 104729);
      g_autoptr(CharterSchedule) plan = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *tasks = charter_document_get_tasks (doc);
      GListModel *deps = charter_document_get_dependencies (doc);
      guint n = g_list_model_get_n_items (tasks);
      guint v;
      const CharterTaskDates *dates;
      gint32 es, ef, ls, lf;
      g_autofree char *status_day = NULL;
      int planned, tf;
      int ks[5];

      charter_calendar_set_no_launch_days (charter_document_get_calendar (doc), CHARTER_WEEKDAYS_NONE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

          charter_task_set_team_id (task, NULL);
          charter_task_set_finish_no_later_than (task, NULL);
        }
      for (guint e = 0; e < g_list_model_get_n_items (deps); e++)
        {
          g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, e);

          charter_dependency_set_kind (dep, CHARTER_DEPENDENCY_FINISH_TO_START);
        }
      plan = charter_schedule_compute_as_of (doc, "none", &error);
      g_assert_no_error (error);

      /* A task with work, under way from its first day. */
      v = g_rand_int_range (rand, 0, n);
      for (guint k = 0; k < n && charter_schedule_get_task_dates_at (plan, v)->duration == 0; k++)
        v = (v + 1) % n;
      dates = charter_schedule_get_task_dates_at (plan, v);
      if (dates->duration == 0)
        continue;
      charter_schedule_get_instants (plan, v, &es, &ef, &ls, &lf);
      status_day = iso (dates->early_start);
      planned = ef - es - 1;              /* working days left after its first day */
      tf = dates->total_float;
      g_assert_cmpint (tf, >=, 0);
      if (tf == 0)
        critical_seen++;
      else
        float_seen++;

      ks[0] = 0;
      ks[1] = 1;
      ks[2] = g_rand_int_range (rand, 2, 12);
      ks[3] = tf;
      ks[4] = tf + g_rand_int_range (rand, 1, 6);
      for (guint j = 0; j < G_N_ELEMENTS (ks); j++)
        {
          g_autoptr(CharterSchedule) after = NULL;
          int expected = MAX (0, ks[j] - tf);

          set_check_in (doc, status_day, charter_schedule_get_task_id (plan, v), planned + ks[j]);
          after = charter_schedule_compute (doc, &error);
          g_assert_no_error (error);
          if (charter_schedule_get_working_days (after) - charter_schedule_get_working_days (plan) != expected)
            g_error ("seed %u: task %s (float %d) with %d more working days remaining moved the finish by %d, not %d",
                     seed, charter_schedule_get_task_id (plan, v), tf, ks[j],
                     charter_schedule_get_working_days (after) - charter_schedule_get_working_days (plan), expected);
        }
    }
  g_assert_cmpuint (critical_seen, >, 50);
  g_assert_cmpuint (float_seen, >, 50);
}

/* Random check-ins on the generated plans (levelling, commitments, every
 * link type, launches): --as-of none schedules exactly as the plan without
 * check-ins, and the scheduler's incremental reschedule with check-ins
 * equals a full one. */
static void
test_as_of_none (void)
{
  for (guint seed = 1; seed <= N_PLANS / 6; seed++)
    {
      gboolean has_deadlines;
      g_autoptr(CharterDocument) doc = generate (seed, &has_deadlines);
      g_autoptr(CharterDocument) bare = generate (seed, &has_deadlines);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 15485863);
      g_autoptr(GError) error = NULL;
      g_autoptr(CharterSchedule) none = NULL;
      g_autoptr(CharterSchedule) without = NULL;
      g_autoptr(CharterScheduler) scheduler = NULL;
      GListModel *tasks = charter_document_get_tasks (doc);
      guint n = g_list_model_get_n_items (tasks);
      guint32 base = julian ("2025-03-03");

      for (int c = g_rand_int_range (rand, 1, 4); c > 0; c--)
        {
          g_autofree char *id = g_strdup_printf ("c%d", c);
          g_autofree char *date = iso (base + g_rand_int_range (rand, -5, 90));
          g_autoptr(CharterCheckIn) check_in = charter_check_in_new (id);

          charter_check_in_set_date (check_in, date);
          for (int k = g_rand_int_range (rand, 0, 6); k > 0; k--)
            {
              g_autofree char *sid = g_strdup_printf ("%s-%d", id, k);
              g_autoptr(CharterTaskStatus) status = charter_task_status_new (sid);
              g_autoptr(CharterTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, n));

              charter_task_status_set_task_id (status, charter_item_get_id (CHARTER_ITEM (task)));
              charter_task_status_set_state (status, g_rand_int_range (rand, 0, 4));
              charter_task_status_set_percent_complete (status, g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 1, 101));
              charter_task_status_set_remaining (status, g_rand_boolean (rand) ? -1 : g_rand_int_range (rand, 0, 15));
              g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);
            }
          g_list_store_append (G_LIST_STORE (charter_document_get_check_ins (doc)), check_in);
        }

      none = charter_schedule_compute_as_of (doc, "none", &error);
      g_assert_no_error (error);
      without = charter_schedule_compute (bare, &error);
      g_assert_no_error (error);
      assert_same (seed, none, without);
      g_assert_cmpuint (charter_schedule_get_status_date (none), ==, 0);

      scheduler = charter_scheduler_new (doc);
      for (int change = 0; change < 2; change++)
        {
          g_autoptr(CharterTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, n));
          g_autoptr(CharterSchedule) full = NULL;

          charter_document_set (doc, task, "duration", g_rand_int_range (rand, 1, 15), NULL);
          full = charter_schedule_compute (doc, &error);
          g_assert_no_error (error);
          assert_same (seed, charter_scheduler_get_schedule (scheduler), full);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/random-plans", test_random_plans);
  g_test_add_func ("/engine/random-plans/remaining-moves-finish", test_remaining_moves_finish);
  g_test_add_func ("/engine/random-plans/as-of-none", test_as_of_none);

  return g_test_run ();
}
