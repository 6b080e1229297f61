/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-accessible.c: what a screen reader hears, where GTK 4.8 gets it
 * wrong.
 *
 * GTK 4.8 names a widget by its "label" property followed by the labels
 * that label it.  A GtkButton with a mnemonic label sets both: the property
 * to the raw text with its underscore, and the relation to the label inside
 * it, so Orca reads "_Save Save".  A GtkDropDown's own button has
 * neither and is read as "GtkToggleButton".  The rows of a GtkListView are
 * list items with no name at all, since GTK 4.8 has no way to give one
 * (gtk_list_item_set_accessible_label() came in 4.12).
 *
 * GtkCalendar's arrows are read as "GtkImage".
 *
 * charter_accessible_repair() walks a widget tree once, after its template
 * is built, and fixes buttons, drop-downs and calendars in it; list rows are
 * named as they are bound, with charter_accessible_label_row(), and a combo
 * row's choices with charter_accessible_combo_row().
 */

#define G_LOG_DOMAIN "charter-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-accessible.h"

#define REPAIRED_KEY "charter-accessible-repaired"

/* GtkButton writes the label property again each time its label changes. */
static void
forget_raw_label (GtkButton *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
on_button_label_notify_cb (GtkButton  *button,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  forget_raw_label (button);
}

static void
repair_button (GtkButton *button)
{
  /* Without a mnemonic the label property is the only name it has. */
  if (gtk_button_get_label (button) == NULL || !gtk_button_get_use_underline (button))
    return;
  if (g_object_get_data (G_OBJECT (button), REPAIRED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (button), REPAIRED_KEY, GINT_TO_POINTER (TRUE));

  /* The label inside names the button already, without the underscore. */
  forget_raw_label (button);
  g_signal_connect_after (button, "notify::label", G_CALLBACK (on_button_label_notify_cb), NULL);
}

/* The drop-down's button is what takes focus; let it be named by the
 * drop-down, whose name the .ui file gives. */
static void
repair_drop_down (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    {
      g_ptr_array_add (buttons, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* GtkCalendar's header holds four arrow buttons, in this order. */
static void
repair_calendar (GtkCalendar *calendar)
{
  const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;
  for (guint i = 0; i < buttons->len; i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, i)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                    -1);
}

/**
 * charter_accessible_repair:
 * @root: a widget whose children are all built
 *
 * Fixes the accessible names of the buttons and drop-downs under @root
 * (see the top of this file).  Safe to call more than once.
 */
void
charter_accessible_repair (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    repair_button (GTK_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    {
      repair_drop_down (GTK_DROP_DOWN (root));
      return;
    }
  else if (GTK_IS_CALENDAR (root))
    {
      repair_calendar (GTK_CALENDAR (root));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    charter_accessible_repair (child);
}

/**
 * charter_accessible_label_row:
 * @row_child: the child of a GtkListView row, already bound
 * @title: the label that names the row
 * @subtitle: (nullable): a label that describes it
 *
 * Names the list item that holds @row_child by @title (and describes it by
 * @subtitle), so a screen reader reads "Maya, Runner" on each row.  The
 * relations follow the labels' text as it changes.
 */
void
charter_accessible_label_row (GtkWidget *row_child,
                              GtkWidget *title,
                              GtkWidget *subtitle)
{
  GtkWidget *row = gtk_widget_get_parent (row_child);

  g_return_if_fail (GTK_IS_WIDGET (row_child));
  g_return_if_fail (GTK_IS_WIDGET (title));

  if (row == NULL)
    return;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  if (subtitle != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL,
                                    -1);
}

/* A combo row's choices, as its own list would show them, but named. */

static char *
choice_text (AdwComboRow *row,
             gpointer     item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup ("");
}

static void
update_choice_check (GtkListItem *list_item,
                     AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  if (check != gtk_widget_get_first_child (box))
    gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (list_item));
}

static void
on_choice_selected_notify_cb (AdwComboRow *row,
                              GParamSpec  *pspec,
                              GtkListItem *list_item)
{
  update_choice_check (list_item, row);
}

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);

  /* In the popover's list, a check mark on the chosen one. */
  if (g_object_get_data (G_OBJECT (factory), "charter-with-check") != NULL)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), check);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_choice_selected_notify_cb), list_item, 0);
    }
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  g_autofree char *text = choice_text (row, gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (label), text);
  update_choice_check (list_item, row);
  charter_accessible_label_row (box, label, NULL);
}

static GtkListItemFactory *
choice_factory (AdwComboRow *row,
                gboolean     with_check)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (with_check)
    g_object_set_data (G_OBJECT (factory), "charter-with-check", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_choice_setup_cb), row, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_choice_bind_cb), row, 0);
  return factory;
}

/**
 * charter_accessible_combo_row:
 * @row: a combo row
 *
 * Gives @row a list of choices whose rows a screen reader can name (the
 * default one's rows have no name in libadwaita 1.2), with the check mark
 * on the chosen one as before.
 */
void
charter_accessible_combo_row (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) current = NULL;
  g_autoptr(GtkListItemFactory) choices = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* The row shows its current choice in a one-item list of its own. */
  current = choice_factory (row, FALSE);
  choices = choice_factory (row, TRUE);
  adw_combo_row_set_factory (row, current);
  adw_combo_row_set_list_factory (row, choices);
}
