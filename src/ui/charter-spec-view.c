/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-spec-view.c: The one-page spec.
 * A placeholder until the workspace is built: it shows what will be here. */

#define G_LOG_DOMAIN "charter-spec-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-spec-view.h"

struct _CharterSpecView
{
  AdwBin           parent_instance;

  /* Owned */
  CharterDocument *document;
  GObject         *scheduler;
};

G_DEFINE_FINAL_TYPE (CharterSpecView, charter_spec_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
charter_spec_view_dispose (GObject *object)
{
  CharterSpecView *self = (CharterSpecView *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (charter_spec_view_parent_class)->dispose (object);
}

static void
charter_spec_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (object);

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
charter_spec_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CharterSpecView *self = CHARTER_SPEC_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_spec_view_set_document (self, g_value_get_object (value));
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
charter_spec_view_class_init (CharterSpecViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = charter_spec_view_dispose;
  object_class->get_property = charter_spec_view_get_property;
  object_class->set_property = charter_spec_view_set_property;

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
charter_spec_view_init (CharterSpecView *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Spec"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("The one-page spec."));
  adw_bin_set_child (ADW_BIN (self), page);
}

GtkWidget *
charter_spec_view_new (void)
{
  return g_object_new (CHARTER_TYPE_SPEC_VIEW, NULL);
}

CharterDocument *
charter_spec_view_get_document (CharterSpecView *self)
{
  g_return_val_if_fail (CHARTER_IS_SPEC_VIEW (self), NULL);

  return self->document;
}

void
charter_spec_view_set_document (CharterSpecView      *self,
                                CharterDocument *document)
{
  g_return_if_fail (CHARTER_IS_SPEC_VIEW (self));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
