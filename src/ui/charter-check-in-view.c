/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-check-in-view.c: the Check-ins place of the Program workspace —
 * the check-ins of a plan (new, pick, delete) and, for the one picked, one
 * table for the meeting: each task in flight on its date with its state,
 * percent complete, remaining working days, blockers and notes.
 *
 * "In flight" is read from the schedule the meeting starts from (the plan
 * as of the check-in before): tasks started on or before the date and not
 * finished before it, plus every task this check-in already says something
 * about. A task with nothing said is "no change": no status is written for
 * it until someone changes a field. Every edit is a "check-ins." action that
 * writes through charter_document_set()/append/remove in one labelled undo
 * step. The rows are rebuilt only when the check-in or the set of tasks
 * changes, so a field keeps its focus while the schedule follows edits. */

#define G_LOG_DOMAIN "charter-check-in-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-check-in-view.h"
#include "charter-accessible.h"
#include "charter-editor-session.h"
#include "charter-timeline-geometry.h"

enum
{
  COLUMN_TASK,
  COLUMN_STATE,
  COLUMN_PERCENT,
  COLUMN_REMAINING,
  COLUMN_BLOCKERS,
  COLUMN_NOTES,
  COLUMN_MENU,
};

typedef struct
{
  char        *task_id;
  GtkDropDown *state;
  GtkEntry    *percent;
  GtkEntry    *remaining;
  GtkEntry    *blockers;
  GtkEntry    *notes;
} Row;

struct _CharterCheckInView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkEntry         *date_entry;
  GtkButton        *add_button;
  GtkLabel         *error_label;
  GtkListBox       *check_ins_list;
  GtkLabel         *explanation_label;
  GtkLabel         *table_title;
  GtkLabel         *empty_label;
  GtkGrid          *table;

  /* Owned */
  CharterDocument  *document;
  CharterScheduler *scheduler;
  GSignalGroup     *document_signals;
  GSignalGroup     *scheduler_signals;
  char             *selected_id;
  char             *list_signature;
  char             *table_signature;
  GPtrArray        *rows;          /* of Row, in table order */

  gboolean          syncing;
  gboolean          stale;         /* changed while not shown */
};

static void charter_check_in_view_set_document  (CharterCheckInView *self,
                                                 CharterDocument    *document);
static void charter_check_in_view_set_scheduler (CharterCheckInView *self,
                                                 CharterScheduler   *scheduler);
static void update_all                          (CharterCheckInView *self);

G_DEFINE_FINAL_TYPE (CharterCheckInView, charter_check_in_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The state dropdown's rows: "No change", then CharterTaskState in order. */
static const char *state_names[] = {
  N_("No change"), N_("On track"), N_("At risk"), N_("Blocked"), N_("Done"),
};

/* ---- Helpers ---------------------------------------------------------- */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->task_id);
  g_free (row);
}

