/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_DISCOVERY_VIEW (charter_discovery_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterDiscoveryView, charter_discovery_view, CHARTER, DISCOVERY_VIEW, AdwBin)

GtkWidget        *charter_discovery_view_new                (void);
CharterDocument  *charter_discovery_view_get_document       (CharterDiscoveryView *self);
void              charter_discovery_view_set_document       (CharterDiscoveryView *self,
                                                             CharterDocument      *document);
/* For tests and the window: what is open and selected (view state, not document state). */
CharterInterview *charter_discovery_view_get_interview      (CharterDiscoveryView *self);
GtkTextView      *charter_discovery_view_get_notes_view     (CharterDiscoveryView *self);
const char       *charter_discovery_view_get_selected_insight (CharterDiscoveryView *self);
const char       *charter_discovery_view_get_page           (CharterDiscoveryView *self);
guint             charter_discovery_view_count_visible_cards (CharterDiscoveryView *self);

G_END_DECLS
