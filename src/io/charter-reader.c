/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-reader.c: from the bytes of a .charter file to a document.
 *
 * The text is checked first, whole (charter-json-text.c: strict JSON,
 * nesting depth, numbers that fit), so that a syntax error anywhere is
 * reported as such. Then the document is read one item at a time: each
 * item's JSON is built, read generically from the properties its type
 * lists, validated BEFORE any setter is called (setters may g_return_if_fail
 * on bad values, and tests run with fatal warnings), and freed before the
 * next, so that the JSON of the whole file is never in memory at once.
 * Last, the references between collections and the dependency graph are
 * checked. Every error names the file and the line:column or member path. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "charter-io-private.h"
#include "charter-json-text.h"

typedef struct
{
  const char            *display_name;
  GError               **error;
  const CharterJsonText *text;
  /* collection name -> (id -> position), for references and duplicates */
  GHashTable            *ids;
  /* Where the item being read starts in the text (G_MAXSIZE: not known,
   * as for items inside items), to quote what the file says. */
  gsize                  item_offset;
  /* Checked between items: a cancelled open stops reading a big file. */
  GCancellable          *cancellable;
  /* Every list is read: a reference to a list not there names nothing. */
  gboolean               forward_done;
} Reader;

/* The members of an object of the text, in their order, not yet built. */
typedef struct
{
  char  *name;
  gsize  value_offset;
} Member;

static gboolean read_items (Reader *r, JsonNode *node, GListStore *store,
                            const char *path, GHashTable *ids);

static void
set_error (Reader     *r,
           int         code,
           const char *path,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (Reader     *r,
           int         code,
           const char *path,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && path[0] != '\0')
    g_set_error (r->error, CHARTER_FILE_ERROR, code, "%s: %s: %s",
                 r->display_name, path, message);
  else
    g_set_error (r->error, CHARTER_FILE_ERROR, code, "%s: %s",
                 r->display_name, message);
}

static const char *
node_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY:  return _("a list");
    case JSON_NODE_NULL:   return _("null");
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return _("a string");
        if (type == G_TYPE_BOOLEAN)
          return _("true or false");
        return _("a number");
      }
    }
}

/* --- Values -------------------------------------------------------------- */

