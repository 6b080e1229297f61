/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-frame-probe.c: what benchmarks/bench-open reads. Off unless
 * CHARTER_REPORT_FIRST_FRAME=1 is in the environment; then, once a window
 * shows a document that was opened (not the empty one every window starts
 * with), it prints to stdout at the end of the first frame painted after
 * that:
 *
 *   first-frame-ms 812.4
 *
 * the time since the process started, and "first-frame-cpu-ms" the CPU
 * time it used (all threads). With CHARTER_REPORT_WORKSPACES=1 it
 * then switches to each workspace in turn and prints the time from the
 * switch to the end of the frame that shows it ("workspace plan-ms 41.0"),
 * with the CPU time of the process ("workspace plan-cpu-ms") and of the
 * main thread alone ("workspace plan-main-cpu-ms"); when the Plan's graph
 * is laid out in a worker meanwhile, also to the end of the frame that
 * shows the laid-out graph ("workspace plan-ready-ms", and its -cpu-ms),
 * and with CHARTER_QUIT_AFTER_FIRST_FRAME=1 it prints the peak memory
 * ("peak-rss-kb 123456") and quits the application. */

#define G_LOG_DOMAIN "charter-frame-probe"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "charter-frame-probe.h"
#include "charter-graph-canvas.h"

typedef struct
{
  CharterWindow *window;          /* weak */
  gulong         paint_handler;
  GdkFrameClock *clock;           /* owned while connected */
  guint          next_workspace;
  gint64         switched_at;
  double         switched_cpu;
  double         switched_main_cpu;
  gboolean       armed;
  GtkWidget     *waiting_canvas;  /* a graph canvas laying out, or NULL */
  gulong         layout_handler;
} Probe;

/* Discovery last: a document opens in it by default. */
static const char * const probe_workspaces[] = { "spec", "plan", "timeline", "discovery", NULL };

static void probe_wait_paint (Probe *probe);

/* Monotonic milliseconds since the process started (CLOCK_BOOTTIME and the
 * start time in /proc would do as well; the process CPU clock would not). */
static double
ms_since_start (void)
{
  static double start_ms = -1;

  if (start_ms < 0)
    {
      g_autofree char *stat = NULL;
      double uptime_now = 0;
      struct timespec ts;

      /* /proc/self/stat field 22 is the start in clock ticks since boot. */
      if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) &&
          clock_gettime (CLOCK_BOOTTIME, &ts) == 0)
        {
          const char *p = strrchr (stat, ')');
          unsigned long long ticks = 0;
          int field = 2;

          for (; p != NULL && *p != '\0' && field < 22; p++)
            if (*p == ' ')
              field++;
          if (p != NULL && sscanf (p, "%llu", &ticks) == 1)
            {
              uptime_now = ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
              start_ms = g_get_monotonic_time () / 1000.0 - (uptime_now - ticks * 1000.0 / sysconf (_SC_CLK_TCK));
            }
        }
      if (start_ms < 0)
        start_ms = g_get_monotonic_time () / 1000.0;
    }

  return g_get_monotonic_time () / 1000.0 - start_ms;
}

/* CPU time of the whole process (every thread), in milliseconds: on a
 * machine shared with other work it says more than the wall clock. */
static double
cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* CPU time of the calling (main) thread alone, in milliseconds: what the
 * frames wait for, without the worker threads beside them. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GtkWidget *
find_laying_out_canvas (GtkWidget *widget)
{
  if (CHARTER_IS_GRAPH_CANVAS (widget))
    return charter_graph_canvas_get_laying_out (CHARTER_GRAPH_CANVAS (widget)) ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_get_mapped (child) && (found = find_laying_out_canvas (child)) != NULL)
        return found;
    }
  return NULL;
}

static void on_after_paint_cb (GdkFrameClock *clock, Probe *probe);

static void
on_ready_paint_cb (GdkFrameClock *clock,
                   Probe         *probe)
{
  const char *name = probe_workspaces[probe->next_workspace - 1];

  g_clear_signal_handler (&probe->paint_handler, clock);
  g_clear_object (&probe->clock);
  printf ("workspace %s-ready-ms %.1f\n", name, (g_get_monotonic_time () - probe->switched_at) / 1000.0);
  printf ("workspace %s-ready-cpu-ms %.1f\n", name, cpu_ms () - probe->switched_cpu);
  printf ("workspace %s-ready-main-cpu-ms %.1f\n", name, thread_cpu_ms () - probe->switched_main_cpu);
  fflush (stdout);
  /* On to the next workspace, as after any other switch. */
  probe->switched_at = -1;
  on_after_paint_cb (clock, probe);
}

