/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-writer.c: the canonical form of a .charter file.
 *
 * Generic over the model: every item is written from the properties
 * charter_item_list_properties() lists, in that order, so that a new property
 * in the model is saved without a change here. The output is pretty-printed
 * with two spaces, one object a line block, members in a fixed order; the
 * same document always gives the same bytes, so that git diffs stay small and
 * saving an unchanged document changes nothing. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <math.h>
#include <string.h>

#include "charter-io-private.h"

typedef struct
{
  GString         *out;
  CharterDocument *document;
} Writer;

static void write_node (Writer *w, JsonNode *node, guint level);

char *
charter_io_member_name (const char *property_name)
{
  char *name = g_strdup (property_name);

  g_strdelimit (name, "-", '_');
  return name;
}

typedef struct
{
  GParamSpec **pspecs;
  guint        n_pspecs;
  char       **members;
} PropertyList;

G_LOCK_DEFINE_STATIC (property_lists);

GParamSpec **
charter_io_list_properties (GType                item_type,
                            guint               *n_properties,
                            const char * const **members)
{
  static GHashTable *lists = NULL;
  PropertyList *list;

  /* Listing and sorting the properties of 10,000 tasks one by one is a third
   * of the time of a save; the list of a type never changes. */
  G_LOCK (property_lists);
  if (lists == NULL)
    lists = g_hash_table_new (NULL, NULL);
  list = g_hash_table_lookup (lists, GSIZE_TO_POINTER (item_type));
  if (list == NULL)
    {
      list = g_new0 (PropertyList, 1);
      list->pspecs = charter_item_list_properties (item_type, &list->n_pspecs);
      list->members = g_new0 (char *, list->n_pspecs + 1);
      for (guint i = 0; i < list->n_pspecs; i++)
        list->members[i] = charter_io_member_name (list->pspecs[i]->name);
      g_hash_table_insert (lists, GSIZE_TO_POINTER (item_type), list);
    }
  G_UNLOCK (property_lists);

  *n_properties = list->n_pspecs;
  if (members != NULL)
    *members = (const char * const *) list->members;
  return list->pspecs;
}

static void
write_indent (Writer *w,
              guint   level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (w->out, "  ");
}

static void
write_string (Writer     *w,
              const char *s)
{
  const char *p;

  g_string_append_c (w->out, '"');
  for (p = s ? s : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (w->out, "\\\""); break;
        case '\\': g_string_append (w->out, "\\\\"); break;
        case '\n': g_string_append (w->out, "\\n"); break;
        case '\r': g_string_append (w->out, "\\r"); break;
        case '\t': g_string_append (w->out, "\\t"); break;
        case '\b': g_string_append (w->out, "\\b"); break;
        case '\f': g_string_append (w->out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (w->out, "\\u%04x", c);
          else
            g_string_append_c (w->out, (char) c);
        }
    }
  g_string_append_c (w->out, '"');
}

static void
write_double (Writer *w,
              double  value)
{
  /* The shortest form that reads back as the same double. Any number of up
   * to 15 significant digits (DBL_DIG) prints exactly as itself with %.15g,
   * so only 16 and 17 digits need trying after that. */
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinity; the reader refuses numbers that would be one. */
  if (!isfinite (value))
    {
      g_string_append (w->out, "null");
      return;
    }
  /* Not "-0" for a negative zero: that reads back as the whole number 0,
   * and the next save would write "0". */
  if (value == 0)
    {
      g_string_append_c (w->out, '0');
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (w->out, buf);
}

/* Opens a member: the separator from the previous one, the indent, the name. */
static void
begin_member (Writer     *w,
              gboolean   *first,
              guint       level,
              const char *name)
{
  g_string_append (w->out, *first ? "\n" : ",\n");
  *first = FALSE;
  write_indent (w, level);
  write_string (w, name);
  g_string_append (w->out, ": ");
}

static void
end_object (Writer   *w,
            gboolean  empty,
            guint     level)
{
  if (empty)
    {
      g_string_append_c (w->out, '}');
      return;
    }
  g_string_append_c (w->out, '\n');
  write_indent (w, level);
  g_string_append_c (w->out, '}');
}

/* Writes @members, but not those @except (nullable) has: a member is
 * never written twice. */
static void
write_unknown_members (Writer     *w,
                       JsonObject *members,
                       JsonObject *except,
                       gboolean   *first,
                       guint       level)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (members == NULL)
    return;

  json_object_iter_init_ordered (&iter, members);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (except != NULL && json_object_has_member (except, name))
        continue;
      begin_member (w, first, level, name);
      write_node (w, node, level);
    }
}

static gboolean
node_is_scalar (JsonNode *node)
{
  return !JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node);
}

