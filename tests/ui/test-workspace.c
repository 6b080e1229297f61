/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workspace contract: every workspace is a CharterWorkspace, its
 * document and scheduler notify once on a change and never on a no-op, and
 * the window hands both to every workspace through it. */

#define G_LOG_DOMAIN "test-workspace"

#include "config.h"

#include "charter-application.h"
#include "charter-availability-view.h"
#include "charter-discovery-view.h"
#include "charter-plan-view.h"
#include "charter-spec-view.h"
#include "charter-timeline-view.h"
#include "charter-window.h"
#include "charter-workspace.h"

static void
spin (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* One notify of @property on a change, none when the same value is set again. */
static void
check_workspace (GtkWidget *widget)
{
  g_autoptr(CharterDocument) first = charter_document_new ();
  g_autoptr(CharterDocument) second = charter_document_new ();
  g_autoptr(CharterScheduler) scheduler = charter_scheduler_new (first);
  g_autoptr(CharterScheduler) other = charter_scheduler_new (second);
  CharterWorkspace *workspace;
  guint documents = 0, schedulers = 0;
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_true (CHARTER_IS_WORKSPACE (widget));
  workspace = CHARTER_WORKSPACE (widget);
  g_signal_connect (widget, "notify::document", G_CALLBACK (count_notify_cb), &documents);
  g_signal_connect (widget, "notify::scheduler", G_CALLBACK (count_notify_cb), &schedulers);

  charter_workspace_set_document (workspace, first);
  charter_workspace_set_scheduler (workspace, scheduler);
  spin ();
  g_assert_cmpuint (documents, ==, 1);
  g_assert_cmpuint (schedulers, ==, 1);
  g_assert_true (charter_workspace_get_document (workspace) == first);
  g_assert_true (charter_workspace_get_scheduler (workspace) == scheduler);

  charter_workspace_set_document (workspace, first);
  charter_workspace_set_scheduler (workspace, scheduler);
  g_assert_cmpuint (documents, ==, 1);
  g_assert_cmpuint (schedulers, ==, 1);

  charter_workspace_set_document (workspace, second);
  charter_workspace_set_scheduler (workspace, other);
  spin ();
  g_assert_cmpuint (documents, ==, 2);
  g_assert_cmpuint (schedulers, ==, 2);

  /* The old document changes on its own: the workspace no longer follows it. */
  charter_document_set (first, charter_document_get_spec (first), "title", "Elsewhere", NULL);
  spin ();

  charter_workspace_set_document (workspace, NULL);
  charter_workspace_set_scheduler (workspace, NULL);
  spin ();
  g_assert_cmpuint (documents, ==, 3);
  g_assert_cmpuint (schedulers, ==, 3);
  g_assert_null (charter_workspace_get_document (workspace));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  /* Both documents outlive the workspace and change without it. */
  charter_document_set (second, charter_document_get_spec (second), "title", "Later", NULL);
  spin ();
}

static void
test_discovery (void)
{
  check_workspace (charter_discovery_view_new ());
}

static void
test_spec (void)
{
  check_workspace (charter_spec_view_new ());
}

static void
test_plan (void)
{
  check_workspace (charter_plan_view_new ());
}

static void
test_timeline (void)
{
  check_workspace (charter_timeline_view_new ());
}

static const char * const workspace_names[] = { "discovery", "spec", "plan", "timeline", "availability" };

static void
test_availability (void)
{
  check_workspace (charter_availability_view_new ());
}

static void
collect_workspaces (GtkWidget *root,
                    GPtrArray *found)
{
  if (CHARTER_IS_WORKSPACE (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_workspaces (child, found);
}

/* The window hands its document, and one scheduler of it, to every
 * workspace: the one on screen at once, each other one when it is shown. */
static void
test_window_hands_over (void)
{
  g_autoptr(CharterApplication) app = charter_application_new ();
  g_autoptr(GPtrArray) workspaces = g_ptr_array_new ();
  g_autoptr(CharterDocument) document = charter_document_new ();
  CharterWindow *window;
  CharterScheduler *scheduler;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = charter_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  charter_window_set_document (window, document, NULL);
  spin ();
  for (guint i = 0; i < G_N_ELEMENTS (workspace_names); i++)
    {
      charter_window_set_workspace (window, workspace_names[i]);
      spin ();
    }
  collect_workspaces (GTK_WIDGET (window), workspaces);
  /* Discovery, Spec, Plan, Timeline, Program (its places are not workspaces). */
  g_assert_cmpuint (workspaces->len, ==, 5);
  scheduler = charter_workspace_get_scheduler (workspaces->pdata[0]);
  g_assert_nonnull (scheduler);
  g_assert_true (charter_scheduler_get_document (scheduler) == document);
  for (guint i = 0; i < workspaces->len; i++)
    {
      g_assert_true (charter_workspace_get_document (workspaces->pdata[i]) == document);
      g_assert_true (charter_workspace_get_scheduler (workspaces->pdata[i]) == scheduler);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("charter-test-home-XXXXXX", NULL);

  /* Recent files and recovery copies go to a private place, not $HOME. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/workspace/discovery", test_discovery);
  g_test_add_func ("/workspace/spec", test_spec);
  g_test_add_func ("/workspace/plan", test_plan);
  g_test_add_func ("/workspace/timeline", test_timeline);
  g_test_add_func ("/workspace/availability", test_availability);
  g_test_add_func ("/workspace/window-hands-over", test_window_hands_over);

  return g_test_run ();
}
