/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-availability-view.c: the Program workspace — who is free when,
 * what could go wrong and whether the plan is on track. Its places under
 * Tracking (Check-ins, Baselines, Trend) are widgets of their own
 * (charter-check-in-view.c, charter-baseline-view.c, charter-trend-view.c)
 * bound to this view's document and scheduler in the template; the rest of
 * this file is the places under Planning. Teams (name,
 * colour, capacity, commitments and a load strip each), Calendar (project
 * start, working weekdays, no-launch weekdays, holidays and their import
 * from an .ics file) and Risks (the register, sorted by exposure, with each
 * risk's effect on the 80 % date from a simulation off the main thread).
 *
 * Every edit is an "availability." action that writes the document through
 * charter_document_set()/append/remove inside a labelled group, so that it is
 * one undo step; refused values stay in their field with the reason beside
 * it and are never written. Widgets are rebuilt only when the set of items
 * changes, so a field keeps its focus while the schedule follows edits. */

#define G_LOG_DOMAIN "charter-availability-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-availability-view.h"
#include "charter-accessible.h"
#include "charter-baseline-view.h"
#include "charter-check-in-view.h"
#include "charter-editor-session.h"
#include "charter-ics.h"
#include "charter-load-strip.h"
#include "charter-start-date-editor.h"
#include "charter-style.h"
#include "charter-team-color.h"
#include "charter-timeline-geometry.h"
#include "charter-trend-view.h"
#include "charter-workspace.h"

#define SIMULATION_RUNS 400
#define SIMULATION_SEED 1

struct _CharterAvailabilityView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkListBox       *places;
  GtkStack         *stack;
  GtkLabel         *teams_error;
  GtkBox           *teams_box;
  GtkLabel         *calendar_error;
  GtkMenuButton    *start_button;
  CharterStartDateEditor *start_editor;
  GtkBox           *working_days_box;
  GtkBox           *no_launch_box;
  GtkEditable      *holiday_entry;
  GtkButton        *holiday_add_button;
  GtkListBox       *holidays_list;
  GtkLabel         *risks_error;
  GtkGrid          *matrix_grid;
  GtkGrid          *tornado_grid;
  GtkBox           *risks_box;

  /* Owned */
  CharterDocument  *document;
  CharterScheduler *scheduler;
  GSignalGroup     *document_signals;
  GSignalGroup     *scheduler_signals;
  char             *teams_signature;
  char             *holidays_signature;
  char             *risks_signature;
  char             *message;
  GHashTable       *strips;             /* team id -> CharterLoadStrip (borrowed) */
  GHashTable       *commitment_errors;  /* commitment id -> GtkLabel (borrowed) */
  GHashTable       *risk_effects;       /* risk id -> GINT (p80 effect, working days) */
  GHashTable       *effect_labels;      /* risk id -> GtkLabel (borrowed) */
  GCancellable     *simulation;
  GtkToggleButton  *working_toggles[7];
  GtkToggleButton  *no_launch_toggles[7];
  gboolean          syncing;
  gboolean          resort_pending;     /* risk cards wait for the focus to leave one */
};

static void on_risk_card_leave_cb (CharterAvailabilityView *self);
static void charter_availability_view_set_document  (CharterAvailabilityView *self,
                                                     CharterDocument         *document);
static void charter_availability_view_set_scheduler (CharterAvailabilityView *self,
                                                     CharterScheduler        *scheduler);

G_DEFINE_FINAL_TYPE_WITH_CODE (CharterAvailabilityView, charter_availability_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CHARTER_TYPE_WORKSPACE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_PLACE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Colour names of the team palette (charter-team-color.c), for screen readers. */
static const char * const palette_names[] = {
  N_("Orange"), N_("Sky blue"), N_("Bluish green"), N_("Yellow"),
  N_("Blue"), N_("Vermilion"), N_("Reddish purple"), N_("Grey"),
};

static const char * const weekday_short[] = {
  N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static const char * const weekday_long[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
};

/* ---- Helpers ---------------------------------------------------------- */

static void
set_message (CharterAvailabilityView *self,
             GtkLabel                *label,
             const char              *message)
{
  if (label != NULL)
    {
      gtk_label_set_label (label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
    }
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static gboolean
has_focus_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static CharterTeam *
find_team (CharterAvailabilityView *self,
           const char              *team_id)
{
  if (self->document == NULL)
    return NULL;
  return charter_document_find (self->document, charter_document_get_teams (self->document), team_id);
}

static CharterCommitment *
find_commitment (CharterTeam *team,
                 const char  *commitment_id)
{
  GListModel *commitments = charter_team_get_commitments (team);

  for (guint i = 0; i < g_list_model_get_n_items (commitments); i++)
    {
      g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, i);

      if (g_strcmp0 (charter_item_get_id (CHARTER_ITEM (commitment)), commitment_id) == 0)
        return commitment;  /* the team's list holds it */
    }
  return NULL;
}

static CharterRisk *
find_risk (CharterAvailabilityView *self,
           const char              *risk_id)
{
  if (self->document == NULL)
    return NULL;
  return charter_document_find (self->document, charter_document_get_risks (self->document), risk_id);
}

static guint
weekday_index (const GDate *date)
{
  return g_date_get_weekday (date) - G_DATE_MONDAY;
}

static char *
format_iso (const char *iso,
            const char *format)
{
  GDate date;

  if (!charter_editor_parse_date (iso, &date))
    return g_strdup (iso);
  return charter_timeline_format_day (g_date_get_julian (&date), format);
}

/* ---- Teams ------------------------------------------------------------ */

static char *
make_teams_signature (CharterAvailabilityView *self)
{
  GString *text = g_string_new (NULL);
  GListModel *teams = charter_document_get_teams (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      GListModel *commitments = charter_team_get_commitments (team);

      g_string_append_printf (text, "%s:%s{", charter_item_get_id (CHARTER_ITEM (team)),
                              charter_team_get_color (team) ? charter_team_get_color (team) : "");
      for (guint j = 0; j < g_list_model_get_n_items (commitments); j++)
        {
          g_autoptr(CharterCommitment) commitment = g_list_model_get_item (commitments, j);

          g_string_append_printf (text, "%s,", charter_item_get_id (CHARTER_ITEM (commitment)));
        }
      g_string_append (text, "}");
    }
  return g_string_free (text, FALSE);
}

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const GdkRGBA *color = g_object_get_data (G_OBJECT (area), "color");

  if (color == NULL)
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
make_swatch (const GdkRGBA *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 18);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 18);
  g_object_set_data_full (G_OBJECT (area), "color", gdk_rgba_copy (color), (GDestroyNotify) gdk_rgba_free);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch_cb, NULL, NULL);
  return area;
}

static void
commit_team_name (CharterAvailabilityView *self,
                  GtkEditable             *entry)
{
  const char *team_id = g_object_get_data (G_OBJECT (entry), "team-id");
  CharterTeam *team = find_team (self, team_id);

  if (self->syncing || team == NULL || g_strcmp0 (gtk_editable_get_text (entry), charter_team_get_name (team)) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.rename-team", "(ss)",
                              team_id, gtk_editable_get_text (entry));
}

static void
on_team_name_activate_cb (GtkEditable             *entry,
                          CharterAvailabilityView *self)
{
  commit_team_name (self, entry);
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   CharterAvailabilityView *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  void (*commit) (CharterAvailabilityView *, GtkEditable *) = g_object_get_data (G_OBJECT (field), "commit");

  if (commit != NULL)
    commit (self, GTK_EDITABLE (field));
}

static void
commit_on_leave (CharterAvailabilityView *self,
                 GtkWidget               *field,
                 gpointer                 commit)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (field), "commit", commit);
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), self);
  gtk_widget_add_controller (field, focus);
}

static void
on_capacity_changed_cb (GtkSpinButton           *spin,
                        CharterAvailabilityView *self)
{
  const char *team_id = g_object_get_data (G_OBJECT (spin), "team-id");

  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.set-team-capacity", "(si)",
                              team_id, gtk_spin_button_get_value_as_int (spin));
}

static void
commit_commitment (CharterAvailabilityView *self,
                   GtkEditable             *field)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (field), "row");
  const char *team_id = g_object_get_data (G_OBJECT (row), "team-id");
  const char *commitment_id = g_object_get_data (G_OBJECT (row), "commitment-id");
  GtkEditable *start = g_object_get_data (G_OBJECT (row), "start");
  GtkEditable *finish = g_object_get_data (G_OBJECT (row), "finish");
  GtkEditable *reason = g_object_get_data (G_OBJECT (row), "reason");
  CharterTeam *team = find_team (self, team_id);
  CharterCommitment *commitment = team ? find_commitment (team, commitment_id) : NULL;

  if (self->syncing || commitment == NULL)
    return;
  if (g_strcmp0 (gtk_editable_get_text (start), charter_commitment_get_start (commitment)) == 0 &&
      g_strcmp0 (gtk_editable_get_text (finish), charter_commitment_get_finish (commitment)) == 0 &&
      g_strcmp0 (gtk_editable_get_text (reason), charter_commitment_get_reason (commitment) ?: "") == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.edit-commitment", "(sssss)",
                              team_id, commitment_id,
                              gtk_editable_get_text (start), gtk_editable_get_text (finish),
                              gtk_editable_get_text (reason));
}

static void
on_commitment_activate_cb (GtkEditable             *field,
                           CharterAvailabilityView *self)
{
  commit_commitment (self, field);
}

static GtkWidget *
make_entry (const char *accessible_name,
            int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return entry;
}

/* The accessible names of a team card's fields carry the team's name ("Capacity
 * of Backend"): set here when the card is built and again when the team is
 * renamed, since a rename keeps the card (and the focus in its name field). */
