/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>

#include "charter-cli-main.h"

int
charter_cli_validate (int   argc,
                char *argv[])
{
  fprintf (stderr, "charter-cli validate: not built yet\n");
  return 2;
}
