/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presentation mode in a real CharterWindow (under the suite's Xvfb). */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "charter-application.h"
#include "charter-file.h"
#include "charter-gantt-chart.h"
#include "charter-gantt-chart-private.h"
#include "charter-presentation.h"
#include "charter-window.h"
#include "tests/glib-quark-leak.h"

static CharterApplication *app;

static void
spin_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static CharterDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CHARTER_SOURCE_ROOT"), "data", "examples",
                                            "workout-history.charter", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CharterDocument *document = charter_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static CharterWindow *
new_window (CharterDocument *document,
            int              width,
            int              height)
{
  CharterWindow *window = charter_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  charter_window_set_document (window, document, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (100);
  return window;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (root, type)) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static CharterPresentation *
present (CharterWindow *window)
{
  GtkWidget *presentation;

  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  presentation = find_widget (GTK_WIDGET (window), CHARTER_TYPE_PRESENTATION, NULL);
  g_assert_nonnull (presentation);
  spin_for (250);
  return CHARTER_PRESENTATION (presentation);
}

static int
find_kind (CharterPresentation *presentation,
           CharterSlideKind     kind)
{
  for (guint i = 0; i < charter_presentation_get_n_slides (presentation); i++)
    if (charter_presentation_get_slide_kind (presentation, i) == kind)
      return (int) i;
  return -1;
}

static void
activate (CharterPresentation *presentation,
          const char          *action,
          GVariant            *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (presentation), action, param));
}

/* An empty document has no slides (and says so); a document with only a
 * problem has that one; the example has every kind it holds. */
static void
test_slides_for_document (void)
{
  g_autoptr(CharterDocument) empty = charter_document_new ();
  g_autoptr(CharterDocument) example = load_example ();
  CharterWindow *window = new_window (empty, 1280, 720);
  CharterPresentation *presentation = present (window);
  static const CharterSlideKind expected[] = {
    CHARTER_SLIDE_PROBLEM, CHARTER_SLIDE_NEEDS, CHARTER_SLIDE_SPEC, CHARTER_SLIDE_GRAPH,
    CHARTER_SLIDE_TIMELINE, CHARTER_SLIDE_RISKS, CHARTER_SLIDE_CHECK_IN,
  };
  g_autoptr(CharterScopeChange) change = NULL;
  guint n;

  g_assert_cmpuint (charter_presentation_get_n_slides (presentation), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (presentation), GTK_TYPE_LABEL, "slide-title"));
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (presentation), GTK_TYPE_LABEL, "slide-title")));

  /* A problem alone: one slide, which appears live. */
  charter_document_set (empty, charter_document_get_spec (empty), "problem", "Members cannot see last week", NULL);
  charter_presentation_sync (presentation);
  g_assert_cmpuint (charter_presentation_get_n_slides (presentation), ==, 1);
  g_assert_cmpint (charter_presentation_get_slide_kind (presentation, 0), ==, CHARTER_SLIDE_PROBLEM);

  /* Escape leaves, back to the workspace shown before. */
  charter_window_set_workspace (window, "plan");
  activate (presentation, "presentation.leave", NULL);
  g_assert_null (find_widget (GTK_WIDGET (window), CHARTER_TYPE_PRESENTATION, NULL));
  g_assert_cmpstr (charter_window_get_workspace (window), ==, "plan");

  /* The example: everything but decisions (its one request is decided). */
  charter_window_set_document (window, example, NULL);
  presentation = present (window);
  n = charter_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (charter_presentation_get_slide_kind (presentation, i), ==, expected[i]);
  g_assert_cmpint (find_kind (presentation, CHARTER_SLIDE_DECISIONS), ==, -1);

  /* A pending scope change: the decisions slide comes, last. */
  change = charter_scope_change_new ("s-new");
  g_object_set (change, "what", "Export to a spreadsheet", "why", "Trainers asked", "cost", 4, NULL);
  charter_document_append (example, charter_document_get_scope_changes (example), change);
  charter_presentation_sync (presentation);
  g_assert_cmpuint (charter_presentation_get_n_slides (presentation), ==, n + 1);
  g_assert_cmpint (charter_presentation_get_slide_kind (presentation, n), ==, CHARTER_SLIDE_DECISIONS);

  /* No slide holds more than seven lines of body text. */
  for (guint i = 0; i < charter_presentation_get_n_slides (presentation); i++)
    {
      GtkWidget *slide = charter_presentation_get_slide_widget (presentation, i);
      int lines = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (slide); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "slide-body"))
          lines += gtk_label_get_lines (GTK_LABEL (child));
      g_assert_cmpint (lines, <=, 7);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
}

