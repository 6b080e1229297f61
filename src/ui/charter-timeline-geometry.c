/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-timeline-geometry.c: timeline geometry in plain C (GLib only).
 * Everything here is O(1) or O(log rows) per call except building the rows,
 * which is one counting sort of the tasks by team: the widget calls it only
 * when the tasks, teams or collapsed lanes change, not every frame. */

#define G_LOG_DOMAIN "charter-timeline-geometry"

#include "config.h"

#include <math.h>

#include "charter-timeline-geometry.h"

/* No calendar skips more than this many days in a row (ten years): a bound
 * so that a calendar without working days cannot hang snapping. */
#define MAX_SKIPPED_DAYS 3660

struct _CharterTimelineLayout
{
  GArray *rows;       /* CharterTimelineRow */
  guint  *task_rows;  /* per task: its row, or G_MAXUINT when its lane is collapsed */
  guint   n_tasks;
  double  height;
};

/**
 * charter_timeline_zoom_get_pixels_per_day:
 * @zoom: a zoom level
 *
 * Returns: the width of one day at @zoom
 */
double
charter_timeline_zoom_get_pixels_per_day (CharterTimelineZoom zoom)
{
  switch (zoom)
    {
    case CHARTER_TIMELINE_ZOOM_DAYS:
      return 44.0;
    case CHARTER_TIMELINE_ZOOM_WEEKS:
      return 16.0;
    case CHARTER_TIMELINE_ZOOM_MONTHS:
      return 5.0;
    default:
      g_return_val_if_reached (16.0);
    }
}

/**
 * charter_timeline_scale_day_to_x:
 * @scale: the scale
 * @day: a Julian day
 *
 * Returns: the x of the left edge of @day (negative before the origin)
 */
double
charter_timeline_scale_day_to_x (const CharterTimelineScale *scale,
                                 guint32                     day)
{
  return ((double) day - (double) scale->origin) * scale->pixels_per_day;
}

static guint32
clamp_day (double day)
{
  if (day < 1)
    return 1;
  if (day > G_MAXUINT32 - 1)
    return G_MAXUINT32 - 1;
  return (guint32) day;
}

/**
 * charter_timeline_scale_x_to_day:
 * @scale: the scale
 * @x: an x coordinate
 *
 * Returns: the day that covers @x
 */
guint32
charter_timeline_scale_x_to_day (const CharterTimelineScale *scale,
                                 double                      x)
{
  return clamp_day ((double) scale->origin + floor (x / scale->pixels_per_day));
}

/**
 * charter_timeline_scale_x_to_boundary:
 * @scale: the scale
 * @x: an x coordinate
 *
 * Returns: the day whose left edge is nearest to @x
 */
guint32
charter_timeline_scale_x_to_boundary (const CharterTimelineScale *scale,
                                      double                      x)
{
  return clamp_day ((double) scale->origin + floor (x / scale->pixels_per_day + 0.5));
}

/**
 * charter_timeline_snap_duration:
 * @scale: the scale
 * @start: the first day of the bar
 * @end_x: where the right end was dragged to
 * @is_working: whether a day is a working day
 * @user_data: for @is_working
 *
 * The duration a bar gets when its right end is dropped at @end_x: the
 * working days from @start up to the day boundary nearest @end_x, at least 1.
 *
 * Returns: a duration in whole working days
 */
int
charter_timeline_snap_duration (const CharterTimelineScale   *scale,
                                guint32                       start,
                                double                        end_x,
                                CharterTimelineWorkingDayFunc is_working,
                                gpointer                      user_data)
{
  guint32 boundary = charter_timeline_scale_x_to_boundary (scale, end_x);
  int working = 0;

  for (guint32 day = start; day < boundary; day++)
    if (is_working (day, user_data))
      working++;

  return MAX (working, 1);
}

/**
 * charter_timeline_snap_start:
 * @scale: the scale
 * @x: where the left end of a bar was dropped
 * @is_working: whether a day is a working day
 * @user_data: for @is_working
 *
 * Returns: the first working day at or after the day boundary nearest @x
 */
