/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-discovery-view.c: the product manager's research. A sidebar of
 * participants and interviews; an interview opens as a notes editor where a
 * selected passage becomes an insight (Ctrl+I); the affinity board files
 * insights under needs, by drag and drop or by the "File under" menu, and
 * shows each need's evidence. Every command is a widget action
 * ("discovery.*"); every edit goes through the document, undoably. */

#define G_LOG_DOMAIN "charter-discovery-view"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-discovery-view.h"
#include "charter-accessible.h"
#include "charter-workspace.h"

#include "charter-discovery-binding.h"
#include "charter-traceability.h"

struct _CharterDiscoveryView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkWidget          *search_entry;
  GtkWidget          *segment_dropdown;
  GtkStringList      *segments;
  GtkWidget          *participant_list;
  GtkWidget          *interview_list;
  GtkWidget          *stack;
  GtkWidget          *board_box;
  GtkWidget          *board_status;
  GtkWidget          *file_under_button;
  GtkWidget          *show_in_notes_button;

  /* Widgets made for what is open */
  GtkWidget          *interview_page;
  GtkWidget          *participant_page;
  GtkWidget          *notes_view;

  /* Owned */
  CharterDocument    *document;
  GSignalGroup       *document_signals;
  GSignalGroup       *insights_signals;
  GObject            *scheduler;
  CharterInterview   *interview;
  CharterParticipant *participant;
  GtkCustomFilter    *interview_filter;
  GtkFilterListModel *interviews;
  GtkSingleSelection *interview_selection;
  GtkSingleSelection *participant_selection;
  char               *query;
  char               *segment;
  char               *selected_insight;
  guint               rebuild_id;
  gboolean            board_dirty;
  gboolean            updating_segments;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CharterDiscoveryView, charter_discovery_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CHARTER_TYPE_WORKSPACE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_board          (CharterDiscoveryView *self);
static void queue_rebuild          (CharterDiscoveryView *self);
static void highlight_insights     (CharterDiscoveryView *self);
static void open_interview         (CharterDiscoveryView *self,
                                    CharterInterview     *interview);
static void open_participant       (CharterDiscoveryView *self,
                                    CharterParticipant   *participant);

/* Helpers */

static gboolean
editable (CharterDiscoveryView *self)
{
  return self->document != NULL && !charter_document_get_read_only (self->document);
}

static CharterNeed *
find_need (CharterDiscoveryView *self,
           const char           *id)
{
  return charter_document_find (self->document, charter_document_get_needs (self->document), id);
}

static CharterInsight *
find_insight (CharterDiscoveryView *self,
              const char           *id)
{
  return charter_document_find (self->document, charter_document_get_insights (self->document), id);
}

/* The insight a card (or a widget inside one) stands for. */
static const char *
card_insight_id (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *id = g_object_get_data (G_OBJECT (widget), "insight-id");

      if (id != NULL)
        return id;
    }
  return NULL;
}

typedef gboolean (*CardFunc) (GtkWidget  *card,
                              const char *insight_id,
                              gpointer    user_data);

/* Calls @func on every card of the board, column by column, until it returns
 * TRUE; returns that card. */
static GtkWidget *
foreach_card (CharterDiscoveryView *self,
              CardFunc              func,
              gpointer              user_data)
{
  for (GtkWidget *column = gtk_widget_get_first_child (self->board_box); column != NULL;
       column = gtk_widget_get_next_sibling (column))
    {
      GtkWidget *scroller = gtk_widget_get_last_child (column);
      GtkWidget *cards;

      if (!GTK_IS_SCROLLED_WINDOW (scroller))
        continue;
      cards = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      if (GTK_IS_VIEWPORT (cards))
        cards = gtk_viewport_get_child (GTK_VIEWPORT (cards));
      for (GtkWidget *card = gtk_widget_get_first_child (cards); card != NULL; card = gtk_widget_get_next_sibling (card))
        {
          const char *id = g_object_get_data (G_OBJECT (card), "insight-id");

          if (id != NULL && func (card, id, user_data))
            return card;
        }
    }
  return NULL;
}

static gboolean
card_has_id (GtkWidget  *card,
             const char *insight_id,
             gpointer    user_data)
{
  return g_str_equal (insight_id, user_data);
}

static gboolean
mark_selected_card (GtkWidget  *card,
                    const char *insight_id,
                    gpointer    user_data)
{
  CharterDiscoveryView *self = user_data;

  if (g_strcmp0 (insight_id, self->selected_insight) == 0)
    gtk_widget_add_css_class (card, "selected");
  else
    gtk_widget_remove_css_class (card, "selected");
  return FALSE;
}

static gboolean
count_card (GtkWidget  *card,
            const char *insight_id,
            gpointer    user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

/* A copy of @ids without @id (and with @add appended when it is not there). */
static char **
strv_edit (const char * const *ids,
           const char         *remove,
           const char         *add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean has_add = FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (remove != NULL && g_str_equal (ids[i], remove))
        continue;
      if (add != NULL && g_str_equal (ids[i], add))
        has_add = TRUE;
      g_strv_builder_add (builder, ids[i]);
    }
  if (add != NULL && !has_add)
    g_strv_builder_add (builder, add);

  return g_strv_builder_end (builder);
}

/* Takes an insight out of every need that holds it (inside the caller's group). */
static void
unfile_insight (CharterDiscoveryView *self,
                const char           *insight_id)
{
  GListModel *needs = charter_document_get_needs (self->document);
  guint n = g_list_model_get_n_items (needs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
      const char * const *ids = charter_need_get_insight_ids (need);

      if (ids != NULL && g_strv_contains (ids, insight_id))
        {
          g_auto(GStrv) rest = strv_edit (ids, insight_id, NULL);

          charter_document_set (self->document, need, "insight-ids", rest, NULL);
        }
    }
}

static CharterNeed *
create_need (CharterDiscoveryView *self,
             const char           *statement,
             const char * const   *insight_ids)
{
  GListModel *needs = charter_document_get_needs (self->document);
  g_autofree char *id = charter_document_make_id (self->document, needs, "need");
  g_autoptr(CharterNeed) need = charter_need_new (id);

  charter_need_set_statement (need, statement);
  charter_need_set_insight_ids (need, insight_ids);
  charter_document_append (self->document, needs, need);

  return need;
}

static char *
participant_label (CharterDocument  *document,
                   CharterInterview *interview)
{
  CharterParticipant *participant =
    charter_document_find (document, charter_document_get_participants (document),
                           charter_interview_get_participant_id (interview));
  const char *alias = participant ? charter_participant_get_alias (participant) : NULL;
  const char *date = charter_interview_get_date (interview);

  if (alias == NULL || *alias == '\0')
    alias = _("No participant");
  if (date == NULL || *date == '\0')
    return g_strdup (alias);

  /* Translators: an interview's subtitle, "Runner A · 2026-03-02" */
  return g_strdup_printf (_("%s · %s"), alias, date);
}

/* Whether @item, open in a page, is no longer in @list (an undo took it away). */
static gboolean
item_gone (CharterDiscoveryView *self,
           GListModel           *list,
           gpointer              item)
{
  return item != NULL && charter_document_find (self->document, list, charter_item_get_id (item)) != item;
}

/* Takes an interview or participant page out of the stack. */
static void
close_page (CharterDiscoveryView *self,
            GtkWidget           **page)
{
  if (*page == NULL)
    return;
  gtk_stack_remove (GTK_STACK (self->stack), *page);
  *page = NULL;
}

