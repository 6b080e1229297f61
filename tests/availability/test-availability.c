/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Team & Risks workspace in-process (under the suite's Xvfb), driven
 * through its actions as its widgets drive it: every edit lands in the
 * document as one undo step with a label; refused values (capacity below 1,
 * a commitment ending before it starts, a holiday on a non-working weekday,
 * a probability outside 0-100) are never written and say why; deleting a
 * team takes it off its tasks in the same step; the load strip counts days
 * over capacity; holidays import from an .ics file, bad ones name the line. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "charter-availability-view.h"
#include "charter-ics.h"
#include "charter-load-strip.h"
#include "charter-model.h"
#include "charter-schedule.h"
#include "charter-start-date-editor.h"
#include "charter-workspace.h"

typedef struct
{
  CharterDocument  *document;
  CharterScheduler *scheduler;
  GtkWidget        *window;
  GtkWidget        *view;
} Fixture;

static void
add_task (CharterDocument *document,
          const char      *id,
          const char      *team_id,
          int              duration)
{
  g_autoptr(CharterTask) task = charter_task_new (id);

  charter_task_set_name (task, id);
  charter_task_set_duration (task, duration);
  charter_task_set_team_id (task, team_id);
  g_list_store_append (G_LIST_STORE (charter_document_get_tasks (document)), task);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CharterTeam) team = charter_team_new ("backend");

  fixture->document = charter_document_new ();
  charter_calendar_set_start (charter_document_get_calendar (fixture->document), "2027-03-01");
  charter_team_set_name (team, "Backend");
  charter_team_set_capacity (team, 1);
  g_list_store_append (G_LIST_STORE (charter_document_get_teams (fixture->document)), team);
  add_task (fixture->document, "api", "backend", 5);
  add_task (fixture->document, "storage", "backend", 3);

  fixture->scheduler = charter_scheduler_new (fixture->document);
  fixture->window = gtk_window_new ();
  fixture->view = charter_availability_view_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->view);
  charter_workspace_set_document (CHARTER_WORKSPACE (fixture->view), fixture->document);
  charter_workspace_set_scheduler (CHARTER_WORKSPACE (fixture->view), fixture->scheduler);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->document);
}

static void
act (Fixture    *fixture,
     const char *action,
     const char *format,
     ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (fixture->view, action, parameter));
}

static const char *
undo_label (Fixture *fixture)
{
  return charter_history_get_undo_label (charter_document_get_history (fixture->document));
}

static CharterTeam *
team_at (Fixture *fixture,
         guint    position)
{
  g_autoptr(CharterTeam) team = g_list_model_get_item (charter_document_get_teams (fixture->document), position);

  return team;  /* the document holds it */
}

static void
test_places (Fixture       *fixture,
             gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);

  g_assert_cmpstr (charter_availability_view_get_place (view), ==, "teams");
  act (fixture, "availability.show-place", "s", "calendar");
  g_assert_cmpstr (charter_availability_view_get_place (view), ==, "calendar");
  act (fixture, "availability.show-place", "s", "risks");
  g_assert_cmpstr (charter_availability_view_get_place (view), ==, "risks");
}

static void
test_teams (Fixture       *fixture,
            gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  GListModel *teams = charter_document_get_teams (fixture->document);
  CharterTeam *team;

  act (fixture, "availability.add-team", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
  team = team_at (fixture, 1);
  g_assert_cmpint (charter_team_get_capacity (team), ==, 1);
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 1);
  g_assert_true (charter_document_redo (fixture->document));
  team = team_at (fixture, 1);

  act (fixture, "availability.rename-team", "(ss)", charter_item_get_id (CHARTER_ITEM (team)), "Privacy");
  g_assert_cmpstr (charter_team_get_name (team), ==, "Privacy");
  g_assert_cmpstr (undo_label (fixture), ==, "Rename team to Privacy");

  act (fixture, "availability.set-team-capacity", "(si)", charter_item_get_id (CHARTER_ITEM (team)), 3);
  g_assert_cmpint (charter_team_get_capacity (team), ==, 3);
  act (fixture, "availability.set-team-capacity", "(si)", charter_item_get_id (CHARTER_ITEM (team)), 0);
  g_assert_cmpint (charter_team_get_capacity (team), ==, 3);
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "at least 1"));

  act (fixture, "availability.set-team-color", "(ss)", charter_item_get_id (CHARTER_ITEM (team)), "#009E73");
  g_assert_cmpstr (charter_team_get_color (team), ==, "#009E73");
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_null (charter_team_get_color (team));
}

