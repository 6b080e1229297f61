/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests of the application shell: driven through the same actions
 * the menus and shortcuts use. Runs under Xvfb (build-aux/dev test). */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "charter-application.h"
#include "charter-preferences-window.h"
#include "charter-file.h"
#include "charter-markdown.h"
#include "charter-discovery-view.h"
#include "charter-plan-view.h"
#include "charter-recovery.h"
#include "charter-spec-view.h"
#include "charter-start-date-editor.h"
#include "charter-timeline-view.h"
#include "charter-welcome-page.h"
#include "charter-window.h"
#include "tests/fault-injection.h"
#include "tests/glib-quark-leak.h"

static CharterApplication *app;

static void
spin_until_idle (CharterWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (charter_window_get_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (charter_window_get_busy (window));

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static CharterWindow *
new_window (void)
{
  CharterWindow *window = charter_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static void
destroy_window (CharterWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static gboolean
action_enabled (CharterWindow *window,
                const char    *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

static void
edit_spec_title (CharterWindow *window,
                 const char    *title)
{
  CharterDocument *document = charter_window_get_document (window);

  charter_document_set (document, charter_document_get_spec (document), "title", title, NULL);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent)
        return ADW_MESSAGE_DIALOG (w);
    }

  return NULL;
}

static void
test_undo_redo_enabled (void)
{
  CharterWindow *window = new_window ();

  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));

  edit_spec_title (window, "Workout history");
  g_assert_true (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_false (action_enabled (window, "undo"));
  g_assert_true (action_enabled (window, "redo"));
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (charter_window_get_document (window))),
                   ==, NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_true (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (charter_window_get_document (window))),
                   ==, "Workout history");

  /* The shortcuts the brief promises are installed on the application. */
  {
    g_auto(GStrv) undo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo");
    g_auto(GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.redo");

    g_assert_true (g_strv_contains ((const char * const *) undo, "<Control>z"));
    g_assert_true (g_strv_contains ((const char * const *) redo, "<Shift><Control>z"));
    g_assert_true (g_strv_contains ((const char * const *) redo, "<Control>y"));
  }

  destroy_window (window);
}

/* Ctrl+Z while a drag holds a step open (a task or bar still under the
 * pointer): nothing is undone under the drag, and the drag's step stays one
 * step that Undo takes back once it has ended. */
static void
test_undo_during_drag (void)
{
  CharterWindow *window = new_window ();
  CharterDocument *document = charter_window_get_document (window);
  CharterSpec *spec = charter_document_get_spec (document);

  edit_spec_title (window, "Before the drag");
  charter_document_begin_group (document, "Drag");
  charter_document_set (document, spec, "title", "During the drag", NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpstr (charter_spec_get_title (spec), ==, "During the drag");

  charter_document_end_group (document);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (charter_spec_get_title (spec), ==, "Before the drag");

  destroy_window (window);
}

/* A plan the engine cannot schedule (a calendar with no working days): every
 * workspace still shows it without a critical (fatal here) or a crash. */
static void
test_unschedulable_plan (void)
{
  CharterWindow *window = new_window ();
  CharterDocument *document = charter_window_get_document (window);
  GListModel *tasks = charter_document_get_tasks (document);
  static const char *workspaces[] = { "discovery", "spec", "plan", "timeline" };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = charter_document_make_id (document, tasks, "task");
      g_autoptr(CharterTask) task = charter_task_new (id);

      charter_task_set_name (task, id);
      charter_task_set_duration (task, 3);
      charter_document_append (document, tasks, task);
    }

  charter_document_set (document, charter_document_get_calendar (document), "working-days", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (workspaces); i++)
    {
      charter_window_set_workspace (window, workspaces[i]);
      spin ();
      g_assert_cmpstr (charter_window_get_workspace (window), ==, workspaces[i]);
    }

  /* And back to a plan that schedules. */
  g_assert_true (charter_document_undo (document));
  spin ();

  destroy_window (window);
}

static void
test_title_marker (void)
{
  CharterWindow *window = new_window ();
  const char *title;

  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_false (g_str_has_prefix (title, "•"));

  edit_spec_title (window, "Workout history");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_cmpstr (title, ==, "• Workout history");

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_false (g_str_has_prefix (title, "•"));

  destroy_window (window);
}

static void
test_workspaces (void)
{
  CharterWindow *window = new_window ();
  const char *names[] = { "discovery", "spec", "plan", "timeline" };
  const char *keys[] = { "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *detailed = g_strconcat ("win.workspace::", names[i], NULL);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);
      g_autoptr(GVariant) state = NULL;

      g_action_group_activate_action (G_ACTION_GROUP (window), "workspace", g_variant_new_string (names[i]));
      g_assert_cmpstr (charter_window_get_workspace (window), ==, names[i]);
      state = g_action_group_get_action_state (G_ACTION_GROUP (window), "workspace");
      g_assert_cmpstr (g_variant_get_string (state, NULL), ==, names[i]);
      g_assert_true (g_strv_contains ((const char * const *) accels, keys[i]));
    }

  /* Not a workspace: nothing changes. */
  charter_window_set_workspace (window, "gantt");
  g_assert_cmpstr (charter_window_get_workspace (window), ==, "timeline");

  /* Switching through the widget updates the action state too. */
  charter_window_set_workspace (window, "spec");
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "workspace");

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "spec");
  }

  destroy_window (window);
}

