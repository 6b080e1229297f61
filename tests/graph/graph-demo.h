/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents for the graph's tests, host program and benchmark, built with the
 * model API (no file loading needed). */

#pragma once

#include "charter-model.h"

G_BEGIN_DECLS

CharterDocument *graph_demo_workout_history (void);
CharterDocument *graph_demo_large           (guint   n_tasks,
                                             guint   n_dependencies,
                                             guint32 seed);

G_END_DECLS
