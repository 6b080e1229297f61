/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Risks as events of the Monte Carlo forecast: a risk that cannot happen
 * changes nothing, a certain one adds its impact in every run (dates worked
 * out on a paper calendar of March 2025, Monday 3 March the start), one seed
 * gives one answer, and a risk's effect on P80 is what it does, not noise. */

#include "config.h"

#include "charter-schedule.h"
#include "charter-schedule-private.h"
#include "charter-scheduler.h"
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

static CharterSimulation *
simulate_ok (CharterSchedule *schedule,
             guint            runs,
             guint64          seed)
{
  g_autoptr(GError) error = NULL;
  CharterSimulation *sim = charter_schedule_simulate_full (schedule, runs, seed,
                                                           CHARTER_SIMULATION_RISK_EFFECTS, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sim);
  return sim;
}

static CharterRisk *
plan_risk (CharterDocument    *doc,
           const char         *id,
           int                 probability,
           int                 impact_days,
           const char * const *task_ids)
{
  g_autoptr(CharterRisk) risk = charter_risk_new (id);

  charter_risk_set_description (risk, id);
  charter_risk_set_probability (risk, probability);
  charter_risk_set_impact_days (risk, impact_days);
  charter_risk_set_task_ids (risk, task_ids);
  g_list_store_append (G_LIST_STORE (charter_document_get_risks (doc)), risk);
  return risk;
}

static void
assert_day (guint32     day,
            const char *expected)
{
  g_autofree char *got = iso (day);

  g_assert_cmpstr (got, ==, expected);
}

static void
assert_same_forecast (CharterSimulation *a,
                      CharterSimulation *b,
                      guint              n_tasks)
{
  for (int p = 1; p <= 100; p++)
    g_assert_cmpuint (charter_simulation_get_finish (a, p), ==, charter_simulation_get_finish (b, p));
  for (guint i = 0; i < n_tasks; i++)
    g_assert_cmpfloat (charter_simulation_get_criticality (a, i), ==, charter_simulation_get_criticality (b, i));
  g_assert_cmpint (charter_simulation_get_buffer_days (a), ==, charter_simulation_get_buffer_days (b));
}

/* A and B (with estimates) both lead into C, as in test-schedule.c. */
static CharterDocument *
uncertain_plan (void)
{
  CharterDocument *doc = plan_new (START);
  CharterTask *a = plan_task (doc, "a", "A", 10);
  CharterTask *b = plan_task (doc, "b", "B", 10);

  plan_task (doc, "c", "C", 5);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "b", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  charter_task_set_optimistic (a, 8);
  charter_task_set_pessimistic (a, 20);
  charter_task_set_optimistic (b, 9);
  charter_task_set_pessimistic (b, 12);
  return doc;
}

static void
test_probability_zero (void)
{
  g_autoptr(CharterDocument) doc = uncertain_plan ();
  g_autoptr(CharterSchedule) before = schedule_ok (doc);
  g_autoptr(CharterSchedule) after = NULL;
  g_autoptr(CharterSimulation) without = simulate_ok (before, 2000, 42);
  g_autoptr(CharterSimulation) with = NULL;
  const char *tasks[] = { "a", "b", "c", NULL };

  /* It could cost 30 days, but it never happens. */
  plan_risk (doc, "never", 0, 30, tasks);
  after = schedule_ok (doc);
  with = simulate_ok (after, 2000, 42);

  assert_same_forecast (without, with, 3);
  g_assert_cmpuint (charter_simulation_get_n_risks (with), ==, 1);
  g_assert_cmpstr (charter_simulation_get_risk_id (with, 0), ==, "never");
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (with, 0), ==, 0);

  /* Nor does one that happens and costs nothing, or one on no task. */
  charter_risk_set_probability (charter_document_find (doc, charter_document_get_risks (doc), "never"), 100);
  charter_risk_set_impact_days (charter_document_find (doc, charter_document_get_risks (doc), "never"), 0);
  plan_risk (doc, "nowhere", 100, 30, NULL);
  g_clear_object (&after);
  g_clear_pointer (&with, charter_simulation_free);
  after = schedule_ok (doc);
  with = simulate_ok (after, 2000, 42);
  assert_same_forecast (without, with, 3);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (with, 0), ==, 0);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (with, 1), ==, 0);
}