/* A list longer than a slide holds is cut with "and N more", within seven
 * lines; the biggest risks come first. */
static void
test_long_list (void)
{
  g_autoptr(CharterDocument) document = charter_document_new ();
  CharterWindow *window;
  CharterPresentation *presentation;
  GtkWidget *slide, *last = NULL;
  int lines = 0, n_labels = 0;

  for (int i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%d", i);
      g_autofree char *what = g_strdup_printf ("Risk number %d", i);
      g_autoptr(CharterRisk) risk = charter_risk_new (id);

      g_object_set (risk, "description", what, "probability", 10 + i * 10, "impact-days", 3, NULL);
      g_list_store_append (G_LIST_STORE (charter_document_get_risks (document)), risk);
    }
  window = new_window (document, 1280, 720);
  presentation = present (window);
  g_assert_cmpuint (charter_presentation_get_n_slides (presentation), ==, 1);
  g_assert_cmpint (charter_presentation_get_slide_kind (presentation, 0), ==, CHARTER_SLIDE_RISKS);

  slide = charter_presentation_get_slide_widget (presentation, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (slide); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "slide-body"))
      {
        if (n_labels == 0)
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child)), ==, "Risk number 5");
        lines += gtk_label_get_lines (GTK_LABEL (child));
        n_labels++;
        last = child;
      }
  g_assert_cmpint (lines, <=, 7);
  g_assert_nonnull (last);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (last)), ==, "and 3 more");

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
}

/* Present is a header-bar button with that accessible name, F5 and a
 * tooltip that says so; it waits for a document. */
static void
test_present_button (void)
{
  g_autoptr(CharterDocument) document = charter_document_new ();
  CharterWindow *window = new_window (document, 1280, 720);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.present");
  GtkWidget *button = NULL;
  g_autoptr(GQueue) queue = g_queue_new ();

  g_assert_true (g_strv_contains ((const char * const *) accels, "F5"));
  g_queue_push_tail (queue, window);
  while (!g_queue_is_empty (queue) && button == NULL)
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.present") == 0)
        button = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_ancestor (button, ADW_TYPE_HEADER_BAR));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Present");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "F5"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "present"));

  /* On the welcome page there is nothing to present. */
  charter_window_show_welcome (window);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "present"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
}

