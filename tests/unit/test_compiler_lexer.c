/* Lexer tests: token kinds, keyword identities, flags (line break before, escapes, legacy octal),
 * literal values, templates and regular expressions read by rescan, positions in UTF-16 units,
 * error tokens, and state save/restore for lookahead. */
#include "test_compiler_util.h"

#include "compiler/lexer.h"

typedef struct lexed {
  js_arena arena;
  js_lexer lx;
} lexed;

static lexed *lex_open(const char *src, bool module) {
  lexed *l = calloc(1, sizeof *l);
  js_arena_init(&l->arena, 0);
  js_lexer_init(&l->lx, src, (uint32_t)strlen(src), &l->arena, module);
  return l;
}

static void lex_close(lexed *l) {
  js_lexer_free(&l->lx);
  js_arena_free(&l->arena);
  free(l);
}

/* Token types of a whole input, as a space-separated string of their texts. */
static void types_of(const char *src, char *out, size_t size) {
  lexed *l = lex_open(src, false);
  size_t n = 0;
  out[0] = 0;
  for (;;) {
    js_lexer_next(&l->lx);
    if (l->lx.tok.type == JS_T_EOF) break;
    n += (size_t)snprintf(out + n, size - n, "%s%s", n ? " " : "", js_tok_text((js_tok)l->lx.tok.type));
    if (l->lx.tok.type == JS_T_ERROR) break;
  }
  lex_close(l);
}

