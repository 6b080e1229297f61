/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-reader.c: from the bytes of a .charter file to a document.
 *
 * Before json-glib sees anything, a flat pass checks the encoding and the
 * nesting depth (json-glib's parser recurses, so a file nested 100,000 levels
 * deep would overflow the stack). Then each item is read generically from the
 * properties its type lists, validated BEFORE any setter is called (setters
 * may g_return_if_fail on bad values, and tests run with fatal warnings), and
 * the references between collections and the dependency graph are checked.
 * Every error names the file and the line:column or member path. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "charter-io-private.h"

typedef struct
{
  const char *display_name;
  GError    **error;
  /* collection name -> (id -> position), for references and duplicates */
  GHashTable *ids;
  /* Something json-glib takes but JSON does not (a single quote, a comment,
   * an escape like "\666"), reported unless the parser finds an earlier
   * problem. */
  char       *deferred;
  int         deferred_code;
  guint       deferred_line;
  guint       deferred_column;
  /* How much of the data json-glib reads: not what follows the document
   * (json-glib would parse it, and leak it). */
  gsize       parse_length;
} Reader;

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

/* --- Before parsing ------------------------------------------------------ */

static void
line_column (const char *data,
             const char *at,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        (*column)++;
    }
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (guint k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The length of the escape at data[i] (a backslash), or 0 when JSON does
 * not allow it. json-glib takes more (octal "\666", lone surrogates "\ud800")
 * and turns them into bytes that are not UTF-8; and a NUL ("\u0000") would
 * cut the string short. */
static gsize
check_escape (const char *data,
              gsize       length,
              gsize       i)
{
  int unit, low;

  if (i + 1 >= length)
    return 0;
  if (strchr ("\"\\/bfnrt", data[i + 1]) != NULL && data[i + 1] != '\0')
    return 2;
  if (data[i + 1] != 'u' || i + 6 > length || (unit = hex_value (data + i + 2)) < 0)
    return 0;
  if (unit == 0 || (unit >= 0xdc00 && unit <= 0xdfff))
    return 0;
  if (unit < 0xd800 || unit > 0xdbff)
    return 6;
  /* A high surrogate must be followed by a low one. */
  if (i + 12 > length || data[i + 6] != '\\' || data[i + 7] != 'u' ||
      (low = hex_value (data + i + 8)) < 0xdc00 || low > 0xdfff)
    return 0;
  return 12;
}

/* Keeps the first thing json-glib would take but JSON does not. */
static void
defer (Reader     *r,
       int         code,
       const char *data,
       gsize       offset,
       char       *message)
{
  if (r->deferred != NULL)
    {
      g_free (message);
      return;
    }
  r->deferred = message;
  r->deferred_code = code;
  line_column (data, data + offset, &r->deferred_line, &r->deferred_column);
}

/* Checks the encoding and the nesting depth without recursion, the way
 * json-glib's scanner reads double-quoted strings (with \ escapes). */
static gboolean
prescan (Reader     *r,
         const char *data,
         gsize       length)
{
  const char *end = NULL;
  gboolean in_string = FALSE;
  gboolean openers_only = FALSE;
  gboolean root_closed = FALSE;
  guint depth = 0;
  guint line, column;

  if (!g_utf8_validate_len (data, length, &end))
    {
      line_column (data, end, &line, &column);
      if (end < data + length && *end == '\0')
        set_error (r, CHARTER_FILE_ERROR_ENCODING, NULL,
                   _("%u:%u: the file contains a NUL byte; it is not a text file"),
                   line, column);
      else
        set_error (r, CHARTER_FILE_ERROR_ENCODING, NULL,
                   _("%u:%u: the text is not valid UTF-8"), line, column);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (openers_only)
        {
          /* After something that is not JSON, this scan can no longer tell
           * strings from structure the way the parser will; counting every
           * opening bracket can only overestimate the depth. */
          if (c == '{' || c == '[')
            depth++;
        }
      else if (in_string)
        {
          if (c == '\\')
            {
              gsize escape_length = check_escape (data, length, i);

              if (escape_length == 0)
                {
                  gsize shown = (i + 1 < length && data[i + 1] == 'u') ? 6 : 2;
                  g_autofree char *escape = g_strndup (data + i, MIN (length - i, shown));

                  g_strcanon (escape, "\\\"/bfnrtu0123456789abcdefABCDEF", '?');
                  defer (r, CHARTER_FILE_ERROR_SYNTAX, data, i,
                         g_strdup_printf (_("“%s” is not an escape a JSON string may hold (this is not valid JSON)"),
                                          escape));
                  openers_only = TRUE;
                  continue;
                }
              i += escape_length - 1;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      else if (root_closed && !g_ascii_isspace (c))
        {
          /* json-glib stops after the first value and ignores the rest. */
          if (r->deferred == NULL)
            r->parse_length = i;
          defer (r, CHARTER_FILE_ERROR_SYNTAX, data, i,
                 g_strdup (_("there is more text after the end of the document (this is not valid JSON)")));
          openers_only = TRUE;
          continue;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '\'' || c == '/' || c == '#')
        {
          /* json-glib also takes 'single-quoted' strings and comments; JSON
           * does not. */
          defer (r, CHARTER_FILE_ERROR_SYNTAX, data, i,
                 g_strdup_printf (_("unexpected character “%c” (this is not valid JSON)"), c));
          openers_only = TRUE;
          continue;
        }
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && depth > 0)
        {
          if (--depth == 0)
            root_closed = TRUE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          gboolean integer = TRUE;

          /* json-glib reads a whole number too big for 64 bits as -1:
           * refuse it rather than take a wrong value. */
          for (i++; i < length && (g_ascii_isdigit (data[i]) || strchr ("+-.eE", data[i]) != NULL); i++)
            if (!g_ascii_isdigit (data[i]))
              integer = FALSE;
          if ((integer && i - start > 18) || !integer)
            {
              g_autofree char *number = g_strndup (data + start, MIN (i - start, 40));
              gboolean too_large;

              /* ... and a decimal beyond the range of a double as infinity,
               * which JSON cannot write back. */
              if (integer)
                too_large = !g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, NULL, NULL);
              else
                too_large = i - start <= 40 && !isfinite (g_ascii_strtod (number, NULL));
              if (i - start > 40)
                {
                  g_autofree char *whole = g_strndup (data + start, i - start);

                  too_large = integer || !isfinite (g_ascii_strtod (whole, NULL));
                }
              if (too_large)
                defer (r, CHARTER_FILE_ERROR_INVALID, data, start,
                       g_strdup_printf (_("the number %s%s is too large"), number,
                                        i - start > 40 ? "…" : ""));
            }
          i--;
          continue;
        }

      if (depth > CHARTER_FILE_MAX_DEPTH)
        {
          line_column (data, data + i, &line, &column);
          set_error (r, CHARTER_FILE_ERROR_TOO_LARGE, NULL,
                     _("%u:%u: nested more than %d levels deep; Charter does not open files like this"),
                     line, column, CHARTER_FILE_MAX_DEPTH);
          return FALSE;
        }
    }

  return TRUE;
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
          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("“%s” is not a date; dates are written YYYY-MM-DD and must exist"), s);
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
          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where, _("must be a whole number, not %g"),
                     json_node_get_double (node));
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

          for (guint i = 0; i < klass->n_values; i++)
            g_string_append_printf (known, "%s“%s”", i ? ", " : "", klass->values[i].value_nick);
          where = member_path (path, member);
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("“%s” is not one of %s"), json_node_get_string (node), known->str);
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
              where = g_strdup_printf ("%s.%s[%u]", path, member, i);
              set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                         _("“%s” is not a day of the week (monday … sunday)"), nicks[i]);
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

  if (id == NULL || id[0] == '\0')
    return TRUE;
  if (ids != NULL && g_hash_table_contains (ids, id))
    return TRUE;

  set_error (r, CHARTER_FILE_ERROR_INVALID, where,
             /* Translators: "refers to “t9”, but plan.tasks has no item with that id" */
             _("refers to “%s”, but %s.%s has no item with that id"), id,
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
          set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                     _("task “%s” cannot depend on itself"), predecessor);
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
            set_error (r, CHARTER_FILE_ERROR_INVALID, where,
                       _("“%s” is not a date; dates are written YYYY-MM-DD and must exist"),
                       holidays[i]);
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

