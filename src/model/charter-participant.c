/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-participant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-participant.h"

struct _CharterParticipant
{
  CharterItem parent_instance;

  char *alias;
  char *segment;
  char *real_name;
  char *contact;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CharterParticipant, charter_participant, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_ALIAS,
  PROP_SEGMENT,
  PROP_REAL_NAME,
  PROP_CONTACT,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_participant_get_display_name (CharterItem *item)
{
  return CHARTER_PARTICIPANT (item)->alias;
}

static void
charter_participant_finalize (GObject *object)
{
  CharterParticipant *self = (CharterParticipant *) object;

  g_clear_pointer (&self->alias, g_free);
  g_clear_pointer (&self->segment, g_free);
  g_clear_pointer (&self->real_name, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (charter_participant_parent_class)->finalize (object);
}

static void
charter_participant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CharterParticipant *self = CHARTER_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ALIAS:
      g_value_set_string (value, self->alias);
      break;

    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;

    case PROP_REAL_NAME:
      g_value_set_string (value, self->real_name);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_participant_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CharterParticipant *self = CHARTER_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ALIAS:
      charter_participant_set_alias (self, g_value_get_string (value));
      break;

    case PROP_SEGMENT:
      charter_participant_set_segment (self, g_value_get_string (value));
      break;

    case PROP_REAL_NAME:
      charter_participant_set_real_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT:
      charter_participant_set_contact (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      charter_participant_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_participant_class_init (CharterParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_participant_finalize;
  object_class->get_property = charter_participant_get_property;
  object_class->set_property = charter_participant_set_property;

  item_class->get_display_name = charter_participant_get_display_name;

  /**
   * CharterParticipant:alias:
   *
   * The name used everywhere outside the participant's page ("P3, weekend runner").
   */
  properties[PROP_ALIAS] =
    g_param_spec_string ("alias", N_("alias"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterParticipant:segment:
   *
   * The user segment the participant belongs to ("new member", "coach").
   */
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", N_("segment"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterParticipant:real-name:
   *
   * The participant's real name. Personal: shown only on the participant's page.
   */
  properties[PROP_REAL_NAME] =
    g_param_spec_string ("real-name", N_("real name"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_PERSONAL));

  /**
   * CharterParticipant:contact:
   *
   * How to reach the participant. Personal: shown only on the participant's page.
   */
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", N_("contact"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_PERSONAL));

  /**
   * CharterParticipant:notes:
   *
   * Free notes about the participant.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_participant_init (CharterParticipant *self)
{
}

/**
 * charter_participant_new:
 * @id: the id of the new participant
 *
 * Returns: (transfer full): a new #CharterParticipant
 */
CharterParticipant *
charter_participant_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_PARTICIPANT, "id", id, NULL);
}

/**
 * charter_participant_get_alias:
 * @self: a #CharterParticipant
 *
 * Returns: (transfer none) (nullable): the name used everywhere outside the participant's page ("P3, weekend runner").
 */
const char *
charter_participant_get_alias (CharterParticipant *self)
{
  g_return_val_if_fail (CHARTER_IS_PARTICIPANT (self), NULL);

  return self->alias;
}

/**
 * charter_participant_set_alias:
 * @self: a #CharterParticipant
 * @alias: (nullable) the new value
 *
 * Sets the alias; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_participant_set_alias (CharterParticipant *self,
                               const char         *alias)
{
  g_return_if_fail (CHARTER_IS_PARTICIPANT (self));

  if (g_strcmp0 (self->alias, alias) == 0)
    return;

  g_free (self->alias);
  self->alias = (alias != NULL && alias[0] != '\0') ? g_strdup (alias) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIAS]);
}

/**
 * charter_participant_get_segment:
 * @self: a #CharterParticipant
 *
 * Returns: (transfer none) (nullable): the user segment the participant belongs to ("new member", "coach").
 */
const char *
charter_participant_get_segment (CharterParticipant *self)
{
  g_return_val_if_fail (CHARTER_IS_PARTICIPANT (self), NULL);

  return self->segment;
}

/**
 * charter_participant_set_segment:
 * @self: a #CharterParticipant
 * @segment: (nullable) the new value
 *
 * Sets the segment; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_participant_set_segment (CharterParticipant *self,
                                 const char         *segment)
{
  g_return_if_fail (CHARTER_IS_PARTICIPANT (self));

  if (g_strcmp0 (self->segment, segment) == 0)
    return;

  g_free (self->segment);
  self->segment = (segment != NULL && segment[0] != '\0') ? g_strdup (segment) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

/**
 * charter_participant_get_real_name:
 * @self: a #CharterParticipant
 *
 * Returns: (transfer none) (nullable): the participant's real name. Personal: shown only on the participant's page.
 */
const char *
charter_participant_get_real_name (CharterParticipant *self)
{
  g_return_val_if_fail (CHARTER_IS_PARTICIPANT (self), NULL);

  return self->real_name;
}

/**
 * charter_participant_set_real_name:
 * @self: a #CharterParticipant
 * @real_name: (nullable) the new value
 *
 * Sets the real name; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_participant_set_real_name (CharterParticipant *self,
                                   const char         *real_name)
{
  g_return_if_fail (CHARTER_IS_PARTICIPANT (self));

  if (g_strcmp0 (self->real_name, real_name) == 0)
    return;

  g_free (self->real_name);
  self->real_name = (real_name != NULL && real_name[0] != '\0') ? g_strdup (real_name) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REAL_NAME]);
}

/**
 * charter_participant_get_contact:
 * @self: a #CharterParticipant
 *
 * Returns: (transfer none) (nullable): how to reach the participant. Personal: shown only on the participant's page.
 */
const char *
charter_participant_get_contact (CharterParticipant *self)
{
  g_return_val_if_fail (CHARTER_IS_PARTICIPANT (self), NULL);

  return self->contact;
}

/**
 * charter_participant_set_contact:
 * @self: a #CharterParticipant
 * @contact: (nullable) the new value
 *
 * Sets the contact; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_participant_set_contact (CharterParticipant *self,
                                 const char         *contact)
{
  g_return_if_fail (CHARTER_IS_PARTICIPANT (self));

  if (g_strcmp0 (self->contact, contact) == 0)
    return;

  g_free (self->contact);
  self->contact = (contact != NULL && contact[0] != '\0') ? g_strdup (contact) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/**
 * charter_participant_get_notes:
 * @self: a #CharterParticipant
 *
 * Returns: (transfer none) (nullable): free notes about the participant.
 */
const char *
charter_participant_get_notes (CharterParticipant *self)
{
  g_return_val_if_fail (CHARTER_IS_PARTICIPANT (self), NULL);

  return self->notes;
}

/**
 * charter_participant_set_notes:
 * @self: a #CharterParticipant
 * @notes: (nullable) the new value
 *
 * Sets the notes; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_participant_set_notes (CharterParticipant *self,
                               const char         *notes)
{
  g_return_if_fail (CHARTER_IS_PARTICIPANT (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
