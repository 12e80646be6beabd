#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strndup */
#endif
#include "meta.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_blank(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    return p;
}

static const char *line_end(const char *p, const char *end) {
    while (p < end && *p != '\n') p++;
    return p;
}

/* Adds one list item, trimming blanks and quotes; items past T262_MAX_LIST are dropped (no test has
 * that many). */
static void add_item(char **list, size_t *n, const char *b, const char *e) {
    while (b < e && (isspace((unsigned char)*b) || *b == '\'' || *b == '"')) b++;
    while (e > b && (isspace((unsigned char)e[-1]) || e[-1] == '\'' || e[-1] == '"')) e--;
    if (b == e || *n >= T262_MAX_LIST) return;
    list[(*n)++] = strndup(b, (size_t)(e - b));
}

/* A list value is either inline, "[a, b]", or a block of "  - a" lines; returns where parsing goes on. */
static const char *parse_list(const char *p, const char *end, char **list, size_t *n) {
    p = skip_blank(p, end);
    if (p < end && *p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        if (!close) close = end;
        const char *b = p + 1;
        for (const char *q = b; q <= close; q++) {
            if (q == close || *q == ',') {
                add_item(list, n, b, q);
                b = q + 1;
            }
        }
        return line_end(close, end);
    }
    p = line_end(p, end);
    while (p < end) {
        const char *ls = p + 1;
        const char *q = skip_blank(ls, end);
        if (q >= end || *q != '-') break;
        const char *le = line_end(q, end);
        add_item(list, n, q + 1, le);
        p = le;
    }
    return p;
}

static void copy_value(char *dst, size_t cap, const char *b, const char *e) {
    b = skip_blank(b, e);
    while (e > b && isspace((unsigned char)e[-1])) e--;
    size_t len = (size_t)(e - b);
    if (len >= cap) len = cap - 1;
    memcpy(dst, b, len);
    dst[len] = 0;
}

bool t262_meta_parse(const char *src, t262_meta *m) {
    memset(m, 0, sizeof *m);
    const char *start = strstr(src, "/*---");
    if (!start) return false;
    start += 5;
    const char *end = strstr(start, "---*/");
    if (!end) return false;
    bool in_negative = false;
    for (const char *p = start; p < end;) {
        const char *ls = p;
        const char *le = line_end(p, end);
        const char *k = skip_blank(ls, le);
        bool indented = k > ls;
        if (!indented) in_negative = false;
        if (!indented && !strncmp(k, "flags:", 6)) {
            char *flags[T262_MAX_LIST];
            size_t nf = 0;
            p = parse_list(k + 6, end, flags, &nf);
            for (size_t i = 0; i < nf; i++) {
                const char *f = flags[i];
                if (!strcmp(f, "onlyStrict")) m->only_strict = true;
                else if (!strcmp(f, "noStrict")) m->no_strict = true;
                else if (!strcmp(f, "raw")) m->raw = true;
                else if (!strcmp(f, "module")) m->module = true;
                else if (!strcmp(f, "async")) m->async = true;
                else if (!strcmp(f, "CanBlockIsFalse")) m->can_block_false = true;
                else if (!strcmp(f, "CanBlockIsTrue")) m->can_block_true = true;
                free(flags[i]);
            }
            continue;
        }
        if (!indented && !strncmp(k, "includes:", 9)) {
            p = parse_list(k + 9, end, m->includes, &m->n_includes);
            continue;
        }
        if (!indented && !strncmp(k, "features:", 9)) {
            p = parse_list(k + 9, end, m->features, &m->n_features);
            continue;
        }
        if (!indented && !strncmp(k, "negative:", 9)) in_negative = true;
        else if (in_negative && !strncmp(k, "phase:", 6)) copy_value(m->negative_phase, sizeof m->negative_phase, k + 6, le);
        else if (in_negative && !strncmp(k, "type:", 5)) copy_value(m->negative_type, sizeof m->negative_type, k + 5, le);
        p = le < end ? le + 1 : end;
    }
    return true;
}

void t262_meta_free(t262_meta *m) {
    for (size_t i = 0; i < m->n_includes; i++) free(m->includes[i]);
    for (size_t i = 0; i < m->n_features; i++) free(m->features[i]);
    memset(m, 0, sizeof *m);
}
