/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recovery.c: recovery copies in the user's state folder. */

#include "config.h"

#include <string.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "charter-file.h"
#include "charter-recovery.h"

static char *state_dir;

static CharterDocument *
make_document (const char *name)
{
  CharterDocument *document = charter_document_new ();
  CharterTask *task = g_object_new (CHARTER_TYPE_TASK, "id", "a", "name", name, NULL);
  g_autoptr(JsonObject) unknown = json_object_new ();

  g_list_store_append (G_LIST_STORE (charter_document_get_tasks (document)), task);
  g_object_unref (task);
  json_object_set_string_member (unknown, "from_the_future", "kept");
  charter_document_set_unknown_members (document, "", unknown);
  return document;
}

static char *
recovery_file (const char *slot)
{
  g_autofree char *name = g_strconcat (slot, ".charter", NULL);

  return g_build_filename (state_dir, "charter", "recovery", name, NULL);
}

static void
test_recovery_cycle (void)
{
  g_autoptr(CharterDocument) untitled = make_document ("Untitled work");
  g_autoptr(CharterDocument) named = make_document ("Named work");
  g_autoptr(GFile) original = g_file_new_for_path ("/home/someone/plans/history.charter");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) slots = NULL;
  g_autofree char *older = recovery_file ("window-1");
  struct utimbuf times;

  charter_document_set_file (named, original);

  g_assert_true (charter_recovery_write (untitled, "window-1", &error));
  g_assert_no_error (error);
  g_assert_true (charter_recovery_write (named, "window-2", &error));
  g_assert_no_error (error);

  /* window-1 is older. */
  times.actime = times.modtime = time (NULL) - 60;
  g_assert_cmpint (g_utime (older, &times), ==, 0);

  slots = charter_recovery_list_slots ();
  g_assert_cmpuint (g_strv_length (slots), ==, 2);
  g_assert_cmpstr (slots[0], ==, "window-2");
  g_assert_cmpstr (slots[1], ==, "window-1");

  {
    g_autoptr(CharterDocument) recovered = charter_recovery_load ("window-2", &error);
    g_autoptr(CharterTask) task = NULL;
    JsonObject *unknown;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_no_error (error);
    g_assert_true (charter_document_get_modified (recovered));
    g_assert_nonnull (charter_document_get_file (recovered));
    g_assert_true (g_file_equal (charter_document_get_file (recovered), original));
    task = g_list_model_get_item (charter_document_get_tasks (recovered), 0);
    g_assert_cmpstr (charter_task_get_name (task), ==, "Named work");

    /* The original location stays out of the document's own members. */
    unknown = charter_document_get_unknown_members (recovered, "");
    g_assert_nonnull (unknown);
    g_assert_cmpuint (json_object_get_size (unknown), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (unknown, "from_the_future"), ==, "kept");
    bytes = charter_file_serialize (recovered);
    g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "recovery"));
  }

  {
    g_autoptr(CharterDocument) recovered = charter_recovery_load ("window-1", &error);

    g_assert_no_error (error);
    g_assert_true (charter_document_get_modified (recovered));
    g_assert_null (charter_document_get_file (recovered));
  }

  /* Writing again replaces the copy. */
  {
    g_autoptr(CharterDocument) newer = make_document ("Even newer");
    g_autoptr(CharterDocument) recovered = NULL;
    g_autoptr(CharterTask) task = NULL;

    g_assert_true (charter_recovery_write (newer, "window-1", &error));
    recovered = charter_recovery_load ("window-1", &error);
    g_assert_no_error (error);
    task = g_list_model_get_item (charter_document_get_tasks (recovered), 0);
    g_assert_cmpstr (charter_task_get_name (task), ==, "Even newer");
  }

  charter_recovery_discard ("window-1");
  charter_recovery_discard ("window-2");
  charter_recovery_discard ("never-written");
  g_clear_pointer (&slots, g_strfreev);
  slots = charter_recovery_list_slots ();
  g_assert_cmpuint (g_strv_length (slots), ==, 0);

  {
    g_autoptr(CharterDocument) gone = charter_recovery_load ("window-1", &error);

    g_assert_null (gone);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_recovery_slot_names (void)
{
  g_autoptr(CharterDocument) document = make_document ("x");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) slots = NULL;
  g_autofree char *escaped = g_build_filename (state_dir, "charter", "escape.charter", NULL);

  /* A slot never names a path outside the recovery folder. */
  g_assert_true (charter_recovery_write (document, "../escape", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  slots = charter_recovery_list_slots ();
  g_assert_cmpuint (g_strv_length (slots), ==, 1);
  charter_recovery_discard ("../escape");
  g_clear_pointer (&slots, g_strfreev);
  slots = charter_recovery_list_slots ();
  g_assert_cmpuint (g_strv_length (slots), ==, 0);
}

/* A crash while a copy was written leaves "SLOT.charter.XXXXXX": listing
 * the slots removes an old one, keeps a fresh one (a copy being written),
 * and neither is a slot. */
static void
test_recovery_stale_temporaries (void)
{
  g_autoptr(CharterDocument) document = make_document ("x");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) slots = NULL;
  g_autofree char *old = g_build_filename (state_dir, "charter", "recovery", "dead.charter.Ab12Cd", NULL);
  g_autofree char *fresh = g_build_filename (state_dir, "charter", "recovery", "live.charter.Xy34Zw", NULL);
  struct utimbuf times = { 0 };

  g_assert_true (charter_recovery_write (document, "slot", &error));
  g_assert_true (g_file_set_contents (old, "{", 1, NULL));
  g_assert_true (g_file_set_contents (fresh, "{", 1, NULL));
  times.actime = times.modtime = time (NULL) - 3600;
  g_assert_cmpint (g_utime (old, &times), ==, 0);

  slots = charter_recovery_list_slots ();
  g_assert_cmpuint (g_strv_length (slots), ==, 1);
  g_assert_cmpstr (slots[0], ==, "slot");
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_unlink (fresh);
  charter_recovery_discard ("slot");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GLib reads the state folder for the first time. */
  state_dir = g_dir_make_tmp ("charter-state-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/io/recovery/cycle", test_recovery_cycle);
  g_test_add_func ("/io/recovery/slot-names", test_recovery_slot_names);
  g_test_add_func ("/io/recovery/stale-temporaries", test_recovery_stale_temporaries);
  status = g_test_run ();

  remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
