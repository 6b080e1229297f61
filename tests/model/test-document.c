/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document's editing door: every edit undoable, typing and drags as one
 * step, modified state that follows save, undo and redo. */

#include "config.h"

#include "charter-model.h"

static CharterTask *
add_task (CharterDocument *doc,
          const char      *id,
          const char      *name,
          int              duration)
{
  g_autoptr(CharterTask) task = charter_task_new (id);

  charter_task_set_name (task, name);
  charter_task_set_duration (task, duration);
  charter_document_append (doc, charter_document_get_tasks (doc), task);

  return task;
}

static CharterDependency *
add_dependency (CharterDocument *doc,
                const char      *id,
                const char      *from,
                const char      *to)
{
  g_autoptr(CharterDependency) dep = charter_dependency_new (id);

  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  charter_document_append (doc, charter_document_get_dependencies (doc), dep);

  return dep;
}

static void
count_cb (gpointer  instance,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

static void
test_set_undo_redo (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterHistory *history = charter_document_get_history (doc);
  CharterTask *task;
  guint changed = 0;

  task = add_task (doc, "api", "Backend API", 20);
  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);

  charter_document_set (doc, task, "duration", 25, NULL);
  g_assert_cmpint (charter_task_get_duration (task), ==, 25);
  g_assert_cmpstr (charter_history_get_undo_label (history), ==, "Change duration of Backend API");
  g_assert_cmpuint (changed, ==, 1);

  /* Setting the same value records nothing. */
  charter_document_set (doc, task, "duration", 25, NULL);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (charter_document_undo (doc));
  g_assert_cmpint (charter_task_get_duration (task), ==, 20);
  g_assert_true (charter_document_get_can_redo (doc));
  g_assert_cmpstr (charter_history_get_redo_label (history), ==, "Change duration of Backend API");

  g_assert_true (charter_document_redo (doc));
  g_assert_cmpint (charter_task_get_duration (task), ==, 25);
  g_assert_false (charter_document_get_can_redo (doc));
  g_assert_cmpuint (changed, ==, 3);

  /* Undo back past the insertion removes the task. */
  g_assert_true (charter_document_undo (doc));
  g_assert_true (charter_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (doc)), ==, 0);
  g_assert_false (charter_document_undo (doc));
  g_assert_true (charter_document_redo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (doc)), ==, 1);
}

static void
test_strv_values (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterTask *task = add_task (doc, "api", "Backend API", 20);
  const char *serves[] = { "need-1", NULL };
  const char *same[] = { "need-1", NULL };
  guint changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);
  charter_document_set (doc, task, "serves", serves, NULL);
  g_assert_cmpuint (changed, ==, 1);
  /* An equal list in another array is no change. */
  charter_document_set (doc, task, "serves", same, NULL);
  g_assert_cmpuint (changed, ==, 1);

  charter_document_undo (doc);
  g_assert_null (charter_task_get_serves (task));
}

static void
test_typing_merges (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterTask *task = add_task (doc, "api", "", 5);
  const char *steps[] = { "B", "Ba", "Bac", "Back", "Backend" };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, steps[i]);
      charter_document_set_value (doc, task, "notes", &value, TRUE);
    }
  g_assert_cmpstr (charter_task_get_notes (task), ==, "Backend");

  /* One undo takes back the whole word. */
  charter_document_undo (doc);
  g_assert_null (charter_task_get_notes (task));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_tasks (doc)), ==, 1);

  /* A seal (moving to another field) keeps the next edit apart. */
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "one");
    charter_document_set_value (doc, task, "notes", &value, TRUE);
    charter_history_seal (charter_document_get_history (doc));
    g_value_set_string (&value, "one two");
    charter_document_set_value (doc, task, "notes", &value, TRUE);
  }
  charter_document_undo (doc);
  g_assert_cmpstr (charter_task_get_notes (task), ==, "one");
}

