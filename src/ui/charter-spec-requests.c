/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-spec-requests.c: the rows of the Spec's "Change Requests". A
 * pending request is an expander row; opened, it asks for the answer
 * (simplify, change scope, find budget, accept the slip), the details of
 * that answer and why, shows the launch after it (a what-if on a copy) and
 * decides with one button (spec.decide-scope-change): one undoable step. */

#define G_LOG_DOMAIN "charter-spec-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-spec-requests.h"

#include "charter-discovery-binding.h"
#include "charter-timeline-geometry.h"
#include "charter-what-if.h"

#define MAX_SIMPLIFY_ROWS 25

typedef struct
{
  char            *id;
  CharterDocument *document;      /* borrowed: the view holds it */
  GtkWidget       *kind_row;
  GtkWidget       *why_row;
  GtkWidget       *other_row;
  GtkWidget       *preview_row;
  GPtrArray       *kind_rows[4];  /* rows shown only for one answer */
  GPtrArray       *task_spins;    /* simplify: spin per task, "task-id" data */
  GPtrArray       *drop_checks;   /* simplify: check per task */
  GPtrArray       *need_checks;   /* change scope: check per need, "need-id", "drops" */
  GPtrArray       *team_spins;    /* find budget: spin per team, "team-id" */
  guint            preview_id;
} Form;

static void
form_free (Form *form)
{
  g_clear_handle_id (&form->preview_id, g_source_remove);
  g_free (form->id);
  for (guint i = 0; i < 4; i++)
    g_ptr_array_unref (form->kind_rows[i]);
  g_ptr_array_unref (form->task_spins);
  g_ptr_array_unref (form->drop_checks);
  g_ptr_array_unref (form->need_checks);
  g_ptr_array_unref (form->team_spins);
  g_free (form);
}

static const CharterScopeDecision kinds[] = {
  CHARTER_SCOPE_DECISION_SIMPLIFY,
  CHARTER_SCOPE_DECISION_CHANGE_SCOPE,
  CHARTER_SCOPE_DECISION_FIND_BUDGET,
  CHARTER_SCOPE_DECISION_ACCEPT_SLIP,
};

static const char *
decision_name (CharterScopeDecision decision)
{
  switch (decision)
    {
    case CHARTER_SCOPE_DECISION_SIMPLIFY: return _("Simplify");
    case CHARTER_SCOPE_DECISION_CHANGE_SCOPE: return _("Change scope");
    case CHARTER_SCOPE_DECISION_FIND_BUDGET: return _("Find budget");
    case CHARTER_SCOPE_DECISION_ACCEPT_SLIP: return _("Accept the slip");
    case CHARTER_SCOPE_DECISION_PENDING:
    default: return _("Pending");
    }
}