static void
name_team_fields (GtkWidget  *card,
                  const char *team_name)
{
  /* Literal formats, so that the compiler checks them against team_name. */
  const char *keys[] = { "color", "capacity", "delete", "strip", "add", "start", "finish", "reason" };
  char *names[G_N_ELEMENTS (keys)] = {
    g_strdup_printf (_("Colour of %s"), team_name),
    g_strdup_printf (_("Capacity of %s"), team_name),
    g_strdup_printf (_("Delete %s"), team_name),
    g_strdup_printf (_("Load of %s"), team_name),
    g_strdup_printf (_("Add a commitment for %s"), team_name),
    g_strdup_printf (_("Start of %s’s commitment"), team_name),
    g_strdup_printf (_("End of %s’s commitment"), team_name),
    g_strdup_printf (_("Reason for %s’s commitment"), team_name),
  };
  GtkWidget *commitments = g_object_get_data (G_OBJECT (card), "commitments");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *field = g_object_get_data (G_OBJECT (card), keys[i]);

      if (field != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i], -1);
      g_free (names[i]);
    }
  /* A commitment row holds its fields as "start", "finish" and "reason" too. */
  for (GtkWidget *row = commitments ? gtk_widget_get_first_child (commitments) : NULL;
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "start") != NULL)
      name_team_fields (row, team_name);
}

static GtkWidget *
make_commitment_row (CharterAvailabilityView *self,
                     CharterTeam             *team,
                     CharterCommitment       *commitment)
{
  const char *team_name = charter_team_get_name (team) ?: charter_item_get_id (CHARTER_ITEM (team));
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *start, *finish, *reason, *remove;

  start = make_entry (NULL, 11);
  finish = make_entry (NULL, 11);
  reason = make_entry (NULL, 20);
  gtk_widget_set_hexpand (reason, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (start), _("YYYY-MM-DD"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (finish), _("YYYY-MM-DD"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Committed to what"));
  gtk_editable_set_text (GTK_EDITABLE (start), charter_commitment_get_start (commitment) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (finish), charter_commitment_get_finish (commitment) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (reason), charter_commitment_get_reason (commitment) ?: "");

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove Commitment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove commitment"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "availability.remove-commitment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)", charter_item_get_id (CHARTER_ITEM (team)),
                                    charter_item_get_id (CHARTER_ITEM (commitment)));
  gtk_widget_add_css_class (remove, "flat");

  gtk_box_append (GTK_BOX (row), start);
  gtk_box_append (GTK_BOX (row), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (row), finish);
  gtk_box_append (GTK_BOX (row), reason);
  gtk_box_append (GTK_BOX (row), remove);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "charter-availability-error");
  gtk_widget_set_visible (error, FALSE);

  g_object_set_data_full (G_OBJECT (outer), "team-id", g_strdup (charter_item_get_id (CHARTER_ITEM (team))), g_free);
  g_object_set_data_full (G_OBJECT (outer), "commitment-id",
                          g_strdup (charter_item_get_id (CHARTER_ITEM (commitment))), g_free);
  g_object_set_data (G_OBJECT (outer), "start", start);
  g_object_set_data (G_OBJECT (outer), "finish", finish);
  g_object_set_data (G_OBJECT (outer), "reason", reason);
  g_object_set_data (G_OBJECT (outer), "error", error);
  name_team_fields (outer, team_name);
  for (GtkWidget *field = start; field != NULL; field = field == start ? finish : field == finish ? reason : NULL)
    {
      g_object_set_data (G_OBJECT (field), "row", outer);
      g_signal_connect (field, "activate", G_CALLBACK (on_commitment_activate_cb), self);
      commit_on_leave (self, field, commit_commitment);
    }
  g_hash_table_insert (self->commitment_errors, g_strdup (charter_item_get_id (CHARTER_ITEM (commitment))), outer);

  gtk_box_append (GTK_BOX (outer), row);
  gtk_box_append (GTK_BOX (outer), error);
  return outer;
}

static GtkWidget *
make_color_button (CharterAvailabilityView *self,
                   CharterTeam             *team,
                   guint                    position)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  const char * const *palette;
  guint n_colors;
  GdkRGBA color;

  charter_team_color (team, position, &color);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), make_swatch (&color));
  gtk_widget_set_tooltip_text (button, _("Team Colour"));

  palette = charter_team_color_palette (&n_colors);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < n_colors; i++)
    {
      GtkWidget *swatch_button = gtk_button_new ();
      GdkRGBA swatch;

      gdk_rgba_parse (&swatch, palette[i]);
      gtk_button_set_child (GTK_BUTTON (swatch_button), make_swatch (&swatch));
      gtk_widget_add_css_class (swatch_button, "flat");
      gtk_widget_set_tooltip_text (swatch_button, _(palette_names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(palette_names[i]), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (swatch_button), "availability.set-team-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (swatch_button), "(ss)",
                                        charter_item_get_id (CHARTER_ITEM (team)), palette[i]);
      gtk_grid_attach (GTK_GRID (grid), swatch_button, i % 4, i / 4, 1, 1);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static GtkWidget *
make_team_card (CharterAvailabilityView *self,
                CharterTeam             *team,
                guint                    position)
{
  const char *team_id = charter_item_get_id (CHARTER_ITEM (team));
  const char *team_name = charter_team_get_name (team) ?: team_id;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *color, *name, *capacity, *capacity_label, *delete, *strip, *commitments, *add;
  GListModel *list = charter_team_get_commitments (team);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);

  color = make_color_button (self, team, position);
  g_object_set_data (G_OBJECT (card), "color", color);
  gtk_box_append (GTK_BOX (header), color);

  name = make_entry (_("Team name"), 20);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name), charter_team_get_name (team) ?: "");
  g_object_set_data_full (G_OBJECT (name), "team-id", g_strdup (team_id), g_free);
  g_object_set_data (G_OBJECT (card), "name", name);
  g_signal_connect (name, "activate", G_CALLBACK (on_team_name_activate_cb), self);
  commit_on_leave (self, name, commit_team_name);
  gtk_box_append (GTK_BOX (header), name);

  capacity_label = gtk_label_new_with_mnemonic (_("_Capacity"));
  gtk_box_append (GTK_BOX (header), capacity_label);
  capacity = gtk_spin_button_new_with_range (1, 99, 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (capacity_label), capacity);
  gtk_widget_set_tooltip_text (capacity, _("How many tasks the team works on at once"));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (capacity), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (capacity), MAX (1, charter_team_get_capacity (team)));
  g_object_set_data_full (G_OBJECT (capacity), "team-id", g_strdup (team_id), g_free);
  g_object_set_data (G_OBJECT (card), "capacity", capacity);
  g_signal_connect (capacity, "value-changed", G_CALLBACK (on_capacity_changed_cb), self);
  gtk_box_append (GTK_BOX (header), capacity);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Team"));
  g_object_set_data (G_OBJECT (card), "delete", delete);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "availability.delete-team");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", team_id);
  gtk_box_append (GTK_BOX (header), delete);
  gtk_box_append (GTK_BOX (card), header);

  strip = charter_load_strip_new ();
  g_object_set_data (G_OBJECT (card), "strip", strip);
  gtk_widget_set_margin_start (strip, 12);
  gtk_widget_set_margin_end (strip, 12);
  g_hash_table_insert (self->strips, g_strdup (team_id), strip);
  gtk_box_append (GTK_BOX (card), strip);
  {
    /* The strip's summary in words, under it: readable without hovering. */
    GtkWidget *caption = gtk_label_new (NULL);

    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_widget_add_css_class (caption, "caption");
    gtk_widget_set_margin_start (caption, 12);
    gtk_widget_set_margin_end (caption, 12);
    g_object_set_data (G_OBJECT (strip), "caption", caption);
    gtk_box_append (GTK_BOX (card), caption);
  }

  commitments = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (commitments, 12);
  gtk_widget_set_margin_end (commitments, 12);
  gtk_widget_set_margin_bottom (commitments, 12);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CharterCommitment) commitment = g_list_model_get_item (list, i);

      gtk_box_append (GTK_BOX (commitments), make_commitment_row (self, team, commitment));
    }
  add = gtk_button_new_with_mnemonic (_("Add _Commitment"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_add_css_class (add, "flat");
  g_object_set_data (G_OBJECT (card), "add", add);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "availability.add-commitment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", team_id);
  gtk_box_append (GTK_BOX (commitments), add);
  gtk_box_append (GTK_BOX (card), commitments);
  g_object_set_data (G_OBJECT (card), "commitments", commitments);
  name_team_fields (card, team_name);

  g_object_set_data_full (G_OBJECT (card), "team-id", g_strdup (team_id), g_free);
  return card;
}

static void
update_strips (CharterAvailabilityView *self)
{
  CharterSchedule *schedule;
  GListModel *teams;

  if (self->document == NULL)
    return;
  schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  teams = charter_document_get_teams (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);
      CharterLoadStrip *strip = g_hash_table_lookup (self->strips, charter_item_get_id (CHARTER_ITEM (team)));

      if (strip != NULL)
        {
          CharterLoad *load = charter_load_compute (self->document, schedule, team);
          GtkLabel *caption = g_object_get_data (G_OBJECT (strip), "caption");
          g_autofree char *summary = charter_load_describe (load);

          if (load->n_days > 0)
            {
              g_autofree char *first = charter_timeline_format_day (load->first_day, _("%a %-d %b"));
              g_autofree char *last = charter_timeline_format_day (load->first_day + load->n_days - 1, _("%a %-d %b"));
              g_autofree char *text = g_strdup_printf (_("%s to %s: %s"), first, last, summary);

              gtk_label_set_label (caption, text);
            }
          else
            gtk_label_set_label (caption, summary);
          charter_load_strip_set_load (strip, load);
        }
    }
}