static void
test_group_and_cancel (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterTask *task = add_task (doc, "api", "Backend API", 20);

  /* A drag: many sets, one step. */
  charter_document_begin_group (doc, "Resize Backend API");
  for (int d = 21; d <= 30; d++)
    charter_document_set (doc, task, "duration", d, NULL);
  charter_document_end_group (doc);
  g_assert_cmpstr (charter_history_get_undo_label (charter_document_get_history (doc)), ==,
                   "Resize Backend API");
  charter_document_undo (doc);
  g_assert_cmpint (charter_task_get_duration (task), ==, 20);
  charter_document_redo (doc);
  g_assert_cmpint (charter_task_get_duration (task), ==, 30);

  /* Escape during a drag puts everything back and leaves no step. */
  charter_document_begin_group (doc, "Resize Backend API");
  charter_document_set (doc, task, "duration", 40, "start-no-earlier-than", "2027-03-01", NULL);
  charter_document_cancel_group (doc);
  g_assert_cmpint (charter_task_get_duration (task), ==, 30);
  g_assert_null (charter_task_get_start_no_earlier_than (task));
  charter_document_undo (doc);
  g_assert_cmpint (charter_task_get_duration (task), ==, 20);

  /* An empty group leaves nothing behind. */
  charter_document_redo (doc);
  charter_document_begin_group (doc, "Nothing");
  charter_document_end_group (doc);
  g_assert_cmpstr (charter_history_get_undo_label (charter_document_get_history (doc)), ==,
                   "Resize Backend API");
}

static void
test_set_many_is_one_step (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterTask *task = add_task (doc, "api", "Backend API", 20);

  charter_document_set (doc, task, "x", 100.0, "y", 50.0, "positioned", TRUE, NULL);
  g_assert_true (charter_task_get_positioned (task));
  charter_document_undo (doc);
  g_assert_false (charter_task_get_positioned (task));
  g_assert_cmpfloat (charter_task_get_x (task), ==, 0.0);
  g_assert_cmpfloat (charter_task_get_y (task), ==, 0.0);
}

static void
test_modified (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterTask *task;
  guint notified = 0;

  g_assert_false (charter_document_get_modified (doc));
  g_signal_connect (doc, "notify::modified", G_CALLBACK (count_cb), &notified);

  task = add_task (doc, "api", "Backend API", 20);
  g_assert_true (charter_document_get_modified (doc));
  g_assert_cmpuint (notified, ==, 1);

  /* Saving keeps Undo, and undoing past the save is a change again. */
  charter_document_mark_saved (doc);
  g_assert_false (charter_document_get_modified (doc));
  g_assert_true (charter_document_get_can_undo (doc));

  charter_document_set (doc, task, "duration", 21, NULL);
  g_assert_true (charter_document_get_modified (doc));
  charter_document_undo (doc);
  g_assert_false (charter_document_get_modified (doc));
  charter_document_undo (doc);
  g_assert_true (charter_document_get_modified (doc));
  charter_document_redo (doc);
  g_assert_false (charter_document_get_modified (doc));

  /* An edit right after saving does not merge into the saved step. */
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "a");
    charter_document_set_value (doc, task, "notes", &value, TRUE);
    charter_document_mark_saved (doc);
    g_value_set_string (&value, "ab");
    charter_document_set_value (doc, task, "notes", &value, TRUE);
    g_assert_true (charter_document_get_modified (doc));
    charter_document_undo (doc);
    g_assert_false (charter_document_get_modified (doc));
    g_assert_cmpstr (charter_task_get_notes (task), ==, "a");
  }

  /* When the saved state is lost to a new branch, nothing unmodifies it. */
  charter_document_mark_saved (doc);
  charter_document_undo (doc);
  charter_document_set (doc, task, "duration", 99, NULL);
  charter_document_undo (doc);
  g_assert_true (charter_document_get_modified (doc));
}

static void
test_remove_task_takes_dependencies (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  GListModel *tasks = charter_document_get_tasks (doc);
  GListModel *deps = charter_document_get_dependencies (doc);
  CharterTask *api;

  api = add_task (doc, "api", "Backend API", 20);
  add_task (doc, "ui", "Mobile UI", 15);
  add_task (doc, "qa", "QA", 10);
  add_dependency (doc, "d1", "api", "ui");
  add_dependency (doc, "d2", "ui", "qa");
  add_dependency (doc, "d3", "api", "qa");

  charter_document_remove (doc, tasks, api);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (deps), ==, 1);
  g_assert_null (charter_document_find (doc, tasks, "api"));
  g_assert_cmpstr (charter_history_get_undo_label (charter_document_get_history (doc)), ==,
                   "Delete Backend API");

  /* One undo brings back the task and its dependencies, in their places. */
  charter_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (deps), ==, 3);
  g_assert_true (charter_document_find (doc, tasks, "api") == api);
  {
    g_autoptr(CharterDependency) first = g_list_model_get_item (deps, 0);
    g_autoptr(CharterTask) first_task = g_list_model_get_item (tasks, 0);

    g_assert_cmpstr (charter_item_get_id (CHARTER_ITEM (first)), ==, "d1");
    g_assert_true (first_task == api);
  }
}

