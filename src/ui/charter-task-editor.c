/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-task-editor.c: a popover that edits every member of one task.
 *
 * Edits apply live, each through charter_document_set_value(), inside one
 * history group that is open while the editor is on screen (map to unmap):
 * the whole session is one undo step. A value that would make the task
 * wrong (a negative duration, a pessimistic estimate shorter than the
 * duration, a deadline before the earliest start, no name) is refused where
 * it was typed, with the reason beside the field, and never written. */

#define G_LOG_DOMAIN "charter-task-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-editor-session.h"
#include "charter-model.h"
#include "charter-task-editor.h"
#include "charter-accessible.h"

struct _CharterTaskEditor
{
  GtkPopover            parent_instance;

  /* Template widgets */
  GtkWidget            *read_only_label;
  GtkWidget            *grid;
  GtkWidget            *name_entry;
  GtkWidget            *name_error;
  GtkWidget            *team_dropdown;
  GtkWidget            *duration_spin;
  GtkWidget            *duration_error;
  GtkWidget            *optimistic_spin;
  GtkWidget            *optimistic_error;
  GtkWidget            *pessimistic_spin;
  GtkWidget            *pessimistic_error;
  GtkWidget            *start_entry;
  GtkWidget            *start_error;
  GtkWidget            *finish_entry;
  GtkWidget            *finish_error;
  GtkWidget            *milestone_check;
  GtkWidget            *launch_check;
  GtkWidget            *serves_label;
  GtkWidget            *serves_scroller;
  GtkWidget            *serves_box;
  GtkWidget            *no_needs_label;
  GtkWidget            *notes_view;
  GtkWidget            *request_button;

  /* Owned */
  CharterDocument      *document;
  char                 *task_id;
  CharterTask          *task;            /* the task of task_id, while it exists */
  GSignalGroup         *document_signals;
  GSignalGroup         *task_signals;
  GSignalGroup         *needs_signals;
  GListStore           *team_sections;   /* [the "No team" choice, the document's teams] */
  CharterTeam          *no_team;
  CharterEditorSession  session;
  guint                 follow_source;

  /* While the editor writes into its own fields: no edit comes of it. */
  guint                 syncing;
  /* Set by a spin button's input handler that refused what was typed. */
  gboolean              input_refused;
};

G_DEFINE_FINAL_TYPE (CharterTaskEditor, charter_task_editor, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TASK_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_editable (CharterTaskEditor *self)
{
  return self->document != NULL && self->task != NULL &&
         !charter_document_get_read_only (self->document);
}

static void
begin_session (gpointer data)
{
  CharterTaskEditor *self = data;
  g_autofree char *label = NULL;

  if (charter_editor_session_is_open (&self->session) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || !is_editable (self))
    return;

  /* Translators: an Undo menu item for a whole session in the task editor */
  label = g_strdup_printf (_("Edit “%s”"), charter_task_get_name (self->task));
  charter_editor_session_begin (&self->session, self->document, label);
}

/* Writes one member of the task; only an open session writes, so nothing
 * the editor does while closing or filling itself in becomes an edit. */
static void
write_value (CharterTaskEditor *self,
             const char        *property,
             const GValue      *value,
             gboolean           merge)
{
  if (self->syncing > 0 || !charter_editor_session_is_open (&self->session) || self->task == NULL)
    return;
  /* Removed, and the editor not closed yet (it closes from an idle). */
  if (charter_document_find (self->document, charter_document_get_tasks (self->document), self->task_id) != self->task)
    return;

  charter_document_set_value (self->document, self->task, property, value, merge);
}

static void
write_int (CharterTaskEditor *self,
           const char        *property,
           int                v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, v);
  write_value (self, property, &value, FALSE);
}

static void
write_string (CharterTaskEditor *self,
              const char        *property,
              const char        *v,
              gboolean           merge)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, v);
  write_value (self, property, &value, merge);
}

static void
write_boolean (CharterTaskEditor *self,
               const char        *property,
               gboolean           v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, v);
  write_value (self, property, &value, FALSE);
}

