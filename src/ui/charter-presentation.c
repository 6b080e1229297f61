/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-presentation.c: presentation mode — the live document as slides.
 *
 * The window shows this widget in place of its content, full screen
 * (charter-window.c says why it is not a window of its own). The slides are
 * rebuilt from the document whenever it changes (at the next idle), except
 * the two live ones, the plan graph and the timeline: they are the real
 * CharterGraphCanvas and CharterGanttChart on the document, made once and
 * kept, so a bar dragged in the room changes the plan, the window's Undo
 * takes it back and the launch date on the slide follows.
 *
 * Type for the back of the room: body text is 44 px at a height of 1080 px
 * (a cap height of about 31 px, above the 29 px that reads from 8–10 m), and
 * in proportion at any other height, set on this widget by a CSS provider of
 * its own; every other size in style.css is in em of it. */

#define G_LOG_DOMAIN "charter-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "charter-presentation.h"

#include "charter-gantt-chart.h"
#include "charter-gantt-chart-private.h"
#include "charter-graph-canvas.h"
#include "charter-presentation-slides.h"

/* Body text in px at a window 1080 px high. */
#define BODY_PX_AT_1080 44.0

struct _CharterPresentation
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *mode_stack;
  AdwBin           *slide_bin;
  GtkFlowBox       *overview_box;

  /* Owned */
  CharterDocument  *document;
  CharterScheduler *scheduler;
  GPtrArray        *slides;           /* GtkWidget, or NULL until first needed */
  GArray           *kinds;            /* CharterSlideKind, one per slide */
  GtkWidget        *graph_slide;      /* the live slides, kept across rebuilds */
  GtkWidget        *timeline_slide;
  GSignalGroup     *document_signals;
  GSignalGroup     *scheduler_signals;
  GtkCssProvider   *type_provider;
  char             *type_class;

  /* Borrowed */
  GtkWidget        *chart;
  GtkWidget        *canvas;
  GtkLabel         *timeline_summary;
  GtkLabel         *graph_summary;

  guint             rebuild_source;
  guint             type_source;
  guint             slide;
  int               type_px;
  guint             overview : 1;
};

G_DEFINE_FINAL_TYPE (CharterPresentation, charter_presentation, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEDULER,
  PROP_SLIDE,
  PROP_N_SLIDES,
  PROP_OVERVIEW,
  N_PROPS
};

