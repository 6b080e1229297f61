/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared task and dependency editors in-process (under the suite's
 * Xvfb): every member edited through the editor's own widgets and checked
 * in the document; a session is one undo step; refused values are shown and
 * never written; the editor follows Undo and other views and closes when its
 * item goes; Ctrl+Z inside undoes the document. */

#include "config.h"

#include <adwaita.h>

#include "charter-dependency-editor.h"
#include "charter-model.h"
#include "charter-task-editor.h"
#include "charter-traceability.h"

typedef struct
{
  CharterDocument *document;
  GtkWidget       *window;
  GtkWidget       *anchor;
  GtkWidget       *editor;
} Fixture;

static void
add_team (CharterDocument *document,
          const char      *id,
          const char      *name)
{
  g_autoptr(CharterTeam) team = charter_team_new (id);

  charter_team_set_name (team, name);
  g_list_store_append (G_LIST_STORE (charter_document_get_teams (document)), team);
}

static void
add_need (CharterDocument *document,
          const char      *id,
          const char      *statement)
{
  g_autoptr(CharterNeed) need = charter_need_new (id);

  charter_need_set_statement (need, statement);
  g_list_store_append (G_LIST_STORE (charter_document_get_needs (document)), need);
}

static void
add_task (CharterDocument *document,
          const char      *id,
          const char      *name,
          int              duration)
{
  g_autoptr(CharterTask) task = charter_task_new (id);

  charter_task_set_name (task, name);
  charter_task_set_duration (task, duration);
  g_list_store_append (G_LIST_STORE (charter_document_get_tasks (document)), task);
}

static void
add_dependency (CharterDocument *document,
                const char      *id,
                const char      *from,
                const char      *to)
{
  g_autoptr(CharterDependency) dep = charter_dependency_new (id);

  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  g_list_store_append (G_LIST_STORE (charter_document_get_dependencies (document)), dep);
}

static CharterTask *
task (Fixture    *f,
      const char *id)
{
  return charter_document_find (f->document, charter_document_get_tasks (f->document), id);
}

static CharterDependency *
dependency (Fixture    *f,
            const char *id)
{
  return charter_document_find (f->document, charter_document_get_dependencies (f->document), id);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (f->editor, G_OBJECT_TYPE (f->editor), name);

  g_assert_nonnull (object);
  return object;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits for the X server to have handled every request so far and GTK to
 * have handled the events it sent back.  Without it a popover shown again
 * right after it was hidden can receive the UnmapNotify of its previous
 * showing and hide itself (seen in CI under ASan on a loaded machine: the
 * editor reopened in /editors/dependency/refuses-circles never mapped). */
static void
settle (GtkWidget *widget)
{
  gdk_display_sync (gtk_widget_get_display (widget));
  iterate ();
}

static void
wait_until_mapped (GtkWidget *widget,
                   gboolean   mapped)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_mapped (widget) != mapped && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  settle (widget);
  g_assert_cmpint (gtk_widget_get_mapped (widget), ==, mapped);
}

/* Lets frames go by until @widget is taller than @height (or 3 s pass). */
static void
wait_for_height (GtkWidget *widget,
                 int        height)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (gtk_widget_get_height (widget) <= height && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = charter_document_new ();
  add_team (f->document, "backend", "Backend");
  add_team (f->document, "mobile", "Mobile");
  add_need (f->document, "n-plan", "Plan the next workout");
  add_need (f->document, "n-prove", "Prove that I showed up");
  add_task (f->document, "design", "Design", 5);
  add_task (f->document, "api", "History API", 10);
  add_task (f->document, "ui", "History screen", 15);
  add_dependency (f->document, "d1", "design", "api");
  add_dependency (f->document, "d2", "api", "ui");

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 900);
  f->anchor = gtk_label_new ("anchor");
  gtk_widget_set_valign (f->anchor, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (f->window), f->anchor);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until_mapped (f->anchor, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    gtk_widget_unparent (f->editor);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->document);
}

static void
open_task_editor (Fixture    *f,
                  const char *task_id)
{
  if (f->editor == NULL)
    {
      f->editor = charter_task_editor_new ();
      gtk_widget_set_parent (f->editor, f->anchor);
      charter_task_editor_set_document (CHARTER_TASK_EDITOR (f->editor), f->document);
    }
  charter_task_editor_set_task_id (CHARTER_TASK_EDITOR (f->editor), task_id);
  gtk_popover_popup (GTK_POPOVER (f->editor));
  wait_until_mapped (f->editor, TRUE);
}