static void
set_page (CharterDiscoveryView *self,
          const char           *name)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
  if (g_str_equal (name, "board") && self->board_dirty)
    rebuild_board (self);
}

/* Sidebar lists */

static void
update_interview_row (GtkWidget        *box,
                      CharterInterview *interview)
{
  CharterDiscoveryView *self = g_object_get_data (G_OBJECT (box), "view");
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *sub = NULL;
  const char *text = charter_interview_get_title (interview);

  if (self == NULL || self->document == NULL)
    return;

  if (text == NULL || *text == '\0')
    text = _("Untitled interview");
  sub = participant_label (self->document, interview);
  gtk_label_set_label (GTK_LABEL (title), text);
  gtk_label_set_label (GTK_LABEL (subtitle), sub);
}

static void
on_row_item_notify_cb (GObject    *item,
                       GParamSpec *pspec,
                       GtkWidget  *box)
{
  if (CHARTER_IS_INTERVIEW (item))
    update_interview_row (box, CHARTER_INTERVIEW (item));
  else
    {
      GtkWidget *title = gtk_widget_get_first_child (box);
      GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
      const char *alias = charter_participant_get_alias (CHARTER_PARTICIPANT (item));
      const char *segment = charter_participant_get_segment (CHARTER_PARTICIPANT (item));

      gtk_label_set_label (GTK_LABEL (title), (alias && *alias) ? alias : _("Unnamed participant"));
      gtk_label_set_label (GTK_LABEL (subtitle), (segment && *segment) ? segment : _("No segment"));
    }
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CharterDiscoveryView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  g_object_set_data (G_OBJECT (box), "view", self);
  gtk_list_item_set_child (list_item, box);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CharterDiscoveryView     *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gulong handler;

  on_row_item_notify_cb (item, NULL, box);
  charter_accessible_label_row (box, gtk_widget_get_first_child (box), gtk_widget_get_last_child (box));
  handler = g_signal_connect_object (item, "notify", G_CALLBACK (on_row_item_notify_cb), box, 0);
  g_object_set_data (G_OBJECT (box), "handler", GSIZE_TO_POINTER (handler));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CharterDiscoveryView     *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "handler"));

  if (handler != 0 && item != NULL)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (box), "handler", NULL);
}

static GtkListItemFactory *
row_factory (CharterDiscoveryView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind_cb), self);
  return factory;
}

static gboolean
interview_filter_func (gpointer item,
                       gpointer user_data)
{
  CharterDiscoveryView *self = user_data;
  CharterInterview *interview = item;
  CharterParticipant *participant;

  if (self->document == NULL)
    return TRUE;

  participant = charter_document_find (self->document, charter_document_get_participants (self->document),
                                       charter_interview_get_participant_id (interview));
  if (!charter_traceability_participant_in_segment (participant, self->segment))
    return FALSE;
  if (self->query == NULL || *self->query == '\0')
    return TRUE;

  return charter_traceability_text_matches (charter_interview_get_notes (interview), self->query) ||
         charter_traceability_text_matches (charter_interview_get_title (interview), self->query) ||
         (participant != NULL &&
          charter_traceability_text_matches (charter_participant_get_alias (participant), self->query));
}

static void
update_segments (CharterDiscoveryView *self)
{
  g_autoptr(GPtrArray) segments = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->segments));
  guint selected = 0;

  segments = self->document ? charter_traceability_segments (self->document)
                            : g_ptr_array_new_with_free_func (g_free);

  /* Only rebuild when the set changed, so the dropdown keeps its state. */
  if (n == segments->len + 1)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < segments->len && same; i++)
        same = g_str_equal (gtk_string_list_get_string (self->segments, i + 1), segments->pdata[i]);
      if (same)
        return;
    }

  self->updating_segments = TRUE;
  g_ptr_array_add (segments, NULL);
  gtk_string_list_splice (self->segments, 1, n - 1, (const char * const *) segments->pdata);
  for (guint i = 0; segments->pdata[i] != NULL; i++)
    if (g_strcmp0 (segments->pdata[i], self->segment) == 0)
      selected = i + 1;
  if (selected == 0)
    g_clear_pointer (&self->segment, g_free);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->segment_dropdown), selected);
  self->updating_segments = FALSE;
}

/* The notes editor */

static void
highlight_insights (CharterDiscoveryView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GListModel *insights;
  const char *notes;
  guint n;

  if (self->notes_view == NULL || self->interview == NULL || self->document == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "insight", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "observation", &start, &end);

  notes = charter_interview_get_notes (self->interview);
  insights = charter_document_get_insights (self->document);
  n = g_list_model_get_n_items (insights);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterInsight) insight = g_list_model_get_item (insights, i);
      int from, to;

      if (g_strcmp0 (charter_insight_get_interview_id (insight),
                     charter_item_get_id (CHARTER_ITEM (self->interview))) != 0)
        continue;
      if (!charter_traceability_locate_insight (notes, insight, &from, &to))
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
      gtk_text_buffer_apply_tag_by_name (buffer, "insight", &start, &end);
      if (charter_insight_get_kind (insight) == CHARTER_INSIGHT_OBSERVATION)
        gtk_text_buffer_apply_tag_by_name (buffer, "observation", &start, &end);
    }
}

static void
on_notes_changed_cb (GtkTextBuffer        *buffer,
                     CharterDiscoveryView *self)
{
  highlight_insights (self);
}

static void
on_participant_selected_cb (AdwComboRow          *row,
                            GParamSpec           *pspec,
                            CharterDiscoveryView *self)
{
  CharterParticipant *participant = adw_combo_row_get_selected_item (row);
  const char *id;

  if (self->interview == NULL || participant == NULL || !editable (self))
    return;

  id = charter_item_get_id (CHARTER_ITEM (participant));
  if (g_strcmp0 (id, charter_interview_get_participant_id (self->interview)) != 0)
    charter_document_set (self->document, self->interview, "participant-id", id, NULL);
}

