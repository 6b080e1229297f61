/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The way to the user guide: the app.help action, its F1 accelerator, the
 * "Help" item of the primary menu, its line in the shortcuts window, and a
 * sentence (not a warning) when there is no help browser. Under Xvfb. */

#define G_LOG_DOMAIN "test-help"

#include "config.h"

#include "charter-application.h"
#include "charter-window.h"

static CharterApplication *app;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_action (link, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The menu of the header bar's primary menu button. */
static GMenuModel *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0)
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_primary_menu (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_action_and_accel (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
}

static void
test_primary_menu (void)
{
  CharterWindow *window = charter_window_new (GTK_APPLICATION (app));
  GMenuModel *menu;

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  menu = find_primary_menu (GTK_WIDGET (window));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.help"));
  g_assert_true (menu_has_action (menu, "app.about"));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/charterapp/Charter/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;

        g_object_get (l->data, "action-name", &action, NULL);
        found |= g_strcmp0 (action, "app.help") == 0;
      }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }

  return NULL;
}

/* Without a help browser the action says so in a dialog: under
 * G_DEBUG=fatal-warnings, GTK's own gtk_show_uri() would abort with a
 * warning instead. */
static void
test_no_help_browser (void)
{
  g_autoptr(GAppInfo) handler = g_app_info_get_default_for_uri_scheme ("help");
  CharterWindow *window;
  GtkWindow *dialog = NULL;
  gint64 deadline;

  if (handler != NULL)
    {
      g_test_skip ("a help browser is installed: activating app.help would start it");
      return;
    }

  window = charter_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Open the Help");

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("charter-test-help-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* Strings compared in English. */
  g_setenv ("LANGUAGE", "C", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = charter_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/help/action-and-accel", test_action_and_accel);
  g_test_add_func ("/help/primary-menu", test_primary_menu);
  g_test_add_func ("/help/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/help/no-help-browser", test_no_help_browser);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
