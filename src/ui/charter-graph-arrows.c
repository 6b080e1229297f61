/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-arrows.c: the background arrow worker of the Plan graph.
 *
 * With a thousand tasks and three thousand arrows, drawing the arrows takes
 * 50-160 ms: more than a frame that answers a press may wait. The canvas
 * copies what it needs (points, looks, colours) into a job, and the job
 * draws it into a surface here, in a worker thread at a lower priority,
 * touching nothing the main thread may change meanwhile. */

#define G_LOG_DOMAIN "charter-graph-arrows"

#include "config.h"

#include <errno.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "charter-graph-arrows.h"

void
charter_graph_arrows_clear (CharterGraphArrows *arrows)
{
  g_clear_pointer (&arrows->styles, g_free);
  g_clear_pointer (&arrows->starts, g_free);
  g_clear_pointer (&arrows->points, g_free);
  arrows->n = 0;
}

static void
path_arrow (cairo_t                 *cr,
            const CharterGraphPoint *points,
            guint                    len,
            double                   x0,
            double                   y0,
            double                   x1,
            double                   y1,
            gboolean                 curved)
{
  gboolean pen_down = FALSE;

  for (guint k = 0; k + 1 < len; k++)
    {
      const CharterGraphPoint *a = &points[k];
      const CharterGraphPoint *b = &points[k + 1];
      CharterGraphPoint c1, c2;
      gboolean last = k + 2 == len;
      double bx = last ? b->x - 10 : b->x;

      charter_graph_segment_controls (a, b, &c1, &c2);

      /* Only the pieces in view: long edges cross many screens. */
      if (MAX (MAX (a->x, b->x), c1.x) < x0 || MIN (MIN (a->x, b->x), c2.x) > x1 ||
          MAX (a->y, b->y) < y0 || MIN (a->y, b->y) > y1)
        {
          pen_down = FALSE;
          continue;
        }
      if (!pen_down)
        cairo_move_to (cr, a->x, a->y);
      pen_down = TRUE;
      if (curved)
        cairo_curve_to (cr, c1.x, c1.y, c2.x - (last ? 10 : 0), c2.y, bx, b->y);
      else
        cairo_line_to (cr, bx, b->y);
    }
}

/* Draws @arrows in graph coordinates (the caller sets the transform), culled
 * to the graph-space rectangle (x0, y0)-(x1, y1). Touches nothing but its
 * arguments, so it runs in a worker thread as well. */
void
charter_graph_arrows_paint (cairo_t      *cr,
              const CharterGraphArrows *arrows,
              double        x0,
              double        y0,
              double        x1,
              double        y1)
{
  struct { double alpha; double width; gboolean accent; } look[CHARTER_GRAPH_N_ARROW_STYLES] = {
    [CHARTER_GRAPH_ARROW_DIMMED] = { 0.15, 2.0, FALSE },
    [CHARTER_GRAPH_ARROW_NORMAL] = { 0.55, 2.0, FALSE },
    [CHARTER_GRAPH_ARROW_CRITICAL] = { 1.0, 4.5, FALSE },
    [CHARTER_GRAPH_ARROW_RELATED] = { 1.0, 3.5, TRUE },
    [CHARTER_GRAPH_ARROW_SELECTED] = { 1.0, 5.0, TRUE },
  };

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* One pass and one fill of arrowheads per style, dimmed ones first. */
  for (guint s = 0; s < CHARTER_GRAPH_N_ARROW_STYLES; s++)
    {
      const GdkRGBA *color = look[s].accent ? &arrows->accent : &arrows->fg;
      gboolean any = FALSE;

      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * look[s].alpha);
      cairo_set_line_width (cr, look[s].width * arrows->line_scale);

      /* Stroked an arrow at a time: one path of thousands of crossing
       * curves is far slower for cairo to fill than many small ones. */
      for (guint e = 0; e < arrows->n; e++)
        if (arrows->styles[e] == s)
          {
            path_arrow (cr, arrows->points + arrows->starts[e], arrows->starts[e + 1] - arrows->starts[e],
                        x0, y0, x1, y1, arrows->curved);
            cairo_stroke (cr);
            any = TRUE;
          }
      if (!any)
        continue;

      for (guint e = 0; e < arrows->n; e++)
        if (arrows->styles[e] == s)
          {
            const CharterGraphPoint *end = &arrows->points[arrows->starts[e + 1] - 1];
            double size = 7 + look[s].width * arrows->line_scale;

            if (end->x < x0 || end->x - 2 * size > x1 || end->y < y0 - size || end->y > y1 + size)
              continue;
            cairo_move_to (cr, end->x, end->y);
            cairo_line_to (cr, end->x - 1.8 * size, end->y - size);
            cairo_line_to (cr, end->x - 1.8 * size, end->y + size);
            cairo_close_path (cr);
          }
      cairo_fill (cr);
    }
}


