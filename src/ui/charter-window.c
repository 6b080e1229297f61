/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-window.c: the main window. One document per window, shown in the
 * four workspaces; every command is a "win." action; files go through
 * src/io (charter-file.h), never through GTK. */

#define G_LOG_DOMAIN "charter-window"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-window.h"
#include "charter-accessible.h"

#include "charter-discovery-view.h"
#include "charter-file.h"
#include "charter-markdown.h"
#include "charter-plan-view.h"
#include "charter-presentation.h"
#include "charter-recovery.h"
#include "charter-scope-change-dialog.h"
#include "charter-scheduler.h"
#include "charter-export-actions.h"
#include "charter-spec-view.h"
#include "charter-start-date-editor.h"
#include "charter-timeline-view.h"
#include "charter-welcome-page.h"
#include "charter-availability-view.h"
#include "charter-workspace.h"

#define MAX_RECENT_ITEMS 10

struct _CharterWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *switcher_title;
  AdwWindowTitle       *document_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *stack;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkWidget            *undo_button;
  GtkWidget            *busy_spinner;
  GtkWidget            *redo_button;
  GtkWidget            *discovery_view;
  GtkWidget            *spec_view;
  GtkWidget            *plan_view;
  GtkWidget            *timeline_view;
  GtkWidget            *welcome_page;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GMenu                *recent_menu;

  /* Owned */
  CharterDocument      *document;
  GObject              *scheduler;
  char                 *etag;
  GSignalGroup         *document_signals;
  GBindingGroup        *document_bindings;
  GBindingGroup        *history_bindings;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *error_message;
  char                 *recovery_slot;
  GCancellable         *load_cancellable;
  CharterScheduler     *loaded_scheduler;
  GtkWidget            *start_editor;
  GtkWidget            *presented_content;  /* the window's content while presenting */

  /* Borrowed */
  AdwMessageDialog     *close_dialog;

  guint                 recovery_source;
  guint64               change_count;
  guint64               recovery_count;
  guint                 busy : 1;
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 from_template : 1;
  guint                 was_fullscreen : 1;
  guint                 page : 2;
  guint                 page_before_loading : 2;
};

/* What the window's content shows. */
enum {
  PAGE_DOCUMENT,
  PAGE_WELCOME,
  PAGE_LOADING,
};

G_DEFINE_FINAL_TYPE (CharterWindow, charter_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUSY,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const workspaces[] = { "discovery", "spec", "plan", "timeline", "availability", NULL };

static void save_to_file (CharterWindow *self,
                          GFile         *file,
                          const char    *expected_etag);
static void show_save_as (CharterWindow *self);
static void update_spec_badge (CharterWindow *self);
static void on_title_squeezed_cb (CharterWindow *self,
                                  GParamSpec    *pspec,
                                  AdwSqueezer   *squeezer);

/* Helpers */

static void
set_busy (CharterWindow *self,
          gboolean       busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  /* Loading a very large file takes a moment: show that something happens. */
  gtk_widget_set_visible (self->busy_spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->busy_spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (CharterWindow *self,
            const char    *title,
            const char    *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);

  gtk_label_set_text (self->error_title, title);
  gtk_label_set_text (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_bar), TRUE);
}

static void
hide_error (CharterWindow *self)
{
  g_clear_pointer (&self->error_message, g_free);
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_bar), FALSE);
}

/* The welcome page and "Opening…" take the place of the workspaces; the
 * commands that need a document wait for one. */
static void
set_page (CharterWindow *self,
          guint          page)
{
  static const char * const document_actions[] = { "save", "save-as", "export-markdown", "edit-start",
                                                   "export", "print", "copy-image", "present", NULL };
  gboolean document = page == PAGE_DOCUMENT;

  self->page = page;
  gtk_widget_set_visible (GTK_WIDGET (self->stack), document);
  gtk_widget_set_visible (self->welcome_page, page == PAGE_WELCOME);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_page), page == PAGE_LOADING);
  gtk_spinner_set_spinning (self->loading_spinner, page == PAGE_LOADING);
  gtk_widget_set_visible (GTK_WIDGET (self->title_squeezer), document);
  on_title_squeezed_cb (self, NULL, self->title_squeezer);

  for (guint i = 0; document_actions[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), document_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), document);
    }

  if (page != PAGE_DOCUMENT)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Charter"));
      adw_window_title_set_title (self->document_title, _("Charter"));
      adw_window_title_set_subtitle (self->document_title, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->document_title), TRUE);
    }
}

static char *
display_title (CharterDocument *document)
{
  const char *title = charter_document_get_title (document);

  if (g_str_has_suffix (title, ".charter") && strlen (title) > strlen (".charter"))
    return g_strndup (title, strlen (title) - strlen (".charter"));

  return g_strdup (title);
}

static char *
display_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *path = NULL;
  g_autofree char *relative = NULL;

  if (file == NULL || (parent = g_file_get_parent (file)) == NULL)
    return NULL;

  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  if ((relative = g_file_get_relative_path (home, parent)) != NULL)
    return g_strconcat ("~/", relative, NULL);

  path = g_file_get_path (parent);
  return path != NULL ? g_steal_pointer (&path) : g_file_get_uri (parent);
}

