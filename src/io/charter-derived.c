/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-derived.c: members whose absence means "follow another member".
 *
 * A risk's `probability` and `impact_days` came after its `likelihood` and
 * `contingency`. A file without them (every file written before) gives the
 * probability its likelihood stands for and the impact its contingency; the
 * writer leaves a member out exactly when reading it back that way gives the
 * same value. So old files open with the forecast they always implied, and
 * saving them changes no byte. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include <string.h>

#include "charter-io-private.h"

gboolean
charter_io_derived_default (CharterItem *item,
                            GParamSpec  *pspec,
                            GValue      *value)
{
  if (CHARTER_IS_RISK (item) && pspec->owner_type == CHARTER_TYPE_RISK)
    {
      CharterRisk *risk = CHARTER_RISK (item);

      if (strcmp (pspec->name, "probability") == 0)
        {
          g_value_init (value, G_TYPE_INT);
          g_value_set_int (value, charter_risk_probability_for_likelihood (charter_risk_get_likelihood (risk)));
          return TRUE;
        }
      if (strcmp (pspec->name, "impact-days") == 0)
        {
          GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);

          g_value_init (value, G_TYPE_INT);
          g_value_set_int (value, CLAMP (charter_risk_get_contingency (risk), ispec->minimum, ispec->maximum));
          return TRUE;
        }
    }

  return FALSE;
}
