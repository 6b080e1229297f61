/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-start-date-editor.c: a popover that sets the day work on the plan
 * starts (the calendar's "start"). Choosing a day is one undoable step. The
 * one editor of the start: the window's Project Start… and the Calendar
 * place of Program both hold one, and every change of the start goes
 * through charter_start_date_editor_apply(), so the two cannot disagree.
 *
 * Also "today" for the application: the real clock, unless CHARTER_TODAY
 * (YYYY-MM-DD) fixes it, as the tests do. */

#define G_LOG_DOMAIN "charter-start-date-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "charter-start-date-editor.h"
#include "charter-accessible.h"
#include "charter-editor-session.h"

struct _CharterStartDateEditor
{
  GtkPopover       parent_instance;

  /* Template widgets */
  GtkCalendar     *calendar;
  GtkLabel        *summary_label;

  /* Owned */
  CharterDocument *document;
  GSignalGroup    *calendar_signals;

  guint            syncing : 1;
};

G_DEFINE_FINAL_TYPE (CharterStartDateEditor, charter_start_date_editor, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  g_date_clear (date, 1);
  if (iso == NULL)
    return FALSE;
  g_date_set_parse (date, iso);
  /* g_date_set_parse accepts much; only YYYY-MM-DD is a start. */
  return g_date_valid (date) && strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-';
}

static void
sync_from_document (CharterStartDateEditor *self)
{
  CharterCalendar *calendar;
  const char *start;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GDate date;

  if (self->document == NULL)
    return;

  calendar = charter_document_get_calendar (self->document);
  start = charter_calendar_get_start (calendar);

  if (parse_date (start, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);

      self->syncing = TRUE;
      gtk_calendar_select_day (self->calendar, dt);
      self->syncing = FALSE;
      shown = charter_format_start_date (start);
      /* Translators: in the project start popover, "Work starts on Fri 4 Dec 2026." */
      text = g_strdup_printf (_("Work starts on %s."), shown);
    }
  else
    text = g_strdup (_("No start is set yet. Choose the day work starts."));

  gtk_label_set_text (self->summary_label, text);
}

/* Callbacks */

static void
on_calendar_notify_cb (CharterStartDateEditor *self)
{
  sync_from_document (self);
}

static void
on_calendar_day_selected_cb (CharterStartDateEditor *self,
                             GtkCalendar            *calendar)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing || self->document == NULL)
    return;

  dt = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  charter_start_date_editor_apply (self, iso, NULL);
}

/* Overrides */

static void
charter_start_date_editor_dispose (GObject *object)
{
  CharterStartDateEditor *self = CHARTER_START_DATE_EDITOR (object);

  if (self->calendar_signals != NULL)
    g_signal_group_set_target (self->calendar_signals, NULL);
  g_clear_object (&self->calendar_signals);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHARTER_TYPE_START_DATE_EDITOR);

  G_OBJECT_CLASS (charter_start_date_editor_parent_class)->dispose (object);
}

static void
charter_start_date_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CharterStartDateEditor *self = CHARTER_START_DATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_start_date_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CharterStartDateEditor *self = CHARTER_START_DATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      charter_start_date_editor_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_start_date_editor_class_init (CharterStartDateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = charter_start_date_editor_dispose;
  object_class->get_property = charter_start_date_editor_get_property;
  object_class->set_property = charter_start_date_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHARTER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/charterapp/Charter/charter-start-date-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CharterStartDateEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, CharterStartDateEditor, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
}

static void
charter_start_date_editor_init (CharterStartDateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  charter_accessible_repair (GTK_WIDGET (self));

  self->calendar_signals = g_signal_group_new (CHARTER_TYPE_CALENDAR);
  g_signal_group_connect_swapped (self->calendar_signals, "notify::start",
                                  G_CALLBACK (on_calendar_notify_cb), self);
}

/* Public API */

GtkWidget *
charter_start_date_editor_new (void)
{
  return g_object_new (CHARTER_TYPE_START_DATE_EDITOR, NULL);
}