static GtkWidget *
error_label_for (CharterTaskEditor *self,
                 GtkWidget         *field)
{
  if (field == self->name_entry)
    return self->name_error;
  if (field == self->duration_spin)
    return self->duration_error;
  if (field == self->optimistic_spin)
    return self->optimistic_error;
  if (field == self->pessimistic_spin)
    return self->pessimistic_error;
  if (field == self->start_entry)
    return self->start_error;
  if (field == self->finish_entry)
    return self->finish_error;
  return NULL;
}

static void
set_error (CharterTaskEditor *self,
           GtkWidget         *field,
           const char        *message)
{
  charter_editor_set_error (field, error_label_for (self, field), message);
}

static gboolean
has_error (CharterTaskEditor *self,
           GtkWidget         *field)
{
  return gtk_widget_get_visible (error_label_for (self, field));
}

static int
days_in (GtkWidget *spin)
{
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
}

/* A date field offers to clear itself only when there is something to clear. */
static void
show_clear_icon (GtkWidget *entry)
{
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0';
  gboolean shown = gtk_entry_get_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY) != NULL;

  if (empty == !shown)
    return;

  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY,
                                     empty ? NULL : "edit-clear-symbolic");
  if (!empty)
    gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, _("Clear the date"));
}

/* Filling the fields from the task */

static void
show_text (CharterTaskEditor *self,
           GtkWidget         *entry,
           const char        *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    {
      self->syncing++;
      gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
      self->syncing--;
    }
  charter_editor_forget_undo (entry);
  set_error (self, entry, NULL);
}

static void
show_days (CharterTaskEditor *self,
           GtkWidget         *spin,
           int                days)
{
  self->syncing++;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), days);
  /* set_value leaves typed-over text alone when the value is the same. */
  {
    g_autofree char *text = days < 0 ? g_strdup ("") : g_strdup_printf ("%d", days);

    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
  }
  self->syncing--;
  charter_editor_forget_undo (spin);
  set_error (self, spin, NULL);
}

static void
show_team (CharterTaskEditor *self)
{
  GListModel *teams = charter_document_get_teams (self->document);
  const char *team_id = charter_task_get_team_id (self->task);
  guint selected = 0;

  for (guint i = 0; team_id != NULL && i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);

      if (g_strcmp0 (charter_item_get_id (CHARTER_ITEM (team)), team_id) == 0)
        {
          selected = i + 1;
          break;
        }
    }

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->team_dropdown)) != selected)
    {
      self->syncing++;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->team_dropdown), selected);
      self->syncing--;
    }
}

static void
show_kind_of_task (CharterTaskEditor *self)
{
  gboolean milestone = charter_task_get_milestone (self->task);
  gboolean launch = charter_task_get_launch (self->task);

  self->syncing++;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->milestone_check), milestone);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->launch_check), launch);
  self->syncing--;

  /* A milestone takes no time: its duration and estimates do not count. A
   * launch is a milestone; a launch that is not one (from a file) can still
   * be unchecked. */
  gtk_widget_set_sensitive (self->duration_spin, !milestone);
  gtk_widget_set_sensitive (self->optimistic_spin, !milestone);
  gtk_widget_set_sensitive (self->pessimistic_spin, !milestone);
  gtk_widget_set_sensitive (self->launch_check, milestone || launch);
}

static void
show_serves (CharterTaskEditor *self)
{
  const char * const *serves = charter_task_get_serves (self->task);

  self->syncing++;
  for (GtkWidget *check = gtk_widget_get_first_child (self->serves_box);
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      const char *need_id = g_object_get_data (G_OBJECT (check), "charter-need-id");
      gboolean active = serves != NULL && g_strv_contains (serves, need_id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
    }
  self->syncing--;
}

static void
show_notes (CharterTaskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  const char *notes = charter_task_get_notes (self->task);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, notes ? notes : "") != 0)
    {
      self->syncing++;
      gtk_text_buffer_set_text (buffer, notes ? notes : "", -1);
      self->syncing--;
    }
  charter_editor_forget_undo (self->notes_view);
}

