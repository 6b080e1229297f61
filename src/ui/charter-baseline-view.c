/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-baseline-view.c: the Baselines place of the Program workspace —
 * set a baseline (today's forecast of every task, named and dated), rename
 * and delete baselines, pick the one to compare with, and a table of each
 * task's baseline finish, forecast finish and slip in working days, with
 * the launch's slip above it (charter-baseline-comparison.h counts them).
 *
 * The file keeps no "compare with" choice, so the pick is this view's own
 * and starts at the newest baseline, the one the Timeline's ghost bars and
 * charter-cli use unless told otherwise. Every edit is a "baselines."
 * action, one labelled undo step. */

#define G_LOG_DOMAIN "charter-baseline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-baseline-comparison.h"
#include "charter-baseline-view.h"
#include "charter-timeline-geometry.h"

struct _CharterBaselineView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkEntry         *name_entry;
  GtkButton        *add_button;
  GtkLabel         *error_label;
  GtkListBox       *baselines_list;
  GtkLabel         *launch_label;
  GtkGrid          *table;

  /* Owned */
  CharterDocument  *document;
  CharterScheduler *scheduler;
  GSignalGroup     *document_signals;
  GSignalGroup     *scheduler_signals;
  char             *compare_id;     /* NULL: the newest */
  char             *list_signature;
  int               launch_slip;    /* G_MININT without a comparison */
  guint             n_rows;

  gboolean          syncing;
  gboolean          stale;          /* changed while not shown */
};

static void charter_baseline_view_set_document  (CharterBaselineView *self,
                                                 CharterDocument     *document);
static void charter_baseline_view_set_scheduler (CharterBaselineView *self,
                                                 CharterScheduler    *scheduler);

G_DEFINE_FINAL_TYPE (CharterBaselineView, charter_baseline_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_COMPARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ---------------------------------------------------------- */

static char *
iso_from_julian (guint32 julian)
{
  GDate date;
  char buffer[16];

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

static char *
format_day (guint32 julian)
{
  if (julian == 0)
    return g_strdup ("—");
  /* Translators: a finish date in the baselines table, strftime format */
  return charter_timeline_format_day (julian, _("%a %-d %b %Y"));
}

static char *
format_slip (int slip)
{
  if (slip == 0)
    return g_strdup (_("on time"));
  if (slip > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day late", "%d working days late", slip), slip);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day early", "%d working days early", -slip), -slip);
}

static gboolean
editable (CharterBaselineView *self)
{
  return self->document != NULL && !charter_document_get_read_only (self->document);
}

static CharterBaseline *
find_baseline (CharterBaselineView *self,
               const char          *id)
{
  if (self->document == NULL || id == NULL)
    return NULL;
  return charter_document_find (self->document, charter_document_get_baselines (self->document), id);
}

static CharterBaseline *
compared_baseline (CharterBaselineView *self)
{
  CharterBaseline *baseline = find_baseline (self, self->compare_id);

  if (baseline == NULL && self->document != NULL)
    baseline = charter_baseline_comparison_newest (self->document);
  return baseline;
}

static const char *
baseline_name (CharterBaseline *baseline)
{
  const char *name = charter_baseline_get_name (baseline);

  return name != NULL && *name ? name : charter_item_get_id (CHARTER_ITEM (baseline));
}

static void
set_error (CharterBaselineView *self,
           const char          *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell (const char *text,
      gboolean    header,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (header)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
    }
  else
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

/* ---- Syncing ---------------------------------------------------------- */

static void
on_name_activate_cb (GtkEntry            *entry,
                     CharterBaselineView *self)
{
  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "baselines.rename", "(ss)",
                              g_object_get_data (G_OBJECT (entry), "baseline-id"),
                              gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_name_leave_cb (GtkEventControllerFocus *focus,
                  CharterBaselineView     *self)
{
  on_name_activate_cb (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))), self);
}

static void
on_compare_toggled_cb (GtkCheckButton      *check,
                       CharterBaselineView *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "baselines.compare", "s",
                              g_object_get_data (G_OBJECT (check), "baseline-id"));
}