static void
test_new_window (void)
{
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  CharterWindow *window = new_window ();
  CharterWindow *created;

  /* A pristine window is reused rather than stacking empty windows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);

  edit_spec_title (window, "Busy");
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 2);
  created = CHARTER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (created != window);
  g_assert_true (charter_window_is_pristine (created));

  destroy_window (created);
  destroy_window (window);
}

static void
test_save_to (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CharterDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  CharterDocument *document;

  edit_spec_title (window, "Workout history");
  document = charter_window_get_document (window);
  g_assert_true (charter_document_get_modified (document));

  charter_window_save_to (window, file);
  spin_until_idle (window);

  g_assert_null (charter_window_get_error_message (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (charter_document_get_modified (document));
  g_assert_true (g_file_equal (charter_document_get_file (document), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "plan");
  /* Saving does not clear the history. */
  g_assert_true (action_enabled (window, "undo"));

  reloaded = charter_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (reloaded)), ==, "Workout history");

  /* It is remembered: Open Recent, and the document `charter` reopens. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *last = g_settings_get_string (settings, "last-document");

    g_assert_cmpstr (last, ==, uri);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  /* An edit after saving shows the marker again, and Save (no dialog: the
   * document has a file) writes it. */
  edit_spec_title (window, "Workout history, v2");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle (window);
  g_assert_false (charter_document_get_modified (document));
  g_clear_object (&reloaded);
  reloaded = charter_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (reloaded)), ==, "Workout history, v2");

  destroy_window (window);
  g_remove (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_remove (backup);
  }
  g_rmdir (dir);
}

static void
test_export_markdown (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spec.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export-markdown"));

  edit_spec_title (window, "Workout history");
  charter_window_export_markdown_to (window, file);
  spin_until_idle (window);

  /* What the window wrote is what the exporter makes of the document. */
  g_assert_null (charter_window_get_error_message (window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = charter_markdown_export (charter_window_get_document (window));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_nonnull (strstr (contents, "Workout history"));
  /* Exporting is not saving. */
  g_assert_true (charter_document_get_modified (charter_window_get_document (window)));

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_changed_on_disk (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.charter", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CharterDocument) theirs = charter_document_new ();
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;

  edit_spec_title (window, "Mine");
  charter_window_save_to (window, file);
  spin_until_idle (window);

  /* Someone else writes the file. */
  charter_document_set (theirs, charter_document_get_spec (theirs), "title", "Theirs", NULL);
  other = charter_file_serialize (theirs);
  g_usleep (10 * 1000);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (other, NULL), g_bytes_get_size (other), &error));
  g_assert_no_error (error);

  edit_spec_title (window, "Mine, again");
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle (window);

  /* It asks before overwriting, and the other version is still there. */
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (charter_document_get_modified (charter_window_get_document (window)));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Theirs"));

  adw_message_dialog_response (dialog, "replace");
  spin ();
  spin_until_idle (window);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Mine, again"));
  g_assert_false (charter_document_get_modified (charter_window_get_document (window)));

  destroy_window (window);
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

static void
test_load_error_keeps_document (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CharterDocument *before;
  const char *message;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"charter\", \"version\": 1,\n  \"plan\": [", -1, NULL));

  edit_spec_title (window, "Keep me");
  before = charter_window_get_document (window);

  charter_window_open (window, file);
  spin_until_idle (window);

  message = charter_window_get_error_message (window);
  g_assert_nonnull (message);
  /* The whole message reaches the user: which file, and where in it. */
  g_assert_nonnull (strstr (message, "broken.charter"));
  g_assert_true (charter_window_get_document (window) == before);
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (before)), ==, "Keep me");

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_open_replaces_only_pristine (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "other.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CharterDocument) other = charter_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  CharterDocument *mine;

  charter_document_set (other, charter_document_get_spec (other), "title", "Other", NULL);
  bytes = charter_file_serialize (other);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  edit_spec_title (window, "Mine");
  mine = charter_window_get_document (window);
  charter_window_open (window, file);
  spin_until_idle (window);

  /* The window with work in it keeps it; the file opened in a new window. */
  g_assert_true (charter_window_get_document (window) == mine);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);
  {
    CharterWindow *opened = CHARTER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);

    g_assert_true (opened != window);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (opened)), ==, "other");
    destroy_window (opened);
  }

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Closing a window while its file is still being read: the read is
 * cancelled, and its callback must neither touch the disposed window's
 * widgets nor hand the document to it or to a new window. */
