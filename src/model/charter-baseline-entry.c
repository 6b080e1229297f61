/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-baseline-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-baseline-entry.h"

struct _CharterBaselineEntry
{
  CharterItem parent_instance;

  char *task_id;
  char *start;
  char *finish;
};

G_DEFINE_FINAL_TYPE (CharterBaselineEntry, charter_baseline_entry, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TASK_ID,
  PROP_START,
  PROP_FINISH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_baseline_entry_get_display_name (CharterItem *item)
{
  return CHARTER_BASELINE_ENTRY (item)->task_id;
}

static void
charter_baseline_entry_finalize (GObject *object)
{
  CharterBaselineEntry *self = (CharterBaselineEntry *) object;

  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->finish, g_free);

  G_OBJECT_CLASS (charter_baseline_entry_parent_class)->finalize (object);
}

static void
charter_baseline_entry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CharterBaselineEntry *self = CHARTER_BASELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_FINISH:
      g_value_set_string (value, self->finish);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_baseline_entry_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CharterBaselineEntry *self = CHARTER_BASELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TASK_ID:
      charter_baseline_entry_set_task_id (self, g_value_get_string (value));
      break;

    case PROP_START:
      charter_baseline_entry_set_start (self, g_value_get_string (value));
      break;

    case PROP_FINISH:
      charter_baseline_entry_set_finish (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_baseline_entry_class_init (CharterBaselineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_baseline_entry_finalize;
  object_class->get_property = charter_baseline_entry_get_property;
  object_class->set_property = charter_baseline_entry_set_property;

  item_class->get_display_name = charter_baseline_entry_get_display_name;

  /**
   * CharterBaselineEntry:task-id:
   *
   * The id of the task.
   */
  properties[PROP_TASK_ID] =
    g_param_spec_string ("task-id", N_("task id"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterBaselineEntry:start:
   *
   * The task's start when the baseline was taken.
   */
  properties[PROP_START] =
    g_param_spec_string ("start", N_("start"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DATE));

  /**
   * CharterBaselineEntry:finish:
   *
   * The task's finish when the baseline was taken.
   */
  properties[PROP_FINISH] =
    g_param_spec_string ("finish", N_("finish"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DATE));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_baseline_entry_init (CharterBaselineEntry *self)
{
}

/**
 * charter_baseline_entry_new:
 * @id: the id of the new baselineentry
 *
 * Returns: (transfer full): a new #CharterBaselineEntry
 */
CharterBaselineEntry *
charter_baseline_entry_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_BASELINE_ENTRY, "id", id, NULL);
}

/**
 * charter_baseline_entry_get_task_id:
 * @self: a #CharterBaselineEntry
 *
 * Returns: (transfer none) (nullable): the id of the task.
 */
const char *
charter_baseline_entry_get_task_id (CharterBaselineEntry *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE_ENTRY (self), NULL);

  return self->task_id;
}

/**
 * charter_baseline_entry_set_task_id:
 * @self: a #CharterBaselineEntry
 * @task_id: (nullable) the new value
 *
 * Sets the task id; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_baseline_entry_set_task_id (CharterBaselineEntry *self,
                                    const char           *task_id)
{
  g_return_if_fail (CHARTER_IS_BASELINE_ENTRY (self));

  if (g_strcmp0 (self->task_id, task_id) == 0)
    return;

  g_free (self->task_id);
  self->task_id = (task_id != NULL && task_id[0] != '\0') ? g_strdup (task_id) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ID]);
}

/**
 * charter_baseline_entry_get_start:
 * @self: a #CharterBaselineEntry
 *
 * Returns: (transfer none) (nullable): the task's start when the baseline was taken.
 */
const char *
charter_baseline_entry_get_start (CharterBaselineEntry *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE_ENTRY (self), NULL);

  return self->start;
}

/**
 * charter_baseline_entry_set_start:
 * @self: a #CharterBaselineEntry
 * @start: (nullable) the new value
 *
 * Sets the start; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_baseline_entry_set_start (CharterBaselineEntry *self,
                                  const char           *start)
{
  g_return_if_fail (CHARTER_IS_BASELINE_ENTRY (self));

  if (g_strcmp0 (self->start, start) == 0)
    return;

  g_free (self->start);
  self->start = (start != NULL && start[0] != '\0') ? g_strdup (start) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * charter_baseline_entry_get_finish:
 * @self: a #CharterBaselineEntry
 *
 * Returns: (transfer none) (nullable): the task's finish when the baseline was taken.
 */
const char *
charter_baseline_entry_get_finish (CharterBaselineEntry *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE_ENTRY (self), NULL);

  return self->finish;
}

/**
 * charter_baseline_entry_set_finish:
 * @self: a #CharterBaselineEntry
 * @finish: (nullable) the new value
 *
 * Sets the finish; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_baseline_entry_set_finish (CharterBaselineEntry *self,
                                   const char           *finish)
{
  g_return_if_fail (CHARTER_IS_BASELINE_ENTRY (self));

  if (g_strcmp0 (self->finish, finish) == 0)
    return;

  g_free (self->finish);
  self->finish = (finish != NULL && finish[0] != '\0') ? g_strdup (finish) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISH]);
}