static GtkWidget *
make_baseline_row (CharterBaselineView *self,
                   CharterBaseline     *baseline,
                   GtkCheckButton     **group)
{
  const char *id = charter_item_get_id (CHARTER_ITEM (baseline));
  const char *name = baseline_name (baseline);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *compare = gtk_check_button_new_with_label (_("Compare"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *date = gtk_label_new (charter_baseline_get_date (baseline));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *compare_name = g_strdup_printf (_("Compare with “%s”"), name);
  g_autofree char *entry_name = g_strdup_printf (_("Name of the baseline “%s”"), name);
  g_autofree char *delete_name = g_strdup_printf (_("Delete the baseline “%s”"), name);

  gtk_widget_set_name (row, id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  if (*group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (compare), *group);
  else
    *group = GTK_CHECK_BUTTON (compare);
  g_object_set_data_full (G_OBJECT (compare), "baseline-id", g_strdup (id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (compare), GTK_ACCESSIBLE_PROPERTY_LABEL, compare_name, -1);
  g_signal_connect (compare, "toggled", G_CALLBACK (on_compare_toggled_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
  g_object_set_data_full (G_OBJECT (entry), "baseline-id", g_strdup (id), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (on_name_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_name_leave_cb), self);
  gtk_widget_add_controller (entry, focus);

  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "numeric");
  gtk_widget_add_css_class (delete, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  gtk_widget_set_tooltip_text (delete, delete_name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "baselines.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", id);

  gtk_box_append (GTK_BOX (box), compare);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_list (CharterBaselineView *self)
{
  GListModel *baselines = charter_document_get_baselines (self->document);
  CharterBaseline *compared = compared_baseline (self);
  g_autoptr(GString) signature = g_string_new (NULL);
  guint n = g_list_model_get_n_items (baselines);
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);

      g_string_append_printf (signature, "%s|%s|%s;", charter_item_get_id (CHARTER_ITEM (baseline)),
                              baseline_name (baseline), charter_baseline_get_date (baseline));
    }

  self->syncing = TRUE;
  if (g_strcmp0 (signature->str, self->list_signature) != 0)
    {
      GtkCheckButton *group = NULL;

      g_free (self->list_signature);
      self->list_signature = g_strdup (signature->str);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->baselines_list))) != NULL)
        gtk_list_box_remove (self->baselines_list, child);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);

          gtk_list_box_append (self->baselines_list, make_baseline_row (self, baseline, &group));
        }
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->baselines_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));
      GtkWidget *compare = gtk_widget_get_first_child (box);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (compare),
                                   compared != NULL &&
                                   g_strcmp0 (gtk_widget_get_name (child), charter_item_get_id (CHARTER_ITEM (compared))) == 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->baselines_list), n > 0);
  self->syncing = FALSE;
}

static void
update_table (CharterBaselineView *self)
{
  CharterSchedule *schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  CharterBaseline *baseline = compared_baseline (self);
  g_autoptr(CharterBaselineComparison) comparison = NULL;
  g_autofree char *launch_text = NULL;
  int launch, slip;
  guint row = 1;

  clear_grid (self->table);
  self->launch_slip = G_MININT;
  self->n_rows = 0;

  if (baseline == NULL)
    {
      gtk_label_set_label (self->launch_label,
                           _("No baseline yet. Set one when the plan is agreed: later forecasts are "
                             "compared with it, task by task, in working days."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->launch_label), "title-3");
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->launch_label), "title-3");
  if (schedule == NULL)
    {
      gtk_label_set_label (self->launch_label, _("The plan cannot be scheduled, so there is no forecast to compare."));
      return;
    }

  comparison = charter_baseline_comparison_new (schedule, baseline);
  launch = charter_schedule_get_launch (schedule);
  if (launch >= 0 && charter_baseline_comparison_get_launch_slip (comparison, &slip))
    {
      g_autofree char *day = format_day (charter_schedule_get_task_dates_at (schedule, launch)->early_finish);
      g_autofree char *slip_text = format_slip (slip);

      self->launch_slip = slip;
      /* Translators: "Launch Tue 18 May 2027: 3 working days late against “Approved plan”" */
      launch_text = g_strdup_printf (_("Launch %s: %s against “%s”"), day, slip_text, baseline_name (baseline));
    }
  else
    launch_text = g_strdup_printf (_("The launch is not in “%s”."), baseline_name (baseline));
  gtk_label_set_label (self->launch_label, launch_text);

  gtk_grid_attach (self->table, cell (_("Task"), TRUE, FALSE), 0, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Baseline Finish"), TRUE, FALSE), 1, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Forecast Finish"), TRUE, FALSE), 2, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Slip"), TRUE, TRUE), 3, 0, 1, 1);

  for (guint i = 0; i < charter_schedule_get_n_tasks (schedule); i++)
    {
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      guint32 baseline_start = 0, baseline_finish = 0;
      int task_slip = 0;
      gboolean in_baseline = charter_baseline_comparison_get_task (comparison, i, &baseline_start,
                                                                   &baseline_finish, &task_slip);
      g_autofree char *baseline_text = in_baseline ? format_day (baseline_finish) : g_strdup (_("not in the baseline"));
      g_autofree char *forecast_text = format_day (dates->early_finish);
      g_autofree char *slip_text = in_baseline ? format_slip (task_slip) : g_strdup ("—");
      GtkWidget *slip_cell = cell (slip_text, FALSE, TRUE);

      if (in_baseline && task_slip > 0)
        gtk_widget_add_css_class (slip_cell, "warning");
      gtk_grid_attach (self->table, cell (charter_schedule_get_task_name (schedule, i), FALSE, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->table, cell (baseline_text, FALSE, FALSE), 1, row, 1, 1);
      gtk_grid_attach (self->table, cell (forecast_text, FALSE, FALSE), 2, row, 1, 1);
      gtk_grid_attach (self->table, slip_cell, 3, row, 1, 1);
      row++;
      self->n_rows++;
    }
}

