/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-dialog.c: File → Export… writes what its rows say (view,
 * format, size) and says so with ::exported; Copy as Image puts a texture
 * of the view on the clipboard. In-process GTK under the suite's Xvfb. */

#define G_LOG_DOMAIN "test-export-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "charter-export-actions.h"
#include "charter-export-dialog.h"
#include "charter-file.h"
#include "charter-schedule.h"

static CharterDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CHARTER_SOURCE_ROOT"), "data", "examples",
                                            "workout-history.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CharterDocument *document = charter_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
on_exported_cb (CharterExportDialog *dialog,
                GFile               *file,
                gpointer             user_data)
{
  g_set_object ((GFile **) user_data, file);
}

static void
test_dialog_exports_png_at_size (void)
{
  g_autoptr(CharterDocument) document = load_example ();
  g_autoptr(CharterSchedule) schedule = charter_schedule_compute (document, NULL);
  CharterExportOptions in_view;
  CharterExportDialog *dialog;
  g_autofree char *dir = g_dir_make_tmp ("export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSpinButton *width, *height;

  charter_export_options_init (&in_view);
  dialog = charter_export_dialog_new (NULL, document, schedule, CHARTER_EXPORT_VIEW_TIMELINE, &in_view);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
  charter_export_dialog_set_choice (dialog, CHARTER_EXPORT_VIEW_TIMELINE, CHARTER_EXPORT_PNG, FALSE);
  width = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog), CHARTER_TYPE_EXPORT_DIALOG, "width_spin"));
  height = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog), CHARTER_TYPE_EXPORT_DIALOG, "height_spin"));
  gtk_spin_button_set_value (width, 1280);
  gtk_spin_button_set_value (height, 720);
  g_assert_true (charter_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (exported != NULL && g_file_equal (exported, file));

  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1280);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 720);

  /* The spec is pages: choosing it makes the format PDF. */
  charter_export_dialog_set_choice (dialog, CHARTER_EXPORT_VIEW_SPEC, CHARTER_EXPORT_SVG, FALSE);
  g_clear_object (&exported);
  g_clear_object (&file);
  g_free (path);
  path = g_build_filename (dir, "spec.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (charter_export_dialog_export_to (dialog, file, &error));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_free (path);
  path = g_build_filename (dir, "timeline.png", NULL);
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_texture_read_cb (GObject      *clipboard,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GdkTexture **out = user_data;

  *out = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*out == NULL)
    *out = GINT_TO_POINTER (1);
}

static void
test_copy_as_image (void)
{
  g_autoptr(CharterDocument) document = load_example ();
  g_autoptr(CharterSchedule) schedule = charter_schedule_compute (document, NULL);
  CharterExportSource source = { document, schedule, "plan", NULL, NULL };
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) expected = charter_export_actions_render_texture (&source, &error);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (window);
  GdkTexture *read = NULL;
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;

  g_assert_no_error (error);
  g_assert_nonnull (expected);
  g_assert_true (charter_export_actions_copy_image (window, &source, &error));
  g_assert_no_error (error);

  /* Our own clipboard content: a texture of the graph's size. */
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpint (gdk_texture_get_width (g_value_get_object (&value)), ==, gdk_texture_get_width (expected));
  g_assert_cmpint (gdk_texture_get_height (g_value_get_object (&value)), ==, gdk_texture_get_height (expected));
  g_value_unset (&value);

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read_cb, &read);
  while (read == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (read != GINT_TO_POINTER (1));
  g_assert_cmpint (gdk_texture_get_width (read), ==, gdk_texture_get_width (expected));
  g_object_unref (read);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "What is in view": only the tasks and days on screen, and for the graph
 * only its area (a task outside it is not drawn). */
static void
test_in_view (void)
{
  g_autoptr(CharterDocument) document = load_example ();
  g_autoptr(CharterSchedule) schedule = charter_schedule_compute (document, NULL);
  const char * const ids[] = { "design", "web-ui", NULL };
  CharterExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  guint groups = 0;

  charter_export_options_init (&options);
  options.task_ids = ids;
  options.first_day = charter_schedule_get_start (schedule);
  options.last_day = options.first_day + 20;
  svg = charter_export_render (document, schedule, CHARTER_EXPORT_VIEW_TIMELINE, CHARTER_EXPORT_SVG, &options, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (svg, NULL);
  for (const char *at = strstr (text, "id=\"task-"); at != NULL; at = strstr (at + 1, "id=\"task-"))
    groups++;
  g_assert_cmpuint (groups, ==, 2);
  g_assert_nonnull (strstr (text, "id=\"task-design\""));
  g_assert_nonnull (strstr (text, "id=\"task-web-ui\""));
  /* 21 days at 12 pixels, and the task column. */
  g_assert_nonnull (strstr (text, "width=\""));

  g_clear_pointer (&svg, g_bytes_unref);
  charter_export_options_init (&options);
  options.has_area = TRUE;
  options.area_x = -10000;
  options.area_y = -10000;
  options.area_width = 100;
  options.area_height = 100;
  svg = charter_export_render (document, schedule, CHARTER_EXPORT_VIEW_GRAPH, CHARTER_EXPORT_SVG, &options, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (g_bytes_get_data (svg, NULL), "id=\"task-"));
}

/* Print… of a long timeline: several pages, the task column (its "Task"
 * heading and task names) on each. */
static void
test_print_repeats_task_column (void)
{
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *plan_path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("export-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "print.pdf", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("CHARTER_SOURCE_ROOT"), "benchmarks", "make-plan.py", NULL);
  const char *argv[] = { "python3", script, "300", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *info = NULL;
  CharterExportSource source = { NULL, NULL, "timeline", NULL, NULL };
  int pages = 0;
  const char *at;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &plan, NULL, NULL, &error));
  plan_path = g_build_filename (dir, "plan.charter", NULL);
  g_assert_true (g_file_set_contents (plan_path, plan, -1, NULL));
  file = g_file_new_for_path (plan_path);
  document = charter_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  schedule = charter_schedule_compute (document, &error);
  g_assert_no_error (error);
  source.document = document;
  source.schedule = schedule;

  g_assert_true (charter_export_actions_print_to_file (&source, pdf, &error));
  g_assert_no_error (error);
  {
    const char *info_argv[] = { "pdfinfo", pdf, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, NULL));
  }
  at = strstr (info, "Pages:");
  g_assert_nonnull (at);
  pages = atoi (at + strlen ("Pages:"));
  g_assert_cmpint (pages, >, 2);
  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *first = g_strdup_printf ("%d", page);
      const char *text_argv[] = { "pdftotext", "-f", first, "-l", first, pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean heading = FALSE, names = FALSE;

      g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);

      /* The column's heading on a line of its own, and task names under it. */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          heading |= g_str_equal (g_strstrip (lines[i]), "Task");
          names |= g_str_has_prefix (lines[i], "Task ") && g_ascii_isdigit (lines[i][5]);
        }
      if (!heading || !names)
        g_error ("page %d of %d has no task column:\n%s", page, pages, text);
    }
  g_unlink (pdf);
  g_unlink (plan_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/export-dialog/png-at-size", test_dialog_exports_png_at_size);
  g_test_add_func ("/export-dialog/copy-as-image", test_copy_as_image);
  g_test_add_func ("/export-dialog/in-view", test_in_view);
  g_test_add_func ("/export-dialog/print-repeats-task-column", test_print_repeats_task_column);
  return g_test_run ();
}
