/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-check-in-summary.c: one check-in as CommonMark, from the
 * document (what was said) and the reforecast as of it (what it means). */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include "charter-check-in-summary.h"

#include <glib/gi18n.h>

#include "charter-baseline-comparison.h"
#include "charter-markdown.h"

static char *
format_day (guint32 julian)
{
  GDate date;
  char buf[128];

  if (julian == 0 || !g_date_valid_julian (julian))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* TRANSLATORS: a day in a sentence ("Mon 3 Mar 2025"), strftime format */
  if (g_date_strftime (buf, sizeof buf, _("%a %-d %b %Y"), &date) == 0)
    return g_strdup ("?");
  return g_strdup (buf);
}

static const char *
state_text (CharterTaskState state)
{
  switch (state)
    {
    case CHARTER_TASK_STATE_AT_RISK:
      return _("at risk");
    case CHARTER_TASK_STATE_BLOCKED:
      return _("blocked");
    case CHARTER_TASK_STATE_DONE:
      return _("done");
    case CHARTER_TASK_STATE_ON_TRACK:
    default:
      return _("on track");
    }
}

static const char *
team_name (CharterDocument *document,
           CharterTask     *task)
{
  const char *team_id = task != NULL ? charter_task_get_team_id (task) : NULL;
  CharterTeam *team;

  if (team_id == NULL || *team_id == '\0')
    return "";
  team = charter_document_find (document, charter_document_get_teams (document), team_id);
  return team != NULL ? charter_team_get_name (team) : team_id;
}

static void
append_status_table (GString         *out,
                     CharterDocument *document,
                     CharterSchedule *schedule,
                     CharterCheckIn  *check_in,
                     CharterBaselineComparison *cmp)
{
  GListModel *statuses = charter_check_in_get_statuses (check_in);
  guint n = g_list_model_get_n_items (statuses);

  g_string_append_printf (out, "## %s\n\n", _("Status by task"));
  if (n == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("This check-in has no task statuses."));
      return;
    }
  g_string_append_printf (out, "| %s | %s | %s | %s | %s | %s | %s |\n", _("Task"), _("Team"), _("State"),
                          _("Complete"), _("Remaining"), _("Forecast finish"), _("Slip"));
  g_string_append (out, "|---|---|---|---:|---:|---|---:|\n");
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(CharterTaskStatus) status = g_list_model_get_item (statuses, k);
      const char *task_id = charter_task_status_get_task_id (status);
      CharterTask *task = charter_document_find (document, charter_document_get_tasks (document), task_id);
      gint32 index = charter_schedule_get_task_index (schedule, task_id);
      g_autofree char *name = charter_markdown_escape_cell (task != NULL ? charter_item_get_display_name (CHARTER_ITEM (task)) : task_id);
      g_autofree char *team = charter_markdown_escape_cell (team_name (document, task));
      g_autofree char *remaining = NULL;
      g_autofree char *finish = NULL;
      g_autofree char *slip = NULL;
      int left = charter_task_status_get_remaining (status);
      int slip_days;

      if (charter_task_status_get_state (status) == CHARTER_TASK_STATE_DONE)
        remaining = g_strdup ("—");
      else if (left >= 0)
        remaining = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", left), left);
      else
        remaining = g_strdup (_("as planned"));
      finish = index >= 0 ? format_day (charter_schedule_get_task_dates_at (schedule, index)->early_finish) : g_strdup ("—");
      if (index >= 0 && cmp != NULL && charter_baseline_comparison_get_task (cmp, index, NULL, NULL, &slip_days))
        slip = g_strdup_printf ("%+d", slip_days);
      else
        slip = g_strdup ("—");

      g_string_append_printf (out, "| %s | %s | %s | %d %% | %s | %s | %s |\n", name, team,
                              state_text (charter_task_status_get_state (status)),
                              charter_task_status_get_percent_complete (status),
                              remaining, finish, slip);
    }
  g_string_append_c (out, '\n');
}

static void
append_blockers (GString         *out,
                 CharterDocument *document,
                 CharterCheckIn  *check_in)
{
  GListModel *statuses = charter_check_in_get_statuses (check_in);
  gboolean any = FALSE;

  g_string_append_printf (out, "## %s\n\n", _("Blockers"));
  for (guint k = 0; k < g_list_model_get_n_items (statuses); k++)
    {
      g_autoptr(CharterTaskStatus) status = g_list_model_get_item (statuses, k);
      const char *blockers = charter_task_status_get_blockers (status);
      const char *task_id = charter_task_status_get_task_id (status);
      CharterTask *task = charter_document_find (document, charter_document_get_tasks (document), task_id);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      if ((blockers == NULL || *blockers == '\0') &&
          charter_task_status_get_state (status) != CHARTER_TASK_STATE_BLOCKED)
        continue;
      name = charter_markdown_escape_inline (task != NULL ? charter_item_get_display_name (CHARTER_ITEM (task)) : task_id);
      text = blockers != NULL && *blockers != '\0' ? charter_markdown_escape_inline (blockers)
                                                   : g_strdup (_("blocked; no reason given"));
      g_string_append_printf (out, "- **%s** (%s): %s\n", name,
                              state_text (charter_task_status_get_state (status)), text);
      any = TRUE;
    }
  if (!any)
    g_string_append_printf (out, "%s\n", _("None reported."));
  g_string_append_c (out, '\n');
}

