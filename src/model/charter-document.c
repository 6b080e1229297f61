/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-document.c: everything a planning session produces, and the one
 * door through which it changes.
 *
 * Views read the collections (GListModels of CharterItems) and bind to the
 * items' properties; edits go through charter_document_set(),
 * charter_document_insert() and charter_document_remove(), which record each
 * change in the history so that it can be undone. */

#define G_LOG_DOMAIN "charter-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "charter-command.h"
#include "charter-document.h"
#include "charter-baseline.h"
#include "charter-check-in.h"
#include "charter-decision.h"
#include "charter-dependency.h"
#include "charter-insight.h"
#include "charter-interview.h"
#include "charter-need.h"
#include "charter-participant.h"
#include "charter-risk.h"
#include "charter-scope-change.h"
#include "charter-task.h"
#include "charter-team.h"

struct _CharterDocument
{
  GObject          parent_instance;

  /* Owned */
  GListStore      *participants;
  GListStore      *interviews;
  GListStore      *insights;
  GListStore      *needs;
  CharterSpec     *spec;
  CharterCalendar *calendar;
  GListStore      *teams;
  GListStore      *tasks;
  GListStore      *dependencies;
  GListStore      *risks;
  GListStore      *baselines;
  GListStore      *check_ins;
  GListStore      *scope_changes;
  CharterHistory  *history;
  GFile           *file;
  char            *read_only_reason;
  GHashTable      *unknown_members;
};

G_DEFINE_FINAL_TYPE (CharterDocument, charter_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GQuark index_quark;

/* Each collection keeps an id -> item index on the side, built on first use
 * and dropped whenever the collection changes, so that finding one of 10,000
 * tasks does not walk the list. */
static void
on_collection_items_changed_cb (GListModel *collection,
                                guint       position,
                                guint       removed,
                                guint       added,
                                gpointer    user_data)
{
  g_object_set_qdata (G_OBJECT (collection), index_quark, NULL);
}

static GHashTable *
get_index (GListModel *collection)
{
  GHashTable *index = g_object_get_qdata (G_OBJECT (collection), index_quark);
  guint n;

  if (index != NULL)
    return index;

  if (g_object_get_data (G_OBJECT (collection), "charter-index-watched") == NULL)
    {
      g_signal_connect (collection, "items-changed",
                        G_CALLBACK (on_collection_items_changed_cb), NULL);
      g_object_set_data (G_OBJECT (collection), "charter-index-watched", GINT_TO_POINTER (1));
    }

  n = g_list_model_get_n_items (collection);
  index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      CharterItem *item = g_list_model_get_item (collection, i);

      /* The first of duplicate ids wins; the loader refuses duplicates anyway. */
      if (!g_hash_table_contains (index, charter_item_get_id (item)))
        g_hash_table_insert (index, (gpointer) charter_item_get_id (item), item);
      else
        g_object_unref (item);
    }

  g_object_set_qdata_full (G_OBJECT (collection), index_quark, index,
                           (GDestroyNotify) g_hash_table_unref);

  return index;
}

