/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-file.c: opening and saving .charter files (docs/file-format.md).
 *
 * The reader (charter-reader.c) and the writer (charter-writer.c) work on
 * bytes; this file adds what touches the disk: the size limit checked before
 * reading, the content tags (SHA-256) that notice changes made by others,
 * and the atomic save with a backup. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "charter-file.h"
#include "charter-io-private.h"

/* Temporary files of a save sit beside the document, hidden, and say what
 * they are: ".plan.charter.saving-XXXXXX". The save holds a lock (flock) on
 * its temporary file until it is renamed into place, so one that nobody
 * holds is left over from a save that never finished (kill -9, a crash, a
 * power cut) and is removed when the document is opened or saved again.
 * Where the file system has no locks, one older than a quarter of an hour
 * counts as left over. A file younger than half a second is never removed:
 * it may be a save's between creating and locking it. */
#define TEMPORARY_INFIX ".saving-"
#define STALE_TEMPORARY_SECONDS (15 * 60)
#define FRESH_TEMPORARY_USEC (G_USEC_PER_SEC / 2)

G_DEFINE_QUARK (charter-file-error-quark, charter_file_error)

static char *
get_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && g_utf8_validate (basename, -1, NULL))
    return g_steal_pointer (&basename);
  return g_file_get_parse_name (file);
}

/**
 * charter_file_load_bytes:
 * @bytes: the contents of a .charter file
 * @display_name: (nullable): how error messages name the file
 * @error: return location for a #CHARTER_FILE_ERROR
 *
 * Reads a document from memory. The document is unmodified and has no file.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CharterDocument *
charter_file_load_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return charter_reader_parse (data ? data : "", length, display_name, NULL, error);
}

/* Reads @file, but never more than Charter opens: a file that grew since
 * its size was checked is refused as soon as it passes the limit. */
static char *
read_bounded (GFile         *file,
              const char    *display_name,
              gsize         *length,
              char         **etag,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GError *local_error = NULL;
  guint8 chunk[64 * 1024];
  gssize n;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                   cancellable, &local_error)) > 0)
    {
      if (buffer->len + (gsize) n > CHARTER_FILE_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size_full (CHARTER_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %s, the most Charter opens"),
                       display_name, limit);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
      g_checksum_update (checksum, chunk, n);
    }
  if (n < 0)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }

  /* The tag is the content's hash, not the modification time: a program
   * that rewrites the file and puts its time back (cp -p, rsync -t, unzip)
   * is noticed too. */
  *etag = g_strdup (g_checksum_get_string (checksum));

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
}

/**
 * charter_file_load:
 * @file: the file to open
 * @etag: (out) (optional) (nullable): the tag of the contents read (their SHA-256), for the save that follows
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens @file. A file larger than Charter opens is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the document, with its file set
 */
CharterDocument *
charter_file_load (GFile         *file,
                   char         **etag,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *loaded_etag = NULL;
  GError *local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = get_display_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: this is a folder, not a Charter document"), display_name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: this is a device or a pipe, not a Charter document"), display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > CHARTER_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (CHARTER_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_TOO_LARGE,
                   _("%s: the file is %s; Charter opens documents up to %s"),
                   display_name, size, limit);
      return NULL;
    }

  contents = read_bounded (file, display_name, &length, &loaded_etag, cancellable, error);
  if (contents == NULL)
    return NULL;

  document = charter_reader_parse (contents, length, display_name, cancellable, error);
  if (document == NULL)
    return NULL;

  charter_document_set_file (document, file);
  charter_history_clear (charter_document_get_history (document));
  charter_file_remove_stale_temporaries (file);

  if (etag != NULL)
    *etag = g_steal_pointer (&loaded_etag);

  return g_steal_pointer (&document);
}