static void
test_close_while_loading (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "late.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CharterDocument) other = charter_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GWeakRef weak;

  charter_document_set (other, charter_document_get_spec (other), "title", "Late", NULL);
  bytes = charter_file_serialize (other);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  charter_window_open (window, file);
  g_assert_true (charter_window_get_busy (window));
  g_weak_ref_init (&weak, window);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The pending read holds the window until its callback has run. */
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(CharterWindow) alive = g_weak_ref_get (&weak);

      if (alive == NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  spin ();
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before - 1);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_drop_opens (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dropped.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CharterDocument) other = charter_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *drop = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;

  bytes = charter_file_serialize (other);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  files = g_slist_append (files, g_object_ref (file));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  spin_until_idle (window);
  g_assert_true (g_file_equal (charter_document_get_file (charter_window_get_document (window)), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "dropped");

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
on_destroyed (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static void
test_close_asks (void)
{
  CharterWindow *window = new_window ();
  AdwMessageDialog *dialog;
  gboolean destroyed = FALSE;

  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);

  /* Unchanged: no question. (Checked on a second window below.) */
  edit_spec_title (window, "Unsaved work");
  g_action_group_activate_action (G_ACTION_GROUP (window), "close", NULL);
  spin ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_false (destroyed);
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));

  /* Cancel keeps the window and the work. */
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_false (destroyed);
  g_assert_true (charter_document_get_modified (charter_window_get_document (window)));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  spin ();
  g_assert_true (destroyed);

  /* Quitting asks too, and Cancel keeps the window. */
  destroyed = FALSE;
  window = new_window ();
  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);
  edit_spec_title (window, "Unsaved work");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_false (destroyed);
  charter_document_undo (charter_window_get_document (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin ();
  g_assert_true (destroyed);

  /* A window without changes closes without asking. */
  destroyed = FALSE;
  window = new_window ();
  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_true (destroyed);
}

static GtkInfoBar *
find_revealed_info_bar (GtkWidget      *widget,
                        GtkMessageType  type)
{
  if (GTK_IS_INFO_BAR (widget) && gtk_widget_get_visible (widget) &&
      gtk_info_bar_get_revealed (GTK_INFO_BAR (widget)) &&
      gtk_info_bar_get_message_type (GTK_INFO_BAR (widget)) == type)
    return GTK_INFO_BAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkInfoBar *found = find_revealed_info_bar (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
widget_shows_text (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (widget_shows_text (child, text))
      return TRUE;

  return FALSE;
}

static void
test_read_only (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.charter", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(CharterDocument) newer = charter_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CharterDocument *document;
  GtkInfoBar *bar;

  charter_document_set (newer, charter_document_get_spec (newer), "title", "From the future", NULL);
  bytes = charter_file_serialize (newer);
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (g_string_replace (json, "\"version\": 1", "\"version\": 2", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));

  charter_window_open (window, file);
  spin_until_idle (window);
  document = charter_window_get_document (window);
  g_assert_true (charter_document_get_read_only (document));

  /* The window says why, in a bar with a way out. */
  bar = find_revealed_info_bar (GTK_WIDGET (window), GTK_MESSAGE_WARNING);
  g_assert_nonnull (bar);
  g_assert_true (widget_shows_text (GTK_WIDGET (bar), charter_document_get_read_only_reason (document)));

  /* It is never saved over... */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  charter_window_save_to (window, file);
  spin_until_idle (window);
  g_assert_nonnull (charter_window_get_error_message (window));
  g_assert_true (charter_document_get_read_only (document));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* ...but a copy under a new name is the user's to edit. */
  charter_window_save_to (window, copy);
  spin_until_idle (window);
  g_assert_null (charter_window_get_error_message (window));
  g_assert_false (charter_document_get_read_only (document));
  g_assert_true (g_file_equal (charter_document_get_file (document), copy));
  g_assert_null (find_revealed_info_bar (GTK_WIDGET (window), GTK_MESSAGE_WARNING));

  destroy_window (window);
  g_remove (path);
  g_remove (copy_path);
  g_rmdir (dir);
}

static void
collect_widgets (GtkWidget  *widget,
                 GType       type,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  CharterWindow *window = new_window ();
  GtkWidget *prefs;
  g_autofree char *scheme = NULL;
  g_autofree char *workspace = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  spin ();
  prefs = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && prefs == NULL; i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

        if (CHARTER_IS_PREFERENCES_WINDOW (w))
          prefs = w;
      }
  }
  g_assert_nonnull (prefs);

  /* The rows change the settings, and the settings change the app. */
  collect_widgets (prefs, GTK_TYPE_SWITCH, switches);
  collect_widgets (prefs, ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (switches->len, ==, 2);
  g_assert_cmpuint (combos->len, ==, 2);

  gtk_switch_set_active (g_ptr_array_index (switches, 0), TRUE);
  spin ();
  g_assert_true (g_settings_get_boolean (settings, "projector-mode"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "projector"));

  adw_combo_row_set_selected (g_ptr_array_index (combos, 0), 2);
  spin ();
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);

  adw_combo_row_set_selected (g_ptr_array_index (combos, 1), 3);
  spin ();
  workspace = g_settings_get_string (settings, "default-workspace");
  g_assert_cmpstr (workspace, ==, "timeline");

  /* The fifth workspace is a choice too, in the schema and in the row,
   * and a document shown from then on opens in it. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (g_ptr_array_index (combos, 1))), ==, 5);
  adw_combo_row_set_selected (g_ptr_array_index (combos, 1), 4);
  spin ();
  g_clear_pointer (&workspace, g_free);
  workspace = g_settings_get_string (settings, "default-workspace");
  g_assert_cmpstr (workspace, ==, "availability");
  charter_window_set_document (window, g_object_new (CHARTER_TYPE_DOCUMENT, NULL), NULL);
  g_object_unref (charter_window_get_document (window));
  g_assert_cmpstr (charter_window_get_workspace (window), ==, "availability");
  g_settings_set_string (settings, "default-workspace", "discovery");
  spin ();
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (combos, 1)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "projector-mode");
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "default-workspace");
  spin ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "projector"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
  destroy_window (window);
}

static gboolean
slot_exists (const char *slot)
{
  g_auto(GStrv) slots = charter_recovery_list_slots ();

  return slot != NULL && slots != NULL && g_strv_contains ((const char * const *) slots, slot);
}

static void
wait_for_slot (const char *const *slot_ptr,
               gboolean           exists)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (slot_exists (*slot_ptr) != exists && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_recovery (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.charter", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *slot = NULL;
  const char *live_slot = NULL;
  CharterWindow *window;
  CharterWindow *recovered;
  AdwMessageDialog *dialog;

  g_settings_set_uint (settings, "recovery-interval", 1);
  window = new_window ();

  /* While there are unsaved changes, a copy is written every interval. */
  edit_spec_title (window, "Unsaved plan");
  live_slot = charter_window_get_recovery_slot (window);
  wait_for_slot (&live_slot, TRUE);
  live_slot = charter_window_get_recovery_slot (window);
  g_assert_nonnull (live_slot);
  g_assert_true (slot_exists (live_slot));

  /* Saving discards it. */
  charter_window_save_to (window, file);
  spin_until_idle (window);
  g_assert_false (slot_exists (live_slot));

  /* More work, then a "crash": the window goes without closing. */
  edit_spec_title (window, "Work a crash must not lose");
  wait_for_slot (&live_slot, TRUE);
  g_assert_true (slot_exists (live_slot));
  slot = g_strdup (live_slot);
  destroy_window (window);
  g_assert_true (slot_exists (slot));

  /* The next start offers it. */
  g_application_activate (G_APPLICATION (app));
  spin ();
  recovered = CHARTER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (recovered);
  dialog = find_message_dialog (GTK_WINDOW (recovered));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "recover");
  spin ();

  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (charter_window_get_document (recovered))),
                   ==, "Work a crash must not lose");
  g_assert_true (charter_document_get_modified (charter_window_get_document (recovered)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (recovered)), "• "));
  g_assert_cmpstr (charter_window_get_recovery_slot (recovered), ==, slot);

  /* Closing and discarding the changes discards the copy. */
  gtk_window_close (GTK_WINDOW (recovered));
  spin ();
  dialog = find_message_dialog (GTK_WINDOW (recovered));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  spin ();
  g_assert_false (slot_exists (slot));

  g_settings_reset (settings, "recovery-interval");
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
on_recent_changed_cb (GtkRecentManager *manager,
                      gpointer          user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Saving into a full disk or a read-only folder in the app: the file on
 * disk is the old one, whole; the window says why (the file was not
 * replaced); the document stays open and unsaved. */
static void
test_save_fails_keeps_everything (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CharterWindow *window;
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.charter", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CharterDocument *document;
  FaultReadOnly how;
  gboolean recent_written = FALSE;
  gulong recent_changed;

  /* No recovery copy is due while the file-size limit holds (its failure
   * would be a warning, fatal in tests). */
  g_settings_set_uint (settings, "recovery-interval", 600);
  window = new_window ();
  edit_spec_title (window, "Saved");
  recent_changed = g_signal_connect (gtk_recent_manager_get_default (), "changed",
                                     G_CALLBACK (on_recent_changed_cb), &recent_written);
  charter_window_save_to (window, file);
  spin_until_idle (window);
  g_assert_null (charter_window_get_error_message (window));
  /* The saved file goes into the recent files, written 250 ms later: not
   * while the file-size limit holds (its failure is a warning, fatal here;
   * seen on a loaded machine). */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       !recent_written && g_get_monotonic_time () < deadline;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  g_signal_handler_disconnect (gtk_recent_manager_get_default (), recent_changed);
  before = read_file (path);
  document = charter_window_get_document (window);

  /* GtkRecentManager writes recently-used.xbel 250 ms after the save
   * added the file: let it, before the limit would make that a warning. */
  {
    gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
  }

  /* The disk fills up while the new version is written. */
  edit_spec_title (window, "A longer title that no longer fits on the disk");
  fault_limit_file_size (strlen (before) + 8);
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle (window);
  fault_unlimit_file_size ();

  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (charter_window_get_error_message (window));
  g_assert_nonnull (strstr (charter_window_get_error_message (window), "NOT replaced"));
  g_assert_true (charter_window_get_document (window) == document);
  g_assert_true (charter_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* A folder that became read-only. */
  how = fault_make_read_only (dir);
  if (how != FAULT_NONE)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
      spin_until_idle (window);
      fault_undo_read_only (dir, how);

      g_clear_pointer (&after, g_free);
      after = read_file (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_nonnull (strstr (charter_window_get_error_message (window), "NOT replaced"));
      g_assert_true (charter_document_get_modified (document));
    }

  /* Once there is room again, Save works and the message goes. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle (window);
  g_assert_null (charter_window_get_error_message (window));
  g_assert_false (charter_document_get_modified (document));

  destroy_window (window);
  g_settings_reset (settings, "recovery-interval");
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

/* Someone else rewrites the file and keeps its modification time (cp -p,
 * rsync -t): Save asks, and after Replace neither version is lost: ours is
 * the file, theirs the backup. */
static void
test_changed_on_disk_same_mtime (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.charter", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CharterDocument) theirs = charter_document_new ();
  g_autoptr(GBytes) other = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  GStatBuf st;

  edit_spec_title (window, "Mine");
  charter_window_save_to (window, file);
  spin_until_idle (window);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  charter_document_set (theirs, charter_document_get_spec (theirs), "title", "Ours", NULL);
  other = charter_file_serialize (theirs);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (other, NULL), g_bytes_get_size (other), NULL));
  {
    struct timespec kept[2] = { st.st_atim, st.st_mtim };

    g_assert_cmpint (utimensat (AT_FDCWD, path, kept, 0), ==, 0);
  }

  edit_spec_title (window, "Mine, again");
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle (window);

  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (charter_document_get_modified (charter_window_get_document (window)));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"Ours\""));

  adw_message_dialog_response (dialog, "replace");
  spin ();
  spin_until_idle (window);
  g_clear_pointer (&contents, g_free);
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "Mine, again"));
  g_clear_pointer (&contents, g_free);
  contents = read_file (backup);
  g_assert_nonnull (strstr (contents, "\"Ours\""));

  destroy_window (window);
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CHARTER_IS_WINDOW (l->data))
      n++;
  return n;
}