static void
test_commitments (Fixture       *fixture,
                  gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  CharterTeam *team = team_at (fixture, 0);
  GListModel *commitments = charter_team_get_commitments (team);
  g_autoptr(CharterCommitment) commitment = NULL;
  const char *id;

  act (fixture, "availability.add-commitment", "s", "backend");
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 1);
  commitment = g_list_model_get_item (commitments, 0);
  id = charter_item_get_id (CHARTER_ITEM (commitment));

  act (fixture, "availability.edit-commitment", "(sssss)", "backend", id, "2027-03-10", "2027-03-05", "Migration");
  g_assert_cmpstr (charter_commitment_get_start (commitment), !=, "2027-03-10");
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "ends before it starts"));

  act (fixture, "availability.edit-commitment", "(sssss)", "backend", id, "2027-03-10", "not a date", "Migration");
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "not an end date"));

  act (fixture, "availability.edit-commitment", "(sssss)", "backend", id, "2027-03-01", "2027-03-12", "Migration");
  g_assert_null (charter_availability_view_get_message (view));
  g_assert_cmpstr (charter_commitment_get_start (commitment), ==, "2027-03-01");
  g_assert_cmpstr (charter_commitment_get_finish (commitment), ==, "2027-03-12");
  g_assert_cmpstr (charter_commitment_get_reason (commitment), ==, "Migration");
  g_assert_cmpstr (undo_label (fixture), ==, "Change a commitment of Backend");
  /* One step: undo takes all three back at once. */
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_null (charter_commitment_get_reason (commitment));
  g_assert_true (charter_document_redo (fixture->document));

  act (fixture, "availability.remove-commitment", "(ss)", "backend", id);
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 0);
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 1);
}

static void
test_delete_team (Fixture       *fixture,
                  gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  GListModel *teams = charter_document_get_teams (fixture->document);
  CharterTask *api = charter_document_find (fixture->document, charter_document_get_tasks (fixture->document), "api");

  act (fixture, "availability.delete-team", "s", "backend");
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 0);
  g_assert_null (charter_task_get_team_id (api));
  g_assert_cmpstr (charter_availability_view_get_message (view), ==, "2 tasks lost their team");
  g_assert_cmpstr (undo_label (fixture), ==, "Delete team Backend");

  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 1);
  g_assert_cmpstr (charter_task_get_team_id (api), ==, "backend");
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  CharterCalendar *calendar = charter_document_get_calendar (fixture->document);
  const char * const *holidays;

  act (fixture, "availability.set-start", "s", "2027-02-30");
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2027-03-01");
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "not a date"));
  act (fixture, "availability.set-start", "s", "2027-03-08");
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2027-03-08");
  g_assert_cmpstr (undo_label (fixture), ==, "Change the project start");

  act (fixture, "availability.set-working-days", "i", 0);
  g_assert_cmpint (charter_calendar_get_working_days (calendar), ==, CHARTER_WEEKDAYS_WORKWEEK);
  act (fixture, "availability.set-working-days", "i", CHARTER_WEEKDAYS_WORKWEEK | CHARTER_WEEKDAYS_SATURDAY);
  g_assert_cmpint (charter_calendar_get_working_days (calendar), ==,
                   CHARTER_WEEKDAYS_WORKWEEK | CHARTER_WEEKDAYS_SATURDAY);
  g_assert_true (charter_document_undo (fixture->document));

  act (fixture, "availability.set-no-launch-days", "i", CHARTER_WEEKDAYS_FRIDAY);
  g_assert_cmpint (charter_calendar_get_no_launch_days (calendar), ==, CHARTER_WEEKDAYS_FRIDAY);

  /* 2027-03-13 is a Saturday. */
  act (fixture, "availability.add-holiday", "s", "2027-03-13");
  g_assert_null (charter_calendar_get_holidays (calendar) ? charter_calendar_get_holidays (calendar)[0] : NULL);
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "not a working day"));

  act (fixture, "availability.add-holiday", "s", "2027-03-15");
  act (fixture, "availability.add-holiday", "s", "2027-03-10");
  holidays = charter_calendar_get_holidays (calendar);
  g_assert_cmpuint (g_strv_length ((char **) holidays), ==, 2);
  g_assert_cmpstr (holidays[0], ==, "2027-03-10");
  g_assert_cmpstr (holidays[1], ==, "2027-03-15");
  g_assert_cmpstr (undo_label (fixture), ==, "Add holiday Wed 10 Mar 2027");

  act (fixture, "availability.remove-holiday", "s", "2027-03-10");
  holidays = charter_calendar_get_holidays (calendar);
  g_assert_cmpuint (g_strv_length ((char **) holidays), ==, 1);
  g_assert_cmpstr (holidays[0], ==, "2027-03-15");
}

