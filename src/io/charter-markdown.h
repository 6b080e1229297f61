/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-markdown.h: the one-page spec as CommonMark, for a repository or a
 * wiki. Participants appear by alias only: real names and contact details
 * never leave the participant's own page. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

char *charter_markdown_export        (CharterDocument *document);

char *charter_markdown_escape_inline (const char      *text);
char *charter_markdown_escape_cell   (const char      *text);

G_END_DECLS
