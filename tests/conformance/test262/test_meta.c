/* Frontmatter parsing of the test262 runner: frontmatter text -> the flags, negative, includes and
 * features the runner acts on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "meta.h"

typedef struct row {
    const char *src;
    bool ok;
    const char *flags;    /* the set flags, in the order only_strict no_strict raw module async cbf cbt */
    const char *phase, *type;
    const char *includes; /* joined with ',' */
    const char *features;
} row;

static const row rows[] = {
    {"no frontmatter at all", false, "", "", "", "", ""},
    {"/*--- unterminated", false, "", "", "", "", ""},
    {"/*---\ndescription: x\n---*/\n", true, "", "", "", "", ""},
    {"/*---\nflags: [onlyStrict]\n---*/", true, "onlyStrict", "", "", "", ""},
    {"/*---\nflags: [noStrict, async]\n---*/", true, "noStrict async", "", "", "", ""},
    {"/*---\nflags: [raw]\n---*/", true, "raw", "", "", "", ""},
    {"/*---\nflags: [module, async, CanBlockIsFalse]\n---*/", true, "module async CanBlockIsFalse", "", "", "", ""},
    {"/*---\nflags: [ CanBlockIsTrue ]\n---*/", true, "CanBlockIsTrue", "", "", "", ""},
    {"/*---\nflags: [generated]\n---*/", true, "", "", "", "", ""},
    {"/*---\nincludes: [compareArray.js, propertyHelper.js]\n---*/", true, "", "", "", "compareArray.js,propertyHelper.js", ""},
    {"/*---\nincludes:\n  - a.js\n  - 'b.js'\nflags: [module]\n---*/", true, "module", "", "", "a.js,b.js", ""},
    {"/*---\nfeatures: [Temporal, \"BigInt\"]\n---*/", true, "", "", "", "", "Temporal,BigInt"},
    {"/*---\nfeatures:\n - Symbol.iterator\n---*/", true, "", "", "", "", "Symbol.iterator"},
    {"/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/", true, "", "parse", "SyntaxError", "", ""},
    {"/*---\nnegative:\n  type: ReferenceError\n  phase: resolution\nflags: [module]\n---*/", true, "module", "resolution",
     "ReferenceError", "", ""},
    /* "phase:" outside negative (an info block) is not the negative phase. */
    {"/*---\ninfo: |\n  phase: parse\n---*/", true, "", "", "", "", ""},
    {"/*---\nnegative:\n  phase: runtime\n  type: Test262Error\ninfo: |\n  type: TypeError\n---*/", true, "", "runtime",
     "Test262Error", "", ""},
    /* Only the first block counts; the text after the close is the test. */
    {"/*---\nflags: [raw]\n---*/ /*---\nflags: [module]\n---*/", true, "raw", "", "", "", ""},
    {"/*---\nincludes: [unclosed.js\n---*/", true, "", "", "", "unclosed.js", ""},
};

static void join(char *out, size_t cap, char *const *items, size_t n) {
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, items[i], cap - strlen(out) - 1);
    }
}

static void test_rows(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const row *r = &rows[i];
        t262_meta m;
        bool ok = t262_meta_parse(r->src, &m);
        if (ok != r->ok) fail_msg("row %zu: parse returned %d, expected %d", i, ok, r->ok);
        char flags[128] = {0}, inc[256], feat[256];
        const char *names[] = {"onlyStrict", "noStrict", "raw", "module", "async", "CanBlockIsFalse", "CanBlockIsTrue"};
        bool set[] = {m.only_strict, m.no_strict, m.raw, m.module, m.async, m.can_block_false, m.can_block_true};
        for (size_t f = 0; f < 7; f++) {
            if (!set[f]) continue;
            if (flags[0]) strcat(flags, " ");
            strcat(flags, names[f]);
        }
        join(inc, sizeof inc, m.includes, m.n_includes);
        join(feat, sizeof feat, m.features, m.n_features);
        if (strcmp(flags, r->flags)) fail_msg("row %zu: flags \"%s\", expected \"%s\"", i, flags, r->flags);
        if (strcmp(m.negative_phase, r->phase)) fail_msg("row %zu: phase \"%s\", expected \"%s\"", i, m.negative_phase, r->phase);
        if (strcmp(m.negative_type, r->type)) fail_msg("row %zu: type \"%s\", expected \"%s\"", i, m.negative_type, r->type);
        if (strcmp(inc, r->includes)) fail_msg("row %zu: includes \"%s\", expected \"%s\"", i, inc, r->includes);
        if (strcmp(feat, r->features)) fail_msg("row %zu: features \"%s\", expected \"%s\"", i, feat, r->features);
        t262_meta_free(&m);
    }
}

/* More list items than T262_MAX_LIST are dropped, never written past the array. */
static void test_long_list(void **state) {
    (void)state;
    char src[8192] = "/*---\nfeatures: [";
    for (int i = 0; i < 200; i++) {
        char item[16];
        snprintf(item, sizeof item, "%sf%d", i ? ", " : "", i);
        strcat(src, item);
    }
    strcat(src, "]\n---*/");
    t262_meta m;
    assert_true(t262_meta_parse(src, &m));
    assert_int_equal(m.n_features, T262_MAX_LIST);
    assert_string_equal(m.features[T262_MAX_LIST - 1], "f47");
    t262_meta_free(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_rows), cmocka_unit_test(test_long_list)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
