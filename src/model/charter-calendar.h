/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-item.h"
#include "charter-model-enums.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_CALENDAR (charter_calendar_get_type ())

G_DECLARE_FINAL_TYPE (CharterCalendar, charter_calendar, CHARTER, CALENDAR, CharterItem)

CharterCalendar    *charter_calendar_new                (const char *id);
const char         *charter_calendar_get_start          (CharterCalendar *self);
void                charter_calendar_set_start          (CharterCalendar *self,
                                                         const char *start);
CharterWeekdays     charter_calendar_get_working_days   (CharterCalendar *self);
void                charter_calendar_set_working_days   (CharterCalendar *self,
                                                         CharterWeekdays working_days);
const char * const *charter_calendar_get_holidays       (CharterCalendar *self);
void                charter_calendar_set_holidays       (CharterCalendar *self,
                                                         const char * const *holidays);
CharterWeekdays     charter_calendar_get_no_launch_days (CharterCalendar *self);
void                charter_calendar_set_no_launch_days (CharterCalendar *self,
                                                         CharterWeekdays no_launch_days);

G_END_DECLS
