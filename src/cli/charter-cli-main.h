/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "charter-document.h"

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
int charter_cli_import    (int argc, char *argv[]);

/* export --to mspdi (charter-cli-plan-export.c): whether @to names a plan
 * format, and the export itself (exit status as above). */
gboolean charter_cli_is_plan_format (const char *to);
int      charter_cli_export_plan    (const char *path,
                                     const char *to,
                                     const char *output);

/* Reads FILE as Charter would. On failure, says what is wrong and where on
 * stderr and returns NULL: the subcommand then exits with status 1. */
CharterDocument *charter_cli_load_document (GFile *file);

/* Whether @as_of (nullable) is "none" or a date YYYY-MM-DD; if not, says so
 * on stderr for @subcommand (a usage error). */
gboolean charter_cli_check_as_of (const char *subcommand,
                                  const char *as_of);

G_END_DECLS
