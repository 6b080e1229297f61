/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-task-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-task-status.h"

struct _CharterTaskStatus
{
  CharterItem parent_instance;

  char *task_id;
  CharterTaskState state;
  int percent_complete;
  int remaining;
  char *blockers;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CharterTaskStatus, charter_task_status, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TASK_ID,
  PROP_STATE,
  PROP_PERCENT_COMPLETE,
  PROP_REMAINING,
  PROP_BLOCKERS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_task_status_get_display_name (CharterItem *item)
{
  return CHARTER_TASK_STATUS (item)->task_id;
}

static void
charter_task_status_finalize (GObject *object)
{
  CharterTaskStatus *self = (CharterTaskStatus *) object;

  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->blockers, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (charter_task_status_parent_class)->finalize (object);
}

static void
charter_task_status_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CharterTaskStatus *self = CHARTER_TASK_STATUS (object);

  switch (prop_id)
    {
    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PERCENT_COMPLETE:
      g_value_set_int (value, self->percent_complete);
      break;

    case PROP_REMAINING:
      g_value_set_int (value, self->remaining);
      break;

    case PROP_BLOCKERS:
      g_value_set_string (value, self->blockers);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_task_status_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CharterTaskStatus *self = CHARTER_TASK_STATUS (object);

  switch (prop_id)
    {
    case PROP_TASK_ID:
      charter_task_status_set_task_id (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      charter_task_status_set_state (self, g_value_get_enum (value));
      break;

    case PROP_PERCENT_COMPLETE:
      charter_task_status_set_percent_complete (self, g_value_get_int (value));
      break;

    case PROP_REMAINING:
      charter_task_status_set_remaining (self, g_value_get_int (value));
      break;

    case PROP_BLOCKERS:
      charter_task_status_set_blockers (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      charter_task_status_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_task_status_class_init (CharterTaskStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_task_status_finalize;
  object_class->get_property = charter_task_status_get_property;
  object_class->set_property = charter_task_status_set_property;

  item_class->get_display_name = charter_task_status_get_display_name;

  /**
   * CharterTaskStatus:task-id:
   *
   * The id of the task.
   */
  properties[PROP_TASK_ID] =
    g_param_spec_string ("task-id", N_("task id"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterTaskStatus:state:
   *
   * On track, at risk, blocked or done.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", N_("state"), NULL,
                       CHARTER_TYPE_TASK_STATE, CHARTER_TASK_STATE_ON_TRACK,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTaskStatus:percent-complete:
   *
   * How much is done, in percent.
   */
  properties[PROP_PERCENT_COMPLETE] =
    g_param_spec_int ("percent-complete", N_("percent complete"), NULL,
                      0, 100, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTaskStatus:remaining:
   *
   * Working days left; -1 when not estimated.
   */
  properties[PROP_REMAINING] =
    g_param_spec_int ("remaining", N_("remaining"), NULL,
                      -1, 100000, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTaskStatus:blockers:
   *
   * What blocks the task.
   */
  properties[PROP_BLOCKERS] =
    g_param_spec_string ("blockers", N_("blockers"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTaskStatus:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_task_status_init (CharterTaskStatus *self)
{
  self->remaining = -1;
}

/**
 * charter_task_status_new:
 * @id: the id of the new taskstatus
 *
 * Returns: (transfer full): a new #CharterTaskStatus
 */
CharterTaskStatus *
charter_task_status_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_TASK_STATUS, "id", id, NULL);
}

/**
 * charter_task_status_get_task_id:
 * @self: a #CharterTaskStatus
 *
 * Returns: (transfer none) (nullable): the id of the task.
 */
const char *
charter_task_status_get_task_id (CharterTaskStatus *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_STATUS (self), NULL);

  return self->task_id;
}

/**
 * charter_task_status_set_task_id:
 * @self: a #CharterTaskStatus
 * @task_id: (nullable) the new value
 *
 * Sets the task id; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_status_set_task_id (CharterTaskStatus *self,
                                 const char        *task_id)
{
  g_return_if_fail (CHARTER_IS_TASK_STATUS (self));

  if (g_strcmp0 (self->task_id, task_id) == 0)
    return;

  g_free (self->task_id);
  self->task_id = (task_id != NULL && task_id[0] != '\0') ? g_strdup (task_id) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ID]);
}

/**
 * charter_task_status_get_state:
 * @self: a #CharterTaskStatus
 *
 * Returns: on track, at risk, blocked or done.
 */
CharterTaskState
charter_task_status_get_state (CharterTaskStatus *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_STATUS (self), 0);

  return self->state;
}

/**
 * charter_task_status_set_state:
 * @self: a #CharterTaskStatus
 * @state: the new value
 *
 * Sets the state; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_status_set_state (CharterTaskStatus *self,
                               CharterTaskState   state)
{
  g_return_if_fail (CHARTER_IS_TASK_STATUS (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * charter_task_status_get_percent_complete:
 * @self: a #CharterTaskStatus
 *
 * Returns: how much is done, in percent.
 */
int
charter_task_status_get_percent_complete (CharterTaskStatus *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_STATUS (self), 0);

  return self->percent_complete;
}

/**
 * charter_task_status_set_percent_complete:
 * @self: a #CharterTaskStatus
 * @percent_complete: the new value
 *
 * Sets the percent complete; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_status_set_percent_complete (CharterTaskStatus *self,
                                          int                percent_complete)
{
  g_return_if_fail (CHARTER_IS_TASK_STATUS (self));

  g_return_if_fail (percent_complete >= 0 && percent_complete <= 100);
  if (self->percent_complete == percent_complete)
    return;

  self->percent_complete = percent_complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT_COMPLETE]);
}

/**
 * charter_task_status_get_remaining:
 * @self: a #CharterTaskStatus
 *
 * Returns: working days left; -1 when not estimated.
 */
int
charter_task_status_get_remaining (CharterTaskStatus *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_STATUS (self), 0);

  return self->remaining;
}

/**
 * charter_task_status_set_remaining:
 * @self: a #CharterTaskStatus
 * @remaining: the new value
 *
 * Sets the remaining; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_status_set_remaining (CharterTaskStatus *self,
                                   int                remaining)
{
  g_return_if_fail (CHARTER_IS_TASK_STATUS (self));

  g_return_if_fail (remaining >= -1 && remaining <= 100000);
  if (self->remaining == remaining)
    return;

  self->remaining = remaining;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

/**
 * charter_task_status_get_blockers:
 * @self: a #CharterTaskStatus
 *
 * Returns: (transfer none) (nullable): what blocks the task.
 */
const char *
charter_task_status_get_blockers (CharterTaskStatus *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_STATUS (self), NULL);

  return self->blockers;
}

/**
 * charter_task_status_set_blockers:
 * @self: a #CharterTaskStatus
 * @blockers: (nullable) the new value
 *
 * Sets the blockers; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_status_set_blockers (CharterTaskStatus *self,
                                  const char        *blockers)
{
  g_return_if_fail (CHARTER_IS_TASK_STATUS (self));

  if (g_strcmp0 (self->blockers, blockers) == 0)
    return;

  g_free (self->blockers);
  self->blockers = (blockers != NULL && blockers[0] != '\0') ? g_strdup (blockers) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKERS]);
}

/**
 * charter_task_status_get_notes:
 * @self: a #CharterTaskStatus
 *
 * Returns: (transfer none) (nullable): free notes.
 */
const char *
charter_task_status_get_notes (CharterTaskStatus *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_STATUS (self), NULL);

  return self->notes;
}

/**
 * charter_task_status_set_notes:
 * @self: a #CharterTaskStatus
 * @notes: (nullable) the new value
 *
 * Sets the notes; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_status_set_notes (CharterTaskStatus *self,
                               const char        *notes)
{
  g_return_if_fail (CHARTER_IS_TASK_STATUS (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