static void
update_teams (CharterAvailabilityView *self)
{
  g_autofree char *signature = NULL;
  GListModel *teams;

  if (self->document == NULL)
    {
      clear_box (self->teams_box);
      g_hash_table_remove_all (self->strips);
      g_clear_pointer (&self->teams_signature, g_free);
      return;
    }

  teams = charter_document_get_teams (self->document);
  signature = make_teams_signature (self);
  if (g_strcmp0 (signature, self->teams_signature) != 0)
    {
      clear_box (self->teams_box);
      g_hash_table_remove_all (self->strips);
      g_hash_table_remove_all (self->commitment_errors);
      for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
        {
          g_autoptr(CharterTeam) team = g_list_model_get_item (teams, i);

          gtk_box_append (self->teams_box, make_team_card (self, team, i));
        }
      if (g_list_model_get_n_items (teams) == 0)
        {
          GtkWidget *empty = gtk_label_new (_("No teams yet. A team has a capacity (how many tasks it works on at "
                                              "once) and commitments elsewhere; the schedule keeps within both."));

          gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
          gtk_widget_add_css_class (empty, "dim-label");
          gtk_box_append (self->teams_box, empty);
        }
      g_free (self->teams_signature);
      self->teams_signature = g_steal_pointer (&signature);
    }
  else
    {
      /* Same teams: bring values in without touching the field being edited. */
      self->syncing = TRUE;
      for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->teams_box));
           card != NULL; card = gtk_widget_get_next_sibling (card))
        {
          CharterTeam *team = find_team (self, g_object_get_data (G_OBJECT (card), "team-id"));
          GtkWidget *name = g_object_get_data (G_OBJECT (card), "name");
          GtkWidget *capacity = g_object_get_data (G_OBJECT (card), "capacity");

          if (team == NULL)
            continue;
          if (!has_focus_inside (name))
            gtk_editable_set_text (GTK_EDITABLE (name), charter_team_get_name (team) ?: "");
          name_team_fields (card, charter_team_get_name (team) ?: charter_item_get_id (CHARTER_ITEM (team)));
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (capacity), MAX (1, charter_team_get_capacity (team)));
        }
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, self->commitment_errors);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            CharterTeam *team = find_team (self, g_object_get_data (value, "team-id"));
            CharterCommitment *commitment = team ? find_commitment (team, key) : NULL;
            const char *texts[3];
            const char *fields[] = { "start", "finish", "reason" };

            if (commitment == NULL)
              continue;
            texts[0] = charter_commitment_get_start (commitment);
            texts[1] = charter_commitment_get_finish (commitment);
            texts[2] = charter_commitment_get_reason (commitment);
            for (guint f = 0; f < 3; f++)
              {
                GtkWidget *field = g_object_get_data (value, fields[f]);

                if (!has_focus_inside (field) && !gtk_widget_has_css_class (field, "error"))
                  gtk_editable_set_text (GTK_EDITABLE (field), texts[f] ?: "");
              }
          }
      }
      self->syncing = FALSE;
    }
  update_strips (self);
}

/* ---- Calendar --------------------------------------------------------- */

static void
on_holiday_add_cb (CharterAvailabilityView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.add-holiday", "s",
                              gtk_editable_get_text (self->holiday_entry));
}

static void
on_weekday_toggled_cb (GtkToggleButton         *button,
                       CharterAvailabilityView *self)
{
  GtkToggleButton **toggles;
  gboolean working = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "working"));
  int days = 0;

  if (self->syncing)
    return;
  toggles = working ? self->working_toggles : self->no_launch_toggles;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (toggles[i]))
      days |= 1 << i;
  gtk_widget_activate_action (GTK_WIDGET (self),
                              working ? "availability.set-working-days" : "availability.set-no-launch-days",
                              "i", days);
}

static void
update_calendar (CharterAvailabilityView *self)
{
  CharterCalendar *calendar;
  CharterWeekdays working, no_launch;
  const char * const *holidays;
  g_autofree char *signature = NULL;

  if (self->document == NULL)
    return;
  calendar = charter_document_get_calendar (self->document);
  working = charter_calendar_get_working_days (calendar);
  no_launch = charter_calendar_get_no_launch_days (calendar);
  holidays = charter_calendar_get_holidays (calendar);

  self->syncing = TRUE;
  {
    g_autofree char *shown = NULL;
    const char *start = charter_calendar_get_start (calendar);

    if (start != NULL)
      shown = format_iso (start, _("%A %-d %B %Y"));
    gtk_menu_button_set_label (self->start_button, shown ? shown : _("Not set: the plan starts today"));
  }
  for (guint i = 0; i < 7; i++)
    {
      gtk_toggle_button_set_active (self->working_toggles[i], (working & (1 << i)) != 0);
      gtk_toggle_button_set_active (self->no_launch_toggles[i], (no_launch & (1 << i)) != 0);
    }
  self->syncing = FALSE;

  signature = holidays ? g_strjoinv (",", (char **) holidays) : g_strdup ("");
  if (g_strcmp0 (signature, self->holidays_signature) == 0)
    return;
  g_free (self->holidays_signature);
  self->holidays_signature = g_steal_pointer (&signature);

  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->holidays_list))) != NULL)
      gtk_list_box_remove (self->holidays_list, child);
  }
  for (guint i = 0; holidays != NULL && holidays[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *title = format_iso (holidays[i], _("%A %-d %B %Y"));
      g_autofree char *remove_name = g_strdup_printf (_("Remove holiday %s"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), holidays[i]);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Holiday"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "availability.remove-holiday");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", holidays[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->holidays_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->holidays_list), holidays != NULL && holidays[0] != NULL);
}

/* ---- Risks ------------------------------------------------------------ */

static int
risk_exposure (CharterRisk *risk)
{
  return charter_risk_get_probability (risk) * MAX (charter_risk_get_impact_days (risk), 0);
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  CharterRisk *ra = *(CharterRisk **) a;
  CharterRisk *rb = *(CharterRisk **) b;

  return risk_exposure (rb) - risk_exposure (ra);
}

static GPtrArray *
sorted_risks (CharterAvailabilityView *self)
{
  GListModel *risks = charter_document_get_risks (self->document);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (risks, i));
  g_ptr_array_sort (sorted, compare_risks);
  return sorted;
}

static void
commit_risk_text (CharterAvailabilityView *self,
                  GtkEditable             *field)
{
  const char *risk_id = g_object_get_data (G_OBJECT (field), "risk-id");
  const char *property = g_object_get_data (G_OBJECT (field), "property");
  CharterRisk *risk = find_risk (self, risk_id);
  g_autofree char *current = NULL;

  if (self->syncing || risk == NULL)
    return;
  g_object_get (risk, property, &current, NULL);
  if (g_strcmp0 (current ?: "", gtk_editable_get_text (field)) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.set-risk-text", "(sss)",
                              risk_id, property, gtk_editable_get_text (field));
}

static void
on_risk_text_activate_cb (GtkEditable             *field,
                          CharterAvailabilityView *self)
{
  commit_risk_text (self, field);
}

static void
on_risk_number_changed_cb (GtkSpinButton           *spin,
                           CharterAvailabilityView *self)
{
  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.set-risk-number", "(ssi)",
                              g_object_get_data (G_OBJECT (spin), "risk-id"),
                              g_object_get_data (G_OBJECT (spin), "property"),
                              gtk_spin_button_get_value_as_int (spin));
}

static void
on_risk_task_toggled_cb (GtkCheckButton          *check,
                         CharterAvailabilityView *self)
{
  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "availability.toggle-risk-task", "(ssb)",
                              g_object_get_data (G_OBJECT (check), "risk-id"),
                              g_object_get_data (G_OBJECT (check), "task-id"),
                              gtk_check_button_get_active (check));
}

/* The accessible names of a risk card's fields carry the risk's description;
 * set when the card is built and again when the description changes, since
 * that keeps the card (and the focus in it). */
static void
name_risk_fields (GtkWidget  *card,
                  const char *what)
{
  /* Literal formats, so that the compiler checks them against @what. */
  const char *keys[] = { "delete", "probability", "impact-days", "contingency", "owner", "mitigation", "tasks" };
  char *names[G_N_ELEMENTS (keys)] = {
    g_strdup_printf (_("Delete risk %s"), what),
    g_strdup_printf (_("Probability in percent of “%s”"), what),
    g_strdup_printf (_("Impact in working days of “%s”"), what),
    g_strdup_printf (_("Contingency in working days of “%s”"), what),
    g_strdup_printf (_("Owner of “%s”"), what),
    g_strdup_printf (_("Mitigation of “%s”"), what),
    g_strdup_printf (_("Tasks “%s” affects"), what),
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *field = g_object_get_data (G_OBJECT (card), keys[i]);

      if (field != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i], -1);
      g_free (names[i]);
    }
}

/* Put the cards in the order of @sorted (by exposure) and bring in values
 * changed elsewhere, without rebuilding: a card moved with
 * gtk_box_reorder_child_after keeps its widgets, so a field keeps its focus,
 * its text and its cursor. Field values are not written into the field that
 * has the focus (the user's typing wins until it is committed). */
static void
resort_risk_cards (CharterAvailabilityView *self,
                   GPtrArray               *sorted)
{
  static const char * const numbers[] = { "probability", "impact-days", "contingency" };
  static const char * const texts[] = { "description", "owner", "mitigation" };
  GtkWidget *previous = NULL;

  self->resort_pending = FALSE;
  self->syncing = TRUE;
  for (guint i = 0; i < sorted->len; i++)
    {
      CharterRisk *risk = g_ptr_array_index (sorted, i);
      const char *risk_id = charter_item_get_id (CHARTER_ITEM (risk));
      GtkWidget *card = NULL;

      for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->risks_box)); c != NULL && card == NULL;
           c = gtk_widget_get_next_sibling (c))
        if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "risk-id"), risk_id) == 0)
          card = c;
      if (card == NULL)
        continue;

      gtk_box_reorder_child_after (self->risks_box, card, previous);
      previous = card;
      {
        g_autofree char *number = g_strdup_printf (_("R%u"), i + 1);

        gtk_label_set_label (g_object_get_data (G_OBJECT (card), "number"), number);
      }
      name_risk_fields (card, charter_risk_get_description (risk) ?: risk_id);
      for (guint f = 0; f < G_N_ELEMENTS (numbers); f++)
        {
          GtkWidget *spin = g_object_get_data (G_OBJECT (card), numbers[f]);
          int value = 0;

          g_object_get (risk, numbers[f], &value, NULL);
          if (!has_focus_inside (spin))
            gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
        }
      for (guint f = 0; f < G_N_ELEMENTS (texts); f++)
        {
          GtkWidget *entry = g_object_get_data (G_OBJECT (card), texts[f]);
          g_autofree char *value = NULL;

          g_object_get (risk, texts[f], &value, NULL);
          if (!has_focus_inside (entry) && !gtk_widget_has_css_class (entry, "error"))
            gtk_editable_set_text (GTK_EDITABLE (entry), value ?: "");
        }
    }
  self->syncing = FALSE;
}

