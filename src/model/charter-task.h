/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TASK (charter_task_get_type ())

G_DECLARE_FINAL_TYPE (CharterTask, charter_task, CHARTER, TASK, CharterItem)

CharterTask        *charter_task_new                       (const char *id);
const char         *charter_task_get_name                  (CharterTask *self);
void                charter_task_set_name                  (CharterTask *self,
                                                            const char *name);
const char         *charter_task_get_team_id               (CharterTask *self);
void                charter_task_set_team_id               (CharterTask *self,
                                                            const char *team_id);
int                 charter_task_get_duration              (CharterTask *self);
void                charter_task_set_duration              (CharterTask *self,
                                                            int duration);
int                 charter_task_get_optimistic            (CharterTask *self);
void                charter_task_set_optimistic            (CharterTask *self,
                                                            int optimistic);
int                 charter_task_get_pessimistic           (CharterTask *self);
void                charter_task_set_pessimistic           (CharterTask *self,
                                                            int pessimistic);
const char         *charter_task_get_start_no_earlier_than (CharterTask *self);
void                charter_task_set_start_no_earlier_than (CharterTask *self,
                                                            const char *start_no_earlier_than);
const char         *charter_task_get_finish_no_later_than  (CharterTask *self);
void                charter_task_set_finish_no_later_than  (CharterTask *self,
                                                            const char *finish_no_later_than);
gboolean            charter_task_get_milestone             (CharterTask *self);
void                charter_task_set_milestone             (CharterTask *self,
                                                            gboolean milestone);
gboolean            charter_task_get_launch                (CharterTask *self);
void                charter_task_set_launch                (CharterTask *self,
                                                            gboolean launch);
const char * const *charter_task_get_serves                (CharterTask *self);
void                charter_task_set_serves                (CharterTask *self,
                                                            const char * const *serves);
const char         *charter_task_get_notes                 (CharterTask *self);
void                charter_task_set_notes                 (CharterTask *self,
                                                            const char *notes);
gboolean            charter_task_get_positioned            (CharterTask *self);
void                charter_task_set_positioned            (CharterTask *self,
                                                            gboolean positioned);
double              charter_task_get_x                     (CharterTask *self);
void                charter_task_set_x                     (CharterTask *self,
                                                            double x);
double              charter_task_get_y                     (CharterTask *self);
void                charter_task_set_y                     (CharterTask *self,
                                                            double y);

G_END_DECLS
