/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-schedule.c: the scheduling engine. A document is compiled once into
 * compact arrays (tasks 0..n-1, dependencies in CSR form, a working calendar
 * with a working-day index); the passes then work on integer "instants":
 * instant k is the start of the k-th working day since the project start, which
 * is also the end of working day k-1. docs/scheduling.md has the conventions. */

#define G_LOG_DOMAIN "charter-engine"

#include "config.h"

#include "charter-schedule.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "charter-schedule-private.h"

#define NO_VALUE      G_MININT32
#define MAX_YEARS     500
#define MAX_RUNS      100000
#define DEFAULT_START_YEAR  2026
#define DEFAULT_START_MONTH 1
#define DEFAULT_START_DAY   5
#define MAX_RUN_DAYS  (MAX_YEARS * 366)

typedef enum
{
  DRIVER_START,
  DRIVER_SNET,
  DRIVER_DEPENDENCY,
  DRIVER_COMMITMENT,
  DRIVER_CAPACITY,
  DRIVER_LAUNCH,
  DRIVER_STATUS,
} DriverKind;

/* What a check-in says about a task (docs/scheduling.md, "Reforecasting"). */
enum
{
  ST_NONE = 0,        /* no check-in mentions it: it runs as planned */
  ST_DONE,
  ST_STARTED,         /* percent complete above 0, not done */
  ST_NOT_STARTED,     /* a status with 0 % that is not done */
};

/* Why a check-in fixed a task's dates (the dref of DRIVER_STATUS). */
enum
{
  STATUS_DONE,
  STATUS_REMAINING,
  STATUS_STARTED,
  STATUS_LATE,
  STATUS_NOT_STARTED,
};

/* A milestone sits at an instant; whether it shows on the day before that
 * instant (it follows a finish: "Friday 5 pm") or on the day of it (it
 * follows a start or a date: "Monday 8 am") is its flavour. */
enum
{
  FLAVOR_START = 0,
  FLAVOR_END = 1,
};

typedef struct
{
  guint32          base;         /* julian day of the project start */
  guint32          limit;        /* last julian day the calendar may reach */
  guint8           mask;         /* working weekdays, bit 0 = Monday */
  guint8           no_launch;    /* weekdays a launch may not fall on */
  guint32         *holidays;     /* sorted, unique */
  guint            n_holidays;
  guint32          n_days;       /* days covered from base */
  gint32          *cum;          /* cum[i]: working days in [base, base + i) */
  guint32         *wd;           /* wd[k]: julian day of working day k */
  guint32          n_wd;
  guint32          cap_wd;
} Calendar;

/* One task's status in a check-in, compiled. */
typedef struct
{
  guint32 task;
  guint8  state;                 /* CharterTaskState */
  guint8  percent;
  gint32  remaining;             /* working days, or -1 */
} CheckInStatus;

/* What the check-ins up to one of them say, task by task: the overlay a
 * reforecast schedules with. Shared (refcounted) between a schedule and its
 * incremental successors. */
typedef struct
{
  gint32   check_in;             /* index in date order */
  guint32  julian;               /* the status date */
  gint32   s;                    /* the instant after the status date */
  guint8  *kind;                 /* per task, ST_* */
  gint32  *remaining;            /* per task, working days or -1 */
  gint32  *at;                   /* per task, the instant after its status's check-in */
  gint32  *ci;                   /* per task, the check-in of its status, or -1 */
} Status;

typedef struct
{
  gint32  a;                     /* first blocked instant */
  gint32  b;                     /* first free instant after the block */
  guint32 start_julian;
  guint32 finish_julian;
  const char *reason;
} Block;

struct _CharterPlan
{
  gatomicrefcount ref_count;

  GStringChunk *strings;
  Calendar      cal;
  gboolean      start_is_default;

  guint         n_tasks;
  char        **task_ids;
  char        **task_names;
  int          *duration;
  int          *optimistic;
  int          *pessimistic;
  gint32       *team;
  guint8       *launch;
  gint32       *snet;            /* instant, or NO_VALUE */
  guint32      *snet_julian;
  gint32       *fnlt;            /* instant after the last working day allowed, or NO_VALUE */
  guint32      *fnlt_julian;
  GHashTable   *task_index;      /* id -> index + 1 */

  guint         n_deps;
  guint32      *dep_pred;
  guint32      *dep_succ;
  guint8       *dep_kind;
  gint32       *dep_lag;
  guint32      *succ_off;
  guint32      *succ_edge;
  guint32      *pred_off;
  guint32      *pred_edge;
  guint32      *topo;
  guint32      *topo_pos;

  guint         n_teams;
  char        **team_ids;
  char        **team_names;
  int          *capacity;
  gboolean     *team_levelled;
  guint32      *block_off;       /* per team, into blocks */
  Block        *blocks;
  guint32      *team_task_off;   /* per team, into team_tasks */
  guint32      *team_tasks;
  gboolean      levelled;

  int           buffer_days;
  GPtrArray    *warnings;        /* compile-time warnings */

  /* Risks as events of the forecast, in document order. */
  guint         n_risks;
  char        **risk_ids;
  int          *risk_probability;  /* percent */
  int          *risk_impact;       /* working days added to each of its tasks */
  guint32      *risk_task_off;     /* per risk, into risk_tasks */
  guint32      *risk_tasks;        /* task indices, each at most once per risk */

  /* Check-ins, sorted by date (then document order), their statuses in CSR form. */
  guint          n_check_ins;
  char         **check_in_ids;
  guint32       *check_in_julian;
  guint32       *check_in_off;
  CheckInStatus *statuses;
  gint32         as_of;            /* the check-in schedules use by default, or -1 */
};

struct _CharterSchedule
{
  GObject parent_instance;

  CharterPlan      *plan;
  int              *dur;
  gint32           *es;
  gint32           *ef;
  gint32           *ls;
  gint32           *lf;
  guint8           *flavor;
  guint8           *dkind;
  gint32           *dref;
  gint32           *lref;         /* the link that bound before any later shift, or -1 */
  gint32           *rpred;        /* levelled: the team task a task waited for, or -1 */
  gint32           *rhead;        /* levelled: first task that waited for this one, or -1 */
  gint32           *rnext;        /* levelled: next task that waited for the same one */
  guint32          *order;
  guint             n_forward;    /* tasks the last forward pass scheduled */
  CharterTaskDates *dates;
  char            **driver_text;
  gint32            end;
  char            **critical_path;
  char            **warnings;
  Status           *status;       /* (nullable): the check-ins this schedule follows */
};

struct _CharterSimulation
{
  guint    runs;
  guint    n_tasks;
  guint32 *finishes;             /* julian finish day of each run, sorted */
  double  *criticality;
  int      buffer_days;
  guint    n_risks;
  char   **risk_ids;
  int     *risk_p80_effect;      /* working days, or NULL when not asked for */
};

G_DEFINE_FINAL_TYPE (CharterSchedule, charter_schedule, G_TYPE_OBJECT)

G_DEFINE_QUARK (charter-schedule-error-quark, charter_schedule_error)

/* Calendar ---------------------------------------------------------------- */

static inline guint
weekday_of (guint32 julian)
{
  /* GDate's julian day 1 (1 January of year 1) is a Monday. */
  return (julian - 1) % 7;
}

static gboolean
is_holiday (const Calendar *cal,
            guint32         julian)
{
  guint lo = 0, hi = cal->n_holidays;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cal->holidays[mid] < julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < cal->n_holidays && cal->holidays[lo] == julian;
}

static inline gboolean
cal_is_working (const Calendar *cal,
                guint32         julian)
{
  return (cal->mask & (1 << weekday_of (julian))) != 0 && !is_holiday (cal, julian);
}

/* Covers at least @n_days days from base; FALSE when that would pass the limit. */
static gboolean
cal_extend_days (Calendar *cal,
                 guint32   n_days)
{
  guint32 max_days = cal->limit - cal->base + 1;

  if (n_days <= cal->n_days)
    return TRUE;

  if (n_days > max_days)
    n_days = max_days;
  if (n_days <= cal->n_days)
    return FALSE;

  cal->cum = g_renew (gint32, cal->cum, n_days + 1);
  if (cal->n_wd + (n_days - cal->n_days) > cal->cap_wd)
    {
      cal->cap_wd = cal->n_wd + (n_days - cal->n_days);
      cal->wd = g_renew (guint32, cal->wd, cal->cap_wd);
    }

  for (guint32 i = cal->n_days; i < n_days; i++)
    {
      guint32 julian = cal->base + i;

      if (cal_is_working (cal, julian))
        cal->wd[cal->n_wd++] = julian;
      cal->cum[i + 1] = cal->n_wd;
    }
  cal->n_days = n_days;

  return TRUE;
}

/* Makes working day @k known; FALSE when it lies past the limit. */
static inline gboolean
cal_ensure_index (Calendar *cal,
                  gint64    k)
{
  while ((gint64) cal->n_wd <= k)
    {
      if (!cal_extend_days (cal, MAX (cal->n_days * 2, cal->n_days + 64)))
        return FALSE;
    }
  return TRUE;
}

/* The index of the first working day on or after @julian (0 before base). */
static gint32
cal_index_on_or_after (Calendar *cal,
                       guint32   julian)
{
  if (julian < cal->base)
    return 0;
  if (julian > cal->limit)
    return NO_VALUE;
  cal_extend_days (cal, julian - cal->base + 1);
  return cal->cum[julian - cal->base];
}

/* The instant just after the last working day on or before @julian. */
static gint32
cal_instant_after (Calendar *cal,
                   guint32   julian)
{
  if (julian < cal->base)
    return 0;
  if (julian > cal->limit)
    return NO_VALUE;
  cal_extend_days (cal, julian - cal->base + 1);
  return cal->cum[julian - cal->base + 1];
}

static inline guint32
cal_day (Calendar *cal,
         gint64    k)
{
  if (k < 0)
    k = 0;
  if (!cal_ensure_index (cal, k))
    return cal->limit;
  return cal->wd[k];
}

/* Dates ------------------------------------------------------------------- */

static gboolean
parse_date (const char *text,
            guint32    *julian)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, day, month, year);
    *julian = g_date_get_julian (&date);
  }
  return TRUE;
}

static char *
format_day (guint32 julian)
{
  GDate date;
  char buf[128];

  if (!g_date_valid_julian (julian))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* TRANSLATORS: a day in a sentence ("Mon 3 Mar 2025"), strftime format */
  if (g_date_strftime (buf, sizeof buf, _("%a %-d %b %Y"), &date) == 0)
    return g_strdup ("?");
  return g_strdup (buf);
}

static const char *
weekday_name (guint weekday)
{
  const char *names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };
  return _(names[weekday % 7]);
}

/* Plan -------------------------------------------------------------------- */

static void
calendar_clear (Calendar *cal)
{
  g_clear_pointer (&cal->holidays, g_free);
  g_clear_pointer (&cal->cum, g_free);
  g_clear_pointer (&cal->wd, g_free);
}

CharterPlan *
charter_plan_ref (CharterPlan *plan)
{
  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

void
charter_plan_unref (CharterPlan *plan)
{
  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;

  calendar_clear (&plan->cal);
  g_string_chunk_free (plan->strings);
  g_free (plan->task_ids);
  g_free (plan->task_names);
  g_free (plan->duration);
  g_free (plan->optimistic);
  g_free (plan->pessimistic);
  g_free (plan->team);
  g_free (plan->launch);
  g_free (plan->snet);
  g_free (plan->snet_julian);
  g_free (plan->fnlt);
  g_free (plan->fnlt_julian);
  g_clear_pointer (&plan->task_index, g_hash_table_unref);
  g_free (plan->dep_pred);
  g_free (plan->dep_succ);
  g_free (plan->dep_kind);
  g_free (plan->dep_lag);
  g_free (plan->succ_off);
  g_free (plan->succ_edge);
  g_free (plan->pred_off);
  g_free (plan->pred_edge);
  g_free (plan->topo);
  g_free (plan->topo_pos);
  g_free (plan->team_ids);
  g_free (plan->team_names);
  g_free (plan->capacity);
  g_free (plan->team_levelled);
  g_free (plan->block_off);
  g_free (plan->blocks);
  g_free (plan->team_task_off);
  g_free (plan->team_tasks);
  g_free (plan->check_in_ids);
  g_free (plan->check_in_julian);
  g_free (plan->check_in_off);
  g_free (plan->statuses);
  g_free (plan->risk_ids);
  g_free (plan->risk_probability);
  g_free (plan->risk_impact);
  g_free (plan->risk_task_off);
  g_free (plan->risk_tasks);
  g_clear_pointer (&plan->warnings, g_ptr_array_unref);
  g_free (plan);
}

guint
charter_plan_get_n_tasks (CharterPlan *plan)
{
  return plan->n_tasks;
}

void
charter_plan_set_duration (CharterPlan *plan,
                           guint        index,
                           int          duration)
{
  g_return_if_fail (index < plan->n_tasks);
  plan->duration[index] = MAX (duration, 0);
}

int
charter_plan_get_duration (CharterPlan *plan,
                           guint        index)
{
  g_return_val_if_fail (index < plan->n_tasks, 0);
  return plan->duration[index];
}

gboolean
charter_plan_get_levelled (CharterPlan *plan)
{
  return plan->levelled;
}

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *x = a, *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

static const char *
item_label (gpointer item)
{
  const char *name = charter_item_get_display_name (CHARTER_ITEM (item));

  if (name == NULL || *name == '\0')
    name = charter_item_get_id (CHARTER_ITEM (item));
  return name != NULL ? name : "";
}

/* Names the tasks of a cycle in order; @remaining marks the tasks Kahn's
 * algorithm could not order (each of them has a remaining predecessor). */
static void
set_cycle_error (CharterPlan   *plan,
                 const guint32 *indegree,
                 GError       **error)
{
  g_autofree gint32 *seen_at = NULL;
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) text = g_string_new (NULL);
  guint32 v = G_MAXUINT32;
  gint32 first = 0;

  for (guint i = 0; i < plan->n_tasks; i++)
    if (indegree[i] > 0)
      {
        v = i;
        break;
      }
  g_assert (v != G_MAXUINT32);

  seen_at = g_new (gint32, plan->n_tasks);
  for (guint i = 0; i < plan->n_tasks; i++)
    seen_at[i] = -1;

  /* Walk backwards along remaining predecessors until a task repeats; at most n steps. */
  for (guint step = 0; step <= plan->n_tasks; step++)
    {
      guint32 next = G_MAXUINT32;

      if (seen_at[v] >= 0)
        {
          first = seen_at[v];
          break;
        }
      seen_at[v] = walk->len;
      g_array_append_val (walk, v);
      for (guint32 j = plan->pred_off[v]; j < plan->pred_off[v + 1]; j++)
        {
          guint32 u = plan->dep_pred[plan->pred_edge[j]];

          if (indegree[u] > 0)
            {
              next = u;
              break;
            }
        }
      if (next == G_MAXUINT32)
        break;
      v = next;
    }

  /* The walk went from successors to predecessors: print it the other way,
   * starting from the task that comes first in the document. */
  {
    guint len = walk->len - first;
    guint32 *cycle = g_new (guint32, len);
    guint lowest = 0;

    for (guint i = 0; i < len; i++)
      {
        cycle[i] = g_array_index (walk, guint32, walk->len - 1 - i);
        if (cycle[i] < cycle[lowest])
          lowest = i;
      }
    for (guint i = 0; i <= len; i++)
      {
        if (i > 0)
          g_string_append (text, " → ");
        /* Translators: a name, quoted */
        g_string_append_printf (text, _("“%s”"), plan->task_names[cycle[(lowest + i) % len]]);
      }
    g_free (cycle);
  }

  g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_CYCLE,
               _("The dependencies go round in a circle: %s. Remove one of these dependencies."),
               text->str);
}

