/* libFuzzer target: dx_json_parse on arbitrary bytes must never crash, hang or leak.
 * Build: clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Isrc src/modules/json.c tests/fuzz/fuzz_json.c */
#include <stddef.h>
#include <stdint.h>

#include "modules/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dx_json_error err;
    dx_json *v = dx_json_parse((const char *)data, size, &err);
    if (v && v->type == DX_JSON_OBJECT) (void)dx_json_get(v, "exports");
    dx_json_free(v);
    return 0;
}
