/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-plan-view.c: the Plan workspace — the plan's dependency graph.
 *
 * A toast overlay around the graph canvas (charter-graph-canvas.c), which
 * does the drawing, the gestures and the graph.* actions; refused links and
 * deletions (with Undo) show up as toasts here. */

#define G_LOG_DOMAIN "charter-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-plan-view.h"
#include "charter-accessible.h"
#include "charter-graph-canvas.h"
#include "charter-scheduler.h"
#include "charter-workspace.h"

struct _CharterPlanView
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkWidget       *toast_overlay;
  GtkWidget       *canvas;

  /* Owned */
  CharterDocument *document;
  GObject         *scheduler;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CharterPlanView, charter_plan_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CHARTER_TYPE_WORKSPACE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
charter_plan_view_dispose (GObject *object)
{
  CharterPlanView *self = (CharterPlanView *) object;

  /* AdwBin takes its child (the template's) with it. */
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (charter_plan_view_parent_class)->dispose (object);
}

static void
charter_plan_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CharterPlanView *self = CHARTER_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_plan_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CharterPlanView *self = CHARTER_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_plan_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SCHEDULER:
      charter_plan_view_set_scheduler (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_plan_view_class_init (CharterPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = charter_plan_view_dispose;
  object_class->get_property = charter_plan_view_get_property;
  object_class->set_property = charter_plan_view_set_property;

  charter_workspace_install_properties (object_class, PROP_DOCUMENT, PROP_SCHEDULER);
  properties[PROP_DOCUMENT] = g_object_class_find_property (object_class, "document");
  properties[PROP_SCHEDULER] = g_object_class_find_property (object_class, "scheduler");

  g_type_ensure (CHARTER_TYPE_GRAPH_CANVAS);
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), "/org/charterapp/Charter/charter-plan-view.ui");
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), CharterPlanView, toast_overlay);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), CharterPlanView, canvas);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "planview");
}

static void
charter_plan_view_init (CharterPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));
}

GtkWidget *
charter_plan_view_new (void)
{
  return g_object_new (CHARTER_TYPE_PLAN_VIEW, NULL);
}

CharterDocument *
charter_plan_view_get_document (CharterPlanView *self)
{
  g_return_val_if_fail (CHARTER_IS_PLAN_VIEW (self), NULL);

  return self->document;
}

void
charter_plan_view_set_document (CharterPlanView *self,
                                CharterDocument *document)
{
  g_return_if_fail (CHARTER_IS_PLAN_VIEW (self));

  if (!g_set_object (&self->document, document))
    return;

  charter_graph_canvas_set_document (CHARTER_GRAPH_CANVAS (self->canvas), document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GObject *
charter_plan_view_get_scheduler (CharterPlanView *self)
{
  g_return_val_if_fail (CHARTER_IS_PLAN_VIEW (self), NULL);

  return self->scheduler;
}

void
charter_plan_view_set_scheduler (CharterPlanView *self,
                                 GObject         *scheduler)
{
  g_return_if_fail (CHARTER_IS_PLAN_VIEW (self));

  if (!g_set_object (&self->scheduler, scheduler))
    return;

  charter_graph_canvas_set_scheduler (CHARTER_GRAPH_CANVAS (self->canvas), scheduler);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

/**
 * charter_plan_view_get_canvas:
 * @self: a #CharterPlanView
 *
 * Returns: (transfer none): the graph canvas, where the graph.* actions live
 */
GtkWidget *
charter_plan_view_get_canvas (CharterPlanView *self)
{
  g_return_val_if_fail (CHARTER_IS_PLAN_VIEW (self), NULL);

  return self->canvas;
}
