/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-presentation-slides.c: what each slide of the presentation says.
 *
 * Every slide is a title and at most CHARTER_SLIDE_MAX_LINES lines of body
 * text, each label capped at the lines it may take (wrapped, then
 * ellipsized), so nothing runs off the bottom at any window size; a list
 * longer than fits ends in "and 5 more". The type's size comes from the
 * presentation (it scales with the window's height), the colours from the
 * style sheet's @charter_presentation_* (style.css, style-dark.css). */

#define G_LOG_DOMAIN "charter-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "charter-presentation-slides.h"
#include "charter-timeline-geometry.h"

/* Helpers */

static int
lines_left (GtkWidget *slide)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (slide), "charter-lines-left"));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static guint32
parse_day (const char *iso)
{
  GDate date;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static char *
format_iso_day (const char *iso)
{
  guint32 day = parse_day (iso);

  if (day == 0)
    return g_strdup (iso != NULL ? iso : "");
  /* Translators: a date on a slide, strftime format */
  return charter_timeline_format_day (day, _("%a %-d %b %Y"));
}

/* "and 3 more" when @n_more items did not fit. */
static void
add_more (GtkWidget  *slide,
          guint       n_more)
{
  g_autofree char *text = NULL;

  if (n_more == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_more), n_more);
  charter_presentation_slide_add_line (slide, text, TRUE, 1);
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  CharterRisk *ra = *(CharterRisk **) a;
  CharterRisk *rb = *(CharterRisk **) b;
  int ea = charter_risk_get_probability (ra) * MAX (1, charter_risk_get_impact_days (ra));
  int eb = charter_risk_get_probability (rb) * MAX (1, charter_risk_get_impact_days (rb));

  return eb - ea;
}

static guint32
launch_finish (CharterSchedule *schedule)
{
  int launch = charter_schedule_get_launch (schedule);

  if (launch < 0)
    return 0;
  return charter_schedule_get_task_dates_at (schedule, launch)->early_finish;
}

/* Slides */

static GtkWidget *
build_problem (CharterDocument *document)
{
  CharterSpec *spec = charter_document_get_spec (document);
  const char *title = charter_spec_get_title (spec);
  GtkWidget *slide;

  if (is_blank (charter_spec_get_problem (spec)) && is_blank (charter_spec_get_audience (spec)))
    return NULL;

  slide = charter_presentation_slide_new_frame (!is_blank (title) ? title : _("The Problem"));
  if (!is_blank (charter_spec_get_problem (spec)))
    charter_presentation_slide_add_line (slide, charter_spec_get_problem (spec), FALSE, 3);
  if (!is_blank (charter_spec_get_audience (spec)))
    {
      g_autofree char *who = g_strdup_printf (_("Who has it: %s"), charter_spec_get_audience (spec));
      charter_presentation_slide_add_line (slide, who, FALSE, 2);
    }
  if (!is_blank (charter_spec_get_acuteness (spec)))
    charter_presentation_slide_add_line (slide, charter_spec_get_acuteness (spec), TRUE, 2);

  return slide;
}

