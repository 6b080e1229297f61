/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-scope-decide.c: deciding a scope-change request. A request says
 * that work costs more than planned (its cost, on its tasks); the decision
 * says how the plan answers. Each decision takes the cost into the plan and
 * then simplifies (drops or shortens tasks), changes the scope (needs out of
 * the spec, as "out of scope" with the reason), finds budget (a team's
 * capacity) or accepts the slip, records itself in the spec's decision log
 * and closes the request: all of it one undoable step. */

#define G_LOG_DOMAIN "charter-scope-decide"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-scope-decide.h"

#include "charter-decision.h"
#include "charter-exclusion.h"
#include "charter-need.h"
#include "charter-spec.h"
#include "charter-task.h"
#include "charter-team.h"

/* Helpers */

static CharterTask *
find_task (CharterDocument *document,
           const char      *id)
{
  return id != NULL ? charter_document_find (document, charter_document_get_tasks (document), id) : NULL;
}

static void
append_task_names (GString            *out,
                   CharterDocument    *document,
                   const char * const *ids)
{
  gboolean first = TRUE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterTask *task = find_task (document, ids[i]);

      if (task == NULL)
        continue;
      if (!first)
        g_string_append (out, ", ");
      g_string_append_printf (out, "“%s”", charter_task_get_name (task));
      first = FALSE;
    }
}

/* A task's duration set to @duration, its estimates kept around it. */
static void
set_duration (CharterDocument *document,
              CharterTask     *task,
              int              duration)
{
  int optimistic = charter_task_get_optimistic (task);
  int pessimistic = charter_task_get_pessimistic (task);

  duration = CLAMP (duration, 0, 100000);
  if (optimistic >= 0 && optimistic > duration)
    optimistic = duration;
  if (pessimistic >= 0 && pessimistic < duration)
    pessimistic = duration;
  charter_document_set (document, task,
                        "optimistic", optimistic,
                        "pessimistic", pessimistic,
                        "duration", duration,
                        NULL);
}

static void
remove_need_from_spec (CharterDocument *document,
                       const char      *need_id)
{
  CharterSpec *spec = charter_document_get_spec (document);
  const char * const *ids = charter_spec_get_need_ids (spec);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], need_id) != 0)
      g_strv_builder_add (kept, ids[i]);
  result = g_strv_builder_end (kept);
  charter_document_set (document, spec, "need-ids", result, NULL);
}

static void
add_exclusion (CharterDocument *document,
               const char      *what,
               const char      *reason)
{
  GListModel *list = charter_spec_get_out_of_scope (charter_document_get_spec (document));
  g_autofree char *id = charter_document_make_id (document, list, "exclusion");
  g_autoptr(CharterExclusion) exclusion = charter_exclusion_new (id);

  charter_exclusion_set_what (exclusion, what);
  charter_exclusion_set_reason (exclusion, reason);
  charter_document_append (document, list, exclusion);
}

static void
drop_tasks (CharterDocument    *document,
            const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterTask *task = find_task (document, ids[i]);

      if (task != NULL)
        charter_document_remove (document, charter_document_get_tasks (document), task);
    }
}

/* Public API */

/**
 * charter_scope_change_add_cost:
 * @document: the document that holds the tasks
 * @change: a request (it need not be in @document: the what-if preview
 *   asks with a request not raised yet, on a copy of the document)
 *
 * Adds the cost of @change to the duration of each task it names (and to
 * their estimates), each through charter_document_set(). Milestones and
 * tasks that are not there are skipped.
 */
void
charter_scope_change_add_cost (CharterDocument    *document,
                               CharterScopeChange *change)
{
  const char * const *ids;
  int cost;

  g_return_if_fail (CHARTER_IS_DOCUMENT (document));
  g_return_if_fail (CHARTER_IS_SCOPE_CHANGE (change));

  cost = charter_scope_change_get_cost (change);
  ids = charter_scope_change_get_task_ids (change);
  if (cost == 0)
    return;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterTask *task = find_task (document, ids[i]);
      int optimistic, pessimistic;

      if (task == NULL || charter_task_get_milestone (task))
        continue;
      optimistic = charter_task_get_optimistic (task);
      pessimistic = charter_task_get_pessimistic (task);
      charter_document_set (document, task,
                            "pessimistic", pessimistic >= 0 ? MIN (pessimistic + cost, 100000) : -1,
                            "duration", MIN (charter_task_get_duration (task) + cost, 100000),
                            "optimistic", optimistic >= 0 ? MIN (optimistic + cost, 100000) : -1,
                            NULL);
    }
}