/* Any JSON value (members this version of Charter does not know). */
static void
write_node (Writer   *w,
            JsonNode *node,
            guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_double (w, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
        else
          write_string (w, json_node_get_string (node));
      }
      break;

    case JSON_NODE_OBJECT:
      {
        gboolean first = TRUE;

        g_string_append_c (w->out, '{');
        write_unknown_members (w, json_node_get_object (node), NULL, &first, level + 1);
        end_object (w, first, level);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        gboolean all_scalar = TRUE;

        for (guint i = 0; i < n && all_scalar; i++)
          all_scalar = node_is_scalar (json_array_get_element (array, i));

        g_string_append_c (w->out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (all_scalar)
              g_string_append (w->out, i == 0 ? "" : ", ");
            else
              {
                g_string_append (w->out, i == 0 ? "\n" : ",\n");
                write_indent (w, level + 1);
              }
            write_node (w, json_array_get_element (array, i), level + 1);
          }
        if (!all_scalar && n > 0)
          {
            g_string_append_c (w->out, '\n');
            write_indent (w, level);
          }
        g_string_append_c (w->out, ']');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Whether @value is worth a member: required ones always are; others only
 * when they differ from the default (or from the value a missing member
 * follows from the others, charter-derived.c) and are not an empty string
 * or list. */
static gboolean
should_write (CharterItem  *item,
              GParamSpec   *pspec,
              const GValue *value)
{
  g_auto(GValue) derived = G_VALUE_INIT;

  if (pspec->flags & CHARTER_PARAM_REQUIRED)
    return TRUE;

  if (charter_io_derived_default (item, pspec, &derived))
    return g_param_values_cmp (pspec, value, &derived) != 0;

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *s = g_value_get_string (value);
      return s != NULL && s[0] != '\0';
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);
      return strv != NULL && strv[0] != NULL;
    }

  return !g_param_value_defaults (pspec, value);
}

static void write_item (Writer *w, CharterItem *item, guint level, gboolean singleton);

static gboolean
reference_exists (Writer     *w,
                  const char *target,
                  const char *id)
{
  GListModel *collection = charter_io_get_collection (w->document, target);

  return collection != NULL && charter_document_find (w->document, collection, id) != NULL;
}

/* A reference to an item that is gone (a deleted task still named by a
 * risk) is not written: everything Charter writes, Charter can open. */
static void
drop_dangling_references (Writer       *w,
                          CharterItem  *item,
                          GParamSpec   *pspec,
                          GValue       *value)
{
  const char *target = charter_io_reference_target (G_OBJECT_TYPE (item), pspec->name);

  if (target == NULL)
    return;

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *id = g_value_get_string (value);

      if (id != NULL && id[0] != '\0' && !reference_exists (w, target, id))
        g_value_set_string (value, NULL);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *ids = g_value_get_boxed (value);
      g_autoptr(GStrvBuilder) builder = NULL;

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        if (!reference_exists (w, target, ids[i]))
          break;
        else if (ids[i + 1] == NULL)
          return;   /* all there: the common case, no copy */

      if (ids == NULL)
        return;
      builder = g_strv_builder_new ();
      for (guint i = 0; ids[i] != NULL; i++)
        if (reference_exists (w, target, ids[i]))
          g_strv_builder_add (builder, ids[i]);
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
}

/* Dependencies, baseline entries and check-in statuses mean nothing without
 * the tasks they name: they are left out when one is gone. */
static gboolean
item_is_orphan (Writer      *w,
                CharterItem *item)
{
  if (CHARTER_IS_DEPENDENCY (item))
    {
      const char *predecessor = charter_dependency_get_predecessor (CHARTER_DEPENDENCY (item));
      const char *successor = charter_dependency_get_successor (CHARTER_DEPENDENCY (item));

      return predecessor == NULL || successor == NULL ||
             !reference_exists (w, "tasks", predecessor) || !reference_exists (w, "tasks", successor);
    }
  if (CHARTER_IS_BASELINE_ENTRY (item))
    {
      const char *task = charter_baseline_entry_get_task_id (CHARTER_BASELINE_ENTRY (item));
      return task == NULL || !reference_exists (w, "tasks", task);
    }
  if (CHARTER_IS_TASK_STATUS (item))
    {
      const char *task = charter_task_status_get_task_id (CHARTER_TASK_STATUS (item));
      return task == NULL || !reference_exists (w, "tasks", task);
    }
  return FALSE;
}

static void
write_items (Writer     *w,
             GListModel *list,
             guint       level)
{
  guint n = g_list_model_get_n_items (list);
  guint written = 0;

  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterItem) item = g_list_model_get_item (list, i);

      if (item_is_orphan (w, item))
        continue;
      g_string_append (w->out, written++ == 0 ? "\n" : ",\n");
      write_indent (w, level + 1);
      write_item (w, item, level + 1, FALSE);
    }
  if (written > 0)
    {
      g_string_append_c (w->out, '\n');
      write_indent (w, level);
    }
  g_string_append_c (w->out, ']');
}