enum {
  LEAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void       rebuild            (CharterPresentation *self);
static GtkWidget *ensure_timeline_slide (CharterPresentation *self);
static GtkWidget *ensure_graph_slide (CharterPresentation *self);

/* Helpers */

static CharterSchedule *
current_schedule (CharterPresentation *self)
{
  return self->scheduler != NULL ? charter_scheduler_get_schedule (self->scheduler) : NULL;
}

static void
update_actions (CharterPresentation *self)
{
  guint n = self->slides->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.next", n > 0 && self->slide + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.last", n > 0 && self->slide + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.previous", self->slide > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.first", self->slide > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.goto", n > 0);
}

static void
unref_slide (gpointer widget)
{
  if (widget != NULL)
    g_object_unref (widget);
}

/* A slide is built when it is first shown (or looked at by a test): entering
 * the presentation builds only the first, and a change to the document
 * rebuilds only the one on screen. */
static GtkWidget *
ensure_slide (CharterPresentation *self,
              guint                index)
{
  CharterSlideKind kind = g_array_index (self->kinds, CharterSlideKind, index);
  GtkWidget *widget = g_ptr_array_index (self->slides, index);

  if (widget != NULL)
    return widget;

  if (kind == CHARTER_SLIDE_TIMELINE)
    widget = g_object_ref (ensure_timeline_slide (self));
  else if (kind == CHARTER_SLIDE_GRAPH)
    widget = g_object_ref (ensure_graph_slide (self));
  else
    {
      widget = charter_presentation_slide_build (kind, self->document, current_schedule (self));
      if (widget == NULL)
        widget = charter_presentation_slide_new_frame (charter_presentation_slide_title (kind));
      g_object_ref_sink (widget);
    }
  g_ptr_array_index (self->slides, index) = widget;

  return widget;
}

static void
show_current (CharterPresentation *self)
{
  GtkWidget *widget;

  if (self->overview)
    gtk_stack_set_visible_child_name (self->mode_stack, "overview");
  else if (self->slides->len == 0)
    gtk_stack_set_visible_child_name (self->mode_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->mode_stack, "slide");

  widget = self->slides->len > 0 ? ensure_slide (self, self->slide) : NULL;
  /* The same widget stays put: a live slide is not unparented mid-drag. */
  if (adw_bin_get_child (self->slide_bin) != widget)
    adw_bin_set_child (self->slide_bin, widget);
  if (widget != NULL)
    {
      CharterSlideKind kind = g_array_index (self->kinds, CharterSlideKind, self->slide);
      /* Translators: what a screen reader says of the presentation: slide 3 of 8, its title */
      g_autofree char *label = g_strdup_printf (_("Presentation, slide %u of %u: %s"), self->slide + 1,
                                                self->slides->len, charter_presentation_slide_title (kind));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  update_actions (self);
}

static void
update_timeline_summary (CharterPresentation *self)
{
  g_autofree char *text = NULL;

  if (self->timeline_summary == NULL)
    return;
  text = charter_presentation_timeline_summary (current_schedule (self),
                                                charter_gantt_chart_get_launch_day (CHARTER_GANTT_CHART (self->chart)),
                                                charter_gantt_chart_get_p80_day (CHARTER_GANTT_CHART (self->chart)));
  gtk_label_set_label (self->timeline_summary, text);
}

static void
update_graph_summary (CharterPresentation *self)
{
  CharterSchedule *schedule = current_schedule (self);
  const char * const *critical;
  g_autofree char *text = NULL;
  guint n_tasks, n_deps, n_critical;

  if (self->graph_summary == NULL || schedule == NULL)
    return;
  n_tasks = charter_schedule_get_n_tasks (schedule);
  n_deps = g_list_model_get_n_items (charter_document_get_dependencies (self->document));
  critical = charter_schedule_get_critical_path (schedule);
  n_critical = critical != NULL ? g_strv_length ((char **) critical) : 0;
  /* Translators: the plan slide's line: tasks, dependencies, tasks on the critical path */
  text = g_strdup_printf (_("%u tasks · %u dependencies · %u on the critical path"), n_tasks, n_deps, n_critical);
  gtk_label_set_label (self->graph_summary, text);
}

static GtkWidget *
live_frame (const char  *title,
            GtkLabel   **summary)
{
  GtkWidget *slide = charter_presentation_slide_new_frame (title);

  *summary = charter_presentation_slide_add_line (slide, "", FALSE, 1);
  return slide;
}

static GtkWidget *
ensure_timeline_slide (CharterPresentation *self)
{
  GtkWidget *scrolled;

  if (self->timeline_slide != NULL)
    return self->timeline_slide;

  self->timeline_slide = g_object_ref_sink (live_frame (charter_presentation_slide_title (CHARTER_SLIDE_TIMELINE),
                                                        &self->timeline_summary));
  self->chart = charter_gantt_chart_new ();
  charter_gantt_chart_set_zoom (CHARTER_GANTT_CHART (self->chart), CHARTER_TIMELINE_ZOOM_WEEKS);
  charter_gantt_chart_set_document (CHARTER_GANTT_CHART (self->chart), self->document);
  charter_gantt_chart_set_scheduler (CHARTER_GANTT_CHART (self->chart), self->scheduler);
  g_signal_connect_object (self->chart, "notify::p80-day", G_CALLBACK (update_timeline_summary),
                           self, G_CONNECT_SWAPPED);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_add_css_class (scrolled, "slide-live");
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->chart);
  gtk_box_append (GTK_BOX (self->timeline_slide), scrolled);
  update_timeline_summary (self);

  return self->timeline_slide;
}

static GtkWidget *
ensure_graph_slide (CharterPresentation *self)
{
  GtkWidget *frame;

  if (self->graph_slide != NULL)
    return self->graph_slide;

  self->graph_slide = g_object_ref_sink (live_frame (charter_presentation_slide_title (CHARTER_SLIDE_GRAPH),
                                                     &self->graph_summary));
  self->canvas = charter_graph_canvas_new ();
  charter_graph_canvas_set_document (CHARTER_GRAPH_CANVAS (self->canvas), self->document);
  charter_graph_canvas_set_scheduler (CHARTER_GRAPH_CANVAS (self->canvas), G_OBJECT (self->scheduler));
  frame = adw_bin_new ();
  gtk_widget_add_css_class (frame, "slide-live");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_vexpand (frame, TRUE);
  adw_bin_set_child (ADW_BIN (frame), self->canvas);
  gtk_box_append (GTK_BOX (self->graph_slide), frame);
  update_graph_summary (self);

  return self->graph_slide;
}

/* A small copy of a slide for the overview: text slides are built again with
 * the "thumb" class (a fifth of the type), live ones show their line. */
static GtkWidget *
build_thumb (CharterPresentation *self,
             guint                index)
{
  CharterSlideKind kind = g_array_index (self->kinds, CharterSlideKind, index);
  GtkWidget *thumb = NULL;

  if (kind == CHARTER_SLIDE_TIMELINE || kind == CHARTER_SLIDE_GRAPH)
    {
      GtkLabel *source = kind == CHARTER_SLIDE_TIMELINE ? self->timeline_summary : self->graph_summary;

      thumb = charter_presentation_slide_new_frame (charter_presentation_slide_title (kind));
      if (source != NULL)
        charter_presentation_slide_add_line (thumb, gtk_label_get_label (source), FALSE, 2);
    }
  else
    thumb = charter_presentation_slide_build (kind, self->document, current_schedule (self));
  if (thumb == NULL)
    thumb = charter_presentation_slide_new_frame (charter_presentation_slide_title (kind));
  /* Labels wrap at the thumbnail's width instead of asking for a line. */
  for (GtkWidget *child = gtk_widget_get_first_child (thumb); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      gtk_label_set_max_width_chars (GTK_LABEL (child), 10);
  gtk_widget_add_css_class (thumb, "thumb");
  gtk_widget_set_overflow (thumb, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_can_target (thumb, FALSE);

  return thumb;
}

static void
rebuild_overview (CharterPresentation *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overview_box))) != NULL)
    gtk_flow_box_remove (self->overview_box, child);

  for (guint i = 0; i < self->slides->len; i++)
    {
      CharterSlideKind kind = g_array_index (self->kinds, CharterSlideKind, i);
      GtkWidget *item = gtk_flow_box_child_new ();
      g_autofree char *name = g_strdup_printf (_("Slide %u: %s"), i + 1, charter_presentation_slide_title (kind));

      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (item), build_thumb (self, i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (item, name);
      gtk_flow_box_append (self->overview_box, item);
    }
}

