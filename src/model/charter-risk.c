/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-risk"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-risk.h"

struct _CharterRisk
{
  CharterItem parent_instance;

  char *description;
  CharterLevel likelihood;
  int probability;
  CharterLevel impact;
  int impact_days;
  char *owner;
  char *mitigation;
  int contingency;
  char **task_ids;
};

G_DEFINE_FINAL_TYPE (CharterRisk, charter_risk, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_LIKELIHOOD,
  PROP_PROBABILITY,
  PROP_IMPACT,
  PROP_IMPACT_DAYS,
  PROP_OWNER,
  PROP_MITIGATION,
  PROP_CONTINGENCY,
  PROP_TASK_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_risk_get_display_name (CharterItem *item)
{
  return CHARTER_RISK (item)->description;
}

static void
charter_risk_finalize (GObject *object)
{
  CharterRisk *self = (CharterRisk *) object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->mitigation, g_free);
  g_clear_pointer (&self->task_ids, g_strfreev);

  G_OBJECT_CLASS (charter_risk_parent_class)->finalize (object);
}

static void
charter_risk_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CharterRisk *self = CHARTER_RISK (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_LIKELIHOOD:
      g_value_set_enum (value, self->likelihood);
      break;

    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;

    case PROP_IMPACT:
      g_value_set_enum (value, self->impact);
      break;

    case PROP_IMPACT_DAYS:
      g_value_set_int (value, self->impact_days);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_MITIGATION:
      g_value_set_string (value, self->mitigation);
      break;

    case PROP_CONTINGENCY:
      g_value_set_int (value, self->contingency);
      break;

    case PROP_TASK_IDS:
      g_value_set_boxed (value, self->task_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_risk_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CharterRisk *self = CHARTER_RISK (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      charter_risk_set_description (self, g_value_get_string (value));
      break;

    case PROP_LIKELIHOOD:
      charter_risk_set_likelihood (self, g_value_get_enum (value));
      break;

    case PROP_PROBABILITY:
      charter_risk_set_probability (self, g_value_get_int (value));
      break;

    case PROP_IMPACT:
      charter_risk_set_impact (self, g_value_get_enum (value));
      break;

    case PROP_IMPACT_DAYS:
      charter_risk_set_impact_days (self, g_value_get_int (value));
      break;

    case PROP_OWNER:
      charter_risk_set_owner (self, g_value_get_string (value));
      break;

    case PROP_MITIGATION:
      charter_risk_set_mitigation (self, g_value_get_string (value));
      break;

    case PROP_CONTINGENCY:
      charter_risk_set_contingency (self, g_value_get_int (value));
      break;

    case PROP_TASK_IDS:
      charter_risk_set_task_ids (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_risk_class_init (CharterRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_risk_finalize;
  object_class->get_property = charter_risk_get_property;
  object_class->set_property = charter_risk_set_property;

  item_class->get_display_name = charter_risk_get_display_name;

  /**
   * CharterRisk:description:
   *
   * What could go wrong.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("description"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterRisk:likelihood:
   *
   * How likely it is.
   */
  properties[PROP_LIKELIHOOD] =
    g_param_spec_enum ("likelihood", N_("likelihood"), NULL,
                       CHARTER_TYPE_LEVEL, CHARTER_LEVEL_MEDIUM,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:probability:
   *
   * The chance, in percent, that it happens in a run of the forecast. Its
   * default is what the default likelihood (medium) stands for; a file
   * without it takes it from its likelihood
   * (charter_risk_probability_for_likelihood()).
   */
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", N_("probability"), NULL,
                      0, 100, 30,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:impact:
   *
   * How bad it would be.
   */
  properties[PROP_IMPACT] =
    g_param_spec_enum ("impact", N_("impact"), NULL,
                       CHARTER_TYPE_LEVEL, CHARTER_LEVEL_MEDIUM,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:impact-days:
   *
   * Working days each affected task takes longer when it happens. A file
   * without it takes the contingency.
   */
  properties[PROP_IMPACT_DAYS] =
    g_param_spec_int ("impact-days", N_("impact in days"), NULL,
                      0, 100000, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:owner:
   *
   * Who watches it.
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", N_("owner"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:mitigation:
   *
   * What we do to make it less likely or less bad.
   */
  properties[PROP_MITIGATION] =
    g_param_spec_string ("mitigation", N_("mitigation"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:contingency:
   *
   * Working days of buffer held against it.
   */
  properties[PROP_CONTINGENCY] =
    g_param_spec_int ("contingency", N_("contingency"), NULL,
                      0, 100000, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterRisk:task-ids:
   *
   * The ids of the tasks it affects.
   */
  properties[PROP_TASK_IDS] =
    g_param_spec_boxed ("task-ids", N_("task ids"), NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_risk_init (CharterRisk *self)
{
  self->likelihood = CHARTER_LEVEL_MEDIUM;
  self->probability = charter_risk_probability_for_likelihood (CHARTER_LEVEL_MEDIUM);
  self->impact = CHARTER_LEVEL_MEDIUM;
}

/**
 * charter_risk_probability_for_likelihood:
 * @likelihood: a level
 *
 * What a likelihood stands for in percent: low 10, medium 30, high 60. Files
 * written before risks had a probability are read with it.
 *
 * Returns: a percentage, 0 to 100
 */
int
charter_risk_probability_for_likelihood (CharterLevel likelihood)
{
  switch (likelihood)
    {
    case CHARTER_LEVEL_LOW:
      return 10;
    case CHARTER_LEVEL_HIGH:
      return 60;
    case CHARTER_LEVEL_MEDIUM:
    default:
      return 30;
    }
}

/**
 * charter_risk_new:
 * @id: the id of the new risk
 *
 * Returns: (transfer full): a new #CharterRisk
 */
CharterRisk *
charter_risk_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_RISK, "id", id, NULL);
}

/**
 * charter_risk_get_description:
 * @self: a #CharterRisk
 *
 * Returns: (transfer none) (nullable): what could go wrong.
 */
const char *
charter_risk_get_description (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), NULL);

  return self->description;
}

/**
 * charter_risk_set_description:
 * @self: a #CharterRisk
 * @description: (nullable) the new value
 *
 * Sets the description; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_description (CharterRisk *self,
                              const char  *description)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = (description != NULL && description[0] != '\0') ? g_strdup (description) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * charter_risk_get_likelihood:
 * @self: a #CharterRisk
 *
 * Returns: how likely it is.
 */
CharterLevel
charter_risk_get_likelihood (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), 0);

  return self->likelihood;
}

/**
 * charter_risk_set_likelihood:
 * @self: a #CharterRisk
 * @likelihood: the new value
 *
 * Sets the likelihood; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_likelihood (CharterRisk  *self,
                             CharterLevel  likelihood)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  if (self->likelihood == likelihood)
    return;

  self->likelihood = likelihood;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIKELIHOOD]);
}

/**
 * charter_risk_get_impact:
 * @self: a #CharterRisk
 *
 * Returns: how bad it would be.
 */
CharterLevel
charter_risk_get_impact (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), 0);

  return self->impact;
}

/**
 * charter_risk_set_impact:
 * @self: a #CharterRisk
 * @impact: the new value
 *
 * Sets the impact; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_impact (CharterRisk  *self,
                         CharterLevel  impact)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  if (self->impact == impact)
    return;

  self->impact = impact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT]);
}

/**
 * charter_risk_get_probability:
 * @self: a #CharterRisk
 *
 * Returns: the chance that it happens, in percent (0 to 100).
 */
int
charter_risk_get_probability (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), 0);

  return self->probability;
}

/**
 * charter_risk_set_probability:
 * @self: a #CharterRisk
 * @probability: the new value, 0 to 100
 *
 * Sets the probability; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_probability (CharterRisk *self,
                              int          probability)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  g_return_if_fail (probability >= 0 && probability <= 100);
  if (self->probability == probability)
    return;

  self->probability = probability;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
}

/**
 * charter_risk_get_impact_days:
 * @self: a #CharterRisk
 *
 * Returns: working days each affected task takes longer when it happens.
 */
int
charter_risk_get_impact_days (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), 0);

  return self->impact_days;
}