/* The first widget of @type under @widget (popovers included). */
static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    {
      GtkWidget *found = find_of_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), type);

      if (found != NULL)
        return found;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Calendar place edits the start with the window's own editor
 * (CharterStartDateEditor): a day picked there and the set-start action
 * take one code path, one undo label, and the row shows the result. */
static void
test_calendar_start_editor (Fixture       *fixture,
                            gconstpointer  data)
{
  CharterCalendar *calendar = charter_document_get_calendar (fixture->document);
  CharterStartDateEditor *editor;
  GtkWidget *button;
  GtkCalendar *picker;
  g_autoptr(GDateTime) day = NULL;

  act (fixture, "availability.show-place", "s", "calendar");
  editor = CHARTER_START_DATE_EDITOR (find_of_type (fixture->view, CHARTER_TYPE_START_DATE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (charter_start_date_editor_get_document (editor) == fixture->document);
  button = gtk_widget_get_parent (GTK_WIDGET (editor));
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Monday 1 March 2027");

  picker = GTK_CALENDAR (find_of_type (GTK_WIDGET (editor), GTK_TYPE_CALENDAR));
  day = g_date_time_new_local (2027, 3, 15, 12, 0, 0);
  gtk_calendar_select_day (picker, day);
  g_signal_emit_by_name (picker, "day-selected");
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2027-03-15");
  g_assert_cmpstr (undo_label (fixture), ==, "Change the project start");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Monday 15 March 2027");

  /* The action (keyboard, tests) goes through the same editor, and the
   * editor follows: its summary names the new day. */
  act (fixture, "availability.set-start", "s", "2027-03-22");
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2027-03-22");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Monday 22 March 2027");
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpstr (charter_calendar_get_start (calendar), ==, "2027-03-15");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Monday 15 March 2027");
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  CharterCalendar *calendar = charter_document_get_calendar (fixture->document);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *ics =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nSUMMARY:Spring bank\r\n holiday\r\nDTSTART;VALUE=DATE:20270329\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nSUMMARY:A Saturday\r\nDTSTART;VALUE=DATE:20270327\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nSUMMARY:Good Friday\r\nDTSTART;VALUE=DATE:20270326\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  int fd = g_file_open_tmp ("holidays-XXXXXX.ics", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, ics, -1, &error));

  act (fixture, "availability.import-holidays-from", "s", path);
  while (charter_calendar_get_holidays (calendar) == NULL || charter_calendar_get_holidays (calendar)[0] == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstrv (charter_calendar_get_holidays (calendar), ((const char *[]) { "2027-03-26", "2027-03-29", NULL }));
  g_assert_cmpstr (undo_label (fixture), ==, "Import 2 holidays");
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "left out"));
  g_unlink (path);
}

static void
test_ics_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;

  dates = charter_ics_parse_holidays ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027133\nEND:VEVENT\nEND:VCALENDAR\n",
                                      -1, &error);
  g_assert_null (dates);
  g_assert_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  dates = charter_ics_parse_holidays ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis is no line\nEND:VEVENT\nEND:VCALENDAR\n",
                                      -1, &error);
  g_assert_null (dates);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  dates = charter_ics_parse_holidays ("hello\n", -1, &error);
  g_assert_null (dates);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);

  dates = charter_ics_parse_holidays ("BEGIN:VCALENDAR\nEND:VCALENDAR\n", -1, &error);
  g_assert_error (error, CHARTER_ICS_ERROR, CHARTER_ICS_ERROR_EMPTY);
}

