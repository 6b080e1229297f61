/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-timeline-geometry.h: geometry of the Gantt timeline without GTK —
 * dates to x and back at a zoom level, snapping to whole working days, the
 * rows (team swimlanes and task rows), the rows visible at a scroll offset
 * and hit testing of bars, so that tests and benchmarks need no display.
 *
 * Days are Julian day numbers as GDate counts them. A day d covers
 * [x(d), x(d + 1)); a bar from start to finish (inclusive) covers
 * [x(start), x(finish + 1)). */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CHARTER_TIMELINE_ZOOM_DAYS,
  CHARTER_TIMELINE_ZOOM_WEEKS,
  CHARTER_TIMELINE_ZOOM_MONTHS,
} CharterTimelineZoom;

/**
 * CharterTimelineScale:
 * @origin: the Julian day whose left edge is at x = 0
 * @pixels_per_day: width of one day
 */
typedef struct
{
  guint32 origin;
  double  pixels_per_day;
} CharterTimelineScale;

typedef gboolean (*CharterTimelineWorkingDayFunc) (guint32  julian_day,
                                                   gpointer user_data);

typedef enum
{
  CHARTER_TIMELINE_ROW_TEAM,
  CHARTER_TIMELINE_ROW_TASK,
} CharterTimelineRowKind;

/**
 * CharterTimelineRow:
 * @kind: a team's swimlane header or a task
 * @index: the team index (for a header; %CHARTER_TIMELINE_NO_TEAM for the
 *   lane of tasks without a team) or the task index
 * @team: the lane the row belongs to
 * @y: top edge
 * @height: height
 */
typedef struct
{
  CharterTimelineRowKind kind;
  guint                  index;
  guint                  team;
  double                 y;
  double                 height;
} CharterTimelineRow;

#define CHARTER_TIMELINE_NO_TEAM G_MAXUINT

typedef enum
{
  CHARTER_TIMELINE_HIT_NONE,
  CHARTER_TIMELINE_HIT_HEADER,     /* a swimlane header row */
  CHARTER_TIMELINE_HIT_ROW,        /* a task row, but not its bar */
  CHARTER_TIMELINE_HIT_BAR,        /* the body of a bar: drag to move */
  CHARTER_TIMELINE_HIT_BAR_END,    /* the right end of a bar: drag to change the duration */
  CHARTER_TIMELINE_HIT_MILESTONE,  /* a milestone's diamond */
} CharterTimelineHit;

/**
 * CharterTimelineBar:
 * @start: first day
 * @finish: last day (inclusive)
 * @milestone: drawn as a diamond centred on its day
 * @placed: whether the task has dates at all (not while the plan cannot be scheduled)
 */
typedef struct
{
  guint32  start;
  guint32  finish;
  gboolean milestone;
  gboolean placed;
} CharterTimelineBar;

/* The grab zone of a bar's right end: this far inside and outside its edge. */
#define CHARTER_TIMELINE_END_INSIDE  10.0
#define CHARTER_TIMELINE_END_OUTSIDE  6.0
/* A bar is drawn this much inset from its row. */
#define CHARTER_TIMELINE_BAR_INSET    8.0

double              charter_timeline_zoom_get_pixels_per_day (CharterTimelineZoom zoom);

double              charter_timeline_scale_day_to_x          (const CharterTimelineScale *scale,
                                                              guint32                     day);
guint32             charter_timeline_scale_x_to_day          (const CharterTimelineScale *scale,
                                                              double                      x);
guint32             charter_timeline_scale_x_to_boundary     (const CharterTimelineScale *scale,
                                                              double                      x);

int                 charter_timeline_snap_duration           (const CharterTimelineScale   *scale,
                                                              guint32                       start,
                                                              double                        end_x,
                                                              CharterTimelineWorkingDayFunc is_working,
                                                              gpointer                      user_data);
guint32             charter_timeline_snap_start              (const CharterTimelineScale   *scale,
                                                              double                        x,
                                                              CharterTimelineWorkingDayFunc is_working,
                                                              gpointer                      user_data);

void                charter_timeline_bar_get_extent          (const CharterTimelineScale *scale,
                                                              const CharterTimelineBar   *bar,
                                                              double                      row_height,
                                                              double                     *x0,
                                                              double                     *x1);
CharterTimelineHit  charter_timeline_bar_hit_test            (const CharterTimelineScale *scale,
                                                              const CharterTimelineBar   *bar,
                                                              double                      row_height,
                                                              double                      x);

typedef struct _CharterTimelineLayout CharterTimelineLayout;

CharterTimelineLayout    *charter_timeline_layout_new               (void);
void                      charter_timeline_layout_free              (CharterTimelineLayout *layout);
void                      charter_timeline_layout_build             (CharterTimelineLayout *layout,
                                                                     guint                  n_teams,
                                                                     const gboolean        *collapsed,
                                                                     guint                  n_tasks,
                                                                     const guint           *task_team,
                                                                     double                 header_height,
                                                                     double                 row_height);
guint                     charter_timeline_layout_get_n_rows        (CharterTimelineLayout *layout);
const CharterTimelineRow *charter_timeline_layout_get_row           (CharterTimelineLayout *layout,
                                                                     guint                  row);
double                    charter_timeline_layout_get_height        (CharterTimelineLayout *layout);
gboolean                  charter_timeline_layout_find_task_row     (CharterTimelineLayout *layout,
                                                                     guint                  task,
                                                                     guint                 *row);
gboolean                  charter_timeline_layout_row_at_y          (CharterTimelineLayout *layout,
                                                                     double                 y,
                                                                     guint                 *row);
void                      charter_timeline_layout_get_visible_rows  (CharterTimelineLayout *layout,
                                                                     double                 y,
                                                                     double                 height,
                                                                     guint                 *first,
                                                                     guint                 *n_rows);
gboolean                  charter_timeline_layout_next_task_row     (CharterTimelineLayout *layout,
                                                                     guint                  row,
                                                                     int                    direction,
                                                                     guint                 *next);
CharterTimelineHit        charter_timeline_layout_hit_test          (CharterTimelineLayout    *layout,
                                                                     const CharterTimelineScale *scale,
                                                                     const CharterTimelineBar *bars,
                                                                     double                   x,
                                                                     double                   y,
                                                                     guint                   *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterTimelineLayout, charter_timeline_layout_free)

char                     *charter_timeline_format_day               (guint32      julian,
                                                                     const char  *format);

/* Colour contrast as WCAG 2 defines it, on sRGB components in [0, 1]. */
double                    charter_timeline_relative_luminance       (double       red,
                                                                     double       green,
                                                                     double       blue);
double                    charter_timeline_contrast_ratio           (const double fg[3],
                                                                     const double bg[3]);
gboolean                  charter_timeline_label_is_dark            (const double fill[3]);

G_END_DECLS
