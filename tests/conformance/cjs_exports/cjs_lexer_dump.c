/* cjs_lexer_dump FILE...: prints, for each file, one JSON line with what dx_cjs_lex detects:
 *   {"file":"...","exports":[...],"reexports":[...],"error":null}
 * Used by run.mjs (the differential test against Node) and handy when a package's named exports
 * look wrong. "error" is Node's lexer message when lexing gave up (then both lists are empty). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/cjs_lexer.h"

static void put_json_string(const char *s, size_t len) {
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void put_names(const dx_cjs_name *names, size_t count) {
    putchar('[');
    for (size_t k = 0; k < count; k++) {
        if (k) putchar(',');
        put_json_string(names[k].str, names[k].len);
    }
    putchar(']');
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: cjs_lexer_dump FILE...\n");
        return 2;
    }
    int status = 0;
    for (int a = 1; a < argc; a++) {
        size_t len = 0;
        char *src = read_file(argv[a], &len);
        if (!src) {
            fprintf(stderr, "cjs_lexer_dump: cannot read %s\n", argv[a]);
            status = 1;
            continue;
        }
        dx_cjs_exports out;
        if (dx_cjs_lex(src, len, &out) < 0) {
            fprintf(stderr, "cjs_lexer_dump: out of memory on %s\n", argv[a]);
            free(src);
            return 1;
        }
        fputs("{\"file\":", stdout);
        put_json_string(argv[a], strlen(argv[a]));
        fputs(",\"exports\":", stdout);
        put_names(out.exports, out.nexports);
        fputs(",\"reexports\":", stdout);
        put_names(out.reexports, out.nreexports);
        fputs(",\"error\":", stdout);
        if (out.error) put_json_string(out.error, strlen(out.error));
        else fputs("null", stdout);
        fputs("}\n", stdout);
        dx_cjs_exports_free(&out);
        free(src);
    }
    return status;
}