static void
select_in_overview (CharterPresentation *self)
{
  GtkFlowBoxChild *item = gtk_flow_box_get_child_at_index (self->overview_box, (int) self->slide);

  if (item == NULL)
    return;
  gtk_flow_box_select_child (self->overview_box, item);
  gtk_widget_grab_focus (GTK_WIDGET (item));
}

static void
rebuild (CharterPresentation *self)
{
  CharterSchedule *schedule = current_schedule (self);
  CharterSlideKind current = CHARTER_SLIDE_PROBLEM;
  guint n_before = self->slides->len;
  guint slide_before = self->slide;
  guint position = 0;
  gboolean found = FALSE;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->slides->len > 0)
    current = g_array_index (self->kinds, CharterSlideKind, self->slide);
  g_ptr_array_set_size (self->slides, 0);
  g_array_set_size (self->kinds, 0);

  if (self->document == NULL)
    goto done;

  for (CharterSlideKind kind = 0; kind < CHARTER_N_SLIDE_KINDS; kind++)
    {
      GtkWidget *widget = NULL;

      if (!charter_presentation_slide_has_content (kind, self->document, schedule))
        continue;
      /* The live slides are kept once made; the others are built when shown. */
      if (kind == CHARTER_SLIDE_TIMELINE && self->timeline_slide != NULL)
        widget = g_object_ref (self->timeline_slide);
      else if (kind == CHARTER_SLIDE_GRAPH && self->graph_slide != NULL)
        widget = g_object_ref (self->graph_slide);

      /* Stay on the slide shown, or the one after where it was. */
      if (!found && kind >= current)
        {
          position = self->slides->len;
          found = TRUE;
        }
      g_ptr_array_add (self->slides, widget);
      g_array_append_val (self->kinds, kind);
    }

