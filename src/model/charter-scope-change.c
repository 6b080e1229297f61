/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-scope-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-scope-change.h"

struct _CharterScopeChange
{
  CharterItem parent_instance;

  char *what;
  char *why;
  int cost;
  char **task_ids;
  char *raised_on;
  CharterScopeDecision decision;
  char *decided_on;
  char *decision_reason;
};

G_DEFINE_FINAL_TYPE (CharterScopeChange, charter_scope_change, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_WHAT,
  PROP_WHY,
  PROP_COST,
  PROP_TASK_IDS,
  PROP_RAISED_ON,
  PROP_DECISION,
  PROP_DECIDED_ON,
  PROP_DECISION_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_scope_change_get_display_name (CharterItem *item)
{
  return CHARTER_SCOPE_CHANGE (item)->what;
}

static void
charter_scope_change_finalize (GObject *object)
{
  CharterScopeChange *self = (CharterScopeChange *) object;

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->task_ids, g_strfreev);
  g_clear_pointer (&self->raised_on, g_free);
  g_clear_pointer (&self->decided_on, g_free);
  g_clear_pointer (&self->decision_reason, g_free);

  G_OBJECT_CLASS (charter_scope_change_parent_class)->finalize (object);
}

static void
charter_scope_change_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CharterScopeChange *self = CHARTER_SCOPE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case PROP_WHY:
      g_value_set_string (value, self->why);
      break;

    case PROP_COST:
      g_value_set_int (value, self->cost);
      break;

    case PROP_TASK_IDS:
      g_value_set_boxed (value, self->task_ids);
      break;

    case PROP_RAISED_ON:
      g_value_set_string (value, self->raised_on);
      break;

    case PROP_DECISION:
      g_value_set_enum (value, self->decision);
      break;

    case PROP_DECIDED_ON:
      g_value_set_string (value, self->decided_on);
      break;

    case PROP_DECISION_REASON:
      g_value_set_string (value, self->decision_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_scope_change_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CharterScopeChange *self = CHARTER_SCOPE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      charter_scope_change_set_what (self, g_value_get_string (value));
      break;

    case PROP_WHY:
      charter_scope_change_set_why (self, g_value_get_string (value));
      break;

    case PROP_COST:
      charter_scope_change_set_cost (self, g_value_get_int (value));
      break;

    case PROP_TASK_IDS:
      charter_scope_change_set_task_ids (self, g_value_get_boxed (value));
      break;

    case PROP_RAISED_ON:
      charter_scope_change_set_raised_on (self, g_value_get_string (value));
      break;

    case PROP_DECISION:
      charter_scope_change_set_decision (self, g_value_get_enum (value));
      break;

    case PROP_DECIDED_ON:
      charter_scope_change_set_decided_on (self, g_value_get_string (value));
      break;

    case PROP_DECISION_REASON:
      charter_scope_change_set_decision_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_scope_change_class_init (CharterScopeChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_scope_change_finalize;
  object_class->get_property = charter_scope_change_get_property;
  object_class->set_property = charter_scope_change_set_property;

  item_class->get_display_name = charter_scope_change_get_display_name;

  /**
   * CharterScopeChange:what:
   *
   * What costs more than expected.
   */
  properties[PROP_WHAT] =
    g_param_spec_string ("what", N_("what"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterScopeChange:why:
   *
   * Why.
   */
  properties[PROP_WHY] =
    g_param_spec_string ("why", N_("why"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterScopeChange:cost:
   *
   * The extra cost, in working days.
   */
  properties[PROP_COST] =
    g_param_spec_int ("cost", N_("cost"), NULL,
                      0, 100000, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterScopeChange:task-ids:
   *
   * The ids of the tasks that cost more: deciding adds the cost to each.
   */
  properties[PROP_TASK_IDS] =
    g_param_spec_boxed ("task-ids", N_("task ids"), NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterScopeChange:raised-on:
   *
   * When it was raised.
   */
  properties[PROP_RAISED_ON] =
    g_param_spec_string ("raised-on", N_("raised on"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterScopeChange:decision:
   *
   * Simplify, change scope, find budget or accept the slip.
   */
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", N_("decision"), NULL,
                       CHARTER_TYPE_SCOPE_DECISION, CHARTER_SCOPE_DECISION_PENDING,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterScopeChange:decided-on:
   *
   * When the product manager decided.
   */
  properties[PROP_DECIDED_ON] =
    g_param_spec_string ("decided-on", N_("decided on"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterScopeChange:decision-reason:
   *
   * Why.
   */
  properties[PROP_DECISION_REASON] =
    g_param_spec_string ("decision-reason", N_("decision reason"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_scope_change_init (CharterScopeChange *self)
{
}

/**
 * charter_scope_change_new:
 * @id: the id of the new scopechange
 *
 * Returns: (transfer full): a new #CharterScopeChange
 */
CharterScopeChange *
charter_scope_change_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_SCOPE_CHANGE, "id", id, NULL);
}

/**
 * charter_scope_change_get_what:
 * @self: a #CharterScopeChange
 *
 * Returns: (transfer none) (nullable): what costs more than expected.
 */
const char *
charter_scope_change_get_what (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), NULL);

  return self->what;
}

/**
 * charter_scope_change_set_what:
 * @self: a #CharterScopeChange
 * @what: (nullable) the new value
 *
 * Sets the what; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_what (CharterScopeChange *self,
                               const char         *what)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if (g_strcmp0 (self->what, what) == 0)
    return;

  g_free (self->what);
  self->what = (what != NULL && what[0] != '\0') ? g_strdup (what) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT]);
}

/**
 * charter_scope_change_get_why:
 * @self: a #CharterScopeChange
 *
 * Returns: (transfer none) (nullable): why.
 */
const char *
charter_scope_change_get_why (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), NULL);

  return self->why;
}

/**
 * charter_scope_change_set_why:
 * @self: a #CharterScopeChange
 * @why: (nullable) the new value
 *
 * Sets the why; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_why (CharterScopeChange *self,
                              const char         *why)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if (g_strcmp0 (self->why, why) == 0)
    return;

  g_free (self->why);
  self->why = (why != NULL && why[0] != '\0') ? g_strdup (why) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY]);
}

/**
 * charter_scope_change_get_cost:
 * @self: a #CharterScopeChange
 *
 * Returns: the extra cost, in working days.
 */
int
charter_scope_change_get_cost (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), 0);

  return self->cost;
}

/**
 * charter_scope_change_set_cost:
 * @self: a #CharterScopeChange
 * @cost: the new value
 *
 * Sets the cost; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_cost (CharterScopeChange *self,
                               int                 cost)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  g_return_if_fail (cost >= 0 && cost <= 100000);
  if (self->cost == cost)
    return;

  self->cost = cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COST]);
}

/**
 * charter_scope_change_get_task_ids:
 * @self: a #CharterScopeChange
 *
 * Returns: (transfer none) (nullable): the ids of the tasks that cost more.
 */
const char * const *
charter_scope_change_get_task_ids (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), NULL);

  return (const char * const *) self->task_ids;
}

/**
 * charter_scope_change_set_task_ids:
 * @self: a #CharterScopeChange
 * @task_ids: (nullable) the new value
 *
 * Sets the task ids; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_task_ids (CharterScopeChange *self,
                                   const char * const *task_ids)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if ((self->task_ids == NULL || self->task_ids[0] == NULL) && (task_ids == NULL || task_ids[0] == NULL))
    return;
  if (self->task_ids != NULL && task_ids != NULL && g_strv_equal ((const char * const *) self->task_ids, task_ids))
    return;

  g_strfreev (self->task_ids);
  self->task_ids = (task_ids != NULL && task_ids[0] != NULL) ? g_strdupv ((char **) task_ids) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_IDS]);
}

/**
 * charter_scope_change_get_raised_on:
 * @self: a #CharterScopeChange
 *
 * Returns: (transfer none) (nullable): when it was raised.
 */
const char *
charter_scope_change_get_raised_on (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), NULL);

  return self->raised_on;
}

/**
 * charter_scope_change_set_raised_on:
 * @self: a #CharterScopeChange
 * @raised_on: (nullable) the new value
 *
 * Sets the raised on; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_raised_on (CharterScopeChange *self,
                                    const char         *raised_on)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if (g_strcmp0 (self->raised_on, raised_on) == 0)
    return;

  g_free (self->raised_on);
  self->raised_on = (raised_on != NULL && raised_on[0] != '\0') ? g_strdup (raised_on) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAISED_ON]);
}

/**
 * charter_scope_change_get_decision:
 * @self: a #CharterScopeChange
 *
 * Returns: simplify, change scope, find budget or accept the slip.
 */
CharterScopeDecision
charter_scope_change_get_decision (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), 0);

  return self->decision;
}