guint32
charter_timeline_snap_start (const CharterTimelineScale   *scale,
                             double                        x,
                             CharterTimelineWorkingDayFunc is_working,
                             gpointer                      user_data)
{
  guint32 day = charter_timeline_scale_x_to_boundary (scale, x);

  for (guint i = 0; i < MAX_SKIPPED_DAYS; i++)
    if (is_working (day + i, user_data))
      return day + i;

  return day;
}

/**
 * charter_timeline_bar_get_extent:
 * @scale: the scale
 * @bar: a bar
 * @row_height: the height of its row (a milestone's diamond is as wide as high)
 * @x0: (out): left edge
 * @x1: (out): right edge
 */
void
charter_timeline_bar_get_extent (const CharterTimelineScale *scale,
                                 const CharterTimelineBar   *bar,
                                 double                      row_height,
                                 double                     *x0,
                                 double                     *x1)
{
  if (bar->milestone)
    {
      double centre = charter_timeline_scale_day_to_x (scale, bar->start) + scale->pixels_per_day / 2.0;
      double half = MAX (row_height / 2.0 - CHARTER_TIMELINE_BAR_INSET, 4.0);

      *x0 = centre - half;
      *x1 = centre + half;
    }
  else
    {
      *x0 = charter_timeline_scale_day_to_x (scale, bar->start);
      *x1 = charter_timeline_scale_day_to_x (scale, MAX (bar->finish, bar->start) + 1);
    }
}

/**
 * charter_timeline_bar_hit_test:
 * @scale: the scale
 * @bar: a bar
 * @row_height: the height of its row
 * @x: an x coordinate inside the bar's row
 *
 * The right end wins over the body near the edge, and stays grabbable on
 * bars narrower than the grab zone (a day at month zoom).
 *
 * Returns: what of the bar is at @x
 */
CharterTimelineHit
charter_timeline_bar_hit_test (const CharterTimelineScale *scale,
                               const CharterTimelineBar   *bar,
                               double                      row_height,
                               double                      x)
{
  double x0, x1, inside;

  if (!bar->placed)
    return CHARTER_TIMELINE_HIT_ROW;

  charter_timeline_bar_get_extent (scale, bar, row_height, &x0, &x1);

  if (bar->milestone)
    return (x >= x0 && x <= x1) ? CHARTER_TIMELINE_HIT_MILESTONE : CHARTER_TIMELINE_HIT_ROW;

  inside = MIN (CHARTER_TIMELINE_END_INSIDE, (x1 - x0) / 3.0);
  if (x >= x1 - inside && x <= x1 + CHARTER_TIMELINE_END_OUTSIDE)
    return CHARTER_TIMELINE_HIT_BAR_END;
  if (x >= x0 && x < x1)
    return CHARTER_TIMELINE_HIT_BAR;

  return CHARTER_TIMELINE_HIT_ROW;
}

/**
 * charter_timeline_layout_new:
 *
 * Returns: (transfer full): an empty layout
 */
CharterTimelineLayout *
charter_timeline_layout_new (void)
{
  CharterTimelineLayout *layout = g_new0 (CharterTimelineLayout, 1);

  layout->rows = g_array_new (FALSE, FALSE, sizeof (CharterTimelineRow));

  return layout;
}

void
charter_timeline_layout_free (CharterTimelineLayout *layout)
{
  if (layout == NULL)
    return;

  g_array_unref (layout->rows);
  g_free (layout->task_rows);
  g_free (layout);
}

static void
append_row (CharterTimelineLayout  *layout,
            CharterTimelineRowKind  kind,
            guint                   index,
            guint                   team,
            double                  height)
{
  CharterTimelineRow row = { kind, index, team, layout->height, height };

  g_array_append_val (layout->rows, row);
  layout->height += height;
}

/**
 * charter_timeline_layout_build:
 * @layout: a layout
 * @n_teams: number of teams
 * @collapsed: (nullable) (array): per lane whether it is collapsed:
 *   @n_teams + 1 entries, the last for tasks without a team
 * @n_tasks: number of tasks
 * @task_team: (array length=n_tasks): per task its team index, or any
 *   index >= @n_teams for none
 * @header_height: height of a swimlane header
 * @row_height: height of a task row
 *
 * Lays the rows out: one lane per team in team order, each a header and its
 * tasks in task order, then a lane for the tasks without a team if any.
 */