static GtkWidget *
make_risk_field (CharterAvailabilityView *self,
                 GtkWidget               *grid,
                 int                      row,
                 int                      column,
                 const char              *label_text,
                 GtkWidget               *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  /* The field's own name says it all; the visible label would be read twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, column + 1, row, 1, 1);
  return field;
}

static GtkWidget *
make_risk_text (CharterAvailabilityView *self,
                CharterRisk             *risk,
                const char              *property,
                const char              *accessible_name)
{
  GtkWidget *entry = make_entry (accessible_name, 16);
  g_autofree char *value = NULL;

  g_object_get (risk, property, &value, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ?: "");
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data_full (G_OBJECT (entry), "risk-id", g_strdup (charter_item_get_id (CHARTER_ITEM (risk))), g_free);
  g_object_set_data (G_OBJECT (entry), "property", (gpointer) property);
  g_signal_connect (entry, "activate", G_CALLBACK (on_risk_text_activate_cb), self);
  commit_on_leave (self, entry, commit_risk_text);
  return entry;
}

static GtkWidget *
make_risk_spin (CharterAvailabilityView *self,
                CharterRisk             *risk,
                const char              *property,
                int                      upper,
                const char              *accessible_name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);
  int value = 0;

  g_object_get (risk, property, &value, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_object_set_data_full (G_OBJECT (spin), "risk-id", g_strdup (charter_item_get_id (CHARTER_ITEM (risk))), g_free);
  g_object_set_data (G_OBJECT (spin), "property", (gpointer) property);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_risk_number_changed_cb), self);
  return spin;
}

static GtkWidget *
make_risk_tasks (CharterAvailabilityView *self,
                 CharterRisk             *risk)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GListModel *tasks = charter_document_get_tasks (self->document);
  const char * const *task_ids = charter_risk_get_task_ids (risk);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char *task_id = charter_item_get_id (CHARTER_ITEM (task));
      GtkWidget *check = gtk_check_button_new_with_label (charter_task_get_name (task) ?: task_id);
      gboolean affected = task_ids != NULL && g_strv_contains (task_ids, task_id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), affected);
      if (affected)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", charter_task_get_name (task) ?: task_id);
      g_object_set_data_full (G_OBJECT (check), "risk-id", g_strdup (charter_item_get_id (CHARTER_ITEM (risk))), g_free);
      g_object_set_data_full (G_OBJECT (check), "task-id", g_strdup (task_id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_risk_task_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  /* A long list would widen the whole page: show its start, all of it in the tooltip. */
  if (g_utf8_strlen (names->str, -1) > 36)
    {
      g_autofree char *start = g_utf8_substring (names->str, 0, 35);
      g_autofree char *shown = g_strconcat (start, "…", NULL);

      gtk_menu_button_set_label (GTK_MENU_BUTTON (button), shown);
      gtk_widget_set_tooltip_text (button, names->str);
    }
  else
    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), names->len ? names->str : _("No tasks"));
  return button;
}

static void
update_effect_label (CharterAvailabilityView *self,
                     const char              *risk_id)
{
  GtkLabel *label = g_hash_table_lookup (self->effect_labels, risk_id);
  gpointer effect;

  if (label == NULL)
    return;
  if (!g_hash_table_lookup_extended (self->risk_effects, risk_id, NULL, &effect))
    {
      gtk_label_set_label (label, _("Effect on the 80 % date: not known yet"));
      return;
    }
  {
    int days = GPOINTER_TO_INT (effect);
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Moves the 80 %% date by %d working day",
                                    "Moves the 80 %% date by %d working days", ABS (days)),
                       days);

    gtk_label_set_label (label, text);
  }
}

static GtkWidget *
make_risk_card (CharterAvailabilityView *self,
                CharterRisk             *risk,
                guint                    position)
{
  const char *risk_id = charter_item_get_id (CHARTER_ITEM (risk));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *description, *delete, *effect;
  GtkEventController *focus;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  {
    /* The number the matrix shows it by. */
    g_autofree char *number = g_strdup_printf (_("R%u"), position + 1);
    GtkWidget *label = gtk_label_new (number);

    gtk_widget_add_css_class (label, "heading");
    gtk_box_append (GTK_BOX (header), label);
  }
  g_object_set_data (G_OBJECT (card), "number", gtk_widget_get_last_child (header));
  description = make_risk_text (self, risk, "description", _("Risk description"));
  g_object_set_data (G_OBJECT (card), "description", description);
  gtk_entry_set_placeholder_text (GTK_ENTRY (description), _("What could go wrong"));
  gtk_box_append (GTK_BOX (header), description);
  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Risk"));
  g_object_set_data (G_OBJECT (card), "delete", delete);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "availability.delete-risk");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", risk_id);
  gtk_box_append (GTK_BOX (header), delete);
  gtk_box_append (GTK_BOX (card), header);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  /* The fields are kept on the card by their property, so that a change made
   * elsewhere (undo, the matrix) reaches them without rebuilding the card. */
  g_object_set_data (G_OBJECT (card), "probability",
                     make_risk_field (self, grid, 0, 0, _("_Probability %"),
                                      make_risk_spin (self, risk, "probability", 100, NULL)));
  g_object_set_data (G_OBJECT (card), "impact-days",
                     make_risk_field (self, grid, 0, 2, _("_Impact (working days)"),
                                      make_risk_spin (self, risk, "impact-days", 999, NULL)));
  g_object_set_data (G_OBJECT (card), "contingency",
                     make_risk_field (self, grid, 0, 4, _("Contin_gency (days)"),
                                      make_risk_spin (self, risk, "contingency", 999, NULL)));
  g_object_set_data (G_OBJECT (card), "owner",
                     make_risk_field (self, grid, 1, 0, _("_Owner"), make_risk_text (self, risk, "owner", NULL)));
  g_object_set_data (G_OBJECT (card), "mitigation",
                     make_risk_field (self, grid, 1, 2, _("_Mitigation"),
                                      make_risk_text (self, risk, "mitigation", NULL)));
  g_object_set_data (G_OBJECT (card), "tasks",
                     make_risk_field (self, grid, 1, 4, _("_Affects"), make_risk_tasks (self, risk)));
  name_risk_fields (card, charter_risk_get_description (risk) ?: risk_id);
  gtk_box_append (GTK_BOX (card), grid);

  /* Leaving a card is when the cards re-sort (see update_risks). */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_risk_card_leave_cb), self);
  gtk_widget_add_controller (card, focus);

  effect = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (effect), 0);
  gtk_widget_set_margin_start (effect, 12);
  gtk_widget_set_margin_bottom (effect, 12);
  gtk_widget_add_css_class (effect, "dim-label");
  g_hash_table_insert (self->effect_labels, g_strdup (risk_id), effect);
  gtk_box_append (GTK_BOX (card), effect);
  update_effect_label (self, risk_id);

  g_object_set_data_full (G_OBJECT (card), "risk-id", g_strdup (risk_id), g_free);
  return card;
}

/* Bands of the matrix: probability from the top (high) down, impact from
 * the left (small) right. */
static guint
probability_band (int probability)
{
  return CLAMP (probability, 0, 100) >= 100 ? 4 : CLAMP (probability, 0, 100) / 20;
}

static guint
impact_band (int impact_days)
{
  if (impact_days <= 2)
    return 0;
  if (impact_days <= 5)
    return 1;
  if (impact_days <= 10)
    return 2;
  if (impact_days <= 20)
    return 3;
  return 4;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
update_matrix (CharterAvailabilityView *self,
               GPtrArray               *sorted)
{
  static const char * const probability_names[] = { N_("0–19 %"), N_("20–39 %"), N_("40–59 %"), N_("60–79 %"), N_("80–100 %") };
  static const char * const impact_names[] = { N_("≤ 2 d"), N_("3–5 d"), N_("6–10 d"), N_("11–20 d"), N_("> 20 d") };
  static const char * const band_names[] = { "low", "medium", "high" };
  GtkWidget *cells[5][5];
  GtkWidget *focus_chip = NULL;
  g_autofree char *focused = NULL;

  /* Keep the keyboard where it was across a rebuild. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->matrix_grid)))
      {
        GtkWidget *chip = GTK_IS_BUTTON (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON);

        if (chip != NULL)
          focused = g_strdup (g_object_get_data (G_OBJECT (chip), "risk-id"));
      }
  }

  clear_grid (self->matrix_grid);
  for (guint p = 0; p < 5; p++)
    {
      GtkWidget *label = gtk_label_new (_(probability_names[p]));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->matrix_grid, label, 0, 4 - p, 1, 1);
      for (guint i = 0; i < 5; i++)
        {
          GtkWidget *cell = gtk_flow_box_new ();
          guint score = p + i;

          gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (cell), GTK_SELECTION_NONE);
          gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (cell), 3);
          gtk_widget_add_css_class (cell, "charter-risk-cell");
          gtk_widget_add_css_class (cell, band_names[score < 3 ? 0 : score < 6 ? 1 : 2]);
          gtk_widget_set_focusable (cell, FALSE);
          cells[p][i] = cell;
          gtk_grid_attach (self->matrix_grid, cell, 1 + i, 4 - p, 1, 1);
        }
    }
  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *label = gtk_label_new (_(impact_names[i]));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->matrix_grid, label, 1 + i, 5, 1, 1);
    }
  {
    GtkWidget *caption = gtk_label_new (_("Probability ↑  ·  impact in working days →"));

    gtk_widget_add_css_class (caption, "dim-label");
    gtk_widget_add_css_class (caption, "caption");
    gtk_grid_attach (self->matrix_grid, caption, 0, 6, 6, 1);
  }

  for (guint r = 0; r < sorted->len; r++)
    {
      CharterRisk *risk = g_ptr_array_index (sorted, r);
      const char *risk_id = charter_item_get_id (CHARTER_ITEM (risk));
      g_autofree char *number = g_strdup_printf (_("R%u"), r + 1);
      g_autofree char *name = g_strdup_printf (_("%s: %s, probability %d %%, impact %d working days"), number,
                                               charter_risk_get_description (risk) ?: risk_id,
                                               charter_risk_get_probability (risk),
                                               charter_risk_get_impact_days (risk));
      GtkWidget *chip = gtk_button_new_with_label (number);
      GtkWidget *cell = cells[probability_band (charter_risk_get_probability (risk))]
                             [impact_band (charter_risk_get_impact_days (risk))];

      gtk_widget_add_css_class (chip, "charter-risk-chip");
      gtk_widget_add_css_class (chip, "pill");
      gtk_widget_set_tooltip_text (chip, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "availability.focus-risk");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "s", risk_id);
      g_object_set_data_full (G_OBJECT (chip), "risk-id", g_strdup (risk_id), g_free);
      gtk_flow_box_append (GTK_FLOW_BOX (cell), chip);
      /* The flow box child would take focus first: the chip itself is the stop. */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
      if (g_strcmp0 (focused, risk_id) == 0)
        focus_chip = chip;
    }
  if (focus_chip != NULL)
    gtk_widget_grab_focus (focus_chip);
}