static void
test_navigation (void)
{
  g_autoptr(CharterDocument) example = load_example ();
  CharterWindow *window = new_window (example, 1280, 720);
  CharterPresentation *presentation = present (window);
  guint n = charter_presentation_get_n_slides (presentation);

  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL) &&
                  charter_presentation_get_slide (presentation) != 0);

  activate (presentation, "presentation.next", NULL);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 1);
  activate (presentation, "presentation.next", NULL);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 2);
  activate (presentation, "presentation.previous", NULL);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 1);
  activate (presentation, "presentation.last", NULL);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, n - 1);
  /* At the end, next does nothing (and is disabled). */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, n - 1);
  activate (presentation, "presentation.first", NULL);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 0);
  activate (presentation, "presentation.goto", g_variant_new_int32 (3));
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 3);
  /* The slide on screen is the one said, to the eye and to a screen reader. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (presentation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Presentation, slide 4 of 7: The Plan");
  g_assert_true (gtk_widget_get_mapped (charter_presentation_get_slide_widget (presentation, 3)));
  g_assert_false (gtk_widget_get_mapped (charter_presentation_get_slide_widget (presentation, 0)));

  /* The overview: a thumbnail per slide, the current one selected; picking
   * another shows it; Escape closes the overview first. */
  activate (presentation, "presentation.overview", NULL);
  spin_for (100);
  g_assert_true (charter_presentation_get_overview (presentation));
  {
    GtkFlowBox *box = GTK_FLOW_BOX (find_widget (GTK_WIDGET (presentation), GTK_TYPE_FLOW_BOX, NULL));
    g_autoptr(GList) selected = gtk_flow_box_get_selected_children (box);
    guint n_thumbs = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (box)); c != NULL; c = gtk_widget_get_next_sibling (c))
      n_thumbs++;
    g_assert_cmpuint (n_thumbs, ==, n);
    g_assert_nonnull (selected);
    g_assert_cmpint (gtk_flow_box_child_get_index (selected->data), ==, 3);
    g_signal_emit_by_name (box, "child-activated", gtk_flow_box_get_child_at_index (box, 1));
    g_assert_false (charter_presentation_get_overview (presentation));
    g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, 1);
  }
  activate (presentation, "presentation.overview", NULL);
  activate (presentation, "presentation.leave", NULL);
  g_assert_false (charter_presentation_get_overview (presentation));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), CHARTER_TYPE_PRESENTATION, NULL));

  activate (presentation, "presentation.leave", NULL);
  g_assert_null (find_widget (GTK_WIDGET (window), CHARTER_TYPE_PRESENTATION, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
}

static GtkLabel *
timeline_summary (CharterPresentation *presentation,
                  int                  slide)
{
  GtkWidget *label = find_widget (charter_presentation_get_slide_widget (presentation, slide),
                                  GTK_TYPE_LABEL, "slide-body");
  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

/* The timeline slide is the real chart: a bar dragged a week longer moves
 * the launch on the slide, and the window's Undo brings it back. */
/* Open (see issue 15's note): under ASan on a loaded machine the live
 * chart is sometimes asked to paint in a frame after something queued its
 * allocation, and GTK 4.8 skips it for that frame with this warning.  The
 * frame after draws it; the test still fails on any other warning. */
static gboolean
tolerate_unallocated_chart (const char     *log_domain,
                            GLogLevelFlags  log_level,
                            const char     *message,
                            gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 &&
           g_str_has_prefix (message, "Trying to snapshot CharterGanttChart ") &&
           g_str_has_suffix (message, " without a current allocation"));
}

static void
test_live_timeline (void)
{
  g_autoptr(CharterDocument) example = load_example ();
  CharterWindow *window = new_window (example, 1920, 1080);
  CharterPresentation *presentation = present (window);
  int slide = find_kind (presentation, CHARTER_SLIDE_TIMELINE);
  CharterGanttChart *chart;
  CharterTask *api;  /* Mobile: history screen, on the critical path */
  g_autofree char *before = NULL;
  graphene_rect_t bounds;
  double ppd;
  int duration;

  g_test_log_set_fatal_handler (tolerate_unallocated_chart, NULL);
  g_assert_cmpint (slide, >=, 0);
  activate (presentation, "presentation.goto", g_variant_new_int32 (slide));
  spin_for (300);
  chart = CHARTER_GANTT_CHART (charter_presentation_get_chart (presentation));
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  charter_gantt_chart_sync (chart);

  before = g_strdup (gtk_label_get_label (timeline_summary (presentation, slide)));
  g_assert_nonnull (strstr (before, "Launch "));
  g_assert_nonnull (strstr (before, "80% sure by"));

  api = charter_document_find (example, charter_document_get_tasks (example), "mobile-ui");
  duration = charter_task_get_duration (api);
  ppd = charter_gantt_chart_get_pixels_per_day (chart);
  g_assert_true (charter_gantt_chart_get_bar_bounds (chart, "mobile-ui", &bounds));
  g_assert_true (charter_gantt_chart_drag_begin (chart, bounds.origin.x + bounds.size.width - 2,
                                                 bounds.origin.y + bounds.size.height / 2));
  charter_gantt_chart_drag_update (chart, ppd * 7.2, 0);
  charter_gantt_chart_drag_end (chart);
  g_assert_cmpint (charter_task_get_duration (api), >=, duration + 5);
  spin_for (50);
  /* On the critical path: the launch on the slide moved. */
  g_assert_cmpstr (gtk_label_get_label (timeline_summary (presentation, slide)), !=, before);
  /* The chart is the same widget, still on screen, after the rebuild. */
  g_assert_true (charter_presentation_get_chart (presentation) == GTK_WIDGET (chart));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));

  /* The window's Undo (Ctrl+Z) takes the drag back, and the date. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpint (charter_task_get_duration (api), ==, duration);
  spin_for (50);
  g_assert_cmpstr (gtk_label_get_label (timeline_summary (presentation, slide)), ==, before);
  g_assert_cmpuint (charter_presentation_get_slide (presentation), ==, (guint) slide);

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
}

/* Pixels ------------------------------------------------------------------ */

typedef struct
{
  guchar *data;
  gsize   stride;
  int     width, height;
} Pixels;

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
pixels_from (Pixels     *px,
             GdkTexture *texture)
{
  px->width = gdk_texture_get_width (texture);
  px->height = gdk_texture_get_height (texture);
  px->stride = px->width * 4;
  px->data = g_malloc (px->stride * px->height);
  gdk_texture_download (texture, px->data, px->stride);
}

/* Cairo ARGB32 in memory: B, G, R, A. */
static void
pixel (const Pixels *px,
       int           x,
       int           y,
       double        rgb[3])
{
  const guchar *p = px->data + y * px->stride + x * 4;

  rgb[0] = p[2] / 255.0;
  rgb[1] = p[1] / 255.0;
  rgb[2] = p[0] / 255.0;
}

