/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli-schedule.c: `charter-cli schedule FILE`, the engine's dates,
 * floats and critical path as a table, CSV or JSON (docs/scheduling.md). */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "charter-cli-main.h"
#include "charter-baseline-comparison.h"
#include "charter-file.h"
#include "charter-schedule.h"

static char *
iso_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static const char *
team_id_of (CharterDocument *document,
            const char      *task_id)
{
  CharterTask *task = charter_document_find (document, charter_document_get_tasks (document), task_id);
  const char *team = task != NULL ? charter_task_get_team_id (task) : NULL;

  return team != NULL && *team != '\0' ? team : NULL;
}

static const char *
team_name_of (CharterDocument *document,
              const char      *team_id)
{
  CharterTeam *team;

  if (team_id == NULL)
    return NULL;
  team = charter_document_find (document, charter_document_get_teams (document), team_id);
  return team != NULL ? charter_team_get_name (team) : team_id;
}

/* Beside the schedule: with a forecast, P80 minus the plan's finish (when
 * there is uncertainty); without one, the risks' reserve. */
static int
buffer_days (CharterSchedule   *schedule,
             CharterSimulation *sim)
{
  return sim != NULL ? charter_simulation_get_buffer_days (sim) : charter_schedule_get_buffer_days (schedule);
}

