/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-history.c: the document's undo and redo stacks.
 *
 * Commands arrive already applied. Consecutive edits of one property merge
 * (typing, dragging) unless the history was sealed in between; a group turns
 * many edits into one step ("Delete task" also deletes its dependencies). */

#define G_LOG_DOMAIN "charter-history"

#include "config.h"

#include "charter-command.h"
#include "charter-history.h"

struct _CharterHistory
{
  GObject         parent_instance;

  /* Owned */
  GPtrArray      *undo_stack;
  GPtrArray      *redo_stack;
  GPtrArray      *open_groups;

  /* The depth of the undo stack when the document was last saved, or -1 when
   * that state can no longer be reached by undo and redo. */
  int             saved_depth;
  gboolean        sealed;
};

G_DEFINE_FINAL_TYPE (CharterHistory, charter_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean    can_undo;
  gboolean    can_redo;
  char       *undo_label;
  char       *redo_label;
  gboolean    modified;
} HistoryState;

static void
get_state (CharterHistory *self,
           HistoryState   *state)
{
  state->can_undo = charter_history_get_can_undo (self);
  state->can_redo = charter_history_get_can_redo (self);
  /* Copies: pushing a command may free the one whose label this was. */
  state->undo_label = g_strdup (charter_history_get_undo_label (self));
  state->redo_label = g_strdup (charter_history_get_redo_label (self));
  state->modified = charter_history_get_modified (self);
}

/* Notifies exactly the properties that differ from @before. */
static void
notify_changes (CharterHistory *self,
                HistoryState   *before)
{
  HistoryState after;

  get_state (self, &after);

  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (before->undo_label, after.undo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (before->redo_label, after.redo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  g_free (before->undo_label);
  g_free (before->redo_label);
  g_free (after.undo_label);
  g_free (after.redo_label);
}

static CharterCommand *
top_of (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static void
charter_history_finalize (GObject *object)
{
  CharterHistory *self = (CharterHistory *) object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (charter_history_parent_class)->finalize (object);
}

static void
charter_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CharterHistory *self = CHARTER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, charter_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, charter_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, charter_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, charter_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, charter_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_history_class_init (CharterHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = charter_history_finalize;
  object_class->get_property = charter_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_history_init (CharterHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) charter_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) charter_command_free);
  self->open_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) charter_command_free);
  self->saved_depth = 0;
}

/**
 * charter_history_new:
 *
 * Returns: (transfer full): an empty history
 */
CharterHistory *
charter_history_new (void)
{
  return g_object_new (CHARTER_TYPE_HISTORY, NULL);
}

/**
 * charter_history_push:
 * @self: a #CharterHistory
 * @command: (transfer full): a command that has just been applied
 * @mergeable: whether it may merge with the step before it
 *
 * Records @command as the newest step, or as part of the open group.
 */
