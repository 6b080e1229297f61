/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Program workspace's tracking places in-process (under the suite's
 * Xvfb), driven through their actions and controls as a person drives them:
 * a check-in is made, edited and deleted in labelled undo steps; its table
 * holds exactly the tasks in flight on its date (and those it mentions);
 * "No change" writes nothing; a late task moves the launch and the
 * explanation says so; a baseline keeps every task's forecast and its slip
 * follows later check-ins; the trend chart has one point per check-in;
 * "Raise Change Request…" is insensitive until a window provides
 * win.request-scope-change, and then hands it the task. */

#include "config.h"

#include <adwaita.h>

#include "charter-availability-view.h"
#include "charter-baseline-view.h"
#include "charter-check-in-view.h"
#include "charter-gantt-chart.h"
#include "charter-model.h"
#include "charter-schedule.h"
#include "charter-timeline-view.h"
#include "charter-trend-chart.h"
#include "charter-trend-view.h"
#include "charter-workspace.h"

typedef struct
{
  CharterDocument  *document;
  CharterScheduler *scheduler;
  GtkWidget        *window;
  GtkWidget        *view;
} Fixture;

static CharterTask *
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
  return task;
}

static void
add_dependency (CharterDocument *document,
                const char      *predecessor,
                const char      *successor)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", predecessor, successor);
  g_autoptr(CharterDependency) dependency = charter_dependency_new (id);

  charter_dependency_set_predecessor (dependency, predecessor);
  charter_dependency_set_successor (dependency, successor);
  g_list_store_append (G_LIST_STORE (charter_document_get_dependencies (document)), dependency);
}

/* Mon 1 Mar 2027: api (5 days, to Fri 5), then storage (3, Mon 8 - Wed
 * 10), then the launch; web (4 days, Mon 1 - Thu 4) beside them. */
static CharterDocument *
make_document (void)
{
  CharterDocument *document = charter_document_new ();
  g_autoptr(CharterTeam) team = charter_team_new ("backend");
  CharterTask *launch;

  charter_calendar_set_start (charter_document_get_calendar (document), "2027-03-01");
  charter_team_set_name (team, "Backend");
  charter_team_set_capacity (team, 2);
  g_list_store_append (G_LIST_STORE (charter_document_get_teams (document)), team);
  add_task (document, "api", "backend", 5);
  add_task (document, "storage", "backend", 3);
  add_task (document, "web", NULL, 4);
  launch = add_task (document, "launch", NULL, 0);
  charter_task_set_milestone (launch, TRUE);
  charter_task_set_launch (launch, TRUE);
  add_dependency (document, "api", "storage");
  add_dependency (document, "storage", "launch");
  add_dependency (document, "web", "launch");
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GType type = GPOINTER_TO_SIZE (data);

  fixture->document = make_document ();
  fixture->scheduler = charter_scheduler_new (fixture->document);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  fixture->view = g_object_new (type, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->view);
  g_object_set (fixture->view, "document", fixture->document, "scheduler", fixture->scheduler, NULL);
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

static CharterCheckIn *
check_in_at (Fixture *fixture,
             guint    position)
{
  g_autoptr(CharterCheckIn) check_in = g_list_model_get_item (charter_document_get_check_ins (fixture->document),
                                                              position);

  return check_in;  /* the document holds it */
}

static CharterTaskStatus *
status_of (CharterCheckIn *check_in,
           const char     *task_id)
{
  GListModel *statuses = charter_check_in_get_statuses (check_in);

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(CharterTaskStatus) status = g_list_model_get_item (statuses, i);

      if (g_strcmp0 (charter_task_status_get_task_id (status), task_id) == 0)
        return status;
    }
  return NULL;
}

static guint32
launch_finish (Fixture *fixture)
{
  CharterSchedule *schedule = charter_scheduler_get_schedule (fixture->scheduler);

  g_assert_nonnull (schedule);
  return charter_schedule_get_task_dates (schedule, "launch")->early_finish;
}