/**
 * charter_scope_response_describe:
 * @document: the document
 * @change: the request
 * @response: what the product manager decided
 *
 * Returns: (transfer full): the decision as the decision log shows it,
 *   ("Simplify for “Export”: drop “Sharing”; shorten “API” to 3 days")
 */
char *
charter_scope_response_describe (CharterDocument            *document,
                                 CharterScopeChange         *change,
                                 const CharterScopeResponse *response)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *what = charter_scope_change_get_what (change);

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (change), NULL);
  g_return_val_if_fail (response != NULL, NULL);

  what = what != NULL ? what : "";
  switch (response->kind)
    {
    case CHARTER_SCOPE_DECISION_SIMPLIFY:
      {
        gboolean any = FALSE;

        /* Translators: a decision log entry, "Simplify for “Export”" */
        g_string_printf (out, _("Simplify for “%s”"), what);
        if (response->drop_task_ids != NULL && response->drop_task_ids[0] != NULL)
          {
            /* Translators: "Simplify for “Export”: drop “Sharing”" */
            g_string_append (out, _(": drop "));
            append_task_names (out, document, response->drop_task_ids);
            any = TRUE;
          }
        for (guint i = 0; response->shorten_task_ids != NULL && response->shorten_task_ids[i] != NULL; i++)
          {
            CharterTask *task = find_task (document, response->shorten_task_ids[i]);
            int days = response->shorten_durations[i];

            if (task == NULL)
              continue;
            g_string_append (out, any ? "; " : ": ");
            g_string_append_printf (out,
                                    /* Translators: "shorten “API” to 3 working days" */
                                    g_dngettext (GETTEXT_PACKAGE, "shorten “%s” to %d working day",
                                                 "shorten “%s” to %d working days", days),
                                    charter_task_get_name (task), days);
            any = TRUE;
          }
      }
      break;

    case CHARTER_SCOPE_DECISION_CHANGE_SCOPE:
      {
        gboolean first = TRUE;

        /* Translators: a decision log entry, "Change scope for “Export”: … out of scope" */
        g_string_printf (out, _("Change scope for “%s”: "), what);
        for (guint i = 0; response->need_ids != NULL && response->need_ids[i] != NULL; i++)
          {
            CharterNeed *need = charter_document_find (document, charter_document_get_needs (document),
                                                       response->need_ids[i]);
            if (need == NULL)
              continue;
            g_string_append_printf (out, "%s“%s”", first ? "" : ", ", charter_need_get_statement (need));
            first = FALSE;
          }
        if (response->out_of_scope != NULL && response->out_of_scope[0] != '\0')
          {
            g_string_append_printf (out, "%s“%s”", first ? "" : ", ", response->out_of_scope);
            first = FALSE;
          }
        g_string_append (out, first ? _("nothing moved out of scope") : _(" out of scope"));
        if (response->drop_task_ids != NULL && response->drop_task_ids[0] != NULL)
          {
            g_string_append (out, _("; drop "));
            append_task_names (out, document, response->drop_task_ids);
          }
      }
      break;

    case CHARTER_SCOPE_DECISION_FIND_BUDGET:
      {
        CharterTeam *team = response->team_id != NULL
                            ? charter_document_find (document, charter_document_get_teams (document), response->team_id)
                            : NULL;

        if (team != NULL)
          /* Translators: a decision log entry, "Find budget for “Export”: “Backend” works on 3 tasks at once" */
          g_string_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                             "Find budget for “%s”: “%s” works on %d task at once",
                                             "Find budget for “%s”: “%s” works on %d tasks at once",
                                             response->capacity),
                           what, charter_team_get_name (team), response->capacity);
        else
          g_string_printf (out, _("Find budget for “%s”"), what);
      }
      break;

    case CHARTER_SCOPE_DECISION_ACCEPT_SLIP:
    case CHARTER_SCOPE_DECISION_PENDING:
    default:
      {
        int cost = charter_scope_change_get_cost (change);

        /* Translators: a decision log entry, "Accept the slip for “Export”: 5 more working days" */
        g_string_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                           "Accept the slip for “%s”: %d more working day",
                                           "Accept the slip for “%s”: %d more working days", cost),
                         what, cost);
      }
      break;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * charter_scope_change_decide:
 * @document: the document that holds @change
 * @change: a pending request
 * @response: what the product manager decided (not pending)
 *
 * Applies the decision as one undoable step: the request's cost goes to
 * its tasks, then what @response says happens, a #CharterDecision answering
 * @change joins the spec's decision log, and @change records the decision,
 * its date and reason.
 *
 * Returns: %FALSE, changing nothing, when @change is not pending, the
 *   document is read-only, or @response is pending
 */
