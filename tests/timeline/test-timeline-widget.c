/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Timeline widget in-process (under the suite's Xvfb): drags driven
 * through the functions the gesture handlers call, checked against the
 * document, the live schedule and the undo history; keyboard actions;
 * accessible bars; only visible rows get widgets; lanes fold. */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "charter-gantt-bar.h"
#include "charter-gantt-chart.h"
#include "charter-gantt-chart-private.h"
#include "charter-scheduler.h"
#include "charter-task-editor.h"
#include "charter-team-color.h"
#include "charter-timeline-view.h"

typedef struct
{
  CharterDocument   *document;
  CharterScheduler  *scheduler;
  GtkWidget         *window;
  GtkWidget         *view;
  CharterGanttChart *chart;
} Fixture;

static guint32
jd (int month,
    int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2027);

  return g_date_get_julian (&date);
}

static CharterTeam *
add_team (CharterDocument *document,
          const char      *id,
          const char      *name)
{
  CharterTeam *team = charter_team_new (id);

  charter_team_set_name (team, name);
  g_list_store_append (G_LIST_STORE (charter_document_get_teams (document)), team);
  g_object_unref (team);

  return team;
}

static CharterTask *
add_task (CharterDocument *document,
          const char      *id,
          const char      *name,
          const char      *team_id,
          int              duration)
{
  CharterTask *task = charter_task_new (id);

  charter_task_set_name (task, name);
  charter_task_set_team_id (task, team_id);
  charter_task_set_duration (task, duration);
  g_list_store_append (G_LIST_STORE (charter_document_get_tasks (document)), task);
  g_object_unref (task);

  return task;
}

static void
add_dependency (CharterDocument *document,
                const char      *id,
                const char      *from,
                const char      *to)
{
  g_autoptr(CharterDependency) dep = charter_dependency_new (id);

  charter_dependency_set_predecessor (dep, from);
  charter_dependency_set_successor (dep, to);
  g_list_store_append (G_LIST_STORE (charter_document_get_dependencies (document)), dep);
}

/* Mon 1 Mar 2027, Monday to Friday.
 *   backend (team A, 5 d) -> mobile (team B, 3 d) -> launch (milestone)
 *   docs (no team, 2 d), free. */
static CharterDocument *
make_plan (void)
{
  CharterDocument *document = charter_document_new ();
  CharterCalendar *calendar = charter_document_get_calendar (document);
  CharterTask *launch;

  charter_calendar_set_start (calendar, "2027-03-01");
  charter_calendar_set_working_days (calendar, CHARTER_WEEKDAYS_WORKWEEK);

  add_team (document, "a", "Backend");
  add_team (document, "b", "Mobile");
  add_task (document, "backend", "Backend API", "a", 5);
  add_task (document, "mobile", "Mobile screen", "b", 3);
  launch = add_task (document, "launch", "Launch", NULL, 0);
  charter_task_set_milestone (launch, TRUE);
  charter_task_set_launch (launch, TRUE);
  add_task (document, "docs", "Docs", NULL, 2);
  add_dependency (document, "d1", "backend", "mobile");
  add_dependency (document, "d2", "mobile", "launch");

  return document;
}

static void
wait_for_allocation (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  /* Let the first frame settle. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CharterDocument *(*make) (void) = data ? (CharterDocument *(*) (void)) data : make_plan;

  f->document = make ();
  f->scheduler = charter_scheduler_new (f->document);
  g_assert_nonnull (charter_scheduler_get_schedule (f->scheduler));

  f->view = charter_timeline_view_new ();
  g_object_set (f->view, "document", f->document, "scheduler", f->scheduler, "zoom", CHARTER_TIMELINE_ZOOM_DAYS, NULL);
  f->chart = CHARTER_GANTT_CHART (charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (f->view)));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_allocation (GTK_WIDGET (f->chart));
  charter_gantt_chart_sync (f->chart);

  g_assert_false (charter_document_get_can_undo (f->document));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->scheduler);
  g_clear_object (&f->document);
}

static const CharterTaskDates *
dates_of (Fixture    *f,
          const char *task_id)
{
  const CharterTaskDates *dates = charter_schedule_get_task_dates (charter_scheduler_get_schedule (f->scheduler),
                                                                   task_id);

  g_assert_nonnull (dates);
  return dates;
}

static CharterTask *
task_of (Fixture    *f,
         const char *task_id)
{
  CharterTask *task = charter_document_find (f->document, charter_document_get_tasks (f->document), task_id);

  g_assert_nonnull (task);
  return task;
}

static void
bar_end (Fixture    *f,
         const char *task_id,
         double     *x,
         double     *y)
{
  graphene_rect_t bounds;

  g_assert_true (charter_gantt_chart_get_bar_bounds (f->chart, task_id, &bounds));
  *x = bounds.origin.x + bounds.size.width - 3;
  *y = bounds.origin.y + bounds.size.height / 2;
}

static void
bar_middle (Fixture    *f,
            const char *task_id,
            double     *x,
            double     *y)
{
  graphene_rect_t bounds;

  g_assert_true (charter_gantt_chart_get_bar_bounds (f->chart, task_id, &bounds));
  *x = bounds.origin.x + bounds.size.width / 2;
  *y = bounds.origin.y + bounds.size.height / 2;
}

static const char *
drag_feedback (Fixture *f)
{
  static char *text;

  g_clear_pointer (&text, g_free);
  g_object_get (f->chart, "drag-feedback", &text, NULL);

  return text;
}

static void
test_bars_are_accessible (Fixture       *f,
                          gconstpointer  data)
{
  const char *ids[] = { "backend", "mobile", "launch", "docs" };
  const char *names[] = { "Backend API", "Mobile screen", "Launch", "Docs" };
  GtkWidget *bar;
  const char *description;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      bar = charter_gantt_chart_get_bar_widget (f->chart, ids[i]);
      g_assert_nonnull (bar);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
      g_assert_true (gtk_widget_get_focusable (bar));
    }

  description = charter_gantt_bar_get_description (CHARTER_GANTT_BAR (charter_gantt_chart_get_bar_widget (f->chart, "backend")));
  g_assert_nonnull (strstr (description, "Starts Monday 1 March 2027"));
  g_assert_nonnull (strstr (description, "finishes Friday 5 March 2027"));
  g_assert_nonnull (strstr (description, "5 working days"));
  g_assert_nonnull (strstr (description, "critical path"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (charter_gantt_chart_get_bar_widget (f->chart, "backend")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* Docs can slip: its description says so. */
  description = charter_gantt_bar_get_description (CHARTER_GANTT_BAR (charter_gantt_chart_get_bar_widget (f->chart, "docs")));
  g_assert_nonnull (strstr (description, "2 working days"));
  g_assert_nonnull (strstr (description, "Can slip"));

  /* The bar widget sits over the painted bar. */
  {
    graphene_rect_t bounds, painted;

    bar = charter_gantt_chart_get_bar_widget (f->chart, "backend");
    g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (f->chart), &bounds));
    g_assert_true (charter_gantt_chart_get_bar_bounds (f->chart, "backend", &painted));
    g_assert_cmpfloat (fabs (bounds.origin.x - painted.origin.x), <=, 1);
    g_assert_cmpfloat (fabs (bounds.size.width - painted.size.width), <=, 1);
  }
}