static char *
joined_task_ids (Fixture *fixture)
{
  g_auto(GStrv) ids = charter_check_in_view_dup_task_ids (CHARTER_CHECK_IN_VIEW (fixture->view));

  return g_strjoinv (",", ids);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_places (Fixture       *fixture,
             gconstpointer  data)
{
  CharterAvailabilityView *view = CHARTER_AVAILABILITY_VIEW (fixture->view);
  const char *places[] = { "check-ins", "baselines", "trend", "teams" };
  GType types[] = { CHARTER_TYPE_CHECK_IN_VIEW, CHARTER_TYPE_BASELINE_VIEW, CHARTER_TYPE_TREND_VIEW };

  g_assert_cmpstr (charter_availability_view_get_place (view), ==, "teams");
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      act (fixture, "availability.show-place", "s", places[i]);
      g_assert_cmpstr (charter_availability_view_get_place (view), ==, places[i]);
    }

  /* Each place follows the workspace's document and scheduler. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *place = find_widget (fixture->view, types[i]);
      g_autoptr(CharterDocument) document = NULL;
      g_autoptr(CharterScheduler) scheduler = NULL;

      g_assert_nonnull (place);
      g_assert_false (CHARTER_IS_WORKSPACE (place));
      g_object_get (place, "document", &document, "scheduler", &scheduler, NULL);
      g_assert_true (document == fixture->document);
      g_assert_true (scheduler == fixture->scheduler);
    }
  /* A hidden place does not follow every edit (each costs a schedule); it
   * catches up when shown. */
  {
    CharterCheckInView *check_ins = CHARTER_CHECK_IN_VIEW (find_widget (fixture->view, CHARTER_TYPE_CHECK_IN_VIEW));
    g_autoptr(CharterCheckIn) check_in = charter_check_in_new ("c1");

    g_assert_cmpstr (charter_availability_view_get_place (view), ==, "teams");
    charter_check_in_set_date (check_in, "2027-03-03");
    charter_document_append (fixture->document, charter_document_get_check_ins (fixture->document), check_in);
    g_assert_null (charter_check_in_view_get_selected (check_ins));
    act (fixture, "availability.show-place", "s", "check-ins");
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpstr (charter_check_in_view_get_selected (check_ins), ==, "c1");
  }

  charter_workspace_set_document (CHARTER_WORKSPACE (fixture->view), NULL);
  {
    g_autoptr(CharterDocument) none = NULL;

    g_object_get (find_widget (fixture->view, CHARTER_TYPE_CHECK_IN_VIEW), "document", &none, NULL);
    g_assert_null (none);
  }
}

