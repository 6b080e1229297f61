/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deciding a scope-change request: each of the four answers does what it
 * says, is one undoable step, and one Undo restores everything. */

#include "config.h"

#include "charter-model.h"

/* Everything the document holds, as text: every property of every item of
 * every list (a decision must leave no trace after Undo). */
static void
dump_list (GString    *out,
           const char *name,
           GListModel *list)
{
  g_string_append_printf (out, "[%s]\n", name);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      guint n;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n);

      for (guint p = 0; p < n; p++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *text = NULL;

          if (g_type_is_a (pspecs[p]->value_type, G_TYPE_OBJECT) ||
              g_type_is_a (pspecs[p]->value_type, G_TYPE_INTERFACE))
            continue;
          g_value_init (&value, pspecs[p]->value_type);
          g_object_get_property (item, pspecs[p]->name, &value);
          text = g_strdup_value_contents (&value);
          g_string_append_printf (out, "%s=%s ", pspecs[p]->name, text);
        }
      g_string_append_c (out, '\n');
    }
}

static char *
dump (CharterDocument *document)
{
  GString *out = g_string_new (NULL);
  CharterSpec *spec = charter_document_get_spec (document);
  g_autoptr(GListStore) single = g_list_store_new (CHARTER_TYPE_ITEM);

  g_list_store_append (single, spec);
  dump_list (out, "spec", G_LIST_MODEL (single));
  dump_list (out, "out-of-scope", charter_spec_get_out_of_scope (spec));
  dump_list (out, "decisions", charter_spec_get_decisions (spec));
  dump_list (out, "needs", charter_document_get_needs (document));
  dump_list (out, "teams", charter_document_get_teams (document));
  dump_list (out, "tasks", charter_document_get_tasks (document));
  dump_list (out, "dependencies", charter_document_get_dependencies (document));
  dump_list (out, "risks", charter_document_get_risks (document));
  dump_list (out, "scope-changes", charter_document_get_scope_changes (document));
  return g_string_free (out, FALSE);
}

/* A team "be" (one task at once) with tasks a (5 days, serves need n1),
 * b (3 days, serves n2), a milestone m after both; the spec addresses n1
 * and n2; request sc1: "Export" costs 4 more days on a and m. */
static CharterDocument *
make_document (void)
{
  CharterDocument *document = charter_document_new ();
  GListStore *needs = G_LIST_STORE (charter_document_get_needs (document));
  GListStore *teams = G_LIST_STORE (charter_document_get_teams (document));
  GListStore *tasks = G_LIST_STORE (charter_document_get_tasks (document));
  GListStore *deps = G_LIST_STORE (charter_document_get_dependencies (document));
  g_autoptr(CharterNeed) n1 = charter_need_new ("n1");
  g_autoptr(CharterNeed) n2 = charter_need_new ("n2");
  g_autoptr(CharterTeam) team = charter_team_new ("be");
  g_autoptr(CharterTask) a = charter_task_new ("a");
  g_autoptr(CharterTask) b = charter_task_new ("b");
  g_autoptr(CharterTask) m = charter_task_new ("m");
  g_autoptr(CharterDependency) am = charter_dependency_new ("d1");
  g_autoptr(CharterDependency) bm = charter_dependency_new ("d2");
  g_autoptr(CharterScopeChange) change = charter_scope_change_new ("sc1");
  const char * const spec_needs[] = { "n1", "n2", NULL };
  const char * const serves1[] = { "n1", NULL };
  const char * const serves2[] = { "n2", NULL };
  const char * const affected[] = { "a", "m", NULL };

  charter_need_set_statement (n1, "See progress");
  charter_need_set_statement (n2, "Share a workout");
  g_list_store_append (needs, n1);
  g_list_store_append (needs, n2);
  charter_spec_set_need_ids (charter_document_get_spec (document), spec_needs);
  charter_team_set_name (team, "Backend");
  g_list_store_append (teams, team);
  g_object_set (a, "name", "History API", "duration", 5, "optimistic", 4, "pessimistic", 8,
                "team-id", "be", "serves", serves1, NULL);
  g_object_set (b, "name", "Sharing", "duration", 3, "team-id", "be", "serves", serves2, NULL);
  g_object_set (m, "name", "Launch", "milestone", TRUE, "launch", TRUE, "duration", 0, NULL);
  g_list_store_append (tasks, a);
  g_list_store_append (tasks, b);
  g_list_store_append (tasks, m);
  g_object_set (am, "predecessor", "a", "successor", "m", NULL);
  g_object_set (bm, "predecessor", "b", "successor", "m", NULL);
  g_list_store_append (deps, am);
  g_list_store_append (deps, bm);
  g_object_set (change, "what", "Export", "why", "The API needs paging", "cost", 4,
                "task-ids", affected, "raised-on", "2027-03-01", NULL);
  g_list_store_append (G_LIST_STORE (charter_document_get_scope_changes (document)), change);
  charter_history_clear (charter_document_get_history (document));
  return document;
}

