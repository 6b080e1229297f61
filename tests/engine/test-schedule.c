/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The engine by hand: calendar arithmetic, each dependency type with lags and
 * leads, constraints, milestones, team commitments and capacity, the launch
 * rule, errors and explanations. Every expected date was worked out on a
 * paper calendar of March 2025 (Monday 3 March is the project start). */

#include "config.h"

#include <stdio.h>

#include "charter-schedule.h"
#include "charter-scheduler.h"
#include "charter-schedule-private.h"
#include "engine-test-util.h"

#define START "2025-03-03"

static CharterSchedule *
schedule_ok (CharterDocument *doc)
{
  g_autoptr(GError) error = NULL;
  CharterSchedule *schedule = charter_schedule_compute (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

static void
assert_dates (CharterSchedule *schedule,
              const char      *task_id,
              const char      *start,
              const char      *finish)
{
  const CharterTaskDates *dates = charter_schedule_get_task_dates (schedule, task_id);
  g_autofree char *s = NULL;
  g_autofree char *f = NULL;

  g_assert_nonnull (dates);
  s = iso (dates->early_start);
  f = iso (dates->early_finish);
  if (g_strcmp0 (s, start) != 0 || g_strcmp0 (f, finish) != 0)
    g_error ("%s: expected %s..%s, got %s..%s (driver: %s)", task_id, start, finish, s, f, dates->driver);
}

static void
test_calendar (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  const char *holidays[] = { "2025-03-05", NULL };
  g_autoptr(CharterSchedule) schedule = NULL;

  charter_calendar_set_holidays (charter_document_get_calendar (doc), holidays);
  schedule = schedule_ok (doc);

  g_assert_true (charter_schedule_is_working_day (schedule, julian ("2025-03-03")));
  g_assert_false (charter_schedule_is_working_day (schedule, julian ("2025-03-05")));
  g_assert_false (charter_schedule_is_working_day (schedule, julian ("2025-03-08")));
  g_assert_false (charter_schedule_is_working_day (schedule, julian ("2025-03-09")));

  /* Mon + 1 = Tue; Tue + 1 skips the Wednesday holiday; Fri + 1 = Mon. */
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-03"), 1), ==, julian ("2025-03-04"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-04"), 1), ==, julian ("2025-03-06"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-07"), 1), ==, julian ("2025-03-10"));
  /* From a Saturday, the first working day after it is one day on. */
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-08"), 1), ==, julian ("2025-03-10"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-08"), -1), ==, julian ("2025-03-07"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-10"), -1), ==, julian ("2025-03-07"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-10"), -4), ==, julian ("2025-03-03"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-10"), 0), ==, julian ("2025-03-10"));
  /* Before the project start the engine steps day by day. */
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-03"), -1), ==, julian ("2025-02-28"));
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-02-27"), 2), ==, julian ("2025-03-03"));
  /* Twenty working days from Mon 3 Mar with one holiday: Tue 1 Apr. */
  g_assert_cmpuint (charter_schedule_add_working_days (schedule, julian ("2025-03-03"), 20), ==, julian ("2025-04-01"));

  g_assert_cmpint (charter_schedule_count_working_days (schedule, julian ("2025-03-03"), julian ("2025-03-09")), ==, 4);
  g_assert_cmpint (charter_schedule_count_working_days (schedule, julian ("2025-03-03"), julian ("2025-03-03")), ==, 1);
  g_assert_cmpint (charter_schedule_count_working_days (schedule, julian ("2025-03-08"), julian ("2025-03-09")), ==, 0);
  g_assert_cmpint (charter_schedule_count_working_days (schedule, julian ("2025-03-10"), julian ("2025-03-03")), ==, 0);
  g_assert_cmpint (charter_schedule_count_working_days (schedule, julian ("2025-02-24"), julian ("2025-03-09")), ==, 9);
}

static void
test_finish_to_start (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  const CharterTaskDates *b;

  plan_task (doc, "a", "Backend", 5);
  plan_task (doc, "b", "Frontend", 3);
  plan_task (doc, "c", "Lagged", 2);
  plan_task (doc, "d", "Overlapping", 2);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 2);
  plan_dep (doc, "a", "d", CHARTER_DEPENDENCY_FINISH_TO_START, -2);
  schedule = schedule_ok (doc);

  assert_dates (schedule, "a", "2025-03-03", "2025-03-07");
  assert_dates (schedule, "b", "2025-03-10", "2025-03-12");
  /* Two working days of waiting after Friday: Mon and Tue, so Wednesday. */
  assert_dates (schedule, "c", "2025-03-12", "2025-03-13");
  /* A lead of two days: it starts on the Thursday, overlapping Thu and Fri. */
  assert_dates (schedule, "d", "2025-03-06", "2025-03-07");

  b = charter_schedule_get_task_dates (schedule, "b");
  g_assert_cmpstr (b->driver, ==, "after “Backend”");
  g_assert_cmpint (b->duration, ==, 3);
  g_assert_cmpint (charter_schedule_get_working_days (schedule), ==, 9);
  g_assert_cmpuint (charter_schedule_get_finish (schedule), ==, julian ("2025-03-13"));
  g_assert_cmpuint (charter_schedule_get_start (schedule), ==, julian ("2025-03-03"));
}