/* The response the form says; the arrays it points into live in @keep. */
static void
form_response (Form                 *form,
               CharterScopeResponse *response,
               GPtrArray            *keep,
               const char           *today)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (form->kind_row));
  GStrvBuilder *drop = g_strv_builder_new ();
  GStrvBuilder *shorten = g_strv_builder_new ();
  GStrvBuilder *needs = g_strv_builder_new ();
  GArray *days = g_array_new (FALSE, FALSE, sizeof (int));
  const char *why = gtk_editable_get_text (GTK_EDITABLE (form->why_row));
  GStrv strv;

  memset (response, 0, sizeof *response);
  response->kind = kinds[MIN (kind, 3)];
  response->date = today;
  response->rationale = why[0] != '\0' ? why : NULL;

  if (response->kind == CHARTER_SCOPE_DECISION_SIMPLIFY)
    for (guint i = 0; i < form->task_spins->len; i++)
      {
        GtkSpinButton *spin = form->task_spins->pdata[i];
        const char *task_id = g_object_get_data (G_OBJECT (spin), "task-id");
        int planned = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "planned"));
        int value = gtk_spin_button_get_value_as_int (spin);

        if (gtk_check_button_get_active (form->drop_checks->pdata[i]))
          g_strv_builder_add (drop, task_id);
        else if (value != planned)
          {
            g_strv_builder_add (shorten, task_id);
            g_array_append_val (days, value);
          }
      }
  else if (response->kind == CHARTER_SCOPE_DECISION_CHANGE_SCOPE)
    {
      const char *other = gtk_editable_get_text (GTK_EDITABLE (form->other_row));

      for (guint i = 0; i < form->need_checks->len; i++)
        if (gtk_check_button_get_active (form->need_checks->pdata[i]))
          {
            const char * const *drops = g_object_get_data (form->need_checks->pdata[i], "drops");

            g_strv_builder_add (needs, g_object_get_data (form->need_checks->pdata[i], "need-id"));
            if (drops != NULL)
              g_strv_builder_addv (drop, (const char **) drops);
          }
      response->out_of_scope = other[0] != '\0' ? other : NULL;
    }
  else if (response->kind == CHARTER_SCOPE_DECISION_FIND_BUDGET)
    for (guint i = 0; i < form->team_spins->len; i++)
      {
        GtkSpinButton *spin = form->team_spins->pdata[i];
        int current = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "current"));

        if (gtk_spin_button_get_value_as_int (spin) != current || response->team_id == NULL)
          {
            response->team_id = g_object_get_data (G_OBJECT (spin), "team-id");
            response->capacity = gtk_spin_button_get_value_as_int (spin);
            if (response->capacity != current)
              break;
          }
      }

  strv = g_strv_builder_end (drop);
  g_ptr_array_add (keep, strv);
  response->drop_task_ids = (const char * const *) strv;
  strv = g_strv_builder_end (shorten);
  g_ptr_array_add (keep, strv);
  response->shorten_task_ids = (const char * const *) strv;
  strv = g_strv_builder_end (needs);
  g_ptr_array_add (keep, strv);
  response->need_ids = (const char * const *) strv;
  response->shorten_durations = (const int *) days->data;
  g_ptr_array_add (keep, g_array_free (days, FALSE));
  g_strv_builder_unref (drop);
  g_strv_builder_unref (shorten);
  g_strv_builder_unref (needs);
}

static void
keep_free (gpointer data)
{
  /* Strvs and the durations' data: both free with g_strfreev or g_free;
   * an int array is no strv, so the two are told apart by the caller. */
  g_free (data);
}