static guint32
julian_from_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !charter_editor_parse_date (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format_iso (const char *iso)
{
  guint32 day = julian_from_iso (iso);

  if (day == 0)
    return g_strdup (iso ? iso : "");
  /* Translators: a check-in's date in the list, strftime format */
  return charter_timeline_format_day (day, _("%a %-d %B %Y"));
}

static gboolean
editable (CharterCheckInView *self)
{
  return self->document != NULL && !charter_document_get_read_only (self->document);
}

static CharterCheckIn *
find_check_in (CharterCheckInView *self,
               const char         *id)
{
  if (self->document == NULL || id == NULL)
    return NULL;
  return charter_document_find (self->document, charter_document_get_check_ins (self->document), id);
}

static CharterTaskStatus *
find_status (CharterCheckIn *check_in,
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

static const char *
task_name (CharterCheckInView *self,
           const char         *task_id)
{
  CharterTask *task = charter_document_find (self->document, charter_document_get_tasks (self->document), task_id);

  if (task == NULL)
    return task_id;
  return charter_item_get_display_name (CHARTER_ITEM (task));
}

/* The check-in's position in the schedule's date order, or -1. */
static int
schedule_index (CharterSchedule *schedule,
                const char      *check_in_id)
{
  for (guint i = 0; i < charter_schedule_get_n_check_ins (schedule); i++)
    if (g_strcmp0 (charter_schedule_get_check_in_id (schedule, i), check_in_id) == 0)
      return i;
  return -1;
}

/* The schedule the meeting of @check_in starts from: the plan as of the
 * check-in before it (or without check-ins for the first). */
static CharterSchedule *
schedule_before (CharterCheckInView *self,
                 CharterCheckIn     *check_in)
{
  CharterSchedule *schedule;
  int index;

  if (self->scheduler == NULL || check_in == NULL)
    return NULL;
  schedule = charter_scheduler_get_schedule (self->scheduler);
  if (schedule == NULL)
    return NULL;
  index = schedule_index (schedule, charter_item_get_id (CHARTER_ITEM (check_in)));
  return charter_schedule_reforecast (schedule, index < 0 ? -1 : index - 1, NULL);
}

/* Tasks in flight on @check_in's date, in document order. */
static GPtrArray *
tasks_in_flight (CharterCheckInView *self,
                 CharterCheckIn     *check_in,
                 CharterSchedule    *before)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *tasks = charter_document_get_tasks (self->document);
  guint32 day = julian_from_iso (charter_check_in_get_date (check_in));

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      gboolean in_flight = find_status (check_in, id) != NULL;

      if (!in_flight && before != NULL && day != 0)
        {
          const CharterTaskDates *dates = charter_schedule_get_task_dates (before, id);
          gint32 index = charter_schedule_get_task_index (before, id);

          in_flight = dates != NULL && dates->duration > 0 &&
                      dates->early_start <= day && dates->early_finish >= day &&
                      !(index >= 0 && charter_schedule_is_done (before, index));
        }
      if (in_flight)
        g_ptr_array_add (ids, g_strdup (id));
    }
  return ids;
}