static void
update_title (CharterWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL || self->page == PAGE_WELCOME)
    return;

  name = display_title (self->document);

  /* "•" before the name, as GNOME Text Editor does, says "not saved". */
  if (charter_document_get_modified (self->document))
    title = g_strdup_printf ("• %s", name);
  else
    title = g_strdup (name);

  if (charter_document_get_read_only (self->document))
    subtitle = g_strdup (_("Read-Only"));
  else if (charter_document_get_file (self->document) == NULL)
    subtitle = g_strdup (_("Not Saved"));
  else
    subtitle = display_folder (charter_document_get_file (self->document));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->switcher_title, title);
  adw_window_title_set_subtitle (self->switcher_title, subtitle);
  adw_window_title_set_title (self->document_title, title);
  adw_window_title_set_subtitle (self->document_title, subtitle);
}

static void
update_read_only (CharterWindow *self)
{
  const char *reason;
  g_autofree char *text = NULL;
  gboolean read_only;

  read_only = self->document != NULL && charter_document_get_read_only (self->document);
  reason = read_only ? charter_document_get_read_only_reason (self->document) : NULL;

  if (read_only)
    {
      /* The reason is a whole sentence saying why and what to do. */
      if (reason != NULL && reason[0] != '\0')
        text = g_strdup (reason);
      else
        text = g_strdup (_("This document is read-only. Use Save As to keep your changes in a new file."));
      gtk_label_set_text (self->read_only_label, text);
    }

  gtk_info_bar_set_revealed (self->read_only_bar, read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_bar), read_only);
}

static void
remember_file (CharterWindow *self,
               GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.mime_type = (char *) CHARTER_FILE_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "charter %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  g_settings_set_string (self->settings, "last-document", uri);
}

static void
discard_recovery (CharterWindow *self)
{
  if (self->recovery_slot != NULL)
    charter_recovery_discard (self->recovery_slot);
  self->recovery_count = self->change_count;
}

static gboolean
on_recovery_timeout_cb (gpointer user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->recovery_count == self->change_count)
    return G_SOURCE_CONTINUE;

  if (!charter_document_get_modified (self->document))
    {
      /* Undone back to what is on disk: nothing to recover any more. */
      discard_recovery (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->recovery_slot == NULL)
    self->recovery_slot = g_uuid_string_random ();

  if (!charter_recovery_write (self->document, self->recovery_slot, &error))
    g_warning ("Could not write a recovery copy: %s", error->message);
  else
    self->recovery_count = self->change_count;

  return G_SOURCE_CONTINUE;
}

static void
restart_recovery_timer (CharterWindow *self)
{
  guint seconds = g_settings_get_uint (self->settings, "recovery-interval");

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  self->recovery_source = g_timeout_add_seconds (MAX (seconds, 1), on_recovery_timeout_cb, self);
}

static void
rebuild_recent_menu (CharterWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GList *charter_items = NULL;
  guint n = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime = gtk_recent_info_get_mime_type (info);
      const char *uri = gtk_recent_info_get_uri (info);

      if (g_strcmp0 (mime, CHARTER_FILE_MIME_TYPE) == 0 || g_str_has_suffix (uri, ".charter"))
        charter_items = g_list_prepend (charter_items, info);
    }

  g_menu_remove_all (self->recent_menu);

  /* Newest first. */
  while (charter_items != NULL && n < MAX_RECENT_ITEMS)
    {
      GList *newest = charter_items;
      g_autoptr(GMenuItem) item = NULL;

      for (GList *l = charter_items->next; l != NULL; l = l->next)
        if (g_date_time_compare (gtk_recent_info_get_modified (l->data),
                                 gtk_recent_info_get_modified (newest->data)) > 0)
          newest = l;

      item = g_menu_item_new (gtk_recent_info_get_display_name (newest->data), NULL);
      g_menu_item_set_action_and_target (item, "win.open-uri", "s",
                                         gtk_recent_info_get_uri (newest->data));
      g_menu_append_item (self->recent_menu, item);
      charter_items = g_list_delete_link (charter_items, newest);
      n++;
    }

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "win.no-recent");
      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free (charter_items);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* A response may close the window: the dialog lets go of it first, or it
 * would outlive its parent. */
