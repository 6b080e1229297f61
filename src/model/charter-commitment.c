/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "charter-commitment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charter-commitment.h"

struct _CharterCommitment
{
  CharterItem parent_instance;

  char *start;
  char *finish;
  char *reason;
};

G_DEFINE_FINAL_TYPE (CharterCommitment, charter_commitment, CHARTER_TYPE_ITEM)

enum {
  PROP_0,
  PROP_START,
  PROP_FINISH,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
charter_commitment_get_display_name (CharterItem *item)
{
  return CHARTER_COMMITMENT (item)->reason;
}

static void
charter_commitment_finalize (GObject *object)
{
  CharterCommitment *self = (CharterCommitment *) object;

  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->finish, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (charter_commitment_parent_class)->finalize (object);
}

static void
charter_commitment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CharterCommitment *self = CHARTER_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_FINISH:
      g_value_set_string (value, self->finish);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_commitment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CharterCommitment *self = CHARTER_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_START:
      charter_commitment_set_start (self, g_value_get_string (value));
      break;

    case PROP_FINISH:
      charter_commitment_set_finish (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      charter_commitment_set_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
charter_commitment_class_init (CharterCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CharterItemClass *item_class = CHARTER_ITEM_CLASS (klass);

  object_class->finalize = charter_commitment_finalize;
  object_class->get_property = charter_commitment_get_property;
  object_class->set_property = charter_commitment_set_property;

  item_class->get_display_name = charter_commitment_get_display_name;

  /**
   * CharterCommitment:start:
   *
   * The first day the team is busy.
   */
  properties[PROP_START] =
    g_param_spec_string ("start", N_("start"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DATE));

  /**
   * CharterCommitment:finish:
   *
   * The last day the team is busy (inclusive).
   */
  properties[PROP_FINISH] =
    g_param_spec_string ("finish", N_("finish"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_REQUIRED | CHARTER_PARAM_DATE));

  /**
   * CharterCommitment:reason:
   *
   * What the team is busy with.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", N_("reason"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | CHARTER_PARAM_DISPLAY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
charter_commitment_init (CharterCommitment *self)
{
}

/**
 * charter_commitment_new:
 * @id: the id of the new commitment
 *
 * Returns: (transfer full): a new #CharterCommitment
 */
CharterCommitment *
charter_commitment_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHARTER_TYPE_COMMITMENT, "id", id, NULL);
}

/**
 * charter_commitment_get_start:
 * @self: a #CharterCommitment
 *
 * Returns: (transfer none) (nullable): the first day the team is busy.
 */
const char *
charter_commitment_get_start (CharterCommitment *self)
{
  g_return_val_if_fail (CHARTER_IS_COMMITMENT (self), NULL);

  return self->start;
}

/**
 * charter_commitment_set_start:
 * @self: a #CharterCommitment
 * @start: (nullable) the new value
 *
 * Sets the start; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_commitment_set_start (CharterCommitment *self,
                              const char        *start)
{
  g_return_if_fail (CHARTER_IS_COMMITMENT (self));

  if (g_strcmp0 (self->start, start) == 0)
    return;

  g_free (self->start);
  self->start = (start != NULL && start[0] != '\0') ? g_strdup (start) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * charter_commitment_get_finish:
 * @self: a #CharterCommitment
 *
 * Returns: (transfer none) (nullable): the last day the team is busy (inclusive).
 */
const char *
charter_commitment_get_finish (CharterCommitment *self)
{
  g_return_val_if_fail (CHARTER_IS_COMMITMENT (self), NULL);

  return self->finish;
}

/**
 * charter_commitment_set_finish:
 * @self: a #CharterCommitment
 * @finish: (nullable) the new value
 *
 * Sets the finish; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_commitment_set_finish (CharterCommitment *self,
                               const char        *finish)
{
  g_return_if_fail (CHARTER_IS_COMMITMENT (self));

  if (g_strcmp0 (self->finish, finish) == 0)
    return;

  g_free (self->finish);
  self->finish = (finish != NULL && finish[0] != '\0') ? g_strdup (finish) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISH]);
}

/**
 * charter_commitment_get_reason:
 * @self: a #CharterCommitment
 *
 * Returns: (transfer none) (nullable): what the team is busy with.
 */
const char *
charter_commitment_get_reason (CharterCommitment *self)
{
  g_return_val_if_fail (CHARTER_IS_COMMITMENT (self), NULL);

  return self->reason;
}

/**
 * charter_commitment_set_reason:
 * @self: a #CharterCommitment
 * @reason: (nullable) the new value
 *
 * Sets the reason; notifies only when it changes. Edits a person makes
 * go through charter_document_set() so that they can be undone.
 */
void
charter_commitment_set_reason (CharterCommitment *self,
                               const char        *reason)
{
  g_return_if_fail (CHARTER_IS_COMMITMENT (self));

  if (g_strcmp0 (self->reason, reason) == 0)
    return;

  g_free (self->reason);
  self->reason = (reason != NULL && reason[0] != '\0') ? g_strdup (reason) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}