/* Drag the right end four days on: the duration snaps to whole working
 * days as the pointer moves, successors and the launch move live, the
 * feedback says by how much, and one undo reverts the whole drag. */
static void
test_drag_end_changes_duration (Fixture       *f,
                                gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  guint32 launch_before = dates_of (f, "launch")->early_start;
  double x, y;
  const char *feedback;

  g_assert_cmpuint (dates_of (f, "backend")->early_finish, ==, jd (3, 5));
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 8));

  bar_end (f, "backend", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  g_assert_true (charter_gantt_chart_is_dragging (f->chart));

  /* Over the weekend: still five working days. */
  charter_gantt_chart_drag_update (f->chart, ppd * 1.3, 2);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  charter_gantt_chart_drag_update (f->chart, ppd * 2.4, 3);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  /* Into Monday: six, and Mobile has already moved to Tuesday. */
  charter_gantt_chart_drag_update (f->chart, ppd * 3.2, 3);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 6);
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 9));
  /* Tuesday: seven. */
  charter_gantt_chart_drag_update (f->chart, ppd * 4.0, 0);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 7);
  g_assert_cmpuint (dates_of (f, "backend")->early_finish, ==, jd (3, 9));
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 10));
  g_assert_cmpuint (dates_of (f, "launch")->early_start, ==,
                    charter_schedule_add_working_days (charter_scheduler_get_schedule (f->scheduler), launch_before, 2));

  feedback = drag_feedback (f);
  g_assert_nonnull (feedback);
  g_assert_nonnull (strstr (feedback, "7 working days, finishes Tue 9 Mar"));
  g_assert_nonnull (strstr (feedback, "Launch moves 2 working days later, to "));

  charter_gantt_chart_drag_end (f->chart);
  g_assert_false (charter_gantt_chart_is_dragging (f->chart));
  g_assert_null (drag_feedback (f));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 7);
  g_assert_true (charter_document_get_can_undo (f->document));

  /* One undo reverts the whole drag and its successors' dates. */
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 8));
  g_assert_cmpuint (dates_of (f, "launch")->early_start, ==, launch_before);
  g_assert_false (charter_document_get_can_undo (f->document));

  /* And redo brings it back whole. */
  g_assert_true (charter_document_redo (f->document));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 7);
}

/* The Timeline's status line (the label that says what the last change did). */
static GtkLabel *
status_label (Fixture *f)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, f->view);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "timeline-status"))
        return GTK_LABEL (widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  g_assert_not_reached ();
}

/* Issue 18: after a drag, the card by the bar and the status line say what
 * it did in whole sentences ("… finishes Tue 9 Mar. Launch moves …"), and
 * Undo takes both away: they described a change that is no longer there. */
static void
test_feedback_goes_with_undo (Fixture       *f,
                              gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  const char *message, *status;
  double x, y;

  bar_end (f, "backend", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, ppd * 4.0, 0);
  g_assert_nonnull (strstr (drag_feedback (f), "finishes Tue 9 Mar.\nLaunch moves 2 working days later, to "));
  g_assert_true (g_str_has_suffix (drag_feedback (f), "."));
  g_assert_nonnull (strstr (gtk_label_get_label (status_label (f)), "finishes Tue 9 Mar. Launch moves 2"));
  charter_gantt_chart_drag_end (f->chart);

  message = charter_gantt_chart_get_message (f->chart);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "7 working days, finishes Tue 9 Mar. Launch moves 2 working days later, to "));
  g_assert_true (g_str_has_suffix (message, "."));
  status = gtk_label_get_label (status_label (f));
  g_assert_cmpstr (status, ==, message);

  g_assert_true (charter_document_undo (f->document));
  g_assert_null (charter_gantt_chart_get_message (f->chart));
  g_assert_null (drag_feedback (f));
  g_assert_cmpstr (gtk_label_get_label (status_label (f)), ==, "");

  /* A key's change says what it did in sentences too, and goes with Redo. */
  charter_gantt_chart_set_selected_task (f->chart, "backend");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.move-later", NULL));
  message = charter_gantt_chart_get_message (f->chart);
  g_assert_nonnull (strstr (message, "Starts Tue 2 Mar. Launch moves 1 working day later, to "));
  g_assert_cmpstr (gtk_label_get_label (status_label (f)), ==, message);
  g_assert_true (charter_document_undo (f->document));
  g_assert_null (charter_gantt_chart_get_message (f->chart));
  g_assert_true (charter_document_redo (f->document));
  g_assert_null (charter_gantt_chart_get_message (f->chart));
  g_assert_cmpstr (gtk_label_get_label (status_label (f)), ==, "");
}

/* Whether @day's column shows in the chart now. */
static gboolean
day_in_view (Fixture *f,
             guint32  day)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->chart));
  CharterTimelineScale scale = { 0, };
  graphene_rect_t bar;
  double x;

  /* The scale from a bar whose start is known: backend starts Mon 1 Mar. */
  g_assert_true (charter_gantt_chart_get_bar_bounds (f->chart, "backend", &bar));
  scale.pixels_per_day = charter_gantt_chart_get_pixels_per_day (f->chart);
  x = bar.origin.x + ((double) day - (double) jd (3, 1)) * scale.pixels_per_day;

  return x >= gtk_widget_get_width (GTK_WIDGET (f->chart)) - gtk_adjustment_get_page_size (h) &&
         x + scale.pixels_per_day <= gtk_widget_get_width (GTK_WIDGET (f->chart));
}

/* Issue 18: Today does something visible when today is outside the plan
 * (1 Mar – 10 Mar 2027): it shows the plan's end nearest today, with the
 * today line too when both fit, and says where today is. In the plan it
 * scrolls there without a word. */
static void
test_today_outside_plan (Fixture       *f,
                         gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->chart));
  const char *message;
  GDate date;
  guint32 far_after;

  /* Two weeks before: the today line and the plan's first day both show. */
  charter_gantt_chart_set_today (f->chart, jd (2, 15));
  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.show-today", NULL));
  message = charter_gantt_chart_get_message (f->chart);
  g_assert_cmpstr (message, ==, "Today (Mon 15 Feb 2027) is before the plan starts (Mon 1 Mar 2027).");
  g_assert_true (day_in_view (f, jd (2, 15)));
  g_assert_true (day_in_view (f, jd (3, 1)));

  /* Three years after: the plan's last days show, and the sentence says why. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, 12, 2030);
  far_after = g_date_get_julian (&date);
  charter_gantt_chart_set_today (f->chart, far_after);
  gtk_adjustment_set_value (h, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.show-today", NULL));
  message = charter_gantt_chart_get_message (f->chart);
  g_assert_cmpstr (message, ==, "Today (Tue 3 Dec 2030) is after the plan ends (Wed 10 Mar 2027).");
  g_assert_true (day_in_view (f, dates_of (f, "mobile")->early_finish));

  /* The status line says it too. */
  g_assert_cmpstr (gtk_label_get_label (status_label (f)), ==, message);

  /* Inside the plan: today in the middle, nothing said. */
  charter_gantt_chart_set_today (f->chart, jd (3, 4));
  g_assert_true (charter_document_get_can_undo (f->document) == FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.show-today", NULL));
  g_assert_true (day_in_view (f, jd (3, 4)));
  g_assert_cmpstr (charter_gantt_chart_get_message (f->chart), ==, message);
}