done:
  if (!found)
    position = self->slides->len > 0 ? self->slides->len - 1 : 0;
  self->slide = position;
  update_graph_summary (self);
  update_timeline_summary (self);
  show_current (self);
  if (self->overview)
    {
      rebuild_overview (self);
      select_in_overview (self);
    }

  if (n_before != self->slides->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SLIDES]);
  if (slide_before != self->slide)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CharterPresentation *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (CharterPresentation *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_LOW, rebuild_idle_cb, self, NULL);
}

static void
set_type_px (CharterPresentation *self,
             int                  px)
{
  g_autofree char *css = NULL;

  px = MAX (px, 8);
  if (px == self->type_px)
    return;
  self->type_px = px;
  css = g_strdup_printf (".%s { font-size: %dpx; }", self->type_class, px);
  gtk_css_provider_load_from_data (self->type_provider, css, -1);
}

static int
type_px_for_height (int height)
{
  return (int) lround (height * BODY_PX_AT_1080 / 1080.0);
}

static gboolean
type_idle_cb (gpointer user_data)
{
  CharterPresentation *self = user_data;

  self->type_source = 0;
  set_type_px (self, type_px_for_height (gtk_widget_get_height (GTK_WIDGET (self))));

  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_document_changed_cb (CharterPresentation *self)
{
  queue_rebuild (self);
}

static void
on_schedule_changed_cb (CharterPresentation *self)
{
  /* The live slide's line follows at once; the text slides at the idle. */
  update_timeline_summary (self);
  update_graph_summary (self);
  queue_rebuild (self);
}

static void
on_overview_child_activated_cb (CharterPresentation *self,
                                GtkFlowBoxChild     *child,
                                GtkFlowBox          *box)
{
  charter_presentation_set_slide (self, (guint) gtk_flow_box_child_get_index (child));
  g_object_set (self, "overview", FALSE, NULL);
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  charter_presentation_set_slide (self, self->slide + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  if (self->slide > 0)
    charter_presentation_set_slide (self, self->slide - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  charter_presentation_set_slide (CHARTER_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  if (self->slides->len > 0)
    charter_presentation_set_slide (self, self->slides->len - 1);
}

static void
goto_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  int slide = g_variant_get_int32 (param);

  if (slide >= 0)
    charter_presentation_set_slide (CHARTER_PRESENTATION (widget), (guint) slide);
}

/* Escape: a drag first, then the overview, then the presentation. */
static void
leave_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  if (self->chart != NULL && charter_gantt_chart_is_dragging (CHARTER_GANTT_CHART (self->chart)))
    charter_gantt_chart_drag_cancel (CHARTER_GANTT_CHART (self->chart));
  else if (self->overview)
    g_object_set (self, "overview", FALSE, NULL);
  else
    g_signal_emit (self, signals[LEAVE], 0);
}

/* Overrides */

static void
charter_presentation_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  gtk_widget_measure (GTK_WIDGET (self->mode_stack), orientation, for_size, minimum, natural, NULL, NULL);
  /* However much the slide holds, it fits in the window. */
  *minimum = 0;
}

static void
charter_presentation_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  /* A new height changes the type; the style sheet changes at the idle,
   * not in the middle of this allocation. */
  if (type_px_for_height (height) != self->type_px && self->type_source == 0)
    self->type_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, type_idle_cb, self, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->mode_stack), width, height, -1, NULL);
}