static void
sync_participant_row (CharterDiscoveryView *self,
                      AdwComboRow          *row)
{
  GListModel *participants = charter_document_get_participants (self->document);
  guint n = g_list_model_get_n_items (participants);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterParticipant) participant = g_list_model_get_item (participants, i);

      if (g_strcmp0 (charter_item_get_id (CHARTER_ITEM (participant)),
                     charter_interview_get_participant_id (self->interview)) == 0)
        {
          if (adw_combo_row_get_selected (row) != i)
            adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

static void
on_interview_participant_notify_cb (CharterInterview *interview,
                                    GParamSpec       *pspec,
                                    AdwComboRow      *row)
{
  CharterDiscoveryView *self = g_object_get_data (G_OBJECT (row), "view");

  sync_participant_row (self, row);
}

static void
open_interview (CharterDiscoveryView *self,
                CharterInterview     *interview)
{
  GtkWidget *page, *group, *row, *scroller, *toolbar, *button, *hint;
  GtkTextBuffer *buffer;
  g_autoptr(GtkExpression) expression = NULL;

  g_set_object (&self->interview, interview);

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_widget_set_margin_start (page, 24);
  gtk_widget_set_margin_end (page, 24);

  group = charter_discovery_group_new (_("Interview"), NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_discovery_entry_row (self->document, interview, "title", _("Title")));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_discovery_entry_row (self->document, interview, "date", _("Date (YYYY-MM-DD)")));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Participant"));
  expression = gtk_property_expression_new (CHARTER_TYPE_PARTICIPANT, NULL, "alias");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), charter_document_get_participants (self->document));
  charter_accessible_combo_row (ADW_COMBO_ROW (row));
  g_object_set_data (G_OBJECT (row), "view", self);
  sync_participant_row (self, ADW_COMBO_ROW (row));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_participant_selected_cb), self);
  g_signal_connect_object (interview, "notify::participant-id",
                           G_CALLBACK (on_interview_participant_notify_cb), row, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (page), group);

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  button = gtk_button_new_with_mnemonic (_("Make _Insight"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "discovery.make-insight");
  gtk_widget_set_tooltip_text (button, _("Make the selected passage an insight, as a quote: what the participant said (Ctrl+I)"));
  gtk_box_append (GTK_BOX (toolbar), button);
  button = gtk_button_new_with_mnemonic (_("Make _Observation"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "discovery.make-observation");
  gtk_widget_set_tooltip_text (button, _("Make the selected passage an insight, as an observation: what you saw, not what was said"));
  gtk_box_append (GTK_BOX (toolbar), button);
  hint = gtk_label_new (_("Select a passage, then press Ctrl+I for a quote, or Make Observation. Quotes stay underlined twice; observations once, in italics."));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_box_append (GTK_BOX (toolbar), hint);
  gtk_box_append (GTK_BOX (page), toolbar);

  self->notes_view = gtk_text_view_new ();
  gtk_widget_add_css_class (self->notes_view, "charter-notes");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->notes_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->notes_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->notes_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->notes_view), 16);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->notes_view), 16);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self->notes_view), 4);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->notes_view), editable (self));
  charter_discovery_set_accessible_name (self->notes_view, _("Interview notes"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  /* Underlined as well as tinted, so it does not rest on colour alone. */
  gtk_text_buffer_create_tag (buffer, "insight",
                              "background", "#fde68a",
                              "foreground", "#1c1917",
                              "underline", PANGO_UNDERLINE_DOUBLE,
                              NULL);
  /* An observation reads differently from a quote in shape too: italic, one line under it. */
  gtk_text_buffer_create_tag (buffer, "observation",
                              "background", "#bae6fd",
                              "style", PANGO_STYLE_ITALIC,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  charter_discovery_bind_text_view (GTK_TEXT_VIEW (self->notes_view), self->document, interview, "notes");
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_AFTER);

  scroller = gtk_scrolled_window_new ();
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->notes_view);
  gtk_box_append (GTK_BOX (page), scroller);

  /* Lines a person can read: the page does not grow past ~100 characters. */
  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1040);
    adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
    adw_clamp_set_child (ADW_CLAMP (clamp), page);
    page = clamp;
  }

  close_page (self, &self->interview_page);
  self->interview_page = page;
  gtk_stack_add_named (GTK_STACK (self->stack), page, "interview");
  highlight_insights (self);
  set_page (self, "interview");
}

static void
open_participant (CharterDiscoveryView *self,
                  CharterParticipant   *participant)
{
  GtkWidget *page, *clamp, *box, *group, *notes;

  g_set_object (&self->participant, participant);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);

  group = charter_discovery_group_new (_("Participant"),
                                       _("Everywhere else — insights, the spec, exports and presentations — this participant appears by alias."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_discovery_entry_row (self->document, participant, "alias", _("Alias")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_discovery_entry_row (self->document, participant, "segment", _("Segment")));
  gtk_box_append (GTK_BOX (box), group);

  group = charter_discovery_group_new (_("Personal Details"), _("Shown only on this page. Never exported."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_discovery_entry_row (self->document, participant, "real-name", _("Real name")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_discovery_entry_row (self->document, participant, "contact", _("Contact")));
  gtk_box_append (GTK_BOX (box), group);

  group = charter_discovery_group_new (_("Notes"), NULL);
  notes = charter_discovery_text_area (self->document, participant, "notes", _("Participant notes"), 4);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), notes);
  gtk_box_append (GTK_BOX (box), group);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  page = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page), clamp);

  close_page (self, &self->participant_page);
  self->participant_page = page;
  gtk_stack_add_named (GTK_STACK (self->stack), page, "participant");
  set_page (self, "participant");
}

/* The affinity board */

static gboolean
insight_visible (CharterDiscoveryView *self,
                 CharterInsight       *insight)
{
  CharterParticipant *participant = charter_traceability_insight_participant (self->document, insight);

  return charter_traceability_participant_in_segment (participant, self->segment) &&
         charter_traceability_text_matches (charter_insight_get_text (insight), self->query);
}

static GdkContentProvider *
on_card_drag_prepare_cb (GtkDragSource *source,
                         double         x,
                         double         y,
                         GtkWidget     *card)
{
  const char *id = g_object_get_data (G_OBJECT (card), "insight-id");

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static void
on_card_drag_begin_cb (GtkDragSource *source,
                       GdkDrag       *drag,
                       GtkWidget     *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
on_card_clicked_cb (GtkButton            *button,
                    CharterDiscoveryView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "discovery.select-insight", "s",
                              card_insight_id (GTK_WIDGET (button)));
}

/* What the kind chip says: an icon and a word, so a quote and an observation
 * differ in shape and text, not only in colour. */
static GtkWidget *
make_kind_chip (CharterDiscoveryView *self,
                CharterInsight       *insight)
{
  gboolean quote = charter_insight_get_kind (insight) == CHARTER_INSIGHT_QUOTE;
  const char *id = charter_item_get_id (CHARTER_ITEM (insight));
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* A quote's mark is the quotation mark itself; an observation's, an eye. */
  GtkWidget *icon = quote ? gtk_label_new ("“”") : gtk_image_new_from_icon_name ("view-reveal-symbolic");
  GtkWidget *label = gtk_label_new (quote ? _("Quote") : _("Observation"));
  const char *switch_to = quote ? _("Press to mark it as an observation: what you saw, not what was said")
                                : _("Press to mark it as a quote: the participant’s own words");
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (icon, "charter-insight-kind-mark");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, "charter-insight-kind");
  gtk_widget_add_css_class (chip, quote ? "quote" : "observation");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "discovery.set-insight-kind");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "(ss)", id, quote ? "observation" : "quote");
  gtk_widget_set_tooltip_text (chip, switch_to);
  /* Translators: accessible name of an insight's kind button, "Kind: Quote" */
  name = g_strdup_printf (_("Kind: %s"), gtk_label_get_label (GTK_LABEL (label)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, switch_to,
                                  -1);
  return chip;
}

/* A card: the kind chip, then the passage and who said it (a button that
 * selects the card and drags it). */
