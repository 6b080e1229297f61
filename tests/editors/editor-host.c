/* SPDX-License-Identifier: GPL-3.0-or-later */
/* editor-host: the task and dependency editors popped up over a plain
 * window, for looking at them (screenshots under Xvfb, light and dark).
 *
 *   editor-host [--dark] [--projector] [--task ID | --dependency ID] [FILE]
 */

#include "config.h"

#include <adwaita.h>

#include "charter-dependency-editor.h"
#include "charter-file.h"
#include "charter-task-editor.h"

static void
destroy_window_cb (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the editor left in the document, for a script to check. */
static void
on_closed_cb (GtkPopover      *editor,
              CharterDocument *document)
{
  CharterHistory *history = charter_document_get_history (document);

  if (CHARTER_IS_TASK_EDITOR (editor))
    {
      CharterTask *task = charter_document_find (document, charter_document_get_tasks (document),
                                                 charter_task_editor_get_task_id (CHARTER_TASK_EDITOR (editor)));

      if (task != NULL)
        g_print ("name=%s duration=%d optimistic=%d pessimistic=%d start=%s finish=%s\n",
                 charter_task_get_name (task), charter_task_get_duration (task),
                 charter_task_get_optimistic (task), charter_task_get_pessimistic (task),
                 charter_task_get_start_no_earlier_than (task), charter_task_get_finish_no_later_than (task));
    }
  g_print ("undo=%s\n", charter_history_get_undo_label (history));

  /* Not in the middle of the editor's unmapping. */
  if (g_object_get_data (G_OBJECT (editor), "editor-host-once"))
    g_idle_add_once (destroy_window_cb, gtk_widget_get_root (GTK_WIDGET (editor)));
}

static void
type_into (GtkWidget  *editor,
           const char *field_name,
           const char *text)
{
  GtkWidget *field = GTK_WIDGET (gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), field_name));

  gtk_editable_set_text (GTK_EDITABLE (field), text);
  if (GTK_IS_SPIN_BUTTON (field))
    gtk_spin_button_update (GTK_SPIN_BUTTON (field));
  else if (GTK_IS_ENTRY (field) && g_str_equal (field_name, "finish_entry"))
    g_signal_emit_by_name (field, "activate");
}

/* Values each editor refuses, so that the reasons can be looked at. */
static gboolean
type_refused_values (gpointer data)
{
  GtkWidget *editor = data;

  if (CHARTER_IS_TASK_EDITOR (editor))
    {
      type_into (editor, "duration_spin", "-3");
      type_into (editor, "pessimistic_spin", "5");
      type_into (editor, "start_entry", "2027-03-01");
      type_into (editor, "finish_entry", "2027-02-30");
    }
  else
    {
      GtkWidget *successor = GTK_WIDGET (gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), "successor_dropdown"));

      /* The example's first task: a dependency back to it closes a circle. */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (successor), 0);
      type_into (editor, "lag_spin", "soon");
    }

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *task = NULL;
  g_autofree char *dependency = NULL;
  gboolean dark = FALSE;
  gboolean projector = FALSE;
  gboolean refuse = FALSE;
  gboolean once = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "The dark style", NULL },
    { "projector", 0, 0, G_OPTION_ARG_NONE, &projector, "Projector mode (large type)", NULL },
    { "task", 0, 0, G_OPTION_ARG_STRING, &task, "Edit this task (by id)", "ID" },
    { "dependency", 0, 0, G_OPTION_ARG_STRING, &dependency, "Edit this dependency (by id)", "ID" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, "Quit when the editor closes", NULL },
    { "refuse", 0, 0, G_OPTION_ARG_NONE, &refuse, "Type values the editor refuses, to look at the reasons", NULL },
    { NULL }
  };
  GtkWidget *window, *area, *editor;
  GdkRectangle rect = { 40, 40, 160, 40 };

  context = g_option_context_new ("[FILE]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("editor-host: %s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  if (argc > 1)
    file = g_file_new_for_commandline_arg (argv[1]);
  else
    file = g_file_new_build_filename (g_getenv ("CHARTER_SOURCE_ROOT") ? g_getenv ("CHARTER_SOURCE_ROOT") : ".",
                                      "data", "examples", "workout-history.charter", NULL);
  document = charter_file_load (file, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("editor-host: %s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Editors");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  if (projector)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/charterapp/Charter/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_widget_add_css_class (window, "projector");
    }

  area = gtk_label_new ("Task");
  gtk_widget_set_valign (area, GTK_ALIGN_START);
  gtk_widget_set_halign (area, GTK_ALIGN_START);
  gtk_widget_set_size_request (area, 240, 120);
  gtk_window_set_child (GTK_WINDOW (window), area);

  if (dependency != NULL)
    {
      editor = charter_dependency_editor_new ();
      g_object_set (editor, "document", document, "dependency-id", dependency, NULL);
    }
  else
    {
      editor = charter_task_editor_new ();
      g_object_set (editor, "document", document, "task-id", task ? task : "storage", NULL);
    }
  gtk_widget_set_parent (editor, area);
  gtk_popover_set_pointing_to (GTK_POPOVER (editor), &rect);
  g_signal_connect (editor, "closed", G_CALLBACK (on_closed_cb), document);
  if (once)
    g_object_set_data (G_OBJECT (editor), "editor-host-once", GINT_TO_POINTER (1));
  /* Under Xvfb there is no window manager, and an autohide popover loses
   * its grab now and then and closes before it can be looked at. */
  gtk_popover_set_autohide (GTK_POPOVER (editor), FALSE);

  gtk_window_present (GTK_WINDOW (window));
  gtk_popover_popup (GTK_POPOVER (editor));
  /* Once the popover has settled on screen. */
  if (refuse)
    g_timeout_add (1000, type_refused_values, editor);

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
