/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-shell-compat.h: the application shell uses recovery copies
 * (src/io/charter-recovery.h) and Markdown export (src/io/charter-markdown.h).
 * Until those land, these stand-ins keep the shell compiling and linking: no
 * recovery copies, and an export that says it is not available yet. */

#pragma once

#include "charter-model.h"

#if __has_include("charter-recovery.h")
# include "charter-recovery.h"
#else
static inline gboolean
charter_recovery_write (CharterDocument *document, const char *slot, GError **error)
{
  return TRUE;
}
static inline void
charter_recovery_discard (const char *slot)
{
}
static inline char **
charter_recovery_list_slots (void)
{
  return NULL;
}
static inline CharterDocument *
charter_recovery_load (const char *slot, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Recovery is not available");
  return NULL;
}
#endif

/* Weak until src/io/charter-markdown.c is in the io library: NULL means
 * the export is not available yet. */
char *charter_markdown_export (CharterDocument *document) __attribute__((weak));
