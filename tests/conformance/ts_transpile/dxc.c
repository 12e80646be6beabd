/* The TypeScript differential harness's compiler driver: parses a TypeScript file, lowers it with
 * js_ts_lower and prints the JavaScript to stdout. `.mts` files are modules, `.ts` and `.cts`
 * files CommonJS scripts (see run.sh). Errors go to stderr with exit status 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/transforms/transforms.h"

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t cap = 0, n = 0, r;
  do {
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
    r = fread(buf + n, 1, cap - n, f);
    n += r;
  } while (r > 0);
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: dxc FILE.ts|FILE.mts|FILE.cts\n");
    return 2;
  }
  const char *path = argv[1];
  size_t plen = strlen(path), len = 0;
  bool module = plen > 4 && strcmp(path + plen - 4, ".mts") == 0;
  char *src = read_file(path, &len);
  if (!src) {
    perror(path);
    return 2;
  }
  js_parse_options po = {.goal = module ? JS_GOAL_MODULE : JS_GOAL_SCRIPT, .filename = path, .lang = JS_LANG_TS};
  js_ast *ast = js_parse(src, len, &po);
  int rc = 1;
  if (!ast) goto out;
  js_ts_options to = {.filename = path};
  if (!ast->nerrors) js_ts_lower(ast, &to);
  if (ast->nerrors) {
    for (size_t i = 0; i < ast->nerrors; i++) fprintf(stderr, "%s\n", ast->errors[i].text);
    goto out;
  }
  char *out = js_print(ast->program, &(js_print_options){0}, NULL);
  if (!out) goto out;
  fputs(out, stdout);
  free(out);
  rc = 0;
out:
  if (ast) js_ast_free(ast);
  free(src);
  return rc;
}