static void
emit_changed (CharterDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_history_notify_cb (CharterDocument *self,
                      GParamSpec      *pspec,
                      CharterHistory  *history)
{
  if (g_strcmp0 (pspec->name, "can-undo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_strcmp0 (pspec->name, "can-redo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  else if (g_strcmp0 (pspec->name, "modified") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_spec_title_notify_cb (CharterDocument *self,
                         GParamSpec      *pspec,
                         CharterSpec     *spec)
{
  if (self->file == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  /* String lists are boxed, which GLib compares by pointer. */
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const empty[] = { NULL };
      const char * const *va = g_value_get_boxed (a);
      const char * const *vb = g_value_get_boxed (b);

      return g_strv_equal (va ? va : empty, vb ? vb : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static char *
make_set_label (CharterItem *item,
                GParamSpec  *pspec)
{
  const char *what = g_dgettext (GETTEXT_PACKAGE, g_param_spec_get_nick (pspec));

  if (pspec->flags & CHARTER_PARAM_DISPLAY)
    /* Translators: an Undo menu item, "Rename Backend API" */
    return g_strdup_printf (_("Rename %s"), charter_item_get_display_name (item));

  /* Translators: an Undo menu item, "Change duration of Backend API" */
  return g_strdup_printf (_("Change %s of %s"), what, charter_item_get_display_name (item));
}

/* Removes the items of @list whose string @property is @id. */
static void
remove_items_referring_to (CharterDocument *self,
                           GListModel      *list,
                           const char      *property,
                           const char      *id)
{
  for (guint i = g_list_model_get_n_items (list); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i - 1);
      g_autofree char *value = NULL;

      g_object_get (item, property, &value, NULL);
      if (g_strcmp0 (value, id) == 0)
        charter_document_remove (self, list, item);
    }
}

/* Takes @id out of the string-list @property of @item. */
static void
strip_id_from_item (CharterDocument *self,
                    gpointer         item,
                    const char      *property,
                    const char      *id)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) kept = NULL;
  g_auto(GStrv) new_ids = NULL;

  g_object_get (item, property, &ids, NULL);
  if (ids == NULL || !g_strv_contains ((const char * const *) ids, id))
    return;

  kept = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) != 0)
      g_strv_builder_add (kept, ids[i]);
  new_ids = g_strv_builder_end (kept);

  charter_document_set (self, item, property, new_ids, NULL);
}

static void
strip_id_from_list (CharterDocument *self,
                    GListModel      *list,
                    const char      *property,
                    const char      *id)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      strip_id_from_item (self, item, property, id);
    }
}

/* Removing an item removes or clears what refers to it, in the same step, so
 * that no reference ever points at nothing: a deleted task takes its
 * dependencies, baseline entries and check-in statuses with it; a deleted
 * interview its insights; a deleted need leaves the spec and the tasks. */
static void
remove_references_to (CharterDocument *self,
                      CharterItem     *item)
{
  const char *id = charter_item_get_id (item);

  if (CHARTER_IS_TASK (item))
    {
      GListModel *deps = G_LIST_MODEL (self->dependencies);
      GListModel *baselines = G_LIST_MODEL (self->baselines);
      GListModel *check_ins = G_LIST_MODEL (self->check_ins);

      remove_items_referring_to (self, deps, "predecessor", id);
      remove_items_referring_to (self, deps, "successor", id);
      strip_id_from_list (self, G_LIST_MODEL (self->risks), "task-ids", id);
      strip_id_from_list (self, G_LIST_MODEL (self->scope_changes), "task-ids", id);

      for (guint i = 0; i < g_list_model_get_n_items (baselines); i++)
        {
          g_autoptr(CharterBaseline) baseline = g_list_model_get_item (baselines, i);

          remove_items_referring_to (self, charter_baseline_get_entries (baseline), "task-id", id);
        }
      for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
        {
          g_autoptr(CharterCheckIn) check_in = g_list_model_get_item (check_ins, i);

          remove_items_referring_to (self, charter_check_in_get_statuses (check_in), "task-id", id);
        }
    }
  else if (CHARTER_IS_TEAM (item))
    {
      GListModel *tasks = G_LIST_MODEL (self->tasks);
      guint n = g_list_model_get_n_items (tasks);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CharterTask) task = g_list_model_get_item (tasks, i);

          if (g_strcmp0 (charter_task_get_team_id (task), id) == 0)
            charter_document_set (self, task, "team-id", NULL, NULL);
        }
    }
  else if (CHARTER_IS_NEED (item))
    {
      strip_id_from_item (self, self->spec, "need-ids", id);
      strip_id_from_list (self, G_LIST_MODEL (self->tasks), "serves", id);
    }
  else if (CHARTER_IS_SCOPE_CHANGE (item))
    {
      GListModel *decisions = charter_spec_get_decisions (self->spec);

      for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
        {
          g_autoptr(CharterDecision) decision = g_list_model_get_item (decisions, i);

          if (g_strcmp0 (charter_decision_get_scope_change_id (decision), id) == 0)
            charter_document_set (self, decision, "scope-change-id", NULL, NULL);
        }
    }
  else if (CHARTER_IS_INSIGHT (item))
    strip_id_from_list (self, G_LIST_MODEL (self->needs), "insight-ids", id);
  else if (CHARTER_IS_INTERVIEW (item))
    remove_items_referring_to (self, G_LIST_MODEL (self->insights), "interview-id", id);
  else if (CHARTER_IS_PARTICIPANT (item))
    remove_items_referring_to (self, G_LIST_MODEL (self->interviews), "participant-id", id);
}

