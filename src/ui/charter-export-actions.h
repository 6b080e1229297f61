/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-export-actions.h: what the window's Export…, Print… and Copy as
 * Image do with the workspace on screen, kept out of charter-window.c. */

#pragma once

#include <adwaita.h>

#include "charter-export.h"

G_BEGIN_DECLS

/**
 * CharterExportSource:
 * @document: the document
 * @schedule: (nullable): its current schedule
 * @workspace: the name of the workspace on screen ("plan", "timeline"…)
 * @plan_view: the Plan workspace
 * @timeline_view: the Timeline workspace
 */
typedef struct
{
  CharterDocument *document;
  CharterSchedule *schedule;
  const char      *workspace;
  GtkWidget       *plan_view;
  GtkWidget       *timeline_view;
} CharterExportSource;

CharterExportView charter_export_actions_view_for       (const char                *workspace);
GStrv             charter_export_actions_get_in_view    (const CharterExportSource *source,
                                                         CharterExportOptions      *options);
GtkWindow        *charter_export_actions_show_dialog    (GtkWindow                 *parent,
                                                         const CharterExportSource *source);
void              charter_export_actions_print          (GtkWindow                 *parent,
                                                         const CharterExportSource *source);
gboolean          charter_export_actions_print_to_file  (const CharterExportSource *source,
                                                         const char                *path,
                                                         GError                   **error);
GdkTexture       *charter_export_actions_render_texture (const CharterExportSource *source,
                                                         GError                   **error);
gboolean          charter_export_actions_copy_image     (GtkWidget                 *widget,
                                                         const CharterExportSource *source,
                                                         GError                   **error);

G_END_DECLS
