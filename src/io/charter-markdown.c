/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-markdown.c: the one-page spec as CommonMark. Participants appear
 * by alias only; real names and contacts are never read here. */

#define G_LOG_DOMAIN "charter-markdown"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "charter-markdown.h"

#include "charter-traceability.h"

/* Helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Escapes one line of text so that CommonMark shows it as written: inline
 * punctuation everywhere, and what would start a block at the line's start. */
static void
append_escaped_line (GString    *out,
                     const char *line,
                     gsize       length,
                     gboolean    in_table)
{
  const char *p = line;
  const char *end = line + length;

  /* Leading spaces would make an indented code block. */
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  if (p < end)
    {
      const char *q = p;

      char next = (p + 1 < end) ? p[1] : ' ';

      /* Only what would really start a block: "# ", "- ", "+ ", "---",
       * "===" ("+10 %" and "-5" stay as they are); ">" is escaped below. */
      if (in_table)
        ;
      else if (((*p == '#' || *p == '=' || *p == '+' || *p == '-') &&
                (next == ' ' || next == *p)))
        g_string_append_c (out, '\\');
      else if (g_ascii_isdigit (*p) && !in_table)
        {
          while (q < end && g_ascii_isdigit (*q))
            q++;
          if (q < end && (*q == '.' || *q == ')'))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }
    }

  for (; p < end; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '>': case '&': case '~': case '!':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;

        case '|':
          g_string_append (out, in_table ? "\\|" : "|");
          break;

        case '\r':
          break;

        case '\t':
          g_string_append_c (out, ' ');
          break;

        default:
          g_string_append_c (out, *p);
        }
    }
}

/* One line: newlines become spaces (list items, table cells, headings). */
static void
append_inline (GString    *out,
               const char *text,
               gboolean    in_table)
{
  g_auto(GStrv) lines = NULL;
  gboolean first = TRUE;

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (out, ' ');
      append_escaped_line (out, lines[i], strlen (lines[i]), in_table);
      first = FALSE;
    }
}

/* Paragraphs: runs of lines separated by blank lines, each line prefixed. */
static void
append_block (GString    *out,
              const char *text,
              const char *prefix)
{
  g_auto(GStrv) lines = NULL;
  gboolean pending_break = FALSE;
  gboolean any = FALSE;

  if (is_blank (text))
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        {
          pending_break = any;
          continue;
        }
      if (pending_break)
        g_string_append (out, *prefix != '\0' ? ">\n" : "\n");
      pending_break = FALSE;
      g_string_append (out, prefix);
      append_escaped_line (out, lines[i], strlen (lines[i]), FALSE);
      g_string_append_c (out, '\n');
      any = TRUE;
    }
}

