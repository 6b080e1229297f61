/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "charter-model.h"
#include "charter-schedule.h"

G_BEGIN_DECLS

/* One day of a team's load: what the strip draws and its summary counts. */
typedef struct
{
  guint16  tasks;      /* the team's tasks under way that day */
  guint    working : 1;
  guint    committed : 1;  /* the team is committed elsewhere */
} CharterLoadDay;

typedef struct
{
  guint32         first_day;   /* Julian day of days[0] */
  guint           n_days;
  CharterLoadDay *days;
  int             capacity;
  guint           n_over;      /* working days with more tasks than capacity */
  guint32         first_over;  /* Julian day, or 0 */
  guint           n_committed; /* working days committed elsewhere */
  guint           peak;
} CharterLoad;

CharterLoad *charter_load_compute  (CharterDocument *document,
                                    CharterSchedule *schedule,
                                    CharterTeam     *team);
void         charter_load_free     (CharterLoad     *load);
char        *charter_load_describe (const CharterLoad *load);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CharterLoad, charter_load_free)

#define CHARTER_TYPE_LOAD_STRIP (charter_load_strip_get_type ())

G_DECLARE_FINAL_TYPE (CharterLoadStrip, charter_load_strip, CHARTER, LOAD_STRIP, GtkWidget)

GtkWidget         *charter_load_strip_new      (void);
void               charter_load_strip_set_load (CharterLoadStrip *self,
                                                CharterLoad      *load);
const CharterLoad *charter_load_strip_get_load (CharterLoadStrip *self);

G_END_DECLS
