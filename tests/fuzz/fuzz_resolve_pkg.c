/* libFuzzer target: the resolver's package "exports"/"imports" handling over an arbitrary package.json.
 * Each input is written as node_modules/p/package.json in a scratch directory and `p/x/y` and `#x`
 * are resolved; any answer is fine, crashes, hangs and leaks are not.
 * Build: clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Isrc src/modules/json.c \
 *        src/modules/pkgjson.c src/modules/resolve.c tests/fuzz/fuzz_resolve_pkg.c */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/resolve.h"

static char dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[256];
    if (!dir[0]) {
        strcpy(dir, "/tmp/dx-fuzz-XXXXXX");
        if (!mkdtemp(dir)) abort();
        snprintf(path, sizeof path, "%s/node_modules", dir); mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/node_modules/p", dir); mkdir(path, 0755);
    }
    snprintf(path, sizeof path, "%s/node_modules/p/package.json", dir);
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, size, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/package.json", dir);
    f = fopen(path, "wb");
    fwrite(data, 1, size, f);
    fclose(f);
    static const char *const conds[] = {"require", "node", NULL};
    dx_resolver *r = dx_resolver_new("/usr/bin/dx", NULL);
    snprintf(path, sizeof path, "%s/main.js", dir);
    const char *requests[] = {"p", "p/x/y", "#x", "#x/y", NULL};
    for (int i = 0; requests[i]; i++) {
        char *out = NULL;
        dx_resolve_error err = {0};
        dx_resolve_cjs(r, requests[i], path, NULL, conds, &out, &err);
        free(out);
        free(err.message);
        free(err.path);
        free(err.warning);
    }
    dx_resolver_free(r);
    return 0;
}
