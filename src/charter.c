/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter: the GTK application. Placeholder entry point until the
 * application shell lands. */

#define G_LOG_DOMAIN "charter"

#include "config.h"

#include <adwaita.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
