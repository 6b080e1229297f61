/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-scope-change-dialog.h: raising a scope-change request.
 *
 * Usage (the window's "win.request-scope-change" action does this):
 *
 *   GtkWidget *dialog = charter_scope_change_dialog_new (window, document, task_id);
 *   gtk_window_present (GTK_WINDOW (dialog));
 *
 * The dialog shows the launch now and with the request's cost added to the
 * tasks it affects, computed on a copy of the document; "Raise" adds the
 * request (pending, raised today) as one undoable step and closes. */

#pragma once

#include <adwaita.h>

#include "charter-document.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_SCOPE_CHANGE_DIALOG (charter_scope_change_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CharterScopeChangeDialog, charter_scope_change_dialog, CHARTER, SCOPE_CHANGE_DIALOG, AdwWindow)

GtkWidget       *charter_scope_change_dialog_new          (GtkWindow                *parent,
                                                           CharterDocument          *document,
                                                           const char               *task_id);
CharterDocument *charter_scope_change_dialog_get_document (CharterScopeChangeDialog *self);
/* For tests: the launch days the preview shows (Julian; 0 for none). */
void             charter_scope_change_dialog_get_preview  (CharterScopeChangeDialog *self,
                                                           guint32                  *now_day,
                                                           guint32                  *then_day);

G_END_DECLS
