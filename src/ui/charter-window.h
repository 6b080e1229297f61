/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "charter-model.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_WINDOW (charter_window_get_type ())

G_DECLARE_FINAL_TYPE (CharterWindow, charter_window, CHARTER, WINDOW, AdwApplicationWindow)

CharterWindow   *charter_window_new               (GtkApplication  *application);
CharterDocument *charter_window_get_document      (CharterWindow   *self);
void             charter_window_set_document      (CharterWindow   *self,
                                                   CharterDocument *document,
                                                   const char      *etag);
gboolean         charter_window_is_pristine       (CharterWindow   *self);
gboolean         charter_window_is_blank          (CharterWindow   *self);
void             charter_window_show_welcome      (CharterWindow   *self);
void             charter_window_new_plan          (CharterWindow   *self);
void             charter_window_open              (CharterWindow   *self,
                                                   GFile           *file);
void             charter_window_open_copy         (CharterWindow   *self,
                                                   GFile           *file);
void             charter_window_save_to           (CharterWindow   *self,
                                                   GFile           *file);
void             charter_window_export_markdown_to (CharterWindow *self,
                                                   GFile           *file);
gboolean         charter_window_get_busy          (CharterWindow   *self);
const char      *charter_window_get_error_message (CharterWindow   *self);
void             charter_window_set_workspace     (CharterWindow   *self,
                                                   const char      *workspace);
const char      *charter_window_get_workspace     (CharterWindow   *self);
void             charter_window_set_recovery_slot (CharterWindow   *self,
                                                   const char      *slot);
const char      *charter_window_get_recovery_slot (CharterWindow   *self);

G_END_DECLS