/* Reads a list of items of the store's item type into @store. @ids receives
 * id -> position (1-based) and catches duplicates. */
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

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
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
          set_error (r, CHARTER_FILE_ERROR_INVALID, id_where,
                     _("the id “%s” is used twice (also by %s[%u])"),
                     id, path, GPOINTER_TO_UINT (previous) - 1);
          return FALSE;
        }

      item = g_object_new (type, "id", id, NULL);
      if (!read_item (r, object, item, where))
        return FALSE;

      g_hash_table_insert (ids, (gpointer) charter_item_get_id (item), GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

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

                  /* The cycle is w -> ... -> v -> w along the parents. */
                  for (guint u = v; ; u = parent[u])
                    {
                      g_ptr_array_insert (names, 0, GUINT_TO_POINTER (u));
                      if (u == w)
                        break;
                    }
                  g_ptr_array_add (names, GUINT_TO_POINTER (w));
                  for (guint k = 0; k < names->len; k++)
                    {
                      g_autoptr(CharterItem) task =
                        g_list_model_get_item (tasks, GPOINTER_TO_UINT (names->pdata[k]));

                      g_string_append_printf (cycle, "%s“%s”", k ? " → " : "",
                                              charter_item_get_display_name (task));
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

/* The section @name of @root in @section (NULL when there is none); FALSE
 * when it is there but not an object. */
static gboolean
get_section (Reader      *r,
             JsonObject  *root,
             const char  *name,
             JsonObject **section)
{
  JsonNode *node = json_object_get_member (root, name);

  *section = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, name, _("must be an object, not %s"),
                 node_type_name (node));
      return FALSE;
    }
  *section = json_node_get_object (node);
  return TRUE;
}

