/* SPDX-License-Identifier: GPL-3.0-or-later */
/* discovery-fixture.h: a small Discovery document built in code for the
 * tests: two runners and a lifter, three interviews, five insights, two
 * needs, three tasks. Personal data is marked so that a test can look for it. */

#pragma once

#include "charter-model.h"

#define FIXTURE_SECRET_NAME_A  "Alice Secretname"
#define FIXTURE_SECRET_EMAIL_A "alice.secret@example.org"
#define FIXTURE_SECRET_NAME_B  "Bob Hiddenname"
#define FIXTURE_SECRET_PHONE_B "+1 555 0199 222"

static inline CharterParticipant *
fixture_participant (CharterDocument *doc,
                     const char      *id,
                     const char      *alias,
                     const char      *segment,
                     const char      *real_name,
                     const char      *contact)
{
  g_autoptr(CharterParticipant) p = charter_participant_new (id);

  charter_participant_set_alias (p, alias);
  charter_participant_set_segment (p, segment);
  charter_participant_set_real_name (p, real_name);
  charter_participant_set_contact (p, contact);
  charter_document_append (doc, charter_document_get_participants (doc), p);
  return p;
}

static inline CharterInterview *
fixture_interview (CharterDocument *doc,
                   const char      *id,
                   const char      *participant_id,
                   const char      *date,
                   const char      *notes)
{
  g_autoptr(CharterInterview) i = charter_interview_new (id);

  charter_interview_set_participant_id (i, participant_id);
  charter_interview_set_date (i, date);
  charter_interview_set_title (i, id);
  charter_interview_set_notes (i, notes);
  charter_document_append (doc, charter_document_get_interviews (doc), i);
  return i;
}

/* An insight of the characters [start, start + strlen (text)) of the notes. */
static inline CharterInsight *
fixture_insight (CharterDocument *doc,
                 const char      *id,
                 const char      *interview_id,
                 const char      *text,
                 CharterInsightKind kind)
{
  g_autoptr(CharterInsight) in = charter_insight_new (id);
  CharterInterview *interview = charter_document_find (doc, charter_document_get_interviews (doc), interview_id);
  const char *notes = charter_interview_get_notes (interview);
  const char *at = strstr (notes, text);

  g_assert_nonnull (at);
  charter_insight_set_interview_id (in, interview_id);
  charter_insight_set_text (in, text);
  charter_insight_set_kind (in, kind);
  charter_insight_set_start (in, (int) g_utf8_pointer_to_offset (notes, at));
  charter_insight_set_end (in, (int) g_utf8_pointer_to_offset (notes, at) + (int) g_utf8_strlen (text, -1));
  charter_document_append (doc, charter_document_get_insights (doc), in);
  return in;
}

static inline CharterNeed *
fixture_need (CharterDocument    *doc,
              const char         *id,
              const char         *statement,
              const char * const *insight_ids)
{
  g_autoptr(CharterNeed) n = charter_need_new (id);

  charter_need_set_statement (n, statement);
  charter_need_set_insight_ids (n, insight_ids);
  charter_document_append (doc, charter_document_get_needs (doc), n);
  return n;
}

static inline CharterTask *
fixture_task (CharterDocument    *doc,
              const char         *id,
              const char         *name,
              const char * const *serves)
{
  g_autoptr(CharterTask) t = charter_task_new (id);

  charter_task_set_name (t, name);
  charter_task_set_duration (t, 5);
  charter_task_set_serves (t, serves);
  charter_document_append (doc, charter_document_get_tasks (doc), t);
  return t;
}

static inline CharterDocument *
fixture_new (void)
{
  CharterDocument *doc = charter_document_new ();
  CharterSpec *spec = charter_document_get_spec (doc);

  fixture_participant (doc, "p1", "Runner A", "runners", FIXTURE_SECRET_NAME_A, FIXTURE_SECRET_EMAIL_A);
  fixture_participant (doc, "p2", "Lifter B", "lifters", FIXTURE_SECRET_NAME_B, FIXTURE_SECRET_PHONE_B);
  fixture_participant (doc, "p3", "Runner C", "runners", "Carol Private", "carol@private.example");

  fixture_interview (doc, "i1", "p1", "2026-03-02",
                     "Warm-up chat.\nI never know if I'm getting faster — the app forgets my old runs.\n"
                     "Café stop after.");
  fixture_interview (doc, "i2", "p2", "2026-03-03",
                     "I want to see my bench press over the whole year.\nProgress keeps me going.");
  fixture_interview (doc, "i3", "p1", "2026-03-09",
                     "Follow-up: compares runs in a spreadsheet every Sunday.");
  fixture_interview (doc, "i4", "p3", "2026-03-10",
                     "Deletes old workouts to keep the list short.");

  fixture_insight (doc, "in1", "i1", "the app forgets my old runs", CHARTER_INSIGHT_QUOTE);
  fixture_insight (doc, "in2", "i2", "I want to see my bench press over the whole year", CHARTER_INSIGHT_QUOTE);
  fixture_insight (doc, "in3", "i3", "compares runs in a spreadsheet every Sunday", CHARTER_INSIGHT_OBSERVATION);
  fixture_insight (doc, "in4", "i1", "I never know if I'm getting faster", CHARTER_INSIGHT_QUOTE);
  fixture_insight (doc, "in5", "i4", "Deletes old workouts", CHARTER_INSIGHT_OBSERVATION);

  fixture_need (doc, "n1", "See progress over time", (const char *[]) { "in1", "in2", "in3", "in4", NULL });
  fixture_need (doc, "n2", "Keep the workout list short", (const char *[]) { NULL });

  fixture_task (doc, "t1", "History screen", (const char *[]) { "n1", NULL });
  fixture_task (doc, "t2", "Progress chart", (const char *[]) { "n1", NULL });
  fixture_task (doc, "t3", "Refactor settings", (const char *[]) { NULL });

  charter_spec_set_title (spec, "Workout history");
  charter_spec_set_problem (spec, "People cannot tell whether they are improving.");
  charter_spec_set_need_ids (spec, (const char *[]) { "n1", NULL });
  charter_spec_set_solution (spec, "A history screen that helps people See progress over time.");

  return doc;
}