static void
test_drag_shorter_never_below_one (Fixture       *f,
                                   gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  double x, y;

  bar_end (f, "backend", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, -ppd * 20, 0);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 1);
  g_assert_nonnull (strstr (drag_feedback (f), "Launch moves 4 working days earlier"));
  charter_gantt_chart_drag_end (f->chart);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 1);
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
}

/* Escape during a drag puts everything back and leaves no undo step. */
static void
test_escape_cancels_drag (Fixture       *f,
                          gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  double x, y;

  bar_end (f, "backend", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, ppd * 4, 0);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 7);
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 10));

  charter_gantt_chart_drag_cancel (f->chart);
  g_assert_false (charter_gantt_chart_is_dragging (f->chart));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 8));
  g_assert_false (charter_document_get_can_undo (f->document));
  g_assert_false (charter_document_get_can_redo (f->document));

  /* A release after the cancel changes nothing. */
  charter_gantt_chart_drag_update (f->chart, ppd * 6, 0);
  charter_gantt_chart_drag_end (f->chart);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  g_assert_false (charter_document_get_can_undo (f->document));
}

/* A drag that ends where it began leaves no undo step. */
static void
test_drag_back_to_start_is_no_step (Fixture       *f,
                                    gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  double x, y;

  bar_end (f, "backend", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, ppd * 4, 0);
  charter_gantt_chart_drag_update (f->chart, 0, 0);
  charter_gantt_chart_drag_end (f->chart);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  g_assert_false (charter_document_get_can_undo (f->document));
}

/* A click on a bar selects it and changes nothing. */
static void
test_click_changes_nothing (Fixture       *f,
                            gconstpointer  data)
{
  double x, y;

  bar_middle (f, "docs", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, 0, 0);
  charter_gantt_chart_drag_end (f->chart);
  g_assert_cmpstr (charter_gantt_chart_get_selected_task (f->chart), ==, "docs");
  g_assert_null (charter_task_get_start_no_earlier_than (task_of (f, "docs")));
  g_assert_false (charter_document_get_can_undo (f->document));

  bar_end (f, "docs", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, 2, 1);
  charter_gantt_chart_drag_end (f->chart);
  g_assert_cmpint (charter_task_get_duration (task_of (f, "docs")), ==, 2);
  g_assert_false (charter_document_get_can_undo (f->document));
}

/* Drag a bar's body: it gets a "start no earlier than" at the drop. */
static void
test_drag_body_sets_start (Fixture       *f,
                           gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  double x, y;

  g_assert_cmpuint (dates_of (f, "docs")->early_start, ==, jd (3, 1));
  bar_middle (f, "docs", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, ppd * 2.2, 0);
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (task_of (f, "docs")), ==, "2027-03-03");
  g_assert_cmpuint (dates_of (f, "docs")->early_start, ==, jd (3, 3));
  /* Dropped on a Saturday: the next working day. */
  charter_gantt_chart_drag_update (f->chart, ppd * 5.1, 0);
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (task_of (f, "docs")), ==, "2027-03-08");
  charter_gantt_chart_drag_end (f->chart);

  g_assert_cmpstr (charter_task_get_start_no_earlier_than (task_of (f, "docs")), ==, "2027-03-08");
  g_assert_true (charter_document_undo (f->document));
  g_assert_null (charter_task_get_start_no_earlier_than (task_of (f, "docs")));
  g_assert_false (charter_document_get_can_undo (f->document));
}

/* Dragging earlier than the dependencies allow says why, and changes nothing. */
static void
test_drag_body_before_dependency (Fixture       *f,
                                  gconstpointer  data)
{
  double ppd = charter_gantt_chart_get_pixels_per_day (f->chart);
  const char *feedback;
  double x, y;

  bar_middle (f, "mobile", &x, &y);
  g_assert_true (charter_gantt_chart_drag_begin (f->chart, x, y));
  charter_gantt_chart_drag_update (f->chart, -ppd * 3, 0);
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 8));

  feedback = drag_feedback (f);
  g_assert_nonnull (feedback);
  g_assert_nonnull (strstr (feedback, "Cannot start on Fri 5 Mar"));
  g_assert_nonnull (strstr (feedback, "Backend API"));

  charter_gantt_chart_drag_end (f->chart);
  g_assert_null (charter_task_get_start_no_earlier_than (task_of (f, "mobile")));
  g_assert_false (charter_document_get_can_undo (f->document));
  g_assert_nonnull (strstr (charter_gantt_chart_get_message (f->chart), "Backend API"));
}