CharterGraphArrowJob *
charter_graph_arrow_job_ref (CharterGraphArrowJob *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

void
charter_graph_arrow_job_unref (CharterGraphArrowJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  charter_graph_arrows_clear (&job->arrows);
  g_weak_ref_clear (&job->widget);
  g_clear_pointer (&job->recycle, cairo_surface_destroy);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

void
charter_graph_arrow_job_render (CharterGraphArrowJob *job)
{
  cairo_surface_t *surface = g_steal_pointer (&job->recycle);
  cairo_t *cr;

  /* Freeing (and mapping) a surface of tens of megabytes costs the main
   * thread 10-20 ms: surfaces are handed back here, drawn into again when
   * the size is the same, else freed here. */
  if (surface != NULL &&
      (cairo_image_surface_get_width (surface) != job->pw || cairo_image_surface_get_height (surface) != job->ph))
    g_clear_pointer (&surface, cairo_surface_destroy);
  if (surface == NULL)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->pw, job->ph);
  cairo_surface_set_device_scale (surface, job->scale, job->scale);
  cr = cairo_create (surface);
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_scale (cr, job->zoom, job->zoom);
  cairo_translate (cr, -job->x0, -job->y0);
  charter_graph_arrows_paint (cr, &job->arrows, job->x0, job->y0, job->x1, job->y1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  job->surface = surface;
  /* The arrows are not needed any more: free them in the worker. */
  charter_graph_arrows_clear (&job->arrows);
  g_atomic_int_set (&job->done, TRUE);
}

static void
arrow_job_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
#ifdef __linux__
  /* Behind the main thread when the cores are busy: the frames the user
   * is waiting for come first. (On Linux a thread has its own nice value;
   * the pool thread gets its own back after.) */
  pid_t tid = (pid_t) syscall (SYS_gettid);
  gboolean lowered = FALSE;
  int nice_before;

  errno = 0;
  nice_before = getpriority (PRIO_PROCESS, tid);
  if (errno == 0)
    lowered = setpriority (PRIO_PROCESS, tid, MIN (nice_before + 10, 19)) == 0;
#endif

  charter_graph_arrow_job_render (task_data);

#ifdef __linux__
  if (lowered)
    setpriority (PRIO_PROCESS, tid, nice_before);
#endif
  g_task_return_boolean (task, TRUE);
}

static void
on_arrow_job_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CharterGraphArrowJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GObject) widget = g_weak_ref_get (&job->widget);

  /* The next frame takes it in (snapshot looks at the job itself, so
   * that a frame drawn before this runs can use it too). */
  if (widget != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (widget));
}


/**
 * charter_graph_arrow_job_new:
 * @widget: the widget to redraw when the job is done in a worker
 *
 * Returns: (transfer full): an empty job; the caller fills in the area,
 * serials and arrows
 */
CharterGraphArrowJob *
charter_graph_arrow_job_new (GtkWidget *widget)
{
  CharterGraphArrowJob *job = g_new0 (CharterGraphArrowJob, 1);

  g_atomic_ref_count_init (&job->ref);
  g_weak_ref_init (&job->widget, widget);
  return job;
}

/**
 * charter_graph_arrow_job_run_in_thread:
 * @job: a job
 *
 * Draws @job in a worker thread; the job's widget is redrawn when it is
 * done, and charter_graph_arrow_job_is_done() says so from then on.
 */
void
charter_graph_arrow_job_run_in_thread (CharterGraphArrowJob *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_arrow_job_done_cb, NULL);

  g_task_set_source_tag (task, charter_graph_arrow_job_run_in_thread);
  g_task_set_task_data (task, charter_graph_arrow_job_ref (job),
                        (GDestroyNotify) charter_graph_arrow_job_unref);
  g_task_run_in_thread (task, arrow_job_thread);
}

gboolean
charter_graph_arrow_job_is_done (CharterGraphArrowJob *job)
{
  return g_atomic_int_get (&job->done);
}