static gboolean
preview_idle_cb (gpointer user_data)
{
  Form *form = user_data;
  CharterScopeChange *change;
  g_autoptr(CharterWhatIf) what_if = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new ();
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  g_autofree char *text = NULL;
  CharterScopeResponse response;
  guint32 now = 0, then = 0;
  int slip;

  form->preview_id = 0;
  change = charter_document_find (form->document, charter_document_get_scope_changes (form->document), form->id);
  if (change == NULL)
    return G_SOURCE_REMOVE;

  form_response (form, &response, keep, "2000-01-01");
  what_if = charter_what_if_new (form->document);
  if (charter_what_if_launch (what_if, NULL, NULL, &now, NULL, NULL))
    charter_what_if_launch (what_if, change, &response, &then, NULL, NULL);
  /* Four entries: three strvs, then the durations. */
  for (guint i = 0; i < keep->len; i++)
    {
      if (i < 3)
        g_strfreev (keep->pdata[i]);
      else
        keep_free (keep->pdata[i]);
    }

  now_text = now ? charter_timeline_format_day (now, _("%a %-d %b %Y")) : g_strdup ("—");
  then_text = then ? charter_timeline_format_day (then, _("%a %-d %b %Y")) : g_strdup ("—");
  slip = charter_what_if_slip_days (what_if, now, then);
  if (slip == 0)
    /* Translators: the launch after a decision, "Fri 12 Mar 2027, as now" */
    text = g_strdup_printf (_("%s, as now"), then_text);
  else
    /* Translators: "Tue 16 Mar 2027 (now Fri 12 Mar 2027, +2 working days)" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (now %s, %+d working day)",
                                         "%s (now %s, %+d working days)", ABS (slip)),
                            then_text, now_text, slip);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (form->preview_row), text);
  return G_SOURCE_REMOVE;
}

static void
queue_preview (Form *form)
{
  if (form->preview_id == 0)
    form->preview_id = g_idle_add (preview_idle_cb, form);
}

static void
show_kind_rows (Form *form)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (form->kind_row));

  for (guint k = 0; k < 4; k++)
    for (guint i = 0; i < form->kind_rows[k]->len; i++)
      gtk_widget_set_visible (form->kind_rows[k]->pdata[i], k == kind);
  queue_preview (form);
}

static GtkWidget *
spin_for (int lower,
          int upper,
          int value,
          const char *accessible_name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  charter_discovery_set_accessible_name (spin, accessible_name);
  return spin;
}

static void
add_kind_row (Form      *form,
              GtkWidget *expander,
              guint      kind,
              GtkWidget *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_ptr_array_add (form->kind_rows[kind], row);
}

static void
build_simplify (Form               *form,
                GtkWidget          *expander,
                CharterScopeChange *change)
{
  GListModel *tasks = charter_document_get_tasks (form->document);
  const char * const *affected = charter_scope_change_get_task_ids (change);
  int cost = charter_scope_change_get_cost (change);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (tasks);

  /* The tasks of the request first: their durations with its cost. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n && order->len < MAX_SIMPLIFY_ROWS; i++)
      {
        CharterTask *task = g_list_model_get_item (tasks, i);
        gboolean is_affected = affected != NULL && g_strv_contains (affected, charter_item_get_id (CHARTER_ITEM (task)));

        if (charter_task_get_milestone (task) || is_affected != (pass == 0))
          g_object_unref (task);
        else
          g_ptr_array_add (order, task);
      }

  for (guint i = 0; i < order->len; i++)
    {
      CharterTask *task = order->pdata[i];
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      gboolean is_affected = affected != NULL && g_strv_contains (affected, id);
      int planned = charter_task_get_duration (task) + (is_affected ? cost : 0);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *drop = gtk_check_button_new_with_mnemonic (_("_Drop"));
      g_autofree char *spin_name = NULL;
      g_autofree char *drop_name = NULL;
      GtkWidget *spin;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), charter_task_get_name (task));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   is_affected ? _("Working days, with the request's cost") : _("Working days"));
      /* Translators: accessible name of a spin button, "Working days of History API" */
      spin_name = g_strdup_printf (_("Working days of %s"), charter_task_get_name (task));
      spin = spin_for (0, 100000, planned, spin_name);
      g_object_set_data_full (G_OBJECT (spin), "task-id", g_strdup (id), g_free);
      g_object_set_data (G_OBJECT (spin), "planned", GINT_TO_POINTER (planned));
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (queue_preview), form);
      /* Translators: accessible name of a check box, "Drop History API" */
      drop_name = g_strdup_printf (_("Drop %s"), charter_task_get_name (task));
      charter_discovery_set_accessible_name (drop, drop_name);
      gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
      g_object_bind_property (drop, "active", spin, "sensitive", G_BINDING_INVERT_BOOLEAN);
      g_signal_connect_swapped (drop, "toggled", G_CALLBACK (queue_preview), form);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop);
      g_ptr_array_add (form->task_spins, spin);
      g_ptr_array_add (form->drop_checks, drop);
      add_kind_row (form, expander, 0, row);
    }
}

static GStrv
tasks_only_serving (CharterDocument *document,
                    const char      *need_id,
                    GString         *names)
{
  GListModel *tasks = charter_document_get_tasks (document);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char * const *serves = charter_task_get_serves (task);

      if (serves == NULL || serves[0] == NULL || serves[1] != NULL || g_strcmp0 (serves[0], need_id) != 0)
        continue;
      g_strv_builder_add (ids, charter_item_get_id (CHARTER_ITEM (task)));
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", charter_task_get_name (task));
    }
  return g_strv_builder_end (ids);
}

static void
build_change_scope (Form      *form,
                    GtkWidget *expander)
{
  const char * const *need_ids = charter_spec_get_need_ids (charter_document_get_spec (form->document));
  GListModel *needs = charter_document_get_needs (form->document);

  for (guint i = 0; need_ids != NULL && need_ids[i] != NULL; i++)
    {
      CharterNeed *need = charter_document_find (form->document, needs, need_ids[i]);
      g_autoptr(GString) names = g_string_new (NULL);
      GtkWidget *row, *check;
      GStrv drops;

      if (need == NULL)
        continue;
      drops = tasks_only_serving (form->document, need_ids[i], names);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), charter_need_get_statement (need));
      if (names->len > 0)
        {
          /* Translators: what moving a need out of scope does, "Drops “Sharing”" */
          g_autofree char *subtitle = g_strdup_printf (_("Out of scope, and drops %s"), names->str);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Out of scope; no task serves only this need"));
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      charter_discovery_set_accessible_name (check, charter_need_get_statement (need));
      g_object_set_data_full (G_OBJECT (check), "need-id", g_strdup (need_ids[i]), g_free);
      g_object_set_data_full (G_OBJECT (check), "drops", drops, (GDestroyNotify) g_strfreev);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (queue_preview), form);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (form->need_checks, check);
      add_kind_row (form, expander, 1, row);
    }

  form->other_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->other_row), _("Something else out of scope"));
  add_kind_row (form, expander, 1, form->other_row);
}

