/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-traceability"

#include "config.h"

#include <string.h>

#include "charter-traceability.h"

#include "charter-spec.h"

/* Helpers */

static gboolean
strv_contains (const char * const *strv,
               const char         *id)
{
  return strv != NULL && id != NULL && g_strv_contains (strv, id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Public API */

/**
 * charter_traceability_insight_participant:
 * @document: a #CharterDocument
 * @insight: an insight
 *
 * Returns: (transfer none) (nullable): the participant of the interview the
 *   insight was taken from
 */
CharterParticipant *
charter_traceability_insight_participant (CharterDocument *document,
                                          CharterInsight  *insight)
{
  CharterInterview *interview;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CHARTER_IS_INSIGHT (insight), NULL);

  interview = charter_document_find (document, charter_document_get_interviews (document),
                                     charter_insight_get_interview_id (insight));
  if (interview == NULL)
    return NULL;

  return charter_document_find (document, charter_document_get_participants (document),
                                charter_interview_get_participant_id (interview));
}

/**
 * charter_traceability_insight_alias:
 * @document: a #CharterDocument
 * @insight: an insight
 *
 * The name an insight is attributed to outside the participant's own page: the
 * alias, never the real name.
 *
 * Returns: (transfer none) (nullable): the alias, or %NULL when the insight has
 *   no participant or the participant no alias
 */
const char *
charter_traceability_insight_alias (CharterDocument *document,
                                    CharterInsight  *insight)
{
  CharterParticipant *participant = charter_traceability_insight_participant (document, insight);
  const char *alias;

  if (participant == NULL)
    return NULL;

  alias = charter_participant_get_alias (participant);
  return (alias != NULL && *alias != '\0') ? alias : NULL;
}

/**
 * charter_traceability_need_insights:
 * @document: a #CharterDocument
 * @need: a need
 *
 * Returns: (transfer container) (element-type CharterInsight): the insights
 *   filed under @need that exist in the document, in the need's order
 */
GPtrArray *
charter_traceability_need_insights (CharterDocument *document,
                                    CharterNeed     *need)
{
  GPtrArray *insights = g_ptr_array_new ();
  const char * const *ids;
  GListModel *all;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), insights);
  g_return_val_if_fail (CHARTER_IS_NEED (need), insights);

  all = charter_document_get_insights (document);
  ids = charter_need_get_insight_ids (need);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterInsight *insight = charter_document_find (document, all, ids[i]);

      if (insight != NULL && !g_ptr_array_find (insights, insight, NULL))
        g_ptr_array_add (insights, insight);
    }

  return insights;
}

/**
 * charter_traceability_need_participants:
 * @document: a #CharterDocument
 * @need: a need
 *
 * The evidence behind a need: the distinct participants whose interviews its
 * insights came from.
 *
 * Returns: (transfer container) (element-type CharterParticipant): the
 *   participants, each once, sorted by alias
 */
GPtrArray *
charter_traceability_need_participants (CharterDocument *document,
                                        CharterNeed     *need)
{
  g_autoptr(GPtrArray) insights = charter_traceability_need_insights (document, need);
  GPtrArray *participants = g_ptr_array_new ();
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();

  for (guint i = 0; i < insights->len; i++)
    {
      CharterParticipant *participant =
        charter_traceability_insight_participant (document, insights->pdata[i]);

      if (participant != NULL && !g_ptr_array_find (participants, participant, NULL))
        g_ptr_array_add (participants, participant);
    }

  /* Sort by alias with a stable tie-break on id. */
  for (guint i = 1; i < participants->len; i++)
    for (guint j = i; j > 0; j--)
      {
        CharterParticipant *a = participants->pdata[j - 1];
        CharterParticipant *b = participants->pdata[j];
        int cmp = g_utf8_collate (charter_participant_get_alias (a) ? charter_participant_get_alias (a) : "",
                                  charter_participant_get_alias (b) ? charter_participant_get_alias (b) : "");

        if (cmp == 0)
          cmp = g_strcmp0 (charter_item_get_id (CHARTER_ITEM (a)), charter_item_get_id (CHARTER_ITEM (b)));
        if (cmp <= 0)
          break;
        participants->pdata[j - 1] = b;
        participants->pdata[j] = a;
      }

  return participants;
}