static void
append_heading (GString    *out,
                int         level,
                const char *title)
{
  if (out->len > 0 && !g_str_has_suffix (out->str, "\n\n"))
    g_string_append_c (out, '\n');
  for (int i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  append_inline (out, title, FALSE);
  g_string_append (out, "\n\n");
}

static void
append_section_text (GString    *out,
                     const char *heading,
                     const char *text)
{
  if (is_blank (text))
    return;

  append_heading (out, 2, heading);
  append_block (out, text, "");
}

static void
append_needs (GString         *out,
              CharterDocument *document)
{
  CharterSpec *spec = charter_document_get_spec (document);
  const char * const *need_ids = charter_spec_get_need_ids (spec);
  GListModel *needs = charter_document_get_needs (document);
  guint number = 0;

  if (need_ids == NULL || need_ids[0] == NULL)
    return;

  append_heading (out, 2, _("Needs addressed"));

  for (guint i = 0; need_ids[i] != NULL; i++)
    {
      CharterNeed *need = charter_document_find (document, needs, need_ids[i]);
      g_autoptr(GPtrArray) participants = NULL;
      g_autoptr(GPtrArray) insights = NULL;
      g_autoptr(GString) heading = NULL;

      if (need == NULL)
        continue;

      participants = charter_traceability_need_participants (document, need);
      insights = charter_traceability_need_insights (document, need);

      heading = g_string_new (NULL);
      g_string_append_printf (heading, "%u. %s", ++number,
                              is_blank (charter_need_get_statement (need)) ? _("Unnamed need")
                                                                           : charter_need_get_statement (need));
      append_heading (out, 3, heading->str);

      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Evidence: **%u participant**",
                                           "Evidence: **%u participants**",
                                           participants->len),
                              participants->len);
      if (participants->len > 0)
        {
          g_string_append (out, " (");
          for (guint j = 0; j < participants->len; j++)
            {
              const char *alias = charter_participant_get_alias (participants->pdata[j]);

              if (j > 0)
                g_string_append (out, ", ");
              append_inline (out, is_blank (alias) ? _("unnamed participant") : alias, FALSE);
            }
          g_string_append (out, ")");
        }
      g_string_append (out, "\n");

      for (guint j = 0; j < insights->len; j++)
        {
          CharterInsight *insight = insights->pdata[j];
          const char *alias = charter_traceability_insight_alias (document, insight);
          const char *text = charter_insight_get_text (insight);

          if (is_blank (text))
            continue;

          g_string_append_c (out, '\n');
          if (charter_insight_get_kind (insight) == CHARTER_INSIGHT_QUOTE)
            {
              g_autofree char *stripped = g_strstrip (g_strdup (text));
              g_autofree char *quoted = g_strdup_printf ("“%s”", stripped);

              append_block (out, quoted, "> ");
            }
          else
            {
              append_block (out, text, "> ");
            }
          g_string_append (out, "> — ");
          append_inline (out, alias != NULL ? alias : _("unknown participant"), FALSE);
          if (charter_insight_get_kind (insight) == CHARTER_INSIGHT_OBSERVATION)
            g_string_append_printf (out, " (%s)", _("observation"));
          g_string_append_c (out, '\n');
        }
    }
}

static const char *
question_status_mark (CharterQuestionStatus status)
{
  return status == CHARTER_QUESTION_OPEN ? "[ ]" : "[x]";
}

