/* Compiles one JSX file with DX-JS's compiler for the differential render test (run.mjs):
 *   jsx_compile [--classic] [--dev] [--script] file.jsx   -> JavaScript on stdout
 * Exit status 1 with the errors on stderr when the file does not compile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/transforms/transforms.h"

int main(int argc, char **argv) {
  js_parse_options po = {.goal = JS_GOAL_MODULE, .lang = JS_LANG_JSX};
  js_jsx_options jo = {.runtime = JS_JSX_AUTOMATIC};
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--classic")) jo.runtime = JS_JSX_CLASSIC;
    else if (!strcmp(argv[i], "--dev")) jo.development = true;
    else if (!strcmp(argv[i], "--script")) po.goal = JS_GOAL_SCRIPT;
    else path = argv[i];
  }
  if (!path) {
    fprintf(stderr, "usage: jsx_compile [--classic] [--dev] [--script] file.jsx\n");
    return 2;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 2;
  }
  char *src = NULL;
  size_t len = 0, cap = 0, n;
  char chunk[65536];
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (len + n > cap) {
      cap = (len + n) * 2;
      char *ns = realloc(src, cap);
      if (!ns) return 2;
      src = ns;
    }
    memcpy(src + len, chunk, n);
    len += n;
  }
  fclose(f);
  po.filename = path;
  jo.filename = path;
  js_ast *ast = js_parse(src ? src : "", len, &po);
  int rc = 0;
  if (!ast) {
    rc = 2;
  } else if (ast->nerrors || js_jsx_lower(ast, &jo) != 0) {
    for (size_t i = 0; i < ast->nerrors; i++) fprintf(stderr, "%s\n", ast->errors[i].text);
    rc = 1;
  } else {
    size_t out_len;
    char *out = js_print(ast->program, NULL, &out_len);
    if (!out) rc = 2;
    else fwrite(out, 1, out_len, stdout);
    free(out);
  }
  js_ast_free(ast);
  free(src);
  return rc;
}