static void
test_start_to_start (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;

  plan_task (doc, "a", "A", 5);
  plan_task (doc, "b", "B", 3);
  plan_task (doc, "c", "C", 3);
  plan_task (doc, "d", "D", 3);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_START_TO_START, 0);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_START_TO_START, 4);
  plan_dep (doc, "c", "d", CHARTER_DEPENDENCY_START_TO_START, -3);
  schedule = schedule_ok (doc);

  assert_dates (schedule, "b", "2025-03-03", "2025-03-05");
  assert_dates (schedule, "c", "2025-03-07", "2025-03-11");
  /* Three working days before Friday's start: Tuesday. */
  assert_dates (schedule, "d", "2025-03-04", "2025-03-06");
  g_assert_cmpstr (charter_schedule_get_task_dates (schedule, "c")->driver, ==,
                   "4 working days after “A” starts");
}

static void
test_finish_to_finish (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;

  plan_task (doc, "a", "A", 5);
  plan_task (doc, "b", "B", 2);
  plan_task (doc, "c", "C", 2);
  plan_task (doc, "d", "D", 2);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_FINISH, 0);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_FINISH_TO_FINISH, 1);
  plan_dep (doc, "a", "d", CHARTER_DEPENDENCY_FINISH_TO_FINISH, -1);
  schedule = schedule_ok (doc);

  assert_dates (schedule, "b", "2025-03-06", "2025-03-07");
  assert_dates (schedule, "c", "2025-03-07", "2025-03-10");
  assert_dates (schedule, "d", "2025-03-05", "2025-03-06");
}

static void
test_start_to_finish (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTask *a;

  a = plan_task (doc, "a", "A", 5);
  charter_task_set_start_no_earlier_than (a, "2025-03-10");
  plan_task (doc, "b", "B", 2);
  plan_task (doc, "c", "C", 2);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_START_TO_FINISH, 0);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_START_TO_FINISH, 2);
  schedule = schedule_ok (doc);

  assert_dates (schedule, "a", "2025-03-10", "2025-03-14");
  /* B finishes as A starts: on the Friday before, as in Microsoft Project. */
  assert_dates (schedule, "b", "2025-03-06", "2025-03-07");
  assert_dates (schedule, "c", "2025-03-10", "2025-03-11");
}

static void
test_negative_lag_clamped_to_start (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;

  plan_task (doc, "a", "A", 2);
  plan_task (doc, "b", "B", 2);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, -10);
  schedule = schedule_ok (doc);
  /* Nothing starts before the project does, and it is the start that binds. */
  assert_dates (schedule, "b", "2025-03-03", "2025-03-04");
  g_assert_cmpstr (charter_schedule_get_task_dates (schedule, "b")->driver, ==,
                   "starts when the project starts (Mon 3 Mar 2025)");
}

static void
test_milestones (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTask *kickoff;
  const CharterTaskDates *m;

  plan_task (doc, "a", "Build", 5);
  plan_task (doc, "m", "Beta", 0);
  plan_task (doc, "c", "Polish", 2);
  kickoff = plan_task (doc, "k", "Kick-off", 0);
  plan_task (doc, "s", "Review", 0);
  plan_task (doc, "l", "Late", 0);
  plan_dep (doc, "a", "m", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "m", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "a", "s", CHARTER_DEPENDENCY_START_TO_START, 2);
  plan_dep (doc, "a", "l", CHARTER_DEPENDENCY_FINISH_TO_START, 1);
  charter_task_set_duration (kickoff, 3);  /* a milestone takes no time whatever its duration */
  schedule = schedule_ok (doc);

  /* On the predecessor's finish date, and what follows starts the next working day. */
  assert_dates (schedule, "m", "2025-03-07", "2025-03-07");
  assert_dates (schedule, "c", "2025-03-10", "2025-03-11");
  assert_dates (schedule, "k", "2025-03-03", "2025-03-03");
  /* Two working days after Build starts on Monday morning: Tuesday evening
   * (Mon 8:00 + 16 working hours), as Microsoft Project and TaskJuggler have it. */
  assert_dates (schedule, "s", "2025-03-04", "2025-03-04");
  /* One working day after Friday's finish: Monday evening. */
  assert_dates (schedule, "l", "2025-03-10", "2025-03-10");

  m = charter_schedule_get_task_dates (schedule, "m");
  g_assert_cmpint (m->duration, ==, 0);
  g_assert_true (m->critical);
  g_assert_cmpint (charter_schedule_get_task_dates (schedule, "k")->duration, ==, 0);
}