/* One member changed in the document (an edit here, Undo, another view). */
static void
show_member (CharterTaskEditor *self,
             const char        *member)
{
  if (self->task == NULL)
    return;

  if (member == NULL || g_str_equal (member, "name"))
    show_text (self, self->name_entry, charter_task_get_name (self->task));
  if (member == NULL || g_str_equal (member, "team-id"))
    show_team (self);
  if (member == NULL || g_str_equal (member, "duration"))
    show_days (self, self->duration_spin, charter_task_get_duration (self->task));
  if (member == NULL || g_str_equal (member, "optimistic"))
    show_days (self, self->optimistic_spin, charter_task_get_optimistic (self->task));
  if (member == NULL || g_str_equal (member, "pessimistic"))
    show_days (self, self->pessimistic_spin, charter_task_get_pessimistic (self->task));
  if (member == NULL || g_str_equal (member, "start-no-earlier-than"))
    show_text (self, self->start_entry, charter_task_get_start_no_earlier_than (self->task));
  if (member == NULL || g_str_equal (member, "finish-no-later-than"))
    show_text (self, self->finish_entry, charter_task_get_finish_no_later_than (self->task));
  if (member == NULL || g_str_equal (member, "milestone") || g_str_equal (member, "launch"))
    show_kind_of_task (self);
  if (member == NULL || g_str_equal (member, "serves"))
    show_serves (self);
  if (member == NULL || g_str_equal (member, "notes"))
    show_notes (self);
}

static void
show_editable (CharterTaskEditor *self)
{
  gboolean read_only = self->document != NULL && charter_document_get_read_only (self->document);

  if (read_only)
    {
      g_autofree char *text = g_strdup_printf (_("This plan cannot be changed: %s"),
                                               charter_document_get_read_only_reason (self->document));

      gtk_label_set_label (GTK_LABEL (self->read_only_label), text);
    }
  if (gtk_widget_get_visible (self->read_only_label) != read_only)
    {
      gtk_widget_set_visible (self->read_only_label, read_only);
      charter_editor_fit (GTK_WIDGET (self));
    }
  gtk_widget_set_sensitive (self->grid, is_editable (self));
  gtk_widget_set_sensitive (self->serves_box, is_editable (self));
  gtk_widget_set_sensitive (self->notes_view, is_editable (self));
}

static void on_serves_toggled_cb (GtkCheckButton    *check,
                                  CharterTaskEditor *self);

/* The needs a task may serve: one check button each, built again when the
 * document's needs change. */
static void
build_serves (CharterTaskEditor *self)
{
  GListModel *needs = self->document ? charter_document_get_needs (self->document) : NULL;
  guint n = needs ? g_list_model_get_n_items (needs) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->serves_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->serves_box), child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      g_object_bind_property (need, "statement", label, "label", G_BINDING_SYNC_CREATE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      g_object_set_data_full (G_OBJECT (check), "charter-need-id",
                              g_strdup (charter_item_get_id (CHARTER_ITEM (need))), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_serves_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->serves_box), check);
    }

  gtk_widget_set_visible (self->serves_scroller, n > 0);
  gtk_widget_set_visible (self->no_needs_label, n == 0);
  charter_editor_fit (GTK_WIDGET (self));

  if (self->task != NULL)
    show_serves (self);
}

/* Finds the task again (a new document, a new id, or a change that may
 * have removed it) and follows it. */
static void
resolve_task (CharterTaskEditor *self)
{
  CharterTask *task = NULL;

  if (self->document != NULL && self->task_id != NULL)
    task = charter_document_find (self->document, charter_document_get_tasks (self->document), self->task_id);

  if (task == self->task)
    return;

  g_set_object (&self->task, task);
  g_signal_group_set_target (self->task_signals, task);
  show_editable (self);
  show_member (self, NULL);
}

/* Validation, then writing */

static void
commit_name (CharterTaskEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      set_error (self, self->name_entry, _("A task needs a name."));
      return;
    }

  set_error (self, self->name_entry, NULL);
  write_string (self, "name", text, TRUE);
}

