/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-dependency-editor.h: the one editor of a dependency, for every view.
 *
 * Usage, in a canvas (or any view) that shows dependencies:
 *
 *   // once, e.g. in init; the canvas is the popover's parent
 *   self->dependency_editor = charter_dependency_editor_new ();
 *   gtk_widget_set_parent (self->dependency_editor, GTK_WIDGET (self));
 *   g_object_bind_property (self, "document", self->dependency_editor, "document", G_BINDING_SYNC_CREATE);
 *
 *   // to edit a dependency: point at its arrow (parent's coordinates), pop up
 *   GdkRectangle rect = { mid_x - 4, mid_y - 4, 8, 8 };
 *   charter_dependency_editor_set_dependency_id (CHARTER_DEPENDENCY_EDITOR (self->dependency_editor), id);
 *   gtk_popover_set_pointing_to (GTK_POPOVER (self->dependency_editor), &rect);
 *   gtk_popover_popup (GTK_POPOVER (self->dependency_editor));
 *
 *   // in dispose
 *   g_clear_pointer (&self->dependency_editor, gtk_widget_unparent);
 *
 * Edits apply as they are made; the session is one undo step. A change that
 * would make a task depend on itself or close a circle of dependencies is
 * refused with the reason beside the field. Delete removes the dependency
 * (its own undo step) and closes. The editor follows its dependency and
 * closes when it goes; Escape closes, Ctrl+Z undoes the document.
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

#define CHARTER_TYPE_DEPENDENCY_EDITOR (charter_dependency_editor_get_type ())

G_DECLARE_FINAL_TYPE (CharterDependencyEditor, charter_dependency_editor, CHARTER, DEPENDENCY_EDITOR, GtkPopover)

GtkWidget       *charter_dependency_editor_new               (void);
CharterDocument *charter_dependency_editor_get_document      (CharterDependencyEditor *self);
void             charter_dependency_editor_set_document      (CharterDependencyEditor *self,
                                                              CharterDocument         *document);
const char      *charter_dependency_editor_get_dependency_id (CharterDependencyEditor *self);
void             charter_dependency_editor_set_dependency_id (CharterDependencyEditor *self,
                                                              const char              *dependency_id);

G_END_DECLS
