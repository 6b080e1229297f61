/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-csv.h: plans as CSV (RFC 4180), the way spreadsheets, MS Project
 * and issue trackers exchange task lists: quotes, separators and newlines in
 * fields, a UTF-8 BOM, ';' as the separator where ',' is the decimal comma,
 * predecessors written as MS Project does ("3FS+2d,5"). */

#pragma once

#include "charter-mspdi.h"

G_BEGIN_DECLS

/* Whether @data looks like a CSV task list: a header with a Name column. */
gboolean         charter_csv_sniff (const char  *data,
                                    gsize        length);

/* A new document from the CSV in @data, or %NULL with @error naming
 * @display_name, the line and what was wrong (CHARTER_IMPORT_ERROR).
 * Columns are found by their header: Name (or Task Name, Summary), ID,
 * Duration ("5d", "5 days", "40h", "5"), Predecessors, Team (or Resource
 * Names), Milestone, Start No Earlier Than, Deadline, Start (the earliest
 * is the plan's start). @warning as charter_mspdi_read(). */
CharterDocument *charter_csv_read  (const char  *data,
                                    gsize        length,
                                    const char  *display_name,
                                    char       **warning,
                                    GError     **error);

/* CSV with a UTF-8 BOM and CRLF line ends; @starts and @finishes as
 * charter_mspdi_write(). */
GBytes          *charter_csv_write (CharterDocument *document,
                                    GHashTable      *starts,
                                    GHashTable      *finishes);

G_END_DECLS
