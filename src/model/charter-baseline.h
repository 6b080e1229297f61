/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_BASELINE (charter_baseline_get_type ())

G_DECLARE_FINAL_TYPE (CharterBaseline, charter_baseline, CHARTER, BASELINE, CharterItem)

CharterBaseline *charter_baseline_new         (const char *id);
const char      *charter_baseline_get_name    (CharterBaseline *self);
void             charter_baseline_set_name    (CharterBaseline *self,
                                               const char *name);
const char      *charter_baseline_get_date    (CharterBaseline *self);
void             charter_baseline_set_date    (CharterBaseline *self,
                                               const char *date);
GListModel      *charter_baseline_get_entries (CharterBaseline *self);

G_END_DECLS
