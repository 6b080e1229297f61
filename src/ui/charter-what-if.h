/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-what-if.h: the launch date of a document as it would be after a
 * scope-change request or a decision, computed on a private copy so that
 * nothing is applied to the document itself. */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_WHAT_IF (charter_what_if_get_type ())

G_DECLARE_FINAL_TYPE (CharterWhatIf, charter_what_if, CHARTER, WHAT_IF, GObject)

CharterWhatIf *charter_what_if_new    (CharterDocument            *document);
gboolean       charter_what_if_launch (CharterWhatIf              *self,
                                       CharterScopeChange         *change,
                                       const CharterScopeResponse *response,
                                       guint32                    *launch_day,
                                       char                      **launch_name,
                                       GError                    **error);
int            charter_what_if_slip_days (CharterWhatIf           *self,
                                          guint32                  from_day,
                                          guint32                  to_day);

G_END_DECLS
