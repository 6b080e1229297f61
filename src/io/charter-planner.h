/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-planner.h: GNOME Planner (.planner) files, read with libxml2 as
 * MSPDI is (no network, no DTD, no entities). */

#pragma once

#include "charter-mspdi.h"

G_BEGIN_DECLS

gboolean         charter_planner_sniff (const char  *data,
                                        gsize        length);
/* As charter_mspdi_read(). */
CharterDocument *charter_planner_read  (const char  *data,
                                        gsize        length,
                                        const char  *display_name,
                                        char       **warning,
                                        GError     **error);

G_END_DECLS