typedef struct
{
  CharterDocument *document;
  char            *etag;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->document);
  g_clear_pointer (&result->etag, g_free);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->document = charter_file_load (file, &result->etag, cancellable, &error);
  if (result->document == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * charter_file_load_async:
 * @file: the file to open
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is read
 * @user_data: data for @callback
 *
 * Opens @file in a worker thread; see charter_file_load().
 */
void
charter_file_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, charter_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * charter_file_load_finish:
 * @result: the #GAsyncResult given to the callback
 * @etag: (out) (optional) (nullable): the tag (SHA-256) of the contents read
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document
 */
CharterDocument *
charter_file_load_finish (GAsyncResult  *result,
                          char         **etag,
                          GError       **error)
{
  LoadResult *load_result;
  CharterDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  load_result = g_task_propagate_pointer (G_TASK (result), error);
  if (load_result == NULL)
    return NULL;

  document = g_steal_pointer (&load_result->document);
  if (etag != NULL)
    *etag = g_steal_pointer (&load_result->etag);
  load_result_free (load_result);

  return document;
}

/**
 * charter_file_serialize:
 * @document: a #CharterDocument
 *
 * Returns: (transfer full): the document in canonical form
 */
GBytes *
charter_file_serialize (CharterDocument *document)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  return charter_writer_serialize (document, NULL);
}

/* Temporary files */

static gboolean
is_stale_temporary (const char *name,
                    const char *basename)
{
  gsize prefix = strlen (basename) + 1;
  const char *suffix;

  /* ".<basename>.saving-" and the six characters g_mkstemp() fills in. */
  if (name[0] != '.' || strncmp (name + 1, basename, prefix - 1) != 0)
    return FALSE;
  if (strncmp (name + prefix, TEMPORARY_INFIX, strlen (TEMPORARY_INFIX)) != 0)
    return FALSE;

  suffix = name + prefix + strlen (TEMPORARY_INFIX);
  if (strlen (suffix) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (suffix[i]))
      return FALSE;
  return TRUE;
}

/* Whether no save holds @path: its lock can be taken (the lock is
 * released at once, before the file is removed: a save never locks a file
 * again once it has let go). Without locks, whether it is old. */
static gboolean
is_abandoned (const char     *path,
              const GStatBuf *st,
              gint64          now)
{
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  gboolean abandoned;

  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    abandoned = TRUE;
  else if (errno == EWOULDBLOCK)
    abandoned = FALSE;   /* a save under way */
  else
    abandoned = now - (gint64) st->st_mtime >= STALE_TEMPORARY_SECONDS;
  close (fd);
  return abandoned;
}

/**
 * charter_file_remove_stale_temporaries:
 * @file: a document
 *
 * Removes the temporary files that saves of @file left behind when they were
 * interrupted (".plan.charter.saving-XXXXXX" beside "plan.charter"), when
 * they are regular files of this user that no save holds locked (or, where
 * there are no locks, more than a quarter of an hour old). Nothing else is
 * touched, not even the temporary files of other documents or of a save
 * still under way.
 *
 * Returns: how many were removed
 */