static void
test_new_check_in (Fixture       *fixture,
                   gconstpointer  data)
{
  CharterCheckInView *view = CHARTER_CHECK_IN_VIEW (fixture->view);
  GListModel *check_ins = charter_document_get_check_ins (fixture->document);
  g_autofree char *ids = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_null (charter_check_in_view_get_selected (view));
  act (fixture, "check-ins.add", "s", "2027-03-03");
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 1);
  g_assert_cmpstr (charter_check_in_get_date (check_in_at (fixture, 0)), ==, "2027-03-03");
  g_assert_cmpstr (undo_label (fixture), ==, "New Check-in of Wed 3 March 2027");
  g_assert_cmpstr (charter_check_in_view_get_selected (view), ==,
                   charter_item_get_id (CHARTER_ITEM (check_in_at (fixture, 0))));
  /* Nothing is said about any task until someone changes a field. */
  g_assert_cmpuint (g_list_model_get_n_items (charter_check_in_get_statuses (check_in_at (fixture, 0))), ==, 0);

  /* In flight on Wed 3 March: api (1-5 March) and web (1-4 March), not
   * storage (from 8 March) nor the launch milestone. */
  ids = joined_task_ids (fixture);
  g_assert_cmpstr (ids, ==, "api,web");

  /* A bad date is refused and not written. */
  act (fixture, "check-ins.add", "s", "3 March");
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 1);

  /* An empty date is today. */
  act (fixture, "check-ins.add", "s", "");
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 2);
  g_assert_cmpstr (charter_check_in_get_date (check_in_at (fixture, 1)), ==, today);

  g_assert_true (charter_document_undo (fixture->document));
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 0);
  g_assert_null (charter_check_in_view_get_selected (view));
  {
    g_auto(GStrv) none = charter_check_in_view_dup_task_ids (view);

    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

static void
test_late_task (Fixture       *fixture,
                gconstpointer  data)
{
  CharterCheckInView *view = CHARTER_CHECK_IN_VIEW (fixture->view);
  guint32 planned = launch_finish (fixture);
  CharterCheckIn *check_in;
  const char *id;
  CharterTaskStatus *status;
  CharterSchedule *schedule;

  act (fixture, "check-ins.add", "s", "2027-03-03");
  check_in = check_in_at (fixture, 0);
  id = charter_item_get_id (CHARTER_ITEM (check_in));

  /* api has 6 working days left on Wed 3 March: it finishes Thu 11 instead
   * of Fri 5, 4 working days later, and so does the launch. */
  act (fixture, "check-ins.set-remaining", "(ssi)", id, "api", 6);
  status = status_of (check_in, "api");
  g_assert_nonnull (status);
  g_assert_cmpint (charter_task_status_get_remaining (status), ==, 6);
  g_assert_cmpint (charter_task_status_get_state (status), ==, CHARTER_TASK_STATE_ON_TRACK);
  g_assert_cmpstr (undo_label (fixture), ==, "Set Days Left for “api”");
  schedule = charter_scheduler_get_schedule (fixture->scheduler);
  g_assert_cmpint (charter_schedule_get_slip_days (schedule, planned, launch_finish (fixture)), ==, 4);
  g_assert_nonnull (strstr (charter_check_in_view_get_explanation (view), "4 working days later"));
  g_assert_nonnull (strstr (charter_check_in_view_get_explanation (view), "api"));

  /* One step: undo takes the status away and the launch back. */
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_null (status_of (check_in, "api"));
  g_assert_cmpuint (launch_finish (fixture), ==, planned);
  g_assert_true (charter_document_redo (fixture->document));
  g_assert_nonnull (status_of (check_in, "api"));

  /* The rest of a status, each its own step. */
  act (fixture, "check-ins.set-percent", "(ssi)", id, "api", 40);
  g_assert_cmpint (charter_task_status_get_percent_complete (status_of (check_in, "api")), ==, 40);
  act (fixture, "check-ins.set-percent", "(ssi)", id, "api", 140);
  g_assert_cmpint (charter_task_status_get_percent_complete (status_of (check_in, "api")), ==, 40);
  act (fixture, "check-ins.set-text", "(ssss)", id, "api", "blockers", "Waiting on legal");
  g_assert_cmpstr (charter_task_status_get_blockers (status_of (check_in, "api")), ==, "Waiting on legal");
  g_assert_cmpstr (undo_label (fixture), ==, "Set Blockers of “api”");
  act (fixture, "check-ins.set-text", "(ssss)", id, "api", "notes", "Pagination next week");
  g_assert_cmpstr (charter_task_status_get_notes (status_of (check_in, "api")), ==, "Pagination next week");
  act (fixture, "check-ins.set-state", "(ssi)", id, "api", CHARTER_TASK_STATE_AT_RISK);
  g_assert_cmpint (charter_task_status_get_state (status_of (check_in, "api")), ==, CHARTER_TASK_STATE_AT_RISK);
  g_assert_cmpstr (undo_label (fixture), ==, "Set “api” to At risk");

  /* Done sets 100 %; "No change" takes the status away again. */
  act (fixture, "check-ins.set-state", "(ssi)", id, "web", CHARTER_TASK_STATE_DONE);
  g_assert_cmpint (charter_task_status_get_percent_complete (status_of (check_in, "web")), ==, 100);
  act (fixture, "check-ins.set-state", "(ssi)", id, "web", -1);
  g_assert_null (status_of (check_in, "web"));
  g_assert_cmpstr (undo_label (fixture), ==, "No Change for “web”");

  /* A task the check-in mentions is in the table, in flight or not. */
  act (fixture, "check-ins.set-state", "(ssi)", id, "storage", CHARTER_TASK_STATE_BLOCKED);
  {
    g_autofree char *ids = joined_task_ids (fixture);

    g_assert_cmpstr (ids, ==, "api,storage,web");
  }

  /* Moving the check-in and deleting it are steps too. */
  act (fixture, "check-ins.set-date", "(ss)", id, "2027-03-04");
  g_assert_cmpstr (charter_check_in_get_date (check_in), ==, "2027-03-04");
  act (fixture, "check-ins.set-date", "(ss)", id, "soon");
  g_assert_cmpstr (charter_check_in_get_date (check_in), ==, "2027-03-04");
  act (fixture, "check-ins.delete", "s", id);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_check_ins (fixture->document)), ==, 0);
  g_assert_cmpstr (undo_label (fixture), ==, "Delete Check-in of Thu 4 March 2027");
  g_assert_cmpuint (launch_finish (fixture), ==, planned);
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_check_ins (fixture->document)), ==, 1);
}

