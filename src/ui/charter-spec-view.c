/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-spec-view.c: the one-page spec, in the order a reader needs it,
 * with a length gauge and traceability both ways (needs ↔ plan tasks).
 * Every command is a widget action ("spec.*"); every edit goes through the
 * document, undoably; the page keeps no copy of the spec. */

#define G_LOG_DOMAIN "charter-spec-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-spec-view.h"
#include "charter-accessible.h"
#include "charter-workspace.h"

#include "charter-discovery-binding.h"
#include "charter-spec-requests.h"
#include "charter-traceability.h"

typedef enum
{
  LIST_INTEGRATION,
  LIST_OUT_OF_SCOPE,
  LIST_METRICS,
  LIST_OPEN,
  LIST_DECISIONS,
  N_LISTS
} ListKind;

/* What each list of the spec holds and how a person adds to it. */
static const struct
{
  const char *name;           /* in "spec.remove-item" */
  const char *add_action;
  const char *add_title;
  GType     (*item_type) (void);
  const char *id_prefix;
  const char *text_property;  /* what the add row fills in */
} lists[N_LISTS] = {
  [LIST_INTEGRATION] = { "integration-questions", "spec.add-question", N_("Add an integration question"),
                         charter_question_get_type, "question", "question" },
  [LIST_OUT_OF_SCOPE] = { "out-of-scope", "spec.add-exclusion", N_("Add something out of scope"),
                          charter_exclusion_get_type, "exclusion", "what" },
  [LIST_METRICS] = { "metrics", "spec.add-metric", N_("Add a success metric (what is measured)"),
                     charter_metric_get_type, "metric", "measure" },
  [LIST_OPEN] = { "open-questions", "spec.add-open-question", N_("Add an open question"),
                  charter_question_get_type, "question", "question" },
  [LIST_DECISIONS] = { "decisions", "spec.add-decision", N_("Add a decision"),
                       charter_decision_get_type, "decision", "summary" },
};

struct _CharterSpecView
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkWidget       *page;
  GtkWidget       *gauge;
  GtkWidget       *gauge_label;
  GtkWidget       *requests_group;
  GtkWidget       *title_group;
  GtkWidget       *problem_group;
  GtkWidget       *audience_group;
  GtkWidget       *acuteness_group;
  GtkWidget       *needs_group;
  GtkWidget       *solution_group;
  GtkWidget       *smallest_group;
  GtkWidget       *integration_group;
  GtkWidget       *out_of_scope_group;
  GtkWidget       *metrics_group;
  GtkWidget       *when_group;
  GtkWidget       *open_questions_group;
  GtkWidget       *decisions_group;
  GtkWidget       *trace_group;

  /* Borrowed: the template's groups of each list */
  GtkWidget       *list_groups[N_LISTS];

  /* Owned */
  CharterDocument *document;
  GSignalGroup    *document_signals;
  GSignalGroup    *list_signals[N_LISTS];
  GObject         *scheduler;
  GPtrArray       *list_rows[N_LISTS];
  GPtrArray       *needs_rows;
  GPtrArray       *trace_rows;
  GPtrArray       *field_widgets;
  GPtrArray       *request_rows;
  char            *requests_signature;
  guint            refresh_id;
  guint            trace_id;      /* traceability rows, after the frame that shows the page */
  guint            trace_frames;
  gboolean         rows_dirty;
  guint            words;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CharterSpecView, charter_spec_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CHARTER_TYPE_WORKSPACE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_list (CharterSpecView *self,
                          ListKind         kind);

/* Helpers */

static gboolean
editable (CharterSpecView *self)
{
  return self->document != NULL && !charter_document_get_read_only (self->document);
}

static GListModel *
get_list (CharterSpecView *self,
          ListKind         kind)
{
  CharterSpec *spec = charter_document_get_spec (self->document);

  switch (kind)
    {
    case LIST_INTEGRATION: return charter_spec_get_integration_questions (spec);
    case LIST_OUT_OF_SCOPE: return charter_spec_get_out_of_scope (spec);
    case LIST_METRICS: return charter_spec_get_metrics (spec);
    case LIST_OPEN: return charter_spec_get_open_questions (spec);
    case LIST_DECISIONS: return charter_spec_get_decisions (spec);
    case N_LISTS:
    default: return NULL;
    }
}

static int
list_kind_from_name (const char *name)
{
  for (int i = 0; i < N_LISTS; i++)
    if (g_str_equal (lists[i].name, name))
      return i;
  return -1;
}

