/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-gantt-bar.c: the accessible stand-in of one bar on the timeline.
 *
 * The chart paints every bar itself (one pass, so arrows, shading and bars
 * layer correctly and 10,000 rows cost nothing), but something only painted
 * is invisible to AT-SPI and cannot hold focus. So each visible bar also has
 * one of these: an empty widget over the bar, named after its task, with the
 * dates in its description, focusable for the keyboard. The chart recycles
 * them as rows scroll in and out of view and handles every gesture. */

#define G_LOG_DOMAIN "charter-gantt-bar"

#include "config.h"

#include "charter-gantt-bar.h"

struct _CharterGanttBar
{
  GtkWidget  parent_instance;

  /* Owned */
  char      *task_id;
  char      *name;
  char      *description;
  guint      task_index;
};

G_DEFINE_FINAL_TYPE (CharterGanttBar, charter_gantt_bar, GTK_TYPE_WIDGET)

static void
charter_gantt_bar_finalize (GObject *object)
{
  CharterGanttBar *self = (CharterGanttBar *) object;

  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (charter_gantt_bar_parent_class)->finalize (object);
}

static void
charter_gantt_bar_class_init (CharterGanttBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = charter_gantt_bar_finalize;

  gtk_widget_class_set_css_name (widget_class, "ganttbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
charter_gantt_bar_init (CharterGanttBar *self)
{
  self->task_index = G_MAXUINT;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The chart under it takes every pointer event. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
charter_gantt_bar_new (void)
{
  return g_object_new (CHARTER_TYPE_GANTT_BAR, NULL);
}

guint
charter_gantt_bar_get_task_index (CharterGanttBar *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_BAR (self), G_MAXUINT);

  return self->task_index;
}

const char *
charter_gantt_bar_get_task_id (CharterGanttBar *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_BAR (self), NULL);

  return self->task_id;
}

/* The accessible description, as last set. */
const char *
charter_gantt_bar_get_description (CharterGanttBar *self)
{
  g_return_val_if_fail (CHARTER_IS_GANTT_BAR (self), NULL);

  return self->description;
}

/* Updates the accessible name and description only when they change:
 * scrolling reassigns bars every frame. */
void
charter_gantt_bar_set_task (CharterGanttBar *self,
                            guint            task_index,
                            const char      *task_id,
                            const char      *name,
                            const char      *description)
{
  g_return_if_fail (CHARTER_IS_GANTT_BAR (self));

  self->task_index = task_index;
  if (g_strcmp0 (self->task_id, task_id) != 0)
    {
      g_free (self->task_id);
      self->task_id = g_strdup (task_id);
    }

  if (g_strcmp0 (self->name, name) != 0 || g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_free (self->description);
      self->description = g_strdup (description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name ? name : "",
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                      -1);
    }
}