static void
build_find_budget (Form      *form,
                   GtkWidget *expander)
{
  GListModel *teams = charter_document_get_teams (form->document);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      GtkWidget *row = adw_action_row_new ();
      int capacity = charter_team_get_capacity (team);
      g_autofree char *name = NULL;
      GtkWidget *spin;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), charter_team_get_name (team));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Tasks at once"));
      /* Translators: accessible name, "Tasks at once for Backend" */
      name = g_strdup_printf (_("Tasks at once for %s"), charter_team_get_name (team));
      spin = spin_for (1, 1000, capacity, name);
      g_object_set_data_full (G_OBJECT (spin), "team-id", g_strdup (charter_item_get_id (CHARTER_ITEM (team))), g_free);
      g_object_set_data (G_OBJECT (spin), "current", GINT_TO_POINTER (capacity));
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (queue_preview), form);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      g_ptr_array_add (form->team_spins, spin);
      add_kind_row (form, expander, 2, row);
    }
  if (form->team_spins->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The plan has no teams: add one in Program → Teams"));
      add_kind_row (form, expander, 2, row);
    }
}

static char *
request_subtitle (CharterDocument    *document,
                  CharterScopeChange *change)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *ids = charter_scope_change_get_task_ids (change);
  const char *why = charter_scope_change_get_why (change);
  const char *raised = charter_scope_change_get_raised_on (change);
  int cost = charter_scope_change_get_cost (change);

  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d more working day", "%d more working days", cost), cost);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterTask *task = charter_document_find (document, charter_document_get_tasks (document), ids[i]);

      if (task != NULL)
        g_string_append_printf (text, i == 0 ? _(" on “%s”") : ", “%s”", charter_task_get_name (task));
    }
  if (raised != NULL)
    /* Translators: "… · raised on 2027-03-01" */
    g_string_append_printf (text, _(" · raised on %s"), raised);
  if (why != NULL)
    g_string_append_printf (text, " · %s", why);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
pending_row (CharterDocument    *document,
             CharterScopeChange *change)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *subtitle = request_subtitle (document, change);
  g_autofree char *decide_name = NULL;
  Form *form = g_new0 (Form, 1);
  GtkWidget *button;

  form->id = g_strdup (charter_item_get_id (CHARTER_ITEM (change)));
  form->document = document;
  for (guint i = 0; i < 4; i++)
    form->kind_rows[i] = g_ptr_array_new ();
  form->task_spins = g_ptr_array_new ();
  form->drop_checks = g_ptr_array_new ();
  form->need_checks = g_ptr_array_new ();
  form->team_spins = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (expander), "charter-request-form", form, (GDestroyNotify) form_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), charter_scope_change_get_what (change));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  {
    GtkWidget *badge = gtk_image_new_from_icon_name ("dialog-question-symbolic");

    gtk_widget_add_css_class (badge, "warning");
    charter_discovery_set_accessible_name (badge, _("Waiting for a decision"));
    adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), badge);
  }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (choices, decision_name (kinds[i]));
  form->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->kind_row), _("Decision"));
  adw_combo_row_set_model (ADW_COMBO_ROW (form->kind_row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (form->kind_row), 3);
  g_signal_connect_swapped (form->kind_row, "notify::selected", G_CALLBACK (show_kind_rows), form);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), form->kind_row);

  build_simplify (form, expander, change);
  build_change_scope (form, expander);
  build_find_budget (form, expander);

  form->why_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->why_row), _("Why (for the decision log)"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), form->why_row);

  form->preview_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->preview_row), _("Launch after this decision"));
  button = gtk_button_new_with_mnemonic (_("_Decide"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "spec.decide-scope-change");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (form->id));
  /* Translators: accessible name of a button, "Decide: Export to CSV" */
  decide_name = g_strdup_printf (_("Decide: %s"), charter_scope_change_get_what (change));
  charter_discovery_set_accessible_name (button, decide_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (form->preview_row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), form->preview_row);

  show_kind_rows (form);
  return expander;
}

