/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-task"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-task.h"

struct _CharterTask
{
  CharterItem parent_instance;

  char *name;
  char *team_id;
  int duration;
  int optimistic;
  int pessimistic;
  char *start_no_earlier_than;
  char *finish_no_later_than;
  gboolean milestone;
  gboolean launch;
  char **serves;
  char *notes;
  gboolean positioned;
  double x;
  double y;
};

G_DEFINE_FINAL_TYPE (CharterTask, charter_task, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TEAM_ID,
  PROP_DURATION,
  PROP_OPTIMISTIC,
  PROP_PESSIMISTIC,
  PROP_START_NO_EARLIER_THAN,
  PROP_FINISH_NO_LATER_THAN,
  PROP_MILESTONE,
  PROP_LAUNCH,
  PROP_SERVES,
  PROP_NOTES,
  PROP_POSITIONED,
  PROP_X,
  PROP_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_task_get_display_name (CharterItem *item)
{
  return CHARTER_TASK (item)->name;
}

static void
charter_task_finalize (GObject *object)
{
  CharterTask *self = (CharterTask *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->start_no_earlier_than, g_free);
  g_clear_pointer (&self->finish_no_later_than, g_free);
  g_clear_pointer (&self->serves, g_strfreev);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (charter_task_parent_class)->finalize (object);
}

static void
charter_task_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CharterTask *self = CHARTER_TASK (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;

    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;

    case PROP_OPTIMISTIC:
      g_value_set_int (value, self->optimistic);
      break;

    case PROP_PESSIMISTIC:
      g_value_set_int (value, self->pessimistic);
      break;

    case PROP_START_NO_EARLIER_THAN:
      g_value_set_string (value, self->start_no_earlier_than);
      break;

    case PROP_FINISH_NO_LATER_THAN:
      g_value_set_string (value, self->finish_no_later_than);
      break;

    case PROP_MILESTONE:
      g_value_set_boolean (value, self->milestone);
      break;

    case PROP_LAUNCH:
      g_value_set_boolean (value, self->launch);
      break;

    case PROP_SERVES:
      g_value_set_boxed (value, self->serves);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_POSITIONED:
      g_value_set_boolean (value, self->positioned);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_task_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CharterTask *self = CHARTER_TASK (object);

  switch (prop_id)
    {
    case PROP_NAME:
      charter_task_set_name (self, g_value_get_string (value));
      break;

    case PROP_TEAM_ID:
      charter_task_set_team_id (self, g_value_get_string (value));
      break;

    case PROP_DURATION:
      charter_task_set_duration (self, g_value_get_int (value));
      break;

    case PROP_OPTIMISTIC:
      charter_task_set_optimistic (self, g_value_get_int (value));
      break;

    case PROP_PESSIMISTIC:
      charter_task_set_pessimistic (self, g_value_get_int (value));
      break;

    case PROP_START_NO_EARLIER_THAN:
      charter_task_set_start_no_earlier_than (self, g_value_get_string (value));
      break;

    case PROP_FINISH_NO_LATER_THAN:
      charter_task_set_finish_no_later_than (self, g_value_get_string (value));
      break;

    case PROP_MILESTONE:
      charter_task_set_milestone (self, g_value_get_boolean (value));
      break;

    case PROP_LAUNCH:
      charter_task_set_launch (self, g_value_get_boolean (value));
      break;

    case PROP_SERVES:
      charter_task_set_serves (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      charter_task_set_notes (self, g_value_get_string (value));
      break;

    case PROP_POSITIONED:
      charter_task_set_positioned (self, g_value_get_boolean (value));
      break;

    case PROP_X:
      charter_task_set_x (self, g_value_get_double (value));
      break;

    case PROP_Y:
      charter_task_set_y (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_task_class_init (CharterTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_task_finalize;
  object_class->get_property = charter_task_get_property;
  object_class->set_property = charter_task_set_property;

  item_class->get_display_name = charter_task_get_display_name;

  /**
   * CharterTask:name:
   *
   * The task's name ("Backend API").
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("name"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterTask:team-id:
   *
   * The id of the team that does the task; empty for none.
   */
  properties[PROP_TEAM_ID] =
    g_param_spec_string ("team-id", N_("team id"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:duration:
   *
   * The most likely duration, in working days; 0 for a milestone.
   */
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", N_("duration"), NULL,
                      0, 100000, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED));

  /**
   * CharterTask:optimistic:
   *
   * The optimistic duration in working days; -1 when not estimated.
   */
  properties[PROP_OPTIMISTIC] =
    g_param_spec_int ("optimistic", N_("optimistic"), NULL,
                      -1, 100000, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:pessimistic:
   *
   * The pessimistic duration in working days; -1 when not estimated.
   */
  properties[PROP_PESSIMISTIC] =
    g_param_spec_int ("pessimistic", N_("pessimistic"), NULL,
                      -1, 100000, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:start-no-earlier-than:
   *
   * The task may not start before this date.
   */
  properties[PROP_START_NO_EARLIER_THAN] =
    g_param_spec_string ("start-no-earlier-than", N_("start no earlier than"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterTask:finish-no-later-than:
   *
   * The task should finish by this date (a deadline: missing it is reported).
   */
  properties[PROP_FINISH_NO_LATER_THAN] =
    g_param_spec_string ("finish-no-later-than", N_("finish no later than"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterTask:milestone:
   *
   * Whether the task is a milestone.
   */
  properties[PROP_MILESTONE] =
    g_param_spec_boolean ("milestone", N_("milestone"), NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:launch:
   *
   * Whether the milestone is a launch, which the calendar's no-launch days apply to.
   */
  properties[PROP_LAUNCH] =
    g_param_spec_boolean ("launch", N_("launch"), NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:serves:
   *
   * The ids of the needs or spec items the task serves.
   */
  properties[PROP_SERVES] =
    g_param_spec_boxed ("serves", N_("serves"), NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:positioned:
   *
   * Whether the user placed the task on the dependency graph by hand.
   */
  properties[PROP_POSITIONED] =
    g_param_spec_boolean ("positioned", N_("positioned"), NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:x:
   *
   * The task's position on the dependency graph when placed by hand.
   */
  properties[PROP_X] =
    g_param_spec_double ("x", N_("x"), NULL,
                         -1e9, 1e9, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTask:y:
   *
   * The task's position on the dependency graph when placed by hand.
   */
  properties[PROP_Y] =
    g_param_spec_double ("y", N_("y"), NULL,
                         -1e9, 1e9, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_task_init (CharterTask *self)
{
  self->duration = 1;
  self->optimistic = -1;
  self->pessimistic = -1;
}

/**
 * charter_task_new:
 * @id: the id of the new task
 *
 * Returns: (transfer full): a new #CharterTask
 */
CharterTask *
charter_task_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_TASK, "id", id, NULL);
}

/**
 * charter_task_get_name:
 * @self: a #CharterTask
 *
 * Returns: (transfer none) (nullable): the task's name ("Backend API").
 */
const char *
charter_task_get_name (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), NULL);

  return self->name;
}

/**
 * charter_task_set_name:
 * @self: a #CharterTask
 * @name: (nullable) the new value
 *
 * Sets the name; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_name (CharterTask *self,
                       const char  *name)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * charter_task_get_team_id:
 * @self: a #CharterTask
 *
 * Returns: (transfer none) (nullable): the id of the team that does the task; empty for none.
 */
const char *
charter_task_get_team_id (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), NULL);

  return self->team_id;
}

/**
 * charter_task_set_team_id:
 * @self: a #CharterTask
 * @team_id: (nullable) the new value
 *
 * Sets the team id; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_team_id (CharterTask *self,
                          const char  *team_id)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (g_strcmp0 (self->team_id, team_id) == 0)
    return;

  g_free (self->team_id);
  self->team_id = (team_id != NULL && team_id[0] != '\0') ? g_strdup (team_id) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ID]);
}

/**
 * charter_task_get_duration:
 * @self: a #CharterTask
 *
 * Returns: the most likely duration, in working days; 0 for a milestone.
 */
int
charter_task_get_duration (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), 0);

  return self->duration;
}

/**
 * charter_task_set_duration:
 * @self: a #CharterTask
 * @duration: the new value
 *
 * Sets the duration; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_duration (CharterTask *self,
                           int          duration)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  g_return_if_fail (duration >= 0 && duration <= 100000);
  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

/**
 * charter_task_get_optimistic:
 * @self: a #CharterTask
 *
 * Returns: the optimistic duration in working days; -1 when not estimated.
 */
int
charter_task_get_optimistic (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), 0);

  return self->optimistic;
}

/**
 * charter_task_set_optimistic:
 * @self: a #CharterTask
 * @optimistic: the new value
 *
 * Sets the optimistic; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_optimistic (CharterTask *self,
                             int          optimistic)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  g_return_if_fail (optimistic >= -1 && optimistic <= 100000);
  if (self->optimistic == optimistic)
    return;

  self->optimistic = optimistic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIMISTIC]);
}

/**
 * charter_task_get_pessimistic:
 * @self: a #CharterTask
 *
 * Returns: the pessimistic duration in working days; -1 when not estimated.
 */
int
charter_task_get_pessimistic (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), 0);

  return self->pessimistic;
}

/**
 * charter_task_set_pessimistic:
 * @self: a #CharterTask
 * @pessimistic: the new value
 *
 * Sets the pessimistic; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_pessimistic (CharterTask *self,
                              int          pessimistic)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  g_return_if_fail (pessimistic >= -1 && pessimistic <= 100000);
  if (self->pessimistic == pessimistic)
    return;

  self->pessimistic = pessimistic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PESSIMISTIC]);
}

/**
 * charter_task_get_start_no_earlier_than:
 * @self: a #CharterTask
 *
 * Returns: (transfer none) (nullable): the task may not start before this date.
 */
const char *
charter_task_get_start_no_earlier_than (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), NULL);

  return self->start_no_earlier_than;
}

/**
 * charter_task_set_start_no_earlier_than:
 * @self: a #CharterTask
 * @start_no_earlier_than: (nullable) the new value
 *
 * Sets the start no earlier than; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_start_no_earlier_than (CharterTask *self,
                                        const char  *start_no_earlier_than)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (g_strcmp0 (self->start_no_earlier_than, start_no_earlier_than) == 0)
    return;

  g_free (self->start_no_earlier_than);
  self->start_no_earlier_than = (start_no_earlier_than != NULL && start_no_earlier_than[0] != '\0') ? g_strdup (start_no_earlier_than) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_NO_EARLIER_THAN]);
}

/**
 * charter_task_get_finish_no_later_than:
 * @self: a #CharterTask
 *
 * Returns: (transfer none) (nullable): the task should finish by this date (a deadline: missing it is reported).
 */
const char *
charter_task_get_finish_no_later_than (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), NULL);

  return self->finish_no_later_than;
}

/**
 * charter_task_set_finish_no_later_than:
 * @self: a #CharterTask
 * @finish_no_later_than: (nullable) the new value
 *
 * Sets the finish no later than; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_finish_no_later_than (CharterTask *self,
                                       const char  *finish_no_later_than)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (g_strcmp0 (self->finish_no_later_than, finish_no_later_than) == 0)
    return;

  g_free (self->finish_no_later_than);
  self->finish_no_later_than = (finish_no_later_than != NULL && finish_no_later_than[0] != '\0') ? g_strdup (finish_no_later_than) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISH_NO_LATER_THAN]);
}

/**
 * charter_task_get_milestone:
 * @self: a #CharterTask
 *
 * Returns: whether the task is a milestone.
 */
gboolean
charter_task_get_milestone (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), FALSE);

  return self->milestone;
}

