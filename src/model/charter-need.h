/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_NEED (charter_need_get_type ())

G_DECLARE_FINAL_TYPE (CharterNeed, charter_need, CHARTER, NEED, CharterItem)

CharterNeed        *charter_need_new             (const char *id);
const char         *charter_need_get_statement   (CharterNeed *self);
void                charter_need_set_statement   (CharterNeed *self,
                                                  const char *statement);
const char * const *charter_need_get_insight_ids (CharterNeed *self);
void                charter_need_set_insight_ids (CharterNeed *self,
                                                  const char * const *insight_ids);
const char         *charter_need_get_notes       (CharterNeed *self);
void                charter_need_set_notes       (CharterNeed *self,
                                                  const char *notes);

G_END_DECLS
