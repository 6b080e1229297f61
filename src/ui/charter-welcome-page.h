/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHARTER_TYPE_WELCOME_PAGE (charter_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (CharterWelcomePage, charter_welcome_page, CHARTER, WELCOME_PAGE, GtkWidget)

GtkWidget *charter_welcome_page_new (void);

G_END_DECLS
