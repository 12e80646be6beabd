/* test262 frontmatter: the few YAML shapes the suite uses (INTERPRETING.md), parsed by hand so the
 * runner needs no YAML library. */
#ifndef DX_TEST262_META_H
#define DX_TEST262_META_H

#include <stdbool.h>
#include <stddef.h>

#define T262_MAX_LIST 48

typedef struct t262_meta {
    bool only_strict, no_strict, raw, module, async, can_block_false, can_block_true;
    char negative_phase[16]; /* "parse", "resolution", "runtime" or "" when the test is positive */
    char negative_type[48];
    char *includes[T262_MAX_LIST];
    size_t n_includes;
    char *features[T262_MAX_LIST];
    size_t n_features;
} t262_meta;

/* Parses the frontmatter block (between the opening and closing "---" comment markers) of src. Strings in *m are malloc'ed; free
 * them with t262_meta_free. Returns false when the test has no frontmatter (test262 requires one). */
bool t262_meta_parse(const char *src, t262_meta *m);
void t262_meta_free(t262_meta *m);

#endif
