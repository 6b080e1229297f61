/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-dependency-editor.c: a popover that edits every member of one
 * dependency: predecessor, successor, kind and lag, and deletes it.
 *
 * It behaves as the task editor does (charter-task-editor.c): live edits
 * inside one history group from map to unmap, refused values shown with the
 * reason and never written. The predecessor and successor are picked from
 * the document's tasks themselves (a GtkDropDown over the live list, so
 * 10,000 tasks cost nothing until the list opens). */

#define G_LOG_DOMAIN "charter-dependency-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-dependency-editor.h"
#include "charter-accessible.h"
#include "charter-editor-session.h"
#include "charter-model.h"

struct _CharterDependencyEditor
{
  GtkPopover            parent_instance;

  /* Template widgets */
  GtkWidget            *read_only_label;
  GtkWidget            *grid;
  GtkWidget            *predecessor_dropdown;
  GtkWidget            *predecessor_error;
  GtkWidget            *successor_dropdown;
  GtkWidget            *successor_error;
  GtkWidget            *kind_dropdown;
  GtkWidget            *kind_explanation;
  GtkWidget            *lag_spin;
  GtkWidget            *lag_error;
  GtkWidget            *delete_button;

  /* Owned */
  CharterDocument      *document;
  char                 *dependency_id;
  CharterDependency    *dependency;      /* the dependency of dependency_id, while it exists */
  GSignalGroup         *document_signals;
  GSignalGroup         *dependency_signals;
  CharterEditorSession  session;
  guint                 follow_source;

  guint                 syncing;
  gboolean              input_refused;
};

G_DEFINE_FINAL_TYPE (CharterDependencyEditor, charter_dependency_editor, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DEPENDENCY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_editable (CharterDependencyEditor *self)
{
  return self->document != NULL && self->dependency != NULL &&
         !charter_document_get_read_only (self->document);
}

static const char *
task_name (CharterDependencyEditor *self,
           const char              *task_id)
{
  CharterTask *task = task_id ? charter_document_find (self->document, charter_document_get_tasks (self->document), task_id) : NULL;

  return task ? charter_task_get_name (task) : task_id;
}

static void
begin_session (gpointer data)
{
  CharterDependencyEditor *self = data;
  g_autofree char *label = NULL;

  if (charter_editor_session_is_open (&self->session) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || !is_editable (self))
    return;

  /* Translators: an Undo menu item for a whole session in the dependency editor */
  label = g_strdup_printf (_("Edit the dependency of “%s” on “%s”"),
                           task_name (self, charter_dependency_get_successor (self->dependency)),
                           task_name (self, charter_dependency_get_predecessor (self->dependency)));
  charter_editor_session_begin (&self->session, self->document, label);
}

/* Only an open session writes, and only to a dependency still in the
 * document: when its task is deleted, the task lists change under the
 * dropdowns before the editor closes (from an idle). */
static gboolean
may_write (CharterDependencyEditor *self)
{
  return self->syncing == 0 && self->dependency != NULL && charter_editor_session_is_open (&self->session) &&
         charter_document_find (self->document, charter_document_get_dependencies (self->document),
                                self->dependency_id) == self->dependency;
}

static GtkWidget *
error_label_for (CharterDependencyEditor *self,
                 GtkWidget               *field)
{
  if (field == self->predecessor_dropdown)
    return self->predecessor_error;
  if (field == self->successor_dropdown)
    return self->successor_error;
  return self->lag_error;
}

static void
set_error (CharterDependencyEditor *self,
           GtkWidget               *field,
           const char              *message)
{
  charter_editor_set_error (field, error_label_for (self, field), message);
}

/* Whether a dependency of @successor on @predecessor would close a circle
 * with the document's other dependencies: whether @predecessor can already
 * be reached from @successor. The file format refuses circles, so the
 * editor must never write one. */
static gboolean
would_close_circle (CharterDependencyEditor *self,
                    const char              *predecessor,
                    const char              *successor)
{
  GListModel *dependencies = charter_document_get_dependencies (self->document);
  guint n = g_list_model_get_n_items (dependencies);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterDependency) dep = g_list_model_get_item (dependencies, i);
      const char *from = charter_dependency_get_predecessor (dep);
      GPtrArray *targets;

      if (dep == self->dependency || from == NULL || charter_dependency_get_successor (dep) == NULL)
        continue;
      targets = g_hash_table_lookup (next, from);
      if (targets == NULL)
        {
          targets = g_ptr_array_new ();
          g_hash_table_insert (next, (gpointer) from, targets);
        }
      g_ptr_array_add (targets, (gpointer) charter_dependency_get_successor (dep));
    }

  g_ptr_array_add (queue, (gpointer) successor);
  g_hash_table_add (seen, (gpointer) successor);
  for (guint head = 0; head < queue->len; head++)
    {
      const char *task = g_ptr_array_index (queue, head);
      GPtrArray *targets = g_hash_table_lookup (next, task);

      if (g_str_equal (task, predecessor))
        return TRUE;
      for (guint i = 0; targets != NULL && i < targets->len; i++)
        if (g_hash_table_add (seen, g_ptr_array_index (targets, i)))
          g_ptr_array_add (queue, g_ptr_array_index (targets, i));
    }

  return FALSE;
}