/**
 * charter_traceability_need_evidence:
 * @document: a #CharterDocument
 * @need: a need
 *
 * Returns: how many distinct participants stand behind @need. Three quotes
 *   from one person are one participant's evidence, not three.
 */
guint
charter_traceability_need_evidence (CharterDocument *document,
                                    CharterNeed     *need)
{
  g_autoptr(GPtrArray) participants = charter_traceability_need_participants (document, need);

  return participants->len;
}

/**
 * charter_traceability_insight_need:
 * @document: a #CharterDocument
 * @insight: an insight
 *
 * Returns: (transfer none) (nullable): the first need @insight is filed under
 */
CharterNeed *
charter_traceability_insight_need (CharterDocument *document,
                                   CharterInsight  *insight)
{
  GListModel *needs;
  const char *id;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CHARTER_IS_INSIGHT (insight), NULL);

  id = charter_item_get_id (CHARTER_ITEM (insight));
  needs = charter_document_get_needs (document);
  n = g_list_model_get_n_items (needs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);

      if (strv_contains (charter_need_get_insight_ids (need), id))
        return need;
    }

  return NULL;
}

/**
 * charter_traceability_unfiled_insights:
 * @document: a #CharterDocument
 *
 * Returns: (transfer container) (element-type CharterInsight): the insights no
 *   need holds: the affinity board's unfiled pile
 */
GPtrArray *
charter_traceability_unfiled_insights (CharterDocument *document)
{
  g_autoptr(GHashTable) filed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *unfiled = g_ptr_array_new ();
  GListModel *needs, *insights;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), unfiled);

  needs = charter_document_get_needs (document);
  n = g_list_model_get_n_items (needs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
      const char * const *ids = charter_need_get_insight_ids (need);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_hash_table_add (filed, (gpointer) ids[j]);
    }

  insights = charter_document_get_insights (document);
  n = g_list_model_get_n_items (insights);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterInsight) insight = g_list_model_get_item (insights, i);

      if (!g_hash_table_contains (filed, charter_item_get_id (CHARTER_ITEM (insight))))
        g_ptr_array_add (unfiled, insight);
    }

  return unfiled;
}

/**
 * charter_traceability_tasks_serving:
 * @document: a #CharterDocument
 * @need_id: a need's id
 *
 * Returns: (transfer container) (element-type CharterTask): the plan tasks
 *   whose `serves` names @need_id, in plan order
 */
GPtrArray *
charter_traceability_tasks_serving (CharterDocument *document,
                                    const char      *need_id)
{
  GPtrArray *tasks = g_ptr_array_new ();
  GListModel *all;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), tasks);

  all = charter_document_get_tasks (document);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (all, i);

      if (strv_contains (charter_task_get_serves (task), need_id))
        g_ptr_array_add (tasks, task);
    }

  return tasks;
}

/**
 * charter_traceability_task_needs:
 * @document: a #CharterDocument
 * @task: a plan task
 *
 * Returns: (transfer container) (element-type CharterNeed): the needs @task
 *   serves that exist in the document
 */
GPtrArray *
charter_traceability_task_needs (CharterDocument *document,
                                 CharterTask     *task)
{
  GPtrArray *needs = g_ptr_array_new ();
  const char * const *ids;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), needs);
  g_return_val_if_fail (CHARTER_IS_TASK (task), needs);

  ids = charter_task_get_serves (task);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CharterNeed *need = charter_document_find (document, charter_document_get_needs (document), ids[i]);

      if (need != NULL && !g_ptr_array_find (needs, need, NULL))
        g_ptr_array_add (needs, need);
    }

  return needs;
}

/**
 * charter_traceability_spec_addresses:
 * @document: a #CharterDocument
 * @need_id: a need's id
 *
 * Returns: whether the spec lists @need_id among the needs it addresses
 */
gboolean
charter_traceability_spec_addresses (CharterDocument *document,
                                     const char      *need_id)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), FALSE);

  return strv_contains (charter_spec_get_need_ids (charter_document_get_spec (document)), need_id);
}

/**
 * charter_traceability_spec_sections_serving:
 * @document: a #CharterDocument
 * @need_id: a need's id
 *
 * The spec sections that serve a need: "needs" when the spec lists it, and
 * "solution" or "smallest-version" when their text names the need's
 * statement.
 *
 * Returns: (transfer container) (element-type utf8): section keys, static strings
 */
