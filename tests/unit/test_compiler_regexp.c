/* Regular expression pattern validation (the early errors of RegularExpressionLiteral): rows of
 * pattern, flags, expected error (NULL when valid) and its offset in the pattern. Without u or v
 * the Annex B grammar applies; with u the strict one; with v the class set syntax. */
#include "test_compiler_util.h"

#include "compiler/parser.h"

typedef struct rx_row {
  const char *pattern;
  const char *flags;
  const char *error;
  uint32_t at;
} rx_row;

/* Generated from the validator's output and reviewed by hand against ECMA-262 22.2 and B.1.2. */
static const rx_row rx_rows[] = {
  {"a|b", "", NULL, 0},
  {"(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)", "", NULL, 0},
  {"a*b+c?d{1}e{1,}f{1,2}g*?h+?i?\?j{1}?", "", NULL, 0},
  {"^$\\b\\B", "", NULL, 0},
  {"[a-z\\d]", "", NULL, 0},
  {"[^]", "", NULL, 0},
  {"[]", "", NULL, 0},
  {"\\1(a)", "", NULL, 0},
  {"(?<n>a)\\k<n>", "", NULL, 0},
  {"(?<n>a)|(?<n>b)", "", NULL, 0},
  {"((?<n>a)|(?<n>b))", "", NULL, 0},
  {"(?:(?<n>a)|b)(?<n>c)", "", "Duplicate capture group name", 13},
  {"(?i:a)", "", NULL, 0},
  {"(?-i:a)", "", NULL, 0},
  {"(?i-ms:a)", "", NULL, 0},
  {"a{", "", NULL, 0},
  {"a{1", "", NULL, 0},
  {"a{,1}", "", NULL, 0},
  {"}", "", NULL, 0},
  {"]", "", NULL, 0},
  {"\\c", "", NULL, 0},
  {"\\c1", "", NULL, 0},
  {"[\\c1]", "", NULL, 0},
  {"\\8", "", NULL, 0},
  {"\\08", "", NULL, 0},
  {"(?=a)*", "", NULL, 0},
  {"[\\d-z]", "", NULL, 0},
  {"\\k", "", NULL, 0},
  {"\\p", "", NULL, 0},
  {"[😀-😂]", "", "Range out of order in character class", 5},
  {"\\u{1F600}", "", NULL, 0},
  {"x{2,1}", "", "numbers out of order in {} quantifier", 1},
  {"(", "", "Unterminated group", 1},
  {")", "", "Unmatched ')'", 0},
  {"[", "", "Unterminated character class", 1},
  {"a**", "", "Nothing to repeat", 2},
  {"*", "", "Nothing to repeat", 0},
  {"+a", "", "Nothing to repeat", 0},
  {"?", "", "Nothing to repeat", 0},
  {"{1}", "", "Nothing to repeat", 0},
  {"a|{1}", "", "Nothing to repeat", 2},
  {"x{99999999999999999999,1}", "", "numbers out of order in {} quantifier", 1},
  {"x{1,99999999999999999999}", "", NULL, 0},
  {"(?<n>a)(?<n>b)", "", "Duplicate capture group name", 7},
  {"(?<n>a)\\k<m>", "", "Invalid named capture referenced", 7},
  {"(?<1>a)", "", "Invalid capture group name", 3},
  {"(?<a b>x)", "", "Invalid capture group name", 4},
  {"(?<\\u0061>a)\\k<a>", "", NULL, 0},
  {"(?<𝓐>a)", "", NULL, 0},
  {"(?a)", "", "Invalid group", 2},
  {"(?ii:a)", "", "Repeated flag in modifiers", 3},
  {"(?-:a)", "", "Invalid group", 3},
  {"(?i-i:a)", "", "Repeated flag in modifiers", 4},
  {"(?<=a)*", "", "Nothing to repeat", 0},
  {"\\k<n>", "", NULL, 0},
  {"a(?=b){2}", "", NULL, 0},
  {"[b-a]", "", "Range out of order in character class", 1},
  {"\\xg", "", NULL, 0},
  {"\\u12", "", NULL, 0},
  {"a{1}{2}", "", "Nothing to repeat", 4},
  {"^*", "", "Nothing to repeat", 0},
  {"$+", "", "Nothing to repeat", 0},
  {"\\b+", "", "Nothing to repeat", 0},
  {"a", "u", NULL, 0},
  {"\\1", "u", "Invalid escape", 0},
  {"\\1(a)", "u", NULL, 0},
  {"\\00", "u", "Invalid decimal escape", 0},
  {"\\0", "u", NULL, 0},
  {"{", "u", "Lone quantifier brackets", 0},
  {"}", "u", "Lone quantifier brackets", 0},
  {"]", "u", "Lone quantifier brackets", 0},
  {"\\c1", "u", "Invalid unicode escape", 0},
  {"\\cA", "u", NULL, 0},
  {"\\x1", "u", "Invalid escape", 0},
  {"\\x41", "u", NULL, 0},
  {"\\u{110000}", "u", "Invalid Unicode escape", 9},
  {"\\u{10FFFF}", "u", NULL, 0},
  {"\\uD83D\\uDE00", "u", NULL, 0},
  {"\\q", "u", "Invalid escape", 0},
  {"\\-", "u", "Invalid escape", 0},
  {"[\\-]", "u", NULL, 0},
  {"(?=a)*", "u", "Nothing to repeat", 0},
  {"(?<=a)", "u", NULL, 0},
  {"[\\d-z]", "u", "Invalid character class", 1},
  {"[a-\\d]", "u", "Invalid character class", 1},
  {"\\p{Foo}", "u", "Invalid property name", 2},
  {"\\p{L}", "u", NULL, 0},
  {"\\p{Lu}", "u", NULL, 0},
  {"\\p{lu}", "u", "Invalid property name", 2},
  {"\\p{Letter}", "u", NULL, 0},
  {"\\p{General_Category=Letter}", "u", NULL, 0},
  {"\\p{gc=Lu}", "u", NULL, 0},
  {"\\p{Script=Greek}", "u", NULL, 0},
  {"\\p{sc=Grek}", "u", NULL, 0},
  {"\\p{Script_Extensions=Latin}", "u", NULL, 0},
  {"\\p{scx=Latn}", "u", NULL, 0},
  {"\\p{Script=Foo}", "u", "Invalid property name", 2},
  {"\\p{gc=Latin}", "u", "Invalid property name", 2},
  {"\\p{Script=Lu}", "u", "Invalid property name", 2},
  {"\\p{ASCII}", "u", NULL, 0},
  {"\\p{Any}", "u", NULL, 0},
  {"\\p{ascii}", "u", "Invalid property name", 2},
  {"\\P{Emoji}", "u", NULL, 0},
  {"\\p{RGI_Emoji}", "u", "Invalid property name", 2},
  {"\\p{Lu", "u", "Invalid property name", 2},
  {"\\p{}", "u", "Invalid property name", 2},
  {"\\p{=L}", "u", "Invalid property name", 2},
  {"\\p{L=}", "u", "Invalid property name", 2},
  {"[😀-😂]", "u", NULL, 0},
  {"[z-a]", "u", "Range out of order in character class", 1},
  {"\\k<a>", "u", "Invalid named capture referenced", 0},
  {"(?<a>.)\\k<a>", "u", NULL, 0},
  {"\\a", "u", "Invalid escape", 0},
  {"\\/", "u", NULL, 0},
  {"\\.", "u", NULL, 0},
  {"\\$", "u", NULL, 0},
  {"a{1", "u", "Incomplete quantifier", 1},
  {"a{,1}", "u", "Incomplete quantifier", 1},
  {"(?<a>)", "u", NULL, 0},
  {"\\p{Script=Zyyy}", "u", NULL, 0},
  {"\\p{Script=Unknown}", "u", NULL, 0},
  {"\\p{Script=Blis}", "u", "Invalid property name", 2},
  {"\\p{Cased_Letter}", "u", NULL, 0},
  {"\\p{LC}", "u", NULL, 0},
  {"\\p{punct}", "u", NULL, 0},
  {"\\p{L&}", "u", "Invalid property name", 2},
  {"[\\p{L}--\\p{Lu}]", "v", NULL, 0},
  {"[[a-z]&&[aeiou]]", "v", NULL, 0},
  {"[\\q{abc|d}]", "v", NULL, 0},
  {"\\p{RGI_Emoji}", "v", NULL, 0},
  {"\\P{RGI_Emoji}", "v", "Invalid property name", 2},
  {"[^\\p{RGI_Emoji}]", "v", "Negated character class may contain strings", 16},
  {"[^\\q{ab}]", "v", "Negated character class may contain strings", 9},
  {"[^\\q{a|b}]", "v", NULL, 0},
  {"[^[\\q{ab}]--\\q{ab}]", "v", "Negated character class may contain strings", 19},
  {"[a&&&b]", "v", "Invalid set operation in character class", 4},
  {"[a&&b--c]", "v", "Invalid set operation in character class", 5},
  {"[a--b&&c]", "v", "Invalid set operation in character class", 5},
  {"[(]", "v", "Invalid character in character class", 1},
  {"[\\(]", "v", NULL, 0},
  {"[a-\\d]", "v", "Invalid set operation in character class", 3},
  {"[a-z]", "v", NULL, 0},
  {"[z-a]", "v", "Range out of order in character class", 2},
  {"[a&&]", "v", "Invalid character in character class", 4},
  {"[&&a]", "v", "Invalid set operation in character class", 1},
  {"[a--]", "v", "Invalid character in character class", 4},
  {"[!!]", "v", "Invalid set operation in character class", 1},
  {"[\\!\\!]", "v", NULL, 0},
  {"[ab--c]", "v", "Invalid set operation in character class", 3},
  {"[a-c--b]", "v", "Invalid set operation in character class", 4},
  {"[a|b]", "v", "Invalid character in character class", 2},
  {"[\\q{]", "v", "Invalid character in character class", 4},
  {"[\\q{a}b]", "v", NULL, 0},
  {"[[[[a]]]]", "v", NULL, 0},
  {"[^]", "v", NULL, 0},
  {"[]", "v", NULL, 0},
  {"[\\b]", "v", NULL, 0},
  {"[\\d--\\w]", "v", NULL, 0},
  {"[a&b]", "v", NULL, 0},
  {"[a&&b&&c]", "v", NULL, 0},
  {"[.-.]", "v", NULL, 0},
};

