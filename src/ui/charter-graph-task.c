/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-graph-task.c: one task on the dependency graph.
 *
 * A small widget so that each task is a real accessible object (its name is
 * the task's name, its description says team, duration, dates and marks) and
 * can hold keyboard focus. The canvas places it, scales it with the zoom and
 * handles every pointer gesture; this widget only draws: a card with the
 * team's colour, the name, duration and dates, and text badges for critical,
 * cycle and missed deadline (never colour alone). Milestones are diamonds. */

#define G_LOG_DOMAIN "charter-graph-task"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-graph-task.h"
#include "charter-style.h"

struct _CharterGraphTask
{
  GtkWidget    parent_instance;

  /* Owned */
  char        *task_id;
  char        *name;
  char        *team_name;
  char        *dates;
  char        *links;      /* "after …; before …", for the screen reader */
  PangoLayout *name_layout;
  PangoLayout *details_layout;
  GPtrArray   *badges;       /* PangoLayout */
  GArray      *badge_kinds;  /* guint: which badge */
  GdkRGBA      team_color;
  int          duration;
  gboolean     milestone;
  gboolean     critical;
  gboolean     in_cycle;
  gboolean     missed_deadline;

  /* Named colours of the style sheet, read again when the style changes */
  gboolean     colors_valid;
  GdkRGBA      badge_critical;
  GdkRGBA      badge_critical_text;
  GdkRGBA      badge_cycle;
  GdkRGBA      badge_cycle_text;
  GdkRGBA      badge_late;
  GdkRGBA      badge_late_text;
  GdkRGBA      handle;
  GdkRGBA      handle_fill;
};

G_DEFINE_FINAL_TYPE (CharterGraphTask, charter_graph_task, GTK_TYPE_WIDGET)

enum {
  BADGE_CRITICAL,
  BADGE_CYCLE,
  BADGE_LATE,
};

#define BAR_WIDTH     10.0
#define PAD_LEFT      20.0
#define PAD_RIGHT     20.0
#define PAD_TOP       8.0
#define DIAMOND       44.0
#define HANDLE_RADIUS 9.0

static PangoLayout *
make_layout (CharterGraphTask *self,
             const char       *text,
             int               pixel_size,
             gboolean          bold,
             int               width,
             int               lines)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, "Cantarell, Sans");
  pango_font_description_set_absolute_size (desc, pixel_size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -lines);
    }

  return layout;
}

static double
text_left (CharterGraphTask *self)
{
  return self->milestone ? DIAMOND + 14 : PAD_LEFT;
}

static void
rebuild_layouts (CharterGraphTask *self)
{
  g_autofree char *details = NULL;
  int width = CHARTER_GRAPH_TASK_WIDTH - text_left (self) - PAD_RIGHT;

  g_clear_object (&self->name_layout);
  g_clear_object (&self->details_layout);
  g_ptr_array_set_size (self->badges, 0);
  g_array_set_size (self->badge_kinds, 0);

  self->name_layout = make_layout (self, self->name ? self->name : "", 18, TRUE, width, 2);

  if (self->milestone)
    details = g_strdup (self->dates ? self->dates : _("Milestone"));
  else if (self->dates)
    /* Translators: a task's duration and dates on the dependency graph, "10 d · 3 Mar – 14 Mar" */
    details = g_strdup_printf (_("%d d · %s"), self->duration, self->dates);
  else
    details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                            self->duration),
                               self->duration);
  self->details_layout = make_layout (self, details, 15, FALSE, width, 1);

#define ADD_BADGE(kind, text) \
  G_STMT_START { \
    guint k = kind; \
    g_ptr_array_add (self->badges, make_layout (self, text, 13, TRUE, -1, 1)); \
    g_array_append_val (self->badge_kinds, k); \
  } G_STMT_END

  /* Short words, the most urgent first, so that two fit side by side;
   * the accessible description spells them out. */
  if (self->in_cycle)
    ADD_BADGE (BADGE_CYCLE, _("IN A CYCLE"));
  if (self->missed_deadline)
    /* Translators: a badge on a task that finishes after its deadline */
    ADD_BADGE (BADGE_LATE, _("LATE"));
  if (self->critical)
    ADD_BADGE (BADGE_CRITICAL, _("CRITICAL"));