GPtrArray *
charter_traceability_spec_sections_serving (CharterDocument *document,
                                            const char      *need_id)
{
  GPtrArray *sections = g_ptr_array_new ();
  CharterSpec *spec;
  CharterNeed *need;
  const char *statement;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), sections);

  spec = charter_document_get_spec (document);
  need = charter_document_find (document, charter_document_get_needs (document), need_id);
  if (need == NULL)
    return sections;

  if (charter_traceability_spec_addresses (document, need_id))
    g_ptr_array_add (sections, (gpointer) "needs");

  statement = charter_need_get_statement (need);
  if (statement == NULL || g_utf8_strlen (statement, -1) < 4)
    return sections;

  if (charter_traceability_text_matches (charter_spec_get_solution (spec), statement))
    g_ptr_array_add (sections, (gpointer) "solution");
  if (charter_traceability_text_matches (charter_spec_get_smallest_version (spec), statement))
    g_ptr_array_add (sections, (gpointer) "smallest-version");

  return sections;
}

/**
 * charter_traceability_unserved_needs:
 * @document: a #CharterDocument
 *
 * Returns: (transfer container) (element-type CharterNeed): the needs that no
 *   plan task serves, in document order
 */
GPtrArray *
charter_traceability_unserved_needs (CharterDocument *document)
{
  g_autoptr(GHashTable) served = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *unserved = g_ptr_array_new ();
  GListModel *tasks, *needs;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), unserved);

  tasks = charter_document_get_tasks (document);
  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char * const *ids = charter_task_get_serves (task);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_hash_table_add (served, (gpointer) ids[j]);
    }

  needs = charter_document_get_needs (document);
  n = g_list_model_get_n_items (needs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);

      if (!g_hash_table_contains (served, charter_item_get_id (CHARTER_ITEM (need))))
        g_ptr_array_add (unserved, need);
    }

  return unserved;
}

/**
 * charter_traceability_tasks_serving_no_need:
 * @document: a #CharterDocument
 *
 * Milestones are left out: they mark a moment, they do no work.
 *
 * Returns: (transfer container) (element-type CharterTask): the plan tasks
 *   that serve no existing need
 */
GPtrArray *
charter_traceability_tasks_serving_no_need (CharterDocument *document)
{
  GPtrArray *orphans = g_ptr_array_new ();
  GListModel *tasks;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), orphans);

  tasks = charter_document_get_tasks (document);
  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      g_autoptr(GPtrArray) needs = NULL;

      if (charter_task_get_milestone (task))
        continue;

      needs = charter_traceability_task_needs (document, task);
      if (needs->len == 0)
        g_ptr_array_add (orphans, task);
    }

  return orphans;
}

/**
 * charter_traceability_count_words:
 * @text: (nullable): some text
 *
 * Returns: the number of words: runs of letters, digits and the marks and
 *   apostrophes inside them ("don't" is one word, "3.5" is one)
 */
guint
charter_traceability_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = g_unichar_isalnum (c) || g_unichar_ismark (c);

      /* Joiners inside a word keep it one word. */
      if (!word_char && in_word && (c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == ','))
        {
          gunichar next = g_utf8_get_char (g_utf8_next_char (p));

          if (g_unichar_isalnum (next))
            continue;
        }

      if (word_char && !in_word)
        words++;
      in_word = word_char;
    }

  return words;
}

/**
 * charter_traceability_spec_words:
 * @document: a #CharterDocument
 *
 * Returns: the words of the spec as a reader sees it: every text field, every
 *   listed need's statement and every item of its lists
 */