static gboolean
is_valid_date (const char *s)
{
  guint year, month, day;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (s, NULL, 10);
  month = (guint) g_ascii_strtoull (s + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (s + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static char *
member_path (const char *path,
             const char *member)
{
  return g_strconcat (path, ".", member, NULL);
}

/* @value as a message shows it: cut short when it is longer than a message
 * can show (a paragraph pasted into a date, say). */
static char *
shown (const char *value)
{
  const glong limit = 60;
  const char *end = value;

  for (glong n = 0; *end != '\0' && n < limit; n++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (value);
  return g_strdup_printf ("%.*s…", (int) (end - value), value);
}

/* The number at @offset of the text as the file writes it ("5.0", "1e2"). */
static char *
number_text (Reader *r,
             gsize   offset)
{
  const char *start = r->text->data + offset;
  gsize n = strspn (start, "+-0123456789.eE");
  g_autofree char *literal = g_strndup (start, n);

  return shown (literal);
}

/* The number @member of the item being read as the file writes it, or as
 * %g writes it when that is not known. */
static char *
member_number_text (Reader     *r,
                    const char *member,
                    JsonNode   *node)
{
  if (r->item_offset != G_MAXSIZE)
    {
      CharterJsonIter iter;
      gsize name_offset, value_offset;
      char *name;

      charter_json_iter_init (&iter, r->text, r->item_offset);
      while (charter_json_iter_next_member (&iter, &name, &name_offset, &value_offset))
        {
          gboolean found = g_strcmp0 (name, member) == 0;

          g_free (name);
          if (found)
            return number_text (r, value_offset);
        }
    }
  return g_strdup_printf ("%g", json_node_get_double (node));
}

static gboolean
expect_type (Reader     *r,
             JsonNode   *node,
             gboolean    ok,
             const char *path,
             const char *member,
             const char *wanted)
{
  g_autofree char *where = NULL;

  if (ok)
    return TRUE;

  where = member_path (path, member);
  set_error (r, CHARTER_FILE_ERROR_INVALID, where,
             /* Translators: "must be a whole number, not a string" */
             _("must be %s, not %s"), wanted, node_type_name (node));
  return FALSE;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_strv (Reader     *r,
           JsonNode   *node,
           const char *path,
           const char *member,
           GStrvBuilder *builder)
{
  JsonArray *array;
  guint n;

  if (!expect_type (r, node, JSON_NODE_HOLDS_ARRAY (node), path, member, _("a list of strings")))
    return FALSE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds (element, G_TYPE_STRING))
        {
          g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, member, i);

          set_error (r, CHARTER_FILE_ERROR_INVALID, where, _("must be a string, not %s"),
                     node_type_name (element));
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return TRUE;
}

/* Reads @node into @value (initialised to the pspec's type), checking type,
 * range, enum nick and date form. */
static gboolean
read_value (Reader     *r,
            GParamSpec *pspec,
            JsonNode   *node,
            const char *path,
            const char *member,
            GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_autofree char *where = NULL;

  if (type == G_TYPE_STRING)
    {
      const char *s;

      if (!expect_type (r, node, holds (node, G_TYPE_STRING), path, member, _("a string")))
        return FALSE;
      s = json_node_get_string (node);
      if ((pspec->flags & CHARTER_PARAM_DATE) && s[0] != '\0' && !is_valid_date (s))
        {
          g_autofree char *bad = shown (s);

          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("“%s” is not a date; dates are written YYYY-MM-DD and must exist"), bad);
          return FALSE;
        }
      g_value_set_string (value, s[0] != '\0' ? s : NULL);
      return TRUE;
    }

  if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      gint64 v;

      if (holds (node, G_TYPE_DOUBLE))
        {
          g_autofree char *bad = member_number_text (r, member, node);

          where = member_path (path, member);
          /* 1e2 is 100, but JSON reads it as a decimal, as it does 2.0:
           * the message quotes what the file says, not "not 5". */
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("must be a whole number written without a decimal point or an exponent, not “%s”"),
                     bad);
          return FALSE;
        }
      if (!expect_type (r, node, holds (node, G_TYPE_INT64), path, member, _("a whole number")))
        return FALSE;
      v = json_node_get_int (node);
      if (v < ispec->minimum || v > ispec->maximum)
        {
          /* The number is formatted apart: xgettext cannot read a
           * G_GINT64_FORMAT inside a translatable string. */
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, v);

          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("%s is out of range; it must be between %d and %d"),
                     number, ispec->minimum, ispec->maximum);
          return FALSE;
        }
      g_value_set_int (value, (int) v);
      return TRUE;
    }

  if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
      double v;

      if (!expect_type (r, node, holds (node, G_TYPE_INT64) || holds (node, G_TYPE_DOUBLE),
                        path, member, _("a number")))
        return FALSE;
      v = holds (node, G_TYPE_INT64) ? (double) json_node_get_int (node) : json_node_get_double (node);
      if (!(v >= dspec->minimum && v <= dspec->maximum))
        {
          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("%g is out of range; it must be between %g and %g"),
                     v, dspec->minimum, dspec->maximum);
          return FALSE;
        }
      g_value_set_double (value, v);
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      if (!expect_type (r, node, holds (node, G_TYPE_BOOLEAN), path, member, _("true or false")))
        return FALSE;
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    }

  if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      GEnumValue *ev;

      if (!expect_type (r, node, holds (node, G_TYPE_STRING), path, member, _("a string")))
        return FALSE;
      ev = g_enum_get_value_by_nick (klass, json_node_get_string (node));
      if (ev == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);
          g_autofree char *bad = shown (json_node_get_string (node));

          for (guint i = 0; i < klass->n_values; i++)
            g_string_append_printf (known, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);
          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("“%s” is not one of %s"), bad, known->str);
          return FALSE;
        }
      g_value_set_enum (value, ev->value);
      return TRUE;
    }

  if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) nicks = NULL;
      guint flags = 0;

      if (!read_strv (r, node, path, member, builder))
        return FALSE;
      nicks = g_strv_builder_end (builder);
      for (guint i = 0; nicks[i] != NULL; i++)
        {
          GFlagsValue *fv = g_flags_get_value_by_nick (klass, nicks[i]);

          if (fv == NULL)
            {
              g_autofree char *bad = shown (nicks[i]);

              where = g_strdup_printf ("%s.%s[%u]", path, member, i);
              set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                         _("“%s” is not a day of the week (monday … sunday)"), bad);
              return FALSE;
            }
          flags |= fv->value;
        }
      g_value_set_flags (value, flags);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (!read_strv (r, node, path, member, builder))
        return FALSE;
      g_value_take_boxed (value, g_strv_builder_end (builder));
      return TRUE;
    }

  /* A type the format does not know how to store: keep it as an unknown. */
  return TRUE;
}

/* --- Items --------------------------------------------------------------- */

static const char *
collection_path (const char *target)
{
  if (g_str_equal (target, "participants") || g_str_equal (target, "interviews") ||
      g_str_equal (target, "insights") || g_str_equal (target, "needs"))
    return "discovery";
  return "plan";
}

static gboolean
check_reference (Reader     *r,
                 const char *target,
                 const char *id,
                 const char *where)
{
  GHashTable *ids = g_hash_table_lookup (r->ids, target);
  g_autofree char *bad = NULL;

  if (id == NULL || id[0] == '\0')
    return TRUE;
  /* A list not read yet (the spec's decisions name scope changes of the
   * plan): check_forward_references() checks it at the end. */
  if (ids == NULL && !r->forward_done)
    return TRUE;
  if (ids != NULL && g_hash_table_contains (ids, id))
    return TRUE;

  bad = shown (id);
  set_error (r, CHARTER_FILE_ERROR_INVALID, where,
             /* Translators: "refers to “t9”, but plan.tasks has no item with that id" */
             _("refers to “%s”, but %s.%s has no item with that id"), bad,
             collection_path (target), target);
  return FALSE;
}

