/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline geometry without a display: dates to x and back, snapping to
 * whole working days, swimlane rows, the visible rows at a scroll offset and
 * hit testing of bar bodies, right ends and milestones. */

#include "config.h"

#include "charter-timeline-geometry.h"

/* Mon 1 Mar 2027 */
static guint32
monday (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_MARCH, 2027);
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);

  return g_date_get_julian (&date);
}

/* Monday to Friday, with user_data a holiday (0 for none). */
static gboolean
is_weekday (guint32  day,
            gpointer user_data)
{
  GDate date;

  if (day == GPOINTER_TO_UINT (user_data))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_date_get_weekday (&date) <= G_DATE_FRIDAY;
}

static gboolean
never_working (guint32  day,
               gpointer user_data)
{
  return FALSE;
}

static void
test_day_to_x_round_trip (void)
{
  CharterTimelineZoom zooms[] = { CHARTER_TIMELINE_ZOOM_DAYS, CHARTER_TIMELINE_ZOOM_WEEKS,
                                  CHARTER_TIMELINE_ZOOM_MONTHS };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      CharterTimelineScale scale = { monday (), charter_timeline_zoom_get_pixels_per_day (zooms[z]) };

      for (int offset = -40; offset < 400; offset++)
        {
          guint32 day = monday () + offset;
          double x = charter_timeline_scale_day_to_x (&scale, day);

          g_assert_cmpfloat_with_epsilon (x, offset * scale.pixels_per_day, 1e-9);
          /* Any point inside the day maps back to it. */
          g_assert_cmpuint (charter_timeline_scale_x_to_day (&scale, x), ==, day);
          g_assert_cmpuint (charter_timeline_scale_x_to_day (&scale, x + scale.pixels_per_day * 0.99), ==, day);
          g_assert_cmpuint (charter_timeline_scale_x_to_day (&scale, x - 0.01), ==, day - 1);
          /* The nearest boundary flips at the middle of a day. */
          g_assert_cmpuint (charter_timeline_scale_x_to_boundary (&scale, x + scale.pixels_per_day * 0.49), ==, day);
          g_assert_cmpuint (charter_timeline_scale_x_to_boundary (&scale, x + scale.pixels_per_day * 0.51), ==, day + 1);
        }
    }

  /* Zoom levels get coarser. */
  g_assert_cmpfloat (charter_timeline_zoom_get_pixels_per_day (CHARTER_TIMELINE_ZOOM_DAYS), >,
                     charter_timeline_zoom_get_pixels_per_day (CHARTER_TIMELINE_ZOOM_WEEKS));
  g_assert_cmpfloat (charter_timeline_zoom_get_pixels_per_day (CHARTER_TIMELINE_ZOOM_WEEKS), >,
                     charter_timeline_zoom_get_pixels_per_day (CHARTER_TIMELINE_ZOOM_MONTHS));
}

static void
test_snap_duration (void)
{
  CharterTimelineScale scale = { monday (), 20.0 };
  guint32 mon = monday ();

  /* Dropping the end on Friday's right edge: five working days. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 5 * 20.0, is_weekday, NULL), ==, 5);
  /* Anywhere over the weekend still counts five: weekends add nothing. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 6 * 20.0, is_weekday, NULL), ==, 5);
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 7 * 20.0 - 1, is_weekday, NULL), ==, 5);
  /* Into the next Monday, past its middle: six. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 7 * 20.0 + 11, is_weekday, NULL), ==, 6);
  /* Before the middle of Monday: still five. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 7 * 20.0 + 9, is_weekday, NULL), ==, 5);
  /* A holiday on Wednesday costs one. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 5 * 20.0, is_weekday,
                                                   GUINT_TO_POINTER (mon + 2)), ==, 4);
  /* Dragged to before the start: never less than one day. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon + 3, 0.0, is_weekday, NULL), ==, 1);
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon + 3, -500.0, is_weekday, NULL), ==, 1);
  /* Six weeks later: thirty. */
  g_assert_cmpint (charter_timeline_snap_duration (&scale, mon, 42 * 20.0, is_weekday, NULL), ==, 30);
}

