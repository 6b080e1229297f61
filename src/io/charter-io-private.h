/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-io-private.h: what the reader, the writer and the recovery copies
 * share inside src/io. Not installed, not for other layers. */

#pragma once

#include "charter-file.h"

G_BEGIN_DECLS

/* Limits of what Charter opens (docs/file-format.md). */
#define CHARTER_FILE_MAX_SIZE  (256 * 1024 * 1024)
#define CHARTER_FILE_MAX_DEPTH 64

/* The top-level member a recovery copy adds: the URI of the file it recovers. */
#define CHARTER_RECOVERY_ORIGINAL_MEMBER "charter_recovery_of"

/* The member name of a property: its name with '-' replaced by '_'. */
char            *charter_io_member_name      (const char       *property_name);

/* charter_item_list_properties(), cached per type, with the member name of
 * each property in @members (optional); all (transfer none). */
GParamSpec     **charter_io_list_properties  (GType              item_type,
                                              guint             *n_properties,
                                              const char * const **members);

/* The collection ("tasks", "needs", …) whose ids the property @property of
 * @owner holds, or %NULL when it holds no reference. */
const char      *charter_io_reference_target (GType              owner,
                                              const char        *property);
GListModel      *charter_io_get_collection   (CharterDocument   *document,
                                              const char        *name);

/* The value the member of @pspec takes when @item's file leaves it out, when
 * that follows from the item's other members (a risk's probability from its
 * likelihood): %TRUE with @value (uninitialised before) set. %FALSE when a
 * missing member means the property's default. charter-derived.c. */
gboolean         charter_io_derived_default  (CharterItem       *item,
                                              GParamSpec        *pspec,
                                              GValue            *value);

/* Writes @document in canonical form; @extra (nullable) adds top-level
 * members after the known ones and before the unknown ones. */
GBytes          *charter_writer_serialize    (CharterDocument  *document,
                                              JsonObject       *extra);

/* Reads a document from @data (which need not end with a NUL byte);
 * stops with G_IO_ERROR_CANCELLED between items once @cancellable is. */
CharterDocument *charter_reader_parse        (const char       *data,
                                              gsize             length,
                                              const char       *display_name,
                                              GCancellable     *cancellable,
                                              GError          **error);

G_END_DECLS
