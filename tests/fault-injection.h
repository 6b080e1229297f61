/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-injection.h: real faults for save tests, without hooks in Charter's
 * code. A full disk is a file-size limit (RLIMIT_FSIZE: write() fails part
 * way with EFBIG, as it fails with ENOSPC on a full disk), or, where the test
 * may mount (root), a small tmpfs that really fills up. A read-only folder is
 * a read-only bind mount of it for root (who may write anywhere else) and a
 * folder without write permission for everyone else. */

#pragma once

#include <errno.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

static struct rlimit fault_saved_fsize;

/* From now on no file grows past @bytes (the signal the kernel sends then is
 * ignored, so that write() returns the error instead of killing the test). */
static inline void
fault_limit_file_size (rlim_t bytes)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &fault_saved_fsize), ==, 0);
  limit = fault_saved_fsize;
  limit.rlim_cur = bytes;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static inline void
fault_unlimit_file_size (void)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &fault_saved_fsize), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
}

/* For g_spawn: the child process gets the limit (user_data: the bytes). */
static inline void
fault_limit_file_size_child_setup (gpointer user_data)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = GPOINTER_TO_SIZE (user_data);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Mounts an empty tmpfs of @kib KiB on @dir. FALSE where this process may not mount. */
static inline gboolean
fault_mount_small_tmpfs (const char *dir,
                         guint       kib)
{
  g_autofree char *options = g_strdup_printf ("size=%uk", kib);

  return geteuid () == 0 && mount ("tmpfs", dir, "tmpfs", 0, options) == 0;
}

static inline void
fault_unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

typedef enum { FAULT_NONE, FAULT_BIND_MOUNT, FAULT_CHMOD } FaultReadOnly;

/* Makes @dir read-only for this process. FAULT_NONE when it cannot. */
static inline FaultReadOnly
fault_make_read_only (const char *dir)
{
  if (geteuid () != 0)
    return g_chmod (dir, 0500) == 0 ? FAULT_CHMOD : FAULT_NONE;

  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0)
    return FAULT_NONE;
  if (mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
    {
      umount2 (dir, MNT_DETACH);
      return FAULT_NONE;
    }
  return FAULT_BIND_MOUNT;
}

static inline void
fault_undo_read_only (const char    *dir,
                      FaultReadOnly  how)
{
  if (how == FAULT_BIND_MOUNT)
    fault_unmount (dir);
  else if (how == FAULT_CHMOD)
    g_chmod (dir, 0700);
}

static inline int
fault_compare_names (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir other than @keep (NULL-terminated), sorted, one string. */
static inline char *
fault_other_files (const char         *dir,
                   const char * const *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (!g_strv_contains (keep, name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, fault_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