/* The keyboard equivalents, through the actions the key bindings activate. */
static void
test_keyboard_actions (Fixture       *f,
                       gconstpointer  data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (f->chart));

  charter_gantt_chart_set_selected_task (f->chart, "backend");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.lengthen", NULL));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 6);
  g_assert_cmpuint (dates_of (f, "mobile")->early_start, ==, jd (3, 9));
  g_assert_nonnull (strstr (charter_gantt_chart_get_message (f->chart), "Launch moves 1 working day later"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.shorten", NULL));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);

  /* Each key press is its own undo step. */
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 6);
  g_assert_true (charter_document_undo (f->document));
  g_assert_false (charter_document_get_can_undo (f->document));

  /* Start later: a constraint on the next working day. */
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.move-later", NULL);
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (task_of (f, "backend")), ==, "2027-03-02");
  g_assert_cmpuint (dates_of (f, "backend")->early_start, ==, jd (3, 2));
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.move-earlier", NULL);
  g_assert_cmpuint (dates_of (f, "backend")->early_start, ==, jd (3, 1));

  /* Mobile cannot start earlier than Backend allows: nothing changes. */
  charter_gantt_chart_set_selected_task (f->chart, "mobile");
  while (charter_document_get_can_undo (f->document))
    charter_document_undo (f->document);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.move-earlier", NULL);
  g_assert_null (charter_task_get_start_no_earlier_than (task_of (f, "mobile")));
  g_assert_false (charter_document_get_can_undo (f->document));
  g_assert_nonnull (strstr (charter_gantt_chart_get_message (f->chart), "Cannot start"));

  /* Up and Down walk the rows in lane order, skipping headers, and
   * keyboard focus follows onto the bar. */
  charter_gantt_chart_set_selected_task (f->chart, "backend");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.select-next", NULL);
  g_assert_cmpstr (charter_gantt_chart_get_selected_task (f->chart), ==, "mobile");
  g_assert_true (gtk_root_get_focus (root) == charter_gantt_chart_get_bar_widget (f->chart, "mobile"));
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.select-next", NULL);
  g_assert_cmpstr (charter_gantt_chart_get_selected_task (f->chart), ==, "launch");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.select-next", NULL);
  g_assert_cmpstr (charter_gantt_chart_get_selected_task (f->chart), ==, "docs");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.select-next", NULL);
  g_assert_cmpstr (charter_gantt_chart_get_selected_task (f->chart), ==, "docs");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.select-previous", NULL);
  g_assert_cmpstr (charter_gantt_chart_get_selected_task (f->chart), ==, "launch");

  /* Zoom, as Ctrl+minus and Ctrl+plus do. */
  g_assert_cmpint (charter_gantt_chart_get_zoom (f->chart), ==, CHARTER_TIMELINE_ZOOM_DAYS);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.zoom-out", NULL);
  g_assert_cmpint (charter_gantt_chart_get_zoom (f->chart), ==, CHARTER_TIMELINE_ZOOM_WEEKS);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.zoom-out", NULL);
  g_assert_cmpint (charter_gantt_chart_get_zoom (f->chart), ==, CHARTER_TIMELINE_ZOOM_MONTHS);
  {
    int zoom;

    g_object_get (f->view, "zoom", &zoom, NULL);
    g_assert_cmpint (zoom, ==, CHARTER_TIMELINE_ZOOM_MONTHS);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.zoom-in", NULL);
  g_assert_cmpint (charter_gantt_chart_get_zoom (f->chart), ==, CHARTER_TIMELINE_ZOOM_WEEKS);
  g_assert_cmpfloat (charter_gantt_chart_get_pixels_per_day (f->chart), ==,
                     charter_timeline_zoom_get_pixels_per_day (CHARTER_TIMELINE_ZOOM_WEEKS));

  /* A milestone has no duration to change. */
  charter_gantt_chart_set_selected_task (f->chart, "launch");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.lengthen", NULL);
  g_assert_false (charter_document_get_can_undo (f->document));
}

/* Presses a key as GTK hands it to the task editor's own key controller
 * (in the capture phase, before its fields see the key). */
static gboolean
press_editor_key (GtkWidget       *editor,
                  guint            keyval,
                  GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (editor);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "charter-editor-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
  return FALSE;
}

static void
iterate (void)
{
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the main loop run until @widget is shown or hidden as @visible. */
static void
wait_until_visible (GtkWidget *widget,
                    gboolean   visible)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_visible (widget) != visible && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* Let the X server answer what was asked so far, so that a late event of
   * an earlier popover cannot hide this one after the check (the editor
   * tests saw that under ASan on a loaded machine). */
  gdk_display_sync (gtk_widget_get_display (widget));
  iterate ();
  g_assert_cmpint (gtk_widget_get_visible (widget), ==, visible);
}

/* Types into a spin button or entry as a person would. */
static void
type_into (GtkWidget  *field,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  if (GTK_IS_SPIN_BUTTON (field))
    gtk_spin_button_update (GTK_SPIN_BUTTON (field));
}

/* Enter: the shared task editor (CharterTaskEditor) on the selected bar.
 * Edits apply as they are made and the session is one undo step; a value
 * that is not a date is refused beside its field and changes nothing.
 * (Before the shared editor the chart had its own popover that applied
 * on Apply; what is asserted about the result is the same.) */
static void
test_edit_popover (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *popover, *duration, *start;

  popover = charter_gantt_chart_get_editor (f->chart, &duration, &start);
  g_assert_true (CHARTER_IS_TASK_EDITOR (popover));
  charter_gantt_chart_set_selected_task (f->chart, "backend");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.edit", NULL));
  wait_until_visible (popover, TRUE);
  g_assert_cmpstr (charter_task_editor_get_task_id (CHARTER_TASK_EDITOR (popover)), ==, "backend");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (duration)), ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "");

  /* Not a date: Enter says so and the editor stays; nothing changes. */
  type_into (start, "3rd March");
  g_signal_emit_by_name (start, "activate");
  wait_until_visible (popover, TRUE);
  g_assert_null (charter_task_get_start_no_earlier_than (task_of (f, "backend")));

  type_into (duration, "8");
  type_into (start, "2027-03-03");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.apply-edit", NULL);
  iterate ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 8);
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (task_of (f, "backend")), ==, "2027-03-03");
  g_assert_cmpuint (dates_of (f, "backend")->early_start, ==, jd (3, 3));

  /* One step for the whole session. */
  g_assert_true (charter_document_undo (f->document));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  g_assert_null (charter_task_get_start_no_earlier_than (task_of (f, "backend")));
  g_assert_false (charter_document_get_can_undo (f->document));
}

/* The editor belongs to its task: when Undo takes back the task's
 * insertion, or the task is deleted, it closes, and Apply makes no step. */
static void
test_edit_popover_closes_when_task_goes (Fixture       *f,
                                         gconstpointer  data)
{
  GListModel *tasks = charter_document_get_tasks (f->document);
  g_autoptr(CharterTask) task = charter_task_new ("extra");
  GtkWidget *popover, *duration, *start;

  charter_task_set_name (task, "Extra work");
  charter_task_set_team_id (task, "a");
  charter_task_set_duration (task, 4);
  charter_document_append (f->document, tasks, task);
  charter_gantt_chart_sync (f->chart);

  popover = charter_gantt_chart_get_editor (f->chart, &duration, &start);
  charter_gantt_chart_set_selected_task (f->chart, "extra");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.edit", NULL));
  wait_until_visible (popover, TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (duration)), ==, 4);

  /* Ctrl+Z: the insertion is undone, the task is gone, so is its editor. */
  g_assert_true (press_editor_key (popover, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_null (charter_document_find (f->document, tasks, "extra"));
  wait_until_visible (popover, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->chart)));

  /* Apply, had anything kept the action, neither edits nor eats the redo. */
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.apply-edit", NULL);
  g_assert_true (charter_document_get_can_redo (f->document));
  g_assert_cmpint (charter_task_get_duration (task), ==, 4);

  /* Redo brings the task back; its editor again, then Delete. */
  g_assert_true (charter_document_redo (f->document));
  charter_gantt_chart_sync (f->chart);
  charter_gantt_chart_set_selected_task (f->chart, "extra");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.edit", NULL));
  wait_until_visible (popover, TRUE);

  charter_document_remove (f->document, tasks, task_of (f, "extra"));
  wait_until_visible (popover, FALSE);
  charter_gantt_chart_sync (f->chart);
  g_assert_null (charter_gantt_chart_get_bar_widget (f->chart, "extra"));
}

/* A change underneath an open editor shows in it; Ctrl+Z in it undoes the
 * document. (With the shared editor, what is typed is applied at once, so
 * Ctrl+Z first takes back the session so far, typing included, and then
 * what came before; the old popover kept typed text until Apply.) */