void
charter_history_push (CharterHistory *self,
                      CharterCommand *command,
                      gboolean        mergeable)
{
  HistoryState before;
  CharterCommand *top;

  g_return_if_fail (CHARTER_IS_HISTORY (self));
  g_return_if_fail (command != NULL);

  if (self->open_groups->len > 0)
    {
      charter_command_group_add (top_of (self->open_groups), command);
      return;
    }

  get_state (self, &before);

  /* A new edit makes the redo stack unreachable, and with it perhaps the
   * saved state. */
  if (self->redo_stack->len > 0)
    {
      if (self->saved_depth > (int) self->undo_stack->len)
        self->saved_depth = -1;
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  top = top_of (self->undo_stack);
  if (mergeable && !self->sealed && top != NULL &&
      self->saved_depth != (int) self->undo_stack->len &&
      charter_command_merge (top, command))
    charter_command_free (command);
  else
    g_ptr_array_add (self->undo_stack, command);

  self->sealed = FALSE;
  notify_changes (self, &before);
}

/**
 * charter_history_begin_group:
 * @self: a #CharterHistory
 * @label: what the whole step does, as the Undo menu item shows it
 *
 * Starts a group: every command pushed until the matching
 * charter_history_end_group() becomes one step. Groups nest.
 */
void
charter_history_begin_group (CharterHistory *self,
                             const char     *label)
{
  g_return_if_fail (CHARTER_IS_HISTORY (self));

  g_ptr_array_add (self->open_groups, charter_command_new_group (label));
}

/**
 * charter_history_end_group:
 * @self: a #CharterHistory
 *
 * Closes the innermost group; an empty group leaves no step behind.
 */
void
charter_history_end_group (CharterHistory *self)
{
  CharterCommand *group;

  g_return_if_fail (CHARTER_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);
  if (charter_command_is_empty (group))
    {
      charter_command_free (group);
      return;
    }

  self->sealed = TRUE;
  charter_history_push (self, group, FALSE);
  self->sealed = TRUE;
}

/**
 * charter_history_cancel_group:
 * @self: a #CharterHistory
 *
 * Reverts everything done since the innermost charter_history_begin_group()
 * and forgets it, as Escape does during a drag.
 */
void
charter_history_cancel_group (CharterHistory *self)
{
  CharterCommand *group;

  g_return_if_fail (CHARTER_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);
  charter_command_revert (group);
  charter_command_free (group);
}

/**
 * charter_history_in_group:
 * @self: a #CharterHistory
 *
 * Returns: whether a group is open
 */
gboolean
charter_history_in_group (CharterHistory *self)
{
  g_return_val_if_fail (CHARTER_IS_HISTORY (self), FALSE);

  return self->open_groups->len > 0;
}

/**
 * charter_history_seal:
 * @self: a #CharterHistory
 *
 * Keeps the next command from merging with the last one, as when the user
 * moves from one field to another.
 */
void
charter_history_seal (CharterHistory *self)
{
  g_return_if_fail (CHARTER_IS_HISTORY (self));

  self->sealed = TRUE;
}

/**
 * charter_history_undo:
 * @self: a #CharterHistory
 *
 * Reverts the newest step.
 *
 * Returns: whether there was a step to undo
 */
gboolean
charter_history_undo (CharterHistory *self)
{
  HistoryState before;
  CharterCommand *command;

  g_return_val_if_fail (CHARTER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  get_state (self, &before);
  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  charter_command_revert (command);
  g_ptr_array_add (self->redo_stack, command);
  self->sealed = TRUE;
  notify_changes (self, &before);

  return TRUE;
}

/**
 * charter_history_redo:
 * @self: a #CharterHistory
 *
 * Applies again the step undone last.
 *
 * Returns: whether there was a step to redo
 */
gboolean
charter_history_redo (CharterHistory *self)
{
  HistoryState before;
  CharterCommand *command;

  g_return_val_if_fail (CHARTER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  get_state (self, &before);
  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  charter_command_apply (command);
  g_ptr_array_add (self->undo_stack, command);
  self->sealed = TRUE;
  notify_changes (self, &before);

  return TRUE;
}

gboolean
charter_history_get_can_undo (CharterHistory *self)
{
  g_return_val_if_fail (CHARTER_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
charter_history_get_can_redo (CharterHistory *self)
{
  g_return_val_if_fail (CHARTER_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * charter_history_get_undo_label:
 * @self: a #CharterHistory
 *
 * Returns: (nullable): what Undo would undo ("Change duration of Backend API")
 */
const char *
charter_history_get_undo_label (CharterHistory *self)
{
  CharterCommand *top;

  g_return_val_if_fail (CHARTER_IS_HISTORY (self), NULL);

  top = top_of (self->undo_stack);
  return top ? charter_command_get_label (top) : NULL;
}

/**
 * charter_history_get_redo_label:
 * @self: a #CharterHistory
 *
 * Returns: (nullable): what Redo would redo
 */
const char *
charter_history_get_redo_label (CharterHistory *self)
{
  CharterCommand *top;

  g_return_val_if_fail (CHARTER_IS_HISTORY (self), NULL);

  top = top_of (self->redo_stack);
  return top ? charter_command_get_label (top) : NULL;
}

/**
 * charter_history_get_modified:
 * @self: a #CharterHistory
 *
 * Returns: whether the document differs from what was last saved
 */
gboolean
charter_history_get_modified (CharterHistory *self)
{
  g_return_val_if_fail (CHARTER_IS_HISTORY (self), FALSE);

  return self->saved_depth != (int) self->undo_stack->len;
}

/**
 * charter_history_mark_saved:
 * @self: a #CharterHistory
 *
 * Remembers the current state as the saved one. The history itself is kept:
 * saving does not take away Undo.
 */
void
charter_history_mark_saved (CharterHistory *self)
{
  HistoryState before;

  g_return_if_fail (CHARTER_IS_HISTORY (self));

  get_state (self, &before);
  self->saved_depth = self->undo_stack->len;
  self->sealed = TRUE;
  notify_changes (self, &before);
}

/**
 * charter_history_mark_modified:
 * @self: a #CharterHistory
 *
 * Marks the document as differing from any saved file, as a recovered
 * document does.
 */
void
charter_history_mark_modified (CharterHistory *self)
{
  HistoryState before;

  g_return_if_fail (CHARTER_IS_HISTORY (self));

  get_state (self, &before);
  self->saved_depth = -1;
  notify_changes (self, &before);
}

/**
 * charter_history_clear:
 * @self: a #CharterHistory
 *
 * Forgets every step, as after loading a file.
 */
void
charter_history_clear (CharterHistory *self)
{
  HistoryState before;

  g_return_if_fail (CHARTER_IS_HISTORY (self));

  get_state (self, &before);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_depth = 0;
  self->sealed = FALSE;
  notify_changes (self, &before);
}
