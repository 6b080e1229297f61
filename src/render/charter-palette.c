/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-palette.c: team colours that everyone tells apart.
 *
 * Okabe and Ito's palette, which the app used before, is 6.2 apart
 * (CIEDE2000) at its closest pair under deuteranopia, and its eighth colour
 * was the "no team" grey. These five were chosen by a maximin search over
 * the sRGB cube in steps of 17 (lightness 38-82 so that bars show on the
 * light and the dark canvas): every pair is at least 23.0 apart for normal
 * vision and under deuteranopia and protanopia (Machado, Oliveira and
 * Fernandes 2009, severity 1), and each is at least 24.0 from the "no team"
 * grey. No sixth colour keeps 20 from all of them (the best reaches 19.4),
 * so the sixth team and later reuse the colours with a hatching pattern
 * (and every view names the team in words). */

#define G_LOG_DOMAIN "charter-palette"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "charter-palette.h"

static const char * const palette[] = {
  "#3333FF", /* blue */
  "#AADD00", /* lime */
  "#55CCFF", /* sky */
  "#665566", /* plum grey */
  "#336600", /* forest */
};

/**
 * charter_palette_get_colors:
 * @n_colors: (out): how many colours there are
 *
 * Returns: (array length=n_colors) (transfer none): the team colours as "#RRGGBB"
 */
const char * const *
charter_palette_get_colors (guint *n_colors)
{
  *n_colors = G_N_ELEMENTS (palette);
  return palette;
}

/**
 * charter_palette_color_at:
 * @position: a team's position in the document's team list
 * @color: (out): its colour
 * @pattern: (out) (optional): 0 for a plain fill, 1 or more for the hatching
 *   of the second, third… round through the palette
 */
void
charter_palette_color_at (guint        position,
                          CharterRgba *color,
                          guint       *pattern)
{
  charter_palette_parse (palette[position % G_N_ELEMENTS (palette)], color);
  if (pattern != NULL)
    *pattern = position / G_N_ELEMENTS (palette);
}

/**
 * charter_palette_parse:
 * @spec: "#RRGGBB" or "#RGB"
 * @color: (out): the colour, opaque
 *
 * Returns: whether @spec was a colour
 */
gboolean
charter_palette_parse (const char  *spec,
                       CharterRgba *color)
{
  unsigned int r, g, b;
  char end;

  if (spec == NULL || spec[0] != '#')
    return FALSE;
  if (strlen (spec) == 7 && sscanf (spec + 1, "%2x%2x%2x%c", &r, &g, &b, &end) == 3)
    ;
  else if (strlen (spec) == 4 && sscanf (spec + 1, "%1x%1x%1x%c", &r, &g, &b, &end) == 3)
    {
      r *= 17;
      g *= 17;
      b *= 17;
    }
  else
    return FALSE;
  color->red = r / 255.0;
  color->green = g / 255.0;
  color->blue = b / 255.0;
  color->alpha = 1.0;
  return TRUE;
}

static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
from_linear (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1.0 / 2.4) - 0.055;
}

/**
 * charter_palette_simulate:
 * @color: a colour
 * @vision: how it is seen
 * @seen: (out): the colour as someone with @vision sees it (Machado 2009,
 *   severity 1.0, applied to linear RGB)
 */
void
charter_palette_simulate (const CharterRgba *color,
                          CharterVision      vision,
                          CharterRgba       *seen)
{
  static const double deuteranopia[3][3] = {
    { 0.367322, 0.860646, -0.227968 },
    { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 },
  };
  static const double protanopia[3][3] = {
    { 0.152286, 1.052583, -0.204868 },
    { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 },
  };
  const double (*m)[3];
  double in[3], out[3];

  if (vision == CHARTER_VISION_NORMAL)
    {
      *seen = *color;
      return;
    }
  m = vision == CHARTER_VISION_DEUTERANOPIA ? deuteranopia : protanopia;
  in[0] = to_linear (color->red);
  in[1] = to_linear (color->green);
  in[2] = to_linear (color->blue);
  for (guint i = 0; i < 3; i++)
    out[i] = m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2];
  seen->red = from_linear (out[0]);
  seen->green = from_linear (out[1]);
  seen->blue = from_linear (out[2]);
  seen->alpha = color->alpha;
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