static double
luminance (const double rgb[3])
{
  double c[3];

  for (int i = 0; i < 3; i++)
    c[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (const double a[3],
          const double b[3])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The ink of a label's first line: its height in pixel rows, and the best
 * contrast of a pixel in it against the slide's background. */
static void
measure_label (const Pixels *px,
               GtkWidget    *label,
               GtkWidget    *relative_to,
               const double  bg[3],
               int          *ink_rows,
               double       *best_contrast)
{
  graphene_rect_t b;
  int x0, x1, y0, y1, first = -1, last = -1;

  g_assert_true (gtk_widget_compute_bounds (label, relative_to, &b));
  x0 = MAX (0, (int) b.origin.x);
  x1 = MIN (px->width, (int) (b.origin.x + b.size.width));
  y0 = MAX (0, (int) b.origin.y);
  y1 = MIN (px->height, (int) (b.origin.y + b.size.height));
  *best_contrast = 1;

  for (int y = y0; y < y1; y++)
    {
      gboolean ink = FALSE;

      for (int x = x0; x < x1; x++)
        {
          double rgb[3], c;

          pixel (px, x, y, rgb);
          c = contrast (rgb, bg);
          if (c > 1.5)
            ink = TRUE;
          if (c > *best_contrast)
            *best_contrast = c;
        }
      if (ink && first < 0)
        first = y;
      if (ink)
        last = y;
      else if (first >= 0)
        break;
    }
  *ink_rows = first >= 0 ? last - first + 1 : 0;
}

/* Body text on the first slide, in capitals without descenders so the ink
 * of its first line is the cap height: at least 29 px at 1080 (40 px type)
 * and in proportion at 720, at 7:1 or more in light and dark style. */
static void
check_type (int      width,
            int      height,
            gboolean dark)
{
  g_autoptr(CharterDocument) document = charter_document_new ();
  CharterSpec *spec = charter_document_get_spec (document);
  AdwStyleManager *style = adw_style_manager_get_default ();
  CharterWindow *window;
  CharterPresentation *presentation;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *slide, *body, *detail;
  Pixels px;
  double bg[3], best;
  int rows;
  double want;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  charter_document_set (document, spec, "problem", "MEMBERS LIKE THE HISTORY", NULL);
  charter_document_set (document, spec, "acuteness", "THREE IN TEN STOP", NULL);
  window = new_window (document, width, height);
  presentation = present (window);
  spin_for (200);
  /* The window's own frame may take a few pixels: the type follows the
   * height the slides get. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presentation)), >=, height - 20);
  want = 29.0 * gtk_widget_get_height (GTK_WIDGET (presentation)) / 1080.0;

  slide = charter_presentation_get_slide_widget (presentation, 0);
  body = find_widget (slide, GTK_TYPE_LABEL, "slide-body");
  detail = find_widget (slide, GTK_TYPE_LABEL, "slide-detail");
  g_assert_nonnull (body);
  g_assert_nonnull (detail);
  texture = render (GTK_WIDGET (presentation));
  pixels_from (&px, texture);
  pixel (&px, 2, 2, bg);
  g_assert_true (dark ? luminance (bg) < 0.5 : luminance (bg) > 0.5);

  measure_label (&px, body, GTK_WIDGET (presentation), bg, &rows, &best);
  g_test_message ("%d×%d %s: body cap height %d px (want ≥ %.1f), contrast %.1f:1",
                  width, height, dark ? "dark" : "light", rows, want, best);
  g_assert_cmpfloat (rows, >=, want);
  g_assert_cmpfloat (rows, <, want * 1.6);
  g_assert_cmpfloat (best, >=, 7.0);

  measure_label (&px, detail, GTK_WIDGET (presentation), bg, &rows, &best);
  g_test_message ("  detail cap height %d px, contrast %.1f:1", rows, best);
  g_assert_cmpfloat (rows, >=, want);
  g_assert_cmpfloat (best, >=, 7.0);

  g_free (px.data);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_type_1080_light (void)
{
  check_type (1920, 1080, FALSE);
}

static void
test_type_1080_dark (void)
{
  check_type (1920, 1080, TRUE);
}

static void
test_type_720_light (void)
{
  check_type (1280, 720, FALSE);
}

static void
test_type_720_dark (void)
{
  check_type (1280, 720, TRUE);
}

/* Entering presentation mode on the example: from the action to the end of
 * the first frame painted with the first slide on screen (best and worst of
 * five; the figure in docs/performance.md). */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
test_enter_time (void)
{
  g_autoptr(CharterDocument) example = load_example ();
  CharterWindow *window = new_window (example, 1920, 1080);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  double best = G_MAXDOUBLE, worst = 0;

  for (int run = 0; run < 5; run++)
    {
      gboolean painted = FALSE;
      gulong handler;
      gint64 start, deadline;
      GtkWidget *presentation;
      double ms;

      spin_for (100);
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
      start = g_get_monotonic_time ();
      deadline = start + 10 * G_USEC_PER_SEC;
      g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
      presentation = find_widget (GTK_WIDGET (window), CHARTER_TYPE_PRESENTATION, NULL);
      g_assert_nonnull (presentation);
      painted = FALSE;
      while (!(painted && gtk_widget_get_mapped (presentation)) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_signal_handler_disconnect (clock, handler);
      g_assert_true (painted);
      best = MIN (best, ms);
      worst = MAX (worst, ms);
      gtk_widget_activate_action (presentation, "presentation.leave", NULL);
    }
  g_test_message ("entering presentation mode on the example: best %.1f ms, worst %.1f ms", best, worst);
  /* The target is 300 ms; the bound here leaves room for a loaded machine. */
  g_assert_cmpfloat (best, <, 1000);

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
}

/* Screenshots of every slide of the example (CHARTER_PRESENTATION_SHOTS). */
static void
shoot (const char *dir,
       int         width,
       int         height,
       gboolean    dark)
{
  g_autoptr(CharterDocument) example = load_example ();
  g_autoptr(CharterScopeChange) change = charter_scope_change_new ("s-shot");
  AdwStyleManager *style = adw_style_manager_get_default ();
  CharterWindow *window;
  CharterPresentation *presentation;

  /* One pending request, so the decisions slide is in the pictures too. */
  g_object_set (change, "what", "Export the history to a spreadsheet",
                "why", "Personal trainers asked for it in three interviews", "cost", 4, NULL);
  g_list_store_append (G_LIST_STORE (charter_document_get_scope_changes (example)), change);

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = new_window (example, width, height);
  presentation = present (window);
  for (guint i = 0; i <= charter_presentation_get_n_slides (presentation); i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (i < charter_presentation_get_n_slides (presentation))
        {
          charter_presentation_set_slide (presentation, i);
          name = g_strdup_printf ("slide-%u-%dx%d-%s.png", i + 1, width, height, dark ? "dark" : "light");
        }
      else
        {
          g_object_set (presentation, "overview", TRUE, NULL);
          name = g_strdup_printf ("overview-%dx%d-%s.png", width, height, dark ? "dark" : "light");
        }
      spin_for (300);
      texture = render (GTK_WIDGET (presentation));
      path = g_build_filename (dir, name, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("CHARTER_PRESENTATION_SHOTS");

  if (dir == NULL)
    {
      g_test_skip ("set CHARTER_PRESENTATION_SHOTS=DIR to write the screenshots");
      return;
    }
  g_mkdir_with_parents (dir, 0755);
  shoot (dir, 1920, 1080, FALSE);
  shoot (dir, 1920, 1080, TRUE);
  shoot (dir, 1280, 720, FALSE);
  shoot (dir, 1280, 720, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = g_dir_make_tmp ("charter-presentation-XXXXXX", NULL);

  /* GLib's first quark block is not a leak (tests/glib-quark-leak.h). */
  charter_test_ignore_glib_quark_block ();

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", data, TRUE);
  g_setenv ("XDG_STATE_HOME", data, TRUE);
  /* The in-memory accessibility backend: the tests read accessible names. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = charter_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/presentation/slides-for-document", test_slides_for_document);
  g_test_add_func ("/presentation/long-list", test_long_list);
  g_test_add_func ("/presentation/present-button", test_present_button);
  g_test_add_func ("/presentation/navigation", test_navigation);
  g_test_add_func ("/presentation/live-timeline", test_live_timeline);
  g_test_add_func ("/presentation/type/1920x1080-light", test_type_1080_light);
  g_test_add_func ("/presentation/type/1920x1080-dark", test_type_1080_dark);
  g_test_add_func ("/presentation/type/1280x720-light", test_type_720_light);
  g_test_add_func ("/presentation/type/1280x720-dark", test_type_720_dark);
  g_test_add_func ("/presentation/enter-time", test_enter_time);
  g_test_add_func ("/presentation/screenshots", test_screenshots);

  return g_test_run ();
}
