/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-ics.h: holidays from an iCalendar (.ics) file — the all-day
 * events' dates, which is what a public-holiday calendar holds. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHARTER_ICS_ERROR (charter_ics_error_quark ())

typedef enum
{
  CHARTER_ICS_ERROR_SYNTAX,   /* not iCalendar, or a broken line; names the line */
  CHARTER_ICS_ERROR_EMPTY,    /* iCalendar, but no all-day event in it */
} CharterIcsError;

GQuark charter_ics_error_quark    (void);
char **charter_ics_parse_holidays (const char  *text,
                                   gssize       length,
                                   GError     **error);

G_END_DECLS
