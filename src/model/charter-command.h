/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-command.h: one undoable step (private to the model). */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CharterCommand CharterCommand;

CharterCommand *charter_command_new_set    (GObject        *object,
                                            GParamSpec     *pspec,
                                            const GValue   *old_value,
                                            const GValue   *new_value,
                                            const char     *label);
CharterCommand *charter_command_new_insert (GListStore     *store,
                                            guint           position,
                                            GObject        *item,
                                            const char     *label);
CharterCommand *charter_command_new_remove (GListStore     *store,
                                            guint           position,
                                            GObject        *item,
                                            const char     *label);
CharterCommand *charter_command_new_group  (const char     *label);
void            charter_command_group_add  (CharterCommand *group,
                                            CharterCommand *child);
gboolean        charter_command_is_empty   (CharterCommand *self);
void            charter_command_apply      (CharterCommand *self);
void            charter_command_revert     (CharterCommand *self);
gboolean        charter_command_merge      (CharterCommand *self,
                                            CharterCommand *next);
const char     *charter_command_get_label  (CharterCommand *self);
void            charter_command_free       (CharterCommand *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterCommand, charter_command_free)

G_END_DECLS