CharterDocument *
charter_start_date_editor_get_document (CharterStartDateEditor *self)
{
  g_return_val_if_fail (CHARTER_IS_START_DATE_EDITOR (self), NULL);

  return self->document;
}

/**
 * charter_start_date_editor_set_document:
 * @self: a #CharterStartDateEditor
 * @document: (nullable): the document whose start it edits
 */
void
charter_start_date_editor_set_document (CharterStartDateEditor *self,
                                        CharterDocument        *document)
{
  g_return_if_fail (CHARTER_IS_START_DATE_EDITOR (self));
  g_return_if_fail (document == NULL || CHARTER_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->calendar_signals,
                             document != NULL ? charter_document_get_calendar (document) : NULL);
  sync_from_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * charter_start_date_editor_apply:
 * @self: a #CharterStartDateEditor with a document
 * @text: the new start as YYYY-MM-DD, or "" for none (the plan starts today)
 * @refusal: (out) (optional) (transfer full): why @text was refused, or %NULL
 *
 * Changes the project start of the editor's document as one undo step
 * ("Change the project start"), or refuses a text that is not a date. The
 * only way Charter changes the start, whichever view asks.
 *
 * Returns: %FALSE when @text was refused
 */
gboolean
charter_start_date_editor_apply (CharterStartDateEditor  *self,
                                 const char              *text,
                                 char                   **refusal)
{
  CharterCalendar *calendar;
  GDate date;

  g_return_val_if_fail (CHARTER_IS_START_DATE_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (refusal != NULL)
    *refusal = NULL;
  if (*text != '\0' && !charter_editor_parse_date (text, &date))
    {
      if (refusal != NULL)
        *refusal = g_strdup_printf (_("“%s” is not a date: write the project start as YYYY-MM-DD"), text);
      return FALSE;
    }
  if (self->document == NULL)
    return TRUE;

  calendar = charter_document_get_calendar (self->document);
  if (g_strcmp0 (*text ? text : NULL, charter_calendar_get_start (calendar)) == 0)
    return TRUE;
  charter_document_begin_group (self->document, _("Change the project start"));
  charter_document_set (self->document, calendar, "start", *text ? text : NULL, NULL);
  charter_document_end_group (self->document);
  return TRUE;
}

/**
 * charter_today:
 * @today: (out caller-allocates): set to today's date
 *
 * Today in local time, or the day CHARTER_TODAY (YYYY-MM-DD) names, so that
 * tests can fix it.
 */
void
charter_today (GDate *today)
{
  const char *fixed = g_getenv ("CHARTER_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && parse_date (fixed, today))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * charter_next_working_day:
 * @calendar: the plan's calendar: its working days and holidays
 * @after: a day
 *
 * Returns: (transfer full): the first working day after @after, as YYYY-MM-DD
 */
char *
charter_next_working_day (CharterCalendar *calendar,
                          const GDate     *after)
{
  CharterWeekdays working = charter_calendar_get_working_days (calendar);
  const char * const *holidays = charter_calendar_get_holidays (calendar);
  GDate day = *after;

  if ((working & 0x7f) == 0)
    working = CHARTER_WEEKDAYS_WORKWEEK;

  /* A year is more than enough to pass any run of holidays. */
  for (guint i = 0; i < 366; i++)
    {
      char iso[11];
      /* GDateWeekday: Monday 1 … Sunday 7; CharterWeekdays: Monday 1 << 0. */
      guint bit;

      g_date_add_days (&day, 1);
      bit = 1u << (g_date_get_weekday (&day) - 1);
      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                  g_date_get_day (&day));
      if ((working & bit) != 0 && (holidays == NULL || !g_strv_contains (holidays, iso)))
        return g_strdup (iso);
    }

  g_date_add_days (&day, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

/**
 * charter_format_start_date:
 * @iso_date: a day as YYYY-MM-DD
 *
 * Returns: (transfer full): the day as people read it, "Fri 4 Dec 2026"
 */
char *
charter_format_start_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!parse_date (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");

  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              12, 0, 0);
  /* Translators: a day, as strftime: "Fri 4 Dec 2026" */
  return g_date_time_format (dt, _("%a %-d %b %Y"));
}
