/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reforecasting from check-ins, worked out by hand (docs/scheduling.md,
 * "Reforecasting"): the status date, a task done early, one late, one not
 * started by the status date, a remaining estimate whose successor crosses a
 * holiday, --as-of, the explanation of what moved, the baseline comparison
 * and the milestone trend. The calendar is Monday to Friday from Mon 3 Mar
 * 2025. */

#include "config.h"

#include "charter-baseline-comparison.h"
#include "charter-schedule.h"
#include "charter-scheduler.h"
#include "charter-trend.h"
#include "engine-test-util.h"

#define START "2025-03-03"

static CharterSchedule *
schedule_as_of (CharterDocument *doc,
                const char      *as_of)
{
  g_autoptr(GError) error = NULL;
  CharterSchedule *schedule = charter_schedule_compute_as_of (doc, as_of, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

static CharterCheckIn *
plan_check_in (CharterDocument *doc,
               const char      *id,
               const char      *date)
{
  g_autoptr(CharterCheckIn) check_in = charter_check_in_new (id);

  charter_check_in_set_date (check_in, date);
  g_list_store_append (G_LIST_STORE (charter_document_get_check_ins (doc)), check_in);
  return check_in;
}

static CharterTaskStatus *
plan_status (CharterCheckIn   *check_in,
             const char       *task_id,
             CharterTaskState  state,
             int               percent,
             int               remaining)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", charter_item_get_id (CHARTER_ITEM (check_in)), task_id);
  g_autoptr(CharterTaskStatus) status = charter_task_status_new (id);

  charter_task_status_set_task_id (status, task_id);
  charter_task_status_set_state (status, state);
  charter_task_status_set_percent_complete (status, percent);
  charter_task_status_set_remaining (status, remaining);
  g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);
  return status;
}

static void
assert_task (CharterSchedule *schedule,
             const char      *task_id,
             const char      *start,
             const char      *finish)
{
  const CharterTaskDates *dates = charter_schedule_get_task_dates (schedule, task_id);
  g_autofree char *s = NULL, *f = NULL;

  g_assert_nonnull (dates);
  s = iso (dates->early_start);
  f = iso (dates->early_finish);
  g_assert_cmpstr (s, ==, start);
  g_assert_cmpstr (f, ==, finish);
}

/* A (3 days) then D (5 days) then X (2 days): 3–5, 6–12, 13–14 Mar. The
 * check-in of Mon 10 Mar says D is done: it finishes no later than that
 * day (4–10 Mar, its duration kept), and X, not started, starts the next
 * working day, Tue 11 Mar, two days earlier than planned. */
static void
test_done_early (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) before = NULL;
  g_autoptr(CharterSchedule) after = NULL;
  CharterCheckIn *check_in;
  gint32 d;

  plan_task (doc, "a", "A", 3);
  plan_task (doc, "d", "D", 5);
  plan_task (doc, "x", "X", 2);
  plan_dep (doc, "a", "d", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "d", "x", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  before = schedule_as_of (doc, NULL);
  assert_task (before, "d", "2025-03-06", "2025-03-12");
  assert_task (before, "x", "2025-03-13", "2025-03-14");
  g_assert_cmpuint (charter_schedule_get_status_date (before), ==, 0);

  check_in = plan_check_in (doc, "c1", "2025-03-10");
  plan_status (check_in, "d", CHARTER_TASK_STATE_DONE, 100, -1);
  after = schedule_as_of (doc, NULL);
  g_assert_cmpuint (charter_schedule_get_status_date (after), ==, julian ("2025-03-10"));
  assert_task (after, "a", "2025-03-03", "2025-03-05");
  assert_task (after, "d", "2025-03-04", "2025-03-10");
  assert_task (after, "x", "2025-03-11", "2025-03-12");
  d = charter_schedule_get_task_index (after, "d");
  g_assert_true (charter_schedule_is_done (after, d));
  g_assert_false (charter_schedule_get_task_dates_at (after, d)->critical);
  g_assert_cmpint (charter_schedule_get_task_dates_at (after, d)->total_float, ==, 0);
  g_assert_cmpint (charter_schedule_get_remaining_days (after, d), ==, -1);
  g_assert_cmpstr (charter_schedule_get_task_dates_at (after, d)->driver, ==,
                   "done at the check-in of Mon 10 Mar 2025");
  g_assert_cmpstr (charter_schedule_get_task_dates_at (after, charter_schedule_get_task_index (after, "x"))->driver,
                   ==, "after “D”");
}

