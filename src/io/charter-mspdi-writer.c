/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-mspdi-writer.c: a document as Microsoft Project XML (MSPDI, the
 * Project 2007+ schema: calendar exceptions in <Exceptions>). One working
 * day is 8 hours, 08:00–12:00 and 13:00–17:00, as MS Project's Standard
 * calendar; tasks are auto-scheduled, so the receiving tool recomputes the
 * dates written here from the same durations, links and constraints. */

#define G_LOG_DOMAIN "charter-mspdi"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "charter-mspdi.h"

#define MINUTES_PER_DAY 480
#define CHARTER_MSPDI_LAUNCH_FIELD "188743731"   /* Text1 */

static void
element (GString    *out,
         int         indent,
         const char *name,
         const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (out, "%*s<%s>%s</%s>\n", indent, "", name, escaped, name);
}

static void
element_int (GString    *out,
             int         indent,
             const char *name,
             gint64      value)
{
  g_string_append_printf (out, "%*s<%s>%" G_GINT64_FORMAT "</%s>\n", indent, "", name, value, name);
}

static char *
julian_to_iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
write_calendar (GString         *out,
                CharterCalendar *calendar)
{
  CharterWeekdays working = charter_calendar_get_working_days (calendar);
  const char * const *holidays = charter_calendar_get_holidays (calendar);

  g_string_append (out, "  <Calendars>\n   <Calendar>\n");
  element_int (out, 4, "UID", 1);
  element (out, 4, "Name", "Standard");
  element_int (out, 4, "IsBaseCalendar", 1);
  element_int (out, 4, "BaseCalendarUID", -1);
  g_string_append (out, "    <WeekDays>\n");
  for (int type = 1; type <= 7; type++)
    {
      CharterWeekdays bit = type == 1 ? CHARTER_WEEKDAYS_SUNDAY : 1 << (type - 2);
      gboolean on = (working & bit) != 0;

      g_string_append (out, "     <WeekDay>\n");
      element_int (out, 6, "DayType", type);
      element_int (out, 6, "DayWorking", on);
      if (on)
        g_string_append (out, "      <WorkingTimes>\n"
                              "       <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>\n"
                              "       <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>\n"
                              "      </WorkingTimes>\n");
      g_string_append (out, "     </WeekDay>\n");
    }
  g_string_append (out, "    </WeekDays>\n");
  if (holidays != NULL && holidays[0] != NULL)
    {
      g_string_append (out, "    <Exceptions>\n");
      for (gsize i = 0; holidays[i] != NULL; i++)
        {
          g_string_append (out, "     <Exception>\n");
          element_int (out, 6, "EnteredByOccurrences", 0);
          g_string_append_printf (out, "      <TimePeriod><FromDate>%sT00:00:00</FromDate>"
                                       "<ToDate>%sT23:59:00</ToDate></TimePeriod>\n",
                                  holidays[i], holidays[i]);
          element_int (out, 6, "Occurrences", 1);
          element (out, 6, "Name", holidays[i]);
          element_int (out, 6, "Type", 1);
          element_int (out, 6, "DayWorking", 0);
          g_string_append (out, "     </Exception>\n");
        }
      g_string_append (out, "    </Exceptions>\n");
    }
  g_string_append (out, "   </Calendar>\n");
}

/* A team's commitments as the exceptions of its resource calendar, based on
 * the Standard one (MS Project's way of saying a person is away). */
static void
write_team_calendar (GString     *out,
                     CharterTeam *team,
                     guint        uid)
{
  GListModel *commitments = charter_team_get_commitments (team);

  g_string_append (out, "   <Calendar>\n");
  element_int (out, 4, "UID", uid);
  element (out, 4, "Name", charter_team_get_name (team) ? charter_team_get_name (team) : "");
  element_int (out, 4, "IsBaseCalendar", 0);
  element_int (out, 4, "BaseCalendarUID", 1);
  g_string_append (out, "    <Exceptions>\n");
  for (guint i = 0; i < g_list_model_get_n_items (commitments); i++)
    {
      g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, i);
      const char *reason = charter_commitment_get_reason (commitment);

      if (charter_commitment_get_start (commitment) == NULL || charter_commitment_get_finish (commitment) == NULL)
        continue;
      g_string_append (out, "     <Exception>\n");
      element_int (out, 6, "EnteredByOccurrences", 0);
      g_string_append_printf (out, "      <TimePeriod><FromDate>%sT00:00:00</FromDate>"
                                   "<ToDate>%sT23:59:00</ToDate></TimePeriod>\n",
                              charter_commitment_get_start (commitment),
                              charter_commitment_get_finish (commitment));
      element_int (out, 6, "Occurrences", 1);
      element (out, 6, "Name", reason ? reason : "");
      element_int (out, 6, "Type", 1);
      element_int (out, 6, "DayWorking", 0);
      g_string_append (out, "     </Exception>\n");
    }
  g_string_append (out, "    </Exceptions>\n   </Calendar>\n");
}