static void
dismiss_dialog (AdwMessageDialog *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Handing the document to the workspaces: the one on screen at once, each
 * other one when it is first shown. The first frame of a large plan then
 * waits only for the workspace it shows (the Plan graph builds a widget a
 * task: 10,000 of them took most of the first frame's time while Discovery
 * was on screen), and a plan of a million tasks freezes nothing until the
 * Plan is asked for. */

static GtkWidget *
workspace_view (CharterWindow *self,
                const char    *name)
{
  if (name == NULL)
    return NULL;
  return adw_view_stack_get_child_by_name (self->stack, name);
}

/* Every workspace gets the document and its scheduler the same way, through
 * the CharterWorkspace contract. Returns whether @view had to be given them. */
static gboolean
hand_over (CharterWindow *self,
           GtkWidget     *view)
{
  CharterWorkspace *workspace;

  if (!CHARTER_IS_WORKSPACE (view) || self->document == NULL)
    return FALSE;

  workspace = CHARTER_WORKSPACE (view);
  if (charter_workspace_get_document (workspace) == self->document)
    return FALSE;

  charter_workspace_set_document (workspace, self->document);
  charter_workspace_set_scheduler (workspace, CHARTER_SCHEDULER (self->scheduler));
  return TRUE;
}

/* Loading: the file is read, checked and scheduled in a worker thread, so
 * that even a file of a million tasks leaves the window responsive; nothing
 * else holds the document or its scheduler until they reach the main
 * thread in on_load_cb(). */

typedef struct
{
  CharterWindow *self;
  GFile         *file;
  GCancellable  *cancellable;
  gboolean       as_template;
} LoadData;

typedef struct
{
  CharterDocument  *document;
  CharterScheduler *scheduler;
  char             *etag;
} Loaded;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static void
loaded_free (Loaded *loaded)
{
  /* Dropped in the worker when cancelled: the scheduler goes before the
   * document it watches. */
  g_clear_object (&loaded->scheduler);
  g_clear_object (&loaded->document);
  g_clear_pointer (&loaded->etag, g_free);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  loaded->document = charter_file_load (data->file, &loaded->etag, cancellable, &error);
  if (loaded->document != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    loaded->scheduler = charter_scheduler_new (loaded->document);

  if (error != NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
show_loaded (CharterWindow *window,
             Loaded        *loaded,
             LoadData      *data)
{
  g_set_object (&window->loaded_scheduler, loaded->scheduler);
  charter_window_set_document (window, loaded->document, loaded->etag);
  g_clear_object (&window->loaded_scheduler);
  window->from_template = data->as_template;
  if (!data->as_template)
    remember_file (window, data->file);
}

static void
on_load_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LoadData *data = g_task_get_task_data (G_TASK (result));
  /* Taken here, in the main thread: a cancelled read returns at once and
   * its thread may drop the task (and the data) later, in the worker. */
  g_autoptr(CharterWindow) self = g_steal_pointer (&data->self);
  Loaded *loaded;
  g_autoptr(GError) error = NULL;

  /* A window closed while loading keeps nothing, and its widgets are gone. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (self->load_cancellable == data->cancellable)
    {
      g_clear_object (&self->load_cancellable);
      set_busy (self, FALSE);
      if (self->page == PAGE_LOADING)
        set_page (self, self->page_before_loading);
    }

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, title, error->message);
      return;
    }

  if (data->as_template)
    {
      /* The example is a starting point: saving asks for a name of its own. */
      charter_document_set_file (loaded->document, NULL);
      g_clear_pointer (&loaded->etag, g_free);
    }

  if (charter_window_is_pristine (self))
    show_loaded (self, loaded, data);
  else
    {
      /* Never replace a document with work in it: open another window. */
      CharterWindow *window = charter_window_new (gtk_window_get_application (GTK_WINDOW (self)));

      show_loaded (window, loaded, data);
      gtk_window_present (GTK_WINDOW (window));
    }

  loaded_free (loaded);
}

static void
load_file (CharterWindow *self,
           GFile         *file,
           gboolean       as_template)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  /* One file at a time: a new Open replaces the one still being read. */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, g_cancellable_new ());
  g_signal_connect_object (self->cancellable, "cancelled",
                           G_CALLBACK (g_cancellable_cancel), self->load_cancellable, G_CONNECT_SWAPPED);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->load_cancellable);
  data->as_template = as_template;

  /* A window with nothing in it shows the file is on its way, with a way
   * out; one with work keeps showing it (the file opens in a new window). */
  if (charter_window_is_pristine (self))
    {
      /* Cancelled, an empty window offers the choices again. */
      if (self->page != PAGE_LOADING)
        self->page_before_loading = charter_window_is_blank (self) ? PAGE_WELCOME : self->page;
      name = g_file_get_basename (file);
      /* Translators: shown while a file is read, “Opening “plan.charter”…” */
      title = g_strdup_printf (_("Opening “%s”…"), name);
      adw_status_page_set_title (self->loading_page, title);
      set_page (self, PAGE_LOADING);
    }
  hide_error (self);
  set_busy (self, TRUE);

  task = g_task_new (NULL, self->load_cancellable, on_load_cb, NULL);
  g_task_set_source_tag (task, load_file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

/* Saving */

typedef struct
{
  CharterWindow   *self;
  CharterDocument *document;
  GFile           *file;
  char            *read_only_reason;
  guint64          change_count;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_clear_pointer (&data->read_only_reason, g_free);
  g_free (data);
}

static void
on_changed_on_disk_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                gpointer          user_data)
{
  SaveData *data = user_data;
  CharterWindow *self = data->self;

  dismiss_dialog (dialog);

  if (g_strcmp0 (response, "replace") == 0)
    save_to_file (self, data->file, NULL);
  else if (g_strcmp0 (response, "save-as") == 0)
    show_save_as (self);
  else
    self->close_after_save = FALSE;

  save_data_free (data);
}