/* A done task that had planned to finish before the status date keeps its
 * planned dates; one longer than the time from the project start to the
 * status date still ends on the status date. */
static void
test_done_on_time (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterCheckIn *check_in;

  plan_task (doc, "a", "A", 3);
  plan_task (doc, "long", "Long", 20);
  check_in = plan_check_in (doc, "c1", "2025-03-07");
  plan_status (check_in, "a", CHARTER_TASK_STATE_DONE, 100, 0);
  plan_status (check_in, "long", CHARTER_TASK_STATE_DONE, 100, -1);
  schedule = schedule_as_of (doc, NULL);
  assert_task (schedule, "a", "2025-03-03", "2025-03-05");
  assert_task (schedule, "long", "2025-03-03", "2025-03-07");
}

/* L (3 days, 3–5 Mar) is reported at 60 % on Mon 10 Mar without a remaining
 * estimate: it is late, and is given one more working day (Tue 11 Mar) with
 * a warning. M (5 days, 3–7 Mar) reported with 4 working days remaining
 * finishes on the 4th working day after the status date, Fri 14 Mar. */
static void
test_late (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterCheckIn *check_in;
  const char * const *warnings;
  gboolean warned = FALSE;
  g_autofree char *text = NULL;

  plan_task (doc, "l", "L", 3);
  plan_task (doc, "m", "M", 5);
  check_in = plan_check_in (doc, "c1", "2025-03-10");
  plan_status (check_in, "l", CHARTER_TASK_STATE_AT_RISK, 60, -1);
  plan_status (check_in, "m", CHARTER_TASK_STATE_ON_TRACK, 50, 4);
  schedule = schedule_as_of (doc, NULL);
  assert_task (schedule, "l", "2025-03-03", "2025-03-11");
  assert_task (schedule, "m", "2025-03-03", "2025-03-14");
  g_assert_cmpint (charter_schedule_get_task_dates (schedule, "m")->duration, ==, 10);
  g_assert_cmpint (charter_schedule_get_remaining_days (schedule, charter_schedule_get_task_index (schedule, "m")), ==, 4);
  warnings = charter_schedule_get_warnings (schedule);
  for (guint i = 0; warnings[i] != NULL; i++)
    warned |= strstr (warnings[i], "“L” is not done at the check-in of Mon 10 Mar 2025") != NULL;
  g_assert_true (warned);

  /* What moved since the plan without check-ins: M, 4 days left where 0 were planned. */
  text = charter_schedule_explain_check_in (schedule);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "“M” moves 5 working days later since the check-in of Mon 10 Mar 2025 (to Fri 14 Mar 2025)"));
  g_assert_nonnull (strstr (text, "“M” has 4 working days remaining, 4 more than planned"));
  g_assert_nonnull (strstr (text, "“L” is not done, though planned to finish by then"));
}

/* N (4 days, after A: 6–11 Mar) is reported not started (0 %) on Fri 7 Mar:
 * it starts Mon 10 Mar, the next working day, and finishes Thu 13 Mar. With
 * 2 days remaining instead it takes 2 days: 10–11 Mar. A status at 0 % on a
 * task planned to start after the status date changes nothing. */
static void
test_not_started (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSchedule) estimated = NULL;
  CharterCheckIn *check_in;
  CharterTaskStatus *status;

  plan_task (doc, "n", "N", 4);
  plan_task (doc, "later", "Later", 2);
  charter_task_set_start_no_earlier_than (CHARTER_TASK (g_list_model_get_object (charter_document_get_tasks (doc), 1)),
                                          "2025-03-17");
  g_object_unref (g_list_model_get_object (charter_document_get_tasks (doc), 1));
  check_in = plan_check_in (doc, "c1", "2025-03-07");
  status = plan_status (check_in, "n", CHARTER_TASK_STATE_BLOCKED, 0, -1);
  plan_status (check_in, "later", CHARTER_TASK_STATE_ON_TRACK, 0, -1);
  schedule = schedule_as_of (doc, NULL);
  assert_task (schedule, "n", "2025-03-10", "2025-03-13");
  assert_task (schedule, "later", "2025-03-17", "2025-03-18");
  g_assert_cmpstr (charter_schedule_get_task_dates (schedule, "n")->driver, ==,
                   "not started at the check-in of Fri 7 Mar 2025");

  charter_task_status_set_remaining (status, 2);
  estimated = schedule_as_of (doc, NULL);
  assert_task (estimated, "n", "2025-03-10", "2025-03-11");
}