/* Each task's percent complete at the latest check-in that mentions it. */
static GHashTable *
latest_percent (CharterDocument *document)
{
  GHashTable *percent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *when = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *check_ins = charter_document_get_check_ins (document);

  for (guint c = 0; c < g_list_model_get_n_items (check_ins); c++)
    {
      g_autoptr(CharterCheckIn) check_in = g_list_model_get_item (check_ins, c);
      const char *date = charter_check_in_get_date (check_in);
      GListModel *statuses = charter_check_in_get_statuses (check_in);

      for (guint s = 0; s < g_list_model_get_n_items (statuses); s++)
        {
          g_autoptr(CharterTaskStatus) status = g_list_model_get_item (statuses, s);
          const char *task = charter_task_status_get_task_id (status);
          const char *seen = g_hash_table_lookup (when, task);
          int value = charter_task_status_get_percent_complete (status);

          if (task == NULL || (seen != NULL && g_strcmp0 (seen, date) > 0))
            continue;
          if (charter_task_status_get_state (status) == CHARTER_TASK_STATE_DONE)
            value = 100;
          g_hash_table_insert (when, g_strdup (task), g_strdup (date ? date : ""));
          g_hash_table_insert (percent, g_strdup (task), GINT_TO_POINTER (value + 1));
        }
    }
  g_hash_table_unref (when);
  return percent;
}

