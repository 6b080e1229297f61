/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-editor-session.c: one undo step per editing session, the
 * application's shortcuts handed on past the popover, field errors. */

#define G_LOG_DOMAIN "charter-editor"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "charter-editor-session.h"

/**
 * charter_editor_session_begin:
 * @session: a session, closed
 * @document: the document to edit
 * @label: the undo step's label ("Edit “Backend API”")
 *
 * Opens the history group that makes the session one undo step. Nothing
 * typed in the editor merges with what was done before it opened.
 */
void
charter_editor_session_begin (CharterEditorSession *session,
                              CharterDocument      *document,
                              const char           *label)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (CHARTER_IS_DOCUMENT (document));
  g_return_if_fail (!session->open);

  session->document = g_object_ref (document);
  session->open = TRUE;
  charter_history_seal (charter_document_get_history (document));
  charter_document_begin_group (document, label);
}

/**
 * charter_editor_session_end:
 * @session: a session
 *
 * Closes the session's group: what was edited becomes one undo step (an
 * empty session leaves none).
 *
 * Returns: whether the session was open
 */
gboolean
charter_editor_session_end (CharterEditorSession *session)
{
  g_autoptr(CharterDocument) document = NULL;

  g_return_val_if_fail (session != NULL, FALSE);

  if (!session->open)
    return FALSE;

  document = g_steal_pointer (&session->document);
  session->open = FALSE;
  charter_document_end_group (document);
  charter_history_seal (charter_document_get_history (document));

  return TRUE;
}

gboolean
charter_editor_session_is_open (CharterEditorSession *session)
{
  g_return_val_if_fail (session != NULL, FALSE);

  return session->open;
}

/* The action the application binds to a key, if any. Undo and redo are
 * known without an application too (a host program, a test). */
static char *
lookup_action (GtkWidget       *editor,
               guint            keyval,
               GdkModifierType  state)
{
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autofree char *accel = NULL;
  g_auto(GStrv) actions = NULL;
  guint lower = gdk_keyval_to_lower (keyval);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    return NULL;

  if (state == GDK_CONTROL_MASK && lower == GDK_KEY_z)
    return g_strdup ("win.undo");
  if ((state == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && lower == GDK_KEY_z) ||
      (state == GDK_CONTROL_MASK && lower == GDK_KEY_y))
    return g_strdup ("win.redo");

  if (application == NULL)
    return NULL;

  accel = gtk_accelerator_name (keyval, state);
  actions = gtk_application_get_actions_for_accel (application, accel);
  if (actions == NULL || actions[0] == NULL)
    return NULL;

  return g_strdup (actions[0]);
}

/**
 * charter_editor_session_hand_on:
 * @session: the editor's session
 * @editor: the editor (a popover whose parent leads to the window)
 * @keyval: the key pressed
 * @state: its modifiers
 * @reopen: called to open a new session when @editor is still up afterwards
 *
 * Hands an application shortcut on past the popover. The step edited so
 * far is closed first, so that Ctrl+Z undoes the whole session so far (and
 * then, pressed again, what came before it), Ctrl+S saves a document with no
 * half-open step, and so on. The fields keep no undo of their own.
 *
 * Returns: whether the key was an application shortcut
 */
gboolean
charter_editor_session_hand_on (CharterEditorSession    *session,
                                GtkWidget               *editor,
                                guint                    keyval,
                                GdkModifierType          state,
                                CharterEditorReopenFunc  reopen)
{
  g_autoptr(GtkWidget) keep = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autofree char *detailed = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  gboolean was_open;

  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (editor), FALSE);

  state &= gtk_accelerator_get_default_mod_mask ();
  detailed = lookup_action (editor, keyval, state);
  if (detailed == NULL || !g_action_parse_detailed_name (detailed, &name, &target, NULL))
    return FALSE;

  /* The action may close the window and with it the editor. */
  keep = g_object_ref (editor);
  document = session->document ? g_object_ref (session->document) : NULL;
  was_open = charter_editor_session_end (session);

  if (g_str_equal (name, "win.undo") || g_str_equal (name, "win.redo"))
    {
      /* Straight to the document: the same as the window's actions, and the
       * same in a host that has none. */
      if (document != NULL && !charter_history_in_group (charter_document_get_history (document)))
        {
          if (g_str_equal (name, "win.undo"))
            charter_document_undo (document);
          else
            charter_document_redo (document);
        }
    }
  else
    gtk_widget_activate_action_variant (editor, name, target);

  if (was_open && gtk_widget_get_visible (editor) && !session->open && reopen != NULL)
    reopen (editor);

  return TRUE;
}

/**
 * charter_editor_release_focus:
 * @editor: an editor that is going away
 *
 * Takes the keyboard away from a field of @editor before it unmaps, so that
 * the field hears that it lost it (GtkText otherwise keeps blinking its
 * cursor and warns). The view under the editor takes the keyboard back on
 * GtkPopover::closed.
 */
void
charter_editor_release_focus (GtkWidget *editor)
{
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, editor))
    gtk_root_set_focus (root, NULL);
}

/**
 * charter_editor_forget_undo:
 * @field: a #GtkEditable or a #GtkTextView
 *
 * After the editor fills a field from the document: that was no typing of
 * the person's, so the field's own undo must not take it back (GtkText would
 * empty the field).
 */
void
charter_editor_forget_undo (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      gtk_text_buffer_set_enable_undo (buffer, TRUE);
    }
  else if (GTK_IS_EDITABLE (field))
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (field), TRUE);
    }
}

/**
 * charter_editor_fit:
 * @widget: a widget inside an editor
 *
 * Makes the editor grow or shrink to what it now shows (a reason appeared
 * under a field, the list of needs changed). A popover is laid out again
 * only when its parent calls gtk_popover_present() in size_allocate, and
 * the parent does not know that the editor's content changed.
 */
void
charter_editor_fit (GtkWidget *widget)
{
  GtkWidget *popover = GTK_IS_POPOVER (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER);
  GtkWidget *parent = popover ? gtk_widget_get_parent (popover) : NULL;

  /* Not while it goes away: it is hidden first, or its parent unmapped. */
  if (popover != NULL && gtk_widget_get_visible (popover) && gtk_widget_get_mapped (popover) &&
      parent != NULL && gtk_widget_get_mapped (parent))
    gtk_popover_present (GTK_POPOVER (popover));
}

/**
 * charter_editor_set_error:
 * @field: the field whose value was refused
 * @error_label: the label beside it
 * @message: (nullable): why, or %NULL when the field is fine again
 *
 * Shows why a value was refused next to its field, and tells assistive
 * technologies the field is invalid, with the reason in its description.
 */
void
charter_editor_set_error (GtkWidget  *field,
                          GtkWidget  *error_label,
                          const char *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_label (GTK_LABEL (error_label), invalid ? message : "");
  if (gtk_widget_get_visible (error_label) != invalid)
    {
      gtk_widget_set_visible (error_label, invalid);
      charter_editor_fit (field);
    }
  /* The reason is read out with the field's own description. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                  -1);
  if (invalid)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/**
 * charter_editor_parse_date:
 * @text: what the person typed
 * @date: (out): the date
 *
 * Reads a date exactly as the file format writes it: YYYY-MM-DD, a day
 * that exists.
 *
 * Returns: whether @text is such a date
 */
gboolean
charter_editor_parse_date (const char *text,
                           GDate      *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}