/* Why a dependency of @successor on @predecessor cannot be, or NULL. */
static char *
refusal_for (CharterDependencyEditor *self,
             const char              *predecessor,
             const char              *successor)
{
  if (g_strcmp0 (predecessor, successor) == 0)
    return g_strdup_printf (_("“%s” cannot depend on itself."), task_name (self, predecessor));

  if (would_close_circle (self, predecessor, successor))
    return g_strdup_printf (_("“%s” already waits for “%s” through other dependencies: this one would close a circle, and no task in it could ever start."),
                            task_name (self, predecessor), task_name (self, successor));

  return NULL;
}

static const char *
selected_task_id (GtkWidget *dropdown)
{
  CharterTask *task = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return task ? charter_item_get_id (CHARTER_ITEM (task)) : NULL;
}

/* Filling the fields from the dependency */

static void
show_task (CharterDependencyEditor *self,
           GtkWidget               *dropdown,
           const char              *task_id)
{
  GListModel *tasks = charter_document_get_tasks (self->document);
  CharterTask *task = task_id ? charter_document_find (self->document, tasks, task_id) : NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (task != NULL && !g_list_store_find (G_LIST_STORE (tasks), task, &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) != position)
    {
      self->syncing++;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
      self->syncing--;
    }
  set_error (self, dropdown, NULL);
}

static void
show_kind (CharterDependencyEditor *self)
{
  CharterDependencyType kind = charter_dependency_get_kind (self->dependency);
  const char *explanation = NULL;

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown)) != (guint) kind)
    {
      self->syncing++;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), kind);
      self->syncing--;
    }

  switch (kind)
    {
    case CHARTER_DEPENDENCY_FINISH_TO_START:
      explanation = _("The successor starts once the predecessor has finished.");
      break;
    case CHARTER_DEPENDENCY_START_TO_START:
      explanation = _("The successor starts once the predecessor has started.");
      break;
    case CHARTER_DEPENDENCY_FINISH_TO_FINISH:
      explanation = _("The successor finishes once the predecessor has finished.");
      break;
    case CHARTER_DEPENDENCY_START_TO_FINISH:
      explanation = _("The successor finishes once the predecessor has started.");
      break;
    default:
      explanation = "";
    }
  gtk_label_set_label (GTK_LABEL (self->kind_explanation), explanation);
}

static void
show_lag (CharterDependencyEditor *self)
{
  int lag = charter_dependency_get_lag (self->dependency);
  g_autofree char *text = g_strdup_printf ("%d", lag);

  self->syncing++;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->lag_spin), lag);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->lag_spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->lag_spin), text);
  self->syncing--;
  charter_editor_forget_undo (self->lag_spin);
  set_error (self, self->lag_spin, NULL);
}