static void
set_error (CharterCheckInView *self,
           const char         *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Opens one undo step for an edit of @task_id's status in @check_in,
 * creating the status (on track, nothing else said) if there is none. */
static CharterTaskStatus *
begin_status_edit (CharterCheckInView *self,
                   CharterCheckIn     *check_in,
                   const char         *task_id,
                   const char         *label)
{
  CharterTaskStatus *status = find_status (check_in, task_id);

  charter_document_begin_group (self->document, label);
  if (status == NULL)
    {
      GListModel *statuses = charter_check_in_get_statuses (check_in);
      g_autofree char *id = g_strdup_printf ("%s-%s", charter_item_get_id (CHARTER_ITEM (check_in)), task_id);
      g_autoptr(CharterTaskStatus) created = NULL;

      /* As the example files name them, "c2-api"; unique otherwise. */
      if (charter_document_find (self->document, statuses, id) != NULL)
        {
          g_free (id);
          id = charter_document_make_id (self->document, statuses, "status");
        }
      created = charter_task_status_new (id);

      charter_task_status_set_task_id (created, task_id);
      charter_document_append (self->document, statuses, created);
      status = created;
    }
  return status;
}

/* ---- Syncing ---------------------------------------------------------- */

static gboolean
has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
sync_entry (GtkEntry   *entry,
            const char *text)
{
  if (has_focus (GTK_WIDGET (entry)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
sync_rows (CharterCheckInView *self,
           CharterCheckIn     *check_in,
           CharterSchedule    *before)
{
  guint32 day = julian_from_iso (charter_check_in_get_date (check_in));

  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      CharterTaskStatus *status = find_status (check_in, row->task_id);
      const CharterTaskDates *dates = before ? charter_schedule_get_task_dates (before, row->task_id) : NULL;
      g_autofree char *percent = NULL;
      g_autofree char *remaining = NULL;
      g_autofree char *planned_percent = NULL;
      g_autofree char *planned_remaining = NULL;

      gtk_drop_down_set_selected (row->state, status ? charter_task_status_get_state (status) + 1 : 0);
      if (status != NULL)
        {
          percent = g_strdup_printf ("%d", charter_task_status_get_percent_complete (status));
          if (charter_task_status_get_remaining (status) >= 0)
            remaining = g_strdup_printf ("%d", charter_task_status_get_remaining (status));
        }
      sync_entry (row->percent, percent);
      sync_entry (row->remaining, remaining);
      sync_entry (row->blockers, status ? charter_task_status_get_blockers (status) : NULL);
      sync_entry (row->notes, status ? charter_task_status_get_notes (status) : NULL);

      /* What the plan says, as the placeholder of a field nothing was said in. */
      if (dates != NULL && day != 0)
        {
          int left = MAX (charter_schedule_get_slip_days (before, day, dates->early_finish), 0);
          int done = dates->duration > 0 ? 100 * MAX (dates->duration - left, 0) / dates->duration : 100;

          planned_percent = g_strdup_printf ("%d", CLAMP (done, 0, 100));
          planned_remaining = g_strdup_printf ("%d", left);
        }
      gtk_entry_set_placeholder_text (row->percent, planned_percent);
      gtk_entry_set_placeholder_text (row->remaining, planned_remaining);
    }
  self->syncing = FALSE;
}

/* ---- Callbacks -------------------------------------------------------- */

static void
on_state_selected_cb (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      CharterCheckInView *self)
{
  const char *task_id = g_object_get_data (G_OBJECT (dropdown), "task-id");

  if (self->syncing || self->selected_id == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "check-ins.set-state", "(ssi)", self->selected_id,
                              task_id, (int) gtk_drop_down_get_selected (dropdown) - 1);
}

static void
commit_field (CharterCheckInView *self,
              GtkEntry           *entry)
{
  const char *task_id = g_object_get_data (G_OBJECT (entry), "task-id");
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  CharterCheckIn *check_in = find_check_in (self, self->selected_id);
  CharterTaskStatus *status = check_in ? find_status (check_in, task_id) : NULL;

  if (self->syncing || check_in == NULL)
    return;

  if (g_str_equal (field, "percent-complete") || g_str_equal (field, "remaining"))
    {
      gboolean remaining = g_str_equal (field, "remaining");
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      gint64 value = -1;
      int current = -1;

      if (status != NULL)
        current = remaining ? charter_task_status_get_remaining (status)
                            : charter_task_status_get_percent_complete (status);
      if (*stripped == '\0')
        {
          /* Emptied: nothing said about it (an unsaid status stays unsaid). */
          if (status == NULL || current == (remaining ? -1 : 0))
            return;
          value = remaining ? -1 : 0;
        }
      else if (!g_ascii_string_to_signed (stripped, 10, 0, remaining ? 100000 : 100, &value, NULL))
        {
          g_autofree char *message = remaining
            ? g_strdup_printf (_("“%s” is not a number of working days for “%s”: write 0 or more"),
                               text, task_name (self, task_id))
            : g_strdup_printf (_("“%s” is not a percentage for “%s”: write 0 to 100"),
                               text, task_name (self, task_id));
          set_error (self, message);
          return;
        }
      if (status != NULL && value == current)
        return;
      gtk_widget_activate_action (GTK_WIDGET (self),
                                  remaining ? "check-ins.set-remaining" : "check-ins.set-percent",
                                  "(ssi)", self->selected_id, task_id, (int) value);
      return;
    }

  if (g_strcmp0 (text, status ? (g_str_equal (field, "blockers")
                                 ? charter_task_status_get_blockers (status)
                                 : charter_task_status_get_notes (status)) : NULL) == 0 ||
      (status == NULL && *text == '\0'))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "check-ins.set-text", "(ssss)", self->selected_id,
                              task_id, field, text);
}

static void
on_field_activate_cb (GtkEntry           *entry,
                      CharterCheckInView *self)
{
  commit_field (self, entry);
  /* Enter moves on through the table, as Tab does. */
  gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (entry))), GTK_DIR_TAB_FORWARD);
}

