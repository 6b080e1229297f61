/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_INTERVIEW (charter_interview_get_type ())

G_DECLARE_FINAL_TYPE (CharterInterview, charter_interview, CHARTER, INTERVIEW, CharterItem)

CharterInterview *charter_interview_new                (const char *id);
const char       *charter_interview_get_participant_id (CharterInterview *self);
void              charter_interview_set_participant_id (CharterInterview *self,
                                                        const char *participant_id);
const char       *charter_interview_get_date           (CharterInterview *self);
void              charter_interview_set_date           (CharterInterview *self,
                                                        const char *date);
const char       *charter_interview_get_title          (CharterInterview *self);
void              charter_interview_set_title          (CharterInterview *self,
                                                        const char *title);
const char       *charter_interview_get_notes          (CharterInterview *self);
void              charter_interview_set_notes          (CharterInterview *self,
                                                        const char *notes);

G_END_DECLS