GBytes *
charter_mspdi_write (CharterDocument *document,
                     GHashTable      *starts,
                     GHashTable      *finishes)
{
  CharterCalendar *calendar = charter_document_get_calendar (document);
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *teams = charter_document_get_teams (document);
  GListModel *dependencies = charter_document_get_dependencies (document);
  GListModel *baselines = charter_document_get_baselines (document);
  g_autoptr(GHashTable) task_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) team_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) percent = latest_percent (document);
  g_autoptr(GHashTable) incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) baselined = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) baseline_number = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *title = charter_document_get_title (document);
  const char *start = charter_calendar_get_start (calendar);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
  guint n_assignments = 0;
  gsize length;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  element_int (out, 2, "SaveVersion", 14);
  element (out, 2, "Name", title ? title : "Charter");
  element (out, 2, "Title", title ? title : "Charter");
  element_int (out, 2, "ScheduleFromStart", 1);
  if (start != NULL)
    g_string_append_printf (out, "  <StartDate>%sT08:00:00</StartDate>\n", start);
  element (out, 2, "DefaultStartTime", "08:00:00");
  element (out, 2, "DefaultFinishTime", "17:00:00");
  element_int (out, 2, "CalendarUID", 1);
  element_int (out, 2, "MinutesPerDay", MINUTES_PER_DAY);
  element_int (out, 2, "MinutesPerWeek", MINUTES_PER_DAY * 5);
  element_int (out, 2, "DaysPerMonth", 20);
  {
    /* The latest check-in's date, where percent complete was measured. */
    GListModel *check_ins = charter_document_get_check_ins (document);
    const char *status = NULL;

    for (guint c = 0; c < g_list_model_get_n_items (check_ins); c++)
      {
        g_autoptr(CharterCheckIn) check_in = g_list_model_get_item (check_ins, c);
        if (g_strcmp0 (charter_check_in_get_date (check_in), status) > 0)
          status = charter_check_in_get_date (check_in);
      }
    if (status != NULL)
      g_string_append_printf (out, "  <StatusDate>%sT17:00:00</StatusDate>\n", status);
  }
  element_int (out, 2, "DurationFormat", 7);
  element_int (out, 2, "NewTasksAreManual", 0);
  /* Text1 marks the launch (Charter's own; other tools show it as a text column). */
  g_string_append (out, "  <ExtendedAttributes>\n   <ExtendedAttribute>\n");
  element (out, 4, "FieldID", CHARTER_MSPDI_LAUNCH_FIELD);
  element (out, 4, "FieldName", "Text1");
  element (out, 4, "Alias", "Charter launch");
  g_string_append (out, "   </ExtendedAttribute>\n  </ExtendedAttributes>\n");
  write_calendar (out, calendar);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      if (g_list_model_get_n_items (charter_team_get_commitments (team)) > 0)
        write_team_calendar (out, team, 100 + i);
    }
  g_string_append (out, "  </Calendars>\n");

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterItem) task = g_list_model_get_item (tasks, i);
      g_hash_table_insert (task_uid, (gpointer) charter_item_get_id (task), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterItem) team = g_list_model_get_item (teams, i);
      g_hash_table_insert (team_uid, (gpointer) charter_item_get_id (team), GUINT_TO_POINTER (i + 1));
    }

  /* Links by successor and baseline entries by task, so that writing is
   * linear in the size of the plan. */
  for (guint d = 0; d < g_list_model_get_n_items (dependencies); d++)
    {
      CharterDependency *dependency = g_list_model_get_item (dependencies, d);
      const char *successor = charter_dependency_get_successor (dependency);
      GPtrArray *list = successor ? g_hash_table_lookup (incoming, successor) : NULL;

      if (successor == NULL)
        {
          g_object_unref (dependency);
          continue;
        }
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (incoming, (gpointer) successor, list);
        }
      g_ptr_array_add (list, dependency);
    }
  for (guint b = 0; b < g_list_model_get_n_items (baselines) && b <= 10; b++)
    {
      g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, b);
      GListModel *entries = charter_baseline_get_entries (baseline);

      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          CharterBaselineEntry *entry = g_list_model_get_item (entries, e);
          const char *task_id = charter_baseline_entry_get_task_id (entry);
          GPtrArray *list = task_id ? g_hash_table_lookup (baselined, task_id) : NULL;

          if (task_id == NULL)
            {
              g_object_unref (entry);
              continue;
            }
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (baselined, (gpointer) task_id, list);
            }
          g_hash_table_insert (baseline_number, entry, GUINT_TO_POINTER (b));
          g_ptr_array_add (list, entry);
        }
    }

  g_string_append (out, "  <Tasks>\n");
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *id = charter_item_get_id (CHARTER_ITEM (task));
      gboolean milestone = charter_task_get_milestone (task);
      int duration = milestone ? 0 : charter_task_get_duration (task);
      const char *snet = charter_task_get_start_no_earlier_than (task);
      g_autofree char *held = NULL;
      const char *deadline = charter_task_get_finish_no_later_than (task);
      gpointer done = g_hash_table_lookup (percent, id);
      g_autofree char *outline = g_strdup_printf ("%u", i + 1);

      /* MSPDI has no "launches never fall on a Friday": the launch is held
       * on its scheduled day by a "start no earlier than" instead. */
      if (charter_task_get_launch (task) && charter_calendar_get_no_launch_days (calendar) != CHARTER_WEEKDAYS_NONE &&
          starts != NULL && g_hash_table_contains (starts, id))
        {
          held = julian_to_iso (GPOINTER_TO_UINT (g_hash_table_lookup (starts, id)));
          if (snet == NULL || strcmp (held, snet) > 0)
            snet = held;
        }
      g_string_append (out, "   <Task>\n");
      element_int (out, 4, "UID", i + 1);
      element_int (out, 4, "ID", i + 1);
      element (out, 4, "Name", charter_task_get_name (task) ? charter_task_get_name (task) : id);
      element_int (out, 4, "Type", 1);   /* fixed duration */
      element_int (out, 4, "IsNull", 0);
      element (out, 4, "WBS", outline);
      element (out, 4, "OutlineNumber", outline);
      element_int (out, 4, "OutlineLevel", 1);
      if (starts != NULL && g_hash_table_contains (starts, id))
        {
          g_autofree char *s = julian_to_iso (GPOINTER_TO_UINT (g_hash_table_lookup (starts, id)));
          g_autofree char *f = julian_to_iso (GPOINTER_TO_UINT (g_hash_table_lookup (finishes, id)));

          g_string_append_printf (out, "    <Start>%sT08:00:00</Start>\n", s);
          g_string_append_printf (out, "    <Finish>%sT%s</Finish>\n", f, milestone ? "08:00:00" : "17:00:00");
        }
      g_string_append_printf (out, "    <Duration>PT%dH0M0S</Duration>\n", duration * MINUTES_PER_DAY / 60);
      element_int (out, 4, "DurationFormat", 7);
      element_int (out, 4, "Milestone", milestone);
      element_int (out, 4, "Summary", 0);
      element_int (out, 4, "PercentComplete", done ? GPOINTER_TO_INT (done) - 1 : 0);
      element_int (out, 4, "ConstraintType", snet ? 4 : 0);
      if (snet)
        g_string_append_printf (out, "    <ConstraintDate>%sT08:00:00</ConstraintDate>\n", snet);
      if (deadline)
        g_string_append_printf (out, "    <Deadline>%sT17:00:00</Deadline>\n", deadline);
      element (out, 4, "Notes", charter_task_get_notes (task) ? charter_task_get_notes (task) : "");

      for (guint d = 0; g_hash_table_contains (incoming, id) &&
                        d < ((GPtrArray *) g_hash_table_lookup (incoming, id))->len; d++)
        {
          CharterDependency *dependency = ((GPtrArray *) g_hash_table_lookup (incoming, id))->pdata[d];
          guint pred;
          int type;

          pred = GPOINTER_TO_UINT (g_hash_table_lookup (task_uid, charter_dependency_get_predecessor (dependency)));
          if (pred == 0)
            continue;
          switch (charter_dependency_get_kind (dependency))
            {
            case CHARTER_DEPENDENCY_FINISH_TO_FINISH: type = 0; break;
            case CHARTER_DEPENDENCY_START_TO_FINISH: type = 2; break;
            case CHARTER_DEPENDENCY_START_TO_START: type = 3; break;
            case CHARTER_DEPENDENCY_FINISH_TO_START:
            default: type = 1; break;
            }
          g_string_append (out, "    <PredecessorLink>\n");
          element_int (out, 5, "PredecessorUID", pred);
          element_int (out, 5, "Type", type);
          element_int (out, 5, "CrossProject", 0);
          element_int (out, 5, "LinkLag", (gint64) charter_dependency_get_lag (dependency) * MINUTES_PER_DAY * 10);
          element_int (out, 5, "LagFormat", 7);
          g_string_append (out, "    </PredecessorLink>\n");
        }

      if (charter_task_get_launch (task))
        g_string_append_printf (out, "    <ExtendedAttribute><FieldID>%s</FieldID><Value>launch</Value></ExtendedAttribute>\n",
                                CHARTER_MSPDI_LAUNCH_FIELD);
      for (guint e = 0; g_hash_table_contains (baselined, id) &&
                        e < ((GPtrArray *) g_hash_table_lookup (baselined, id))->len; e++)
        {
          CharterBaselineEntry *entry = ((GPtrArray *) g_hash_table_lookup (baselined, id))->pdata[e];
          const char *bs = charter_baseline_entry_get_start (entry);
          const char *bf = charter_baseline_entry_get_finish (entry);
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (baseline_number, entry));

          if (bs == NULL || bf == NULL)
            continue;
          g_string_append (out, "    <Baseline>\n");
          element_int (out, 5, "Number", number);
          g_string_append_printf (out, "     <Start>%sT08:00:00</Start>\n", bs);
          g_string_append_printf (out, "     <Finish>%sT%s</Finish>\n", bf, milestone ? "08:00:00" : "17:00:00");
          g_string_append (out, "    </Baseline>\n");
        }
      g_string_append (out, "   </Task>\n");
    }
  g_string_append (out, "  </Tasks>\n");

  g_string_append (out, "  <Resources>\n");
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      const char *name = charter_team_get_name (team);

      g_string_append (out, "   <Resource>\n");
      element_int (out, 4, "UID", i + 1);
      element_int (out, 4, "ID", i + 1);
      element (out, 4, "Name", name ? name : charter_item_get_id (CHARTER_ITEM (team)));
      element_int (out, 4, "Type", 1);
      g_string_append_printf (out, "    <MaxUnits>%d.00</MaxUnits>\n", charter_team_get_capacity (team));
      if (g_list_model_get_n_items (charter_team_get_commitments (team)) > 0)
        element_int (out, 4, "CalendarUID", 100 + i);
      g_string_append (out, "   </Resource>\n");
    }
  g_string_append (out, "  </Resources>\n");

  g_string_append (out, "  <Assignments>\n");
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      guint team = GPOINTER_TO_UINT (g_hash_table_lookup (team_uid, charter_task_get_team_id (task) ? charter_task_get_team_id (task) : ""));

      if (team == 0)
        continue;
      g_string_append (out, "   <Assignment>\n");
      element_int (out, 4, "UID", ++n_assignments);
      element_int (out, 4, "TaskUID", i + 1);
      element_int (out, 4, "ResourceUID", team);
      g_string_append (out, "    <Units>1.00</Units>\n");
      g_string_append (out, "   </Assignment>\n");
    }
  g_string_append (out, "  </Assignments>\n</Project>\n");

  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}
