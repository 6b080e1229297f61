/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-timeline-view.c: the Timeline workspace — the Gantt chart of the
 * plan with its toolbar (zoom, today, launch, baseline), a one-line summary
 * of the launch, P80 and buffer, and the last change's effect in words. */

#define G_LOG_DOMAIN "charter-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-baseline-comparison.h"
#include "charter-timeline-view.h"
#include "charter-accessible.h"
#include "charter-gantt-chart.h"
#include "charter-style.h"
#include "charter-workspace.h"

struct _CharterTimelineView
{
  AdwBin             parent_instance;

  /* Template widgets */
  CharterGanttChart *chart;
  GtkDropDown       *baseline_dropdown;
  GtkLabel          *summary_label;
  GtkLabel          *error_label;
  GtkLabel          *status_label;
  GtkLabel          *help_label;

  /* Owned */
  CharterDocument   *document;
  CharterScheduler  *scheduler;
  GSignalGroup      *document_signals;
  GSignalGroup      *scheduler_signals;
  GPtrArray         *baseline_ids;  /* per dropdown row; NULL for "none" */
  gboolean           updating_baselines;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CharterTimelineView, charter_timeline_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CHARTER_TYPE_WORKSPACE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_summary (CharterTimelineView *self)
{
  CharterSchedule *schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  const GError *error = self->scheduler ? charter_scheduler_get_error (self->scheduler) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 launch, p80;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The plan cannot be scheduled: %s"), error->message);
      gtk_label_set_label (self->error_label, message);
    }

  if (schedule == NULL || charter_schedule_get_n_tasks (schedule) == 0)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  launch = charter_gantt_chart_get_launch_day (self->chart);
  if (launch != 0)
    {
      g_autofree char *day = charter_timeline_format_day (launch, _("%a %-d %b %Y"));
      g_string_append_printf (text, _("Launch %s"), day);
    }

  p80 = charter_gantt_chart_get_p80_day (self->chart);
  if (p80 != 0)
    {
      g_autofree char *day = charter_timeline_format_day (p80, _("%a %-d %b"));
      g_string_append (text, "  ·  ");
      g_string_append_printf (text, _("80%% sure by %s"), day);
    }

  if (charter_schedule_get_buffer_days (schedule) > 0)
    {
      int buffer = charter_schedule_get_buffer_days (schedule);

      g_string_append (text, "  ·  ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Buffer %d working day",
                                                 "Buffer %d working days", buffer), buffer);
    }

  gtk_label_set_label (self->summary_label, text->str);
}

static void
update_baselines (CharterTimelineView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *baselines;
  guint n;

  g_ptr_array_set_size (self->baseline_ids, 0);
  if (self->document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->baseline_dropdown), FALSE);
      return;
    }

  baselines = charter_document_get_baselines (self->document);
  n = g_list_model_get_n_items (baselines);
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_dropdown), n > 0);

  /* Only rebuild when the baselines changed: this runs after every edit. */
  {
    GListModel *current = gtk_drop_down_get_model (self->baseline_dropdown);

    if (current != NULL && g_list_model_get_n_items (current) == n + 1)
      {
        gboolean same = TRUE;

        for (guint i = 0; i < n && same; i++)
          {
            g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);
            same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (current), i),
                              charter_baseline_get_name (baseline)) == 0;
          }
        if (same)
          {
            for (guint i = 0; i < n; i++)
              {
                g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);
                g_ptr_array_add (self->baseline_ids, g_strdup (charter_item_get_id (CHARTER_ITEM (baseline))));
              }
            g_ptr_array_add (self->baseline_ids, g_strdup (""));
            return;
          }
      }
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);
      const char *name = charter_baseline_get_name (baseline);

      gtk_string_list_append (names, name ? name : charter_item_get_id (CHARTER_ITEM (baseline)));
      g_ptr_array_add (self->baseline_ids, g_strdup (charter_item_get_id (CHARTER_ITEM (baseline))));
    }
  gtk_string_list_append (names, _("No baseline"));
  g_ptr_array_add (self->baseline_ids, g_strdup (""));

  /* The ghosts compare with the newest baseline, as the Baselines place
   * and charter-cli do unless told otherwise. */
  {
    CharterBaseline *newest = charter_baseline_comparison_newest (self->document);
    guint selected = 0;

    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (g_ptr_array_index (self->baseline_ids, i),
                     newest ? charter_item_get_id (CHARTER_ITEM (newest)) : NULL) == 0)
        selected = i;
    self->updating_baselines = TRUE;
    gtk_drop_down_set_model (self->baseline_dropdown, G_LIST_MODEL (names));
    gtk_drop_down_set_selected (self->baseline_dropdown, selected);
    charter_gantt_chart_set_baseline (self->chart, n > 0 ? g_ptr_array_index (self->baseline_ids, selected) : NULL);
    self->updating_baselines = FALSE;
  }
}

