/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building plans in C for the engine tests and benchmark. */

#pragma once

#include <stdio.h>

#include "charter-model.h"
#include "charter-schedule.h"

static inline guint32
julian (const char *iso)
{
  GDate date;
  guint y, m, d;

  g_assert_true (sscanf (iso, "%u-%u-%u", &y, &m, &d) == 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static inline char *
iso (guint32 julian_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static inline CharterDocument *
plan_new (const char *start)
{
  CharterDocument *doc = charter_document_new ();

  charter_calendar_set_start (charter_document_get_calendar (doc), start);
  return doc;
}

static inline CharterTask *
plan_task (CharterDocument *doc,
           const char      *id,
           const char      *name,
           int              duration)
{
  g_autoptr(CharterTask) task = charter_task_new (id);

  charter_task_set_name (task, name);
  charter_task_set_duration (task, duration);
  if (duration == 0)
    charter_task_set_milestone (task, TRUE);
  g_list_store_append (G_LIST_STORE (charter_document_get_tasks (doc)), task);
  return task;
}

static inline CharterDependency *
plan_dep (CharterDocument       *doc,
          const char            *from,
          const char            *to,
          CharterDependencyType  kind,
          int                    lag)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", from, to);
  g_autoptr(CharterDependency) dep = charter_dependency_new (id);

  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  charter_dependency_set_kind (dep, kind);
  charter_dependency_set_lag (dep, lag);
  g_list_store_append (G_LIST_STORE (charter_document_get_dependencies (doc)), dep);
  return dep;
}

static inline CharterTeam *
plan_team (CharterDocument *doc,
           const char      *id,
           const char      *name,
           int              capacity)
{
  g_autoptr(CharterTeam) team = charter_team_new (id);

  charter_team_set_name (team, name);
  charter_team_set_capacity (team, capacity);
  g_list_store_append (G_LIST_STORE (charter_document_get_teams (doc)), team);
  return team;
}

static inline void
plan_commitment (CharterTeam *team,
                 const char  *start,
                 const char  *finish,
                 const char  *reason)
{
  static guint counter;
  g_autofree char *id = g_strdup_printf ("c%u", ++counter);
  g_autoptr(CharterCommitment) commitment = charter_commitment_new (id);

  charter_commitment_set_start (commitment, start);
  charter_commitment_set_finish (commitment, finish);
  charter_commitment_set_reason (commitment, reason);
  g_list_store_append (G_LIST_STORE (charter_team_get_commitments (team)), commitment);
}