static GtkWidget *
build_needs (CharterDocument *document)
{
  CharterSpec *spec = charter_document_get_spec (document);
  const char * const *chosen = charter_spec_get_need_ids (spec);
  GListModel *needs = charter_document_get_needs (document);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GtkWidget *slide;
  guint n_done = 0;

  /* The needs the spec serves; all of them while it chose none. */
  if (chosen != NULL && chosen[0] != NULL)
    {
      for (guint i = 0; chosen[i] != NULL; i++)
        {
          CharterNeed *need = charter_document_find (document, needs, chosen[i]);
          if (need != NULL)
            g_ptr_array_add (shown, need);
        }
    }
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
        {
          g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
          g_ptr_array_add (shown, need);
        }
    }
  if (shown->len == 0)
    return NULL;

  slide = charter_presentation_slide_new_frame (_("What They Need"));
  for (; n_done < shown->len; n_done++)
    {
      CharterNeed *need = g_ptr_array_index (shown, n_done);
      const char * const *insight_ids = charter_need_get_insight_ids (need);
      guint n_insights = insight_ids != NULL ? g_strv_length ((char **) insight_ids) : 0;
      CharterInsight *quote = NULL;

      /* Two lines a need, and one kept for "and N more" if more follow. */
      if (lines_left (slide) < 2 + (n_done + 1 < shown->len ? 1 : 0))
        break;

      charter_presentation_slide_add_line (slide, charter_need_get_statement (need), FALSE, 1);
      for (guint i = 0; i < n_insights && quote == NULL; i++)
        {
          CharterInsight *insight = charter_document_find (document, charter_document_get_insights (document),
                                                           insight_ids[i]);
          if (insight != NULL && !is_blank (charter_insight_get_text (insight)))
            quote = insight;
        }
      if (quote != NULL)
        {
          g_autofree char *evidence = NULL;

          if (n_insights > 1)
            /* Translators: a need's evidence on a slide: how many insights back it, then a quote */
            evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u insight: “%s”", "%u insights: “%s”", n_insights),
                                        n_insights, charter_insight_get_text (quote));
          else
            evidence = g_strdup_printf (_("“%s”"), charter_insight_get_text (quote));
          charter_presentation_slide_add_line (slide, evidence, TRUE, 1);
        }
      else
        charter_presentation_slide_add_line (slide, _("No evidence yet"), TRUE, 1);
    }
  add_more (slide, shown->len - n_done);

  return slide;
}

static GtkWidget *
build_spec (CharterDocument *document)
{
  CharterSpec *spec = charter_document_get_spec (document);
  GListModel *metrics = charter_spec_get_metrics (spec);
  GListModel *out = charter_spec_get_out_of_scope (spec);
  GtkWidget *slide;

  if (is_blank (charter_spec_get_solution (spec)) && is_blank (charter_spec_get_smallest_version (spec)))
    return NULL;

  slide = charter_presentation_slide_new_frame (_("The One-Page Spec"));
  if (!is_blank (charter_spec_get_solution (spec)))
    charter_presentation_slide_add_line (slide, charter_spec_get_solution (spec), FALSE, 2);
  if (!is_blank (charter_spec_get_smallest_version (spec)))
    {
      g_autofree char *text = g_strdup_printf (_("Smallest version: %s"), charter_spec_get_smallest_version (spec));
      charter_presentation_slide_add_line (slide, text, FALSE, 2);
    }
  if (!is_blank (charter_spec_get_target_date (spec)) || !is_blank (charter_spec_get_appetite (spec)))
    {
      g_autofree char *day = format_iso_day (charter_spec_get_target_date (spec));
      g_autofree char *text = NULL;

      if (is_blank (charter_spec_get_appetite (spec)))
        text = g_strdup_printf (_("Target: %s"), day);
      else if (is_blank (charter_spec_get_target_date (spec)))
        text = g_strdup_printf (_("Appetite: %s"), charter_spec_get_appetite (spec));
      else
        text = g_strdup_printf (_("Target: %s · appetite: %s"), day, charter_spec_get_appetite (spec));
      charter_presentation_slide_add_line (slide, text, FALSE, 1);
    }
  if (g_list_model_get_n_items (metrics) > 0)
    {
      g_autoptr(CharterMetric) metric = g_list_model_get_item (metrics, 0);
      g_autofree char *text = g_strdup_printf (_("Success: %s, %s"), charter_metric_get_measure (metric),
                                               charter_metric_get_target (metric));
      charter_presentation_slide_add_line (slide, text, TRUE, 1);
    }
  if (g_list_model_get_n_items (out) > 0)
    {
      g_autoptr(GString) text = g_string_new (_("Not in scope: "));

      for (guint i = 0; i < g_list_model_get_n_items (out); i++)
        {
          g_autoptr(CharterExclusion) exclusion = g_list_model_get_item (out, i);
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, charter_exclusion_get_what (exclusion));
        }
      charter_presentation_slide_add_line (slide, text->str, TRUE, 1);
    }

  return slide;
}

