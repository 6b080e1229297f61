/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-team-color.c: the one colour each team is drawn in, so that the
 * graph, the timeline and their legends always agree. */

#define G_LOG_DOMAIN "charter-team-color"

#include "config.h"

#include "charter-team-color.h"

#include "charter-palette.h"

/* The palette lives in src/render/charter-palette.c, shared with the
 * exports, with why each colour was chosen: every pair told apart with
 * deuteranopia and protanopia too, none near the "no team" grey. Teams
 * without a colour of their own take one by position. */

/**
 * charter_team_color:
 * @team: (nullable): a team, or %NULL for tasks that belong to none
 * @position: the team's position in the document's team list
 * @color: (out): where to store the colour
 *
 * The team's own colour when it has a valid one, else the palette colour for
 * @position; a neutral grey for no team.
 */
void
charter_team_color (CharterTeam *team,
                    guint        position,
                    GdkRGBA     *color)
{
  const char *spec;

  g_return_if_fail (color != NULL);

  if (team == NULL)
    {
      gdk_rgba_parse (color, CHARTER_PALETTE_NO_TEAM);
      return;
    }

  spec = charter_team_get_color (team);
  if (spec == NULL || !gdk_rgba_parse (color, spec))
    {
      guint n;
      const char * const *palette = charter_palette_get_colors (&n);

      gdk_rgba_parse (color, palette[position % n]);
    }
  color->alpha = 1.0;
}

/**
 * charter_team_color_palette:
 * @n_colors: (out): how many colours there are
 *
 * The colours teams take by position, for a team colour picker.
 *
 * Returns: (array length=n_colors) (transfer none): the colours as "#RRGGBB"
 */
const char * const *
charter_team_color_palette (guint *n_colors)
{
  return charter_palette_get_colors (n_colors);
}