static CharterTask *
task (CharterDocument *document,
      const char      *id)
{
  return charter_document_find (document, charter_document_get_tasks (document), id);
}

static CharterScopeChange *
request (CharterDocument *document)
{
  return charter_document_find (document, charter_document_get_scope_changes (document), "sc1");
}

static CharterDecision *
last_decision (CharterDocument *document)
{
  GListModel *decisions = charter_spec_get_decisions (charter_document_get_spec (document));
  guint n = g_list_model_get_n_items (decisions);
  g_autoptr(CharterDecision) decision = n > 0 ? g_list_model_get_item (decisions, n - 1) : NULL;

  return decision;   /* the spec keeps it alive */
}

/* What every decision does besides its own part: the cost on the tasks
 * (not on the milestone), the log entry answering the request, the request
 * closed; then one Undo leaves the document as it was, and Redo again. */
static void
check_common (CharterDocument            *document,
              const CharterScopeResponse *response,
              const char                 *before,
              const char                 *summary_part)
{
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CharterDecision *decision;

  g_assert_true (charter_scope_change_decide (document, request (document), response));
  g_assert_cmpuint (charter_scope_change_count_pending (document), ==, 0);

  decision = last_decision (document);
  g_assert_nonnull (decision);
  g_assert_cmpstr (charter_decision_get_scope_change_id (decision), ==, "sc1");
  g_assert_cmpstr (charter_decision_get_date (decision), ==, "2027-03-04");
  g_assert_cmpstr (charter_decision_get_rationale (decision), ==, response->rationale);
  g_assert_nonnull (strstr (charter_decision_get_summary (decision), summary_part));
  g_assert_cmpint (charter_scope_change_get_decision (request (document)), ==, response->kind);
  g_assert_cmpstr (charter_scope_change_get_decided_on (request (document)), ==, "2027-03-04");
  g_assert_cmpstr (charter_scope_change_get_decision_reason (request (document)), ==, response->rationale);
  g_assert_cmpint (charter_task_get_duration (task (document, "m")), ==, 0);

  /* A second answer to a decided request changes nothing. */
  after = dump (document);
  g_assert_false (charter_scope_change_decide (document, request (document), response));

  g_assert_cmpstr (charter_history_get_undo_label (charter_document_get_history (document)), ==,
                   "Decide “Export”");
  g_assert_true (charter_document_undo (document));
  undone = dump (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (charter_document_get_can_undo (document));
  g_assert_true (charter_document_redo (document));
  redone = dump (document);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_simplify (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  g_autofree char *before = dump (document);
  const char * const drop[] = { "b", NULL };
  const char * const shorten[] = { "a", NULL };
  const int days[] = { 6 };
  CharterScopeResponse response = {
    .kind = CHARTER_SCOPE_DECISION_SIMPLIFY, .date = "2027-03-04", .rationale = "Keep the date",
    .drop_task_ids = drop, .shorten_task_ids = shorten, .shorten_durations = days,
  };

  check_common (document, &response, before, "Simplify for “Export”: drop “Sharing”; shorten “History API” to 6 working days");
  /* 5 + 4 = 9, shortened to 6; the estimates follow the cost, then clamp. */
  g_assert_cmpint (charter_task_get_duration (task (document, "a")), ==, 6);
  g_assert_cmpint (charter_task_get_optimistic (task (document, "a")), ==, 6);
  g_assert_cmpint (charter_task_get_pessimistic (task (document, "a")), ==, 12);
  g_assert_null (task (document, "b"));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_dependencies (document)), ==, 1);
}

