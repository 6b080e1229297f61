/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-team.h"
#include "charter-commitment.h"

struct _CharterTeam
{
  CharterItem parent_instance;

  char *name;
  char *color;
  int capacity;
  GListStore *commitments;
};

G_DEFINE_FINAL_TYPE (CharterTeam, charter_team, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_CAPACITY,
  PROP_COMMITMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_team_get_display_name (CharterItem *item)
{
  return CHARTER_TEAM (item)->name;
}

static void
charter_team_finalize (GObject *object)
{
  CharterTeam *self = (CharterTeam *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_object (&self->commitments);

  G_OBJECT_CLASS (charter_team_parent_class)->finalize (object);
}

static void
charter_team_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CharterTeam *self = CHARTER_TEAM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_COMMITMENTS:
      g_value_set_object (value, self->commitments);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_team_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CharterTeam *self = CHARTER_TEAM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      charter_team_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      charter_team_set_color (self, g_value_get_string (value));
      break;

    case PROP_CAPACITY:
      charter_team_set_capacity (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_team_class_init (CharterTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_team_finalize;
  object_class->get_property = charter_team_get_property;
  object_class->set_property = charter_team_set_property;

  item_class->get_display_name = charter_team_get_display_name;

  /**
   * CharterTeam:name:
   *
   * The team's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("name"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DISPLAY));

  /**
   * CharterTeam:color:
   *
   * The team's colour as #rrggbb; empty picks one from the colour-blind-safe palette.
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", N_("color"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTeam:capacity:
   *
   * How many of its tasks the team works on at once.
   */
  properties[PROP_CAPACITY] =
    g_param_spec_int ("capacity", N_("capacity"), NULL,
                      1, 1000, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterTeam:commitments:
   *
   * When the team is busy elsewhere.
   */
  properties[PROP_COMMITMENTS] =
    g_param_spec_object ("commitments", N_("commitments"), NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_team_init (CharterTeam *self)
{
  self->capacity = 1;
  self->commitments = g_list_store_new (CHARTER_TYPE_COMMITMENT);
}

/**
 * charter_team_new:
 * @id: the id of the new team
 *
 * Returns: (transfer full): a new #CharterTeam
 */
CharterTeam *
charter_team_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_TEAM, "id", id, NULL);
}

/**
 * charter_team_get_name:
 * @self: a #CharterTeam
 *
 * Returns: (transfer none) (nullable): the team's name.
 */
const char *
charter_team_get_name (CharterTeam *self)
{
  g_return_val_if_fail (CHARTER_IS_TEAM (self), NULL);

  return self->name;
}

/**
 * charter_team_set_name:
 * @self: a #CharterTeam
 * @name: (nullable) the new value
 *
 * Sets the name; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_team_set_name (CharterTeam *self,
                       const char  *name)
{
  g_return_if_fail (CHARTER_IS_TEAM (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * charter_team_get_color:
 * @self: a #CharterTeam
 *
 * Returns: (transfer none) (nullable): the team's colour as #rrggbb; empty picks one from the colour-blind-safe
 *   palette.
 */
const char *
charter_team_get_color (CharterTeam *self)
{
  g_return_val_if_fail (CHARTER_IS_TEAM (self), NULL);

  return self->color;
}

/**
 * charter_team_set_color:
 * @self: a #CharterTeam
 * @color: (nullable) the new value
 *
 * Sets the color; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_team_set_color (CharterTeam *self,
                        const char  *color)
{
  g_return_if_fail (CHARTER_IS_TEAM (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = (color != NULL && color[0] != '\0') ? g_strdup (color) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/**
 * charter_team_get_capacity:
 * @self: a #CharterTeam
 *
 * Returns: how many of its tasks the team works on at once.
 */
int
charter_team_get_capacity (CharterTeam *self)
{
  g_return_val_if_fail (CHARTER_IS_TEAM (self), 0);

  return self->capacity;
}

/**
 * charter_team_set_capacity:
 * @self: a #CharterTeam
 * @capacity: the new value
 *
 * Sets the capacity; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_team_set_capacity (CharterTeam *self,
                           int          capacity)
{
  g_return_if_fail (CHARTER_IS_TEAM (self));

  g_return_if_fail (capacity >= 1 && capacity <= 1000);
  if (self->capacity == capacity)
    return;

  self->capacity = capacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

/**
 * charter_team_get_commitments:
 * @self: a #CharterTeam
 *
 * Returns: (transfer none): when the team is busy elsewhere.
 */
GListModel *
charter_team_get_commitments (CharterTeam *self)
{
  g_return_val_if_fail (CHARTER_IS_TEAM (self), NULL);

  return G_LIST_MODEL (self->commitments);
}
