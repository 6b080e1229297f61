/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-application.c: the application. Opens documents in windows,
 * offers recovery copies after a crash, and owns the app-wide actions. */

#define G_LOG_DOMAIN "charter-application"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-application.h"

#include "charter-preferences-window.h"
#include "charter-recovery.h"
#include "charter-window.h"

struct _CharterApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;

  guint           recovery_offered : 1;
};

G_DEFINE_FINAL_TYPE (CharterApplication, charter_application, ADW_TYPE_APPLICATION)

/* Helpers */

static CharterWindow *
find_pristine_window (CharterApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CHARTER_IS_WINDOW (l->data) && charter_window_is_pristine (l->data))
      return l->data;

  return NULL;
}

static CharterWindow *
new_window (CharterApplication *self)
{
  CharterWindow *window = find_pristine_window (self);

  if (window == NULL)
    window = charter_window_new (GTK_APPLICATION (self));

  return window;
}

static void
apply_color_scheme (CharterApplication *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The document Charter starts with when no file is named: the last one, or
 * else a copy of the example. */
static void
open_start_document (CharterApplication *self,
                     CharterWindow      *window)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-document");
  g_autoptr(GFile) example = NULL;

  if (g_settings_get_boolean (self->settings, "restore-last-document") && last[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);

      if (g_file_query_exists (file, NULL))
        {
          charter_window_open (window, file);
          return;
        }
    }

  example = charter_application_get_example_file ();
  if (example != NULL)
    charter_window_open_copy (window, example);
}

/* Recovery */

typedef struct
{
  CharterApplication *self;
  CharterWindow      *window;
  GStrv               slots;
  gboolean            open_start;
} RecoveryData;

static void
recovery_data_free (RecoveryData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->window);
  g_clear_pointer (&data->slots, g_strfreev);
  g_free (data);
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  /* The dialog owns the data until it is answered (closed with its parent
   * unanswered, it frees it). */
  RecoveryData *data = g_object_steal_data (G_OBJECT (dialog), "charter-recovery-data");
  gboolean recovered = FALSE;

  /* Answered once: the dialog goes before any window it names is touched. */
  g_signal_handlers_disconnect_by_func (dialog, on_recovery_response_cb, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "recover") == 0)
    {
      for (guint i = 0; data->slots[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CharterDocument) document = charter_recovery_load (data->slots[i], &error);
          CharterWindow *window;

          if (document == NULL)
            {
              g_warning ("Could not recover a document: %s", error->message);
              continue;
            }

          window = charter_window_is_pristine (data->window) ? data->window : new_window (data->self);
          /* Recovered work is not on disk: it stays unsaved until saved. */
          charter_history_mark_modified (charter_document_get_history (document));
          charter_window_set_document (window, document, NULL);
          charter_window_set_recovery_slot (window, data->slots[i]);
          gtk_window_present (GTK_WINDOW (window));
          recovered = TRUE;
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; data->slots[i] != NULL; i++)
        charter_recovery_discard (data->slots[i]);
    }

  if (!recovered && data->open_start)
    open_start_document (data->self, data->window);

  recovery_data_free (data);
}

/* Offers the recovery copies a crash left behind. Returns %TRUE when it
 * asks, and then takes care of opening the start document itself. */
static gboolean
offer_recovery (CharterApplication *self,
                CharterWindow      *window,
                gboolean            open_start)
{
  g_auto(GStrv) slots = NULL;
  AdwMessageDialog *dialog;
  RecoveryData *data;
  guint n;

  if (self->recovery_offered)
    return FALSE;
  self->recovery_offered = TRUE;

  slots = charter_recovery_list_slots ();
  n = slots != NULL ? g_strv_length (slots) : 0;
  if (n == 0)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Recover Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Charter did not close properly. A document had unsaved changes that can be recovered.",
                                               "Charter did not close properly. %u documents had unsaved changes that can be recovered.",
                                               n),
                                  n);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "recover");

  data = g_new0 (RecoveryData, 1);
  data->self = g_object_ref (self);
  data->window = g_object_ref (window);
  data->slots = g_steal_pointer (&slots);
  data->open_start = open_start;
  g_object_set_data_full (G_OBJECT (dialog), "charter-recovery-data", data,
                          (GDestroyNotify) recovery_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response_cb), NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Callbacks */