/* After a crash, `charter FILE` opens one window: it asks about the
 * recovery first, and Recover shows the recovered work of FILE there (it
 * used to open FILE and its recovered version in two windows). */
static void
test_recovery_of_opened_file (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.charter", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *slot = NULL;
  const char *live_slot = NULL;
  CharterWindow *window;
  AdwMessageDialog *dialog;
  GFile *files[1];

  g_settings_set_uint (settings, "recovery-interval", 1);
  window = new_window ();
  edit_spec_title (window, "On disk");
  charter_window_save_to (window, file);
  spin_until_idle (window);

  edit_spec_title (window, "Recovered work");
  live_slot = charter_window_get_recovery_slot (window);
  wait_for_slot (&live_slot, TRUE);
  live_slot = charter_window_get_recovery_slot (window);
  g_assert_true (slot_exists (live_slot));
  slot = g_strdup (live_slot);
  destroy_window (window);   /* the crash */
  g_assert_cmpuint (count_windows (), ==, 0);

  files[0] = file;
  g_application_open (G_APPLICATION (app), files, 1, "");
  spin ();
  g_assert_cmpuint (count_windows (), ==, 1);
  window = CHARTER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "recover");
  spin ();
  spin_until_idle (window);
  {
    gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }

  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (charter_window_get_document (window))),
                   ==, "Recovered work");
  g_assert_true (g_file_equal (charter_document_get_file (charter_window_get_document (window)), file));
  g_assert_true (charter_document_get_modified (charter_window_get_document (window)));

  /* A copy already offered is not offered again: the file opens as it is
   * on disk, in one window. */
  charter_window_set_recovery_slot (window, NULL);
  destroy_window (window);
  g_application_open (G_APPLICATION (app), files, 1, "");
  spin ();
  g_assert_cmpuint (count_windows (), ==, 1);
  window = CHARTER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  spin_until_idle (window);
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (charter_window_get_document (window))),
                   ==, "On disk");
  charter_recovery_discard (slot);

  destroy_window (window);
  g_settings_reset (settings, "recovery-interval");
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