static void test_patterns(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof rx_rows / sizeof *rx_rows; i++) {
    const rx_row *r = &rx_rows[i];
    uint32_t at = 0;
    const char *e = js__regexp_validate(r->pattern, (uint32_t)strlen(r->pattern), r->flags, (uint32_t)strlen(r->flags), &at);
    bool ok = r->error ? (e && strcmp(e, r->error) == 0 && at == r->at) : e == NULL;
    if (!ok) {
      print_error("/%s/%s: expected %s @%u, got %s @%u\n", r->pattern, r->flags, r->error ? r->error : "valid", r->at,
                  e ? e : "valid", at);
      bad++;
    }
  }
  if (bad) fail_msg("%d of %zu rows failed", bad, sizeof rx_rows / sizeof *rx_rows);
}

static const error_row literal_errors[] = {
  {"x = /a{2,1}/", "1:7: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier"},
  {"x = /(?<n>a)(?<n>b)/u", "1:13: Invalid regular expression: /(?<n>a)(?<n>b)/u: Duplicate capture group name"},
  {"x = /\\p{Nope}/u", "1:8: Invalid regular expression: /\\p{Nope}/u: Invalid property name"},
  {"x = /[^\\q{ab}]/v", "1:15: Invalid regular expression: /[^\\q{ab}]/v: Negated character class may contain strings"},
};