static GtkWidget *
make_card (CharterDiscoveryView *self,
           CharterInsight       *insight)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text, *alias;
  GtkDragSource *source;
  gboolean quote = charter_insight_get_kind (insight) == CHARTER_INSIGHT_QUOTE;
  const char *who = charter_traceability_insight_alias (self->document, insight);
  const char *id = charter_item_get_id (CHARTER_ITEM (insight));
  g_autofree char *shown = NULL;
  g_autofree char *by = NULL;
  g_autofree char *name = NULL;

  if (quote)
    /* Translators: what a participant said, quoted on its card */
    shown = g_strdup_printf (_("“%s”"), charter_insight_get_text (insight));
  else
    shown = g_strdup (charter_insight_get_text (insight));
  /* Translators: who said an insight, "— Runner A" */
  by = g_strdup_printf (_("— %s"), who ? who : _("unknown participant"));

  text = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 30);
  gtk_label_set_width_chars (GTK_LABEL (text), 24);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  if (!quote)
    gtk_widget_add_css_class (text, "italic");
  alias = gtk_label_new (by);
  gtk_label_set_xalign (GTK_LABEL (alias), 0);
  gtk_widget_add_css_class (alias, "charter-insight-alias");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), alias);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "charter-insight-body");

  gtk_box_append (GTK_BOX (card), make_kind_chip (self, insight));
  gtk_box_append (GTK_BOX (card), button);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "charter-insight-card");
  gtk_widget_add_css_class (card, quote ? "quote" : "observation");
  if (g_strcmp0 (self->selected_insight, id) == 0)
    gtk_widget_add_css_class (card, "selected");
  g_object_set_data_full (G_OBJECT (card), "insight-id", g_strdup (id), g_free);
  /* Translators: a card's accessible name, "Insight: “the app forgets my runs” — Runner A, Quote" */
  name = g_strdup_printf (_("Insight: %s %s, %s"), shown, by, quote ? _("Quote") : _("Observation"));
  charter_discovery_set_accessible_name (button, name);
  g_signal_connect (button, "clicked", G_CALLBACK (on_card_clicked_cb), self);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_card_drag_prepare_cb), card);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_card_drag_begin_cb), card);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));

  return card;
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            CharterDiscoveryView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *need_id = g_object_get_data (G_OBJECT (widget), "need-id");
  const char *insight_id;

  if (!G_VALUE_HOLDS_STRING (value) || (insight_id = g_value_get_string (value)) == NULL)
    return FALSE;

  gtk_widget_remove_css_class (widget, "drop-hover");
  if (need_id != NULL && g_str_equal (need_id, "new"))
    gtk_widget_activate_action (GTK_WIDGET (self), "discovery.new-need", "s", insight_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "discovery.file-insight", "(ss)",
                                insight_id, need_id ? need_id : "");
  return TRUE;
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget *target,
                  double         x,
                  double         y,
                  gpointer       user_data)
{
  gtk_widget_add_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  gpointer       user_data)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-hover");
}

static void
add_drop_target (CharterDiscoveryView *self,
                 GtkWidget            *widget,
                 const char           *need_id)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data_full (G_OBJECT (widget), "need-id", g_strdup (need_id), g_free);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_enter_cb), NULL);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

static GMenuModel *
need_menu (CharterDiscoveryView *self,
           CharterNeed          *need)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) merge = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GListModel *needs = charter_document_get_needs (self->document);
  const char *id = charter_item_get_id (CHARTER_ITEM (need));
  guint n = g_list_model_get_n_items (needs);

  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target (item, "discovery.prompt-rename", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) other = g_list_model_get_item (needs, i);
      g_autoptr(GMenuItem) merge_item = NULL;

      if (other == need)
        continue;
      merge_item = g_menu_item_new (charter_need_get_statement (other), NULL);
      g_menu_item_set_action_and_target (merge_item, "discovery.merge-needs", "(ss)",
                                         id, charter_item_get_id (CHARTER_ITEM (other)));
      g_menu_append_item (merge, merge_item);
    }
  if (n > 1)
    g_menu_append_submenu (menu, _("_Merge Into"), G_MENU_MODEL (merge));

  if (self->selected_insight != NULL)
    {
      item = g_menu_item_new (_("_Split Selected Card Into a New Need"), NULL);
      g_menu_item_set_action_and_target (item, "discovery.split-need", "(ss)", id, self->selected_insight);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  if (charter_traceability_spec_addresses (self->document, id))
    item = g_menu_item_new (_("Remove From the _Spec"), NULL);
  else
    item = g_menu_item_new (_("Add to the _Spec"), NULL);
  g_menu_item_set_action_and_target (item, "discovery.toggle-spec-need", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Delete Need"), NULL);
  g_menu_item_set_action_and_target (item, "discovery.delete-need", "s", id);
  g_menu_append_item (menu, item);

  return G_MENU_MODEL (menu);
}

/* A need's menu is made when it opens: its Merge Into lists every other
 * need, and made for every column up front that was a menu item for every
 * pair of needs (a million at 1,000 needs) before the board showed. */
static void
need_menu_create_popup_cb (GtkMenuButton *button,
                           gpointer       user_data)
{
  CharterDiscoveryView *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (button), "need-id");
  CharterNeed *need = self->document ? find_need (self, id) : NULL;
  g_autoptr(GMenuModel) menu = need ? need_menu (self, need) : NULL;

  gtk_menu_button_set_menu_model (button, menu);
}

static GtkWidget *
make_column (CharterDiscoveryView *self,
             CharterNeed          *need,
             GPtrArray            *insights)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *evidence, *trace, *scroller, *cards;
  guint visible = 0;

  gtk_widget_add_css_class (column, "charter-need-column");
  gtk_widget_set_size_request (column, 300, -1);

  if (need != NULL)
    {
      const char *id = charter_item_get_id (CHARTER_ITEM (need));
      g_autoptr(GPtrArray) participants = charter_traceability_need_participants (self->document, need);
      g_autoptr(GPtrArray) tasks = charter_traceability_tasks_serving (self->document, id);
      g_autoptr(GString) who = g_string_new (NULL);
      g_autoptr(GString) where = g_string_new (NULL);
      g_autofree char *menu_name = NULL;
      GtkWidget *menu_button = gtk_menu_button_new ();
      const char *statement = charter_need_get_statement (need);

      title = gtk_label_new ((statement && *statement) ? statement : _("Unnamed need"));
      gtk_widget_set_hexpand (title, TRUE);

      g_string_printf (who, g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", participants->len),
                       participants->len);
      for (guint i = 0; i < participants->len; i++)
        {
          const char *alias = charter_participant_get_alias (participants->pdata[i]);

          g_string_append (who, i == 0 ? ": " : ", ");
          g_string_append (who, (alias && *alias) ? alias : _("unnamed"));
        }
      evidence = gtk_label_new (who->str);
      gtk_widget_add_css_class (evidence, "charter-evidence");

      if (charter_traceability_spec_addresses (self->document, id))
        g_string_append (where, _("In the spec"));
      if (tasks->len > 0)
        {
          if (where->len > 0)
            g_string_append (where, " · ");
          g_string_append_printf (where, g_dngettext (GETTEXT_PACKAGE, "served by %u task", "served by %u tasks", tasks->len),
                                  tasks->len);
        }
      else
        {
          if (where->len > 0)
            g_string_append (where, " · ");
          g_string_append (where, _("⚠ nothing in the plan serves it"));
        }
      trace = gtk_label_new (where->str);
      gtk_widget_add_css_class (trace, "dim-label");
      if (tasks->len == 0)
        gtk_widget_add_css_class (trace, "warning");

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
      g_object_set_data_full (G_OBJECT (menu_button), "need-id", g_strdup (id), g_free);
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), need_menu_create_popup_cb, self, NULL);
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
      /* Translators: accessible name of a need's menu button, "Need menu: See progress" */
      menu_name = g_strdup_printf (_("Need menu: %s"), gtk_label_get_label (GTK_LABEL (title)));
      charter_discovery_set_accessible_name (menu_button, menu_name);
      gtk_widget_set_tooltip_text (menu_button, _("Rename, merge, split or delete this need"));
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), menu_button);
      add_drop_target (self, column, id);
    }
  else
    {
      title = gtk_label_new (_("Unfiled"));
      gtk_widget_add_css_class (column, "unfiled");
      evidence = gtk_label_new (_("Insights not yet under a need"));
      gtk_widget_add_css_class (evidence, "dim-label");
      trace = NULL;
      gtk_box_append (GTK_BOX (header), title);
      add_drop_target (self, column, "");
    }

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "charter-need-title");
  gtk_label_set_wrap (GTK_LABEL (evidence), TRUE);
  gtk_label_set_xalign (GTK_LABEL (evidence), 0);
  gtk_box_append (GTK_BOX (column), header);
  gtk_box_append (GTK_BOX (column), evidence);
  if (trace != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (trace), TRUE);
      gtk_label_set_xalign (GTK_LABEL (trace), 0);
      gtk_box_append (GTK_BOX (column), trace);
    }

  cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  for (guint i = 0; i < insights->len; i++)
    if (insight_visible (self, insights->pdata[i]))
      {
        gtk_box_append (GTK_BOX (cards), make_card (self, insights->pdata[i]));
        visible++;
      }
  if (visible == 0)
    {
      GtkWidget *empty = gtk_label_new (need != NULL ? _("Drop insights here") : _("No unfiled insights"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_box_append (GTK_BOX (cards), empty);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), cards);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (column), scroller);

  return column;
}

