/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-export-dialog.c: File → Export… — which view, which format,
 * the whole plan or what is in view, at what size; then a file name
 * (GtkFileChooserNative), then src/render draws it. */

#define G_LOG_DOMAIN "charter-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-export-dialog.h"

struct _CharterExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwComboRow          *view_row;
  AdwComboRow          *format_row;
  AdwComboRow          *extent_row;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkLabel             *note_label;
  GtkLabel             *error_label;

  /* Owned */
  CharterDocument      *document;
  CharterSchedule      *schedule;
  GStrv                 in_view_tasks;
  GtkFileChooserNative *chooser;
  /* What is in view, without its task ids (in_view_tasks holds them). */
  CharterExportOptions  in_view;
};

G_DEFINE_FINAL_TYPE (CharterExportDialog, charter_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const suffixes[] = { "pdf", "svg", "png" };
static const char * const mime_types[] = { "application/pdf", "image/svg+xml", "image/png" };

static CharterExportView
get_view (CharterExportDialog *self)
{
  return (CharterExportView) adw_combo_row_get_selected (self->view_row);
}

static CharterExportFormat
get_format (CharterExportDialog *self)
{
  return (CharterExportFormat) adw_combo_row_get_selected (self->format_row);
}

/* The spec and the deck are pages: PDF only, always whole. */
static void
on_choice_changed_cb (CharterExportDialog *self)
{
  CharterExportView view = get_view (self);
  gboolean pages = view == CHARTER_EXPORT_VIEW_SPEC || view == CHARTER_EXPORT_VIEW_DECK;
  gboolean picture = get_format (self) != CHARTER_EXPORT_PDF;

  if (pages && picture)
    adw_combo_row_set_selected (self->format_row, CHARTER_EXPORT_PDF);
  picture = get_format (self) != CHARTER_EXPORT_PDF;
  gtk_widget_set_sensitive (GTK_WIDGET (self->extent_row), !pages);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), picture);
  if (pages)
    gtk_label_set_label (self->note_label, _("The spec and the deck are pages: they export as PDF."));
  else if (!picture)
    gtk_label_set_label (self->note_label,
                         view == CHARTER_EXPORT_VIEW_TIMELINE
                         ? _("A long timeline continues over several pages, with the task column on each.")
                         : _("The graph is fitted to one page."));
  else
    gtk_label_set_label (self->note_label, _("Given both a width and a height, the drawing is fitted and centred."));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_file_chosen_cb (GtkNativeDialog *native,
                   int              response,
                   gpointer         user_data)
{
  CharterExportDialog *self = CHARTER_EXPORT_DIALOG (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (!charter_export_dialog_export_to (self, file, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterExportDialog *self = CHARTER_EXPORT_DIALOG (widget);
  CharterExportFormat format = get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *title = charter_document_get_title (self->document);
  g_autofree char *name = g_strdup_printf ("%s.%s", title != NULL && *title != '\0' ? title : _("Plan"),
                                           suffixes[format]);

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, suffixes[format]);
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_filter_add_suffix (filter, suffixes[format]);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
charter_export_dialog_dispose (GObject *object)
{
  CharterExportDialog *self = CHARTER_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->schedule);
  g_clear_pointer (&self->in_view_tasks, g_strfreev);

  G_OBJECT_CLASS (charter_export_dialog_parent_class)->dispose (object);
}

static void
charter_export_dialog_class_init (CharterExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_export_dialog_dispose;

  /**
   * CharterExportDialog::exported:
   * @file: what was written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, extent_row);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, CharterExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
charter_export_dialog_init (CharterExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * charter_export_dialog_new:
 * @schedule: (nullable): the current schedule
 * @in_view: what of @view is on screen (its task ids are copied)
 */
CharterExportDialog *
charter_export_dialog_new (GtkWindow                  *parent,
                           CharterDocument            *document,
                           CharterSchedule            *schedule,
                           CharterExportView           view,
                           const CharterExportOptions *in_view)
{
  CharterExportDialog *self = g_object_new (CHARTER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  g_set_object (&self->schedule, schedule);
  self->in_view = *in_view;
  self->in_view_tasks = g_strdupv ((char **) in_view->task_ids);
  self->in_view.task_ids = NULL;
  charter_export_dialog_set_choice (self, view,
                                    view == CHARTER_EXPORT_VIEW_SPEC ? CHARTER_EXPORT_PDF : CHARTER_EXPORT_PNG,
                                    FALSE);
  return self;
}

void
charter_export_dialog_set_choice (CharterExportDialog *self,
                                  CharterExportView    view,
                                  CharterExportFormat  format,
                                  gboolean             in_view)
{
  g_return_if_fail (CHARTER_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->view_row, view);
  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->extent_row, in_view ? 1 : 0);
  on_choice_changed_cb (self);
}

/**
 * charter_export_dialog_export_to:
 * @file: where to write, as the file chooser would answer
 *
 * Exports what the dialog shows to @file and emits ::exported.
 */
gboolean
charter_export_dialog_export_to (CharterExportDialog *self,
                                 GFile               *file,
                                 GError             **error)
{
  CharterExportOptions options;
  CharterExportView view = get_view (self);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  g_return_val_if_fail (CHARTER_IS_EXPORT_DIALOG (self), FALSE);

  charter_export_options_init (&options);
  /* GTK's default paper follows the locale (LC_PAPER) as the print dialog does. */
  options.paper = g_str_has_prefix (gtk_paper_size_get_name (paper), "na_") ? CHARTER_PAPER_LETTER
                                                                            : CHARTER_PAPER_A4;
  if (adw_combo_row_get_selected (self->extent_row) == 1 &&
      (view == CHARTER_EXPORT_VIEW_TIMELINE || view == CHARTER_EXPORT_VIEW_GRAPH))
    {
      CharterPaper chosen = options.paper;

      options = self->in_view;
      options.paper = chosen;
      options.task_ids = (const char * const *) self->in_view_tasks;
    }
  options.width = gtk_spin_button_get_value_as_int (self->width_spin);
  options.height = gtk_spin_button_get_value_as_int (self->height_spin);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a file on this computer"));
      return FALSE;
    }
  if (!charter_export_write (self->document, self->schedule, view, get_format (self), &options, path, error))
    return FALSE;
  g_signal_emit (self, signals[EXPORTED], 0, file);
  return TRUE;
}