static void
open_dependency_editor (Fixture    *f,
                        const char *dependency_id)
{
  if (f->editor == NULL)
    {
      f->editor = charter_dependency_editor_new ();
      gtk_widget_set_parent (f->editor, f->anchor);
      charter_dependency_editor_set_document (CHARTER_DEPENDENCY_EDITOR (f->editor), f->document);
    }
  charter_dependency_editor_set_dependency_id (CHARTER_DEPENDENCY_EDITOR (f->editor), dependency_id);
  gtk_popover_popup (GTK_POPOVER (f->editor));
  wait_until_mapped (f->editor, TRUE);
}

static void
close_editor (Fixture *f)
{
  gtk_popover_popdown (GTK_POPOVER (f->editor));
  wait_until_mapped (f->editor, FALSE);
}

/* Types into a spin button or entry as a person would, then leaves it. */
static void
type_into (GtkWidget  *field,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  if (GTK_IS_SPIN_BUTTON (field))
    gtk_spin_button_update (GTK_SPIN_BUTTON (field));
}

static gboolean
error_shown (Fixture    *f,
             const char *name)
{
  GtkWidget *label = child (f, name);

  return gtk_widget_get_visible (label) && *gtk_label_get_label (GTK_LABEL (label)) != '\0';
}

/* Presses a key as GTK hands it to the editor's own key controller (which
 * runs in the capture phase, before the fields see the key). */
static gboolean
press_key (Fixture         *f,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (f->editor);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "charter-editor-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
  return FALSE;
}

static gpointer
need_check (Fixture    *f,
            const char *need_id)
{
  for (GtkWidget *check = gtk_widget_get_first_child (child (f, "serves_box"));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "charter-need-id"), need_id) == 0)
      return check;

  g_assert_not_reached ();
  return NULL;
}

static char *
notes_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (f, "notes_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Task editor ------------------------------------------------------------- */

static void
test_task_every_member (Fixture       *f,
                        gconstpointer  data)
{
  CharterTask *api = task (f, "api");
  const char * const *serves;

  open_task_editor (f, "api");

  /* The fields show the task. */
  g_assert_cmpstr (gtk_editable_get_text (child (f, "name_entry")), ==, "History API");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "duration_spin")), ==, 10);
  g_assert_cmpstr (gtk_editable_get_text (child (f, "optimistic_spin")), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "team_dropdown")), ==, 0);

  gtk_editable_set_text (child (f, "name_entry"), "History API v2");
  g_assert_cmpstr (charter_task_get_name (api), ==, "History API v2");

  gtk_drop_down_set_selected (child (f, "team_dropdown"), 2);
  g_assert_cmpstr (charter_task_get_team_id (api), ==, "mobile");
  gtk_drop_down_set_selected (child (f, "team_dropdown"), 1);
  g_assert_cmpstr (charter_task_get_team_id (api), ==, "backend");

  type_into (child (f, "duration_spin"), "12");
  g_assert_cmpint (charter_task_get_duration (api), ==, 12);
  type_into (child (f, "optimistic_spin"), "9");
  g_assert_cmpint (charter_task_get_optimistic (api), ==, 9);
  type_into (child (f, "pessimistic_spin"), "20");
  g_assert_cmpint (charter_task_get_pessimistic (api), ==, 20);

  type_into (child (f, "start_entry"), "2027-03-08");
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (api), ==, "2027-03-08");
  type_into (child (f, "finish_entry"), "2027-04-30");
  g_assert_cmpstr (charter_task_get_finish_no_later_than (api), ==, "2027-04-30");

  gtk_check_button_set_active (need_check (f, "n-prove"), TRUE);
  gtk_check_button_set_active (need_check (f, "n-plan"), TRUE);
  serves = charter_task_get_serves (api);
  g_assert_nonnull (serves);
  g_assert_cmpuint (g_strv_length ((char **) serves), ==, 2);
  g_assert_true (g_strv_contains (serves, "n-prove"));
  g_assert_true (g_strv_contains (serves, "n-plan"));
  gtk_check_button_set_active (need_check (f, "n-prove"), FALSE);
  serves = charter_task_get_serves (api);
  g_assert_cmpuint (g_strv_length ((char **) serves), ==, 1);
  g_assert_cmpstr (serves[0], ==, "n-plan");
  /* The Spec's traceability sees it: the need is served by the task. */
  {
    g_autoptr(GPtrArray) serving = charter_traceability_tasks_serving (f->document, "n-plan");
    g_autoptr(GPtrArray) none = charter_traceability_tasks_serving (f->document, "n-prove");

    g_assert_cmpuint (serving->len, ==, 1);
    g_assert_true (g_ptr_array_index (serving, 0) == (gpointer) api);
    g_assert_cmpuint (none->len, ==, 0);
  }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (f, "notes_view")), "Two lines\nof notes", -1);
  g_assert_cmpstr (charter_task_get_notes (api), ==, "Two lines\nof notes");

  /* Launch only makes sense for a milestone. */
  g_assert_false (gtk_widget_get_sensitive (child (f, "launch_check")));
  gtk_check_button_set_active (child (f, "milestone_check"), TRUE);
  g_assert_true (charter_task_get_milestone (api));
  g_assert_true (gtk_widget_get_sensitive (child (f, "launch_check")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "duration_spin")));
  gtk_check_button_set_active (child (f, "launch_check"), TRUE);
  g_assert_true (charter_task_get_launch (api));

  /* Clearing: no team, no estimate, no dates. */
  gtk_drop_down_set_selected (child (f, "team_dropdown"), 0);
  g_assert_null (charter_task_get_team_id (api));
  gtk_check_button_set_active (child (f, "milestone_check"), FALSE);
  type_into (child (f, "optimistic_spin"), "");
  g_assert_cmpint (charter_task_get_optimistic (api), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (child (f, "optimistic_spin")), ==, "");
  type_into (child (f, "finish_entry"), "");
  g_assert_cmpstr (charter_task_get_finish_no_later_than (api), ==, "2027-04-30");
  g_signal_emit_by_name (child (f, "finish_entry"), "activate");
  g_assert_null (charter_task_get_finish_no_later_than (api));
  wait_until_mapped (f->editor, FALSE);
  open_task_editor (f, "api");
  g_signal_emit_by_name (child (f, "start_entry"), "icon-release", GTK_ENTRY_ICON_SECONDARY);
  g_assert_null (charter_task_get_start_no_earlier_than (api));

  close_editor (f);
  /* The step is named after the task as the session found it. */
  g_assert_cmpstr (charter_history_get_undo_label (charter_document_get_history (f->document)), ==,
                   "Edit “History API v2”");
}

