/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-load-strip.c: a team's load over the plan's span, one column a
 * day — its tasks under way against its capacity (the resource histogram of
 * Microsoft Project, shrunk to a strip). Days over capacity are drawn in the
 * warning colour and taller than the capacity line; days the team is
 * committed elsewhere are hatched; non-working days are left blank. The
 * counting is plain C (charter_load_compute) that tests call. */

#define G_LOG_DOMAIN "charter-load-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-load-strip.h"
#include "charter-style.h"
#include "charter-timeline-geometry.h"

#define STRIP_HEIGHT 28

struct _CharterLoadStrip
{
  GtkWidget    parent_instance;

  /* Owned */
  CharterLoad *load;
};

G_DEFINE_FINAL_TYPE (CharterLoadStrip, charter_load_strip, GTK_TYPE_WIDGET)

/**
 * charter_load_compute:
 * @document: the document
 * @schedule: (nullable): its schedule; %NULL gives an empty load
 * @team: one of its teams
 *
 * Counts, for every day of the plan's span, the team's tasks under way and
 * whether the team is committed elsewhere.
 *
 * Returns: (transfer full): the load
 */
CharterLoad *
charter_load_compute (CharterDocument *document,
                      CharterSchedule *schedule,
                      CharterTeam     *team)
{
  CharterLoad *load = g_new0 (CharterLoad, 1);
  const char *team_id = charter_item_get_id (CHARTER_ITEM (team));
  GListModel *tasks = charter_document_get_tasks (document);
  guint32 start, finish;

  load->capacity = MAX (1, charter_team_get_capacity (team));
  if (schedule == NULL || charter_schedule_get_n_tasks (schedule) == 0)
    return load;

  start = charter_schedule_get_start (schedule);
  finish = charter_schedule_get_finish (schedule);
  if (start == 0 || finish < start)
    return load;

  load->first_day = start;
  load->n_days = MIN (finish - start + 1, 3660);
  load->days = g_new0 (CharterLoadDay, load->n_days);

  for (guint d = 0; d < load->n_days; d++)
    {
      load->days[d].working = charter_schedule_is_working_day (schedule, start + d);
      load->days[d].committed = charter_schedule_is_team_busy (schedule, team_id, start + d);
    }

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const CharterTaskDates *dates;

      if (g_strcmp0 (charter_task_get_team_id (task), team_id) != 0)
        continue;
      dates = charter_schedule_get_task_dates (schedule, charter_item_get_id (CHARTER_ITEM (task)));
      if (dates == NULL || dates->duration <= 0)
        continue;
      for (guint32 day = MAX (dates->early_start, start); day <= dates->early_finish && day <= finish; day++)
        if (load->days[day - start].working)
          load->days[day - start].tasks++;
    }

  for (guint d = 0; d < load->n_days; d++)
    {
      const CharterLoadDay *day = &load->days[d];

      if (!day->working)
        continue;
      load->peak = MAX (load->peak, day->tasks);
      if (day->tasks > (guint) load->capacity)
        {
          if (load->n_over++ == 0)
            load->first_over = start + d;
        }
      if (day->committed)
        load->n_committed++;
    }
  return load;
}

void
charter_load_free (CharterLoad *load)
{
  if (load == NULL)
    return;
  g_free (load->days);
  g_free (load);
}

/**
 * charter_load_describe:
 * @load: a load
 *
 * Says what the strip shows in one sentence, for screen readers and tooltips.
 *
 * Returns: (transfer full): the sentence
 */
char *
charter_load_describe (const CharterLoad *load)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (load->n_days == 0)
    return g_strdup (_("No scheduled work"));

  if (load->n_over > 0)
    {
      g_autofree char *day = charter_timeline_format_day (load->first_over, _("%a %-d %b"));

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Over capacity on %u day, first on %s",
                                           "Over capacity on %u days, first on %s", load->n_over),
                              load->n_over, day);
    }
  else
    g_string_append (text, _("Within capacity every day"));

  g_string_append (text, "; ");
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "at most %u task at once", "at most %u tasks at once",
                                       load->peak),
                          load->peak);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, " for a capacity of %d", " for a capacity of %d",
                                       load->capacity),
                          load->capacity);
  if (load->n_committed > 0)
    {
      g_string_append (text, "; ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "committed elsewhere on %u working day",
                                           "committed elsewhere on %u working days", load->n_committed),
                              load->n_committed);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
charter_load_strip_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    *minimum = *natural = STRIP_HEIGHT;
}

static void
charter_load_strip_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CharterLoadStrip *self = CHARTER_LOAD_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA trough, ok, over, committed, line;
  double column, scale_max;

  charter_style_lookup_color (widget, "load_trough", &trough);
  charter_style_lookup_color (widget, "load_ok", &ok);
  charter_style_lookup_color (widget, "load_over", &over);
  charter_style_lookup_color (widget, "load_committed", &committed);
  charter_style_lookup_color (widget, "load_capacity", &line);

  gtk_snapshot_append_color (snapshot, &trough, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->load == NULL || self->load->n_days == 0)
    return;

  column = width / self->load->n_days;
  /* The capacity line sits at two thirds of the height, so that overload shows above it. */
  scale_max = MAX ((double) self->load->peak, self->load->capacity * 1.5);

  for (guint d = 0; d < self->load->n_days; d++)
    {
      const CharterLoadDay *day = &self->load->days[d];
      double x = d * column;
      double w = MAX (1.0, column - (column > 4 ? 1 : 0));

      if (!day->working)
        continue;
      if (day->committed)
        {
          /* Hatched: stripes across the whole column, not colour alone. */
          for (double y = 0; y < height; y += 4)
            gtk_snapshot_append_color (snapshot, &committed, &GRAPHENE_RECT_INIT (x, y, w, 2));
        }
      if (day->tasks > 0)
        {
          double h = height * day->tasks / scale_max;

          gtk_snapshot_append_color (snapshot, day->tasks > (guint) self->load->capacity ? &over : &ok,
                                     &GRAPHENE_RECT_INIT (x, height - h, w, h));
        }
    }

  {
    double y = height - height * self->load->capacity / scale_max;

    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, floor (y), width, 1));
  }
}

static void
charter_load_strip_finalize (GObject *object)
{
  CharterLoadStrip *self = (CharterLoadStrip *) object;

  g_clear_pointer (&self->load, charter_load_free);

  G_OBJECT_CLASS (charter_load_strip_parent_class)->finalize (object);
}

static void
charter_load_strip_class_init (CharterLoadStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = charter_load_strip_finalize;
  widget_class->measure = charter_load_strip_measure;
  widget_class->snapshot = charter_load_strip_snapshot;

  gtk_widget_class_set_css_name (widget_class, "loadstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
charter_load_strip_init (CharterLoadStrip *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Load"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No scheduled work"),
                                  -1);
}

GtkWidget *
charter_load_strip_new (void)
{
  return g_object_new (CHARTER_TYPE_LOAD_STRIP, NULL);
}

/**
 * charter_load_strip_set_load:
 * @self: a strip
 * @load: (transfer full) (nullable): what to draw
 */
void
charter_load_strip_set_load (CharterLoadStrip *self,
                             CharterLoad      *load)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CHARTER_IS_LOAD_STRIP (self));

  g_clear_pointer (&self->load, charter_load_free);
  self->load = load;
  if (load != NULL)
    description = charter_load_describe (load);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No scheduled work"),
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const CharterLoad *
charter_load_strip_get_load (CharterLoadStrip *self)
{
  g_return_val_if_fail (CHARTER_IS_LOAD_STRIP (self), NULL);

  return self->load;
}