static void
test_edit_popover_shows_fresh_values (Fixture       *f,
                                      gconstpointer  data)
{
  GtkWidget *popover, *duration, *start, *name;
  CharterTask *backend = task_of (f, "backend");

  popover = charter_gantt_chart_get_editor (f->chart, &duration, &start);
  name = GTK_WIDGET (gtk_widget_get_template_child (popover, CHARTER_TYPE_TASK_EDITOR, "name_entry"));

  /* A duration change to undo later. */
  charter_document_set (f->document, backend, "duration", 7, NULL);
  charter_gantt_chart_sync (f->chart);

  charter_gantt_chart_set_selected_task (f->chart, "backend");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.edit", NULL));
  wait_until_visible (popover, TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (duration)), ==, 7);

  /* What the editor filled in is no typing of the person's: the field's
   * own undo (Ctrl+Z in it) has nothing to take back, so Ctrl+Z goes on
   * to the document. */
  gtk_widget_activate_action (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (duration))), "text.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (start))), "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "7");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "");

  /* The person types a start; Ctrl+Z takes it back, Ctrl+Z again the
   * duration change from before the editor opened; the fields follow. */
  type_into (start, "2027-03-08");
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (backend), ==, "2027-03-08");
  g_assert_true (press_editor_key (popover, GDK_KEY_z, GDK_CONTROL_MASK));
  iterate ();
  g_assert_null (charter_task_get_start_no_earlier_than (backend));
  g_assert_true (press_editor_key (popover, GDK_KEY_z, GDK_CONTROL_MASK));
  wait_until_visible (popover, TRUE);
  g_assert_cmpint (charter_task_get_duration (backend), ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (duration)), ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "");

  /* A rename elsewhere shows in the editor. */
  charter_document_set (f->document, backend, "name", "Payments API", NULL);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Payments API");

  /* Closing keeps what shows: 5 days, from 8 March. */
  type_into (start, "2027-03-08");
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "timeline.apply-edit", NULL);
  iterate ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpint (charter_task_get_duration (backend), ==, 5);
  g_assert_cmpstr (charter_task_get_start_no_earlier_than (backend), ==, "2027-03-08");
}

static void
test_read_only_refuses_drag (Fixture       *f,
                             gconstpointer  data)
{
  double x, y;

  charter_document_set_read_only (f->document, "opened from a newer Charter");
  bar_end (f, "backend", &x, &y);
  g_assert_false (charter_gantt_chart_drag_begin (f->chart, x, y));
  g_assert_cmpint (charter_task_get_duration (task_of (f, "backend")), ==, 5);
  g_assert_nonnull (strstr (charter_gantt_chart_get_message (f->chart), "newer Charter"));
}

static void
test_lanes_fold (Fixture       *f,
                 gconstpointer  data)
{
  CharterTimelineLayout *layout = charter_gantt_chart_get_layout (f->chart);
  guint rows = charter_timeline_layout_get_n_rows (layout);

  /* Backend, its task; Mobile, its task; No team, the launch and docs. */
  g_assert_cmpuint (rows, ==, 7);
  g_assert_nonnull (charter_gantt_chart_get_bar_widget (f->chart, "mobile"));

  charter_gantt_chart_toggle_lane (f->chart, "b");
  charter_gantt_chart_sync (f->chart);
  layout = charter_gantt_chart_get_layout (f->chart);
  g_assert_cmpuint (charter_timeline_layout_get_n_rows (layout), ==, 6);
  g_assert_null (charter_gantt_chart_get_bar_widget (f->chart, "mobile"));
  g_assert_nonnull (charter_gantt_chart_get_bar_widget (f->chart, "docs"));

  charter_gantt_chart_toggle_lane (f->chart, "b");
  charter_gantt_chart_sync (f->chart);
  g_assert_cmpuint (charter_timeline_layout_get_n_rows (charter_gantt_chart_get_layout (f->chart)), ==, 7);
  g_assert_nonnull (charter_gantt_chart_get_bar_widget (f->chart, "mobile"));
}

/* Contrast of @fg drawn over @bg (@fg may be translucent, @bg is opaque). */
static double
contrast (const GdkRGBA *fg,
          const GdkRGBA *bg)
{
  const double f[3] = {
    fg->red * fg->alpha + bg->red * (1 - fg->alpha),
    fg->green * fg->alpha + bg->green * (1 - fg->alpha),
    fg->blue * fg->alpha + bg->blue * (1 - fg->alpha),
  };
  const double b[3] = { bg->red, bg->green, bg->blue };

  return charter_timeline_contrast_ratio (f, b);
}

static GdkRGBA
over (const GdkRGBA *top,
      const GdkRGBA *bottom)
{
  return (GdkRGBA) {
    top->red * top->alpha + bottom->red * (1 - top->alpha),
    top->green * top->alpha + bottom->green * (1 - top->alpha),
    top->blue * top->alpha + bottom->blue * (1 - top->alpha),
    1,
  };
}

static void
set_style (Fixture         *f,
           AdwColorScheme   scheme,
           gboolean         dark)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  while (charter_gantt_chart_get_colors (f->chart)->dark != dark && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (charter_gantt_chart_get_colors (f->chart)->dark, ==, dark);

  /* A frame drawn with them. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* The chart as it shows now, in pixels. */
static cairo_surface_t *
render_chart (Fixture *f)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->chart));
  int width = gtk_widget_get_width (GTK_WIDGET (f->chart));
  int height = gtk_widget_get_height (GTK_WIDGET (f->chart));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static GdkRGBA
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  argb = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  /* Everything the chart paints is opaque: no premultiplication to undo. */
  g_assert_cmpuint (argb >> 24, ==, 255);
  return (GdkRGBA) { ((argb >> 16) & 0xff) / 255.0, ((argb >> 8) & 0xff) / 255.0, (argb & 0xff) / 255.0, 1 };
}

static void
assert_same_color (const GdkRGBA *a,
                   const GdkRGBA *b)
{
  g_assert_cmpfloat (fabs (a->red - b->red), <, 2.5 / 255);
  g_assert_cmpfloat (fabs (a->green - b->green), <, 2.5 / 255);
  g_assert_cmpfloat (fabs (a->blue - b->blue), <, 2.5 / 255);
}

/* The strongest contrast any pixel of the box has with @bg: what the
 * text drawn there reaches at its most solid. */
static double
best_contrast_in (cairo_surface_t *surface,
                  int              x0,
                  int              y0,
                  int              x1,
                  int              y1,
                  const GdkRGBA   *bg)
{
  double best = 1;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        GdkRGBA p = pixel (surface, x, y);

        best = MAX (best, contrast (&p, bg));
      }

  return best;
}

/* What the chart paints in one style: every text colour on what it is
 * drawn on keeps 4.5:1 (the chart's own text 7:1, for the back of the
 * room), lines stand out from the canvas, and the rendered pixels are
 * those colours: the list's background, a task's name, a bar's label. */
