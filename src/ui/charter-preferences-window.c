/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-preferences-window.c: the preferences, each row bound to a key of
 * the org.charterapp.Charter GSettings schema. */

#define G_LOG_DOMAIN "charter-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-preferences-window.h"
#include "charter-accessible.h"

struct _CharterPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSwitch            *projector_switch;
  AdwComboRow          *color_scheme_row;
  AdwComboRow          *workspace_row;
  GtkSwitch            *restore_switch;
  GtkSpinButton        *interval_spin;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CharterPreferencesWindow, charter_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const workspaces[] = { "discovery", "spec", "plan", "timeline", "availability", NULL };

/* Helpers: combo rows hold a position, the schema an enum nick. */

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

/* Overrides */

static void
charter_preferences_window_dispose (GObject *object)
{
  CharterPreferencesWindow *self = (CharterPreferencesWindow *) object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (charter_preferences_window_parent_class)->dispose (object);
}

static void
charter_preferences_window_class_init (CharterPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/charterapp/Charter/charter-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterPreferencesWindow, projector_switch);
  gtk_widget_class_bind_template_child (widget_class, CharterPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CharterPreferencesWindow, workspace_row);
  gtk_widget_class_bind_template_child (widget_class, CharterPreferencesWindow, restore_switch);
  gtk_widget_class_bind_template_child (widget_class, CharterPreferencesWindow, interval_spin);
}

/* AdwPreferencesWindow's own search entry (hidden here, but in the
 * accessible tree) is otherwise read as "GtkSearchEntry". */
static void
name_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"),
                                      -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_entry (child);
}

static void
charter_preferences_window_init (CharterPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));
  charter_accessible_combo_row (self->color_scheme_row);
  charter_accessible_combo_row (self->workspace_row);
  name_search_entry (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "projector-mode", self->projector_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "restore-last-document", self->restore_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "recovery-interval", self->interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (self->settings, "default-workspace", self->workspace_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                (gpointer) workspaces, NULL);
}

GtkWidget *
charter_preferences_window_new (void)
{
  return g_object_new (CHARTER_TYPE_PREFERENCES_WINDOW, NULL);
}