static void
ask_changed_on_disk (SaveData *data)
{
  CharterWindow *self = data->self;
  g_autofree char *name = g_file_get_basename (data->file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("File Changed on Disk"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Another program changed “%s” since you opened it. "
                                    "Save As keeps both versions; Replace writes yours over it "
                                    "and keeps theirs as “%s~”."),
                                  name, name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response_cb), data);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaveData *data = user_data;
  CharterWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  GFile *old_file;

  set_busy (self, FALSE);

  if (!charter_file_save_finish (result, &etag, &error))
    {
      if (g_error_matches (error, CHARTER_FILE_ERROR, CHARTER_FILE_ERROR_CHANGED_ON_DISK))
        {
          ask_changed_on_disk (data);
          return;
        }

      self->close_after_save = FALSE;

      /* A read-only document saved as a copy stays read-only if that failed. */
      if (data->read_only_reason != NULL && data->document == self->document)
        charter_document_set_read_only (self->document, data->read_only_reason);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (data->file);
          g_autofree char *title = g_strdup_printf (_("Could not save “%s”"), name);

          show_error (self, title, error->message);
        }
      save_data_free (data);
      return;
    }

  if (data->document != self->document)
    {
      save_data_free (data);
      return;
    }

  old_file = charter_document_get_file (self->document);
  if (old_file == NULL || !g_file_equal (old_file, data->file))
    {
      /* Saved as a new file: it is ours to write to from now on. */
      charter_document_set_file (self->document, data->file);
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);

  /* Edits made while the file was being written are still unsaved. */
  if (self->change_count == data->change_count)
    {
      charter_document_mark_saved (self->document);
      discard_recovery (self);
    }

  hide_error (self);
  remember_file (self, data->file);
  update_title (self);

  if (self->close_after_save && !charter_document_get_modified (self->document))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  save_data_free (data);
}

static void
save_to_file (CharterWindow *self,
              GFile         *file,
              const char    *expected_etag)
{
  SaveData *data = g_new0 (SaveData, 1);
  GFile *current = charter_document_get_file (self->document);

  data->self = g_object_ref (self);
  data->document = g_object_ref (self->document);
  data->file = g_object_ref (file);
  data->change_count = self->change_count;

  /* A document a newer Charter wrote is never saved over, but a copy under
   * a new name is the user's to edit: it stops being read-only. */
  if (charter_document_get_read_only (self->document) &&
      (current == NULL || !g_file_equal (current, file)))
    {
      data->read_only_reason = g_strdup (charter_document_get_read_only_reason (self->document));
      charter_document_set_read_only (self->document, NULL);
    }

  set_busy (self, TRUE);
  charter_file_save_async (self->document, file, expected_etag, self->cancellable, on_save_cb, data);
}

static void
on_save_as_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      charter_window_save_to (self, file);
    }
  else
    self->close_after_save = FALSE;

  g_clear_object (&self->chooser);
}

static GtkFileFilter *
charter_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Charter Documents"));
  gtk_file_filter_add_mime_type (filter, CHARTER_FILE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "charter");

  return filter;
}

