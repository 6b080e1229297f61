/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-cli"

#include "config.h"

#include <stdio.h>

#include "charter-cli-main.h"

int
charter_cli_schedule (int   argc,
                char *argv[])
{
  fprintf (stderr, "charter-cli schedule: not built yet\n");
  return 2;
}