/* R (10 days, 3–14 Mar) then S (2 days). Mon 17 Mar is a holiday, so the
 * plan has S on Tue 18 – Wed 19 Mar. The check-in of Fri 7 Mar says R has 6
 * working days remaining: Mon 10 … Fri 14, then (the holiday skipped) Tue
 * 18 Mar; S follows on Wed 19 – Thu 20 Mar. */
static void
test_remaining_across_holiday (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) plan = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  const char *holidays[] = { "2025-03-17", NULL };
  CharterCheckIn *check_in;

  charter_calendar_set_holidays (charter_document_get_calendar (doc), holidays);
  plan_task (doc, "r", "R", 10);
  plan_task (doc, "s", "S", 2);
  plan_dep (doc, "r", "s", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan = schedule_as_of (doc, NULL);
  assert_task (plan, "r", "2025-03-03", "2025-03-14");
  assert_task (plan, "s", "2025-03-18", "2025-03-19");

  check_in = plan_check_in (doc, "c1", "2025-03-07");
  plan_status (check_in, "r", CHARTER_TASK_STATE_AT_RISK, 50, 6);
  schedule = schedule_as_of (doc, NULL);
  assert_task (schedule, "r", "2025-03-03", "2025-03-18");
  assert_task (schedule, "s", "2025-03-19", "2025-03-20");
  g_assert_cmpstr (charter_schedule_get_task_dates (schedule, "r")->driver, ==,
                   "6 working days remaining at the check-in of Fri 7 Mar 2025");
  g_assert_true (charter_schedule_get_task_dates (schedule, "r")->critical);
  g_assert_cmpint (charter_schedule_get_working_days (schedule), ==, 13);

  /* Remaining 0: it finishes on the status date itself. */
  charter_task_status_set_remaining (CHARTER_TASK_STATUS (g_list_model_get_object (charter_check_in_get_statuses (check_in), 0)), 0);
  g_object_unref (g_list_model_get_object (charter_check_in_get_statuses (check_in), 0));
  g_clear_object (&schedule);
  schedule = schedule_as_of (doc, NULL);
  assert_task (schedule, "r", "2025-03-03", "2025-03-07");
  assert_task (schedule, "s", "2025-03-10", "2025-03-11");
}

/* Two check-ins: the latest one counts; --as-of picks the latest on or
 * before a date, "none" ignores them, a date before the first means none;
 * a task mentioned only by the first keeps what it said. */
static void
test_as_of (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) latest = NULL, first = NULL, none = NULL, early = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterSchedule) bad = NULL;
  CharterCheckIn *c1, *c2;
  g_autofree char *text = NULL;

  plan_task (doc, "r", "R", 10);        /* 3–14 Mar */
  plan_task (doc, "launch", "Launch", 0);
  charter_task_set_launch (CHARTER_TASK (charter_document_find (doc, charter_document_get_tasks (doc), "launch")), TRUE);
  plan_dep (doc, "r", "launch", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  /* In the document the later check-in comes first: order is by date. */
  c2 = plan_check_in (doc, "c2", "2025-03-12");
  c1 = plan_check_in (doc, "c1", "2025-03-05");
  plan_status (c1, "r", CHARTER_TASK_STATE_ON_TRACK, 30, 7);   /* to Fri 14 Mar, as planned */
  plan_status (c2, "r", CHARTER_TASK_STATE_AT_RISK, 70, 5);    /* to Wed 19 Mar: 3 more */

  latest = schedule_as_of (doc, NULL);
  assert_task (latest, "r", "2025-03-03", "2025-03-19");
  g_assert_cmpstr (charter_schedule_get_check_in_id (latest, charter_schedule_get_check_in (latest)), ==, "c2");
  first = schedule_as_of (doc, "2025-03-11");
  assert_task (first, "r", "2025-03-03", "2025-03-14");
  g_assert_cmpuint (charter_schedule_get_status_date (first), ==, julian ("2025-03-05"));
  none = schedule_as_of (doc, "none");
  assert_task (none, "r", "2025-03-03", "2025-03-14");
  g_assert_cmpuint (charter_schedule_get_status_date (none), ==, 0);
  early = schedule_as_of (doc, "2025-03-01");
  g_assert_cmpuint (charter_schedule_get_status_date (early), ==, 0);

  bad = charter_schedule_compute_as_of (doc, "yesterday", &error);
  g_assert_null (bad);
  g_assert_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE);

  /* The launch (Wed 19 Mar; Fri 14 Mar as of c1) and why it moved. */
  assert_task (latest, "launch", "2025-03-19", "2025-03-19");
  text = charter_schedule_explain_check_in (latest);
  g_assert_cmpstr (text, ==, "“Launch” moves 3 working days later since the check-in of Wed 12 Mar 2025 "
                             "(to Wed 19 Mar 2025): “R” has 5 working days remaining, 3 more than planned.\n");
  g_clear_pointer (&text, g_free);
  text = charter_schedule_explain (latest);
  g_assert_nonnull (strstr (text, "“Launch” moves 3 working days later since the check-in of Wed 12 Mar 2025"));
}

