/* SPDX-License-Identifier: GPL-3.0-or-later */
/* charter-json-text.c: checks a JSON text and builds it one part at a time.
 *
 * The checker is the only part that sees text nobody has checked, so it is
 * the part that says what is wrong; the builder and the iterator trust it
 * and stay simple and fast. Recursion is bounded by the depth the checker
 * allows (CHARTER_FILE_MAX_DEPTH), so no text can overflow the stack. */

#define G_LOG_DOMAIN "charter-io"

#include "config.h"

#include "charter-json-text.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* Numbers longer than this are shown cut short in messages. */
#define SHOWN_NUMBER_LENGTH 40

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline gsize
skip_space (const CharterJsonText *text,
            gsize                  pos)
{
  while (pos < text->length && is_space (text->data[pos]))
    pos++;
  return pos;
}

void
charter_json_text_position (const CharterJsonText *text,
                            gsize                  offset,
                            guint                 *line,
                            guint                 *column)
{
  gsize i = 0;

  *line = 1;
  *column = 1;
  /* An editor does not show a byte order mark: it takes no column. */
  if (text->length >= 3 && memcmp (text->data, "\xef\xbb\xbf", 3) == 0 && offset >= 3)
    i = 3;
  for (; i < offset && i < text->length; i++)
    {
      if (text->data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) text->data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (guint k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The length of the escape at data[i] (a backslash), or 0 when JSON does
 * not allow it: octal escapes ("\666") and lone surrogates ("\ud800") would
 * give text that is not UTF-8, and a NUL ("\u0000") would cut a string
 * short. */
static gsize
escape_length (const CharterJsonText *text,
               gsize                  i)
{
  const char *data = text->data;
  gsize length = text->length;
  int unit, low;

  if (i + 1 >= length)
    return 0;
  if (strchr ("\"\\/bfnrt", data[i + 1]) != NULL && data[i + 1] != '\0')
    return 2;
  if (data[i + 1] != 'u' || i + 6 > length || (unit = hex_value (data + i + 2)) < 0)
    return 0;
  if (unit == 0 || (unit >= 0xdc00 && unit <= 0xdfff))
    return 0;
  if (unit < 0xd800 || unit > 0xdbff)
    return 6;
  /* A high surrogate must be followed by a low one. */
  if (i + 12 > length || data[i + 6] != '\\' || data[i + 7] != 'u' ||
      (low = hex_value (data + i + 8)) < 0xdc00 || low > 0xdfff)
    return 0;
  return 12;
}

/* --- Checking ------------------------------------------------------------- */

typedef struct
{
  const CharterJsonText *text;
  gsize                  pos;
  guint                  max_depth;
  CharterJsonProblem     problem;
  gsize                  problem_offset;
  char                  *message;
} Checker;

static gboolean
fail (Checker            *c,
      CharterJsonProblem  problem,
      gsize               offset,
      char               *message)
{
  c->problem = problem;
  c->problem_offset = offset;
  c->message = message;
  return FALSE;
}

/* A character as a message shows it: quoted, or by its code point when it
 * cannot be seen (a control character, a no-break or zero-width space, a
 * byte order mark away from the start), as a word processor leaves them. */
static char *
describe_character (gunichar c)
{
  char utf8[7] = { 0 };

  if (!g_unichar_isgraph (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, utf8);
  /* Translators: something found in a file, quoted */
  return g_strdup_printf (_("“%s”"), utf8);
}

/* What is at @pos, for "expected …, found …". */
static char *
found_at (Checker *c,
          gsize    pos)
{
  const char *data = c->text->data;
  gsize end = pos;

  if (pos >= c->text->length)
    return g_strdup (_("the end of the text"));
  if (!g_ascii_isalnum (data[pos]))
    return describe_character (g_utf8_get_char (data + pos));

  while (end < c->text->length && end - pos < 20 && (g_ascii_isalnum (data[end]) || data[end] == '_'))
    end++;
  {
    g_autofree char *token = g_strndup (data + pos, end - pos);

    return g_strdup_printf (_("“%s”"), token);
  }
}

static gboolean
fail_expected (Checker    *c,
               const char *expected)
{
  g_autofree char *found = found_at (c, c->pos);

  /* Translators: "expected “:” after the member name, found “=”" */
  return fail (c, CHARTER_JSON_PROBLEM_SYNTAX, c->pos,
               g_strdup_printf (_("expected %s, found %s"), expected, found));
}

static gboolean
check_string (Checker *c)
{
  const char *data = c->text->data;
  gsize length = c->text->length;
  gsize start = c->pos;
  gsize pos = start + 1;

  for (;;)
    {
      while (pos < length && data[pos] != '"' && data[pos] != '\\')
        pos++;
      if (pos >= length)
        return fail (c, CHARTER_JSON_PROBLEM_SYNTAX, start,
                     g_strdup (_("this string is never closed: the text ends before its closing quote")));
      if (data[pos] == '"')
        break;

      {
        gsize n = escape_length (c->text, pos);

        if (n == 0)
          {
            /* The backslash, the character after it, and the hex digits of
             * a \u escape, whole characters only; a character that cannot
             * be seen is named. */
            gsize end = pos + 1;
            g_autofree char *escape = NULL;

            if (end < length && !g_ascii_isgraph (data[end]) && (guchar) data[end] < 0x80)
              {
                g_autofree char *named = describe_character ((guchar) data[end]);

                return fail (c, CHARTER_JSON_PROBLEM_SYNTAX, pos,
                             g_strdup_printf (_("a backslash followed by %s is not an escape a JSON string may hold"),
                                              named));
              }
            if (end < length)
              end = g_utf8_next_char (data + end) - data;
            if (pos + 1 < length && data[pos + 1] == 'u')
              while (end < length && end < pos + 6 && g_ascii_isxdigit (data[end]))
                end++;
            escape = g_strndup (data + pos, end - pos);
            return fail (c, CHARTER_JSON_PROBLEM_SYNTAX, pos,
                         g_strdup_printf (_("“%s” is not an escape a JSON string may hold"), escape));
          }
        pos += n;
      }
    }

  c->pos = pos + 1;
  return TRUE;
}

static gboolean
check_number (Checker *c)
{
  const char *data = c->text->data;
  gsize length = c->text->length;
  gsize start = c->pos;
  gsize pos = start;
  gboolean integer = TRUE;
  gboolean well_formed = TRUE;

  /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
  if (pos < length && data[pos] == '-')
    pos++;
  if (pos < length && data[pos] == '0')
    pos++;
  else if (pos < length && g_ascii_isdigit (data[pos]))
    while (pos < length && g_ascii_isdigit (data[pos]))
      pos++;
  else
    well_formed = FALSE;
  if (well_formed && pos < length && data[pos] == '.')
    {
      gsize digits = ++pos;

      integer = FALSE;
      while (pos < length && g_ascii_isdigit (data[pos]))
        pos++;
      well_formed = pos > digits;
    }
  if (well_formed && pos < length && (data[pos] == 'e' || data[pos] == 'E'))
    {
      gsize digits;

      integer = FALSE;
      pos++;
      if (pos < length && (data[pos] == '+' || data[pos] == '-'))
        pos++;
      digits = pos;
      while (pos < length && g_ascii_isdigit (data[pos]))
        pos++;
      well_formed = pos > digits;
    }
  /* "012", "1.", "1e", "-": show the whole run of number characters. */
  if (!well_formed || (pos < length && (g_ascii_isalnum (data[pos]) || data[pos] == '.' ||
                                        data[pos] == '+' || data[pos] == '-')))
    {
      gsize end = pos;
      g_autofree char *shown = NULL;

      while (end < length && end - start <= SHOWN_NUMBER_LENGTH &&
             (g_ascii_isalnum (data[end]) || strchr ("+-.", data[end]) != NULL))
        end++;
      /* A run of digits longer than a message can show is cut short. */
      if (end - start > SHOWN_NUMBER_LENGTH)
        {
          g_autofree char *cut = g_strndup (data + start, SHOWN_NUMBER_LENGTH);

          shown = g_strconcat (cut, "…", NULL);
        }
      else
        shown = g_strndup (data + start, MAX (end - start, 1));
      return fail (c, CHARTER_JSON_PROBLEM_SYNTAX, start,
                   g_strdup_printf (_("“%s” is not a number as JSON writes numbers"), shown));
    }

  {
    gsize span = pos - start;
    g_autofree char *number = g_strndup (data + start, span);
    gboolean too_large;

    /* json-glib would read a whole number beyond 64 bits as -1 and a decimal
     * beyond a double as infinity, which JSON cannot write back: refuse
     * both rather than take a wrong value. */
    if (integer)
      too_large = span > 18 && !g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, NULL, NULL);
    else
      too_large = !isfinite (g_ascii_strtod (number, NULL));
    if (too_large)
      {
        gboolean cut = span > SHOWN_NUMBER_LENGTH;

        if (cut)
          number[SHOWN_NUMBER_LENGTH] = '\0';
        return fail (c, CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE, start,
                     g_strdup_printf (_("the number %s%s is too large"), number, cut ? "…" : ""));
      }
  }

  c->pos = pos;
  return TRUE;
}

static gboolean
check_word (Checker    *c,
            const char *word)
{
  gsize n = strlen (word);

  if (c->pos + n <= c->text->length && memcmp (c->text->data + c->pos, word, n) == 0 &&
      (c->pos + n == c->text->length || !g_ascii_isalnum (c->text->data[c->pos + n])))
    {
      c->pos += n;
      return TRUE;
    }
  return fail_expected (c, _("a value (a string, a number, an object, a list, true, false or null)"));
}

static gboolean check_value (Checker *c, guint depth);

static gboolean
check_container (Checker *c,
                 guint    depth)
{
  const char *data = c->text->data;
  gboolean object = data[c->pos] == '{';
  char close = object ? '}' : ']';

  if (depth + 1 > c->max_depth)
    return fail (c, CHARTER_JSON_PROBLEM_TOO_DEEP, c->pos, NULL);

  c->pos = skip_space (c->text, c->pos + 1);
  if (c->pos < c->text->length && data[c->pos] == close)
    {
      c->pos++;
      return TRUE;
    }

  for (;;)
    {
      if (object)
        {
          if (c->pos >= c->text->length || data[c->pos] != '"')
            return fail_expected (c, _("a member name in double quotes"));
          if (!check_string (c))
            return FALSE;
          c->pos = skip_space (c->text, c->pos);
          if (c->pos >= c->text->length || data[c->pos] != ':')
            return fail_expected (c, _("“:” after the member name"));
          c->pos = skip_space (c->text, c->pos + 1);
        }
      if (!check_value (c, depth + 1))
        return FALSE;
      c->pos = skip_space (c->text, c->pos);
      if (c->pos < c->text->length && data[c->pos] == ',')
        {
          c->pos = skip_space (c->text, c->pos + 1);
          continue;
        }
      if (c->pos < c->text->length && data[c->pos] == close)
        {
          c->pos++;
          return TRUE;
        }
      return fail_expected (c, object ? _("“,” or “}” after a member") : _("“,” or “]” after an element"));
    }
}

static gboolean
check_value (Checker *c,
             guint    depth)
{
  if (c->pos >= c->text->length)
    return fail_expected (c, _("a value"));

  switch (c->text->data[c->pos])
    {
    case '{':
    case '[':
      return check_container (c, depth);
    case '"':
      return check_string (c);
    case 't':
      return check_word (c, "true");
    case 'f':
      return check_word (c, "false");
    case 'n':
      return check_word (c, "null");
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return check_number (c);
    default:
      return fail_expected (c, _("a value (a string, a number, an object, a list, true, false or null)"));
    }
}

gboolean
charter_json_text_check (const CharterJsonText *text,
                         guint                  max_depth,
                         gsize                 *value_offset,
                         CharterJsonProblem    *problem,
                         gsize                 *problem_offset,
                         char                 **message)
{
  Checker c = { text, 0, max_depth, CHARTER_JSON_PROBLEM_SYNTAX, 0, NULL };

  /* A byte order mark, which some Windows editors write, is not part of the
   * text (RFC 8259 lets a reader ignore it). */
  if (text->length >= 3 && memcmp (text->data, "\xef\xbb\xbf", 3) == 0)
    c.pos = 3;
  c.pos = skip_space (text, c.pos);
  *value_offset = c.pos;

  if (check_value (&c, 0))
    {
      c.pos = skip_space (text, c.pos);
      if (c.pos == text->length)
        return TRUE;
      fail (&c, CHARTER_JSON_PROBLEM_SYNTAX, c.pos,
            g_strdup (_("there is more text after the end of the document")));
    }

  *problem = c.problem;
  *problem_offset = c.problem_offset;
  *message = c.message;
  return FALSE;
}

/* --- Building ------------------------------------------------------------- */

JsonNodeType
charter_json_text_node_type (const CharterJsonText *text,
                             gsize                  offset)
{
  switch (text->data[offset])
    {
    case '{': return JSON_NODE_OBJECT;
    case '[': return JSON_NODE_ARRAY;
    case 'n': return JSON_NODE_NULL;
    default:  return JSON_NODE_VALUE;
    }
}

typedef struct
{
  const CharterJsonText *text;
  gsize                  pos;
  GString               *buffer;
  gsize                  duplicate_offset;
} Builder;

/* The string at b->pos, unescaped into b->buffer. */
static const char *
build_string (Builder *b)
{
  const char *data = b->text->data;
  gsize pos = b->pos + 1;

  g_string_truncate (b->buffer, 0);
  for (;;)
    {
      gsize run = pos;

      while (data[pos] != '"' && data[pos] != '\\')
        pos++;
      g_string_append_len (b->buffer, data + run, pos - run);
      if (data[pos] == '"')
        break;

      switch (data[pos + 1])
        {
        case 'b': g_string_append_c (b->buffer, '\b'); pos += 2; break;
        case 'f': g_string_append_c (b->buffer, '\f'); pos += 2; break;
        case 'n': g_string_append_c (b->buffer, '\n'); pos += 2; break;
        case 'r': g_string_append_c (b->buffer, '\r'); pos += 2; break;
        case 't': g_string_append_c (b->buffer, '\t'); pos += 2; break;
        case 'u':
          {
            gunichar unit = hex_value (data + pos + 2);

            pos += 6;
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                unit = 0x10000 + ((unit - 0xd800) << 10) + (hex_value (data + pos + 2) - 0xdc00);
                pos += 6;
              }
            g_string_append_unichar (b->buffer, unit);
          }
          break;
        default:   /* " \ / */
          g_string_append_c (b->buffer, data[pos + 1]);
          pos += 2;
          break;
        }
    }

  b->pos = pos + 1;
  return b->buffer->str;
}

static void
build_number (Builder  *b,
              JsonNode *node)
{
  const char *data = b->text->data;
  gsize length = b->text->length;
  gsize start = b->pos;
  gsize pos = start;
  gboolean integer = TRUE;
  gboolean negative = FALSE;
  guint64 magnitude = 0;

  if (data[pos] == '-')
    {
      negative = TRUE;
      pos++;
    }
  while (pos < length && g_ascii_isdigit (data[pos]))
    magnitude = magnitude * 10 + (guint64) (data[pos++] - '0');
  while (pos < length && (g_ascii_isdigit (data[pos]) || strchr ("+-.eE", data[pos]) != NULL))
    {
      integer = FALSE;
      pos++;
    }
  b->pos = pos;

  if (integer && pos - start - negative <= 18)
    {
      json_node_set_int (node, negative ? -(gint64) magnitude : (gint64) magnitude);
      return;
    }

  {
    /* Long or not whole: the C library reads it (the checker has made sure
     * it fits). */
    g_autofree char *number = g_strndup (data + start, pos - start);

    if (integer)
      json_node_set_int (node, g_ascii_strtoll (number, NULL, 10));
    else
      json_node_set_double (node, g_ascii_strtod (number, NULL));
  }
}

static JsonNode *build_value (Builder *b);

static JsonNode *
build_object (Builder *b)
{
  const char *data = b->text->data;
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  b->pos = skip_space (b->text, b->pos + 1);
  while (data[b->pos] != '}')
    {
      g_autofree char *name = NULL;
      gsize name_offset = b->pos;
      JsonNode *value;

      name = g_strdup (build_string (b));
      if (json_object_has_member (object, name))
        {
          b->duplicate_offset = name_offset;
          return NULL;
        }
      b->pos = skip_space (b->text, b->pos);
      b->pos = skip_space (b->text, b->pos + 1);   /* the ':' */
      value = build_value (b);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, name, value);
      b->pos = skip_space (b->text, b->pos);
      if (data[b->pos] == ',')
        b->pos = skip_space (b->text, b->pos + 1);
    }
  b->pos++;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&object));
  return node;
}

