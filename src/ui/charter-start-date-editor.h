/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_START_DATE_EDITOR (charter_start_date_editor_get_type ())

G_DECLARE_FINAL_TYPE (CharterStartDateEditor, charter_start_date_editor, CHARTER, START_DATE_EDITOR, GtkPopover)

GtkWidget       *charter_start_date_editor_new          (void);
CharterDocument *charter_start_date_editor_get_document (CharterStartDateEditor *self);
void             charter_start_date_editor_set_document (CharterStartDateEditor *self,
                                                         CharterDocument        *document);
gboolean         charter_start_date_editor_apply        (CharterStartDateEditor *self,
                                                         const char             *text,
                                                         char                  **refusal);

void             charter_today                          (GDate                  *today);
char            *charter_next_working_day               (CharterCalendar        *calendar,
                                                         const GDate            *after);
char            *charter_format_start_date              (const char             *iso_date);

G_END_DECLS
