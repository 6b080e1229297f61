/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-file.h: reading and writing .charter files (JSON, format version 1,
 * docs/file-format.md). Loading never replaces anything on failure; saving is
 * atomic and keeps the previous version as a backup. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_FILE_ERROR (charter_file_error_quark ())

typedef enum
{
  CHARTER_FILE_ERROR_SYNTAX,            /* not JSON, with line and column */
  CHARTER_FILE_ERROR_NOT_CHARTER,       /* JSON, but not a Charter document */
  CHARTER_FILE_ERROR_INVALID,           /* a member has the wrong type, value or reference; names its path */
  CHARTER_FILE_ERROR_TOO_LARGE,         /* bigger than Charter opens, or nested too deep */
  CHARTER_FILE_ERROR_ENCODING,          /* not UTF-8, with line and column */
  CHARTER_FILE_ERROR_CHANGED_ON_DISK,   /* someone else changed the file since it was opened */
  CHARTER_FILE_ERROR_READ_ONLY,         /* the document may not be saved over (newer version) */
} CharterFileError;

/* The file format version this Charter reads and writes. */
#define CHARTER_FILE_FORMAT_VERSION 1
#define CHARTER_FILE_MIME_TYPE "application/x-charter+json"

GQuark           charter_file_error_quark    (void);

/* Loading. Errors are sentences naming the file and the line and column or
 * the member path ("workout.charter: plan.tasks[3].duration: ..."). A file of
 * a newer version loads read-only with charter_document_get_read_only_reason()
 * saying why. @etag (nullable) receives the tag of the contents read
 * (their SHA-256), for the save that follows. */
CharterDocument *charter_file_load           (GFile            *file,
                                              char            **etag,
                                              GCancellable     *cancellable,
                                              GError          **error);
CharterDocument *charter_file_load_bytes     (GBytes           *bytes,
                                              const char       *display_name,
                                              GError          **error);
void             charter_file_load_async     (GFile            *file,
                                              GCancellable     *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer          user_data);
CharterDocument *charter_file_load_finish    (GAsyncResult     *result,
                                              char            **etag,
                                              GError          **error);

/* Writing. The canonical form: pretty-printed, stable member order, so that
 * saving an unchanged document gives byte-identical output. */
GBytes          *charter_file_serialize      (CharterDocument  *document);

/* Replaces @file by @bytes atomically (a temporary file beside it, every
 * write checked, synced, renamed into place; on failure @file is untouched
 * and the message says so). Tags are the SHA-256 of a version's contents:
 * with @expected_etag, fails with CHANGED_ON_DISK when the contents on disk
 * differ from it, even if the modification time was kept. */
gboolean         charter_file_write_atomic   (GFile            *file,
                                              GBytes           *bytes,
                                              gboolean          backup,
                                              const char       *expected_etag,
                                              char            **new_etag,
                                              GCancellable     *cancellable,
                                              GError          **error);
/* Removes what interrupted saves of @file left beside it (only Charter's own
 * temporary files of that document, and only old ones); returns how many. */
guint            charter_file_remove_stale_temporaries (GFile *file);

/* Atomic save with a backup of the previous version ("plan.charter~").
 * With @expected_etag (nullable), fails with CHANGED_ON_DISK when the file on
 * disk is no longer the one that was loaded. Does not mark the document saved:
 * the caller does, so that edits made during an async save are not lost. */
gboolean         charter_file_save           (CharterDocument  *document,
                                              GFile            *file,
                                              const char       *expected_etag,
                                              char            **new_etag,
                                              GCancellable     *cancellable,
                                              GError          **error);
void             charter_file_save_async     (CharterDocument  *document,
                                              GFile            *file,
                                              const char       *expected_etag,
                                              GCancellable     *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer          user_data);
gboolean         charter_file_save_finish    (GAsyncResult     *result,
                                              char            **new_etag,
                                              GError          **error);

G_END_DECLS
