/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-discovery-binding"

#include "config.h"

#include "charter-discovery-binding.h"
#include "charter-style.h"

typedef struct
{
  CharterDocument *document;  /* weak */
  GObject         *item;      /* weak */
  char            *property;
  gboolean         updating;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_weak_pointer (&binding->document);
  g_clear_weak_pointer (&binding->item);
  g_free (binding->property);
  g_free (binding);
}

static Binding *
binding_new (CharterDocument *document,
             gpointer         item,
             const char      *property)
{
  Binding *binding = g_new0 (Binding, 1);

  g_set_weak_pointer (&binding->document, document);
  g_set_weak_pointer (&binding->item, item);
  binding->property = g_strdup (property);
  return binding;
}

static char *
binding_get (Binding *binding)
{
  char *value = NULL;

  if (binding->item != NULL)
    g_object_get (binding->item, binding->property, &value, NULL);
  return value;
}

static void
binding_push (Binding    *binding,
              const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *current = NULL;

  if (binding->updating || binding->document == NULL || binding->item == NULL)
    return;
  if (charter_document_get_read_only (binding->document))
    return;

  current = binding_get (binding);
  if (g_strcmp0 (current ? current : "", text) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  binding->updating = TRUE;
  charter_document_set_value (binding->document, binding->item, binding->property, &value, TRUE);
  binding->updating = FALSE;
}

/* Editables */

static void
on_editable_changed_cb (GtkEditable *editable,
                        Binding     *binding)
{
  binding_push (binding, gtk_editable_get_text (editable));
}

static void
on_item_notify_editable_cb (GObject     *item,
                            GParamSpec  *pspec,
                            GtkEditable *editable)
{
  Binding *binding = g_object_get_data (G_OBJECT (editable), "charter-binding");
  g_autofree char *value = NULL;

  if (binding == NULL || binding->updating)
    return;

  value = binding_get (binding);
  if (g_strcmp0 (gtk_editable_get_text (editable), value ? value : "") == 0)
    return;

  binding->updating = TRUE;
  gtk_editable_set_text (editable, value ? value : "");
  binding->updating = FALSE;
}

/**
 * charter_discovery_bind_editable:
 * @editable: an entry or entry row
 * @document: the document the item belongs to
 * @item: a #CharterItem
 * @property: the name of one of its string properties
 *
 * Shows @property in @editable and writes what is typed back as undoable,
 * merged steps.
 */
void
charter_discovery_bind_editable (GtkEditable     *editable,
                                 CharterDocument *document,
                                 gpointer         item,
                                 const char      *property)
{
  Binding *binding = binding_new (document, item, property);
  g_autofree char *value = binding_get (binding);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  binding->updating = TRUE;
  gtk_editable_set_text (editable, value ? value : "");
  binding->updating = FALSE;
  /* A read-only document shows its text but takes no typing. */
  if (charter_document_get_read_only (document))
    gtk_editable_set_editable (editable, FALSE);

  g_object_set_data_full (G_OBJECT (editable), "charter-binding", binding, binding_free);
  g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed_cb), binding);
  g_signal_connect_object (item, signal, G_CALLBACK (on_item_notify_editable_cb), editable, 0);
}

/* Text views */

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      Binding       *binding)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  binding_push (binding, text);
}

static void
on_item_notify_buffer_cb (GObject       *item,
                          GParamSpec    *pspec,
                          GtkTextBuffer *buffer)
{
  Binding *binding = g_object_get_data (G_OBJECT (buffer), "charter-binding");
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int cursor;

  if (binding == NULL || binding->updating)
    return;

  value = binding_get (binding);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value ? value : "") == 0)
    return;

  /* Keep the cursor about where it was (undo of typing puts it back). */
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  cursor = gtk_text_iter_get_offset (&start);

  binding->updating = TRUE;
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, cursor);
  gtk_text_buffer_place_cursor (buffer, &start);
  binding->updating = FALSE;
}

/**
 * charter_discovery_bind_text_view:
 * @text_view: a text view
 * @document: the document the item belongs to
 * @item: a #CharterItem
 * @property: the name of one of its string properties
 *
 * Like charter_discovery_bind_editable(), for multi-line text.
 */