static GtkWidget *
decided_row (CharterScopeChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  const char *on = charter_scope_change_get_decided_on (change);
  const char *reason = charter_scope_change_get_decision_reason (change);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), charter_scope_change_get_what (change));
  /* Translators: a decided request, "Simplify · 2027-03-04 · Keep the date" */
  subtitle = g_strdup_printf ("%s%s%s%s%s", decision_name (charter_scope_change_get_decision (change)),
                              on ? " · " : "", on ? on : "", reason ? " · " : "", reason ? reason : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "success");
  charter_discovery_set_accessible_name (icon, _("Decided"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* Public API */

char *
charter_spec_requests_signature (CharterDocument *document)
{
  GListModel *changes = charter_document_get_scope_changes (document);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CharterScopeChange) change = g_list_model_get_item (changes, i);

      g_string_append_printf (text, "%p:%d:%s;", (gpointer) change, charter_scope_change_get_decision (change),
                              charter_scope_change_get_what (change));
    }
  return g_string_free (text, FALSE);
}

void
charter_spec_requests_rebuild (AdwPreferencesGroup *group,
                               GPtrArray           *rows,
                               CharterDocument     *document)
{
  GListModel *changes;
  guint n;

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (group), FALSE);
  if (document == NULL)
    return;

  changes = charter_document_get_scope_changes (document);
  n = g_list_model_get_n_items (changes);
  /* Pending first: they are what the product manager is here for. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CharterScopeChange) change = g_list_model_get_item (changes, i);
        gboolean pending = charter_scope_change_get_decision (change) == CHARTER_SCOPE_DECISION_PENDING;
        GtkWidget *row;

        if (pending != (pass == 0))
          continue;
        row = pending ? pending_row (document, change) : decided_row (change);
        adw_preferences_group_add (group, row);
        g_ptr_array_add (rows, row);
      }
  /* Shown once there is a request: until then the spec has nothing here. */
  gtk_widget_set_visible (GTK_WIDGET (group), rows->len > 0);
}

static Form *
find_form (GPtrArray  *rows,
           const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Form *form = g_object_get_data (rows->pdata[i], "charter-request-form");

      if (form != NULL && g_strcmp0 (form->id, id) == 0)
        return form;
    }
  return NULL;
}

gboolean
charter_spec_requests_decide (GPtrArray       *rows,
                              CharterDocument *document,
                              const char      *id)
{
  Form *form = find_form (rows, id);
  CharterScopeChange *change = charter_document_find (document, charter_document_get_scope_changes (document), id);
  g_autoptr(GPtrArray) keep = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  CharterScopeResponse response;
  gboolean done;

  if (form == NULL || change == NULL)
    return FALSE;
  for (guint i = 0; i < form->task_spins->len; i++)
    gtk_spin_button_update (form->task_spins->pdata[i]);
  for (guint i = 0; i < form->team_spins->len; i++)
    gtk_spin_button_update (form->team_spins->pdata[i]);
  form_response (form, &response, keep, today);
  done = charter_scope_change_decide (document, change, &response);
  for (guint i = 0; i < keep->len; i++)
    {
      if (i < 3)
        g_strfreev (keep->pdata[i]);
      else
        keep_free (keep->pdata[i]);
    }
  return done;
}

void
charter_spec_requests_set_form (GPtrArray  *rows,
                                const char *id,
                                guint       kind,
                                const char *drop_task_id)
{
  Form *form = find_form (rows, id);

  g_return_if_fail (form != NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (form->kind_row), kind);
  for (guint i = 0; drop_task_id != NULL && i < form->task_spins->len; i++)
    if (g_strcmp0 (g_object_get_data (form->task_spins->pdata[i], "task-id"), drop_task_id) == 0)
      gtk_check_button_set_active (form->drop_checks->pdata[i], TRUE);
}