static int
list_kind_from_add_action (const char *action_name)
{
  for (int i = 0; i < N_LISTS; i++)
    if (g_str_equal (lists[i].add_action, action_name))
      return i;
  return -1;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/* A button of a row: a flat icon, or words; @accessible_name is its tooltip too. */
static GtkWidget *
row_button (const char *icon_name,
            const char *label,
            const char *action,
            GVariant   *target,
            const char *accessible_name)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_label (label);

  if (icon_name != NULL)
    gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_tooltip_text (button, accessible_name);
  charter_discovery_set_accessible_name (button, accessible_name);
  return button;
}

static GtkWidget *
remove_button (ListKind    kind,
               gpointer    item,
               const char *accessible_name)
{
  return row_button ("user-trash-symbolic", NULL, "spec.remove-item",
                     g_variant_new ("(ss)", lists[kind].name, charter_item_get_id (item)),
                     accessible_name);
}

/* A row that reads: a title, and a line under it. */
static GtkWidget *
info_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* An info row with a mark in front: a warning sign, or a tick. Both have a
 * shape and a name of their own, so colour is not all that tells them apart. */
static GtkWidget *
status_row (const char *title,
            const char *subtitle,
            gboolean    warning,
            const char *accessible_name)
{
  GtkWidget *row = info_row (title, subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (warning ? "dialog-warning-symbolic" : "emblem-ok-symbolic");

  gtk_widget_add_css_class (icon, warning ? "warning" : "success");
  charter_discovery_set_accessible_name (icon, accessible_name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* Lists */

/* One item of a list as an expander row: its title follows @title_property,
 * opening it shows the fields added with add_field(), and a button at its
 * end removes it. */
/* libadwaita 1.2 leaves an expander row itself without a name: the screen
 * reader met ten rows called nothing. */
static void
on_item_row_title_notify_cb (AdwPreferencesRow *row,
                             GParamSpec        *pspec,
                             gpointer           user_data)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, adw_preferences_row_get_title (row),
                                  -1);
}

static GtkWidget *
item_row (ListKind    kind,
          gpointer    item,
          const char *title_property,
          const char *remove_name)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_signal_connect (row, "notify::title", G_CALLBACK (on_item_row_title_notify_cb), NULL);
  g_object_bind_property (item, title_property, row, "title", G_BINDING_SYNC_CREATE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove_button (kind, item, remove_name));
  return row;
}

static GtkWidget *
add_field (CharterSpecView *self,
           GtkWidget       *row,
           gpointer         item,
           const char      *property,
           const char      *title)
{
  GtkWidget *field = charter_discovery_entry_row (self->document, item, property, title);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field);
  return field;
}

/* Where the keyboard goes once a person has added the item of @row: the
 * field they fill in next (an answer, a target, a reason). */
static void
set_next_field (GtkWidget *row,
                GtkWidget *field)
{
  g_object_set_data (G_OBJECT (row), "charter-next-field", field);
}

static void
on_question_check_toggled_cb (GtkCheckButton  *check,
                              CharterSpecView *self)
{
  CharterQuestion *question = g_object_get_data (G_OBJECT (check), "item");
  gboolean answered = gtk_check_button_get_active (check);
  CharterQuestionStatus status = charter_question_get_status (question);

  if (!editable (self) || answered == (status != CHARTER_QUESTION_OPEN))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "spec.toggle-question", "s",
                              charter_item_get_id (CHARTER_ITEM (question)));
}

static void
on_question_status_notify_cb (CharterQuestion *question,
                              GParamSpec      *pspec,
                              GtkCheckButton  *check)
{
  gboolean answered = charter_question_get_status (question) != CHARTER_QUESTION_OPEN;

  if (gtk_check_button_get_active (check) != answered)
    gtk_check_button_set_active (check, answered);
}

static gboolean
answer_subtitle (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *answer = g_value_get_string (from);

  g_value_set_string (to, (answer && *answer) ? answer : _("No answer yet"));
  return TRUE;
}

static GtkWidget *
question_row (CharterSpecView *self,
              ListKind         kind,
              CharterQuestion *question)
{
  GtkWidget *row, *check = gtk_check_button_new ();
  g_autofree char *check_name = NULL;
  g_autofree char *remove_name = NULL;

  /* Translators: "Remove question: Plan tiers" */
  remove_name = g_strdup_printf (_("Remove question: %s"), charter_question_get_question (question));
  /* The question reads first, its answer under it; expanding edits both. */
  row = item_row (kind, question, "question", remove_name);
  g_object_bind_property_full (question, "answer", row, "subtitle", G_BINDING_SYNC_CREATE,
                               answer_subtitle, NULL, NULL, NULL);
  add_field (self, row, question, "question", _("Question"));
  set_next_field (row, add_field (self, row, question, "answer", _("Answer")));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), charter_question_get_status (question) != CHARTER_QUESTION_OPEN);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "item", question);
  /* Translators: accessible name of a checklist box, "Answered: Privacy controls" */
  check_name = g_strdup_printf (_("Answered: %s"), charter_question_get_question (question));
  charter_discovery_set_accessible_name (check, check_name);
  g_signal_connect (check, "toggled", G_CALLBACK (on_question_check_toggled_cb), self);
  g_signal_connect_object (question, "notify::status", G_CALLBACK (on_question_status_notify_cb), check, 0);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);
  return row;
}

