/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-dependency"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-dependency.h"

struct _CharterDependency
{
  CharterItem parent_instance;

  char *predecessor;
  char *successor;
  CharterDependencyType kind;
  int lag;
};

G_DEFINE_FINAL_TYPE (CharterDependency, charter_dependency, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_PREDECESSOR,
  PROP_SUCCESSOR,
  PROP_KIND,
  PROP_LAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
charter_dependency_finalize (GObject *object)
{
  CharterDependency *self = (CharterDependency *) object;

  g_clear_pointer (&self->predecessor, g_free);
  g_clear_pointer (&self->successor, g_free);

  G_OBJECT_CLASS (charter_dependency_parent_class)->finalize (object);
}

static void
charter_dependency_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CharterDependency *self = CHARTER_DEPENDENCY (object);

  switch (prop_id)
    {
    case PROP_PREDECESSOR:
      g_value_set_string (value, self->predecessor);
      break;

    case PROP_SUCCESSOR:
      g_value_set_string (value, self->successor);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LAG:
      g_value_set_int (value, self->lag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_dependency_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CharterDependency *self = CHARTER_DEPENDENCY (object);

  switch (prop_id)
    {
    case PROP_PREDECESSOR:
      charter_dependency_set_predecessor (self, g_value_get_string (value));
      break;

    case PROP_SUCCESSOR:
      charter_dependency_set_successor (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      charter_dependency_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_LAG:
      charter_dependency_set_lag (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_dependency_class_init (CharterDependencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_dependency_finalize;
  object_class->get_property = charter_dependency_get_property;
  object_class->set_property = charter_dependency_set_property;

  (void) item_class;

  /**
   * CharterDependency:predecessor:
   *
   * The id of the task that comes first.
   */
  properties[PROP_PREDECESSOR] =
    g_param_spec_string ("predecessor", N_("predecessor"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED));

  /**
   * CharterDependency:successor:
   *
   * The id of the task that depends on it.
   */
  properties[PROP_SUCCESSOR] =
    g_param_spec_string ("successor", N_("successor"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED));

  /**
   * CharterDependency:kind:
   *
   * How the dates hang together.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("kind"), NULL,
                       CHARTER_TYPE_DEPENDENCY_TYPE, CHARTER_DEPENDENCY_FINISH_TO_START,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterDependency:lag:
   *
   * Working days between the two; negative for an overlap.
   */
  properties[PROP_LAG] =
    g_param_spec_int ("lag", N_("lag"), NULL,
                      -100000, 100000, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_dependency_init (CharterDependency *self)
{
}

/**
 * charter_dependency_new:
 * @id: the id of the new dependency
 *
 * Returns: (transfer full): a new #CharterDependency
 */
CharterDependency *
charter_dependency_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_DEPENDENCY, "id", id, NULL);
}

/**
 * charter_dependency_get_predecessor:
 * @self: a #CharterDependency
 *
 * Returns: (transfer none) (nullable): the id of the task that comes first.
 */
const char *
charter_dependency_get_predecessor (CharterDependency *self)
{
  g_return_val_if_fail (CHARTER_IS_DEPENDENCY (self), NULL);

  return self->predecessor;
}

/**
 * charter_dependency_set_predecessor:
 * @self: a #CharterDependency
 * @predecessor: (nullable) the new value
 *
 * Sets the predecessor; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_dependency_set_predecessor (CharterDependency *self,
                                    const char        *predecessor)
{
  g_return_if_fail (CHARTER_IS_DEPENDENCY (self));

  if (g_strcmp0 (self->predecessor, predecessor) == 0)
    return;

  g_free (self->predecessor);
  self->predecessor = (predecessor != NULL && predecessor[0] != '\0') ? g_strdup (predecessor) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDECESSOR]);
}

/**
 * charter_dependency_get_successor:
 * @self: a #CharterDependency
 *
 * Returns: (transfer none) (nullable): the id of the task that depends on it.
 */
const char *
charter_dependency_get_successor (CharterDependency *self)
{
  g_return_val_if_fail (CHARTER_IS_DEPENDENCY (self), NULL);

  return self->successor;
}

/**
 * charter_dependency_set_successor:
 * @self: a #CharterDependency
 * @successor: (nullable) the new value
 *
 * Sets the successor; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_dependency_set_successor (CharterDependency *self,
                                  const char        *successor)
{
  g_return_if_fail (CHARTER_IS_DEPENDENCY (self));

  if (g_strcmp0 (self->successor, successor) == 0)
    return;

  g_free (self->successor);
  self->successor = (successor != NULL && successor[0] != '\0') ? g_strdup (successor) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUCCESSOR]);
}

/**
 * charter_dependency_get_kind:
 * @self: a #CharterDependency
 *
 * Returns: how the dates hang together.
 */
CharterDependencyType
charter_dependency_get_kind (CharterDependency *self)
{
  g_return_val_if_fail (CHARTER_IS_DEPENDENCY (self), 0);

  return self->kind;
}

/**
 * charter_dependency_set_kind:
 * @self: a #CharterDependency
 * @kind: the new value
 *
 * Sets the kind; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_dependency_set_kind (CharterDependency     *self,
                             CharterDependencyType  kind)
{
  g_return_if_fail (CHARTER_IS_DEPENDENCY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * charter_dependency_get_lag:
 * @self: a #CharterDependency
 *
 * Returns: working days between the two; negative for an overlap.
 */
int
charter_dependency_get_lag (CharterDependency *self)
{
  g_return_val_if_fail (CHARTER_IS_DEPENDENCY (self), 0);

  return self->lag;
}

/**
 * charter_dependency_set_lag:
 * @self: a #CharterDependency
 * @lag: the new value
 *
 * Sets the lag; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_dependency_set_lag (CharterDependency *self,
                            int                lag)
{
  g_return_if_fail (CHARTER_IS_DEPENDENCY (self));

  g_return_if_fail (lag >= -100000 && lag <= 100000);
  if (self->lag == lag)
    return;

  self->lag = lag;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAG]);
}
