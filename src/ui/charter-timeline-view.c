/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-timeline-view.c: The Gantt timeline of the plan.
 * A placeholder until the workspace is built: it shows what will be here. */

#define G_LOG_DOMAIN "charter-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-timeline-view.h"

struct _CharterTimelineView
{
  AdwBin           parent_instance;

  /* Owned */
  CharterDocument *document;
  GObject         *scheduler;
};

G_DEFINE_FINAL_TYPE (CharterTimelineView, charter_timeline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
charter_timeline_view_dispose (GObject *object)
{
  CharterTimelineView *self = (CharterTimelineView *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (charter_timeline_view_parent_class)->dispose (object);
}

static void
charter_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CharterTimelineView *self = CHARTER_TIMELINE_VIEW (object);

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
charter_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CharterTimelineView *self = CHARTER_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_timeline_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SCHEDULER:
      if (g_set_object (&self->scheduler, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_timeline_view_class_init (CharterTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = charter_timeline_view_dispose;
  object_class->get_property = charter_timeline_view_get_property;
  object_class->set_property = charter_timeline_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_timeline_view_init (CharterTimelineView *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Timeline"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("The Gantt timeline of the plan."));
  adw_bin_set_child (ADW_BIN (self), page);
}

GtkWidget *
charter_timeline_view_new (void)
{
  return g_object_new (CHARTER_TYPE_TIMELINE_VIEW, NULL);
}

CharterDocument *
charter_timeline_view_get_document (CharterTimelineView *self)
{
  g_return_val_if_fail (CHARTER_IS_TIMELINE_VIEW (self), NULL);

  return self->document;
}

void
charter_timeline_view_set_document (CharterTimelineView      *self,
                                    CharterDocument *document)
{
  g_return_if_fail (CHARTER_IS_TIMELINE_VIEW (self));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
