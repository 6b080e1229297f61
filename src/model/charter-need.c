/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-need"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-need.h"

struct _CharterNeed
{
  CharterItem parent_instance;

  char *statement;
  char **insight_ids;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CharterNeed, charter_need, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_STATEMENT,
  PROP_INSIGHT_IDS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_need_get_display_name (CharterItem *item)
{
  return CHARTER_NEED (item)->statement;
}

static void
charter_need_finalize (GObject *object)
{
  CharterNeed *self = (CharterNeed *) object;

  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->insight_ids, g_strfreev);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (charter_need_parent_class)->finalize (object);
}

static void
charter_need_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CharterNeed *self = CHARTER_NEED (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      g_value_set_string (value, self->statement);
      break;

    case PROP_INSIGHT_IDS:
      g_value_set_boxed (value, self->insight_ids);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_need_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CharterNeed *self = CHARTER_NEED (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      charter_need_set_statement (self, g_value_get_string (value));
      break;

    case PROP_INSIGHT_IDS:
      charter_need_set_insight_ids (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      charter_need_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_need_class_init (CharterNeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_need_finalize;
  object_class->get_property = charter_need_get_property;
  object_class->set_property = charter_need_set_property;

  item_class->get_display_name = charter_need_get_display_name;

  /**
   * CharterNeed:statement:
   *
   * The need in the user's words.
   */
  properties[PROP_STATEMENT] =
    g_param_spec_string ("statement", N_("statement"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterNeed:insight-ids:
   *
   * The ids of the insights filed under this need: its evidence.
   */
  properties[PROP_INSIGHT_IDS] =
    g_param_spec_boxed ("insight-ids", N_("insight ids"), NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterNeed:notes:
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
charter_need_init (CharterNeed *self)
{
}

/**
 * charter_need_new:
 * @id: the id of the new need
 *
 * Returns: (transfer full): a new #CharterNeed
 */
CharterNeed *
charter_need_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_NEED, "id", id, NULL);
}

/**
 * charter_need_get_statement:
 * @self: a #CharterNeed
 *
 * Returns: (transfer none) (nullable): the need in the user's words.
 */
const char *
charter_need_get_statement (CharterNeed *self)
{
  g_return_val_if_fail (CHARTER_IS_NEED (self), NULL);

  return self->statement;
}

/**
 * charter_need_set_statement:
 * @self: a #CharterNeed
 * @statement: (nullable) the new value
 *
 * Sets the statement; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_need_set_statement (CharterNeed *self,
                            const char  *statement)
{
  g_return_if_fail (CHARTER_IS_NEED (self));

  if (g_strcmp0 (self->statement, statement) == 0)
    return;

  g_free (self->statement);
  self->statement = (statement != NULL && statement[0] != '\0') ? g_strdup (statement) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATEMENT]);
}

/**
 * charter_need_get_insight_ids:
 * @self: a #CharterNeed
 *
 * Returns: (transfer none) (nullable): the ids of the insights filed under this need: its evidence.
 */
const char * const *
charter_need_get_insight_ids (CharterNeed *self)
{
  g_return_val_if_fail (CHARTER_IS_NEED (self), NULL);

  return (const char * const *) self->insight_ids;
}

/**
 * charter_need_set_insight_ids:
 * @self: a #CharterNeed
 * @insight_ids: (nullable) the new value
 *
 * Sets the insight ids; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_need_set_insight_ids (CharterNeed        *self,
                              const char * const *insight_ids)
{
  g_return_if_fail (CHARTER_IS_NEED (self));

  if ((self->insight_ids == NULL || self->insight_ids[0] == NULL) && (insight_ids == NULL || insight_ids[0] == NULL))
    return;
  if (self->insight_ids != NULL && insight_ids != NULL && g_strv_equal ((const char * const *) self->insight_ids, insight_ids))
    return;

  g_strfreev (self->insight_ids);
  self->insight_ids = (insight_ids != NULL && insight_ids[0] != NULL) ? g_strdupv ((char **) insight_ids) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSIGHT_IDS]);
}

/**
 * charter_need_get_notes:
 * @self: a #CharterNeed
 *
 * Returns: (transfer none) (nullable): free notes.
 */
const char *
charter_need_get_notes (CharterNeed *self)
{
  g_return_val_if_fail (CHARTER_IS_NEED (self), NULL);

  return self->notes;
}

/**
 * charter_need_set_notes:
 * @self: a #CharterNeed
 * @notes: (nullable) the new value
 *
 * Sets the notes; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_need_set_notes (CharterNeed *self,
                        const char  *notes)
{
  g_return_if_fail (CHARTER_IS_NEED (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