static gboolean
check_references (Reader       *r,
                  CharterItem  *item,
                  GParamSpec   *pspec,
                  const GValue *value,
                  const char   *path,
                  const char   *member)
{
  const char *target = charter_io_reference_target (G_OBJECT_TYPE (item), pspec->name);
  g_autofree char *where = NULL;

  if (target == NULL)
    return TRUE;

  if (G_VALUE_HOLDS_STRING (value))
    {
      where = member_path (path, member);
      return check_reference (r, target, g_value_get_string (value), where);
    }

  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          g_free (where);
          where = g_strdup_printf ("%s.%s[%u]", path, member, i);
          if (!check_reference (r, target, strv[i], where))
            return FALSE;
        }
    }

  return TRUE;
}

/* Rules that involve more than one member of an item. */
static gboolean
check_item (Reader      *r,
            CharterItem *item,
            const char  *path)
{
  if (CHARTER_IS_COMMITMENT (item))
    {
      const char *start = charter_commitment_get_start (CHARTER_COMMITMENT (item));
      const char *finish = charter_commitment_get_finish (CHARTER_COMMITMENT (item));

      if (start != NULL && finish != NULL && strcmp (finish, start) < 0)
        {
          g_autofree char *where = member_path (path, "finish");
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("the commitment finishes (%s) before it starts (%s)"), finish, start);
          return FALSE;
        }
    }
  else if (CHARTER_IS_INSIGHT (item))
    {
      int start = charter_insight_get_start (CHARTER_INSIGHT (item));
      int end = charter_insight_get_end (CHARTER_INSIGHT (item));

      if ((start < 0) != (end < 0) || end < start)
        {
          g_autofree char *where = member_path (path, "end");
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("the passage %d–%d is not a range of the notes; give both start and end, with start ≤ end, or neither"),
                     start, end);
          return FALSE;
        }
    }
  else if (CHARTER_IS_DEPENDENCY (item))
    {
      const char *predecessor = charter_dependency_get_predecessor (CHARTER_DEPENDENCY (item));
      const char *successor = charter_dependency_get_successor (CHARTER_DEPENDENCY (item));

      if (predecessor == NULL || successor == NULL)
        {
          set_error (r, CHARTER_FILE_ERROR_INVALID, path,
                     _("a dependency needs both a predecessor and a successor"));
          return FALSE;
        }
      if (strcmp (predecessor, successor) == 0)
        {
          g_autofree char *where = member_path (path, "successor");
          g_autofree char *task = shown (predecessor);

          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("task “%s” cannot depend on itself"), task);
          return FALSE;
        }
    }
  else if (CHARTER_IS_TASK_STATUS (item) || CHARTER_IS_BASELINE_ENTRY (item))
    {
      /* Both are about one task; a save leaves one without a task out, so
       * taking it here would lose what it says without a word. */
      const char *task = CHARTER_IS_TASK_STATUS (item)
                         ? charter_task_status_get_task_id (CHARTER_TASK_STATUS (item))
                         : charter_baseline_entry_get_task_id (CHARTER_BASELINE_ENTRY (item));

      if (task == NULL)
        {
          g_autofree char *where = member_path (path, "task_id");

          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     CHARTER_IS_TASK_STATUS (item)
                     ? _("a check-in status must name the task it is about")
                     : _("a baseline entry must name the task it is about"));
          return FALSE;
        }
    }
  else if (CHARTER_IS_CALENDAR (item))
    {
      const char * const *holidays = charter_calendar_get_holidays (CHARTER_CALENDAR (item));

      for (guint i = 0; holidays != NULL && holidays[i] != NULL; i++)
        if (!is_valid_date (holidays[i]))
          {
            g_autofree char *where = g_strdup_printf ("%s.holidays[%u]", path, i);
            g_autofree char *bad = shown (holidays[i]);

            set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                       _("“%s” is not a date; dates are written YYYY-MM-DD and must exist"), bad);
            return FALSE;
          }
    }

  return TRUE;
}

