/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-interview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-interview.h"

struct _CharterInterview
{
  CharterItem parent_instance;

  char *participant_id;
  char *date;
  char *title;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CharterInterview, charter_interview, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_PARTICIPANT_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_interview_get_display_name (CharterItem *item)
{
  return CHARTER_INTERVIEW (item)->title;
}

static void
charter_interview_finalize (GObject *object)
{
  CharterInterview *self = (CharterInterview *) object;

  g_clear_pointer (&self->participant_id, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (charter_interview_parent_class)->finalize (object);
}

static void
charter_interview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CharterInterview *self = CHARTER_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT_ID:
      g_value_set_string (value, self->participant_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_interview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CharterInterview *self = CHARTER_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_PARTICIPANT_ID:
      charter_interview_set_participant_id (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      charter_interview_set_date (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      charter_interview_set_title (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      charter_interview_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_interview_class_init (CharterInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_interview_finalize;
  object_class->get_property = charter_interview_get_property;
  object_class->set_property = charter_interview_set_property;

  item_class->get_display_name = charter_interview_get_display_name;

  /**
   * CharterInterview:participant-id:
   *
   * The id of the participant interviewed.
   */
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_string ("participant-id", N_("participant id"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED));

  /**
   * CharterInterview:date:
   *
   * The day of the interview.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", N_("date"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterInterview:title:
   *
   * A short title ("Gym floor, Tuesday").
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("title"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DISPLAY));

  /**
   * CharterInterview:notes:
   *
   * The notes, as typed or pasted; insights point into this text.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_interview_init (CharterInterview *self)
{
}

/**
 * charter_interview_new:
 * @id: the id of the new interview
 *
 * Returns: (transfer full): a new #CharterInterview
 */
CharterInterview *
charter_interview_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_INTERVIEW, "id", id, NULL);
}

/**
 * charter_interview_get_participant_id:
 * @self: a #CharterInterview
 *
 * Returns: (transfer none) (nullable): the id of the participant interviewed.
 */
const char *
charter_interview_get_participant_id (CharterInterview *self)
{
  g_return_val_if_fail (CHARTER_IS_INTERVIEW (self), NULL);

  return self->participant_id;
}

/**
 * charter_interview_set_participant_id:
 * @self: a #CharterInterview
 * @participant_id: (nullable) the new value
 *
 * Sets the participant id; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_interview_set_participant_id (CharterInterview *self,
                                      const char       *participant_id)
{
  g_return_if_fail (CHARTER_IS_INTERVIEW (self));

  if (g_strcmp0 (self->participant_id, participant_id) == 0)
    return;

  g_free (self->participant_id);
  self->participant_id = (participant_id != NULL && participant_id[0] != '\0') ? g_strdup (participant_id) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

/**
 * charter_interview_get_date:
 * @self: a #CharterInterview
 *
 * Returns: (transfer none) (nullable): the day of the interview.
 */
const char *
charter_interview_get_date (CharterInterview *self)
{
  g_return_val_if_fail (CHARTER_IS_INTERVIEW (self), NULL);

  return self->date;
}

/**
 * charter_interview_set_date:
 * @self: a #CharterInterview
 * @date: (nullable) the new value
 *
 * Sets the date; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_interview_set_date (CharterInterview *self,
                            const char       *date)
{
  g_return_if_fail (CHARTER_IS_INTERVIEW (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = (date != NULL && date[0] != '\0') ? g_strdup (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * charter_interview_get_title:
 * @self: a #CharterInterview
 *
 * Returns: (transfer none) (nullable): a short title ("Gym floor, Tuesday").
 */
const char *
charter_interview_get_title (CharterInterview *self)
{
  g_return_val_if_fail (CHARTER_IS_INTERVIEW (self), NULL);

  return self->title;
}

/**
 * charter_interview_set_title:
 * @self: a #CharterInterview
 * @title: (nullable) the new value
 *
 * Sets the title; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_interview_set_title (CharterInterview *self,
                             const char       *title)
{
  g_return_if_fail (CHARTER_IS_INTERVIEW (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = (title != NULL && title[0] != '\0') ? g_strdup (title) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * charter_interview_get_notes:
 * @self: a #CharterInterview
 *
 * Returns: (transfer none) (nullable): the notes, as typed or pasted; insights point into this text.
 */
const char *
charter_interview_get_notes (CharterInterview *self)
{
  g_return_val_if_fail (CHARTER_IS_INTERVIEW (self), NULL);

  return self->notes;
}

/**
 * charter_interview_set_notes:
 * @self: a #CharterInterview
 * @notes: (nullable) the new value
 *
 * Sets the notes; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_interview_set_notes (CharterInterview *self,
                             const char       *notes)
{
  g_return_if_fail (CHARTER_IS_INTERVIEW (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