static GtkWidget *
exclusion_row (CharterSpecView  *self,
               CharterExclusion *exclusion)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *remove_name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (exclusion, "what", row, "title", G_BINDING_SYNC_CREATE);
  charter_discovery_bind_editable (GTK_EDITABLE (row), self->document, exclusion, "reason");
  /* Translators: "Remove from out of scope: Social sharing" */
  remove_name = g_strdup_printf (_("Remove from out of scope: %s"), charter_exclusion_get_what (exclusion));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove_button (LIST_OUT_OF_SCOPE, exclusion, remove_name));
  /* The row itself edits the reason. */
  set_next_field (row, row);
  return row;
}

static gboolean
metric_subtitle (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  CharterMetric *metric = CHARTER_METRIC (g_binding_dup_source (binding));
  const char *target = charter_metric_get_target (metric);
  const char *frame = charter_metric_get_time_frame (metric);

  /* Translators: a metric's summary, "target +10 % · by Q3" */
  g_value_take_string (to, g_strdup_printf (_("Target %s · %s"),
                                            (target && *target) ? target : "—",
                                            (frame && *frame) ? frame : "—"));
  g_object_unref (metric);
  return TRUE;
}

static GtkWidget *
metric_row (CharterSpecView *self,
            CharterMetric   *metric)
{
  g_autofree char *remove_name = NULL;
  GtkWidget *row;

  /* Translators: "Remove metric: Weekly active loggers" */
  remove_name = g_strdup_printf (_("Remove metric: %s"), charter_metric_get_measure (metric));
  row = item_row (LIST_METRICS, metric, "measure", remove_name);
  g_object_bind_property_full (metric, "target", row, "subtitle", G_BINDING_SYNC_CREATE,
                               metric_subtitle, NULL, NULL, NULL);
  g_object_bind_property_full (metric, "time-frame", row, "subtitle", G_BINDING_SYNC_CREATE,
                               metric_subtitle, NULL, NULL, NULL);
  add_field (self, row, metric, "measure", _("Measure"));
  set_next_field (row, add_field (self, row, metric, "target", _("Target")));
  add_field (self, row, metric, "time-frame", _("Time frame"));
  return row;
}

static GtkWidget *
decision_row (CharterSpecView *self,
              CharterDecision *decision)
{
  g_autofree char *remove_name = NULL;
  GtkWidget *row;

  /* Translators: "Remove decision: Ship history first" */
  remove_name = g_strdup_printf (_("Remove decision: %s"), charter_decision_get_summary (decision));
  row = item_row (LIST_DECISIONS, decision, "summary", remove_name);
  g_object_bind_property (decision, "date", row, "subtitle", G_BINDING_SYNC_CREATE);
  add_field (self, row, decision, "date", _("Date (YYYY-MM-DD)"));
  add_field (self, row, decision, "summary", _("Decision"));
  set_next_field (row, add_field (self, row, decision, "rationale", _("Why")));
  return row;
}

/* Enter (or the apply button) in the add row of a list: the item is added,
 * and the keyboard goes on to the new item's next field. The list's rows are
 * rebuilt under the add row, so without this GTK would hand the focus to the
 * first row of the list, and what the person types next would replace
 * another item's text. */
static void
on_add_entry_apply_cb (AdwEntryRow     *row,
                       CharterSpecView *self)
{
  const char *action = g_object_get_data (G_OBJECT (row), "action");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int kind = list_kind_from_add_action (action);
  guint before;
  GtkWidget *new_row, *field;

  if (*text == '\0' || kind < 0 || self->document == NULL)
    return;
  before = g_list_model_get_n_items (get_list (self, kind));
  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", text);
  gtk_editable_set_text (GTK_EDITABLE (row), "");

  if (g_list_model_get_n_items (get_list (self, kind)) != before + 1 ||
      self->list_rows[kind]->len <= before)
    return;
  new_row = self->list_rows[kind]->pdata[before];
  field = g_object_get_data (G_OBJECT (new_row), "charter-next-field");
  if (field == NULL)
    return;
  if (ADW_IS_EXPANDER_ROW (new_row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (new_row), TRUE);
  gtk_widget_grab_focus (field);
}

static GtkWidget *
add_entry_row (CharterSpecView *self,
               const char      *title,
               const char      *action)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "action", (gpointer) action);
  g_signal_connect (row, "apply", G_CALLBACK (on_add_entry_apply_cb), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_add_entry_apply_cb), self);
  return row;
}