static void
keep_unknown (CharterDocument    *document,
              const char         *section,
              JsonObject         *object,
              const char * const *known)
{
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, name, json_node_copy (node));
    }
  charter_document_set_unknown_members (document, section, unknown);
}

static gboolean
read_collections (Reader           *r,
                  CharterDocument  *document,
                  JsonObject       *section,
                  const char       *section_name,
                  const Collection *collections,
                  guint             n_collections)
{
  for (guint i = 0; i < n_collections; i++)
    {
      JsonNode *node = json_object_get_member (section, collections[i].member);
      GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *path = g_strdup_printf ("%s.%s", section_name, collections[i].member);

      g_hash_table_insert (r->ids, (gpointer) collections[i].member, ids);
      if (node == NULL)
        continue;
      if (!read_items (r, node, G_LIST_STORE (collections[i].get (document)), path, ids))
        return FALSE;

      /* The items hold what they need now (unknown members by reference):
       * let this part of the tree go before the next collection is built,
       * so that the tree and the whole model are never in memory at once. */
      json_object_remove_member (section, collections[i].member);
    }
  return TRUE;
}

static gboolean
read_single (Reader      *r,
             JsonObject  *parent,
             const char  *member,
             CharterItem *item,
             const char  *path)
{
  JsonNode *node = json_object_get_member (parent, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, path, _("must be an object, not %s"),
                 node_type_name (node));
      return FALSE;
    }
  return read_item (r, json_node_get_object (node), item, path);
}

