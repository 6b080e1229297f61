/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-recovery.h: recovery copies of unsaved work, so that a crash or a
 * power cut loses nothing. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

/* Recovery copies live in g_get_user_state_dir()/charter/recovery, one per "slot" (a window). */
gboolean         charter_recovery_write       (CharterDocument *document, const char *slot, GError **error);
void             charter_recovery_discard     (const char *slot);
char           **charter_recovery_list_slots  (void);   /* slots that hold a recovery copy, newest first */
CharterDocument *charter_recovery_load        (const char *slot, GError **error); /* modified=TRUE; file set to the original location if it had one */

G_END_DECLS