static void
rebuild_list (CharterSpecView *self,
              ListKind         kind)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->list_groups[kind]);
  GListModel *list;
  guint n;

  clear_rows (group, self->list_rows[kind]);
  if (self->document == NULL)
    return;

  list = get_list (self, kind);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      GtkWidget *row = NULL;

      switch (kind)
        {
        case LIST_INTEGRATION:
        case LIST_OPEN:
          row = question_row (self, kind, CHARTER_QUESTION (item));
          break;
        case LIST_OUT_OF_SCOPE:
          row = exclusion_row (self, CHARTER_EXCLUSION (item));
          break;
        case LIST_METRICS:
          row = metric_row (self, CHARTER_METRIC (item));
          break;
        case LIST_DECISIONS:
          row = decision_row (self, CHARTER_DECISION (item));
          break;
        case N_LISTS:
        default:
          g_assert_not_reached ();
        }
      add_row (group, self->list_rows[kind], row);
    }

  add_row (group, self->list_rows[kind], add_entry_row (self, _(lists[kind].add_title), lists[kind].add_action));
}

/* Needs and traceability */

static char *
need_subtitle (CharterSpecView *self,
               CharterNeed     *need,
               gboolean        *unserved)
{
  const char *id = charter_item_get_id (CHARTER_ITEM (need));
  guint evidence = charter_traceability_need_evidence (self->document, need);
  g_autoptr(GPtrArray) tasks = charter_traceability_tasks_serving (self->document, id);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Evidence: %u participant", "Evidence: %u participants", evidence),
                   evidence);
  g_string_append (text, " · ");
  if (tasks->len == 0)
    g_string_append (text, _("⚠ No plan task serves this need"));
  else
    {
      g_string_append (text, _("Served by "));
      for (guint i = 0; i < tasks->len; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, charter_task_get_name (tasks->pdata[i]));
        }
    }
  *unserved = tasks->len == 0;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
rebuild_needs (CharterSpecView *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->needs_group);
  GListModel *needs;
  const char * const *ids;
  guint n;

  clear_rows (group, self->needs_rows);
  if (self->document == NULL)
    return;

  ids = charter_spec_get_need_ids (charter_document_get_spec (self->document));
  needs = charter_document_get_needs (self->document);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterNeed *need = charter_document_find (self->document, needs, ids[i]);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_name = NULL;
      gboolean unserved;

      if (need == NULL)
        continue;
      subtitle = need_subtitle (self, need, &unserved);
      row = status_row (charter_need_get_statement (need), subtitle, unserved,
                        unserved ? _("Not served by the plan") : _("Served by the plan"));
      /* Translators: "Remove need from the spec: See progress" */
      remove_name = g_strdup_printf (_("Remove need from the spec: %s"), charter_need_get_statement (need));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("list-remove-symbolic", NULL, "spec.remove-need",
                                             g_variant_new_string (ids[i]), remove_name));
      add_row (group, self->needs_rows, row);
    }

  if (self->needs_rows->len == 0)
    {
      GtkWidget *row = info_row (_("The spec addresses no need yet"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      add_row (group, self->needs_rows, row);
    }

  /* The needs Discovery found that the spec does not address yet, each
   * with a button to add it (reachable by keyboard and screen reader). */
  n = g_list_model_get_n_items (needs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (need));
      g_autofree char *subtitle = NULL;
      g_autofree char *add_name = NULL;
      GtkWidget *row;
      guint evidence;

      if (charter_traceability_spec_addresses (self->document, id))
        continue;
      evidence = charter_traceability_need_evidence (self->document, need);
      /* Translators: a need not in the spec yet, "Not in the spec · 3 participants" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not in the spec · evidence: %u participant",
                                               "Not in the spec · evidence: %u participants", evidence),
                                  evidence);
      row = info_row (charter_need_get_statement (need), subtitle);
      gtk_widget_add_css_class (row, "charter-need-offered");
      /* Translators: "Add to the spec: See progress" */
      add_name = g_strdup_printf (_("Add to the spec: %s"), charter_need_get_statement (need));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (NULL, _("Add"), "spec.add-need", g_variant_new_string (id), add_name));
      add_row (group, self->needs_rows, row);
    }
}

#define MAX_TRACE_TASK_ROWS 25