static void
test_task_one_undo_step (Fixture       *f,
                         gconstpointer  data)
{
  CharterTask *api = task (f, "api");

  /* A step before the session stays a step of its own. */
  charter_document_set (f->document, task (f, "design"), "duration", 6, NULL);

  open_task_editor (f, "api");
  gtk_editable_set_text (child (f, "name_entry"), "H");
  gtk_editable_set_text (child (f, "name_entry"), "Ho");
  type_into (child (f, "duration_spin"), "11");
  type_into (child (f, "pessimistic_spin"), "14");
  gtk_check_button_set_active (need_check (f, "n-plan"), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (f, "notes_view")), "n", -1);
  close_editor (f);

  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpstr (charter_task_get_name (api), ==, "History API");
  g_assert_cmpint (charter_task_get_duration (api), ==, 10);
  g_assert_cmpint (charter_task_get_pessimistic (api), ==, -1);
  g_assert_null (charter_task_get_serves (api));
  g_assert_null (charter_task_get_notes (api));
  g_assert_cmpint (charter_task_get_duration (task (f, "design")), ==, 6);

  g_assert_true (charter_document_redo (f->document));
  g_assert_cmpstr (charter_task_get_name (api), ==, "Ho");
  g_assert_cmpint (charter_task_get_pessimistic (api), ==, 14);
  g_assert_true (charter_document_undo (f->document));

  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (task (f, "design")), ==, 5);
  g_assert_false (charter_document_get_can_undo (f->document));

  /* A session that changed nothing leaves no step. */
  open_task_editor (f, "api");
  close_editor (f);
  g_assert_false (charter_document_get_can_undo (f->document));
}