static void
test_projector_mode (void)
{
  CharterWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "projector"));
  g_settings_set_boolean (settings, "projector-mode", TRUE);
  spin ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "projector"));
  g_settings_set_boolean (settings, "projector-mode", FALSE);
  spin ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "projector"));

  /* The default workspace applies to documents shown from now on. */
  g_settings_set_string (settings, "default-workspace", "plan");
  spin ();
  charter_window_set_document (window, g_object_new (CHARTER_TYPE_DOCUMENT, NULL), NULL);
  g_object_unref (charter_window_get_document (window));
  g_assert_cmpstr (charter_window_get_workspace (window), ==, "plan");
  g_settings_reset (settings, "default-workspace");

  destroy_window (window);
}

/* First use, the project start, and opening off the main thread */

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_status_page (GtkWidget  *widget,
                  const char *title_prefix)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_visible (widget) &&
      adw_status_page_get_title (ADW_STATUS_PAGE (widget)) != NULL &&
      g_str_has_prefix (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title_prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child, title_prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
write_document (CharterDocument *document,
                const char      *dir,
                const char      *name)
{
  g_autoptr(GBytes) bytes = charter_file_serialize (document);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

/* Issue 18: File → New did nothing in a window showing an untouched copy of
 * the example (it counted as "pristine" and was presented again). */
static void
test_new_beside_example (void)
{
  CharterWindow *window = new_window ();
  g_autoptr(GFile) example = charter_application_get_example_file ();
  guint before;
  CharterWindow *created;

  g_assert_nonnull (example);
  charter_window_open_copy (window, example);
  spin_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (charter_window_get_document (window))), >, 0);
  g_assert_true (charter_window_is_pristine (window));
  g_assert_false (charter_window_is_blank (window));

  before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);
  created = CHARTER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (created != window);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (charter_window_get_document (created))), ==, 0);
  /* The example is still there, untouched. */
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (charter_window_get_document (window))), >, 0);

  destroy_window (created);
  destroy_window (window);
}