static void
rebuild_traceability (CharterSpecView *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->trace_group);
  g_autoptr(GPtrArray) unserved = NULL;
  GListModel *tasks;
  guint shown_tasks = 0;
  guint more_tasks = 0;
  guint more_orphans = 0;
  guint n;

  clear_rows (group, self->trace_rows);
  if (self->document == NULL)
    return;

  unserved = charter_traceability_unserved_needs (self->document);
  for (guint i = 0; i < unserved->len; i++)
    {
      add_row (group, self->trace_rows,
               status_row (charter_need_get_statement (unserved->pdata[i]),
                           _("Need that nothing in the plan serves"), TRUE, _("Warning")));
    }

  tasks = charter_document_get_tasks (self->document);
  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      g_autoptr(GPtrArray) needs = charter_traceability_task_needs (self->document, task);
      g_autoptr(GString) subtitle = NULL;
      gboolean orphan = needs->len == 0 && !charter_task_get_milestone (task);

      if (charter_task_get_milestone (task))
        continue;

      /* A page lists what a reader can take in: a plan of thousands of
       * tasks gets one row a task up to a limit, then a count (rows are
       * widgets, and ten thousand of them took seconds to lay out). */
      if (shown_tasks == MAX_TRACE_TASK_ROWS)
        {
          more_tasks++;
          more_orphans += orphan;
          continue;
        }
      shown_tasks++;
      subtitle = g_string_new (NULL);

      if (orphan)
        g_string_append (subtitle, _("⚠ Task that serves no need"));
      else
        {
          g_string_append (subtitle, _("Serves "));
          for (guint j = 0; j < needs->len; j++)
            {
              if (j > 0)
                g_string_append (subtitle, "; ");
              g_string_append (subtitle, charter_need_get_statement (needs->pdata[j]));
            }
        }
      add_row (group, self->trace_rows,
               status_row (charter_task_get_name (task), subtitle->str, orphan,
                           orphan ? _("Warning") : _("Serves a need")));
    }

  if (more_tasks > 0)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more task", "%u more tasks", more_tasks),
                               more_tasks);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of them serves no need",
                                               "%u of them serve no need", more_orphans),
                                  more_orphans);
      add_row (group, self->trace_rows,
               more_orphans > 0 ? status_row (title, subtitle, TRUE, _("Warning")) : info_row (title, NULL));
    }

  if (self->trace_rows->len == 0)
    {
      add_row (group, self->trace_rows, info_row (_("No needs and no plan tasks yet"), NULL));
    }
}

static void
update_gauge (CharterSpecView *self)
{
  guint words = self->document ? charter_traceability_spec_words (self->document) : 0;
  g_autofree char *text = NULL;

  self->words = words;
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->gauge), MIN (words, 900));
  if (words > CHARTER_SPEC_PAGE_WORDS)
    /* Translators: the spec length gauge past a page */
    text = g_strdup_printf (_("%u words — longer than a page (about %u). Say less, more clearly."),
                            words, CHARTER_SPEC_PAGE_WORDS);
  else
    /* Translators: the spec length gauge, "240 of about 600 words" */
    text = g_strdup_printf (_("%u of about %u words"), words, CHARTER_SPEC_PAGE_WORDS);
  gtk_label_set_label (GTK_LABEL (self->gauge_label), text);
  if (words > CHARTER_SPEC_PAGE_WORDS)
    gtk_widget_add_css_class (self->gauge_label, "warning");
  else
    gtk_widget_remove_css_class (self->gauge_label, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gauge), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* The needs and traceability rows (one for every task of the plan): off
 * screen (another workspace) they wait until the page is shown, so that an
 * edit elsewhere, or opening a file, does not rebuild rows nobody sees. */
static void clear_trace_tick (CharterSpecView *self);
static gboolean trace_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data);

/* Switching to the Spec: the traceability rows, at the end of the page,
 * come in the frame after the one that shows it (laying out their 26 rows
 * was half of the 145 ms a switch took, issue 12). */
static void
refresh_rows_after_frame (CharterSpecView *self)
{
  self->rows_dirty = FALSE;
  rebuild_needs (self);
  clear_rows (ADW_PREFERENCES_GROUP (self->trace_group), self->trace_rows);
  if (self->trace_id == 0)
    {
      self->trace_frames = 0;
      self->trace_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), trace_tick_cb, NULL, NULL);
    }
}

static void
refresh_rows (CharterSpecView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->rows_dirty = TRUE;
      return;
    }
  self->rows_dirty = FALSE;
  clear_trace_tick (self);
  rebuild_needs (self);
  rebuild_traceability (self);
}

/* The change requests, rebuilt only when they or their decisions change:
 * typing in the spec must not reset a form the product manager is filling. */
static void
refresh_requests (CharterSpecView *self)
{
  g_autofree char *signature = self->document ? charter_spec_requests_signature (self->document) : NULL;

  if (self->requests_signature != NULL && g_strcmp0 (signature, self->requests_signature) == 0)
    return;
  g_free (self->requests_signature);
  self->requests_signature = g_steal_pointer (&signature);
  if (self->requests_signature == NULL)
    self->requests_signature = g_strdup ("");
  charter_spec_requests_rebuild (ADW_PREFERENCES_GROUP (self->requests_group), self->request_rows, self->document);
}