static void
test_task_refuses_invalid (Fixture       *f,
                           gconstpointer  data)
{
  CharterTask *api = task (f, "api");

  int height;

  open_task_editor (f, "api");
  wait_for_height (f->editor, 0);
  height = gtk_widget_get_height (f->editor);

  /* A negative duration: refused, the field back at the value written. */
  type_into (child (f, "duration_spin"), "-3");
  g_assert_true (error_shown (f, "duration_error"));
  /* The editor grows to show the reason, though its parent (a plain
   * label here) never lays it out again. */
  wait_for_height (f->editor, height);
  g_assert_cmpint (gtk_widget_get_height (f->editor), >, height);
  g_assert_cmpint (charter_task_get_duration (api), ==, 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "duration_spin")), ==, 10);
  type_into (child (f, "duration_spin"), "ten");
  g_assert_true (error_shown (f, "duration_error"));
  g_assert_cmpint (charter_task_get_duration (api), ==, 10);

  /* Estimates on the wrong side of the duration. */
  type_into (child (f, "pessimistic_spin"), "7");
  g_assert_true (error_shown (f, "pessimistic_error"));
  g_assert_cmpint (charter_task_get_pessimistic (api), ==, -1);
  type_into (child (f, "optimistic_spin"), "12");
  g_assert_true (error_shown (f, "optimistic_error"));
  g_assert_cmpint (charter_task_get_optimistic (api), ==, -1);
  type_into (child (f, "optimistic_spin"), "-2");
  g_assert_true (error_shown (f, "optimistic_error"));
  g_assert_cmpint (charter_task_get_optimistic (api), ==, -1);

  /* With estimates set, the duration must stay between them. */
  type_into (child (f, "optimistic_spin"), "8");
  g_assert_false (error_shown (f, "optimistic_error"));
  type_into (child (f, "pessimistic_spin"), "14");
  g_assert_false (error_shown (f, "pessimistic_error"));
  type_into (child (f, "duration_spin"), "15");
  g_assert_true (error_shown (f, "duration_error"));
  g_assert_cmpint (charter_task_get_duration (api), ==, 10);
  type_into (child (f, "duration_spin"), "12");
  g_assert_false (error_shown (f, "duration_error"));
  g_assert_cmpint (charter_task_get_duration (api), ==, 12);

  /* A deadline before the earliest start, either way round. */
  type_into (child (f, "start_entry"), "2027-03-08");
  type_into (child (f, "finish_entry"), "2027-03-01");
  g_assert_true (error_shown (f, "finish_error"));
  g_assert_null (charter_task_get_finish_no_later_than (api));
  type_into (child (f, "finish_entry"), "2027-03-31");
  g_assert_false (error_shown (f, "finish_error"));
  type_into (child (f, "start_entry"), "2027-04-05");
  g_assert_true (error_shown (f, "start_error"));
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (api), ==, "2027-03-08");

  /* Not a date: nothing written while typing, the reason once the person
   * is done (Enter), and the editor stays open to show it. */
  gtk_editable_set_text (child (f, "start_entry"), "2027-02-30");
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (api), ==, "2027-03-08");
  g_signal_emit_by_name (child (f, "start_entry"), "activate");
  g_assert_true (error_shown (f, "start_error"));
  g_assert_true (gtk_widget_get_visible (f->editor));

  /* No name. */
  gtk_editable_set_text (child (f, "name_entry"), "  ");
  g_assert_true (error_shown (f, "name_error"));
  g_assert_cmpstr (charter_task_get_name (api), ==, "History API");
  gtk_editable_set_text (child (f, "name_entry"), "History API");
  g_assert_false (error_shown (f, "name_error"));

  close_editor (f);
  g_assert_cmpint (charter_task_get_duration (api), ==, 12);
  g_assert_cmpstr (charter_task_get_finish_no_later_than (api), ==, "2027-03-31");
}

static void
test_task_follows_document (Fixture       *f,
                            gconstpointer  data)
{
  CharterHistory *history = charter_document_get_history (f->document);

  open_task_editor (f, "api");
  type_into (child (f, "duration_spin"), "11");

  /* Another view changes the task: the field shows it. */
  charter_document_set (f->document, task (f, "api"), "duration", 9, "name", "Renamed", NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "duration_spin")), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (child (f, "name_entry")), ==, "Renamed");

  /* The task goes: the editor closes, and the history is whole. */
  charter_document_remove (f->document, charter_document_get_tasks (f->document), task (f, "api"));
  wait_until_mapped (f->editor, FALSE);
  g_assert_false (gtk_widget_get_visible (f->editor));
  g_assert_false (charter_history_in_group (history));
  g_assert_null (task (f, "api"));
  g_assert_true (charter_document_undo (f->document));
  g_assert_nonnull (task (f, "api"));
  g_assert_cmpint (charter_task_get_duration (task (f, "api")), ==, 10);

  /* A different task when the editor opens again. */
  open_task_editor (f, "ui");
  g_assert_cmpstr (gtk_editable_get_text (child (f, "name_entry")), ==, "History screen");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "duration_spin")), ==, 15);
  close_editor (f);
}

