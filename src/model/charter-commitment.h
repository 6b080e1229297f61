/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_COMMITMENT (charter_commitment_get_type ())

G_DECLARE_FINAL_TYPE (CharterCommitment, charter_commitment, CHARTER, COMMITMENT, CharterItem)

CharterCommitment *charter_commitment_new        (const char *id);
const char        *charter_commitment_get_start  (CharterCommitment *self);
void               charter_commitment_set_start  (CharterCommitment *self,
                                                  const char *start);
const char        *charter_commitment_get_finish (CharterCommitment *self);
void               charter_commitment_set_finish (CharterCommitment *self,
                                                  const char *finish);
const char        *charter_commitment_get_reason (CharterCommitment *self);
void               charter_commitment_set_reason (CharterCommitment *self,
                                                  const char *reason);

G_END_DECLS