void
charter_timeline_layout_build (CharterTimelineLayout *layout,
                               guint                  n_teams,
                               const gboolean        *collapsed,
                               guint                  n_tasks,
                               const guint           *task_team,
                               double                 header_height,
                               double                 row_height)
{
  g_autofree guint *lane_start = g_new0 (guint, n_teams + 2);
  g_autofree guint *order = g_new (guint, MAX (n_tasks, 1));

  g_array_set_size (layout->rows, 0);
  g_free (layout->task_rows);
  layout->task_rows = g_new (guint, MAX (n_tasks, 1));
  layout->n_tasks = n_tasks;
  layout->height = 0;

  /* Counting sort by lane keeps task order within a lane. */
  for (guint t = 0; t < n_tasks; t++)
    lane_start[MIN (task_team[t], n_teams) + 1]++;
  for (guint lane = 0; lane <= n_teams; lane++)
    lane_start[lane + 1] += lane_start[lane];
  {
    g_autofree guint *fill = g_memdup2 (lane_start, sizeof (guint) * (n_teams + 2));

    for (guint t = 0; t < n_tasks; t++)
      order[fill[MIN (task_team[t], n_teams)]++] = t;
  }

  for (guint lane = 0; lane <= n_teams; lane++)
    {
      guint team = lane < n_teams ? lane : CHARTER_TIMELINE_NO_TEAM;
      gboolean folded = collapsed != NULL && collapsed[lane];

      if (lane == n_teams && lane_start[lane] == lane_start[lane + 1])
        break;

      append_row (layout, CHARTER_TIMELINE_ROW_TEAM, team, team, header_height);

      for (guint i = lane_start[lane]; i < lane_start[lane + 1]; i++)
        {
          if (folded)
            {
              layout->task_rows[order[i]] = G_MAXUINT;
              continue;
            }
          layout->task_rows[order[i]] = layout->rows->len;
          append_row (layout, CHARTER_TIMELINE_ROW_TASK, order[i], team, row_height);
        }
    }
}

guint
charter_timeline_layout_get_n_rows (CharterTimelineLayout *layout)
{
  return layout->rows->len;
}

const CharterTimelineRow *
charter_timeline_layout_get_row (CharterTimelineLayout *layout,
                                 guint                  row)
{
  g_return_val_if_fail (row < layout->rows->len, NULL);

  return &g_array_index (layout->rows, CharterTimelineRow, row);
}

/**
 * charter_timeline_layout_get_height:
 * @layout: a layout
 *
 * Returns: the height of all rows
 */
double
charter_timeline_layout_get_height (CharterTimelineLayout *layout)
{
  return layout->height;
}

/**
 * charter_timeline_layout_find_task_row:
 * @layout: a layout
 * @task: a task index
 * @row: (out) (optional): its row
 *
 * Returns: whether the task has a row (it has none while its lane is collapsed)
 */
gboolean
charter_timeline_layout_find_task_row (CharterTimelineLayout *layout,
                                       guint                  task,
                                       guint                 *row)
{
  if (task >= layout->n_tasks || layout->task_rows[task] == G_MAXUINT)
    return FALSE;

  if (row != NULL)
    *row = layout->task_rows[task];

  return TRUE;
}

