/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_AVAILABILITY_VIEW (charter_availability_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterAvailabilityView, charter_availability_view, CHARTER, AVAILABILITY_VIEW, AdwBin)

GtkWidget  *charter_availability_view_new         (void);
const char *charter_availability_view_get_place   (CharterAvailabilityView *self);
void        charter_availability_view_set_place   (CharterAvailabilityView *self,
                                                   const char              *place);
const char *charter_availability_view_get_message (CharterAvailabilityView *self);

G_END_DECLS
