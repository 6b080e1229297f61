/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-model-types.h: the enumerations of the document model and the
 * property flags that tell the file format how to treat each property. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CharterWeekdays:
 *
 * A set of weekdays, Monday first (as ISO 8601 and GDate count them).
 */
typedef enum /*< flags >*/
{
  CHARTER_WEEKDAYS_NONE      = 0,        /*< nick=none >*/
  CHARTER_WEEKDAYS_MONDAY    = 1 << 0,   /*< nick=monday >*/
  CHARTER_WEEKDAYS_TUESDAY   = 1 << 1,   /*< nick=tuesday >*/
  CHARTER_WEEKDAYS_WEDNESDAY = 1 << 2,   /*< nick=wednesday >*/
  CHARTER_WEEKDAYS_THURSDAY  = 1 << 3,   /*< nick=thursday >*/
  CHARTER_WEEKDAYS_FRIDAY    = 1 << 4,   /*< nick=friday >*/
  CHARTER_WEEKDAYS_SATURDAY  = 1 << 5,   /*< nick=saturday >*/
  CHARTER_WEEKDAYS_SUNDAY    = 1 << 6,   /*< nick=sunday >*/
} CharterWeekdays;

#define CHARTER_WEEKDAYS_WORKWEEK (CHARTER_WEEKDAYS_MONDAY | CHARTER_WEEKDAYS_TUESDAY | \
                                   CHARTER_WEEKDAYS_WEDNESDAY | CHARTER_WEEKDAYS_THURSDAY | \
                                   CHARTER_WEEKDAYS_FRIDAY)

/**
 * CharterDependencyType:
 *
 * How a successor's dates hang on its predecessor's.
 */
typedef enum
{
  CHARTER_DEPENDENCY_FINISH_TO_START,   /*< nick=finish-to-start >*/
  CHARTER_DEPENDENCY_START_TO_START,    /*< nick=start-to-start >*/
  CHARTER_DEPENDENCY_FINISH_TO_FINISH,  /*< nick=finish-to-finish >*/
  CHARTER_DEPENDENCY_START_TO_FINISH,   /*< nick=start-to-finish >*/
} CharterDependencyType;

/**
 * CharterLevel:
 *
 * A three-step scale for a risk's likelihood and impact.
 */
typedef enum
{
  CHARTER_LEVEL_LOW,     /*< nick=low >*/
  CHARTER_LEVEL_MEDIUM,  /*< nick=medium >*/
  CHARTER_LEVEL_HIGH,    /*< nick=high >*/
} CharterLevel;

/**
 * CharterTaskState:
 *
 * A task's status at a check-in.
 */
typedef enum
{
  CHARTER_TASK_STATE_ON_TRACK,  /*< nick=on-track >*/
  CHARTER_TASK_STATE_AT_RISK,   /*< nick=at-risk >*/
  CHARTER_TASK_STATE_BLOCKED,   /*< nick=blocked >*/
  CHARTER_TASK_STATE_DONE,      /*< nick=done >*/
} CharterTaskState;

/**
 * CharterQuestionStatus:
 *
 * Where an integration or open question stands.
 */
typedef enum
{
  CHARTER_QUESTION_OPEN,            /*< nick=open >*/
  CHARTER_QUESTION_ANSWERED,        /*< nick=answered >*/
  CHARTER_QUESTION_NOT_APPLICABLE,  /*< nick=not-applicable >*/
} CharterQuestionStatus;

/**
 * CharterInsightKind:
 *
 * Whether an insight is a participant's own words or the interviewer's observation.
 */
typedef enum
{
  CHARTER_INSIGHT_QUOTE,        /*< nick=quote >*/
  CHARTER_INSIGHT_OBSERVATION,  /*< nick=observation >*/
} CharterInsightKind;

/**
 * CharterScopeDecision:
 *
 * The product manager's answer to a scope-change request.
 */
typedef enum
{
  CHARTER_SCOPE_DECISION_PENDING,       /*< nick=pending >*/
  CHARTER_SCOPE_DECISION_SIMPLIFY,      /*< nick=simplify >*/
  CHARTER_SCOPE_DECISION_CHANGE_SCOPE,  /*< nick=change-scope >*/
  CHARTER_SCOPE_DECISION_FIND_BUDGET,   /*< nick=find-budget >*/
  CHARTER_SCOPE_DECISION_ACCEPT_SLIP,   /*< nick=accept-slip >*/
} CharterScopeDecision;

/*
 * Property flags beyond GLib's own, read by the file format (src/io) so that
 * it can treat every model type alike:
 *
 * CHARTER_PARAM_REQUIRED: the member must be present in a file, and is always written.
 * CHARTER_PARAM_DATE:     a string holding an ISO 8601 calendar date (YYYY-MM-DD) or nothing.
 * CHARTER_PARAM_PERSONAL: a participant's personal data; never leaves the participant's page
 *                         (exports and presentations use the alias instead).
 * CHARTER_PARAM_DISPLAY:  the property that names the item to a person ("Backend API").
 */
#define CHARTER_PARAM_REQUIRED (1 << (G_PARAM_USER_SHIFT + 0))
#define CHARTER_PARAM_DATE     (1 << (G_PARAM_USER_SHIFT + 1))
#define CHARTER_PARAM_PERSONAL (1 << (G_PARAM_USER_SHIFT + 2))
#define CHARTER_PARAM_DISPLAY  (1 << (G_PARAM_USER_SHIFT + 3))

G_END_DECLS
