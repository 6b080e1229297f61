/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int charter_cli_main (int   argc,
                      char *argv[]);

/* One function a subcommand: argv[0] is the subcommand's name. Each returns
 * the exit status: 0 on success, 1 on bad input (message on stderr), 2 on a
 * usage error. */
int charter_cli_validate  (int argc, char *argv[]);
int charter_cli_normalize (int argc, char *argv[]);
int charter_cli_schedule  (int argc, char *argv[]);
int charter_cli_explain   (int argc, char *argv[]);
int charter_cli_export    (int argc, char *argv[]);

G_END_DECLS
