/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-recovery.c: recovery copies in the user's state folder.
 *
 * A copy is an ordinary .charter file named after its slot, plus one
 * top-level member, "charter_recovery_of", holding the URI of the file the
 * document came from; loading takes that member out again so that it never
 * reaches the real file. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "charter-recovery.h"
#include "charter-io-private.h"

#define RECOVERY_SUFFIX ".charter"

static char *
get_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "charter", "recovery", NULL);
}

/* A slot becomes a file name: anything but letters, digits, '-' and '_' is
 * replaced, so that a slot can never name a path outside the folder. */
static char *
get_recovery_path (const char *slot)
{
  g_autofree char *dir = get_recovery_dir ();
  g_autofree char *safe = g_strdup (slot);
  g_autofree char *name = NULL;

  g_strcanon (safe, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", '_');
  name = g_strconcat (safe, RECOVERY_SUFFIX, NULL);
  return g_build_filename (dir, name, NULL);
}

/**
 * charter_recovery_write:
 * @document: the document to keep a copy of
 * @slot: the slot (one a window)
 * @error: return location for a #GError
 *
 * Writes a recovery copy of @document, replacing the slot's previous copy
 * atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
charter_recovery_write (CharterDocument  *document,
                        const char       *slot,
                        GError          **error)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = get_recovery_dir ();
  g_autofree char *path = NULL;
  GFile *file;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (slot != NULL && slot[0] != '\0', FALSE);

  file = charter_document_get_file (document);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      json_object_set_string_member (extra, CHARTER_RECOVERY_ORIGINAL_MEMBER, uri);
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  path = get_recovery_path (slot);
  bytes = charter_writer_serialize (document, extra);
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * charter_recovery_discard:
 * @slot: the slot
 *
 * Removes the slot's recovery copy, if there is one (after a save, or when
 * the person chose not to recover it).
 */
void
charter_recovery_discard (const char *slot)
{
  g_autofree char *path = NULL;

  g_return_if_fail (slot != NULL);

  path = get_recovery_path (slot);
  g_remove (path);
}

/* A copy being written goes to "SLOT.charter.XXXXXX" first
 * (g_file_set_contents_full); one left by a crash, older than a quarter of
 * an hour, is removed (the folder is Charter's alone). Returns whether
 * @name was such a temporary file. */
static gboolean
is_stale_temporary (const char *dir_path,
                    const char *name)
{
  const char *infix = strstr (name, RECOVERY_SUFFIX ".");
  g_autofree char *path = NULL;
  GStatBuf st;

  if (infix == NULL || strlen (infix + strlen (RECOVERY_SUFFIX ".")) != 6)
    return FALSE;
  path = g_build_filename (dir_path, name, NULL);
  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      g_get_real_time () / G_USEC_PER_SEC - (gint64) st.st_mtime > 15 * 60)
    g_unlink (path);
  return TRUE;
}

typedef struct
{
  char   *slot;
  gint64  mtime;
} Slot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *sa = a;
  const Slot *sb = b;

  if (sa->mtime != sb->mtime)
    return sa->mtime > sb->mtime ? -1 : 1;
  return g_strcmp0 (sa->slot, sb->slot);
}

/**
 * charter_recovery_list_slots:
 *
 * Returns: (transfer full): the slots that hold a recovery copy, newest first
 */
char **
charter_recovery_list_slots (void)
{
  g_autofree char *dir_path = get_recovery_dir ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      Slot slot;

      if (is_stale_temporary (dir_path, name))
        continue;
      if (!g_str_has_suffix (name, RECOVERY_SUFFIX) || name[0] == '.')
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      slot.slot = g_strndup (name, strlen (name) - strlen (RECOVERY_SUFFIX));
      slot.mtime = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
      g_array_append_val (slots, slot);
    }

  g_array_sort (slots, compare_slots);
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);
      g_strv_builder_add (builder, slot->slot);
      g_free (slot->slot);
    }

  return g_strv_builder_end (builder);
}

/**
 * charter_recovery_load:
 * @slot: the slot
 * @error: return location for a #GError
 *
 * Reads the slot's recovery copy. The document is modified (its work is not
 * saved anywhere yet) and its file is the one it came from, if any.
 *
 * Returns: (transfer full) (nullable): the recovered document
 */
CharterDocument *
charter_recovery_load (const char  *slot,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(CharterDocument) document = NULL;
  JsonObject *unknown;

  g_return_val_if_fail (slot != NULL, NULL);

  path = get_recovery_path (slot);
  copy = g_file_new_for_path (path);
  document = charter_file_load (copy, NULL, NULL, error);
  if (document == NULL)
    return NULL;

  charter_document_set_file (document, NULL);
  unknown = charter_document_get_unknown_members (document, "");
  if (unknown != NULL && json_object_has_member (unknown, CHARTER_RECOVERY_ORIGINAL_MEMBER))
    {
      g_autoptr(JsonObject) rest = json_object_new ();
      JsonNode *original = json_object_get_member (unknown, CHARTER_RECOVERY_ORIGINAL_MEMBER);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (JSON_NODE_HOLDS_VALUE (original) && json_node_get_value_type (original) == G_TYPE_STRING)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (json_node_get_string (original));
          charter_document_set_file (document, file);
        }

      json_object_iter_init_ordered (&iter, unknown);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (g_strcmp0 (name, CHARTER_RECOVERY_ORIGINAL_MEMBER) != 0)
          json_object_set_member (rest, name, json_node_copy (node));

      charter_document_set_unknown_members (document, "",
                                            json_object_get_size (rest) > 0 ? rest : NULL);
    }

  charter_history_mark_modified (charter_document_get_history (document));
  return g_steal_pointer (&document);
}