static void
update_file_under_menu (CharterDiscoveryView *self)
{
  gtk_widget_set_sensitive (self->file_under_button, self->selected_insight != NULL);
  gtk_widget_set_sensitive (self->show_in_notes_button, self->selected_insight != NULL);
  if (self->selected_insight != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->show_in_notes_button), "s", self->selected_insight);
}

/* File Under… lists every need: made when it opens, not on every change of
 * the board or the selection. */
static void
file_under_create_popup_cb (GtkMenuButton *button,
                            gpointer       user_data)
{
  CharterDiscoveryView *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *needs;
  guint n;

  if (self->document == NULL || self->selected_insight == NULL)
    {
      gtk_menu_button_set_menu_model (button, NULL);
      return;
    }

  needs = charter_document_get_needs (self->document);
  n = g_list_model_get_n_items (needs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (charter_need_get_statement (need), NULL);

      g_menu_item_set_action_and_target (item, "discovery.file-insight", "(ss)",
                                         self->selected_insight, charter_item_get_id (CHARTER_ITEM (need)));
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenu) section = g_menu_new ();
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_New Need"), NULL);
    g_autoptr(GMenuItem) unfile = g_menu_item_new (_("_Unfiled"), NULL);

    g_menu_item_set_action_and_target (item, "discovery.new-need", "s", self->selected_insight);
    g_menu_append_item (section, item);
    g_menu_item_set_action_and_target (unfile, "discovery.file-insight", "(ss)", self->selected_insight, "");
    g_menu_append_item (section, unfile);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
rebuild_board (CharterDiscoveryView *self)
{
  GtkWidget *child, *new_zone, *label, *focus;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GPtrArray) unfiled = NULL;
  g_autofree char *focus_id = NULL;
  gboolean focus_chip = FALSE;
  GListModel *needs;
  guint n, cards = 0, total = 0;

  /* The cards are made anew: a keyboard user keeps the focus on the card
   * (or its kind button) they were on. */
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->board_box))
    {
      focus_id = g_strdup (card_insight_id (focus));
      focus_chip = gtk_widget_has_css_class (focus, "charter-insight-kind");
    }

  self->board_dirty = FALSE;
  while ((child = gtk_widget_get_first_child (self->board_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->board_box), child);

  if (self->document == NULL)
    return;

  if (self->selected_insight != NULL && find_insight (self, self->selected_insight) == NULL)
    g_clear_pointer (&self->selected_insight, g_free);

  unfiled = charter_traceability_unfiled_insights (self->document);
  gtk_box_append (GTK_BOX (self->board_box), make_column (self, NULL, unfiled));

  needs = charter_document_get_needs (self->document);
  n = g_list_model_get_n_items (needs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterNeed) need = g_list_model_get_item (needs, i);
      g_autoptr(GPtrArray) insights = charter_traceability_need_insights (self->document, need);

      gtk_box_append (GTK_BOX (self->board_box), make_column (self, need, insights));
    }

  new_zone = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (new_zone, "charter-new-need");
  label = gtk_label_new (_("Drop a card here to start a new need"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (new_zone), label);
  add_drop_target (self, new_zone, "new");
  gtk_box_append (GTK_BOX (self->board_box), new_zone);

  total = g_list_model_get_n_items (charter_document_get_insights (self->document));
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(CharterInsight) insight = g_list_model_get_item (charter_document_get_insights (self->document), i);

      if (insight_visible (self, insight))
        cards++;
    }
  {
    g_autofree char *status = NULL;

    if (cards == total)
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u insight", "%u insights", total), total);
    else
      /* Translators: "4 of 12 insights match" */
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u insight matches",
                                             "%u of %u insights match", total), cards, total);
    gtk_label_set_label (GTK_LABEL (self->board_status), status);
  }

  if (focus_id != NULL && (child = foreach_card (self, card_has_id, focus_id)) != NULL)
    gtk_widget_grab_focus (focus_chip ? gtk_widget_get_first_child (child) : gtk_widget_get_last_child (child));

  update_file_under_menu (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CharterDiscoveryView *self = user_data;

  self->rebuild_id = 0;
  update_segments (self);

  /* An undo may take away the interview or participant that is open. */
  if (self->document != NULL && item_gone (self, charter_document_get_interviews (self->document), self->interview))
    {
      g_clear_object (&self->interview);
      close_page (self, &self->interview_page);
      self->notes_view = NULL;
      set_page (self, "board");
    }
  if (self->document != NULL && item_gone (self, charter_document_get_participants (self->document), self->participant))
    {
      g_clear_object (&self->participant);
      close_page (self, &self->participant_page);
      set_page (self, "board");
    }
  /* Undo may change the kind of a passage the notes show. */
  highlight_insights (self);
  /* Off screen (another workspace, or another page) the board waits: typing
   * in the spec must not rebuild a board nobody sees. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "board") == 0)
    rebuild_board (self);
  else
    self->board_dirty = TRUE;

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (CharterDiscoveryView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, rebuild_idle_cb, self, NULL);
}

/* Callbacks */

static void
on_document_changed_cb (CharterDocument      *document,
                        CharterDiscoveryView *self)
{
  queue_rebuild (self);
  if (self->interviews != NULL)
    gtk_filter_changed (GTK_FILTER (self->interview_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_document_read_only_cb (CharterDocument      *document,
                          GParamSpec           *pspec,
                          CharterDiscoveryView *self)
{
  /* The kind buttons of a read-only document are greyed out. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discovery.set-insight-kind", editable (self));
}

static void
on_insights_changed_cb (GListModel           *list,
                        guint                 position,
                        guint                 removed,
                        guint                 added,
                        CharterDiscoveryView *self)
{
  highlight_insights (self);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry       *entry,
                      CharterDiscoveryView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "discovery.search", "s",
                              gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_segment_dropdown_selected_cb (GtkDropDown          *dropdown,
                        GParamSpec           *pspec,
                        CharterDiscoveryView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_segments)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "discovery.set-segment", "s",
                              selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                ? "" : gtk_string_list_get_string (self->segments, selected));
}

/* A sidebar row opens its interview or participant, as the open-* actions do. */
static void
on_sidebar_list_activate_cb (GtkListView          *list,
                        guint                 position,
                        CharterDiscoveryView *self)
{
  g_autoptr(CharterItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self),
                                CHARTER_IS_INTERVIEW (item) ? "discovery.open-interview" : "discovery.open-participant",
                                "s", charter_item_get_id (item));
}

static void
on_rename_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       CharterDiscoveryView *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  const char *id = g_object_get_data (G_OBJECT (dialog), "need-id");

  if (g_str_equal (response, "rename"))
    gtk_widget_activate_action (GTK_WIDGET (self), "discovery.rename-need", "(ss)",
                                id, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_rename_entry_activate_cb (GtkEntry         *entry,
                             AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Actions */

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  GListModel *participants;
  g_autofree char *id = NULL;
  g_autofree char *alias = NULL;
  g_autoptr(CharterParticipant) participant = NULL;

  if (!editable (self))
    return;

  participants = charter_document_get_participants (self->document);
  id = charter_document_make_id (self->document, participants, "participant");
  participant = charter_participant_new (id);
  /* Translators: the alias a new participant gets, "Participant 4" */
  alias = g_strdup_printf (_("Participant %u"), g_list_model_get_n_items (participants) + 1);
  charter_participant_set_alias (participant, alias);
  charter_document_append (self->document, participants, participant);
  open_participant (self, participant);
}

static void
add_interview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  GListModel *interviews, *participants;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autoptr(CharterInterview) interview = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *participant_id = NULL;

  if (!editable (self))
    return;

  interviews = charter_document_get_interviews (self->document);
  participants = charter_document_get_participants (self->document);
  id = charter_document_make_id (self->document, interviews, "interview");
  interview = charter_interview_new (id);
  /* Translators: the title a new interview gets, "Interview 5" */
  title = g_strdup_printf (_("Interview %u"), g_list_model_get_n_items (interviews) + 1);
  today = g_date_time_format (now, "%Y-%m-%d");

  if (self->participant != NULL)
    participant_id = charter_item_get_id (CHARTER_ITEM (self->participant));
  else if (g_list_model_get_n_items (participants) > 0)
    {
      g_autoptr(CharterParticipant) first = g_list_model_get_item (participants, 0);

      participant_id = charter_item_get_id (CHARTER_ITEM (first));
    }

  charter_interview_set_title (interview, title);
  charter_interview_set_date (interview, today);
  charter_interview_set_participant_id (interview, participant_id);
  charter_document_append (self->document, interviews, interview);
  open_interview (self, interview);
  gtk_widget_grab_focus (self->notes_view);
}

static void
make_insight_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GListModel *insights;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CharterInsight) insight = NULL;
  int from, to;

  if (!editable (self) || self->interview == NULL || self->notes_view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  /* Trim the selection to the words: a stray space is not part of a quote. */
  while (gtk_text_iter_compare (&start, &end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  while (gtk_text_iter_compare (&start, &end) < 0)
    {
      GtkTextIter prev = end;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      end = prev;
    }
  if (gtk_text_iter_equal (&start, &end))
    return;

  from = gtk_text_iter_get_offset (&start);
  to = gtk_text_iter_get_offset (&end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));

  insights = charter_document_get_insights (self->document);
  id = charter_document_make_id (self->document, insights, "insight");
  insight = charter_insight_new (id);
  charter_insight_set_interview_id (insight, charter_item_get_id (CHARTER_ITEM (self->interview)));
  charter_insight_set_text (insight, stripped);
  charter_insight_set_kind (insight, g_str_equal (action_name, "discovery.make-observation")
                                       ? CHARTER_INSIGHT_OBSERVATION : CHARTER_INSIGHT_QUOTE);
  charter_insight_set_start (insight, from);
  charter_insight_set_end (insight, to);
  charter_document_append (self->document, insights, insight);

  g_free (self->selected_insight);
  self->selected_insight = g_strdup (id);
  gtk_text_buffer_select_range (buffer, &end, &end);
  highlight_insights (self);
}

static void
set_insight_kind_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (CHARTER_TYPE_INSIGHT_KIND);
  const char *insight_id, *nick;
  CharterInsight *insight;
  GEnumValue *kind;

  g_variant_get (parameter, "(&s&s)", &insight_id, &nick);
  if (!editable (self) || (insight = find_insight (self, insight_id)) == NULL)
    return;
  if ((kind = g_enum_get_value_by_nick (kinds, nick)) == NULL)
    {
      g_warning ("Not a kind of insight: “%s” (expected quote or observation)", nick);
      return;
    }
  if ((CharterInsightKind) kind->value == charter_insight_get_kind (insight))
    return;

  charter_document_begin_group (self->document,
                                kind->value == CHARTER_INSIGHT_QUOTE ? _("Mark as Quote")
                                                                     : _("Mark as Observation"));
  charter_document_set (self->document, insight, "kind", kind->value, NULL);
  charter_document_end_group (self->document);
}

static void
file_insight_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *insight_id, *need_id;
  CharterNeed *need = NULL;

  g_variant_get (parameter, "(&s&s)", &insight_id, &need_id);
  if (!editable (self) || find_insight (self, insight_id) == NULL)
    return;
  if (*need_id != '\0' && (need = find_need (self, need_id)) == NULL)
    return;
  if (need != NULL && g_strv_contains (charter_need_get_insight_ids (need) ? charter_need_get_insight_ids (need)
                                                                          : (const char *[]) { NULL }, insight_id))
    return;

  charter_document_begin_group (self->document, need ? _("File Insight") : _("Unfile Insight"));
  unfile_insight (self, insight_id);
  if (need != NULL)
    {
      g_auto(GStrv) ids = strv_edit (charter_need_get_insight_ids (need), NULL, insight_id);

      charter_document_set (self->document, need, "insight-ids", ids, NULL);
    }
  charter_document_end_group (self->document);
}

static void
new_need_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *insight_id = g_variant_get_string (parameter, NULL);
  CharterInsight *insight = NULL;
  g_autofree char *statement = NULL;

  if (!editable (self))
    return;

  if (*insight_id != '\0')
    insight = find_insight (self, insight_id);

  /* Translators: the statement a new need gets until it is renamed, "Need 4" */
  statement = g_strdup_printf (_("Need %u"), g_list_model_get_n_items (charter_document_get_needs (self->document)) + 1);

  charter_document_begin_group (self->document, _("New Need"));
  if (insight != NULL)
    {
      unfile_insight (self, insight_id);
      create_need (self, statement, (const char *[]) { insight_id, NULL });
    }
  else
    create_need (self, statement, NULL);
  charter_document_end_group (self->document);

  set_page (self, "board");
}

static void
rename_need_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *need_id, *statement;
  g_autofree char *stripped = NULL;
  CharterNeed *need;

  g_variant_get (parameter, "(&s&s)", &need_id, &statement);
  stripped = g_strstrip (g_strdup (statement));
  if (!editable (self) || (need = find_need (self, need_id)) == NULL || *stripped == '\0')
    return;

  charter_document_set (self->document, need, "statement", stripped, NULL);
}