static gboolean
build_graph (CharterPlan *plan,
             GError     **error)
{
  guint n = plan->n_tasks, m = plan->n_deps;
  g_autofree guint32 *indegree = g_new0 (guint32, n);
  guint32 *fill;
  guint head = 0, tail = 0;

  plan->succ_off = g_new0 (guint32, n + 1);
  plan->pred_off = g_new0 (guint32, n + 1);
  plan->succ_edge = g_new (guint32, MAX (m, 1));
  plan->pred_edge = g_new (guint32, MAX (m, 1));

  for (guint e = 0; e < m; e++)
    {
      plan->succ_off[plan->dep_pred[e] + 1]++;
      plan->pred_off[plan->dep_succ[e] + 1]++;
    }
  for (guint i = 0; i < n; i++)
    {
      plan->succ_off[i + 1] += plan->succ_off[i];
      plan->pred_off[i + 1] += plan->pred_off[i];
    }

  fill = g_new (guint32, n + 1);
  memcpy (fill, plan->succ_off, sizeof (guint32) * (n + 1));
  for (guint e = 0; e < m; e++)
    plan->succ_edge[fill[plan->dep_pred[e]]++] = e;
  memcpy (fill, plan->pred_off, sizeof (guint32) * (n + 1));
  for (guint e = 0; e < m; e++)
    plan->pred_edge[fill[plan->dep_succ[e]]++] = e;
  g_free (fill);

  /* Kahn's algorithm, in document order for determinism. */
  plan->topo = g_new (guint32, MAX (n, 1));
  plan->topo_pos = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      indegree[i] = plan->pred_off[i + 1] - plan->pred_off[i];
      if (indegree[i] == 0)
        plan->topo[tail++] = i;
    }
  while (head < tail)
    {
      guint32 v = plan->topo[head++];

      for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
        {
          guint32 w = plan->dep_succ[plan->succ_edge[j]];

          if (--indegree[w] == 0)
            plan->topo[tail++] = w;
        }
    }

  if (tail < n)
    {
      set_cycle_error (plan, indegree, error);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    plan->topo_pos[plan->topo[i]] = i;

  return TRUE;
}

static double
likelihood_probability (CharterLevel level)
{
  switch (level)
    {
    case CHARTER_LEVEL_LOW:
      return 0.25;
    case CHARTER_LEVEL_MEDIUM:
      return 0.5;
    case CHARTER_LEVEL_HIGH:
    default:
      return 0.75;
    }
}

/**
 * charter_plan_compile:
 * @document: a document
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Builds the compact form of @document's plan the passes work on.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
typedef struct
{
  guint   doc_pos;
  guint32 julian;
  CharterCheckIn *check_in;
} CheckInRef;

static int
compare_check_ins (gconstpointer a,
                   gconstpointer b)
{
  const CheckInRef *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->doc_pos < y->doc_pos ? -1 : x->doc_pos > y->doc_pos;
}

/* The check-ins in date order (a status about no task is a warning) and the
 * one schedules follow by default: the latest, the latest on or before
 * @as_of, or none for "none". */
static gboolean
compile_check_ins (CharterPlan      *plan,
                   CharterDocument  *document,
                   const char       *as_of,
                   GError          **error)
{
  GListModel *check_ins = charter_document_get_check_ins (document);
  guint n = g_list_model_get_n_items (check_ins);
  g_autofree CheckInRef *refs = g_new0 (CheckInRef, MAX (n, 1));
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (CheckInStatus));
  guint32 as_of_julian = 0;
  guint k = 0;

  if (as_of != NULL && g_strcmp0 (as_of, "none") != 0 && !parse_date (as_of, &as_of_julian))
    {
      g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                   _("“%s” is neither a date (YYYY-MM-DD) nor “none”: say which check-in to schedule as of."),
                   as_of);
      return FALSE;
    }

  for (guint c = 0; c < n; c++)
    {
      CharterCheckIn *check_in = g_list_model_get_item (check_ins, c);
      const char *date = charter_check_in_get_date (check_in);

      if (!parse_date (date, &refs[k].julian))
        {
          g_ptr_array_add (plan->warnings,
                           g_strdup_printf (_("The check-in “%s” has no valid date (“%s”); it moves no date."),
                                            charter_item_get_id (CHARTER_ITEM (check_in)), date != NULL ? date : ""));
          g_object_unref (check_in);
          continue;
        }
      refs[k].doc_pos = c;
      refs[k].check_in = check_in;
      k++;
    }
  qsort (refs, k, sizeof (CheckInRef), compare_check_ins);

  plan->n_check_ins = k;
  plan->check_in_ids = g_new (char *, MAX (k, 1));
  plan->check_in_julian = g_new (guint32, MAX (k, 1));
  plan->check_in_off = g_new0 (guint32, k + 1);
  plan->as_of = -1;
  for (guint c = 0; c < k; c++)
    {
      g_autoptr(CharterCheckIn) check_in = refs[c].check_in;
      GListModel *list = charter_check_in_get_statuses (check_in);

      plan->check_in_ids[c] = g_string_chunk_insert_const (plan->strings, charter_item_get_id (CHARTER_ITEM (check_in)));
      plan->check_in_julian[c] = refs[c].julian;
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(CharterTaskStatus) status = g_list_model_get_item (list, j);
          const char *task_id = charter_task_status_get_task_id (status);
          gpointer found = task_id != NULL ? g_hash_table_lookup (plan->task_index, task_id) : NULL;
          CheckInStatus st;

          if (found == NULL)
            {
              if (task_id != NULL)
                g_ptr_array_add (plan->warnings,
                                 g_strdup_printf (_("The check-in of %s has a status for the task “%s”, which is not in the plan."),
                                                  charter_check_in_get_date (check_in), task_id));
              continue;
            }
          st.task = GPOINTER_TO_UINT (found) - 1;
          st.state = charter_task_status_get_state (status);
          st.percent = CLAMP (charter_task_status_get_percent_complete (status), 0, 100);
          st.remaining = charter_task_status_get_remaining (status);
          st.remaining = st.remaining < 0 ? -1 : MIN (st.remaining, MAX_RUN_DAYS);
          g_array_append_val (statuses, st);
        }
      plan->check_in_off[c + 1] = statuses->len;
      if (as_of == NULL || (as_of_julian != 0 && refs[c].julian <= as_of_julian))
        plan->as_of = c;
    }
  plan->statuses = (CheckInStatus *) g_array_free (g_steal_pointer (&statuses), FALSE);
  return TRUE;
}

CharterPlan *
charter_plan_compile (CharterDocument  *document,
                      GError          **error)
{
  return charter_plan_compile_as_of (document, NULL, error);
}

/**
 * charter_plan_compile_as_of:
 * @document: the document
 * @as_of: (nullable): %NULL for the latest check-in, "none" for none, or a
 *   date (YYYY-MM-DD): the latest check-in on or before it
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Compiles @document's plan; schedules made from it follow the check-in
 * @as_of picks.
 *
 * Returns: (transfer full) (nullable): the plan
 */
CharterPlan *
charter_plan_compile_as_of (CharterDocument  *document,
                            const char       *as_of,
                            GError          **error)
{
  g_autoptr(CharterPlan) plan = g_new0 (CharterPlan, 1);
  CharterCalendar *calendar = charter_document_get_calendar (document);
  GListModel *tasks = charter_document_get_tasks (document);
  GListModel *deps = charter_document_get_dependencies (document);
  GListModel *teams = charter_document_get_teams (document);
  GListModel *risks = charter_document_get_risks (document);
  const char * const *holidays;
  guint32 start_julian = 0;
  GDate limit_date;
  guint n, n_blocks = 0;
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  double buffer = 0;

  g_atomic_ref_count_init (&plan->ref_count);
  plan->strings = g_string_chunk_new (4096);
  plan->warnings = g_ptr_array_new_with_free_func (g_free);

  /* The calendar. */
  plan->cal.mask = charter_calendar_get_working_days (calendar) & 0x7f;
  plan->cal.no_launch = charter_calendar_get_no_launch_days (calendar) & 0x7f;
  if (plan->cal.mask == 0)
    {
      g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_NO_WORKING_DAYS,
                   _("The calendar has no working days: choose at least one working weekday."));
      return NULL;
    }

  holidays = charter_calendar_get_holidays (calendar);
  n = holidays != NULL ? g_strv_length ((char **) holidays) : 0;
  plan->cal.holidays = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (!parse_date (holidays[i], &plan->cal.holidays[plan->cal.n_holidays]))
        {
          g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                       _("Calendar: the holiday “%s” is not a date (write it as YYYY-MM-DD)."),
                       holidays[i]);
          return NULL;
        }
      plan->cal.n_holidays++;
    }
  qsort (plan->cal.holidays, plan->cal.n_holidays, sizeof (guint32), compare_guint32);
  {
    guint k = 0;

    for (guint i = 0; i < plan->cal.n_holidays; i++)
      if (k == 0 || plan->cal.holidays[k - 1] != plan->cal.holidays[i])
        plan->cal.holidays[k++] = plan->cal.holidays[i];
    plan->cal.n_holidays = k;
  }

  /* The tasks. */
  plan->n_tasks = n = g_list_model_get_n_items (tasks);
  plan->task_ids = g_new (char *, MAX (n, 1));
  plan->task_names = g_new (char *, MAX (n, 1));
  plan->duration = g_new (int, MAX (n, 1));
  plan->optimistic = g_new (int, MAX (n, 1));
  plan->pessimistic = g_new (int, MAX (n, 1));
  plan->team = g_new (gint32, MAX (n, 1));
  plan->launch = g_new0 (guint8, MAX (n, 1));
  plan->snet = g_new (gint32, MAX (n, 1));
  plan->snet_julian = g_new0 (guint32, MAX (n, 1));
  plan->fnlt = g_new (gint32, MAX (n, 1));
  plan->fnlt_julian = g_new0 (guint32, MAX (n, 1));
  plan->task_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *snet = charter_task_get_start_no_earlier_than (task);
      const char *fnlt = charter_task_get_finish_no_later_than (task);

      plan->task_ids[i] = g_string_chunk_insert_const (plan->strings, charter_item_get_id (CHARTER_ITEM (task)));
      plan->task_names[i] = g_string_chunk_insert_const (plan->strings, item_label (task));
      plan->duration[i] = charter_task_get_milestone (task) ? 0 : MAX (charter_task_get_duration (task), 0);
      plan->optimistic[i] = charter_task_get_optimistic (task);
      plan->pessimistic[i] = charter_task_get_pessimistic (task);
      plan->launch[i] = charter_task_get_launch (task) && plan->duration[i] == 0;
      plan->team[i] = -1;
      plan->snet[i] = NO_VALUE;
      plan->fnlt[i] = NO_VALUE;

      if (!g_hash_table_contains (plan->task_index, plan->task_ids[i]))
        g_hash_table_insert (plan->task_index, plan->task_ids[i], GUINT_TO_POINTER (i + 1));

      if (snet != NULL && *snet != '\0' && !parse_date (snet, &plan->snet_julian[i]))
        {
          g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                       _("Task “%s”: “start no earlier than” is “%s”, which is not a date (write it as YYYY-MM-DD)."),
                       plan->task_names[i], snet);
          return NULL;
        }
      if (fnlt != NULL && *fnlt != '\0' && !parse_date (fnlt, &plan->fnlt_julian[i]))
        {
          g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                       _("Task “%s”: “finish no later than” is “%s”, which is not a date (write it as YYYY-MM-DD)."),
                       plan->task_names[i], fnlt);
          return NULL;
        }
      if (plan->snet_julian[i] != 0 && (start_julian == 0 || plan->snet_julian[i] < start_julian))
        start_julian = plan->snet_julian[i];
    }

  /* The project start: the calendar's start, else the earliest "start no
   * earlier than", else a fixed day (so that a schedule never depends on
   * when it was computed). */
  {
    const char *start = charter_calendar_get_start (calendar);

    if (start != NULL && *start != '\0')
      {
        if (!parse_date (start, &start_julian))
          {
            g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                         _("Calendar: the start “%s” is not a date (write it as YYYY-MM-DD)."),
                         start);
            return NULL;
          }
      }
    else
      {
        if (start_julian == 0)
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, DEFAULT_START_DAY, DEFAULT_START_MONTH, DEFAULT_START_YEAR);
            start_julian = g_date_get_julian (&date);
          }
        plan->start_is_default = TRUE;
      }
  }

  plan->cal.base = start_julian;
  g_date_clear (&limit_date, 1);
  g_date_set_dmy (&limit_date, 31, 12, 9999);
  plan->cal.limit = MIN (g_date_get_julian (&limit_date), start_julian + MAX_YEARS * 366u);
  plan->cal.cum = g_new0 (gint32, 1);

  for (guint i = 0; i < n; i++)
    {
      if (plan->snet_julian[i] != 0)
        {
          plan->snet[i] = cal_index_on_or_after (&plan->cal, plan->snet_julian[i]);
          if (plan->snet[i] == NO_VALUE)
            {
              g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                           _("Task “%s”: “start no earlier than” is more than %d years after the project start."),
                           plan->task_names[i], MAX_YEARS);
              return NULL;
            }
        }
      if (plan->fnlt_julian[i] != 0)
        {
          /* NO_VALUE when past the horizon: such a deadline can never bind. */
          plan->fnlt[i] = cal_instant_after (&plan->cal, plan->fnlt_julian[i]);
        }
    }

  /* Teams and their commitments. */
  plan->n_teams = g_list_model_get_n_items (teams);
  plan->team_ids = g_new (char *, MAX (plan->n_teams, 1));
  plan->team_names = g_new (char *, MAX (plan->n_teams, 1));
  plan->capacity = g_new (int, MAX (plan->n_teams, 1));
  plan->team_levelled = g_new0 (gboolean, MAX (plan->n_teams, 1));
  {
    g_autoptr(GHashTable) team_index = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint32));

    for (guint t = 0; t < plan->n_teams; t++)
      {
        g_autoptr(CharterTeam) team = g_list_model_get_item (teams, t);
        GListModel *commitments = charter_team_get_commitments (team);
        guint n_commitments = g_list_model_get_n_items (commitments);

        plan->team_ids[t] = g_string_chunk_insert_const (plan->strings, charter_item_get_id (CHARTER_ITEM (team)));
        plan->team_names[t] = g_string_chunk_insert_const (plan->strings, item_label (team));
        plan->capacity[t] = MAX (charter_team_get_capacity (team), 1);
        if (!g_hash_table_contains (team_index, plan->team_ids[t]))
          g_hash_table_insert (team_index, plan->team_ids[t], GUINT_TO_POINTER (t + 1));

        for (guint c = 0; c < n_commitments; c++)
          {
            g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, c);
            const char *s = charter_commitment_get_start (commitment);
            const char *f = charter_commitment_get_finish (commitment);
            const char *reason = charter_commitment_get_reason (commitment);
            Block block = { 0 };

            if (!parse_date (s, &block.start_julian) || !parse_date (f, &block.finish_julian))
              {
                g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                             _("Team “%s”: the commitment from “%s” to “%s” needs two dates (YYYY-MM-DD)."),
                             plan->team_names[t], s ? s : "", f ? f : "");
                return NULL;
              }
            if (block.finish_julian < block.start_julian)
              {
                g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                             _("Team “%s”: the commitment from %s to %s ends before it starts."),
                             plan->team_names[t], s, f);
                return NULL;
              }
            if (block.finish_julian > plan->cal.limit)
              {
                g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_NO_WORKING_DAYS,
                             _("Team “%s” is committed elsewhere until %s, more than %d years after the project start: its tasks could never be scheduled."),
                             plan->team_names[t], f, MAX_YEARS);
                return NULL;
              }
            block.a = cal_index_on_or_after (&plan->cal, block.start_julian);
            block.b = cal_instant_after (&plan->cal, block.finish_julian);
            block.reason = reason != NULL && *reason != '\0' ? g_string_chunk_insert_const (plan->strings, reason) : NULL;
            if (block.b <= block.a)
              continue;
            g_array_append_val (blocks, block);
            g_array_append_val (owners, t);
          }
      }

    /* Sort each team's blocks and merge the ones that touch. */
    plan->block_off = g_new0 (guint32, plan->n_teams + 1);
    plan->blocks = g_new (Block, MAX (blocks->len, 1));
    for (guint t = 0; t < plan->n_teams; t++)
      {
        guint first = n_blocks;

        for (guint b = 0; b < blocks->len; b++)
          if (g_array_index (owners, guint32, b) == t)
            plan->blocks[n_blocks++] = g_array_index (blocks, Block, b);
        qsort (plan->blocks + first, n_blocks - first, sizeof (Block), compare_blocks);
        {
          guint k = first;

          for (guint b = first; b < n_blocks; b++)
            {
              if (k > first && plan->blocks[b].a <= plan->blocks[k - 1].b)
                {
                  if (plan->blocks[b].b > plan->blocks[k - 1].b)
                    {
                      plan->blocks[k - 1].b = plan->blocks[b].b;
                      plan->blocks[k - 1].finish_julian = plan->blocks[b].finish_julian;
                      plan->blocks[k - 1].reason = plan->blocks[b].reason;
                    }
                }
              else
                plan->blocks[k++] = plan->blocks[b];
            }
          n_blocks = k;
        }
        plan->block_off[t + 1] = n_blocks;
      }

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
        const char *team_id = charter_task_get_team_id (task);
        gpointer found;

        if (team_id == NULL || *team_id == '\0')
          continue;
        found = g_hash_table_lookup (team_index, team_id);
        if (found == NULL)
          {
            g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_MISSING_TEAM,
                         _("Task “%s” belongs to the team “%s”, which is not in the plan."),
                         plan->task_names[i], team_id);
            return NULL;
          }
        plan->team[i] = GPOINTER_TO_UINT (found) - 1;
      }
  }

  /* Each team's tasks, and whether the team has more than it can do at once. */
  plan->team_task_off = g_new0 (guint32, plan->n_teams + 1);
  plan->team_tasks = g_new (guint32, MAX (n, 1));
  {
    g_autofree guint32 *fill = NULL;

    for (guint i = 0; i < n; i++)
      if (plan->team[i] >= 0)
        plan->team_task_off[plan->team[i] + 1]++;
    for (guint t = 0; t < plan->n_teams; t++)
      plan->team_task_off[t + 1] += plan->team_task_off[t];
    fill = g_memdup2 (plan->team_task_off, sizeof (guint32) * (plan->n_teams + 1));
    for (guint i = 0; i < n; i++)
      if (plan->team[i] >= 0)
        plan->team_tasks[fill[plan->team[i]]++] = i;
    for (guint t = 0; t < plan->n_teams; t++)
      {
        plan->team_levelled[t] = plan->team_task_off[t + 1] - plan->team_task_off[t] > (guint) plan->capacity[t];
        plan->levelled |= plan->team_levelled[t];
      }
  }

  /* Dependencies. */
  plan->n_deps = g_list_model_get_n_items (deps);
  plan->dep_pred = g_new (guint32, MAX (plan->n_deps, 1));
  plan->dep_succ = g_new (guint32, MAX (plan->n_deps, 1));
  plan->dep_kind = g_new (guint8, MAX (plan->n_deps, 1));
  plan->dep_lag = g_new (gint32, MAX (plan->n_deps, 1));
  for (guint e = 0; e < plan->n_deps; e++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (deps, e);
      const char *ends[2] = {
        charter_dependency_get_predecessor (dep),
        charter_dependency_get_successor (dep),
      };
      guint32 idx[2];

      for (guint k = 0; k < 2; k++)
        {
          gpointer found = ends[k] != NULL ? g_hash_table_lookup (plan->task_index, ends[k]) : NULL;

          if (found == NULL)
            {
              g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_MISSING_TASK,
                           _("Dependency “%s”: its %s “%s” is not a task in the plan."),
                           charter_item_get_id (CHARTER_ITEM (dep)),
                           k == 0 ? _("predecessor") : _("successor"),
                           ends[k] != NULL ? ends[k] : "");
              return NULL;
            }
          idx[k] = GPOINTER_TO_UINT (found) - 1;
        }
      plan->dep_pred[e] = idx[0];
      plan->dep_succ[e] = idx[1];
      plan->dep_kind[e] = charter_dependency_get_kind (dep);
      plan->dep_lag[e] = charter_dependency_get_lag (dep);
      if (idx[0] == idx[1])
        {
          g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_CYCLE,
                       _("The dependencies go round in a circle: “%s” depends on itself. Remove that dependency."),
                       plan->task_names[idx[0]]);
          return NULL;
        }
    }

  if (!build_graph (plan, error))
    return NULL;

  /* Risks: each one's contingency, weighted by how likely it is, goes into
   * the reserve shown as the project buffer when there is no forecast; each
   * is an event of the forecast, its tasks in CSR form. */
  plan->n_risks = g_list_model_get_n_items (risks);
  plan->risk_ids = g_new (char *, MAX (plan->n_risks, 1));
  plan->risk_probability = g_new (int, MAX (plan->n_risks, 1));
  plan->risk_impact = g_new (int, MAX (plan->n_risks, 1));
  plan->risk_task_off = g_new0 (guint32, plan->n_risks + 1);
  {
    g_autoptr(GArray) risk_tasks = g_array_new (FALSE, FALSE, sizeof (guint32));

    for (guint r = 0; r < plan->n_risks; r++)
      {
        g_autoptr(CharterRisk) risk = g_list_model_get_item (risks, r);
        const char * const *task_ids = charter_risk_get_task_ids (risk);

        buffer += likelihood_probability (charter_risk_get_likelihood (risk)) * charter_risk_get_contingency (risk);
        plan->risk_ids[r] = g_string_chunk_insert_const (plan->strings, charter_item_get_id (CHARTER_ITEM (risk)));
        plan->risk_probability[r] = CLAMP (charter_risk_get_probability (risk), 0, 100);
        plan->risk_impact[r] = CLAMP (charter_risk_get_impact_days (risk), 0, 100000);
        for (guint k = 0; task_ids != NULL && task_ids[k] != NULL; k++)
          {
            gpointer found = g_hash_table_lookup (plan->task_index, task_ids[k]);
            guint32 task;
            gboolean seen = FALSE;

            if (found == NULL)
              {
                g_ptr_array_add (plan->warnings,
                                 g_strdup_printf (_("Risk “%s” refers to the task “%s”, which is not in the plan."),
                                                  item_label (risk), task_ids[k]));
                continue;
              }
            /* A task named twice takes the impact once. */
            task = GPOINTER_TO_UINT (found) - 1;
            for (guint32 j = plan->risk_task_off[r]; j < risk_tasks->len && !seen; j++)
              seen = g_array_index (risk_tasks, guint32, j) == task;
            if (!seen)
              g_array_append_val (risk_tasks, task);
          }
        plan->risk_task_off[r + 1] = risk_tasks->len;
      }
    plan->risk_tasks = (guint32 *) g_array_free (g_steal_pointer (&risk_tasks), FALSE);
  }
  plan->buffer_days = (int) ceil (buffer - 1e-9);

  if (!compile_check_ins (plan, document, as_of, error))
    return NULL;

  if ((plan->cal.mask & ~plan->cal.no_launch) == 0)
    for (guint i = 0; i < n; i++)
      if (plan->launch[i])
        {
          g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_NO_WORKING_DAYS,
                       _("Launch “%s” can never be scheduled: every working weekday is a day launches may not fall on."),
                       plan->task_names[i]);
          return NULL;
        }

  if (plan->start_is_default)
    {
      g_autofree char *day = format_day (plan->cal.base);

      g_ptr_array_insert (plan->warnings, 0,
                          g_strdup_printf (_("The calendar has no start date; the plan starts on %s."), day));
    }

  return g_steal_pointer (&plan);
}