#undef ADD_BADGE
}

static void
update_accessible (CharterGraphTask *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->milestone)
    g_string_append (description, _("Milestone"));
  else
    g_string_append_printf (description,
                            g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                         self->duration),
                            self->duration);
  if (self->team_name && *self->team_name)
    g_string_append_printf (description, ", %s", self->team_name);
  if (self->dates)
    g_string_append_printf (description, ", %s", self->dates);
  if (self->critical)
    g_string_append_printf (description, ", %s", _("critical"));
  if (self->in_cycle)
    g_string_append_printf (description, ", %s", _("in a dependency cycle"));
  if (self->missed_deadline)
    g_string_append_printf (description, ", %s", _("misses its deadline"));
  if (self->links && *self->links)
    g_string_append_printf (description, "; %s", self->links);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->name ? self->name : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
append_circle (GtkSnapshot   *snapshot,
               double         cx,
               double         cy,
               double         radius,
               const GdkRGBA *fill,
               const GdkRGBA *stroke,
               double         stroke_width)
{
  GskRoundedRect rect;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  float widths[4] = { stroke_width, stroke_width, stroke_width, stroke_width };
  GdkRGBA colors[4] = { *stroke, *stroke, *stroke, *stroke };

  gsk_rounded_rect_init_from_rect (&rect, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, fill, &bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

static void
load_colors (CharterGraphTask *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  charter_style_lookup_color (widget, "graph_badge_critical", &self->badge_critical);
  charter_style_lookup_color (widget, "graph_badge_critical_text", &self->badge_critical_text);
  charter_style_lookup_color (widget, "graph_badge_cycle", &self->badge_cycle);
  charter_style_lookup_color (widget, "graph_badge_cycle_text", &self->badge_cycle_text);
  charter_style_lookup_color (widget, "graph_badge_late", &self->badge_late);
  charter_style_lookup_color (widget, "graph_badge_late_text", &self->badge_late_text);
  charter_style_lookup_color (widget, "graph_handle", &self->handle);
  charter_style_lookup_color (widget, "graph_handle_fill", &self->handle_fill);
  self->colors_valid = TRUE;
}

static void
charter_graph_task_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CharterGraphTask *self = CHARTER_GRAPH_TASK (widget);
  /* The canvas allocates the task at its size on screen; draw at the size
   * the layout uses, scaled to fit. */
  double scale = gtk_widget_get_width (widget) / (double) CHARTER_GRAPH_TASK_WIDTH;
  double width = CHARTER_GRAPH_TASK_WIDTH;
  double height = CHARTER_GRAPH_TASK_HEIGHT;
  double left = text_left (self);
  GdkRGBA fg;
  int name_h, details_h;
  double y;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  if (!self->colors_valid)
    load_colors (self);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, scale, scale);

  if (self->milestone)
    {
      /* A diamond in the team's colour, outlined so that light colours show. */
      double cx = 6 + DIAMOND / 2;
      double cy = height / 2;
      double side = DIAMOND / G_SQRT2;
      graphene_rect_t square = GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side);
      GskRoundedRect rect;
      float widths[4] = { 3, 3, 3, 3 };
      GdkRGBA colors[4] = { fg, fg, fg, fg };

      gsk_rounded_rect_init_from_rect (&rect, &square, 2);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, &self->team_color, &square);
      gtk_snapshot_append_border (snapshot, &rect, widths, colors);
      gtk_snapshot_restore (snapshot);
    }
  else
    {
      /* The team's colour as a band down the left of the card. */
      GskRoundedRect clip;
      graphene_rect_t card = GRAPHENE_RECT_INIT (0, 0, width, height);

      gsk_rounded_rect_init_from_rect (&clip, &card, 12);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &self->team_color,
                                 &GRAPHENE_RECT_INIT (0, 0, BAR_WIDTH, height));
      gtk_snapshot_pop (snapshot);
    }

  pango_layout_get_pixel_size (self->name_layout, NULL, &name_h);
  pango_layout_get_pixel_size (self->details_layout, NULL, &details_h);

  y = PAD_TOP;
  if (self->milestone)
    y = MAX (4, (height - name_h - details_h - (self->badges->len ? 24 : 0)) / 2);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, y));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &fg);
  gtk_snapshot_restore (snapshot);
  y += name_h + 3;

  {
    GdkRGBA dim = fg;

    dim.alpha *= 0.85;
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, y));
    gtk_snapshot_append_layout (snapshot, self->details_layout, &dim);
    gtk_snapshot_restore (snapshot);
  }

  /* Badges along the bottom: words, with colour only as a second cue. */
  {
    double bx = left;
    double by = self->milestone ? y + details_h + 4 : height - 27;

    for (guint i = 0; i < self->badges->len; i++)
      {
        PangoLayout *layout = g_ptr_array_index (self->badges, i);
        guint kind = g_array_index (self->badge_kinds, guint, i);
        GdkRGBA bg, text;
        GskRoundedRect pill;
        int bw, bh;

        switch (kind)
          {
          case BADGE_CRITICAL:
            bg = self->badge_critical;
            text = self->badge_critical_text;
            break;
          case BADGE_CYCLE:
            bg = self->badge_cycle;
            text = self->badge_cycle_text;
            break;
          case BADGE_LATE:
          default:
            bg = self->badge_late;
            text = self->badge_late_text;
            break;
          }

        pango_layout_get_pixel_size (layout, &bw, &bh);
        if (bx + bw + 12 > width - PAD_RIGHT + 10)
          break;
        gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (bx, by, bw + 12, bh + 4), 5);
        gtk_snapshot_push_rounded_clip (snapshot, &pill);
        gtk_snapshot_append_color (snapshot, &bg, &pill.bounds);
        gtk_snapshot_pop (snapshot);
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (bx + 6, by + 2));
        gtk_snapshot_append_layout (snapshot, layout, &text);
        gtk_snapshot_restore (snapshot);
        bx += bw + 12 + 6;
      }
  }

  /* The link handle: drag it onto another task to add a dependency. */
  append_circle (snapshot, width, height / 2, HANDLE_RADIUS, &self->handle_fill, &self->handle, 2.5);
  append_circle (snapshot, width, height / 2, 3.5, &self->handle, &self->handle, 0);

  gtk_snapshot_restore (snapshot);
}

