/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-editor-session.h: what the task and dependency editors share.
 *
 * An editing session is one undo step: it opens a history group when the
 * editor pops up and closes it when the editor goes away. Edits apply live
 * inside it. The application's shortcuts stop at a popover's edge in GTK 4.8,
 * so the editors hand them on through charter_editor_session_hand_on(), which
 * closes the step so far first (Ctrl+Z then undoes it). */

#pragma once

#include <gtk/gtk.h>

#include "charter-document.h"

G_BEGIN_DECLS

typedef struct
{
  /* Owned while open: the document whose history holds the group. */
  CharterDocument *document;
  gboolean         open;
} CharterEditorSession;

typedef void (*CharterEditorReopenFunc) (gpointer editor);

void     charter_editor_session_begin    (CharterEditorSession    *session,
                                          CharterDocument         *document,
                                          const char              *label);
gboolean charter_editor_session_end      (CharterEditorSession    *session);
gboolean charter_editor_session_is_open  (CharterEditorSession    *session);
gboolean charter_editor_session_hand_on  (CharterEditorSession    *session,
                                          GtkWidget               *editor,
                                          guint                    keyval,
                                          GdkModifierType          state,
                                          CharterEditorReopenFunc  reopen);

void     charter_editor_release_focus    (GtkWidget               *editor);
void     charter_editor_forget_undo      (GtkWidget               *field);
void     charter_editor_fit              (GtkWidget               *widget);
void     charter_editor_set_error        (GtkWidget               *field,
                                          GtkWidget               *error_label,
                                          const char              *message);
gboolean charter_editor_parse_date       (const char              *text,
                                          GDate                   *date);

G_END_DECLS
