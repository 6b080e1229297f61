/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-scheduler.c: keeps a CharterSchedule of a document current.
 *
 * It watches every item scheduling reads (tasks, dependencies, teams and their
 * commitments, risks, check-ins and their statuses, the calendar) with "notify", and the collections with
 * "items-changed". On CharterDocument::changed: if only task durations
 * changed, the compiled plan is kept and only what follows the changed tasks
 * is rescheduled; if nothing that scheduling reads changed (a task moved on
 * the canvas, a note edited), the schedule stays; anything else compiles the
 * plan again. */

#define G_LOG_DOMAIN "charter-engine"

#include "config.h"

#include "charter-scheduler.h"

#include <string.h>

#include "charter-schedule-private.h"

struct _CharterScheduler
{
  GObject parent_instance;

  /* Owned */
  CharterDocument *document;
  CharterSchedule *schedule;
  GError          *error;
  GHashTable      *watched;          /* items and lists with handlers (refs held) */
  GPtrArray       *changed_tasks;    /* tasks whose duration changed since the last schedule */
  gboolean         needs_compile;
};

G_DEFINE_FINAL_TYPE (CharterScheduler, charter_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void watch_list (CharterScheduler *self,
                        GListModel       *list);

static void
set_result (CharterScheduler *self,
            CharterSchedule  *schedule,
            GError           *error)
{
  gboolean had_error = self->error != NULL;

  g_clear_error (&self->error);
  self->error = error;
  g_set_object (&self->schedule, schedule);

  if (had_error || error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

static void
recompute_full (CharterScheduler *self)
{
  g_autoptr(CharterSchedule) schedule = NULL;
  GError *error = NULL;

  schedule = charter_schedule_compute (self->document, &error);
  self->needs_compile = FALSE;
  g_ptr_array_set_size (self->changed_tasks, 0);
  set_result (self, schedule, error);
}

static void
on_item_notify_cb (CharterScheduler *self,
                   GParamSpec       *pspec,
                   GObject          *item)
{
  if (CHARTER_IS_TASK (item))
    {
      const char *name = pspec->name;

      /* Where a task sits on the canvas and what it says do not move dates. */
      if (g_str_equal (name, "x") || g_str_equal (name, "y") || g_str_equal (name, "positioned") ||
          g_str_equal (name, "notes") || g_str_equal (name, "serves"))
        return;
      if (g_str_equal (name, "duration"))
        {
          g_ptr_array_add (self->changed_tasks, g_object_ref (item));
          return;
        }
    }
  else if (CHARTER_IS_RISK (item))
    {
      if (g_str_equal (pspec->name, "owner") || g_str_equal (pspec->name, "mitigation") ||
          g_str_equal (pspec->name, "impact"))
        return;
    }
  else if (CHARTER_IS_TEAM (item) && g_str_equal (pspec->name, "color"))
    return;
  else if ((CHARTER_IS_CHECK_IN (item) || CHARTER_IS_TASK_STATUS (item)) &&
           (g_str_equal (pspec->name, "notes") || g_str_equal (pspec->name, "blockers")))
    return;

  self->needs_compile = TRUE;
}

static void
watch_item (CharterScheduler *self,
            GObject          *item)
{
  if (!g_hash_table_add (self->watched, g_object_ref (item)))
    return;

  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  if (CHARTER_IS_TEAM (item))
    watch_list (self, charter_team_get_commitments (CHARTER_TEAM (item)));
  else if (CHARTER_IS_CHECK_IN (item))
    watch_list (self, charter_check_in_get_statuses (CHARTER_CHECK_IN (item)));
}

static void
on_list_items_changed_cb (CharterScheduler *self,
                          guint             position,
                          guint             removed,
                          guint             added,
                          GListModel       *list)
{
  self->needs_compile = TRUE;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      watch_item (self, item);
    }
}

static void
watch_list (CharterScheduler *self,
            GListModel       *list)
{
  guint n;

  if (!g_hash_table_add (self->watched, g_object_ref (list)))
    return;

  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_list_items_changed_cb), self, G_CONNECT_SWAPPED);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      watch_item (self, item);
    }
}

static void
on_document_changed_cb (CharterScheduler *self,
                        CharterDocument  *document)
{
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(GArray) indices = NULL;
  CharterPlan *plan;
  GError *error = NULL;

  if (self->needs_compile || self->schedule == NULL)
    {
      recompute_full (self);
      return;
    }
  if (self->changed_tasks->len == 0)
    return;   /* nothing scheduling reads has changed */

  plan = charter_schedule_get_plan (self->schedule);
  indices = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < self->changed_tasks->len; k++)
    {
      CharterTask *task = g_ptr_array_index (self->changed_tasks, k);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      gint32 index = charter_schedule_get_task_index (self->schedule, id);

      if (index < 0)
        {
          recompute_full (self);
          return;
        }
      charter_plan_set_duration (plan, index,
                                 charter_task_get_milestone (task) ? 0 : charter_task_get_duration (task));
      g_array_append_val (indices, index);
    }
  g_ptr_array_set_size (self->changed_tasks, 0);

  schedule = charter_schedule_new_incremental (self->schedule, (const guint *) (gpointer) indices->data,
                                               indices->len, &error);
  set_result (self, schedule, error);
}

