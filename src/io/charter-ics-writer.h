/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-ics-writer.h: the plan's dates as an iCalendar (RFC 5545) file for
 * a team calendar: milestones, the launch, check-ins and team commitments
 * as all-day events. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

/* @starts and @finishes as charter_mspdi_write() (for the milestones and
 * the launch; without them only check-ins and commitments are written).
 * DTSTAMP is now, or SOURCE_DATE_EPOCH when set (reproducible output). */
GBytes *charter_ics_write (CharterDocument *document,
                           GHashTable      *starts,
                           GHashTable      *finishes);

G_END_DECLS
