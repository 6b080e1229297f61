/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_CHECK_IN_VIEW (charter_check_in_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterCheckInView, charter_check_in_view, CHARTER, CHECK_IN_VIEW, AdwBin)

GtkWidget  *charter_check_in_view_new             (void);
const char *charter_check_in_view_get_selected    (CharterCheckInView *self);
void        charter_check_in_view_set_selected    (CharterCheckInView *self,
                                                   const char         *check_in_id);
char      **charter_check_in_view_dup_task_ids    (CharterCheckInView *self);
const char *charter_check_in_view_get_explanation (CharterCheckInView *self);
GtkWidget  *charter_check_in_view_get_field       (CharterCheckInView *self,
                                                   const char         *task_id,
                                                   guint               column);

G_END_DECLS