static void
test_constraints (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTask *late, *missed, *met, *early, *task;
  const CharterTaskDates *dates;
  const char * const *warnings;

  late = plan_task (doc, "late", "Late start", 2);
  charter_task_set_start_no_earlier_than (late, "2025-03-08");  /* a Saturday */
  missed = plan_task (doc, "missed", "Too long", 5);
  charter_task_set_finish_no_later_than (missed, "2025-03-05");
  early = plan_task (doc, "early", "Early date", 1);
  charter_task_set_start_no_earlier_than (early, "2025-02-20");  /* before the project starts */
  met = plan_task (doc, "met", "In time", 2);
  task = plan_task (doc, "monday", "Monday review", 0);
  charter_task_set_start_no_earlier_than (task, "2025-03-10");
  charter_task_set_finish_no_later_than (task, "2025-03-07");
  task = plan_task (doc, "friday", "Friday review", 0);
  charter_task_set_finish_no_later_than (task, "2025-03-07");
  plan_dep (doc, "missed", "friday", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  charter_task_set_finish_no_later_than (met, "2025-03-12");
  schedule = schedule_ok (doc);

  assert_dates (schedule, "late", "2025-03-10", "2025-03-11");
  dates = charter_schedule_get_task_dates (schedule, "late");
  g_assert_cmpstr (dates->driver, ==, "start no earlier than Sat 8 Mar 2025");

  /* A missed deadline is reported, not moved. */
  assert_dates (schedule, "missed", "2025-03-03", "2025-03-07");
  dates = charter_schedule_get_task_dates (schedule, "missed");
  g_assert_true (dates->missed_deadline);
  g_assert_cmpint (dates->total_float, ==, -2);
  g_assert_true (dates->critical);
  warnings = charter_schedule_get_warnings (schedule);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (strstr (warnings[0], "Too long"));
  g_assert_nonnull (strstr (warnings[0], "Wed 5 Mar 2025"));

  assert_dates (schedule, "early", "2025-03-03", "2025-03-03");
  g_assert_cmpstr (charter_schedule_get_task_dates (schedule, "early")->driver, ==,
                   "starts when the project starts (Mon 3 Mar 2025)");

  /* A milestone on Monday morning misses a Friday deadline; one on Friday
   * evening meets it. */
  dates = charter_schedule_get_task_dates (schedule, "monday");
  g_assert_true (dates->missed_deadline);
  g_assert_cmpint (dates->total_float, ==, -1);
  dates = charter_schedule_get_task_dates (schedule, "friday");
  g_assert_false (dates->missed_deadline);
  g_assert_cmpint (dates->total_float, ==, 0);

  dates = charter_schedule_get_task_dates (schedule, "met");
  g_assert_false (dates->missed_deadline);
  /* The project ends on Tue 11 Mar; its deadline is Wed 12 but the project end binds first. */
  g_assert_cmpint (dates->total_float, ==, 5);
  g_assert_cmpuint (dates->late_finish, ==, julian ("2025-03-11"));
}

static void
test_float (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  const CharterTaskDates *a, *b, *c, *d;
  const char * const *path;

  plan_task (doc, "a", "A", 5);
  plan_task (doc, "b", "B", 2);
  plan_task (doc, "c", "C", 1);
  plan_task (doc, "d", "D", 1);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "b", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "b", "d", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  schedule = schedule_ok (doc);

  a = charter_schedule_get_task_dates (schedule, "a");
  b = charter_schedule_get_task_dates (schedule, "b");
  c = charter_schedule_get_task_dates (schedule, "c");
  d = charter_schedule_get_task_dates (schedule, "d");
  g_assert_true (a->critical);
  g_assert_cmpint (a->total_float, ==, 0);
  g_assert_false (b->critical);
  g_assert_cmpint (b->total_float, ==, 3);
  /* B can slip a day before D moves? No: D follows B at once, so free float is 0. */
  g_assert_cmpint (b->free_float, ==, 0);
  g_assert_cmpint (d->total_float, ==, 3);
  g_assert_cmpint (d->free_float, ==, 3);
  g_assert_true (c->critical);
  g_assert_cmpuint (b->late_start, ==, julian ("2025-03-06"));
  g_assert_cmpuint (b->late_finish, ==, julian ("2025-03-07"));

  path = charter_schedule_get_critical_path (schedule);
  g_assert_cmpuint (g_strv_length ((char **) path), ==, 2);
  g_assert_cmpstr (path[0], ==, "a");
  g_assert_cmpstr (path[1], ==, "c");
}

static void
test_commitments (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTeam *team;
  CharterTask *task;
  const CharterTaskDates *dates;

  team = plan_team (doc, "backend", "Backend", 3);
  plan_commitment (team, "2025-03-04", "2025-03-07", "Holiday sale");
  plan_commitment (team, "2025-03-11", "2025-03-11", "Training");
  task = plan_task (doc, "api", "API", 1);
  charter_task_set_team_id (task, "backend");
  task = plan_task (doc, "db", "Database", 2);
  charter_task_set_team_id (task, "backend");
  task = plan_task (doc, "free", "Unteamed", 2);
  schedule = schedule_ok (doc);

  /* One day fits on Monday before the commitment. */
  assert_dates (schedule, "api", "2025-03-03", "2025-03-03");
  /* Two days do not fit before it, nor Mon 10 + Tue 11 (training): Wednesday. */
  assert_dates (schedule, "db", "2025-03-12", "2025-03-13");
  dates = charter_schedule_get_task_dates (schedule, "db");
  g_assert_cmpstr (dates->driver, ==, "Backend is busy until Tue 11 Mar 2025 (Training)");
  assert_dates (schedule, "free", "2025-03-03", "2025-03-04");

  g_assert_true (charter_schedule_is_team_busy (schedule, "backend", julian ("2025-03-05")));
  g_assert_false (charter_schedule_is_team_busy (schedule, "backend", julian ("2025-03-10")));
  g_assert_false (charter_schedule_is_team_busy (schedule, "nobody", julian ("2025-03-05")));
}

static void
test_capacity (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTeam *team;
  CharterTask *task;

  team = plan_team (doc, "qa", "QA", 1);
  task = plan_task (doc, "short", "Short", 2);
  charter_task_set_team_id (task, "qa");
  task = plan_task (doc, "long", "Long", 3);
  charter_task_set_team_id (task, "qa");
  task = plan_task (doc, "third", "Third", 1);
  charter_task_set_team_id (task, "qa");
  plan_task (doc, "after", "After", 1);
  plan_dep (doc, "long", "after", CHARTER_DEPENDENCY_FINISH_TO_START, 2);
  schedule = schedule_ok (doc);

  /* Unlevelled: Long + 2 + After = 6 days; floats Short 4, Long 0, Third 5.
   * Levelled by least float, then id: Long, Short, Third. */
  assert_dates (schedule, "long", "2025-03-03", "2025-03-05");
  assert_dates (schedule, "short", "2025-03-06", "2025-03-07");
  assert_dates (schedule, "third", "2025-03-10", "2025-03-10");
  g_assert_cmpstr (charter_schedule_get_task_dates (schedule, "short")->driver, ==,
                   "QA works on one task at a time and is on “Long” until Wed 5 Mar 2025");
  /* Levelling's hidden links count for float: Short holds Third back, which
   * finishes last, so neither Long nor Short can slip. */
  g_assert_cmpint (charter_schedule_get_task_dates (schedule, "short")->total_float, ==, 0);
  g_assert_cmpint (charter_schedule_get_task_dates (schedule, "long")->total_float, ==, 0);
  g_assert_cmpint (charter_schedule_get_task_dates (schedule, "short")->free_float, ==, 0);
  g_assert_true (charter_schedule_get_task_dates (schedule, "third")->critical);
  {
    g_autofree char *text = charter_schedule_explain_task (schedule, "short");

    if (strstr (text, "Its team waits for it to finish before starting: “Third”.") == NULL ||
        strstr (text, "It is critical") == NULL)
      g_error ("unexpected task explanation:\n%s", text);
  }
  {
    const char * const *path = charter_schedule_get_critical_path (schedule);

    g_assert_cmpuint (g_strv_length ((char **) path), ==, 3);
    g_assert_cmpstr (path[0], ==, "long");
    g_assert_cmpstr (path[1], ==, "short");
    g_assert_cmpstr (path[2], ==, "third");
  }

  charter_team_set_capacity (team, 2);
  g_clear_object (&schedule);
  schedule = schedule_ok (doc);
  assert_dates (schedule, "long", "2025-03-03", "2025-03-05");
  assert_dates (schedule, "short", "2025-03-03", "2025-03-04");
  assert_dates (schedule, "third", "2025-03-05", "2025-03-05");
}

static void
test_launch_rule (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTask *launch;
  const CharterTaskDates *dates;
  const char *holidays[] = { "2025-03-10", NULL };

  charter_calendar_set_no_launch_days (charter_document_get_calendar (doc), CHARTER_WEEKDAYS_FRIDAY);
  charter_calendar_set_holidays (charter_document_get_calendar (doc), holidays);
  plan_task (doc, "a", "Build", 5);
  launch = plan_task (doc, "go", "Launch", 0);
  charter_task_set_launch (launch, TRUE);
  plan_task (doc, "after", "Announce", 1);
  plan_dep (doc, "a", "go", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "go", "after", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  schedule = schedule_ok (doc);

  /* It would fall on Friday 7; Monday 10 is a holiday: Tuesday 11. */
  assert_dates (schedule, "go", "2025-03-11", "2025-03-11");
  dates = charter_schedule_get_task_dates (schedule, "go");
  g_assert_cmpstr (dates->driver, ==, "launches never fall on a Friday; moved to Tue 11 Mar 2025");
  assert_dates (schedule, "after", "2025-03-11", "2025-03-11");
  {
    const char * const *path = charter_schedule_get_critical_path (schedule);

    /* The chain goes on through the launch to what put it on the Friday. */
    g_assert_cmpuint (g_strv_length ((char **) path), ==, 3);
    g_assert_cmpstr (path[0], ==, "a");
    g_assert_cmpstr (path[1], ==, "go");
    g_assert_cmpstr (path[2], ==, "after");
  }

  /* Not a launch: it stays on Friday. */
  charter_task_set_launch (launch, FALSE);
  g_clear_object (&schedule);
  schedule = schedule_ok (doc);
  assert_dates (schedule, "go", "2025-03-07", "2025-03-07");
}

static void
assert_error (CharterDocument *doc,
              int              code,
              const char      *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterSchedule) schedule = charter_schedule_compute (doc, &error);

  g_assert_null (schedule);
  g_assert_error (error, CHARTER_SCHEDULE_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("expected “%s” in “%s”", fragment, error->message);
}

static void
test_errors (void)
{
  {
    g_autoptr(CharterDocument) doc = plan_new (START);

    plan_task (doc, "x", "Other", 1);
    plan_task (doc, "a", "Alpha", 1);
    plan_task (doc, "b", "Beta", 1);
    plan_task (doc, "c", "Gamma", 1);
    plan_dep (doc, "x", "a", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    plan_dep (doc, "b", "c", CHARTER_DEPENDENCY_START_TO_START, 0);
    plan_dep (doc, "c", "a", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_CYCLE, "“Alpha” → “Beta” → “Gamma” → “Alpha”");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);

    plan_task (doc, "a", "Alpha", 1);
    plan_dep (doc, "a", "a", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_CYCLE, "“Alpha” depends on itself");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);

    plan_task (doc, "a", "Alpha", 1);
    plan_dep (doc, "a", "ghost", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_MISSING_TASK, "“ghost”");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);
    CharterTask *task = plan_task (doc, "a", "Alpha", 1);

    charter_task_set_team_id (task, "nobody");
    assert_error (doc, CHARTER_SCHEDULE_ERROR_MISSING_TEAM, "“nobody”");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);

    charter_calendar_set_working_days (charter_document_get_calendar (doc), CHARTER_WEEKDAYS_NONE);
    plan_task (doc, "a", "Alpha", 1);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_NO_WORKING_DAYS, "no working days");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);
    CharterTask *task = plan_task (doc, "a", "Alpha", 1);

    charter_task_set_start_no_earlier_than (task, "2025-02-30");
    assert_error (doc, CHARTER_SCHEDULE_ERROR_BAD_DATE, "“2025-02-30”");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new ("someday");

    assert_error (doc, CHARTER_SCHEDULE_ERROR_BAD_DATE, "“someday”");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);
    CharterTask *task = plan_task (doc, "a", "Alpha", 1);

    charter_task_set_start_no_earlier_than (task, "9000-01-01");
    assert_error (doc, CHARTER_SCHEDULE_ERROR_BAD_DATE, "years after the project start");
  }
  {
    /* A start at the end of the calendar: the message names the start as
     * the cause, not "more than 500 years after the project start". */
    g_autoptr(CharterDocument) doc = plan_new ("9999-12-31");

    plan_task (doc, "a", "Alpha", 5);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_BAD_DATE, "the project starts on Fri 31 Dec 9999");
  }
  {
    /* A huge duration ends in an error, not a hang. */
    g_autoptr(CharterDocument) doc = plan_new (START);

    plan_task (doc, "a", "Alpha", 100000);
    plan_task (doc, "b", "Beta", 100000);
    plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_BAD_DATE, "“Beta”");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);
    CharterTeam *team = plan_team (doc, "t", "Ops", 1);

    plan_commitment (team, "2025-03-10", "2025-03-01", NULL);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_BAD_DATE, "ends before it starts");
  }
  {
    g_autoptr(CharterDocument) doc = plan_new (START);
    CharterTask *task;

    charter_calendar_set_working_days (charter_document_get_calendar (doc), CHARTER_WEEKDAYS_FRIDAY);
    charter_calendar_set_no_launch_days (charter_document_get_calendar (doc), CHARTER_WEEKDAYS_FRIDAY);
    task = plan_task (doc, "go", "Go live", 0);
    charter_task_set_launch (task, TRUE);
    assert_error (doc, CHARTER_SCHEDULE_ERROR_NO_WORKING_DAYS, "“Go live”");
  }
}