/* The baseline comparison: slips in working days of the plan's calendar
 * (a weekend is not a slip), the launch's slip, tasks added since. */
static void
test_baseline (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterBaselineComparison) cmp = NULL;
  g_autoptr(CharterBaseline) old = charter_baseline_new ("b0");
  g_autoptr(CharterBaseline) baseline = charter_baseline_new ("b1");
  const char *entries[][3] = {
    { "r", "2025-03-03", "2025-03-12" },     /* forecast Fri 14: +2 */
    { "launch", "2025-03-20", "2025-03-20" },/* forecast Fri 14: -4 */
  };
  CharterCheckIn *check_in;
  guint32 finish;
  int slip;

  plan_task (doc, "r", "R", 10);
  plan_task (doc, "launch", "Launch", 0);
  plan_task (doc, "new", "New", 1);
  charter_task_set_launch (CHARTER_TASK (charter_document_find (doc, charter_document_get_tasks (doc), "launch")), TRUE);
  plan_dep (doc, "r", "launch", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  charter_baseline_set_name (old, "Old");
  charter_baseline_set_date (old, "2025-01-01");
  charter_baseline_set_name (baseline, "Agreed");
  charter_baseline_set_date (baseline, "2025-02-28");
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(CharterBaselineEntry) entry = charter_baseline_entry_new (id);

      charter_baseline_entry_set_task_id (entry, entries[i][0]);
      charter_baseline_entry_set_start (entry, entries[i][1]);
      charter_baseline_entry_set_finish (entry, entries[i][2]);
      g_list_store_append (G_LIST_STORE (charter_baseline_get_entries (baseline)), entry);
    }
  g_list_store_append (G_LIST_STORE (charter_document_get_baselines (doc)), baseline);
  g_list_store_append (G_LIST_STORE (charter_document_get_baselines (doc)), old);
  g_assert_true (charter_baseline_comparison_newest (doc) == baseline);

  schedule = schedule_as_of (doc, NULL);
  cmp = charter_baseline_comparison_new (schedule, baseline);
  g_assert_true (charter_baseline_comparison_get_task (cmp, 0, NULL, &finish, &slip));
  g_assert_cmpuint (finish, ==, julian ("2025-03-12"));
  g_assert_cmpint (slip, ==, 2);
  g_assert_true (charter_baseline_comparison_get_launch_slip (cmp, &slip));
  g_assert_cmpint (slip, ==, -4);
  g_assert_false (charter_baseline_comparison_get_task (cmp, 2, NULL, NULL, NULL));

  /* 8 days remaining on Mon 10 Mar: R ends Thu 20 Mar, 6 working days
   * after its baseline finish, and the launch with it: on its baseline day. */
  check_in = plan_check_in (doc, "c1", "2025-03-10");
  plan_status (check_in, "r", CHARTER_TASK_STATE_AT_RISK, 50, 8);
  g_clear_object (&schedule);
  g_clear_pointer (&cmp, charter_baseline_comparison_free);
  schedule = schedule_as_of (doc, NULL);
  cmp = charter_baseline_comparison_new (schedule, baseline);
  g_assert_true (charter_baseline_comparison_get_task (cmp, 0, NULL, NULL, &slip));
  g_assert_cmpint (slip, ==, 6);
  g_assert_true (charter_baseline_comparison_get_launch_slip (cmp, &slip));
  g_assert_cmpint (slip, ==, 0);
}

/* The trend: one point per check-in in date order, each milestone's
 * forecast as of it; the P80 only with uncertainty and runs asked for. */