gboolean
charter_scope_change_decide (CharterDocument            *document,
                             CharterScopeChange         *change,
                             const CharterScopeResponse *response)
{
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;
  g_autofree char *decision_id = NULL;
  g_autoptr(CharterDecision) decision = NULL;
  GListModel *decisions;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (CHARTER_IS_SCOPE_CHANGE (change), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  if (charter_document_get_read_only (document) ||
      response->kind == CHARTER_SCOPE_DECISION_PENDING ||
      charter_scope_change_get_decision (change) != CHARTER_SCOPE_DECISION_PENDING)
    return FALSE;

  /* Described before anything is dropped, so that the names are there. */
  summary = charter_scope_response_describe (document, change, response);
  /* Translators: an Undo menu item, "Decide “Export to CSV”" */
  label = g_strdup_printf (_("Decide “%s”"), charter_scope_change_get_what (change));
  charter_document_begin_group (document, label);

  charter_scope_change_add_cost (document, change);

  switch (response->kind)
    {
    case CHARTER_SCOPE_DECISION_SIMPLIFY:
      for (guint i = 0; response->shorten_task_ids != NULL && response->shorten_task_ids[i] != NULL; i++)
        {
          CharterTask *task = find_task (document, response->shorten_task_ids[i]);

          if (task != NULL)
            set_duration (document, task, response->shorten_durations[i]);
        }
      drop_tasks (document, response->drop_task_ids);
      break;

    case CHARTER_SCOPE_DECISION_CHANGE_SCOPE:
      for (guint i = 0; response->need_ids != NULL && response->need_ids[i] != NULL; i++)
        {
          CharterNeed *need = charter_document_find (document, charter_document_get_needs (document),
                                                     response->need_ids[i]);
          if (need == NULL)
            continue;
          remove_need_from_spec (document, response->need_ids[i]);
          add_exclusion (document, charter_need_get_statement (need), response->rationale);
        }
      if (response->out_of_scope != NULL && response->out_of_scope[0] != '\0')
        add_exclusion (document, response->out_of_scope, response->rationale);
      drop_tasks (document, response->drop_task_ids);
      break;

    case CHARTER_SCOPE_DECISION_FIND_BUDGET:
      {
        CharterTeam *team = response->team_id != NULL
                            ? charter_document_find (document, charter_document_get_teams (document), response->team_id)
                            : NULL;

        if (team != NULL)
          charter_document_set (document, team, "capacity", CLAMP (response->capacity, 1, 1000), NULL);
      }
      break;

    case CHARTER_SCOPE_DECISION_ACCEPT_SLIP:
    case CHARTER_SCOPE_DECISION_PENDING:
    default:
      break;
    }

  decisions = charter_spec_get_decisions (charter_document_get_spec (document));
  decision_id = charter_document_make_id (document, decisions, "decision");
  decision = charter_decision_new (decision_id);
  charter_decision_set_date (decision, response->date);
  charter_decision_set_summary (decision, summary);
  charter_decision_set_rationale (decision, response->rationale);
  charter_decision_set_scope_change_id (decision, charter_item_get_id (CHARTER_ITEM (change)));
  charter_document_append (document, decisions, decision);

  charter_document_set (document, change,
                        "decision", response->kind,
                        "decided-on", response->date,
                        "decision-reason", response->rationale,
                        NULL);

  charter_document_end_group (document);
  return TRUE;
}

/**
 * charter_scope_change_count_pending:
 * @document: a document
 *
 * Returns: how many scope-change requests wait for a decision
 */
guint
charter_scope_change_count_pending (CharterDocument *document)
{
  GListModel *changes;
  guint pending = 0;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), 0);

  changes = charter_document_get_scope_changes (document);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CharterScopeChange) change = g_list_model_get_item (changes, i);

      pending += charter_scope_change_get_decision (change) == CHARTER_SCOPE_DECISION_PENDING;
    }
  return pending;
}