static void
on_request_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  char **requested = data;

  g_free (*requested);
  *requested = g_variant_dup_string (parameter, NULL);
}

static void
test_table_controls (Fixture       *fixture,
                     gconstpointer  data)
{
  CharterCheckInView *view = CHARTER_CHECK_IN_VIEW (fixture->view);
  CharterCheckIn *check_in;
  GtkWidget *state, *percent, *remaining, *blockers, *request;
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *requested = NULL;

  act (fixture, "check-ins.add", "s", "2027-03-03");
  check_in = check_in_at (fixture, 0);

  state = charter_check_in_view_get_field (view, "api", 0);
  percent = charter_check_in_view_get_field (view, "api", 1);
  remaining = charter_check_in_view_get_field (view, "api", 2);
  blockers = charter_check_in_view_get_field (view, "api", 3);
  request = charter_check_in_view_get_field (view, "api", 5);
  g_assert_true (GTK_IS_DROP_DOWN (state));
  g_assert_true (GTK_IS_ENTRY (percent));

  /* Every control names its task (tooltip = accessible name). */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (state), "“api”"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (percent), "“api”"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (remaining), "“api”"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (blockers), "“api”"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (request), "“api”"));

  /* "No change" by default, with the plan's figures as placeholders:
   * on Wed 3 March api has Thu and Fri left, 60 % done. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (state)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (remaining)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (remaining)), ==, "2");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (percent)), ==, "60");

  /* The dropdown writes the state, Enter in a field its value. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (state), 1 + CHARTER_TASK_STATE_AT_RISK);
  g_assert_cmpint (charter_task_status_get_state (status_of (check_in, "api")), ==, CHARTER_TASK_STATE_AT_RISK);
  gtk_editable_set_text (GTK_EDITABLE (remaining), "7");
  g_signal_emit_by_name (remaining, "activate");
  g_assert_cmpint (charter_task_status_get_remaining (status_of (check_in, "api")), ==, 7);
  gtk_editable_set_text (GTK_EDITABLE (percent), "lots");
  g_signal_emit_by_name (percent, "activate");
  g_assert_cmpint (charter_task_status_get_percent_complete (status_of (check_in, "api")), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (blockers), "Legal");
  g_signal_emit_by_name (blockers, "activate");
  g_assert_cmpstr (charter_task_status_get_blockers (status_of (check_in, "api")), ==, "Legal");

  /* Undo shows in the controls. */
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (remaining)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (blockers)), ==, "");
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (state)), ==, 0);
  g_assert_null (status_of (check_in, "api"));

  /* Raise Change Request: insensitive without win.request-scope-change,
   * and hands it the task once a window has it. */
  g_assert_false (gtk_widget_get_sensitive (request));
  group = g_simple_action_group_new ();
  action = g_simple_action_new ("request-scope-change", G_VARIANT_TYPE_STRING);
  g_signal_connect (action, "activate", G_CALLBACK (on_request_cb), &requested);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  g_assert_true (gtk_widget_get_sensitive (request));
  g_signal_emit_by_name (request, "clicked");
  g_assert_cmpstr (requested, ==, "api");
}

static CharterBaseline *
baseline_at (Fixture *fixture,
             guint    position)
{
  g_autoptr(CharterBaseline) baseline = g_list_model_get_item (charter_document_get_baselines (fixture->document),
                                                               position);

  return baseline;  /* the document holds it */
}