void
charter_discovery_bind_text_view (GtkTextView     *text_view,
                                  CharterDocument *document,
                                  gpointer         item,
                                  const char      *property)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  Binding *binding = binding_new (document, item, property);
  g_autofree char *value = binding_get (binding);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  binding->updating = TRUE;
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  binding->updating = FALSE;
  if (charter_document_get_read_only (document))
    gtk_text_view_set_editable (text_view, FALSE);

  g_object_set_data_full (G_OBJECT (buffer), "charter-binding", binding, binding_free);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), binding);
  g_signal_connect_object (item, signal, G_CALLBACK (on_item_notify_buffer_cb), buffer, 0);
}

/**
 * charter_discovery_set_accessible_name:
 * @widget: a widget
 * @name: what a screen reader calls it
 */
void
charter_discovery_set_accessible_name (GtkWidget  *widget,
                                       const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * charter_discovery_group_new:
 * @title: the group's heading
 * @description: (nullable): a line under it
 *
 * Returns: (transfer floating): an empty preferences group
 */
GtkWidget *
charter_discovery_group_new (const char *title,
                             const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/**
 * charter_discovery_entry_row:
 * @document: the document
 * @item: a #CharterItem
 * @property: a string property of it
 * @title: what the field is called (also its accessible name)
 *
 * Returns: (transfer floating): an entry row bound to @property
 */
GtkWidget *
charter_discovery_entry_row (CharterDocument *document,
                             gpointer         item,
                             const char      *property,
                             const char      *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  charter_discovery_bind_editable (GTK_EDITABLE (row), document, item, property);
  return row;
}

/* GTK 4.8's text view answers a height request with the height of its text
 * at the width it had last, and does not ask again once it learns its new
 * width: filled before it was first shown (a file opened, another workspace
 * before) or narrowed, it kept the old height and cut its last lines off.
 * Its adjustments change whenever its text is laid out anew (upper) or its
 * size does (page size): then it is measured again, before the next layout.
 * The adjustments stay quiet when nothing changed, so this settles. */
static gboolean
remeasure_tick_cb (GtkWidget     *view,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_object_set_data (G_OBJECT (view), "charter-remeasure", NULL);
  gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static void
on_text_view_adjustment_changed_cb (GtkAdjustment *adjustment,
                                    GtkWidget     *view)
{
  if (g_object_get_data (G_OBJECT (view), "charter-remeasure") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "charter-remeasure",
                     GUINT_TO_POINTER (gtk_widget_add_tick_callback (view, remeasure_tick_cb, NULL, NULL)));
}

/* Hidden, a text view gets no frames: what was pending is dropped, and it
 * is measured again once shown. */
static void
on_text_view_map_changed_cb (GtkWidget *view)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "charter-remeasure"));

  if (id != 0)
    gtk_widget_remove_tick_callback (view, id);
  g_object_set_data (G_OBJECT (view), "charter-remeasure", NULL);
  if (gtk_widget_get_mapped (view))
    gtk_widget_queue_resize (view);
}

/**
 * charter_discovery_text_area:
 * @document: the document
 * @item: a #CharterItem
 * @property: a string property of it
 * @accessible_name: what a screen reader calls the field
 * @min_lines: the height to keep when empty
 *
 * Returns: (transfer floating): a framed, wrapping text view bound to @property
 */
GtkWidget *
charter_discovery_text_area (CharterDocument *document,
                             gpointer         item,
                             const char      *property,
                             const char      *accessible_name,
                             int              min_lines)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_add_css_class (frame, "charter-text-area");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 28 * MAX (min_lines, 1));
  charter_discovery_set_accessible_name (view, accessible_name);
  charter_discovery_bind_text_view (GTK_TEXT_VIEW (view), document, item, property);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)), "changed",
                           G_CALLBACK (on_text_view_adjustment_changed_cb), view, 0);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "changed",
                           G_CALLBACK (on_text_view_adjustment_changed_cb), view, 0);
  g_signal_connect (view, "map", G_CALLBACK (on_text_view_map_changed_cb), NULL);
  g_signal_connect (view, "unmap", G_CALLBACK (on_text_view_map_changed_cb), NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);

  return frame;
}

/**
 * charter_discovery_ensure_style:
 *
 * Makes sure the application's style sheet, which styles Discovery and Spec
 * too, applies on the default display.
 */
void
charter_discovery_ensure_style (void)
{
  charter_style_ensure (gdk_display_get_default ());
}