static void
update_tornado (CharterAvailabilityView *self)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *risks;
  int largest = 1;

  clear_grid (self->tornado_grid);
  if (self->document == NULL)
    return;
  risks = charter_document_get_risks (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      CharterRisk *risk = g_list_model_get_item (risks, i);
      gpointer effect;

      if (g_hash_table_lookup_extended (self->risk_effects, charter_item_get_id (CHARTER_ITEM (risk)), NULL, &effect))
        {
          g_ptr_array_add (ranked, risk);
          largest = MAX (largest, GPOINTER_TO_INT (effect));
        }
      else
        g_object_unref (risk);
    }
  if (ranked->len == 0)
    {
      GtkWidget *empty = gtk_label_new (g_list_model_get_n_items (risks) == 0
                                        ? _("No risks")
                                        : _("Not known yet: a risk counts once it affects tasks"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_grid_attach (self->tornado_grid, empty, 0, 0, 1, 1);
      return;
    }

  /* Largest effect first: a tornado. */
  for (guint i = 0; i < ranked->len; i++)
    for (guint j = i + 1; j < ranked->len; j++)
      {
        int a = GPOINTER_TO_INT (g_hash_table_lookup (self->risk_effects,
                                                      charter_item_get_id (ranked->pdata[i])));
        int b = GPOINTER_TO_INT (g_hash_table_lookup (self->risk_effects,
                                                      charter_item_get_id (ranked->pdata[j])));

        if (b > a)
          {
            gpointer swap = ranked->pdata[i];

            ranked->pdata[i] = ranked->pdata[j];
            ranked->pdata[j] = swap;
          }
      }

  for (guint i = 0; i < ranked->len; i++)
    {
      CharterRisk *risk = ranked->pdata[i];
      const char *risk_id = charter_item_get_id (CHARTER_ITEM (risk));
      int effect = GPOINTER_TO_INT (g_hash_table_lookup (self->risk_effects, risk_id));
      GtkWidget *name = gtk_label_new (charter_risk_get_description (risk) ?: risk_id);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, largest);
      g_autofree char *days = g_strdup_printf (_("+%d d"), effect);
      GtkWidget *value = gtk_label_new (days);
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%s moves the 80 %% date by %d working day",
                                                                   "%s moves the 80 %% date by %d working days",
                                                                   ABS (effect)),
                                                      charter_risk_get_description (risk) ?: risk_id, effect);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
      gtk_label_set_width_chars (GTK_LABEL (name), 24);
      gtk_widget_set_tooltip_text (name, charter_risk_get_description (risk));
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MAX (effect, 0));
      /* One colour: the offsets would tint short bars green and long ones red. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (bar, "charter-tornado-bar");
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_grid_attach (self->tornado_grid, name, 0, i, 1, 1);
      gtk_grid_attach (self->tornado_grid, bar, 1, i, 1, 1);
      gtk_grid_attach (self->tornado_grid, value, 2, i, 1, 1);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->tornado_grid), "charter-tornado");
}

static char *
make_risks_signature (CharterAvailabilityView *self)
{
  GListModel *risks = charter_document_get_risks (self->document);
  GListModel *tasks = charter_document_get_tasks (self->document);
  GString *text = g_string_new (NULL);

  /* Which cards there are, in the document's order: a change of exposure
   * re-sorts the cards (resort_risk_cards) but does not rebuild them. The
   * affected-task menus list the tasks: a new task rebuilds them. */
  g_string_append_printf (text, "%u|", g_list_model_get_n_items (tasks));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(CharterRisk) risk = g_list_model_get_item (risks, i);
      const char * const *ids = charter_risk_get_task_ids (risk);

      g_string_append_printf (text, "%s[", charter_item_get_id (CHARTER_ITEM (risk)));
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_string_append_printf (text, "%s,", ids[j]);
      g_string_append (text, "]");
    }
  return g_string_free (text, FALSE);
}

static void
update_risks (CharterAvailabilityView *self)
{
  g_autofree char *signature = NULL;
  g_autoptr(GPtrArray) sorted = NULL;

  if (self->document == NULL)
    return;
  sorted = sorted_risks (self);
  update_matrix (self, sorted);
  update_tornado (self);
  signature = make_risks_signature (self);
  if (g_strcmp0 (signature, self->risks_signature) == 0)
    {
      /* The same cards. They re-sort by exposure when the focus leaves the
       * card it is in (on_risk_card_leave_cb), not while it is in one: a
       * card that jumps away while its probability is being typed takes the
       * focus and the scroll position with it and leaves the user looking
       * at another risk; sorting once the edit is done is what a sorted
       * list in a file manager or a spreadsheet does too. The names follow
       * at once (a screen reader reads the new description). */
      if (has_focus_inside (GTK_WIDGET (self->risks_box)))
        {
          self->resort_pending = TRUE;
          for (guint i = 0; i < sorted->len; i++)
            {
              CharterRisk *risk = g_ptr_array_index (sorted, i);

              for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->risks_box)); c != NULL;
                   c = gtk_widget_get_next_sibling (c))
                if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "risk-id"), charter_item_get_id (CHARTER_ITEM (risk))) == 0)
                  name_risk_fields (c, charter_risk_get_description (risk) ?: charter_item_get_id (CHARTER_ITEM (risk)));
            }
        }
      else
        resort_risk_cards (self, sorted);
      return;
    }
  self->resort_pending = FALSE;
  g_free (self->risks_signature);
  self->risks_signature = g_steal_pointer (&signature);

  clear_box (self->risks_box);
  g_hash_table_remove_all (self->effect_labels);
  for (guint i = 0; i < sorted->len; i++)
    gtk_box_append (self->risks_box, make_risk_card (self, g_ptr_array_index (sorted, i), i));
  if (sorted->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No risks yet. A risk with a probability and an impact in working days "
                                          "on the tasks it affects counts in the forecast."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->risks_box, empty);
    }
}

static void
on_risk_card_leave_cb (CharterAvailabilityView *self)
{
  g_autoptr(GPtrArray) sorted = NULL;

  if (!self->resort_pending || self->document == NULL)
    return;
  sorted = sorted_risks (self);
  resort_risk_cards (self, sorted);
}

static void
on_simulated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CharterAvailabilityView) self = user_data;
  g_autoptr(GError) error = NULL;
  CharterSimulation *simulation;

  simulation = charter_scheduler_simulate_finish (CHARTER_SCHEDULER (source), result, &error);
  if (simulation == NULL)
    return;
  g_hash_table_remove_all (self->risk_effects);
  for (guint i = 0; i < charter_simulation_get_n_risks (simulation); i++)
    g_hash_table_insert (self->risk_effects, g_strdup (charter_simulation_get_risk_id (simulation, i)),
                         GINT_TO_POINTER (charter_simulation_get_risk_p80_effect (simulation, i)));
  charter_simulation_free (simulation);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->effect_labels);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      update_effect_label (self, key);
  }
  update_tornado (self);
}

static void
simulate (CharterAvailabilityView *self)
{
  CharterSchedule *schedule;

  g_cancellable_cancel (self->simulation);
  g_clear_object (&self->simulation);
  if (self->scheduler == NULL || self->document == NULL ||
      g_list_model_get_n_items (charter_document_get_risks (self->document)) == 0)
    return;
  schedule = charter_scheduler_get_schedule (self->scheduler);
  if (schedule == NULL || !charter_schedule_has_uncertainty (schedule))
    return;
  self->simulation = g_cancellable_new ();
  charter_scheduler_simulate_async (self->scheduler, SIMULATION_RUNS, SIMULATION_SEED,
                                    CHARTER_SIMULATION_RISK_EFFECTS, self->simulation,
                                    on_simulated_cb, g_object_ref (self));
}

/* ---- Following the document ------------------------------------------ */

static void
update_all (CharterAvailabilityView *self)
{
  update_teams (self);
  update_calendar (self);
  update_risks (self);
}

static void
on_document_changed_cb (CharterAvailabilityView *self,
                        CharterDocument         *document)
{
  update_all (self);
}

