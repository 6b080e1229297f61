/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-references.c: which properties of the model name items of another
 * collection. The reader checks that each reference names an item that
 * exists; the writer never writes one that does not. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <string.h>

#include "charter-io-private.h"

typedef struct
{
  GType       owner;
  const char *property;
  const char *target;
} Reference;

static const Reference *
get_references (guint *n_references)
{
  static Reference references[13];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const Reference table[] = {
        { CHARTER_TYPE_INTERVIEW, "participant-id", "participants" },
        { CHARTER_TYPE_INSIGHT, "interview-id", "interviews" },
        { CHARTER_TYPE_NEED, "insight-ids", "insights" },
        { CHARTER_TYPE_SPEC, "need-ids", "needs" },
        { CHARTER_TYPE_TASK, "team-id", "teams" },
        { CHARTER_TYPE_TASK, "serves", "needs" },
        { CHARTER_TYPE_DEPENDENCY, "predecessor", "tasks" },
        { CHARTER_TYPE_DEPENDENCY, "successor", "tasks" },
        { CHARTER_TYPE_RISK, "task-ids", "tasks" },
        { CHARTER_TYPE_BASELINE_ENTRY, "task-id", "tasks" },
        { CHARTER_TYPE_TASK_STATUS, "task-id", "tasks" },
        { CHARTER_TYPE_SCOPE_CHANGE, "task-ids", "tasks" },
        /* The spec comes before the plan: the reader checks this one once
         * the plan is read (check_forward_references). */
        { CHARTER_TYPE_DECISION, "scope-change-id", "scope_changes" },
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (table) == G_N_ELEMENTS (references));

      memcpy (references, table, sizeof table);
      g_once_init_leave (&initialized, 1);
    }

  *n_references = G_N_ELEMENTS (references);
  return references;
}

const char *
charter_io_reference_target (GType       owner,
                             const char *property)
{
  const Reference *references;
  guint n;

  references = get_references (&n);
  for (guint i = 0; i < n; i++)
    if (references[i].owner == owner && strcmp (references[i].property, property) == 0)
      return references[i].target;

  return NULL;
}

GListModel *
charter_io_get_collection (CharterDocument *document,
                           const char      *name)
{
  static const struct
  {
    const char  *name;
    GListModel *(*get) (CharterDocument *document);
  } collections[] = {
    { "participants", charter_document_get_participants },
    { "interviews", charter_document_get_interviews },
    { "insights", charter_document_get_insights },
    { "needs", charter_document_get_needs },
    { "teams", charter_document_get_teams },
    { "tasks", charter_document_get_tasks },
    { "scope_changes", charter_document_get_scope_changes },
  };

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    if (strcmp (collections[i].name, name) == 0)
      return collections[i].get (document);

  return NULL;
}