static void
test_task_ctrl_z (Fixture       *f,
                  gconstpointer  data)
{
  CharterTask *api = task (f, "api");
  GtkWidget *name, *duration;

  charter_document_set (f->document, api, "notes", "Before", NULL);
  open_task_editor (f, "api");
  name = child (f, "name_entry");
  duration = child (f, "duration_spin");

  /* What the editor filled in is no typing: the fields' own undo has
   * nothing to take back. */
  gtk_widget_activate_action (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (name))), "text.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (duration))), "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "History API");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "10");

  gtk_editable_set_text (GTK_EDITABLE (name), "Typed");
  type_into (duration, "13");

  /* Ctrl+Z: the session so far is one step, undone; the fields follow and
   * the editor stays open. */
  g_assert_true (press_key (f, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (charter_task_get_name (api), ==, "History API");
  g_assert_cmpint (charter_task_get_duration (api), ==, 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "History API");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (duration)), ==, 10);
  g_assert_true (gtk_widget_get_visible (f->editor));
  g_assert_cmpstr (charter_task_get_notes (api), ==, "Before");

  /* Ctrl+Shift+Z brings it back. */
  g_assert_true (press_key (f, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (charter_task_get_name (api), ==, "Typed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Typed");

  /* Pressed with nothing edited since, Ctrl+Z goes on undoing the document:
   * first the session's step, then what came before the editor opened. */
  g_assert_true (press_key (f, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (press_key (f, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_null (charter_task_get_notes (api));
  {
    g_autofree char *notes = notes_text (f);

    g_assert_cmpstr (notes, ==, "");
  }

  /* Editing goes on in a new step. */
  type_into (duration, "14");
  close_editor (f);
  g_assert_cmpint (charter_task_get_duration (api), ==, 14);
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (api), ==, 10);

  /* Other keys are not the editor's business. */
  open_task_editor (f, "api");
  g_assert_false (press_key (f, GDK_KEY_a, 0));
  close_editor (f);
}

static void
test_task_enter_and_escape (Fixture       *f,
                            gconstpointer  data)
{
  CharterTask *api = task (f, "api");

  /* Enter in a spin button applies what was typed and closes. */
  open_task_editor (f, "api");
  gtk_widget_grab_focus (child (f, "duration_spin"));
  gtk_editable_set_text (child (f, "duration_spin"), "4");
  g_assert_true (press_key (f, GDK_KEY_Return, 0));
  wait_until_mapped (f->editor, FALSE);
  g_assert_cmpint (charter_task_get_duration (api), ==, 4);

  /* Closing any other way applies what is being typed too. */
  open_task_editor (f, "api");
  gtk_editable_set_text (child (f, "duration_spin"), "6");
  close_editor (f);
  g_assert_cmpint (charter_task_get_duration (api), ==, 6);

  /* Enter in an entry closes after applying. */
  open_task_editor (f, "api");
  gtk_editable_set_text (child (f, "name_entry"), "Entered");
  g_signal_emit_by_name (child (f, "name_entry"), "activate");
  wait_until_mapped (f->editor, FALSE);
  g_assert_cmpstr (charter_task_get_name (api), ==, "Entered");
}

static void
test_task_read_only (Fixture       *f,
                     gconstpointer  data)
{
  charter_document_set_read_only (f->document, "it was written by a newer Charter");
  open_task_editor (f, "api");
  g_assert_true (gtk_widget_get_visible (child (f, "read_only_label")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "grid")));
  g_assert_false (charter_history_in_group (charter_document_get_history (f->document)));
  close_editor (f);
  g_assert_false (charter_document_get_can_undo (f->document));
}

static void
on_request_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  char **task_id = user_data;

  g_free (*task_id);
  *task_id = g_variant_dup_string (parameter, NULL);
}

/* "Raise Change Request…" closes the editor (its step with it) and asks
 * the window for the Change Request dialog of the task. */
static void
test_task_raise_request (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("request-scope-change", G_VARIANT_TYPE_STRING);
  g_autofree char *task_id = NULL;

  g_signal_connect (action, "activate", G_CALLBACK (on_request_cb), &task_id);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));

  open_task_editor (f, "api");
  g_signal_emit_by_name (child (f, "request_button"), "clicked");
  wait_until_mapped (f->editor, FALSE);
  g_assert_cmpstr (task_id, ==, "api");
  g_assert_false (charter_history_in_group (charter_document_get_history (f->document)));
  g_assert_false (charter_document_get_can_undo (f->document));
}

