/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-text.c: the strict JSON checker, builder and iterator that the
 * reader uses instead of json-glib's parser (src/io/charter-json-text.c).
 *
 * What it builds is compared with what json-glib builds from the same text,
 * for hand-written texts and for thousands of random ones written with
 * random whitespace and escapes; what it refuses is checked for the position
 * and the words of the message. */

#include "config.h"

#include <string.h>

#include "charter-json-text.h"

/* A check found failing in review of 7ef325c: it marks the test failed and
 * lets the rest of the tests run (g_error() would stop them all). */
#define REVIEW_FAIL(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

/* What json-glib makes of @data, written back compactly (member order
 * included, which json_node_equal() would ignore). */
static char *
json_glib_form (const char *data,
                gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* What charter-json-text makes of @data, the same way. */
static char *
charter_form (const char *data,
              gsize       length)
{
  CharterJsonText text = { data, length };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize offset = 0, problem_offset = 0, end = 0, duplicate = 0;

  if (!charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message))
    g_error ("“%.*s” refused at %" G_GSIZE_FORMAT ": %s", (int) length, data, problem_offset, message);
  node = charter_json_text_build (&text, offset, &end, &duplicate);
  g_assert_nonnull (node);
  return json_to_string (node, FALSE);
}

static void
assert_same_as_json_glib (const char *data)
{
  g_autofree char *ours = charter_form (data, strlen (data));
  g_autofree char *theirs = json_glib_form (data, -1);

  if (g_strcmp0 (ours, theirs) != 0)
    g_error ("“%s”: built %s, json-glib built %s", data, ours, theirs);
}

