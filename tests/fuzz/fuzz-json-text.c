/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json-text.c: libFuzzer target comparing charter-json-text with
 * json-glib's parser.
 *
 * Any text the checker takes must be one json-glib takes too, and what the
 * builder makes of it (whole, and member by member through the iterator)
 * must be what json-glib makes of it. The checker is stricter (comments,
 * single quotes, numbers that do not fit, depth): those it may refuse. It
 * must never crash, read out of bounds or leak.
 *
 *   build-aux/dev fuzz [SECONDS]
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charter-json-text.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* GSlice's magazines hide leaks from LeakSanitizer: plain malloc. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  return 0;
}

static char *
compact (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static void
differ (const char *what,
        const char *ours,
        const char *theirs)
{
  g_printerr ("%s differs:\n  charter-json-text: %s\n  json-glib:         %s\n", what, ours, theirs);
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The reader checks the encoding (and refuses NUL bytes) first. A copy
   * of exactly @size bytes, so that AddressSanitizer sees any read past it. */
  g_autofree char *copy = NULL;
  CharterJsonText text;
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) ours = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;
  gsize offset = 0, problem_offset = 0, end = 0, duplicate = 0;

  if (size == 0 || !g_utf8_validate_len ((const char *) data, size, NULL))
    return 0;
  copy = g_malloc (size);
  memcpy (copy, data, size);
  text.data = copy;
  text.length = size;

  if (!charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message))
    {
      if (message == NULL && problem != CHARTER_JSON_PROBLEM_TOO_DEEP)
        abort ();
      if (problem_offset > size)
        abort ();
      return 0;
    }

  ours = charter_json_text_build (&text, offset, &end, &duplicate);
  if (ours == NULL)
    {
      if (duplicate < offset || duplicate >= size || copy[duplicate] != '"')
        abort ();
      return 0;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, copy, (gssize) size, &error))
    {
      g_printerr ("json-glib refuses what the checker took: %s\n", error->message);
      abort ();
    }
  ours_text = compact (ours);
  theirs_text = compact (json_parser_get_root (parser));
  if (strcmp (ours_text, theirs_text) != 0)
    differ ("the whole text", ours_text, theirs_text);

  /* The same, part by part. */
  if (JSON_NODE_HOLDS_OBJECT (ours) || JSON_NODE_HOLDS_ARRAY (ours))
    {
      JsonNode *root = json_parser_get_root (parser);
      CharterJsonIter iter;
      char *name = NULL;
      gsize name_offset, value_offset;
      guint i = 0;

      charter_json_iter_init (&iter, &text, offset);
      if (JSON_NODE_HOLDS_OBJECT (ours))
        {
          JsonObject *object = json_node_get_object (root);

          while (charter_json_iter_next_member (&iter, &name, &name_offset, &value_offset))
            {
              g_autofree char *owned = name;
              g_autoptr(JsonNode) part = NULL;
              g_autofree char *a = NULL;
              g_autofree char *b = NULL;

              /* Every other member built through the iterator, the others skipped. */
              if (i++ % 2)
                continue;
              part = charter_json_iter_build (&iter, NULL);
              a = compact (part);
              b = compact (json_object_get_member (object, owned));
              if (strcmp (a, b) != 0)
                differ (owned, a, b);
            }
          if (i != json_object_get_size (object))
            abort ();
        }
      else
        {
          JsonArray *array = json_node_get_array (root);

          while (charter_json_iter_next_element (&iter, &value_offset))
            {
              g_autoptr(JsonNode) part = NULL;
              g_autofree char *a = NULL;
              g_autofree char *b = NULL;

              if (i >= json_array_get_length (array))
                abort ();
              if (i++ % 2)
                continue;
              part = charter_json_iter_build (&iter, NULL);
              a = compact (part);
              b = compact (json_array_get_element (array, i - 1));
              if (strcmp (a, b) != 0)
                differ ("an element", a, b);
            }
          if (i != json_array_get_length (array))
            abort ();
        }
    }

  return 0;
}
