/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-check-in"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-check-in.h"
#include "charter-task-status.h"

struct _CharterCheckIn
{
  CharterItem parent_instance;

  char *date;
  char *notes;
  GListStore *statuses;
};

G_DEFINE_FINAL_TYPE (CharterCheckIn, charter_check_in, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DATE,
  PROP_NOTES,
  PROP_STATUSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_check_in_get_display_name (CharterItem *item)
{
  return CHARTER_CHECK_IN (item)->date;
}

static void
charter_check_in_finalize (GObject *object)
{
  CharterCheckIn *self = (CharterCheckIn *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->statuses);

  G_OBJECT_CLASS (charter_check_in_parent_class)->finalize (object);
}

static void
charter_check_in_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CharterCheckIn *self = CHARTER_CHECK_IN (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_STATUSES:
      g_value_set_object (value, self->statuses);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_check_in_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CharterCheckIn *self = CHARTER_CHECK_IN (object);

  switch (prop_id)
    {
    case PROP_DATE:
      charter_check_in_set_date (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      charter_check_in_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_check_in_class_init (CharterCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_check_in_finalize;
  object_class->get_property = charter_check_in_get_property;
  object_class->set_property = charter_check_in_set_property;

  item_class->get_display_name = charter_check_in_get_display_name;

  /**
   * CharterCheckIn:date:
   *
   * The day of the check-in.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", N_("date"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY | CHARTER_PARAM_DATE));

  /**
   * CharterCheckIn:notes:
   *
   * What was learned.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterCheckIn:statuses:
   *
   * The status of each task discussed.
   */
  properties[PROP_STATUSES] =
    g_param_spec_object ("statuses", N_("statuses"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_check_in_init (CharterCheckIn *self)
{
  self->statuses = g_list_store_new (CHARTER_TYPE_TASK_STATUS);
}

/**
 * charter_check_in_new:
 * @id: the id of the new check-in
 *
 * Returns: (transfer full): a new #CharterCheckIn
 */
CharterCheckIn *
charter_check_in_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_CHECK_IN, "id", id, NULL);
}

/**
 * charter_check_in_get_date:
 * @self: a #CharterCheckIn
 *
 * Returns: (transfer none) (nullable): the day of the check-in.
 */
const char *
charter_check_in_get_date (CharterCheckIn *self)
{
  g_return_val_if_fail (CHARTER_IS_CHECK_IN (self), NULL);

  return self->date;
}

/**
 * charter_check_in_set_date:
 * @self: a #CharterCheckIn
 * @date: (nullable) the new value
 *
 * Sets the date; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_check_in_set_date (CharterCheckIn *self,
                           const char     *date)
{
  g_return_if_fail (CHARTER_IS_CHECK_IN (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = (date != NULL && date[0] != '\0') ? g_strdup (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * charter_check_in_get_notes:
 * @self: a #CharterCheckIn
 *
 * Returns: (transfer none) (nullable): what was learned.
 */
const char *
charter_check_in_get_notes (CharterCheckIn *self)
{
  g_return_val_if_fail (CHARTER_IS_CHECK_IN (self), NULL);

  return self->notes;
}

/**
 * charter_check_in_set_notes:
 * @self: a #CharterCheckIn
 * @notes: (nullable) the new value
 *
 * Sets the notes; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_check_in_set_notes (CharterCheckIn *self,
                            const char     *notes)
{
  g_return_if_fail (CHARTER_IS_CHECK_IN (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * charter_check_in_get_statuses:
 * @self: a #CharterCheckIn
 *
 * Returns: (transfer none): the status of each task discussed.
 */
GListModel *
charter_check_in_get_statuses (CharterCheckIn *self)
{
  g_return_val_if_fail (CHARTER_IS_CHECK_IN (self), NULL);

  return G_LIST_MODEL (self->statuses);
}
