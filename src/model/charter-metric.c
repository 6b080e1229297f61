/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-metric"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-metric.h"

struct _CharterMetric
{
  CharterItem parent_instance;

  char *measure;
  char *target;
  char *time_frame;
};

G_DEFINE_FINAL_TYPE (CharterMetric, charter_metric, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_MEASURE,
  PROP_TARGET,
  PROP_TIME_FRAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_metric_get_display_name (CharterItem *item)
{
  return CHARTER_METRIC (item)->measure;
}

static void
charter_metric_finalize (GObject *object)
{
  CharterMetric *self = (CharterMetric *) object;

  g_clear_pointer (&self->measure, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->time_frame, g_free);

  G_OBJECT_CLASS (charter_metric_parent_class)->finalize (object);
}

static void
charter_metric_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CharterMetric *self = CHARTER_METRIC (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_string (value, self->measure);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_TIME_FRAME:
      g_value_set_string (value, self->time_frame);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_metric_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CharterMetric *self = CHARTER_METRIC (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      charter_metric_set_measure (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      charter_metric_set_target (self, g_value_get_string (value));
      break;

    case PROP_TIME_FRAME:
      charter_metric_set_time_frame (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_metric_class_init (CharterMetricClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_metric_finalize;
  object_class->get_property = charter_metric_get_property;
  object_class->set_property = charter_metric_set_property;

  item_class->get_display_name = charter_metric_get_display_name;

  /**
   * CharterMetric:measure:
   *
   * What is measured ("members who open history weekly").
   */
  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", N_("measure"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterMetric:target:
   *
   * The value that counts as success ("40 %").
   */
  properties[PROP_TARGET] =
    g_param_spec_string ("target", N_("target"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterMetric:time-frame:
   *
   * By when ("8 weeks after launch").
   */
  properties[PROP_TIME_FRAME] =
    g_param_spec_string ("time-frame", N_("time frame"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_metric_init (CharterMetric *self)
{
}

/**
 * charter_metric_new:
 * @id: the id of the new metric
 *
 * Returns: (transfer full): a new #CharterMetric
 */
CharterMetric *
charter_metric_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_METRIC, "id", id, NULL);
}

/**
 * charter_metric_get_measure:
 * @self: a #CharterMetric
 *
 * Returns: (transfer none) (nullable): what is measured ("members who open history weekly").
 */
const char *
charter_metric_get_measure (CharterMetric *self)
{
  g_return_val_if_fail (CHARTER_IS_METRIC (self), NULL);

  return self->measure;
}

/**
 * charter_metric_set_measure:
 * @self: a #CharterMetric
 * @measure: (nullable) the new value
 *
 * Sets the measure; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_metric_set_measure (CharterMetric *self,
                            const char    *measure)
{
  g_return_if_fail (CHARTER_IS_METRIC (self));

  if (g_strcmp0 (self->measure, measure) == 0)
    return;

  g_free (self->measure);
  self->measure = (measure != NULL && measure[0] != '\0') ? g_strdup (measure) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

/**
 * charter_metric_get_target:
 * @self: a #CharterMetric
 *
 * Returns: (transfer none) (nullable): the value that counts as success ("40 %").
 */
const char *
charter_metric_get_target (CharterMetric *self)
{
  g_return_val_if_fail (CHARTER_IS_METRIC (self), NULL);

  return self->target;
}

/**
 * charter_metric_set_target:
 * @self: a #CharterMetric
 * @target: (nullable) the new value
 *
 * Sets the target; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_metric_set_target (CharterMetric *self,
                           const char    *target)
{
  g_return_if_fail (CHARTER_IS_METRIC (self));

  if (g_strcmp0 (self->target, target) == 0)
    return;

  g_free (self->target);
  self->target = (target != NULL && target[0] != '\0') ? g_strdup (target) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/**
 * charter_metric_get_time_frame:
 * @self: a #CharterMetric
 *
 * Returns: (transfer none) (nullable): by when ("8 weeks after launch").
 */
const char *
charter_metric_get_time_frame (CharterMetric *self)
{
  g_return_val_if_fail (CHARTER_IS_METRIC (self), NULL);

  return self->time_frame;
}

/**
 * charter_metric_set_time_frame:
 * @self: a #CharterMetric
 * @time_frame: (nullable) the new value
 *
 * Sets the time frame; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_metric_set_time_frame (CharterMetric *self,
                               const char    *time_frame)
{
  g_return_if_fail (CHARTER_IS_METRIC (self));

  if (g_strcmp0 (self->time_frame, time_frame) == 0)
    return;

  g_free (self->time_frame);
  self->time_frame = (time_frame != NULL && time_frame[0] != '\0') ? g_strdup (time_frame) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_FRAME]);
}