static JsonNode *
build_array (Builder *b)
{
  const char *data = b->text->data;
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  b->pos = skip_space (b->text, b->pos + 1);
  while (data[b->pos] != ']')
    {
      JsonNode *element = build_value (b);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      b->pos = skip_space (b->text, b->pos);
      if (data[b->pos] == ',')
        b->pos = skip_space (b->text, b->pos + 1);
    }
  b->pos++;

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&array));
  return node;
}

static JsonNode *
build_value (Builder *b)
{
  JsonNode *node;

  switch (b->text->data[b->pos])
    {
    case '{':
      return build_object (b);
    case '[':
      return build_array (b);
    case '"':
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, build_string (b));
      return node;
    case 't':
    case 'f':
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, b->text->data[b->pos] == 't');
      b->pos += b->text->data[b->pos] == 't' ? 4 : 5;
      return node;
    case 'n':
      b->pos += 4;
      return json_node_new (JSON_NODE_NULL);
    default:
      node = json_node_new (JSON_NODE_VALUE);
      build_number (b, node);
      return node;
    }
}

JsonNode *
charter_json_text_build (const CharterJsonText *text,
                         gsize                  offset,
                         gsize                 *end_offset,
                         gsize                 *duplicate_offset)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  Builder b = { text, offset, buffer, 0 };
  JsonNode *node;

  g_return_val_if_fail (offset < text->length, NULL);

  node = build_value (&b);
  if (node == NULL && duplicate_offset != NULL)
    *duplicate_offset = b.duplicate_offset;
  if (end_offset != NULL)
    *end_offset = b.pos;
  return node;
}

