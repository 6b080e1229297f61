/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-decision.h"

struct _CharterDecision
{
  CharterItem parent_instance;

  char *date;
  char *summary;
  char *rationale;
  char *scope_change_id;
};

G_DEFINE_FINAL_TYPE (CharterDecision, charter_decision, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_RATIONALE,
  PROP_SCOPE_CHANGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_decision_get_display_name (CharterItem *item)
{
  return CHARTER_DECISION (item)->summary;
}

static void
charter_decision_finalize (GObject *object)
{
  CharterDecision *self = (CharterDecision *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->rationale, g_free);
  g_clear_pointer (&self->scope_change_id, g_free);

  G_OBJECT_CLASS (charter_decision_parent_class)->finalize (object);
}

static void
charter_decision_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CharterDecision *self = CHARTER_DECISION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_RATIONALE:
      g_value_set_string (value, self->rationale);
      break;

    case PROP_SCOPE_CHANGE_ID:
      g_value_set_string (value, self->scope_change_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_decision_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CharterDecision *self = CHARTER_DECISION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      charter_decision_set_date (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      charter_decision_set_summary (self, g_value_get_string (value));
      break;

    case PROP_RATIONALE:
      charter_decision_set_rationale (self, g_value_get_string (value));
      break;

    case PROP_SCOPE_CHANGE_ID:
      charter_decision_set_scope_change_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_decision_class_init (CharterDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_decision_finalize;
  object_class->get_property = charter_decision_get_property;
  object_class->set_property = charter_decision_set_property;

  item_class->get_display_name = charter_decision_get_display_name;

  /**
   * CharterDecision:date:
   *
   * When the decision was taken.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", N_("date"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterDecision:summary:
   *
   * What was decided.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", N_("summary"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterDecision:rationale:
   *
   * Why.
   */
  properties[PROP_RATIONALE] =
    g_param_spec_string ("rationale", N_("rationale"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterDecision:scope-change-id:
   *
   * The id of the scope-change request the decision answers, if any.
   */
  properties[PROP_SCOPE_CHANGE_ID] =
    g_param_spec_string ("scope-change-id", N_("scope change id"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_decision_init (CharterDecision *self)
{
}

/**
 * charter_decision_new:
 * @id: the id of the new decision
 *
 * Returns: (transfer full): a new #CharterDecision
 */
CharterDecision *
charter_decision_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_DECISION, "id", id, NULL);
}

/**
 * charter_decision_get_date:
 * @self: a #CharterDecision
 *
 * Returns: (transfer none) (nullable): when the decision was taken.
 */
const char *
charter_decision_get_date (CharterDecision *self)
{
  g_return_val_if_fail (CHARTER_IS_DECISION (self), NULL);

  return self->date;
}

/**
 * charter_decision_set_date:
 * @self: a #CharterDecision
 * @date: (nullable) the new value
 *
 * Sets the date; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_decision_set_date (CharterDecision *self,
                           const char      *date)
{
  g_return_if_fail (CHARTER_IS_DECISION (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = (date != NULL && date[0] != '\0') ? g_strdup (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * charter_decision_get_summary:
 * @self: a #CharterDecision
 *
 * Returns: (transfer none) (nullable): what was decided.
 */
const char *
charter_decision_get_summary (CharterDecision *self)
{
  g_return_val_if_fail (CHARTER_IS_DECISION (self), NULL);

  return self->summary;
}

/**
 * charter_decision_set_summary:
 * @self: a #CharterDecision
 * @summary: (nullable) the new value
 *
 * Sets the summary; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_decision_set_summary (CharterDecision *self,
                              const char      *summary)
{
  g_return_if_fail (CHARTER_IS_DECISION (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = (summary != NULL && summary[0] != '\0') ? g_strdup (summary) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * charter_decision_get_rationale:
 * @self: a #CharterDecision
 *
 * Returns: (transfer none) (nullable): why.
 */
const char *
charter_decision_get_rationale (CharterDecision *self)
{
  g_return_val_if_fail (CHARTER_IS_DECISION (self), NULL);

  return self->rationale;
}

/**
 * charter_decision_set_rationale:
 * @self: a #CharterDecision
 * @rationale: (nullable) the new value
 *
 * Sets the rationale; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_decision_set_rationale (CharterDecision *self,
                                const char      *rationale)
{
  g_return_if_fail (CHARTER_IS_DECISION (self));

  if (g_strcmp0 (self->rationale, rationale) == 0)
    return;

  g_free (self->rationale);
  self->rationale = (rationale != NULL && rationale[0] != '\0') ? g_strdup (rationale) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATIONALE]);
}

/**
 * charter_decision_get_scope_change_id:
 * @self: a #CharterDecision
 *
 * Returns: (transfer none) (nullable): the id of the scope-change request
 *   the decision answers.
 */
const char *
charter_decision_get_scope_change_id (CharterDecision *self)
{
  g_return_val_if_fail (CHARTER_IS_DECISION (self), NULL);

  return self->scope_change_id;
}

/**
 * charter_decision_set_scope_change_id:
 * @self: a #CharterDecision
 * @scope_change_id: (nullable) the new value
 *
 * Sets the scope-change request it answers; notifies only when it changes.
 * Edits a person makes go through charter_document_set() so that they can
 * be undone.
 */
void
charter_decision_set_scope_change_id (CharterDecision *self,
                                      const char      *scope_change_id)
{
  g_return_if_fail (CHARTER_IS_DECISION (self));

  if (g_strcmp0 (self->scope_change_id, scope_change_id) == 0)
    return;

  g_free (self->scope_change_id);
  self->scope_change_id = (scope_change_id != NULL && scope_change_id[0] != '\0') ? g_strdup (scope_change_id) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE_CHANGE_ID]);
}