static void
on_field_leave_cb (GtkEventControllerFocus *focus,
                   CharterCheckInView      *self)
{
  commit_field (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static GtkEntry *
make_field (CharterCheckInView *self,
            const char         *task_id,
            const char         *field,
            const char         *accessible_name,
            int                 width_chars,
            gboolean            numeric)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  if (numeric)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
    }
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_widget_set_tooltip_text (entry, accessible_name);
  g_object_set_data_full (G_OBJECT (entry), "task-id", g_strdup (task_id), g_free);
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect (entry, "activate", G_CALLBACK (on_field_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return GTK_ENTRY (entry);
}

static GtkWidget *
make_header (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
clear_table (CharterCheckInView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  g_ptr_array_set_size (self->rows, 0);
}

static void
build_table (CharterCheckInView *self,
             CharterCheckIn     *check_in,
             GPtrArray          *task_ids)
{
  clear_table (self);
  if (task_ids->len == 0)
    return;

  gtk_grid_attach (self->table, make_header (_("Task")), COLUMN_TASK, 0, 1, 1);
  gtk_grid_attach (self->table, make_header (_("State")), COLUMN_STATE, 0, 1, 1);
  /* xgettext:no-c-format */
  gtk_grid_attach (self->table, make_header (_("% Complete")), COLUMN_PERCENT, 0, 1, 1);
  gtk_grid_attach (self->table, make_header (_("Days Left")), COLUMN_REMAINING, 0, 1, 1);
  gtk_grid_attach (self->table, make_header (_("Blockers")), COLUMN_BLOCKERS, 0, 1, 1);
  gtk_grid_attach (self->table, make_header (_("Notes")), COLUMN_NOTES, 0, 1, 1);

  for (guint i = 0; i < task_ids->len; i++)
    {
      const char *task_id = g_ptr_array_index (task_ids, i);
      const char *name = task_name (self, task_id);
      Row *row = g_new0 (Row, 1);
      g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *request;
      g_autofree char *state_name = g_strdup_printf (_("State of “%s”"), name);
      g_autofree char *percent_name = g_strdup_printf (_("Percent complete of “%s”"), name);
      g_autofree char *remaining_name = g_strdup_printf (_("Working days left for “%s”"), name);
      g_autofree char *blockers_name = g_strdup_printf (_("Blockers of “%s”"), name);
      g_autofree char *notes_name = g_strdup_printf (_("Notes on “%s”"), name);
      g_autofree char *request_name = g_strdup_printf (_("Raise a change request about “%s”"), name);

      row->task_id = g_strdup (task_id);
      for (guint s = 0; s < G_N_ELEMENTS (state_names); s++)
        gtk_string_list_append (states, _(state_names[s]));
      row->state = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&states)), NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->state), GTK_ACCESSIBLE_PROPERTY_LABEL, state_name, -1);
      charter_accessible_repair (GTK_WIDGET (row->state));
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->state), state_name);
      g_object_set_data_full (G_OBJECT (row->state), "task-id", g_strdup (task_id), g_free);
      g_signal_connect (row->state, "notify::selected", G_CALLBACK (on_state_selected_cb), self);

      row->percent = make_field (self, task_id, "percent-complete", percent_name, 4, TRUE);
      row->remaining = make_field (self, task_id, "remaining", remaining_name, 4, TRUE);
      row->blockers = make_field (self, task_id, "blockers", blockers_name, 16, FALSE);
      row->notes = make_field (self, task_id, "notes", notes_name, 16, FALSE);

      /* The loop back to the product manager: the action is the Spec's
       * (win.request-scope-change); without it the button is insensitive. */
      request = gtk_button_new_from_icon_name ("mail-send-symbolic");
      gtk_widget_add_css_class (request, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (request), GTK_ACCESSIBLE_PROPERTY_LABEL, request_name, -1);
      gtk_widget_set_tooltip_text (request, request_name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (request), "win.request-scope-change");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (request), "s", task_id);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      gtk_widget_set_tooltip_text (label, name);
      gtk_grid_attach (self->table, label, COLUMN_TASK, i + 1, 1, 1);
      gtk_grid_attach (self->table, GTK_WIDGET (row->state), COLUMN_STATE, i + 1, 1, 1);
      gtk_grid_attach (self->table, GTK_WIDGET (row->percent), COLUMN_PERCENT, i + 1, 1, 1);
      gtk_grid_attach (self->table, GTK_WIDGET (row->remaining), COLUMN_REMAINING, i + 1, 1, 1);
      gtk_grid_attach (self->table, GTK_WIDGET (row->blockers), COLUMN_BLOCKERS, i + 1, 1, 1);
      gtk_grid_attach (self->table, GTK_WIDGET (row->notes), COLUMN_NOTES, i + 1, 1, 1);
      gtk_grid_attach (self->table, request, COLUMN_MENU, i + 1, 1, 1);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_row_selected_cb (CharterCheckInView *self,
                    GtkListBoxRow      *row,
                    GtkListBox         *list)
{
  if (row == NULL || self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "check-ins.select", "s", gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_add_clicked_cb (CharterCheckInView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "check-ins.add", "s",
                              gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
}

static GtkWidget *
make_check_in_row (CharterCheckInView *self,
                   CharterCheckIn     *check_in,
                   gboolean            latest)
{
  const char *id = charter_item_get_id (CHARTER_ITEM (check_in));
  g_autofree char *day = format_iso (charter_check_in_get_date (check_in));
  g_autofree char *title = latest ? g_strdup_printf (_("%s (latest: the status date)"), day) : g_strdup (day);
  g_autofree char *delete_name = g_strdup_printf (_("Delete the check-in of %s"), day);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GListModel *statuses = charter_check_in_get_statuses (check_in);
  guint n = g_list_model_get_n_items (statuses);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task reported", "%u tasks reported", n), n);

  gtk_widget_set_name (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  gtk_widget_set_tooltip_text (delete, delete_name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "check-ins.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

/* Check-ins in date order, newest first (the list shows them so). */
static GPtrArray *
sorted_check_ins (CharterCheckInView *self)
{
  GListModel *check_ins = charter_document_get_check_ins (self->document);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      CharterCheckIn *check_in = g_list_model_get_item (check_ins, i);
      guint at = 0;

      /* Stable on equal dates: later in the file is newer, as the engine reads it. */
      while (at < sorted->len &&
             g_strcmp0 (charter_check_in_get_date (g_ptr_array_index (sorted, at)),
                        charter_check_in_get_date (check_in)) > 0)
        at++;
      g_ptr_array_insert (sorted, at, check_in);
    }
  return sorted;
}

static void
update_list (CharterCheckInView *self)
{
  g_autoptr(GPtrArray) sorted = sorted_check_ins (self);
  g_autoptr(GString) signature = g_string_new (NULL);
  GtkWidget *child;

  for (guint i = 0; i < sorted->len; i++)
    {
      CharterCheckIn *check_in = g_ptr_array_index (sorted, i);

      g_string_append_printf (signature, "%s|%s|%u;", charter_item_get_id (CHARTER_ITEM (check_in)),
                              charter_check_in_get_date (check_in),
                              g_list_model_get_n_items (charter_check_in_get_statuses (check_in)));
    }

  /* Keep the selection on a check-in that exists; else the latest. */
  if (find_check_in (self, self->selected_id) == NULL)
    {
      g_free (self->selected_id);
      self->selected_id = sorted->len > 0
        ? g_strdup (charter_item_get_id (g_ptr_array_index (sorted, 0))) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  self->syncing = TRUE;
  if (g_strcmp0 (signature->str, self->list_signature) != 0)
    {
      g_free (self->list_signature);
      self->list_signature = g_strdup (signature->str);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->check_ins_list))) != NULL)
        gtk_list_box_remove (self->check_ins_list, child);
      for (guint i = 0; i < sorted->len; i++)
        gtk_list_box_append (self->check_ins_list, make_check_in_row (self, g_ptr_array_index (sorted, i), i == 0));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->check_ins_list), sorted->len > 0);
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->check_ins_list, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), self->selected_id) == 0)
        gtk_list_box_select_row (self->check_ins_list, row);
    }
  self->syncing = FALSE;
}

