/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-trend-view.c: the Trend place of the Program workspace — the
 * milestone trend chart of the plan's check-ins, the sentence that says how
 * the launch moved, and "Raise Change Request…" (win.request-scope-change,
 * the Spec's; insensitive while no window provides it).
 *
 * A trend costs one schedule and a small simulation per check-in, so it is
 * made only while the place shows, from an idle after the schedule
 * changes, never on every keystroke elsewhere. */

#define G_LOG_DOMAIN "charter-trend-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-trend-view.h"

#define TREND_RUNS 300
#define TREND_SEED 1

struct _CharterTrendView
{
  AdwBin             parent_instance;

  /* Template widgets */
  CharterTrendChart *chart;
  GtkButton         *request_button;
  GtkLabel          *summary_label;

  /* Owned */
  CharterDocument   *document;
  CharterScheduler  *scheduler;
  GSignalGroup      *scheduler_signals;
  CharterSchedule   *drawn;          /* the schedule the chart shows */
  guint              update_id;
};

static void charter_trend_view_set_document  (CharterTrendView *self,
                                              CharterDocument  *document);
static void charter_trend_view_set_scheduler (CharterTrendView *self,
                                              CharterScheduler *scheduler);

G_DEFINE_FINAL_TYPE (CharterTrendView, charter_trend_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Callbacks -------------------------------------------------------- */

static gboolean
update_idle_cb (gpointer data)
{
  CharterTrendView *self = data;

  self->update_id = 0;
  charter_trend_view_update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (CharterTrendView *self)
{
  if (self->update_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_id = g_idle_add (update_idle_cb, self);
}

static void
on_schedule_changed_cb (CharterTrendView *self)
{
  queue_update (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
charter_trend_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (charter_trend_view_parent_class)->map (widget);
  queue_update (CHARTER_TREND_VIEW (widget));
}

static void
charter_trend_view_dispose (GObject *object)
{
  CharterTrendView *self = CHARTER_TREND_VIEW (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->scheduler_signals != NULL)
    g_signal_group_set_target (self->scheduler_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->drawn);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_TREND_VIEW);

  G_OBJECT_CLASS (charter_trend_view_parent_class)->dispose (object);
}

static void
charter_trend_view_finalize (GObject *object)
{
  CharterTrendView *self = CHARTER_TREND_VIEW (object);

  g_clear_object (&self->scheduler_signals);

  G_OBJECT_CLASS (charter_trend_view_parent_class)->finalize (object);
}

static void
charter_trend_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CharterTrendView *self = CHARTER_TREND_VIEW (object);

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
charter_trend_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CharterTrendView *self = CHARTER_TREND_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_trend_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCHEDULER:
      charter_trend_view_set_scheduler (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_trend_view_class_init (CharterTrendViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_trend_view_dispose;
  object_class->finalize = charter_trend_view_finalize;
  object_class->get_property = charter_trend_view_get_property;
  object_class->set_property = charter_trend_view_set_property;
  widget_class->map = charter_trend_view_map;

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

  g_type_ensure (CHARTER_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-trend-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterTrendView, chart);
  gtk_widget_class_bind_template_child (widget_class, CharterTrendView, request_button);
  gtk_widget_class_bind_template_child (widget_class, CharterTrendView, summary_label);
}

static void
charter_trend_view_init (CharterTrendView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scheduler_signals = g_signal_group_new (CHARTER_TYPE_SCHEDULER);
  g_signal_group_connect_object (self->scheduler_signals, "notify::schedule",
                                 G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
charter_trend_view_new (void)
{
  return g_object_new (CHARTER_TYPE_TREND_VIEW, NULL);
}

static void
charter_trend_view_set_document (CharterTrendView *self,
                                 CharterDocument  *document)
{
  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
charter_trend_view_set_scheduler (CharterTrendView *self,
                                  CharterScheduler *scheduler)
{
  if (self->scheduler == scheduler)
    return;
  g_set_object (&self->scheduler, scheduler);
  g_signal_group_set_target (self->scheduler_signals, scheduler);
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

/**
 * charter_trend_view_get_chart:
 * @self: the view
 *
 * Returns: (transfer none): its chart
 */
CharterTrendChart *
charter_trend_view_get_chart (CharterTrendView *self)
{
  g_return_val_if_fail (CHARTER_IS_TREND_VIEW (self), NULL);
  return self->chart;
}

/**
 * charter_trend_view_update:
 * @self: the view
 *
 * Makes the trend of the scheduler's current schedule now, if it is not
 * the one drawn (it otherwise waits for an idle while the place shows).
 */
void
charter_trend_view_update (CharterTrendView *self)
{
  CharterSchedule *schedule;
  g_autoptr(GError) error = NULL;
  CharterTrend *trend;

  g_return_if_fail (CHARTER_IS_TREND_VIEW (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  if (schedule == self->drawn && schedule != NULL)
    return;
  g_set_object (&self->drawn, schedule);
  if (schedule == NULL)
    {
      charter_trend_chart_set_trend (self->chart, NULL, NULL);
      return;
    }
  trend = charter_trend_new (schedule, TREND_RUNS, TREND_SEED, &error);
  if (trend == NULL)
    {
      g_debug ("No trend: %s", error->message);
      charter_trend_chart_set_trend (self->chart, NULL, NULL);
      return;
    }
  charter_trend_chart_set_trend (self->chart, schedule, trend);
}
