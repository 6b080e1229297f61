/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workout-history plan of the seed story, and large random plans. */

#include "config.h"

#include "graph-demo.h"

static void
add_team (CharterDocument *doc,
          const char      *id,
          const char      *name)
{
  g_autoptr(CharterTeam) team = charter_team_new (id);

  charter_team_set_name (team, name);
  charter_document_append (doc, charter_document_get_teams (doc), team);
}

static void
add_task (CharterDocument *doc,
          const char      *id,
          const char      *name,
          const char      *team,
          int              duration)
{
  g_autoptr(CharterTask) task = charter_task_new (id);

  charter_task_set_name (task, name);
  charter_task_set_team_id (task, team);
  charter_task_set_duration (task, duration);
  if (duration == 0)
    charter_task_set_milestone (task, TRUE);
  charter_document_append (doc, charter_document_get_tasks (doc), task);
}

static void
add_dep (CharterDocument       *doc,
         const char            *from,
         const char            *to,
         CharterDependencyType  kind,
         int                    lag)
{
  GListModel *deps = charter_document_get_dependencies (doc);
  g_autofree char *id = charter_document_make_id (doc, deps, "dep");
  g_autoptr(CharterDependency) dep = charter_dependency_new (id);

  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  charter_dependency_set_kind (dep, kind);
  charter_dependency_set_lag (dep, lag);
  charter_document_append (doc, deps, dep);
}

CharterDocument *
graph_demo_workout_history (void)
{
  CharterDocument *doc = charter_document_new ();

  charter_calendar_set_start (charter_document_get_calendar (doc), "2025-03-03");

  add_team (doc, "design", "Design");
  add_team (doc, "backend", "Backend");
  add_team (doc, "mobile", "Mobile");
  add_team (doc, "data", "Data");
  add_team (doc, "qa", "QA");

  add_task (doc, "spec", "Agree the history spec", "design", 3);
  add_task (doc, "ux", "Design the history list", "design", 8);
  add_task (doc, "model", "Workout log data model", "backend", 5);
  add_task (doc, "api", "History API", "backend", 12);
  add_task (doc, "privacy", "Privacy controls", "backend", 6);
  add_task (doc, "ios", "iOS history list", "mobile", 10);
  add_task (doc, "android", "Android history list", "mobile", 10);
  add_task (doc, "count", "“12 this month” widget", "mobile", 4);
  add_task (doc, "events", "Analytics events", "data", 3);
  add_task (doc, "qa", "QA pass", "qa", 6);
  add_task (doc, "beta", "Beta to 5% of users", NULL, 0);
  add_task (doc, "launch", "Launch", NULL, 0);

  add_dep (doc, "spec", "ux", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "spec", "model", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "model", "api", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "model", "privacy", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "ux", "ios", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "ux", "android", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "api", "ios", CHARTER_DEPENDENCY_START_TO_START, 5);
  add_dep (doc, "api", "android", CHARTER_DEPENDENCY_START_TO_START, 5);
  add_dep (doc, "api", "count", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "ios", "events", CHARTER_DEPENDENCY_FINISH_TO_FINISH, 0);
  add_dep (doc, "ios", "qa", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "android", "qa", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "count", "qa", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "privacy", "qa", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "qa", "beta", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "events", "beta", CHARTER_DEPENDENCY_FINISH_TO_START, 0);
  add_dep (doc, "beta", "launch", CHARTER_DEPENDENCY_FINISH_TO_START, 10);

  charter_history_clear (charter_document_get_history (doc));
  charter_document_mark_saved (doc);
  return doc;
}

CharterDocument *
graph_demo_large (guint   n_tasks,
                  guint   n_dependencies,
                  guint32 seed)
{
  CharterDocument *doc = charter_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const teams[] = { "t1", "t2", "t3", "t4", "t5", "t6" };
  guint added = 0;

  charter_calendar_set_start (charter_document_get_calendar (doc), "2025-03-03");
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    {
      g_autofree char *name = g_strdup_printf ("Team %u", i + 1);
      add_team (doc, teams[i], name);
    }

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task %u", i);

      add_task (doc, id, name, teams[i % G_N_ELEMENTS (teams)], g_rand_int_range (rand, 1, 15));
    }

  /* Mostly short hops forward, as real plans have, and no duplicates. */
  while (added < n_dependencies)
    {
      guint a = g_rand_int_range (rand, 0, n_tasks - 1);
      guint span = g_rand_int_range (rand, 0, 10) < 8 ? g_rand_int_range (rand, 1, 12)
                                                      : g_rand_int_range (rand, 1, n_tasks);
      guint b = MIN (a + span, n_tasks - 1);
      g_autofree char *from = g_strdup_printf ("t%u", a);
      g_autofree char *to = g_strdup_printf ("t%u", b);
      char *key = g_strdup_printf ("%u>%u", a, b);

      if (a == b || g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      add_dep (doc, from, to, CHARTER_DEPENDENCY_FINISH_TO_START, 0);
      added++;
    }

  charter_history_clear (charter_document_get_history (doc));
  charter_document_mark_saved (doc);
  return doc;
}