static void test_punctuators(void **state) {
  (void)state;
  static const struct { const char *src, *types; } rows[] = {
    {"{ } ( ) [ ] . ... ; , ? ?. : => @", "{ } ( ) [ ] . ... ; , ? ?. : => @"},
    {"< > <= >= == != === !==", "< > <= >= == != === !=="},
    {"+ - * / % ** ++ -- << >> >>> & | ^ ! ~ && || ??", "+ - * / % ** ++ -- << >> >>> & | ^ ! ~ && || ?\?"},
    {"= += -= *= /= %= **= <<= >>= >>>= &= |= ^= &&= ||= ?\?=",
     "= += -= *= /= %= **= <<= >>= >>>= &= |= ^= &&= ||= ?\?="},
    {"a?.5:b", "identifier ? number : identifier"},
    {"a?.b", "identifier ?. identifier"},
    {"a---b", "identifier -- - identifier"},
    {"a=>b", "identifier => identifier"},
    {"....5", "... number"},
    {"x>>>=y", "identifier >>>= identifier"},
    {"a/b/c", "identifier / identifier / identifier"},
    {"#x.#y", "private name . private name"},
    {"'s'`t`5n", "string template bigint"},
    {"`a${", "template"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char got[512];
    types_of(rows[i].src, got, sizeof got);
    if (strcmp(got, rows[i].types) != 0) {
      print_error("input: %s\nexpected: %s\ngot:      %s\n\n", rows[i].src, rows[i].types, got);
      bad++;
    }
  }
  if (bad) fail();
}

static void test_keywords(void **state) {
  (void)state;
  static const struct { const char *src; js_kw kw; bool escaped; } rows[] = {
    {"if", JS_KW_IF, false}, {"instanceof", JS_KW_INSTANCEOF, false}, {"let", JS_KW_LET, false},
    {"yield", JS_KW_YIELD, false}, {"await", JS_KW_AWAIT, false}, {"async", JS_KW_ASYNC, false},
    {"constructor", JS_KW_CONSTRUCTOR, false}, {"arguments", JS_KW_ARGUMENTS, false}, {"using", JS_KW_USING, false},
    {"i\\u0066", JS_KW_IF, true}, {"\\u{6c}et", JS_KW_LET, true}, {"iff", JS_KW_NONE, false}, {"If", JS_KW_NONE, false},
    {"x", JS_KW_NONE, false}, {"ifx", JS_KW_NONE, false}, {"a\\u0062", JS_KW_NONE, true},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    assert_int_equal(l->lx.tok.type, JS_T_NAME);
    if (l->lx.tok.kw != rows[i].kw || ((l->lx.tok.flags & JS_TF_ESCAPED) != 0) != rows[i].escaped)
      fail_msg("%s: kw %d escaped %d", rows[i].src, l->lx.tok.kw, (l->lx.tok.flags & JS_TF_ESCAPED) != 0);
    lex_close(l);
  }
  assert_string_equal(js_kw_text(JS_KW_INSTANCEOF), "instanceof");
}

static void test_identifier_values(void **state) {
  (void)state;
  static const struct { const char *src, *name; } rows[] = {
    {"abc", "abc"}, {"$_1", "$_1"}, {"\\u0061bc", "abc"}, {"a\\u{62}c", "abc"}, {"caf\xc3\xa9", "caf\xc3\xa9"},
    {"\xe2\x84\xae", "\xe2\x84\xae"}, {"a\xe2\x80\x8c" "b", "a\xe2\x80\x8c" "b"}, {"\\u{1d4d0}", "\xf0\x9d\x93\x90"},
    {"\xf0\x9d\x93\x90x", "\xf0\x9d\x93\x90x"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    assert_int_equal(l->lx.tok.type, JS_T_NAME);
    assert_int_equal(l->lx.tok.value.len, strlen(rows[i].name));
    assert_memory_equal(l->lx.tok.value.ptr, rows[i].name, strlen(rows[i].name));
    js_lexer_next(&l->lx);
    assert_int_equal(l->lx.tok.type, JS_T_EOF);
    lex_close(l);
  }
}

static void test_newline_before(void **state) {
  (void)state;
  static const struct { const char *src; bool nl; } rows[] = {
    {"a b", false}, {"a\nb", true}, {"a\rb", true}, {"a\r\nb", true}, {"a\xe2\x80\xa8" "b", true},
    {"a\xe2\x80\xa9" "b", true}, {"a /* */ b", false}, {"a /*\n*/ b", true}, {"a // c\nb", true},
    {"a\t\v\f\xc2\xa0\xef\xbb\xbf\xe3\x80\x80" "b", false},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    assert_int_equal(l->lx.tok.type, JS_T_NAME);
    js_lexer_next(&l->lx);
    if (l->lx.tok.type != JS_T_NAME || ((l->lx.tok.flags & JS_TF_NL_BEFORE) != 0) != rows[i].nl)
      fail_msg("row %zu: type %d flags %x", i, l->lx.tok.type, l->lx.tok.flags);
    lex_close(l);
  }
}

static void test_numbers(void **state) {
  (void)state;
  static const struct { const char *src; double v; bool legacy; } rows[] = {
    {"0", 0, false}, {"7", 7, false}, {"1_2_3", 123, false}, {"0.5", 0.5, false}, {".5e1", 5, false},
    {"0x_", -1, false}, {"0xAbC", 2748, false}, {"0o1_7", 15, false}, {"0B1_1", 3, false}, {"007", 7, true},
    {"0777", 511, true}, {"089", 89, true}, {"08.5", 8.5, true}, {"08e1", 80, true}, {"1e+2", 100, false},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    if (rows[i].v < 0) {
      assert_int_equal(l->lx.tok.type, JS_T_ERROR);
    } else {
      assert_int_equal(l->lx.tok.type, JS_T_NUMBER);
      if (l->lx.tok.num != rows[i].v) fail_msg("%s: %.17g", rows[i].src, l->lx.tok.num);
      assert_int_equal((l->lx.tok.flags & JS_TF_LEGACY_OCTAL) != 0, rows[i].legacy);
      js_lexer_next(&l->lx);
      assert_int_equal(l->lx.tok.type, JS_T_EOF);
    }
    lex_close(l);
  }
  /* BigInt values keep the radix prefix and drop separators. */
  static const struct { const char *src, *v; } big[] = {{"0n", "0"}, {"12_3n", "123"}, {"0xFfn", "0xFf"}, {"0b1_0n", "0b10"}};
  for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
    lexed *l = lex_open(big[i].src, false);
    js_lexer_next(&l->lx);
    assert_int_equal(l->lx.tok.type, JS_T_BIGINT);
    assert_int_equal(l->lx.tok.value.len, strlen(big[i].v));
    assert_memory_equal(l->lx.tok.value.ptr, big[i].v, strlen(big[i].v));
    lex_close(l);
  }
}

static void test_string_flags(void **state) {
  (void)state;
  static const struct { const char *src; uint16_t flags; uint32_t esc_off; } rows[] = {
    {"'abc'", 0, 0}, {"'a\\nb'", JS_TF_HAS_ESCAPE, 0}, {"'ab\\01'", JS_TF_HAS_ESCAPE | JS_TF_OCTAL_ESCAPE, 3},
    {"'\\0'", JS_TF_HAS_ESCAPE, 0}, {"'\\00'", JS_TF_HAS_ESCAPE | JS_TF_OCTAL_ESCAPE, 1},
    {"'x\\9'", JS_TF_HAS_ESCAPE | JS_TF_OCTAL_ESCAPE, 2}, {"'\\\n'", JS_TF_HAS_ESCAPE, 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    assert_int_equal(l->lx.tok.type, JS_T_STRING);
    assert_int_equal(l->lx.tok.flags, rows[i].flags);
    if (rows[i].flags & JS_TF_OCTAL_ESCAPE) assert_int_equal(l->lx.tok.esc_off, rows[i].esc_off);
    lex_close(l);
  }
}

static void test_templates(void **state) {
  (void)state;
  lexed *l = lex_open("`a\\x41${b}c\r\nd${e}\\u{`", false);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_TEMPLATE_HEAD);
  assert_int_equal(l->lx.tok.value.len, 2);
  assert_memory_equal(l->lx.tok.value.ptr, "aA", 2);
  assert_int_equal(l->lx.tok.raw.len, 5);
  assert_memory_equal(l->lx.tok.raw.ptr, "a\\x41", 5);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_NAME);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_RBRACE);
  js_lexer_rescan_template(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_TEMPLATE_MIDDLE);
  assert_int_equal(l->lx.tok.raw.len, 3); /* CRLF reads as LF */
  assert_memory_equal(l->lx.tok.raw.ptr, "c\nd", 3);
  assert_memory_equal(l->lx.tok.value.ptr, "c\nd", 3);
  js_lexer_next(&l->lx);
  js_lexer_next(&l->lx);
  js_lexer_rescan_template(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_TEMPLATE_TAIL);
  assert_true(l->lx.tok.flags & JS_TF_INVALID_ESCAPE);
  assert_null(l->lx.tok.value.ptr);
  assert_int_equal(l->lx.tok.raw.len, 3);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_EOF);
  lex_close(l);
}