static void
on_baseline_selected_cb (CharterTimelineView *self,
                         GParamSpec          *pspec,
                         GtkDropDown         *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_baselines || selected >= self->baseline_ids->len)
    return;

  charter_gantt_chart_set_baseline (self->chart, g_ptr_array_index (self->baseline_ids, selected));
}

static void
on_document_changed_cb (CharterTimelineView *self,
                        CharterDocument     *document)
{
  g_autofree char *feedback = NULL;

  update_baselines (self);
  /* Undo, Redo or another view's edit: the last change shown is no more
   * (the chart's own edits say what they did right after this). */
  g_object_get (self->chart, "drag-feedback", &feedback, NULL);
  if (feedback == NULL)
    gtk_label_set_label (self->status_label, "");
}

static void
on_schedule_changed_cb (CharterTimelineView *self,
                        GParamSpec          *pspec,
                        CharterScheduler    *scheduler)
{
  update_summary (self);
}

static void
on_chart_notify_cb (CharterTimelineView *self,
                    GParamSpec          *pspec,
                    CharterGanttChart   *chart)
{
  const char *text = NULL;

  if (g_str_equal (pspec->name, "p80-day"))
    {
      update_summary (self);
      return;
    }

  g_object_get (chart, "drag-feedback", &text, NULL);
  {
    g_autofree char *feedback = (char *) text;

    if (feedback != NULL)
      {
        g_strdelimit (feedback, "\n", ' ');
        gtk_label_set_label (self->status_label, feedback);
      }
    else if (charter_gantt_chart_get_message (chart) != NULL)
      gtk_label_set_label (self->status_label, charter_gantt_chart_get_message (chart));
  }
}

static void
go_action_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CharterTimelineView *self = CHARTER_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.go-today"))
    gtk_widget_activate_action (GTK_WIDGET (self->chart), "timeline.show-today", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->chart), "timeline.show-launch", NULL);
}

static void
charter_timeline_view_dispose (GObject *object)
{
  CharterTimelineView *self = (CharterTimelineView *) object;

  charter_timeline_view_set_scheduler (self, NULL);
  charter_timeline_view_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->scheduler_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_TIMELINE_VIEW);

  G_OBJECT_CLASS (charter_timeline_view_parent_class)->dispose (object);
}