/* A (10 days) then B (5 days), no estimates: A Mon 3 – Fri 14 Mar, B Mon 17
 * – Fri 21 Mar. */
static void
test_probability_hundred (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) sim = NULL;
  const char *on_a[] = { "a", NULL };
  const char *on_both[] = { "a", "b", "a", NULL };
  const char *on_milestone[] = { "done", NULL };

  plan_task (doc, "a", "A", 10);
  plan_task (doc, "b", "B", 5);
  plan_task (doc, "done", "Done", 0);
  plan_dep (doc, "a", "b", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "b", "done", CHARTER_DEPENDENCY_FINISH_TO_START, 0);

  schedule = schedule_ok (doc);
  g_assert_false (charter_schedule_has_uncertainty (schedule));
  assert_day (charter_schedule_get_finish (schedule), "2025-03-21");

  /* Certain, 3 days on A: A takes 13 days (to Wed 19 Mar), B Thu 20 – Wed 26 Mar. */
  plan_risk (doc, "slow", 100, 3, on_a);
  g_clear_object (&schedule);
  schedule = schedule_ok (doc);
  g_assert_true (charter_schedule_has_uncertainty (schedule));
  /* The plan itself does not take the risk: only the forecast does. */
  assert_day (charter_schedule_get_finish (schedule), "2025-03-21");
  sim = simulate_ok (schedule, 200, 7);
  assert_day (charter_simulation_get_finish (sim, 1), "2025-03-26");
  assert_day (charter_simulation_get_finish (sim, 80), "2025-03-26");
  assert_day (charter_simulation_get_finish (sim, 100), "2025-03-26");
  g_assert_cmpint (charter_simulation_get_buffer_days (sim), ==, 3);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 0), ==, 3);
  g_assert_cmpfloat (charter_simulation_get_criticality (sim, 0), ==, 1.0);

  /* And 2 days on each of A and B (A named twice counts once): A takes 15
   * days (to Fri 21 Mar), B 7 (Mon 24 Mar – Tue 1 Apr). Without "slow" A
   * ends Tue 18 and B Thu 27 Mar, 3 working days earlier; without "both"
   * B ends Wed 26 Mar, 4 earlier. */
  plan_risk (doc, "both", 100, 2, on_both);
  /* A milestone has no work to take longer. */
  plan_risk (doc, "on-milestone", 100, 10, on_milestone);
  g_clear_object (&schedule);
  g_clear_pointer (&sim, charter_simulation_free);
  schedule = schedule_ok (doc);
  sim = simulate_ok (schedule, 200, 7);
  assert_day (charter_simulation_get_finish (sim, 1), "2025-04-01");
  assert_day (charter_simulation_get_finish (sim, 100), "2025-04-01");
  g_assert_cmpint (charter_simulation_get_buffer_days (sim), ==, 7);
  g_assert_cmpstr (charter_simulation_get_risk_id (sim, 1), ==, "both");
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 0), ==, 3);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 1), ==, 4);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 2), ==, 0);
}

static void
test_same_seed (void)
{
  g_autoptr(CharterDocument) doc = uncertain_plan ();
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) sim1 = NULL;
  g_autoptr(CharterSimulation) sim2 = NULL;
  g_autoptr(CharterSimulation) plain = NULL;
  g_autoptr(CharterSimulation) no_risks = NULL;
  const char *on_a[] = { "a", NULL };
  const char *on_c[] = { "c", NULL };

  no_risks = simulate_ok (schedule = schedule_ok (doc), 2000, 42);
  g_clear_object (&schedule);
  plan_risk (doc, "r1", 40, 6, on_a);
  plan_risk (doc, "r2", 25, 3, on_c);
  schedule = schedule_ok (doc);

  sim1 = simulate_ok (schedule, 2000, 42);
  sim2 = simulate_ok (schedule, 2000, 42);
  assert_same_forecast (sim1, sim2, 3);
  for (guint k = 0; k < 2; k++)
    g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim1, k), ==,
                     charter_simulation_get_risk_p80_effect (sim2, k));

  /* Measuring the effects does not change the forecast. */
  plain = charter_schedule_simulate (schedule, 2000, 42, NULL);
  assert_same_forecast (sim1, plain, 3);

  /* The risks cost time: P80 is later with them, and each moves it. */
  g_assert_cmpuint (charter_simulation_get_finish (sim1, 80), >, charter_simulation_get_finish (no_risks, 80));
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim1, 0), >, 0);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim1, 1), >, 0);
  /* C is on every path: a quarter of the runs 3 days longer moves P80 by at most 3. */
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim1, 1), <=, 3);
  g_assert_cmpint (charter_simulation_get_buffer_days (sim1), >, charter_simulation_get_buffer_days (no_risks));
}