static void
show_member (CharterDependencyEditor *self,
             const char              *member)
{
  if (self->dependency == NULL || self->document == NULL)
    return;

  if (member == NULL || g_str_equal (member, "predecessor"))
    show_task (self, self->predecessor_dropdown, charter_dependency_get_predecessor (self->dependency));
  if (member == NULL || g_str_equal (member, "successor"))
    show_task (self, self->successor_dropdown, charter_dependency_get_successor (self->dependency));
  if (member == NULL || g_str_equal (member, "kind"))
    show_kind (self);
  if (member == NULL || g_str_equal (member, "lag"))
    show_lag (self);
}

static void
show_editable (CharterDependencyEditor *self)
{
  gboolean read_only = self->document != NULL && charter_document_get_read_only (self->document);

  if (read_only)
    {
      g_autofree char *text = g_strdup_printf (_("This plan cannot be changed: %s"),
                                               charter_document_get_read_only_reason (self->document));

      gtk_label_set_label (GTK_LABEL (self->read_only_label), text);
    }
  if (gtk_widget_get_visible (self->read_only_label) != read_only)
    {
      gtk_widget_set_visible (self->read_only_label, read_only);
      charter_editor_fit (GTK_WIDGET (self));
    }
  gtk_widget_set_sensitive (self->grid, is_editable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dependency-editor.delete", is_editable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dependency-editor.swap", is_editable (self));
}

static void
resolve_dependency (CharterDependencyEditor *self)
{
  CharterDependency *dependency = NULL;

  if (self->document != NULL && self->dependency_id != NULL)
    dependency = charter_document_find (self->document, charter_document_get_dependencies (self->document),
                                        self->dependency_id);

  if (dependency == self->dependency)
    return;

  g_set_object (&self->dependency, dependency);
  g_signal_group_set_target (self->dependency_signals, dependency);
  show_editable (self);
  show_member (self, NULL);
}

/* Callbacks */

static void
pick_task (CharterDependencyEditor *self,
           GtkWidget               *dropdown)
{
  gboolean is_predecessor = dropdown == self->predecessor_dropdown;
  const char *picked = selected_task_id (dropdown);
  const char *predecessor, *successor;
  g_autofree char *refusal = NULL;

  if (!may_write (self) || picked == NULL)
    return;

  predecessor = is_predecessor ? picked : charter_dependency_get_predecessor (self->dependency);
  successor = is_predecessor ? charter_dependency_get_successor (self->dependency) : picked;

  refusal = refusal_for (self, predecessor, successor);
  set_error (self, dropdown, refusal);
  if (refusal != NULL)
    return;

  charter_document_set (self->document, self->dependency,
                        is_predecessor ? "predecessor" : "successor", picked,
                        NULL);
}

static void
on_predecessor_selected_cb (GtkDropDown             *dropdown,
                            GParamSpec              *pspec,
                            CharterDependencyEditor *self)
{
  pick_task (self, GTK_WIDGET (dropdown));
}

static void
on_successor_selected_cb (GtkDropDown             *dropdown,
                          GParamSpec              *pspec,
                          CharterDependencyEditor *self)
{
  pick_task (self, GTK_WIDGET (dropdown));
}

static void
on_kind_selected_cb (GtkDropDown             *dropdown,
                     GParamSpec              *pspec,
                     CharterDependencyEditor *self)
{
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (!may_write (self) || kind > CHARTER_DEPENDENCY_START_TO_FINISH)
    return;

  charter_document_set (self->document, self->dependency, "kind", (CharterDependencyType) kind, NULL);
}