static void
update_explanation (CharterCheckInView *self)
{
  CharterSchedule *schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  g_autofree char *text = schedule ? charter_schedule_explain_check_in (schedule) : NULL;

  gtk_label_set_label (self->explanation_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), text != NULL);
}

static void
update_table (CharterCheckInView *self)
{
  CharterCheckIn *check_in = find_check_in (self, self->selected_id);
  g_autoptr(CharterSchedule) before = NULL;
  g_autoptr(GPtrArray) task_ids = NULL;
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;

  if (check_in == NULL)
    {
      clear_table (self);
      g_clear_pointer (&self->table_signature, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->table_title), FALSE);
      gtk_label_set_label (self->empty_label,
                           _("No check-ins yet. A check-in records, on a date, how each task in flight is "
                             "doing; the plan is reforecast from the latest one."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
      return;
    }

  /* One schedule per update: the plan as of the check-in before. */
  before = schedule_before (self, check_in);
  task_ids = tasks_in_flight (self, check_in, before);
  g_string_append_printf (signature, "%s;", self->selected_id);
  for (guint i = 0; i < task_ids->len; i++)
    g_string_append_printf (signature, "%s|%s;", (char *) g_ptr_array_index (task_ids, i),
                            task_name (self, g_ptr_array_index (task_ids, i)));
  if (g_strcmp0 (signature->str, self->table_signature) != 0)
    {
      g_free (self->table_signature);
      self->table_signature = g_strdup (signature->str);
      build_table (self, check_in, task_ids);
    }
  sync_rows (self, check_in, before);

  day = format_iso (charter_check_in_get_date (check_in));
  title = g_strdup_printf (_("Tasks in flight on %s"), day);
  gtk_label_set_label (self->table_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->table_title), TRUE);
  if (task_ids->len == 0)
    {
      CharterSchedule *schedule = before;
      g_autofree char *message = NULL;

      /* Say when the plan runs, so that a check-in outside it explains itself. */
      if (schedule != NULL && charter_schedule_get_n_tasks (schedule) > 0)
        {
          /* Translators: a date in "the plan runs from … to …", strftime format */
          g_autofree char *first = charter_timeline_format_day (charter_schedule_get_start (schedule), _("%a %-d %b %Y"));
          g_autofree char *last = charter_timeline_format_day (charter_schedule_get_finish (schedule), _("%a %-d %b %Y"));

          message = g_strdup_printf (_("No task is in flight on this date: the plan runs from %s to %s."), first, last);
        }
      gtk_label_set_label (self->empty_label, message ? message : _("No task is in flight on this date."));
    }
  else
    gtk_label_set_label (self->empty_label,
                         _("A task left at “No change” is on track as planned: nothing is written for it."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
}

static void
update_all (CharterCheckInView *self)
{
  self->stale = FALSE;
  if (self->document == NULL)
    return;
  update_list (self);
  update_explanation (self);
  update_table (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-ins.add", editable (self));
}

/* Each update schedules the plan once more (as of the check-in before),
 * so a hidden place only notes that it is stale and catches up when shown. */
static void
on_document_changed_cb (CharterCheckInView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_all (self);
  else
    self->stale = TRUE;
}

static void
on_schedule_changed_cb (CharterCheckInView *self)
{
  on_document_changed_cb (self);
}

/* ---- Actions ---------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (widget);
  g_autofree char *date = g_strstrip (g_variant_dup_string (parameter, NULL));
  g_autoptr(CharterCheckIn) check_in = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *day = NULL;
  GDate parsed;

  if (!editable (self))
    return;
  if (*date == '\0')
    {
      g_free (date);
      date = today_iso ();
    }
  if (!charter_editor_parse_date (date, &parsed))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write the check-in’s date as YYYY-MM-DD"), date);

      set_error (self, message);
      return;
    }
  set_error (self, NULL);

  id = charter_document_make_id (self->document, charter_document_get_check_ins (self->document), "check-in");
  check_in = charter_check_in_new (id);
  charter_check_in_set_date (check_in, date);
  day = format_iso (date);
  /* Translators: an Undo menu item */
  label = g_strdup_printf (_("New Check-in of %s"), day);
  charter_document_begin_group (self->document, label);
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  charter_document_append (self->document, charter_document_get_check_ins (self->document), check_in);
  charter_document_end_group (self->document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  update_all (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (widget);
  CharterCheckIn *check_in = find_check_in (self, g_variant_get_string (parameter, NULL));
  g_autofree char *label = NULL;
  g_autofree char *day = NULL;

  if (!editable (self) || check_in == NULL)
    return;
  day = format_iso (charter_check_in_get_date (check_in));
  /* Translators: an Undo menu item */
  label = g_strdup_printf (_("Delete Check-in of %s"), day);
  charter_document_begin_group (self->document, label);
  charter_document_remove (self->document, charter_document_get_check_ins (self->document), check_in);
  charter_document_end_group (self->document);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  charter_check_in_view_set_selected (CHARTER_CHECK_IN_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
set_date_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (widget);
  const char *id, *date;
  CharterCheckIn *check_in;
  GDate parsed;

  g_variant_get (parameter, "(&s&s)", &id, &date);
  check_in = find_check_in (self, id);
  if (!editable (self) || check_in == NULL)
    return;
  if (!charter_editor_parse_date (date, &parsed))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write the check-in’s date as YYYY-MM-DD"), date);

      set_error (self, message);
      return;
    }
  set_error (self, NULL);
  charter_document_set (self->document, check_in, "date", date, NULL);
}

static void
set_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (widget);
  const char *id, *task_id;
  int state;
  CharterCheckIn *check_in;
  CharterTaskStatus *status;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&si)", &id, &task_id, &state);
  check_in = find_check_in (self, id);
  if (!editable (self) || check_in == NULL || state < -1 || state > CHARTER_TASK_STATE_DONE)
    return;

  status = find_status (check_in, task_id);
  if (state < 0)
    {
      /* "No change": nothing said about the task in this check-in. */
      if (status == NULL)
        return;
      /* Translators: an Undo menu item */
      label = g_strdup_printf (_("No Change for “%s”"), task_name (self, task_id));
      charter_document_begin_group (self->document, label);
      charter_document_remove (self->document, charter_check_in_get_statuses (check_in), status);
      charter_document_end_group (self->document);
      return;
    }
  if (status != NULL && (int) charter_task_status_get_state (status) == state)
    return;

  /* Translators: an Undo menu item, "Set “Backend API” to At risk" */
  label = g_strdup_printf (_("Set “%s” to %s"), task_name (self, task_id), _(state_names[state + 1]));
  status = begin_status_edit (self, check_in, task_id, label);
  charter_document_set (self->document, status, "state", (CharterTaskState) state, NULL);
  if (state == CHARTER_TASK_STATE_DONE && charter_task_status_get_percent_complete (status) != 100)
    charter_document_set (self->document, status, "percent-complete", 100, NULL);
  charter_document_end_group (self->document);
}

static void
set_number (CharterCheckInView *self,
            GVariant           *parameter,
            const char         *property)
{
  const char *id, *task_id;
  int value;
  CharterCheckIn *check_in;
  CharterTaskStatus *status;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&si)", &id, &task_id, &value);
  check_in = find_check_in (self, id);
  if (!editable (self) || check_in == NULL)
    return;
  if (g_str_equal (property, "percent-complete") ? (value < 0 || value > 100) : value < -1)
    return;
  set_error (self, NULL);

  label = g_str_equal (property, "remaining")
    /* Translators: an Undo menu item */
    ? g_strdup_printf (_("Set Days Left for “%s”"), task_name (self, task_id))
    /* Translators: an Undo menu item */
    : g_strdup_printf (_("Set Percent Complete of “%s”"), task_name (self, task_id));
  status = begin_status_edit (self, check_in, task_id, label);
  charter_document_set (self->document, status, property, value, NULL);
  charter_document_end_group (self->document);
}

static void
set_percent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_number (CHARTER_CHECK_IN_VIEW (widget), parameter, "percent-complete");
}