static void
prompt_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *need_id = g_variant_get_string (parameter, NULL);
  CharterNeed *need = find_need (self, need_id);
  GtkWidget *dialog, *entry;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (need == NULL || !editable (self))
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Need"),
                                   _("Say the need in the user's words: what they want to get done."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), charter_need_get_statement (need));
  charter_discovery_set_accessible_name (entry, _("Need statement"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "need-id", g_strdup (need_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  g_signal_connect (entry, "activate", G_CALLBACK (on_rename_entry_activate_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Replaces @from by @into wherever a need is referred to (tasks, the spec). */
static void
retarget_need (CharterDiscoveryView *self,
               const char           *from,
               const char           *into)
{
  GListModel *tasks = charter_document_get_tasks (self->document);
  CharterSpec *spec = charter_document_get_spec (self->document);
  guint n = g_list_model_get_n_items (tasks);
  const char * const *spec_ids = charter_spec_get_need_ids (spec);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);
      const char * const *serves = charter_task_get_serves (task);

      if (serves != NULL && g_strv_contains (serves, from))
        {
          g_auto(GStrv) removed = strv_edit (serves, from, NULL);
          g_auto(GStrv) ids = strv_edit ((const char * const *) removed, NULL, into);

          charter_document_set (self->document, task, "serves", into ? ids : removed, NULL);
        }
    }

  if (spec_ids != NULL && g_strv_contains (spec_ids, from))
    {
      g_auto(GStrv) removed = strv_edit (spec_ids, from, NULL);
      g_auto(GStrv) ids = strv_edit ((const char * const *) removed, NULL, into);

      charter_document_set (self->document, spec, "need-ids", into ? ids : removed, NULL);
    }
}

static void
merge_needs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *from_id, *into_id;
  CharterNeed *from, *into;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  const char * const *from_ids;

  g_variant_get (parameter, "(&s&s)", &from_id, &into_id);
  if (!editable (self) || g_str_equal (from_id, into_id))
    return;
  from = find_need (self, from_id);
  into = find_need (self, into_id);
  if (from == NULL || into == NULL)
    return;

  builder = g_strv_builder_new ();
  if (charter_need_get_insight_ids (into) != NULL)
    g_strv_builder_addv (builder, (const char **) charter_need_get_insight_ids (into));
  from_ids = charter_need_get_insight_ids (from);
  for (guint i = 0; from_ids != NULL && from_ids[i] != NULL; i++)
    if (charter_need_get_insight_ids (into) == NULL || !g_strv_contains (charter_need_get_insight_ids (into), from_ids[i]))
      g_strv_builder_add (builder, from_ids[i]);
  ids = g_strv_builder_end (builder);

  g_object_ref (from);
  charter_document_begin_group (self->document, _("Merge Needs"));
  charter_document_set (self->document, into, "insight-ids", ids, NULL);
  retarget_need (self, from_id, into_id);
  charter_document_remove (self->document, charter_document_get_needs (self->document), from);
  charter_document_end_group (self->document);
  g_object_unref (from);
}

static void
split_need_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *need_id, *insight_id;
  CharterNeed *need;
  g_autofree char *statement = NULL;

  g_variant_get (parameter, "(&s&s)", &need_id, &insight_id);
  if (!editable (self) || (need = find_need (self, need_id)) == NULL)
    return;
  if (charter_need_get_insight_ids (need) == NULL || !g_strv_contains (charter_need_get_insight_ids (need), insight_id))
    return;

  /* Translators: the statement of a need split off another, "See progress (split)" */
  statement = g_strdup_printf (_("%s (split)"), charter_need_get_statement (need));
  charter_document_begin_group (self->document, _("Split Need"));
  unfile_insight (self, insight_id);
  create_need (self, statement, (const char *[]) { insight_id, NULL });
  charter_document_end_group (self->document);
}

static void
delete_need_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  CharterNeed *need = find_need (self, g_variant_get_string (parameter, NULL));

  if (!editable (self) || need == NULL)
    return;

  g_object_ref (need);
  charter_document_begin_group (self->document, _("Delete Need"));
  retarget_need (self, charter_item_get_id (CHARTER_ITEM (need)), NULL);
  charter_document_remove (self->document, charter_document_get_needs (self->document), need);
  charter_document_end_group (self->document);
  g_object_unref (need);
}

