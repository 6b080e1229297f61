/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-cli: Charter without a display. Validate, normalize, schedule,
 * explain and export plans from a terminal or a script. */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "charter-cli-main.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return charter_cli_main (argc, argv);
}