static void
on_schedule_changed_cb (CharterAvailabilityView *self,
                        GParamSpec              *pspec,
                        CharterScheduler        *scheduler)
{
  update_strips (self);
  simulate (self);
}

static void
on_place_selected_cb (CharterAvailabilityView *self,
                      GtkListBoxRow           *row,
                      GtkListBox              *places)
{
  if (row == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

/* ---- Actions ---------------------------------------------------------- */

static gboolean
editable (CharterAvailabilityView *self)
{
  return self->document != NULL && !charter_document_get_read_only (self->document);
}

static void
add_team_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  GListModel *teams;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CharterTeam) team = NULL;

  if (!editable (self))
    return;
  teams = charter_document_get_teams (self->document);
  id = charter_document_make_id (self->document, teams, "team");
  name = g_strdup_printf (_("Team %u"), g_list_model_get_n_items (teams) + 1);
  team = charter_team_new (id);
  charter_team_set_name (team, name);
  charter_team_set_capacity (team, 1);
  charter_document_append (self->document, teams, team);
  set_message (self, self->teams_error, NULL);

  /* Straight into naming it. */
  for (GtkWidget *card = gtk_widget_get_last_child (GTK_WIDGET (self->teams_box)); card != NULL;
       card = NULL)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (card), "name");

      if (entry != NULL && gtk_widget_get_mapped (entry))
        gtk_widget_grab_focus (entry);
    }
}

static void
delete_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id = g_variant_get_string (parameter, NULL);
  g_autoptr(CharterTeam) team = NULL;
  g_autofree char *label = NULL;
  GListModel *tasks;
  guint n_tasks = 0;
  GtkWidget *overlay;

  if (!editable (self) || find_team (self, team_id) == NULL)
    return;
  team = g_object_ref (find_team (self, team_id));
  tasks = charter_document_get_tasks (self->document);
  /* Translators: an Undo menu item, "Delete team Backend" */
  label = g_strdup_printf (_("Delete team %s"), charter_team_get_name (team) ?: team_id);
  charter_document_begin_group (self->document, label);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (charter_task_get_team_id (task), team_id) == 0)
        {
          charter_document_set (self->document, task, "team-id", NULL, NULL);
          n_tasks++;
        }
    }
  charter_document_remove (self->document, charter_document_get_teams (self->document), team);
  charter_document_end_group (self->document);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (n_tasks > 0)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %s; %u task has no team now",
                                              "Deleted %s; %u tasks have no team now", n_tasks),
                                 charter_team_get_name (team) ?: team_id, n_tasks);
      else
        title = g_strdup_printf (_("Deleted %s"), charter_team_get_name (team) ?: team_id);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  {
    g_autofree char *text = n_tasks > 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task lost its team", "%u tasks lost their team",
                                      n_tasks), n_tasks)
      : NULL;

    /* Also said in the page, for tests and for anyone without the toast. */
    if (text != NULL)
      {
        g_free (self->message);
        self->message = g_steal_pointer (&text);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
      }
  }
}

static void
rename_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id, *name;
  CharterTeam *team;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&s)", &team_id, &name);
  team = find_team (self, team_id);
  if (!editable (self) || team == NULL)
    return;
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      set_message (self, self->teams_error, _("A team needs a name: the old one is kept"));
      return;
    }
  set_message (self, self->teams_error, NULL);
  label = g_strdup_printf (_("Rename team to %s"), stripped);
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, team, "name", stripped, NULL);
  charter_document_end_group (self->document);
}

static void
set_team_color_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id, *color;
  CharterTeam *team;
  GdkRGBA rgba;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&s)", &team_id, &color);
  team = find_team (self, team_id);
  if (!editable (self) || team == NULL || !gdk_rgba_parse (&rgba, color))
    return;
  label = g_strdup_printf (_("Colour %s"), charter_team_get_name (team) ?: team_id);
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, team, "color", color, NULL);
  charter_document_end_group (self->document);
}

static void
set_team_capacity_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id;
  int capacity;
  CharterTeam *team;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&si)", &team_id, &capacity);
  team = find_team (self, team_id);
  if (!editable (self) || team == NULL)
    return;
  if (capacity < 1)
    {
      set_message (self, self->teams_error,
                   _("A team’s capacity is at least 1: it works on one task at a time or more"));
      return;
    }
  set_message (self, self->teams_error, NULL);
  if (capacity == charter_team_get_capacity (team))
    return;
  label = g_strdup_printf (_("Set capacity of %s to %d"), charter_team_get_name (team) ?: team_id, capacity);
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, team, "capacity", capacity, NULL);
  charter_document_end_group (self->document);
}

static void
add_commitment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id = g_variant_get_string (parameter, NULL);
  CharterTeam *team = find_team (self, team_id);
  CharterSchedule *schedule;
  g_autoptr(CharterCommitment) commitment = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  GDate start, finish;
  char start_text[16], finish_text[16];
  GListModel *commitments;
  guint n = 0;

  if (!editable (self) || team == NULL)
    return;
  /* A week from the plan's start: a placeholder the person changes. */
  schedule = self->scheduler ? charter_scheduler_get_schedule (self->scheduler) : NULL;
  if (schedule != NULL && charter_schedule_get_start (schedule) != 0)
    g_date_set_julian (&start, charter_schedule_get_start (schedule));
  else
    g_date_set_time_t (&start, time (NULL));
  finish = start;
  g_date_add_days (&finish, 4);
  g_date_strftime (start_text, sizeof start_text, "%Y-%m-%d", &start);
  g_date_strftime (finish_text, sizeof finish_text, "%Y-%m-%d", &finish);

  commitments = charter_team_get_commitments (team);
  /* Commitment ids are unique within their team. */
  do
    {
      g_free (id);
      id = g_strdup_printf ("%s-commitment-%u", team_id, ++n);
    }
  while (find_commitment (team, id) != NULL);
  commitment = charter_commitment_new (id);
  charter_commitment_set_start (commitment, start_text);
  charter_commitment_set_finish (commitment, finish_text);
  label = g_strdup_printf (_("Add a commitment for %s"), charter_team_get_name (team) ?: team_id);
  charter_document_begin_group (self->document, label);
  charter_document_append (self->document, commitments, commitment);
  charter_document_end_group (self->document);
}

static void
edit_commitment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id, *commitment_id, *start, *finish, *reason;
  CharterTeam *team;
  CharterCommitment *commitment;
  GtkWidget *row, *start_field = NULL, *finish_field = NULL, *error = NULL;
  GDate start_date, finish_date;
  g_autofree char *label = NULL;
  g_autofree char *refusal = NULL;
  GtkWidget *refused = NULL;

  g_variant_get (parameter, "(&s&s&s&s&s)", &team_id, &commitment_id, &start, &finish, &reason);
  team = find_team (self, team_id);
  commitment = team ? find_commitment (team, commitment_id) : NULL;
  if (!editable (self) || commitment == NULL)
    return;

  row = g_hash_table_lookup (self->commitment_errors, commitment_id);
  if (row != NULL)
    {
      start_field = g_object_get_data (G_OBJECT (row), "start");
      finish_field = g_object_get_data (G_OBJECT (row), "finish");
      error = g_object_get_data (G_OBJECT (row), "error");
    }

  if (!charter_editor_parse_date (start, &start_date))
    {
      refusal = g_strdup_printf (_("“%s” is not a start date: write it as YYYY-MM-DD"), start);
      refused = start_field;
    }
  else if (!charter_editor_parse_date (finish, &finish_date))
    {
      refusal = g_strdup_printf (_("“%s” is not an end date: write it as YYYY-MM-DD"), finish);
      refused = finish_field;
    }
  else if (g_date_compare (&finish_date, &start_date) < 0)
    {
      refusal = g_strdup (_("The commitment ends before it starts: the end must be on or after the start"));
      refused = finish_field;
    }

  if (start_field != NULL)
    {
      charter_editor_set_error (start_field, error, refused == start_field ? refusal : NULL);
      charter_editor_set_error (finish_field, error, refused == finish_field ? refusal : NULL);
    }
  set_message (self, NULL, refusal);
  if (refusal != NULL)
    return;

  label = g_strdup_printf (_("Change a commitment of %s"), charter_team_get_name (team) ?: team_id);
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, commitment,
                        "start", start, "finish", finish, "reason", *reason ? reason : NULL, NULL);
  charter_document_end_group (self->document);
}

static void
remove_commitment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *team_id, *commitment_id;
  CharterTeam *team;
  CharterCommitment *commitment;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&s)", &team_id, &commitment_id);
  team = find_team (self, team_id);
  commitment = team ? find_commitment (team, commitment_id) : NULL;
  if (!editable (self) || commitment == NULL)
    return;
  label = g_strdup_printf (_("Remove a commitment of %s"), charter_team_get_name (team) ?: team_id);
  charter_document_begin_group (self->document, label);
  charter_document_remove (self->document, charter_team_get_commitments (team), commitment);
  charter_document_end_group (self->document);
}

static void
set_start_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *text = g_variant_get_string (parameter, NULL);
  g_autofree char *refusal = NULL;

  if (!editable (self))
    return;
  /* The shared editor's code path, the one the window's Project Start… takes. */
  charter_start_date_editor_apply (self->start_editor, text, &refusal);
  charter_editor_set_error (GTK_WIDGET (self->start_button), GTK_WIDGET (self->calendar_error), refusal);
  set_message (self, self->calendar_error, refusal);
}

static void
set_weekdays_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  gboolean working = g_str_equal (action_name, "availability.set-working-days");
  CharterWeekdays days = g_variant_get_int32 (parameter) & 0x7f;
  CharterCalendar *calendar;

  if (!editable (self))
    return;
  calendar = charter_document_get_calendar (self->document);
  if (working && days == 0)
    {
      set_message (self, self->calendar_error, _("A week needs at least one working day"));
      update_calendar (self);
      return;
    }
  if (!working && days == 0x7f)
    {
      set_message (self, self->calendar_error, _("A launch needs at least one weekday it may fall on"));
      update_calendar (self);
      return;
    }
  set_message (self, self->calendar_error, NULL);
  if (days == (working ? charter_calendar_get_working_days (calendar) : charter_calendar_get_no_launch_days (calendar)))
    return;
  charter_document_begin_group (self->document,
                                working ? _("Change the working days") : _("Change the no-launch days"));
  charter_document_set (self->document, calendar, working ? "working-days" : "no-launch-days", days, NULL);
  charter_document_end_group (self->document);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Why @iso cannot be a holiday of @calendar, or NULL when it can. */
