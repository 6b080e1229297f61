/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-spec"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-spec.h"
#include "charter-decision.h"
#include "charter-exclusion.h"
#include "charter-metric.h"
#include "charter-question.h"

struct _CharterSpec
{
  CharterItem parent_instance;

  char *title;
  char *problem;
  char *audience;
  char *acuteness;
  char **need_ids;
  char *solution;
  char *smallest_version;
  char *target_date;
  char *appetite;
  GListStore *integration_questions;
  GListStore *out_of_scope;
  GListStore *metrics;
  GListStore *open_questions;
  GListStore *decisions;
};

G_DEFINE_FINAL_TYPE (CharterSpec, charter_spec, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PROBLEM,
  PROP_AUDIENCE,
  PROP_ACUTENESS,
  PROP_NEED_IDS,
  PROP_SOLUTION,
  PROP_SMALLEST_VERSION,
  PROP_TARGET_DATE,
  PROP_APPETITE,
  PROP_INTEGRATION_QUESTIONS,
  PROP_OUT_OF_SCOPE,
  PROP_METRICS,
  PROP_OPEN_QUESTIONS,
  PROP_DECISIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_spec_get_display_name (CharterItem *item)
{
  return CHARTER_SPEC (item)->title;
}

static void
charter_spec_finalize (GObject *object)
{
  CharterSpec *self = (CharterSpec *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->audience, g_free);
  g_clear_pointer (&self->acuteness, g_free);
  g_clear_pointer (&self->need_ids, g_strfreev);
  g_clear_pointer (&self->solution, g_free);
  g_clear_pointer (&self->smallest_version, g_free);
  g_clear_pointer (&self->target_date, g_free);
  g_clear_pointer (&self->appetite, g_free);
  g_clear_object (&self->integration_questions);
  g_clear_object (&self->out_of_scope);
  g_clear_object (&self->metrics);
  g_clear_object (&self->open_questions);
  g_clear_object (&self->decisions);

  G_OBJECT_CLASS (charter_spec_parent_class)->finalize (object);
}

static void
charter_spec_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CharterSpec *self = CHARTER_SPEC (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    case PROP_AUDIENCE:
      g_value_set_string (value, self->audience);
      break;

    case PROP_ACUTENESS:
      g_value_set_string (value, self->acuteness);
      break;

    case PROP_NEED_IDS:
      g_value_set_boxed (value, self->need_ids);
      break;

    case PROP_SOLUTION:
      g_value_set_string (value, self->solution);
      break;

    case PROP_SMALLEST_VERSION:
      g_value_set_string (value, self->smallest_version);
      break;

    case PROP_TARGET_DATE:
      g_value_set_string (value, self->target_date);
      break;

    case PROP_APPETITE:
      g_value_set_string (value, self->appetite);
      break;

    case PROP_INTEGRATION_QUESTIONS:
      g_value_set_object (value, self->integration_questions);
      break;

    case PROP_OUT_OF_SCOPE:
      g_value_set_object (value, self->out_of_scope);
      break;

    case PROP_METRICS:
      g_value_set_object (value, self->metrics);
      break;

    case PROP_OPEN_QUESTIONS:
      g_value_set_object (value, self->open_questions);
      break;

    case PROP_DECISIONS:
      g_value_set_object (value, self->decisions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_spec_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CharterSpec *self = CHARTER_SPEC (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      charter_spec_set_title (self, g_value_get_string (value));
      break;

    case PROP_PROBLEM:
      charter_spec_set_problem (self, g_value_get_string (value));
      break;

    case PROP_AUDIENCE:
      charter_spec_set_audience (self, g_value_get_string (value));
      break;

    case PROP_ACUTENESS:
      charter_spec_set_acuteness (self, g_value_get_string (value));
      break;

    case PROP_NEED_IDS:
      charter_spec_set_need_ids (self, g_value_get_boxed (value));
      break;

    case PROP_SOLUTION:
      charter_spec_set_solution (self, g_value_get_string (value));
      break;

    case PROP_SMALLEST_VERSION:
      charter_spec_set_smallest_version (self, g_value_get_string (value));
      break;

    case PROP_TARGET_DATE:
      charter_spec_set_target_date (self, g_value_get_string (value));
      break;

    case PROP_APPETITE:
      charter_spec_set_appetite (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_spec_class_init (CharterSpecClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_spec_finalize;
  object_class->get_property = charter_spec_get_property;
  object_class->set_property = charter_spec_set_property;

  item_class->get_display_name = charter_spec_get_display_name;

  /**
   * CharterSpec:title:
   *
   * The spec's title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("title"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DISPLAY));

  /**
   * CharterSpec:problem:
   *
   * The problem, in a paragraph.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", N_("problem"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:audience:
   *
   * Who has the problem.
   */
  properties[PROP_AUDIENCE] =
    g_param_spec_string ("audience", N_("audience"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:acuteness:
   *
   * How acute the problem is for them.
   */
  properties[PROP_ACUTENESS] =
    g_param_spec_string ("acuteness", N_("acuteness"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:need-ids:
   *
   * The ids of the needs the spec addresses.
   */
  properties[PROP_NEED_IDS] =
    g_param_spec_boxed ("need-ids", N_("need ids"), NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:solution:
   *
   * What a solution looks like.
   */
  properties[PROP_SOLUTION] =
    g_param_spec_string ("solution", N_("solution"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:smallest-version:
   *
   * The smallest useful version.
   */
  properties[PROP_SMALLEST_VERSION] =
    g_param_spec_string ("smallest-version", N_("smallest version"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:target-date:
   *
   * The date the spec aims for, if there is one.
   */
  properties[PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", N_("target date"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterSpec:appetite:
   *
   * How much time the problem is worth ("six weeks").
   */
  properties[PROP_APPETITE] =
    g_param_spec_string ("appetite", N_("appetite"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:integration-questions:
   *
   * Integration questions: privacy controls, deletion of a user's data, plan tiers...
   */
  properties[PROP_INTEGRATION_QUESTIONS] =
    g_param_spec_object ("integration-questions", N_("integration questions"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:out-of-scope:
   *
   * What is out of scope, each with its reason.
   */
  properties[PROP_OUT_OF_SCOPE] =
    g_param_spec_object ("out-of-scope", N_("out of scope"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:metrics:
   *
   * Success metrics.
   */
  properties[PROP_METRICS] =
    g_param_spec_object ("metrics", N_("metrics"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:open-questions:
   *
   * Questions still open.
   */
  properties[PROP_OPEN_QUESTIONS] =
    g_param_spec_object ("open-questions", N_("open questions"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CharterSpec:decisions:
   *
   * The decision log.
   */
  properties[PROP_DECISIONS] =
    g_param_spec_object ("decisions", N_("decisions"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_spec_init (CharterSpec *self)
{
  self->integration_questions = g_list_store_new (CHARTER_TYPE_QUESTION);
  self->out_of_scope = g_list_store_new (CHARTER_TYPE_EXCLUSION);
  self->metrics = g_list_store_new (CHARTER_TYPE_METRIC);
  self->open_questions = g_list_store_new (CHARTER_TYPE_QUESTION);
  self->decisions = g_list_store_new (CHARTER_TYPE_DECISION);
}

/**
 * charter_spec_new:
 * @id: the id of the new spec
 *
 * Returns: (transfer full): a new #CharterSpec
 */
CharterSpec *
charter_spec_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_SPEC, "id", id, NULL);
}

/**
 * charter_spec_get_title:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): the spec's title.
 */
const char *
charter_spec_get_title (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->title;
}

/**
 * charter_spec_set_title:
 * @self: a #CharterSpec
 * @title: (nullable) the new value
 *
 * Sets the title; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_title (CharterSpec *self,
                        const char  *title)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = (title != NULL && title[0] != '\0') ? g_strdup (title) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * charter_spec_get_problem:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): the problem, in a paragraph.
 */
const char *
charter_spec_get_problem (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->problem;
}

/**
 * charter_spec_set_problem:
 * @self: a #CharterSpec
 * @problem: (nullable) the new value
 *
 * Sets the problem; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_problem (CharterSpec *self,
                          const char  *problem)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = (problem != NULL && problem[0] != '\0') ? g_strdup (problem) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/**
 * charter_spec_get_audience:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): who has the problem.
 */
const char *
charter_spec_get_audience (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->audience;
}

/**
 * charter_spec_set_audience:
 * @self: a #CharterSpec
 * @audience: (nullable) the new value
 *
 * Sets the audience; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_audience (CharterSpec *self,
                           const char  *audience)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->audience, audience) == 0)
    return;

  g_free (self->audience);
  self->audience = (audience != NULL && audience[0] != '\0') ? g_strdup (audience) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

/**
 * charter_spec_get_acuteness:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): how acute the problem is for them.
 */
const char *
charter_spec_get_acuteness (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->acuteness;
}

/**
 * charter_spec_set_acuteness:
 * @self: a #CharterSpec
 * @acuteness: (nullable) the new value
 *
 * Sets the acuteness; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_acuteness (CharterSpec *self,
                            const char  *acuteness)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->acuteness, acuteness) == 0)
    return;

  g_free (self->acuteness);
  self->acuteness = (acuteness != NULL && acuteness[0] != '\0') ? g_strdup (acuteness) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACUTENESS]);
}

/**
 * charter_spec_get_need_ids:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): the ids of the needs the spec addresses.
 */
const char * const *
charter_spec_get_need_ids (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return (const char * const *) self->need_ids;
}

/**
 * charter_spec_set_need_ids:
 * @self: a #CharterSpec
 * @need_ids: (nullable) the new value
 *
 * Sets the need ids; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_need_ids (CharterSpec        *self,
                           const char * const *need_ids)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if ((self->need_ids == NULL || self->need_ids[0] == NULL) && (need_ids == NULL || need_ids[0] == NULL))
    return;
  if (self->need_ids != NULL && need_ids != NULL && g_strv_equal ((const char * const *) self->need_ids, need_ids))
    return;

  g_strfreev (self->need_ids);
  self->need_ids = (need_ids != NULL && need_ids[0] != NULL) ? g_strdupv ((char **) need_ids) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEED_IDS]);
}

/**
 * charter_spec_get_solution:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): what a solution looks like.
 */
const char *
charter_spec_get_solution (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->solution;
}

/**
 * charter_spec_set_solution:
 * @self: a #CharterSpec
 * @solution: (nullable) the new value
 *
 * Sets the solution; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_solution (CharterSpec *self,
                           const char  *solution)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->solution, solution) == 0)
    return;

  g_free (self->solution);
  self->solution = (solution != NULL && solution[0] != '\0') ? g_strdup (solution) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOLUTION]);
}

/**
 * charter_spec_get_smallest_version:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): the smallest useful version.
 */
const char *
charter_spec_get_smallest_version (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->smallest_version;
}

/**
 * charter_spec_set_smallest_version:
 * @self: a #CharterSpec
 * @smallest_version: (nullable) the new value
 *
 * Sets the smallest version; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_smallest_version (CharterSpec *self,
                                   const char  *smallest_version)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->smallest_version, smallest_version) == 0)
    return;

  g_free (self->smallest_version);
  self->smallest_version = (smallest_version != NULL && smallest_version[0] != '\0') ? g_strdup (smallest_version) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SMALLEST_VERSION]);
}

/**
 * charter_spec_get_target_date:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): the date the spec aims for, if there is one.
 */
const char *
charter_spec_get_target_date (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->target_date;
}

/**
 * charter_spec_set_target_date:
 * @self: a #CharterSpec
 * @target_date: (nullable) the new value
 *
 * Sets the target date; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_target_date (CharterSpec *self,
                              const char  *target_date)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->target_date, target_date) == 0)
    return;

  g_free (self->target_date);
  self->target_date = (target_date != NULL && target_date[0] != '\0') ? g_strdup (target_date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DATE]);
}

/**
 * charter_spec_get_appetite:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none) (nullable): how much time the problem is worth ("six weeks").
 */
const char *
charter_spec_get_appetite (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return self->appetite;
}

/**
 * charter_spec_set_appetite:
 * @self: a #CharterSpec
 * @appetite: (nullable) the new value
 *
 * Sets the appetite; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_spec_set_appetite (CharterSpec *self,
                           const char  *appetite)
{
  g_return_if_fail (CHARTER_IS_SPEC (self));

  if (g_strcmp0 (self->appetite, appetite) == 0)
    return;

  g_free (self->appetite);
  self->appetite = (appetite != NULL && appetite[0] != '\0') ? g_strdup (appetite) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPETITE]);
}

/**
 * charter_spec_get_integration_questions:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none): integration questions: privacy controls, deletion of a user's data, plan
 *   tiers...
 */
GListModel *
charter_spec_get_integration_questions (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return G_LIST_MODEL (self->integration_questions);
}

/**
 * charter_spec_get_out_of_scope:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none): what is out of scope, each with its reason.
 */
GListModel *
charter_spec_get_out_of_scope (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return G_LIST_MODEL (self->out_of_scope);
}

/**
 * charter_spec_get_metrics:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none): success metrics.
 */
GListModel *
charter_spec_get_metrics (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return G_LIST_MODEL (self->metrics);
}

/**
 * charter_spec_get_open_questions:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none): questions still open.
 */
GListModel *
charter_spec_get_open_questions (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return G_LIST_MODEL (self->open_questions);
}

/**
 * charter_spec_get_decisions:
 * @self: a #CharterSpec
 *
 * Returns: (transfer none): the decision log.
 */
GListModel *
charter_spec_get_decisions (CharterSpec *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC (self), NULL);

  return G_LIST_MODEL (self->decisions);
}