static void
commit_duration (CharterTaskEditor *self)
{
  int duration = days_in (self->duration_spin);
  int optimistic = charter_task_get_optimistic (self->task);
  int pessimistic = charter_task_get_pessimistic (self->task);

  if (optimistic >= 0 && duration < optimistic)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The duration cannot be shorter than the optimistic estimate (%d working day).",
                                                         "The duration cannot be shorter than the optimistic estimate (%d working days).",
                                                         optimistic),
                                               optimistic);
      set_error (self, self->duration_spin, text);
      return;
    }
  if (pessimistic >= 0 && duration > pessimistic)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The duration cannot be longer than the pessimistic estimate (%d working day).",
                                                         "The duration cannot be longer than the pessimistic estimate (%d working days).",
                                                         pessimistic),
                                               pessimistic);
      set_error (self, self->duration_spin, text);
      return;
    }

  set_error (self, self->duration_spin, NULL);
  write_int (self, "duration", duration);
}

static void
commit_optimistic (CharterTaskEditor *self)
{
  int optimistic = days_in (self->optimistic_spin);
  int duration = charter_task_get_duration (self->task);

  if (optimistic > duration)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The optimistic estimate cannot be longer than the duration (%d working day).",
                                                         "The optimistic estimate cannot be longer than the duration (%d working days).",
                                                         duration),
                                               duration);
      set_error (self, self->optimistic_spin, text);
      return;
    }

  set_error (self, self->optimistic_spin, NULL);
  write_int (self, "optimistic", optimistic);
}

static void
commit_pessimistic (CharterTaskEditor *self)
{
  int pessimistic = days_in (self->pessimistic_spin);
  int duration = charter_task_get_duration (self->task);

  if (pessimistic >= 0 && pessimistic < duration)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The pessimistic estimate cannot be shorter than the duration (%d working day).",
                                                         "The pessimistic estimate cannot be shorter than the duration (%d working days).",
                                                         duration),
                                               duration);
      set_error (self, self->pessimistic_spin, text);
      return;
    }

  set_error (self, self->pessimistic_spin, NULL);
  write_int (self, "pessimistic", pessimistic);
}

/* A date field: empty clears the member, a whole date sets it. What is
 * not (yet) a date is written nowhere; @finished says the person is done
 * typing (Enter, leaving the field, closing), the moment to say why. */
static void
commit_date (CharterTaskEditor *self,
             GtkWidget         *entry,
             gboolean           finished)
{
  gboolean is_start = entry == self->start_entry;
  const char *property = is_start ? "start-no-earlier-than" : "finish-no-later-than";
  const char *other = is_start ? charter_task_get_finish_no_later_than (self->task)
                               : charter_task_get_start_no_earlier_than (self->task);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date, other_date;

  /* Empty clears the date, once the person is done: on the way from one
   * date to the next the field is empty too. */
  if (*text == '\0')
    {
      set_error (self, entry, NULL);
      if (finished)
        write_string (self, property, NULL, FALSE);
      return;
    }

  if (!charter_editor_parse_date (text, &date))
    {
      if (finished)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, such as 2027-03-15."),
                                                      text);
          set_error (self, entry, message);
        }
      else
        set_error (self, entry, NULL);
      return;
    }

  if (other != NULL && charter_editor_parse_date (other, &other_date) &&
      (is_start ? g_date_compare (&date, &other_date) > 0 : g_date_compare (&date, &other_date) < 0))
    {
      g_autofree char *message = NULL;

      if (is_start)
        message = g_strdup_printf (_("The task cannot have to start after its deadline (finish no later than %s)."), other);
      else
        message = g_strdup_printf (_("The deadline cannot be before the earliest start (start no earlier than %s)."), other);
      set_error (self, entry, message);
      return;
    }

  set_error (self, entry, NULL);
  write_string (self, property, text, FALSE);
}

/* Applies what is still being typed in a spin button or date field. */
static void
commit_pending (CharterTaskEditor *self)
{
  if (!charter_editor_session_is_open (&self->session))
    return;

  gtk_spin_button_update (GTK_SPIN_BUTTON (self->duration_spin));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->optimistic_spin));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->pessimistic_spin));
  if (self->task != NULL)
    {
      commit_date (self, self->start_entry, TRUE);
      commit_date (self, self->finish_entry, TRUE);
    }
}

/* Enter in a field: apply it and close, unless it was refused (then the
 * reason is on screen and the field keeps the keyboard). */
