/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_PARTICIPANT (charter_participant_get_type ())

G_DECLARE_FINAL_TYPE (CharterParticipant, charter_participant, CHARTER, PARTICIPANT, CharterItem)

CharterParticipant *charter_participant_new           (const char *id);
const char         *charter_participant_get_alias     (CharterParticipant *self);
void                charter_participant_set_alias     (CharterParticipant *self,
                                                       const char *alias);
const char         *charter_participant_get_segment   (CharterParticipant *self);
void                charter_participant_set_segment   (CharterParticipant *self,
                                                       const char *segment);
const char         *charter_participant_get_real_name (CharterParticipant *self);
void                charter_participant_set_real_name (CharterParticipant *self,
                                                       const char *real_name);
const char         *charter_participant_get_contact   (CharterParticipant *self);
void                charter_participant_set_contact   (CharterParticipant *self,
                                                       const char *contact);
const char         *charter_participant_get_notes     (CharterParticipant *self);
void                charter_participant_set_notes     (CharterParticipant *self,
                                                       const char *notes);

G_END_DECLS
