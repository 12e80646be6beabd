/* libFuzzer target for the CommonJS export lexer: any bytes must lex in linear time without a
 * crash, leak or sanitizer report, and every result must hold its invariants. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "modules/cjs_lexer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dx_cjs_exports out;
    if (dx_cjs_lex((const char *)data, size, &out) != 0) return 0;
    if (out.error && (out.nexports || out.nreexports || out.error_offset > size)) abort();
    for (size_t i = 0; i < out.nexports; i++) {
        if (out.exports[i].str[out.exports[i].len] != 0) abort();
        for (size_t j = 0; j < i; j++) /* deduplicated */
            if (out.exports[j].len == out.exports[i].len &&
                memcmp(out.exports[j].str, out.exports[i].str, out.exports[i].len) == 0)
                abort();
    }
    for (size_t i = 0; i < out.nreexports; i++)
        if (out.reexports[i].str[out.reexports[i].len] != 0) abort();
    dx_cjs_exports_free(&out);
    return 0;
}
