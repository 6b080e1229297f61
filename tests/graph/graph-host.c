/* SPDX-License-Identifier: GPL-3.0-or-later */
/* graph-host: the Plan workspace alone in a window, for looking at it
 * (screenshots under Xvfb) while the application shell is not at hand.
 *
 *   graph-host [--large N] [--select TASK-ID] [--dark] [--late] [--cycle]
 *              [--projector] [--find TEXT] [--rename NAME]
 */

#include "config.h"

#include <adwaita.h>

#include "charter-plan-view.h"
#include "charter-graph-canvas.h"
#include "charter-scheduler.h"
#include "graph-demo.h"

static int large = 0;
static char *select_id = NULL;
static gboolean dark = FALSE;
static gboolean late = FALSE;
static gboolean cycle = FALSE;
static gboolean projector = FALSE;
static char *find_text = NULL;
static char *rename_to = NULL;

static gboolean
select_later_cb (gpointer data)
{
  if (select_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (data), "graph.select", "s", select_id);
  if (find_text != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (data), "graph.find", NULL);
      for (GtkWidget *child = gtk_widget_get_first_child (data); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_SEARCH_ENTRY (child))
          gtk_editable_set_text (GTK_EDITABLE (child), find_text);
    }
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GtkApplication *app)
{
  g_autoptr(CharterDocument) doc = large > 0 ? graph_demo_large (large, large * 3, 42)
                                             : graph_demo_workout_history ();
  g_autoptr(CharterScheduler) scheduler = charter_scheduler_new (doc);
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *view = charter_plan_view_new ();

  if (late)
    charter_document_set (doc, charter_document_find (doc, charter_document_get_tasks (doc), "qa"),
                          "finish-no-later-than", "2025-04-01", NULL);
  if (cycle)
    {
      g_autoptr(CharterDependency) dep = charter_dependency_new ("loop");

      charter_dependency_set_predecessor (dep, "qa");
      charter_dependency_set_successor (dep, "api");
      charter_document_append (doc, charter_document_get_dependencies (doc), dep);
    }

  if (rename_to != NULL)
    charter_document_set (doc, charter_document_find (doc, charter_document_get_tasks (doc), "privacy"),
                          "name", rename_to, NULL);
  if (projector)
    gtk_widget_add_css_class (window, "projector");
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  g_object_set (view, "document", doc, "scheduler", scheduler, NULL);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_set_title (GTK_WINDOW (window), "Graph host");
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_present (GTK_WINDOW (window));

  if (select_id != NULL || find_text != NULL)
    g_timeout_add (300, select_later_cb, charter_plan_view_get_canvas (CHARTER_PLAN_VIEW (view)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.charterapp.GraphHost", G_APPLICATION_NON_UNIQUE);
  GOptionEntry entries[] = {
    { "large", 0, 0, G_OPTION_ARG_INT, &large, "A random plan of N tasks", "N" },
    { "select", 0, 0, G_OPTION_ARG_STRING, &select_id, "Select a task", "ID" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "late", 0, 0, G_OPTION_ARG_NONE, &late, "QA misses a deadline", NULL },
    { "cycle", 0, 0, G_OPTION_ARG_NONE, &cycle, "Add a dependency cycle", NULL },
    { "projector", 0, 0, G_OPTION_ARG_NONE, &projector, "Projector mode", NULL },
    { "find", 0, 0, G_OPTION_ARG_STRING, &find_text, "Search for a task by name", "TEXT" },
    { "rename", 0, 0, G_OPTION_ARG_STRING, &rename_to, "Give “Privacy controls” another (long) name", "NAME" },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
