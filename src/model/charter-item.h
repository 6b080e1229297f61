/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "charter-model-types.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_ITEM (charter_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CharterItem, charter_item, CHARTER, ITEM, GObject)

/**
 * CharterItemClass:
 *
 * The base of every record in a Charter document: a stable string id, a name a
 * person recognises, and the members a newer Charter wrote that this one does
 * not know (kept so that they survive a round trip).
 */
struct _CharterItemClass
{
  GObjectClass parent_class;

  const char *(*get_display_name) (CharterItem *self);

  /*< private >*/
  gpointer padding[8];
};

const char  *charter_item_get_id               (CharterItem  *self);
const char  *charter_item_get_display_name     (CharterItem  *self);
GParamSpec  *charter_item_get_display_property (CharterItem  *self);
JsonObject  *charter_item_get_unknown_members  (CharterItem  *self);
void         charter_item_set_unknown_members  (CharterItem  *self,
                                                JsonObject   *members);
GParamSpec **charter_item_list_properties      (GType         item_type,
                                                guint        *n_properties);

G_END_DECLS