guint
charter_file_remove_stale_temporaries (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now_usec = g_get_real_time ();
  gint64 now = now_usec / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  path = g_file_get_path (file);
  if (path == NULL)
    return 0;
  dirname = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  dir = g_dir_open (dirname, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *candidate = NULL;
      GStatBuf st;

      if (!is_stale_temporary (name, basename))
        continue;
      candidate = g_build_filename (dirname, name, NULL);
      if (g_lstat (candidate, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
        continue;
      if (now_usec - ((gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000) <
          FRESH_TEMPORARY_USEC)
        continue;
      if (!is_abandoned (candidate, &st, now))
        continue;
      if (g_unlink (candidate) == 0)
        removed++;
    }

  return removed;
}

/* Saving */

/* "plan.charter: could not save: No space left on device. The file was not
 * replaced: it still holds the previous version." */
static void
set_save_error (GError     **error,
                int          code,
                const char  *display_name,
                gboolean     existed,
                const char  *cause)
{
  if (existed)
    g_set_error (error, G_IO_ERROR, code,
                 _("%s: could not save: %s. The file was NOT replaced: it still holds the previous version."),
                 display_name, cause);
  else
    g_set_error (error, G_IO_ERROR, code,
                 _("%s: could not save: %s. No file was written."),
                 display_name, cause);
}

static void
set_save_error_from_errno (GError     **error,
                           int          saved_errno,
                           const char  *display_name,
                           gboolean     existed,
                           const char  *what)
{
  g_autofree char *cause = g_strdup_printf ("%s (%s)", what, g_strerror (saved_errno));

  set_save_error (error, g_io_error_from_errno (saved_errno), display_name, existed, cause);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           int          *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          return FALSE;
        }
      if (n == 0)
        {
          *saved_errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* A new, synced file holding @data in @dirname, named after @basename, with
 * the permissions of @like (nullable). Returns its path, or %NULL with
 * errno in @saved_errno and nothing left behind. In @lock_fd, a descriptor
 * holding the file's lock (see charter_file_remove_stale_temporaries()),
 * for the caller to close once the file is renamed or removed; -1 where
 * the file system has no locks. */
static char *
write_temporary (const char    *dirname,
                 const char    *basename,
                 const guint8  *data,
                 gsize          length,
                 const GStatBuf *like,
                 int           *lock_fd,
                 int           *saved_errno,
                 const char   **what)
{
  g_autofree char *name = g_strconcat (".", basename, TEMPORARY_INFIX, "XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dirname, name, NULL);
  int fd;

  *lock_fd = -1;
  *what = _("could not create a temporary file in the folder");
  fd = g_mkstemp_full (path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      *saved_errno = errno;
      return NULL;
    }
  /* The lock belongs to the open file, which a second descriptor keeps
   * open past the checked close() below. */
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    *lock_fd = fcntl (fd, F_DUPFD_CLOEXEC, 0);

  /* The new version is the same kind of file as the old one. */
  if (like != NULL)
    {
      /* Not ours to give away (another owner) is not a reason to fail. */
      if (fchown (fd, like->st_uid, like->st_gid) != 0)
        g_debug ("Could not give %s its owner: %s", path, g_strerror (errno));
      if (fchmod (fd, like->st_mode & 07777) != 0)
        g_debug ("Could not give %s its mode: %s", path, g_strerror (errno));
    }

  *what = _("writing the new version failed");
  if (!write_all (fd, data, length, saved_errno))
    goto fail;
  *what = _("writing the new version to the disk failed");
  if (fsync (fd) != 0)
    {
      *saved_errno = errno;
      goto fail;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      *saved_errno = errno;
      goto fail;
    }

  return g_steal_pointer (&path);

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (path);
  if (*lock_fd >= 0)
    close (*lock_fd);
  *lock_fd = -1;
  return NULL;
}

static void
close_lock (int lock_fd)
{
  if (lock_fd >= 0)
    close (lock_fd);
}

/* Makes "NAME~" the previous version, whole at every moment: a second name
 * of the old file (or, where the file system has no links, a synced copy)
 * under a temporary name, renamed over the old backup. */
static gboolean
make_backup (const char     *path,
             const char     *dirname,
             const char     *basename,
             const GStatBuf *st,
             int            *saved_errno)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *linked = NULL;
  const char *what;
  int link_fd = -1;

  for (guint attempt = 0; attempt < 100 && linked == NULL; attempt++)
    {
      g_autofree char *suffix = g_strdup_printf ("%06x", g_random_int_range (0, 0xffffff));
      g_autofree char *name = g_strconcat (".", basename, TEMPORARY_INFIX, suffix, NULL);
      g_autofree char *candidate = g_build_filename (dirname, name, NULL);

      if (link (path, candidate) == 0)
        {
          /* Held, as a save's temporary file is, until it is renamed. */
          link_fd = open (candidate, O_RDONLY | O_CLOEXEC);
          if (link_fd >= 0 && flock (link_fd, LOCK_EX | LOCK_NB) != 0)
            {
              close (link_fd);
              link_fd = -1;
            }
          linked = g_steal_pointer (&candidate);
        }
      else if (errno != EEXIST)
        break;
    }

  if (linked == NULL)
    {
      /* No hard links here (FAT, some network shares): copy it. */
      g_autofree char *contents = NULL;
      gsize length;
      int lock_fd;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        {
          *saved_errno = EIO;
          return FALSE;
        }

      linked = write_temporary (dirname, basename, (const guint8 *) contents, length, st,
                                &lock_fd, saved_errno, &what);
      if (linked == NULL)
        return FALSE;
      if (g_rename (linked, backup) != 0)
        {
          *saved_errno = errno;
          g_unlink (linked);
          close_lock (lock_fd);
          return FALSE;
        }
      close_lock (lock_fd);
      return TRUE;
    }

  if (g_rename (linked, backup) != 0)
    {
      *saved_errno = errno;
      g_unlink (linked);
      close_lock (link_fd);
      return FALSE;
    }
  close_lock (link_fd);
  return TRUE;
}

static gboolean
check_unchanged (const char    *path,
                 const char    *display_name,
                 const char    *expected_etag,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  contents = read_bounded (file, display_name, &length, &etag, cancellable, &local_error);
  if (contents == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;   /* deleted since: nothing of theirs to lose */
  if (contents == NULL && !g_error_matches (local_error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_TOO_LARGE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (contents != NULL && g_strcmp0 (etag, expected_etag) == 0)
    return TRUE;

  g_set_error (error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_CHANGED_ON_DISK,
               _("%s: the file was changed by someone else since it was opened; saving would overwrite their changes"),
               display_name);
  return FALSE;
}

/* For files that are not on a local disk (a GVfs share): GIO's replace,
 * but a failed write cancels the stream so that closing it does not rename
 * the half-written file into place. */
static gboolean
write_bytes_gio (GBytes        *bytes,
                 GFile         *file,
                 gboolean       backup,
                 char         **new_etag,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *display_name = get_display_name (file);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = g_cancellable_new ();
  GError *local_error = NULL;

  stream = g_file_replace (file, NULL, backup, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL, cancellable, &local_error))
    {
      if (stream != NULL)
        {
          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
        }
      set_save_error (error, local_error->code, display_name, g_file_query_exists (file, NULL),
                      local_error->message);
      g_clear_error (&local_error);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      set_save_error (error, local_error->code, display_name, g_file_query_exists (file, NULL),
                      local_error->message);
      g_clear_error (&local_error);
      return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return TRUE;
}

/**
 * charter_file_write_atomic:
 * @file: where to write
 * @bytes: the new contents
 * @backup: whether the previous version is kept as "NAME~"
 * @expected_etag: (nullable): the tag of the version the caller loaded or saved last
 * @new_etag: (out) (optional) (nullable): the tag of what was written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file by @bytes so that at every moment, even when the process is
 * killed or the disk fills, @file is either its previous version or the new
 * one, whole: the bytes go to a temporary file of Charter's own beside it
 * (".NAME.saving-XXXXXX"), every write, the sync and the close are checked,
 * and only then is it renamed over @file. On any failure @file is left as it
 * was, the temporary file is removed, and the message says that the file
 * was not replaced.
 *
 * A tag is the SHA-256 of a version's contents (charter_file_load() returns
 * the one it read). With @expected_etag, the save fails with
 * %CHARTER_FILE_ERROR_CHANGED_ON_DISK when the contents on disk are no
 * longer that version, whatever the modification time says.
 *
 * Returns: %TRUE when @file now holds @bytes
 */
gboolean
charter_file_write_atomic (GFile         *file,
                           GBytes        *bytes,
                           gboolean       backup,
                           const char    *expected_etag,
                           char         **new_etag,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *given = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temporary = NULL;
  GStatBuf st;
  gboolean existed;
  const char *what = NULL;
  int saved_errno = 0;
  int lock_fd = -1;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = get_display_name (file);
  given = g_file_get_path (file);
  if (given == NULL)
    return write_bytes_gio (bytes, file, backup, new_etag, cancellable, error);

  /* Through a symbolic link, the file it points to is replaced. */
  path = realpath (given, NULL);
  if (path == NULL)
    path = g_steal_pointer (&given);
  dirname = g_path_get_dirname (path);
  basename = g_path_get_basename (path);

  existed = g_stat (path, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    {
      set_save_error (error, S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                      display_name, FALSE, _("this is not a regular file"));
      return FALSE;
    }

  if (existed && expected_etag != NULL &&
      !check_unchanged (path, display_name, expected_etag, cancellable, error))
    return FALSE;

  charter_file_remove_stale_temporaries (file);

  temporary = write_temporary (dirname, basename, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               existed ? &st : NULL, &lock_fd, &saved_errno, &what);
  if (temporary == NULL)
    {
      set_save_error_from_errno (error, saved_errno, display_name, existed, what);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temporary);
      close_lock (lock_fd);
      return FALSE;
    }

  if (existed && backup && !make_backup (path, dirname, basename, &st, &saved_errno))
    {
      g_autofree char *backup_name = g_strconcat (basename, "~", NULL);
      g_autofree char *cause = g_strdup_printf (_("could not keep the previous version as %s"), backup_name);

      g_unlink (temporary);
      close_lock (lock_fd);
      set_save_error_from_errno (error, saved_errno, display_name, existed, cause);
      return FALSE;
    }

  if (g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      close_lock (lock_fd);
      set_save_error_from_errno (error, saved_errno, display_name, existed,
                                 _("could not put the new version in place"));
      return FALSE;
    }
  close_lock (lock_fd);

  /* The rename itself reaches the disk (best effort: not every file system
   * syncs folders). */
  {
    int dirfd = open (dirname, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dirfd >= 0)
      {
        fsync (dirfd);
        close (dirfd);
      }
  }

  if (new_etag != NULL)
    *new_etag = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return TRUE;
}

static gboolean
write_bytes (GBytes        *bytes,
             GFile         *file,
             const char    *expected_etag,
             char         **new_etag,
             GCancellable  *cancellable,
             GError       **error)
{
  return charter_file_write_atomic (file, bytes, TRUE, expected_etag, new_etag, cancellable, error);
}

static gboolean
check_writable (CharterDocument  *document,
                GFile            *file,
                GError          **error)
{
  g_autofree char *display_name = NULL;

  if (!charter_document_get_read_only (document))
    return TRUE;

  display_name = get_display_name (file);
  g_set_error (error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_READ_ONLY,
               _("%s: this document is read-only and cannot be saved over: %s"),
               display_name, charter_document_get_read_only_reason (document));
  return FALSE;
}

/**
 * charter_file_save:
 * @document: the document to save
 * @file: where to save it
 * @expected_etag: (nullable): the tag of the version loaded or saved last
 * @new_etag: (out) (optional) (nullable): the tag of what was saved
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves atomically, keeping the previous version as "FILE~". Does not mark
 * the document saved.
 *
 * Returns: %TRUE on success
 */
gboolean
charter_file_save (CharterDocument  *document,
                   GFile            *file,
                   const char       *expected_etag,
                   char            **new_etag,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (document, file, error))
    return FALSE;

  bytes = charter_writer_serialize (document, NULL);
  return write_bytes (bytes, file, expected_etag, new_etag, cancellable, error);
}

typedef struct
{
  GBytes *bytes;
  GFile  *file;
  char   *expected_etag;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->file);
  g_clear_pointer (&data->expected_etag, g_free);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  char *new_etag = NULL;
  GError *error = NULL;

  if (!write_bytes (data->bytes, data->file, data->expected_etag, &new_etag, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, new_etag, g_free);
}

/**
 * charter_file_save_async:
 * @document: the document to save
 * @file: where to save it
 * @expected_etag: (nullable): the tag of the version loaded or saved last
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Serialises @document now (edits made afterwards are not in this save) and
 * writes it in a worker thread; see charter_file_save().
 */
void
charter_file_save_async (CharterDocument     *document,
                         GFile               *file,
                         const char          *expected_etag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (CHARTER_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, charter_file_save_async);

  if (!check_writable (document, file, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->bytes = charter_writer_serialize (document, NULL);
  data->file = g_object_ref (file);
  data->expected_etag = g_strdup (expected_etag);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * charter_file_save_finish:
 * @result: the #GAsyncResult given to the callback
 * @new_etag: (out) (optional) (nullable): the tag of what was saved
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
charter_file_save_finish (GAsyncResult  *result,
                          char         **new_etag,
                          GError       **error)
{
  GError *local_error = NULL;
  char *etag;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  etag = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = etag;
  else
    g_free (etag);
  return TRUE;
}