/* Called at the start of each frame: the first is the frame that shows
 * the page, the rows come with the next. */
static gboolean
trace_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);

  if (self->trace_frames++ == 0)
    return G_SOURCE_CONTINUE;
  self->trace_id = 0;
  rebuild_traceability (self);
  return G_SOURCE_REMOVE;
}

static void
clear_trace_tick (CharterSpecView *self)
{
  if (self->trace_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->trace_id);
  self->trace_id = 0;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CharterSpecView *self = user_data;

  self->refresh_id = 0;
  refresh_requests (self);
  update_gauge (self);
  refresh_rows (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed_cb (CharterDocument *document,
                        CharterSpecView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refresh_idle_cb, self, NULL);
}

static void
on_list_items_changed_cb (GListModel      *list,
                          guint            position,
                          guint            removed,
                          guint            added,
                          CharterSpecView *self)
{
  for (int kind = 0; kind < N_LISTS; kind++)
    if (get_list (self, kind) == list)
      rebuild_list (self, kind);
}

/* Fields */

static void
build_fields (CharterSpecView *self)
{
  CharterSpec *spec;

  for (guint i = 0; i < self->field_widgets->len; i += 2)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->field_widgets->pdata[i]),
                                  self->field_widgets->pdata[i + 1]);
  g_ptr_array_set_size (self->field_widgets, 0);
  if (self->document == NULL)
    return;

  spec = charter_document_get_spec (self->document);
#define FIELD(group, widget) G_STMT_START { \
    GtkWidget *w_ = (widget); \
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w_); \
    g_ptr_array_add (self->field_widgets, (group)); \
    g_ptr_array_add (self->field_widgets, w_); \
  } G_STMT_END

  FIELD (self->title_group, charter_discovery_entry_row (self->document, spec, "title", _("Title")));
  FIELD (self->problem_group,
         charter_discovery_text_area (self->document, spec, "problem", _("Problem"), 3));
  FIELD (self->audience_group,
         charter_discovery_text_area (self->document, spec, "audience", _("Who has it"), 2));
  FIELD (self->acuteness_group,
         charter_discovery_text_area (self->document, spec, "acuteness", _("How acute it is"), 2));
  FIELD (self->solution_group,
         charter_discovery_text_area (self->document, spec, "solution", _("What a solution looks like"), 3));
  FIELD (self->smallest_group,
         charter_discovery_text_area (self->document, spec, "smallest-version", _("Smallest useful version"), 2));
  FIELD (self->when_group, charter_discovery_entry_row (self->document, spec, "target-date", _("Target date (YYYY-MM-DD)")));
  FIELD (self->when_group, charter_discovery_entry_row (self->document, spec, "appetite", _("Appetite (how much time it is worth)")));
#undef FIELD
}

/* Actions */

/* A new item at the end of a list, with the words a person typed (a
 * decision also gets today's date). */
static void
append_item (CharterSpecView *self,
             ListKind         kind,
             const char      *text)
{
  GListModel *list = get_list (self, kind);
  g_autofree char *id = charter_document_make_id (self->document, list, lists[kind].id_prefix);
  g_autoptr(CharterItem) item = g_object_new (lists[kind].item_type (),
                                              "id", id,
                                              lists[kind].text_property, text,
                                              NULL);

  if (kind == LIST_DECISIONS)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      charter_decision_set_date (CHARTER_DECISION (item), today);
    }
  charter_document_append (self->document, list, item);
}

/* spec.add-question, spec.add-open-question, spec.add-exclusion,
 * spec.add-metric and spec.add-decision: what the add row of each list does. */
static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);
  const char *text = g_variant_get_string (parameter, NULL);
  int kind = list_kind_from_add_action (action_name);

  if (!editable (self) || *text == '\0' || kind < 0)
    return;
  append_item (self, kind, text);
}

