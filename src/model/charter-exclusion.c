/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-exclusion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-exclusion.h"

struct _CharterExclusion
{
  CharterItem parent_instance;

  char *what;
  char *reason;
};

G_DEFINE_FINAL_TYPE (CharterExclusion, charter_exclusion, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_WHAT,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_exclusion_get_display_name (CharterItem *item)
{
  return CHARTER_EXCLUSION (item)->what;
}

static void
charter_exclusion_finalize (GObject *object)
{
  CharterExclusion *self = (CharterExclusion *) object;

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (charter_exclusion_parent_class)->finalize (object);
}

static void
charter_exclusion_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CharterExclusion *self = CHARTER_EXCLUSION (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_exclusion_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CharterExclusion *self = CHARTER_EXCLUSION (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      charter_exclusion_set_what (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      charter_exclusion_set_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_exclusion_class_init (CharterExclusionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_exclusion_finalize;
  object_class->get_property = charter_exclusion_get_property;
  object_class->set_property = charter_exclusion_set_property;

  item_class->get_display_name = charter_exclusion_get_display_name;

  /**
   * CharterExclusion:what:
   *
   * What is out of scope ("fancy analytics").
   */
  properties[PROP_WHAT] =
    g_param_spec_string ("what", N_("what"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterExclusion:reason:
   *
   * Why it is out of scope.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", N_("reason"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_exclusion_init (CharterExclusion *self)
{
}

/**
 * charter_exclusion_new:
 * @id: the id of the new exclusion
 *
 * Returns: (transfer full): a new #CharterExclusion
 */
CharterExclusion *
charter_exclusion_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_EXCLUSION, "id", id, NULL);
}

/**
 * charter_exclusion_get_what:
 * @self: a #CharterExclusion
 *
 * Returns: (transfer none) (nullable): what is out of scope ("fancy analytics").
 */
const char *
charter_exclusion_get_what (CharterExclusion *self)
{
  g_return_val_if_fail (CHARTER_IS_EXCLUSION (self), NULL);

  return self->what;
}

/**
 * charter_exclusion_set_what:
 * @self: a #CharterExclusion
 * @what: (nullable) the new value
 *
 * Sets the what; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_exclusion_set_what (CharterExclusion *self,
                            const char       *what)
{
  g_return_if_fail (CHARTER_IS_EXCLUSION (self));

  if (g_strcmp0 (self->what, what) == 0)
    return;

  g_free (self->what);
  self->what = (what != NULL && what[0] != '\0') ? g_strdup (what) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT]);
}

/**
 * charter_exclusion_get_reason:
 * @self: a #CharterExclusion
 *
 * Returns: (transfer none) (nullable): why it is out of scope.
 */
const char *
charter_exclusion_get_reason (CharterExclusion *self)
{
  g_return_val_if_fail (CHARTER_IS_EXCLUSION (self), NULL);

  return self->reason;
}

/**
 * charter_exclusion_set_reason:
 * @self: a #CharterExclusion
 * @reason: (nullable) the new value
 *
 * Sets the reason; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_exclusion_set_reason (CharterExclusion *self,
                              const char       *reason)
{
  g_return_if_fail (CHARTER_IS_EXCLUSION (self));

  if (g_strcmp0 (self->reason, reason) == 0)
    return;

  g_free (self->reason);
  self->reason = (reason != NULL && reason[0] != '\0') ? g_strdup (reason) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}