static void
finish_field (CharterTaskEditor *self,
              GtkWidget         *field)
{
  if (GTK_IS_SPIN_BUTTON (field))
    gtk_spin_button_update (GTK_SPIN_BUTTON (field));
  else if (field == self->start_entry || field == self->finish_entry)
    commit_date (self, field, TRUE);

  if (!has_error (self, field))
    gtk_popover_popdown (GTK_POPOVER (self));
}

/* Callbacks */

static void
on_name_changed_cb (GtkEditable       *editable,
                    CharterTaskEditor *self)
{
  if (self->syncing > 0 || self->task == NULL)
    return;
  commit_name (self);
}

static void
on_field_activate_cb (GtkWidget         *entry,
                      CharterTaskEditor *self)
{
  if (self->task == NULL)
    return;
  finish_field (self, entry);
}

static void
on_team_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     CharterTaskEditor *self)
{
  CharterTeam *team = gtk_drop_down_get_selected_item (dropdown);

  if (self->syncing > 0 || self->task == NULL || team == NULL)
    return;

  write_string (self, "team-id", team == self->no_team ? NULL : charter_item_get_id (CHARTER_ITEM (team)), FALSE);
}

/* What a person types into a number of days: a whole number, not
 * negative; empty for an estimate means "not estimated". */
static int
on_days_input_cb (GtkSpinButton     *spin,
                  double            *new_value,
                  CharterTaskEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gboolean estimate = GTK_WIDGET (spin) != self->duration_spin;
  gint64 days;

  self->input_refused = FALSE;

  if (*text == '\0' && estimate)
    {
      *new_value = -1;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &days, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a whole number of working days."), text);

      set_error (self, GTK_WIDGET (spin), message);
      self->input_refused = TRUE;
      return GTK_INPUT_ERROR;
    }
  if (days < 0)
    {
      set_error (self, GTK_WIDGET (spin),
                 estimate ? _("An estimate cannot be negative; leave it empty when there is none.")
                          : _("A duration cannot be negative."));
      self->input_refused = TRUE;
      return GTK_INPUT_ERROR;
    }
  if (days > 100000)
    {
      set_error (self, GTK_WIDGET (spin), _("That is more than 100,000 working days."));
      self->input_refused = TRUE;
      return GTK_INPUT_ERROR;
    }

  *new_value = days;
  return TRUE;
}