static void
show_save_as (CharterWindow *self)
{
  g_autoptr(GtkFileFilter) filter = charter_file_filter ();
  g_autofree char *name = display_title (self->document);
  g_autofree char *file_name = g_strconcat (name, ".charter", NULL);
  GFile *file = charter_document_get_file (self->document);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Callbacks */

static void
on_document_notify_cb (CharterWindow *self,
                       GParamSpec    *pspec,
                       CharterDocument *document)
{
  update_title (self);
  if (g_strcmp0 (pspec->name, "read-only") == 0 || g_strcmp0 (pspec->name, "read-only-reason") == 0)
    update_read_only (self);
}

static void
on_document_changed_cb (CharterWindow   *self,
                        CharterDocument *document)
{
  self->change_count++;
  update_spec_badge (self);
}

static void
on_error_bar_response_cb (CharterWindow *self,
                          int            response,
                          GtkInfoBar    *bar)
{
  hide_error (self);
}

static void
on_stack_visible_child_name_cb (CharterWindow *self,
                                GParamSpec    *pspec,
                                AdwViewStack  *stack)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "workspace");
  const char *name = adw_view_stack_get_visible_child_name (stack);

  hand_over (self, workspace_view (self, name));

  if (action != NULL && name != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
on_title_squeezed_cb (CharterWindow *self,
                      GParamSpec    *pspec,
                      AdwSqueezer   *squeezer)
{
  gboolean narrow = adw_squeezer_get_visible_child (squeezer) == GTK_WIDGET (self->switcher_title);

  if (self->page != PAGE_DOCUMENT)
    {
      adw_view_switcher_bar_set_reveal (self->switcher_bar, FALSE);
      return;
    }

  /* Wide: the switcher is in the middle and the name sits at the start.
   * Narrow: the switcher moves to the bottom and the name to the middle. */
  gtk_widget_set_visible (GTK_WIDGET (self->document_title), !narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

static void
on_settings_changed_cb (CharterWindow *self,
                        const char    *key,
                        GSettings     *settings)
{
  if (key == NULL || g_strcmp0 (key, "projector-mode") == 0)
    {
      if (g_settings_get_boolean (settings, "projector-mode"))
        gtk_widget_add_css_class (GTK_WIDGET (self), "projector");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "projector");
    }

  if (key == NULL || g_strcmp0 (key, "recovery-interval") == 0)
    restart_recovery_timer (self);
}

static void
on_recent_changed_cb (CharterWindow    *self,
                      GtkRecentManager *manager)
{
  rebuild_recent_menu (self);
}

static gboolean
on_drop_cb (CharterWindow *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* A .charter file dropped on the window opens as if chosen in Open. */
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    charter_window_open (self, l->data);

  return files != NULL;
}

static gboolean
undo_label_to_tooltip (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  const char *label = g_value_get_string (from);
  const char *format = user_data;

  if (label == NULL || label[0] == '\0')
    g_value_set_string (to, strstr (format, "Redo") ? _("Redo") : _("Undo"));
  else
    g_value_take_string (to, g_strdup_printf (strstr (format, "Redo") ? _("Redo: %s") : _("Undo: %s"),
                                              label));
  return TRUE;
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CharterWindow    *self)
{
  self->close_dialog = NULL;
  dismiss_dialog (dialog);

  if (g_strcmp0 (response, "discard") == 0)
    {
      discard_recovery (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (self), "save", NULL);
    }
}

/* Actions */

static void
on_open_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      charter_window_open (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  g_autoptr(GtkFileFilter) filter = charter_file_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  charter_window_open (self, file);
}

static void
save_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  GFile *file = charter_document_get_file (self->document);

  if (self->busy)
    return;

  if (file == NULL || charter_document_get_read_only (self->document))
    show_save_as (self);
  else
    save_to_file (self, file, self->etag);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  show_save_as (CHARTER_WINDOW (user_data));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  /* Ctrl+Z in the middle of a drag: the drag's step is not finished (Escape
   * takes it back); undoing under it is refused by the history. */
  if (charter_history_in_group (charter_document_get_history (self->document)))
    return;
  charter_document_undo (self->document);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  if (charter_history_in_group (charter_document_get_history (self->document)))
    return;
  charter_document_redo (self->document);
}

static void
close_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

/* Exports are written as documents are (charter_file_write_atomic): never
 * half-written, no GIO temporary files left behind. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (charter_file_write_atomic (G_FILE (source_object), task_data, FALSE, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CharterWindow) self = CHARTER_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could not export “%s”"), name);

      show_error (self, title, error->message);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Exported “%s”"), name));
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      charter_window_export_markdown_to (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
export_markdown_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = display_title (self->document);
  g_autofree char *file_name = g_strconcat (name, ".md", NULL);

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");

  self->chooser = gtk_file_chooser_native_new (_("Export as Markdown"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Export…, Print… and Copy as Image: charter-export-actions.c, with the
 * workspace on screen. */
static CharterExportSource
export_source (CharterWindow *self)
{
  CharterExportSource source = {
    self->document,
    self->scheduler ? charter_scheduler_get_schedule (CHARTER_SCHEDULER (self->scheduler)) : NULL,
    adw_view_stack_get_visible_child_name (self->stack),
    self->plan_view,
    self->timeline_view,
  };

  return source;
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  CharterExportSource source = export_source (self);

  if (self->page == PAGE_DOCUMENT)
    charter_export_actions_show_dialog (GTK_WINDOW (self), &source);
}

static void
print_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  CharterExportSource source = export_source (self);

  if (self->page == PAGE_DOCUMENT)
    charter_export_actions_print (GTK_WINDOW (self), &source);
}

static void
copy_image_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  CharterExportSource source = export_source (self);
  g_autoptr(GError) error = NULL;

  if (self->page != PAGE_DOCUMENT)
    return;
  if (!charter_export_actions_copy_image (GTK_WIDGET (self), &source, &error))
    show_error (self, _("Could not copy the view as an image"), error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied the view as an image")));
}

static void
workspace_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  charter_window_set_workspace (self, g_variant_get_string (state, NULL));
}

static void
cancel_open_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
edit_start_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));

  if (self->page != PAGE_DOCUMENT)
    return;

  if (self->start_editor == NULL)
    {
      /* Points at the top of the workspaces: reachable from the menu, the
       * new plan's toast and the keyboard alike. */
      self->start_editor = charter_start_date_editor_new ();
      gtk_widget_set_parent (self->start_editor, GTK_WIDGET (self->stack));
      gtk_popover_set_position (GTK_POPOVER (self->start_editor), GTK_POS_BOTTOM);
    }
  charter_start_date_editor_set_document (CHARTER_START_DATE_EDITOR (self->start_editor), self->document);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->start_editor),
                               &(GdkRectangle) { MAX (width, 2) / 2 - 1, 0, 2, 1 });
  gtk_popover_popup (GTK_POPOVER (self->start_editor));
}