static char *
refuse_holiday (CharterCalendar *calendar,
                const char      *iso)
{
  GDate date;

  if (!charter_editor_parse_date (iso, &date))
    return g_strdup_printf (_("“%s” is not a date: write a holiday as YYYY-MM-DD"), iso);
  if ((charter_calendar_get_working_days (calendar) & (1 << weekday_index (&date))) == 0)
    {
      g_autofree char *day = format_iso (iso, "%A %-d %B %Y");

      return g_strdup_printf (_("%s is not a working day anyway: a holiday falls on a working day"), day);
    }
  return NULL;
}

static void
set_holidays (CharterAvailabilityView *self,
              GPtrArray               *holidays,
              const char              *label)
{
  CharterCalendar *calendar = charter_document_get_calendar (self->document);

  g_ptr_array_sort (holidays, compare_strings);
  g_ptr_array_add (holidays, NULL);
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, calendar, "holidays", holidays->pdata, NULL);
  charter_document_end_group (self->document);
}

static GPtrArray *
copy_holidays (CharterCalendar *calendar)
{
  const char * const *holidays = charter_calendar_get_holidays (calendar);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; holidays != NULL && holidays[i] != NULL; i++)
    g_ptr_array_add (copy, g_strdup (holidays[i]));
  return copy;
}

static void
add_holiday_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  g_autofree char *iso = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));
  CharterCalendar *calendar;
  g_autofree char *refusal = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autofree char *label = NULL;
  g_autofree char *day = NULL;

  if (!editable (self))
    return;
  calendar = charter_document_get_calendar (self->document);
  refusal = refuse_holiday (calendar, iso);
  if (refusal == NULL && charter_calendar_get_holidays (calendar) != NULL &&
      g_strv_contains (charter_calendar_get_holidays (calendar), iso))
    refusal = g_strdup_printf (_("%s is a holiday already"), iso);
  charter_editor_set_error (GTK_WIDGET (self->holiday_entry), GTK_WIDGET (self->calendar_error), refusal);
  set_message (self, self->calendar_error, refusal);
  if (refusal != NULL)
    return;

  holidays = copy_holidays (calendar);
  g_ptr_array_add (holidays, g_strdup (iso));
  day = format_iso (iso, _("%a %-d %b %Y"));
  label = g_strdup_printf (_("Add holiday %s"), day);
  set_holidays (self, holidays, label);
  gtk_editable_set_text (self->holiday_entry, "");
}

static void
remove_holiday_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *iso = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) holidays = NULL;
  g_autofree char *label = NULL;
  g_autofree char *day = NULL;
  guint index;

  if (!editable (self))
    return;
  holidays = copy_holidays (charter_document_get_calendar (self->document));
  if (!g_ptr_array_find_with_equal_func (holidays, iso, g_str_equal, &index))
    return;
  g_ptr_array_remove_index (holidays, index);
  day = format_iso (iso, _("%a %-d %b %Y"));
  label = g_strdup_printf (_("Remove holiday %s"), day);
  set_holidays (self, holidays, label);
}

/**
 * import_holidays_text:
 *
 * Adds the all-day events of @text as holidays in one step, skipping those
 * on non-working weekdays and those already there. Public to the file for
 * the action and the file chooser's callback.
 */
static void
import_holidays_text (CharterAvailabilityView *self,
                      const char              *name,
                      const char              *text,
                      gssize                   length)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  CharterCalendar *calendar;
  guint added = 0, skipped = 0;

  if (!editable (self))
    return;
  dates = charter_ics_parse_holidays (text, length, &error);
  if (dates == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);

      set_message (self, self->calendar_error, message);
      return;
    }
  calendar = charter_document_get_calendar (self->document);
  holidays = copy_holidays (calendar);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_autofree char *refusal = refuse_holiday (calendar, dates[i]);

      if (refusal != NULL)
        skipped++;
      else if (!g_ptr_array_find_with_equal_func (holidays, dates[i], g_str_equal, NULL))
        {
          g_ptr_array_add (holidays, g_strdup (dates[i]));
          added++;
        }
    }
  if (added > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u holiday",
                                                             "Import %u holidays", added), added);

      set_holidays (self, holidays, label);
    }
  {
    g_autofree char *message = NULL;

    if (added == 0)
      message = g_strdup_printf (_("“%s” holds no new holidays on working days"), name);
    else if (skipped > 0)
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %u holidays; %u date fell on a non-working day and was left out",
                                              "Imported %u holidays; %u dates fell on non-working days and were left out",
                                              skipped),
                                 added, skipped);
    set_message (self, self->calendar_error, message);
  }
}

static void
on_ics_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CharterAvailabilityView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);

      set_message (self, self->calendar_error, message);
      return;
    }
  import_holidays_text (self, name, contents, length);
}

static void
on_ics_chosen_cb (GtkNativeDialog         *dialog,
                  int                      response,
                  CharterAvailabilityView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_file_load_contents_async (file, NULL, on_ics_loaded_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_holidays_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (!editable (self))
    return;
  /* A test hands a file over directly. */
  if (parameter != NULL && *g_variant_get_string (parameter, NULL) != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

      g_file_load_contents_async (file, NULL, on_ics_loaded_cb, g_object_ref (self));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Import Holidays"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_ics_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_risk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  GListModel *risks;
  g_autofree char *id = NULL;
  g_autoptr(CharterRisk) risk = NULL;

  if (!editable (self))
    return;
  risks = charter_document_get_risks (self->document);
  id = charter_document_make_id (self->document, risks, "risk");
  risk = charter_risk_new (id);
  charter_risk_set_description (risk, _("New risk"));
  charter_risk_set_probability (risk, 30);
  charter_risk_set_impact_days (risk, 5);
  charter_document_begin_group (self->document, _("Add a risk"));
  charter_document_append (self->document, risks, risk);
  charter_document_end_group (self->document);
}

static void
delete_risk_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  CharterRisk *risk = find_risk (self, g_variant_get_string (parameter, NULL));
  g_autoptr(CharterRisk) held = NULL;
  g_autofree char *label = NULL;

  if (!editable (self) || risk == NULL)
    return;
  held = g_object_ref (risk);
  label = g_strdup_printf (_("Delete risk %s"), charter_risk_get_description (risk) ?: charter_item_get_id (CHARTER_ITEM (risk)));
  charter_document_begin_group (self->document, label);
  charter_document_remove (self->document, charter_document_get_risks (self->document), held);
  charter_document_end_group (self->document);
}

static void
set_risk_text_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *risk_id, *property, *text;
  CharterRisk *risk;
  g_autofree char *label = NULL;

  g_variant_get (parameter, "(&s&s&s)", &risk_id, &property, &text);
  risk = find_risk (self, risk_id);
  if (!editable (self) || risk == NULL ||
      !(g_str_equal (property, "description") || g_str_equal (property, "owner") ||
        g_str_equal (property, "mitigation")))
    return;
  if (g_str_equal (property, "description") && *text == '\0')
    {
      set_message (self, self->risks_error, _("A risk needs a description: the old one is kept"));
      return;
    }
  set_message (self, self->risks_error, NULL);
  label = g_strdup_printf (_("Change the %s of a risk"), g_param_spec_get_nick (g_object_class_find_property (G_OBJECT_GET_CLASS (risk), property)));
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, risk, property, *text ? text : NULL, NULL);
  charter_document_end_group (self->document);
}

static void
set_risk_number_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *risk_id, *property;
  int value, current = 0;
  CharterRisk *risk;
  g_autofree char *label = NULL;
  g_autofree char *refusal = NULL;

  g_variant_get (parameter, "(&s&si)", &risk_id, &property, &value);
  risk = find_risk (self, risk_id);
  if (!editable (self) || risk == NULL ||
      !(g_str_equal (property, "probability") || g_str_equal (property, "impact-days") ||
        g_str_equal (property, "contingency")))
    return;
  if (g_str_equal (property, "probability") && (value < 0 || value > 100))
    refusal = g_strdup_printf (_("A probability is between 0 and 100 %%, not %d"), value);
  else if (value < 0)
    refusal = g_strdup (_("Days cannot be negative"));
  set_message (self, self->risks_error, refusal);
  if (refusal != NULL)
    return;
  g_object_get (risk, property, &current, NULL);
  if (current == value)
    return;
  label = g_strdup_printf (_("Change the %s of a risk"), g_param_spec_get_nick (g_object_class_find_property (G_OBJECT_GET_CLASS (risk), property)));
  charter_document_begin_group (self->document, label);
  charter_document_set (self->document, risk, property, value, NULL);
  charter_document_end_group (self->document);
}

static void
toggle_risk_task_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *risk_id, *task_id;
  gboolean affected;
  CharterRisk *risk;
  const char * const *ids;
  g_autoptr(GPtrArray) next = g_ptr_array_new ();

  g_variant_get (parameter, "(&s&sb)", &risk_id, &task_id, &affected);
  risk = find_risk (self, risk_id);
  if (!editable (self) || risk == NULL ||
      charter_document_find (self->document, charter_document_get_tasks (self->document), task_id) == NULL)
    return;
  ids = charter_risk_get_task_ids (risk);
  if ((ids != NULL && g_strv_contains (ids, task_id)) == affected)
    return;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], task_id))
      g_ptr_array_add (next, (gpointer) ids[i]);
  if (affected)
    g_ptr_array_add (next, (gpointer) task_id);
  g_ptr_array_add (next, NULL);
  charter_document_begin_group (self->document,
                                affected ? _("Add a task a risk affects") : _("Remove a task a risk affects"));
  charter_document_set (self->document, risk, "task-ids", next->pdata, NULL);
  charter_document_end_group (self->document);
}

