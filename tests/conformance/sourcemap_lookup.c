/* Test driver for the differential source-map tests (tests/cli/sourcemap.test.js): decodes the map
 * in argv[1] with js_sourcemap_parse and answers lookups read from standard input, one "LINE COL"
 * (0-based) per line, with one output line each: "SOURCE LINE COL [NAME]" or "-". A map that does
 * not decode prints "error: MESSAGE" and exits 1. */
#include <stdio.h>
#include <stdlib.h>

#include "compiler/sourcemap.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: sourcemap_lookup MAP.json < queries\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  for (size_t k; buf && (k = fread(buf + len, 1, cap - len, f)) > 0;) {
    len += k;
    if (len == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  if (!buf) return 2;
  char err[256];
  js_sourcemap *m = js_sourcemap_parse(buf, len, err, sizeof err);
  free(buf);
  if (!m) {
    printf("error: %s\n", err);
    return 1;
  }
  unsigned long line, col;
  while (scanf("%lu %lu", &line, &col) == 2) {
    js_sm_position p;
    if (js_sourcemap_lookup(m, (uint32_t)line, (uint32_t)col, &p))
      printf("%s %u %u%s%s\n", p.source ? p.source : "null", p.line, p.col, p.name ? " " : "", p.name ? p.name : "");
    else
      printf("-\n");
  }
  js_sourcemap_free(m);
  return 0;
}