static int
on_lag_input_cb (GtkSpinButton           *spin,
                 double                  *new_value,
                 CharterDependencyEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint64 days;

  self->input_refused = FALSE;

  if (!g_ascii_string_to_signed (text, 10, -100000, 100000, &days, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a whole number of working days (between −100,000 and 100,000)."),
                                                  text);

      set_error (self, GTK_WIDGET (spin), message);
      self->input_refused = TRUE;
      return GTK_INPUT_ERROR;
    }

  *new_value = days;
  return TRUE;
}

static void
on_lag_changed_cb (GtkSpinButton           *spin,
                   CharterDependencyEditor *self)
{
  gboolean refused = self->input_refused;

  self->input_refused = FALSE;
  if (refused || !may_write (self))
    return;

  set_error (self, GTK_WIDGET (spin), NULL);
  charter_document_set (self->document, self->dependency, "lag", gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CharterDependencyEditor *self = CHARTER_DEPENDENCY_EDITOR (widget);
  g_autofree char *predecessor = NULL;
  g_autofree char *successor = NULL;
  g_autofree char *refusal = NULL;

  if (!may_write (self))
    return;

  predecessor = g_strdup (charter_dependency_get_predecessor (self->dependency));
  successor = g_strdup (charter_dependency_get_successor (self->dependency));
  refusal = refusal_for (self, successor, predecessor);
  set_error (self, self->predecessor_dropdown, refusal);
  if (refusal != NULL)
    return;

  set_error (self, self->successor_dropdown, NULL);
  charter_document_set (self->document, self->dependency,
                        "predecessor", successor,
                        "successor", predecessor,
                        NULL);
}

/* Delete is its own undo step ("Delete the dependency…"), after the step
 * of what was edited before it. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterDependencyEditor *self = CHARTER_DEPENDENCY_EDITOR (widget);
  g_autoptr(CharterDependency) dependency = NULL;
  g_autofree char *label = NULL;

  if (!may_write (self))
    return;

  dependency = g_object_ref (self->dependency);
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->lag_spin));
  charter_editor_session_end (&self->session);

  /* Translators: an Undo menu item */
  label = g_strdup_printf (_("Delete the dependency of “%s” on “%s”"),
                           task_name (self, charter_dependency_get_successor (dependency)),
                           task_name (self, charter_dependency_get_predecessor (dependency)));
  charter_document_begin_group (self->document, label);
  charter_document_remove (self->document, charter_document_get_dependencies (self->document), dependency);
  charter_document_end_group (self->document);

  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_dependency_notify_cb (CharterDependency       *dependency,
                         GParamSpec              *pspec,
                         CharterDependencyEditor *self)
{
  show_member (self, pspec->name);
}

static gboolean
follow_dependency_cb (gpointer data)
{
  CharterDependencyEditor *self = data;

  self->follow_source = 0;
  resolve_dependency (self);
  if (self->dependency == NULL && gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_popdown (GTK_POPOVER (self));

  return G_SOURCE_REMOVE;
}

/* From an idle: "changed" also comes in the middle of a removal's group
 * (a deleted task takes its dependencies), which must not be closed here. */
static void
on_document_changed_cb (CharterDocument         *document,
                        CharterDependencyEditor *self)
{
  if (self->follow_source == 0)
    self->follow_source = g_idle_add (follow_dependency_cb, self);
}

static void
on_document_read_only_cb (CharterDocument         *document,
                          GParamSpec              *pspec,
                          CharterDependencyEditor *self)
{
  show_editable (self);
  if (!is_editable (self))
    charter_editor_session_end (&self->session);
  else
    begin_session (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey   *controller,
                   guint                    keyval,
                   guint                    keycode,
                   GdkModifierType          state,
                   CharterDependencyEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  state &= gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (state == GDK_CONTROL_MASK)
        {
          gtk_popover_popdown (GTK_POPOVER (self));
          return TRUE;
        }
      if (state == 0 && focus != NULL && (focus == self->lag_spin || gtk_widget_is_ancestor (focus, self->lag_spin)))
        {
          gtk_spin_button_update (GTK_SPIN_BUTTON (self->lag_spin));
          if (!gtk_widget_get_visible (self->lag_error))
            gtk_popover_popdown (GTK_POPOVER (self));
          return TRUE;
        }
      return FALSE;
    }

  return charter_editor_session_hand_on (&self->session, GTK_WIDGET (self), keyval, state, begin_session);
}

/* Overrides */

static void
charter_dependency_editor_map (GtkWidget *widget)
{
  CharterDependencyEditor *self = CHARTER_DEPENDENCY_EDITOR (widget);

  GTK_WIDGET_CLASS (charter_dependency_editor_parent_class)->map (widget);

  resolve_dependency (self);
  show_editable (self);
  show_member (self, NULL);
  begin_session (self);

  if (self->dependency == NULL)
    {
      if (self->follow_source == 0)
        self->follow_source = g_idle_add (follow_dependency_cb, self);
      return;
    }

  gtk_widget_grab_focus (self->kind_dropdown);
}

static void
charter_dependency_editor_unmap (GtkWidget *widget)
{
  CharterDependencyEditor *self = CHARTER_DEPENDENCY_EDITOR (widget);

  if (charter_editor_session_is_open (&self->session))
    gtk_spin_button_update (GTK_SPIN_BUTTON (self->lag_spin));
  charter_editor_session_end (&self->session);

  charter_editor_release_focus (widget);

  GTK_WIDGET_CLASS (charter_dependency_editor_parent_class)->unmap (widget);
}

static void
charter_dependency_editor_dispose (GObject *object)
{
  CharterDependencyEditor *self = (CharterDependencyEditor *) object;

  charter_editor_session_end (&self->session);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  if (self->dependency_signals != NULL)
    g_signal_group_set_target (self->dependency_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->dependency);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_DEPENDENCY_EDITOR);

  G_OBJECT_CLASS (charter_dependency_editor_parent_class)->dispose (object);
}

static void
charter_dependency_editor_finalize (GObject *object)
{
  CharterDependencyEditor *self = (CharterDependencyEditor *) object;

  g_clear_object (&self->dependency_signals);
  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->dependency_id, g_free);

  G_OBJECT_CLASS (charter_dependency_editor_parent_class)->finalize (object);
}

