/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_DECISION (charter_decision_get_type ())

G_DECLARE_FINAL_TYPE (CharterDecision, charter_decision, CHARTER, DECISION, CharterItem)

CharterDecision *charter_decision_new           (const char *id);
const char      *charter_decision_get_date      (CharterDecision *self);
void             charter_decision_set_date      (CharterDecision *self,
                                                 const char *date);
const char      *charter_decision_get_summary   (CharterDecision *self);
void             charter_decision_set_summary   (CharterDecision *self,
                                                 const char *summary);
const char      *charter_decision_get_rationale (CharterDecision *self);
void             charter_decision_set_rationale (CharterDecision *self,
                                                 const char *rationale);
const char      *charter_decision_get_scope_change_id (CharterDecision *self);
void             charter_decision_set_scope_change_id (CharterDecision *self,
                                                       const char *scope_change_id);

G_END_DECLS
