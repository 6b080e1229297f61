/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "charter-window.h"

G_BEGIN_DECLS

gboolean charter_frame_probe_enabled (void);
void     charter_frame_probe_attach  (CharterWindow *window);

G_END_DECLS