static void
update_all (CharterBaselineView *self)
{
  self->stale = FALSE;
  if (self->document == NULL)
    return;
  update_list (self);
  update_table (self);
}

/* A hidden place notes that it is stale and catches up when shown. */
static void
on_document_changed_cb (CharterBaselineView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_all (self);
  else
    self->stale = TRUE;
}

static void
on_add_clicked_cb (CharterBaselineView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "baselines.add", "s",
                              gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

/* ---- Actions ---------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (widget);
  CharterSchedule *schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  GListModel *baselines;
  g_autofree char *name = g_strstrip (g_variant_dup_string (parameter, NULL));
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(CharterBaseline) baseline = NULL;
  GListModel *entries;

  if (!editable (self))
    return;
  if (schedule == NULL)
    {
      set_error (self, _("The plan cannot be scheduled now, so there is no forecast to keep as a baseline."));
      return;
    }
  set_error (self, NULL);

  baselines = charter_document_get_baselines (self->document);
  if (*name == '\0')
    {
      g_free (name);
      /* Translators: the name of a baseline nobody named, "Baseline 2" */
      name = g_strdup_printf (_("Baseline %u"), g_list_model_get_n_items (baselines) + 1);
    }
  id = charter_document_make_id (self->document, baselines, "baseline");
  baseline = charter_baseline_new (id);
  charter_baseline_set_name (baseline, name);
  charter_baseline_set_date (baseline, today);
  entries = charter_baseline_get_entries (baseline);
  for (guint i = 0; i < charter_schedule_get_n_tasks (schedule); i++)
    {
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      g_autofree char *entry_id = g_strdup_printf ("%s-%s", id, charter_schedule_get_task_id (schedule, i));
      g_autoptr(CharterBaselineEntry) entry = charter_baseline_entry_new (entry_id);
      g_autofree char *start = iso_from_julian (dates->early_start);
      g_autofree char *finish = iso_from_julian (dates->early_finish);

      charter_baseline_entry_set_task_id (entry, charter_schedule_get_task_id (schedule, i));
      charter_baseline_entry_set_start (entry, start);
      charter_baseline_entry_set_finish (entry, finish);
      g_list_store_append (G_LIST_STORE (entries), entry);
    }

  /* Translators: an Undo menu item */
  label = g_strdup_printf (_("Set Baseline “%s”"), name);
  charter_document_begin_group (self->document, label);
  charter_document_append (self->document, baselines, baseline);
  charter_document_end_group (self->document);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  /* A new baseline is the one to compare with. */
  charter_baseline_view_set_compare_baseline (self, id);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (widget);
  const char *id, *name;
  CharterBaseline *baseline;
  g_autofree char *stripped = NULL;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  baseline = find_baseline (self, id);
  if (!editable (self) || baseline == NULL)
    return;
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      set_error (self, _("A baseline needs a name: the old one is kept."));
      update_all (self);
      return;
    }
  set_error (self, NULL);
  if (g_strcmp0 (stripped, charter_baseline_get_name (baseline)) == 0)
    return;
  charter_document_set (self->document, baseline, "name", stripped, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (widget);
  CharterBaseline *baseline = find_baseline (self, g_variant_get_string (parameter, NULL));
  g_autofree char *label = NULL;

  if (!editable (self) || baseline == NULL)
    return;
  /* Translators: an Undo menu item */
  label = g_strdup_printf (_("Delete Baseline “%s”"), baseline_name (baseline));
  charter_document_begin_group (self->document, label);
  charter_document_remove (self->document, charter_document_get_baselines (self->document), baseline);
  charter_document_end_group (self->document);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  charter_baseline_view_set_compare_baseline (CHARTER_BASELINE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/* ---- GObject ---------------------------------------------------------- */

static void
charter_baseline_view_map (GtkWidget *widget)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (widget);

  GTK_WIDGET_CLASS (charter_baseline_view_parent_class)->map (widget);
  if (self->stale)
    update_all (self);
}

static void
charter_baseline_view_dispose (GObject *object)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (object);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->scheduler_signals != NULL)
    g_signal_group_set_target (self->scheduler_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_BASELINE_VIEW);

  G_OBJECT_CLASS (charter_baseline_view_parent_class)->dispose (object);
}

