/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-welcome-page.c: what a window shows when Charter starts without a
 * file: new plan, open, the example, and the recent documents. Every button
 * is an action (app.new, win.open, app.open-example, win.open-uri). */

#define G_LOG_DOMAIN "charter-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-file.h"
#include "charter-welcome-page.h"
#include "charter-accessible.h"

#define MAX_RECENT_ROWS 5

struct _CharterWelcomePage
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *status_page;
  GtkWidget  *recent_heading;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (CharterWelcomePage, charter_welcome_page, GTK_TYPE_WIDGET)

/* Helpers */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static void
rebuild_recent (CharterWelcomePage *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GList *charter_items = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), CHARTER_FILE_MIME_TYPE) == 0 ||
          g_str_has_suffix (gtk_recent_info_get_uri (info), ".charter"))
        charter_items = g_list_prepend (charter_items, info);
    }
  charter_items = g_list_sort (charter_items, compare_newest_first);

  for (GList *l = charter_items; l != NULL && n < MAX_RECENT_ROWS; l = l->next, n++)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *location = gtk_recent_info_get_uri_display (info);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (location != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-uri");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n > 0);

  g_list_free (charter_items);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Callbacks */

static void
on_recent_changed_cb (CharterWelcomePage *self,
                      GtkRecentManager   *manager)
{
  rebuild_recent (self);
}

/* Overrides */

static void
charter_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CHARTER_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (charter_welcome_page_parent_class)->dispose (object);
}

static void
charter_welcome_page_class_init (CharterWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_welcome_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CharterWelcomePage, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, CharterWelcomePage, recent_list);
}

static void
charter_welcome_page_init (CharterWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent (self);
}

/* Public API */

GtkWidget *
charter_welcome_page_new (void)
{
  return g_object_new (CHARTER_TYPE_WELCOME_PAGE, NULL);
}