static void
charter_presentation_root (GtkWidget *widget)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);
  GtkRoot *root;
  int height;

  GTK_WIDGET_CLASS (charter_presentation_parent_class)->root (widget);

  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (self->type_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  /* The first frame already has the type for the window it is in. */
  root = gtk_widget_get_root (widget);
  height = gtk_widget_get_height (GTK_WIDGET (root));
  if (height <= 0)
    gtk_window_get_default_size (GTK_WINDOW (root), NULL, &height);
  if (height > 0)
    set_type_px (self, type_px_for_height (height));
}

static void
charter_presentation_unroot (GtkWidget *widget)
{
  CharterPresentation *self = CHARTER_PRESENTATION (widget);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (widget),
                                                 GTK_STYLE_PROVIDER (self->type_provider));
  GTK_WIDGET_CLASS (charter_presentation_parent_class)->unroot (widget);
}

static void
charter_presentation_dispose (GObject *object)
{
  CharterPresentation *self = (CharterPresentation *) object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->type_source, g_source_remove);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->scheduler_signals != NULL)
    g_signal_group_set_target (self->scheduler_signals, NULL);
  adw_bin_set_child (self->slide_bin, NULL);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_object (&self->graph_slide);
  g_clear_object (&self->timeline_slide);
  self->chart = NULL;
  self->canvas = NULL;
  self->timeline_summary = NULL;
  self->graph_summary = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_PRESENTATION);

  G_OBJECT_CLASS (charter_presentation_parent_class)->dispose (object);
}

static void
charter_presentation_finalize (GObject *object)
{
  CharterPresentation *self = (CharterPresentation *) object;

  g_clear_object (&self->document_signals);
  g_clear_object (&self->scheduler_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->type_provider);
  g_free (self->type_class);

  G_OBJECT_CLASS (charter_presentation_parent_class)->finalize (object);
}

static void
charter_presentation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CharterPresentation *self = CHARTER_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    case PROP_SLIDE:
      g_value_set_uint (value, self->slide);
      break;
    case PROP_N_SLIDES:
      g_value_set_uint (value, self->slides->len);
      break;
    case PROP_OVERVIEW:
      g_value_set_boolean (value, self->overview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_presentation_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CharterPresentation *self = CHARTER_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_SCHEDULER:
      self->scheduler = g_value_dup_object (value);
      break;
    case PROP_SLIDE:
      charter_presentation_set_slide (self, g_value_get_uint (value));
      break;
    case PROP_OVERVIEW:
      if (self->overview == g_value_get_boolean (value))
        break;
      self->overview = g_value_get_boolean (value);
      if (self->overview)
        rebuild_overview (self);
      show_current (self);
      if (self->overview)
        select_in_overview (self);
      else
        gtk_widget_grab_focus (GTK_WIDGET (self));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_presentation_constructed (GObject *object)
{
  CharterPresentation *self = CHARTER_PRESENTATION (object);

  G_OBJECT_CLASS (charter_presentation_parent_class)->constructed (object);

  g_signal_group_set_target (self->document_signals, self->document);
  g_signal_group_set_target (self->scheduler_signals, self->scheduler);
  rebuild (self);
}

static void
charter_presentation_class_init (CharterPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down,
                                     GDK_KEY_space, GDK_KEY_KP_Right, GDK_KEY_KP_Down };
  static const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up,
                                         GDK_KEY_BackSpace, GDK_KEY_KP_Left, GDK_KEY_KP_Up };

  object_class->constructed = charter_presentation_constructed;
  object_class->dispose = charter_presentation_dispose;
  object_class->finalize = charter_presentation_finalize;
  object_class->get_property = charter_presentation_get_property;
  object_class->set_property = charter_presentation_set_property;

  widget_class->measure = charter_presentation_measure;
  widget_class->size_allocate = charter_presentation_size_allocate;
  widget_class->root = charter_presentation_root;
  widget_class->unroot = charter_presentation_unroot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL, CHARTER_TYPE_SCHEDULER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_SLIDES] =
    g_param_spec_uint ("n-slides", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OVERVIEW] =
    g_param_spec_boolean ("overview", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CharterPresentation::leave:
   *
   * Asks to leave presentation mode (Escape, or presentation.leave).
   */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/charterapp/Charter/charter-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterPresentation, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CharterPresentation, slide_bin);
  gtk_widget_class_bind_template_child (widget_class, CharterPresentation, overview_box);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_child_activated_cb);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.goto", "i", goto_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
  gtk_widget_class_install_property_action (widget_class, "presentation.overview", "overview");

  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, next_keys[i], 0, "presentation.next", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, previous_keys[i], 0, "presentation.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "presentation.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "presentation.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "presentation.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "presentation.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presentation.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_CONTROL_MASK, "presentation.overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, 0, "presentation.overview", NULL);
  /* 1 … 9: the first nine slides. */
  for (int i = 0; i < 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0, "presentation.goto", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, 0, "presentation.goto", "i", i);
    }

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
charter_presentation_init (CharterPresentation *self)
{
  static guint count;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->slides = g_ptr_array_new_with_free_func (unref_slide);
  self->kinds = g_array_new (FALSE, FALSE, sizeof (CharterSlideKind));
  self->type_provider = gtk_css_provider_new ();
  self->type_class = g_strdup_printf ("charter-presentation-%u", ++count);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->type_class);
  set_type_px (self, (int) BODY_PX_AT_1080);

  self->document_signals = g_signal_group_new (CHARTER_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed_cb), self);
  self->scheduler_signals = g_signal_group_new (CHARTER_TYPE_SCHEDULER);
  g_signal_group_connect_swapped (self->scheduler_signals, "notify::schedule",
                                  G_CALLBACK (on_schedule_changed_cb), self);
}