static void
test_snap_start (void)
{
  CharterTimelineScale scale = { monday (), 20.0 };
  guint32 mon = monday ();

  g_assert_cmpuint (charter_timeline_snap_start (&scale, 2 * 20.0 + 3, is_weekday, NULL), ==, mon + 2);
  g_assert_cmpuint (charter_timeline_snap_start (&scale, 2 * 20.0 - 3, is_weekday, NULL), ==, mon + 2);
  /* Dropped on Saturday or Sunday: the next Monday. */
  g_assert_cmpuint (charter_timeline_snap_start (&scale, 5 * 20.0, is_weekday, NULL), ==, mon + 7);
  g_assert_cmpuint (charter_timeline_snap_start (&scale, 6 * 20.0, is_weekday, NULL), ==, mon + 7);
  /* A holiday is skipped too. */
  g_assert_cmpuint (charter_timeline_snap_start (&scale, 1 * 20.0, is_weekday,
                                                 GUINT_TO_POINTER (mon + 1)), ==, mon + 2);
  /* A calendar without working days does not hang. */
  g_assert_cmpuint (charter_timeline_snap_start (&scale, 1 * 20.0, never_working, NULL), ==, mon + 1);
}

static void
test_bar_hit_test (void)
{
  CharterTimelineScale scale = { monday (), 20.0 };
  CharterTimelineBar bar = { monday () + 1, monday () + 3, FALSE, TRUE };  /* Tue..Thu */
  CharterTimelineBar milestone = { monday () + 7, monday () + 7, TRUE, TRUE };
  CharterTimelineBar unplaced = { monday (), monday (), FALSE, FALSE };
  CharterTimelineBar tiny = { monday (), monday (), FALSE, TRUE };
  CharterTimelineScale months = { monday (), 5.0 };
  double x0, x1;

  charter_timeline_bar_get_extent (&scale, &bar, 40.0, &x0, &x1);
  g_assert_cmpfloat (x0, ==, 20.0);
  g_assert_cmpfloat (x1, ==, 80.0);

  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 10.0), ==, CHARTER_TIMELINE_HIT_ROW);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 20.0), ==, CHARTER_TIMELINE_HIT_BAR);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 50.0), ==, CHARTER_TIMELINE_HIT_BAR);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 69.0), ==, CHARTER_TIMELINE_HIT_BAR);
  /* The right end: a little inside and a little outside. */
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 71.0), ==, CHARTER_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 80.0), ==, CHARTER_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 85.0), ==, CHARTER_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &bar, 40.0, 87.0), ==, CHARTER_TIMELINE_HIT_ROW);

  /* The milestone's diamond is centred on its day. */
  charter_timeline_bar_get_extent (&scale, &milestone, 40.0, &x0, &x1);
  g_assert_cmpfloat ((x0 + x1) / 2, ==, 7 * 20.0 + 10.0);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &milestone, 40.0, 150.0), ==, CHARTER_TIMELINE_HIT_MILESTONE);
  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &milestone, 40.0, x1 + 1), ==, CHARTER_TIMELINE_HIT_ROW);

  g_assert_cmpint (charter_timeline_bar_hit_test (&scale, &unplaced, 40.0, 5.0), ==, CHARTER_TIMELINE_HIT_ROW);

  /* A one-day bar at month zoom is 5 px wide: its end must stay grabbable,
   * and its left part still moves it. */
  g_assert_cmpint (charter_timeline_bar_hit_test (&months, &tiny, 40.0, 0.5), ==, CHARTER_TIMELINE_HIT_BAR);
  g_assert_cmpint (charter_timeline_bar_hit_test (&months, &tiny, 40.0, 5.0), ==, CHARTER_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (charter_timeline_bar_hit_test (&months, &tiny, 40.0, 10.0), ==, CHARTER_TIMELINE_HIT_BAR_END);
}