/* --- Walking -------------------------------------------------------------- */

/* Where the value at @pos of a checked text ends. */
static gsize
skip_value (const CharterJsonText *text,
            gsize                  pos)
{
  const char *data = text->data;
  guint depth = 0;

  do
    {
      switch (data[pos])
        {
        case '"':
          for (pos++; data[pos] != '"'; pos++)
            if (data[pos] == '\\')
              pos++;
          pos++;
          break;
        case '{':
        case '[':
          depth++;
          pos++;
          break;
        case '}':
        case ']':
          depth--;
          pos++;
          break;
        default:
          if (depth == 0)
            {
              /* A number or a word. */
              while (pos < text->length && !is_space (data[pos]) && data[pos] != ',' &&
                     data[pos] != '}' && data[pos] != ']')
                pos++;
              return pos;
            }
          pos++;
          break;
        }
    }
  while (depth > 0);

  return pos;
}

void
charter_json_iter_init (CharterJsonIter       *iter,
                        const CharterJsonText *text,
                        gsize                  container_offset)
{
  g_return_if_fail (text->data[container_offset] == '{' || text->data[container_offset] == '[');

  iter->text = text;
  iter->offset = container_offset + 1;
  iter->value_offset = 0;
  iter->pending = FALSE;
}

/* Moves past the current value and a comma; FALSE at the closing bracket. */
static gboolean
iter_advance (CharterJsonIter *iter)
{
  const char *data = iter->text->data;

  if (iter->pending)
    {
      iter->offset = skip_value (iter->text, iter->value_offset);
      iter->pending = FALSE;
    }
  iter->offset = skip_space (iter->text, iter->offset);
  if (data[iter->offset] == ',')
    iter->offset = skip_space (iter->text, iter->offset + 1);
  return data[iter->offset] != '}' && data[iter->offset] != ']';
}