static void
test_risks (Fixture       *fixture,
            gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  GListModel *risks = charter_document_get_risks (fixture->document);
  g_autoptr(CharterRisk) risk = NULL;
  const char *id;

  act (fixture, "availability.add-risk", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 1);
  risk = g_list_model_get_item (risks, 0);
  id = charter_item_get_id (CHARTER_ITEM (risk));

  act (fixture, "availability.set-risk-number", "(ssi)", id, "probability", 150);
  g_assert_cmpint (charter_risk_get_probability (risk), ==, 30);
  g_assert_nonnull (strstr (charter_availability_view_get_message (view), "between 0 and 100"));
  act (fixture, "availability.set-risk-number", "(ssi)", id, "probability", 60);
  g_assert_cmpint (charter_risk_get_probability (risk), ==, 60);
  act (fixture, "availability.set-risk-number", "(ssi)", id, "impact-days", 7);
  g_assert_cmpint (charter_risk_get_impact_days (risk), ==, 7);
  act (fixture, "availability.set-risk-number", "(ssi)", id, "contingency", 2);
  g_assert_cmpint (charter_risk_get_contingency (risk), ==, 2);

  act (fixture, "availability.set-risk-text", "(sss)", id, "description", "API is slow");
  act (fixture, "availability.set-risk-text", "(sss)", id, "owner", "Backend lead");
  act (fixture, "availability.set-risk-text", "(sss)", id, "mitigation", "Load-test early");
  g_assert_cmpstr (charter_risk_get_description (risk), ==, "API is slow");
  g_assert_cmpstr (charter_risk_get_owner (risk), ==, "Backend lead");
  g_assert_cmpstr (charter_risk_get_mitigation (risk), ==, "Load-test early");
  act (fixture, "availability.set-risk-text", "(sss)", id, "description", "");
  g_assert_cmpstr (charter_risk_get_description (risk), ==, "API is slow");

  act (fixture, "availability.toggle-risk-task", "(ssb)", id, "api", TRUE);
  g_assert_cmpstrv (charter_risk_get_task_ids (risk), ((const char *[]) { "api", NULL }));
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_true (charter_risk_get_task_ids (risk) == NULL || charter_risk_get_task_ids (risk)[0] == NULL);

  act (fixture, "availability.delete-risk", "s", id);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 0);
}

static void
spin (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The GtkEntry widgets under @widget, in the order they show (depth first). */
static void
collect_entries (GtkWidget *widget,
                 GPtrArray *found)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, found);
}

static GtkWidget *
entry_showing (Fixture    *fixture,
               const char *text)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_entries (fixture->view, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (entries, i)), text) == 0)
      return g_ptr_array_index (entries, i);
  return NULL;
}

/* Whether the entry showing @first comes before the one showing @second. */
static gboolean
shows_before (Fixture    *fixture,
              const char *first,
              const char *second)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  guint a = G_MAXUINT, b = G_MAXUINT;

  collect_entries (fixture->view, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const char *text = gtk_editable_get_text (g_ptr_array_index (entries, i));

      if (a == G_MAXUINT && g_strcmp0 (text, first) == 0)
        a = i;
      if (b == G_MAXUINT && g_strcmp0 (text, second) == 0)
        b = i;
    }
  g_assert_cmpuint (a, !=, G_MAXUINT);
  g_assert_cmpuint (b, !=, G_MAXUINT);
  return a < b;
}

