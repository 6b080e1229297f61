/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-mspdi.h: Microsoft Project XML (MSPDI, Project 2003–2019), the
 * format MS Project, ProjectLibre, GanttProject, OmniPlan and TaskJuggler
 * exchange plans in. Read with libxml2: no network, no DTD, no entities. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_IMPORT_ERROR (charter_import_error_quark ())

typedef enum
{
  CHARTER_IMPORT_ERROR_SYNTAX,      /* not well-formed; names the line */
  CHARTER_IMPORT_ERROR_REFUSED,     /* a DTD, entities, or too large */
  CHARTER_IMPORT_ERROR_NOT_PLAN,    /* well-formed, but not a plan of this format */
  CHARTER_IMPORT_ERROR_INVALID,     /* a value that cannot be read; names the line */
} CharterImportError;

/* The largest file Charter imports. */
#define CHARTER_IMPORT_MAX_SIZE (64 * 1024 * 1024)

GQuark           charter_import_error_quark (void);

/* Whether the links of @document (just imported) leave every task able to
 * start: FALSE with @error naming tasks of a circle of links. Shared by the
 * import readers, so that nothing Charter would not open is imported. */
gboolean         charter_import_check_links (CharterDocument *document,
                                             const char      *display_name,
                                             GError         **error);

/* Whether @data looks like MSPDI (any encoding libxml2 reads). */
gboolean         charter_mspdi_sniff        (const char  *data,
                                             gsize        length);

/* A new document from the MSPDI in @data, or %NULL with @error naming
 * @display_name, the line and what was wrong (nothing half-imported).
 * @warning (nullable) receives one sentence listing, task by task, what the
 * file holds that Charter cannot carry, or %NULL when everything was kept. */
CharterDocument *charter_mspdi_read         (const char  *data,
                                             gsize        length,
                                             const char  *display_name,
                                             char       **warning,
                                             GError     **error);

/* MSPDI for @document. @starts and @finishes (nullable) map task ids to the
 * scheduled first and last working day (Julian days, GUINT_TO_POINTER), which
 * are written as each task's Start and Finish. */
GBytes          *charter_mspdi_write        (CharterDocument *document,
                                             GHashTable      *starts,
                                             GHashTable      *finishes);

G_END_DECLS