gboolean
charter_json_iter_next_member (CharterJsonIter  *iter,
                               char            **name,
                               gsize            *name_offset,
                               gsize            *value_offset)
{
  g_autoptr(GString) buffer = NULL;
  Builder b = { iter->text, 0, NULL, 0 };

  if (!iter_advance (iter))
    return FALSE;

  buffer = g_string_new (NULL);
  b.buffer = buffer;
  b.pos = iter->offset;
  *name_offset = iter->offset;
  *name = g_strdup (build_string (&b));
  b.pos = skip_space (iter->text, b.pos);
  iter->value_offset = skip_space (iter->text, b.pos + 1);   /* past the ':' */
  iter->pending = TRUE;
  *value_offset = iter->value_offset;
  return TRUE;
}

gboolean
charter_json_iter_next_element (CharterJsonIter *iter,
                                gsize           *value_offset)
{
  if (!iter_advance (iter))
    return FALSE;

  iter->value_offset = iter->offset;
  iter->pending = TRUE;
  *value_offset = iter->value_offset;
  return TRUE;
}

JsonNode *
charter_json_iter_build (CharterJsonIter *iter,
                         gsize           *duplicate_offset)
{
  gsize end = 0;
  JsonNode *node;

  g_return_val_if_fail (iter->pending, NULL);

  node = charter_json_text_build (iter->text, iter->value_offset, &end, duplicate_offset);
  if (node != NULL)
    {
      iter->offset = end;
      iter->pending = FALSE;
    }
  return node;
}
