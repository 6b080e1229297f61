/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-style.c: the application's one style sheet, and the named colours
 * that canvases read from it.
 *
 * Looks live in CSS: src/ui/style.css holds every rule and the light named
 * colours (@define-color charter_…), style-dark.css overrides the colours
 * for the dark style. AdwApplication loads both from the resource base path;
 * programs without it (widget tests, the test hosts) get the same two sheets
 * from charter_style_ensure(), so that nothing draws with colours that exist
 * only in the application. */

#define G_LOG_DOMAIN "charter-style"

#include "config.h"

#include <adwaita.h>

#include "charter-style.h"

#define RESOURCE_BASE "/org/charterapp/Charter"

typedef struct
{
  GtkCssProvider *light;
  GtkCssProvider *dark;
  GdkDisplay     *display;
  gboolean        dark_added;
} StyleSheets;

static void
style_sheets_free (gpointer data)
{
  StyleSheets *sheets = data;

  g_clear_object (&sheets->light);
  g_clear_object (&sheets->dark);
  g_free (sheets);
}

static void
update_dark (StyleSheets *sheets)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_for_display (sheets->display));

  if (dark == sheets->dark_added)
    return;
  if (dark)
    gtk_style_context_add_provider_for_display (sheets->display, GTK_STYLE_PROVIDER (sheets->dark),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  else
    gtk_style_context_remove_provider_for_display (sheets->display, GTK_STYLE_PROVIDER (sheets->dark));
  sheets->dark_added = dark;
}

static void
on_style_manager_dark_cb (AdwStyleManager *manager,
                          GParamSpec      *pspec,
                          StyleSheets     *sheets)
{
  update_dark (sheets);
}

static gboolean
application_loads_style (void)
{
  GApplication *app = g_application_get_default ();

  return ADW_IS_APPLICATION (app) &&
         g_strcmp0 (g_application_get_resource_base_path (app), RESOURCE_BASE) == 0;
}

/**
 * charter_style_ensure:
 * @display: (nullable): the display the widgets are on
 *
 * Makes sure Charter's style sheet applies on @display. Inside the
 * application AdwApplication has already loaded it and this does nothing;
 * elsewhere it loads style.css, and style-dark.css while the style is dark,
 * once per display.
 */
void
charter_style_ensure (GdkDisplay *display)
{
  static GQuark quark;
  StyleSheets *sheets;

  if (display == NULL || application_loads_style ())
    return;
  if (quark == 0)
    quark = g_quark_from_static_string ("charter-style-sheets");
  if (g_object_get_qdata (G_OBJECT (display), quark) != NULL)
    return;

  sheets = g_new0 (StyleSheets, 1);
  sheets->display = display;
  sheets->light = gtk_css_provider_new ();
  sheets->dark = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (sheets->light, RESOURCE_BASE "/style.css");
  gtk_css_provider_load_from_resource (sheets->dark, RESOURCE_BASE "/style-dark.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (sheets->light),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_qdata_full (G_OBJECT (display), quark, sheets, style_sheets_free);

  /* The sheets live as long as the display, and so does its style manager. */
  g_signal_connect (adw_style_manager_get_for_display (display), "notify::dark",
                    G_CALLBACK (on_style_manager_dark_cb), sheets);
  update_dark (sheets);
}

/**
 * charter_style_lookup_color:
 * @widget: the widget that draws
 * @name: a named colour without its `charter_` prefix, such as `gantt_bar`
 * @color: (out): where to store it
 *
 * Reads `@charter_NAME` from the style sheet as @widget sees it, preferring
 * `@charter_NAME_projector` while the window is in projector mode. A missing
 * colour is a programming error: it warns and stores magenta, so that tests
 * (which make warnings fatal) catch it and nobody mistakes it for a choice.
 *
 * Returns: whether the colour was found
 */
gboolean
charter_style_lookup_color (GtkWidget  *widget,
                            const char *name,
                            GdkRGBA    *color)
{
  GtkStyleContext *context;
  GtkRoot *root;
  g_autofree char *plain = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  root = gtk_widget_get_root (widget);
  if (root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "projector"))
    {
      g_autofree char *projector = g_strconcat ("charter_", name, "_projector", NULL);

      if (gtk_style_context_lookup_color (context, projector, color))
        return TRUE;
    }

  plain = g_strconcat ("charter_", name, NULL);
  if (gtk_style_context_lookup_color (context, plain, color))
    return TRUE;
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_warning ("The style sheet has no colour @%s", plain);
  *color = (GdkRGBA) { 1.0, 0.0, 1.0, 1.0 };
  return FALSE;
}
