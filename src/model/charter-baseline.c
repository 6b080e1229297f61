/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-baseline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-baseline.h"
#include "charter-baseline-entry.h"

struct _CharterBaseline
{
  CharterItem parent_instance;

  char *name;
  char *date;
  GListStore *entries;
};

G_DEFINE_FINAL_TYPE (CharterBaseline, charter_baseline, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DATE,
  PROP_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_baseline_get_display_name (CharterItem *item)
{
  return CHARTER_BASELINE (item)->name;
}

static void
charter_baseline_finalize (GObject *object)
{
  CharterBaseline *self = (CharterBaseline *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (charter_baseline_parent_class)->finalize (object);
}

static void
charter_baseline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CharterBaseline *self = CHARTER_BASELINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ENTRIES:
      g_value_set_object (value, self->entries);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_baseline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CharterBaseline *self = CHARTER_BASELINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      charter_baseline_set_name (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      charter_baseline_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_baseline_class_init (CharterBaselineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_baseline_finalize;
  object_class->get_property = charter_baseline_get_property;
  object_class->set_property = charter_baseline_set_property;

  item_class->get_display_name = charter_baseline_get_display_name;

  /**
   * CharterBaseline:name:
   *
   * The baseline's name ("Kick-off").
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("name"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterBaseline:date:
   *
   * When it was taken.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", N_("date"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterBaseline:entries:
   *
   * The frozen dates, one entry a task.
   */
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", N_("entries"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_baseline_init (CharterBaseline *self)
{
  self->entries = g_list_store_new (CHARTER_TYPE_BASELINE_ENTRY);
}

/**
 * charter_baseline_new:
 * @id: the id of the new baseline
 *
 * Returns: (transfer full): a new #CharterBaseline
 */
CharterBaseline *
charter_baseline_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_BASELINE, "id", id, NULL);
}

/**
 * charter_baseline_get_name:
 * @self: a #CharterBaseline
 *
 * Returns: (transfer none) (nullable): the baseline's name ("Kick-off").
 */
const char *
charter_baseline_get_name (CharterBaseline *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE (self), NULL);

  return self->name;
}

/**
 * charter_baseline_set_name:
 * @self: a #CharterBaseline
 * @name: (nullable) the new value
 *
 * Sets the name; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_baseline_set_name (CharterBaseline *self,
                           const char      *name)
{
  g_return_if_fail (CHARTER_IS_BASELINE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * charter_baseline_get_date:
 * @self: a #CharterBaseline
 *
 * Returns: (transfer none) (nullable): when it was taken.
 */
const char *
charter_baseline_get_date (CharterBaseline *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE (self), NULL);

  return self->date;
}

/**
 * charter_baseline_set_date:
 * @self: a #CharterBaseline
 * @date: (nullable) the new value
 *
 * Sets the date; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_baseline_set_date (CharterBaseline *self,
                           const char      *date)
{
  g_return_if_fail (CHARTER_IS_BASELINE (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = (date != NULL && date[0] != '\0') ? g_strdup (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * charter_baseline_get_entries:
 * @self: a #CharterBaseline
 *
 * Returns: (transfer none): the frozen dates, one entry a task.
 */
GListModel *
charter_baseline_get_entries (CharterBaseline *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE (self), NULL);

  return G_LIST_MODEL (self->entries);
}
