/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void charter_accessible_repair       (GtkWidget *root);
void charter_accessible_label_row    (GtkWidget *row_child,
                                      GtkWidget *title,
                                      GtkWidget *subtitle);
void charter_accessible_combo_row    (AdwComboRow *row);

G_END_DECLS