/* Check-ins --------------------------------------------------------------- */

static void
status_clear (gpointer data)
{
  Status *st = data;

  g_free (st->kind);
  g_free (st->remaining);
  g_free (st->at);
  g_free (st->ci);
}

static void
status_unref (Status *st)
{
  g_atomic_rc_box_release_full (st, status_clear);
}

/* What the check-ins up to @check_in (in date order) say about each task:
 * the newest status about it; NULL for -1. O(tasks + statuses). */
static Status *
status_new (CharterPlan *plan,
            gint32       check_in)
{
  Status *st;
  guint n = MAX (plan->n_tasks, 1);

  if (check_in < 0 || (guint) check_in >= plan->n_check_ins)
    return NULL;

  st = g_atomic_rc_box_new0 (Status);
  st->check_in = check_in;
  st->julian = plan->check_in_julian[check_in];
  st->s = cal_instant_after (&plan->cal, st->julian);
  if (st->s == NO_VALUE)
    st->s = (gint32) MIN ((guint64) MAX_RUN_DAYS, G_MAXINT32 / 2);
  st->kind = g_new0 (guint8, n);
  st->remaining = g_new (gint32, n);
  st->at = g_new (gint32, n);
  st->ci = g_new (gint32, n);
  for (guint i = 0; i < plan->n_tasks; i++)
    {
      st->remaining[i] = -1;
      st->at[i] = st->s;
      st->ci[i] = -1;
    }
  for (gint32 c = 0; c <= check_in; c++)
    {
      gint32 at = cal_instant_after (&plan->cal, plan->check_in_julian[c]);

      if (at == NO_VALUE)
        at = st->s;
      for (guint32 j = plan->check_in_off[c]; j < plan->check_in_off[c + 1]; j++)
        {
          const CheckInStatus *cs = &plan->statuses[j];
          guint32 v = cs->task;

          if (cs->state == CHARTER_TASK_STATE_DONE)
            st->kind[v] = ST_DONE;
          else if (cs->percent > 0)
            st->kind[v] = ST_STARTED;
          else
            st->kind[v] = ST_NOT_STARTED;
          st->remaining[v] = cs->remaining;
          st->at[v] = at;
          st->ci[v] = c;
        }
    }
  return st;
}

/* Passes ------------------------------------------------------------------ */

typedef struct
{
  guint16 **per_team;
  guint32  *len;
} Usage;

static void
usage_clear (Usage       *usage,
             CharterPlan *plan)
{
  if (usage->per_team == NULL)
    return;
  for (guint t = 0; t < plan->n_teams; t++)
    g_free (usage->per_team[t]);
  g_clear_pointer (&usage->per_team, g_free);
  g_clear_pointer (&usage->len, g_free);
}

static void
usage_init (Usage       *usage,
            CharterPlan *plan)
{
  usage->per_team = g_new0 (guint16 *, MAX (plan->n_teams, 1));
  usage->len = g_new0 (guint32, MAX (plan->n_teams, 1));
}

static inline guint16 *
usage_row (Usage  *usage,
           guint   team,
           guint32 upto)
{
  if (usage->len[team] < upto)
    {
      guint32 len = MAX (upto, usage->len[team] * 2);

      len = MAX (len, 256);
      usage->per_team[team] = g_renew (guint16, usage->per_team[team], len);
      memset (usage->per_team[team] + usage->len[team], 0, sizeof (guint16) * (len - usage->len[team]));
      usage->len[team] = len;
    }
  return usage->per_team[team];
}

typedef struct
{
  const int *dur;
  gint32    *es;
  gint32    *ef;
  guint8    *flavor;
  guint8    *dkind;   /* nullable */
  gint32    *dref;    /* nullable */
  Usage     *usage;   /* nullable: no levelling */
  gint32    *lref;    /* nullable */
  const Status *status; /* nullable: no check-in */
} Pass;

static inline guint8
finish_flavor (const Pass *p,
               guint32     u)
{
  return p->dur[u] == 0 ? p->flavor[u] : FLAVOR_END;
}

static inline guint8
start_flavor (const Pass *p,
              guint32     u)
{
  return p->dur[u] == 0 ? p->flavor[u] : FLAVOR_START;
}

static gboolean
pass_overflow (CharterPlan *plan,
               guint32      v,
               GError     **error)
{
  if (plan->cal.limit < plan->cal.base + MAX_YEARS * 366u)
    {
      /* The calendar ends (31 Dec 9999) before 500 years are up: the cause
       * is a project start close to it, not the task. */
      g_autofree char *start = format_day (plan->cal.base);
      g_autofree char *last = format_day (plan->cal.limit);

      g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                   _("Task “%s” cannot be scheduled: the project starts on %s, too close to %s, the last day Charter can schedule. Check the start in the Calendar."),
                   plan->task_names[v], start, last);
      return FALSE;
    }
  g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
               _("Task “%s” would be scheduled more than %d years after the project start; check its duration, lags and its team’s commitments."),
               plan->task_names[v], MAX_YEARS);
  return FALSE;
}

/* Schedules task @v as early as its predecessors, constraints, team and
 * launch rule allow; every predecessor is already scheduled. */