static void
test_trend (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterTrend) trend = NULL;
  g_autoptr(CharterTrend) forecast = NULL;
  g_autoptr(GError) error = NULL;
  CharterCheckIn *c1, *c2;
  CharterTask *r;

  r = plan_task (doc, "r", "R", 10);
  plan_task (doc, "beta", "Beta", 0);
  plan_task (doc, "s", "S", 5);
  plan_task (doc, "launch", "Launch", 0);
  charter_task_set_launch (CHARTER_TASK (charter_document_find (doc, charter_document_get_tasks (doc), "launch")), TRUE);
  plan_dep (doc, "r", "beta", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "beta", "s", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "s", "launch", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  c1 = plan_check_in (doc, "c1", "2025-03-05");
  plan_status (c1, "r", CHARTER_TASK_STATE_ON_TRACK, 30, 9);   /* to Tue 18 Mar: +2 */
  c2 = plan_check_in (doc, "c2", "2025-03-12");
  plan_status (c2, "r", CHARTER_TASK_STATE_DONE, 100, 0);      /* by Wed 12 Mar */

  schedule = schedule_as_of (doc, NULL);
  trend = charter_trend_new (schedule, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (charter_trend_get_n_points (trend), ==, 2);
  g_assert_cmpuint (charter_trend_get_date (trend, 0), ==, julian ("2025-03-05"));
  g_assert_cmpstr (charter_trend_get_check_in_id (trend, 1), ==, "c2");
  g_assert_cmpuint (charter_trend_get_n_milestones (trend), ==, 2);
  g_assert_cmpstr (charter_trend_get_milestone_id (trend, 0), ==, "beta");
  g_assert_true (charter_trend_is_launch (trend, 1));
  g_assert_cmpuint (charter_trend_get_forecast (trend, 0, 0), ==, julian ("2025-03-18"));
  g_assert_cmpuint (charter_trend_get_forecast (trend, 0, 1), ==, julian ("2025-03-25"));
  g_assert_cmpuint (charter_trend_get_forecast (trend, 1, 0), ==, julian ("2025-03-12"));
  g_assert_cmpuint (charter_trend_get_forecast (trend, 1, 1), ==, julian ("2025-03-19"));
  g_assert_cmpuint (charter_trend_get_p80 (trend, 0), ==, 0);

  /* With a range on S, each point gets a P80 at or after its forecast. */
  charter_task_set_pessimistic (CHARTER_TASK (charter_document_find (doc, charter_document_get_tasks (doc), "s")), 15);
  g_clear_object (&schedule);
  schedule = schedule_as_of (doc, NULL);
  forecast = charter_trend_new (schedule, 200, 1, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < 2; p++)
    g_assert_cmpuint (charter_trend_get_p80 (forecast, p), >, charter_trend_get_forecast (forecast, p, 1));
  (void) r;
}

/* The scheduler follows check-in edits: a new remaining estimate moves the
 * schedule it keeps, and notes do not. */
static void
test_scheduler (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterScheduler) scheduler = NULL;
  CharterCheckIn *check_in;
  CharterTaskStatus *status;
  CharterSchedule *before;

  plan_task (doc, "r", "R", 10);
  check_in = plan_check_in (doc, "c1", "2025-03-07");
  status = plan_status (check_in, "r", CHARTER_TASK_STATE_ON_TRACK, 50, 5);
  scheduler = charter_scheduler_new (doc);
  assert_task (charter_scheduler_get_schedule (scheduler), "r", "2025-03-03", "2025-03-14");

  charter_document_set (doc, status, "remaining", 7, NULL);
  assert_task (charter_scheduler_get_schedule (scheduler), "r", "2025-03-03", "2025-03-18");

  before = charter_scheduler_get_schedule (scheduler);
  charter_document_set (doc, status, "notes", "Waiting on legal", NULL);
  g_assert_true (charter_scheduler_get_schedule (scheduler) == before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reforecast/done-early", test_done_early);
  g_test_add_func ("/reforecast/done-on-time", test_done_on_time);
  g_test_add_func ("/reforecast/late", test_late);
  g_test_add_func ("/reforecast/not-started", test_not_started);
  g_test_add_func ("/reforecast/remaining-across-holiday", test_remaining_across_holiday);
  g_test_add_func ("/reforecast/as-of", test_as_of);
  g_test_add_func ("/reforecast/baseline", test_baseline);
  g_test_add_func ("/reforecast/trend", test_trend);
  g_test_add_func ("/reforecast/scheduler", test_scheduler);

  return g_test_run ();
}
