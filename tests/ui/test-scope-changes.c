/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests of the loop back to the product manager: the Change Request
 * dialog (its what-if preview, nothing applied before Raise) and the Spec's
 * badge and decision form. Driven through the actions menus use. */

#define G_LOG_DOMAIN "test-scope-changes"

#include "config.h"

#include "charter-application.h"
#include "charter-file.h"
#include "charter-scope-change-dialog.h"
#include "charter-spec-view.h"
#include "charter-window.h"

static CharterApplication *app;

static void
spin (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* Design (3 days) → Build (2 days) → Launch: a chain, so any extra day on
 * Design moves the launch. */
static CharterDocument *
make_document (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"format\":\"charter\",\"version\":1,"
    "\"plan\":{\"calendar\":{\"start\":\"2027-03-01\"},"
    "\"tasks\":[{\"id\":\"design\",\"name\":\"Design\",\"duration\":3},"
    "{\"id\":\"build\",\"name\":\"Build\",\"duration\":2},"
    "{\"id\":\"launch\",\"name\":\"Launch\",\"duration\":0,\"milestone\":true,\"launch\":true}],"
    "\"dependencies\":[{\"id\":\"d1\",\"predecessor\":\"design\",\"successor\":\"build\"},"
    "{\"id\":\"d2\",\"predecessor\":\"build\",\"successor\":\"launch\"}]}}";
  CharterDocument *document;

  bytes = g_bytes_new_static (text, strlen (text));
  document = charter_file_load_bytes (bytes, "chain.charter", &error);
  g_assert_no_error (error);
  return document;
}

static CharterWindow *
new_window (CharterDocument *document)
{
  CharterWindow *window = charter_window_new (GTK_APPLICATION (app));

  charter_window_set_document (window, document, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static CharterScopeChangeDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (CHARTER_IS_SCOPE_CHANGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent)
        return CHARTER_SCOPE_CHANGE_DIALOG (w);
    }
  return NULL;
}

static AdwViewStackPage *
spec_page (CharterWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), CHARTER_TYPE_WINDOW, "stack"));

  return adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "spec"));
}

static CharterScopeChangeDialog *
open_dialog (CharterWindow *window,
             const char    *task_id)
{
  CharterScopeChangeDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "request-scope-change", g_variant_new_string (task_id));
  spin ();
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
fill_dialog (CharterScopeChangeDialog *dialog,
             const char               *what,
             int                       cost)
{
  GtkWidget *what_row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CHARTER_TYPE_SCOPE_CHANGE_DIALOG, "what_row");
  GtkWidget *cost_spin = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CHARTER_TYPE_SCOPE_CHANGE_DIALOG, "cost_spin");

  gtk_editable_set_text (GTK_EDITABLE (what_row), what);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cost_spin), cost);
  spin ();
}

