/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHARTER_TYPE_PREFERENCES_WINDOW (charter_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CharterPreferencesWindow, charter_preferences_window, CHARTER, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *charter_preferences_window_new (void);

G_END_DECLS