static void
test_layout_lanes (void)
{
  g_autoptr(CharterTimelineLayout) layout = charter_timeline_layout_new ();
  /* Tasks 0..6 in teams 1, 0, 1, none, 0, 1, none. */
  guint task_team[] = { 1, 0, 1, G_MAXUINT, 0, 1, 7 };
  gboolean collapsed[] = { FALSE, FALSE, FALSE };
  const CharterTimelineRow *r;
  guint row;

  charter_timeline_layout_build (layout, 2, collapsed, G_N_ELEMENTS (task_team), task_team, 30.0, 40.0);

  /* Header 0, tasks 1 and 4; header 1, tasks 0, 2, 5; header "no team", tasks 3, 6. */
  g_assert_cmpuint (charter_timeline_layout_get_n_rows (layout), ==, 10);
  g_assert_cmpfloat (charter_timeline_layout_get_height (layout), ==, 3 * 30.0 + 7 * 40.0);
  {
    struct { CharterTimelineRowKind kind; guint index; } want[] = {
      { CHARTER_TIMELINE_ROW_TEAM, 0 }, { CHARTER_TIMELINE_ROW_TASK, 1 }, { CHARTER_TIMELINE_ROW_TASK, 4 },
      { CHARTER_TIMELINE_ROW_TEAM, 1 }, { CHARTER_TIMELINE_ROW_TASK, 0 }, { CHARTER_TIMELINE_ROW_TASK, 2 },
      { CHARTER_TIMELINE_ROW_TASK, 5 }, { CHARTER_TIMELINE_ROW_TEAM, CHARTER_TIMELINE_NO_TEAM },
      { CHARTER_TIMELINE_ROW_TASK, 3 }, { CHARTER_TIMELINE_ROW_TASK, 6 },
    };
    double y = 0;

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        r = charter_timeline_layout_get_row (layout, i);
        g_assert_cmpint (r->kind, ==, want[i].kind);
        g_assert_cmpuint (r->index, ==, want[i].index);
        g_assert_cmpfloat (r->y, ==, y);
        y += r->height;
      }
  }

  g_assert_true (charter_timeline_layout_find_task_row (layout, 5, &row));
  g_assert_cmpuint (row, ==, 6);
  g_assert_cmpuint (charter_timeline_layout_get_row (layout, row)->team, ==, 1);

  /* Collapse team 1: its header stays, its tasks go. */
  collapsed[1] = TRUE;
  charter_timeline_layout_build (layout, 2, collapsed, G_N_ELEMENTS (task_team), task_team, 30.0, 40.0);
  g_assert_cmpuint (charter_timeline_layout_get_n_rows (layout), ==, 7);
  g_assert_false (charter_timeline_layout_find_task_row (layout, 5, NULL));
  g_assert_true (charter_timeline_layout_find_task_row (layout, 6, &row));
  g_assert_cmpuint (row, ==, 6);

  /* Up/Down skip headers and collapsed lanes. */
  g_assert_true (charter_timeline_layout_next_task_row (layout, 2, 1, &row));
  g_assert_cmpuint (charter_timeline_layout_get_row (layout, row)->index, ==, 3);
  g_assert_true (charter_timeline_layout_next_task_row (layout, row, -1, &row));
  g_assert_cmpuint (charter_timeline_layout_get_row (layout, row)->index, ==, 4);
  g_assert_false (charter_timeline_layout_next_task_row (layout, 1, -1, &row));
  g_assert_false (charter_timeline_layout_next_task_row (layout, 6, 1, &row));

  /* No tasks without a team: no "no team" lane. */
  {
    guint all_teamed[] = { 0, 1 };

    charter_timeline_layout_build (layout, 2, NULL, 2, all_teamed, 30.0, 40.0);
    g_assert_cmpuint (charter_timeline_layout_get_n_rows (layout), ==, 4);
  }
}

static void
test_visible_rows (void)
{
  g_autoptr(CharterTimelineLayout) layout = charter_timeline_layout_new ();
  g_autofree guint *task_team = g_new (guint, 10000);
  guint first, n;

  /* 10,000 tasks over 10 teams: a header every 1,000 tasks. */
  for (guint i = 0; i < 10000; i++)
    task_team[i] = i / 1000;
  charter_timeline_layout_build (layout, 10, NULL, 10000, task_team, 30.0, 40.0);
  g_assert_cmpuint (charter_timeline_layout_get_n_rows (layout), ==, 10010);

  charter_timeline_layout_get_visible_rows (layout, 0, 700, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  /* 30 + 17 * 40 = 710: the header and 17 rows, the last cut by the edge. */
  g_assert_cmpuint (n, ==, 18);

  /* Scrolled into the middle: exactly the rows that intersect the window. */
  for (double y = 0; y < charter_timeline_layout_get_height (layout); y += 9173.5)
    {
      charter_timeline_layout_get_visible_rows (layout, y, 700, &first, &n);
      g_assert_cmpuint (n, >, 0);
      for (guint i = first; i < first + n; i++)
        {
          const CharterTimelineRow *r = charter_timeline_layout_get_row (layout, i);

          g_assert_cmpfloat (r->y, <, y + 700);
          g_assert_cmpfloat (r->y + r->height, >, y);
        }
      if (first > 0)
        {
          const CharterTimelineRow *r = charter_timeline_layout_get_row (layout, first - 1);
          g_assert_cmpfloat (r->y + r->height, <=, y);
        }
      if (first + n < charter_timeline_layout_get_n_rows (layout))
        g_assert_cmpfloat (charter_timeline_layout_get_row (layout, first + n)->y, >=, y + 700);
    }

  /* Past the end: nothing. */
  charter_timeline_layout_get_visible_rows (layout, 1e9, 700, &first, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_layout_hit_test (void)
{
  g_autoptr(CharterTimelineLayout) layout = charter_timeline_layout_new ();
  CharterTimelineScale scale = { monday (), 20.0 };
  guint task_team[] = { 0, 0 };
  CharterTimelineBar bars[] = {
    { monday (), monday () + 4, FALSE, TRUE },
    { monday () + 7, monday () + 7, TRUE, TRUE },
  };
  guint row = 0;

  charter_timeline_layout_build (layout, 1, NULL, 2, task_team, 30.0, 40.0);

  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 50, 10, &row), ==, CHARTER_TIMELINE_HIT_HEADER);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 50, 50, &row), ==, CHARTER_TIMELINE_HIT_BAR);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 98, 50, &row), ==, CHARTER_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 150, 50, &row), ==, CHARTER_TIMELINE_HIT_ROW);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 150, 90, &row), ==, CHARTER_TIMELINE_HIT_MILESTONE);
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 50, 90, &row), ==, CHARTER_TIMELINE_HIT_ROW);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 50, 111, &row), ==, CHARTER_TIMELINE_HIT_NONE);
  g_assert_cmpint (charter_timeline_layout_hit_test (layout, &scale, bars, 50, -1, &row), ==, CHARTER_TIMELINE_HIT_NONE);
}

