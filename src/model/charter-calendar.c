/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-calendar.h"

struct _CharterCalendar
{
  CharterItem parent_instance;

  char *start;
  CharterWeekdays working_days;
  char **holidays;
  CharterWeekdays no_launch_days;
};

G_DEFINE_FINAL_TYPE (CharterCalendar, charter_calendar, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_START,
  PROP_WORKING_DAYS,
  PROP_HOLIDAYS,
  PROP_NO_LAUNCH_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
charter_calendar_finalize (GObject *object)
{
  CharterCalendar *self = (CharterCalendar *) object;

  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->holidays, g_strfreev);

  G_OBJECT_CLASS (charter_calendar_parent_class)->finalize (object);
}

static void
charter_calendar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CharterCalendar *self = CHARTER_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_WORKING_DAYS:
      g_value_set_flags (value, self->working_days);
      break;

    case PROP_HOLIDAYS:
      g_value_set_boxed (value, self->holidays);
      break;

    case PROP_NO_LAUNCH_DAYS:
      g_value_set_flags (value, self->no_launch_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_calendar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CharterCalendar *self = CHARTER_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_START:
      charter_calendar_set_start (self, g_value_get_string (value));
      break;

    case PROP_WORKING_DAYS:
      charter_calendar_set_working_days (self, g_value_get_flags (value));
      break;

    case PROP_HOLIDAYS:
      charter_calendar_set_holidays (self, g_value_get_boxed (value));
      break;

    case PROP_NO_LAUNCH_DAYS:
      charter_calendar_set_no_launch_days (self, g_value_get_flags (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_calendar_class_init (CharterCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_calendar_finalize;
  object_class->get_property = charter_calendar_get_property;
  object_class->set_property = charter_calendar_set_property;

  (void) item_class;

  /**
   * CharterCalendar:start:
   *
   * The day work on the plan starts.
   */
  properties[PROP_START] =
    g_param_spec_string ("start", N_("start"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DATE));

  /**
   * CharterCalendar:working-days:
   *
   * The weekdays people work.
   */
  properties[PROP_WORKING_DAYS] =
    g_param_spec_flags ("working-days", N_("working days"), NULL,
                        CHARTER_TYPE_WEEKDAYS, CHARTER_WEEKDAYS_WORKWEEK,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterCalendar:holidays:
   *
   * Dates (YYYY-MM-DD) nobody works.
   */
  properties[PROP_HOLIDAYS] =
    g_param_spec_boxed ("holidays", N_("holidays"), NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterCalendar:no-launch-days:
   *
   * Weekdays on which nothing may launch ("never launch on a Friday").
   */
  properties[PROP_NO_LAUNCH_DAYS] =
    g_param_spec_flags ("no-launch-days", N_("no launch days"), NULL,
                        CHARTER_TYPE_WEEKDAYS, CHARTER_WEEKDAYS_NONE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_calendar_init (CharterCalendar *self)
{
  self->working_days = CHARTER_WEEKDAYS_WORKWEEK;
}

/**
 * charter_calendar_new:
 * @id: the id of the new calendar
 *
 * Returns: (transfer full): a new #CharterCalendar
 */
CharterCalendar *
charter_calendar_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_CALENDAR, "id", id, NULL);
}

/**
 * charter_calendar_get_start:
 * @self: a #CharterCalendar
 *
 * Returns: (transfer none) (nullable): the day work on the plan starts.
 */
const char *
charter_calendar_get_start (CharterCalendar *self)
{
  g_return_val_if_fail (CHARTER_IS_CALENDAR (self), NULL);

  return self->start;
}

/**
 * charter_calendar_set_start:
 * @self: a #CharterCalendar
 * @start: (nullable) the new value
 *
 * Sets the start; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_calendar_set_start (CharterCalendar *self,
                            const char      *start)
{
  g_return_if_fail (CHARTER_IS_CALENDAR (self));

  if (g_strcmp0 (self->start, start) == 0)
    return;

  g_free (self->start);
  self->start = (start != NULL && start[0] != '\0') ? g_strdup (start) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * charter_calendar_get_working_days:
 * @self: a #CharterCalendar
 *
 * Returns: the weekdays people work.
 */
CharterWeekdays
charter_calendar_get_working_days (CharterCalendar *self)
{
  g_return_val_if_fail (CHARTER_IS_CALENDAR (self), 0);

  return self->working_days;
}

/**
 * charter_calendar_set_working_days:
 * @self: a #CharterCalendar
 * @working_days: the new value
 *
 * Sets the working days; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_calendar_set_working_days (CharterCalendar *self,
                                   CharterWeekdays  working_days)
{
  g_return_if_fail (CHARTER_IS_CALENDAR (self));

  if (self->working_days == working_days)
    return;

  self->working_days = working_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING_DAYS]);
}

/**
 * charter_calendar_get_holidays:
 * @self: a #CharterCalendar
 *
 * Returns: (transfer none) (nullable): dates (YYYY-MM-DD) nobody works.
 */
const char * const *
charter_calendar_get_holidays (CharterCalendar *self)
{
  g_return_val_if_fail (CHARTER_IS_CALENDAR (self), NULL);

  return (const char * const *) self->holidays;
}

/**
 * charter_calendar_set_holidays:
 * @self: a #CharterCalendar
 * @holidays: (nullable) the new value
 *
 * Sets the holidays; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_calendar_set_holidays (CharterCalendar    *self,
                               const char * const *holidays)
{
  g_return_if_fail (CHARTER_IS_CALENDAR (self));

  if ((self->holidays == NULL || self->holidays[0] == NULL) && (holidays == NULL || holidays[0] == NULL))
    return;
  if (self->holidays != NULL && holidays != NULL && g_strv_equal ((const char * const *) self->holidays, holidays))
    return;

  g_strfreev (self->holidays);
  self->holidays = (holidays != NULL && holidays[0] != NULL) ? g_strdupv ((char **) holidays) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLIDAYS]);
}

/**
 * charter_calendar_get_no_launch_days:
 * @self: a #CharterCalendar
 *
 * Returns: weekdays on which nothing may launch ("never launch on a Friday").
 */
CharterWeekdays
charter_calendar_get_no_launch_days (CharterCalendar *self)
{
  g_return_val_if_fail (CHARTER_IS_CALENDAR (self), 0);

  return self->no_launch_days;
}

/**
 * charter_calendar_set_no_launch_days:
 * @self: a #CharterCalendar
 * @no_launch_days: the new value
 *
 * Sets the no launch days; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_calendar_set_no_launch_days (CharterCalendar *self,
                                     CharterWeekdays  no_launch_days)
{
  g_return_if_fail (CHARTER_IS_CALENDAR (self));

  if (self->no_launch_days == no_launch_days)
    return;

  self->no_launch_days = no_launch_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NO_LAUNCH_DAYS]);
}
