/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-scope-change-dialog.c: "Change Request": what costs more, why,
 * the cost in working days and the tasks it affects, with a what-if of the
 * launch beside the launch now. Nothing reaches the document before Raise. */

#define G_LOG_DOMAIN "charter-scope-change-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-scope-change-dialog.h"

#include "charter-model.h"
#include "charter-timeline-geometry.h"
#include "charter-what-if.h"

/* A plan of thousands of tasks lists this many (the task it was raised
 * from first); the rest are reached by raising from them. */
#define MAX_TASK_ROWS 200

struct _CharterScopeChangeDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *raise_button;
  GtkWidget       *now_label;
  GtkWidget       *now_detail;
  GtkWidget       *then_label;
  GtkWidget       *then_detail;
  GtkWidget       *what_row;
  GtkWidget       *why_row;
  GtkWidget       *cost_spin;
  GtkWidget       *tasks_group;

  /* Owned */
  CharterDocument *document;
  char            *task_id;
  CharterWhatIf   *what_if;
  GPtrArray       *task_checks;
  guint            preview_id;
  guint32          now_day;
  guint32          then_day;
};

G_DEFINE_FINAL_TYPE (CharterScopeChangeDialog, charter_scope_change_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TASK_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static char *
format_launch (guint32 day)
{
  /* Translators: a launch date in the what-if preview, "Fri 12 Mar 2027" */
  return day != 0 ? charter_timeline_format_day (day, _("%a %-d %b %Y")) : g_strdup ("—");
}

/* The request as the form says now; not in any document. */
static CharterScopeChange *
build_request (CharterScopeChangeDialog *self,
               const char               *id)
{
  CharterScopeChange *change = charter_scope_change_new (id);
  g_autoptr(GStrvBuilder) tasks = g_strv_builder_new ();
  g_auto(GStrv) task_ids = NULL;
  g_autofree char *what = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->what_row))));
  g_autofree char *why = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->why_row))));

  for (guint i = 0; i < self->task_checks->len; i++)
    if (gtk_check_button_get_active (self->task_checks->pdata[i]))
      g_strv_builder_add (tasks, g_object_get_data (self->task_checks->pdata[i], "task-id"));
  task_ids = g_strv_builder_end (tasks);

  charter_scope_change_set_what (change, what);
  charter_scope_change_set_why (change, why);
  charter_scope_change_set_cost (change, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->cost_spin)));
  charter_scope_change_set_task_ids (change, (const char * const *) task_ids);
  return change;
}

static void
update_preview (CharterScopeChangeDialog *self)
{
  g_autoptr(CharterScopeChange) change = build_request (self, "preview");
  g_autoptr(GError) error = NULL;
  g_autofree char *now_name = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  g_autofree char *detail = NULL;
  int slip;

  if (self->what_if == NULL)
    return;

  if (!charter_what_if_launch (self->what_if, NULL, NULL, &self->now_day, &now_name, &error))
    {
      gtk_label_set_label (GTK_LABEL (self->now_label), "—");
      gtk_label_set_label (GTK_LABEL (self->now_detail), error->message);
      gtk_label_set_label (GTK_LABEL (self->then_label), "—");
      gtk_label_set_label (GTK_LABEL (self->then_detail), "");
      return;
    }
  charter_what_if_launch (self->what_if, change, NULL, &self->then_day, NULL, NULL);

  now_text = format_launch (self->now_day);
  then_text = format_launch (self->then_day);
  gtk_label_set_label (GTK_LABEL (self->now_label), now_text);
  gtk_label_set_label (GTK_LABEL (self->then_label), then_text);
  gtk_label_set_label (GTK_LABEL (self->now_detail), now_name != NULL ? now_name : _("No tasks yet"));

  slip = charter_what_if_slip_days (self->what_if, self->now_day, self->then_day);
  if (slip > 0)
    /* Translators: the what-if preview, "4 working days later" */
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day later", "%d working days later", slip),
                              slip);
  else
    detail = g_strdup (_("The launch does not move"));
  gtk_label_set_label (GTK_LABEL (self->then_detail), detail);
  if (slip > 0)
    gtk_widget_add_css_class (self->then_detail, "warning");
  else
    gtk_widget_remove_css_class (self->then_detail, "warning");
}

static gboolean
preview_idle_cb (gpointer user_data)
{
  CharterScopeChangeDialog *self = user_data;

  self->preview_id = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
queue_preview (CharterScopeChangeDialog *self)
{
  if (self->preview_id == 0)
    self->preview_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, preview_idle_cb, self, NULL);
}

static void
update_raise (CharterScopeChangeDialog *self)
{
  g_autofree char *what = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->what_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.raise",
                                 self->document != NULL && !charter_document_get_read_only (self->document) &&
                                 what[0] != '\0');
}

static GtkWidget *
task_row (CharterScopeChangeDialog *self,
          CharterTask              *task,
          gboolean                  active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  int days = charter_task_get_duration (task);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), charter_task_get_name (task));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day planned", "%d working days planned", days),
                              days);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  charter_task_get_name (task), -1);
  g_object_set_data_full (G_OBJECT (check), "task-id",
                          g_strdup (charter_item_get_id (CHARTER_ITEM (task))), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (queue_preview), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->task_checks, check);
  return row;
}

