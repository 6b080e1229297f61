/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-question"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-question.h"

struct _CharterQuestion
{
  CharterItem parent_instance;

  char *question;
  char *answer;
  CharterQuestionStatus status;
};

G_DEFINE_FINAL_TYPE (CharterQuestion, charter_question, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_ANSWER,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_question_get_display_name (CharterItem *item)
{
  return CHARTER_QUESTION (item)->question;
}

static void
charter_question_finalize (GObject *object)
{
  CharterQuestion *self = (CharterQuestion *) object;

  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->answer, g_free);

  G_OBJECT_CLASS (charter_question_parent_class)->finalize (object);
}

static void
charter_question_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CharterQuestion *self = CHARTER_QUESTION (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_question_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CharterQuestion *self = CHARTER_QUESTION (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      charter_question_set_question (self, g_value_get_string (value));
      break;

    case PROP_ANSWER:
      charter_question_set_answer (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      charter_question_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_question_class_init (CharterQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_question_finalize;
  object_class->get_property = charter_question_get_property;
  object_class->set_property = charter_question_set_property;

  item_class->get_display_name = charter_question_get_display_name;

  /**
   * CharterQuestion:question:
   *
   * The question ("What happens to history when an account is deleted?").
   */
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", N_("question"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterQuestion:answer:
   *
   * The answer, once there is one.
   */
  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", N_("answer"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterQuestion:status:
   *
   * Where the question stands.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CHARTER_TYPE_QUESTION_STATUS, CHARTER_QUESTION_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_question_init (CharterQuestion *self)
{
}

/**
 * charter_question_new:
 * @id: the id of the new question
 *
 * Returns: (transfer full): a new #CharterQuestion
 */
CharterQuestion *
charter_question_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_QUESTION, "id", id, NULL);
}

/**
 * charter_question_get_question:
 * @self: a #CharterQuestion
 *
 * Returns: (transfer none) (nullable): the question ("What happens to history when an account is deleted?").
 */
const char *
charter_question_get_question (CharterQuestion *self)
{
  g_return_val_if_fail (CHARTER_IS_QUESTION (self), NULL);

  return self->question;
}

/**
 * charter_question_set_question:
 * @self: a #CharterQuestion
 * @question: (nullable) the new value
 *
 * Sets the question; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_question_set_question (CharterQuestion *self,
                               const char      *question)
{
  g_return_if_fail (CHARTER_IS_QUESTION (self));

  if (g_strcmp0 (self->question, question) == 0)
    return;

  g_free (self->question);
  self->question = (question != NULL && question[0] != '\0') ? g_strdup (question) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

/**
 * charter_question_get_answer:
 * @self: a #CharterQuestion
 *
 * Returns: (transfer none) (nullable): the answer, once there is one.
 */
const char *
charter_question_get_answer (CharterQuestion *self)
{
  g_return_val_if_fail (CHARTER_IS_QUESTION (self), NULL);

  return self->answer;
}

/**
 * charter_question_set_answer:
 * @self: a #CharterQuestion
 * @answer: (nullable) the new value
 *
 * Sets the answer; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_question_set_answer (CharterQuestion *self,
                             const char      *answer)
{
  g_return_if_fail (CHARTER_IS_QUESTION (self));

  if (g_strcmp0 (self->answer, answer) == 0)
    return;

  g_free (self->answer);
  self->answer = (answer != NULL && answer[0] != '\0') ? g_strdup (answer) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

/**
 * charter_question_get_status:
 * @self: a #CharterQuestion
 *
 * Returns: where the question stands.
 */
CharterQuestionStatus
charter_question_get_status (CharterQuestion *self)
{
  g_return_val_if_fail (CHARTER_IS_QUESTION (self), 0);

  return self->status;
}

/**
 * charter_question_set_status:
 * @self: a #CharterQuestion
 * @status: the new value
 *
 * Sets the status; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_question_set_status (CharterQuestion       *self,
                             CharterQuestionStatus  status)
{
  g_return_if_fail (CHARTER_IS_QUESTION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