static gboolean
focus_inside (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The risk cards sort by exposure, but not under the user's hands: while the
 * focus is in a card, a change of exposure leaves the cards where they are
 * (the same widgets: the focus and the text typed stay); when the focus
 * leaves that card they re-sort, still without being rebuilt. */
static void
test_risk_resort (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *risks = charter_document_get_risks (fixture->document);
  g_autoptr(CharterRisk) alpha = NULL;
  g_autoptr(CharterRisk) beta = NULL;
  const char *alpha_id, *beta_id;
  GtkWidget *alpha_entry, *beta_entry;

  act (fixture, "availability.show-place", "s", "risks");
  act (fixture, "availability.add-risk", NULL);
  act (fixture, "availability.add-risk", NULL);
  alpha = g_list_model_get_item (risks, 0);
  beta = g_list_model_get_item (risks, 1);
  alpha_id = charter_item_get_id (CHARTER_ITEM (alpha));
  beta_id = charter_item_get_id (CHARTER_ITEM (beta));
  act (fixture, "availability.set-risk-text", "(sss)", alpha_id, "description", "Alpha");
  act (fixture, "availability.set-risk-number", "(ssi)", alpha_id, "probability", 10);
  act (fixture, "availability.set-risk-number", "(ssi)", alpha_id, "impact-days", 1);
  act (fixture, "availability.set-risk-text", "(sss)", beta_id, "description", "Beta");
  act (fixture, "availability.set-risk-number", "(ssi)", beta_id, "probability", 60);
  act (fixture, "availability.set-risk-number", "(ssi)", beta_id, "impact-days", 5);
  spin ();
  g_assert_true (shows_before (fixture, "Beta", "Alpha"));

  /* Typing in Alpha's card: Alpha becomes the larger risk. */
  alpha_entry = entry_showing (fixture, "Alpha");
  g_assert_nonnull (alpha_entry);
  g_assert_true (gtk_widget_grab_focus (alpha_entry));
  spin ();
  g_assert_true (focus_inside (alpha_entry));
  act (fixture, "availability.set-risk-number", "(ssi)", alpha_id, "probability", 100);
  act (fixture, "availability.set-risk-number", "(ssi)", alpha_id, "impact-days", 20);
  spin ();
  g_assert_true (shows_before (fixture, "Beta", "Alpha"));
  g_assert_true (entry_showing (fixture, "Alpha") == alpha_entry);
  g_assert_true (focus_inside (alpha_entry));

  /* The focus moves on to Beta's card: now the cards re-sort, the same
   * widgets in a new order, and the focus stays where it went. */
  beta_entry = entry_showing (fixture, "Beta");
  g_assert_true (gtk_widget_grab_focus (beta_entry));
  spin ();
  g_assert_true (shows_before (fixture, "Alpha", "Beta"));
  g_assert_true (entry_showing (fixture, "Alpha") == alpha_entry);
  g_assert_true (entry_showing (fixture, "Beta") == beta_entry);
  g_assert_true (focus_inside (beta_entry));

  /* Without the focus in a card, a change of exposure re-sorts at once. */
  act (fixture, "availability.show-place", "s", "calendar");
  spin ();
  act (fixture, "availability.set-risk-number", "(ssi)", alpha_id, "probability", 5);
  spin ();
  g_assert_true (shows_before (fixture, "Beta", "Alpha"));
  g_assert_true (entry_showing (fixture, "Alpha") == alpha_entry);
}

static void
test_load (void)
{
  g_autoptr(CharterDocument) document = charter_document_new ();
  g_autoptr(CharterTeam) team = charter_team_new ("backend");
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterLoad) load = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  /* Two 5-day tasks side by side (a team of two), counted against a
   * capacity of one: 5 days over. The scheduler itself levels a team of one. */
  charter_calendar_set_start (charter_document_get_calendar (document), "2027-03-01");
  charter_team_set_capacity (team, 2);
  g_list_store_append (G_LIST_STORE (charter_document_get_teams (document)), team);
  add_task (document, "a", "backend", 5);
  add_task (document, "b", "backend", 5);
  schedule = charter_schedule_compute (document, &error);
  g_assert_no_error (error);
  load = charter_load_compute (document, schedule, team);
  g_assert_cmpuint (load->n_over, ==, 0);
  g_assert_cmpuint (load->peak, ==, 2);

  charter_team_set_capacity (team, 1);
  charter_load_free (g_steal_pointer (&load));
  load = charter_load_compute (document, schedule, team);
  g_assert_cmpuint (load->n_over, ==, 5);
  description = charter_load_describe (load);
  g_assert_cmpstr (description, ==, "Over capacity on 5 days, first on Mon 1 Mar; at most 2 tasks at once for a capacity of 1");
  g_clear_object (&schedule);

  /* Levelled by the scheduler, committed the first week: work moves after it. */
  {
    g_autoptr(CharterCommitment) commitment = charter_commitment_new ("migration");

    charter_commitment_set_start (commitment, "2027-03-01");
    charter_commitment_set_finish (commitment, "2027-03-05");
    g_list_store_append (G_LIST_STORE (charter_team_get_commitments (team)), commitment);
  }
  schedule = charter_schedule_compute (document, &error);
  g_assert_no_error (error);
  charter_load_free (g_steal_pointer (&load));
  load = charter_load_compute (document, schedule, team);
  g_assert_cmpuint (load->n_over, ==, 0);
  g_assert_cmpuint (load->peak, ==, 1);
  g_assert_cmpuint (load->n_committed, ==, 5);
  g_assert_cmpuint (load->days[0].tasks, ==, 0);
  g_assert_true (load->days[0].committed);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/availability/places", Fixture, NULL, fixture_set_up, test_places, fixture_tear_down);
  g_test_add ("/availability/teams", Fixture, NULL, fixture_set_up, test_teams, fixture_tear_down);
  g_test_add ("/availability/commitments", Fixture, NULL, fixture_set_up, test_commitments, fixture_tear_down);
  g_test_add ("/availability/delete-team", Fixture, NULL, fixture_set_up, test_delete_team, fixture_tear_down);
  g_test_add ("/availability/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/availability/calendar-start-editor", Fixture, NULL, fixture_set_up, test_calendar_start_editor,
              fixture_tear_down);
  g_test_add ("/availability/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/availability/risks", Fixture, NULL, fixture_set_up, test_risks, fixture_tear_down);
  g_test_add ("/availability/risk-resort", Fixture, NULL, fixture_set_up, test_risk_resort, fixture_tear_down);
  g_test_add_func ("/availability/ics-errors", test_ics_errors);
  g_test_add_func ("/availability/load", test_load);

  return g_test_run ();
}