static void
test_same_as_json_glib (void)
{
  const char *texts[] = {
    "{}", "[]", "0", "-0", "7", "-12", "123456789012345678", "9223372036854775807",
    "-9223372036854775808", "1.5", "-0.25", "1e3", "1E-3", "2.5e+10", "0.000001",
    "true", "false", "null", "\"\"", "\"plain\"",
    "\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u00e9\\u20AC\"", "\"\\ud83d\\ude00 smile\"",
    "\"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d\"", "\"tab\tinside\"",
    " \t\r\n{ \"a\" : [ 1 , 2 , { } , [ ] ] , \"b\" : { \"c\" : null } } \n",
    "{\"z\":1,\"a\":2,\"m\":3}", "[[[[[]]]]]", "[\"[{\", \"}]\\\"\"]",
    "{\"format\":\"charter\",\"version\":1,\"plan\":{\"tasks\":[{\"id\":\"a\",\"x\":1.25}]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same_as_json_glib (texts[i]);
}

/* --- Random texts ------------------------------------------------------- */

static void
append_space (GRand   *rand,
              GString *out)
{
  static const char *spaces[] = { "", "", "", " ", "\n", "\t", "\r\n  " };

  g_string_append (out, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
}

static void
append_string (GRand   *rand,
               GString *out)
{
  static const char *pieces[] = { "a", "Z", "7", " ", "é", "“", "😀", "\\\"", "\\\\", "\\/", "\\n",
                                  "\\t", "\\b", "\\f", "\\r", "\\u0041", "\\u00e9", "\\u4e2d",
                                  "\\ud83d\\ude00", "{", "]", ":", "," };
  int n = g_rand_int_range (rand, 0, 6);

  g_string_append_c (out, '"');
  for (int i = 0; i < n; i++)
    g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_string_append_c (out, '"');
}

static void
append_number (GRand   *rand,
               GString *out)
{
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      g_string_append_printf (out, "%d", g_rand_int_range (rand, -1000, 1000));
      break;
    case 1:
      /* Up to 63 bits, either sign. */
      g_string_append_printf (out, "%" G_GINT64_FORMAT,
                              (gint64) (((guint64) g_rand_int (rand) << 31) ^ g_rand_int (rand)) *
                              (g_rand_boolean (rand) ? 1 : -1));
      break;
    case 2:
      g_string_append_printf (out, "%d.%d", g_rand_int_range (rand, -50, 50), g_rand_int_range (rand, 0, 1000));
      break;
    case 3:
      g_string_append_printf (out, "%de%s%d", g_rand_int_range (rand, 1, 10), g_rand_boolean (rand) ? "-" : "",
                              g_rand_int_range (rand, 0, 30));
      break;
    default:
      g_string_append (out, g_rand_boolean (rand) ? "0" : "-0");
      break;
    }
}

static void
append_value (GRand   *rand,
              GString *out,
              int      depth)
{
  int kind = g_rand_int_range (rand, 0, depth > 5 ? 6 : 8);

  switch (kind)
    {
    case 0: append_string (rand, out); break;
    case 1: append_number (rand, out); break;
    case 2: g_string_append (out, "true"); break;
    case 3: g_string_append (out, "false"); break;
    case 4: g_string_append (out, "null"); break;
    case 5: append_number (rand, out); break;
    case 6:
      {
        int n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (out, '{');
        for (int i = 0; i < n; i++)
          {
            append_space (rand, out);
            /* Distinct names: a repeated one is refused, tested below. */
            g_string_append_printf (out, "\"m%d\"", i);
            append_space (rand, out);
            g_string_append_c (out, ':');
            append_space (rand, out);
            append_value (rand, out, depth + 1);
            append_space (rand, out);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        append_space (rand, out);
        g_string_append_c (out, '}');
      }
      break;
    default:
      {
        int n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (out, '[');
        for (int i = 0; i < n; i++)
          {
            append_space (rand, out);
            append_value (rand, out, depth + 1);
            append_space (rand, out);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        g_string_append_c (out, ']');
      }
      break;
    }
}

static void
test_random_texts (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (int i = 0; i < 5000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_space (rand, text);
      append_value (rand, text, 0);
      append_space (rand, text);
      assert_same_as_json_glib (text->str);
    }
}

/* --- Refusals ----------------------------------------------------------- */

typedef struct
{
  const char         *text;
  CharterJsonProblem  problem;
  gsize               offset;
  const char         *words;   /* in the message */
} Refusal;

static const Refusal refusals[] = {
  { "", CHARTER_JSON_PROBLEM_SYNTAX, 0, "the end of the text" },
  { "{\"a\":1,}", CHARTER_JSON_PROBLEM_SYNTAX, 7, "member name" },
  { "[1,]", CHARTER_JSON_PROBLEM_SYNTAX, 3, "“]”" },
  { "[1 2]", CHARTER_JSON_PROBLEM_SYNTAX, 3, "“,” or “]”" },
  { "{\"a\" 1}", CHARTER_JSON_PROBLEM_SYNTAX, 5, "“:”" },
  { "{\"a\":1 \"b\":2}", CHARTER_JSON_PROBLEM_SYNTAX, 7, "“,” or “}”" },
  { "{'a':1}", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“'”" },
  { "[1] // note", CHARTER_JSON_PROBLEM_SYNTAX, 4, "after the end" },
  { "[1, /* x */ 2]", CHARTER_JSON_PROBLEM_SYNTAX, 4, "“/”" },
  { "[True]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“True”" },
  { "[nul]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“nul”" },
  { "[truex]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“truex”" },
  { "[NaN]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“NaN”" },
  { "[012]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“012”" },
  { "[1.]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“1.”" },
  { "[.5]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“.”" },
  { "[+1]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“+”" },
  { "[-]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“-”" },
  { "[1e]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“1e”" },
  { "[0x10]", CHARTER_JSON_PROBLEM_SYNTAX, 1, "“0x10”" },
  { "[\"open", CHARTER_JSON_PROBLEM_SYNTAX, 1, "never closed" },
  { "{\"a\":[1,2", CHARTER_JSON_PROBLEM_SYNTAX, 9, "the end of the text" },
  { "[\"a\\x\"]", CHARTER_JSON_PROBLEM_SYNTAX, 3, "“\\x”" },
  { "[\"\\u12\"]", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\u12”" },
  { "[\"\\", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\”" },   /* a backslash that ends the text */
  { "[\"\\u", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\u”" },
  { "[\"\\é\"]", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\é”" },
  { "[\"\\ud800\"]", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\ud800”" },
  { "[\"\\udc00\"]", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\udc00”" },
  { "[\"\\u0000\"]", CHARTER_JSON_PROBLEM_SYNTAX, 2, "“\\u0000”" },
  { "[1, 99999999999999999999]", CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE, 4, "99999999999999999999" },
  { "[-9223372036854775809]", CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE, 1, "too large" },
  { "[1e999]", CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE, 1, "1e999" },
  { "[[[[[1]]]]]", CHARTER_JSON_PROBLEM_TOO_DEEP, 4, NULL },
};

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *refusal = &refusals[i];
      CharterJsonText text = { refusal->text, strlen (refusal->text) };
      CharterJsonProblem problem = -1;
      g_autofree char *message = NULL;
      gsize offset = 0, problem_offset = G_MAXSIZE;

      /* Four levels allowed: the last case has five. */
      if (charter_json_text_check (&text, 4, &offset, &problem, &problem_offset, &message))
        g_error ("“%s” was taken", refusal->text);
      if (problem != refusal->problem || problem_offset != refusal->offset ||
          (refusal->words != NULL && (message == NULL || strstr (message, refusal->words) == NULL)))
        g_error ("“%s”: expected problem %d at %" G_GSIZE_FORMAT " saying “%s”, got %d at %" G_GSIZE_FORMAT ": %s",
                 refusal->text, refusal->problem, refusal->offset, refusal->words,
                 problem, problem_offset, message);
    }
}

/* The first problem in the text is the one reported. */
static void
test_first_problem (void)
{
  const char *data = "{\"a\": 99999999999999999999999,\n \"b\": 'x'}";
  CharterJsonText text = { data, strlen (data) };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  gsize offset, problem_offset;
  guint line, column;

  g_assert_false (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  g_assert_cmpint (problem, ==, CHARTER_JSON_PROBLEM_NUMBER_TOO_LARGE);
  charter_json_text_position (&text, problem_offset, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 7);
}

static void
test_position (void)
{
  const char *data = "{\n  \"é€\": [1,\n\t x]}";
  CharterJsonText text = { data, strlen (data) };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  gsize offset, problem_offset;
  guint line, column;

  g_assert_false (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  charter_json_text_position (&text, problem_offset, &line, &column);
  /* Columns count characters, not bytes. */
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 3);
}

static void
test_byte_order_mark (void)
{
  const char *data = "\xef\xbb\xbf {\"a\":1}";
  CharterJsonText text = { data, strlen (data) };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize offset = 0, problem_offset;

  g_assert_true (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  g_assert_cmpuint (offset, ==, 4);
  node = charter_json_text_build (&text, offset, NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "a"), ==, 1);
}

/* A text need not end with a NUL byte: nothing reads past its length. */
static void
test_unterminated_buffer (void)
{
  const char *source = "{\"a\":[1,2.5,\"x\",true,null,-7]}";
  gsize length = strlen (source);
  g_autofree char *data = g_malloc (length);
  CharterJsonText text = { NULL, length };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) number = NULL;
  gsize offset, problem_offset, end = 0;

  memcpy (data, source, length);
  text.data = data;
  g_assert_true (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  node = charter_json_text_build (&text, offset, &end, NULL);
  g_assert_cmpuint (end, ==, length);

  /* A number that ends the text. */
  memcpy (data, "12345", 5);
  text.length = 5;
  g_assert_true (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  number = charter_json_text_build (&text, offset, &end, NULL);
  g_assert_cmpint (json_node_get_int (number), ==, 12345);
  g_assert_cmpuint (end, ==, 5);
}

static void
test_duplicate_member (void)
{
  const char *data = "[{\"a\":1,\"b\":{\"c\":1,\"c\":2}}]";
  CharterJsonText text = { data, strlen (data) };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  gsize offset, problem_offset, duplicate = 0;

  /* Well-formed JSON ... */
  g_assert_true (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  /* ... that the builder will not guess about: it points at the second "c". */
  g_assert_null (charter_json_text_build (&text, offset, NULL, &duplicate));
  g_assert_cmpuint (duplicate, ==, strstr (data, "\"c\":2") - data);
}

static void
test_iterate (void)
{
  const char *data = "{ \"first\" : [ {\"id\":\"a\"}, \"]}\\\"\" , 3 , [[]], {\"x\":{}} ] ,\n"
                     "  \"esc\\u00e9\": -1.5e2, \"last\": { \"n\": null } }";
  CharterJsonText text = { data, strlen (data) };
  CharterJsonProblem problem;
  g_autofree char *message = NULL;
  CharterJsonIter members, elements;
  gsize offset, problem_offset, name_offset, value_offset;
  char *name = NULL;
  guint n = 0;

  g_assert_true (charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message));
  g_assert_cmpint (charter_json_text_node_type (&text, offset), ==, JSON_NODE_OBJECT);

  charter_json_iter_init (&members, &text, offset);
  g_assert_true (charter_json_iter_next_member (&members, &name, &name_offset, &value_offset));
  g_assert_cmpstr (name, ==, "first");
  g_assert_cmpuint (name_offset, ==, 2);
  g_clear_pointer (&name, g_free);
  g_assert_cmpint (charter_json_text_node_type (&text, value_offset), ==, JSON_NODE_ARRAY);

  /* Elements, some built (and so not scanned again), some skipped. */
  charter_json_iter_init (&elements, &text, value_offset);
  while (charter_json_iter_next_element (&elements, &offset))
    {
      if (n == 1)
        {
          g_autoptr(JsonNode) node = charter_json_iter_build (&elements, NULL);

          g_assert_cmpstr (json_node_get_string (node), ==, "]}\"");
        }
      if (n == 2)
        {
          g_autoptr(JsonNode) node = charter_json_iter_build (&elements, NULL);

          g_assert_cmpint (json_node_get_int (node), ==, 3);
        }
      n++;
    }
  g_assert_cmpuint (n, ==, 5);

  /* The array was skipped, not built, on the member iterator. */
  g_assert_true (charter_json_iter_next_member (&members, &name, &name_offset, &value_offset));
  g_assert_cmpstr (name, ==, "esc\xc3\xa9");
  g_clear_pointer (&name, g_free);
  {
    g_autoptr(JsonNode) node = charter_json_iter_build (&members, NULL);

    g_assert_cmpfloat (json_node_get_double (node), ==, -150.0);
  }
  g_assert_true (charter_json_iter_next_member (&members, &name, &name_offset, &value_offset));
  g_assert_cmpstr (name, ==, "last");
  g_clear_pointer (&name, g_free);
  g_assert_false (charter_json_iter_next_member (&members, &name, &name_offset, &value_offset));
  g_assert_null (name);

  /* Empty containers. */
  {
    const char *empty = "[ { } , [ ] ]";
    CharterJsonText t = { empty, strlen (empty) };
    CharterJsonIter outer, inner;

    g_assert_true (charter_json_text_check (&t, 64, &offset, &problem, &problem_offset, &message));
    charter_json_iter_init (&outer, &t, offset);
    g_assert_true (charter_json_iter_next_element (&outer, &value_offset));
    charter_json_iter_init (&inner, &t, value_offset);
    g_assert_false (charter_json_iter_next_member (&inner, &name, &name_offset, &offset));
    g_assert_true (charter_json_iter_next_element (&outer, &value_offset));
    charter_json_iter_init (&inner, &t, value_offset);
    g_assert_false (charter_json_iter_next_element (&inner, &offset));
    g_assert_false (charter_json_iter_next_element (&outer, &value_offset));
  }
}

/* --- Found in review of 7ef325c --------------------------------------------- */

/* The message of a refused text, which must exist. */
static char *
refusal_message (const char *data,
                 gsize       length,
                 gsize      *problem_offset)
{
  CharterJsonText text = { data, length };
  CharterJsonProblem problem;
  char *message = NULL;
  gsize offset = 0;

  if (charter_json_text_check (&text, 64, &offset, &problem, problem_offset, &message))
    g_error ("“%.*s” was taken", (int) length, data);
  g_assert_nonnull (message);
  return message;
}

/* A number that is not one is shown cut short, as a number too large is:
 * a run of 5,000 digits must not make a 5,000-character message. */
static void
test_long_bad_number_shown_short (void)
{
  const char *tails[] = { "x", ".", ".5e", "e+", "-" };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      g_autoptr(GString) text = g_string_new ("[");
      g_autofree char *message = NULL;
      gsize problem_offset = 0;

      for (guint k = 0; k < 5000; k++)
        g_string_append_c (text, '1');
      g_string_append (text, tails[i]);
      g_string_append (text, "]");
      message = refusal_message (text->str, text->len, &problem_offset);
      g_assert_cmpuint (problem_offset, ==, 1);
      if (g_utf8_strlen (message, -1) > 200)
        REVIEW_FAIL ("a bad number ending in “%s” gives a message of %ld characters",
                 tails[i], g_utf8_strlen (message, -1));
    }
}

/* A message never shows a character the user cannot see: a control
 * character found between values, or after a backslash, is named (U+000C),
 * and so are the invisible spaces an editor or a word processor leaves
 * (U+00A0, U+200B, U+FEFF away from the start). */
static void
test_invisible_characters_named (void)
{
  static const struct { const char *text; const char *named; } cases[] = {
    { "[1,\f2]", "U+000C" },
    { "[\x01]", "U+0001" },
    { "{\"a\":\x1b}", "U+001B" },
    { "[\"a\\\n\"]", "U+000A" },
    { "[\"a\\\t\"]", "U+0009" },
    { "[1,\xc2\xa0" "2]", "U+00A0" },
    { "[1,\xe2\x80\x8b" "2]", "U+200B" },
    { "[1,\xef\xbb\xbf" "2]", "U+FEFF" },
  };
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize problem_offset = 0;
      g_autofree char *message = refusal_message (cases[i].text, strlen (cases[i].text), &problem_offset);
      gboolean control = FALSE;
      g_autofree char *escaped = g_strescape (message, NULL);

      for (const char *p = message; *p != '\0'; p++)
        if ((guchar) *p < 0x20)
          control = TRUE;
      if (control || strstr (message, cases[i].named) == NULL)
        g_string_append_printf (failures, "\n  case %u: expected %s named, got “%s”", i, cases[i].named, escaped);
    }
  if (failures->len > 0)
    REVIEW_FAIL ("messages that show what cannot be seen:%s", failures->str);
}

/* An editor does not show a byte order mark: positions on the first line
 * count from the character after it. */
static void
test_position_after_byte_order_mark (void)
{
  const char *data = "\xef\xbb\xbf[1 2]";
  CharterJsonText text = { data, strlen (data) };
  g_autofree char *message = NULL;
  gsize problem_offset = 0;
  guint line, column;

  message = refusal_message (data, strlen (data), &problem_offset);
  g_assert_cmpuint (problem_offset, ==, 6);
  charter_json_text_position (&text, problem_offset, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  if (column != 4)
    REVIEW_FAIL ("after a byte order mark, “2” of “[1 2]” is at column %u, not 4", column);
}

/* Every prefix of a text, in a buffer of exactly its length, is checked
 * without reading past it (AddressSanitizer or valgrind catch a read past
 * the end); a refused one is refused at or before its end. */
static void
test_every_prefix (void)
{
  const char *whole =
    "\xef\xbb\xbf {\"a\\u00e9\": [-0.5e-3, 10, true, false, null, \"\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\n\\r\\t\"],\r\n"
    "\t\"b\": {\"\": {}, \"c\": [[], {}]}, \"d\": 12345678901234567890e-5 }  ";
  gsize length = strlen (whole);

  for (gsize n = 1; n <= length; n++)
    {
      char *data = g_malloc (n);
      CharterJsonText text = { data, n };
      CharterJsonProblem problem;
      g_autofree char *message = NULL;
      gsize offset = 0, problem_offset = G_MAXSIZE;

      memcpy (data, whole, n);
      if (g_utf8_validate_len (data, n, NULL))
        {
          gboolean taken = charter_json_text_check (&text, 64, &offset, &problem, &problem_offset, &message);

          /* The whole text, and it with some of its trailing spaces. */
          if (taken)
            {
              g_autoptr(JsonNode) node = charter_json_text_build (&text, offset, NULL, NULL);

              g_assert_nonnull (node);
              g_assert_cmpuint (n, >=, length - 2);
            }
          else
            {
              g_assert_cmpuint (problem_offset, <=, n);
              g_assert_nonnull (message);
            }
        }
      g_free (data);
    }
}

int
main (int    argc,
      char **argv)
{
  /* Keep going past a failed test (REVIEW_FAIL), so that one run lists
   * every check that fails, not only the first. */
  g_autofree char **args = g_new0 (char *, argc + 2);

  memcpy (args, argv, sizeof (char *) * argc);
  args[argc++] = (char *) "--keep-going";
  argv = args;
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/json-text/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/io/json-text/random-texts", test_random_texts);
  g_test_add_func ("/io/json-text/refusals", test_refusals);
  g_test_add_func ("/io/json-text/first-problem", test_first_problem);
  g_test_add_func ("/io/json-text/position", test_position);
  g_test_add_func ("/io/json-text/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/io/json-text/unterminated-buffer", test_unterminated_buffer);
  g_test_add_func ("/io/json-text/duplicate-member", test_duplicate_member);
  g_test_add_func ("/io/json-text/iterate", test_iterate);
  g_test_add_func ("/io/json-text/review/long-bad-number", test_long_bad_number_shown_short);
  g_test_add_func ("/io/json-text/review/invisible-characters", test_invisible_characters_named);
  g_test_add_func ("/io/json-text/review/position-after-bom", test_position_after_byte_order_mark);
  g_test_add_func ("/io/json-text/review/every-prefix", test_every_prefix);

  return g_test_run ();
}