/* win.request-scope-change: the Change Request dialog, for a task or none. */
static void
request_scope_change_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);

  if (self->page == PAGE_DOCUMENT && !charter_document_get_read_only (self->document))
    gtk_window_present (GTK_WINDOW (charter_scope_change_dialog_new (GTK_WINDOW (self), self->document,
                                                                     g_variant_get_string (param, NULL))));
}

/* Pending scope-change requests wait for the product manager in the Spec. */
static void
update_spec_badge (CharterWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, self->spec_view);
  guint pending = self->document != NULL ? charter_scope_change_count_pending (self->document) : 0;

  adw_view_stack_page_set_badge_number (page, pending);
  adw_view_stack_page_set_needs_attention (page, pending > 0);
}

/* Presentation mode is this window's own content, swapped in under the toast
 * overlay and made full screen, not a window of its own: the slides show the
 * live document, and the window's Undo, Save and every other win. shortcut
 * keep working on it (a separate window would have none of them, and a
 * second copy of the window's state to keep in step). The workspaces stay as
 * they were, so leaving returns to the one shown before. */
static void
leave_presentation (CharterWindow *self)
{
  if (self->presented_content == NULL)
    return;

  adw_toast_overlay_set_child (self->toast_overlay, self->presented_content);
  g_clear_object (&self->presented_content);
  if (!self->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->stack));
}

static void
present_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  CharterWindow *self = CHARTER_WINDOW (user_data);
  GtkWidget *presentation;

  if (self->page != PAGE_DOCUMENT || self->presented_content != NULL || self->scheduler == NULL)
    return;

  presentation = charter_presentation_new (self->document, CHARTER_SCHEDULER (self->scheduler));
  g_signal_connect_object (presentation, "leave", G_CALLBACK (leave_presentation), self, G_CONNECT_SWAPPED);
  self->presented_content = g_object_ref (adw_toast_overlay_get_child (self->toast_overlay));
  adw_toast_overlay_set_child (self->toast_overlay, presentation);
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (presentation);
}

static void
no_recent_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
}

static const GActionEntry win_actions[] = {
  { "open", open_action },
  { "open-uri", open_uri_action, "s" },
  { "save", save_action },
  { "save-as", save_as_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "close", close_action },
  { "export-markdown", export_markdown_action },
  { "export", export_action },
  { "print", print_action },
  { "copy-image", copy_image_action },
  { "workspace", NULL, "s", "'discovery'", workspace_change_state },
  { "no-recent", no_recent_action },
  { "cancel-open", cancel_open_action },
  { "edit-start", edit_start_action },
  { "request-scope-change", request_scope_change_action, "s" },
  { "present", present_action },
};

/* Overrides */

static gboolean
charter_window_close_request (GtkWindow *window)
{
  CharterWindow *self = CHARTER_WINDOW (window);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  int width, height;

  if (self->close_confirmed || self->document == NULL || !charter_document_get_modified (self->document))
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      /* A clean close: the recovery copy is not needed any more. */
      discard_recovery (self);
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      return GTK_WINDOW_CLASS (charter_window_parent_class)->close_request (window);
    }

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }

  name = display_title (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes that are not saved are lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  self->close_dialog = dialog;
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
charter_window_dispose (GObject *object)
{
  CharterWindow *self = (CharterWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->start_editor, gtk_widget_unparent);
  g_clear_object (&self->presented_content);
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_WINDOW);

  G_OBJECT_CLASS (charter_window_parent_class)->dispose (object);
}

static void
charter_window_finalize (GObject *object)
{
  CharterWindow *self = (CharterWindow *) object;

  g_clear_object (&self->document_signals);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->history_bindings);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loaded_scheduler);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->recovery_slot, g_free);

  G_OBJECT_CLASS (charter_window_parent_class)->finalize (object);
}

static void
charter_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CharterWindow *self = CHARTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_WORKSPACE:
      g_value_set_string (value, charter_window_get_workspace (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CharterWindow *self = CHARTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_window_set_document (self, g_value_get_object (value), NULL);
      break;

    case PROP_WORKSPACE:
      charter_window_set_workspace (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_window_class_init (CharterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = charter_window_dispose;
  object_class->finalize = charter_window_finalize;
  object_class->get_property = charter_window_get_property;
  object_class->set_property = charter_window_set_property;

  window_class->close_request = charter_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_string ("workspace", NULL, NULL, "discovery",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHARTER_TYPE_DISCOVERY_VIEW);
  g_type_ensure (CHARTER_TYPE_SPEC_VIEW);
  g_type_ensure (CHARTER_TYPE_PLAN_VIEW);
  g_type_ensure (CHARTER_TYPE_TIMELINE_VIEW);
  g_type_ensure (CHARTER_TYPE_WELCOME_PAGE);
  g_type_ensure (CHARTER_TYPE_AVAILABILITY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, document_title);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, discovery_view);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, spec_view);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CharterWindow, loading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response_cb);
}