static void
test_format_day (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (16, G_DATE_MARCH, 2027);
  g_autofree char *iso = charter_timeline_format_day (g_date_get_julian (date), "%Y-%m-%d");
  g_autofree char *none = charter_timeline_format_day (0, "%Y-%m-%d");
  g_autofree char *invalid = charter_timeline_format_day (G_MAXUINT32, "%Y");

  g_autoptr(GDate) last = g_date_new_dmy (31, G_DATE_DECEMBER, 9999);
  g_autofree char *end = charter_timeline_format_day (g_date_get_julian (last), "%Y-%m-%d");

  g_assert_cmpstr (iso, ==, "2027-03-16");
  g_assert_cmpstr (end, ==, "9999-12-31");
  /* No day, or one GDate cannot hold: a dash, never garbage. */
  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (invalid, ==, "—");
}

static void
test_contrast (void)
{
  const double black[3] = { 0, 0, 0 }, white[3] = { 1, 1, 1 };
  const double grey[3] = { 0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0 };
  const double yellow[3] = { 0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0 };
  const double blue[3] = { 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0 };
  double worst = 21;

  g_assert_cmpfloat_with_epsilon (charter_timeline_contrast_ratio (black, white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (charter_timeline_contrast_ratio (white, black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (charter_timeline_contrast_ratio (white, white), 1.0, 1e-9);
  /* #767676 is the lightest grey that passes 4.5:1 on white, as WCAG's examples say. */
  g_assert_cmpfloat (charter_timeline_contrast_ratio (grey, white), >=, 4.5);
  g_assert_cmpfloat (charter_timeline_contrast_ratio (grey, white), <, 4.6);

  /* Okabe–Ito yellow takes black text, its blue white. */
  g_assert_true (charter_timeline_label_is_dark (yellow));
  g_assert_false (charter_timeline_label_is_dark (blue));

  /* Whatever colour a team picks, its bars' labels stay readable. */
  for (int r = 0; r <= 255; r += 15)
    for (int g = 0; g <= 255; g += 15)
      for (int b = 0; b <= 255; b += 15)
        {
          const double fill[3] = { r / 255.0, g / 255.0, b / 255.0 };

          worst = MIN (worst, charter_timeline_contrast_ratio (charter_timeline_label_is_dark (fill) ? black : white,
                                                               fill));
        }
  g_assert_cmpfloat (worst, >=, 4.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/geometry/day-to-x", test_day_to_x_round_trip);
  g_test_add_func ("/timeline/geometry/snap-duration", test_snap_duration);
  g_test_add_func ("/timeline/geometry/snap-start", test_snap_start);
  g_test_add_func ("/timeline/geometry/bar-hit-test", test_bar_hit_test);
  g_test_add_func ("/timeline/geometry/lanes", test_layout_lanes);
  g_test_add_func ("/timeline/geometry/visible-rows", test_visible_rows);
  g_test_add_func ("/timeline/geometry/hit-test", test_layout_hit_test);
  g_test_add_func ("/timeline/geometry/format-day", test_format_day);
  g_test_add_func ("/timeline/geometry/contrast", test_contrast);

  return g_test_run ();
}
