/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_INSIGHT (charter_insight_get_type ())

G_DECLARE_FINAL_TYPE (CharterInsight, charter_insight, CHARTER, INSIGHT, CharterItem)

CharterInsight    *charter_insight_new              (const char *id);
const char        *charter_insight_get_interview_id (CharterInsight *self);
void               charter_insight_set_interview_id (CharterInsight *self,
                                                     const char *interview_id);
const char        *charter_insight_get_text         (CharterInsight *self);
void               charter_insight_set_text         (CharterInsight *self,
                                                     const char *text);
CharterInsightKind charter_insight_get_kind         (CharterInsight *self);
void               charter_insight_set_kind         (CharterInsight *self,
                                                     CharterInsightKind kind);
int                charter_insight_get_start        (CharterInsight *self);
void               charter_insight_set_start        (CharterInsight *self,
                                                     int start);
int                charter_insight_get_end          (CharterInsight *self);
void               charter_insight_set_end          (CharterInsight *self,
                                                     int end);

G_END_DECLS