/* Starting without a file offers a choice; New Plan takes it at once, in
 * the same window, starting on the next working day after today. */
static void
test_welcome_new_plan (void)
{
  CharterWindow *window = new_window ();
  GtkWidget *welcome = find_widget_of_type (GTK_WIDGET (window), CHARTER_TYPE_WELCOME_PAGE);
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  CharterDocument *document;

  g_assert_nonnull (welcome);
  g_assert_false (gtk_widget_get_visible (welcome));

  charter_window_show_welcome (window);
  spin ();
  g_assert_true (gtk_widget_get_visible (welcome));
  g_assert_true (charter_window_is_blank (window));
  /* Nothing to save or export on the welcome page. */
  g_assert_false (action_enabled (window, "save"));
  g_assert_false (action_enabled (window, "export-markdown"));
  g_assert_true (action_enabled (window, "open"));

  /* Thursday 3 December 2026: the plan starts on Friday the 4th. */
  g_setenv ("CHARTER_TODAY", "2026-12-03", TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before);
  g_assert_false (gtk_widget_get_visible (welcome));
  g_assert_true (action_enabled (window, "save"));
  document = charter_window_get_document (window);
  g_assert_cmpstr (charter_calendar_get_start (charter_document_get_calendar (document)), ==, "2026-12-04");
  /* A new plan is not an edit. */
  g_assert_false (charter_document_get_modified (document));
  g_assert_false (charter_document_get_can_undo (document));

  /* Friday: over the weekend to Monday, and past a holiday. */
  g_setenv ("CHARTER_TODAY", "2026-12-04", TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  spin ();
  document = charter_window_get_document (window);
  g_assert_cmpstr (charter_calendar_get_start (charter_document_get_calendar (document)), ==, "2026-12-07");
  {
    const char * const holidays[] = { "2026-12-07", NULL };
    g_autofree char *next = NULL;
    GDate today;

    charter_calendar_set_holidays (charter_document_get_calendar (document), holidays);
    charter_today (&today);
    next = charter_next_working_day (charter_document_get_calendar (document), &today);
    g_assert_cmpstr (next, ==, "2026-12-08");
  }
  g_unsetenv ("CHARTER_TODAY");

  destroy_window (window);
}

/* The project start is changed in the app, as one undoable step. */
static void
test_edit_start (void)
{
  CharterWindow *window = new_window ();
  CharterStartDateEditor *editor;
  CharterDocument *document;
  CharterCalendar *calendar;
  GtkCalendar *picker;
  g_autoptr(GDateTime) day = NULL;

  g_setenv ("CHARTER_TODAY", "2026-12-03", TRUE);
  charter_window_new_plan (window);
  g_unsetenv ("CHARTER_TODAY");
  document = charter_window_get_document (window);
  calendar = charter_document_get_calendar (document);

  g_assert_true (action_enabled (window, "edit-start"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "edit-start", NULL);
  spin ();
  /* The Calendar place of Program holds the same editor, hidden: the
   * window's is the one that shows. */
  editor = NULL;
  {
    g_autoptr(GPtrArray) editors = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (window), CHARTER_TYPE_START_DATE_EDITOR, editors);
    g_assert_cmpuint (editors->len, ==, 2);
    for (guint i = 0; i < editors->len; i++)
      if (gtk_widget_get_visible (g_ptr_array_index (editors, i)))
        editor = g_ptr_array_index (editors, i);
  }
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (charter_start_date_editor_get_document (editor) == document);
  g_assert_true (widget_shows_text (GTK_WIDGET (editor), "2026"));

  picker = GTK_CALENDAR (find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_CALENDAR));
  g_assert_nonnull (picker);
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (picker);

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 4);
  }

  /* A click on Monday 11 January 2027. */
  day = g_date_time_new_local (2027, 1, 11, 12, 0, 0);
  gtk_calendar_select_day (picker, day);
  g_signal_emit_by_name (picker, "day-selected");
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2027-01-11");
  g_assert_true (charter_document_get_can_undo (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  spin ();
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2026-12-04");
  /* The editor follows the document, undo included. */
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (picker);

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 4);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 12);
  }

  destroy_window (window);
}