static void
set_remaining_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_number (CHARTER_CHECK_IN_VIEW (widget), parameter, "remaining");
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (widget);
  const char *id, *task_id, *property, *text;
  CharterCheckIn *check_in;
  CharterTaskStatus *status;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&s&s&s)", &id, &task_id, &property, &text);
  check_in = find_check_in (self, id);
  if (!editable (self) || check_in == NULL ||
      !(g_str_equal (property, "blockers") || g_str_equal (property, "notes")))
    return;
  set_error (self, NULL);

  label = g_str_equal (property, "blockers")
    /* Translators: an Undo menu item */
    ? g_strdup_printf (_("Set Blockers of “%s”"), task_name (self, task_id))
    /* Translators: an Undo menu item */
    : g_strdup_printf (_("Set Notes on “%s”"), task_name (self, task_id));
  status = begin_status_edit (self, check_in, task_id, label);
  charter_document_set (self->document, status, property, *text ? text : NULL, NULL);
  charter_document_end_group (self->document);
}

/* ---- GObject ---------------------------------------------------------- */

static void
charter_check_in_view_map (GtkWidget *widget)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (widget);

  GTK_WIDGET_CLASS (charter_check_in_view_parent_class)->map (widget);
  if (self->stale)
    update_all (self);
}

static void
charter_check_in_view_dispose (GObject *object)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (object);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->scheduler_signals != NULL)
    g_signal_group_set_target (self->scheduler_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_CHECK_IN_VIEW);

  G_OBJECT_CLASS (charter_check_in_view_parent_class)->dispose (object);
}

