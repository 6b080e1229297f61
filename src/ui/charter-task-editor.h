/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-task-editor.h: the one editor of a task, for every view.
 *
 * Usage, in a canvas (or any view) that shows tasks:
 *
 *   // once, e.g. in init; the canvas is the popover's parent
 *   self->task_editor = charter_task_editor_new ();
 *   gtk_widget_set_parent (self->task_editor, GTK_WIDGET (self));
 *   g_object_bind_property (self, "document", self->task_editor, "document", G_BINDING_SYNC_CREATE);
 *
 *   // to edit a task: point at it (in the parent's coordinates), then pop up
 *   GdkRectangle rect = { x, y, width, height };
 *   charter_task_editor_set_task_id (CHARTER_TASK_EDITOR (self->task_editor), task_id);
 *   gtk_popover_set_pointing_to (GTK_POPOVER (self->task_editor), &rect);
 *   gtk_popover_popup (GTK_POPOVER (self->task_editor));
 *
 *   // in dispose
 *   g_clear_pointer (&self->task_editor, gtk_widget_unparent);
 *
 * Edits apply as they are made; everything from popping up to closing is one
 * undo step ("Edit “Backend API”"). Escape closes, Enter in a field closes
 * after applying it, Ctrl+Z undoes the document (the step so far first). The
 * editor follows its task (Undo, other views) and closes when the task goes.
 * Connect to GtkPopover::closed to put the keyboard back on the canvas.
 *
 * The editor gives the keyboard up when it closes: take it back in a
 * GtkPopover::closed handler. Call gtk_popover_present() on it from the
 * canvas's size_allocate, as for any popover, so that it follows its item
 * when the canvas scrolls; it grows by itself when it shows a reason.
 */

#pragma once

#include <gtk/gtk.h>

#include "charter-document.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_TASK_EDITOR (charter_task_editor_get_type ())

G_DECLARE_FINAL_TYPE (CharterTaskEditor, charter_task_editor, CHARTER, TASK_EDITOR, GtkPopover)

GtkWidget       *charter_task_editor_new          (void);
CharterDocument *charter_task_editor_get_document (CharterTaskEditor *self);
void             charter_task_editor_set_document (CharterTaskEditor *self,
                                                   CharterDocument   *document);
const char      *charter_task_editor_get_task_id  (CharterTaskEditor *self);
void             charter_task_editor_set_task_id  (CharterTaskEditor *self,
                                                   const char        *task_id);

G_END_DECLS