static void
charter_dependency_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CharterDependencyEditor *self = CHARTER_DEPENDENCY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DEPENDENCY_ID:
      g_value_set_string (value, self->dependency_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_dependency_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CharterDependencyEditor *self = CHARTER_DEPENDENCY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_dependency_editor_set_document (self, g_value_get_object (value));
      break;

    case PROP_DEPENDENCY_ID:
      charter_dependency_editor_set_dependency_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_dependency_editor_class_init (CharterDependencyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_dependency_editor_dispose;
  object_class->finalize = charter_dependency_editor_finalize;
  object_class->get_property = charter_dependency_editor_get_property;
  object_class->set_property = charter_dependency_editor_set_property;

  widget_class->map = charter_dependency_editor_map;
  widget_class->unmap = charter_dependency_editor_unmap;

  /**
   * CharterDependencyEditor:document:
   *
   * The document the dependency belongs to.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CharterDependencyEditor:dependency-id:
   *
   * The id of the dependency to edit.
   */
  properties[PROP_DEPENDENCY_ID] =
    g_param_spec_string ("dependency-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "dependency-editor.swap", NULL, swap_action);
  gtk_widget_class_install_action (widget_class, "dependency-editor.delete", NULL, delete_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-dependency-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, predecessor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, predecessor_error);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, successor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, successor_error);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, kind_explanation);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, lag_spin);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, lag_error);
  gtk_widget_class_bind_template_child (widget_class, CharterDependencyEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_predecessor_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_successor_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lag_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lag_changed_cb);
}

