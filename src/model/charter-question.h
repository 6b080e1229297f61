/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_QUESTION (charter_question_get_type ())

G_DECLARE_FINAL_TYPE (CharterQuestion, charter_question, CHARTER, QUESTION, CharterItem)

CharterQuestion      *charter_question_new          (const char *id);
const char           *charter_question_get_question (CharterQuestion *self);
void                  charter_question_set_question (CharterQuestion *self,
                                                     const char *question);
const char           *charter_question_get_answer   (CharterQuestion *self);
void                  charter_question_set_answer   (CharterQuestion *self,
                                                     const char *answer);
CharterQuestionStatus charter_question_get_status   (CharterQuestion *self);
void                  charter_question_set_status   (CharterQuestion *self,
                                                     CharterQuestionStatus status);

G_END_DECLS