static void
delete_insight_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  CharterInsight *insight = find_insight (self, id);

  if (!editable (self) || insight == NULL)
    return;

  g_object_ref (insight);
  charter_document_begin_group (self->document, _("Delete Insight"));
  unfile_insight (self, id);
  charter_document_remove (self->document, charter_document_get_insights (self->document), insight);
  charter_document_end_group (self->document);
  g_object_unref (insight);
}

static void
toggle_spec_need_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  CharterSpec *spec;
  g_auto(GStrv) ids = NULL;

  if (!editable (self) || find_need (self, id) == NULL)
    return;

  spec = charter_document_get_spec (self->document);
  if (charter_traceability_spec_addresses (self->document, id))
    ids = strv_edit (charter_spec_get_need_ids (spec), id, NULL);
  else
    ids = strv_edit (charter_spec_get_need_ids (spec), NULL, id);
  charter_document_set (self->document, spec, "need-ids", ids, NULL);
}

static void
select_insight_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  g_free (self->selected_insight);
  self->selected_insight = (*id != '\0' && find_insight (self, id) != NULL) ? g_strdup (id) : NULL;
  foreach_card (self, mark_selected_card, self);
  update_file_under_menu (self);
  /* Need menus offer "split" only with a selection. */
  self->board_dirty = TRUE;
  queue_rebuild (self);
}

static void
show_insight_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  CharterInsight *insight;
  CharterInterview *interview;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int from, to;

  if (self->document == NULL ||
      (insight = find_insight (self, g_variant_get_string (parameter, NULL))) == NULL)
    return;
  interview = charter_document_find (self->document, charter_document_get_interviews (self->document),
                                     charter_insight_get_interview_id (insight));
  if (interview == NULL)
    return;

  open_interview (self, interview);
  if (!charter_traceability_locate_insight (charter_interview_get_notes (interview), insight, &from, &to))
    return;

  /* Where the insight came from: its passage, selected and scrolled to. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->notes_view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (self->notes_view);
}

static void
show_board_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_page (CHARTER_DISCOVERY_VIEW (widget), "board");
}

/* discovery.open-interview and discovery.open-participant, by id. */
static void
open_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  gboolean interview = g_str_equal (action_name, "discovery.open-interview");
  gpointer item;

  if (self->document == NULL)
    return;
  item = charter_document_find (self->document,
                                interview ? charter_document_get_interviews (self->document)
                                          : charter_document_get_participants (self->document),
                                g_variant_get_string (parameter, NULL));
  if (item == NULL)
    return;
  if (interview)
    open_interview (self, item);
  else
    open_participant (self, item);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *query = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  gtk_filter_changed (GTK_FILTER (self->interview_filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->board_dirty = TRUE;
  queue_rebuild (self);
}

static void
set_segment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);
  const char *segment = g_variant_get_string (parameter, NULL);

  g_free (self->segment);
  self->segment = *segment != '\0' ? g_strdup (segment) : NULL;
  self->updating_segments = TRUE;
  if (self->segment == NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->segment_dropdown), 0);
  else
    for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->segments)); i++)
      if (g_str_equal (gtk_string_list_get_string (self->segments, i), segment))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->segment_dropdown), i);
  self->updating_segments = FALSE;
  gtk_filter_changed (GTK_FILTER (self->interview_filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->board_dirty = TRUE;
  queue_rebuild (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (CHARTER_DISCOVERY_VIEW (widget)->search_entry);
}

/* Construction */

static void
setup_sidebar_list (CharterDiscoveryView *self,
                    GtkWidget            *list,
                    GtkSingleSelection   *selection)
{
  g_autoptr(GtkListItemFactory) factory = row_factory (self);

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (GTK_LIST_VIEW (list), GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (GTK_LIST_VIEW (list), factory);
}

/* Overrides */

static void
charter_discovery_view_map (GtkWidget *widget)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (widget);

  GTK_WIDGET_CLASS (charter_discovery_view_parent_class)->map (widget);

  if (self->board_dirty &&
      g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "board") == 0)
    rebuild_board (self);
}

static void
charter_discovery_view_dispose (GObject *object)
{
  CharterDiscoveryView *self = (CharterDiscoveryView *) object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->insights_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_DISCOVERY_VIEW);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->interview);
  g_clear_object (&self->participant);
  g_clear_object (&self->interview_filter);
  g_clear_object (&self->interviews);
  g_clear_object (&self->interview_selection);
  g_clear_object (&self->participant_selection);

  G_OBJECT_CLASS (charter_discovery_view_parent_class)->dispose (object);
}

