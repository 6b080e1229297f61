/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-team-color.c: the one colour each team is drawn in, so that the
 * graph, the timeline and their legends always agree. */

#define G_LOG_DOMAIN "charter-team-color"

#include "config.h"

#include "charter-team-color.h"

/* Okabe and Ito's palette: told apart with every common colour-vision
 * deficiency. Teams without a colour of their own take one by position. */
static const char * const okabe_ito[] = {
  "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
};

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
      gdk_rgba_parse (color, "#9A9996");
      return;
    }

  spec = charter_team_get_color (team);
  if (spec == NULL || !gdk_rgba_parse (color, spec))
    gdk_rgba_parse (color, okabe_ito[position % G_N_ELEMENTS (okabe_ito)]);
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
  *n_colors = G_N_ELEMENTS (okabe_ito);
  return okabe_ito;
}