/* A (10 days) and B (2 days) lead into C: B has 8 days of float. */
static void
test_large_float (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) before = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) without = NULL;
  g_autoptr(CharterSimulation) sim = NULL;
  const char *on_b[] = { "b", NULL };
  CharterTask *a;
  CharterRisk *risk;

  a = plan_task (doc, "a", "A", 10);
  plan_task (doc, "b", "B", 2);
  plan_task (doc, "c", "C", 1);
  plan_dep (doc, "a", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  plan_dep (doc, "b", "c", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  charter_task_set_optimistic (a, 9);
  charter_task_set_pessimistic (a, 14);
  before = schedule_ok (doc);
  g_assert_cmpint (charter_schedule_get_task_dates (before, "b")->total_float, ==, 8);
  without = simulate_ok (before, 1000, 3);

  /* Five more days on B, half the time: B never reaches C's start. */
  risk = plan_risk (doc, "b-late", 50, 5, on_b);
  schedule = schedule_ok (doc);
  sim = simulate_ok (schedule, 1000, 3);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 0), ==, 0);
  assert_same_forecast (without, sim, 2);   /* B's criticality is 0 either way */
  g_assert_cmpfloat (charter_simulation_get_criticality (sim, 1), ==, 0.0);

  /* Twelve more days, every time: B (14 days) now drives C whatever A
   * draws, and its effect is exactly what separates the two P80s. */
  charter_risk_set_probability (risk, 100);
  charter_risk_set_impact_days (risk, 12);
  g_clear_object (&schedule);
  g_clear_pointer (&sim, charter_simulation_free);
  schedule = schedule_ok (doc);
  sim = simulate_ok (schedule, 1000, 3);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 0), ==,
                   charter_schedule_count_working_days (schedule, charter_simulation_get_finish (without, 80) + 1,
                                                        charter_simulation_get_finish (sim, 80)));
  assert_day (charter_simulation_get_finish (sim, 80), "2025-03-21");   /* B: 14 days, C Fri 21 */
}

/* A plan whose teams are levelled: the effect of a risk is measured with a
 * full levelled pass. Backend (capacity 1) has A (5) then B (5). */
static void
test_levelled (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) sim = NULL;
  const char *on_a[] = { "a", NULL };
  CharterTask *a, *b;

  plan_team (doc, "backend", "Backend", 1);
  a = plan_task (doc, "a", "A", 5);
  b = plan_task (doc, "b", "B", 5);
  charter_task_set_team_id (a, "backend");
  charter_task_set_team_id (b, "backend");
  plan_risk (doc, "r", 100, 2, on_a);
  schedule = schedule_ok (doc);
  assert_day (charter_schedule_get_finish (schedule), "2025-03-14");

  /* A takes 7 days, B follows: Tue 12 – Tue 18 Mar. */
  sim = simulate_ok (schedule, 50, 1);
  assert_day (charter_simulation_get_finish (sim, 80), "2025-03-18");
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (sim, 0), ==, 2);
  g_assert_cmpint (charter_simulation_get_buffer_days (sim), ==, 2);
}

