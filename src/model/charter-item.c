/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-item"

#include "config.h"

#include "charter-item.h"

typedef struct
{
  char       *id;
  JsonObject *unknown_members;
} CharterItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CharterItem, charter_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_param_ids (gconstpointer a,
                   gconstpointer b)
{
  const GParamSpec *pa = *(const GParamSpec * const *) a;
  const GParamSpec *pb = *(const GParamSpec * const *) b;

  /* The id comes first, then each type's own properties in the order its
   * class installed them: that is the member order of the file format. */
  if (pa->owner_type != pb->owner_type)
    return pa->owner_type == CHARTER_TYPE_ITEM ? -1 : 1;
  return (int) pa->param_id - (int) pb->param_id;
}

static const char *
charter_item_real_get_display_name (CharterItem *self)
{
  return charter_item_get_id (self);
}

static void
charter_item_finalize (GObject *object)
{
  CharterItem *self = (CharterItem *) object;
  CharterItemPrivate *priv = charter_item_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->unknown_members, json_object_unref);

  G_OBJECT_CLASS (charter_item_parent_class)->finalize (object);
}

static void
charter_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CharterItem *self = CHARTER_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, charter_item_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CharterItem *self = CHARTER_ITEM (object);
  CharterItemPrivate *priv = charter_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_item_class_init (CharterItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = charter_item_finalize;
  object_class->get_property = charter_item_get_property;
  object_class->set_property = charter_item_set_property;

  klass->get_display_name = charter_item_real_get_display_name;

  /**
   * CharterItem:id:
   *
   * The item's stable identifier, unique within its collection. Other items
   * refer to it by this id; it never changes.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", "id", NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_item_init (CharterItem *self)
{
}

/**
 * charter_item_get_id:
 * @self: a #CharterItem
 *
 * Returns: (transfer none): the item's id
 */
const char *
charter_item_get_id (CharterItem *self)
{
  CharterItemPrivate *priv = charter_item_get_instance_private (self);

  g_return_val_if_fail (CHARTER_IS_ITEM (self), NULL);

  return priv->id ? priv->id : "";
}

/**
 * charter_item_get_display_name:
 * @self: a #CharterItem
 *
 * The name a person knows the item by: a task's name, a need's statement, a
 * participant's alias (never their real name). Falls back to the id when the
 * item has no name yet.
 *
 * Returns: (transfer none): the display name
 */
const char *
charter_item_get_display_name (CharterItem *self)
{
  const char *name;

  g_return_val_if_fail (CHARTER_IS_ITEM (self), NULL);

  name = CHARTER_ITEM_GET_CLASS (self)->get_display_name (self);
  if (name == NULL || name[0] == '\0')
    return charter_item_get_id (self);

  return name;
}

/**
 * charter_item_get_display_property:
 * @self: a #CharterItem
 *
 * Returns: (transfer none) (nullable): the property that holds the display
 *   name, or %NULL when the type has none
 */
GParamSpec *
charter_item_get_display_property (CharterItem *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (CHARTER_IS_ITEM (self), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->flags & CHARTER_PARAM_DISPLAY)
      return pspecs[i];

  return NULL;
}

/**
 * charter_item_get_unknown_members:
 * @self: a #CharterItem
 *
 * Members that the file held for this item and this version of Charter does
 * not know; the file format writes them back unchanged.
 *
 * Returns: (transfer none) (nullable): the unknown members
 */
JsonObject *
charter_item_get_unknown_members (CharterItem *self)
{
  CharterItemPrivate *priv = charter_item_get_instance_private (self);

  g_return_val_if_fail (CHARTER_IS_ITEM (self), NULL);

  return priv->unknown_members;
}

/**
 * charter_item_set_unknown_members:
 * @self: a #CharterItem
 * @members: (nullable): the members to keep
 *
 * Keeps @members to be written back when the document is saved.
 */
void
charter_item_set_unknown_members (CharterItem *self,
                                  JsonObject  *members)
{
  CharterItemPrivate *priv = charter_item_get_instance_private (self);

  g_return_if_fail (CHARTER_IS_ITEM (self));

  if (members != NULL)
    json_object_ref (members);
  g_clear_pointer (&priv->unknown_members, json_object_unref);
  priv->unknown_members = members;
}

/**
 * charter_item_list_properties:
 * @item_type: a #CharterItem subtype
 * @n_properties: (out): the number of properties returned
 *
 * Lists the properties a file stores for @item_type, in the order the file
 * format writes them: the id first, then the type's own properties in the
 * order they are declared. Collections (a team's commitments) are read-only
 * properties holding a #GListModel.
 *
 * Returns: (transfer container) (array length=n_properties): the properties
 */
GParamSpec **
charter_item_list_properties (GType  item_type,
                              guint *n_properties)
{
  g_autoptr(GTypeClass) klass = NULL;
  GParamSpec **pspecs;

  g_return_val_if_fail (g_type_is_a (item_type, CHARTER_TYPE_ITEM), NULL);
  g_return_val_if_fail (n_properties != NULL, NULL);

  klass = g_type_class_ref (item_type);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), n_properties);
  qsort (pspecs, *n_properties, sizeof (GParamSpec *), compare_param_ids);

  return pspecs;
}