static void
test_default_start (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  g_autoptr(CharterSchedule) schedule = NULL;
  CharterTask *task;

  plan_task (doc, "a", "A", 1);
  task = plan_task (doc, "b", "B", 1);
  charter_task_set_start_no_earlier_than (task, "2025-06-04");
  schedule = schedule_ok (doc);
  /* No calendar start: the earliest "start no earlier than". */
  assert_dates (schedule, "a", "2025-06-04", "2025-06-04");
  g_assert_nonnull (strstr (charter_schedule_get_warnings (schedule)[0], "no start date"));
}

static void
test_explain (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autofree char *text = NULL;
  g_autofree char *task_text = NULL;
  CharterTeam *team;
  CharterTask *task;
  g_autoptr(CharterRisk) risk = charter_risk_new ("r1");

  plan_task (doc, "be", "Backend", 20);
  plan_task (doc, "fe", "Frontend", 15);
  plan_task (doc, "qa", "QA", 10);
  task = plan_task (doc, "docs", "Docs", 3);
  team = plan_team (doc, "writers", "Writers", 1);
  plan_commitment (team, "2025-03-03", "2025-03-07", "Conference");
  charter_task_set_team_id (task, "writers");
  plan_dep (doc, "be", "fe", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "fe", "qa", CHARTER_DEPENDENCY_FINISH_TO_START, -5);
  charter_risk_set_contingency (risk, 10);
  charter_risk_set_likelihood (risk, CHARTER_LEVEL_MEDIUM);
  g_list_store_append (G_LIST_STORE (charter_document_get_risks (doc)), risk);
  schedule = schedule_ok (doc);

  g_assert_cmpint (charter_schedule_get_working_days (schedule), ==, 40);
  g_assert_cmpint (charter_schedule_get_buffer_days (schedule), ==, 5);
  text = charter_schedule_explain (schedule);
  if (strstr (text, "8 weeks, not 9 weeks") == NULL ||
      strstr (text, "“QA” overlaps “Frontend” by 1 week") == NULL ||
      strstr (text, "Backend (20 days) → Frontend (15 days) → QA (10 days)") == NULL ||
      strstr (text, "“Docs” waits because Writers is busy until Fri 7 Mar 2025 (Conference)") == NULL ||
      strstr (text, "moves the finish: “Backend”, “Frontend”, “QA”") == NULL ||
      strstr (text, "buffer for risks: 5 working days") == NULL)
    g_error ("unexpected explanation:\n%s", text);

  task_text = charter_schedule_explain_task (schedule, "fe");
  if (strstr (task_text, "“Frontend” takes 15 working days: Mon 31 Mar 2025 to Fri 18 Apr 2025") == NULL ||
      strstr (task_text, "Why it starts then: after “Backend”") == NULL ||
      strstr (task_text, "It drives: “QA” (fixes its start)") == NULL)
    g_error ("unexpected task explanation:\n%s", task_text);
  g_assert_null (charter_schedule_explain_task (schedule, "nope"));
  g_assert_cmpstr (charter_schedule_lookup_task (schedule, "frontend"), ==, "fe");
  g_assert_cmpstr (charter_schedule_lookup_task (schedule, "qa"), ==, "qa");
  g_assert_null (charter_schedule_lookup_task (schedule, "nothing"));
}