static gboolean
forward_task (CharterPlan *plan,
              Pass        *p,
              guint32      v,
              GError     **error)
{
  gint32 d = p->dur[v];
  gint32 best = 0;
  guint8 best_flavor = FLAVOR_START;
  guint8 kind = DRIVER_START;
  gint32 ref = -1;
  gint32 link;
  guint8 sk = ST_NONE;
  gboolean fixed;

  if (plan->snet[v] != NO_VALUE && plan->snet[v] >= best && plan->snet_julian[v] >= plan->cal.base)
    {
      best = plan->snet[v];
      kind = DRIVER_SNET;
    }

  for (guint32 j = plan->pred_off[v]; j < plan->pred_off[v + 1]; j++)
    {
      guint32 e = plan->pred_edge[j];
      guint32 u = plan->dep_pred[e];
      gint32 lag = plan->dep_lag[e];
      gint64 c;
      guint8 fl;

      switch (plan->dep_kind[e])
        {
        case CHARTER_DEPENDENCY_START_TO_START:
          c = (gint64) p->es[u] + lag;
          fl = start_flavor (p, u);
          break;
        case CHARTER_DEPENDENCY_FINISH_TO_FINISH:
          c = (gint64) p->ef[u] + lag - d;
          fl = finish_flavor (p, u);
          break;
        case CHARTER_DEPENDENCY_START_TO_FINISH:
          c = (gint64) p->es[u] + lag - d;
          fl = start_flavor (p, u);
          break;
        case CHARTER_DEPENDENCY_FINISH_TO_START:
        default:
          c = (gint64) p->ef[u] + lag;
          fl = finish_flavor (p, u);
          break;
        }
      /* As in Microsoft Project and TaskJuggler, adding working days to a
       * moment lands at the end of the last day added (Mon 8:00 + 2 days is
       * Tue 17:00, not Wed 8:00): only a milestone can tell the difference. */
      if (lag > 0)
        fl = FLAVOR_END;
      if (c < 0)
        {
          /* Nothing starts before the project does: the link does not bind. */
          continue;
        }
      if (d > 0)
        fl = FLAVOR_START;
      if (c > best ||
          (c == best && fl != best_flavor && fl == FLAVOR_START) ||
          (c == best && fl == best_flavor && kind != DRIVER_DEPENDENCY))
        {
          best = (gint32) c;
          best_flavor = fl;
          kind = DRIVER_DEPENDENCY;
          ref = e;
        }
    }

  link = kind == DRIVER_DEPENDENCY ? ref : -1;

  /* The check-in (docs/scheduling.md, "Reforecasting"). What has not
   * started waits for the day after its check-in, and a remaining estimate
   * is its new duration. What is done or under way is placed as planned
   * first (links, commitments, capacity), then takes the dates the check-in
   * gives it. */
  if (p->status != NULL)
    {
      sk = p->status->kind[v];
      if (sk == ST_STARTED && (d == 0 || p->status->at[v] == 0))
        sk = ST_NOT_STARTED;   /* a milestone, or a check-in before the project start */
      if (sk == ST_NOT_STARTED)
        {
          gint32 at = p->status->at[v];

          if (d > 0 && p->status->remaining[v] >= 0)
            d = MAX (p->status->remaining[v], 1);
          if (best < at || (best == at && d == 0 && best_flavor == FLAVOR_END))
            {
              best = at;
              best_flavor = FLAVOR_START;
              kind = DRIVER_STATUS;
              ref = STATUS_NOT_STARTED;
            }
        }
    }
  fixed = sk == ST_DONE || sk == ST_STARTED;

  /* The team: not while committed elsewhere, and at most capacity tasks at once. */
  if (plan->team[v] >= 0 && d > 0)
    {
      guint t = plan->team[v];
      const Block *blocks = plan->blocks + plan->block_off[t];
      guint n_blocks = plan->block_off[t + 1] - plan->block_off[t];
      gboolean level = p->usage != NULL && plan->team_levelled[t];
      guint lo = 0, hi = n_blocks;
      guint64 guard = 0;

      /* The first block that ends after best. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (blocks[mid].b <= best)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (;;)
        {
          gboolean moved = FALSE;

          while (lo < n_blocks && blocks[lo].b <= best)
            lo++;
          if (lo < n_blocks && blocks[lo].a < best + d)
            {
              best = blocks[lo].b;
              kind = DRIVER_COMMITMENT;
              ref = plan->block_off[t] + lo;
              moved = TRUE;
            }
          if (level)
            {
              guint16 *row = usage_row (p->usage, t, best + d);

              for (gint32 k = best + d - 1; k >= best; k--)
                if (row[k] >= plan->capacity[t])
                  {
                    best = k + 1;
                    kind = DRIVER_CAPACITY;
                    ref = -1;
                    moved = TRUE;
                    break;
                  }
            }
          if (!moved)
            break;
          if ((gint64) best + d > (gint64) MAX_YEARS * 366 || ++guard > (guint64) MAX_YEARS * 366 + n_blocks)
            return pass_overflow (plan, v, error);
        }

      if (level && !fixed)
        {
          guint16 *row = usage_row (p->usage, t, best + d);

          for (gint32 k = best; k < best + d; k++)
            row[k]++;
        }
    }

  /* The launch rule. */
  if (d == 0 && sk != ST_DONE && plan->launch[v] && plan->cal.no_launch != 0)
    {
      gint32 shown = best_flavor == FLAVOR_END && best > 0 ? best - 1 : best;
      guint32 day = cal_day (&plan->cal, shown);

      if (plan->cal.no_launch & (1 << weekday_of (day)))
        {
          gint32 k = shown + 1;

          /* Some working weekday allows launches (checked when compiling), so
           * this ends within a week plus the holidays on the way. */
          for (guint guard = 0; ; guard++, k++)
            {
              if (!cal_ensure_index (&plan->cal, k) || guard > 7 + plan->cal.n_holidays)
                return pass_overflow (plan, v, error);
              if ((plan->cal.no_launch & (1 << weekday_of (plan->cal.wd[k]))) == 0)
                break;
            }
          best = k;
          best_flavor = FLAVOR_START;
          kind = DRIVER_LAUNCH;
          ref = (gint32) day;
        }
    }

  if (fixed)
    {
      const Status *st = p->status;
      gint32 at = st->at[v];
      gint32 rem = st->remaining[v];

      if (sk == ST_DONE)
        {
          /* Done by its check-in: no later than the evening of that day. */
          if (d == 0 && (best > at || (best == at && best_flavor == FLAVOR_START)))
            {
              best = at;
              best_flavor = FLAVOR_END;
              kind = DRIVER_STATUS;
              ref = STATUS_DONE;
            }
          else if (d > 0 && best + d > at)
            {
              /* It ends on the status date; if the plan is shorter than
               * the task before then, it took what there was. */
              best = MAX (at - d, 0);
              d = MAX (at, 1) - best;
              kind = DRIVER_STATUS;
              ref = STATUS_DONE;
            }
        }
      else
        {
          gint32 finish;

          if (best >= at)
            {
              /* Reported under way before its planned start. */
              best = at - 1;
              kind = DRIVER_STATUS;
              ref = STATUS_STARTED;
            }
          if (rem >= 0)
            {
              finish = at + rem;
              kind = DRIVER_STATUS;
              ref = STATUS_REMAINING;
            }
          else
            finish = best + d;
          /* Not done at the status date, though it should have been: one more day. */
          if (finish <= st->s && (rem < 0 || at < st->s))
            {
              finish = st->s + 1;
              kind = DRIVER_STATUS;
              ref = STATUS_LATE;
            }
          d = finish - best;
        }
      if ((gint64) best + d > (gint64) MAX_RUN_DAYS)
        return pass_overflow (plan, v, error);

      /* Work done or under way takes its team's time, wherever it falls. */
      if (d > 0 && plan->team[v] >= 0 && p->usage != NULL && plan->team_levelled[plan->team[v]])
        {
          guint16 *row = usage_row (p->usage, plan->team[v], best + d);

          for (gint32 k = best; k < best + d; k++)
            row[k]++;
        }
    }
  else if ((gint64) best + d > (gint64) MAX_RUN_DAYS)
    return pass_overflow (plan, v, error);

  if (!cal_ensure_index (&plan->cal, (gint64) best + d))
    return pass_overflow (plan, v, error);

  p->es[v] = best;
  p->ef[v] = best + d;
  p->flavor[v] = d == 0 ? best_flavor : FLAVOR_START;
  if (p->lref != NULL)
    p->lref[v] = link;
  if (p->dkind != NULL)
    {
      p->dkind[v] = kind;
      p->dref[v] = ref;
    }
  return TRUE;
}

/* Late dates from links and deadlines (a task's length is its early finish
 * minus its early start: a check-in can make it differ from its duration);
 * with @rhead/@rnext (a levelled plan,
 * walked in its levelling @order), a task a team member waited for must also
 * finish before that member can start: levelling's hidden links count. */
/* The last instant a task may finish at to meet its deadline. A milestone
 * shown on the morning of a day ("Monday 8 am") is on that day, so it must
 * sit one instant earlier than one shown at the end of the day before. */
static inline gint32
deadline_limit (CharterPlan  *plan,
                const int    *dur,
                const guint8 *flavor,
                guint32       v)
{
  return plan->fnlt[v] - (dur[v] == 0 && flavor[v] == FLAVOR_START ? 1 : 0);
}

static gint32
backward_pass (CharterPlan   *plan,
               const int     *dur,
               const guint8  *flavor,
               const gint32  *es,
               const gint32  *ef,
               gint32        *ls,
               gint32        *lf,
               const guint32 *order,
               const gint32  *rhead,
               const gint32  *rnext)
{
  gint32 end = 0;

  if (order == NULL)
    order = plan->topo;
  for (guint i = 0; i < plan->n_tasks; i++)
    end = MAX (end, ef[i]);

  for (guint pos = plan->n_tasks; pos-- > 0;)
    {
      guint32 v = order[pos];
      gint32 late = end;

      if (rhead != NULL)
        for (gint32 w = rhead[v]; w >= 0; w = rnext[w])
          late = MIN (late, ls[w]);

      for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
        {
          guint32 e = plan->succ_edge[j];
          guint32 w = plan->dep_succ[e];
          gint32 lag = plan->dep_lag[e];
          gint32 lim;

          switch (plan->dep_kind[e])
            {
            case CHARTER_DEPENDENCY_START_TO_START:
              lim = ls[w] - lag + (ef[v] - es[v]);
              break;
            case CHARTER_DEPENDENCY_FINISH_TO_FINISH:
              lim = lf[w] - lag;
              break;
            case CHARTER_DEPENDENCY_START_TO_FINISH:
              lim = lf[w] - lag + (ef[v] - es[v]);
              break;
            case CHARTER_DEPENDENCY_FINISH_TO_START:
            default:
              lim = ls[w] - lag;
              break;
            }
          late = MIN (late, lim);
        }
      if (plan->fnlt[v] != NO_VALUE)
        late = MIN (late, deadline_limit (plan, dur, flavor, v));
      lf[v] = late;
      ls[v] = late - (ef[v] - es[v]);
    }

  return end;
}

/* Binary heap of task indices by (total float, index). */
typedef struct
{
  guint32      *items;
  guint         len;
  const gint32 *key;
} Heap;

static inline gboolean
heap_less (const Heap *h,
           guint32     a,
           guint32     b)
{
  return h->key[a] != h->key[b] ? h->key[a] < h->key[b] : a < b;
}

static void
heap_push (Heap    *h,
           guint32  v)
{
  guint i = h->len++;

  h->items[i] = v;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!heap_less (h, h->items[i], h->items[parent]))
        break;
      h->items[i] = h->items[parent];
      h->items[parent] = v;
      i = parent;
    }
}

static guint32
heap_pop (Heap *h)
{
  guint32 top = h->items[0];
  guint i = 0;

  h->items[0] = h->items[--h->len];
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      guint32 tmp;

      if (l < h->len && heap_less (h, h->items[l], h->items[m]))
        m = l;
      if (r < h->len && heap_less (h, h->items[r], h->items[m]))
        m = r;
      if (m == i)
        break;
      tmp = h->items[i];
      h->items[i] = h->items[m];
      h->items[m] = tmp;
      i = m;
    }
  return top;
}

/* Everything after the passes: dates, floats, the critical path, warnings. */
static void finish_schedule (CharterSchedule *self);

static CharterSchedule *
schedule_alloc (CharterPlan *plan)
{
  CharterSchedule *self = g_object_new (CHARTER_TYPE_SCHEDULE, NULL);
  guint n = MAX (plan->n_tasks, 1);

  self->plan = charter_plan_ref (plan);
  self->dur = g_memdup2 (plan->duration, sizeof (int) * n);
  self->es = g_new0 (gint32, n);
  self->ef = g_new0 (gint32, n);
  self->ls = g_new0 (gint32, n);
  self->lf = g_new0 (gint32, n);
  self->flavor = g_new0 (guint8, n);
  self->dkind = g_new0 (guint8, n);
  self->dref = g_new0 (gint32, n);
  self->lref = g_new0 (gint32, n);
  self->dates = g_new0 (CharterTaskDates, n);
  self->driver_text = g_new0 (char *, n);
  return self;
}

typedef struct
{
  gint32  finish;
  guint32 task;
} Finish;

static int
compare_finishes (gconstpointer a,
                  gconstpointer b)
{
  const Finish *x = a, *y = b;

  if (x->finish != y->finish)
    return x->finish < y->finish ? -1 : 1;
  return x->task < y->task ? -1 : x->task > y->task;
}

/* For each task levelling held back, the team task whose finish freed its
 * slot (of those finishing at that instant, the one first in the document):
 * @rpred, and the reverse lists @rhead/@rnext. */
static void
resource_links (CharterPlan  *plan,
                const int    *dur,
                const gint32 *es,
                const gint32 *ef,
                const guint8 *dkind,
                gint32       *rpred,
                gint32       *rhead,
                gint32       *rnext)
{
  g_autofree Finish *finishes = g_new (Finish, MAX (plan->n_tasks, 1));

  for (guint i = 0; i < plan->n_tasks; i++)
    rpred[i] = rhead[i] = rnext[i] = -1;

  for (guint t = 0; t < plan->n_teams; t++)
    {
      guint k = 0;

      if (!plan->team_levelled[t])
        continue;
      for (guint32 j = plan->team_task_off[t]; j < plan->team_task_off[t + 1]; j++)
        {
          guint32 u = plan->team_tasks[j];

          if (dur[u] > 0)
            finishes[k++] = (Finish) { ef[u], u };
        }
      qsort (finishes, k, sizeof (Finish), compare_finishes);

      for (guint32 j = plan->team_task_off[t]; j < plan->team_task_off[t + 1]; j++)
        {
          guint32 v = plan->team_tasks[j];
          guint lo = 0, hi = k;

          if (dkind[v] != DRIVER_CAPACITY)
            continue;
          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;

              if (finishes[mid].finish < es[v])
                lo = mid + 1;
              else
                hi = mid;
            }
          if (lo < k && finishes[lo].finish == es[v] && finishes[lo].task != v)
            {
              guint32 u = finishes[lo].task;

              rpred[v] = u;
              rnext[v] = rhead[u];
              rhead[u] = v;
            }
        }
    }
}

static void
find_resource_links (CharterSchedule *self)
{
  guint n = MAX (self->plan->n_tasks, 1);

  g_free (self->rpred);
  g_free (self->rhead);
  g_free (self->rnext);
  self->rpred = g_new (gint32, n);
  self->rhead = g_new (gint32, n);
  self->rnext = g_new (gint32, n);
  resource_links (self->plan, self->dur, self->es, self->ef, self->dkind,
                  self->rpred, self->rhead, self->rnext);
}

/* With @dirty (incremental), only tasks marked dirty are scheduled again, and
 * a task whose dates moved marks its successors: the forward pass touches
 * only what depends on the change. */
static gboolean
run_passes (CharterSchedule *self,
            guint            from_pos,
            guint8          *dirty,
            GError         **error)
{
  CharterPlan *plan = self->plan;
  Pass pass = { self->dur, self->es, self->ef, self->flavor, self->dkind, self->dref, NULL, self->lref, self->status };

  for (guint pos = from_pos; pos < plan->n_tasks; pos++)
    {
      guint32 v = plan->topo[pos];
      gint32 es, ef;
      guint8 flavor;

      if (dirty == NULL)
        {
          self->n_forward++;
          if (!forward_task (plan, &pass, v, error))
            return FALSE;
          continue;
        }
      if (!dirty[v])
        continue;
      self->n_forward++;
      es = self->es[v];
      ef = self->ef[v];
      flavor = self->flavor[v];
      if (!forward_task (plan, &pass, v, error))
        return FALSE;
      if (es != self->es[v] || ef != self->ef[v] || flavor != self->flavor[v])
        for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
          dirty[plan->dep_succ[plan->succ_edge[j]]] = 1;
    }

  if (plan->levelled)
    {
      /* Serial levelling: take the ready task with the least total float
       * (then the lowest index) and give it the earliest slot its team has. */
      g_autofree gint32 *tf = g_new (gint32, MAX (plan->n_tasks, 1));
      g_autofree guint32 *waiting = g_new (guint32, MAX (plan->n_tasks, 1));
      Heap heap = { g_new (guint32, MAX (plan->n_tasks, 1)), 0, tf };
      Usage usage = { 0 };
      guint k = 0;
      gboolean ok = TRUE;

      backward_pass (plan, self->dur, self->flavor, self->es, self->ef, self->ls, self->lf, NULL, NULL, NULL);
      for (guint i = 0; i < plan->n_tasks; i++)
        {
          tf[i] = self->ls[i] - self->es[i];
          /* Work done or under way has its place already: it goes first. */
          if (self->status != NULL && (self->status->kind[i] == ST_DONE || self->status->kind[i] == ST_STARTED))
            tf[i] = G_MININT32;
          waiting[i] = plan->pred_off[i + 1] - plan->pred_off[i];
          if (waiting[i] == 0)
            heap_push (&heap, i);
        }
      usage_init (&usage, plan);
      pass.usage = &usage;
      g_free (self->order);
      self->order = g_new (guint32, MAX (plan->n_tasks, 1));
      while (heap.len > 0 && ok)
        {
          guint32 v = heap_pop (&heap);

          self->order[k++] = v;
          ok = forward_task (plan, &pass, v, error);
          for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
            {
              guint32 w = plan->dep_succ[plan->succ_edge[j]];

              if (--waiting[w] == 0)
                heap_push (&heap, w);
            }
        }
      usage_clear (&usage, plan);
      g_free (heap.items);
      if (!ok)
        return FALSE;
    }

  if (plan->levelled)
    {
      find_resource_links (self);
      self->end = backward_pass (plan, self->dur, self->flavor, self->es, self->ef, self->ls, self->lf,
                                 self->order, self->rhead, self->rnext);
    }
  else
    self->end = backward_pass (plan, self->dur, self->flavor, self->es, self->ef, self->ls, self->lf, NULL, NULL, NULL);
  finish_schedule (self);
  return TRUE;
}

/**
 * charter_schedule_new_from_plan:
 * @plan: a compiled plan
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Schedules @plan from scratch.
 *
 * Returns: (transfer full) (nullable): the schedule
 */
CharterSchedule *
charter_schedule_new_from_plan (CharterPlan  *plan,
                                GError      **error)
{
  return charter_schedule_new_from_plan_as_of (plan, plan->as_of, error);
}

/**
 * charter_schedule_new_from_plan_as_of:
 * @plan: a compiled plan
 * @check_in: a check-in's position in date order, or -1 for none
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Schedules @plan as of one of its check-ins.
 *
 * Returns: (transfer full) (nullable): the schedule
 */