static CharterDocument *
read_document (Reader     *r,
               JsonNode   *root_node)
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
  JsonObject *root;
  JsonObject *section;
  JsonNode *node;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      set_error (r, CHARTER_FILE_ERROR_NOT_CHARTER, NULL,
                 _("this is JSON, but not a Charter document: it holds %s where a Charter document has an object"),
                 node_type_name (root_node));
      return NULL;
    }
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !holds (node, G_TYPE_STRING) ||
      strcmp (json_node_get_string (node), "charter") != 0)
    {
      set_error (r, CHARTER_FILE_ERROR_NOT_CHARTER, NULL,
                 _("this is JSON, but not a Charter document: its “format” member is not “charter”"));
      return NULL;
    }

  node = json_object_get_member (root, "version");
  if (node == NULL)
    {
      set_error (r, CHARTER_FILE_ERROR_INVALID, NULL, _("the member “version” is missing"));
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
      keep_unknown (document, "discovery", section, discovery_known);
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
      keep_unknown (document, "plan", section, plan_known);
      if (!check_cycles (r, document))
        return NULL;
    }

  keep_unknown (document, "", root, top_known);

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

static void
prefix_parse_error (Reader *r,
                    GError *parse_error)
{
  /* json-glib says "<data>:3:15: Parse error: ..."; keep line:column, drop "<data>". */
  const char *message = parse_error->message;

  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>:");
  set_error (r, CHARTER_FILE_ERROR_SYNTAX, NULL, _("%s (this is not valid JSON)"), message);
}

static CharterDocument *
parse (const char  *data,
       gsize        length,
       char       **owned_data,
       const char  *display_name,
       GError     **error)
{
  Reader r = { display_name ? display_name : _("document"), error, NULL, NULL, 0, 0, 0, length };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  CharterDocument *document;
  gsize i;

  if (length > CHARTER_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (CHARTER_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      set_error (&r, CHARTER_FILE_ERROR_TOO_LARGE, NULL,
                 _("the file is %s; Charter opens documents up to %s"), size, limit);
      return NULL;
    }

  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      set_error (&r, CHARTER_FILE_ERROR_SYNTAX, NULL, _("the file is empty"));
      return NULL;
    }

  if (!prescan (&r, data, length))
    {
      g_free (r.deferred);
      return NULL;
    }

  /* Mutable, so that read_collections() can free each part once it is read. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) r.parse_length, &parse_error))
    {
      guint line = 0, column = 0;

      /* Whichever problem comes first in the file. */
      if (r.deferred == NULL ||
          (sscanf (parse_error->message, "<data>:%u:%u:", &line, &column) == 2 &&
           (line < r.deferred_line || (line == r.deferred_line && column < r.deferred_column))))
        prefix_parse_error (&r, parse_error);
      else
        set_error (&r, r.deferred_code, NULL, "%u:%u: %s",
                   r.deferred_line, r.deferred_column, r.deferred);
      g_free (r.deferred);
      return NULL;
    }
  if (r.deferred != NULL)
    {
      set_error (&r, r.deferred_code, NULL, "%u:%u: %s",
                 r.deferred_line, r.deferred_column, r.deferred);
      g_free (r.deferred);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      set_error (&r, CHARTER_FILE_ERROR_SYNTAX, NULL, _("the file is empty"));
      return NULL;
    }

  /* The tree holds copies of everything now; the text can go before the
   * model is built, which is when memory peaks on a large plan. */
  if (owned_data != NULL)
    g_clear_pointer (owned_data, g_free);

  document = read_document (&r, json_parser_get_root (parser));
  g_clear_pointer (&r.ids, g_hash_table_unref);

  return document;
}

CharterDocument *
charter_reader_parse (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  return parse (data, length, NULL, display_name, error);
}

CharterDocument *
charter_reader_parse_owned (char        *data,
                            gsize        length,
                            const char  *display_name,
                            GError     **error)
{
  CharterDocument *document = parse (data, length, &data, display_name, error);

  g_free (data);

  return document;
}