static void
charter_dependency_editor_init (CharterDependencyEditor *self)
{
  GtkExpression *expression;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  self->dependency_signals = g_signal_group_new (CHARTER_TYPE_DEPENDENCY);
  g_signal_group_connect_object (self->dependency_signals, "notify", G_CALLBACK (on_dependency_notify_cb), self, 0);

  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (on_document_changed_cb), self, 0);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (on_document_read_only_cb), self, 0);

  expression = gtk_property_expression_new (CHARTER_TYPE_TASK, NULL, "name");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->predecessor_dropdown), expression);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->successor_dropdown), expression);
  gtk_expression_unref (expression);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "charter-editor-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  show_editable (self);
}

/* Public API */

/**
 * charter_dependency_editor_new:
 *
 * Returns: (transfer floating): a new dependency editor; give it a parent
 *   with gtk_widget_set_parent(), a document and a dependency id.
 */
GtkWidget *
charter_dependency_editor_new (void)
{
  return g_object_new (CHARTER_TYPE_DEPENDENCY_EDITOR, NULL);
}

/**
 * charter_dependency_editor_get_document:
 * @self: a #CharterDependencyEditor
 *
 * Returns: (transfer none) (nullable): the document
 */
CharterDocument *
charter_dependency_editor_get_document (CharterDependencyEditor *self)
{
  g_return_val_if_fail (CHARTER_IS_DEPENDENCY_EDITOR (self), NULL);

  return self->document;
}

/**
 * charter_dependency_editor_set_document:
 * @self: a #CharterDependencyEditor
 * @document: (nullable): the document the dependency belongs to
 *
 * Sets the document; the task lists follow its tasks.
 */
void
charter_dependency_editor_set_document (CharterDependencyEditor *self,
                                        CharterDocument         *document)
{
  g_return_if_fail (CHARTER_IS_DEPENDENCY_EDITOR (self));
  g_return_if_fail (document == NULL || CHARTER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (charter_editor_session_is_open (&self->session))
    gtk_spin_button_update (GTK_SPIN_BUTTON (self->lag_spin));
  charter_editor_session_end (&self->session);

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);

  self->syncing++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->predecessor_dropdown),
                           document ? charter_document_get_tasks (document) : NULL);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->successor_dropdown),
                           document ? charter_document_get_tasks (document) : NULL);
  self->syncing--;

  resolve_dependency (self);
  show_editable (self);
  show_member (self, NULL);
  begin_session (self);
  if (self->dependency == NULL && gtk_widget_get_visible (GTK_WIDGET (self)) && self->follow_source == 0)
    self->follow_source = g_idle_add (follow_dependency_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * charter_dependency_editor_get_dependency_id:
 * @self: a #CharterDependencyEditor
 *
 * Returns: (nullable): the id of the dependency the editor edits
 */
const char *
charter_dependency_editor_get_dependency_id (CharterDependencyEditor *self)
{
  g_return_val_if_fail (CHARTER_IS_DEPENDENCY_EDITOR (self), NULL);

  return self->dependency_id;
}

/**
 * charter_dependency_editor_set_dependency_id:
 * @self: a #CharterDependencyEditor
 * @dependency_id: (nullable): the id of the dependency to edit
 *
 * Sets which dependency the editor edits; an open editor ends the step of
 * the one it showed and starts one for the new one.
 */
void
charter_dependency_editor_set_dependency_id (CharterDependencyEditor *self,
                                             const char              *dependency_id)
{
  g_return_if_fail (CHARTER_IS_DEPENDENCY_EDITOR (self));

  if (g_strcmp0 (self->dependency_id, dependency_id) == 0)
    return;

  if (charter_editor_session_is_open (&self->session))
    gtk_spin_button_update (GTK_SPIN_BUTTON (self->lag_spin));
  charter_editor_session_end (&self->session);

  g_free (self->dependency_id);
  self->dependency_id = g_strdup (dependency_id);

  resolve_dependency (self);
  show_editable (self);
  show_member (self, NULL);
  begin_session (self);
  if (self->dependency == NULL && gtk_widget_get_visible (GTK_WIDGET (self)) && self->follow_source == 0)
    self->follow_source = g_idle_add (follow_dependency_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPENDENCY_ID]);
}
