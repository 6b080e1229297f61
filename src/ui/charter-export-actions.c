/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-export-actions.c: File → Export…, Print… (GtkPrintOperation, a
 * long timeline across pages with the task column on each) and Copy as
 * Image (what is in view, as a PNG texture on the clipboard). */

#define G_LOG_DOMAIN "charter-export"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-export-actions.h"
#include "charter-export-dialog.h"
#include "charter-gantt-chart.h"
#include "charter-graph-canvas.h"
#include "charter-plan-view.h"
#include "charter-timeline-view.h"

/**
 * charter_export_actions_view_for:
 *
 * Returns: what a workspace exports: the graph from Plan, the spec from
 *   Discovery and Spec, the timeline from the others
 */
CharterExportView
charter_export_actions_view_for (const char *workspace)
{
  if (g_strcmp0 (workspace, "plan") == 0)
    return CHARTER_EXPORT_VIEW_GRAPH;
  if (g_strcmp0 (workspace, "spec") == 0 || g_strcmp0 (workspace, "discovery") == 0)
    return CHARTER_EXPORT_VIEW_SPEC;
  return CHARTER_EXPORT_VIEW_TIMELINE;
}

/**
 * charter_export_actions_get_in_view:
 * @options: (out): what of the workspace is on screen
 *
 * Returns: (transfer full) (nullable): the task ids @options points to
 */
GStrv
charter_export_actions_get_in_view (const CharterExportSource *source,
                                    CharterExportOptions      *options)
{
  GStrv ids = NULL;

  charter_export_options_init (options);
  if (g_strcmp0 (source->workspace, "plan") == 0 && source->plan_view != NULL)
    {
      GtkWidget *canvas = charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (source->plan_view));

      if (gtk_widget_get_width (canvas) > 0)
        {
          options->has_area = TRUE;
          charter_graph_canvas_get_visible_area (CHARTER_GRAPH_CANVAS (canvas), &options->area_x, &options->area_y,
                                                 &options->area_width, &options->area_height);
        }
    }
  else if (g_strcmp0 (source->workspace, "timeline") == 0 && source->timeline_view != NULL)
    {
      GtkWidget *chart = charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (source->timeline_view));

      if (gtk_widget_get_width (chart) > 0)
        {
          ids = charter_gantt_chart_get_visible (CHARTER_GANTT_CHART (chart), &options->first_day, &options->last_day);
          options->task_ids = (const char * const *) ids;
        }
    }
  return ids;
}

static void
on_exported_cb (CharterExportDialog *dialog,
                GFile               *file,
                gpointer             user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *content = parent ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent)) : NULL;

  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new_format (_("Exported “%s”"), name));
}

/**
 * charter_export_actions_show_dialog:
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWindow *
charter_export_actions_show_dialog (GtkWindow                 *parent,
                                    const CharterExportSource *source)
{
  CharterExportOptions in_view;
  g_auto(GStrv) ids = charter_export_actions_get_in_view (source, &in_view);
  CharterExportDialog *dialog = charter_export_dialog_new (parent, source->document, source->schedule,
                                                           charter_export_actions_view_for (source->workspace),
                                                           &in_view);

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* ==== Print ==== */

typedef struct
{
  CharterDocument    *document;
  CharterSchedule    *schedule;
  CharterExportView   view;
  CharterExportPages *pages;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->schedule);
  g_clear_pointer (&job->pages, charter_export_pages_free);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  PrintJob *job = user_data;
  CharterExportOptions options;
  g_autoptr(GError) error = NULL;

  charter_export_options_init (&options);
  g_clear_pointer (&job->pages, charter_export_pages_free);
  job->pages = charter_export_pages_new (job->document, job->schedule, job->view, &options,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context), &error);
  if (job->pages == NULL)
    {
      g_warning ("Cannot print: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, MAX (charter_export_pages_get_n_pages (job->pages), 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 gpointer           user_data)
{
  PrintJob *job = user_data;

  if (job->pages != NULL && (guint) page < charter_export_pages_get_n_pages (job->pages))
    charter_export_pages_draw (job->pages, page, gtk_print_context_get_cairo_context (context));
}

static GtkPrintOperation *
make_print_operation (const CharterExportSource *source)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  const char *title = charter_document_get_title (source->document);

  job->document = g_object_ref (source->document);
  g_set_object (&job->schedule, source->schedule);
  job->view = charter_export_actions_view_for (source->workspace);
  if (job->view != CHARTER_EXPORT_VIEW_SPEC)
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, title ? title : _("Plan"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "charter-print-job", job, print_job_free);
  return operation;
}

/**
 * charter_export_actions_print:
 *
 * Prints the workspace's view: the timeline across pages with the task
 * column on each, the graph fitted to a page, the spec as pages of text.
 * GTK's print dialog has the preview.
 */
void
charter_export_actions_print (GtkWindow                 *parent,
                              const CharterExportSource *source)
{
  g_autoptr(GtkPrintOperation) operation = make_print_operation (source);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Printing failed: %s", error->message);
}

/**
 * charter_export_actions_print_to_file:
 * @path: a PDF to write
 *
 * Prints as Print… does, without the dialog, to a PDF (for tests).
 */
gboolean
charter_export_actions_print_to_file (const CharterExportSource *source,
                                      const char                *path,
                                      GError                   **error)
{
  g_autoptr(GtkPrintOperation) operation = make_print_operation (source);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}

/* ==== Copy as Image ==== */

/**
 * charter_export_actions_render_texture:
 *
 * Returns: (transfer full) (nullable): what is in view of the workspace's
 *   picture (the timeline or the graph; the timeline from Discovery and Spec)
 */
GdkTexture *
charter_export_actions_render_texture (const CharterExportSource *source,
                                       GError                   **error)
{
  CharterExportOptions options;
  g_auto(GStrv) ids = charter_export_actions_get_in_view (source, &options);
  CharterExportView view = charter_export_actions_view_for (source->workspace);
  g_autoptr(GBytes) bytes = NULL;

  if (view != CHARTER_EXPORT_VIEW_GRAPH)
    view = CHARTER_EXPORT_VIEW_TIMELINE;
  bytes = charter_export_render (source->document, source->schedule, view, CHARTER_EXPORT_PNG, &options, error);
  if (bytes == NULL)
    return NULL;
  return gdk_texture_new_from_bytes (bytes, error);
}

gboolean
charter_export_actions_copy_image (GtkWidget                 *widget,
                                   const CharterExportSource *source,
                                   GError                   **error)
{
  g_autoptr(GdkTexture) texture = charter_export_actions_render_texture (source, error);

  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  return TRUE;
}