static gboolean
on_estimate_output_cb (GtkSpinButton     *spin,
                       CharterTaskEditor *self)
{
  if (gtk_spin_button_get_value_as_int (spin) >= 0)
    return FALSE;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

/* A refused input puts the old value back (GTK_UPDATE_IF_VALID) and says
 * value-changed: keep the reason on screen, write nothing. */
static gboolean
take_refusal (CharterTaskEditor *self)
{
  gboolean refused = self->input_refused;

  self->input_refused = FALSE;
  return refused || self->syncing > 0 || self->task == NULL;
}

static void
on_duration_changed_cb (GtkSpinButton     *spin,
                        CharterTaskEditor *self)
{
  if (!take_refusal (self))
    commit_duration (self);
}

static void
on_optimistic_changed_cb (GtkSpinButton     *spin,
                          CharterTaskEditor *self)
{
  if (!take_refusal (self))
    commit_optimistic (self);
}

static void
on_pessimistic_changed_cb (GtkSpinButton     *spin,
                           CharterTaskEditor *self)
{
  if (!take_refusal (self))
    commit_pessimistic (self);
}

static void
on_date_changed_cb (GtkEditable       *editable,
                    CharterTaskEditor *self)
{
  show_clear_icon (GTK_WIDGET (editable));
  if (self->syncing > 0 || self->task == NULL)
    return;
  commit_date (self, GTK_WIDGET (editable), FALSE);
}

static void
on_date_icon_release_cb (GtkEntry             *entry,
                         GtkEntryIconPosition  position,
                         CharterTaskEditor    *self)
{
  if (position != GTK_ENTRY_ICON_SECONDARY || self->task == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  commit_date (self, GTK_WIDGET (entry), TRUE);
}

static void
on_date_leave_cb (GtkEventControllerFocus *controller,
                  CharterTaskEditor       *self)
{
  if (self->task != NULL)
    commit_date (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), TRUE);
}

static void
on_milestone_toggled_cb (GtkCheckButton    *check,
                         CharterTaskEditor *self)
{
  if (self->syncing > 0 || self->task == NULL)
    return;
  write_boolean (self, "milestone", gtk_check_button_get_active (check));
}

static void
on_launch_toggled_cb (GtkCheckButton    *check,
                      CharterTaskEditor *self)
{
  if (self->syncing > 0 || self->task == NULL)
    return;
  write_boolean (self, "launch", gtk_check_button_get_active (check));
}

/* The task costs more than planned: the editor closes (its step with it)
 * and the window's Change Request dialog opens with this task ticked. */
static void
on_request_clicked_cb (CharterTaskEditor *self)
{
  g_autofree char *task_id = g_strdup (self->task_id);
  g_autoptr(GtkWidget) keep = g_object_ref (GTK_WIDGET (self));

  if (task_id == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.request-scope-change", "s", task_id);
}

static void
on_serves_toggled_cb (GtkCheckButton    *check,
                      CharterTaskEditor *self)
{
  const char *need_id = g_object_get_data (G_OBJECT (check), "charter-need-id");
  const char * const *serves;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) new_serves = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean active = gtk_check_button_get_active (check);

  if (self->syncing > 0 || self->task == NULL)
    return;

  /* Ids the editor shows no check for (spec items) are kept as they are. */
  serves = charter_task_get_serves (self->task);
  builder = g_strv_builder_new ();
  for (guint i = 0; serves != NULL && serves[i] != NULL; i++)
    if (active || !g_str_equal (serves[i], need_id))
      g_strv_builder_add (builder, serves[i]);
  if (active && (serves == NULL || !g_strv_contains (serves, need_id)))
    g_strv_builder_add (builder, need_id);
  new_serves = g_strv_builder_end (builder);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, new_serves);
  write_value (self, "serves", &value, FALSE);
}

static void
on_notes_changed_cb (GtkTextBuffer     *buffer,
                     CharterTaskEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing > 0 || self->task == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  write_string (self, "notes", text, TRUE);
}

static void
on_task_notify_cb (CharterTask       *task,
                   GParamSpec        *pspec,
                   CharterTaskEditor *self)
{
  show_member (self, pspec->name);
}

static gboolean
follow_task_cb (gpointer data)
{
  CharterTaskEditor *self = data;

  self->follow_source = 0;
  resolve_task (self);
  if (self->task == NULL && gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_popdown (GTK_POPOVER (self));

  return G_SOURCE_REMOVE;
}

/* After any change of the document: was the task removed? Answered from an
 * idle, because "changed" also comes in the middle of a removal's own
 * group, which must not be closed under it. */
static void
on_document_changed_cb (CharterDocument   *document,
                        CharterTaskEditor *self)
{
  if (self->follow_source == 0)
    self->follow_source = g_idle_add (follow_task_cb, self);
}

static void
on_document_read_only_cb (CharterDocument   *document,
                          GParamSpec        *pspec,
                          CharterTaskEditor *self)
{
  show_editable (self);
  if (!is_editable (self))
    {
      commit_pending (self);
      charter_editor_session_end (&self->session);
    }
  else
    begin_session (self);
}

static void
on_needs_changed_cb (GListModel        *needs,
                     guint              position,
                     guint              removed,
                     guint              added,
                     CharterTaskEditor *self)
{
  build_serves (self);
}

/* Return in a spin button (which has no activate signal in GTK 4.8),
 * Ctrl+Return anywhere, and the application's shortcuts. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CharterTaskEditor     *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *spins[] = { self->duration_spin, self->optimistic_spin, self->pessimistic_spin };

  state &= gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (state == GDK_CONTROL_MASK)
        {
          gtk_popover_popdown (GTK_POPOVER (self));
          return TRUE;
        }
      for (guint i = 0; state == 0 && focus != NULL && i < G_N_ELEMENTS (spins); i++)
        if (focus == spins[i] || gtk_widget_is_ancestor (focus, spins[i]))
          {
            finish_field (self, spins[i]);
            return TRUE;
          }
      return FALSE;
    }

  return charter_editor_session_hand_on (&self->session, GTK_WIDGET (self), keyval, state, begin_session);
}

/* Overrides */

static void
charter_task_editor_map (GtkWidget *widget)
{
  CharterTaskEditor *self = CHARTER_TASK_EDITOR (widget);

  GTK_WIDGET_CLASS (charter_task_editor_parent_class)->map (widget);

  resolve_task (self);
  show_editable (self);
  show_member (self, NULL);
  begin_session (self);

  if (self->task == NULL)
    {
      /* Nothing to edit: close, but not in the middle of mapping. */
      if (self->follow_source == 0)
        self->follow_source = g_idle_add (follow_task_cb, self);
      return;
    }

  /* The keyboard in the name, at its end: typing adds, nothing is lost to
   * a stray key. */
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (self->name_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->name_entry), -1);
}