static void
write_value (Writer       *w,
             GParamSpec   *pspec,
             const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    write_string (w, g_value_get_string (value));
  else if (type == G_TYPE_INT)
    g_string_append_printf (w->out, "%d", g_value_get_int (value));
  else if (type == G_TYPE_UINT)
    g_string_append_printf (w->out, "%u", g_value_get_uint (value));
  else if (type == G_TYPE_INT64)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
  else if (type == G_TYPE_DOUBLE)
    write_double (w, g_value_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (w->out, g_value_get_boolean (value) ? "true" : "false");
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (value));
      write_string (w, ev ? ev->value_nick : "");
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      guint flags = g_value_get_flags (value);
      gboolean first = TRUE;

      /* In declaration order (Monday first), never the "none" value. */
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < klass->n_values; i++)
        {
          GFlagsValue *fv = &klass->values[i];

          if (fv->value == 0 || (flags & fv->value) != fv->value)
            continue;
          g_string_append (w->out, first ? "" : ", ");
          first = FALSE;
          write_string (w, fv->value_nick);
        }
      g_string_append_c (w->out, ']');
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      g_string_append_c (w->out, '[');
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          g_string_append (w->out, i == 0 ? "" : ", ");
          write_string (w, strv[i]);
        }
      g_string_append_c (w->out, ']');
    }
  else
    g_string_append (w->out, "null");
}

static void
write_item_members (Writer      *w,
                    CharterItem *item,
                    gboolean    *first,
                    guint        level,
                    gboolean     singleton)
{
  GParamSpec **pspecs;
  const char * const *members;
  guint n_pspecs;

  pspecs = charter_io_list_properties (G_OBJECT_TYPE (item), &n_pspecs, &members);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      const char *member = members[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      /* The spec and the calendar have a fixed id: nothing to store. */
      if (singleton && pspec->owner_type == CHARTER_TYPE_ITEM)
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (item), pspec->name, &value);

      if (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_LIST_MODEL))
        {
          GListModel *list = g_value_get_object (&value);

          if (list == NULL || g_list_model_get_n_items (list) == 0)
            continue;
          begin_member (w, first, level, member);
          write_items (w, list, level);
          continue;
        }

      if (!(pspec->flags & G_PARAM_WRITABLE) && pspec->owner_type != CHARTER_TYPE_ITEM)
        continue;
      drop_dangling_references (w, item, pspec, &value);
      if (!should_write (item, pspec, &value))
        continue;

      begin_member (w, first, level, member);
      write_value (w, pspec, &value);
    }

  write_unknown_members (w, charter_item_get_unknown_members (item), NULL, first, level);
}

static void
write_item (Writer      *w,
            CharterItem *item,
            guint        level,
            gboolean     singleton)
{
  gboolean first = TRUE;

  g_string_append_c (w->out, '{');
  write_item_members (w, item, &first, level + 1, singleton);
  end_object (w, first, level);
}

typedef struct
{
  const char *member;
  GListModel *(*get) (CharterDocument *document);
} Collection;

static void
write_section (Writer           *w,
               CharterDocument  *document,
               gboolean         *first,
               const char       *section,
               CharterItem      *leading_item,
               const char       *leading_member,
               const Collection *collections,
               guint             n_collections)
{
  gboolean section_first = TRUE;

  begin_member (w, first, 1, section);
  g_string_append_c (w->out, '{');
  if (leading_item != NULL)
    {
      begin_member (w, &section_first, 2, leading_member);
      write_item (w, leading_item, 2, TRUE);
    }
  for (guint i = 0; i < n_collections; i++)
    {
      begin_member (w, &section_first, 2, collections[i].member);
      write_items (w, collections[i].get (document), 2);
    }
  write_unknown_members (w, charter_document_get_unknown_members (document, section),
                         NULL, &section_first, 2);
  end_object (w, section_first, 1);
}

GBytes *
charter_writer_serialize (CharterDocument *document,
                          JsonObject      *extra)
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
  Writer w = { g_string_sized_new (64 * 1024), document };
  gboolean first = TRUE;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  g_string_append_c (w.out, '{');
  begin_member (&w, &first, 1, "format");
  write_string (&w, "charter");
  begin_member (&w, &first, 1, "version");
  g_string_append_printf (w.out, "%d", CHARTER_FILE_FORMAT_VERSION);

  write_section (&w, document, &first, "discovery", NULL, NULL,
                 discovery, G_N_ELEMENTS (discovery));

  begin_member (&w, &first, 1, "spec");
  {
    gboolean spec_first = TRUE;

    g_string_append_c (w.out, '{');
    write_item_members (&w, CHARTER_ITEM (charter_document_get_spec (document)),
                        &spec_first, 2, TRUE);
    end_object (&w, spec_first, 1);
  }

  write_section (&w, document, &first, "plan",
                 CHARTER_ITEM (charter_document_get_calendar (document)), "calendar",
                 plan, G_N_ELEMENTS (plan));

  /* A recovery copy of a document opened from a recovery copy has the
   * recovery member twice: its own (in @extra) counts. */
  write_unknown_members (&w, extra, NULL, &first, 1);
  write_unknown_members (&w, charter_document_get_unknown_members (document, ""), extra, &first, 1);
  end_object (&w, FALSE, 0);
  g_string_append_c (w.out, '\n');

  return g_string_free_to_bytes (w.out);
}
