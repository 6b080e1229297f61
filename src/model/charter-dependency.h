/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_DEPENDENCY (charter_dependency_get_type ())

G_DECLARE_FINAL_TYPE (CharterDependency, charter_dependency, CHARTER, DEPENDENCY, CharterItem)

CharterDependency    *charter_dependency_new             (const char *id);
const char           *charter_dependency_get_predecessor (CharterDependency *self);
void                  charter_dependency_set_predecessor (CharterDependency *self,
                                                          const char *predecessor);
const char           *charter_dependency_get_successor   (CharterDependency *self);
void                  charter_dependency_set_successor   (CharterDependency *self,
                                                          const char *successor);
CharterDependencyType charter_dependency_get_kind        (CharterDependency *self);
void                  charter_dependency_set_kind        (CharterDependency *self,
                                                          CharterDependencyType kind);
int                   charter_dependency_get_lag         (CharterDependency *self);
void                  charter_dependency_set_lag         (CharterDependency *self,
                                                          int lag);

G_END_DECLS