/**
 * charter_risk_set_impact_days:
 * @self: a #CharterRisk
 * @impact_days: the new value, 0 to 100000
 *
 * Sets the impact in working days; notifies only when it changes. Edits a
 * person makes go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_impact_days (CharterRisk *self,
                              int          impact_days)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  g_return_if_fail (impact_days >= 0 && impact_days <= 100000);
  if (self->impact_days == impact_days)
    return;

  self->impact_days = impact_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT_DAYS]);
}

/**
 * charter_risk_get_owner:
 * @self: a #CharterRisk
 *
 * Returns: (transfer none) (nullable): who watches it.
 */
const char *
charter_risk_get_owner (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), NULL);

  return self->owner;
}

/**
 * charter_risk_set_owner:
 * @self: a #CharterRisk
 * @owner: (nullable) the new value
 *
 * Sets the owner; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_owner (CharterRisk *self,
                        const char  *owner)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = (owner != NULL && owner[0] != '\0') ? g_strdup (owner) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

/**
 * charter_risk_get_mitigation:
 * @self: a #CharterRisk
 *
 * Returns: (transfer none) (nullable): what we do to make it less likely or less bad.
 */
const char *
charter_risk_get_mitigation (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), NULL);

  return self->mitigation;
}

/**
 * charter_risk_set_mitigation:
 * @self: a #CharterRisk
 * @mitigation: (nullable) the new value
 *
 * Sets the mitigation; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_mitigation (CharterRisk *self,
                             const char  *mitigation)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  if (g_strcmp0 (self->mitigation, mitigation) == 0)
    return;

  g_free (self->mitigation);
  self->mitigation = (mitigation != NULL && mitigation[0] != '\0') ? g_strdup (mitigation) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MITIGATION]);
}

/**
 * charter_risk_get_contingency:
 * @self: a #CharterRisk
 *
 * Returns: working days of buffer held against it.
 */