/* Without anything uncertain, the buffer is the risks' reserve, as before. */
static void
test_buffer_without_uncertainty (void)
{
  g_autoptr(CharterDocument) doc = plan_new (START);
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) sim = NULL;
  CharterRisk *risk;

  plan_task (doc, "a", "A", 10);
  risk = plan_risk (doc, "r", 30, 10, NULL);
  charter_risk_set_contingency (risk, 10);
  schedule = schedule_ok (doc);
  g_assert_false (charter_schedule_has_uncertainty (schedule));
  sim = charter_schedule_simulate (schedule, 10, 1, NULL);
  g_assert_cmpint (charter_simulation_get_buffer_days (sim), ==, charter_schedule_get_buffer_days (schedule));
  g_assert_cmpint (charter_simulation_get_buffer_days (sim), ==, 5);
}

/* A plan of @n tasks with every kind of link, lags and leads, estimates,
 * milestones and @n_risks risks; with @levelled, teams of capacity 1. */
static CharterDocument *
random_plan (guint    n,
             guint    n_risks,
             gboolean levelled,
             guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CharterDocument *doc = plan_new (START);

  if (levelled)
    {
      plan_team (doc, "t0", "Backend", 1);
      plan_team (doc, "t1", "Mobile", 2);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("k%u", i);
      int duration = g_rand_int_range (rand, 0, 8) == 0 ? 0 : g_rand_int_range (rand, 1, 9);
      CharterTask *task = plan_task (doc, id, id, duration);

      if (duration > 0 && g_rand_boolean (rand))
        {
          charter_task_set_optimistic (task, MAX (duration - 2, 0));
          charter_task_set_pessimistic (task, duration + g_rand_int_range (rand, 0, 6));
        }
      if (levelled && g_rand_int_range (rand, 0, 3) > 0)
        charter_task_set_team_id (task, g_rand_boolean (rand) ? "t0" : "t1");
      for (guint d = 0; d < 2 && i > 0; d++)
        {
          g_autofree char *from = g_strdup_printf ("k%u", g_rand_int_range (rand, 0, i));
          g_autofree char *dep_id = g_strdup_printf ("%s-%s-%u", from, id, d);
          g_autoptr(CharterDependency) dep = charter_dependency_new (dep_id);

          charter_dependency_set_predecessor (dep, from);
          charter_dependency_set_successor (dep, id);
          charter_dependency_set_kind (dep, g_rand_int_range (rand, 0, 4));
          charter_dependency_set_lag (dep, g_rand_int_range (rand, -2, 3));
          g_list_store_append (G_LIST_STORE (charter_document_get_dependencies (doc)), dep);
        }
    }
  for (guint k = 0; k < n_risks; k++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", k);
      g_autofree char *t1 = g_strdup_printf ("k%u", g_rand_int_range (rand, 0, n));
      g_autofree char *t2 = g_strdup_printf ("k%u", g_rand_int_range (rand, 0, n));
      const char *tasks[] = { t1, t2, NULL };

      plan_risk (doc, id, g_rand_int_range (rand, 0, 101), g_rand_int_range (rand, 0, 12), tasks);
    }
  return doc;
}

/* The effect of a risk is exactly P80 minus P80 with that risk never
 * happening: a risk of probability 0 still draws its number, so the other
 * risks and the tasks draw the same. This checks the partial passes (and
 * the levelled whole ones) against whole simulations. */