/* Sets the members of @object on @item; the id is set at construction. */
static gboolean
read_item (Reader      *r,
           JsonObject  *object,
           CharterItem *item,
           const char  *path)
{
  GParamSpec **pspecs;
  const char * const *members;
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint n_pspecs;
  guint n_known = 0;

  pspecs = charter_io_list_properties (G_OBJECT_TYPE (item), &n_pspecs, &members);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      const char *member = members[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      node = json_object_get_member (object, member);
      if (node != NULL)
        n_known++;
      if (pspec->owner_type == CHARTER_TYPE_ITEM)
        continue;   /* the id, already set */

      if (node == NULL)
        {
          if (pspec->flags & CHARTER_PARAM_REQUIRED)
            {
              set_error (r, CHARTER_FILE_ERROR_INVALID, path,
                         _("the member “%s” is missing"), member);
              return FALSE;
            }
          continue;
        }

      if (g_type_is_a (type, G_TYPE_LIST_MODEL))
        {
          g_autoptr(GListModel) list = NULL;
          g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
          g_autofree char *where = member_path (path, member);

          g_object_get (item, pspec->name, &list, NULL);
          if (!G_IS_LIST_STORE (list))
            continue;
          if (!read_items (r, node, G_LIST_STORE (list), where, ids))
            return FALSE;
          continue;
        }

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, type);
      if (!read_value (r, pspec, node, path, member, &value))
        return FALSE;
      if (!check_references (r, item, pspec, &value, path, member))
        return FALSE;
      g_object_set_property (G_OBJECT (item), pspec->name, &value);
    }

  /* Members a file leaves out that follow from the others (a risk's
   * probability from its likelihood), now that the others are set. */
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) derived = G_VALUE_INIT;

      if (json_object_has_member (object, members[i]))
        continue;
      if (charter_io_derived_default (item, pspecs[i], &derived))
        g_object_set_property (G_OBJECT (item), pspecs[i]->name, &derived);
    }

  /* Members this version does not know are kept, in their order. */
  if (n_known < json_object_get_size (object))
    {
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (g_strv_contains (members, name))
            continue;
          if (unknown == NULL)
            unknown = json_object_new ();
          json_object_set_member (unknown, name, json_node_copy (node));
        }
      charter_item_set_unknown_members (item, unknown);
    }

  return check_item (r, item, path);
}

/* Reads @element, the @i-th of a list of items of @type at @path, onto the
 * end of @items. @ids receives id -> position (1-based) and catches
 * duplicates. */
static gboolean
read_element (Reader     *r,
              JsonNode   *element,
              guint       i,
              GType       type,
              const char *path,
              GHashTable *ids,
              GPtrArray  *items)
{
  g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
  g_autoptr(CharterItem) item = NULL;
  JsonObject *object;
  JsonNode *id_node;
  const char *id;
  gpointer previous;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, where, _("must be an object, not %s"),
                 node_type_name (element));
      return FALSE;
    }
  object = json_node_get_object (element);
  id_node = json_object_get_member (object, "id");
  if (id_node == NULL)
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, where, _("the member “id” is missing"));
      return FALSE;
    }
  if (!expect_type (r, id_node, holds (id_node, G_TYPE_STRING), where, "id", _("a string")))
    return FALSE;
  id = json_node_get_string (id_node);
  if (id[0] == '\0')
    {
      g_autofree char *id_where = member_path (where, "id");
      set_error (r, CHARTER_FILE_ERROR_INVALID, id_where, _("an id cannot be empty"));
      return FALSE;
    }
  if (g_hash_table_lookup_extended (ids, id, NULL, &previous))
    {
      g_autofree char *id_where = member_path (where, "id");
      g_autofree char *bad = shown (id);

      set_error (r, CHARTER_FILE_ERROR_INVALID, id_where,
                 _("the id “%s” is used twice (also by %s[%u])"),
                 bad, path, GPOINTER_TO_UINT (previous) - 1);
      return FALSE;
    }

  item = g_object_new (type, "id", id, NULL);
  if (!read_item (r, object, item, where))
    return FALSE;

  g_hash_table_insert (ids, (gpointer) charter_item_get_id (item), GUINT_TO_POINTER (i + 1));
  g_ptr_array_add (items, g_steal_pointer (&item));
  return TRUE;
}

/* Reads a list of items of the store's item type, inside an item (a team's
 * commitments, say), into @store. */
static gboolean
read_items (Reader     *r,
            JsonNode   *node,
            GListStore *store,
            const char *path,
            GHashTable *ids)
{
  GType type = g_list_model_get_item_type (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  gsize outer_offset;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, path, _("must be a list, not %s"),
                 node_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);
  outer_offset = r->item_offset;
  r->item_offset = G_MAXSIZE;
  for (guint i = 0; i < n; i++)
    if (!read_element (r, json_array_get_element (array, i), i, type, path, ids, items))
      return FALSE;
  r->item_offset = outer_offset;

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  return TRUE;
}

/* --- The text ------------------------------------------------------------ */

static const char *
text_type_name (Reader *r,
                gsize   offset)
{
  switch (r->text->data[offset])
    {
    case '{': return _("an object");
    case '[': return _("a list");
    case 'n': return _("null");
    case '"': return _("a string");
    case 't':
    case 'f': return _("true or false");
    default:  return _("a number");
    }
}

static void
set_duplicate_error (Reader *r,
                     gsize   name_offset)
{
  g_autoptr(JsonNode) name = charter_json_text_build (r->text, name_offset, NULL, NULL);
  g_autofree char *bad = shown (json_node_get_string (name));
  guint line, column;

  charter_json_text_position (r->text, name_offset, &line, &column);
  set_error (r, CHARTER_FILE_ERROR_INVALID, NULL,
             _("%u:%u: the member “%s” appears twice in the same object, so it is not clear which one counts"),
             line, column, bad);
}