static void
check_style (Fixture                  *f,
             const CharterGanttColors *c)
{
  g_autoptr(CharterTeam) team = charter_team_new ("t");
  cairo_surface_t *surface;
  graphene_rect_t bar;
  GdkRGBA fill, selected, card, bg;
  int height = gtk_widget_get_height (GTK_WIDGET (f->chart));
  int cy;

  g_assert_cmpfloat (contrast (&c->text_fg, &c->canvas_bg), >=, 7);
  g_assert_cmpfloat (contrast (&c->text_fg, &c->list_bg), >=, 7);
  g_assert_cmpfloat (contrast (&c->text_fg, &c->axis_bg), >=, 7);
  g_assert_cmpfloat (contrast (&c->dim_fg, &c->axis_bg), >=, 4.5);
  g_assert_cmpfloat (contrast (&c->dim_fg, &c->canvas_bg), >=, 4.5);
  selected = over (&c->selection_bg, &c->list_bg);
  g_assert_cmpfloat (contrast (&c->text_fg, &selected), >=, 7);
  /* A missed deadline's finish date is written in the launch colour. */
  g_assert_cmpfloat (contrast (&c->launch_color, &c->list_bg), >=, 4.5);
  g_assert_cmpfloat (contrast (&c->launch_color, &selected), >=, 4.5);
  g_assert_cmpfloat (contrast (&c->flag_fg, &c->today_color), >=, 4.5);
  g_assert_cmpfloat (contrast (&c->flag_fg, &c->launch_color), >=, 4.5);
  g_assert_cmpfloat (contrast (&c->flag_fg, &c->p80_color), >=, 4.5);
  card = over (&c->feedback_bg, &c->canvas_bg);
  g_assert_cmpfloat (contrast (&c->feedback_fg, &card), >=, 7);
  /* Lines and outlines: 3:1 against the canvas. */
  g_assert_cmpfloat (contrast (&c->today_color, &c->canvas_bg), >=, 3);
  g_assert_cmpfloat (contrast (&c->launch_color, &c->canvas_bg), >=, 3);
  g_assert_cmpfloat (contrast (&c->critical_outline, &c->canvas_bg), >=, 3);
  g_assert_cmpfloat (contrast (&c->arrow_critical, &c->canvas_bg), >=, 3);
  g_assert_cmpfloat (contrast (&c->arrow, &c->canvas_bg), >=, 3);
  g_assert_cmpfloat (contrast (&c->focus_color, &c->canvas_bg), >=, 3);

  /* Bar labels on every team colour of the palette, and on no team's. */
  for (guint i = 0; i <= 8; i++)
    {
      GdkRGBA label;

      charter_team_color (i < 8 ? team : NULL, i, &fill);
      charter_gantt_chart_bar_label_color (&fill, &label);
      g_assert_cmpfloat (contrast (&label, &fill), >=, 4.5);
    }

  surface = render_chart (f);

  /* Below the last row, the task list is its background. */
  bg = pixel (surface, 40, height - 8);
  assert_same_color (&bg, &c->list_bg);

  /* "Backend API" in the list: its darkest (or lightest) pixels are the text colour. */
  g_assert_true (charter_gantt_chart_get_bar_bounds (f->chart, "backend", &bar));
  cy = (int) (bar.origin.y + bar.size.height / 2);
  g_assert_cmpfloat (best_contrast_in (surface, 22, cy - 8, 140, cy + 8, &bg), >=, 7);
  g_assert_cmpfloat (best_contrast_in (surface, 22, cy - 8, 140, cy + 8, &bg), >=,
                     contrast (&c->text_fg, &c->list_bg) * 0.9);

  /* "5 d" on the bar, against the bar's own fill. */
  fill = pixel (surface, (int) (bar.origin.x + bar.size.width * 0.6), (int) bar.origin.y + 5);
  charter_team_color (charter_document_find (f->document, charter_document_get_teams (f->document), "a"), 0, &bg);
  assert_same_color (&fill, &bg);
  g_assert_cmpfloat (best_contrast_in (surface, (int) bar.origin.x + 6, cy - 6,
                                       (int) bar.origin.x + 40, cy + 6, &fill), >=, 4.5);

  cairo_surface_destroy (surface);
}

/* Preferences → Style (AdwStyleManager) dark: the chart paints dark, and
 * back to light when the style goes back. */
static void
test_follows_dark_style (Fixture       *f,
                         gconstpointer  data)
{
  CharterGanttColors light, dark;

  set_style (f, ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE);
  light = *charter_gantt_chart_get_colors (f->chart);
  check_style (f, &light);

  set_style (f, ADW_COLOR_SCHEME_FORCE_DARK, TRUE);
  dark = *charter_gantt_chart_get_colors (f->chart);
  check_style (f, &dark);

  g_assert_false (gdk_rgba_equal (&light.canvas_bg, &dark.canvas_bg));
  g_assert_false (gdk_rgba_equal (&light.list_bg, &dark.list_bg));
  g_assert_false (gdk_rgba_equal (&light.text_fg, &dark.text_fg));
  g_assert_false (gdk_rgba_equal (&light.grid_line, &dark.grid_line));
  g_assert_false (gdk_rgba_equal (&light.weekend_shade, &dark.weekend_shade));
  /* Dark means dark: a dark canvas under light text. */
  g_assert_cmpfloat (charter_timeline_relative_luminance (dark.canvas_bg.red, dark.canvas_bg.green,
                                                          dark.canvas_bg.blue), <, 0.05);
  g_assert_cmpfloat (charter_timeline_relative_luminance (dark.text_fg.red, dark.text_fg.green,
                                                          dark.text_fg.blue), >, 0.8);

  set_style (f, ADW_COLOR_SCHEME_DEFAULT, FALSE);
  g_assert_true (gdk_rgba_equal (&charter_gantt_chart_get_colors (f->chart)->canvas_bg, &light.canvas_bg));
}

static gboolean
colors_equal (const GdkRGBA *a,
              const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 1e-3 && fabs (a->green - b->green) < 1e-3 &&
         fabs (a->blue - b->blue) < 1e-3 && fabs (a->alpha - b->alpha) < 1e-3;
}

/* Waits until the chart has re-read its colours and @color equals @spec. */
static void
wait_for_color (const GdkRGBA *color,
                const char    *spec)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GdkRGBA expected;

  g_assert_true (gdk_rgba_parse (&expected, spec));
  while (!colors_equal (color, &expected) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  if (!colors_equal (color, &expected))
    g_test_message ("%s: %s", spec, gdk_rgba_to_string (color));
  g_assert_true (colors_equal (color, &expected));
}

/* The named colours @charter_gantt_ROLE of one of the application's
 * style sheets, ROLE -> value, without the _projector variants. */
