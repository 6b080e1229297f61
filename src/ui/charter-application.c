/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-application.c: the application. Opens documents in windows,
 * offers recovery copies after a crash, and owns the app-wide actions. */

#define G_LOG_DOMAIN "charter-application"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-application.h"

#include "charter-file.h"
#include "charter-frame-probe.h"
#include "charter-preferences-window.h"
#include "charter-recovery.h"
#include "charter-window.h"

struct _CharterApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  GHashTable     *offered_slots;   /* recovery slots already offered once */
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

/* What Charter starts with when no file is named: the last document, or
 * else the welcome page, where the user chooses (new plan, open, the
 * example, a recent document). `charter --example` opens the example. */
static void
open_start_document (CharterApplication *self,
                     CharterWindow      *window)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-document");

  if (g_settings_get_boolean (self->settings, "restore-last-document") && last[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);

      if (g_file_query_exists (file, NULL))
        {
          charter_window_open (window, file);
          return;
        }
    }

  charter_window_show_welcome (window);
}

/* Recovery */

typedef struct
{
  CharterApplication *self;
  CharterWindow      *window;
  GFile              *file;   /* to open once answered, unless its recovery is taken */
  GStrv               slots;
  gboolean            open_start;
} RecoveryData;

static void
recovery_data_free (RecoveryData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->window);
  g_clear_object (&data->file);
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
  gboolean file_recovered = FALSE;

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
          if (data->file != NULL && charter_document_get_file (document) != NULL &&
              g_file_equal (charter_document_get_file (document), data->file))
            file_recovered = TRUE;
          /* Recovered work is not on disk: it stays unsaved until saved. */
          charter_history_mark_modified (charter_document_get_history (document));
          charter_window_set_document (window, document, NULL);
          charter_window_set_recovery_slot (window, data->slots[i]);
          /* The file is not opened, but what the crash left beside it goes
           * as if it were (a killed save's temporary file). */
          if (charter_document_get_file (document) != NULL)
            charter_file_remove_stale_temporaries (charter_document_get_file (document));
          gtk_window_present (GTK_WINDOW (window));
          recovered = TRUE;
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; data->slots[i] != NULL; i++)
        charter_recovery_discard (data->slots[i]);
    }

  /* The file named on the command line opens now, unless its recovered
   * version is what the person chose: then one window shows that. */
  if (data->file != NULL && !file_recovered)
    charter_window_open (data->window, data->file);
  else if (!recovered && data->open_start)
    open_start_document (data->self, data->window);

  recovery_data_free (data);
}

/* The recovery copies a crash left behind: not those of open windows (they
 * are alive), and each offered only once. */
static GStrv
list_orphan_slots (CharterApplication *self)
{
  g_auto(GStrv) slots = charter_recovery_list_slots ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; slots != NULL && slots[i] != NULL; i++)
    {
      gboolean live = FALSE;

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        if (CHARTER_IS_WINDOW (l->data) &&
            g_strcmp0 (charter_window_get_recovery_slot (l->data), slots[i]) == 0)
          live = TRUE;
      if (live || !g_hash_table_add (self->offered_slots, g_strdup (slots[i])))
        continue;
      g_strv_builder_add (builder, slots[i]);
    }

  return g_strv_builder_end (builder);
}

/* Offers the recovery copies a crash left behind. Returns %TRUE when it
 * asks, and then takes care of opening @file (nullable) or, with
 * @open_start, the start document itself. */
static gboolean
offer_recovery (CharterApplication *self,
                CharterWindow      *window,
                GFile              *file,
                gboolean            open_start)
{
  g_auto(GStrv) slots = NULL;
  AdwMessageDialog *dialog;
  RecoveryData *data;
  guint n;

  slots = list_orphan_slots (self);
  n = g_strv_length (slots);
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
  data->file = file != NULL ? g_object_ref (file) : NULL;
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
  CharterWindow *window = NULL;

  /* A new plan at once: in the window that shows the welcome page or an
   * untouched new document, else in a window of its own (never in place
   * of the example or of anything opened). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && window == NULL; l = l->next)
    if (CHARTER_IS_WINDOW (l->data) && charter_window_is_blank (l->data))
      window = l->data;
  if (window == NULL)
    window = charter_window_new (GTK_APPLICATION (self));

  charter_window_new_plan (window);
  gtk_window_present (GTK_WINDOW (window));
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
on_help_shown_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GtkWindow *parent = source != NULL ? GTK_WINDOW (source) : NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  /* No help browser (Yelp) on this system, or it failed: say so. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Open the Help"), NULL));
  /* Translators: %s is the system's reason, e.g. "Operation not supported" */
  adw_message_dialog_format_body (dialog, _("Charter’s help needs a help browser such as Yelp: %s"),
                                  error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The user guide (help/C), in the system's help browser. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CharterApplication *self = CHARTER_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri_full (parent, "help:" APP_ID, GDK_CURRENT_TIME, NULL, on_help_shown_cb, NULL);
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
                        "website", PACKAGE_URL,
                        "issue-url", PACKAGE_BUGREPORT,
                        "developers", developers,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes",
                        _("<p>The first release of Charter.</p>"
                          "<ul>"
                          "<li>Five workspaces: Discovery, Spec, Plan, Timeline and Program</li>"
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
  { "help", help_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.export-markdown", { "<Control>e", NULL } },
  { "win.export", { "<Shift><Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.copy-image", { "<Shift><Control>c", NULL } },
  { "win.present", { "F5", NULL } },
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

  if (!offer_recovery (self, CHARTER_WINDOW (window), NULL, TRUE))
    open_start_document (self, CHARTER_WINDOW (window));
}

static int
charter_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  /* Answered here, in the process that was started: no window, no bus. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("charter %s\n", PACKAGE_VERSION);
      return 0;
    }

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

      if (charter_frame_probe_enabled ())
        charter_frame_probe_attach (window);
      gtk_window_present (GTK_WINDOW (window));
      /* After a crash, the file and its recovered version share one window:
       * the question comes first, and the file opens once it is answered. */
      if (i == 0 && offer_recovery (self, window, files[i], FALSE))
        continue;
      charter_window_open (window, files[i]);
    }
}

static void
charter_application_dispose (GObject *object)
{
  CharterApplication *self = CHARTER_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->offered_slots, g_hash_table_unref);

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
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version of Charter and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->offered_slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