/* The value at @offset, built; %NULL (with the error set) when an object in
 * it names a member twice. */
static JsonNode *
build_at (Reader *r,
          gsize   offset)
{
  gsize duplicate = 0;
  JsonNode *node = charter_json_text_build (r->text, offset, NULL, &duplicate);

  if (node == NULL)
    set_duplicate_error (r, duplicate);
  return node;
}

static void
member_free (gpointer data)
{
  Member *member = data;

  g_free (member->name);
  g_free (member);
}

/* The members of the object at @offset, in their order. When one is named
 * twice, @duplicate_offset (if not NULL) is where the second name starts,
 * else G_MAXSIZE; without @duplicate_offset that is an error (set, and
 * %NULL returned). */
static GPtrArray *
read_members (Reader *r,
              gsize   offset,
              gsize  *duplicate_offset)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (member_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gsize duplicate = G_MAXSIZE;
  CharterJsonIter iter;
  char *name;
  gsize name_offset, value_offset;

  charter_json_iter_init (&iter, r->text, offset);
  while (charter_json_iter_next_member (&iter, &name, &name_offset, &value_offset))
    {
      Member *member = g_new (Member, 1);

      member->name = name;
      member->value_offset = value_offset;
      g_ptr_array_add (members, member);
      if (!g_hash_table_add (names, name) && duplicate == G_MAXSIZE)
        duplicate = name_offset;
    }

  if (duplicate_offset != NULL)
    *duplicate_offset = duplicate;
  else if (duplicate != G_MAXSIZE)
    {
      set_duplicate_error (r, duplicate);
      return NULL;
    }
  return g_steal_pointer (&members);
}

/* Where the value of the member @name starts, or G_MAXSIZE. */
static gsize
find_member (GPtrArray  *members,
             const char *name)
{
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = members->pdata[i];

      if (strcmp (member->name, name) == 0)
        return member->value_offset;
    }
  return G_MAXSIZE;
}

/* Reads the list of items at @offset into @store, building one item's JSON
 * at a time. */
static gboolean
read_collection (Reader     *r,
                 gsize       offset,
                 GListStore *store,
                 const char *path,
                 GHashTable *ids)
{
  GType type = g_list_model_get_item_type (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CharterJsonIter iter;
  gsize element_offset;
  guint i = 0;

  if (charter_json_text_node_type (r->text, offset) != JSON_NODE_ARRAY)
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, path, _("must be a list, not %s"),
                 text_type_name (r, offset));
      return FALSE;
    }

  charter_json_iter_init (&iter, r->text, offset);
  while (charter_json_iter_next_element (&iter, &element_offset))
    {
      gsize duplicate = 0;
      g_autoptr(JsonNode) element = charter_json_iter_build (&iter, &duplicate);

      if (element == NULL)
        {
          set_duplicate_error (r, duplicate);
          return FALSE;
        }
      r->item_offset = element_offset;
      if (g_cancellable_set_error_if_cancelled (r->cancellable, r->error))
        return FALSE;
      if (!read_element (r, element, i++, type, path, ids, items))
        return FALSE;
    }
  r->item_offset = G_MAXSIZE;

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  return TRUE;
}

/* --- The dependency graph ------------------------------------------------ */

