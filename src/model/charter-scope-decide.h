/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-scope-decide.h: the product manager's answer to a scope-change
 * request, applied to the plan and the spec as one undoable step. */

#pragma once

#include "charter-document.h"
#include "charter-scope-change.h"

G_BEGIN_DECLS

/**
 * CharterScopeResponse:
 * @kind: simplify, change scope, find budget or accept the slip (not pending)
 * @date: (nullable): when it was decided, YYYY-MM-DD
 * @rationale: (nullable): why; the decision log's rationale and the
 *   reason of each item moved out of scope
 * @drop_task_ids: (nullable): simplify and change scope: tasks to drop
 * @shorten_task_ids: (nullable): simplify: tasks to shorten
 * @shorten_durations: (nullable): their new durations in working days, one
 *   for each of @shorten_task_ids
 * @need_ids: (nullable): change scope: needs of the spec that go out of scope
 * @out_of_scope: (nullable): change scope: something else that goes out
 * @team_id: (nullable): find budget: the team that gets more capacity
 * @capacity: find budget: its new capacity (tasks at once)
 *
 * What the product manager decided. Only the members of @kind count.
 */
typedef struct
{
  CharterScopeDecision  kind;
  const char           *date;
  const char           *rationale;
  const char * const   *drop_task_ids;
  const char * const   *shorten_task_ids;
  const int            *shorten_durations;
  const char * const   *need_ids;
  const char           *out_of_scope;
  const char           *team_id;
  int                   capacity;
} CharterScopeResponse;

void      charter_scope_change_add_cost     (CharterDocument            *document,
                                             CharterScopeChange         *change);
gboolean  charter_scope_change_decide       (CharterDocument            *document,
                                             CharterScopeChange         *change,
                                             const CharterScopeResponse *response);
char     *charter_scope_response_describe   (CharterDocument            *document,
                                             CharterScopeChange         *change,
                                             const CharterScopeResponse *response);
guint     charter_scope_change_count_pending (CharterDocument           *document);

G_END_DECLS