static void
test_remove_team_clears_tasks (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  g_autoptr(CharterTeam) team = charter_team_new ("backend");
  CharterTask *api = add_task (doc, "api", "Backend API", 20);

  charter_team_set_name (team, "Backend");
  charter_document_append (doc, charter_document_get_teams (doc), team);
  charter_document_set (doc, api, "team-id", "backend", NULL);

  charter_document_remove (doc, charter_document_get_teams (doc), team);
  g_assert_null (charter_task_get_team_id (api));
  charter_document_undo (doc);
  g_assert_cmpstr (charter_task_get_team_id (api), ==, "backend");
}

static void
test_nested_collections (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  g_autoptr(CharterTeam) team = charter_team_new ("backend");
  g_autoptr(CharterCommitment) busy = charter_commitment_new ("c1");
  GListModel *commitments = charter_team_get_commitments (team);

  charter_document_append (doc, charter_document_get_teams (doc), team);
  charter_commitment_set_start (busy, "2027-01-04");
  charter_commitment_set_finish (busy, "2027-02-12");
  charter_document_append (doc, commitments, busy);
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 1);
  g_assert_true (charter_document_find (doc, commitments, "c1") == (gpointer) busy);

  charter_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 0);
  g_assert_null (charter_document_find (doc, commitments, "c1"));
}

static void
test_find_and_make_id (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  GListModel *tasks = charter_document_get_tasks (doc);
  g_autofree char *id = NULL;

  add_task (doc, "task-1", "One", 1);
  add_task (doc, "task-2", "Two", 1);
  add_task (doc, "task-4", "Four", 1);

  g_assert_nonnull (charter_document_find (doc, tasks, "task-2"));
  g_assert_null (charter_document_find (doc, tasks, "task-3"));
  g_assert_null (charter_document_find (doc, tasks, NULL));

  id = charter_document_make_id (doc, tasks, "task");
  g_assert_null (charter_document_find (doc, tasks, id));
  g_assert_true (g_str_has_prefix (id, "task-"));

  /* The index follows removals. */
  charter_document_remove (doc, tasks, charter_document_find (doc, tasks, "task-2"));
  g_assert_null (charter_document_find (doc, tasks, "task-2"));
}