/**
 * charter_task_set_milestone:
 * @self: a #CharterTask
 * @milestone: the new value
 *
 * Sets the milestone; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_milestone (CharterTask *self,
                            gboolean     milestone)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  milestone = !!milestone;
  if (self->milestone == milestone)
    return;

  self->milestone = milestone;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONE]);
}

/**
 * charter_task_get_launch:
 * @self: a #CharterTask
 *
 * Returns: whether the milestone is a launch, which the calendar's no-launch days apply to.
 */
gboolean
charter_task_get_launch (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), FALSE);

  return self->launch;
}

/**
 * charter_task_set_launch:
 * @self: a #CharterTask
 * @launch: the new value
 *
 * Sets the launch; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_launch (CharterTask *self,
                         gboolean     launch)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  launch = !!launch;
  if (self->launch == launch)
    return;

  self->launch = launch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAUNCH]);
}

/**
 * charter_task_get_serves:
 * @self: a #CharterTask
 *
 * Returns: (transfer none) (nullable): the ids of the needs or spec items the task serves.
 */
const char * const *
charter_task_get_serves (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), NULL);

  return (const char * const *) self->serves;
}

/**
 * charter_task_set_serves:
 * @self: a #CharterTask
 * @serves: (nullable) the new value
 *
 * Sets the serves; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_serves (CharterTask        *self,
                         const char * const *serves)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if ((self->serves == NULL || self->serves[0] == NULL) && (serves == NULL || serves[0] == NULL))
    return;
  if (self->serves != NULL && serves != NULL && g_strv_equal ((const char * const *) self->serves, serves))
    return;

  g_strfreev (self->serves);
  self->serves = (serves != NULL && serves[0] != NULL) ? g_strdupv ((char **) serves) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVES]);
}

/**
 * charter_task_get_notes:
 * @self: a #CharterTask
 *
 * Returns: (transfer none) (nullable): free notes.
 */
