/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CharterCommand CharterCommand;

#define CHARTER_TYPE_HISTORY (charter_history_get_type ())

G_DECLARE_FINAL_TYPE (CharterHistory, charter_history, CHARTER, HISTORY, GObject)

CharterHistory *charter_history_new            (void);
void            charter_history_push           (CharterHistory *self,
                                                CharterCommand *command,
                                                gboolean        mergeable);
void            charter_history_begin_group    (CharterHistory *self,
                                                const char     *label);
void            charter_history_end_group      (CharterHistory *self);
void            charter_history_cancel_group   (CharterHistory *self);
gboolean        charter_history_in_group       (CharterHistory *self);
void            charter_history_seal           (CharterHistory *self);
gboolean        charter_history_undo           (CharterHistory *self);
gboolean        charter_history_redo           (CharterHistory *self);
gboolean        charter_history_get_can_undo   (CharterHistory *self);
gboolean        charter_history_get_can_redo   (CharterHistory *self);
const char     *charter_history_get_undo_label (CharterHistory *self);
const char     *charter_history_get_redo_label (CharterHistory *self);
gboolean        charter_history_get_modified   (CharterHistory *self);
void            charter_history_mark_saved     (CharterHistory *self);
void            charter_history_mark_modified  (CharterHistory *self);
void            charter_history_clear          (CharterHistory *self);

G_END_DECLS