static void
test_task_keyboard (Fixture       *f,
                    gconstpointer  data)
{
  const char *fields[] = {
    "name_entry", "team_dropdown", "duration_spin", "optimistic_spin", "pessimistic_spin",
    "start_entry", "finish_entry", "milestone_check", "notes_view",
  };
  GtkRoot *root = gtk_widget_get_root (f->anchor);

  /* Every control takes the keyboard (the launch check once the task is a
   * milestone), and the keyboard is in the name when the editor opens. */
  open_task_editor (f, "api");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), child (f, "name_entry")));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *field = child (f, fields[i]);
      GtkWidget *focus;

      g_assert_true (gtk_widget_grab_focus (field));
      focus = gtk_root_get_focus (root);
      g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));
    }
  gtk_widget_grab_focus (need_check (f, "n-plan"));
  g_assert_true (gtk_root_get_focus (root) == need_check (f, "n-plan"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "launch_check")));
  gtk_check_button_set_active (child (f, "milestone_check"), TRUE);
  g_assert_true (gtk_widget_grab_focus (child (f, "launch_check")));
  gtk_check_button_set_active (child (f, "milestone_check"), FALSE);

  /* Tab from the name goes through every control in order, needs and
   * notes included. */
  {
    const char *chain[] = {
      "name_entry", "team_dropdown", "duration_spin", "optimistic_spin", "pessimistic_spin",
      "start_entry", "finish_entry", "milestone_check",
    };
    guint next = 1;
    gboolean needs_reached = FALSE, notes_reached = FALSE;

    gtk_widget_grab_focus (child (f, "name_entry"));
    for (guint step = 0; step < 60 && !notes_reached; step++)
      {
        GtkWidget *focus;

        if (!gtk_widget_child_focus (f->editor, GTK_DIR_TAB_FORWARD))
          break;
        focus = gtk_root_get_focus (root);
        if (next < G_N_ELEMENTS (chain) &&
            (focus == child (f, chain[next]) || gtk_widget_is_ancestor (focus, child (f, chain[next]))))
          next++;
        needs_reached |= focus == need_check (f, "n-prove");
        notes_reached |= focus == child (f, "notes_view");
      }
    g_assert_cmpuint (next, ==, G_N_ELEMENTS (chain));
    g_assert_true (needs_reached);
    g_assert_true (notes_reached);
  }

  /* Every need is a check button labelled by its statement. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_check_button_get_child (need_check (f, "n-plan")))), ==,
                   "Plan the next workout");

  /* Closing gives the keyboard up, for the view to take back. */
  close_editor (f);
  g_assert_null (gtk_root_get_focus (root));
}

typedef struct
{
  CharterDocument *document;
  guint            saves;
  gboolean         saved_in_group;
} SaveProbe;

static void
save_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   SaveProbe     *probe)
{
  probe->saves++;
  probe->saved_in_group |= charter_history_in_group (charter_document_get_history (probe->document));
}

/* An application shortcut (Ctrl+S) pressed in the editor reaches the
 * window's action, with the step edited so far closed first. */
