/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_CHECK_IN (charter_check_in_get_type ())

G_DECLARE_FINAL_TYPE (CharterCheckIn, charter_check_in, CHARTER, CHECK_IN, CharterItem)

CharterCheckIn *charter_check_in_new          (const char *id);
const char     *charter_check_in_get_date     (CharterCheckIn *self);
void            charter_check_in_set_date     (CharterCheckIn *self,
                                               const char *date);
const char     *charter_check_in_get_notes    (CharterCheckIn *self);
void            charter_check_in_set_notes    (CharterCheckIn *self,
                                               const char *notes);
GListModel     *charter_check_in_get_statuses (CharterCheckIn *self);

G_END_DECLS