static void
add_usual_questions_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);
  const char *usual[] = {
    N_("Privacy controls: who can see this, and can the user hide it?"),
    N_("Deletion: is it removed when a user deletes their data or account?"),
    N_("Plan tiers: which plans get it, free or paid?"),
  };
  GListModel *list;
  guint added = 0;

  if (!editable (self))
    return;

  list = get_list (self, LIST_INTEGRATION);
  charter_document_begin_group (self->document, _("Add the Usual Integration Questions"));
  for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
    {
      const char *text = _(usual[i]);
      gboolean present = FALSE;
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n && !present; j++)
        {
          g_autoptr(CharterQuestion) q = g_list_model_get_item (list, j);

          present = g_strcmp0 (charter_question_get_question (q), text) == 0;
        }
      if (!present)
        {
          append_item (self, LIST_INTEGRATION, text);
          added++;
        }
    }
  if (added > 0)
    charter_document_end_group (self->document);
  else
    charter_document_cancel_group (self->document);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);
  const char *list_name, *id;
  GListModel *list;
  gpointer item;
  int kind;

  g_variant_get (parameter, "(&s&s)", &list_name, &id);
  if (!editable (self) || (kind = list_kind_from_name (list_name)) < 0)
    return;
  list = get_list (self, kind);
  item = charter_document_find (self->document, list, id);
  if (item != NULL)
    charter_document_remove (self->document, list, item);
}

static void
toggle_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  CharterQuestion *question;

  if (!editable (self))
    return;
  question = charter_document_find (self->document, get_list (self, LIST_INTEGRATION), id);
  if (question == NULL)
    question = charter_document_find (self->document, get_list (self, LIST_OPEN), id);
  if (question == NULL)
    return;

  charter_document_set (self->document, question, "status",
                        charter_question_get_status (question) == CHARTER_QUESTION_OPEN
                          ? CHARTER_QUESTION_ANSWERED : CHARTER_QUESTION_OPEN,
                        NULL);
}

static void
set_need_listed (CharterSpecView *self,
                 const char      *id,
                 gboolean         listed)
{
  CharterSpec *spec = charter_document_get_spec (self->document);
  const char * const *ids = charter_spec_get_need_ids (spec);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  gboolean present = FALSE;

  if (charter_document_find (self->document, charter_document_get_needs (self->document), id) == NULL)
    return;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (g_str_equal (ids[i], id))
        {
          present = TRUE;
          if (!listed)
            continue;
        }
      g_strv_builder_add (builder, ids[i]);
    }
  if (present == listed)
    return;
  if (listed)
    g_strv_builder_add (builder, id);
  result = g_strv_builder_end (builder);
  charter_document_set (self->document, spec, "need-ids", result, NULL);
}

static void
add_need_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);

  if (editable (self))
    set_need_listed (self, g_variant_get_string (parameter, NULL), TRUE);
}

static void
remove_need_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);

  if (editable (self))
    set_need_listed (self, g_variant_get_string (parameter, NULL), FALSE);
}

/* spec.decide-scope-change: the product manager's answer to a request,
 * as its form says, in one undoable step. */
static void
decide_scope_change_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);

  if (!editable (self))
    return;
  if (charter_spec_requests_decide (self->request_rows, self->document, g_variant_get_string (parameter, NULL)))
    refresh_requests (self);
}

/* Overrides */

static void
charter_spec_view_map (GtkWidget *widget)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (widget);

  GTK_WIDGET_CLASS (charter_spec_view_parent_class)->map (widget);

  if (self->rows_dirty)
    refresh_rows_after_frame (self);
}

static void
charter_spec_view_dispose (GObject *object)
{
  CharterSpecView *self = (CharterSpecView *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  clear_trace_tick (self);
  g_clear_object (&self->document_signals);
  for (int kind = 0; kind < N_LISTS; kind++)
    g_clear_object (&self->list_signals[kind]);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_SPEC_VIEW);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (charter_spec_view_parent_class)->dispose (object);
}

static void
charter_spec_view_finalize (GObject *object)
{
  CharterSpecView *self = (CharterSpecView *) object;

  for (int kind = 0; kind < N_LISTS; kind++)
    g_clear_pointer (&self->list_rows[kind], g_ptr_array_unref);
  g_clear_pointer (&self->needs_rows, g_ptr_array_unref);
  g_clear_pointer (&self->trace_rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->request_rows, g_ptr_array_unref);
  g_clear_pointer (&self->requests_signature, g_free);

  G_OBJECT_CLASS (charter_spec_view_parent_class)->finalize (object);
}