static void
on_settings_changed_cb (CharterApplication *self,
                        const char         *key,
                        GSettings          *settings)
{
  if (g_strcmp0 (key, "color-scheme") == 0)
    apply_color_scheme (self);
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  CharterApplication *self = CHARTER_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (new_window (self)));
}

/* A copy of the bundled example in a window of its own: saving it asks for a
 * name, so the example itself is never overwritten. */
static void
open_example_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  CharterApplication *self = CHARTER_APPLICATION (user_data);
  g_autoptr(GFile) example = charter_application_get_example_file ();
  CharterWindow *window = new_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (example != NULL)
    charter_window_open_copy (window, example);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CharterApplication *self = CHARTER_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CharterApplication *self = CHARTER_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = charter_preferences_window_new ();

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CharterApplication *self = CHARTER_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Charter developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Charter"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Charter developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Turn interviews into a one-page spec, and the spec into a plan the room can see."),
                        "copyright", "© 2026 The Charter developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes",
                        _("<p>The first release of Charter.</p>"
                          "<ul>"
                          "<li>Four workspaces: Discovery, Spec, Plan and Timeline</li>"
                          "<li>Every change can be undone</li>"
                          "<li>Recovery copies so that a crash loses nothing</li>"
                          "<li>A projector mode with large type and strong contrast</li>"
                          "</ul>"),
                        NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open-example", open_example_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.export-markdown", { "<Control>e", NULL } },
  { "win.workspace::discovery", { "<Alt>1", NULL } },
  { "win.workspace::spec", { "<Alt>2", NULL } },
  { "win.workspace::plan", { "<Alt>3", NULL } },
  { "win.workspace::timeline", { "<Alt>4", NULL } },
  { "win.workspace::availability", { "<Alt>5", NULL } },
};

/* Overrides */

static void
charter_application_startup (GApplication *application)
{
  CharterApplication *self = CHARTER_APPLICATION (application);

  G_APPLICATION_CLASS (charter_application_parent_class)->startup (application);

  g_set_application_name (_("Charter"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
charter_application_activate (GApplication *application)
{
  CharterApplication *self = CHARTER_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (charter_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);

  if (!offer_recovery (self, CHARTER_WINDOW (window), TRUE))
    open_start_document (self, CHARTER_WINDOW (window));
}

static int
charter_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "example"))
    return -1;

  /* Works for a running instance too: its actions are on the session bus. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-example", NULL);

  return 0;
}

static void
charter_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  CharterApplication *self = CHARTER_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      CharterWindow *window = new_window (self);

      gtk_window_present (GTK_WINDOW (window));
      charter_window_open (window, files[i]);
      if (i == 0)
        offer_recovery (self, window, FALSE);
    }
}

static void
charter_application_dispose (GObject *object)
{
  CharterApplication *self = CHARTER_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (charter_application_parent_class)->dispose (object);
}

static void
charter_application_class_init (CharterApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = charter_application_dispose;

  app_class->startup = charter_application_startup;
  app_class->activate = charter_application_activate;
  app_class->open = charter_application_open;
  app_class->handle_local_options = charter_application_handle_local_options;
}

static void
charter_application_init (CharterApplication *self)
{
  static const GOptionEntry entries[] = {
    { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a copy of the example plan (workout history)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/* Public API */

CharterApplication *
charter_application_new (void)
{
  return g_object_new (CHARTER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/charterapp/Charter",
                       NULL);
}

/**
 * charter_application_get_example_file:
 *
 * Returns: (transfer full) (nullable): the bundled example document: the
 *   installed copy, or the one in the source tree in a development build
 */
GFile *
charter_application_get_example_file (void)
{
  const char *dirs[] = { EXAMPLES_DIR, SOURCE_EXAMPLES_DIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "workout-history.charter", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }

  return NULL;
}