static GtkWidget *
build_risks (CharterDocument *document)
{
  GListModel *risks = charter_document_get_risks (document);
  guint n = g_list_model_get_n_items (risks);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *slide;
  guint n_done = 0;

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (risks, i));
  /* The biggest first: likelihood times the days it would cost. */
  g_ptr_array_sort (sorted, compare_risks);

  slide = charter_presentation_slide_new_frame (_("Risks"));
  for (; n_done < n; n_done++)
    {
      CharterRisk *risk = g_ptr_array_index (sorted, n_done);
      g_autofree char *detail = NULL;
      int days = charter_risk_get_impact_days (risk);

      if (lines_left (slide) < 2 + (n_done + 1 < n ? 1 : 0))
        break;
      charter_presentation_slide_add_line (slide, charter_risk_get_description (risk), FALSE, 1);
      if (!is_blank (charter_risk_get_owner (risk)))
        /* Translators: a risk on a slide: how likely, what it costs, who owns it */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d %% likely, %d day late · %s",
                                               "%d %% likely, %d days late · %s", days),
                                  charter_risk_get_probability (risk), days, charter_risk_get_owner (risk));
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d %% likely, %d day late",
                                               "%d %% likely, %d days late", days),
                                  charter_risk_get_probability (risk), days);
      charter_presentation_slide_add_line (slide, detail, TRUE, 1);
    }
  add_more (slide, n - n_done);

  return slide;
}

static GtkWidget *
build_check_in (CharterDocument *document,
                CharterSchedule *schedule)
{
  guint n = schedule != NULL ? charter_schedule_get_n_check_ins (schedule) : 0;
  guint counts[CHARTER_TASK_STATE_DONE + 1] = { 0 };
  CharterCheckIn *check_in;
  g_autoptr(GString) states = g_string_new (NULL);
  g_autoptr(GString) trend = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  GListModel *statuses;
  GtkWidget *slide;
  guint32 previous = 0;

  if (n == 0)
    return NULL;
  check_in = charter_document_find (document, charter_document_get_check_ins (document),
                                    charter_schedule_get_check_in_id (schedule, n - 1));
  if (check_in == NULL)
    return NULL;

  day = charter_timeline_format_day (charter_schedule_get_check_in_date (schedule, n - 1), _("%a %-d %b"));
  /* Translators: a slide's title; %s is the date of the latest check-in */
  title = g_strdup_printf (_("Check-in of %s"), day);
  slide = charter_presentation_slide_new_frame (title);
  if (!is_blank (charter_check_in_get_notes (check_in)))
    charter_presentation_slide_add_line (slide, charter_check_in_get_notes (check_in), FALSE, 2);

  statuses = charter_check_in_get_statuses (check_in);
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(CharterTaskStatus) status = g_list_model_get_item (statuses, i);
      CharterTaskState state = charter_task_status_get_state (status);

      if (state <= CHARTER_TASK_STATE_DONE)
        counts[state]++;
    }
  g_string_append_printf (states, _("%u done · %u on track · %u at risk · %u blocked"),
                          counts[CHARTER_TASK_STATE_DONE], counts[CHARTER_TASK_STATE_ON_TRACK],
                          counts[CHARTER_TASK_STATE_AT_RISK], counts[CHARTER_TASK_STATE_BLOCKED]);
  charter_presentation_slide_add_line (slide, states->str, FALSE, 1);

  /* The trend: the launch as planned (no check-ins), then as forecast at
   * each of the last two check-ins. */
  charter_presentation_slide_add_line (slide, _("Launch forecast, check-in by check-in:"), TRUE, 1);
  for (int i = -1; i < (int) n; i++)
    {
      g_autoptr(CharterSchedule) as_of = NULL;
      g_autofree char *launch = NULL;
      guint32 finish;

      if (i >= 0 && i < (int) n - 2)
        continue;
      as_of = charter_schedule_reforecast (schedule, i, NULL);
      if (as_of == NULL || (finish = launch_finish (as_of)) == 0)
        continue;
      launch = charter_timeline_format_day (finish, _("%a %-d %b"));
      g_string_truncate (trend, 0);
      if (i < 0)
        g_string_append_printf (trend, _("As planned: launch %s"), launch);
      else
        {
          g_autofree char *when = charter_timeline_format_day (charter_schedule_get_check_in_date (schedule, i), _("%-d %b"));
          g_string_append_printf (trend, _("%s: launch %s"), when, launch);
        }
      if (previous != 0 && finish != previous)
        {
          int slip = finish > previous
                       ? charter_schedule_count_working_days (as_of, previous, finish)
                       : -charter_schedule_count_working_days (as_of, finish, previous);
          g_string_append_printf (trend, g_dngettext (GETTEXT_PACKAGE, " (%+d working day)",
                                                      " (%+d working days)", ABS (slip)), slip);
        }
      previous = finish;
      charter_presentation_slide_add_line (slide, trend->str, TRUE, 1);
    }

  return slide;
}