static void
focus_risk_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (widget);
  const char *risk_id = g_variant_get_string (parameter, NULL);

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->risks_box)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (card), "risk-id"), risk_id) == 0)
      {
        /* The description entry, first in the card. */
        gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD);
        return;
      }
}

static void
show_place_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  charter_availability_view_set_place (CHARTER_AVAILABILITY_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/* ---- GObject ---------------------------------------------------------- */

static void
charter_availability_view_dispose (GObject *object)
{
  CharterAvailabilityView *self = (CharterAvailabilityView *) object;

  g_cancellable_cancel (self->simulation);
  g_clear_object (&self->simulation);
  charter_availability_view_set_scheduler (self, NULL);
  charter_availability_view_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->scheduler_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_AVAILABILITY_VIEW);

  G_OBJECT_CLASS (charter_availability_view_parent_class)->dispose (object);
}

static void
charter_availability_view_finalize (GObject *object)
{
  CharterAvailabilityView *self = (CharterAvailabilityView *) object;

  g_clear_pointer (&self->teams_signature, g_free);
  g_clear_pointer (&self->holidays_signature, g_free);
  g_clear_pointer (&self->risks_signature, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->strips, g_hash_table_unref);
  g_clear_pointer (&self->commitment_errors, g_hash_table_unref);
  g_clear_pointer (&self->risk_effects, g_hash_table_unref);
  g_clear_pointer (&self->effect_labels, g_hash_table_unref);

  G_OBJECT_CLASS (charter_availability_view_parent_class)->finalize (object);
}

static void
charter_availability_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    case PROP_PLACE:
      g_value_set_string (value, charter_availability_view_get_place (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_availability_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CharterAvailabilityView *self = CHARTER_AVAILABILITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_availability_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCHEDULER:
      charter_availability_view_set_scheduler (self, g_value_get_object (value));
      break;
    case PROP_PLACE:
      charter_availability_view_set_place (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_availability_view_class_init (CharterAvailabilityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_availability_view_dispose;
  object_class->finalize = charter_availability_view_finalize;
  object_class->get_property = charter_availability_view_get_property;
  object_class->set_property = charter_availability_view_set_property;

  charter_workspace_install_properties (object_class, PROP_DOCUMENT, PROP_SCHEDULER);
  properties[PROP_DOCUMENT] = g_object_class_find_property (object_class, "document");
  properties[PROP_SCHEDULER] = g_object_class_find_property (object_class, "scheduler");
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, "teams",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_PLACE, properties[PROP_PLACE]);
  g_object_class_install_property (object_class, PROP_MESSAGE, properties[PROP_MESSAGE]);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-availability-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, places);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, stack);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, teams_error);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, teams_box);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, calendar_error);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, start_button);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, start_editor);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, working_days_box);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, no_launch_box);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, holiday_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, holiday_add_button);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, holidays_list);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, risks_error);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, risks_box);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, matrix_grid);
  gtk_widget_class_bind_template_child (widget_class, CharterAvailabilityView, tornado_grid);

  gtk_widget_class_install_action (widget_class, "availability.show-place", "s", show_place_action);
  gtk_widget_class_install_action (widget_class, "availability.add-team", NULL, add_team_action);
  gtk_widget_class_install_action (widget_class, "availability.delete-team", "s", delete_team_action);
  gtk_widget_class_install_action (widget_class, "availability.rename-team", "(ss)", rename_team_action);
  gtk_widget_class_install_action (widget_class, "availability.set-team-color", "(ss)", set_team_color_action);
  gtk_widget_class_install_action (widget_class, "availability.set-team-capacity", "(si)", set_team_capacity_action);
  gtk_widget_class_install_action (widget_class, "availability.add-commitment", "s", add_commitment_action);
  gtk_widget_class_install_action (widget_class, "availability.edit-commitment", "(sssss)", edit_commitment_action);
  gtk_widget_class_install_action (widget_class, "availability.remove-commitment", "(ss)", remove_commitment_action);
  gtk_widget_class_install_action (widget_class, "availability.set-start", "s", set_start_action);
  gtk_widget_class_install_action (widget_class, "availability.set-working-days", "i", set_weekdays_action);
  gtk_widget_class_install_action (widget_class, "availability.set-no-launch-days", "i", set_weekdays_action);
  gtk_widget_class_install_action (widget_class, "availability.add-holiday", "s", add_holiday_action);
  gtk_widget_class_install_action (widget_class, "availability.remove-holiday", "s", remove_holiday_action);
  gtk_widget_class_install_action (widget_class, "availability.import-holidays", NULL, import_holidays_action);
  gtk_widget_class_install_action (widget_class, "availability.import-holidays-from", "s", import_holidays_action);
  gtk_widget_class_install_action (widget_class, "availability.add-risk", NULL, add_risk_action);
  gtk_widget_class_install_action (widget_class, "availability.focus-risk", "s", focus_risk_action);
  gtk_widget_class_install_action (widget_class, "availability.delete-risk", "s", delete_risk_action);
  gtk_widget_class_install_action (widget_class, "availability.set-risk-text", "(sss)", set_risk_text_action);
  gtk_widget_class_install_action (widget_class, "availability.set-risk-number", "(ssi)", set_risk_number_action);
  gtk_widget_class_install_action (widget_class, "availability.toggle-risk-task", "(ssb)", toggle_risk_task_action);

  g_type_ensure (CHARTER_TYPE_LOAD_STRIP);
  g_type_ensure (CHARTER_TYPE_START_DATE_EDITOR);
  g_type_ensure (CHARTER_TYPE_CHECK_IN_VIEW);
  g_type_ensure (CHARTER_TYPE_BASELINE_VIEW);
  g_type_ensure (CHARTER_TYPE_TREND_VIEW);
}

static void
charter_availability_view_init (CharterAvailabilityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  self->strips = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->commitment_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->risk_effects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->effect_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  self->scheduler_signals = g_signal_group_new (CHARTER_TYPE_SCHEDULER);
  g_signal_group_connect_object (self->scheduler_signals, "notify::schedule",
                                 G_CALLBACK (on_schedule_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < 7; i++)
    {
      for (guint kind = 0; kind < 2; kind++)
        {
          GtkWidget *toggle = gtk_toggle_button_new_with_label (_(weekday_short[i]));
          g_autofree char *name = kind == 0
            ? g_strdup_printf (_("%s is a working day"), _(weekday_long[i]))
            : g_strdup_printf (_("No launch on %s"), _(weekday_long[i]));

          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_set_tooltip_text (toggle, name);
          g_object_set_data (G_OBJECT (toggle), "working", GINT_TO_POINTER (kind == 0));
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_weekday_toggled_cb), self);
          if (kind == 0)
            {
              self->working_toggles[i] = GTK_TOGGLE_BUTTON (toggle);
              gtk_box_append (self->working_days_box, toggle);
            }
          else
            {
              self->no_launch_toggles[i] = GTK_TOGGLE_BUTTON (toggle);
              gtk_box_append (self->no_launch_box, toggle);
            }
        }
    }

  g_signal_connect_object (self->places, "row-selected", G_CALLBACK (on_place_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->holiday_entry, "activate", G_CALLBACK (on_holiday_add_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->holiday_add_button, "clicked", G_CALLBACK (on_holiday_add_cb), self,
                           G_CONNECT_SWAPPED);
  /* Row 0 is the "Planning" header. */
  gtk_list_box_select_row (self->places, gtk_list_box_get_row_at_index (self->places, 1));
  charter_style_ensure (gdk_display_get_default ());
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
charter_availability_view_new (void)
{
  return g_object_new (CHARTER_TYPE_AVAILABILITY_VIEW, NULL);
}

static void
charter_availability_view_set_document (CharterAvailabilityView *self,
                                        CharterDocument         *document)
{
  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  charter_start_date_editor_set_document (self->start_editor, document);
  g_clear_pointer (&self->teams_signature, g_free);
  g_clear_pointer (&self->holidays_signature, g_free);
  g_clear_pointer (&self->risks_signature, g_free);
  g_hash_table_remove_all (self->risk_effects);
  if (document != NULL)
    update_all (self);
  else
    {
      clear_box (self->teams_box);
      clear_box (self->risks_box);
      g_hash_table_remove_all (self->strips);
      g_hash_table_remove_all (self->commitment_errors);
      g_hash_table_remove_all (self->effect_labels);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
charter_availability_view_set_scheduler (CharterAvailabilityView *self,
                                         CharterScheduler        *scheduler)
{
  if (self->scheduler == scheduler)
    return;
  g_set_object (&self->scheduler, scheduler);
  g_signal_group_set_target (self->scheduler_signals, scheduler);
  update_strips (self);
  simulate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

/**
 * charter_availability_view_get_place:
 * @self: the view
 *
 * Returns: which place shows: "teams", "calendar", "risks", "check-ins",
 *   "baselines" or "trend"
 */
const char *
charter_availability_view_get_place (CharterAvailabilityView *self)
{
  g_return_val_if_fail (CHARTER_IS_AVAILABILITY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
charter_availability_view_set_place (CharterAvailabilityView *self,
                                     const char              *place)
{
  g_return_if_fail (CHARTER_IS_AVAILABILITY_VIEW (self));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->places, i);

      if (row == NULL)
        return;
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), place) == 0)
        {
          gtk_list_box_select_row (self->places, row);
          return;
        }
    }
}

/**
 * charter_availability_view_get_message:
 * @self: the view
 *
 * Returns: (nullable): why the last edit was refused, or what it did
 *   beyond the edit itself ("2 tasks lost their team")
 */
const char *
charter_availability_view_get_message (CharterAvailabilityView *self)
{
  g_return_val_if_fail (CHARTER_IS_AVAILABILITY_VIEW (self), NULL);

  return self->message;
}
