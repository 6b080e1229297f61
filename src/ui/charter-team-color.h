/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gdk/gdk.h>

#include "charter-model.h"

G_BEGIN_DECLS

void charter_team_color (CharterTeam *team,
                         guint        position,
                         GdkRGBA     *color);

const char * const *charter_team_color_palette (guint *n_colors);

G_END_DECLS
