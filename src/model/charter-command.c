/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-command"

#include "config.h"

#include "charter-command.h"

typedef enum
{
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_GROUP,
} CommandKind;

struct _CharterCommand
{
  CommandKind  kind;
  char        *label;

  /* COMMAND_SET */
  GObject     *object;
  GParamSpec  *pspec;
  GValue       old_value;
  GValue       new_value;

  /* COMMAND_INSERT, COMMAND_REMOVE */
  GListStore  *store;
  guint        position;
  GObject     *item;

  /* COMMAND_GROUP */
  GPtrArray   *children;
};

static CharterCommand *
command_new (CommandKind  kind,
             const char  *label)
{
  CharterCommand *self = g_new0 (CharterCommand, 1);

  self->kind = kind;
  self->label = g_strdup (label);

  return self;
}

/* Finds @item in @store, looking first where we left it: positions shift when
 * other commands insert or remove before it, so the position is only a hint. */
static gboolean
find_item (GListStore *store,
           GObject    *item,
           guint       hint,
           guint      *position)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);

  if (hint < n)
    {
      g_autoptr(GObject) at_hint = g_list_model_get_item (model, hint);

      if (at_hint == item)
        {
          *position = hint;
          return TRUE;
        }
    }

  return g_list_store_find (store, item, position);
}

static void
insert_item (CharterCommand *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_list_store_insert (self->store, MIN (self->position, n), self->item);
}

static void
remove_item (CharterCommand *self)
{
  guint position;

  if (find_item (self->store, self->item, self->position, &position))
    {
      self->position = position;
      g_list_store_remove (self->store, position);
    }
}

CharterCommand *
charter_command_new_set (GObject      *object,
                         GParamSpec   *pspec,
                         const GValue *old_value,
                         const GValue *new_value,
                         const char   *label)
{
  CharterCommand *self = command_new (COMMAND_SET, label);

  self->object = g_object_ref (object);
  self->pspec = g_param_spec_ref (pspec);
  g_value_init (&self->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &self->old_value);
  g_value_init (&self->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &self->new_value);

  return self;
}

CharterCommand *
charter_command_new_insert (GListStore *store,
                            guint       position,
                            GObject    *item,
                            const char *label)
{
  CharterCommand *self = command_new (COMMAND_INSERT, label);

  self->store = g_object_ref (store);
  self->position = position;
  self->item = g_object_ref (item);

  return self;
}

CharterCommand *
charter_command_new_remove (GListStore *store,
                            guint       position,
                            GObject    *item,
                            const char *label)
{
  CharterCommand *self = charter_command_new_insert (store, position, item, label);

  self->kind = COMMAND_REMOVE;

  return self;
}

CharterCommand *
charter_command_new_group (const char *label)
{
  CharterCommand *self = command_new (COMMAND_GROUP, label);

  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) charter_command_free);

  return self;
}

void
charter_command_group_add (CharterCommand *group,
                           CharterCommand *child)
{
  g_return_if_fail (group->kind == COMMAND_GROUP);

  /* A drag sets the same property many times: keep one step per property. */
  if (group->children->len > 0)
    {
      CharterCommand *last = g_ptr_array_index (group->children, group->children->len - 1);

      if (charter_command_merge (last, child))
        {
          charter_command_free (child);
          return;
        }
    }

  g_ptr_array_add (group->children, child);
}

gboolean
charter_command_is_empty (CharterCommand *self)
{
  return self->kind == COMMAND_GROUP && self->children->len == 0;
}

void
charter_command_apply (CharterCommand *self)
{
  switch (self->kind)
    {
    case COMMAND_SET:
      g_object_set_property (self->object, self->pspec->name, &self->new_value);
      break;

    case COMMAND_INSERT:
      insert_item (self);
      break;

    case COMMAND_REMOVE:
      remove_item (self);
      break;

    case COMMAND_GROUP:
      for (guint i = 0; i < self->children->len; i++)
        charter_command_apply (g_ptr_array_index (self->children, i));
      break;

    default:
      g_assert_not_reached ();
    }
}

void
charter_command_revert (CharterCommand *self)
{
  switch (self->kind)
    {
    case COMMAND_SET:
      g_object_set_property (self->object, self->pspec->name, &self->old_value);
      break;

    case COMMAND_INSERT:
      remove_item (self);
      break;

    case COMMAND_REMOVE:
      insert_item (self);
      break;

    case COMMAND_GROUP:
      for (guint i = self->children->len; i > 0; i--)
        charter_command_revert (g_ptr_array_index (self->children, i - 1));
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * charter_command_merge:
 * @self: the earlier command
 * @next: the command that follows it
 *
 * Folds @next into @self when both set the same property of the same object,
 * so that typing a word or dragging a bar is one step. @next stays owned by
 * the caller.
 *
 * Returns: whether @next was merged
 */
gboolean
charter_command_merge (CharterCommand *self,
                       CharterCommand *next)
{
  if (self->kind != COMMAND_SET || next->kind != COMMAND_SET)
    return FALSE;
  if (self->object != next->object || self->pspec != next->pspec)
    return FALSE;

  g_value_unset (&self->new_value);
  g_value_init (&self->new_value, G_VALUE_TYPE (&next->new_value));
  g_value_copy (&next->new_value, &self->new_value);

  return TRUE;
}

const char *
charter_command_get_label (CharterCommand *self)
{
  return self->label;
}

void
charter_command_free (CharterCommand *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->object);
  g_clear_pointer (&self->pspec, g_param_spec_unref);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  if (G_IS_VALUE (&self->new_value))
    g_value_unset (&self->new_value);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->label);
  g_free (self);
}
