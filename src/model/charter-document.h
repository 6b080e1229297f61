/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "charter-item.h"
#include "charter-history.h"
#include "charter-calendar.h"
#include "charter-spec.h"

G_BEGIN_DECLS

#define CHARTER_TYPE_DOCUMENT (charter_document_get_type ())

G_DECLARE_FINAL_TYPE (CharterDocument, charter_document, CHARTER, DOCUMENT, GObject)

CharterDocument *charter_document_new                 (void);

/* Discovery */
GListModel      *charter_document_get_participants    (CharterDocument *self);
GListModel      *charter_document_get_interviews      (CharterDocument *self);
GListModel      *charter_document_get_insights        (CharterDocument *self);
GListModel      *charter_document_get_needs           (CharterDocument *self);

/* Spec */
CharterSpec     *charter_document_get_spec            (CharterDocument *self);

/* Plan */
CharterCalendar *charter_document_get_calendar        (CharterDocument *self);
GListModel      *charter_document_get_teams           (CharterDocument *self);
GListModel      *charter_document_get_tasks           (CharterDocument *self);
GListModel      *charter_document_get_dependencies    (CharterDocument *self);
GListModel      *charter_document_get_risks           (CharterDocument *self);
GListModel      *charter_document_get_baselines       (CharterDocument *self);
GListModel      *charter_document_get_check_ins       (CharterDocument *self);
GListModel      *charter_document_get_scope_changes   (CharterDocument *self);

/* Finding things */
gpointer         charter_document_find                (CharterDocument *self,
                                                       GListModel      *collection,
                                                       const char      *id);
char            *charter_document_make_id             (CharterDocument *self,
                                                       GListModel      *collection,
                                                       const char      *prefix);

/* Editing: every change a person makes goes through these, so it can be undone. */
void             charter_document_set                 (CharterDocument *self,
                                                       gpointer         item,
                                                       const char      *first_property,
                                                       ...) G_GNUC_NULL_TERMINATED;
void             charter_document_set_value           (CharterDocument *self,
                                                       gpointer         item,
                                                       const char      *property,
                                                       const GValue    *value,
                                                       gboolean         merge);
void             charter_document_insert              (CharterDocument *self,
                                                       GListModel      *collection,
                                                       guint            position,
                                                       gpointer         item);
void             charter_document_append              (CharterDocument *self,
                                                       GListModel      *collection,
                                                       gpointer         item);
void             charter_document_remove              (CharterDocument *self,
                                                       GListModel      *collection,
                                                       gpointer         item);
void             charter_document_begin_group         (CharterDocument *self,
                                                       const char      *label);
void             charter_document_end_group           (CharterDocument *self);
void             charter_document_cancel_group        (CharterDocument *self);

/* Undo and redo */
CharterHistory  *charter_document_get_history         (CharterDocument *self);
gboolean         charter_document_undo                (CharterDocument *self);
gboolean         charter_document_redo                (CharterDocument *self);
gboolean         charter_document_get_can_undo        (CharterDocument *self);
gboolean         charter_document_get_can_redo        (CharterDocument *self);
gboolean         charter_document_get_modified        (CharterDocument *self);
void             charter_document_mark_saved          (CharterDocument *self);

/* Where it lives and whether it may be changed */
GFile           *charter_document_get_file            (CharterDocument *self);
void             charter_document_set_file            (CharterDocument *self,
                                                       GFile           *file);
const char      *charter_document_get_title           (CharterDocument *self);
gboolean         charter_document_get_read_only       (CharterDocument *self);
const char      *charter_document_get_read_only_reason (CharterDocument *self);
void             charter_document_set_read_only       (CharterDocument *self,
                                                       const char      *reason);

/* What a newer Charter wrote that this one does not know, kept for saving. */
JsonObject      *charter_document_get_unknown_members (CharterDocument *self,
                                                       const char      *section);
void             charter_document_set_unknown_members (CharterDocument *self,
                                                       const char      *section,
                                                       JsonObject      *members);

G_END_DECLS