static void
charter_discovery_view_finalize (GObject *object)
{
  CharterDiscoveryView *self = (CharterDiscoveryView *) object;

  g_free (self->query);
  g_free (self->segment);
  g_free (self->selected_insight);

  G_OBJECT_CLASS (charter_discovery_view_parent_class)->finalize (object);
}

static void
charter_discovery_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_discovery_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CharterDiscoveryView *self = CHARTER_DISCOVERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_discovery_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SCHEDULER:
      if (g_set_object (&self->scheduler, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_discovery_view_class_init (CharterDiscoveryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_discovery_view_dispose;
  object_class->finalize = charter_discovery_view_finalize;
  object_class->get_property = charter_discovery_view_get_property;
  object_class->set_property = charter_discovery_view_set_property;
  widget_class->map = charter_discovery_view_map;

  charter_workspace_install_properties (object_class, PROP_DOCUMENT, PROP_SCHEDULER);
  properties[PROP_DOCUMENT] = g_object_class_find_property (object_class, "document");
  properties[PROP_SCHEDULER] = g_object_class_find_property (object_class, "scheduler");

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-discovery-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, segments);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, participant_list);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, interview_list);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, stack);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, board_box);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, board_status);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, file_under_button);
  gtk_widget_class_bind_template_child (widget_class, CharterDiscoveryView, show_in_notes_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_segment_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "discovery.add-participant", NULL, add_participant_action);
  gtk_widget_class_install_action (widget_class, "discovery.add-interview", NULL, add_interview_action);
  gtk_widget_class_install_action (widget_class, "discovery.make-insight", NULL, make_insight_action);
  gtk_widget_class_install_action (widget_class, "discovery.make-observation", NULL, make_insight_action);
  gtk_widget_class_install_action (widget_class, "discovery.set-insight-kind", "(ss)", set_insight_kind_action);
  gtk_widget_class_install_action (widget_class, "discovery.file-insight", "(ss)", file_insight_action);
  gtk_widget_class_install_action (widget_class, "discovery.new-need", "s", new_need_action);
  gtk_widget_class_install_action (widget_class, "discovery.rename-need", "(ss)", rename_need_action);
  gtk_widget_class_install_action (widget_class, "discovery.prompt-rename", "s", prompt_rename_action);
  gtk_widget_class_install_action (widget_class, "discovery.merge-needs", "(ss)", merge_needs_action);
  gtk_widget_class_install_action (widget_class, "discovery.split-need", "(ss)", split_need_action);
  gtk_widget_class_install_action (widget_class, "discovery.delete-need", "s", delete_need_action);
  gtk_widget_class_install_action (widget_class, "discovery.delete-insight", "s", delete_insight_action);
  gtk_widget_class_install_action (widget_class, "discovery.toggle-spec-need", "s", toggle_spec_need_action);
  gtk_widget_class_install_action (widget_class, "discovery.select-insight", "s", select_insight_action);
  gtk_widget_class_install_action (widget_class, "discovery.show-board", NULL, show_board_action);
  gtk_widget_class_install_action (widget_class, "discovery.show-insight", "s", show_insight_action);
  gtk_widget_class_install_action (widget_class, "discovery.open-interview", "s", open_item_action);
  gtk_widget_class_install_action (widget_class, "discovery.open-participant", "s", open_item_action);
  gtk_widget_class_install_action (widget_class, "discovery.search", "s", search_action);
  gtk_widget_class_install_action (widget_class, "discovery.set-segment", "s", set_segment_action);
  gtk_widget_class_install_action (widget_class, "discovery.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "discovery.make-insight", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "discovery.make-observation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "discovery.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "discovery.show-board", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
charter_discovery_view_init (CharterDiscoveryView *self)
{
  /* The view follows the document it shows, and only while it shows it. */
  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed_cb), self, 0);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (on_document_read_only_cb), self, 0);
  self->insights_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->insights_signals, "items-changed",
                                 G_CALLBACK (on_insights_changed_cb), self, 0);

  charter_discovery_ensure_style ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "charter-discovery");
  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  /* The sidebar's lists: participants, and the interviews the search and
   * the segment let through. */
  self->participant_selection = gtk_single_selection_new (NULL);
  self->interview_filter = gtk_custom_filter_new (interview_filter_func, self, NULL);
  self->interviews = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->interview_filter)));
  self->interview_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->interviews)));
  setup_sidebar_list (self, self->participant_list, self->participant_selection);
  setup_sidebar_list (self, self->interview_list, self->interview_selection);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->file_under_button),
                                         file_under_create_popup_cb, self, NULL);
}

/* Public API */

GtkWidget *
charter_discovery_view_new (void)
{
  return g_object_new (CHARTER_TYPE_DISCOVERY_VIEW, NULL);
}

CharterDocument *
charter_discovery_view_get_document (CharterDiscoveryView *self)
{
  g_return_val_if_fail (CHARTER_IS_DISCOVERY_VIEW (self), NULL);

  return self->document;
}

void
charter_discovery_view_set_document (CharterDiscoveryView *self,
                                     CharterDocument      *document)
{
  g_return_if_fail (CHARTER_IS_DISCOVERY_VIEW (self));

  if (self->document == document)
    return;

  /* What was open belongs to the old document. */
  g_clear_object (&self->interview);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->selected_insight, g_free);
  close_page (self, &self->interview_page);
  close_page (self, &self->participant_page);
  self->notes_view = NULL;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "board");

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->insights_signals, document ? charter_document_get_insights (document) : NULL);
  on_document_read_only_cb (document, NULL, self);

  gtk_filter_list_model_set_model (self->interviews, document ? charter_document_get_interviews (document) : NULL);
  gtk_single_selection_set_model (self->participant_selection,
                                  document ? charter_document_get_participants (document) : NULL);
  update_segments (self);
  /* Hidden (opening a file in another workspace), the board waits until it
   * is shown, as it does for edits. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_board (self);
  else
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->board_box)) != NULL)
        gtk_box_remove (GTK_BOX (self->board_box), child);
      self->board_dirty = TRUE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CharterInterview *
charter_discovery_view_get_interview (CharterDiscoveryView *self)
{
  g_return_val_if_fail (CHARTER_IS_DISCOVERY_VIEW (self), NULL);

  return self->interview;
}

GtkTextView *
charter_discovery_view_get_notes_view (CharterDiscoveryView *self)
{
  g_return_val_if_fail (CHARTER_IS_DISCOVERY_VIEW (self), NULL);

  return self->notes_view ? GTK_TEXT_VIEW (self->notes_view) : NULL;
}

const char *
charter_discovery_view_get_selected_insight (CharterDiscoveryView *self)
{
  g_return_val_if_fail (CHARTER_IS_DISCOVERY_VIEW (self), NULL);

  return self->selected_insight;
}

const char *
charter_discovery_view_get_page (CharterDiscoveryView *self)
{
  g_return_val_if_fail (CHARTER_IS_DISCOVERY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

guint
charter_discovery_view_count_visible_cards (CharterDiscoveryView *self)
{
  guint count = 0;

  g_return_val_if_fail (CHARTER_IS_DISCOVERY_VIEW (self), 0);

  if (self->board_dirty)
    rebuild_board (self);

  foreach_card (self, count_card, &count);

  return count;
}
