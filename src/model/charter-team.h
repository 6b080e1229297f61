/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TEAM (charter_team_get_type ())

G_DECLARE_FINAL_TYPE (CharterTeam, charter_team, CHARTER, TEAM, CharterItem)

CharterTeam *charter_team_new             (const char *id);
const char  *charter_team_get_name        (CharterTeam *self);
void         charter_team_set_name        (CharterTeam *self,
                                           const char *name);
const char  *charter_team_get_color       (CharterTeam *self);
void         charter_team_set_color       (CharterTeam *self,
                                           const char *color);
int          charter_team_get_capacity    (CharterTeam *self);
void         charter_team_set_capacity    (CharterTeam *self,
                                           int capacity);
GListModel  *charter_team_get_commitments (CharterTeam *self);

G_END_DECLS
