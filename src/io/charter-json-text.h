/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-json-text.h: a JSON text in memory, checked strictly (RFC 8259)
 * and then read one part at a time.
 *
 * json-glib's parser builds the tree of the whole file before anything can
 * be read from it: for a plan of 100,000 tasks (a 53 MB file) that tree is
 * 430 MB, more than the plan itself takes once it is built. The reader checks
 * the text once with charter_json_text_check(), walks the top levels with a
 * CharterJsonIter, and builds a JsonNode for one item at a time, freeing it
 * as soon as the item is read. Private to src/io. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *data;
  gsize       length;
} CharterJsonText;

typedef enum
{
  CHARTER_JSON_PROBLEM_SYNTAX,
  CHARTER_JSON_PROBLEM_TOO_DEEP,
  CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE,
} CharterJsonProblem;

/* Checks that @text is exactly one JSON value (after an optional byte order
 * mark) nested at most @max_depth deep, without building anything. Strict
 * RFC 8259 but for one thing: raw control characters (a tab, a newline)
 * inside a string are taken, as json-glib took them; they are kept, and a
 * save writes them escaped. @text
 * must be valid UTF-8 without NUL bytes. On success, @value_offset is where
 * the value starts. On failure, @problem, @problem_offset and @message
 * (translated, without the position) say what is wrong and where: always
 * the first problem in the text. */
gboolean  charter_json_text_check    (const CharterJsonText *text,
                                      guint                  max_depth,
                                      gsize                 *value_offset,
                                      CharterJsonProblem    *problem,
                                      gsize                 *problem_offset,
                                      char                 **message);

/* The 1-based line and column (in characters) of @offset. */
void      charter_json_text_position (const CharterJsonText *text,
                                      gsize                  offset,
                                      guint                 *line,
                                      guint                 *column);

/* What the value at @offset of a checked text is. */
JsonNodeType charter_json_text_node_type (const CharterJsonText *text,
                                          gsize                  offset);

/* The value at @offset of a checked text, as json-glib's parser would have
 * built it (whole numbers as gint64, others as double). Returns %NULL when an
 * object in it names the same member twice, with @duplicate_offset at the
 * second name: JSON leaves that undefined, and Charter will not guess. */
JsonNode *charter_json_text_build    (const CharterJsonText *text,
                                      gsize                  offset,
                                      gsize                 *end_offset,
                                      gsize                 *duplicate_offset);

/* Walks the members of an object, or the elements of a list, of a checked
 * text without building them. */
typedef struct
{
  const CharterJsonText *text;
  gsize                  offset;
  gsize                  value_offset;
  gboolean               pending;
} CharterJsonIter;

void      charter_json_iter_init         (CharterJsonIter       *iter,
                                          const CharterJsonText *text,
                                          gsize                  container_offset);
/* The next member: its name (unescaped, owned by the caller) and where its
 * value starts, in @name_offset and @value_offset. */
gboolean  charter_json_iter_next_member  (CharterJsonIter       *iter,
                                          char                 **name,
                                          gsize                 *name_offset,
                                          gsize                 *value_offset);
gboolean  charter_json_iter_next_element (CharterJsonIter       *iter,
                                          gsize                 *value_offset);
/* Builds the value the iterator is on, as charter_json_text_build() does,
 * and moves past it (so that it is not scanned twice). */
JsonNode *charter_json_iter_build        (CharterJsonIter       *iter,
                                          gsize                 *duplicate_offset);

G_END_DECLS
