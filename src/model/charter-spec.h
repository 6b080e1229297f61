/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_SPEC (charter_spec_get_type ())

G_DECLARE_FINAL_TYPE (CharterSpec, charter_spec, CHARTER, SPEC, CharterItem)

CharterSpec        *charter_spec_new                       (const char *id);
const char         *charter_spec_get_title                 (CharterSpec *self);
void                charter_spec_set_title                 (CharterSpec *self,
                                                            const char *title);
const char         *charter_spec_get_problem               (CharterSpec *self);
void                charter_spec_set_problem               (CharterSpec *self,
                                                            const char *problem);
const char         *charter_spec_get_audience              (CharterSpec *self);
void                charter_spec_set_audience              (CharterSpec *self,
                                                            const char *audience);
const char         *charter_spec_get_acuteness             (CharterSpec *self);
void                charter_spec_set_acuteness             (CharterSpec *self,
                                                            const char *acuteness);
const char * const *charter_spec_get_need_ids              (CharterSpec *self);
void                charter_spec_set_need_ids              (CharterSpec *self,
                                                            const char * const *need_ids);
const char         *charter_spec_get_solution              (CharterSpec *self);
void                charter_spec_set_solution              (CharterSpec *self,
                                                            const char *solution);
const char         *charter_spec_get_smallest_version      (CharterSpec *self);
void                charter_spec_set_smallest_version      (CharterSpec *self,
                                                            const char *smallest_version);
const char         *charter_spec_get_target_date           (CharterSpec *self);
void                charter_spec_set_target_date           (CharterSpec *self,
                                                            const char *target_date);
const char         *charter_spec_get_appetite              (CharterSpec *self);
void                charter_spec_set_appetite              (CharterSpec *self,
                                                            const char *appetite);
GListModel         *charter_spec_get_integration_questions (CharterSpec *self);
GListModel         *charter_spec_get_out_of_scope          (CharterSpec *self);
GListModel         *charter_spec_get_metrics               (CharterSpec *self);
GListModel         *charter_spec_get_open_questions        (CharterSpec *self);
GListModel         *charter_spec_get_decisions             (CharterSpec *self);

G_END_DECLS
