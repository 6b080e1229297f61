/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export.c: a generated plan's timeline to PDF (issue 15: 1,000 tasks
 * under 1 s, 10,000 under 5 s), and to SVG and PNG for comparison. The plan
 * is make-plan.py's (20 teams, up to three dependencies a task); loading and
 * scheduling are not timed, only charter_export_render(), the whole of what
 * `charter-cli export --to pdf --view timeline` adds.
 *
 *   bench-export [N…]     default: 1000 10000 */

#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "charter-export.h"
#include "charter-file.h"

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static CharterDocument *
make_plan (guint n)
{
  g_autofree char *script = g_build_filename (BENCH_SOURCE_DIR, "make-plan.py", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  const char *argv[] = { "python3", script, count, NULL };
  CharterDocument *document;
  int fd;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("make-plan.py: %s", error->message);
  fd = g_file_open_tmp ("bench-export-XXXXXX.charter", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, out, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  document = charter_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return document;
}

static void
bench (CharterDocument     *document,
       CharterSchedule     *schedule,
       CharterExportView    view,
       CharterExportFormat  format,
       const char          *label,
       guint                n)
{
  CharterExportOptions options;
  double best_wall = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  gsize size = 0;

  charter_export_options_init (&options);
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();

      bytes = charter_export_render (document, schedule, view, format, &options, &error);
      g_assert_no_error (error);
      best_wall = MIN (best_wall, (g_get_monotonic_time () - start) / 1000.0);
      best_cpu = MIN (best_cpu, cpu_ms () - cpu);
      size = g_bytes_get_size (bytes);
    }
  printf ("%-14s %6u tasks  %8.0f ms wall  %8.0f ms CPU  %8.1f MB (best of 3)\n",
          label, n, best_wall, best_cpu, size / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[8] = { 1000, 10000 };
  guint n_sizes = 2;

  if (argc > 1)
    {
      n_sizes = MIN ((guint) argc - 1, G_N_ELEMENTS (sizes));
      for (guint i = 0; i < n_sizes; i++)
        sizes[i] = (guint) atoi (argv[i + 1]);
    }
  for (guint i = 0; i < n_sizes; i++)
    {
      g_autoptr(CharterDocument) document = make_plan (sizes[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CharterSchedule) schedule = charter_schedule_compute (document, &error);

      g_assert_no_error (error);
      bench (document, schedule, CHARTER_EXPORT_VIEW_TIMELINE, CHARTER_EXPORT_PDF, "timeline PDF", sizes[i]);
      bench (document, schedule, CHARTER_EXPORT_VIEW_TIMELINE, CHARTER_EXPORT_SVG, "timeline SVG", sizes[i]);
      bench (document, schedule, CHARTER_EXPORT_VIEW_TIMELINE, CHARTER_EXPORT_PNG, "timeline PNG", sizes[i]);
    }
  return 0;
}