CharterSchedule *
charter_schedule_new_from_plan_as_of (CharterPlan  *plan,
                                      gint32        check_in,
                                      GError      **error)
{
  g_autoptr(CharterSchedule) self = schedule_alloc (plan);

  self->status = status_new (plan, check_in);
  if (!run_passes (self, 0, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * charter_schedule_new_incremental:
 * @previous: the schedule before the change
 * @changed: indices of the tasks whose duration changed
 * @n_changed: how many
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Reschedules after duration changes, redoing the forward pass only from the
 * first changed task in dependency order (a levelled plan is redone whole,
 * since levelling can move any task of a team).
 *
 * Returns: (transfer full) (nullable): the new schedule
 */
CharterSchedule *
charter_schedule_new_incremental (CharterSchedule *previous,
                                  const guint     *changed,
                                  guint            n_changed,
                                  GError         **error)
{
  CharterPlan *plan = previous->plan;
  g_autoptr(CharterSchedule) self = schedule_alloc (plan);
  guint n = plan->n_tasks;
  guint from = n;

  for (guint i = 0; i < n_changed; i++)
    if (changed[i] < n)
      from = MIN (from, plan->topo_pos[changed[i]]);
  if (plan->levelled)
    from = 0;

  if (previous->status != NULL)
    self->status = g_atomic_rc_box_acquire (previous->status);
  memcpy (self->es, previous->es, sizeof (gint32) * n);
  memcpy (self->ef, previous->ef, sizeof (gint32) * n);
  memcpy (self->flavor, previous->flavor, n);
  memcpy (self->dkind, previous->dkind, n);
  memcpy (self->dref, previous->dref, sizeof (gint32) * n);
  memcpy (self->lref, previous->lref, sizeof (gint32) * n);

  if (plan->levelled)
    {
      if (!run_passes (self, 0, NULL, error))
        return NULL;
    }
  else
    {
      g_autofree guint8 *dirty = g_new0 (guint8, MAX (n, 1));

      for (guint i = 0; i < n_changed; i++)
        if (changed[i] < n)
          dirty[changed[i]] = 1;
      if (!run_passes (self, from, dirty, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

CharterPlan *
charter_schedule_get_plan (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  return self->plan;
}

/* The day a task's instant shows on. */
static inline guint32
shown_start (CharterSchedule *self,
             guint32          v,
             gint32           instant)
{
  Calendar *cal = &self->plan->cal;

  if (self->dur[v] == 0 && self->flavor[v] == FLAVOR_END && instant > 0)
    return cal_day (cal, instant - 1);
  return cal_day (cal, instant);
}

static inline guint32
shown_finish (CharterSchedule *self,
              guint32          v,
              gint32           instant)
{
  Calendar *cal = &self->plan->cal;

  if (self->dur[v] == 0)
    return shown_start (self, v, instant);
  return cal_day (cal, instant - 1);
}

/* Which task of the same team freed the slot @v started in (levelling). */
static gint32
capacity_blocker (CharterSchedule *self,
                  guint32          v)
{
  return self->rpred != NULL ? self->rpred[v] : -1;
}

/* The task that fixed @v's start, if a task did. */
static gint32
driving_task (CharterSchedule *self,
              guint32          v)
{
  switch (self->dkind[v])
    {
    case DRIVER_DEPENDENCY:
      return self->plan->dep_pred[self->dref[v]];
    case DRIVER_CAPACITY:
      return capacity_blocker (self, v);
    case DRIVER_LAUNCH:
      /* The launch moved off a forbidden day: what put it on that day. */
      return self->lref[v] >= 0 ? (gint32) self->plan->dep_pred[self->lref[v]] : -1;
    default:
      return -1;
    }
}

static void
finish_schedule (CharterSchedule *self)
{
  CharterPlan *plan = self->plan;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint32));
  gint32 last = -1;

  for (guint v = 0; v < plan->n_tasks; v++)
    {
      CharterTaskDates *dates = &self->dates[v];
      gint32 free_float = self->end - self->ef[v];

      for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
        {
          guint32 e = plan->succ_edge[j];
          guint32 w = plan->dep_succ[e];
          gint32 lag = plan->dep_lag[e];
          gint32 slack;

          switch (plan->dep_kind[e])
            {
            case CHARTER_DEPENDENCY_START_TO_START:
              slack = self->es[w] - lag - self->es[v];
              break;
            case CHARTER_DEPENDENCY_FINISH_TO_FINISH:
              slack = self->ef[w] - lag - self->ef[v];
              break;
            case CHARTER_DEPENDENCY_START_TO_FINISH:
              slack = self->ef[w] - lag - self->es[v];
              break;
            case CHARTER_DEPENDENCY_FINISH_TO_START:
            default:
              slack = self->es[w] - lag - self->ef[v];
              break;
            }
          free_float = MIN (free_float, slack);
        }

      if (self->rhead != NULL)
        for (gint32 w = self->rhead[v]; w >= 0; w = self->rnext[w])
          free_float = MIN (free_float, self->es[w] - self->ef[v]);

      dates->duration = self->ef[v] - self->es[v];
      dates->early_start = shown_start (self, v, self->es[v]);
      dates->early_finish = shown_finish (self, v, self->ef[v]);
      dates->late_start = shown_start (self, v, MAX (self->ls[v], 0));
      dates->late_finish = shown_finish (self, v, MAX (self->lf[v], self->dur[v] > 0 ? 1 : 0));
      dates->total_float = self->ls[v] - self->es[v];
      dates->free_float = MAX (MIN (free_float, dates->total_float), 0);
      dates->critical = dates->total_float <= 0;
      dates->missed_deadline = plan->fnlt[v] != NO_VALUE && self->ef[v] > deadline_limit (plan, self->dur, self->flavor, v);
      g_clear_pointer (&self->driver_text[v], g_free);
      dates->driver = NULL;

      /* Done is done: no float, and nothing left to move the finish. */
      if (self->status != NULL && self->status->kind[v] == ST_DONE)
        {
          dates->total_float = 0;
          dates->free_float = 0;
          dates->critical = FALSE;
        }
      if (self->dkind[v] == DRIVER_STATUS && self->dref[v] == STATUS_LATE)
        {
          g_autofree char *day = format_day (plan->check_in_julian[self->status->ci[v]]);

          g_ptr_array_add (warnings,
                           g_strdup_printf (_("“%s” is not done at the check-in of %s, though it was planned to finish by then; it is given one more working day: say how many days remain."),
                                            plan->task_names[v], day));
        }

      if (dates->missed_deadline)
        {
          g_autofree char *finish = format_day (dates->early_finish);
          g_autofree char *deadline = format_day (plan->fnlt_julian[v]);

          g_ptr_array_add (warnings,
                           g_strdup_printf (_("“%s” finishes on %s, after its deadline (finish no later than %s)."),
                                            plan->task_names[v], finish, deadline));
        }

      /* The task that finishes last: by the day it shows, then by instant. */
      if (last < 0 || dates->early_finish > self->dates[last].early_finish ||
          (dates->early_finish == self->dates[last].early_finish && self->ef[v] > self->ef[last]))
        last = v;
    }

  /* The critical path: from the task that finishes last, back along what drove each start. */
  if (last >= 0)
    {
      gint32 v = last;

      for (guint guard = 0; v >= 0 && guard < plan->n_tasks; guard++)
        {
          g_array_append_val (chain, v);
          v = driving_task (self, v);
        }
    }
  g_clear_pointer (&self->critical_path, g_strfreev);
  self->critical_path = g_new0 (char *, chain->len + 1);
  for (guint i = 0; i < chain->len; i++)
    self->critical_path[i] = g_strdup (plan->task_ids[g_array_index (chain, guint32, chain->len - 1 - i)]);

  for (guint i = 0; i < plan->warnings->len; i++)
    g_ptr_array_insert (warnings, i, g_strdup (g_ptr_array_index (plan->warnings, i)));
  g_ptr_array_add (warnings, NULL);
  g_clear_pointer (&self->warnings, g_strfreev);
  self->warnings = (char **) g_ptr_array_free (g_steal_pointer (&warnings), FALSE);
}

/* Drivers ----------------------------------------------------------------- */

static char *
dependency_sentence (CharterSchedule *self,
                     guint32          e)
{
  CharterPlan *plan = self->plan;
  const char *name = plan->task_names[plan->dep_pred[e]];
  int lag = plan->dep_lag[e];

  switch (plan->dep_kind[e])
    {
    case CHARTER_DEPENDENCY_START_TO_START:
      if (lag == 0)
        return g_strdup_printf (_("starts with “%s”"), name);
      if (lag > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day after “%s” starts",
                                             "%d working days after “%s” starts", lag), lag, name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day before “%s” starts",
                                           "%d working days before “%s” starts", -lag), -lag, name);
    case CHARTER_DEPENDENCY_FINISH_TO_FINISH:
      if (lag == 0)
        return g_strdup_printf (_("finishes with “%s”"), name);
      if (lag > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "finishes %d working day after “%s” finishes",
                                             "finishes %d working days after “%s” finishes", lag), lag, name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "finishes %d working day before “%s” finishes",
                                           "finishes %d working days before “%s” finishes", -lag), -lag, name);
    case CHARTER_DEPENDENCY_START_TO_FINISH:
      if (lag == 0)
        return g_strdup_printf (_("finishes when “%s” starts"), name);
      if (lag > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "finishes %d working day after “%s” starts",
                                             "finishes %d working days after “%s” starts", lag), lag, name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "finishes %d working day before “%s” starts",
                                           "finishes %d working days before “%s” starts", -lag), -lag, name);
    case CHARTER_DEPENDENCY_FINISH_TO_START:
    default:
      if (lag == 0)
        return g_strdup_printf (_("after “%s”"), name);
      if (lag > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day after “%s” finishes",
                                             "%d working days after “%s” finishes", lag), lag, name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overlaps the last %d working day of “%s”",
                                           "overlaps the last %d working days of “%s”", -lag), -lag, name);
    }
}

static char *
driver_sentence (CharterSchedule *self,
                 guint32          v)
{
  CharterPlan *plan = self->plan;

  switch (self->dkind[v])
    {
    case DRIVER_SNET:
      {
        g_autofree char *day = format_day (plan->snet_julian[v]);
        return g_strdup_printf (_("start no earlier than %s"), day);
      }
    case DRIVER_DEPENDENCY:
      return dependency_sentence (self, self->dref[v]);
    case DRIVER_COMMITMENT:
      {
        const Block *block = &plan->blocks[self->dref[v]];
        g_autofree char *day = format_day (block->finish_julian);
        const char *team = plan->team_names[plan->team[v]];

        if (block->reason != NULL)
          return g_strdup_printf (_("%s is busy until %s (%s)"), team, day, block->reason);
        return g_strdup_printf (_("%s is busy until %s"), team, day);
      }
    case DRIVER_CAPACITY:
      {
        gint32 u = capacity_blocker (self, v);
        const char *team = plan->team_names[plan->team[v]];
        int capacity = plan->capacity[plan->team[v]];

        if (u >= 0)
          {
            g_autofree char *day = format_day (self->dates[u].early_finish);

            if (capacity == 1)
              return g_strdup_printf (_("%s works on one task at a time and is on “%s” until %s"),
                                      team, plan->task_names[u], day);
            return g_strdup_printf (_("%s works on %d tasks at a time and all are taken (“%s” frees one on %s)"),
                                    team, capacity, plan->task_names[u], day);
          }
        return g_strdup_printf (_("%s has no one free earlier"), team);
      }
    case DRIVER_LAUNCH:
      {
        g_autofree char *day = format_day (self->dates[v].early_start);
        return g_strdup_printf (_("launches never fall on a %s; moved to %s"),
                                weekday_name (weekday_of ((guint32) self->dref[v])), day);
      }
    case DRIVER_STATUS:
      {
        g_autofree char *day = format_day (plan->check_in_julian[self->status->ci[v]]);
        int left = self->ef[v] - self->status->at[v];

        switch (self->dref[v])
          {
          case STATUS_DONE:
            return g_strdup_printf (_("done at the check-in of %s"), day);
          case STATUS_REMAINING:
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%d working day remaining at the check-in of %s",
                                                 "%d working days remaining at the check-in of %s", left),
                                    left, day);
          case STATUS_STARTED:
            return g_strdup_printf (_("under way at the check-in of %s"), day);
          case STATUS_LATE:
            return g_strdup_printf (_("not done at the check-in of %s; one more working day assumed"), day);
          case STATUS_NOT_STARTED:
          default:
            return g_strdup_printf (_("not started at the check-in of %s"), day);
          }
      }
    case DRIVER_START:
    default:
      {
        g_autofree char *day = format_day (cal_day (&plan->cal, 0));
        return g_strdup_printf (_("starts when the project starts (%s)"), day);
      }
    }
}

static const CharterTaskDates *
dates_at (CharterSchedule *self,
          guint            v)
{
  if (self->driver_text[v] == NULL)
    {
      self->driver_text[v] = driver_sentence (self, v);
      self->dates[v].driver = self->driver_text[v];
    }
  return &self->dates[v];
}

/* GObject ----------------------------------------------------------------- */

static void
charter_schedule_finalize (GObject *object)
{
  CharterSchedule *self = (CharterSchedule *) object;

  if (self->driver_text != NULL)
    for (guint i = 0; i < self->plan->n_tasks; i++)
      g_free (self->driver_text[i]);
  g_free (self->driver_text);
  g_free (self->dur);
  g_free (self->es);
  g_free (self->ef);
  g_free (self->ls);
  g_free (self->lf);
  g_free (self->flavor);
  g_free (self->dkind);
  g_free (self->dref);
  g_free (self->lref);
  g_free (self->rpred);
  g_free (self->rhead);
  g_free (self->rnext);
  g_free (self->order);
  g_free (self->dates);
  g_strfreev (self->critical_path);
  g_strfreev (self->warnings);
  g_clear_pointer (&self->status, status_unref);
  g_clear_pointer (&self->plan, charter_plan_unref);

  G_OBJECT_CLASS (charter_schedule_parent_class)->finalize (object);
}

static void
charter_schedule_class_init (CharterScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = charter_schedule_finalize;
}

static void
charter_schedule_init (CharterSchedule *self)
{
}

/* Public API -------------------------------------------------------------- */

/**
 * charter_schedule_compute:
 * @document: the document to schedule
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Schedules @document's plan: working calendar, all four dependency types
 * with lags, constraints, team commitments and capacity, launch rules.
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with @error set
 */
CharterSchedule *
charter_schedule_compute (CharterDocument  *document,
                          GError          **error)
{
  g_autoptr(CharterPlan) plan = NULL;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  plan = charter_plan_compile (document, error);
  if (plan == NULL)
    return NULL;
  return charter_schedule_new_from_plan (plan, error);
}

static gint32
task_index (CharterSchedule *self,
            const char      *task_id)
{
  gpointer found;

  if (task_id == NULL)
    return -1;
  found = g_hash_table_lookup (self->plan->task_index, task_id);
  return found != NULL ? (gint32) GPOINTER_TO_UINT (found) - 1 : -1;
}

void
charter_schedule_get_instants (CharterSchedule *self,
                               guint            index,
                               gint32          *early_start,
                               gint32          *early_finish,
                               gint32          *late_start,
                               gint32          *late_finish)
{
  g_return_if_fail (CHARTER_IS_SCHEDULE (self));
  g_return_if_fail (index < self->plan->n_tasks);

  *early_start = self->es[index];
  *early_finish = self->ef[index];
  *late_start = self->ls[index];
  *late_finish = self->lf[index];
}

guint
charter_schedule_get_n_rescheduled (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return self->n_forward;
}

gint32
charter_schedule_get_resource_predecessor (CharterSchedule *self,
                                           guint            index)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), -1);
  g_return_val_if_fail (index < self->plan->n_tasks, -1);
  return capacity_blocker (self, index);
}

gint32
charter_schedule_get_task_index (CharterSchedule *self,
                                 const char      *task_id)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), -1);
  return task_index (self, task_id);
}

/**
 * charter_schedule_get_task_dates:
 * @self: a schedule
 * @task_id: a task's id
 *
 * Returns: (nullable): the dates of the task, or %NULL if it is not in the plan
 */
const CharterTaskDates *
charter_schedule_get_task_dates (CharterSchedule *self,
                                 const char      *task_id)
{
  gint32 v;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);

  v = task_index (self, task_id);
  return v >= 0 ? dates_at (self, v) : NULL;
}

/**
 * charter_schedule_get_task_dates_at:
 * @self: a schedule
 * @index: a task's position in the document's task list
 *
 * Returns: the dates of the task
 */
const CharterTaskDates *
charter_schedule_get_task_dates_at (CharterSchedule *self,
                                    guint            index)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->plan->n_tasks, NULL);
  return dates_at (self, index);
}

/**
 * charter_schedule_peek_task_dates_at:
 * @self: a schedule
 * @index: a task's position in the document's task list
 *
 * The dates of the task as charter_schedule_get_task_dates_at() gives them,
 * without writing the sentence that says why the task starts then: its
 * `driver` is %NULL unless that sentence was asked for before. For views
 * that place every task but describe only the few on screen (the
 * Timeline), so that a new schedule does not cost a sentence per task.
 *
 * Returns: the dates of the task
 */