static void test_literal_errors(void **state) {
  (void)state;
  run_error_rows(ROWS(literal_errors), JS_GOAL_SCRIPT);
  /* Valid flags combinations parse; u with v does not. */
  js_ast *a = parse_goal("x = /a/dgimsuy; y = /[a&&b]/v", JS_GOAL_SCRIPT);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
  a = parse_goal("x = /a/uv", JS_GOAL_SCRIPT);
  assert_int_equal(a->nerrors, 1);
  assert_string_equal(a->errors[0].message, "Invalid regular expression flags");
  js_ast_free(a);
}

static void test_deep_patterns_are_bounded(void **state) {
  (void)state;
  size_t n = 100000;
  char *p = malloc(2 * n + 1);
  memset(p, '(', n);
  memset(p + n, ')', n);
  p[2 * n] = 0;
  uint32_t at;
  const char *e = js__regexp_validate(p, (uint32_t)(2 * n), "", 0, &at);
  assert_non_null(e);
  assert_string_equal(e, "Regular expression too deeply nested");
  memset(p, '[', n);
  memset(p + n, ']', n);
  e = js__regexp_validate(p, (uint32_t)(2 * n), "v", 1, &at);
  assert_non_null(e);
  assert_string_equal(e, "Regular expression too deeply nested");
  free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_patterns),
    cmocka_unit_test(test_literal_errors),
    cmocka_unit_test(test_deep_patterns_are_bounded),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