static void
charter_document_dispose (GObject *object)
{
  CharterDocument *self = (CharterDocument *) object;

  /* The history holds references to items; let go of it first. */
  g_clear_object (&self->history);

  G_OBJECT_CLASS (charter_document_parent_class)->dispose (object);
}

static void
charter_document_finalize (GObject *object)
{
  CharterDocument *self = (CharterDocument *) object;

  g_clear_object (&self->participants);
  g_clear_object (&self->interviews);
  g_clear_object (&self->insights);
  g_clear_object (&self->needs);
  g_clear_object (&self->spec);
  g_clear_object (&self->calendar);
  g_clear_object (&self->teams);
  g_clear_object (&self->tasks);
  g_clear_object (&self->dependencies);
  g_clear_object (&self->risks);
  g_clear_object (&self->baselines);
  g_clear_object (&self->check_ins);
  g_clear_object (&self->scope_changes);
  g_clear_object (&self->file);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->unknown_members, g_hash_table_unref);

  G_OBJECT_CLASS (charter_document_parent_class)->finalize (object);
}

static void
charter_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CharterDocument *self = CHARTER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, charter_document_get_title (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, charter_document_get_read_only (self));
      break;

    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, charter_document_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, charter_document_get_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, charter_document_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CharterDocument *self = CHARTER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      charter_document_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_document_class_init (CharterDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = charter_document_dispose;
  object_class->finalize = charter_document_finalize;
  object_class->get_property = charter_document_get_property;
  object_class->set_property = charter_document_set_property;

  index_quark = g_quark_from_static_string ("charter-document-index");

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CharterDocument::changed:
   *
   * Emitted after every edit, undo and redo: the moment to reschedule.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
charter_document_init (CharterDocument *self)
{
  self->participants = g_list_store_new (CHARTER_TYPE_PARTICIPANT);
  self->interviews = g_list_store_new (CHARTER_TYPE_INTERVIEW);
  self->insights = g_list_store_new (CHARTER_TYPE_INSIGHT);
  self->needs = g_list_store_new (CHARTER_TYPE_NEED);
  self->spec = charter_spec_new ("spec");
  self->calendar = charter_calendar_new ("calendar");
  self->teams = g_list_store_new (CHARTER_TYPE_TEAM);
  self->tasks = g_list_store_new (CHARTER_TYPE_TASK);
  self->dependencies = g_list_store_new (CHARTER_TYPE_DEPENDENCY);
  self->risks = g_list_store_new (CHARTER_TYPE_RISK);
  self->baselines = g_list_store_new (CHARTER_TYPE_BASELINE);
  self->check_ins = g_list_store_new (CHARTER_TYPE_CHECK_IN);
  self->scope_changes = g_list_store_new (CHARTER_TYPE_SCOPE_CHANGE);
  self->history = charter_history_new ();
  self->unknown_members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) json_object_unref);

  g_signal_connect_object (self->history, "notify",
                           G_CALLBACK (on_history_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->spec, "notify::title",
                           G_CALLBACK (on_spec_title_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * charter_document_new:
 *
 * Returns: (transfer full): a new, empty document
 */
CharterDocument *
charter_document_new (void)
{
  return g_object_new (CHARTER_TYPE_DOCUMENT, NULL);
}

/**
 * charter_document_get_participants:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterParticipant list
 */
GListModel *
charter_document_get_participants (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->participants);
}

/**
 * charter_document_get_interviews:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterInterview list
 */
GListModel *
charter_document_get_interviews (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->interviews);
}

/**
 * charter_document_get_insights:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterInsight list
 */
GListModel *
charter_document_get_insights (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->insights);
}

/**
 * charter_document_get_needs:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterNeed list
 */
GListModel *
charter_document_get_needs (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->needs);
}

/**
 * charter_document_get_spec:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the one-page spec
 */
CharterSpec *
charter_document_get_spec (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return self->spec;
}

/**
 * charter_document_get_calendar:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the plan's working calendar
 */
CharterCalendar *
charter_document_get_calendar (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return self->calendar;
}

/**
 * charter_document_get_teams:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterTeam list
 */
GListModel *
charter_document_get_teams (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->teams);
}

/**
 * charter_document_get_tasks:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterTask list
 */
GListModel *
charter_document_get_tasks (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

/**
 * charter_document_get_dependencies:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterDependency list
 */
GListModel *
charter_document_get_dependencies (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->dependencies);
}

/**
 * charter_document_get_risks:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterRisk list
 */
