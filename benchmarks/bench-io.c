/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-io: how fast .charter files load and save (docs/performance.md).
 *
 * Generates a document with 10,000 tasks, 30,000 dependencies (acyclic),
 * 500 participants and interviews and 5,000 insights, then measures
 * serialising, saving to disk, loading from disk and the peak memory of the
 * process. Targets: each step well under a second, peak under 300 MB.
 *
 *   build-aux/dev bench                 (all benchmarks, release build)
 *   _build-bench/benchmarks/bench-io    (this one)
 *   _build-bench/benchmarks/bench-io 10 (ten times bigger; no targets)
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "charter-file.h"

#define N_TEAMS        12

/* bench-io [SCALE]: SCALE multiplies the sizes below (default 1). */
static guint scale = 1;
#define N_TASKS        (10000 * scale)
#define N_DEPENDENCIES (30000 * scale)
#define N_INTERVIEWS   (500 * scale)
#define N_INSIGHTS     (5000 * scale)

static void
append (GListModel *list,
        gpointer    item)
{
  g_list_store_append (G_LIST_STORE (list), item);
  g_object_unref (item);
}

static CharterDocument *
generate (void)
{
  CharterDocument *document = charter_document_new ();
  GRand *rand = g_rand_new_with_seed (42);
  g_autoptr(GHashTable) edges = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new (gint64, N_DEPENDENCIES);
  const char *notes =
    "She opens the app on the doorstep, still in her coat, and wants to know what she did last "
    "time so she can decide what to do today. If Tuesday was intervals, Thursday is an easy run. "
    "I just need to see Tuesday. She keeps a paper note on the fridge for this today.";
  guint n_deps = 0;

  for (guint i = 0; i < N_INTERVIEWS; i++)
    {
      g_autofree char *pid = g_strdup_printf ("p%u", i);
      g_autofree char *iid = g_strdup_printf ("i%u", i);
      g_autofree char *alias = g_strdup_printf ("Participant %u", i);

      append (charter_document_get_participants (document),
              g_object_new (CHARTER_TYPE_PARTICIPANT, "id", pid, "alias", alias,
                            "real-name", "Somebody Real", "contact", "someone@example.org", NULL));
      append (charter_document_get_interviews (document),
              g_object_new (CHARTER_TYPE_INTERVIEW, "id", iid, "participant-id", pid,
                            "date", "2027-01-11", "title", alias, "notes", notes, NULL));
    }
  for (guint i = 0; i < N_INSIGHTS; i++)
    {
      g_autofree char *sid = g_strdup_printf ("s%u", i);
      g_autofree char *iid = g_strdup_printf ("i%u", i % N_INTERVIEWS);

      append (charter_document_get_insights (document),
              g_object_new (CHARTER_TYPE_INSIGHT, "id", sid, "interview-id", iid,
                            "text", "If Tuesday was intervals, Thursday is an easy run.",
                            "start", 110, "end", 160, NULL));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *nid = g_strdup_printf ("n%u", i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      for (guint k = i; k < N_INSIGHTS; k += 50)
        {
          g_autofree char *sid = g_strdup_printf ("s%u", k);
          g_strv_builder_add (builder, sid);
        }
      ids = g_strv_builder_end (builder);
      append (charter_document_get_needs (document),
              g_object_new (CHARTER_TYPE_NEED, "id", nid, "statement", "A need",
                            "insight-ids", ids, NULL));
    }
  for (guint i = 0; i < N_TEAMS; i++)
    {
      g_autofree char *tid = g_strdup_printf ("team%u", i);

      append (charter_document_get_teams (document),
              g_object_new (CHARTER_TYPE_TEAM, "id", tid, "name", tid, "color", "#0072B2",
                            "capacity", 4, NULL));
    }
  for (guint i = 0; i < N_TASKS; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task number %u", i);
      g_autofree char *team = g_strdup_printf ("team%u", i % N_TEAMS);
      const char *serves[] = { "n0", "n2", NULL };

      append (charter_document_get_tasks (document),
              g_object_new (CHARTER_TYPE_TASK, "id", id, "name", name, "team-id", team,
                            "duration", g_rand_int_range (rand, 1, 30),
                            "optimistic", 1, "pessimistic", 40, "serves", serves,
                            "positioned", TRUE, "x", g_rand_double_range (rand, 0, 5000),
                            "y", g_rand_double_range (rand, 0, 5000), NULL));
    }
  /* Edges go from a lower to a higher index (acyclic), no pair twice. */
  while (n_deps < N_DEPENDENCIES)
    {
      guint to = g_rand_int_range (rand, 1, N_TASKS);
      guint from = g_rand_int_range (rand, MAX ((int) to - 200, 0), to);
      g_autofree char *did = NULL;
      g_autofree char *pred = NULL;
      g_autofree char *succ = NULL;

      keys[n_deps] = (gint64) from * N_TASKS + to;
      if (g_hash_table_contains (edges, &keys[n_deps]))
        continue;
      g_hash_table_add (edges, &keys[n_deps]);

      did = g_strdup_printf ("d%u", n_deps);
      pred = g_strdup_printf ("t%u", from);
      succ = g_strdup_printf ("t%u", to);
      append (charter_document_get_dependencies (document),
              g_object_new (CHARTER_TYPE_DEPENDENCY, "id", did, "predecessor", pred,
                            "successor", succ, "lag", g_rand_int_range (rand, -2, 3), NULL));
      n_deps++;
    }

  g_rand_free (rand);
  return document;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;   /* kilobytes on Linux */
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.charter", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double t0, t_generate, t_serialize, t_save, t_save2, t_load;
  int status = 0;

  if (argc > 1)
    scale = (guint) CLAMP (g_ascii_strtoull (argv[1], NULL, 10), 1, 100);

  t0 = now_ms ();
  document = generate ();
  t_generate = now_ms () - t0;

  t0 = now_ms ();
  bytes = charter_file_serialize (document);
  t_serialize = now_ms () - t0;

  t0 = now_ms ();
  if (!charter_file_save (document, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  t_save = now_ms () - t0;

  /* A second save also moves the first to the backup. */
  t0 = now_ms ();
  if (!charter_file_save (document, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  t_save2 = now_ms () - t0;

  g_clear_object (&document);

  t0 = now_ms ();
  loaded = charter_file_load (file, NULL, NULL, &error);
  t_load = now_ms () - t0;
  if (loaded == NULL)
    g_error ("%s", error->message);

  again = charter_file_serialize (loaded);

  printf ("bench-io: %u tasks, %u dependencies, %u interviews, %u insights; file %.1f MB\n",
          N_TASKS, N_DEPENDENCIES, N_INTERVIEWS, N_INSIGHTS, g_bytes_get_size (bytes) / 1e6);
  printf ("  generate (model only)   %8.1f ms\n", t_generate);
  printf ("  serialize               %8.1f ms\n", t_serialize);
  printf ("  save (new file)         %8.1f ms\n", t_save);
  printf ("  save (over it, backup)  %8.1f ms\n", t_save2);
  printf ("  load (read + validate)  %8.1f ms\n", t_load);
  printf ("  peak RSS                %8ld MB\n", peak_rss_mb ());
  printf ("  round trip byte-identical: %s\n", g_bytes_equal (bytes, again) ? "yes" : "NO");

  if (!g_bytes_equal (bytes, again) ||
      (scale == 1 && (t_load > 1000 || t_save2 > 1000 || peak_rss_mb () > 300)))
    {
      printf ("  TARGET MISSED (each step under 1000 ms, peak under 300 MB)\n");
      status = 1;
    }

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
  return status;
}