static void
test_task_hands_on_shortcuts (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GtkApplication) application = gtk_application_new ("org.charterapp.EditorsTest", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save", NULL);
  g_autoptr(GError) error = NULL;
  const char *save_accels[] = { "<Control>s", NULL };
  SaveProbe probe = { f->document, 0, FALSE };
  CharterHistory *history = charter_document_get_history (f->document);
  GtkWidget *window, *anchor;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  gtk_application_set_accels_for_action (application, "win.save", save_accels);
  window = gtk_application_window_new (application);
  g_signal_connect (save, "activate", G_CALLBACK (save_activated_cb), &probe);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (save));
  anchor = gtk_label_new ("anchor");
  gtk_window_set_child (GTK_WINDOW (window), anchor);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (anchor, TRUE);

  f->editor = charter_task_editor_new ();
  gtk_widget_set_parent (f->editor, anchor);
  g_object_set (f->editor, "document", f->document, "task-id", "api", NULL);
  gtk_popover_popup (GTK_POPOVER (f->editor));
  wait_until_mapped (f->editor, TRUE);

  type_into (child (f, "duration_spin"), "11");
  g_assert_true (press_key (f, GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_cmpuint (probe.saves, ==, 1);
  g_assert_false (probe.saved_in_group);
  g_assert_cmpstr (charter_history_get_undo_label (history), ==, "Edit “History API”");
  /* The editor goes on in a step of its own. */
  g_assert_true (gtk_widget_get_visible (f->editor));
  g_assert_true (charter_history_in_group (history));
  type_into (child (f, "duration_spin"), "12");
  close_editor (f);
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (task (f, "api")), ==, 11);

  gtk_widget_unparent (f->editor);
  f->editor = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Dependency editor ------------------------------------------------------- */

static void
test_dependency_every_member (Fixture       *f,
                              gconstpointer  data)
{
  CharterDependency *d2 = dependency (f, "d2");

  open_dependency_editor (f, "d2");
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "predecessor_dropdown")), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "successor_dropdown")), ==, 2);

  gtk_drop_down_set_selected (child (f, "predecessor_dropdown"), 0);
  g_assert_cmpstr (charter_dependency_get_predecessor (d2), ==, "design");

  gtk_drop_down_set_selected (child (f, "kind_dropdown"), CHARTER_DEPENDENCY_START_TO_START);
  g_assert_cmpint (charter_dependency_get_kind (d2), ==, CHARTER_DEPENDENCY_START_TO_START);
  gtk_drop_down_set_selected (child (f, "kind_dropdown"), CHARTER_DEPENDENCY_START_TO_FINISH);
  g_assert_cmpint (charter_dependency_get_kind (d2), ==, CHARTER_DEPENDENCY_START_TO_FINISH);

  type_into (child (f, "lag_spin"), "-3");
  g_assert_cmpint (charter_dependency_get_lag (d2), ==, -3);
  type_into (child (f, "lag_spin"), "2");
  g_assert_cmpint (charter_dependency_get_lag (d2), ==, 2);

  gtk_widget_activate_action (f->editor, "dependency-editor.swap", NULL);
  g_assert_cmpstr (charter_dependency_get_predecessor (d2), ==, "ui");
  g_assert_cmpstr (charter_dependency_get_successor (d2), ==, "design");
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "predecessor_dropdown")), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "successor_dropdown")), ==, 0);

  close_editor (f);

  /* One step for the whole session. */
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpstr (charter_dependency_get_predecessor (d2), ==, "api");
  g_assert_cmpstr (charter_dependency_get_successor (d2), ==, "ui");
  g_assert_cmpint (charter_dependency_get_kind (d2), ==, CHARTER_DEPENDENCY_FINISH_TO_START);
  g_assert_cmpint (charter_dependency_get_lag (d2), ==, 0);
  g_assert_false (charter_document_get_can_undo (f->document));
}

static void
test_dependency_refuses_circles (Fixture       *f,
                                 gconstpointer  data)
{
  CharterDependency *d2 = dependency (f, "d2");

  open_dependency_editor (f, "d2");

  /* On itself. */
  gtk_drop_down_set_selected (child (f, "predecessor_dropdown"), 2);
  g_assert_true (error_shown (f, "predecessor_error"));
  g_assert_cmpstr (charter_dependency_get_predecessor (d2), ==, "api");

  /* api → design would close design → api → design. */
  gtk_drop_down_set_selected (child (f, "predecessor_dropdown"), 1);
  g_assert_false (error_shown (f, "predecessor_error"));
  gtk_drop_down_set_selected (child (f, "successor_dropdown"), 0);
  g_assert_true (error_shown (f, "successor_error"));
  g_assert_cmpstr (charter_dependency_get_successor (d2), ==, "ui");
  close_editor (f);
  g_assert_false (charter_document_get_can_undo (f->document));

  /* Swapping d1 alone makes no circle. */
  open_dependency_editor (f, "d1");
  gtk_widget_activate_action (f->editor, "dependency-editor.swap", NULL);
  g_assert_false (error_shown (f, "predecessor_error"));
  g_assert_cmpstr (charter_dependency_get_predecessor (dependency (f, "d1")), ==, "api");
  close_editor (f);
  g_assert_true (charter_document_undo (f->document));

  /* With design → api → ui, a shortcut design → ui turned round would. */
  add_dependency (f->document, "d3", "design", "ui");
  open_dependency_editor (f, "d3");
  gtk_widget_activate_action (f->editor, "dependency-editor.swap", NULL);
  g_assert_true (error_shown (f, "predecessor_error"));
  g_assert_cmpstr (charter_dependency_get_predecessor (dependency (f, "d3")), ==, "design");
  close_editor (f);
  g_assert_false (charter_document_get_can_undo (f->document));
}