/* The first row whose bottom edge is below @y. */
static guint
first_row_below (CharterTimelineLayout *layout,
                 double                 y)
{
  guint lo = 0, hi = layout->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const CharterTimelineRow *r = &g_array_index (layout->rows, CharterTimelineRow, mid);

      if (r->y + r->height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * charter_timeline_layout_row_at_y:
 * @layout: a layout
 * @y: a y coordinate
 * @row: (out) (optional): the row at @y
 *
 * Returns: whether there is a row at @y
 */
gboolean
charter_timeline_layout_row_at_y (CharterTimelineLayout *layout,
                                  double                 y,
                                  guint                 *row)
{
  guint r;

  if (y < 0 || y >= layout->height)
    return FALSE;

  r = first_row_below (layout, y);
  if (r >= layout->rows->len)
    return FALSE;

  if (row != NULL)
    *row = r;

  return TRUE;
}

/**
 * charter_timeline_layout_get_visible_rows:
 * @layout: a layout
 * @y: the top of the visible area
 * @height: its height
 * @first: (out): the first row that shows
 * @n_rows: (out): how many rows show (0 if none)
 */
void
charter_timeline_layout_get_visible_rows (CharterTimelineLayout *layout,
                                          double                 y,
                                          double                 height,
                                          guint                 *first,
                                          guint                 *n_rows)
{
  guint start = first_row_below (layout, MAX (y, 0));
  guint end = first_row_below (layout, y + height);

  /* The row that the bottom edge cuts through shows too. */
  if (end < layout->rows->len &&
      g_array_index (layout->rows, CharterTimelineRow, end).y < y + height)
    end++;

  *first = start;
  *n_rows = end > start ? end - start : 0;
}

/**
 * charter_timeline_layout_next_task_row:
 * @layout: a layout
 * @row: a row
 * @direction: 1 for down, -1 for up
 * @next: (out): the next task row in that direction, skipping headers
 *
 * Returns: whether there is one
 */
gboolean
charter_timeline_layout_next_task_row (CharterTimelineLayout *layout,
                                       guint                  row,
                                       int                    direction,
                                       guint                 *next)
{
  gint64 r = row;

  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  for (r += direction; r >= 0 && r < layout->rows->len; r += direction)
    {
      if (g_array_index (layout->rows, CharterTimelineRow, r).kind == CHARTER_TIMELINE_ROW_TASK)
        {
          *next = (guint) r;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * charter_timeline_layout_hit_test:
 * @layout: a layout
 * @scale: the scale
 * @bars: (array): per task index its bar
 * @x: chart x
 * @y: chart y
 * @row: (out) (optional): the row hit
 *
 * Returns: what is at (@x, @y)
 */
CharterTimelineHit
charter_timeline_layout_hit_test (CharterTimelineLayout      *layout,
                                  const CharterTimelineScale *scale,
                                  const CharterTimelineBar   *bars,
                                  double                      x,
                                  double                      y,
                                  guint                      *row)
{
  const CharterTimelineRow *r;
  guint index;

  if (!charter_timeline_layout_row_at_y (layout, y, &index))
    return CHARTER_TIMELINE_HIT_NONE;

  if (row != NULL)
    *row = index;

  r = &g_array_index (layout->rows, CharterTimelineRow, index);
  if (r->kind == CHARTER_TIMELINE_ROW_TEAM)
    return CHARTER_TIMELINE_HIT_HEADER;

  return charter_timeline_bar_hit_test (scale, &bars[r->index], r->height, x);
}

/* A day in strftime() form ("Tue 16 Mar"), or a dash for no day. */
char *
charter_timeline_format_day (guint32     julian,
                             const char *format)
{
  char buffer[64];
  GDate date;

  /* GDate takes any julian day but cannot name one past 31 Dec 9999. */
  if (julian == 0 || !g_date_valid_julian (julian) || julian > 3652059)
    return g_strdup ("—");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup ("—");

  return g_strdup (buffer);
}

static double
linear_component (double c)
{
  c = CLAMP (c, 0.0, 1.0);

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance of an sRGB colour: 0 for black, 1 for white. */
double
charter_timeline_relative_luminance (double red,
                                     double green,
                                     double blue)
{
  return 0.2126 * linear_component (red) + 0.7152 * linear_component (green) + 0.0722 * linear_component (blue);
}

/* WCAG 2 contrast ratio of two opaque colours, from 1 (none) to 21. Text
 * needs 4.5 (7 reads from the back of a room), lines and shapes 3. */
double
charter_timeline_contrast_ratio (const double fg[3],
                                 const double bg[3])
{
  double a = charter_timeline_relative_luminance (fg[0], fg[1], fg[2]);
  double b = charter_timeline_relative_luminance (bg[0], bg[1], bg[2]);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Whether text on @fill (a bar in its team's colour) reads better black
 * than white. The better of the two is always at least 4.58:1. */
gboolean
charter_timeline_label_is_dark (const double fill[3])
{
  static const double black[3] = { 0, 0, 0 };
  static const double white[3] = { 1, 1, 1 };

  return charter_timeline_contrast_ratio (black, fill) >= charter_timeline_contrast_ratio (white, fill);
}