static GHashTable *
sheet_colors (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("@define-color charter_gantt_([a-z0-9_]+) ([^;]+);", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_nonnull (bytes);
  g_regex_match (regex, g_bytes_get_data (bytes, NULL), 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *role = g_match_info_fetch (match, 1);

      if (!g_str_has_suffix (role, "_projector"))
        g_hash_table_insert (colors, g_steal_pointer (&role), g_match_info_fetch (match, 2));
    }

  return colors;
}

/* What the chart paints with is what the sheet says, role by role. */
static void
check_sheet (Fixture    *f,
             GHashTable *sheet)
{
  const CharterGanttColors *c = charter_gantt_chart_get_colors (f->chart);
  const struct {
    const char    *role;
    const GdkRGBA *color;
  } fields[] = {
    { "canvas_bg", &c->canvas_bg }, { "list_bg", &c->list_bg }, { "axis_bg", &c->axis_bg },
    { "text", &c->text_fg }, { "dim_text", &c->dim_fg }, { "grid_line", &c->grid_line },
    { "strong_line", &c->strong_line }, { "weekend", &c->weekend_shade }, { "holiday", &c->holiday_shade },
    { "today", &c->today_color }, { "launch", &c->launch_color }, { "p80", &c->p80_color },
    { "flag_text", &c->flag_fg }, { "buffer", &c->buffer_color }, { "critical_outline", &c->critical_outline },
    { "critical_band", &c->critical_band }, { "arrow", &c->arrow }, { "arrow_critical", &c->arrow_critical },
    { "float", &c->float_color }, { "baseline", &c->baseline_color }, { "selection", &c->selection_bg },
    { "focus", &c->focus_color }, { "feedback_bg", &c->feedback_bg }, { "feedback_text", &c->feedback_fg },
  };

  /* Every colour the chart has is in the sheet, and nothing more. */
  g_assert_cmpuint (g_hash_table_size (sheet), ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *spec = g_hash_table_lookup (sheet, fields[i].role);
      GdkRGBA expected;

      g_assert_nonnull (spec);
      g_assert_true (gdk_rgba_parse (&expected, spec));
      if (!colors_equal (fields[i].color, &expected))
        g_test_message ("%s: %s, not %s", fields[i].role, gdk_rgba_to_string (fields[i].color), spec);
      g_assert_true (colors_equal (fields[i].color, &expected));
    }
}

/* The chart's colours are the style sheet's named colours: style.css's in
 * the light style, style-dark.css's in the dark, the _projector variant
 * in projector mode; and what is painted follows. */
static void
test_colors_from_style_sheet (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) light = sheet_colors ("/org/charterapp/Charter/style.css");
  g_autoptr(GHashTable) dark = sheet_colors ("/org/charterapp/Charter/style-dark.css");
  const CharterGanttColors *c = charter_gantt_chart_get_colors (f->chart);
  int height = gtk_widget_get_height (GTK_WIDGET (f->chart));
  cairo_surface_t *surface;
  GdkRGBA bg;

  set_style (f, ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE);
  check_sheet (f, light);

  /* Projector mode: stronger grid lines, from style.css's _projector variant. */
  gtk_widget_add_css_class (f->window, "projector");
  wait_for_color (&c->grid_line, "rgba(0,0,0,0.30)");
  wait_for_color (&c->list_bg, g_hash_table_lookup (light, "list_bg"));
  gtk_widget_remove_css_class (f->window, "projector");
  wait_for_color (&c->grid_line, g_hash_table_lookup (light, "grid_line"));

  set_style (f, ADW_COLOR_SCHEME_FORCE_DARK, TRUE);
  check_sheet (f, dark);
  surface = render_chart (f);
  bg = pixel (surface, 40, height - 8);
  assert_same_color (&bg, &c->list_bg);
  cairo_surface_destroy (surface);

  /* The dark sheet's own projector variant, not the light one's. */
  gtk_widget_add_css_class (f->window, "projector");
  wait_for_color (&c->grid_line, "rgba(255,255,255,0.30)");
  gtk_widget_remove_css_class (f->window, "projector");
  wait_for_color (&c->grid_line, g_hash_table_lookup (dark, "grid_line"));

  set_style (f, ADW_COLOR_SCHEME_DEFAULT, FALSE);
  check_sheet (f, light);
}

static CharterDocument *
make_big_plan (void)
{
  CharterDocument *document = charter_document_new ();

  charter_calendar_set_start (charter_document_get_calendar (document), "2027-03-01");
  for (guint t = 0; t < 10; t++)
    {
      g_autofree char *id = g_strdup_printf ("team%u", t);
      g_autofree char *name = g_strdup_printf ("Team %u", t);

      add_team (document, id, name);
    }
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task %u", i);
      g_autofree char *team = g_strdup_printf ("team%u", i / 1000);

      add_task (document, id, name, team, 1 + i % 5);
      if (i % 1000 != 0)
        {
          g_autofree char *dep = g_strdup_printf ("d%u", i);
          g_autofree char *prev = g_strdup_printf ("t%u", i - 1);

          if (i % 3 == 0)
            add_dependency (document, dep, prev, id);
        }
    }

  return document;
}

/* 10,000 tasks: only the visible rows get bar widgets, wherever we scroll. */
static void
test_only_visible_rows (Fixture       *f,
                        gconstpointer  data)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->chart));
  guint n = charter_gantt_chart_get_n_bar_widgets (f->chart);

  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (n, <, 40);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 10000 * 30.0);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  charter_gantt_chart_sync (f->chart);
  g_assert_cmpuint (charter_gantt_chart_get_n_bar_widgets (f->chart), <, 40);
  g_assert_null (charter_gantt_chart_get_bar_widget (f->chart, "t0"));

  /* Whatever shows in the middle has its widget, named after its task. */
  {
    CharterTimelineLayout *layout = charter_gantt_chart_get_layout (f->chart);
    guint row;
    const CharterTimelineRow *r;
    g_autofree char *id = NULL;
    g_autofree char *name = NULL;
    GtkWidget *bar;

    g_assert_true (charter_timeline_layout_row_at_y (layout, gtk_adjustment_get_value (vadjustment) + 200, &row));
    r = charter_timeline_layout_get_row (layout, row);
    if (r->kind != CHARTER_TIMELINE_ROW_TASK)
      r = charter_timeline_layout_get_row (layout, row + 1);
    id = g_strdup_printf ("t%u", r->index);
    name = g_strdup_printf ("Task %u", r->index);
    bar = charter_gantt_chart_get_bar_widget (f->chart, id);
    g_assert_nonnull (bar);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }
}