static void
append_questions (GString    *out,
                  const char *heading,
                  GListModel *questions)
{
  guint n = g_list_model_get_n_items (questions);

  if (n == 0)
    return;

  append_heading (out, 2, heading);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterQuestion) question = g_list_model_get_item (questions, i);
      CharterQuestionStatus status = charter_question_get_status (question);

      g_string_append_printf (out, "- %s ", question_status_mark (status));
      append_inline (out, charter_question_get_question (question), FALSE);
      if (status == CHARTER_QUESTION_NOT_APPLICABLE)
        g_string_append_printf (out, " (%s)", _("not applicable"));
      if (!is_blank (charter_question_get_answer (question)))
        {
          g_string_append (out, " — ");
          append_inline (out, charter_question_get_answer (question), FALSE);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_out_of_scope (GString    *out,
                     GListModel *exclusions)
{
  guint n = g_list_model_get_n_items (exclusions);

  if (n == 0)
    return;

  append_heading (out, 2, _("Out of scope"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterExclusion) exclusion = g_list_model_get_item (exclusions, i);

      g_string_append (out, "- **");
      append_inline (out, charter_exclusion_get_what (exclusion), FALSE);
      g_string_append (out, "**");
      if (!is_blank (charter_exclusion_get_reason (exclusion)))
        {
          g_string_append (out, " — ");
          append_inline (out, charter_exclusion_get_reason (exclusion), FALSE);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_metrics (GString    *out,
                GListModel *metrics)
{
  guint n = g_list_model_get_n_items (metrics);

  if (n == 0)
    return;

  append_heading (out, 2, _("Success metrics"));
  g_string_append_printf (out, "| %s | %s | %s |\n| --- | --- | --- |\n",
                          _("Measure"), _("Target"), _("Time frame"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterMetric) metric = g_list_model_get_item (metrics, i);

      g_string_append (out, "| ");
      append_inline (out, charter_metric_get_measure (metric), TRUE);
      g_string_append (out, " | ");
      append_inline (out, charter_metric_get_target (metric), TRUE);
      g_string_append (out, " | ");
      append_inline (out, charter_metric_get_time_frame (metric), TRUE);
      g_string_append (out, " |\n");
    }
}

static void
append_decisions (GString    *out,
                  GListModel *decisions)
{
  guint n = g_list_model_get_n_items (decisions);

  if (n == 0)
    return;

  append_heading (out, 2, _("Decisions"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterDecision) decision = g_list_model_get_item (decisions, i);

      g_string_append (out, "- ");
      if (!is_blank (charter_decision_get_date (decision)))
        {
          g_string_append (out, "**");
          append_inline (out, charter_decision_get_date (decision), FALSE);
          g_string_append (out, "**: ");
        }
      append_inline (out, charter_decision_get_summary (decision), FALSE);
      if (!is_blank (charter_decision_get_rationale (decision)))
        {
          g_string_append (out, " — ");
          append_inline (out, charter_decision_get_rationale (decision), FALSE);
        }
      g_string_append_c (out, '\n');
    }
}

/* Public API */

/**
 * charter_markdown_escape_inline:
 * @text: (nullable): text a person typed
 *
 * Returns: (transfer full): @text on one line, escaped so that CommonMark
 *   shows it literally (no emphasis, links, HTML or block starts)
 */
char *
charter_markdown_escape_inline (const char *text)
{
  GString *out = g_string_new (NULL);

  append_inline (out, text, FALSE);

  return g_string_free (out, FALSE);
}

/**
 * charter_markdown_escape_cell:
 * @text: (nullable): text a person typed
 *
 * Returns: (transfer full): charter_markdown_escape_inline() for a table
 *   cell: a "|" does not end the cell
 */
char *
charter_markdown_escape_cell (const char *text)
{
  GString *out = g_string_new (NULL);

  append_inline (out, text, TRUE);

  return g_string_free (out, FALSE);
}

/**
 * charter_markdown_export:
 * @document: a #CharterDocument
 *
 * Writes the one-page spec in reader order: problem, who has it and how
 * acute, the needs addressed with their evidence (distinct participants and
 * quotes by alias), solution, smallest useful version, integration
 * questions, out of scope, success metrics, target date or appetite, open
 * questions, decisions. Empty sections are left out.
 *
 * Returns: (transfer full): CommonMark text, ending in one newline
 */
char *
charter_markdown_export (CharterDocument *document)
{
  GString *out;
  CharterSpec *spec;
  const char *title;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  spec = charter_document_get_spec (document);

  title = charter_spec_get_title (spec);
  if (is_blank (title))
    title = charter_document_get_title (document);
  append_heading (out, 1, is_blank (title) ? _("Spec") : title);

  append_section_text (out, _("Problem"), charter_spec_get_problem (spec));

  if (!is_blank (charter_spec_get_audience (spec)) || !is_blank (charter_spec_get_acuteness (spec)))
    {
      append_heading (out, 2, _("Who has it and how acute it is"));
      append_block (out, charter_spec_get_audience (spec), "");
      if (!is_blank (charter_spec_get_audience (spec)) && !is_blank (charter_spec_get_acuteness (spec)))
        g_string_append_c (out, '\n');
      append_block (out, charter_spec_get_acuteness (spec), "");
    }

  append_needs (out, document);
  append_section_text (out, _("What a solution looks like"), charter_spec_get_solution (spec));
  append_section_text (out, _("Smallest useful version"), charter_spec_get_smallest_version (spec));
  append_questions (out, _("Integration questions"), charter_spec_get_integration_questions (spec));
  append_out_of_scope (out, charter_spec_get_out_of_scope (spec));
  append_metrics (out, charter_spec_get_metrics (spec));

  if (!is_blank (charter_spec_get_target_date (spec)) || !is_blank (charter_spec_get_appetite (spec)))
    {
      append_heading (out, 2, _("Target date and appetite"));
      if (!is_blank (charter_spec_get_target_date (spec)))
        {
          g_string_append_printf (out, "- %s: ", _("Target date"));
          append_inline (out, charter_spec_get_target_date (spec), FALSE);
          g_string_append_c (out, '\n');
        }
      if (!is_blank (charter_spec_get_appetite (spec)))
        {
          g_string_append_printf (out, "- %s: ", _("Appetite"));
          append_inline (out, charter_spec_get_appetite (spec), FALSE);
          g_string_append_c (out, '\n');
        }
    }

  append_questions (out, _("Open questions"), charter_spec_get_open_questions (spec));
  append_decisions (out, charter_spec_get_decisions (spec));

  /* Exactly one newline at the end. */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
