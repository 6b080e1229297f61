/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-palette.h: the team colours and the colour science that chose
 * them (CIEDE2000, Machado 2009 colour-vision simulation, WCAG contrast),
 * in plain C so that the renderers, the app and the tests share them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CharterRgba:
 * @red: sRGB red in [0, 1]
 * @green: sRGB green in [0, 1]
 * @blue: sRGB blue in [0, 1]
 * @alpha: opacity in [0, 1]
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CharterRgba;

typedef enum
{
  CHARTER_VISION_NORMAL,
  CHARTER_VISION_DEUTERANOPIA,
  CHARTER_VISION_PROTANOPIA,
} CharterVision;

/* The grey of tasks that belong to no team. */
#define CHARTER_PALETTE_NO_TEAM "#9A9996"

const char * const *charter_palette_get_colors     (guint             *n_colors);
void                charter_palette_color_at       (guint              position,
                                                    CharterRgba       *color,
                                                    guint             *pattern);
gboolean            charter_palette_parse          (const char        *spec,
                                                    CharterRgba       *color);
void                charter_palette_simulate       (const CharterRgba *color,
                                                    CharterVision      vision,
                                                    CharterRgba       *seen);
double              charter_palette_delta_e_2000   (const CharterRgba *a,
                                                    const CharterRgba *b);
double              charter_palette_contrast_ratio (const CharterRgba *fg,
                                                    const CharterRgba *bg);

G_END_DECLS