static void
charter_window_init (CharterWindow *self)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autoptr(CharterDocument) document = NULL;
  GtkDropTarget *drop;
  GAction *action;

  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "no-recent");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);

  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (on_document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (on_document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (on_document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::read-only",
                                  G_CALLBACK (on_document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::read-only-reason",
                                  G_CALLBACK (on_document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed_cb), self);

  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "can-undo",
                        g_action_map_lookup_action (G_ACTION_MAP (self), "undo"), "enabled",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->document_bindings, "can-redo",
                        g_action_map_lookup_action (G_ACTION_MAP (self), "redo"), "enabled",
                        G_BINDING_SYNC_CREATE);

  self->history_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->history_bindings, "undo-label",
                             self->undo_button, "tooltip-text",
                             G_BINDING_SYNC_CREATE,
                             undo_label_to_tooltip, NULL, (gpointer) "Undo", NULL);
  g_binding_group_bind_full (self->history_bindings, "redo-label",
                             self->redo_button, "tooltip-text",
                             G_BINDING_SYNC_CREATE,
                             undo_label_to_tooltip, NULL, (gpointer) "Redo", NULL);

  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_stack_visible_child_name_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (on_title_squeezed_cb), self, G_CONNECT_SWAPPED);
  on_title_squeezed_cb (self, NULL, self->title_squeezer);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  on_settings_changed_cb (self, NULL, self->settings);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (recent, "changed", G_CALLBACK (on_recent_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  hide_error (self);
  document = charter_document_new ();
  charter_window_set_document (self, document, NULL);
}

/* Public API */

/**
 * charter_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer none): a new window with a new, empty document
 */
CharterWindow *
charter_window_new (GtkApplication *application)
{
  return g_object_new (CHARTER_TYPE_WINDOW, "application", application, NULL);
}

CharterDocument *
charter_window_get_document (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * charter_window_set_document:
 * @self: a #CharterWindow
 * @document: the document to show
 * @etag: (nullable): the entity tag of the file it was loaded from
 *
 * Shows @document in every workspace, with a scheduler of its own.
 */
void
charter_window_set_document (CharterWindow   *self,
                             CharterDocument *document,
                             const char      *etag)
{
  g_autofree char *workspace = NULL;

  g_return_if_fail (CHARTER_IS_WINDOW (self));
  g_return_if_fail (CHARTER_IS_DOCUMENT (document));

  g_free (self->etag);
  self->etag = g_strdup (etag);

  if (!g_set_object (&self->document, document))
    return;

  leave_presentation (self);

  g_clear_object (&self->scheduler);
  /* A loaded document comes with its scheduler, made in the load's thread. */
  if (self->loaded_scheduler != NULL && charter_scheduler_get_document (self->loaded_scheduler) == document)
    self->scheduler = G_OBJECT (g_steal_pointer (&self->loaded_scheduler));
  else
    self->scheduler = G_OBJECT (charter_scheduler_new (document));
  self->from_template = FALSE;

  g_signal_group_set_target (self->document_signals, document);
  g_binding_group_set_source (self->document_bindings, document);
  g_binding_group_set_source (self->history_bindings, charter_document_get_history (document));

  self->change_count = 0;
  self->recovery_count = 0;

  workspace = g_settings_get_string (self->settings, "default-workspace");
  charter_window_set_workspace (self, workspace);
  hand_over (self, workspace_view (self, charter_window_get_workspace (self)));

  if (self->start_editor != NULL)
    charter_start_date_editor_set_document (CHARTER_START_DATE_EDITOR (self->start_editor), document);

  hide_error (self);
  set_page (self, PAGE_DOCUMENT);
  update_spec_badge (self);
  update_title (self);
  update_read_only (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * charter_window_is_pristine:
 * @self: a #CharterWindow
 *
 * Returns: whether the window shows a new document nobody has touched, so
 *   that opening a file may replace it
 */
gboolean
charter_window_is_pristine (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), FALSE);

  return charter_document_get_file (self->document) == NULL &&
         !charter_document_get_modified (self->document) &&
         !charter_document_get_can_undo (self->document) &&
         !charter_document_get_can_redo (self->document);
}

/**
 * charter_window_is_blank:
 * @self: a #CharterWindow
 *
 * Returns: whether File → New may use this window: it shows the welcome
 *   page, or a new document nobody has touched (not a copy of the example)
 */
gboolean
charter_window_is_blank (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), FALSE);

  if (self->page == PAGE_LOADING)
    return FALSE;
  return self->page == PAGE_WELCOME || (charter_window_is_pristine (self) && !self->from_template);
}

/**
 * charter_window_show_welcome:
 * @self: a #CharterWindow
 *
 * Shows the welcome page in place of the workspaces: new plan, open, the
 * example and the recent documents. Showing a document ends it.
 */
