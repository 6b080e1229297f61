/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_SCOPE_CHANGE (charter_scope_change_get_type ())

G_DECLARE_FINAL_TYPE (CharterScopeChange, charter_scope_change, CHARTER, SCOPE_CHANGE, CharterItem)

CharterScopeChange  *charter_scope_change_new                 (const char *id);
const char          *charter_scope_change_get_what            (CharterScopeChange *self);
void                 charter_scope_change_set_what            (CharterScopeChange *self,
                                                               const char *what);
const char          *charter_scope_change_get_why             (CharterScopeChange *self);
void                 charter_scope_change_set_why             (CharterScopeChange *self,
                                                               const char *why);
int                  charter_scope_change_get_cost            (CharterScopeChange *self);
void                 charter_scope_change_set_cost            (CharterScopeChange *self,
                                                               int cost);
const char * const  *charter_scope_change_get_task_ids        (CharterScopeChange *self);
void                 charter_scope_change_set_task_ids        (CharterScopeChange *self,
                                                               const char * const *task_ids);
const char          *charter_scope_change_get_raised_on       (CharterScopeChange *self);
void                 charter_scope_change_set_raised_on       (CharterScopeChange *self,
                                                               const char *raised_on);
CharterScopeDecision charter_scope_change_get_decision        (CharterScopeChange *self);
void                 charter_scope_change_set_decision        (CharterScopeChange *self,
                                                               CharterScopeDecision decision);
const char          *charter_scope_change_get_decided_on      (CharterScopeChange *self);
void                 charter_scope_change_set_decided_on      (CharterScopeChange *self,
                                                               const char *decided_on);
const char          *charter_scope_change_get_decision_reason (CharterScopeChange *self);
void                 charter_scope_change_set_decision_reason (CharterScopeChange *self,
                                                               const char *decision_reason);

G_END_DECLS