static gboolean
check_cycles (Reader          *r,
              CharterDocument *document)
{
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *deps = charter_document_get_dependencies (document);
  GHashTable *task_ids = g_hash_table_lookup (r->ids, "tasks");
  guint n_tasks = g_list_model_get_n_items (tasks);
  guint n_deps = g_list_model_get_n_items (deps);
  g_autofree guint *first_edge = g_new0 (guint, n_tasks + 1);
  g_autofree guint *edges = g_new (guint, MAX (n_deps, 1));
  g_autofree guint *fill = NULL;
  g_autofree guint8 *color = g_new0 (guint8, n_tasks);   /* 0 new, 1 on stack, 2 done */
  g_autofree guint *parent = g_new (guint, MAX (n_tasks, 1));
  g_autofree guint *next_edge = g_new (guint, MAX (n_tasks, 1));
  g_autofree guint *stack = g_new (guint, MAX (n_tasks, 1));

  /* Adjacency in compressed rows: successors of task i are
   * edges[first_edge[i] .. first_edge[i+1]). Task positions are 1-based in
   * the id table. */
  for (guint i = 0; i < n_deps; i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (task_ids, charter_dependency_get_predecessor (dep))) - 1;

      first_edge[from + 1]++;
    }
  for (guint i = 0; i < n_tasks; i++)
    first_edge[i + 1] += first_edge[i];
  fill = g_memdup2 (first_edge, sizeof (guint) * (n_tasks + 1));
  for (guint i = 0; i < n_deps; i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (task_ids, charter_dependency_get_predecessor (dep))) - 1;
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (task_ids, charter_dependency_get_successor (dep))) - 1;

      edges[fill[from]++] = to;
    }

  /* Depth-first search with an explicit stack: a grey successor closes a cycle. */
  for (guint root = 0; root < n_tasks; root++)
    {
      guint top = 0;

      if (color[root] != 0)
        continue;

      stack[top++] = root;
      color[root] = 1;
      next_edge[root] = first_edge[root];
      parent[root] = G_MAXUINT;

      while (top > 0)
        {
          guint v = stack[top - 1];

          if (next_edge[v] < first_edge[v + 1])
            {
              guint w = edges[next_edge[v]++];

              if (color[w] == 0)
                {
                  color[w] = 1;
                  parent[w] = v;
                  next_edge[w] = first_edge[w];
                  stack[top++] = w;
                }
              else if (color[w] == 1)
                {
                  g_autoptr(GPtrArray) names = g_ptr_array_new ();
                  g_autoptr(GString) cycle = g_string_new (NULL);

                  /* The cycle is w -> ... -> v -> w along the parents:
                   * collected backwards, then read forwards. */
                  g_ptr_array_add (names, GUINT_TO_POINTER (w));
                  for (guint u = v; ; u = parent[u])
                    {
                      g_ptr_array_add (names, GUINT_TO_POINTER (u));
                      if (u == w)
                        break;
                    }
                  /* A circle through thousands of tasks is shown by its
                   * first and last few: the message goes in a dialog. */
                  for (guint k = names->len; k-- > 0;)
                    {
                      const guint shown_each_end = 5;
                      guint step = names->len - 1 - k;
                      g_autoptr(CharterItem) task = NULL;
                      g_autofree char *name = NULL;

                      if (names->len > 2 * shown_each_end + 1 && step == shown_each_end)
                        {
                          guint hidden = names->len - 2 * shown_each_end;

                          g_string_append (cycle, " → ");
                          g_string_append_printf (cycle,
                                                  g_dngettext (GETTEXT_PACKAGE, "… %u more task …",
                                                               "… %u more tasks …", hidden),
                                                  hidden);
                          k = shown_each_end;
                          continue;
                        }
                      task = g_list_model_get_item (tasks, GPOINTER_TO_UINT (names->pdata[k]));
                      name = shown (charter_item_get_display_name (task));
                      if (step > 0)
                        g_string_append (cycle, " → ");
                      /* Translators: a name, quoted */
                      g_string_append_printf (cycle, _("“%s”"), name);
                    }
                  set_error (r, CHARTER_FILE_ERROR_INVALID, "plan.dependencies",
                             _("the dependencies go round in a circle, so no task in it can ever start: %s"),
                             cycle->str);
                  return FALSE;
                }
            }
          else
            {
              color[v] = 2;
              top--;
            }
        }
    }

  return TRUE;
}

/* --- The document -------------------------------------------------------- */

typedef struct
{
  const char  *member;
  GListModel *(*get) (CharterDocument *document);
} Collection;

/* The members of the section @name of @root in @section (NULL when there
 * is none); FALSE when it is there but not an object. */
static gboolean
get_section (Reader      *r,
             GPtrArray   *root,
             const char  *name,
             GPtrArray  **section)
{
  gsize offset = find_member (root, name);

  *section = NULL;
  if (offset == G_MAXSIZE)
    return TRUE;
  if (charter_json_text_node_type (r->text, offset) != JSON_NODE_OBJECT)
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, name, _("must be an object, not %s"),
                 text_type_name (r, offset));
      return FALSE;
    }
  *section = read_members (r, offset, NULL);
  return *section != NULL;
}

/* Keeps the members of @members this version does not know, in their order,
 * for the next save. */
static gboolean
keep_unknown (Reader             *r,
              CharterDocument    *document,
              const char         *section,
              GPtrArray          *members,
              const char * const *known)
{
  g_autoptr(JsonObject) unknown = NULL;

  for (guint i = 0; i < members->len; i++)
    {
      Member *member = members->pdata[i];
      JsonNode *node;

      if (g_strv_contains (known, member->name))
        continue;
      node = build_at (r, member->value_offset);
      if (node == NULL)
        return FALSE;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, member->name, node);
    }
  charter_document_set_unknown_members (document, section, unknown);
  return TRUE;
}