static void
spin (int ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* Issue 18: "once, the chart came up blank until the zoom was changed".
 * The Timeline page shown, then another page, a plan six years earlier
 * opened meanwhile, and back to the Timeline: the chart's allocation of
 * the new plan configured adjustments that flipped the scrolled window's
 * "automatic" scrollbars in the middle of the scrolled window's own
 * allocation; GTK lost the resize that queued, and skipped drawing the
 * scrolled window ("Trying to snapshot GtkScrolledWindow without a current
 * allocation") until something else queued one, such as a zoom. Now the
 * chart is drawn: its bars' colours are on screen. */
static void
test_shows_after_hidden_switch (void)
{
  g_autoptr(CharterDocument) first = make_plan ();
  g_autoptr(CharterDocument) second = make_plan ();
  g_autoptr(CharterScheduler) first_scheduler = charter_scheduler_new (first);
  g_autoptr(CharterScheduler) second_scheduler = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *view = charter_timeline_view_new ();
  CharterGanttChart *chart = CHARTER_GANTT_CHART (charter_timeline_view_get_chart (CHARTER_TIMELINE_VIEW (view)));
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  graphene_rect_t bar, in_view;
  GdkRGBA fill, team;
  int width, height;

  charter_calendar_set_start (charter_document_get_calendar (second), "2021-01-04");
  second_scheduler = charter_scheduler_new (second);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  adw_view_stack_add_named (ADW_VIEW_STACK (stack), gtk_label_new ("Another workspace"), "other");
  adw_view_stack_add_named (ADW_VIEW_STACK (stack), view, "timeline");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);
  g_object_set (view, "document", first, "scheduler", first_scheduler, NULL);
  spin (300);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "timeline");
  spin (300);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "other");
  spin (100);
  g_object_set (view, "document", second, "scheduler", second_scheduler, NULL);
  spin (400);   /* longer than the P80 run waits, so that nothing else queues a resize */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "timeline");
  spin (500);

  /* The window as it is on screen, scrolled window and all. */
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  paintable = gtk_widget_paintable_new (view);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  g_assert_true (charter_gantt_chart_get_bar_bounds (chart, "backend", &bar));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart), view, &in_view));
  fill = pixel (surface, (int) (in_view.origin.x + bar.origin.x + bar.size.width * 0.6),
                (int) (in_view.origin.y + bar.origin.y + 5));
  charter_team_color (charter_document_find (second, charter_document_get_teams (second), "a"), 0, &team);
  assert_same_color (&fill, &team);
  g_assert_nonnull (charter_gantt_chart_get_bar_widget (chart, "backend"));

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A plan of 1,000 tasks with ranges on every estimate: its forecast takes a
 * while, and must not take it on the main thread. */
static CharterDocument *
make_uncertain_plan (void)
{
  CharterDocument *document = charter_document_new ();

  charter_calendar_set_start (charter_document_get_calendar (document), "2027-03-01");
  add_team (document, "a", "Backend");
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Task %u", i);
      CharterTask *task = add_task (document, id, name, "a", 3 + i % 5);

      charter_task_set_optimistic (task, 1 + i % 3);
      charter_task_set_pessimistic (task, 10 + i % 7);
      if (i > 0 && i % 4 != 0)
        {
          g_autofree char *dep = g_strdup_printf ("d%u", i);
          g_autofree char *prev = g_strdup_printf ("t%u", i - 1);

          add_dependency (document, dep, prev, id);
        }
    }
  return document;
}

/* The P80 marker's forecast runs in a worker thread (the scheduler's
 * simulate_async): no turn of the main loop, the one that brings the answer
 * included, takes anywhere near as long as the same forecast run in place;
 * and its answer is the forecast's. (The turn of the answer redraws the
 * chart, whose span includes the P80: on this 1,000-task plan that is about
 * a fifth of the forecast's time, measured on a loaded 2-core machine.) */
static void
test_p80_off_main_thread (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CharterSimulation) simulation = NULL;
  gint64 start, in_place, longest = 0;
  gint64 deadline;
  guint32 expected;

  start = g_get_monotonic_time ();
  simulation = charter_schedule_simulate (charter_scheduler_get_schedule (f->scheduler), 500, 20260301, NULL);
  in_place = g_get_monotonic_time () - start;
  g_assert_nonnull (simulation);
  expected = charter_simulation_get_finish (simulation, 80);
  g_assert_cmpuint (expected, >, 0);

  /* An edit starts a new forecast after the plan has been still a moment. */
  charter_document_set (f->document, charter_document_find (f->document, charter_document_get_tasks (f->document), "t1"),
                        "name", "Renamed", NULL);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (charter_gantt_chart_get_p80_day (f->chart) != expected && g_get_monotonic_time () < deadline)
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - before);
    }
  g_assert_cmpuint (charter_gantt_chart_get_p80_day (f->chart), ==, expected);
  /* The machine's load changes: the forecast in place again, and the slower. */
  {
    g_autoptr(CharterSimulation) again = NULL;

    start = g_get_monotonic_time ();
    again = charter_schedule_simulate (charter_scheduler_get_schedule (f->scheduler), 500, 20260301, NULL);
    in_place = MAX (in_place, g_get_monotonic_time () - start);
  }
  g_test_message ("forecast in place %" G_GINT64_FORMAT " us, longest main-loop turn %" G_GINT64_FORMAT " us",
                  in_place, longest);
  g_assert_cmpint (longest, <, in_place * 3 / 4);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* The bars' accessible names and descriptions are checked: the suite's
   * GTK_A11Y=none would give them no accessible context at all. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As in test-editors: a cursor blink timer that fires just after a
   * popover moved the keyboard warns that GtkText missed a focus-out. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func, data) \
  g_test_add ("/timeline/widget/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/timeline/widget/shows-after-hidden-switch", test_shows_after_hidden_switch);
  ADD ("bars-are-accessible", test_bars_are_accessible, NULL);
  ADD ("p80-off-main-thread", test_p80_off_main_thread, make_uncertain_plan);
  ADD ("drag-end-changes-duration", test_drag_end_changes_duration, NULL);
  ADD ("feedback-goes-with-undo", test_feedback_goes_with_undo, NULL);
  ADD ("today-outside-plan", test_today_outside_plan, NULL);
  ADD ("drag-shorter-never-below-one", test_drag_shorter_never_below_one, NULL);
  ADD ("escape-cancels-drag", test_escape_cancels_drag, NULL);
  ADD ("drag-back-is-no-step", test_drag_back_to_start_is_no_step, NULL);
  ADD ("click-changes-nothing", test_click_changes_nothing, NULL);
  ADD ("drag-body-sets-start", test_drag_body_sets_start, NULL);
  ADD ("drag-body-before-dependency", test_drag_body_before_dependency, NULL);
  ADD ("keyboard-actions", test_keyboard_actions, NULL);
  ADD ("edit-popover", test_edit_popover, NULL);
  ADD ("edit-popover-closes-when-task-goes", test_edit_popover_closes_when_task_goes, NULL);
  ADD ("edit-popover-shows-fresh-values", test_edit_popover_shows_fresh_values, NULL);
  ADD ("read-only-refuses-drag", test_read_only_refuses_drag, NULL);
  ADD ("lanes-fold", test_lanes_fold, NULL);
  ADD ("follows-dark-style", test_follows_dark_style, NULL);
  ADD ("colors-from-style-sheet", test_colors_from_style_sheet, NULL);
  ADD ("only-visible-rows", test_only_visible_rows, make_big_plan);

  return g_test_run ();
}