static void
charter_check_in_view_finalize (GObject *object)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (object);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->scheduler_signals);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->selected_id);
  g_free (self->list_signature);
  g_free (self->table_signature);

  G_OBJECT_CLASS (charter_check_in_view_parent_class)->finalize (object);
}

static void
charter_check_in_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_check_in_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CharterCheckInView *self = CHARTER_CHECK_IN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_check_in_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCHEDULER:
      charter_check_in_view_set_scheduler (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      charter_check_in_view_set_selected (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_check_in_view_class_init (CharterCheckInViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_check_in_view_dispose;
  object_class->finalize = charter_check_in_view_finalize;
  object_class->get_property = charter_check_in_view_get_property;
  object_class->set_property = charter_check_in_view_set_property;
  widget_class->map = charter_check_in_view_map;

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
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_SELECTED, properties[PROP_SELECTED]);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-check-in-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, add_button);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, error_label);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, check_ins_list);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, table_title);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CharterCheckInView, table);

  gtk_widget_class_install_action (widget_class, "check-ins.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "check-ins.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "check-ins.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "check-ins.set-date", "(ss)", set_date_action);
  gtk_widget_class_install_action (widget_class, "check-ins.set-state", "(ssi)", set_state_action);
  gtk_widget_class_install_action (widget_class, "check-ins.set-percent", "(ssi)", set_percent_action);
  gtk_widget_class_install_action (widget_class, "check-ins.set-remaining", "(ssi)", set_remaining_action);
  gtk_widget_class_install_action (widget_class, "check-ins.set-text", "(ssss)", set_text_action);
}