static void
record_late_api (CharterDocument *document,
                 const char      *date,
                 int              remaining)
{
  g_autofree char *id = g_strdup_printf ("c-%s", date);
  g_autofree char *status_id = g_strdup_printf ("c-%s-api", date);
  g_autoptr(CharterCheckIn) check_in = charter_check_in_new (id);
  g_autoptr(CharterTaskStatus) status = charter_task_status_new (status_id);

  charter_check_in_set_date (check_in, date);
  charter_task_status_set_task_id (status, "api");
  charter_task_status_set_remaining (status, remaining);
  g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);
  charter_document_append (document, charter_document_get_check_ins (document), check_in);
}

static void
test_baselines (Fixture       *fixture,
                gconstpointer  data)
{
  CharterBaselineView *view = CHARTER_BASELINE_VIEW (fixture->view);
  GListModel *baselines = charter_document_get_baselines (fixture->document);
  CharterSchedule *schedule = charter_scheduler_get_schedule (fixture->scheduler);
  CharterBaseline *baseline;
  GListModel *entries;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int slip = -1;

  g_assert_false (charter_baseline_view_get_launch_slip (view, NULL));
  act (fixture, "baselines.add", "s", "Approved plan");
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 1);
  g_assert_cmpstr (undo_label (fixture), ==, "Set Baseline “Approved plan”");
  baseline = baseline_at (fixture, 0);
  g_assert_cmpstr (charter_baseline_get_name (baseline), ==, "Approved plan");
  g_assert_cmpstr (charter_baseline_get_date (baseline), ==, today);
  g_assert_cmpstr (charter_baseline_view_get_compare_baseline (view), ==, charter_item_get_id (CHARTER_ITEM (baseline)));

  /* Every task's forecast of today, as the schedule has it. */
  entries = charter_baseline_get_entries (baseline);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CharterBaselineEntry) entry = g_list_model_get_item (entries, i);

      g_assert_cmpstr (charter_baseline_entry_get_task_id (entry), ==, charter_schedule_get_task_id (schedule, i));
    }
  {
    g_autoptr(CharterBaselineEntry) api = g_list_model_get_item (entries, 0);

    g_assert_cmpstr (charter_baseline_entry_get_start (api), ==, "2027-03-01");
    g_assert_cmpstr (charter_baseline_entry_get_finish (api), ==, "2027-03-05");
  }
  g_assert_true (charter_baseline_view_get_launch_slip (view, &slip));
  g_assert_cmpint (slip, ==, 0);
  g_assert_cmpuint (charter_baseline_view_get_n_rows (view), ==, 4);

  /* A check-in with api late: the launch slips against the baseline. */
  record_late_api (fixture->document, "2027-03-03", 6);
  g_assert_true (charter_baseline_view_get_launch_slip (view, &slip));
  g_assert_cmpint (slip, ==, 4);
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_true (charter_baseline_view_get_launch_slip (view, &slip));
  g_assert_cmpint (slip, ==, 0);

  /* Rename; an empty name is refused. */
  act (fixture, "baselines.rename", "(ss)", charter_item_get_id (CHARTER_ITEM (baseline)), "Kick-off");
  g_assert_cmpstr (charter_baseline_get_name (baseline), ==, "Kick-off");
  act (fixture, "baselines.rename", "(ss)", charter_item_get_id (CHARTER_ITEM (baseline)), "  ");
  g_assert_cmpstr (charter_baseline_get_name (baseline), ==, "Kick-off");
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpstr (charter_baseline_get_name (baseline), ==, "Approved plan");

  /* A second one, unnamed, becomes the comparison; pick the first again. */
  act (fixture, "baselines.add", "s", "");
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 2);
  g_assert_cmpstr (charter_baseline_get_name (baseline_at (fixture, 1)), ==, "Baseline 2");
  g_assert_cmpstr (charter_baseline_view_get_compare_baseline (view), ==,
                   charter_item_get_id (CHARTER_ITEM (baseline_at (fixture, 1))));
  act (fixture, "baselines.compare", "s", charter_item_get_id (CHARTER_ITEM (baseline)));
  g_assert_cmpstr (charter_baseline_view_get_compare_baseline (view), ==, charter_item_get_id (CHARTER_ITEM (baseline)));

  /* Delete is a step; the comparison falls back to the newest left. */
  act (fixture, "baselines.delete", "s", charter_item_get_id (CHARTER_ITEM (baseline)));
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 1);
  g_assert_cmpstr (undo_label (fixture), ==, "Delete Baseline “Approved plan”");
  g_assert_true (charter_baseline_view_get_launch_slip (view, NULL));
  g_assert_true (charter_document_undo (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (baselines), ==, 2);
}