static void
charter_graph_task_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Any size: the canvas scales tasks with its zoom. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? CHARTER_GRAPH_TASK_WIDTH
                                                       : CHARTER_GRAPH_TASK_HEIGHT;
}

static void
charter_graph_task_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  CharterGraphTask *self = CHARTER_GRAPH_TASK (widget);

  GTK_WIDGET_CLASS (charter_graph_task_parent_class)->css_changed (widget, change);

  /* Layouts follow the widget's Pango context (font options, scale); the
   * colours the dark style and projector mode. */
  rebuild_layouts (self);
  self->colors_valid = FALSE;
}

static void
charter_graph_task_finalize (GObject *object)
{
  CharterGraphTask *self = (CharterGraphTask *) object;

  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->team_name, g_free);
  g_clear_pointer (&self->dates, g_free);
  g_clear_pointer (&self->links, g_free);
  g_clear_object (&self->name_layout);
  g_clear_object (&self->details_layout);
  g_clear_pointer (&self->badges, g_ptr_array_unref);
  g_clear_pointer (&self->badge_kinds, g_array_unref);

  G_OBJECT_CLASS (charter_graph_task_parent_class)->finalize (object);
}

static void
charter_graph_task_class_init (CharterGraphTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = charter_graph_task_finalize;

  widget_class->snapshot = charter_graph_task_snapshot;
  widget_class->measure = charter_graph_task_measure;
  widget_class->css_changed = charter_graph_task_css_changed;

  gtk_widget_class_set_css_name (widget_class, "graphtask");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
charter_graph_task_init (CharterGraphTask *self)
{
  self->badges = g_ptr_array_new_with_free_func (g_object_unref);
  self->badge_kinds = g_array_new (FALSE, FALSE, sizeof (guint));
  self->duration = 1;
  gdk_rgba_parse (&self->team_color, "#999999");

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The canvas does all hit testing and picks tasks itself. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  rebuild_layouts (self);
}

GtkWidget *
charter_graph_task_new (const char *task_id)
{
  CharterGraphTask *self = g_object_new (CHARTER_TYPE_GRAPH_TASK, NULL);

  self->task_id = g_strdup (task_id);

  return GTK_WIDGET (self);
}

const char *
charter_graph_task_get_task_id (CharterGraphTask *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_TASK (self), NULL);

  return self->task_id;
}

