/* libFuzzer target: js_sourcemap_parse on arbitrary bytes must never crash, hang or leak; a map
 * that decodes must answer lookups, write JSON that decodes again to the same answers, and
 * compose with itself. The same bytes also go through the sourceMappingURL finder and the data
 * URL decoder, which read untrusted files too.
 * Build: see the Makefile's fuzz rule (clang -fsanitize=fuzzer,address,undefined). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/sourcemap.h"

static void check_same(js_sourcemap *a, js_sourcemap *b, uint32_t line, uint32_t col) {
  js_sm_position p, q;
  bool fa = js_sourcemap_lookup(a, line, col, &p), fb = js_sourcemap_lookup(b, line, col, &q);
  if (fa != fb || (fa && (p.source_index != q.source_index || p.line != q.line || p.col != q.col ||
                          p.name_index != q.name_index)))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  char err[256];
  js_sourcemap *m = js_sourcemap_parse(s, size, err, sizeof err);
  if (m) {
    size_t len;
    char *json = js_sourcemap_to_json(m, "f.js", true, &len);
    js_sourcemap *back = json ? js_sourcemap_parse(json, len, err, sizeof err) : NULL;
    if (json && !back) abort(); /* what we write must decode */
    for (uint32_t line = 0; line < 6; line++)
      for (uint32_t col = 0; col < 40; col += 3) {
        js_sm_position p;
        js_sourcemap_lookup(m, line, col, &p);
        if (back) check_same(m, back, line, col);
      }
    js_sourcemap_lookup(m, UINT32_MAX, UINT32_MAX, &(js_sm_position){0});
    js_sourcemap *c = js_sourcemap_compose(m, -1, m);
    js_sourcemap_free(c);
    js_sourcemap_free(back);
    free(json);
    js_sourcemap_free(m);
  }
  const char *url;
  size_t ulen, jlen;
  if (js_sourcemap_find_url(s, size, &url, &ulen)) free(js_sourcemap_decode_data_url(url, ulen, &jlen));
  free(js_sourcemap_decode_data_url(s, size, &jlen));
  return 0;
}