GListModel *
charter_document_get_risks (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->risks);
}

/**
 * charter_document_get_baselines:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterBaseline list
 */
GListModel *
charter_document_get_baselines (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->baselines);
}

/**
 * charter_document_get_check_ins:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterCheckIn list
 */
GListModel *
charter_document_get_check_ins (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->check_ins);
}

/**
 * charter_document_get_scope_changes:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the #CharterScopeChange list
 */
GListModel *
charter_document_get_scope_changes (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->scope_changes);
}

/**
 * charter_document_find:
 * @self: a #CharterDocument
 * @collection: one of the document's collections, or an item's nested list
 * @id: (nullable): the id to look for
 *
 * Finds an item by id in constant time.
 *
 * Returns: (transfer none) (nullable) (type CharterItem): the item, or %NULL
 */
gpointer
charter_document_find (CharterDocument *self,
                       GListModel      *collection,
                       const char      *id)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (collection), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (get_index (collection), id);
}

/**
 * charter_document_make_id:
 * @self: a #CharterDocument
 * @collection: the collection the new item goes into
 * @prefix: the start of the id ("task")
 *
 * Returns: (transfer full): an id not used in @collection ("task-12")
 */
char *
charter_document_make_id (CharterDocument *self,
                          GListModel      *collection,
                          const char      *prefix)
{
  GHashTable *index;
  guint n;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (collection), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  index = get_index (collection);
  n = g_list_model_get_n_items (collection) + 1;
  for (;; n++)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (!g_hash_table_contains (index, id))
        return id;
      g_free (id);
    }
}

/**
 * charter_document_set_value:
 * @self: a #CharterDocument
 * @item: (type CharterItem): the item to change
 * @property: the property's name ("duration")
 * @value: the new value
 * @merge: whether the change may merge with the step before it (typing)
 *
 * Changes one property of @item as an undoable step. A value equal to the
 * current one records nothing.
 */
void
charter_document_set_value (CharterDocument *self,
                            gpointer         item,
                            const char      *property,
                            const GValue    *value,
                            gboolean         merge)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  GParamSpec *pspec;

  g_return_if_fail (CHARTER_IS_DOCUMENT (self));
  g_return_if_fail (CHARTER_IS_ITEM (item));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_if_fail (pspec != NULL);
  g_return_if_fail ((pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY));

  if (charter_document_get_read_only (self))
    {
      g_warning ("Ignoring a change to %s of %s: the document is read-only",
                 property, charter_item_get_id (item));
      return;
    }

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (item, pspec->name, &old_value);

  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    {
      g_critical ("Cannot set %s of a %s from a %s", property,
                  G_OBJECT_TYPE_NAME (item), G_VALUE_TYPE_NAME (value));
      return;
    }
  g_param_value_validate (pspec, &new_value);

  if (values_equal (pspec, &old_value, &new_value))
    return;

  g_object_set_property (item, pspec->name, &new_value);

  label = make_set_label (item, pspec);
  charter_history_push (self->history,
                        charter_command_new_set (item, pspec, &old_value, &new_value, label),
                        merge);
  emit_changed (self);
}

/**
 * charter_document_set:
 * @self: a #CharterDocument
 * @item: (type CharterItem): the item to change
 * @first_property: the name of the first property to set
 * @...: its value, then more name and value pairs, ending with %NULL
 *
 * Changes properties of @item as one undoable step, as g_object_set() would.
 */
void
charter_document_set (CharterDocument *self,
                      gpointer         item,
                      const char      *first_property,
                      ...)
{
  const char *name;
  va_list args;
  gboolean grouped = FALSE;

  g_return_if_fail (CHARTER_IS_DOCUMENT (self));
  g_return_if_fail (CHARTER_IS_ITEM (item));

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);

      if (pspec == NULL)
        {
          g_critical ("%s has no property %s", G_OBJECT_TYPE_NAME (item), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      /* Several properties set together are one step. */
      if (!grouped)
        {
          g_autofree char *label = make_set_label (item, pspec);

          charter_history_begin_group (self->history, label);
          grouped = TRUE;
        }

      charter_document_set_value (self, item, name, &value, FALSE);
    }
  va_end (args);

  if (grouped)
    charter_history_end_group (self->history);
}

