/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHARTER_TYPE_APPLICATION (charter_application_get_type ())

G_DECLARE_FINAL_TYPE (CharterApplication, charter_application, CHARTER, APPLICATION, AdwApplication)

CharterApplication *charter_application_new              (void);
GFile              *charter_application_get_example_file (void);

G_END_DECLS