typedef struct
{
  CharterSchedule        *schedule;
  guint                   runs;
  guint64                 seed;
  CharterSimulationFlags  flags;
} SimulateData;

static void
simulate_data_free (gpointer data)
{
  SimulateData *sd = data;

  g_clear_object (&sd->schedule);
  g_free (sd);
}

static void
simulate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SimulateData *sd = task_data;
  CharterSimulation *sim;
  GError *error = NULL;

  sim = charter_schedule_simulate_full (sd->schedule, sd->runs, sd->seed, sd->flags, &error);
  if (sim == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sim, (GDestroyNotify) charter_simulation_free);
}

static void
charter_scheduler_constructed (GObject *object)
{
  CharterScheduler *self = (CharterScheduler *) object;

  G_OBJECT_CLASS (charter_scheduler_parent_class)->constructed (object);

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  watch_item (self, G_OBJECT (charter_document_get_calendar (self->document)));
  watch_list (self, charter_document_get_tasks (self->document));
  watch_list (self, charter_document_get_dependencies (self->document));
  watch_list (self, charter_document_get_teams (self->document));
  watch_list (self, charter_document_get_risks (self->document));
  watch_list (self, charter_document_get_check_ins (self->document));

  recompute_full (self);
}

static void
charter_scheduler_finalize (GObject *object)
{
  CharterScheduler *self = (CharterScheduler *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->schedule);
  g_clear_error (&self->error);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->changed_tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (charter_scheduler_parent_class)->finalize (object);
}

static void
charter_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CharterScheduler *self = CHARTER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_scheduler_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CharterScheduler *self = CHARTER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_scheduler_class_init (CharterSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = charter_scheduler_constructed;
  object_class->finalize = charter_scheduler_finalize;
  object_class->get_property = charter_scheduler_get_property;
  object_class->set_property = charter_scheduler_set_property;

  /**
   * CharterScheduler:document:
   *
   * The document whose plan is scheduled.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterScheduler:schedule:
   *
   * The current schedule, or %NULL while the plan cannot be scheduled.
   * Replaced (and notified) after every change that affects dates.
   */
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL,
                         CHARTER_TYPE_SCHEDULE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterScheduler:error:
   *
   * Why the plan cannot be scheduled, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_scheduler_init (CharterScheduler *self)
{
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->changed_tasks = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * charter_scheduler_new:
 * @document: the document to keep scheduled
 *
 * Schedules @document now and again after every change.
 *
 * Returns: (transfer full): a new scheduler
 */
CharterScheduler *
charter_scheduler_new (CharterDocument *document)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  return g_object_new (CHARTER_TYPE_SCHEDULER, "document", document, NULL);
}

/**
 * charter_scheduler_get_document:
 * @self: a scheduler
 *
 * Returns: (transfer none): the document
 */
CharterDocument *
charter_scheduler_get_document (CharterScheduler *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULER (self), NULL);
  return self->document;
}

/**
 * charter_scheduler_get_schedule:
 * @self: a scheduler
 *
 * Returns: (transfer none) (nullable): the current schedule; %NULL while the
 *   plan cannot be scheduled (see charter_scheduler_get_error())
 */
CharterSchedule *
charter_scheduler_get_schedule (CharterScheduler *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULER (self), NULL);
  return self->schedule;
}

/**
 * charter_scheduler_get_error:
 * @self: a scheduler
 *
 * Returns: (transfer none) (nullable): why the plan cannot be scheduled
 */
const GError *
charter_scheduler_get_error (CharterScheduler *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULER (self), NULL);
  return self->error;
}

/**
 * charter_scheduler_simulate_async:
 * @self: a scheduler
 * @runs: how many runs (1 to 100,000)
 * @seed: the random seed
 * @flags: what to measure beyond the finish dates
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Runs charter_schedule_simulate_full() on the document as it is now, in a
 * worker thread, so that a window keeps drawing meanwhile. The plan is
 * compiled again here, on the calling thread (about a millisecond per
 * thousand tasks): the worker works on a copy nothing else touches, since a
 * schedule's working calendar grows as it is asked about later days. Edits
 * made while it runs do not change the result; start another for them.
 */
void
charter_scheduler_simulate_async (CharterScheduler       *self,
                                  guint                   runs,
                                  guint64                 seed,
                                  CharterSimulationFlags  flags,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SimulateData *sd;

  g_return_if_fail (CHARTER_IS_SCHEDULER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, charter_scheduler_simulate_async);
  g_task_set_return_on_cancel (task, TRUE);

  sd = g_new0 (SimulateData, 1);
  sd->runs = runs;
  sd->seed = seed;
  sd->flags = flags;
  sd->schedule = charter_schedule_compute (self->document, &error);
  g_task_set_task_data (task, sd, simulate_data_free);
  if (sd->schedule == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, simulate_thread);
}

/**
 * charter_scheduler_simulate_finish:
 * @self: a scheduler
 * @result: the result given to the callback
 * @error: return location for a #CHARTER_SCHEDULE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the forecast
 */
CharterSimulation *
charter_scheduler_simulate_finish (CharterScheduler  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
