/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter: the GTK application. */

#define G_LOG_DOMAIN "charter"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#if defined(CHARTER_HAVE_SHELL)
#include "charter-application.h"
#else
#include <adwaita.h>
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#if defined(CHARTER_HAVE_SHELL)
  app = G_APPLICATION (charter_application_new ());
#else
  app = G_APPLICATION (adw_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS));
#endif

  return g_application_run (app, argc, argv);
}
