/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     charter_style_ensure        (GdkDisplay  *display);
gboolean charter_style_lookup_color  (GtkWidget   *widget,
                                      const char  *name,
                                      GdkRGBA     *color);

G_END_DECLS
