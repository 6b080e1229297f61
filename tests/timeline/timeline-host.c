/* SPDX-License-Identifier: GPL-3.0-or-later */
/* timeline-host: the Timeline workspace alone in a window, for looking at
 * it and for the end-to-end drag test when run without the shell.
 *
 *   timeline-host [FILE] [--size WxH] [--zoom days|weeks|months] [--projector]
 *
 * FILE defaults to data/examples/workout-history.charter. With --save-to,
 * Ctrl+S writes the document there. */

#include "config.h"

#include <adwaita.h>

#include "charter-file.h"
#include "charter-gantt-chart.h"
#include "charter-scheduler.h"
#include "charter-style.h"
#include "charter-timeline-view.h"

static char *save_to;

static void
on_save_cb (GtkWidget  *widget,
            GVariant   *args,
            gpointer    user_data)
{
  CharterDocument *document = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (save_to);
  g_autoptr(GBytes) bytes = charter_file_serialize (document);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_printerr ("timeline-host: %s\n", error->message);
  else
    charter_document_mark_saved (document);
}

static gboolean
on_shortcut_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  if (save_to != NULL)
    on_save_cb (widget, args, user_data);
  return TRUE;
}

static gboolean
on_undo_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  charter_document_undo (user_data);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size = NULL;
  g_autofree char *zoom = NULL;
  g_autofree char *show = NULL;
  g_autofree char *edit = NULL;
  gboolean projector = FALSE;
  gboolean dark = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size", "WxH" },
    { "zoom", 0, 0, G_OPTION_ARG_STRING, &zoom, "days, weeks or months", "ZOOM" },
    { "projector", 0, 0, G_OPTION_ARG_NONE, &projector, "Projector mode (large type)", NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "The dark style", NULL },
    { "save-to", 0, 0, G_OPTION_ARG_FILENAME, &save_to, "Where Ctrl+S saves", "FILE" },
    { "show", 0, 0, G_OPTION_ARG_STRING, &show, "Scroll to: launch or today", "WHAT" },
    { "edit", 0, 0, G_OPTION_ARG_STRING, &edit, "Open the editor of a task (by id)", "TASK" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterScheduler) scheduler = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GtkWidget *window, *view;
  GtkEventController *shortcuts;
  int width = 1280, height = 720;

  context = g_option_context_new ("[FILE]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("timeline-host: %s\n", error->message);
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
      g_printerr ("timeline-host: %s\n", error->message);
      return 1;
    }
  scheduler = charter_scheduler_new (document);

  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("timeline-host: --size wants WxH, not “%s”\n", size);
      return 2;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Timeline");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  if (projector)
    {
      /* The application's style sheets (AdwApplication loads them in charter). */
      charter_style_ensure (gdk_display_get_default ());
      gtk_widget_add_css_class (window, "projector");
    }

  view = charter_timeline_view_new ();
  g_object_set (view, "document", document, "scheduler", scheduler, NULL);
  if (zoom != NULL)
    g_object_set (view, "zoom", g_str_equal (zoom, "days") ? 0 : g_str_equal (zoom, "months") ? 2 : 1, NULL);
  gtk_window_set_child (GTK_WINDOW (window), view);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_callback_action_new (on_shortcut_cb, document, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_callback_action_new (on_undo_cb, document, NULL)));
  gtk_widget_add_controller (window, shortcuts);

  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (window));
  if (show != NULL)
    {
      /* After the first allocation, so the chart knows its width. */
      for (int i = 0; i < 100; i++)
        g_main_context_iteration (NULL, FALSE);
      gtk_widget_activate_action (view, g_str_equal (show, "today") ? "timeline.go-today" : "timeline.go-launch", NULL);
    }
  if (edit != NULL)
    {
      GtkWidget *chart = charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (view));

      for (int i = 0; i < 100; i++)
        g_main_context_iteration (NULL, FALSE);
      charter_gantt_chart_set_selected_task (CHARTER_GANTT_CHART (chart), edit);
      gtk_widget_activate_action (chart, "timeline.edit", NULL);
    }
  g_main_loop_run (loop);

  return 0;
}
