/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_METRIC (charter_metric_get_type ())

G_DECLARE_FINAL_TYPE (CharterMetric, charter_metric, CHARTER, METRIC, CharterItem)

CharterMetric *charter_metric_new            (const char *id);
const char    *charter_metric_get_measure    (CharterMetric *self);
void           charter_metric_set_measure    (CharterMetric *self,
                                              const char *measure);
const char    *charter_metric_get_target     (CharterMetric *self);
void           charter_metric_set_target     (CharterMetric *self,
                                              const char *target);
const char    *charter_metric_get_time_frame (CharterMetric *self);
void           charter_metric_set_time_frame (CharterMetric *self,
                                              const char *time_frame);

G_END_DECLS
