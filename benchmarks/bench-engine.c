/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-engine: how fast the scheduling engine is (docs/performance.md).
 *
 *   1. 100,000 tasks and 300,000 dependencies: load the file, schedule it
 *      (compile + passes), compare the two; peak memory of the process.
 *   2. 10,000 tasks: change one duration through the document and let the
 *      scheduler reschedule (incremental), as a drag in the Timeline does.
 *   3. 1,000 Monte Carlo runs of a 1,000-task plan; the same with 100 risks
 *      (target 200 ms), and with each risk's effect on P80 measured.
 *   4. The same generated 1,000-task plan scheduled by Charter and by tj3.
 *
 * Usage: bench-engine [--quick | --monte-carlo | --check-ins]
 *   --quick: smaller sizes, for a smoke run; --monte-carlo: only step 3;
 *   --check-ins: only the reforecast of 100,000 tasks. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "charter-file.h"
#include "charter-schedule.h"
#include "charter-scheduler.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process: on a shared machine, less noisy than the clock
 * on the wall (other processes take the cores, not this one's work). */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static char *
iso (guint32 julian_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* A plan of @n tasks, each with up to three predecessors among the @window
 * tasks before it (so @n * 3 dependencies, less the first few), durations
 * 1-10 working days, a tenth of them milestones, estimates on every task,
 * and holidays. Built straight into the stores: no undo steps. */
static CharterDocument *
generate (guint    n,
          guint    window,
          gboolean fs_only,
          guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CharterDocument *doc = charter_document_new ();
  CharterCalendar *calendar = charter_document_get_calendar (doc);
  GListStore *tasks = G_LIST_STORE (charter_document_get_tasks (doc));
  GListStore *deps = G_LIST_STORE (charter_document_get_dependencies (doc));
  g_autoptr(GPtrArray) task_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) dep_items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *holidays[] = { "2025-04-18", "2025-04-21", "2025-05-26", "2025-12-25", "2025-12-26", NULL };

  charter_calendar_set_start (calendar, "2025-03-03");
  charter_calendar_set_holidays (calendar, holidays);

  for (guint i = 0; i < n; i++)
    {
      char id[32];
      CharterTask *task;
      gboolean milestone = g_rand_int_range (rand, 0, 10) == 0;
      int duration = milestone ? 0 : g_rand_int_range (rand, 1, 11);

      g_snprintf (id, sizeof id, "t%u", i);
      task = charter_task_new (id);
      g_snprintf (id, sizeof id, "Task %u", i);
      charter_task_set_name (task, id);
      charter_task_set_duration (task, duration);
      charter_task_set_milestone (task, milestone);
      if (!milestone)
        {
          charter_task_set_optimistic (task, MAX (duration - 2, 1));
          charter_task_set_pessimistic (task, duration * 2);
        }
      g_ptr_array_add (task_items, task);

      for (guint k = 0; k < 3 && i > 0; k++)
        {
          guint from = i - 1 - g_rand_int_range (rand, 0, MIN (i, window));
          CharterDependency *dep;

          g_snprintf (id, sizeof id, "d%u", dep_items->len);
          dep = charter_dependency_new (id);
          g_snprintf (id, sizeof id, "t%u", from);
          charter_dependency_set_predecessor (dep, id);
          g_snprintf (id, sizeof id, "t%u", i);
          charter_dependency_set_successor (dep, id);
          if (!fs_only)
            {
              charter_dependency_set_kind (dep, g_rand_int_range (rand, 0, 10) < 7 ? CHARTER_DEPENDENCY_FINISH_TO_START
                                                                                    : g_rand_int_range (rand, 1, 4));
              charter_dependency_set_lag (dep, g_rand_int_range (rand, -2, 3));
            }
          g_ptr_array_add (dep_items, dep);
        }
    }
  g_list_store_splice (tasks, 0, 0, task_items->pdata, task_items->len);
  g_list_store_splice (deps, 0, 0, dep_items->pdata, dep_items->len);
  return doc;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* Runs in a process of its own (so that its peak memory is that of opening
 * and scheduling a file, not of generating one). */
static int
load_and_schedule (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterDocument) loaded = NULL;
  g_autofree char *finish = NULL;
  double t0, load_ms, best = G_MAXDOUBLE, worst = 0;
  guint n_tasks, n_deps;
  long peak_after_load;

  t0 = now_ms ();
  loaded = charter_file_load (file, NULL, NULL, &error);
  load_ms = now_ms () - t0;
  if (loaded == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  peak_after_load = peak_rss_mb ();
  n_tasks = g_list_model_get_n_items (charter_document_get_tasks (loaded));
  n_deps = g_list_model_get_n_items (charter_document_get_dependencies (loaded));

  for (int run = 0; run < 5; run++)
    {
      g_autoptr(CharterSchedule) schedule = NULL;
      double ms;

      t0 = now_ms ();
      schedule = charter_schedule_compute (loaded, &error);
      ms = now_ms () - t0;
      if (schedule == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      best = MIN (best, ms);
      worst = MAX (worst, ms);
      if (finish == NULL)
        finish = iso (charter_schedule_get_finish (schedule));
    }

  printf ("full schedule, %u tasks + %u dependencies (all four types, lags; finish %s):\n", n_tasks, n_deps, finish);
  printf ("  load file %.0f ms; schedule (compile + passes) best %.0f ms, worst %.0f ms; schedule/load = %.2f\n",
          load_ms, best, worst, worst / load_ms);
  printf ("  peak memory: %ld MB after loading the file, %ld MB after scheduling it 5 times (engine's share %ld MB)\n",
          peak_after_load, peak_rss_mb (), peak_rss_mb () - peak_after_load);
  return 0;
}

static void
bench_large (const char *self_path,
             guint       n)
{
  g_autoptr(CharterDocument) doc = generate (n, 2000, FALSE, 1);
  g_autoptr(GBytes) bytes = charter_file_serialize (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  int fd, status = 0;

  fd = g_file_open_tmp ("bench-engine-XXXXXX.charter", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&doc);

  {
    const char *argv[] = { self_path, "--load-and-schedule", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  fputs (out, stdout);
  g_remove (path);
}

/* The same plan with three check-ins, each with a status for one task in
 * ten (done, under way with remaining days, not started): the reforecast
 * against --as-of none, best of 5 (in process, from the built document). */
static void
bench_check_ins (guint n)
{
  g_autoptr(CharterDocument) doc = generate (n, 2000, FALSE, 1);
  GListModel *tasks = charter_document_get_tasks (doc);
  const char *dates[] = { "2025-04-01", "2025-06-02", "2025-09-01" };
  double best[2] = { G_MAXDOUBLE, G_MAXDOUBLE };

  for (guint c = 0; c < G_N_ELEMENTS (dates); c++)
    {
      char id[32];
      g_autoptr(CharterCheckIn) check_in = NULL;

      g_snprintf (id, sizeof id, "check-in-%u", c);
      check_in = charter_check_in_new (id);
      charter_check_in_set_date (check_in, dates[c]);
      for (guint i = c; i < n; i += 10)
        {
          g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
          g_autoptr(CharterTaskStatus) status = NULL;

          g_snprintf (id, sizeof id, "s%u-%u", c, i);
          status = charter_task_status_new (id);
          charter_task_status_set_task_id (status, charter_item_get_id (CHARTER_ITEM (task)));
          charter_task_status_set_state (status, i % 3 == 0 ? CHARTER_TASK_STATE_DONE : CHARTER_TASK_STATE_ON_TRACK);
          charter_task_status_set_percent_complete (status, i % 3 == 2 ? 0 : 50);
          charter_task_status_set_remaining (status, (int) (i % 7));
          g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);
        }
      g_list_store_append (G_LIST_STORE (charter_document_get_check_ins (doc)), check_in);
    }

  for (int round = 0; round < 5; round++)
    for (int k = 0; k < 2; k++)
      {
        g_autoptr(GError) error = NULL;
        double t0 = now_ms ();
        g_autoptr(CharterSchedule) schedule = charter_schedule_compute_as_of (doc, k == 0 ? "none" : NULL, &error);

        g_assert_no_error (error);
        g_assert_nonnull (schedule);
        best[k] = MIN (best[k], now_ms () - t0);
      }
  printf ("full schedule, %u tasks, 3 check-ins with %u statuses each (compile + passes):\n", n, n / 10);
  printf ("  --as-of none best %.1f ms, reforecast from the latest check-in best %.1f ms\n", best[0], best[1]);
}

static void
bench_incremental (guint n)
{
  g_autoptr(CharterDocument) doc = generate (n, 500, FALSE, 2);
  g_autoptr(CharterScheduler) scheduler = charter_scheduler_new (doc);
  GListModel *tasks = charter_document_get_tasks (doc);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  double total = 0, worst = 0;
  const int changes = 200;

  g_assert_nonnull (charter_scheduler_get_schedule (scheduler));
  for (int k = 0; k < changes; k++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, n / 10));
      CharterSchedule *before = charter_scheduler_get_schedule (scheduler);
      double t0 = now_ms (), ms;

      /* Early tasks: the worst case, most of the plan follows them. */
      charter_document_set (doc, task, "duration", charter_task_get_duration (task) + 1, NULL);
      ms = now_ms () - t0;
      g_assert_true (charter_scheduler_get_schedule (scheduler) != before || charter_task_get_milestone (task));
      total += ms;
      worst = MAX (worst, ms);
    }
  printf ("one duration change + reschedule, %u tasks (through charter_document_set, incremental):\n", n);
  printf ("  mean %.2f ms, worst %.2f ms over %d changes\n", total / changes, worst, changes);
}

/* Every task in one of 50 teams of capacity @capacity: the plan is levelled. */
static void
assign_teams (CharterDocument *doc,
              int              capacity)
{
  GListModel *tasks = charter_document_get_tasks (doc);
  guint n = g_list_model_get_n_items (tasks);

  for (int t = 0; t < 50; t++)
    {
      char id[16];
      g_autoptr(CharterTeam) team = NULL;

      g_snprintf (id, sizeof id, "team%d", t);
      team = charter_team_new (id);
      charter_team_set_name (team, id);
      charter_team_set_capacity (team, capacity);
      g_list_store_append (G_LIST_STORE (charter_document_get_teams (doc)), team);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      char id[16];

      g_snprintf (id, sizeof id, "team%u", i % 50);
      charter_task_set_team_id (task, id);
    }
}

static void
bench_levelled (guint n,
                guint n_small)
{
  g_autoptr(CharterDocument) doc = generate (n, 2000, FALSE, 1);
  g_autoptr(CharterDocument) small = generate (n_small, 500, FALSE, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterScheduler) scheduler = NULL;
  GListModel *tasks = charter_document_get_tasks (small);
  double best = G_MAXDOUBLE, total = 0, worst = 0;

  assign_teams (doc, 1);
  for (int run = 0; run < 3; run++)
    {
      double t0 = now_ms ();
      g_autoptr(CharterSchedule) schedule = charter_schedule_compute (doc, &error);

      g_assert_no_error (error);
      best = MIN (best, now_ms () - t0);
      g_assert_cmpint (charter_schedule_get_working_days (schedule), >, 0);
    }
  printf ("levelled: %u tasks in 50 teams of capacity 1: full schedule best %.0f ms\n", n, best);

  assign_teams (small, 1);
  scheduler = charter_scheduler_new (small);
  for (int k = 0; k < 50; k++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, k * 7 % (n_small / 10));
      double t0 = now_ms (), ms;

      charter_document_set (small, task, "duration", charter_task_get_duration (task) + 1, NULL);
      ms = now_ms () - t0;
      total += ms;
      worst = MAX (worst, ms);
    }
  printf ("levelled: one duration change + reschedule, %u tasks (re-levels the whole plan): mean %.1f ms, worst %.1f ms\n",
          n_small, total / 50, worst);
}

static void
bench_monte_carlo (guint n,
                   guint runs)
{
  g_autoptr(CharterDocument) doc = generate (n, 200, FALSE, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterSchedule) schedule = charter_schedule_compute (doc, &error);
  g_autoptr(CharterSimulation) sim = NULL;
  g_autofree char *p50 = NULL, *p95 = NULL;
  double t0, ms;

  g_assert_no_error (error);
  t0 = now_ms ();
  sim = charter_schedule_simulate (schedule, runs, 1, &error);
  ms = now_ms () - t0;
  g_assert_no_error (error);
  p50 = iso (charter_simulation_get_finish (sim, 50));
  p95 = iso (charter_simulation_get_finish (sim, 95));
  printf ("Monte Carlo, %u runs of a %u-task plan: %.0f ms (P50 %s, P95 %s)\n", runs, n, ms, p50, p95);
}

/* @n_risks risks on the plan, each on one to three tasks, 5-60 % likely,
 * costing 1-10 working days. */
static void
add_risks (CharterDocument *doc,
           guint            n_risks,
           guint32          seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n = g_list_model_get_n_items (charter_document_get_tasks (doc));

  for (guint k = 0; k < n_risks; k++)
    {
      char id[32];
      g_autoptr(CharterRisk) risk = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) task_ids = NULL;
      int n_tasks = g_rand_int_range (rand, 1, 4);

      g_snprintf (id, sizeof id, "r%u", k);
      risk = charter_risk_new (id);
      charter_risk_set_description (risk, id);
      charter_risk_set_probability (risk, g_rand_int_range (rand, 5, 61));
      charter_risk_set_impact_days (risk, g_rand_int_range (rand, 1, 11));
      for (int j = 0; j < n_tasks; j++)
        {
          g_snprintf (id, sizeof id, "t%u", g_rand_int_range (rand, 0, n));
          g_strv_builder_add (builder, id);
        }
      task_ids = g_strv_builder_end (builder);
      charter_risk_set_task_ids (risk, (const char * const *) task_ids);
      g_list_store_append (G_LIST_STORE (charter_document_get_risks (doc)), risk);
    }
}

static void
bench_monte_carlo_risks (guint n,
                         guint runs,
                         guint n_risks)
{
  g_autoptr(CharterDocument) doc = generate (n, 200, FALSE, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) plain = NULL;
  g_autoptr(CharterSimulation) sim = NULL;
  g_autofree char *p80_plain = NULL, *p80 = NULL;
  double best = G_MAXDOUBLE, worst = 0, effects_best = G_MAXDOUBLE, effects_worst = 0;
  double cpu_best = G_MAXDOUBLE, effects_cpu_best = G_MAXDOUBLE;
  int largest = 0;

  plain = charter_schedule_simulate (schedule = charter_schedule_compute (doc, &error), runs, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&schedule);
  add_risks (doc, n_risks, 6);
  schedule = charter_schedule_compute (doc, &error);
  g_assert_no_error (error);

  /* Best and worst of three: the machine is shared. */
  for (int k = 0; k < 3; k++)
    {
      double t0 = now_ms (), c0 = cpu_ms (), ms;

      g_clear_pointer (&sim, charter_simulation_free);
      sim = charter_schedule_simulate (schedule, runs, 1, &error);
      ms = now_ms () - t0;
      cpu_best = MIN (cpu_best, cpu_ms () - c0);
      g_assert_no_error (error);
      best = MIN (best, ms);
      worst = MAX (worst, ms);
    }
  p80_plain = iso (charter_simulation_get_finish (plain, 80));
  p80 = iso (charter_simulation_get_finish (sim, 80));
  printf ("Monte Carlo, %u runs of a %u-task plan with %u risks: best %.0f ms, worst %.0f ms, CPU best %.0f ms (target 200 ms; P80 %s, %s without the risks)\n",
          runs, n, n_risks, best, worst, cpu_best, p80, p80_plain);

  for (int k = 0; k < 3; k++)
    {
      double t0 = now_ms (), c0 = cpu_ms (), ms;

      g_clear_pointer (&sim, charter_simulation_free);
      sim = charter_schedule_simulate_full (schedule, runs, 1, CHARTER_SIMULATION_RISK_EFFECTS, &error);
      ms = now_ms () - t0;
      effects_cpu_best = MIN (effects_cpu_best, cpu_ms () - c0);
      g_assert_no_error (error);
      effects_best = MIN (effects_best, ms);
      effects_worst = MAX (effects_worst, ms);
    }
  for (guint k = 0; k < n_risks; k++)
    largest = MAX (largest, charter_simulation_get_risk_p80_effect (sim, k));
  printf ("  with each risk's effect on P80 (every run a risk happened in, again without it): best %.0f ms, worst %.0f ms, CPU best %.0f ms (largest effect %d working days)\n",
          effects_best, effects_worst, effects_cpu_best, largest);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
bench_taskjuggler (guint n)
{
  g_autoptr(CharterDocument) doc = generate (n, 50, TRUE, 5);
  g_autoptr(GString) tjp = g_string_new (NULL);
  g_autofree char *tmpdir = NULL;
  g_autofree char *tjp_path = NULL;
  g_autofree char *tj3 = g_find_program_in_path ("tj3");
  g_autoptr(GError) error = NULL;
  GListModel *tasks = charter_document_get_tasks (doc);
  GListModel *deps = charter_document_get_dependencies (doc);
  g_autoptr(GPtrArray) preds = g_ptr_array_new_with_free_func (free_string);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double t0, charter_ms, tj_ms;
  int status = 0;

  if (tj3 == NULL)
    {
      printf ("Charter vs tj3: tj3 is not installed, skipped\n");
      return;
    }

  tmpdir = g_dir_make_tmp ("bench-engine-XXXXXX", &error);
  g_assert_no_error (error);

  /* Charter: read the .charter file and schedule it, in process. */
  {
    g_autoptr(GBytes) bytes = charter_file_serialize (doc);
    g_autofree char *path = g_build_filename (tmpdir, "plan.charter", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(CharterDocument) loaded = NULL;
    g_autoptr(CharterSchedule) schedule = NULL;

    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
    t0 = now_ms ();
    loaded = charter_file_load (file, NULL, NULL, &error);
    g_assert_no_error (error);
    schedule = charter_schedule_compute (loaded, &error);
    g_assert_no_error (error);
    charter_ms = now_ms () - t0;
    g_remove (path);
  }

  g_string_append (tjp, "project p \"Bench\" 2025-03-03 +20y {\n  timezone \"UTC\"\n"
                        "  workinghours mon - fri 9:00 - 17:00\n  workinghours sat, sun off\n}\n");
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    g_ptr_array_add (preds, g_string_new (NULL));
  for (guint e = 0; e < g_list_model_get_n_items (deps); e++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, e);
      guint to = atoi (charter_dependency_get_successor (dep) + 1);
      g_autofree char *key = g_strdup_printf ("%s>%u", charter_dependency_get_predecessor (dep), to);

      /* tj3 refuses a dependency given twice; Charter takes it as one. */
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;
      g_string_append_printf (g_ptr_array_index (preds, to), "  depends %s\n", charter_dependency_get_predecessor (dep));
    }
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

      g_string_append_printf (tjp, "task %s \"%s\" {\n%s", charter_item_get_id (CHARTER_ITEM (task)),
                              charter_task_get_name (task), ((GString *) g_ptr_array_index (preds, i))->str);
      if (charter_task_get_milestone (task))
        g_string_append (tjp, "  milestone\n}\n");
      else
        g_string_append_printf (tjp, "  length %dd\n}\n", charter_task_get_duration (task));
    }
  g_string_append (tjp, "taskreport out \"out\" {\n  formats csv\n  columns id, start, end\n}\n");

  tjp_path = g_build_filename (tmpdir, "plan.tjp", NULL);
  g_file_set_contents (tjp_path, tjp->str, tjp->len, &error);
  g_assert_no_error (error);

  t0 = now_ms ();
  {
    const char *argv[] = { tj3, "--silent", "-o", tmpdir, tjp_path, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  tj_ms = now_ms () - t0;
  g_assert_no_error (error);
  printf ("same %u-task plan (finish-to-start), read + schedule: Charter %.1f ms, tj3 %.0f ms (exit %d): tj3/Charter = %.0f×\n",
          n, charter_ms, tj_ms, status, tj_ms / charter_ms);

  {
    g_autofree char *out = g_build_filename (tmpdir, "out.csv", NULL);
    g_remove (out);
    g_remove (tjp_path);
    g_rmdir (tmpdir);
  }
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = argc > 1 && g_strcmp0 (argv[1], "--quick") == 0;

  if (argc == 3 && g_strcmp0 (argv[1], "--load-and-schedule") == 0)
    return load_and_schedule (argv[2]);
  if (argc == 2 && g_strcmp0 (argv[1], "--check-ins") == 0)
    {
      bench_check_ins (100000);
      return 0;
    }
  if (argc == 2 && g_strcmp0 (argv[1], "--monte-carlo") == 0)
    {
      bench_monte_carlo (1000, 1000);
      bench_monte_carlo_risks (1000, 1000, 100);
      return 0;
    }

  printf ("bench-engine%s\n", quick ? " (quick)" : "");
  bench_large (argv[0], quick ? 10000 : 100000);
  bench_check_ins (quick ? 10000 : 100000);
  bench_incremental (quick ? 2000 : 10000);
  bench_levelled (quick ? 10000 : 100000, quick ? 2000 : 10000);
  bench_monte_carlo (quick ? 200 : 1000, quick ? 100 : 1000);
  bench_monte_carlo_risks (quick ? 200 : 1000, quick ? 100 : 1000, quick ? 20 : 100);
  bench_taskjuggler (quick ? 200 : 1000);
  return 0;
}