const CharterTaskDates *
charter_schedule_peek_task_dates_at (CharterSchedule *self,
                                     guint            index)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->plan->n_tasks, NULL);
  return &self->dates[index];
}

/**
 * charter_schedule_get_n_tasks:
 * @self: a schedule
 *
 * Returns: how many tasks the plan has
 */
guint
charter_schedule_get_n_tasks (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return self->plan->n_tasks;
}

/**
 * charter_schedule_get_task_id:
 * @self: a schedule
 * @index: a task's position in the document's task list
 *
 * Returns: the task's id
 */
const char *
charter_schedule_get_task_id (CharterSchedule *self,
                              guint            index)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->plan->n_tasks, NULL);
  return self->plan->task_ids[index];
}

/**
 * charter_schedule_get_task_name:
 * @self: a schedule
 * @index: a task's position in the document's task list
 *
 * Returns: the task's name as it was when the schedule was computed
 */
const char *
charter_schedule_get_task_name (CharterSchedule *self,
                                guint            index)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->plan->n_tasks, NULL);
  return self->plan->task_names[index];
}

/**
 * charter_schedule_lookup_task:
 * @self: a schedule
 * @id_or_name: a task's id, or its name (case-insensitive)
 *
 * Returns: (nullable): the task's id
 */
const char *
charter_schedule_lookup_task (CharterSchedule *self,
                              const char      *id_or_name)
{
  gint32 v;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);

  if (id_or_name == NULL)
    return NULL;
  v = task_index (self, id_or_name);
  if (v >= 0)
    return self->plan->task_ids[v];

  folded = g_utf8_casefold (id_or_name, -1);
  for (guint i = 0; i < self->plan->n_tasks; i++)
    {
      g_autofree char *name = g_utf8_casefold (self->plan->task_names[i], -1);

      if (g_strcmp0 (name, folded) == 0)
        return self->plan->task_ids[i];
    }
  return NULL;
}

/**
 * charter_schedule_get_start:
 * @self: a schedule
 *
 * Returns: the project's first working day (julian)
 */
guint32
charter_schedule_get_start (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return cal_day (&self->plan->cal, 0);
}

/**
 * charter_schedule_get_finish:
 * @self: a schedule
 *
 * Returns: the day the last task finishes (julian); the start if there are no tasks
 */
guint32
charter_schedule_get_finish (CharterSchedule *self)
{
  guint32 finish;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);

  finish = cal_day (&self->plan->cal, 0);
  for (guint i = 0; i < self->plan->n_tasks; i++)
    finish = MAX (finish, self->dates[i].early_finish);
  return finish;
}

/**
 * charter_schedule_get_working_days:
 * @self: a schedule
 *
 * Returns: working days from the project start to the end of the last task
 */
int
charter_schedule_get_working_days (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return self->end;
}

/**
 * charter_schedule_get_critical_path:
 * @self: a schedule
 *
 * The chain of tasks that fixes the finish date, first to last: from the
 * task that finishes last, back through whatever drove each start (a
 * predecessor, or the team task it waited for).
 *
 * Returns: (transfer none) (array zero-terminated=1): task ids
 */
const char * const *
charter_schedule_get_critical_path (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  return (const char * const *) self->critical_path;
}

/**
 * charter_schedule_get_warnings:
 * @self: a schedule
 *
 * Returns: (transfer none) (array zero-terminated=1): sentences about what
 *   the schedule could not honour (missed deadlines, missing references)
 */
const char * const *
charter_schedule_get_warnings (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  return (const char * const *) self->warnings;
}

/**
 * charter_schedule_get_buffer_days:
 * @self: a schedule
 *
 * The project buffer: the sum over risks of contingency days times the
 * likelihood (low 25 %, medium 50 %, high 75 %), rounded up.
 *
 * Returns: working days
 */
int
charter_schedule_get_buffer_days (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return self->plan->buffer_days;
}

/**
 * charter_schedule_is_working_day:
 * @self: a schedule
 * @julian_day: a day
 *
 * Returns: whether the calendar works on that day
 */
gboolean
charter_schedule_is_working_day (CharterSchedule *self,
                                 guint32          julian_day)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), FALSE);
  if (julian_day == 0)
    return FALSE;
  return cal_is_working (&self->plan->cal, julian_day);
}

/**
 * charter_schedule_is_team_busy:
 * @self: a schedule
 * @team_id: a team's id
 * @julian_day: a day
 *
 * Returns: whether the team is committed elsewhere on that day
 */
gboolean
charter_schedule_is_team_busy (CharterSchedule *self,
                               const char      *team_id,
                               guint32          julian_day)
{
  CharterPlan *plan;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), FALSE);

  plan = self->plan;
  for (guint t = 0; t < plan->n_teams; t++)
    {
      if (g_strcmp0 (plan->team_ids[t], team_id) != 0)
        continue;
      for (guint32 b = plan->block_off[t]; b < plan->block_off[t + 1]; b++)
        if (plan->blocks[b].start_julian <= julian_day && julian_day <= plan->blocks[b].finish_julian)
          return TRUE;
      return FALSE;
    }
  return FALSE;
}

/**
 * charter_schedule_add_working_days:
 * @self: a schedule
 * @julian_day: a day
 * @working_days: how many working days to move; negative moves back
 *
 * Returns: the @working_days-th working day after @julian_day (before it if
 *   negative); @julian_day itself for 0
 */
guint32
charter_schedule_add_working_days (CharterSchedule *self,
                                   guint32          julian_day,
                                   int              working_days)
{
  Calendar *cal;
  gint64 k;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), julian_day);

  cal = &self->plan->cal;
  if (working_days == 0 || julian_day == 0)
    return julian_day;

  if (julian_day >= cal->base && julian_day <= cal->limit)
    {
      k = cal_index_on_or_after (cal, julian_day);
      if (working_days > 0 && !cal_is_working (cal, julian_day))
        k--;
      k += working_days;
      if (k >= 0 && cal_ensure_index (cal, k))
        return cal->wd[k];
    }

  /* Outside the indexed range: step day by day (bounded). */
  {
    int step = working_days > 0 ? 1 : -1;
    int left = ABS (working_days);
    guint32 day = julian_day;

    for (guint64 guard = 0; left > 0 && guard < (guint64) ABS (working_days) * 7 + 3660; guard++)
      {
        if ((step < 0 && day <= 1) || (step > 0 && day >= G_MAXUINT32 - 1))
          break;
        day += step;
        if (cal_is_working (cal, day))
          left--;
      }
    return day;
  }
}

/**
 * charter_schedule_count_working_days:
 * @self: a schedule
 * @from_day: first day
 * @to_day: last day
 *
 * Returns: the working days from @from_day to @to_day, both included; 0 when
 *   @to_day is before @from_day
 */
int
charter_schedule_count_working_days (CharterSchedule *self,
                                     guint32          from_day,
                                     guint32          to_day)
{
  Calendar *cal;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);

  cal = &self->plan->cal;
  if (to_day < from_day || from_day == 0)
    return 0;
  if (from_day >= cal->base && to_day <= cal->limit)
    return cal_instant_after (cal, to_day) - cal_index_on_or_after (cal, from_day);

  {
    int count = 0;

    for (guint32 day = from_day; day <= to_day && day - from_day < 400000; day++)
      count += cal_is_working (cal, day);
    return count;
  }
}

/* Explanations ------------------------------------------------------------ */

static int
days_per_week (guint8 mask)
{
  int per_week = 0;

  for (guint i = 0; i < 7; i++)
    per_week += (mask >> i) & 1;
  return per_week;
}

/* "3 weeks" when @working_days is whole weeks (and @other, if given, too, so
 * that two spans compared in one sentence use one unit), else "17 working days". */
static char *
span_text2 (int    working_days,
            int    other,
            guint8 mask)
{
  int per_week = days_per_week (mask);

  if (per_week > 0 && working_days >= per_week && working_days % per_week == 0 &&
      (other < 0 || other % per_week == 0))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", working_days / per_week),
                            working_days / per_week);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", working_days),
                          working_days);
}

static char *
span_text (int    working_days,
           guint8 mask)
{
  return span_text2 (working_days, -1, mask);
}

/**
 * charter_schedule_explain:
 * @self: a schedule
 *
 * Explains the schedule as a program manager would: how long and why, the
 * critical path as a chain, where it overlaps or waits, the team commitments
 * that bind, and which tasks move the finish if they slip a day.
 *
 * Returns: (transfer full): text, one paragraph per line
 */
static void explain_check_in (CharterSchedule *self,
                              GString         *out);

char *
charter_schedule_explain (CharterSchedule *self)
{
  CharterPlan *plan;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;
  g_autofree char *span = NULL;
  guint n_chain;
  int sum = 0;
  gboolean any;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);

  plan = self->plan;
  if (plan->n_tasks == 0)
    return g_strdup (_("The plan has no tasks yet.\n"));

  start = format_day (charter_schedule_get_start (self));
  finish = format_day (charter_schedule_get_finish (self));
  span = span_text (self->end, plan->cal.mask);
  if (self->end % MAX (days_per_week (plan->cal.mask), 1) == 0 && self->end > 0)
    g_string_append_printf (out, _("The plan runs from %s to %s: %s (%d working days).\n"),
                            start, finish, span, self->end);
  else
    g_string_append_printf (out, _("The plan runs from %s to %s: %s.\n"), start, finish, span);
  explain_check_in (self, out);

  n_chain = g_strv_length (self->critical_path);
  g_string_append (out, _("Critical path: "));
  for (guint i = 0; i < n_chain; i++)
    {
      gint32 v = task_index (self, self->critical_path[i]);
      int len = self->ef[v] - self->es[v];

      sum += len;
      g_string_append_printf (out, "%s%s (", i > 0 ? " → " : "", plan->task_names[v]);
      if (self->dur[v] == 0)
        g_string_append (out, _("milestone"));
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", len), len);
      g_string_append_c (out, ')');
    }
  g_string_append (out, "\n");

  {
    g_autofree char *long_span = span_text2 (self->end, sum, plan->cal.mask);
    g_autofree char *sum_text = span_text2 (sum, self->end, plan->cal.mask);
    gint32 first = n_chain > 0 ? task_index (self, self->critical_path[0]) : -1;
    g_autoptr(GString) why = g_string_new (NULL);

    if (first >= 0 && self->es[first] > 0)
      {
        g_autofree char *by = span_text (self->es[first], plan->cal.mask);
        g_autofree char *reason = driver_sentence (self, first);

        if (self->dkind[first] == DRIVER_STATUS)
          g_string_append_printf (why, _("; “%s” starts %s into the plan, and a check-in sets its dates: %s"),
                                  plan->task_names[first], by, reason);
        else
          g_string_append_printf (why, _("; “%s” cannot start until %s into the plan: %s"),
                                  plan->task_names[first], by, reason);
      }
    for (guint i = 1; i < n_chain; i++)
      {
        gint32 u = task_index (self, self->critical_path[i - 1]);
        gint32 v = task_index (self, self->critical_path[i]);
        gint32 gap = self->es[v] - self->ef[u];
        g_autofree char *by = span_text (ABS (gap), plan->cal.mask);

        if (gap < 0)
          g_string_append_printf (why, _("; “%s” overlaps “%s” by %s"),
                                  plan->task_names[v], plan->task_names[u], by);
        else if (gap > 0 && self->dkind[v] == DRIVER_DEPENDENCY)
          g_string_append_printf (why, _("; “%s” starts %s after “%s” ends (a lag)"),
                                  plan->task_names[v], by, plan->task_names[u]);
        else if (gap > 0)
          {
            g_autofree char *reason = driver_sentence (self, v);
            g_string_append_printf (why, _("; “%s” waits %s after “%s”: %s"),
                                    plan->task_names[v], by, plan->task_names[u], reason);
          }
      }

    if (sum != self->end)
      g_string_append_printf (out, _("%s, not %s (the durations on the critical path added up)%s.\n"),
                              long_span, sum_text, why->str);
    else if (why->len > 0)
      g_string_append_printf (out, _("%s, the durations on the critical path added up%s.\n"),
                              long_span, why->str);
    else
      g_string_append_printf (out, _("%s: the durations on the critical path added up, one after the other.\n"),
                              long_span);
  }

  /* Binding team commitments (named up to a screenful). */
  any = FALSE;
  {
    guint named = 0, more = 0;

    for (guint v = 0; v < plan->n_tasks; v++)
      if (self->dkind[v] == DRIVER_COMMITMENT)
        {
          g_autofree char *reason = NULL;

          if (named == 10)
            {
              more++;
              continue;
            }
          reason = driver_sentence (self, v);
          g_string_append (out, any ? "; " : _("Team commitments that hold tasks back: "));
          g_string_append_printf (out, _("“%s” waits because %s"), plan->task_names[v], reason);
          any = TRUE;
          named++;
        }
    if (more > 0)
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "; and %u more task", "; and %u more tasks", more), more);
  }
  if (any)
    g_string_append (out, ".\n");

  for (guint v = 0; v < plan->n_tasks; v++)
    if (self->dkind[v] == DRIVER_LAUNCH)
      {
        g_autofree char *reason = driver_sentence (self, v);
        g_string_append_printf (out, _("Launch “%s”: %s.\n"), plan->task_names[v], reason);
      }

  /* What moves the finish (named up to a screenful). */
  any = FALSE;
  {
    guint named = 0, more = 0;

    for (guint v = 0; v < plan->n_tasks; v++)
      if (self->ls[v] - self->es[v] <= 0 && self->dur[v] > 0 && !charter_schedule_is_done (self, v))
        {
          if (named == 25)
            {
              more++;
              continue;
            }
          g_string_append (out, any ? ", " : _("A day’s slip in any of these moves the finish: "));
          g_string_append_printf (out, "“%s”", plan->task_names[v]);
          any = TRUE;
          named++;
        }
    if (more > 0)
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %u more task", " and %u more tasks", more), more);
  }
  if (any)
    g_string_append (out, ".\n");
  else
    g_string_append (out, _("No single task moves the finish if it slips a day.\n"));

  if (plan->buffer_days > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Project buffer for risks: %d working day.\n",
                                              "Project buffer for risks: %d working days.\n",
                                              plan->buffer_days),
                            plan->buffer_days);

  for (guint i = 0; self->warnings[i] != NULL; i++)
    g_string_append_printf (out, _("Warning: %s\n"), self->warnings[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * charter_schedule_explain_task:
 * @self: a schedule
 * @task_id: a task's id
 *
 * Explains one task: its dates, what fixed its start, its float, and what it
 * drives.
 *
 * Returns: (transfer full) (nullable): text, or %NULL if the task is not in the plan
 */
char *
charter_schedule_explain_task (CharterSchedule *self,
                               const char      *task_id)
{
  CharterPlan *plan;
  const CharterTaskDates *dates;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *es = NULL, *ef = NULL, *ls = NULL, *lf = NULL;
  gint32 v;
  gboolean any = FALSE;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);

  v = task_index (self, task_id);
  if (v < 0)
    return NULL;
  plan = self->plan;
  dates = dates_at (self, v);
  es = format_day (dates->early_start);
  ef = format_day (dates->early_finish);
  ls = format_day (dates->late_start);
  lf = format_day (dates->late_finish);

  if (dates->duration == 0)
    g_string_append_printf (out, _("“%s” is a milestone on %s.\n"), plan->task_names[v], es);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” takes %d working day: %s to %s.\n",
                                              "“%s” takes %d working days: %s to %s.\n",
                                              dates->duration),
                            plan->task_names[v], dates->duration, es, ef);
  if (plan->team[v] >= 0)
    g_string_append_printf (out, _("Team: %s.\n"), plan->team_names[plan->team[v]]);
  g_string_append_printf (out, _("Why it starts then: %s.\n"), dates->driver);
  if (dates->critical)
    g_string_append (out, _("It is critical: a day’s slip moves the finish.\n"));
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "It can slip %d working day without moving the finish (latest start %s, latest finish %s).\n",
                                              "It can slip %d working days without moving the finish (latest start %s, latest finish %s).\n",
                                              dates->total_float),
                            dates->total_float, ls, lf);
  if (dates->free_float > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "It can slip %d working day without moving any task after it.\n",
                                              "It can slip %d working days without moving any task after it.\n",
                                              dates->free_float),
                            dates->free_float);
  if (dates->missed_deadline)
    {
      g_autofree char *deadline = format_day (plan->fnlt_julian[v]);
      g_string_append_printf (out, _("It misses its deadline: finish no later than %s.\n"), deadline);
    }

  for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
    {
      guint32 w = plan->dep_succ[plan->succ_edge[j]];

      g_string_append (out, any ? ", " : _("It drives: "));
      g_string_append_printf (out, "“%s”%s", plan->task_names[w],
                              self->dkind[w] == DRIVER_DEPENDENCY && plan->dep_pred[self->dref[w]] == (guint32) v
                              ? _(" (fixes its start)") : "");
      any = TRUE;
    }
  g_string_append (out, any ? ".\n" : _("No task depends on it.\n"));

  any = FALSE;
  if (self->rhead != NULL)
    for (gint32 w = self->rhead[v]; w >= 0; w = self->rnext[w])
      {
        g_string_append (out, any ? ", " : _("Its team waits for it to finish before starting: "));
        g_string_append_printf (out, "“%s”", plan->task_names[w]);
        any = TRUE;
      }
  if (any)
    g_string_append (out, ".\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reforecasting ----------------------------------------------------------- */

/**
 * charter_schedule_compute_as_of:
 * @document: the document to schedule
 * @as_of: (nullable): %NULL to follow the latest check-in, "none" to ignore
 *   the check-ins, or a date (YYYY-MM-DD): follow the latest check-in on or
 *   before it
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * charter_schedule_compute() as of a check-in: its date is the status date,
 * and what it (and the check-ins before it) say about each task moves the
 * dates (docs/scheduling.md, "Reforecasting").
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with @error set
 */
CharterSchedule *
charter_schedule_compute_as_of (CharterDocument  *document,
                                const char       *as_of,
                                GError          **error)
{
  g_autoptr(CharterPlan) plan = NULL;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);

  plan = charter_plan_compile_as_of (document, as_of, error);
  if (plan == NULL)
    return NULL;
  return charter_schedule_new_from_plan (plan, error);
}

