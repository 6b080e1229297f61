/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-insight"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-insight.h"

struct _CharterInsight
{
  CharterItem parent_instance;

  char *interview_id;
  char *text;
  CharterInsightKind kind;
  int start;
  int end;
};

G_DEFINE_FINAL_TYPE (CharterInsight, charter_insight, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_INTERVIEW_ID,
  PROP_TEXT,
  PROP_KIND,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_insight_get_display_name (CharterItem *item)
{
  return CHARTER_INSIGHT (item)->text;
}

static void
charter_insight_finalize (GObject *object)
{
  CharterInsight *self = (CharterInsight *) object;

  g_clear_pointer (&self->interview_id, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (charter_insight_parent_class)->finalize (object);
}

static void
charter_insight_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CharterInsight *self = CHARTER_INSIGHT (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_ID:
      g_value_set_string (value, self->interview_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_START:
      g_value_set_int (value, self->start);
      break;

    case PROP_END:
      g_value_set_int (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_insight_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CharterInsight *self = CHARTER_INSIGHT (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_ID:
      charter_insight_set_interview_id (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      charter_insight_set_text (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      charter_insight_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_START:
      charter_insight_set_start (self, g_value_get_int (value));
      break;

    case PROP_END:
      charter_insight_set_end (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_insight_class_init (CharterInsightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_insight_finalize;
  object_class->get_property = charter_insight_get_property;
  object_class->set_property = charter_insight_set_property;

  item_class->get_display_name = charter_insight_get_display_name;

  /**
   * CharterInsight:interview-id:
   *
   * The id of the interview the insight came from.
   */
  properties[PROP_INTERVIEW_ID] =
    g_param_spec_string ("interview-id", N_("interview id"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED));

  /**
   * CharterInsight:text:
   *
   * The quote or observation.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", N_("text"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterInsight:kind:
   *
   * Whether the text is the participant's words or an observation.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("kind"), NULL,
                       CHARTER_TYPE_INSIGHT_KIND, CHARTER_INSIGHT_QUOTE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterInsight:start:
   *
   * Where the passage starts in the interview's notes, in characters; -1 when it was not
   * taken from the notes.
   */
  properties[PROP_START] =
    g_param_spec_int ("start", N_("start"), NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterInsight:end:
   *
   * Where the passage ends in the interview's notes (exclusive), in characters; -1 when it
   * was not taken from the notes.
   */
  properties[PROP_END] =
    g_param_spec_int ("end", N_("end"), NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_insight_init (CharterInsight *self)
{
  self->start = -1;
  self->end = -1;
}

/**
 * charter_insight_new:
 * @id: the id of the new insight
 *
 * Returns: (transfer full): a new #CharterInsight
 */
CharterInsight *
charter_insight_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_INSIGHT, "id", id, NULL);
}

/**
 * charter_insight_get_interview_id:
 * @self: a #CharterInsight
 *
 * Returns: (transfer none) (nullable): the id of the interview the insight came from.
 */
const char *
charter_insight_get_interview_id (CharterInsight *self)
{
  g_return_val_if_fail (CHARTER_IS_INSIGHT (self), NULL);

  return self->interview_id;
}

/**
 * charter_insight_set_interview_id:
 * @self: a #CharterInsight
 * @interview_id: (nullable) the new value
 *
 * Sets the interview id; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_insight_set_interview_id (CharterInsight *self,
                                  const char     *interview_id)
{
  g_return_if_fail (CHARTER_IS_INSIGHT (self));

  if (g_strcmp0 (self->interview_id, interview_id) == 0)
    return;

  g_free (self->interview_id);
  self->interview_id = (interview_id != NULL && interview_id[0] != '\0') ? g_strdup (interview_id) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_ID]);
}

/**
 * charter_insight_get_text:
 * @self: a #CharterInsight
 *
 * Returns: (transfer none) (nullable): the quote or observation.
 */
const char *
charter_insight_get_text (CharterInsight *self)
{
  g_return_val_if_fail (CHARTER_IS_INSIGHT (self), NULL);

  return self->text;
}

/**
 * charter_insight_set_text:
 * @self: a #CharterInsight
 * @text: (nullable) the new value
 *
 * Sets the text; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_insight_set_text (CharterInsight *self,
                          const char     *text)
{
  g_return_if_fail (CHARTER_IS_INSIGHT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * charter_insight_get_kind:
 * @self: a #CharterInsight
 *
 * Returns: whether the text is the participant's words or an observation.
 */
CharterInsightKind
charter_insight_get_kind (CharterInsight *self)
{
  g_return_val_if_fail (CHARTER_IS_INSIGHT (self), 0);

  return self->kind;
}

/**
 * charter_insight_set_kind:
 * @self: a #CharterInsight
 * @kind: the new value
 *
 * Sets the kind; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_insight_set_kind (CharterInsight     *self,
                          CharterInsightKind  kind)
{
  g_return_if_fail (CHARTER_IS_INSIGHT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * charter_insight_get_start:
 * @self: a #CharterInsight
 *
 * Returns: where the passage starts in the interview's notes, in characters; -1 when it was
 *   not taken from the notes.
 */
int
charter_insight_get_start (CharterInsight *self)
{
  g_return_val_if_fail (CHARTER_IS_INSIGHT (self), 0);

  return self->start;
}

/**
 * charter_insight_set_start:
 * @self: a #CharterInsight
 * @start: the new value
 *
 * Sets the start; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_insight_set_start (CharterInsight *self,
                           int             start)
{
  g_return_if_fail (CHARTER_IS_INSIGHT (self));

  g_return_if_fail (start >= -1 && start <= G_MAXINT);
  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * charter_insight_get_end:
 * @self: a #CharterInsight
 *
 * Returns: where the passage ends in the interview's notes (exclusive), in characters; -1
 *   when it was not taken from the notes.
 */
int
charter_insight_get_end (CharterInsight *self)
{
  g_return_val_if_fail (CHARTER_IS_INSIGHT (self), 0);

  return self->end;
}

/**
 * charter_insight_set_end:
 * @self: a #CharterInsight
 * @end: the new value
 *
 * Sets the end; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_insight_set_end (CharterInsight *self,
                         int             end)
{
  g_return_if_fail (CHARTER_IS_INSIGHT (self));

  g_return_if_fail (end >= -1 && end <= G_MAXINT);
  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}