/**
 * charter_scope_change_set_decision:
 * @self: a #CharterScopeChange
 * @decision: the new value
 *
 * Sets the decision; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_decision (CharterScopeChange   *self,
                                   CharterScopeDecision  decision)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if (self->decision == decision)
    return;

  self->decision = decision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
}

/**
 * charter_scope_change_get_decided_on:
 * @self: a #CharterScopeChange
 *
 * Returns: (transfer none) (nullable): when the product manager decided.
 */
const char *
charter_scope_change_get_decided_on (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), NULL);

  return self->decided_on;
}

/**
 * charter_scope_change_set_decided_on:
 * @self: a #CharterScopeChange
 * @decided_on: (nullable) the new value
 *
 * Sets the decided on; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_decided_on (CharterScopeChange *self,
                                     const char         *decided_on)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if (g_strcmp0 (self->decided_on, decided_on) == 0)
    return;

  g_free (self->decided_on);
  self->decided_on = (decided_on != NULL && decided_on[0] != '\0') ? g_strdup (decided_on) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED_ON]);
}

/**
 * charter_scope_change_get_decision_reason:
 * @self: a #CharterScopeChange
 *
 * Returns: (transfer none) (nullable): why.
 */
const char *
charter_scope_change_get_decision_reason (CharterScopeChange *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (self), NULL);

  return self->decision_reason;
}

/**
 * charter_scope_change_set_decision_reason:
 * @self: a #CharterScopeChange
 * @decision_reason: (nullable) the new value
 *
 * Sets the decision reason; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_scope_change_set_decision_reason (CharterScopeChange *self,
                                          const char         *decision_reason)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (self));

  if (g_strcmp0 (self->decision_reason, decision_reason) == 0)
    return;

  g_free (self->decision_reason);
  self->decision_reason = (decision_reason != NULL && decision_reason[0] != '\0') ? g_strdup (decision_reason) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_REASON]);
}