static void
charter_check_in_view_init (CharterCheckInView *self)
{
  g_autofree char *today = today_iso ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  self->scheduler_signals = g_signal_group_new (CHARTER_TYPE_SCHEDULER);
  g_signal_group_connect_object (self->scheduler_signals, "notify::schedule",
                                 G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_entry, "activate", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->check_ins_list, "row-selected", G_CALLBACK (on_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
charter_check_in_view_new (void)
{
  return g_object_new (CHARTER_TYPE_CHECK_IN_VIEW, NULL);
}

static void
charter_check_in_view_set_document (CharterCheckInView *self,
                                    CharterDocument    *document)
{
  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_clear_pointer (&self->list_signature, g_free);
  g_clear_pointer (&self->table_signature, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  if (document != NULL)
    update_all (self);
  else
    clear_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
charter_check_in_view_set_scheduler (CharterCheckInView *self,
                                     CharterScheduler   *scheduler)
{
  if (self->scheduler == scheduler)
    return;
  g_set_object (&self->scheduler, scheduler);
  g_signal_group_set_target (self->scheduler_signals, scheduler);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

/**
 * charter_check_in_view_get_selected:
 * @self: the view
 *
 * Returns: (nullable): the id of the check-in whose table shows
 */
const char *
charter_check_in_view_get_selected (CharterCheckInView *self)
{
  g_return_val_if_fail (CHARTER_IS_CHECK_IN_VIEW (self), NULL);
  return self->selected_id;
}

void
charter_check_in_view_set_selected (CharterCheckInView *self,
                                    const char         *check_in_id)
{
  g_return_if_fail (CHARTER_IS_CHECK_IN_VIEW (self));

  if (g_strcmp0 (self->selected_id, check_in_id) == 0 || find_check_in (self, check_in_id) == NULL)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (check_in_id);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * charter_check_in_view_dup_task_ids:
 * @self: the view
 *
 * Returns: (transfer full): the ids of the tasks the table shows, in order
 */
char **
charter_check_in_view_dup_task_ids (CharterCheckInView *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  g_return_val_if_fail (CHARTER_IS_CHECK_IN_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    g_strv_builder_add (builder, ((Row *) g_ptr_array_index (self->rows, i))->task_id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/**
 * charter_check_in_view_get_explanation:
 * @self: the view
 *
 * Returns: what moved since the check-in before the latest, as shown
 */
const char *
charter_check_in_view_get_explanation (CharterCheckInView *self)
{
  g_return_val_if_fail (CHARTER_IS_CHECK_IN_VIEW (self), NULL);
  return gtk_label_get_label (self->explanation_label);
}

/**
 * charter_check_in_view_get_field:
 * @self: the view
 * @task_id: a task in the table
 * @column: 0 state, 1 percent, 2 remaining, 3 blockers, 4 notes, 5 the
 *   change-request button
 *
 * Returns: (transfer none) (nullable): the control (for tests and focus)
 */
GtkWidget *
charter_check_in_view_get_field (CharterCheckInView *self,
                                 const char         *task_id,
                                 guint               column)
{
  g_return_val_if_fail (CHARTER_IS_CHECK_IN_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->task_id, task_id) != 0)
        continue;
      return gtk_grid_get_child_at (self->table, COLUMN_STATE + column, i + 1);
    }
  return NULL;
}