static CharterDocument *
big_document (guint n)
{
  CharterDocument *document = charter_document_new ();
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task %u", i + 1);
      CharterTask *task = charter_task_new (id);

      charter_task_set_name (task, name);
      charter_task_set_duration (task, 1 + i % 7);
      g_ptr_array_add (tasks, task);
      if (i > 0)
        {
          g_autofree char *dep_id = g_strdup_printf ("d%u", i);
          g_autofree char *pred = g_strdup_printf ("t%u", i / 2);
          CharterDependency *dep = charter_dependency_new (dep_id);

          charter_dependency_set_predecessor (dep, pred);
          charter_dependency_set_successor (dep, id);
          g_ptr_array_add (deps, dep);
        }
    }
  g_list_store_splice (G_LIST_STORE (charter_document_get_tasks (document)), 0, 0, tasks->pdata, tasks->len);
  g_list_store_splice (G_LIST_STORE (charter_document_get_dependencies (document)), 0, 0, deps->pdata, deps->len);
  return document;
}

static gboolean
count_tick_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Opening shows "Opening …" with a Cancel at once; cancelling leaves the
 * window as it was; a file that loads arrives while the main loop runs. */
static void
test_open_cancel (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autoptr(CharterDocument) big = big_document (5000);
  g_autofree char *path = write_document (big, dir, "big.charter");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CharterDocument *empty = charter_window_get_document (window);
  GtkWidget *welcome = find_widget_of_type (GTK_WIDGET (window), CHARTER_TYPE_WELCOME_PAGE);
  gint64 deadline;
  guint ticks = 0;
  guint tick_id;

  charter_window_show_welcome (window);
  charter_window_open (window, file);
  g_assert_true (charter_window_get_busy (window));
  g_assert_nonnull (find_status_page (GTK_WIDGET (window), "Opening “big.charter”"));
  g_assert_false (gtk_widget_get_visible (welcome));
  g_assert_true (action_enabled (window, "cancel-open"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-open", NULL);
  /* Cancel does not wait for the reader to finish. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (charter_window_get_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (charter_window_get_busy (window));
  g_assert_true (charter_window_get_document (window) == empty);
  g_assert_null (charter_window_get_error_message (window));
  g_assert_null (find_status_page (GTK_WIDGET (window), "Opening"));
  g_assert_true (gtk_widget_get_visible (welcome));

  /* Again, to the end: the main loop keeps turning while it loads. */
  tick_id = g_timeout_add (5, count_tick_cb, &ticks);
  charter_window_open (window, file);
  spin_until_idle (window);
  g_source_remove (tick_id);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (charter_window_get_document (window))),
                    ==, 5000);
  g_assert_false (gtk_widget_get_visible (welcome));
  g_assert_null (find_status_page (GTK_WIDGET (window), "Opening"));
  g_assert_cmpuint (ticks, >, 3);

  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Bad files in the app: a 10 MB id, a start at 9999-12-31, a newer format.
 * The window with work keeps it; each file opens beside it or says why. */
static void
test_bad_files_keep_work (void)
{
  CharterWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("charter-test-XXXXXX", NULL);
  g_autofree char *long_id = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *big_id = g_strdup_printf ("{\"format\": \"charter\", \"version\": 1, \"plan\": {\"tasks\": "
                                             "[{\"id\": \"%s\", \"name\": \"A\", \"duration\": 1}]}}", long_id);
  const char *late = "{\"format\": \"charter\", \"version\": 1, \"plan\": {\"calendar\": {\"start\": \"9999-12-31\"}, "
                     "\"tasks\": [{\"id\": \"a\", \"name\": \"A\", \"duration\": 5}]}}";
  const char *newer = "{\"format\": \"charter\", \"version\": 7, \"plan\": {\"tasks\": "
                      "[{\"id\": \"a\", \"name\": \"A\", \"duration\": 5}]}}";
  const char *broken = "{\"format\": \"charter\", \"version\": 1, \"plan\": {\"tasks\": [{\"id\": ";
  const char *contents[] = { big_id, late, newer, broken };
  const char *names[] = { "big-id.charter", "late.charter", "newer.charter", "broken.charter" };
  CharterDocument *mine;

  edit_spec_title (window, "Keep me");
  mine = charter_window_get_document (window);

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

      g_assert_true (g_file_set_contents (path, contents[i], -1, NULL));
      charter_window_open (window, file);
      /* The window with work never shows "Opening" in place of it. */
      g_assert_null (find_status_page (GTK_WIDGET (window), "Opening"));
      spin_until_idle (window);

      g_assert_true (charter_window_get_document (window) == mine);
      g_assert_cmpstr (charter_spec_get_title (charter_document_get_spec (mine)), ==, "Keep me");
      if (i == 3)
        {
          g_assert_nonnull (charter_window_get_error_message (window));
          g_assert_nonnull (strstr (charter_window_get_error_message (window), "broken.charter"));
          g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before);
        }
      else
        {
          CharterWindow *opened = CHARTER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);

          g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);
          g_assert_true (opened != window);
          g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (charter_window_get_document (opened))), ==, 1);
          if (i == 2)
            g_assert_true (charter_document_get_read_only (charter_window_get_document (opened)));
          destroy_window (opened);
        }
      g_remove (path);
    }

  destroy_window (window);
  g_rmdir (dir);
}