static void
test_read_only_refuses_edits (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  CharterTask *task = add_task (doc, "api", "Backend API", 20);
  guint notified = 0;

  g_signal_connect (doc, "notify::read-only", G_CALLBACK (count_cb), &notified);
  charter_document_set_read_only (doc, "Written by a newer Charter");
  charter_document_set_read_only (doc, "Written by a newer Charter");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (charter_document_get_read_only (doc));

  g_test_expect_message ("charter-document", G_LOG_LEVEL_WARNING, "*read-only*");
  charter_document_set (doc, task, "duration", 30, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (charter_task_get_duration (task), ==, 20);
}

static void
test_title (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/workout-history.charter");
  guint notified = 0;

  g_signal_connect (doc, "notify::title", G_CALLBACK (count_cb), &notified);
  charter_document_set (doc, charter_document_get_spec (doc), "title", "Workout history", NULL);
  g_assert_cmpstr (charter_document_get_title (doc), ==, "Workout history");
  g_assert_cmpuint (notified, ==, 1);

  charter_document_set_file (doc, file);
  g_assert_cmpstr (charter_document_get_title (doc), ==, "workout-history.charter");
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_remove_leaves_no_dangling_references (void)
{
  g_autoptr(CharterDocument) doc = charter_document_new ();
  g_autoptr(CharterParticipant) participant = charter_participant_new ("p1");
  g_autoptr(CharterInterview) interview = charter_interview_new ("i1");
  g_autoptr(CharterInsight) insight = charter_insight_new ("q1");
  g_autoptr(CharterNeed) need = charter_need_new ("n1");
  g_autoptr(CharterRisk) risk = charter_risk_new ("r1");
  g_autoptr(CharterBaseline) baseline = charter_baseline_new ("b1");
  g_autoptr(CharterBaselineEntry) entry = charter_baseline_entry_new ("e1");
  g_autoptr(CharterCheckIn) check_in = charter_check_in_new ("c1");
  g_autoptr(CharterTaskStatus) status = charter_task_status_new ("s1");
  const char *insight_ids[] = { "q1", "q2", NULL };
  const char *need_ids[] = { "n1", NULL };
  const char *task_ids[] = { "api", "ui", NULL };
  CharterTask *api;

  charter_interview_set_participant_id (interview, "p1");
  charter_insight_set_interview_id (insight, "i1");
  charter_need_set_insight_ids (need, insight_ids);
  charter_risk_set_task_ids (risk, task_ids);
  charter_baseline_entry_set_task_id (entry, "api");
  charter_task_status_set_task_id (status, "api");
  g_list_store_append (G_LIST_STORE (charter_baseline_get_entries (baseline)), entry);
  g_list_store_append (G_LIST_STORE (charter_check_in_get_statuses (check_in)), status);

  charter_document_append (doc, charter_document_get_participants (doc), participant);
  charter_document_append (doc, charter_document_get_interviews (doc), interview);
  charter_document_append (doc, charter_document_get_insights (doc), insight);
  charter_document_append (doc, charter_document_get_needs (doc), need);
  charter_document_append (doc, charter_document_get_risks (doc), risk);
  charter_document_append (doc, charter_document_get_baselines (doc), baseline);
  charter_document_append (doc, charter_document_get_check_ins (doc), check_in);
  api = add_task (doc, "api", "Backend API", 10);
  charter_document_set (doc, api, "serves", need_ids, NULL);
  charter_document_set (doc, charter_document_get_spec (doc), "need-ids", need_ids, NULL);

  /* A participant takes their interviews, and those their insights, with them. */
  charter_document_remove (doc, charter_document_get_participants (doc), participant);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_interviews (doc)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_insights (doc)), ==, 0);
  g_assert_cmpstrv (charter_need_get_insight_ids (need), ((const char *[]) { "q2", NULL }));
  charter_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_insights (doc)), ==, 1);
  g_assert_cmpstrv (charter_need_get_insight_ids (need), insight_ids);

  /* A task leaves the risks, baselines and check-ins that named it. */
  charter_document_remove (doc, charter_document_get_tasks (doc), api);
  g_assert_cmpstrv (charter_risk_get_task_ids (risk), ((const char *[]) { "ui", NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (charter_baseline_get_entries (baseline)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (charter_check_in_get_statuses (check_in)), ==, 0);
  charter_document_undo (doc);
  g_assert_cmpstrv (charter_risk_get_task_ids (risk), task_ids);
  g_assert_cmpuint (g_list_model_get_n_items (charter_baseline_get_entries (baseline)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (charter_check_in_get_statuses (check_in)), ==, 1);

  /* A need leaves the spec and the tasks that served it. */
  charter_document_remove (doc, charter_document_get_needs (doc), need);
  g_assert_null (charter_spec_get_need_ids (charter_document_get_spec (doc)));
  g_assert_null (charter_task_get_serves (api));
  charter_document_undo (doc);
  g_assert_cmpstrv (charter_task_get_serves (api), need_ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/document/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/model/document/strv-values", test_strv_values);
  g_test_add_func ("/model/document/typing-merges", test_typing_merges);
  g_test_add_func ("/model/document/group-and-cancel", test_group_and_cancel);
  g_test_add_func ("/model/document/set-many-is-one-step", test_set_many_is_one_step);
  g_test_add_func ("/model/document/modified", test_modified);
  g_test_add_func ("/model/document/remove-task-takes-dependencies", test_remove_task_takes_dependencies);
  g_test_add_func ("/model/document/remove-team-clears-tasks", test_remove_team_clears_tasks);
  g_test_add_func ("/model/document/remove-leaves-no-dangling-references",
                   test_remove_leaves_no_dangling_references);
  g_test_add_func ("/model/document/nested-collections", test_nested_collections);
  g_test_add_func ("/model/document/find-and-make-id", test_find_and_make_id);
  g_test_add_func ("/model/document/read-only", test_read_only_refuses_edits);
  g_test_add_func ("/model/document/title", test_title);

  return g_test_run ();
}