/**
 * charter_schedule_reforecast:
 * @self: a schedule
 * @check_in: a check-in's position in date order
 *   (charter_schedule_get_n_check_ins()), or -1 for none
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * The same plan scheduled as of another check-in (the milestone trend, the
 * explanation of what moved since the check-in before).
 *
 * Returns: (transfer full) (nullable): the schedule
 */
CharterSchedule *
charter_schedule_reforecast (CharterSchedule  *self,
                             int               check_in,
                             GError          **error)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (check_in >= -1 && check_in < (int) self->plan->n_check_ins, NULL);

  return charter_schedule_new_from_plan_as_of (self->plan, check_in, error);
}

/**
 * charter_schedule_get_n_check_ins:
 * @self: a schedule
 *
 * Returns: how many check-ins (with a valid date) the plan has
 */
guint
charter_schedule_get_n_check_ins (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return self->plan->n_check_ins;
}

/**
 * charter_schedule_get_check_in_date:
 * @self: a schedule
 * @check_in: a check-in's position in date order
 *
 * Returns: the check-in's date (julian)
 */
guint32
charter_schedule_get_check_in_date (CharterSchedule *self,
                                    guint            check_in)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  g_return_val_if_fail (check_in < self->plan->n_check_ins, 0);
  return self->plan->check_in_julian[check_in];
}

/**
 * charter_schedule_get_check_in_id:
 * @self: a schedule
 * @check_in: a check-in's position in date order
 *
 * Returns: the check-in's id
 */
const char *
charter_schedule_get_check_in_id (CharterSchedule *self,
                                  guint            check_in)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (check_in < self->plan->n_check_ins, NULL);
  return self->plan->check_in_ids[check_in];
}

/**
 * charter_schedule_get_check_in:
 * @self: a schedule
 *
 * Returns: the position (in date order) of the check-in @self follows, or -1
 */
int
charter_schedule_get_check_in (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), -1);
  return self->status != NULL ? self->status->check_in : -1;
}

/**
 * charter_schedule_get_status_date:
 * @self: a schedule
 *
 * Returns: the status date (julian): the date of the check-in @self
 *   follows; 0 when it follows none
 */
guint32
charter_schedule_get_status_date (CharterSchedule *self)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);
  return self->status != NULL ? self->status->julian : 0;
}

/**
 * charter_schedule_get_remaining_days:
 * @self: a schedule
 * @index: a task's position in the document's task list
 *
 * Returns: for a task whose latest status gives remaining working days, the
 *   working days it has left after the status date in this schedule; -1
 *   when no check-in gives it one
 */
int
charter_schedule_get_remaining_days (CharterSchedule *self,
                                     guint            index)
{
  const Status *st;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), -1);
  g_return_val_if_fail (index < self->plan->n_tasks, -1);

  st = self->status;
  if (st == NULL || st->remaining[index] < 0 || st->kind[index] == ST_DONE)
    return -1;
  return MAX (self->ef[index] - MAX (self->es[index], st->s), 0);
}

/**
 * charter_schedule_is_done:
 * @self: a schedule
 * @index: a task's position in the document's task list
 *
 * Returns: whether a check-in up to the status date reports the task done
 */
gboolean
charter_schedule_is_done (CharterSchedule *self,
                          guint            index)
{
  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), FALSE);
  g_return_val_if_fail (index < self->plan->n_tasks, FALSE);
  return self->status != NULL && self->status->kind[index] == ST_DONE;
}

/**
 * charter_schedule_get_launch:
 * @self: a schedule
 *
 * The task the room calls "the launch": the first milestone marked
 * `launch`, else the task that finishes last.
 *
 * Returns: its position in the document's task list, or -1 without tasks
 */
int
charter_schedule_get_launch (CharterSchedule *self)
{
  CharterPlan *plan;
  gint32 last = -1;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), -1);

  plan = self->plan;
  for (guint v = 0; v < plan->n_tasks; v++)
    if (plan->launch[v])
      return v;
  for (guint v = 0; v < plan->n_tasks; v++)
    if (last < 0 || self->dates[v].early_finish > self->dates[last].early_finish ||
        (self->dates[v].early_finish == self->dates[last].early_finish && self->ef[v] > self->ef[last]))
      last = v;
  return last;
}

/**
 * charter_schedule_get_slip_days:
 * @self: a schedule
 * @from_day: a day (julian), as in a baseline
 * @to_day: another day (julian), as in the forecast
 *
 * How many working days later @to_day is than @from_day: the working days
 * after @from_day up to and including @to_day; negative when it is earlier.
 * Between two working days it is the difference of their positions in the
 * working calendar.
 *
 * Returns: working days
 */
int
charter_schedule_get_slip_days (CharterSchedule *self,
                                guint32          from_day,
                                guint32          to_day)
{
  Calendar *cal;
  gint32 a, b;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), 0);

  cal = &self->plan->cal;
  a = cal_instant_after (cal, MIN (from_day, cal->limit));
  b = cal_instant_after (cal, MIN (to_day, cal->limit));
  return b - a;
}

/**
 * charter_schedule_explain_check_in:
 * @self: a schedule
 *
 * What moved since the check-in before the one @self follows, and why: the
 * launch's move in working days, then the statuses of this check-in that
 * differ from what was planned ("“X” has 9 working days remaining, 5 more
 * than planned"), those on the critical path first.
 *
 * Returns: (transfer full) (nullable): one line, or %NULL without a check-in
 */
char *
charter_schedule_explain_check_in (CharterSchedule *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);

  explain_check_in (self, out);
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "The launch moves 4 working days later since the check-in of …: “X” has
 * 9 working days remaining, 5 more than planned." Against the schedule as
 * of the check-in before (or without check-ins, for the first one). */
static void
explain_check_in (CharterSchedule *self,
                  GString         *out)
{
  CharterPlan *plan = self->plan;
  const Status *st = self->status;
  g_autoptr(CharterSchedule) before = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  g_autofree char *day = NULL;
  gint32 launch, moved;
  guint named = 0, more = 0;

  if (st == NULL)
    return;
  before = charter_schedule_new_from_plan_as_of (plan, st->check_in - 1, NULL);
  if (before == NULL)
    return;

  day = format_day (st->julian);
  launch = charter_schedule_get_launch (self);
  if (launch < 0)
    return;

  /* The reasons: this check-in's statuses that differ from what was planned. */
  for (int pass = 0; pass < 2; pass++)
    for (guint v = 0; v < plan->n_tasks; v++)
      {
        gboolean on_path = self->dates[v].critical || v == (guint) launch;
        g_autofree char *reason = NULL;

        if (st->ci[v] != st->check_in || on_path != (pass == 0))
          continue;
        if (st->kind[v] == ST_DONE && before->ef[v] > st->s && self->dur[v] > 0)
          {
            /* It was to take this many working days after the status date. */
            int early = before->ef[v] - MAX (before->es[v], st->s);

            reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "“%s” is done, %d working day earlier than planned",
                                                   "“%s” is done, %d working days earlier than planned", early),
                                      plan->task_names[v], early);
          }
        else if (st->kind[v] != ST_DONE && st->remaining[v] >= 0 && self->dur[v] > 0)
          {
            int left = self->ef[v] - MAX (self->es[v], st->s);
            int planned = MAX (before->ef[v] - MAX (before->es[v], st->s), 0);
            int diff = left - planned;

            if (diff > 0)
              reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "“%s” has %d working day remaining, %d more than planned",
                                                     "“%s” has %d working days remaining, %d more than planned", left),
                                        plan->task_names[v], left, diff);
            else if (diff < 0)
              reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "“%s” has %d working day remaining, %d fewer than planned",
                                                     "“%s” has %d working days remaining, %d fewer than planned", left),
                                        plan->task_names[v], left, -diff);
          }
        else if (self->dkind[v] == DRIVER_STATUS && self->dref[v] == STATUS_LATE)
          reason = g_strdup_printf (_("“%s” is not done, though planned to finish by then"), plan->task_names[v]);
        else if (self->dkind[v] == DRIVER_STATUS && self->dref[v] == STATUS_NOT_STARTED && before->es[v] < self->es[v])
          {
            g_autofree char *planned = format_day (before->dates[v].early_start);

            reason = g_strdup_printf (_("“%s” has not started (planned for %s)"), plan->task_names[v], planned);
          }
        if (reason == NULL)
          continue;
        if (named == 10)
          {
            more++;
            continue;
          }
        g_string_append (why, named > 0 ? "; " : ": ");
        g_string_append (why, reason);
        named++;
      }
  if (more > 0)
    g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE, "; and %u more task", "; and %u more tasks", more), more);

  moved = charter_schedule_get_slip_days (self, before->dates[launch].early_finish,
                                          self->dates[launch].early_finish);

  {
    g_autofree char *to = format_day (self->dates[launch].early_finish);
    const char *name = plan->task_names[launch];

    if (moved > 0)
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "“%s” moves %d working day later since the check-in of %s (to %s)%s.\n",
                                                "“%s” moves %d working days later since the check-in of %s (to %s)%s.\n", moved),
                              name, moved, day, to, why->str);
    else if (moved < 0)
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "“%s” moves %d working day earlier since the check-in of %s (to %s)%s.\n",
                                                "“%s” moves %d working days earlier since the check-in of %s (to %s)%s.\n", -moved),
                              name, -moved, day, to, why->str);
    else
      g_string_append_printf (out, _("“%s” does not move since the check-in of %s (%s)%s.\n"),
                              name, day, to, why->str);
  }
}

/* Monte Carlo ------------------------------------------------------------- */

static int
sample_duration (GRand *rand,
                 int    likely,
                 int    optimistic,
                 int    pessimistic)
{
  double a, m = likely, b, u, x;

  if (optimistic < 0 && pessimistic < 0)
    return likely;
  a = optimistic >= 0 ? optimistic : likely;
  b = pessimistic >= 0 ? pessimistic : likely;
  a = MIN (a, m);
  b = MAX (b, m);
  if (b - a < 1e-9)
    return likely;

  /* Triangular distribution by inverting its distribution function. */
  u = g_rand_double (rand);
  if (u < (m - a) / (b - a))
    x = a + sqrt (u * (b - a) * (m - a));
  else
    x = b - sqrt ((1 - u) * (b - a) * (b - m));
  return (int) floor (x + 0.5);
}

/* The risks draw from a stream of their own: a plan's task durations are
 * drawn as they were before it had risks, and editing one risk does not
 * change what another draws. */
#define RISK_STREAM 0x7269736bu   /* "risk" */

/* No task of a run is longer than the horizon: past it, a pass fails anyway. */
#define MAX_RUN_DURATION (MAX_YEARS * 366)

typedef struct
{
  guint32 run;
  gint32  end;
} RiskEnd;

/* A task's dates before a pass without one risk changed them. */
typedef struct
{
  guint32 task;
  gint32  es;
  gint32  ef;
  guint8  flavor;
} Saved;

static int
compare_gint32 (gconstpointer a,
                gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return x < y ? -1 : x > y;
}

/* Where the @percent percentile is among @runs sorted values: the
 * ⌈p·N⌉-th smallest. */
static guint
percentile_index (guint runs,
                  int   percent)
{
  guint idx;

  percent = CLAMP (percent, 1, 100);
  idx = (guint) ceil (percent / 100.0 * runs - 1e-9);
  return CLAMP (idx, 1, runs) - 1;
}

/* Whether risk @k can change a run: it may happen, it costs days, and it
 * names a task that has a duration to lengthen. */
static gboolean
risk_is_active (CharterSchedule *self,
                guint            k)
{
  CharterPlan *plan = self->plan;

  if (plan->risk_probability[k] <= 0 || plan->risk_impact[k] <= 0)
    return FALSE;
  for (guint32 j = plan->risk_task_off[k]; j < plan->risk_task_off[k + 1]; j++)
    if (self->dur[plan->risk_tasks[j]] > 0)
      return TRUE;
  return FALSE;
}

/* A forward pass over every task in @order (a levelled plan with its own
 * team usage); the finish is then the latest early finish. */
static gboolean
forward_all (CharterPlan   *plan,
             Pass          *pass,
             const guint32 *order,
             GError       **error)
{
  Usage usage = { 0 };
  gboolean ok = TRUE;

  if (plan->levelled)
    {
      usage_init (&usage, plan);
      pass->usage = &usage;
    }
  for (guint k = 0; k < plan->n_tasks && ok; k++)
    ok = forward_task (plan, pass, order[k], error);
  usage_clear (&usage, plan);
  pass->usage = NULL;
  return ok;
}

/* A forward pass over the tasks marked @gen in @mark, from position
 * @from_pos of the dependency order, in place; a task whose dates moved
 * marks its successors and its old dates go to @saved, to be put back. Stops
 * when nothing marked is left. Only for plans without levelling. */
static gboolean
forward_marked (CharterPlan *plan,
                Pass        *pass,
                guint        from_pos,
                guint32     *mark,
                guint32      gen,
                guint        pending,
                GArray      *saved,
                GError     **error)
{
  for (guint pos = from_pos; pos < plan->n_tasks && pending > 0; pos++)
    {
      guint32 v = plan->topo[pos];
      Saved old;

      if (mark[v] != gen)
        continue;
      pending--;
      old = (Saved) { v, pass->es[v], pass->ef[v], pass->flavor[v] };
      if (!forward_task (plan, pass, v, error))
        {
          g_array_append_val (saved, old);
          return FALSE;
        }
      if (old.es == pass->es[v] && old.ef == pass->ef[v] && old.flavor == pass->flavor[v])
        continue;
      g_array_append_val (saved, old);
      for (guint32 j = plan->succ_off[v]; j < plan->succ_off[v + 1]; j++)
        {
          guint32 w = plan->dep_succ[plan->succ_edge[j]];

          if (mark[w] != gen)
            {
              mark[w] = gen;
              pending++;
            }
        }
    }
  return TRUE;
}

static gint32
latest_finish (CharterPlan  *plan,
               const gint32 *ef)
{
  gint32 end = 0;

  for (guint i = 0; i < plan->n_tasks; i++)
    end = MAX (end, ef[i]);
  return end;
}

/**
 * charter_schedule_has_uncertainty:
 * @self: a schedule
 *
 * Whether a forecast can differ from the plan: some task has a range of
 * estimates, or some risk with a probability and an impact names a task
 * with a duration.
 *
 * Returns: %TRUE when charter_schedule_simulate() is worth running
 */
