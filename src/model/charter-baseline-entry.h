/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_BASELINE_ENTRY (charter_baseline_entry_get_type ())

G_DECLARE_FINAL_TYPE (CharterBaselineEntry, charter_baseline_entry, CHARTER, BASELINE_ENTRY, CharterItem)

CharterBaselineEntry *charter_baseline_entry_new         (const char *id);
const char           *charter_baseline_entry_get_task_id (CharterBaselineEntry *self);
void                  charter_baseline_entry_set_task_id (CharterBaselineEntry *self,
                                                          const char *task_id);
const char           *charter_baseline_entry_get_start   (CharterBaselineEntry *self);
void                  charter_baseline_entry_set_start   (CharterBaselineEntry *self,
                                                          const char *start);
const char           *charter_baseline_entry_get_finish  (CharterBaselineEntry *self);
void                  charter_baseline_entry_set_finish  (CharterBaselineEntry *self,
                                                          const char *finish);

G_END_DECLS