void
charter_window_show_welcome (CharterWindow *self)
{
  g_return_if_fail (CHARTER_IS_WINDOW (self));

  if (self->page == PAGE_LOADING)
    {
      self->page_before_loading = PAGE_WELCOME;
      return;
    }
  set_page (self, PAGE_WELCOME);
}

/**
 * charter_window_new_plan:
 * @self: a #CharterWindow
 *
 * Shows a new, empty document whose plan starts on the first working day
 * after today (charter_today()), and says so with a way to change it.
 */
void
charter_window_new_plan (CharterWindow *self)
{
  g_autoptr(CharterDocument) document = charter_document_new ();
  CharterCalendar *calendar = charter_document_get_calendar (document);
  g_autofree char *start = NULL;
  g_autofree char *shown = NULL;
  AdwToast *toast;
  GDate today;

  g_return_if_fail (CHARTER_IS_WINDOW (self));

  /* Set before anyone watches: a new plan's start is not an edit to undo. */
  charter_today (&today);
  start = charter_next_working_day (calendar, &today);
  charter_calendar_set_start (calendar, start);
  charter_window_set_document (self, document, NULL);

  shown = charter_format_start_date (start);
  /* Translators: a toast after File → New, "The plan starts on Fri 4 Dec 2026" */
  toast = adw_toast_new_format (_("The plan starts on %s"), shown);
  adw_toast_set_button_label (toast, _("_Change…"));
  adw_toast_set_action_name (toast, "win.edit-start");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * charter_window_open:
 * @self: a #CharterWindow
 * @file: the file to open
 *
 * Loads @file. On success it replaces the document if the window is
 * pristine, or opens in a new window; on failure the window says why and
 * keeps what it shows.
 */
void
charter_window_open (CharterWindow *self,
                     GFile         *file)
{
  g_return_if_fail (CHARTER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load_file (self, file, FALSE);
}

/**
 * charter_window_open_copy:
 * @self: a #CharterWindow
 * @file: a document to start from, such as the bundled example
 *
 * Like charter_window_open(), but the document is not tied to @file:
 * saving it asks for a new name.
 */
void
charter_window_open_copy (CharterWindow *self,
                          GFile         *file)
{
  g_return_if_fail (CHARTER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load_file (self, file, TRUE);
}

/**
 * charter_window_save_to:
 * @self: a #CharterWindow
 * @file: where to save
 *
 * Saves the document to @file through the same code path as Save As,
 * without asking for a name. The window's :busy is %TRUE until it is done.
 */
void
charter_window_save_to (CharterWindow *self,
                        GFile         *file)
{
  GFile *current;

  g_return_if_fail (CHARTER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Saving over the document's own file checks that nobody changed it. */
  current = charter_document_get_file (self->document);
  save_to_file (self, file, current != NULL && g_file_equal (current, file) ? self->etag : NULL);
}

gboolean
charter_window_get_busy (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * charter_window_get_error_message:
 * @self: a #CharterWindow
 *
 * Returns: (nullable): the error the window shows, if any
 */
const char *
charter_window_get_error_message (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), NULL);

  return self->error_message;
}

void
charter_window_set_workspace (CharterWindow *self,
                              const char    *workspace)
{
  g_return_if_fail (CHARTER_IS_WINDOW (self));

  if (workspace == NULL || !g_strv_contains (workspaces, workspace))
    return;

  if (g_strcmp0 (workspace, charter_window_get_workspace (self)) == 0)
    return;

  /* The stack's notify updates the action state and :workspace. */
  adw_view_stack_set_visible_child_name (self->stack, workspace);
}

const char *
charter_window_get_workspace (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * charter_window_set_recovery_slot:
 * @self: a #CharterWindow
 * @slot: (nullable): the recovery slot this window writes to
 *
 * Used when a recovered document is opened, so that its copy is replaced
 * and discarded like any other.
 */
void
charter_window_set_recovery_slot (CharterWindow *self,
                                  const char    *slot)
{
  g_return_if_fail (CHARTER_IS_WINDOW (self));

  g_free (self->recovery_slot);
  self->recovery_slot = g_strdup (slot);
}

/**
 * charter_window_export_markdown_to:
 * @self: a #CharterWindow
 * @file: where to write
 *
 * Writes the one-page spec as Markdown to @file, as Export → Markdown does
 * after asking for a name. The window's :busy is %TRUE until it is written.
 */
void
charter_window_export_markdown_to (CharterWindow *self,
                                   GFile         *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;
  char *markdown;

  g_return_if_fail (CHARTER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  markdown = charter_markdown_export (self->document);
  bytes = g_bytes_new_take (markdown, strlen (markdown));

  set_busy (self, TRUE);
  task = g_task_new (file, self->cancellable, on_export_written_cb, g_object_ref (self));
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, export_thread);
}

const char *
charter_window_get_recovery_slot (CharterWindow *self)
{
  g_return_val_if_fail (CHARTER_IS_WINDOW (self), NULL);

  return self->recovery_slot;
}