static void
test_trend (Fixture       *fixture,
            gconstpointer  data)
{
  CharterTrendView *view = CHARTER_TREND_VIEW (fixture->view);
  CharterTrendChart *chart = charter_trend_view_get_chart (view);

  charter_trend_view_update (view);
  g_assert_cmpuint (charter_trend_chart_get_n_points (chart), ==, 0);
  g_assert_nonnull (strstr (charter_trend_chart_get_summary (chart), "No check-ins yet"));

  record_late_api (fixture->document, "2027-03-02", 3);
  charter_trend_view_update (view);
  g_assert_cmpuint (charter_trend_chart_get_n_points (chart), ==, 1);

  /* Three check-ins, api later each time (7 days left on Thu 4 March:
   * it ends Mon 15, storage Thu 18): three points, the launch drifts. */
  record_late_api (fixture->document, "2027-03-03", 5);
  record_late_api (fixture->document, "2027-03-04", 7);
  charter_trend_view_update (view);
  g_assert_cmpuint (charter_trend_chart_get_n_points (chart), ==, 3);
  g_assert_nonnull (strstr (charter_trend_chart_get_summary (chart),
                            "“launch” moved from 10 March 2027 to 18 March 2027 over 3 check-ins (6 working days later)"));

  /* It follows the schedule when shown: undo takes a point away. */
  g_assert_true (charter_document_undo (fixture->document));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (charter_trend_chart_get_n_points (chart), ==, 2);

  /* Drawing it (light and dark) reads only named colours that exist:
   * a missing one warns, which this suite makes fatal. */
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The Timeline's ghost bars compare with the newest baseline, as the
 * Baselines place does: the file keeps no "compare with" choice. */
static void
test_timeline_newest (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *baselines = charter_document_get_baselines (fixture->document);
  CharterGanttChart *chart = CHARTER_GANTT_CHART (find_widget (fixture->view, CHARTER_TYPE_GANTT_CHART));
  const char *names[] = { "Old", "New", "Older" };
  const char *dates[] = { "2027-01-10", "2027-02-20", "2026-12-01" };

  g_assert_nonnull (chart);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("b%u", i);
      g_autoptr(CharterBaseline) baseline = charter_baseline_new (id);

      charter_baseline_set_name (baseline, names[i]);
      charter_baseline_set_date (baseline, dates[i]);
      charter_document_append (fixture->document, baselines, baseline);
    }
  g_assert_cmpstr (charter_gantt_chart_get_baseline (chart), ==, "b1");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/checkins/places", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_AVAILABILITY_VIEW),
              fixture_set_up, test_places, fixture_tear_down);
  g_test_add ("/checkins/new", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_CHECK_IN_VIEW),
              fixture_set_up, test_new_check_in, fixture_tear_down);
  g_test_add ("/checkins/late-task", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_CHECK_IN_VIEW),
              fixture_set_up, test_late_task, fixture_tear_down);
  g_test_add ("/checkins/table", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_CHECK_IN_VIEW),
              fixture_set_up, test_table_controls, fixture_tear_down);
  g_test_add ("/checkins/baselines", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_BASELINE_VIEW),
              fixture_set_up, test_baselines, fixture_tear_down);
  g_test_add ("/checkins/trend", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_TREND_VIEW),
              fixture_set_up, test_trend, fixture_tear_down);
  g_test_add ("/checkins/timeline-newest-baseline", Fixture, GSIZE_TO_POINTER (CHARTER_TYPE_TIMELINE_VIEW),
              fixture_set_up, test_timeline_newest, fixture_tear_down);
  return g_test_run ();
}