/* The workspace on screen gets a new document at once, the others when
 * shown, so that a large plan's first frame waits only for what it shows. */
static void
test_hand_over (void)
{
  CharterWindow *window = new_window ();
  g_autoptr(CharterDocument) document = charter_document_new ();
  static const char * const names[] = { "discovery", "spec", "plan", "timeline" };
  GType types[] = { CHARTER_TYPE_DISCOVERY_VIEW, CHARTER_TYPE_SPEC_VIEW, CHARTER_TYPE_PLAN_VIEW,
                    CHARTER_TYPE_TIMELINE_VIEW };

  charter_window_set_workspace (window, "discovery");
  charter_window_set_document (window, document, NULL);
  spin ();

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *view = find_widget_of_type (GTK_WIDGET (window), types[i]);
      g_autoptr(CharterDocument) before = NULL;
      g_autoptr(CharterDocument) after = NULL;

      g_assert_nonnull (view);
      g_object_get (view, "document", &before, NULL);
      /* Off screen, the Plan graph does not build its widgets yet. */
      g_assert_true (i == 0 ? before == document : before != document);

      charter_window_set_workspace (window, names[i]);
      g_object_get (view, "document", &after, NULL);
      g_assert_true (after == document);
    }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("charter-test-home-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  int status;

  /* GLib's first quark block is not a leak (tests/glib-quark-leak.h). */
  charter_test_ignore_glib_quark_block ();

  /* Recent files and recovery copies go to a private place, not $HOME. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", cache, TRUE);
  /* No accessibility bus: these tests drive widgets through actions. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = charter_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  /* Registering runs startup (actions, accels) without a main loop. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/undo-redo-enabled", test_undo_redo_enabled);
  g_test_add_func ("/window/undo-during-drag", test_undo_during_drag);
  g_test_add_func ("/window/unschedulable-plan", test_unschedulable_plan);
  g_test_add_func ("/window/title-marker", test_title_marker);
  g_test_add_func ("/window/workspaces", test_workspaces);
  g_test_add_func ("/window/new", test_new_window);
  g_test_add_func ("/window/save-to", test_save_to);
  g_test_add_func ("/window/export-markdown", test_export_markdown);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/load-error-keeps-document", test_load_error_keeps_document);
  g_test_add_func ("/window/open-replaces-only-pristine", test_open_replaces_only_pristine);
  g_test_add_func ("/window/close-while-loading", test_close_while_loading);
  g_test_add_func ("/window/drop-opens", test_drop_opens);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/projector-mode", test_projector_mode);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/read-only", test_read_only);
  g_test_add_func ("/window/recovery", test_recovery);
  g_test_add_func ("/window/recovery-of-opened-file", test_recovery_of_opened_file);
  g_test_add_func ("/window/save-fails-keeps-everything", test_save_fails_keeps_everything);
  g_test_add_func ("/window/changed-on-disk-same-mtime", test_changed_on_disk_same_mtime);
  g_test_add_func ("/window/new-beside-example", test_new_beside_example);
  g_test_add_func ("/window/welcome-new-plan", test_welcome_new_plan);
  g_test_add_func ("/window/edit-start", test_edit_start);
  g_test_add_func ("/window/open-cancel", test_open_cancel);
  g_test_add_func ("/window/bad-files-keep-work", test_bad_files_keep_work);
  g_test_add_func ("/window/hand-over", test_hand_over);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