static void
build_tasks (CharterScopeChangeDialog *self)
{
  GListModel *tasks = charter_document_get_tasks (self->document);
  CharterTask *given = self->task_id != NULL
                       ? charter_document_find (self->document, tasks, self->task_id) : NULL;
  guint n = g_list_model_get_n_items (tasks);

  if (given != NULL && !charter_task_get_milestone (given))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->tasks_group), task_row (self, given, TRUE));
  for (guint i = 0; i < n && self->task_checks->len < MAX_TASK_ROWS; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

      if (task == given || charter_task_get_milestone (task))
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->tasks_group), task_row (self, task, FALSE));
    }
  if (self->task_checks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The plan has no tasks yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->tasks_group), row);
    }
}

/* Callbacks */

static void
on_form_changed_cb (CharterScopeChangeDialog *self)
{
  update_raise (self);
  queue_preview (self);
}

static void
on_what_activated_cb (CharterScopeChangeDialog *self)
{
  gtk_widget_grab_focus (self->why_row);
}

/* Actions */

static void
raise_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CharterScopeChangeDialog *self = CHARTER_SCOPE_CHANGE_DIALOG (widget);
  GListModel *changes;
  g_autofree char *id = NULL;
  g_autoptr(CharterScopeChange) change = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (self->document == NULL || charter_document_get_read_only (self->document))
    return;
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->cost_spin));
  changes = charter_document_get_scope_changes (self->document);
  id = charter_document_make_id (self->document, changes, "change");
  change = build_request (self, id);
  if (charter_scope_change_get_what (change) == NULL)
    return;
  charter_scope_change_set_raised_on (change, today);
  charter_scope_change_set_decision (change, CHARTER_SCOPE_DECISION_PENDING);
  /* One step: "Add Export to CSV". */
  charter_document_append (self->document, changes, change);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
charter_scope_change_dialog_constructed (GObject *object)
{
  CharterScopeChangeDialog *self = (CharterScopeChangeDialog *) object;
  CharterTask *task;

  G_OBJECT_CLASS (charter_scope_change_dialog_parent_class)->constructed (object);

  if (self->document == NULL)
    return;
  self->what_if = charter_what_if_new (self->document);
  build_tasks (self);
  task = self->task_id != NULL
         ? charter_document_find (self->document, charter_document_get_tasks (self->document), self->task_id)
         : NULL;
  if (task != NULL)
    {
      /* Translators: the title of a change request raised from a task */
      g_autofree char *title = g_strdup_printf (_("Change Request: %s"), charter_task_get_name (task));

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  update_raise (self);
  update_preview (self);
  gtk_widget_grab_focus (self->what_row);
}

static void
charter_scope_change_dialog_dispose (GObject *object)
{
  CharterScopeChangeDialog *self = (CharterScopeChangeDialog *) object;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_SCOPE_CHANGE_DIALOG);
  g_clear_object (&self->what_if);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (charter_scope_change_dialog_parent_class)->dispose (object);
}

static void
charter_scope_change_dialog_finalize (GObject *object)
{
  CharterScopeChangeDialog *self = (CharterScopeChangeDialog *) object;

  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->task_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (charter_scope_change_dialog_parent_class)->finalize (object);
}

static void
charter_scope_change_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CharterScopeChangeDialog *self = CHARTER_SCOPE_CHANGE_DIALOG (object);

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
charter_scope_change_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  CharterScopeChangeDialog *self = CHARTER_SCOPE_CHANGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;

    case PROP_TASK_ID:
      {
        const char *id = g_value_get_string (value);

        g_free (self->task_id);
        self->task_id = (id != NULL && id[0] != '\0') ? g_strdup (id) : NULL;
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_scope_change_dialog_class_init (CharterScopeChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = charter_scope_change_dialog_constructed;
  object_class->dispose = charter_scope_change_dialog_dispose;
  object_class->finalize = charter_scope_change_dialog_finalize;
  object_class->get_property = charter_scope_change_dialog_get_property;
  object_class->set_property = charter_scope_change_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TASK_ID] =
    g_param_spec_string ("task-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-scope-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, raise_button);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, now_label);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, now_detail);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, then_label);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, then_detail);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, why_row);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterScopeChangeDialog, tasks_group);

  gtk_widget_class_install_action (widget_class, "request.raise", NULL, raise_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
charter_scope_change_dialog_init (CharterScopeChangeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->task_checks = g_ptr_array_new ();

  g_signal_connect_swapped (self->what_row, "changed", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->what_row, "entry-activated", G_CALLBACK (on_what_activated_cb), self);
  g_signal_connect_swapped (self->cost_spin, "value-changed", G_CALLBACK (on_form_changed_cb), self);
}

/* Public API */

/**
 * charter_scope_change_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @document: the document the request is for
 * @task_id: (nullable): the task it was raised from, ticked at the top
 *
 * Returns: (transfer floating): a new change-request dialog
 */
GtkWidget *
charter_scope_change_dialog_new (GtkWindow       *parent,
                                 CharterDocument *document,
                                 const char      *task_id)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  return g_object_new (CHARTER_TYPE_SCOPE_CHANGE_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       "task-id", task_id,
                       NULL);
}

CharterDocument *
charter_scope_change_dialog_get_document (CharterScopeChangeDialog *self)
{
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE_DIALOG (self), NULL);

  return self->document;
}

void
charter_scope_change_dialog_get_preview (CharterScopeChangeDialog *self,
                                         guint32                  *now_day,
                                         guint32                  *then_day)
{
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE_DIALOG (self));

  if (self->preview_id != 0)
    {
      g_clear_handle_id (&self->preview_id, g_source_remove);
      update_preview (self);
    }
  if (now_day != NULL)
    *now_day = self->now_day;
  if (then_day != NULL)
    *then_day = self->then_day;
}
