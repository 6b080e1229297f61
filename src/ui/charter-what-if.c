/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-what-if.c: what-if schedules. The document is copied once (saved
 * to bytes and read back, so the copy is whole: teams, calendar,
 * check-ins); each question is asked inside a history group on the copy
 * that is cancelled afterwards, so the copy is back as it was. */

#define G_LOG_DOMAIN "charter-what-if"

#include "config.h"

#include "charter-what-if.h"

#include "charter-file.h"
#include "charter-schedule.h"

struct _CharterWhatIf
{
  GObject          parent_instance;

  /* Owned */
  CharterDocument *copy;
  CharterSchedule *base;
  GError          *copy_error;
};

G_DEFINE_FINAL_TYPE (CharterWhatIf, charter_what_if, G_TYPE_OBJECT)

static void
charter_what_if_finalize (GObject *object)
{
  CharterWhatIf *self = (CharterWhatIf *) object;

  g_clear_object (&self->copy);
  g_clear_object (&self->base);
  g_clear_error (&self->copy_error);

  G_OBJECT_CLASS (charter_what_if_parent_class)->finalize (object);
}

static void
charter_what_if_class_init (CharterWhatIfClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = charter_what_if_finalize;
}

static void
charter_what_if_init (CharterWhatIf *self)
{
}

/**
 * charter_what_if_new:
 * @document: the document to ask about
 *
 * Copies @document as it is now; later changes to it are not seen.
 *
 * Returns: (transfer full): a new #CharterWhatIf
 */
CharterWhatIf *
charter_what_if_new (CharterDocument *document)
{
  CharterWhatIf *self;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  self = g_object_new (CHARTER_TYPE_WHAT_IF, NULL);
  bytes = charter_file_serialize (document);
  self->copy = charter_file_load_bytes (bytes, "what-if", &self->copy_error);
  if (self->copy != NULL)
    self->base = charter_schedule_compute (self->copy, NULL);
  return self;
}

/**
 * charter_what_if_launch:
 * @self: a #CharterWhatIf
 * @change: (nullable): a request; %NULL for the plan as it is
 * @response: (nullable): a decision on @change (which must be in the
 *   document by its id); %NULL for the request's cost added to its tasks
 * @launch_day: (out): the launch's day (Julian), 0 without tasks
 * @launch_name: (out) (optional) (transfer full): the launch task's name
 * @error: why the plan cannot be scheduled
 *
 * Returns: whether there is a schedule
 */
gboolean
charter_what_if_launch (CharterWhatIf              *self,
                        CharterScopeChange         *change,
                        const CharterScopeResponse *response,
                        guint32                    *launch_day,
                        char                      **launch_name,
                        GError                    **error)
{
  g_autoptr(CharterSchedule) schedule = NULL;
  int launch;

  g_return_val_if_fail (CHARTER_IS_WHAT_IF (self), FALSE);
  g_return_val_if_fail (change == NULL || CHARTER_IS_SCOPE_CHANGE (change), FALSE);
  g_return_val_if_fail (launch_day != NULL, FALSE);

  *launch_day = 0;
  if (launch_name != NULL)
    *launch_name = NULL;
  if (self->copy == NULL)
    {
      g_propagate_error (error, g_error_copy (self->copy_error));
      return FALSE;
    }

  charter_document_begin_group (self->copy, "what-if");
  if (change != NULL && response == NULL)
    charter_scope_change_add_cost (self->copy, change);
  else if (change != NULL)
    {
      CharterScopeChange *copied = charter_document_find (self->copy, charter_document_get_scope_changes (self->copy),
                                                          charter_item_get_id (CHARTER_ITEM (change)));

      if (copied != NULL)
        charter_scope_change_decide (self->copy, copied, response);
    }
  schedule = charter_schedule_compute (self->copy, error);
  if (schedule != NULL && (launch = charter_schedule_get_launch (schedule)) >= 0)
    {
      *launch_day = charter_schedule_get_task_dates_at (schedule, launch)->early_finish;
      if (launch_name != NULL)
        *launch_name = g_strdup (charter_schedule_get_task_name (schedule, launch));
    }
  charter_document_cancel_group (self->copy);

  return schedule != NULL;
}

/**
 * charter_what_if_slip_days:
 * @self: a #CharterWhatIf
 * @from_day: a day (Julian)
 * @to_day: another day (Julian)
 *
 * Returns: how many working days of the plan's calendar @to_day is later
 *   than @from_day (negative when earlier; 0 when the plan cannot be
 *   scheduled)
 */
int
charter_what_if_slip_days (CharterWhatIf *self,
                           guint32        from_day,
                           guint32        to_day)
{
  g_return_val_if_fail (CHARTER_IS_WHAT_IF (self), 0);

  if (self->base == NULL || from_day == 0 || to_day == 0)
    return 0;
  return charter_schedule_get_slip_days (self->base, from_day, to_day);
}
