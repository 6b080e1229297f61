/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_EXCLUSION (charter_exclusion_get_type ())

G_DECLARE_FINAL_TYPE (CharterExclusion, charter_exclusion, CHARTER, EXCLUSION, CharterItem)

CharterExclusion *charter_exclusion_new        (const char *id);
const char       *charter_exclusion_get_what   (CharterExclusion *self);
void              charter_exclusion_set_what   (CharterExclusion *self,
                                                const char *what);
const char       *charter_exclusion_get_reason (CharterExclusion *self);
void              charter_exclusion_set_reason (CharterExclusion *self,
                                                const char *reason);

G_END_DECLS