static int
compare_by_effect (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CharterSimulation *sim = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  int ex = charter_simulation_get_risk_p80_effect (sim, x);
  int ey = charter_simulation_get_risk_p80_effect (sim, y);

  if (ex != ey)
    return ex > ey ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
print_json (CharterDocument           *document,
            CharterSchedule           *schedule,
            CharterSimulation         *sim,
            CharterBaselineComparison *cmp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *start = iso_day (charter_schedule_get_start (schedule));
  g_autofree char *finish = iso_day (charter_schedule_get_finish (schedule));
  const char * const *path = charter_schedule_get_critical_path (schedule);
  const char * const *warnings = charter_schedule_get_warnings (schedule);
  guint n = charter_schedule_get_n_tasks (schedule);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "project");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "finish");
  json_builder_add_string_value (builder, finish);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_int_value (builder, charter_schedule_get_working_days (schedule));
  json_builder_set_member_name (builder, "buffer_days");
  json_builder_add_int_value (builder, buffer_days (schedule, sim));
  if (charter_schedule_get_status_date (schedule) != 0)
    {
      g_autofree char *day = iso_day (charter_schedule_get_status_date (schedule));

      json_builder_set_member_name (builder, "status_date");
      json_builder_add_string_value (builder, day);
    }
  if (cmp != NULL)
    {
      int slip;

      json_builder_set_member_name (builder, "baseline");
      json_builder_add_string_value (builder, charter_baseline_comparison_get_baseline_id (cmp));
      if (charter_baseline_comparison_get_launch_slip (cmp, &slip))
        {
          json_builder_set_member_name (builder, "launch_slip_days");
          json_builder_add_int_value (builder, slip);
        }
    }
  if (sim != NULL)
    {
      const int percents[] = { 50, 80, 95 };
      const char *names[] = { "p50", "p80", "p95" };

      for (guint k = 0; k < G_N_ELEMENTS (percents); k++)
        {
          g_autofree char *day = iso_day (charter_simulation_get_finish (sim, percents[k]));

          json_builder_set_member_name (builder, names[k]);
          json_builder_add_string_value (builder, day);
        }
      json_builder_set_member_name (builder, "simulation_runs");
      json_builder_add_int_value (builder, charter_simulation_get_runs (sim));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const char *id = charter_schedule_get_task_id (schedule, i);
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      const char *team = team_id_of (document, id);
      g_autofree char *s = iso_day (dates->early_start);
      g_autofree char *f = iso_day (dates->early_finish);
      g_autofree char *ls = iso_day (dates->late_start);
      g_autofree char *lf = iso_day (dates->late_finish);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, charter_schedule_get_task_name (schedule, i));
      json_builder_set_member_name (builder, "team");
      if (team != NULL)
        json_builder_add_string_value (builder, team);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "team_name");
      if (team != NULL)
        json_builder_add_string_value (builder, team_name_of (document, team));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, s);
      json_builder_set_member_name (builder, "finish");
      json_builder_add_string_value (builder, f);
      json_builder_set_member_name (builder, "duration_days");
      json_builder_add_int_value (builder, dates->duration);
      json_builder_set_member_name (builder, "total_float_days");
      json_builder_add_int_value (builder, dates->total_float);
      json_builder_set_member_name (builder, "free_float_days");
      json_builder_add_int_value (builder, dates->free_float);
      json_builder_set_member_name (builder, "critical");
      json_builder_add_boolean_value (builder, dates->critical);
      json_builder_set_member_name (builder, "driver");
      json_builder_add_string_value (builder, dates->driver);
      json_builder_set_member_name (builder, "late_start");
      json_builder_add_string_value (builder, ls);
      json_builder_set_member_name (builder, "late_finish");
      json_builder_add_string_value (builder, lf);
      json_builder_set_member_name (builder, "milestone");
      json_builder_add_boolean_value (builder, dates->duration == 0);
      json_builder_set_member_name (builder, "missed_deadline");
      json_builder_add_boolean_value (builder, dates->missed_deadline);
      if (charter_schedule_get_remaining_days (schedule, i) >= 0)
        {
          json_builder_set_member_name (builder, "remaining_days");
          json_builder_add_int_value (builder, charter_schedule_get_remaining_days (schedule, i));
        }
      {
        guint32 baseline_finish;
        int slip;

        if (cmp != NULL && charter_baseline_comparison_get_task (cmp, i, NULL, &baseline_finish, &slip))
          {
            g_autofree char *day = iso_day (baseline_finish);

            json_builder_set_member_name (builder, "baseline_finish");
            json_builder_add_string_value (builder, day);
            json_builder_set_member_name (builder, "slip_days");
            json_builder_add_int_value (builder, slip);
          }
      }
      if (sim != NULL)
        {
          json_builder_set_member_name (builder, "criticality");
          json_builder_add_double_value (builder, charter_simulation_get_criticality (sim, i));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (sim != NULL)
    {
      /* Each risk's effect on P80, in document order. */
      json_builder_set_member_name (builder, "risks");
      json_builder_begin_array (builder);
      for (guint k = 0; k < charter_simulation_get_n_risks (sim); k++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, charter_simulation_get_risk_id (sim, k));
          json_builder_set_member_name (builder, "p80_effect_days");
          json_builder_add_int_value (builder, charter_simulation_get_risk_p80_effect (sim, k));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "critical_path");
  json_builder_begin_array (builder);
  for (guint i = 0; path[i] != NULL; i++)
    json_builder_add_string_value (builder, path[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings[i] != NULL; i++)
    json_builder_add_string_value (builder, warnings[i]);
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_csv_field (const char *text,
                 gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      putchar ('"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            putchar ('"');
          putchar (*p);
        }
      putchar ('"');
    }
  else
    fputs (text, stdout);
  putchar (last ? '\n' : ',');
}

static void
print_csv (CharterDocument           *document,
           CharterSchedule           *schedule,
           CharterBaselineComparison *cmp)
{
  guint n = charter_schedule_get_n_tasks (schedule);

  printf ("id,name,team,start,finish,duration_days,total_float_days,free_float_days,critical,driver,"
          "remaining_days,baseline_finish,slip_days\n");
  for (guint i = 0; i < n; i++)
    {
      const char *id = charter_schedule_get_task_id (schedule, i);
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      g_autofree char *s = iso_day (dates->early_start);
      g_autofree char *f = iso_day (dates->early_finish);
      g_autofree char *numbers = g_strdup_printf ("%d,%d,%d,%s", dates->duration, dates->total_float,
                                                  dates->free_float, dates->critical ? "true" : "false");

      print_csv_field (id, FALSE);
      print_csv_field (charter_schedule_get_task_name (schedule, i), FALSE);
      print_csv_field (team_id_of (document, id), FALSE);
      print_csv_field (s, FALSE);
      print_csv_field (f, FALSE);
      fputs (numbers, stdout);
      putchar (',');
      print_csv_field (dates->driver, FALSE);
      {
        int remaining = charter_schedule_get_remaining_days (schedule, i);
        guint32 baseline_finish;
        int slip;

        if (remaining >= 0)
          printf ("%d", remaining);
        putchar (',');
        if (cmp != NULL && charter_baseline_comparison_get_task (cmp, i, NULL, &baseline_finish, &slip))
          {
            g_autofree char *day = iso_day (baseline_finish);

            printf ("%s,%d\n", day, slip);
          }
        else
          printf (",\n");
      }
    }
}

/* Pads or cuts @text to @width characters (not bytes). */
static char *
cell (const char *text,
      int         width)
{
  GString *out = g_string_new (NULL);
  int len = 0;

  if (text == NULL)
    text = "";
  for (const char *p = text; *p != '\0' && len < width; p = g_utf8_next_char (p), len++)
    {
      if (len == width - 1 && g_utf8_strlen (p, -1) > 1)
        {
          g_string_append (out, "…");
          len++;
          break;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  for (; len < width; len++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  CharterSchedule *schedule = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  const CharterTaskDates *dx = charter_schedule_get_task_dates_at (schedule, x);
  const CharterTaskDates *dy = charter_schedule_get_task_dates_at (schedule, y);

  if (dx->early_start != dy->early_start)
    return dx->early_start < dy->early_start ? -1 : 1;
  if (dx->early_finish != dy->early_finish)
    return dx->early_finish < dy->early_finish ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
print_table (CharterDocument           *document,
             CharterSchedule           *schedule,
             CharterSimulation         *sim,
             CharterBaselineComparison *cmp)
{
  guint n = charter_schedule_get_n_tasks (schedule);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree char *start = iso_day (charter_schedule_get_start (schedule));
  g_autofree char *finish = iso_day (charter_schedule_get_finish (schedule));
  const char * const *warnings = charter_schedule_get_warnings (schedule);
  int id_width = 2, name_width = 4, team_width = 4;
  gboolean has_status = charter_schedule_get_status_date (schedule) != 0;

  for (guint i = 0; i < n; i++)
    {
      const char *team = team_name_of (document, team_id_of (document, charter_schedule_get_task_id (schedule, i)));

      order[i] = i;
      id_width = MAX (id_width, (int) g_utf8_strlen (charter_schedule_get_task_id (schedule, i), -1));
      name_width = MAX (name_width, (int) g_utf8_strlen (charter_schedule_get_task_name (schedule, i), -1));
      if (team != NULL)
        team_width = MAX (team_width, (int) g_utf8_strlen (team, -1));
    }
  id_width = MIN (id_width, 16);
  name_width = MIN (name_width, 32);
  team_width = MIN (team_width, 16);
  g_qsort_with_data (order, n, sizeof (guint), compare_by_start, schedule);

  printf (g_dngettext (GETTEXT_PACKAGE, "Plan: %s → %s, %d working day", "Plan: %s → %s, %d working days",
                       charter_schedule_get_working_days (schedule)),
          start, finish, charter_schedule_get_working_days (schedule));
  if (buffer_days (schedule, sim) > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, " (+ %d day of risk buffer)", " (+ %d days of risk buffer)",
                         buffer_days (schedule, sim)),
            buffer_days (schedule, sim));
  printf ("\n");
  if (charter_schedule_get_status_date (schedule) != 0)
    {
      g_autofree char *day = iso_day (charter_schedule_get_status_date (schedule));

      printf (_("Status date: %s: the dates follow the check-ins up to that day (--as-of none: without them)\n"), day);
    }
  if (cmp != NULL)
    {
      CharterBaseline *baseline = charter_document_find (document, charter_document_get_baselines (document),
                                                         charter_baseline_comparison_get_baseline_id (cmp));
      const char *name = baseline != NULL ? charter_baseline_get_name (baseline) : charter_baseline_comparison_get_baseline_id (cmp);
      int slip;

      if (charter_baseline_comparison_get_launch_slip (cmp, &slip))
        printf (g_dngettext (GETTEXT_PACKAGE, "Against the baseline “%s”: the launch %+d working day\n",
                             "Against the baseline “%s”: the launch %+d working days\n", ABS (slip)),
                name, slip);
      else
        printf (_("Against the baseline “%s”\n"), name);
    }
  if (sim != NULL)
    {
      g_autofree char *p50 = iso_day (charter_simulation_get_finish (sim, 50));
      g_autofree char *p80 = iso_day (charter_simulation_get_finish (sim, 80));
      g_autofree char *p95 = iso_day (charter_simulation_get_finish (sim, 95));

      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Finish by chance (%u run): 50 %% by %s, 80 %% by %s, 95 %% by %s\n",
                           "Finish by chance (%u runs): 50 %% by %s, 80 %% by %s, 95 %% by %s\n",
                           charter_simulation_get_runs (sim)),
              charter_simulation_get_runs (sim), p50, p80, p95);

      /* The risks, the one that moves P80 most first (a tornado in text). */
      if (charter_simulation_get_n_risks (sim) > 0)
        {
          guint n_risks = charter_simulation_get_n_risks (sim);
          g_autofree guint *by_effect = g_new (guint, n_risks);

          for (guint k = 0; k < n_risks; k++)
            by_effect[k] = k;
          g_qsort_with_data (by_effect, n_risks, sizeof (guint), compare_by_effect, sim);
          printf ("%s\n", _("Each risk’s effect on P80, the finish met in 80 of 100 runs:"));
          for (guint k = 0; k < n_risks; k++)
            {
              const char *id = charter_simulation_get_risk_id (sim, by_effect[k]);
              CharterRisk *risk = charter_document_find (document, charter_document_get_risks (document), id);
              int effect = charter_simulation_get_risk_p80_effect (sim, by_effect[k]);

              printf (g_dngettext (GETTEXT_PACKAGE, "  %+4d working day   %s\n", "  %+4d working days  %s\n", ABS (effect)),
                      effect, risk != NULL ? charter_item_get_display_name (CHARTER_ITEM (risk)) : id);
            }
        }
    }
  printf ("\n");

  {
    g_autofree char *h_id = cell (_("ID"), id_width);
    g_autofree char *h_name = cell (_("Task"), name_width);
    g_autofree char *h_team = cell (_("Team"), team_width);

    printf ("%s  %s  %s  %-10s  %-10s  %4s  %5s  %4s  ", h_id, h_name, h_team,
            _("Start"), _("Finish"), _("Days"), _("Float"), _("Free"));
    if (has_status)
      printf ("%4s  ", _("Left"));
    if (cmp != NULL)
      printf ("%4s  ", _("Slip"));
    printf ("%s\n", _("Why it starts then"));
  }
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      const char *id = charter_schedule_get_task_id (schedule, i);
      const CharterTaskDates *dates = charter_schedule_get_task_dates_at (schedule, i);
      g_autofree char *c_id = cell (id, id_width);
      g_autofree char *c_name = cell (charter_schedule_get_task_name (schedule, i), name_width);
      g_autofree char *c_team = cell (team_name_of (document, team_id_of (document, id)), team_width);
      g_autofree char *s = iso_day (dates->early_start);
      g_autofree char *f = iso_day (dates->early_finish);

      printf ("%s  %s  %s  %s  %s  %4d  %5d  %4d  ", c_id, c_name, c_team, s, f,
              dates->duration, dates->total_float, dates->free_float);
      if (has_status)
        {
          int remaining = charter_schedule_get_remaining_days (schedule, i);

          if (charter_schedule_is_done (schedule, i))
            printf ("%4s  ", _("done"));
          else if (remaining >= 0)
            printf ("%4d  ", remaining);
          else
            printf ("%4s  ", "");
        }
      if (cmp != NULL)
        {
          int slip;

          if (charter_baseline_comparison_get_task (cmp, i, NULL, NULL, &slip))
            printf ("%+4d  ", slip);
          else
            printf ("%4s  ", "");
        }
      printf ("%s%s\n", dates->critical ? "★ " : "", dates->driver);
    }
  printf ("\n%s\n", _("★ critical: a day’s slip moves the finish."));
  for (guint i = 0; warnings[i] != NULL; i++)
    printf (_("Warning: %s\n"), warnings[i]);
}

int
charter_cli_schedule (int   argc,
                      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CharterDocument) document = NULL;
  g_autoptr(CharterSchedule) schedule = NULL;
  g_autoptr(CharterSimulation) sim = NULL;
  g_autofree char *format = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(CharterBaselineComparison) cmp = NULL;
  CharterBaseline *baseline;
  int runs = 0;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: table (default), csv or json"), "FORMAT" },
    { "simulate", 0, 0, G_OPTION_ARG_INT, &runs, N_("Run a Monte Carlo simulation of N runs (P50/P80/P95 finish)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed of the simulation (default 1): same seed, same answer"), "S" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Reforecast from the latest check-in on or before DATE (YYYY-MM-DD), or “none” to ignore check-ins (default: the latest check-in)"), "DATE" },
    { NULL }
  };

  context = g_option_context_new (_("FILE — schedule a plan"));
  g_option_context_set_summary (context,
                                _("Schedules the plan in FILE: each task’s dates, float and what drives\n"
                                  "its start, the critical path and warnings (docs/scheduling.md).\n"
                                  "Exit status: 0 scheduled, 1 bad input, 2 usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "charter-cli schedule: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "%s\n", _("Usage: charter-cli schedule FILE [--format table|csv|json] [--simulate N --seed S] [--as-of DATE|none]"));
      return 2;
    }
  if (format != NULL && g_strcmp0 (format, "table") != 0 && g_strcmp0 (format, "csv") != 0 &&
      g_strcmp0 (format, "json") != 0)
    {
      fprintf (stderr, _("charter-cli schedule: unknown format “%s”: use table, csv or json\n"), format);
      return 2;
    }
  if (runs < 0 || runs > 100000)
    {
      fprintf (stderr, _("charter-cli schedule: --simulate takes 1 to 100000 runs, not %d\n"), runs);
      return 2;
    }

  if (!charter_cli_check_as_of ("schedule", as_of))
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  basename = g_file_get_basename (file);
  document = charter_cli_load_document (file);
  if (document == NULL)
    return 1;

  schedule = charter_schedule_compute_as_of (document, as_of, &error);
  if (schedule == NULL)
    {
      fprintf (stderr, "%s: %s\n", basename, error->message);
      return 1;
    }
  baseline = charter_baseline_comparison_newest (document);
  if (baseline != NULL)
    cmp = charter_baseline_comparison_new (schedule, baseline);

  if (runs > 0)
    {
      sim = charter_schedule_simulate_full (schedule, runs, (guint64) seed,
                                            CHARTER_SIMULATION_RISK_EFFECTS, &error);
      if (sim == NULL)
        {
          fprintf (stderr, "%s: %s\n", basename, error->message);
          return 1;
        }
    }

  if (g_strcmp0 (format, "json") == 0)
    print_json (document, schedule, sim, cmp);
  else if (g_strcmp0 (format, "csv") == 0)
    {
      const char * const *warnings = charter_schedule_get_warnings (schedule);

      print_csv (document, schedule, cmp);
      for (guint i = 0; warnings[i] != NULL; i++)
        fprintf (stderr, _("Warning: %s\n"), warnings[i]);
    }
  else
    print_table (document, schedule, sim, cmp);

  return 0;
}
