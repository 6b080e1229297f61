/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-workspace.c: the contract between the window and its workspaces.
 *
 * The interface owns the two properties; each workspace overrides them
 * (charter_workspace_install_properties()) and keeps them EXPLICIT_NOTIFY:
 * one notify on a change, none when the same object is set again. How a
 * workspace follows its document is up to it, but in one way: a
 * GSignalGroup whose target is the document, so that nothing stays
 * connected to a document the workspace no longer shows. */

#define G_LOG_DOMAIN "charter-workspace"

#include "config.h"

#include "charter-workspace.h"

G_DEFINE_INTERFACE (CharterWorkspace, charter_workspace, GTK_TYPE_WIDGET)

static void
charter_workspace_default_init (CharterWorkspaceInterface *iface)
{
  /**
   * CharterWorkspace:document:
   *
   * The document the workspace shows, or %NULL.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("document", NULL, NULL,
                                                            CHARTER_TYPE_DOCUMENT,
                                                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));

  /**
   * CharterWorkspace:scheduler:
   *
   * The scheduler of the document, or %NULL: a workspace that shows dates
   * reads them from it and follows its changes.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("scheduler", NULL, NULL,
                                                            CHARTER_TYPE_SCHEDULER,
                                                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));
}

/**
 * charter_workspace_install_properties:
 * @object_class: the class of a type that implements #CharterWorkspace
 * @document_prop_id: its property id for #CharterWorkspace:document
 * @scheduler_prop_id: its property id for #CharterWorkspace:scheduler
 *
 * Overrides the interface's properties in @object_class, from its
 * class_init.
 */
void
charter_workspace_install_properties (GObjectClass *object_class,
                                      guint         document_prop_id,
                                      guint         scheduler_prop_id)
{
  g_object_class_override_property (object_class, document_prop_id, "document");
  g_object_class_override_property (object_class, scheduler_prop_id, "scheduler");
}

/**
 * charter_workspace_get_document:
 * @self: a #CharterWorkspace
 *
 * Returns: (transfer none) (nullable): the document @self shows
 */
CharterDocument *
charter_workspace_get_document (CharterWorkspace *self)
{
  g_autoptr(CharterDocument) document = NULL;

  g_return_val_if_fail (CHARTER_IS_WORKSPACE (self), NULL);

  g_object_get (self, "document", &document, NULL);
  /* The workspace holds its own reference. */
  return document;
}

/**
 * charter_workspace_set_document:
 * @self: a #CharterWorkspace
 * @document: (nullable): the document to show
 */
void
charter_workspace_set_document (CharterWorkspace *self,
                                CharterDocument  *document)
{
  g_return_if_fail (CHARTER_IS_WORKSPACE (self));
  g_return_if_fail (document == NULL || CHARTER_IS_DOCUMENT (document));

  g_object_set (self, "document", document, NULL);
}

/**
 * charter_workspace_get_scheduler:
 * @self: a #CharterWorkspace
 *
 * Returns: (transfer none) (nullable): the scheduler @self reads dates from
 */
CharterScheduler *
charter_workspace_get_scheduler (CharterWorkspace *self)
{
  g_autoptr(CharterScheduler) scheduler = NULL;

  g_return_val_if_fail (CHARTER_IS_WORKSPACE (self), NULL);

  g_object_get (self, "scheduler", &scheduler, NULL);
  return scheduler;
}

/**
 * charter_workspace_set_scheduler:
 * @self: a #CharterWorkspace
 * @scheduler: (nullable): the scheduler of its document
 */
void
charter_workspace_set_scheduler (CharterWorkspace *self,
                                 CharterScheduler *scheduler)
{
  g_return_if_fail (CHARTER_IS_WORKSPACE (self));
  g_return_if_fail (scheduler == NULL || CHARTER_IS_SCHEDULER (scheduler));

  g_object_set (self, "scheduler", scheduler, NULL);
}