gboolean
charter_schedule_has_uncertainty (CharterSchedule *self)
{
  CharterPlan *plan;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), FALSE);

  plan = self->plan;
  for (guint i = 0; i < plan->n_tasks; i++)
    {
      int d = self->dur[i], o = plan->optimistic[i], p = plan->pessimistic[i];

      if (d > 0 && ((o >= 0 && o < d) || (p >= 0 && p > d)))
        return TRUE;
    }
  for (guint k = 0; k < plan->n_risks; k++)
    if (risk_is_active (self, k))
      return TRUE;
  return FALSE;
}

/**
 * charter_schedule_simulate:
 * @self: a schedule
 * @runs: how many runs (1 to 100,000)
 * @seed: the random seed: the same seed gives the same answer
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * charter_schedule_simulate_full() without the effect of each risk.
 *
 * Returns: (transfer full) (nullable): the finish dates and criticality
 */
CharterSimulation *
charter_schedule_simulate (CharterSchedule  *self,
                           guint             runs,
                           guint64           seed,
                           GError          **error)
{
  return charter_schedule_simulate_full (self, runs, seed, CHARTER_SIMULATION_NONE, error);
}

/**
 * charter_schedule_simulate_full:
 * @self: a schedule
 * @runs: how many runs (1 to 100,000)
 * @seed: the random seed: the same seed gives the same answer
 * @flags: %CHARTER_SIMULATION_RISK_EFFECTS to measure what each risk does to P80
 * @error: return location for a #CHARTER_SCHEDULE_ERROR
 *
 * Schedules the plan @runs times, each task's duration drawn from a
 * triangular distribution over (optimistic, likely = duration, pessimistic),
 * and each risk happening with its probability, when it adds its impact to
 * each of its tasks. With %CHARTER_SIMULATION_RISK_EFFECTS, every run in
 * which a risk happened is scheduled again without it, on the same draws
 * (common random numbers), so that a risk's effect on P80 is what it does,
 * not noise.
 *
 * Returns: (transfer full) (nullable): the finish dates, criticality,
 *   buffer and risk effects
 */
CharterSimulation *
charter_schedule_simulate_full (CharterSchedule        *self,
                                guint                   runs,
                                guint64                 seed,
                                CharterSimulationFlags  flags,
                                GError                **error)
{
  CharterPlan *plan;
  g_autoptr(CharterSimulation) sim = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GRand) risk_rand = NULL;
  guint32 seed_array[3];
  guint n;
  gboolean effects = (flags & CHARTER_SIMULATION_RISK_EFFECTS) != 0;
  gboolean any_risk = FALSE;
  const guint32 *order;
  guint32 gen = 0;
  guint n_last = 0;   /* tasks of the run that finish last */
  guint idx80;
  g_autofree int *dur = NULL;
  g_autofree int *extra = NULL;
  g_autofree gint32 *es = NULL, *ef = NULL, *ls = NULL, *lf = NULL;
  g_autofree gint32 *es2 = NULL, *ef2 = NULL;
  g_autofree guint8 *flavor = NULL, *flavor2 = NULL;
  g_autoptr(GArray) saved = NULL;
  g_autofree guint32 *critical = NULL;
  g_autofree gint32 *ends = NULL;
  g_autofree gint32 *sorted = NULL;
  g_autofree guint8 *dkind = NULL;
  g_autofree gint32 *dref = NULL;
  g_autofree gint32 *rpred = NULL, *rhead = NULL, *rnext = NULL;
  g_autofree gboolean *active = NULL;
  g_autofree guint8 *happened = NULL;
  g_autofree guint32 *mark = NULL;
  g_autofree guint *first_pos = NULL;
  g_autoptr(GPtrArray) risk_ends = NULL;

  g_return_val_if_fail (CHARTER_IS_SCHEDULE (self), NULL);

  if (runs < 1 || runs > MAX_RUNS)
    {
      g_set_error (error, CHARTER_SCHEDULE_ERROR, CHARTER_SCHEDULE_ERROR_BAD_DATE,
                   _("A simulation needs between 1 and %d runs, not %u."), MAX_RUNS, runs);
      return NULL;
    }

  plan = self->plan;
  n = plan->n_tasks;
  order = self->order != NULL ? self->order : plan->topo;
  seed_array[0] = (guint32) seed;
  seed_array[1] = (guint32) (seed >> 32);
  seed_array[2] = RISK_STREAM;
  rand = g_rand_new_with_seed_array (seed_array, 2);
  risk_rand = g_rand_new_with_seed_array (seed_array, 3);
  dur = g_new (int, MAX (n, 1));
  extra = g_new0 (int, MAX (n, 1));
  es = g_new (gint32, MAX (n, 1));
  ef = g_new (gint32, MAX (n, 1));
  ls = g_new (gint32, MAX (n, 1));
  lf = g_new (gint32, MAX (n, 1));
  flavor = g_new0 (guint8, MAX (n, 1));
  critical = g_new0 (guint32, MAX (n, 1));
  ends = g_new (gint32, runs);
  if (plan->levelled)
    {
      dkind = g_new0 (guint8, MAX (n, 1));
      dref = g_new0 (gint32, MAX (n, 1));
      rpred = g_new (gint32, MAX (n, 1));
      rhead = g_new (gint32, MAX (n, 1));
      rnext = g_new (gint32, MAX (n, 1));
    }

  active = g_new0 (gboolean, MAX (plan->n_risks, 1));
  happened = g_new0 (guint8, MAX (plan->n_risks, 1));
  for (guint k = 0; k < plan->n_risks; k++)
    any_risk |= active[k] = risk_is_active (self, k);
  if (effects && any_risk)
    {
      if (plan->levelled)
        {
          es2 = g_new (gint32, MAX (n, 1));
          ef2 = g_new (gint32, MAX (n, 1));
          flavor2 = g_new0 (guint8, MAX (n, 1));
        }
      saved = g_array_new (FALSE, FALSE, sizeof (Saved));
      mark = g_new0 (guint32, MAX (n, 1));
      first_pos = g_new (guint, MAX (plan->n_risks, 1));
      risk_ends = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint k = 0; k < plan->n_risks; k++)
        {
          first_pos[k] = n;
          for (guint32 j = plan->risk_task_off[k]; j < plan->risk_task_off[k + 1]; j++)
            first_pos[k] = MIN (first_pos[k], plan->topo_pos[plan->risk_tasks[j]]);
          g_ptr_array_add (risk_ends, g_array_new (FALSE, FALSE, sizeof (RiskEnd)));
        }
    }

  for (guint r = 0; r < runs; r++)
    {
      Pass pass = { dur, es, ef, flavor, dkind, dref, NULL, NULL, self->status };

      for (guint i = 0; i < n; i++)
        dur[i] = self->dur[i] == 0 ? 0 : MAX (sample_duration (rand, self->dur[i], plan->optimistic[i], plan->pessimistic[i]), 0);

      /* The risk events: one draw per risk and run, whatever the risk. */
      for (guint k = 0; k < plan->n_risks; k++)
        happened[k] = g_rand_double (risk_rand) * 100.0 < plan->risk_probability[k] && active[k];
      if (any_risk)
        for (guint k = 0; k < plan->n_risks; k++)
          if (happened[k])
            for (guint32 j = plan->risk_task_off[k]; j < plan->risk_task_off[k + 1]; j++)
              {
                guint32 t = plan->risk_tasks[j];

                if (self->dur[t] > 0)
                  {
                    extra[t] = MIN (extra[t] + plan->risk_impact[k], MAX_RUN_DURATION);
                    dur[t] = MIN (dur[t] + plan->risk_impact[k], MAX_RUN_DURATION);
                  }
              }

      if (!forward_all (plan, &pass, order, error))
        return NULL;

      if (plan->levelled)
        {
          resource_links (plan, dur, es, ef, dkind, rpred, rhead, rnext);
          ends[r] = backward_pass (plan, dur, flavor, es, ef, ls, lf, order, rhead, rnext);
        }
      else
        ends[r] = backward_pass (plan, dur, flavor, es, ef, ls, lf, NULL, NULL, NULL);
      for (guint i = 0; i < n; i++)
        if (ls[i] - es[i] <= 0)
          critical[i]++;

      /* The same run without each risk that happened in it. */
      n_last = 0;
      if (risk_ends != NULL && !plan->levelled)
        for (guint i = 0; i < n; i++)
          n_last += ef[i] == ends[r];
      if (risk_ends != NULL)
        for (guint k = 0; k < plan->n_risks; k++)
          {
            RiskEnd end = { r, 0 };
            guint pending = 0;
            gboolean ok;

            if (!happened[k])
              continue;
            gen++;
            for (guint32 j = plan->risk_task_off[k]; j < plan->risk_task_off[k + 1]; j++)
              {
                guint32 t = plan->risk_tasks[j];

                if (self->dur[t] > 0)
                  {
                    dur[t] -= MIN (plan->risk_impact[k], extra[t]);
                    mark[t] = gen;
                    pending++;
                  }
              }
            if (plan->levelled)
              {
                /* Levelling can move any task of a team: a whole pass. */
                Pass without = { dur, es2, ef2, flavor2, NULL, NULL, NULL, NULL, self->status };

                ok = forward_all (plan, &without, order, error);
                end.end = latest_finish (plan, ef2);
              }
            else
              {
                /* Only what follows the risk's tasks, in place, then put back. */
                Pass without = { dur, es, ef, flavor, NULL, NULL, NULL, NULL, self->status };
                guint last_moved = 0;
                gint32 moved_latest = 0;

                g_array_set_size (saved, 0);
                ok = forward_marked (plan, &without, first_pos[k], mark, gen, pending, saved, error);
                for (guint c = 0; c < saved->len; c++)
                  {
                    const Saved *old = &g_array_index (saved, Saved, c);

                    last_moved += old->ef == ends[r];
                    moved_latest = MAX (moved_latest, ef[old->task]);
                  }
                /* While a task that finished last stayed, the finish is the
                 * later of it and what moved (a shorter task can push a
                 * start-to-start successor later); else look at them all. */
                if (last_moved < n_last)
                  end.end = MAX (ends[r], moved_latest);
                else
                  end.end = latest_finish (plan, ef);
                for (guint c = saved->len; c-- > 0;)
                  {
                    const Saved *old = &g_array_index (saved, Saved, c);

                    es[old->task] = old->es;
                    ef[old->task] = old->ef;
                    flavor[old->task] = old->flavor;
                  }
              }
            for (guint32 j = plan->risk_task_off[k]; j < plan->risk_task_off[k + 1]; j++)
              {
                guint32 t = plan->risk_tasks[j];

                if (self->dur[t] > 0)
                  dur[t] += MIN (plan->risk_impact[k], extra[t]);
              }
            if (!ok)
              return NULL;
            g_array_append_val (g_ptr_array_index (risk_ends, k), end);
          }

      if (any_risk)
        memset (extra, 0, sizeof (int) * MAX (n, 1));
    }

  sim = g_new0 (CharterSimulation, 1);
  sim->runs = runs;
  sim->n_tasks = n;
  sim->finishes = g_new (guint32, runs);
  sim->criticality = g_new (double, MAX (n, 1));
  for (guint r = 0; r < runs; r++)
    sim->finishes[r] = ends[r] > 0 ? cal_day (&plan->cal, ends[r] - 1) : cal_day (&plan->cal, 0);
  qsort (sim->finishes, runs, sizeof (guint32), compare_guint32);
  for (guint i = 0; i < n; i++)
    sim->criticality[i] = (double) critical[i] / runs;

  /* P80 in working days from the start, and what it is without each risk. */
  sorted = g_memdup2 (ends, sizeof (gint32) * runs);
  qsort (sorted, runs, sizeof (gint32), compare_gint32);
  idx80 = percentile_index (runs, 80);
  sim->buffer_days = charter_schedule_has_uncertainty (self) ? MAX (sorted[idx80] - self->end, 0)
                                                             : plan->buffer_days;

  sim->n_risks = plan->n_risks;
  sim->risk_ids = g_new0 (char *, plan->n_risks + 1);
  for (guint k = 0; k < plan->n_risks; k++)
    sim->risk_ids[k] = g_strdup (plan->risk_ids[k]);
  if (effects)
    {
      g_autofree gint32 *scratch = g_new (gint32, runs);

      sim->risk_p80_effect = g_new0 (int, MAX (plan->n_risks, 1));
      for (guint k = 0; risk_ends != NULL && k < plan->n_risks; k++)
        {
          GArray *changed = g_ptr_array_index (risk_ends, k);

          if (changed->len == 0)
            continue;
          memcpy (scratch, ends, sizeof (gint32) * runs);
          for (guint c = 0; c < changed->len; c++)
            {
              const RiskEnd *end = &g_array_index (changed, RiskEnd, c);

              scratch[end->run] = end->end;
            }
          qsort (scratch, runs, sizeof (gint32), compare_gint32);
          sim->risk_p80_effect[k] = sorted[idx80] - scratch[idx80];
        }
    }

  return g_steal_pointer (&sim);
}

/**
 * charter_simulation_get_runs:
 * @sim: a simulation
 *
 * Returns: how many runs it made
 */
guint
charter_simulation_get_runs (CharterSimulation *sim)
{
  return sim->runs;
}

/**
 * charter_simulation_get_finish:
 * @sim: a simulation
 * @percent: 1 to 100
 *
 * Returns: the finish day (julian) that @percent % of the runs met or beat
 */
guint32
charter_simulation_get_finish (CharterSimulation *sim,
                               int                percent)
{
  return sim->finishes[percentile_index (sim->runs, percent)];
}

/**
 * charter_simulation_get_criticality:
 * @sim: a simulation
 * @task_index: a task's position in the document's task list
 *
 * Returns: the share of runs (0 to 1) in which the task was critical
 */
double
charter_simulation_get_criticality (CharterSimulation *sim,
                                    guint              task_index)
{
  g_return_val_if_fail (task_index < sim->n_tasks, 0);
  return sim->criticality[task_index];
}

/**
 * charter_simulation_get_buffer_days:
 * @sim: a simulation
 *
 * The project buffer to show beside the schedule. When the plan has
 * uncertainty (charter_schedule_has_uncertainty()): the working days from
 * the plan's own finish to P80, never less than 0. Otherwise the reserve
 * charter_schedule_get_buffer_days() gives.
 *
 * Returns: working days
 */
int
charter_simulation_get_buffer_days (CharterSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, 0);
  return sim->buffer_days;
}

/**
 * charter_simulation_get_n_risks:
 * @sim: a simulation
 *
 * Returns: how many risks the plan has (all of them, in document order)
 */
guint
charter_simulation_get_n_risks (CharterSimulation *sim)
{
  g_return_val_if_fail (sim != NULL, 0);
  return sim->n_risks;
}

/**
 * charter_simulation_get_risk_id:
 * @sim: a simulation
 * @risk_index: a risk's position in the document's risk list
 *
 * Returns: (transfer none): the risk's id
 */
const char *
charter_simulation_get_risk_id (CharterSimulation *sim,
                                guint              risk_index)
{
  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (risk_index < sim->n_risks, NULL);
  return sim->risk_ids[risk_index];
}

/**
 * charter_simulation_get_risk_p80_effect:
 * @sim: a simulation made with %CHARTER_SIMULATION_RISK_EFFECTS
 * @risk_index: a risk's position in the document's risk list
 *
 * What the risk does to the forecast: P80 with it minus P80 without it, on
 * the same draws, in working days. 0 for a risk that cannot happen, costs
 * nothing, or only touches tasks with enough float.
 *
 * Returns: working days
 */
int
charter_simulation_get_risk_p80_effect (CharterSimulation *sim,
                                        guint              risk_index)
{
  g_return_val_if_fail (sim != NULL, 0);
  g_return_val_if_fail (sim->risk_p80_effect != NULL, 0);
  g_return_val_if_fail (risk_index < sim->n_risks, 0);
  return sim->risk_p80_effect[risk_index];
}

/**
 * charter_simulation_free:
 * @sim: (nullable): a simulation
 *
 * Frees @sim.
 */
void
charter_simulation_free (CharterSimulation *sim)
{
  if (sim == NULL)
    return;
  g_free (sim->finishes);
  g_free (sim->criticality);
  g_strfreev (sim->risk_ids);
  g_free (sim->risk_p80_effect);
  g_free (sim);
}