static GtkWidget *
build_decisions (CharterDocument *document)
{
  GListModel *changes = charter_document_get_scope_changes (document);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *slide;
  guint n_done = 0;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      CharterScopeChange *change = g_list_model_get_item (changes, i);

      if (charter_scope_change_get_decision (change) == CHARTER_SCOPE_DECISION_PENDING)
        g_ptr_array_add (pending, change);
      else
        g_object_unref (change);
    }
  if (pending->len == 0)
    return NULL;

  slide = charter_presentation_slide_new_frame (_("Decisions Waiting for You"));
  for (; n_done < pending->len; n_done++)
    {
      CharterScopeChange *change = g_ptr_array_index (pending, n_done);
      int cost = charter_scope_change_get_cost (change);
      g_autofree char *detail = NULL;

      if (lines_left (slide) < 2 + (n_done + 1 < pending->len ? 1 : 0))
        break;
      charter_presentation_slide_add_line (slide, charter_scope_change_get_what (change), FALSE, 1);
      if (!is_blank (charter_scope_change_get_why (change)))
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Costs %d working day · %s",
                                               "Costs %d working days · %s", cost),
                                  cost, charter_scope_change_get_why (change));
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Costs %d working day",
                                               "Costs %d working days", cost), cost);
      charter_presentation_slide_add_line (slide, detail, TRUE, 1);
    }
  add_more (slide, pending->len - n_done);

  return slide;
}

/* Public API */

const char *
charter_presentation_slide_title (CharterSlideKind kind)
{
  switch (kind)
    {
    case CHARTER_SLIDE_PROBLEM: return _("The Problem");
    case CHARTER_SLIDE_NEEDS: return _("What They Need");
    case CHARTER_SLIDE_SPEC: return _("The One-Page Spec");
    case CHARTER_SLIDE_GRAPH: return _("The Plan");
    case CHARTER_SLIDE_TIMELINE: return _("Timeline");
    case CHARTER_SLIDE_RISKS: return _("Risks");
    case CHARTER_SLIDE_CHECK_IN: return _("Latest Check-in");
    case CHARTER_SLIDE_DECISIONS: return _("Decisions Waiting for You");
    case CHARTER_N_SLIDE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkWidget *
charter_presentation_slide_new_frame (const char *title)
{
  GtkWidget *slide = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (slide, "slide");
  gtk_widget_set_hexpand (slide, TRUE);
  gtk_widget_set_vexpand (slide, TRUE);
  gtk_widget_add_css_class (label, "slide-title");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (slide), label);
  g_object_set_data (G_OBJECT (slide), "charter-lines-left", GINT_TO_POINTER (CHARTER_SLIDE_MAX_LINES));

  return slide;
}

/**
 * charter_presentation_slide_add_line:
 * @slide: a slide from charter_presentation_slide_new_frame()
 * @text: what to say
 * @dim: whether it is detail under the line before (a quieter colour)
 * @max_lines: how many lines it may wrap to before it is cut with "…"
 *
 * Adds body text, within the slide's budget of CHARTER_SLIDE_MAX_LINES
 * lines; what does not fit is not added.
 *
 * Returns: (transfer none) (nullable): the label, or %NULL if it did not fit
 */
GtkLabel *
charter_presentation_slide_add_line (GtkWidget  *slide,
                                     const char *text,
                                     gboolean    dim,
                                     int         max_lines)
{
  int left = lines_left (slide);
  GtkWidget *label;

  max_lines = MIN (max_lines, left);
  if (max_lines <= 0 || text == NULL)
    return NULL;

  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "slide-body");
  if (dim)
    gtk_widget_add_css_class (label, "slide-detail");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), max_lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (slide), label);
  g_object_set_data (G_OBJECT (slide), "charter-lines-left", GINT_TO_POINTER (left - max_lines));

  return GTK_LABEL (label);
}