static void
test_simulation (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) sim1 = NULL;
  g_autoptr(CharterSimulation) sim2 = NULL;
  g_autoptr(CharterSimulation) fixed = NULL;
  g_autoptr(GError) error = NULL;
  CharterTask *a, *b;

  a = plan_task (doc, "a", "A", 10);
  b = plan_task (doc, "b", "B", 10);
  plan_task (doc, "c", "C", 5);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "b", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  schedule = schedule_ok (doc);

  /* Without estimates every run gives the planned finish. */
  fixed = charter_schedule_simulate (schedule, 50, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (charter_simulation_get_finish (fixed, 50), ==, charter_schedule_get_finish (schedule));
  g_assert_cmpuint (charter_simulation_get_finish (fixed, 95), ==, charter_schedule_get_finish (schedule));
  g_assert_cmpfloat (charter_simulation_get_criticality (fixed, 0), ==, 1.0);

  charter_task_set_optimistic (a, 8);
  charter_task_set_pessimistic (a, 20);
  charter_task_set_optimistic (b, 9);
  charter_task_set_pessimistic (b, 12);
  g_clear_object (&schedule);
  schedule = schedule_ok (doc);
  sim1 = charter_schedule_simulate (schedule, 2000, 42, &error);
  g_assert_no_error (error);
  sim2 = charter_schedule_simulate (schedule, 2000, 42, &error);
  g_assert_no_error (error);

  for (int p = 1; p <= 100; p++)
    g_assert_cmpuint (charter_simulation_get_finish (sim1, p), ==, charter_simulation_get_finish (sim2, p));
  g_assert_cmpuint (charter_simulation_get_finish (sim1, 50), <=, charter_simulation_get_finish (sim1, 80));
  g_assert_cmpuint (charter_simulation_get_finish (sim1, 80), <=, charter_simulation_get_finish (sim1, 95));
  /* A's mean is (8 + 10 + 20) / 3 ≈ 12.7 days: the median run is later than planned. */
  g_assert_cmpuint (charter_simulation_get_finish (sim1, 50), >, charter_schedule_get_finish (schedule));
  /* A is longer than B in most runs, and C is always critical. */
  g_assert_cmpfloat (charter_simulation_get_criticality (sim1, 0), >, 0.6);
  g_assert_cmpfloat (charter_simulation_get_criticality (sim1, 1), <, 0.4);
  g_assert_cmpfloat (charter_simulation_get_criticality (sim1, 2), ==, 1.0);

  g_assert_null (charter_schedule_simulate (schedule, 0, 1, &error));
  g_assert_nonnull (error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_scheduler (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterScheduler) scheduler = NULL;
  CharterTask *a, *b;
  CharterSchedule *schedule;
  guint notified = 0;

  a = plan_task (doc, "a", "A", 5);
  b = plan_task (doc, "b", "B", 3);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, 0);

  scheduler = charter_scheduler_new (doc);
  g_assert_true (charter_scheduler_get_document (scheduler) == doc);
  g_assert_null (charter_scheduler_get_error (scheduler));
  schedule = charter_scheduler_get_schedule (scheduler);
  g_assert_nonnull (schedule);
  assert_dates (schedule, "b", "2025-03-10", "2025-03-12");
  g_signal_connect (scheduler, "notify::schedule", G_CALLBACK (count_notify_cb), &notified);

  /* A duration change: an incremental reschedule. */
  charter_document_set (doc, a, "duration", 2, NULL);
  g_assert_cmpuint (notified, ==, 1);
  schedule = charter_scheduler_get_schedule (scheduler);
  assert_dates (schedule, "b", "2025-03-05", "2025-03-07");

  /* Only what depends on the change is scheduled again. */
  {
    CharterTask *c = plan_task (doc, "c", "C", 1), *d = plan_task (doc, "d", "D", 1);

    plan_task (doc, "e", "E", 1);
    plan_dep (doc, "b", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    plan_dep (doc, "d", "e", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
    g_clear_object (&scheduler);
    scheduler = charter_scheduler_new (doc);
    g_signal_connect (scheduler, "notify::schedule", G_CALLBACK (count_notify_cb), &notified);
    g_assert_cmpuint (charter_schedule_get_n_rescheduled (charter_scheduler_get_schedule (scheduler)), ==, 5);
    charter_document_set (doc, c, "duration", 4, NULL);
    g_assert_cmpuint (charter_schedule_get_n_rescheduled (charter_scheduler_get_schedule (scheduler)), ==, 1);
    charter_document_set (doc, a, "duration", 3, NULL);
    g_assert_cmpuint (charter_schedule_get_n_rescheduled (charter_scheduler_get_schedule (scheduler)), ==, 3);
    charter_document_set (doc, d, "duration", 2, NULL);
    g_assert_cmpuint (charter_schedule_get_n_rescheduled (charter_scheduler_get_schedule (scheduler)), ==, 2);
    assert_dates (charter_scheduler_get_schedule (scheduler), "e", "2025-03-05", "2025-03-05");
    charter_document_undo (doc);
    charter_document_undo (doc);
    charter_document_undo (doc);
    schedule = charter_scheduler_get_schedule (scheduler);
    notified = 1;
  }

  /* Moving a task on the canvas changes no dates: no new schedule. */
  charter_document_set (doc, b, "x", 120.0, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (charter_scheduler_get_schedule (scheduler) == schedule);

  /* Undo goes back. */
  g_assert_true (charter_document_undo (doc));
  g_assert_true (charter_document_undo (doc));
  assert_dates (charter_scheduler_get_schedule (scheduler), "b", "2025-03-10", "2025-03-12");

  /* A cycle: no schedule, an error; removing it recovers. */
  {
    g_autoptr(CharterDependency) back = charter_dependency_new ("back");

    charter_dependency_set_predecessor (back, "b");
    charter_dependency_set_successor (back, "a");
    charter_document_append (doc, charter_document_get_dependencies (doc), back);
    g_assert_null (charter_scheduler_get_schedule (scheduler));
    g_assert_error (charter_scheduler_get_error (scheduler), CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_CYCLE);
    charter_document_remove (doc, charter_document_get_dependencies (doc), back);
    g_assert_nonnull (charter_scheduler_get_schedule (scheduler));
    g_assert_null (charter_scheduler_get_error (scheduler));
  }

  /* Other edits compile again: a new task, a calendar change. */
  {
    g_autoptr(CharterTask) c = charter_task_new ("c");

    charter_task_set_name (c, "C");
    charter_task_set_duration (c, 1);
    charter_document_append (doc, charter_document_get_tasks (doc), c);
    g_assert_nonnull (charter_schedule_get_task_dates (charter_scheduler_get_schedule (scheduler), "c"));
  }
  charter_document_set (doc, charter_document_get_calendar (doc), "start", "2025-03-10", NULL);
  assert_dates (charter_scheduler_get_schedule (scheduler), "a", "2025-03-10", "2025-03-14");

  /* A team, a commitment, then a change of the commitment's dates. */
  {
    g_autoptr(CharterTeam) team = charter_team_new ("ops");
    g_autoptr(CharterCommitment) commitment = charter_commitment_new ("busy");

    charter_team_set_name (team, "Ops");
    charter_document_append (doc, charter_document_get_teams (doc), team);
    charter_document_set (doc, a, "team-id", "ops", NULL);
    charter_commitment_set_start (commitment, "2025-03-10");
    charter_commitment_set_finish (commitment, "2025-03-14");
    charter_document_append (doc, charter_team_get_commitments (team), commitment);
    assert_dates (charter_scheduler_get_schedule (scheduler), "a", "2025-03-17", "2025-03-21");
    charter_document_set (doc, commitment, "finish", "2025-03-11", NULL);
    assert_dates (charter_scheduler_get_schedule (scheduler), "a", "2025-03-12", "2025-03-18");
  }
}

/* peek_task_dates_at: the same dates as get_task_dates_at, without the
 * "why it starts then" sentence (which the Timeline asks for only for the
 * tasks on screen); asking for it later still gives it. */
static void
test_peek_dates (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterScheduler) scheduler = NULL;
  CharterSchedule *schedule;
  const CharterTaskDates *peeked, *full;

  plan_task (doc, "a", "A", 5);
  plan_task (doc, "b", "B", 3);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  scheduler = charter_scheduler_new (doc);
  schedule = charter_scheduler_get_schedule (scheduler);

  peeked = charter_schedule_peek_task_dates_at (schedule, 1);
  g_assert_null (peeked->driver);
  full = charter_schedule_get_task_dates_at (schedule, 1);
  g_assert_true (peeked == full);
  g_assert_nonnull (full->driver);
  g_assert_cmpuint (peeked->early_start, ==, full->early_start);
  g_assert_cmpuint (peeked->early_finish, ==, full->early_finish);
  assert_dates (schedule, "b", "2025-03-10", "2025-03-12");
  g_assert_nonnull (charter_schedule_peek_task_dates_at (schedule, 1)->driver);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/calendar", test_calendar);
  g_test_add_func ("/engine/finish-to-start", test_finish_to_start);
  g_test_add_func ("/engine/start-to-start", test_start_to_start);
  g_test_add_func ("/engine/finish-to-finish", test_finish_to_finish);
  g_test_add_func ("/engine/start-to-finish", test_start_to_finish);
  g_test_add_func ("/engine/negative-lag-clamped", test_negative_lag_clamped_to_start);
  g_test_add_func ("/engine/milestones", test_milestones);
  g_test_add_func ("/engine/constraints", test_constraints);
  g_test_add_func ("/engine/float", test_float);
  g_test_add_func ("/engine/commitments", test_commitments);
  g_test_add_func ("/engine/capacity", test_capacity);
  g_test_add_func ("/engine/launch-rule", test_launch_rule);
  g_test_add_func ("/engine/errors", test_errors);
  g_test_add_func ("/engine/default-start", test_default_start);
  g_test_add_func ("/engine/explain", test_explain);
  g_test_add_func ("/engine/simulation", test_simulation);
  g_test_add_func ("/engine/scheduler", test_scheduler);
  g_test_add_func ("/engine/peek-dates", test_peek_dates);

  return g_test_run ();
}