static void
charter_task_editor_unmap (GtkWidget *widget)
{
  CharterTaskEditor *self = CHARTER_TASK_EDITOR (widget);

  commit_pending (self);
  charter_editor_session_end (&self->session);

  charter_editor_release_focus (widget);

  GTK_WIDGET_CLASS (charter_task_editor_parent_class)->unmap (widget);
}

static void
charter_task_editor_dispose (GObject *object)
{
  CharterTaskEditor *self = (CharterTaskEditor *) object;

  charter_editor_session_end (&self->session);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  if (self->task_signals != NULL)
    g_signal_group_set_target (self->task_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->needs_signals != NULL)
    g_signal_group_set_target (self->needs_signals, NULL);
  g_clear_object (&self->task);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_TASK_EDITOR);

  G_OBJECT_CLASS (charter_task_editor_parent_class)->dispose (object);
}

static void
charter_task_editor_finalize (GObject *object)
{
  CharterTaskEditor *self = (CharterTaskEditor *) object;

  g_clear_object (&self->task_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->needs_signals);
  g_clear_object (&self->team_sections);
  g_clear_object (&self->no_team);
  g_clear_pointer (&self->task_id, g_free);

  G_OBJECT_CLASS (charter_task_editor_parent_class)->finalize (object);
}

static void
charter_task_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CharterTaskEditor *self = CHARTER_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_task_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CharterTaskEditor *self = CHARTER_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_task_editor_set_document (self, g_value_get_object (value));
      break;

    case PROP_TASK_ID:
      charter_task_editor_set_task_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_task_editor_class_init (CharterTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_task_editor_dispose;
  object_class->finalize = charter_task_editor_finalize;
  object_class->get_property = charter_task_editor_get_property;
  object_class->set_property = charter_task_editor_set_property;

  widget_class->map = charter_task_editor_map;
  widget_class->unmap = charter_task_editor_unmap;

  /**
   * CharterTaskEditor:document:
   *
   * The document the task belongs to.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTaskEditor:task-id:
   *
   * The id of the task to edit.
   */
  properties[PROP_TASK_ID] =
    g_param_spec_string ("task-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, duration_error);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, optimistic_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, optimistic_error);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, pessimistic_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, pessimistic_error);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, start_error);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, finish_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, finish_error);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, milestone_check);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, launch_check);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, serves_label);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, serves_scroller);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, serves_box);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, no_needs_label);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CharterTaskEditor, request_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_team_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_days_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_estimate_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_optimistic_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pessimistic_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_icon_release_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_milestone_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_launch_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_request_clicked_cb);
}

static void
charter_task_editor_init (CharterTaskEditor *self)
{
  g_autoptr(GListStore) no_team_section = g_list_store_new (CHARTER_TYPE_TEAM);
  g_autoptr(GtkFlattenListModel) team_choices = NULL;
  GtkExpression *expression;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  self->task_signals = g_signal_group_new (CHARTER_TYPE_TASK);
  g_signal_group_connect_object (self->task_signals, "notify", G_CALLBACK (on_task_notify_cb), self, 0);

  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (on_document_changed_cb), self, 0);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (on_document_read_only_cb), self, 0);

  self->needs_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->needs_signals, "items-changed", G_CALLBACK (on_needs_changed_cb), self, 0);

  /* The team choices: "No team", then the document's teams as they are. */
  self->no_team = charter_team_new ("charter-no-team");
  charter_team_set_name (self->no_team, _("No team"));
  g_list_store_append (no_team_section, self->no_team);
  self->team_sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->team_sections, no_team_section);
  expression = gtk_property_expression_new (CHARTER_TYPE_TEAM, NULL, "name");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->team_dropdown), expression);
  gtk_expression_unref (expression);
  team_choices = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->team_sections)));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->team_dropdown), G_LIST_MODEL (team_choices));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->team_dropdown), TRUE);

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)), "changed",
                    G_CALLBACK (on_notes_changed_cb), self);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_date_leave_cb), self);
  gtk_widget_add_controller (self->start_entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_date_leave_cb), self);
  gtk_widget_add_controller (self->finish_entry, controller);

  /* Before the fields: they take Ctrl+Z for their own undo. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "charter-editor-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  build_serves (self);
  show_editable (self);
}

/* Public API */