static void
to_lab (const CharterRgba *c,
        double             lab[3])
{
  double r = to_linear (c->red), g = to_linear (c->green), b = to_linear (c->blue);
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;

  lab[0] = 116.0 * lab_f (y) - 16.0;
  lab[1] = 500.0 * (lab_f (x) - lab_f (y));
  lab[2] = 200.0 * (lab_f (y) - lab_f (z));
}

#define RAD(d) ((d) * G_PI / 180.0)

/**
 * charter_palette_delta_e_2000:
 * @a: a colour
 * @b: another
 *
 * Returns: their CIEDE2000 colour difference (Sharma, Wu and Dalal 2005),
 *   from CIELAB with the D65 white point
 */
double
charter_palette_delta_e_2000 (const CharterRgba *a,
                              const CharterRgba *b)
{
  double l1[3], l2[3];
  double c1, c2, cb, g, a1p, a2p, c1p, c2p, h1p, h2p, dlp, dcp, dhp, dhhp;
  double lbp, cbp, hbp, t, dth, rc, sl, sc, sh, rt;

  to_lab (a, l1);
  to_lab (b, l2);
  c1 = hypot (l1[1], l1[2]);
  c2 = hypot (l2[1], l2[2]);
  cb = (c1 + c2) / 2.0;
  g = 0.5 * (1.0 - sqrt (pow (cb, 7) / (pow (cb, 7) + pow (25.0, 7))));
  a1p = (1.0 + g) * l1[1];
  a2p = (1.0 + g) * l2[1];
  c1p = hypot (a1p, l1[2]);
  c2p = hypot (a2p, l2[2]);
  h1p = c1p == 0 ? 0 : fmod (atan2 (l1[2], a1p) * 180.0 / G_PI + 360.0, 360.0);
  h2p = c2p == 0 ? 0 : fmod (atan2 (l2[2], a2p) * 180.0 / G_PI + 360.0, 360.0);
  dlp = l2[0] - l1[0];
  dcp = c2p - c1p;
  if (c1p * c2p == 0)
    dhp = 0;
  else
    {
      dhp = h2p - h1p;
      if (dhp > 180)
        dhp -= 360;
      else if (dhp < -180)
        dhp += 360;
    }
  dhhp = 2.0 * sqrt (c1p * c2p) * sin (RAD (dhp / 2.0));
  lbp = (l1[0] + l2[0]) / 2.0;
  cbp = (c1p + c2p) / 2.0;
  if (c1p * c2p == 0)
    hbp = h1p + h2p;
  else if (fabs (h1p - h2p) <= 180)
    hbp = (h1p + h2p) / 2.0;
  else if (h1p + h2p < 360)
    hbp = (h1p + h2p + 360) / 2.0;
  else
    hbp = (h1p + h2p - 360) / 2.0;
  t = 1 - 0.17 * cos (RAD (hbp - 30)) + 0.24 * cos (RAD (2 * hbp)) +
      0.32 * cos (RAD (3 * hbp + 6)) - 0.20 * cos (RAD (4 * hbp - 63));
  dth = 30 * exp (-pow ((hbp - 275) / 25, 2));
  rc = 2 * sqrt (pow (cbp, 7) / (pow (cbp, 7) + pow (25.0, 7)));
  sl = 1 + 0.015 * pow (lbp - 50, 2) / sqrt (20 + pow (lbp - 50, 2));
  sc = 1 + 0.045 * cbp;
  sh = 1 + 0.015 * cbp * t;
  rt = -sin (RAD (2 * dth)) * rc;
  return sqrt (pow (dlp / sl, 2) + pow (dcp / sc, 2) + pow (dhhp / sh, 2) +
               rt * (dcp / sc) * (dhhp / sh));
}

static double
luminance (const CharterRgba *c)
{
  return 0.2126 * to_linear (c->red) + 0.7152 * to_linear (c->green) + 0.0722 * to_linear (c->blue);
}

/**
 * charter_palette_contrast_ratio:
 * @fg: the text colour; its alpha blends it over @bg
 * @bg: the background, opaque
 *
 * Returns: the WCAG 2 contrast ratio, 1 to 21
 */
double
charter_palette_contrast_ratio (const CharterRgba *fg,
                                const CharterRgba *bg)
{
  CharterRgba blended = {
    fg->red * fg->alpha + bg->red * (1 - fg->alpha),
    fg->green * fg->alpha + bg->green * (1 - fg->alpha),
    fg->blue * fg->alpha + bg->blue * (1 - fg->alpha),
    1.0,
  };
  double l1 = luminance (&blended), l2 = luminance (bg);

  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}
