/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-spec-requests.h: the Spec's "Change Requests" section: each
 * pending scope-change request with the form the product manager decides
 * it with, and the requests already decided. Used by CharterSpecView. */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

/* Whether the rows must be built again: the requests or their decisions
 * changed (typing elsewhere in the spec must not reset a half-filled form). */
char     *charter_spec_requests_signature (CharterDocument     *document);
void      charter_spec_requests_rebuild   (AdwPreferencesGroup *group,
                                           GPtrArray           *rows,
                                           CharterDocument     *document);
/* spec.decide-scope-change: applies the form of request @id. */
gboolean  charter_spec_requests_decide    (GPtrArray           *rows,
                                           CharterDocument     *document,
                                           const char          *id);
/* For tests: picks the answer in the form of request @id (0 simplify,
 * 1 change scope, 2 find budget, 3 accept the slip), and for simplify
 * ticks "Drop" of @task_id. */
void      charter_spec_requests_set_form  (GPtrArray           *rows,
                                           const char          *id,
                                           guint                kind,
                                           const char          *drop_task_id);

G_END_DECLS