const char *
charter_task_get_notes (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), NULL);

  return self->notes;
}

/**
 * charter_task_set_notes:
 * @self: a #CharterTask
 * @notes: (nullable) the new value
 *
 * Sets the notes; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_notes (CharterTask *self,
                        const char  *notes)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * charter_task_get_positioned:
 * @self: a #CharterTask
 *
 * Returns: whether the user placed the task on the dependency graph by hand.
 */
gboolean
charter_task_get_positioned (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), FALSE);

  return self->positioned;
}

/**
 * charter_task_set_positioned:
 * @self: a #CharterTask
 * @positioned: the new value
 *
 * Sets the positioned; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_positioned (CharterTask *self,
                             gboolean     positioned)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  positioned = !!positioned;
  if (self->positioned == positioned)
    return;

  self->positioned = positioned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITIONED]);
}

/**
 * charter_task_get_x:
 * @self: a #CharterTask
 *
 * Returns: the task's position on the dependency graph when placed by hand.
 */
double
charter_task_get_x (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), 0);

  return self->x;
}

/**
 * charter_task_set_x:
 * @self: a #CharterTask
 * @x: the new value
 *
 * Sets the x; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_x (CharterTask *self,
                    double       x)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (self->x == x)
    return;

  self->x = x;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
}

/**
 * charter_task_get_y:
 * @self: a #CharterTask
 *
 * Returns: the task's position on the dependency graph when placed by hand.
 */
double
charter_task_get_y (CharterTask *self)
{
  g_return_val_if_fail (CHARTER_IS_TASK (self), 0);

  return self->y;
}

/**
 * charter_task_set_y:
 * @self: a #CharterTask
 * @y: the new value
 *
 * Sets the y; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_task_set_y (CharterTask *self,
                    double       y)
{
  g_return_if_fail (CHARTER_IS_TASK (self));

  if (self->y == y)
    return;

  self->y = y;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
}