static void
charter_timeline_view_finalize (GObject *object)
{
  CharterTimelineView *self = (CharterTimelineView *) object;

  g_clear_pointer (&self->baseline_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (charter_timeline_view_parent_class)->finalize (object);
}

static void
charter_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CharterTimelineView *self = CHARTER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;

    case PROP_ZOOM:
      g_value_set_int (value, charter_gantt_chart_get_zoom (self->chart));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CharterTimelineView *self = CHARTER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_timeline_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SCHEDULER:
      charter_timeline_view_set_scheduler (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      charter_gantt_chart_set_zoom (self->chart, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_chart_zoom_cb (CharterTimelineView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
charter_timeline_view_class_init (CharterTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_timeline_view_dispose;
  object_class->finalize = charter_timeline_view_finalize;
  object_class->get_property = charter_timeline_view_get_property;
  object_class->set_property = charter_timeline_view_set_property;

  charter_workspace_install_properties (object_class, PROP_DOCUMENT, PROP_SCHEDULER);
  properties[PROP_DOCUMENT] = g_object_class_find_property (object_class, "document");
  properties[PROP_SCHEDULER] = g_object_class_find_property (object_class, "scheduler");
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL,
                      CHARTER_TIMELINE_ZOOM_DAYS, CHARTER_TIMELINE_ZOOM_MONTHS, CHARTER_TIMELINE_ZOOM_WEEKS,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_property (object_class, PROP_ZOOM, properties[PROP_ZOOM]);

  g_type_ensure (CHARTER_TYPE_GANTT_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, CharterTimelineView, baseline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CharterTimelineView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CharterTimelineView, error_label);
  gtk_widget_class_bind_template_child (widget_class, CharterTimelineView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CharterTimelineView, help_label);

  gtk_widget_class_install_property_action (widget_class, "timeline.zoom-level", "zoom");
  gtk_widget_class_install_action (widget_class, "timeline.go-today", NULL, go_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.go-launch", NULL, go_action_cb);
}

static void
charter_timeline_view_init (CharterTimelineView *self)
{
  g_autofree char *help = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  /* The view follows the document and the scheduler it shows, and only while it shows them. */
  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  self->scheduler_signals = g_signal_group_new (CHARTER_TYPE_SCHEDULER);
  g_signal_group_connect_object (self->scheduler_signals, "notify",
                                 G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);
  self->baseline_ids = g_ptr_array_new_with_free_func (g_free);

  charter_style_ensure (gdk_display_get_default ());

  /* Escaped: a translation may hold “&” or “<”. */
  help = g_markup_printf_escaped ("<b>%s</b>\n%s\n\n<b>%s</b>\n%s",
                                  _("Reading the timeline"),
                                  /* xgettext:no-c-format */
                                  _("Bars are placed by the schedule, grouped by team (click a team to fold it). "
                                    "Critical tasks have a heavy outline and a dark band; a thin tail after a bar "
                                    "is its float. Shaded columns are weekends, more strongly shaded ones holidays; striped team colour "
                                    "marks days a team is committed elsewhere. Hollow grey bars under the bars are the "
                                    "baseline. The red line is the launch; red hatching on the axis marks days a launch "
                                    "may not fall on; the blue line is today; the dashed brown line the date the plan is "
                                    "80% sure to be done by, the amber band the project buffer."),
                                  _("Changing it"),
                                  _("Drag the right end of a bar to change its duration in working days; drag a bar to "
                                    "give it a “start no earlier than” date. Escape cancels a drag; Ctrl+Z undoes it.\n"
                                    "Keys: ↑/↓ select a bar · Shift+→/← one working day longer/shorter · "
                                    "Alt+→/← start a day later/earlier · Ctrl++/Ctrl+− or Ctrl+scroll zoom."));
  gtk_label_set_markup (self->help_label, help);

  g_signal_connect_object (self->baseline_dropdown, "notify::selected",
                           G_CALLBACK (on_baseline_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "notify::zoom", G_CALLBACK (on_chart_zoom_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "notify::message", G_CALLBACK (on_chart_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "notify::drag-feedback", G_CALLBACK (on_chart_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "notify::p80-day", G_CALLBACK (on_chart_notify_cb), self, G_CONNECT_SWAPPED);

  update_baselines (self);
}

GtkWidget *
charter_timeline_view_new (void)
{
  return g_object_new (CHARTER_TYPE_TIMELINE_VIEW, NULL);
}

CharterDocument *
charter_timeline_view_get_document (CharterTimelineView *self)
{
  g_return_val_if_fail (CHARTER_IS_TIMELINE_VIEW (self), NULL);

  return self->document;
}

void
charter_timeline_view_set_document (CharterTimelineView *self,
                                    CharterDocument     *document)
{
  g_return_if_fail (CHARTER_IS_TIMELINE_VIEW (self));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);

  if (self->chart != NULL)
    {
      charter_gantt_chart_set_document (self->chart, document);
      update_baselines (self);
      update_summary (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CharterScheduler *
charter_timeline_view_get_scheduler (CharterTimelineView *self)
{
  g_return_val_if_fail (CHARTER_IS_TIMELINE_VIEW (self), NULL);

  return self->scheduler;
}

void
charter_timeline_view_set_scheduler (CharterTimelineView *self,
                                     CharterScheduler    *scheduler)
{
  g_return_if_fail (CHARTER_IS_TIMELINE_VIEW (self));

  if (self->scheduler == scheduler)
    return;

  g_set_object (&self->scheduler, scheduler);
  /* After the chart's own handler, so the summary reads the new schedule. */
  if (self->chart != NULL)
    charter_gantt_chart_set_scheduler (self->chart, scheduler);
  g_signal_group_set_target (self->scheduler_signals, scheduler);

  if (self->chart != NULL)
    update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

GtkWidget *
charter_timeline_view_get_chart (CharterTimelineView *self)
{
  g_return_val_if_fail (CHARTER_IS_TIMELINE_VIEW (self), NULL);

  return GTK_WIDGET (self->chart);
}
