/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every property of every model type notifies exactly once when it changes
 * and never when it is set to the value it already has. */

#include "config.h"

#include "charter-model.h"

static GType
get_item_type (gconstpointer data)
{
  return ((GType (*) (void)) data) ();
}

/* A value that differs from what @object holds now. */
static void
make_other_value (GObject    *object,
                  GParamSpec *pspec,
                  GValue     *value)
{
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  g_value_init (value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      if (pspec->flags & CHARTER_PARAM_DATE)
        g_value_set_string (value, "2027-03-01");
      else
        g_value_set_string (value, "Backend API");
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int v = g_value_get_int (&current);

      g_value_set_int (value, v < ispec->maximum ? v + 1 : v - 1);
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    g_value_set_double (value, g_value_get_double (&current) + 12.5);
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, !g_value_get_boolean (&current));
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int v = g_value_get_enum (&current);

      g_value_set_enum (value, v == klass->values[0].value ? klass->values[1].value
                                                          : klass->values[0].value);
    }
  else if (G_IS_PARAM_SPEC_FLAGS (pspec))
    g_value_set_flags (value, g_value_get_flags (&current) ^ CHARTER_WEEKDAYS_SATURDAY);
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char *strv[] = { "need-1", "need-2", NULL };

      g_value_set_boxed (value, strv);
    }
  else
    g_assert_not_reached ();
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify_once (gconstpointer data)
{
  GType type = get_item_type (data);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_tested = 0;

  pspecs = charter_item_list_properties (type, &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 1);
  g_assert_cmpstr (pspecs[0]->name, ==, "id");

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autoptr(GObject) object = g_object_new (type, "id", "item-1", NULL);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *signal = NULL;
      guint count = 0;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_assert_true (pspecs[i]->flags & G_PARAM_EXPLICIT_NOTIFY);

      signal = g_strdup_printf ("notify::%s", pspecs[i]->name);
      g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), &count);

      make_other_value (object, pspecs[i], &value);
      g_object_set_property (object, pspecs[i]->name, &value);
      g_assert_cmpuint (count, ==, 1);

      /* The same value again is a no-op. */
      g_object_set_property (object, pspecs[i]->name, &value);
      g_assert_cmpuint (count, ==, 1);

      n_tested++;
    }

  g_assert_cmpuint (n_tested, >, 0);
}

static void
test_list_properties_order (void)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = charter_item_list_properties (CHARTER_TYPE_TASK, &n);
  g_assert_cmpstr (pspecs[0]->name, ==, "id");
  g_assert_cmpstr (pspecs[1]->name, ==, "name");
  g_assert_cmpstr (pspecs[2]->name, ==, "team-id");
  g_assert_cmpstr (pspecs[3]->name, ==, "duration");
}

static void
test_display_name (void)
{
  g_autoptr(CharterTask) task = charter_task_new ("task-1");
  g_autoptr(CharterParticipant) participant = charter_participant_new ("p-1");

  /* Before it has a name, an item is known by its id. */
  g_assert_cmpstr (charter_item_get_display_name (CHARTER_ITEM (task)), ==, "task-1");
  charter_task_set_name (task, "Backend API");
  g_assert_cmpstr (charter_item_get_display_name (CHARTER_ITEM (task)), ==, "Backend API");

  /* A participant is known by the alias, never the real name. */
  charter_participant_set_real_name (participant, "Jane Doe");
  charter_participant_set_alias (participant, "P1, weekend runner");
  g_assert_cmpstr (charter_item_get_display_name (CHARTER_ITEM (participant)), ==,
                   "P1, weekend runner");
}

/* A risk's forecast members, in the order the file writes them, with the
 * ranges the reader checks; the notify test above covers them like every
 * other property. */
static void
test_risk_forecast_properties (void)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(CharterRisk) risk = charter_risk_new ("r1");
  GParamSpecInt *probability, *impact_days;
  guint n;

  pspecs = charter_item_list_properties (CHARTER_TYPE_RISK, &n);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpstr (pspecs[2]->name, ==, "likelihood");
  g_assert_cmpstr (pspecs[3]->name, ==, "probability");
  g_assert_cmpstr (pspecs[4]->name, ==, "impact");
  g_assert_cmpstr (pspecs[5]->name, ==, "impact-days");

  probability = G_PARAM_SPEC_INT (pspecs[3]);
  impact_days = G_PARAM_SPEC_INT (pspecs[5]);
  g_assert_cmpint (probability->minimum, ==, 0);
  g_assert_cmpint (probability->maximum, ==, 100);
  g_assert_cmpint (impact_days->minimum, ==, 0);
  g_assert_cmpint (impact_days->maximum, ==, 100000);

  /* A new risk is what a medium likelihood stands for, with no impact. */
  g_assert_cmpint (charter_risk_get_probability (risk), ==, probability->default_value);
  g_assert_cmpint (charter_risk_get_probability (risk), ==,
                   charter_risk_probability_for_likelihood (charter_risk_get_likelihood (risk)));
  g_assert_cmpint (charter_risk_get_impact_days (risk), ==, 0);
  g_assert_cmpint (charter_risk_probability_for_likelihood (CHARTER_LEVEL_LOW), ==, 10);
  g_assert_cmpint (charter_risk_probability_for_likelihood (CHARTER_LEVEL_MEDIUM), ==, 30);
  g_assert_cmpint (charter_risk_probability_for_likelihood (CHARTER_LEVEL_HIGH), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; GType (*get_type) (void); } types[] = {
    { "participant", charter_participant_get_type },
    { "interview", charter_interview_get_type },
    { "insight", charter_insight_get_type },
    { "need", charter_need_get_type },
    { "question", charter_question_get_type },
    { "exclusion", charter_exclusion_get_type },
    { "metric", charter_metric_get_type },
    { "decision", charter_decision_get_type },
    { "spec", charter_spec_get_type },
    { "calendar", charter_calendar_get_type },
    { "commitment", charter_commitment_get_type },
    { "team", charter_team_get_type },
    { "task", charter_task_get_type },
    { "dependency", charter_dependency_get_type },
    { "risk", charter_risk_get_type },
    { "baseline-entry", charter_baseline_entry_get_type },
    { "baseline", charter_baseline_get_type },
    { "task-status", charter_task_status_get_type },
    { "check-in", charter_check_in_get_type },
    { "scope-change", charter_scope_change_get_type },
  };

  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/properties/notify-once/%s", types[i].name);

      g_test_add_data_func (path, (gconstpointer) types[i].get_type, test_notify_once);
    }
  g_test_add_func ("/model/properties/order", test_list_properties_order);
  g_test_add_func ("/model/properties/display-name", test_display_name);
  g_test_add_func ("/model/properties/risk-forecast", test_risk_forecast_properties);

  return g_test_run ();
}