static void
test_dependency_delete (Fixture       *f,
                        gconstpointer  data)
{
  CharterHistory *history = charter_document_get_history (f->document);

  open_dependency_editor (f, "d2");
  type_into (child (f, "lag_spin"), "4");
  gtk_widget_activate_action (f->editor, "dependency-editor.delete", NULL);
  wait_until_mapped (f->editor, FALSE);
  g_assert_null (dependency (f, "d2"));
  g_assert_false (charter_history_in_group (history));
  g_assert_cmpstr (charter_history_get_undo_label (history), ==,
                   "Delete the dependency of “History screen” on “History API”");

  /* Undo brings it back as it was left, then as it was. */
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_dependency_get_lag (dependency (f, "d2")), ==, 4);
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_dependency_get_lag (dependency (f, "d2")), ==, 0);
}

static void
test_dependency_follows_document (Fixture       *f,
                                  gconstpointer  data)
{
  CharterHistory *history = charter_document_get_history (f->document);

  open_dependency_editor (f, "d2");
  type_into (child (f, "lag_spin"), "3");
  charter_document_set (f->document, dependency (f, "d2"), "kind", CHARTER_DEPENDENCY_FINISH_TO_FINISH, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "kind_dropdown")), ==, CHARTER_DEPENDENCY_FINISH_TO_FINISH);

  /* Ctrl+Z inside: the fields follow. */
  g_assert_true (press_key (f, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "lag_spin")), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "kind_dropdown")), ==, CHARTER_DEPENDENCY_FINISH_TO_START);

  /* Its task deleted elsewhere takes the dependency, in the middle of the
   * deletion's own group: the editor closes after, the history is whole. */
  charter_document_remove (f->document, charter_document_get_tasks (f->document), task (f, "ui"));
  wait_until_mapped (f->editor, FALSE);
  g_assert_false (charter_history_in_group (history));
  g_assert_null (dependency (f, "d2"));
  g_assert_true (charter_document_undo (f->document));
  g_assert_nonnull (dependency (f, "d2"));
  g_assert_nonnull (task (f, "ui"));
}

static void
test_dependency_read_only (Fixture       *f,
                           gconstpointer  data)
{
  charter_document_set_read_only (f->document, "it was written by a newer Charter");
  open_dependency_editor (f, "d2");
  g_assert_true (gtk_widget_get_visible (child (f, "read_only_label")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "grid")));
  g_assert_false (gtk_widget_is_sensitive (child (f, "delete_button")));
  gtk_widget_activate_action (f->editor, "dependency-editor.delete", NULL);
  g_assert_nonnull (dependency (f, "d2"));
  close_editor (f);
  g_assert_false (charter_document_get_can_undo (f->document));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A cursor blink timer that fires in a test's busy main loop just after a
   * popover moved the keyboard warns that GtkText missed a focus-out (seen
   * 1 run in 2 under Xvfb without a window manager, in GtkText itself). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/editors/task/every-member", test_task_every_member);
  ADD ("/editors/task/one-undo-step", test_task_one_undo_step);
  ADD ("/editors/task/refuses-invalid", test_task_refuses_invalid);
  ADD ("/editors/task/follows-document", test_task_follows_document);
  ADD ("/editors/task/ctrl-z", test_task_ctrl_z);
  ADD ("/editors/task/enter-and-escape", test_task_enter_and_escape);
  ADD ("/editors/task/read-only", test_task_read_only);
  ADD ("/editors/task/raise-request", test_task_raise_request);
  ADD ("/editors/task/keyboard", test_task_keyboard);
  ADD ("/editors/task/hands-on-shortcuts", test_task_hands_on_shortcuts);
  ADD ("/editors/dependency/every-member", test_dependency_every_member);
  ADD ("/editors/dependency/refuses-circles", test_dependency_refuses_circles);
  ADD ("/editors/dependency/delete", test_dependency_delete);
  ADD ("/editors/dependency/follows-document", test_dependency_follows_document);
  ADD ("/editors/dependency/read-only", test_dependency_read_only);
#undef ADD

  return g_test_run ();
}
