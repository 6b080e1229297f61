/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-workspace.h: what every workspace of the window (Discovery, Spec,
 * Plan, Timeline) is to the window: a view of one document, with the
 * scheduler that schedules it. The window hands both over through this
 * contract only, as GNOME Calendar's views implement GcalView. */

#pragma once

#include <adwaita.h>

#include "charter-model.h"
#include "charter-scheduler.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_WORKSPACE (charter_workspace_get_type ())

G_DECLARE_INTERFACE (CharterWorkspace, charter_workspace, CHARTER, WORKSPACE, GtkWidget)

struct _CharterWorkspaceInterface
{
  GTypeInterface parent_iface;
};

CharterDocument  *charter_workspace_get_document  (CharterWorkspace *self);
void              charter_workspace_set_document  (CharterWorkspace *self,
                                                   CharterDocument  *document);
CharterScheduler *charter_workspace_get_scheduler (CharterWorkspace *self);
void              charter_workspace_set_scheduler (CharterWorkspace *self,
                                                   CharterScheduler *scheduler);

void              charter_workspace_install_properties (GObjectClass *object_class,
                                                        guint         document_prop_id,
                                                        guint         scheduler_prop_id);

G_END_DECLS
