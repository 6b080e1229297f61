/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-discovery-binding.h: two-way bindings between an entry or a text
 * view and one string property of a model item, for the Discovery and Spec
 * workspaces. Typing goes through charter_document_set_value (merge = TRUE)
 * so a burst of typing is one undo step; when the property changes (undo,
 * another view) the widget follows. The widget keeps no copy of its own. */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

void charter_discovery_bind_editable  (GtkEditable     *editable,
                                       CharterDocument *document,
                                       gpointer         item,
                                       const char      *property);
void charter_discovery_bind_text_view (GtkTextView     *text_view,
                                       CharterDocument *document,
                                       gpointer         item,
                                       const char      *property);
GtkWidget *charter_discovery_group_new (const char      *title,
                                        const char      *description);
GtkWidget *charter_discovery_entry_row (CharterDocument *document,
                                        gpointer         item,
                                        const char      *property,
                                        const char      *title);
GtkWidget *charter_discovery_text_area (CharterDocument *document,
                                        gpointer         item,
                                        const char      *property,
                                        const char      *accessible_name,
                                        int              min_lines);
void charter_discovery_set_accessible_name (GtkWidget  *widget,
                                            const char *name);
void charter_discovery_ensure_style   (void);

G_END_DECLS