static void
on_laying_out_cb (GtkWidget  *canvas,
                  GParamSpec *pspec,
                  Probe      *probe)
{
  GdkFrameClock *clock;

  if (charter_graph_canvas_get_laying_out (CHARTER_GRAPH_CANVAS (canvas)))
    return;
  g_clear_signal_handler (&probe->layout_handler, canvas);
  probe->waiting_canvas = NULL;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window));
  if (clock == NULL)
    return;
  probe->clock = g_object_ref (clock);
  probe->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_ready_paint_cb), probe);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

static void
probe_finish (Probe *probe)
{
  struct rusage usage;

  if (g_strcmp0 (g_getenv ("CHARTER_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    {
      if (getrusage (RUSAGE_SELF, &usage) == 0)
        printf ("peak-rss-kb %ld\n", usage.ru_maxrss);
      fflush (stdout);
      g_application_quit (g_application_get_default ());
    }
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Probe         *probe)
{
  g_clear_signal_handler (&probe->paint_handler, clock);
  g_clear_object (&probe->clock);

  if (probe->window == NULL)
    return;

  if (probe->switched_at == 0)
    {
      printf ("first-frame-ms %.1f\n", ms_since_start ());
      printf ("first-frame-cpu-ms %.1f\n", cpu_ms ());
      printf ("first-frame-main-cpu-ms %.1f\n", thread_cpu_ms ());
      fflush (stdout);
      if (g_strcmp0 (g_getenv ("CHARTER_REPORT_WORKSPACES"), "1") != 0)
        {
          probe_finish (probe);
          return;
        }
    }
  else if (probe->switched_at > 0)
    {
      GtkWidget *canvas;

      printf ("workspace %s-ms %.1f\n", probe_workspaces[probe->next_workspace - 1],
              (g_get_monotonic_time () - probe->switched_at) / 1000.0);
      printf ("workspace %s-cpu-ms %.1f\n", probe_workspaces[probe->next_workspace - 1],
              cpu_ms () - probe->switched_cpu);
      printf ("workspace %s-main-cpu-ms %.1f\n", probe_workspaces[probe->next_workspace - 1],
              thread_cpu_ms () - probe->switched_main_cpu);
      fflush (stdout);

      /* The graph still being laid out: wait for the frame that shows it. */
      if ((canvas = find_laying_out_canvas (GTK_WIDGET (probe->window))) != NULL)
        {
          probe->waiting_canvas = canvas;
          probe->layout_handler = g_signal_connect (canvas, "notify::laying-out",
                                                    G_CALLBACK (on_laying_out_cb), probe);
          return;
        }
    }

  if (probe_workspaces[probe->next_workspace] == NULL)
    {
      probe_finish (probe);
      return;
    }

  probe->switched_at = g_get_monotonic_time ();
  probe->switched_cpu = cpu_ms ();
  probe->switched_main_cpu = thread_cpu_ms ();
  charter_window_set_workspace (probe->window, probe_workspaces[probe->next_workspace++]);
  probe_wait_paint (probe);
}

static void
probe_wait_paint (Probe *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window));

  if (clock == NULL)
    return;

  probe->clock = g_object_ref (clock);
  probe->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), probe);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

static void
on_document_cb (CharterWindow *window,
                GParamSpec    *pspec,
                Probe         *probe)
{
  CharterDocument *document = charter_window_get_document (window);

  /* Only the first document that came from a file counts. */
  if (probe->armed || document == NULL || charter_document_get_file (document) == NULL)
    return;

  probe->armed = TRUE;
  probe_wait_paint (probe);
}

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  if (probe->clock != NULL)
    g_clear_signal_handler (&probe->paint_handler, probe->clock);
  g_clear_object (&probe->clock);
  if (probe->waiting_canvas != NULL)
    g_clear_signal_handler (&probe->layout_handler, probe->waiting_canvas);
  g_free (probe);
}

static void
on_window_destroyed_cb (gpointer  data,
                        GObject  *where)
{
  Probe *probe = data;

  probe->window = NULL;
  probe_free (probe);
}

/**
 * charter_frame_probe_enabled:
 *
 * Returns: whether CHARTER_REPORT_FIRST_FRAME=1 asks for the probe
 */
gboolean
charter_frame_probe_enabled (void)
{
  /* Read the start time now, before the document is loaded. */
  ms_since_start ();
  return g_strcmp0 (g_getenv ("CHARTER_REPORT_FIRST_FRAME"), "1") == 0;
}

/**
 * charter_frame_probe_attach:
 * @window: a window about to open a file
 *
 * Reports @window's first frame with an opened document (see the top of
 * this file).
 */
void
charter_frame_probe_attach (CharterWindow *window)
{
  Probe *probe;

  g_return_if_fail (CHARTER_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "charter-frame-probe") != NULL)
    return;

  probe = g_new0 (Probe, 1);
  probe->window = window;
  g_object_set_data (G_OBJECT (window), "charter-frame-probe", probe);
  g_object_weak_ref (G_OBJECT (window), on_window_destroyed_cb, probe);
  g_signal_connect (window, "notify::document", G_CALLBACK (on_document_cb), probe);
}