guint
charter_traceability_spec_words (CharterDocument *document)
{
  CharterSpec *spec;
  const char * const *need_ids;
  guint words = 0;
  struct { GListModel *list; const char *props[3]; } lists[5];

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), 0);

  spec = charter_document_get_spec (document);
  words += charter_traceability_count_words (charter_spec_get_title (spec));
  words += charter_traceability_count_words (charter_spec_get_problem (spec));
  words += charter_traceability_count_words (charter_spec_get_audience (spec));
  words += charter_traceability_count_words (charter_spec_get_acuteness (spec));
  words += charter_traceability_count_words (charter_spec_get_solution (spec));
  words += charter_traceability_count_words (charter_spec_get_smallest_version (spec));
  words += charter_traceability_count_words (charter_spec_get_appetite (spec));

  need_ids = charter_spec_get_need_ids (spec);
  for (guint i = 0; need_ids != NULL && need_ids[i] != NULL; i++)
    {
      CharterNeed *need = charter_document_find (document, charter_document_get_needs (document), need_ids[i]);

      if (need != NULL)
        words += charter_traceability_count_words (charter_need_get_statement (need));
    }

  lists[0].list = charter_spec_get_integration_questions (spec);
  lists[0].props[0] = "question"; lists[0].props[1] = "answer"; lists[0].props[2] = NULL;
  lists[1].list = charter_spec_get_out_of_scope (spec);
  lists[1].props[0] = "what"; lists[1].props[1] = "reason"; lists[1].props[2] = NULL;
  lists[2].list = charter_spec_get_metrics (spec);
  lists[2].props[0] = "measure"; lists[2].props[1] = "target"; lists[2].props[2] = "time-frame";
  lists[3].list = charter_spec_get_open_questions (spec);
  lists[3].props[0] = "question"; lists[3].props[1] = "answer"; lists[3].props[2] = NULL;
  lists[4].list = charter_spec_get_decisions (spec);
  lists[4].props[0] = "summary"; lists[4].props[1] = "rationale"; lists[4].props[2] = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_list_model_get_n_items (lists[l].list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (lists[l].list, i);

          for (guint p = 0; p < G_N_ELEMENTS (lists[l].props) && lists[l].props[p] != NULL; p++)
            {
              g_autofree char *text = NULL;

              g_object_get (item, lists[l].props[p], &text, NULL);
              words += charter_traceability_count_words (text);
            }
        }
    }

  return words;
}

/**
 * charter_traceability_text_matches:
 * @text: (nullable): text to look in
 * @query: (nullable): what to look for
 *
 * Returns: whether @text contains @query, ignoring case (and Unicode case
 *   folding); an empty query matches everything
 */
gboolean
charter_traceability_text_matches (const char *text,
                                   const char *query)
{
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_query = NULL;
  g_autofree char *norm_text = NULL;
  g_autofree char *norm_query = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  if (text == NULL || *text == '\0')
    return FALSE;

  norm_text = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  norm_query = g_utf8_normalize (query, -1, G_NORMALIZE_ALL);
  if (norm_text == NULL || norm_query == NULL)
    return FALSE;

  folded_text = g_utf8_casefold (norm_text, -1);
  folded_query = g_utf8_casefold (norm_query, -1);

  return strstr (folded_text, folded_query) != NULL;
}

/**
 * charter_traceability_participant_in_segment:
 * @participant: (nullable): a participant
 * @segment: (nullable): a segment, or %NULL or "" for all
 *
 * Returns: whether @participant belongs to @segment
 */
gboolean
charter_traceability_participant_in_segment (CharterParticipant *participant,
                                             const char         *segment)
{
  if (segment == NULL || *segment == '\0')
    return TRUE;
  if (participant == NULL)
    return FALSE;

  return g_strcmp0 (charter_participant_get_segment (participant), segment) == 0;
}

/**
 * charter_traceability_segments:
 * @document: a #CharterDocument
 *
 * Returns: (transfer full) (element-type utf8): the participants' distinct
 *   non-empty segments, sorted
 */
GPtrArray *
charter_traceability_segments (CharterDocument *document)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func (g_free);
  GListModel *participants;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), segments);

  participants = charter_document_get_participants (document);
  n = g_list_model_get_n_items (participants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterParticipant) participant = g_list_model_get_item (participants, i);
      const char *segment = charter_participant_get_segment (participant);
      gboolean seen = FALSE;

      if (segment == NULL || *segment == '\0')
        continue;
      for (guint j = 0; j < segments->len && !seen; j++)
        seen = g_str_equal (segments->pdata[j], segment);
      if (!seen)
        g_ptr_array_add (segments, g_strdup (segment));
    }

  g_ptr_array_sort (segments, compare_strings);

  return segments;
}

