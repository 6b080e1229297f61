/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-traceability.h: what the Discovery and Spec workspaces compute from
 * the document, in plain C so that it is tested without a display: a need's
 * evidence, which spec sections and plan tasks serve a need, what is not
 * served, the spec's length, search over notes and insights, and where an
 * insight sits in its interview's notes. */

#pragma once

#include "charter-document.h"
#include "charter-need.h"
#include "charter-insight.h"
#include "charter-interview.h"
#include "charter-participant.h"
#include "charter-task.h"

G_BEGIN_DECLS

/* A spec is "about a page" up to this many words. */
#define CHARTER_SPEC_PAGE_WORDS 600

CharterParticipant *charter_traceability_insight_participant (CharterDocument *document,
                                                              CharterInsight  *insight);
const char         *charter_traceability_insight_alias       (CharterDocument *document,
                                                              CharterInsight  *insight);
GPtrArray          *charter_traceability_need_insights       (CharterDocument *document,
                                                              CharterNeed     *need);
GPtrArray          *charter_traceability_need_participants   (CharterDocument *document,
                                                              CharterNeed     *need);
guint               charter_traceability_need_evidence       (CharterDocument *document,
                                                              CharterNeed     *need);
CharterNeed        *charter_traceability_insight_need        (CharterDocument *document,
                                                              CharterInsight  *insight);
GPtrArray          *charter_traceability_unfiled_insights    (CharterDocument *document);

GPtrArray          *charter_traceability_tasks_serving       (CharterDocument *document,
                                                              const char      *need_id);
GPtrArray          *charter_traceability_task_needs          (CharterDocument *document,
                                                              CharterTask     *task);
gboolean            charter_traceability_spec_addresses      (CharterDocument *document,
                                                              const char      *need_id);
GPtrArray          *charter_traceability_spec_sections_serving (CharterDocument *document,
                                                                const char      *need_id);
GPtrArray          *charter_traceability_unserved_needs      (CharterDocument *document);
GPtrArray          *charter_traceability_tasks_serving_no_need (CharterDocument *document);

guint               charter_traceability_count_words         (const char      *text);
guint               charter_traceability_spec_words          (CharterDocument *document);

gboolean            charter_traceability_text_matches        (const char      *text,
                                                              const char      *query);
GPtrArray          *charter_traceability_search              (CharterDocument *document,
                                                              const char      *query,
                                                              const char      *segment);
gboolean            charter_traceability_participant_in_segment (CharterParticipant *participant,
                                                                 const char         *segment);
GPtrArray          *charter_traceability_segments            (CharterDocument *document);

gboolean            charter_traceability_locate_insight      (const char      *notes,
                                                              CharterInsight  *insight,
                                                              int             *start,
                                                              int             *end);
char               *charter_traceability_notes_slice         (const char      *notes,
                                                              int              start,
                                                              int              end);

G_END_DECLS