static gboolean
read_collections (Reader           *r,
                  CharterDocument  *document,
                  GPtrArray        *section,
                  const char       *section_name,
                  const Collection *collections,
                  guint             n_collections)
{
  for (guint i = 0; i < n_collections; i++)
    {
      gsize offset = find_member (section, collections[i].member);
      GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *path = g_strdup_printf ("%s.%s", section_name, collections[i].member);

      g_hash_table_insert (r->ids, (gpointer) collections[i].member, ids);
      if (offset == G_MAXSIZE)
        continue;
      if (!read_collection (r, offset, G_LIST_STORE (collections[i].get (document)), path, ids))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_single (Reader      *r,
             GPtrArray   *parent,
             const char  *member,
             CharterItem *item,
             const char  *path)
{
  gsize offset = find_member (parent, member);
  g_autoptr(JsonNode) node = NULL;

  if (offset == G_MAXSIZE)
    return TRUE;
  if (charter_json_text_node_type (r->text, offset) != JSON_NODE_OBJECT)
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, path, _("must be an object, not %s"),
                 text_type_name (r, offset));
      return FALSE;
    }
  node = build_at (r, offset);
  if (node == NULL)
    return FALSE;
  return read_item (r, json_node_get_object (node), item, path);
}

/* References to a list read later than the item that makes them: the
 * decisions of the spec answer scope changes of the plan. */
static gboolean
check_forward_references (Reader          *r,
                          CharterDocument *document)
{
  GListModel *decisions = charter_spec_get_decisions (charter_document_get_spec (document));

  r->forward_done = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(CharterDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *where = g_strdup_printf ("spec.decisions[%u].scope_change_id", i);

      if (!check_reference (r, "scope_changes", charter_decision_get_scope_change_id (decision), where))
        return FALSE;
    }
  return TRUE;
}

static CharterDocument *
read_document (Reader *r,
               gsize   root_offset)
{
  static const Collection discovery[] = {
    { "participants", charter_document_get_participants },
    { "interviews", charter_document_get_interviews },
    { "insights", charter_document_get_insights },
    { "needs", charter_document_get_needs },
  };
  static const Collection plan[] = {
    { "teams", charter_document_get_teams },
    { "tasks", charter_document_get_tasks },
    { "dependencies", charter_document_get_dependencies },
    { "risks", charter_document_get_risks },
    { "baselines", charter_document_get_baselines },
    { "check_ins", charter_document_get_check_ins },
    { "scope_changes", charter_document_get_scope_changes },
  };
  static const char * const top_known[] = { "format", "version", "discovery", "spec", "plan", NULL };
  static const char * const discovery_known[] = { "participants", "interviews", "insights", "needs", NULL };
  static const char * const plan_known[] = { "calendar", "teams", "tasks", "dependencies", "risks",
                                             "baselines", "check_ins", "scope_changes", NULL };
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(GPtrArray) root = NULL;
  g_autoptr(GPtrArray) section = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize offset, duplicate;
  gint64 version;

  if (charter_json_text_node_type (r->text, root_offset) != JSON_NODE_OBJECT)
    {
      set_error (r, CHARTER_FILE_ERROR_NOT_CHARTER, NULL,
                 _("this is JSON, but not a Charter document: it holds %s where a Charter document has an object"),
                 text_type_name (r, root_offset));
      return NULL;
    }
  /* Whether it is a Charter document at all comes first: another program's
   * JSON with a name twice is not a Charter document, whatever else. */
  root = read_members (r, root_offset, &duplicate);
  offset = find_member (root, "format");
  if (offset != G_MAXSIZE && charter_json_text_node_type (r->text, offset) == JSON_NODE_VALUE)
    node = build_at (r, offset);
  if (node == NULL || !holds (node, G_TYPE_STRING) ||
      strcmp (json_node_get_string (node), "charter") != 0)
    {
      set_error (r, CHARTER_FILE_ERROR_NOT_CHARTER, NULL,
                 _("this is JSON, but not a Charter document: its “format” member is not “charter”"));
      return NULL;
    }
  g_clear_pointer (&node, json_node_unref);
  if (duplicate != G_MAXSIZE)
    {
      set_duplicate_error (r, duplicate);
      return NULL;
    }

  offset = find_member (root, "version");
  if (offset == G_MAXSIZE)
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, NULL, _("the member “version” is missing"));
      return NULL;
    }
  if ((node = build_at (r, offset)) == NULL)
    return NULL;
  if (holds (node, G_TYPE_DOUBLE))
    {
      g_autofree char *bad = number_text (r, offset);

      set_error (r, CHARTER_FILE_ERROR_INVALID, "version",
                 _("must be a whole number written without a decimal point or an exponent, not “%s”"),
                 bad);
      return NULL;
    }
  if (!holds (node, G_TYPE_INT64))
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, "version", _("must be a whole number, not %s"),
                 node_type_name (node));
      return NULL;
    }
  version = json_node_get_int (node);
  if (version < 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      set_error (r, CHARTER_FILE_ERROR_INVALID, "version",
                 _("%s is not a format version; versions start at 1"), number);
      return NULL;
    }

  document = charter_document_new ();
  r->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);

  if (!get_section (r, root, "discovery", &section))
    return NULL;
  if (section != NULL)
    {
      if (!read_collections (r, document, section, "discovery", discovery, G_N_ELEMENTS (discovery)))
        return NULL;
      if (!keep_unknown (r, document, "discovery", section, discovery_known))
        return NULL;
      g_clear_pointer (&section, g_ptr_array_unref);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (discovery); i++)
      g_hash_table_insert (r->ids, (gpointer) discovery[i].member,
                           g_hash_table_new (g_str_hash, g_str_equal));

  if (!read_single (r, root, "spec", CHARTER_ITEM (charter_document_get_spec (document)), "spec"))
    return NULL;

  if (!get_section (r, root, "plan", &section))
    return NULL;
  if (section != NULL)
    {
      if (!read_single (r, section, "calendar",
                        CHARTER_ITEM (charter_document_get_calendar (document)), "plan.calendar"))
        return NULL;
      if (!read_collections (r, document, section, "plan", plan, G_N_ELEMENTS (plan)))
        return NULL;
      if (!keep_unknown (r, document, "plan", section, plan_known))
        return NULL;
      if (!check_cycles (r, document))
        return NULL;
    }

  if (!check_forward_references (r, document))
    return NULL;
  if (!keep_unknown (r, document, "", root, top_known))
    return NULL;

  /* Loading is not an edit. */
  charter_history_clear (charter_document_get_history (document));

  if (version > CHARTER_FILE_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      g_autofree char *reason =
        g_strdup_printf (_("This file was written by a newer version of Charter (file format %s, this version reads %d). It is open read-only so that nothing in it is lost; save a copy to edit it."),
                         number, CHARTER_FILE_FORMAT_VERSION);
      charter_document_set_read_only (document, reason);
    }

  return g_steal_pointer (&document);
}