/* Public API */

/**
 * charter_presentation_new:
 * @document: the document to present
 * @scheduler: its scheduler
 *
 * Returns: (transfer floating): slides of @document, live
 */
GtkWidget *
charter_presentation_new (CharterDocument  *document,
                          CharterScheduler *scheduler)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CHARTER_IS_SCHEDULER (scheduler), NULL);

  return g_object_new (CHARTER_TYPE_PRESENTATION, "document", document, "scheduler", scheduler, NULL);
}

CharterDocument *
charter_presentation_get_document (CharterPresentation *self)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), NULL);

  return self->document;
}

CharterScheduler *
charter_presentation_get_scheduler (CharterPresentation *self)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), NULL);

  return self->scheduler;
}

guint
charter_presentation_get_n_slides (CharterPresentation *self)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

guint
charter_presentation_get_slide (CharterPresentation *self)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), 0);

  return self->slide;
}

/**
 * charter_presentation_set_slide:
 * @self: a #CharterPresentation
 * @slide: the slide to show, from 0; past the last it is the last
 */
void
charter_presentation_set_slide (CharterPresentation *self,
                                guint                slide)
{
  g_return_if_fail (CHARTER_IS_PRESENTATION (self));

  if (self->slides->len == 0)
    return;
  slide = MIN (slide, self->slides->len - 1);
  if (slide == self->slide)
    return;

  self->slide = slide;
  show_current (self);
  if (self->overview)
    select_in_overview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

CharterSlideKind
charter_presentation_get_slide_kind (CharterPresentation *self,
                                     guint                slide)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), CHARTER_N_SLIDE_KINDS);

  if (slide >= self->kinds->len)
    return CHARTER_N_SLIDE_KINDS;
  return g_array_index (self->kinds, CharterSlideKind, slide);
}

GtkWidget *
charter_presentation_get_slide_widget (CharterPresentation *self,
                                       guint                slide)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), NULL);

  if (slide >= self->slides->len)
    return NULL;
  return ensure_slide (self, slide);
}

gboolean
charter_presentation_get_overview (CharterPresentation *self)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), FALSE);

  return self->overview;
}

GtkWidget *
charter_presentation_get_chart (CharterPresentation *self)
{
  g_return_val_if_fail (CHARTER_IS_PRESENTATION (self), NULL);

  return self->chart;
}

void
charter_presentation_sync (CharterPresentation *self)
{
  g_return_if_fail (CHARTER_IS_PRESENTATION (self));

  rebuild (self);
}