static void
test_change_scope (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  g_autofree char *before = dump (document);
  const char * const needs[] = { "n2", NULL };
  const char * const drop[] = { "b", NULL };
  CharterScopeResponse response = {
    .kind = CHARTER_SCOPE_DECISION_CHANGE_SCOPE, .date = "2027-03-04", .rationale = "Not for the first release",
    .need_ids = needs, .out_of_scope = "CSV export", .drop_task_ids = drop,
  };
  GListModel *out;
  g_autoptr(CharterExclusion) first = NULL;
  g_autoptr(CharterExclusion) second = NULL;
  const char * const *left;

  check_common (document, &response, before, "“Share a workout”, “CSV export” out of scope");
  left = charter_spec_get_need_ids (charter_document_get_spec (document));
  g_assert_cmpstr (left[0], ==, "n1");
  g_assert_null (left[1]);
  out = charter_spec_get_out_of_scope (charter_document_get_spec (document));
  g_assert_cmpuint (g_list_model_get_n_items (out), ==, 2);
  first = g_list_model_get_item (out, 0);
  second = g_list_model_get_item (out, 1);
  g_assert_cmpstr (charter_exclusion_get_what (first), ==, "Share a workout");
  g_assert_cmpstr (charter_exclusion_get_reason (first), ==, "Not for the first release");
  g_assert_cmpstr (charter_exclusion_get_what (second), ==, "CSV export");
  g_assert_null (task (document, "b"));
  g_assert_cmpint (charter_task_get_duration (task (document, "a")), ==, 9);
}

static void
test_find_budget (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  g_autofree char *before = dump (document);
  CharterScopeResponse response = {
    .kind = CHARTER_SCOPE_DECISION_FIND_BUDGET, .date = "2027-03-04", .rationale = "A contractor joins",
    .team_id = "be", .capacity = 2,
  };
  CharterTeam *team;

  check_common (document, &response, before, "“Backend” works on 2 tasks at once");
  team = charter_document_find (document, charter_document_get_teams (document), "be");
  g_assert_cmpint (charter_team_get_capacity (team), ==, 2);
  g_assert_cmpint (charter_task_get_duration (task (document, "a")), ==, 9);
  g_assert_nonnull (task (document, "b"));
}

static void
test_accept_slip (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  g_autofree char *before = dump (document);
  CharterScopeResponse response = {
    .kind = CHARTER_SCOPE_DECISION_ACCEPT_SLIP, .date = "2027-03-04", .rationale = "Paging is a must",
  };

  check_common (document, &response, before, "Accept the slip for “Export”: 4 more working days");
  g_assert_cmpint (charter_task_get_duration (task (document, "a")), ==, 9);
  g_assert_cmpint (charter_task_get_optimistic (task (document, "a")), ==, 8);
  g_assert_cmpint (charter_task_get_pessimistic (task (document, "a")), ==, 12);
  g_assert_cmpint (charter_task_get_duration (task (document, "b")), ==, 3);
}

static void
test_refused (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  g_autofree char *before = dump (document);
  g_autofree char *after = NULL;
  CharterScopeResponse pending = { .kind = CHARTER_SCOPE_DECISION_PENDING, .date = "2027-03-04" };

  g_assert_cmpuint (charter_scope_change_count_pending (document), ==, 1);
  g_assert_false (charter_scope_change_decide (document, request (document), &pending));
  after = dump (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (charter_document_get_can_undo (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scope-decide/simplify", test_simplify);
  g_test_add_func ("/scope-decide/change-scope", test_change_scope);
  g_test_add_func ("/scope-decide/find-budget", test_find_budget);
  g_test_add_func ("/scope-decide/accept-slip", test_accept_slip);
  g_test_add_func ("/scope-decide/refused", test_refused);

  return g_test_run ();
}
