/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TASK_STATUS (charter_task_status_get_type ())

G_DECLARE_FINAL_TYPE (CharterTaskStatus, charter_task_status, CHARTER, TASK_STATUS, CharterItem)

CharterTaskStatus *charter_task_status_new                  (const char *id);
const char        *charter_task_status_get_task_id          (CharterTaskStatus *self);
void               charter_task_status_set_task_id          (CharterTaskStatus *self,
                                                             const char *task_id);
CharterTaskState   charter_task_status_get_state            (CharterTaskStatus *self);
void               charter_task_status_set_state            (CharterTaskStatus *self,
                                                             CharterTaskState state);
int                charter_task_status_get_percent_complete (CharterTaskStatus *self);
void               charter_task_status_set_percent_complete (CharterTaskStatus *self,
                                                             int percent_complete);
int                charter_task_status_get_remaining        (CharterTaskStatus *self);
void               charter_task_status_set_remaining        (CharterTaskStatus *self,
                                                             int remaining);
const char        *charter_task_status_get_blockers         (CharterTaskStatus *self);
void               charter_task_status_set_blockers         (CharterTaskStatus *self,
                                                             const char *blockers);
const char        *charter_task_status_get_notes            (CharterTaskStatus *self);
void               charter_task_status_set_notes            (CharterTaskStatus *self,
                                                             const char *notes);

G_END_DECLS