static void
charter_spec_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_spec_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_spec_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SCHEDULER:
      if (g_set_object (&self->scheduler, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_spec_view_class_init (CharterSpecViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_spec_view_dispose;
  object_class->finalize = charter_spec_view_finalize;
  object_class->get_property = charter_spec_view_get_property;
  object_class->set_property = charter_spec_view_set_property;
  widget_class->map = charter_spec_view_map;

  charter_workspace_install_properties (object_class, PROP_DOCUMENT, PROP_SCHEDULER);
  properties[PROP_DOCUMENT] = g_object_class_find_property (object_class, "document");
  properties[PROP_SCHEDULER] = g_object_class_find_property (object_class, "scheduler");

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-spec-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, page);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, gauge);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, gauge_label);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, requests_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, title_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, problem_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, audience_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, acuteness_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, needs_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, solution_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, smallest_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, integration_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, out_of_scope_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, metrics_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, when_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, open_questions_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, decisions_group);
  gtk_widget_class_bind_template_child (widget_class, CharterSpecView, trace_group);

  for (int kind = 0; kind < N_LISTS; kind++)
    gtk_widget_class_install_action (widget_class, lists[kind].add_action, "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "spec.add-usual-questions", NULL, add_usual_questions_action);
  gtk_widget_class_install_action (widget_class, "spec.remove-item", "(ss)", remove_item_action);
  gtk_widget_class_install_action (widget_class, "spec.toggle-question", "s", toggle_question_action);
  gtk_widget_class_install_action (widget_class, "spec.add-need", "s", add_need_action);
  gtk_widget_class_install_action (widget_class, "spec.remove-need", "s", remove_need_action);
  gtk_widget_class_install_action (widget_class, "spec.decide-scope-change", "s", decide_scope_change_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
charter_spec_view_init (CharterSpecView *self)
{
  GtkLevelBar *gauge;

  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));
  self->list_groups[LIST_INTEGRATION] = self->integration_group;
  self->list_groups[LIST_OUT_OF_SCOPE] = self->out_of_scope_group;
  self->list_groups[LIST_METRICS] = self->metrics_group;
  self->list_groups[LIST_OPEN] = self->open_questions_group;
  self->list_groups[LIST_DECISIONS] = self->decisions_group;

  /* The gauge turns at a page: its marks are not GtkLevelBar's defaults. */
  gauge = GTK_LEVEL_BAR (self->gauge);
  gtk_level_bar_remove_offset_value (gauge, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (gauge, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (gauge, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (gauge, GTK_LEVEL_BAR_OFFSET_HIGH, CHARTER_SPEC_PAGE_WORDS);
  gtk_level_bar_add_offset_value (gauge, GTK_LEVEL_BAR_OFFSET_FULL, 900);

  for (int kind = 0; kind < N_LISTS; kind++)
    self->list_rows[kind] = g_ptr_array_new ();
  self->needs_rows = g_ptr_array_new ();
  self->trace_rows = g_ptr_array_new ();
  self->field_widgets = g_ptr_array_new ();
  self->request_rows = g_ptr_array_new ();

  /* The page follows the document it shows, and only while it shows it. */
  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed_cb), self, 0);
  for (int kind = 0; kind < N_LISTS; kind++)
    {
      self->list_signals[kind] = g_signal_group_new (G_TYPE_LIST_MODEL);
      g_signal_group_connect_object (self->list_signals[kind], "items-changed",
                                     G_CALLBACK (on_list_items_changed_cb), self, 0);
    }

  charter_discovery_ensure_style ();
  update_gauge (self);
}

/* Public API */

GtkWidget *
charter_spec_view_new (void)
{
  return g_object_new (CHARTER_TYPE_SPEC_VIEW, NULL);
}

CharterDocument *
charter_spec_view_get_document (CharterSpecView *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC_VIEW (self), NULL);

  return self->document;
}

void
charter_spec_view_set_document (CharterSpecView *self,
                                CharterDocument *document)
{
  g_return_if_fail (CHARTER_IS_SPEC_VIEW (self));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  for (int kind = 0; kind < N_LISTS; kind++)
    g_signal_group_set_target (self->list_signals[kind], document ? get_list (self, kind) : NULL);

  build_fields (self);
  g_clear_pointer (&self->requests_signature, g_free);
  refresh_requests (self);
  for (int kind = 0; kind < N_LISTS; kind++)
    rebuild_list (self, kind);
  update_gauge (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Nothing of the old document stays on the page meanwhile. */
      clear_rows (ADW_PREFERENCES_GROUP (self->needs_group), self->needs_rows);
      clear_rows (ADW_PREFERENCES_GROUP (self->trace_group), self->trace_rows);
      self->rows_dirty = TRUE;
    }
  else
    refresh_rows_after_frame (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
charter_spec_view_get_word_count (CharterSpecView *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC_VIEW (self), 0);

  return self->words;
}

gboolean
charter_spec_view_get_too_long (CharterSpecView *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC_VIEW (self), FALSE);

  return gtk_widget_has_css_class (self->gauge_label, "warning");
}

/* For tests: fills in the decision form of request @id (see
 * charter_spec_requests_set_form()); spec.decide-scope-change applies it. */
void
charter_spec_view_set_request_form (CharterSpecView *self,
                                    const char      *id,
                                    guint            kind,
                                    const char      *drop_task_id)
{
  g_return_if_fail (CHARTER_IS_SPEC_VIEW (self));

  refresh_requests (self);
  charter_spec_requests_set_form (self->request_rows, id, kind, drop_task_id);
}