static void
charter_baseline_view_finalize (GObject *object)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (object);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->scheduler_signals);
  g_free (self->compare_id);
  g_free (self->list_signature);

  G_OBJECT_CLASS (charter_baseline_view_parent_class)->finalize (object);
}

static void
charter_baseline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    case PROP_COMPARE:
      g_value_set_string (value, self->compare_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_baseline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CharterBaselineView *self = CHARTER_BASELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_baseline_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCHEDULER:
      charter_baseline_view_set_scheduler (self, g_value_get_object (value));
      break;
    case PROP_COMPARE:
      charter_baseline_view_set_compare_baseline (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_baseline_view_class_init (CharterBaselineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_baseline_view_dispose;
  object_class->finalize = charter_baseline_view_finalize;
  object_class->get_property = charter_baseline_view_get_property;
  object_class->set_property = charter_baseline_view_set_property;
  widget_class->map = charter_baseline_view_map;

  /* A place of the Program workspace, not a workspace of the window: the
   * workspace binds these to its own (charter-availability-view.ui). */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL, CHARTER_TYPE_SCHEDULER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_DOCUMENT, properties[PROP_DOCUMENT]);
  g_object_class_install_property (object_class, PROP_SCHEDULER, properties[PROP_SCHEDULER]);
  properties[PROP_COMPARE] =
    g_param_spec_string ("compare-baseline", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_COMPARE, properties[PROP_COMPARE]);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-baseline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterBaselineView, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterBaselineView, add_button);
  gtk_widget_class_bind_template_child (widget_class, CharterBaselineView, error_label);
  gtk_widget_class_bind_template_child (widget_class, CharterBaselineView, baselines_list);
  gtk_widget_class_bind_template_child (widget_class, CharterBaselineView, launch_label);
  gtk_widget_class_bind_template_child (widget_class, CharterBaselineView, table);

  gtk_widget_class_install_action (widget_class, "baselines.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "baselines.rename", "(ss)", rename_action);
  gtk_widget_class_install_action (widget_class, "baselines.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "baselines.compare", "s", compare_action);
}

static void
charter_baseline_view_init (CharterBaselineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->launch_slip = G_MININT;
  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  self->scheduler_signals = g_signal_group_new (CHARTER_TYPE_SCHEDULER);
  g_signal_group_connect_object (self->scheduler_signals, "notify::schedule",
                                 G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
charter_baseline_view_new (void)
{
  return g_object_new (CHARTER_TYPE_BASELINE_VIEW, NULL);
}

static void
charter_baseline_view_set_document (CharterBaselineView *self,
                                    CharterDocument     *document)
{
  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_clear_pointer (&self->list_signature, g_free);
  g_clear_pointer (&self->compare_id, g_free);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
charter_baseline_view_set_scheduler (CharterBaselineView *self,
                                     CharterScheduler    *scheduler)
{
  if (self->scheduler == scheduler)
    return;
  g_set_object (&self->scheduler, scheduler);
  g_signal_group_set_target (self->scheduler_signals, scheduler);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

/**
 * charter_baseline_view_get_compare_baseline:
 * @self: the view
 *
 * Returns: (nullable): the id of the baseline picked to compare with;
 *   %NULL compares with the newest
 */
const char *
charter_baseline_view_get_compare_baseline (CharterBaselineView *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE_VIEW (self), NULL);
  return self->compare_id;
}

void
charter_baseline_view_set_compare_baseline (CharterBaselineView *self,
                                            const char          *baseline_id)
{
  g_return_if_fail (CHARTER_IS_BASELINE_VIEW (self));

  if (g_strcmp0 (self->compare_id, baseline_id) == 0)
    return;
  g_free (self->compare_id);
  self->compare_id = g_strdup (baseline_id);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

/**
 * charter_baseline_view_get_launch_slip:
 * @self: the view
 * @slip_days: (out): the launch's slip in working days, as shown
 *
 * Returns: whether the table compares the launch with a baseline
 */
gboolean
charter_baseline_view_get_launch_slip (CharterBaselineView *self,
                                       int                 *slip_days)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE_VIEW (self), FALSE);

  if (slip_days != NULL)
    *slip_days = self->launch_slip;
  return self->launch_slip != G_MININT;
}

/**
 * charter_baseline_view_get_n_rows:
 * @self: the view
 *
 * Returns: how many tasks the comparison table shows
 */
guint
charter_baseline_view_get_n_rows (CharterBaselineView *self)
{
  g_return_val_if_fail (CHARTER_IS_BASELINE_VIEW (self), 0);
  return self->n_rows;
}