static CharterDocument *
parse (const char   *data,
       gsize         length,
       const char   *display_name,
       GCancellable *cancellable,
       GError      **error)
{
  CharterJsonText text = { data, length };
  Reader r = { display_name ? display_name : _("document"), error, &text, NULL, G_MAXSIZE, cancellable, FALSE };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  CharterDocument *document;
  const char *end = NULL;
  gsize root_offset, problem_offset;
  guint line, column;
  gsize i;

  if (length > CHARTER_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (CHARTER_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      set_error (&r, CHARTER_FILE_ERROR_TOO_LARGE, NULL,
                 _("the file is %s; Charter opens documents up to %s"), size, limit);
      return NULL;
    }

  /* Notepad's empty UTF-8 file is a lone byte order mark. */
  i = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  for (; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      set_error (&r, CHARTER_FILE_ERROR_SYNTAX, NULL, _("the file is empty"));
      return NULL;
    }

  /* Windows calls UTF-16 "Unicode": its byte order mark, or ASCII text
   * with every other byte zero. Say what it is and what to do. */
  if (length >= 2 &&
      ((data[0] == '\xff' && data[1] == '\xfe') || (data[0] == '\xfe' && data[1] == '\xff') ||
       (data[0] != '\0' && data[1] == '\0') || (data[0] == '\0' && data[1] != '\0')))
    {
      set_error (&r, CHARTER_FILE_ERROR_ENCODING, NULL,
                 _("1:1: the text is UTF-16 (what Windows calls “Unicode”), but Charter documents are UTF-8; save it as UTF-8 and open it again"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      charter_json_text_position (&text, end - data, &line, &column);
      if (end < data + length && *end == '\0')
        set_error (&r, CHARTER_FILE_ERROR_ENCODING, NULL,
                   _("%u:%u: the file contains a NUL byte; it is not a text file"),
                   line, column);
      else
        set_error (&r, CHARTER_FILE_ERROR_ENCODING, NULL,
                   _("%u:%u: the text is not valid UTF-8"), line, column);
      return NULL;
    }

  if (!charter_json_text_check (&text, CHARTER_FILE_MAX_DEPTH, &root_offset,
                                &problem, &problem_offset, &message))
    {
      charter_json_text_position (&text, problem_offset, &line, &column);
      switch (problem)
        {
        case CHARTER_JSON_PROBLEM_TOO_DEEP:
          set_error (&r, CHARTER_FILE_ERROR_TOO_LARGE, NULL,
                     _("%u:%u: nested more than %d levels deep; Charter does not open files like this"),
                     line, column, CHARTER_FILE_MAX_DEPTH);
          break;
        case CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE:
          set_error (&r, CHARTER_FILE_ERROR_INVALID, NULL, "%u:%u: %s", line, column, message);
          break;
        case CHARTER_JSON_PROBLEM_SYNTAX:
        default:
          /* Translators: "3:15: expected “:” after the member name, found “=” (this is not valid JSON)" */
          set_error (&r, CHARTER_FILE_ERROR_SYNTAX, NULL, _("%u:%u: %s (this is not valid JSON)"),
                     line, column, message);
          break;
        }
      return NULL;
    }

  document = read_document (&r, root_offset);
  g_clear_pointer (&r.ids, g_hash_table_unref);

  return document;
}

CharterDocument *
charter_reader_parse (const char   *data,
                      gsize         length,
                      const char   *display_name,
                      GCancellable *cancellable,
                      GError      **error)
{
  return parse (data, length, display_name, cancellable, error);
}
