/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-export.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_EXPORT_DIALOG (charter_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CharterExportDialog, charter_export_dialog, CHARTER, EXPORT_DIALOG, AdwWindow)

/* File → Export…: a view of the document as PDF, SVG or PNG. The window
 * gives it the document, the schedule, the view on screen and what of it
 * is in view; ::exported says where it was written. */
CharterExportDialog *charter_export_dialog_new          (GtkWindow                  *parent,
                                                         CharterDocument            *document,
                                                         CharterSchedule            *schedule,
                                                         CharterExportView           view,
                                                         const CharterExportOptions *in_view);
void                 charter_export_dialog_set_choice   (CharterExportDialog        *self,
                                                         CharterExportView           view,
                                                         CharterExportFormat         format,
                                                         gboolean                    in_view);
gboolean             charter_export_dialog_export_to    (CharterExportDialog        *self,
                                                         GFile                      *file,
                                                         GError                    **error);

G_END_DECLS