static void test_regexp_rescan(void **state) {
  (void)state;
  static const struct { const char *src, *pattern, *flags; const char *error; } rows[] = {
    {"/a/g", "a", "g", NULL}, {"/[/]\\//dgimsuy", "[/]\\/", "dgimsuy", NULL}, {"/=/", "=", "", NULL},
    {"/a/v", "a", "v", NULL}, {"/a/uv", NULL, NULL, "Invalid regular expression flags"},
    {"/a/gg", NULL, NULL, "Invalid regular expression flags"}, {"/a/\\u0067", NULL, NULL, "Invalid regular expression flags"},
    {"/a\n/", NULL, NULL, "Invalid regular expression: missing /"}, {"/[/", NULL, NULL, "Invalid regular expression: missing /"},
    {"/a\\", NULL, NULL, "Invalid regular expression: missing /"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    assert_true(l->lx.tok.type == JS_T_SLASH || l->lx.tok.type == JS_T_SLASH_ASSIGN);
    js_lexer_rescan_regexp(&l->lx);
    if (rows[i].error) {
      assert_int_equal(l->lx.tok.type, JS_T_ERROR);
      assert_string_equal(l->lx.tok.error, rows[i].error);
    } else {
      assert_int_equal(l->lx.tok.type, JS_T_REGEXP);
      assert_int_equal(l->lx.tok.value.len, strlen(rows[i].pattern));
      assert_memory_equal(l->lx.tok.value.ptr, rows[i].pattern, strlen(rows[i].pattern));
      assert_int_equal(l->lx.tok.raw.len, strlen(rows[i].flags));
      js_lexer_next(&l->lx);
      assert_int_equal(l->lx.tok.type, JS_T_EOF);
    }
    lex_close(l);
  }
}

static void test_positions(void **state) {
  (void)state;
  lexed *l = lex_open("\xef\xbb\xbf" "a \xf0\x9f\x98\x80/*\xc3\xa9*/ b\r\n  c", false);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.line, 1);
  assert_int_equal(l->lx.tok.col, 1); /* after the BOM, one UTF-16 unit */
  assert_int_equal(l->lx.tok.start, 3);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_ERROR); /* U+1F600 cannot start a name */
  lex_close(l);
  l = lex_open("'\xf0\x9f\x98\x80' /*\xc3\xa9*/ b\r\n  c\xe2\x80\xa8" "d", false);
  js_lexer_next(&l->lx);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.col, 11); /* '😀' is 4 units, a space, the comment 5, a space */
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.line, 2);
  assert_int_equal(l->lx.tok.col, 2);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.line, 3);
  assert_int_equal(l->lx.tok.col, 0);
  uint32_t line, col;
  js_lexer_position(&l->lx, 9, &line, &col); /* the é inside the comment */
  assert_int_equal(line, 1);
  assert_int_equal(col, 7);
  lex_close(l);
}