/**
 * charter_document_insert:
 * @self: a #CharterDocument
 * @collection: the collection (a #GListStore of the document or of an item)
 * @position: where to insert; past the end appends
 * @item: (type CharterItem): the new item
 *
 * Adds @item as an undoable step.
 */
void
charter_document_insert (CharterDocument *self,
                         GListModel      *collection,
                         guint            position,
                         gpointer         item)
{
  g_autofree char *label = NULL;
  guint n;

  g_return_if_fail (CHARTER_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_STORE (collection));
  g_return_if_fail (CHARTER_IS_ITEM (item));

  if (charter_document_get_read_only (self))
    return;

  n = g_list_model_get_n_items (collection);
  position = MIN (position, n);
  g_list_store_insert (G_LIST_STORE (collection), position, item);

  /* Translators: an Undo menu item, "Add Backend API" */
  label = g_strdup_printf (_("Add %s"), charter_item_get_display_name (item));
  charter_history_push (self->history,
                        charter_command_new_insert (G_LIST_STORE (collection), position,
                                                    item, label),
                        FALSE);
  emit_changed (self);
}

/**
 * charter_document_append:
 * @self: a #CharterDocument
 * @collection: the collection
 * @item: (type CharterItem): the new item
 *
 * Adds @item at the end of @collection as an undoable step.
 */
void
charter_document_append (CharterDocument *self,
                         GListModel      *collection,
                         gpointer         item)
{
  charter_document_insert (self, collection, G_MAXUINT, item);
}

/**
 * charter_document_remove:
 * @self: a #CharterDocument
 * @collection: the collection that holds @item
 * @item: (type CharterItem): the item to remove
 *
 * Removes @item, and what only makes sense with it (a task's dependencies),
 * as one undoable step.
 */
void
charter_document_remove (CharterDocument *self,
                         GListModel      *collection,
                         gpointer         item)
{
  g_autoptr(CharterItem) keep = NULL;
  g_autofree char *label = NULL;
  guint position;

  g_return_if_fail (CHARTER_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_STORE (collection));
  g_return_if_fail (CHARTER_IS_ITEM (item));

  if (charter_document_get_read_only (self))
    return;

  if (!g_list_store_find (G_LIST_STORE (collection), item, &position))
    {
      g_critical ("Cannot remove %s: it is not in that collection", charter_item_get_id (item));
      return;
    }

  keep = g_object_ref (item);

  /* Translators: an Undo menu item, "Delete Backend API" */
  label = g_strdup_printf (_("Delete %s"), charter_item_get_display_name (item));
  charter_history_begin_group (self->history, label);

  remove_references_to (self, item);

  g_list_store_find (G_LIST_STORE (collection), item, &position);
  g_list_store_remove (G_LIST_STORE (collection), position);
  charter_history_push (self->history,
                        charter_command_new_remove (G_LIST_STORE (collection), position,
                                                    item, label),
                        FALSE);

  charter_history_end_group (self->history);
  emit_changed (self);
}

/**
 * charter_document_begin_group:
 * @self: a #CharterDocument
 * @label: what the whole step does ("Move Backend API")
 *
 * Starts one undoable step made of many edits, such as a drag.
 */
void
charter_document_begin_group (CharterDocument *self,
                              const char      *label)
{
  g_return_if_fail (CHARTER_IS_DOCUMENT (self));

  charter_history_begin_group (self->history, label);
}

/**
 * charter_document_end_group:
 * @self: a #CharterDocument
 *
 * Ends the step started by charter_document_begin_group().
 */
void
charter_document_end_group (CharterDocument *self)
{
  g_return_if_fail (CHARTER_IS_DOCUMENT (self));

  charter_history_end_group (self->history);
}

/**
 * charter_document_cancel_group:
 * @self: a #CharterDocument
 *
 * Reverts the edits made since charter_document_begin_group() and forgets
 * them, as Escape does during a drag.
 */
void
charter_document_cancel_group (CharterDocument *self)
{
  g_return_if_fail (CHARTER_IS_DOCUMENT (self));

  charter_history_cancel_group (self->history);
  emit_changed (self);
}

/**
 * charter_document_get_history:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none): the undo history
 */
CharterHistory *
charter_document_get_history (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * charter_document_undo:
 * @self: a #CharterDocument
 *
 * Returns: whether a step was undone
 */
gboolean
charter_document_undo (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), FALSE);

  if (!charter_history_undo (self->history))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * charter_document_redo:
 * @self: a #CharterDocument
 *
 * Returns: whether a step was redone
 */
