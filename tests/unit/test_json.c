/* dx_json_parse: valid documents, every error class, depth limit, Unicode. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "modules/json.h"

static dx_json *parse(const char *s, dx_json_error *err) { return dx_json_parse(s, strlen(s), err); }

static void test_values(void **state) {
    (void)state;
    dx_json_error err;
    dx_json *v = parse(" { \"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"d\"}, \"a2\": 0 } ", &err);
    assert_non_null(v);
    assert_int_equal(v->type, DX_JSON_OBJECT);
    assert_int_equal(v->count, 3);
    const dx_json *a = dx_json_get(v, "a");
    assert_int_equal(a->type, DX_JSON_ARRAY);
    assert_int_equal(a->count, 5);
    assert_true(a->items[0]->number == 1);
    assert_true(a->items[1]->number == -2500);
    assert_int_equal(a->items[2]->type, DX_JSON_TRUE);
    assert_int_equal(a->items[3]->type, DX_JSON_FALSE);
    assert_int_equal(a->items[4]->type, DX_JSON_NULL);
    assert_string_equal(dx_json_get(dx_json_get(v, "b"), "c")->string, "d");
    assert_null(dx_json_get(v, "missing"));
    assert_string_equal(v->keys[2], "a2"); /* source order */
    dx_json_free(v);
}

static void test_duplicate_keys_last_wins(void **state) {
    (void)state;
    dx_json *v = parse("{\"k\": 1, \"k\": 2}", NULL);
    assert_true(dx_json_get(v, "k")->number == 2);
    dx_json_free(v);
}

static void test_strings_and_escapes(void **state) {
    (void)state;
    dx_json *v = parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\\ud800x\"", NULL);
    assert_non_null(v);
    const char want[] = "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBDx";
    assert_int_equal(v->length, sizeof want - 1);
    assert_memory_equal(v->string, want, sizeof want - 1);
    dx_json_free(v);
    v = parse("\"nul\\u0000inside\"", NULL);
    assert_int_equal(v->length, 10);
    dx_json_free(v);
}

static void test_errors(void **state) {
    (void)state;
    static const struct { const char *in; const char *msg; int line, col; } rows[] = {
        {"", "Unexpected end of JSON input", 1, 1},
        {"{\"a\": 1,}", "Expected property name in JSON", 1, 9},
        {"[1 2]", "Expected ',' or ']' after array element in JSON", 1, 4},
        {"{\"a\" 1}", "Expected ':' after property name in JSON", 1, 6},
        {"\"abc", "Unterminated string in JSON", 1, 1},
        {"\"a\tb\"", "Bad control character in string literal in JSON", 1, 3},
        {"\"\\x\"", "Bad escaped character in JSON", 1, 3},
        {"\"\\u12g4\"", "Bad Unicode escape in JSON", 1, 4},
        {"01", "Unexpected non-whitespace character after JSON", 1, 2},
        {"-", "No number after minus sign in JSON", 1, 2},
        {"1.", "Unterminated fractional number in JSON", 1, 3},
        {"1e+", "Exponent part is missing a number in JSON", 1, 4},
        {"tru", "Unexpected token in JSON", 1, 1},
        {"{}\n\n  x", "Unexpected non-whitespace character after JSON", 3, 3},
        {"'single'", "Unexpected token in JSON", 1, 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        dx_json_error err;
        dx_json *v = parse(rows[i].in, &err);
        if (v || !err.message || strcmp(err.message, rows[i].msg) != 0 || err.line != rows[i].line ||
            err.column != rows[i].col) {
            print_error("input %s: got %s at %d:%d\n", rows[i].in, err.message ? err.message : "(none)", err.line, err.column);
            fail();
        }
    }
}

static void test_depth_limit(void **state) {
    (void)state;
    size_t n = DX_JSON_MAX_DEPTH + 10;
    char *s = malloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = 0;
    dx_json_error err;
    assert_null(parse(s, &err));
    assert_string_equal(err.message, "JSON nested too deeply");
    s[DX_JSON_MAX_DEPTH] = 0; /* exactly the limit, unbalanced: still an error, not a crash */
    assert_null(parse(s, &err));
    free(s);
    /* exactly at the limit and balanced: accepted */
    n = DX_JSON_MAX_DEPTH;
    s = malloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = 0;
    dx_json *v = parse(s, &err);
    assert_non_null(v);
    dx_json_free(v);
    free(s);
}

static void test_bom_is_skipped(void **state) {
    (void)state;
    dx_json *v = parse("\xEF\xBB\xBF{\"x\": 1}", NULL);
    assert_non_null(v);
    dx_json_free(v);
}

/* Random bytes and random mutations of a valid document never crash (ASan run). */
static void test_garbage(void **state) {
    (void)state;
    const char *base = "{\"name\":\"p\",\"exports\":{\".\":{\"require\":\"./a.js\"},\"./x/*\":[\"./y/*.js\",null]},\"n\":-1.5e-3}";
    size_t bl = strlen(base);
    char buf[128];
    uint32_t x = 99;
    for (int iter = 0; iter < 100000; iter++) {
        memcpy(buf, base, bl);
        for (int k = 0; k < 3; k++) { x = x * 1103515245 + 12345; buf[(x >> 8) % bl] = (char)(x >> 16); }
        x = x * 1103515245 + 12345;
        size_t len = (x >> 8) % (bl + 1);
        dx_json_error err;
        dx_json *v = dx_json_parse(buf, len, &err);
        dx_json_free(v);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_duplicate_keys_last_wins),
        cmocka_unit_test(test_strings_and_escapes),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_bom_is_skipped),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
