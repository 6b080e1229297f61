/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_RISK (charter_risk_get_type ())

G_DECLARE_FINAL_TYPE (CharterRisk, charter_risk, CHARTER, RISK, CharterItem)

CharterRisk        *charter_risk_new             (const char *id);
const char         *charter_risk_get_description (CharterRisk *self);
void                charter_risk_set_description (CharterRisk *self,
                                                  const char *description);
CharterLevel        charter_risk_get_likelihood  (CharterRisk *self);
void                charter_risk_set_likelihood  (CharterRisk *self,
                                                  CharterLevel likelihood);
int                 charter_risk_get_probability (CharterRisk *self);
void                charter_risk_set_probability (CharterRisk *self,
                                                  int probability);
CharterLevel        charter_risk_get_impact      (CharterRisk *self);
void                charter_risk_set_impact      (CharterRisk *self,
                                                  CharterLevel impact);
int                 charter_risk_get_impact_days (CharterRisk *self);
void                charter_risk_set_impact_days (CharterRisk *self,
                                                  int impact_days);
const char         *charter_risk_get_owner       (CharterRisk *self);
void                charter_risk_set_owner       (CharterRisk *self,
                                                  const char *owner);
const char         *charter_risk_get_mitigation  (CharterRisk *self);
void                charter_risk_set_mitigation  (CharterRisk *self,
                                                  const char *mitigation);
int                 charter_risk_get_contingency (CharterRisk *self);
void                charter_risk_set_contingency (CharterRisk *self,
                                                  int contingency);
const char * const *charter_risk_get_task_ids    (CharterRisk *self);
void                charter_risk_set_task_ids    (CharterRisk *self,
                                                  const char * const *task_ids);

int                 charter_risk_probability_for_likelihood (CharterLevel likelihood);

G_END_DECLS