static void
test_dialog_preview (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  CharterWindow *window = new_window (document);
  CharterScopeChangeDialog *dialog = open_dialog (window, "design");
  CharterTask *design = charter_document_find (document, charter_document_get_tasks (document), "design");
  g_autoptr(CharterScopeChange) change = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint32 now_day, then_day, raised_now;
  const char * const *ids;

  /* Without a "what" there is nothing to raise. */
  g_assert_false (gtk_widget_is_sensitive ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                          CHARTER_TYPE_SCOPE_CHANGE_DIALOG,
                                                                          "raise_button")));
  fill_dialog (dialog, "Paging for the history API", 4);
  charter_scope_change_dialog_get_preview (dialog, &now_day, &then_day);
  g_assert_cmpuint (now_day, !=, 0);
  /* 4 working days more on the first task of a chain: the launch moves
   * by as many working days (over a weekend: 6 days). */
  g_assert_cmpuint (then_day, ==, now_day + 6);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                  CHARTER_TYPE_SCOPE_CHANGE_DIALOG,
                                                                                  "then_detail"))),
                   ==, "4 working days later");

  /* Nothing is applied before Raise. */
  g_assert_cmpint (charter_task_get_duration (design), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_scope_changes (document)), ==, 0);
  g_assert_false (charter_document_get_can_undo (document));
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 0);

  raised_now = now_day;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "request.raise", NULL);
  spin ();
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_scope_changes (document)), ==, 1);
  change = g_list_model_get_item (charter_document_get_scope_changes (document), 0);
  g_assert_cmpstr (charter_scope_change_get_what (change), ==, "Paging for the history API");
  g_assert_cmpint (charter_scope_change_get_cost (change), ==, 4);
  g_assert_cmpstr (charter_scope_change_get_raised_on (change), ==, today);
  g_assert_cmpint (charter_scope_change_get_decision (change), ==, CHARTER_SCOPE_DECISION_PENDING);
  ids = charter_scope_change_get_task_ids (change);
  g_assert_cmpstr (ids[0], ==, "design");
  g_assert_null (ids[1]);
  /* Raising is a request, not yet a change of the plan. */
  g_assert_cmpint (charter_task_get_duration (design), ==, 3);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 1);
  g_assert_true (adw_view_stack_page_get_needs_attention (spec_page (window)));

  /* One step. */
  g_assert_true (charter_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_scope_changes (document)), ==, 0);
  g_assert_false (charter_document_get_can_undo (document));
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 0);

  /* Cancel applies nothing either. */
  dialog = open_dialog (window, "");
  fill_dialog (dialog, "Something", 2);
  charter_scope_change_dialog_get_preview (dialog, &now_day, &then_day);
  g_assert_cmpuint (now_day, ==, raised_now);
  /* No task ticked: the launch does not move. */
  g_assert_cmpuint (then_day, ==, now_day);
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (charter_document_get_scope_changes (document)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_spec_badge_and_decision (void)
{
  g_autoptr(CharterDocument) document = make_document ();
  CharterWindow *window = new_window (document);
  GtkWidget *spec_view;
  GListModel *decisions = charter_spec_get_decisions (charter_document_get_spec (document));
  g_autoptr(CharterScopeChange) first = charter_scope_change_new ("change");
  g_autoptr(CharterScopeChange) second = charter_scope_change_new ("change-2");
  const char * const ids[] = { "design", NULL };
  g_autoptr(CharterDecision) decision = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;

  g_object_set (first, "what", "Paging", "cost", 4, "task-ids", ids, "raised-on", "2027-03-02", NULL);
  g_object_set (second, "what", "Offline mode", "cost", 2, "raised-on", "2027-03-02", NULL);
  charter_document_append (document, charter_document_get_scope_changes (document), first);
  spin ();
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 1);
  charter_document_append (document, charter_document_get_scope_changes (document), second);
  spin ();
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 2);

  charter_window_set_workspace (window, "spec");
  spin ();
  spec_view = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                              CHARTER_TYPE_WINDOW, "stack")),
                                                "spec");
  g_assert_true (charter_spec_view_get_document (CHARTER_SPEC_VIEW (spec_view)) == document);

  /* Simplify: drop Build. */
  charter_spec_view_set_request_form (CHARTER_SPEC_VIEW (spec_view), "change", 0, "build");
  gtk_widget_activate_action (spec_view, "spec.decide-scope-change", "s", "change");
  spin ();
  g_assert_cmpint (charter_scope_change_get_decision (first), ==, CHARTER_SCOPE_DECISION_SIMPLIFY);
  g_assert_null (charter_document_find (document, charter_document_get_tasks (document), "build"));
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
  decision = g_list_model_get_item (decisions, 0);
  g_assert_cmpstr (charter_decision_get_scope_change_id (decision), ==, "change");

  saved = charter_file_serialize (document);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_nonnull (strstr (text, "\"decision\": \"simplify\""));
  g_assert_nonnull (strstr (text, "\"scope_change_id\": \"change\""));
  g_assert_nonnull (strstr (text, "Simplify for “Paging”: drop “Build”"));

  g_assert_true (charter_document_undo (document));
  spin ();
  g_assert_cmpint (adw_view_stack_page_get_badge_number (spec_page (window)), ==, 2);
  g_assert_nonnull (charter_document_find (document, charter_document_get_tasks (document), "build"));
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = charter_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/scope-changes/dialog-preview", test_dialog_preview);
  g_test_add_func ("/scope-changes/spec-badge-and-decision", test_spec_badge_and_decision);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
