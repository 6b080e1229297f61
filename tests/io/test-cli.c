/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: `charter-cli validate` and `charter-cli normalize`, run as a
 * person would run them. The path of the built charter-cli is argv[1]. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "tests/fault-injection.h"

static const char *cli;
static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* With a file-size limit for the child (0: none), as a nearly full disk. */
static gsize child_file_size_limit;

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               child_file_size_limit ? fault_limit_file_size_child_setup : NULL,
                               GSIZE_TO_POINTER (child_file_size_limit),
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
example_path (void)
{
  return g_build_filename (SOURCE_EXAMPLES_DIR, "workout-history.charter", NULL);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_validate_valid (void)
{
  g_autofree char *example = example_path ();
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", example, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "workout-history.charter: valid — 12 interviews, 3 needs, 14 tasks\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_invalid (void)
{
  g_autofree char *bad = write_temp ("bad.charter",
                                     "{\"format\": \"charter\", \"version\": 1, \"plan\": {\"tasks\": "
                                     "[{\"id\": \"a\", \"name\": \"A\", \"duration\": \"three\"}]}}");
  g_autofree char *broken = write_temp ("broken.charter", "{\n\"format\": \"charter\",\n\"version\": }");
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  run_cli (&run, "validate", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "bad.charter: plan.tasks[0].duration: must be a whole number"));

  run_cli (&run2, "validate", broken, NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_nonnull (strstr (run2.err, "broken.charter: 3:"));

  run_cli (&run3, "validate", "/nonexistent/plan.charter", NULL);
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_nonnull (strstr (run3.err, "plan.charter"));
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) normalize_help = { 0 };
  g_auto(Run) bad_option = { 0 };

  run_cli (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_cli (&help, "validate", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));

  run_cli (&normalize_help, "normalize", "--help", NULL);
  g_assert_cmpint (normalize_help.status, ==, 0);
  g_assert_nonnull (strstr (normalize_help.out, "--output"));

  run_cli (&bad_option, "normalize", "--frobnicate", "x.charter", NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
}

static void
test_normalize (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *messy = write_temp ("messy.charter",
                                       "{\"plan\":{\"tasks\":[{\"duration\":2,\"name\":\"A\",\"id\":\"a\",\"notes\":\"\"}]},"
                                       "\"version\":1,\"format\":\"charter\",\"extra\":[1,2]}");
  g_autofree char *out = g_build_filename (tmp_dir, "out.charter", NULL);
  g_autofree char *out_backup = g_strconcat (out, "~", NULL);
  g_autofree char *written = NULL;
  g_auto(Run) same = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) again = { 0 };

  /* The example is already canonical. */
  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
  run_cli (&same, "normalize", example, NULL);
  g_assert_cmpint (same.status, ==, 0);
  g_assert_cmpstr (same.out, ==, contents);

  run_cli (&to_stdout, "normalize", messy, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (g_str_has_prefix (to_stdout.out, "{\n  \"format\": \"charter\",\n  \"version\": 1,\n"));
  g_assert_nonnull (strstr (to_stdout.out, "\"id\": \"a\",\n        \"name\": \"A\",\n        \"duration\": 2\n"));
  g_assert_nonnull (strstr (to_stdout.out, "\"extra\": [1, 2]\n}\n"));

  run_cli (&to_file, "normalize", messy, "-o", out, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, to_stdout.out);
  g_assert_false (g_file_test (out_backup, G_FILE_TEST_EXISTS));

  /* Normalizing in place is idempotent. */
  run_cli (&again, "normalize", out, "--output", out, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, to_stdout.out);
}

static void
test_normalize_refuses (void)
{
  g_autofree char *bad = write_temp ("cycle.charter",
                                     "{\"format\":\"charter\",\"version\":1,\"plan\":{\"tasks\":["
                                     "{\"id\":\"a\",\"name\":\"A\",\"duration\":1},{\"id\":\"b\",\"name\":\"B\",\"duration\":1}],"
                                     "\"dependencies\":[{\"id\":\"d1\",\"predecessor\":\"a\",\"successor\":\"b\"},"
                                     "{\"id\":\"d2\",\"predecessor\":\"b\",\"successor\":\"a\"}]}}");
  g_autofree char *newer = write_temp ("newer.charter", "{\"format\":\"charter\",\"version\":7}");
  g_autofree char *out = g_build_filename (tmp_dir, "never.charter", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  run_cli (&run, "normalize", bad, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "cycle.charter: plan.dependencies"));
  g_assert_nonnull (strstr (run.err, "“A” → “B” → “A”"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (&run2, "normalize", newer, NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_nonnull (strstr (run2.err, "newer version"));

  /* validate accepts it, and says it opens read-only. */
  run_cli (&run3, "validate", newer, NULL);
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_nonnull (strstr (run3.out, "read-only"));
}

/* `normalize BIG -o doc.charter` on a disk that fills up while it writes:
 * doc.charter stays the old, whole file and the message says so. (Before,
 * the truncated temporary file was renamed over it.) */
static void
test_normalize_full_disk (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *dir = g_build_filename (tmp_dir, "full", NULL);
  g_autofree char *out = g_build_filename (dir, "doc.charter", NULL);
  g_autofree char *small = g_build_filename (dir, "small.charter", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *left = NULL;
  const char * const keep[] = { "doc.charter", "small.charter", NULL };
  g_auto(Run) first = { 0 };
  g_auto(Run) full = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (small, "{\"format\":\"charter\",\"version\":1}", -1, NULL));
  run_cli (&first, "normalize", small, "-o", out, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &before, NULL, NULL));

  child_file_size_limit = 4096;   /* the example is 34 KB */
  run_cli (&full, "normalize", example, "-o", out, NULL);
  child_file_size_limit = 0;

  g_assert_true (g_file_get_contents (out, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (full.status, ==, 1);
  g_assert_nonnull (strstr (full.err, "doc.charter"));
  g_assert_nonnull (strstr (full.err, "NOT replaced"));
  left = fault_other_files (dir, keep);
  g_assert_cmpstr (left, ==, "");

  g_unlink (out);
  g_unlink (small);
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-cli PATH-TO-CHARTER-CLI");
  cli = argv[1];
  tmp_dir = g_dir_make_tmp ("charter-cli-XXXXXX", NULL);
  /* Messages in English, whatever the machine's language. */
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/cli/validate/valid", test_validate_valid);
  g_test_add_func ("/cli/validate/invalid", test_validate_invalid);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/normalize", test_normalize);
  g_test_add_func ("/cli/normalize/refuses", test_normalize_refuses);
  g_test_add_func ("/cli/normalize/full-disk", test_normalize_full_disk);
  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