static void
test_effect_is_without (void)
{
  for (guint seed = 1; seed <= 6; seed++)
    {
      gboolean levelled = seed > 3;
      g_autoptr(CharterDocument) doc = random_plan (60, 8, levelled, seed);
      g_autoptr(CharterSchedule) schedule = schedule_ok (doc);
      g_autoptr(CharterSimulation) sim = simulate_ok (schedule, 300, seed);
      GListModel *risks = charter_document_get_risks (doc);

      g_assert_true (charter_plan_get_levelled (charter_schedule_get_plan (schedule)) == levelled);
      for (guint k = 0; k < g_list_model_get_n_items (risks); k++)
        {
          g_autoptr(CharterRisk) risk = g_list_model_get_item (risks, k);
          g_autoptr(CharterSchedule) without_schedule = NULL;
          g_autoptr(CharterSimulation) without = NULL;
          int probability = charter_risk_get_probability (risk);
          int expected;

          charter_risk_set_probability (risk, 0);
          without_schedule = schedule_ok (doc);
          without = charter_schedule_simulate (without_schedule, 300, seed, NULL);
          charter_risk_set_probability (risk, probability);

          expected = charter_schedule_count_working_days (schedule, charter_simulation_get_finish (without, 80),
                                                          charter_simulation_get_finish (sim, 80));
          if (charter_simulation_get_finish (sim, 80) < charter_simulation_get_finish (without, 80))
            expected = -charter_schedule_count_working_days (schedule, charter_simulation_get_finish (sim, 80),
                                                             charter_simulation_get_finish (without, 80));
          if (expected != 0)
            expected += expected > 0 ? -1 : 1;   /* both ends counted */
          g_test_message ("seed %u risk r%u effect %d", seed, k, expected);
          if (charter_simulation_get_risk_p80_effect (sim, k) != expected)
            g_error ("seed %u%s, risk r%u: effect %d, but P80 without it is %d working days earlier",
                     seed, levelled ? " (levelled)" : "", k, charter_simulation_get_risk_p80_effect (sim, k), expected);
        }
    }
}

typedef struct
{
  GMainLoop         *loop;
  CharterSimulation *sim;
  GError            *error;
} AsyncResult;

static void
simulate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->sim = charter_scheduler_simulate_finish (CHARTER_SCHEDULER (source), result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The scheduler follows a risk's forecast members, and forecasts in a
 * worker thread the document as it was when asked. */
static void
test_scheduler (void)
{
  g_autoptr(CharterDocument) doc = uncertain_plan ();
  g_autoptr(CharterScheduler) scheduler = NULL;
  g_autoptr(CharterSimulation) expected = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { loop, NULL, NULL };
  const char *on_a[] = { "a", NULL };
  CharterRisk *risk = plan_risk (doc, "r1", 0, 6, on_a);
  guint notified = 0;

  scheduler = charter_scheduler_new (doc);
  g_signal_connect (scheduler, "notify::schedule", G_CALLBACK (count_notify_cb), &notified);
  charter_document_set (doc, risk, "probability", 40, NULL);
  g_assert_cmpuint (notified, ==, 1);
  charter_document_set (doc, risk, "impact-days", 9, NULL);
  g_assert_cmpuint (notified, ==, 2);
  expected = simulate_ok (charter_scheduler_get_schedule (scheduler), 1000, 42);

  charter_scheduler_simulate_async (scheduler, 1000, 42, CHARTER_SIMULATION_RISK_EFFECTS, NULL,
                                    simulate_done_cb, &async);
  /* An edit while it runs is not in this forecast. */
  charter_document_set (doc, risk, "probability", 100, NULL);
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_nonnull (async.sim);
  assert_same_forecast (expected, async.sim, 3);
  g_assert_cmpint (charter_simulation_get_risk_p80_effect (async.sim, 0), ==,
                   charter_simulation_get_risk_p80_effect (expected, 0));
  g_clear_pointer (&async.sim, charter_simulation_free);

  /* A plan that cannot be scheduled says why. */
  plan_dep (doc, "c", "a", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  charter_scheduler_simulate_async (scheduler, 10, 1, CHARTER_SIMULATION_NONE, NULL, simulate_done_cb, &async);
  g_main_loop_run (loop);
  g_assert_null (async.sim);
  g_assert_error (async.error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_CYCLE);
  g_clear_error (&async.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/risks/probability-zero", test_probability_zero);
  g_test_add_func ("/engine/risks/probability-hundred", test_probability_hundred);
  g_test_add_func ("/engine/risks/same-seed", test_same_seed);
  g_test_add_func ("/engine/risks/large-float", test_large_float);
  g_test_add_func ("/engine/risks/levelled", test_levelled);
  g_test_add_func ("/engine/risks/buffer-without-uncertainty", test_buffer_without_uncertainty);
  g_test_add_func ("/engine/risks/effect-is-without", test_effect_is_without);
  g_test_add_func ("/engine/risks/scheduler", test_scheduler);

  return g_test_run ();
}