/**
 * charter_task_editor_new:
 *
 * Returns: (transfer floating): a new task editor; give it a parent with
 *   gtk_widget_set_parent(), a document and a task id.
 */
GtkWidget *
charter_task_editor_new (void)
{
  return g_object_new (CHARTER_TYPE_TASK_EDITOR, NULL);
}

/**
 * charter_task_editor_get_document:
 * @self: a #CharterTaskEditor
 *
 * Returns: (transfer none) (nullable): the document
 */
CharterDocument *
charter_task_editor_get_document (CharterTaskEditor *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_EDITOR (self), NULL);

  return self->document;
}

/**
 * charter_task_editor_set_document:
 * @self: a #CharterTaskEditor
 * @document: (nullable): the document the task belongs to
 *
 * Sets the document. An open editor closes its session on the old document
 * and goes on with the task of the same id in the new one, or closes.
 */
void
charter_task_editor_set_document (CharterTaskEditor *self,
                                  CharterDocument   *document)
{
  g_return_if_fail (CHARTER_IS_TASK_EDITOR (self));
  g_return_if_fail (document == NULL || CHARTER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  commit_pending (self);
  charter_editor_session_end (&self->session);

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->needs_signals, document ? charter_document_get_needs (document) : NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->team_sections)) > 1)
    g_list_store_remove (self->team_sections, 1);
  if (document != NULL)
    g_list_store_append (self->team_sections, charter_document_get_teams (document));

  build_serves (self);
  resolve_task (self);
  show_editable (self);
  show_member (self, NULL);
  begin_session (self);
  if (self->task == NULL && gtk_widget_get_visible (GTK_WIDGET (self)) && self->follow_source == 0)
    self->follow_source = g_idle_add (follow_task_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * charter_task_editor_get_task_id:
 * @self: a #CharterTaskEditor
 *
 * Returns: (nullable): the id of the task the editor edits
 */
const char *
charter_task_editor_get_task_id (CharterTaskEditor *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK_EDITOR (self), NULL);

  return self->task_id;
}

/**
 * charter_task_editor_set_task_id:
 * @self: a #CharterTaskEditor
 * @task_id: (nullable): the id of the task to edit
 *
 * Sets which task the editor edits. An open editor ends the step of the
 * task it showed and starts one for the new task.
 */
void
charter_task_editor_set_task_id (CharterTaskEditor *self,
                                 const char        *task_id)
{
  g_return_if_fail (CHARTER_IS_TASK_EDITOR (self));

  if (g_strcmp0 (self->task_id, task_id) == 0)
    return;

  commit_pending (self);
  charter_editor_session_end (&self->session);

  g_free (self->task_id);
  self->task_id = g_strdup (task_id);

  resolve_task (self);
  show_editable (self);
  show_member (self, NULL);
  begin_session (self);
  if (self->task == NULL && gtk_widget_get_visible (GTK_WIDGET (self)) && self->follow_source == 0)
    self->follow_source = g_idle_add (follow_task_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ID]);
}
