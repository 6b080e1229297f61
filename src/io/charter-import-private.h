/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-import-private.h: what the XML import readers share (src/io only). */

#pragma once

#include <libxml/tree.h>

#include "charter-mspdi.h"

G_BEGIN_DECLS

/* libxml2 with no network, no DTD, no entities and the size cap
 * (charter-mspdi.c); NULL with @error naming the file and the line. */
xmlDoc *charter_import_parse_xml (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  GError     **error);

G_END_DECLS