/**
 * charter_traceability_search:
 * @document: a #CharterDocument
 * @query: (nullable): words to look for
 * @segment: (nullable): only participants of this segment, or %NULL for all
 *
 * Searches all interview notes and titles and all insights. Participants'
 * real names and contacts are not searched: a match there would show them
 * outside the participant's page.
 *
 * Returns: (transfer container) (element-type CharterItem): the matching
 *   interviews, then the matching insights, in document order
 */
GPtrArray *
charter_traceability_search (CharterDocument *document,
                             const char      *query,
                             const char      *segment)
{
  GPtrArray *hits = g_ptr_array_new ();
  GListModel *interviews, *insights;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), hits);

  interviews = charter_document_get_interviews (document);
  n = g_list_model_get_n_items (interviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterInterview) interview = g_list_model_get_item (interviews, i);
      CharterParticipant *participant =
        charter_document_find (document, charter_document_get_participants (document),
                               charter_interview_get_participant_id (interview));

      if (!charter_traceability_participant_in_segment (participant, segment))
        continue;

      if (charter_traceability_text_matches (charter_interview_get_notes (interview), query) ||
          charter_traceability_text_matches (charter_interview_get_title (interview), query) ||
          (participant != NULL &&
           charter_traceability_text_matches (charter_participant_get_alias (participant), query)))
        g_ptr_array_add (hits, interview);
    }

  insights = charter_document_get_insights (document);
  n = g_list_model_get_n_items (insights);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterInsight) insight = g_list_model_get_item (insights, i);
      CharterParticipant *participant = charter_traceability_insight_participant (document, insight);

      if (!charter_traceability_participant_in_segment (participant, segment))
        continue;

      if (charter_traceability_text_matches (charter_insight_get_text (insight), query))
        g_ptr_array_add (hits, insight);
    }

  return hits;
}

/**
 * charter_traceability_notes_slice:
 * @notes: (nullable): interview notes
 * @start: first character (not byte) offset
 * @end: character offset after the last
 *
 * Returns: (transfer full) (nullable): the characters [@start, @end) of
 *   @notes, or %NULL when the range does not fit in them
 */
char *
charter_traceability_notes_slice (const char *notes,
                                  int         start,
                                  int         end)
{
  glong length;
  const char *from, *to;

  if (notes == NULL || start < 0 || end < start)
    return NULL;

  length = g_utf8_strlen (notes, -1);
  if (end > length)
    return NULL;

  from = g_utf8_offset_to_pointer (notes, start);
  to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
}

/**
 * charter_traceability_locate_insight:
 * @notes: (nullable): the notes of the insight's interview
 * @insight: an insight
 * @start: (out): where its passage starts, in characters
 * @end: (out): where it ends
 *
 * Finds an insight's passage in the notes. The stored offsets are used when
 * the text there still is the insight's; when the notes were edited before
 * the passage (or an undo moved it) the occurrence nearest the stored start
 * is used instead, so the highlight follows the words, not the numbers.
 *
 * Returns: whether the passage was found
 */
gboolean
charter_traceability_locate_insight (const char     *notes,
                                     CharterInsight *insight,
                                     int            *start,
                                     int            *end)
{
  const char *text;
  int want_start, want_end;
  g_autofree char *slice = NULL;
  glong text_chars;
  const char *p;
  long best = -1;
  long best_distance = G_MAXLONG;

  g_return_val_if_fail (CHARTER_IS_INSIGHT (insight), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  *start = *end = 0;
  text = charter_insight_get_text (insight);
  want_start = charter_insight_get_start (insight);
  want_end = charter_insight_get_end (insight);

  if (notes == NULL || *notes == '\0')
    return FALSE;

  slice = charter_traceability_notes_slice (notes, want_start, want_end);
  if (slice != NULL && want_end > want_start &&
      (text == NULL || *text == '\0' || g_str_equal (slice, text)))
    {
      *start = want_start;
      *end = want_end;
      return TRUE;
    }

  if (text == NULL || *text == '\0')
    return FALSE;

  text_chars = g_utf8_strlen (text, -1);
  for (p = strstr (notes, text); p != NULL; p = strstr (p + 1, text))
    {
      long offset = g_utf8_pointer_to_offset (notes, p);
      long distance = ABS (offset - want_start);

      if (distance < best_distance)
        {
          best = offset;
          best_distance = distance;
        }
    }

  if (best < 0)
    return FALSE;

  *start = (int) best;
  *end = (int) (best + text_chars);
  return TRUE;
}