gboolean
charter_document_redo (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), FALSE);

  if (!charter_history_redo (self->history))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * charter_document_get_can_undo:
 * @self: a #CharterDocument
 *
 * Returns: whether there is a step to undo
 */
gboolean
charter_document_get_can_undo (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), FALSE);

  return charter_history_get_can_undo (self->history);
}

/**
 * charter_document_get_can_redo:
 * @self: a #CharterDocument
 *
 * Returns: whether there is a step to redo
 */
gboolean
charter_document_get_can_redo (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), FALSE);

  return charter_history_get_can_redo (self->history);
}

/**
 * charter_document_get_modified:
 * @self: a #CharterDocument
 *
 * Returns: whether the document has changes that are not saved
 */
gboolean
charter_document_get_modified (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), FALSE);

  return charter_history_get_modified (self->history);
}

/**
 * charter_document_mark_saved:
 * @self: a #CharterDocument
 *
 * Records that the document now matches its file. Undo stays available.
 */
void
charter_document_mark_saved (CharterDocument *self)
{
  g_return_if_fail (CHARTER_IS_DOCUMENT (self));

  charter_history_mark_saved (self->history);
}

/**
 * charter_document_get_file:
 * @self: a #CharterDocument
 *
 * Returns: (transfer none) (nullable): where the document is saved
 */
GFile *
charter_document_get_file (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * charter_document_set_file:
 * @self: a #CharterDocument
 * @file: (nullable): where the document is saved
 */
void
charter_document_set_file (CharterDocument *self,
                           GFile           *file)
{
  g_return_if_fail (CHARTER_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * charter_document_get_title:
 * @self: a #CharterDocument
 *
 * The name to show for the document: its file's name, or the spec's title
 * before it is saved.
 *
 * Returns: (transfer none): the title
 */
const char *
charter_document_get_title (CharterDocument *self)
{
  const char *title;

  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      /* Interned so that the caller need not free it. */
      return g_intern_string (basename);
    }

  title = charter_spec_get_title (self->spec);
  if (title != NULL && title[0] != '\0')
    return title;

  return _("Untitled Plan");
}

/**
 * charter_document_get_read_only:
 * @self: a #CharterDocument
 *
 * Returns: whether the document may not be changed (a newer Charter wrote it)
 */
gboolean
charter_document_get_read_only (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), FALSE);

  return self->read_only_reason != NULL;
}

/**
 * charter_document_get_read_only_reason:
 * @self: a #CharterDocument
 *
 * Returns: (nullable): why the document is read-only, as a sentence
 */
const char *
charter_document_get_read_only_reason (CharterDocument *self)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);

  return self->read_only_reason;
}

/**
 * charter_document_set_read_only:
 * @self: a #CharterDocument
 * @reason: (nullable): why the document may not be changed, or %NULL to allow changes
 */
void
charter_document_set_read_only (CharterDocument *self,
                                const char      *reason)
{
  gboolean was_read_only;

  g_return_if_fail (CHARTER_IS_DOCUMENT (self));

  if (g_strcmp0 (self->read_only_reason, reason) == 0)
    return;

  was_read_only = charter_document_get_read_only (self);
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY_REASON]);
  if (was_read_only != charter_document_get_read_only (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * charter_document_get_unknown_members:
 * @self: a #CharterDocument
 * @section: "" for the top level, or "discovery" or "plan"
 *
 * Returns: (transfer none) (nullable): members of @section this version does not know
 */
JsonObject *
charter_document_get_unknown_members (CharterDocument *self,
                                      const char      *section)
{
  g_return_val_if_fail (CHARTER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  return g_hash_table_lookup (self->unknown_members, section);
}

/**
 * charter_document_set_unknown_members:
 * @self: a #CharterDocument
 * @section: "" for the top level, or "discovery" or "plan"
 * @members: (nullable): the members to keep and write back
 */
void
charter_document_set_unknown_members (CharterDocument *self,
                                      const char      *section,
                                      JsonObject      *members)
{
  g_return_if_fail (CHARTER_IS_DOCUMENT (self));
  g_return_if_fail (section != NULL);

  if (members == NULL)
    g_hash_table_remove (self->unknown_members, section);
  else
    g_hash_table_insert (self->unknown_members, g_strdup (section), json_object_ref (members));
}