static void
append_decisions (GString         *out,
                  CharterDocument *document)
{
  GListModel *changes = charter_document_get_scope_changes (document);
  gboolean any = FALSE;

  g_string_append_printf (out, "## %s\n\n", _("Decisions needed"));
  for (guint k = 0; k < g_list_model_get_n_items (changes); k++)
    {
      g_autoptr(CharterScopeChange) change = g_list_model_get_item (changes, k);
      const char *why = charter_scope_change_get_why (change);
      const char *raised = charter_scope_change_get_raised_on (change);
      int cost = charter_scope_change_get_cost (change);
      g_autofree char *what = NULL;

      if (charter_scope_change_get_decision (change) != CHARTER_SCOPE_DECISION_PENDING)
        continue;
      what = charter_markdown_escape_inline (charter_scope_change_get_what (change));
      g_string_append_printf (out, "- **%s**", what);
      if (why != NULL && *why != '\0')
        {
          g_autofree char *text = charter_markdown_escape_inline (why);
          g_string_append_printf (out, ": %s", text);
        }
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " (costs %d working day", " (costs %d working days", cost), cost);
      if (raised != NULL && *raised != '\0')
        g_string_append_printf (out, _("; raised on %s"), raised);
      g_string_append_printf (out, "%s\n", _("; simplify, change scope, find budget or accept the slip)"));
      any = TRUE;
    }
  if (!any)
    g_string_append_printf (out, "%s\n", _("No scope-change request is waiting for a decision."));
}

/**
 * charter_check_in_summary_to_markdown:
 * @document: the document
 * @schedule: its schedule as of the check-in to summarise
 *   (charter_schedule_compute_as_of())
 *
 * The summary of the check-in @schedule follows: its date and notes, the
 * launch's forecast (against the newest baseline), what moved since the
 * check-in before and why, each task's status, the blockers, and the
 * pending scope-change requests: the decisions needed.
 *
 * Returns: (transfer full) (nullable): CommonMark ending in one newline, or
 *   %NULL when @schedule follows no check-in
 */
char *
charter_check_in_summary_to_markdown (CharterDocument *document,
                                      CharterSchedule *schedule)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CharterBaselineComparison) cmp = NULL;
  g_autofree char *day = NULL;
  g_autofree char *moved = NULL;
  CharterBaseline *baseline;
  CharterCheckIn *check_in;
  const char *notes;
  int position = charter_schedule_get_check_in (schedule);
  int launch;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (schedule), NULL);

  if (position < 0)
    return NULL;
  check_in = charter_document_find (document, charter_document_get_check_ins (document),
                                    charter_schedule_get_check_in_id (schedule, position));
  if (check_in == NULL)
    return NULL;

  baseline = charter_baseline_comparison_newest (document);
  if (baseline != NULL)
    cmp = charter_baseline_comparison_new (schedule, baseline);

  day = format_day (charter_schedule_get_status_date (schedule));
  /* Translators: the heading of a check-in summary; %s is its date */
  g_string_append_printf (out, _("# Check-in of %s\n\n"), day);

  notes = charter_check_in_get_notes (check_in);
  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *text = charter_markdown_escape_inline (notes);
      g_string_append_printf (out, "%s\n\n", text);
    }

  launch = charter_schedule_get_launch (schedule);
  if (launch >= 0)
    {
      g_autofree char *name = charter_markdown_escape_inline (charter_schedule_get_task_name (schedule, launch));
      g_autofree char *when = format_day (charter_schedule_get_task_dates_at (schedule, launch)->early_finish);
      int slip;

      g_string_append_printf (out, _("**Forecast:** “%s” on %s"), name, when);
      if (cmp != NULL && charter_baseline_comparison_get_launch_slip (cmp, &slip))
        {
          g_autofree char *bname = charter_markdown_escape_inline (charter_baseline_get_name (baseline));

          if (slip == 0)
            g_string_append_printf (out, _(", as in the baseline “%s”"), bname);
          else
            g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                      ", %+d working day against the baseline “%s”",
                                                      ", %+d working days against the baseline “%s”", ABS (slip)),
                                    slip, bname);
        }
      g_string_append (out, ".\n\n");
    }

  g_string_append_printf (out, "## %s\n\n", _("What moved and why"));
  moved = charter_schedule_explain_check_in (schedule);
  if (moved != NULL)
    {
      g_autofree char *text = charter_markdown_escape_inline (moved);
      g_string_append_printf (out, "%s\n\n", text);
    }

  append_status_table (out, document, schedule, check_in, cmp);
  append_blockers (out, document, check_in);
  append_decisions (out, document);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
