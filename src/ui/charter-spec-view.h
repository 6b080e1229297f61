/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_SPEC_VIEW (charter_spec_view_get_type ())

G_DECLARE_FINAL_TYPE (CharterSpecView, charter_spec_view, CHARTER, SPEC_VIEW, AdwBin)

GtkWidget       *charter_spec_view_new          (void);
CharterDocument *charter_spec_view_get_document (CharterSpecView *self);
void             charter_spec_view_set_document (CharterSpecView *self,
                                                CharterDocument *document);
/* For tests: what the length gauge shows. */
guint            charter_spec_view_get_word_count (CharterSpecView *self);
gboolean         charter_spec_view_get_too_long   (CharterSpecView *self);
void             charter_spec_view_set_request_form (CharterSpecView *self,
                                                    const char      *id,
                                                    guint            kind,
                                                    const char      *drop_task_id);

G_END_DECLS