/**
 * charter_graph_task_set_task_id:
 * @self: a #CharterGraphTask
 * @task_id: (nullable): the task it shows now
 *
 * Gives the widget to another task: the canvas keeps widgets only for the
 * tasks in view and hands them on as the view moves.
 */
void
charter_graph_task_set_task_id (CharterGraphTask *self,
                                const char       *task_id)
{
  g_return_if_fail (CHARTER_IS_GRAPH_TASK (self));

  g_free (self->task_id);
  self->task_id = g_strdup (task_id);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/**
 * charter_graph_task_update:
 * @self: a #CharterGraphTask
 * @info: what to show
 *
 * Shows @info; redraws only when something changed.
 */
void
charter_graph_task_update (CharterGraphTask           *self,
                           const CharterGraphTaskInfo *info)
{
  gboolean changed = FALSE;

  g_return_if_fail (CHARTER_IS_GRAPH_TASK (self));

  changed |= set_string (&self->name, info->name);
  changed |= set_string (&self->team_name, info->team_name);
  changed |= set_string (&self->dates, info->dates);
  if (!gdk_rgba_equal (&self->team_color, &info->team_color))
    {
      self->team_color = info->team_color;
      changed = TRUE;
    }
#define SET_FIELD(field) \
  if (self->field != info->field) \
    { \
      self->field = info->field; \
      changed = TRUE; \
    }
  SET_FIELD (duration);
  SET_FIELD (milestone);
  SET_FIELD (critical);
  SET_FIELD (in_cycle);
  SET_FIELD (missed_deadline);
#undef SET_FIELD

  /* The links are only heard, not drawn: no new layouts for them. */
  if (!changed)
    {
      if (set_string (&self->links, info->links))
        update_accessible (self);
      return;
    }
  set_string (&self->links, info->links);

  if (self->milestone)
    gtk_widget_add_css_class (GTK_WIDGET (self), "milestone");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "milestone");
  if (self->critical)
    gtk_widget_add_css_class (GTK_WIDGET (self), "critical");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "critical");
  if (self->in_cycle || self->missed_deadline)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");

  rebuild_layouts (self);
  /* A long name is cut with "…" on the card: the tooltip has all of it
   * (the canvas shows it, since it picks tasks itself). Set before the
   * accessible description, which setting a tooltip would replace. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->name);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
charter_graph_task_get_name (CharterGraphTask *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_TASK (self), NULL);

  return self->name;
}

/* What the screen reader hears of the task's arrows, as last set. */
const char *
charter_graph_task_get_links (CharterGraphTask *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_TASK (self), NULL);

  return self->links;
}

gboolean
charter_graph_task_get_critical (CharterGraphTask *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_TASK (self), FALSE);

  return self->critical;
}

gboolean
charter_graph_task_get_in_cycle (CharterGraphTask *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_TASK (self), FALSE);

  return self->in_cycle;
}

gboolean
charter_graph_task_get_missed_deadline (CharterGraphTask *self)
{
  g_return_val_if_fail (CHARTER_IS_GRAPH_TASK (self), FALSE);

  return self->missed_deadline;
}