int
charter_risk_get_contingency (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), 0);

  return self->contingency;
}

/**
 * charter_risk_set_contingency:
 * @self: a #CharterRisk
 * @contingency: the new value
 *
 * Sets the contingency; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_contingency (CharterRisk *self,
                              int          contingency)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  g_return_if_fail (contingency >= 0 && contingency <= 100000);
  if (self->contingency == contingency)
    return;

  self->contingency = contingency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTINGENCY]);
}

/**
 * charter_risk_get_task_ids:
 * @self: a #CharterRisk
 *
 * Returns: (transfer none) (nullable): the ids of the tasks it affects.
 */
const char * const *
charter_risk_get_task_ids (CharterRisk *self)
{
  g_return_val_if_fail (CHARTER_IS_RISK (self), NULL);

  return (const char * const *) self->task_ids;
}

/**
 * charter_risk_set_task_ids:
 * @self: a #CharterRisk
 * @task_ids: (nullable) the new value
 *
 * Sets the task ids; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_risk_set_task_ids (CharterRisk        *self,
                           const char * const *task_ids)
{
  g_return_if_fail (CHARTER_IS_RISK (self));

  if ((self->task_ids == NULL || self->task_ids[0] == NULL) && (task_ids == NULL || task_ids[0] == NULL))
    return;
  if (self->task_ids != NULL && task_ids != NULL && g_strv_equal ((const char * const *) self->task_ids, task_ids))
    return;

  g_strfreev (self->task_ids);
  self->task_ids = (task_ids != NULL && task_ids[0] != NULL) ? g_strdupv ((char **) task_ids) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_IDS]);
}