static void test_hashbang_and_html_comments(void **state) {
  (void)state;
  lexed *l = lex_open("#!/usr/bin/env node --flag\nx", false);
  assert_int_equal(l->lx.hashbang.len, 24);
  assert_memory_equal(l->lx.hashbang.ptr, "/usr/bin/env node --flag", 24);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_NAME);
  assert_int_equal(l->lx.tok.line, 2);
  lex_close(l);
  char got[256];
  types_of("a <!-- b\nc", got, sizeof got);
  assert_string_equal(got, "identifier identifier");
  types_of("a\n--> b\nc", got, sizeof got);
  assert_string_equal(got, "identifier identifier");
  types_of("a --> b", got, sizeof got);
  assert_string_equal(got, "identifier -- > identifier");
  types_of("x\n/* c\n */ --> d\ny", got, sizeof got);
  assert_string_equal(got, "identifier identifier");
  /* Modules have no HTML-like comments. */
  l = lex_open("a <!-- b", true);
  js_lexer_next(&l->lx);
  js_lexer_next(&l->lx);
  assert_int_equal(l->lx.tok.type, JS_T_LT);
  lex_close(l);
  /* #! only at the very start */
  types_of("x\n#!y", got, sizeof got);
  assert_string_equal(got, "identifier invalid token");
}

static void test_error_tokens(void **state) {
  (void)state;
  static const struct { const char *src, *error; } rows[] = {
    {"'abc", "Unterminated string constant"}, {"'a\nb'", "Unterminated string constant"},
    {"`abc", "Unterminated template literal"}, {"/* x", "Unterminated comment"},
    {"\\u0030", "Invalid Unicode escape sequence"}, {"\\x41", "Invalid Unicode escape sequence"},
    {"1_", "Numeric separators are allowed only between digits"}, {"0_0", "Numeric separator can not be used after leading 0"},
    {"1__1", "Only one underscore is allowed as numeric separator"}, {"07_1", "Numeric separators are not allowed here"},
    {"0b", "Invalid or unexpected token"}, {"1.0n", "Invalid BigInt literal"}, {"3x", "Invalid or unexpected token"},
    {"'\\x1'", "Invalid hexadecimal escape sequence"}, {"'\\u{110000}'", "Undefined Unicode code-point"},
    {"#1", "Invalid or unexpected token"}, {"\xe2\x82\xac", "Invalid or unexpected token"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    lexed *l = lex_open(rows[i].src, false);
    js_lexer_next(&l->lx);
    if (l->lx.tok.type != JS_T_ERROR || strcmp(l->lx.tok.error, rows[i].error) != 0)
      fail_msg("%s: type %d error %s", rows[i].src, l->lx.tok.type, l->lx.tok.error ? l->lx.tok.error : "-");
    lex_close(l);
  }
}

static void test_save_restore(void **state) {
  (void)state;
  lexed *l = lex_open("a\n  b c", false);
  js_lexer_next(&l->lx);
  js_lexer_state s;
  js_lexer_save(&l->lx, &s);
  js_lexer_next(&l->lx);
  js_lexer_next(&l->lx);
  assert_memory_equal(l->lx.tok.value.ptr, "c", 1);
  js_lexer_restore(&l->lx, &s);
  assert_memory_equal(l->lx.tok.value.ptr, "a", 1);
  js_lexer_next(&l->lx);
  assert_memory_equal(l->lx.tok.value.ptr, "b", 1);
  assert_int_equal(l->lx.tok.line, 2);
  assert_int_equal(l->lx.tok.col, 2);
  assert_true(l->lx.tok.flags & JS_TF_NL_BEFORE);
  lex_close(l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_punctuators),
    cmocka_unit_test(test_keywords),
    cmocka_unit_test(test_identifier_values),
    cmocka_unit_test(test_newline_before),
    cmocka_unit_test(test_numbers),
    cmocka_unit_test(test_string_flags),
    cmocka_unit_test(test_templates),
    cmocka_unit_test(test_regexp_rescan),
    cmocka_unit_test(test_positions),
    cmocka_unit_test(test_hashbang_and_html_comments),
    cmocka_unit_test(test_error_tokens),
    cmocka_unit_test(test_save_restore),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
