/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-file.c: opening and saving .charter files (docs/file-format.md).
 *
 * The reader (charter-reader.c) and the writer (charter-writer.c) work on
 * bytes; this file adds what touches the disk: the size limit checked before
 * reading, entity tags, and the atomic save with a backup. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-file.h"
#include "charter-io-private.h"

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
  return charter_reader_parse (data ? data : "", length, display_name, error);
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
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
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
    }
  if (n < 0)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display_name);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  if (info != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
}

/**
 * charter_file_load:
 * @file: the file to open
 * @etag: (out) (optional) (nullable): the file's entity tag, for the save that follows
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

  document = charter_reader_parse (contents, length, display_name, error);
  if (document == NULL)
    return NULL;

  charter_document_set_file (document, file);
  charter_history_clear (charter_document_get_history (document));

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
 * @etag: (out) (optional) (nullable): the file's entity tag
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

static gboolean
write_bytes (GBytes        *bytes,
             GFile         *file,
             const char    *expected_etag,
             char         **new_etag,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *display_name = get_display_name (file);
  GError *local_error = NULL;

  /* GIO writes a temporary file beside the target, syncs it, moves the
   * previous version to "FILE~" and renames the new one into place: the
   * target is at every moment either the old file or the new one. */
  if (g_file_replace_contents (file,
                               g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               expected_etag, TRUE, G_FILE_CREATE_NONE,
                               new_etag, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      g_set_error (error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_CHANGED_ON_DISK,
                   _("%s: the file was changed by someone else since it was opened; saving would overwrite their changes"),
                   display_name);
      g_clear_error (&local_error);
      return FALSE;
    }

  g_propagate_prefixed_error (error, local_error, _("%s: could not save: "), display_name);
  return FALSE;
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
 * @expected_etag: (nullable): the entity tag seen when the file was opened
 * @new_etag: (out) (optional) (nullable): the entity tag of the saved file
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
 * @expected_etag: (nullable): the entity tag seen when the file was opened
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
 * @new_etag: (out) (optional) (nullable): the entity tag of the saved file
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