gboolean
charter_presentation_slide_has_content (CharterSlideKind  kind,
                                        CharterDocument  *document,
                                        CharterSchedule  *schedule)
{
  CharterSpec *spec = charter_document_get_spec (document);

  switch (kind)
    {
    case CHARTER_SLIDE_PROBLEM:
      return !is_blank (charter_spec_get_problem (spec)) || !is_blank (charter_spec_get_audience (spec));
    case CHARTER_SLIDE_NEEDS:
      return g_list_model_get_n_items (charter_document_get_needs (document)) > 0;
    case CHARTER_SLIDE_SPEC:
      return !is_blank (charter_spec_get_solution (spec)) || !is_blank (charter_spec_get_smallest_version (spec));
    case CHARTER_SLIDE_GRAPH:
    case CHARTER_SLIDE_TIMELINE:
      return schedule != NULL && charter_schedule_get_n_tasks (schedule) > 0;
    case CHARTER_SLIDE_RISKS:
      return g_list_model_get_n_items (charter_document_get_risks (document)) > 0;
    case CHARTER_SLIDE_CHECK_IN:
      return schedule != NULL && charter_schedule_get_n_check_ins (schedule) > 0;
    case CHARTER_SLIDE_DECISIONS:
      {
        GListModel *changes = charter_document_get_scope_changes (document);

        for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
          {
            g_autoptr(CharterScopeChange) change = g_list_model_get_item (changes, i);
            if (charter_scope_change_get_decision (change) == CHARTER_SCOPE_DECISION_PENDING)
              return TRUE;
          }
        return FALSE;
      }
    case CHARTER_N_SLIDE_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

GtkWidget *
charter_presentation_slide_build (CharterSlideKind  kind,
                                  CharterDocument  *document,
                                  CharterSchedule  *schedule)
{
  switch (kind)
    {
    case CHARTER_SLIDE_PROBLEM: return build_problem (document);
    case CHARTER_SLIDE_NEEDS: return build_needs (document);
    case CHARTER_SLIDE_SPEC: return build_spec (document);
    case CHARTER_SLIDE_RISKS: return build_risks (document);
    case CHARTER_SLIDE_CHECK_IN: return build_check_in (document, schedule);
    case CHARTER_SLIDE_DECISIONS: return build_decisions (document);
    case CHARTER_SLIDE_GRAPH:
    case CHARTER_SLIDE_TIMELINE:
      return NULL;
    case CHARTER_N_SLIDE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
charter_presentation_timeline_summary (CharterSchedule *schedule,
                                       guint32          launch_day,
                                       guint32          p80_day)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int buffer;

  if (schedule == NULL || charter_schedule_get_n_tasks (schedule) == 0)
    return g_string_free (g_steal_pointer (&text), FALSE);

  if (launch_day != 0)
    {
      g_autofree char *day = charter_timeline_format_day (launch_day, _("%a %-d %b %Y"));
      g_string_append_printf (text, _("Launch %s"), day);
    }
  if (p80_day != 0)
    {
      g_autofree char *day = charter_timeline_format_day (p80_day, _("%a %-d %b"));
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("80%% sure by %s"), day);
    }
  buffer = charter_schedule_get_buffer_days (schedule);
  if (buffer > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Buffer %d working day",
                                                 "Buffer %d working days", buffer), buffer);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
