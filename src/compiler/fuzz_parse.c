/* libFuzzer target for the compiler: arbitrary bytes must never crash, hang or leak, and whatever
 * parses must print (pretty and minified) to text that parses back to the same tree.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc src/compiler/{arena,ast,lexer,parse,\
 *     parse_class,parse_expr,parse_func,parse_module,parse_stmt,printer,regexp,unicode,fuzz_parse}.c \
 *     -licuuc -lm -o fuzz_parse && ./fuzz_parse corpus/
 *
 * The first byte picks the goal (bit 0: module), strictness (bit 1) and language (bits 2-3: JS, TS,
 * JSX, TSX) and, for a script, bit 4 the CommonJS body (cjs_body); the rest is the source. Printed
 * TypeScript is JavaScript, so it is reparsed as such; trees that still hold TypeScript or JSX nodes
 * wait for their lowering and are not printed. A JavaScript tree then goes through the `using`
 * lowering (transforms/using.c), whose output must parse back with no `using` left. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/transforms/transforms.h"
#include "compiler/transforms/walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool find_using(js_node **slot, void *ud) {
  const js_node *n = *slot;
  if (n->kind == JS_VAR_DECL && (n->op == JS_VAR_USING || n->op == JS_VAR_AWAIT_USING)) *(bool *)ud = true;
  return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  js_parse_options o = {0};
  o.goal = (data[0] & 1) ? JS_GOAL_MODULE : JS_GOAL_SCRIPT;
  o.strict = (data[0] & 2) != 0;
  o.lang = (js_lang)((data[0] >> 2) & 3);
  o.cjs_body = (data[0] & 16) != 0;
  o.filename = "fuzz.js";
  const char *src = (const char *)data + 1;
  js_ast *a = js_parse(src, size - 1, &o);
  if (!a) return 0;
  if (a->nerrors == 0) {
    char *dump = NULL;
    if (js_ast_dump(a->program, &dump, NULL) != 0) abort();
    bool lowering = strstr(dump, "(TS") || strstr(dump, "param-prop") || strstr(dump, "(JSX");
    free(dump);
    js_parse_options ro = o;
    if (o.lang == JS_LANG_TS || o.lang == JS_LANG_TSX) ro.lang = JS_LANG_JS;
    for (int minify = 0; minify < 2 && !lowering; minify++) {
      js_print_options po = {0};
      po.minify = minify;
      size_t len;
      char *out = js_print(a->program, &po, &len);
      if (!out) abort();
      js_ast *b = js_parse(out, len, &ro);
      if (!b) abort();
      /* `export { T }` of a TypeScript type is only removed by the lowering. */
      bool type_export = ro.lang != o.lang && b->nerrors && strncmp(b->errors[0].message, "Export '", 8) == 0;
      /* The printer must write what it read. */
      if (!type_export && (b->nerrors || !js_ast_equal(a->program, b->program))) abort();
      js_ast_free(b);
      free(out);
    }
    if (!lowering) {
      if (js_using_lower(a) != 0) abort();
      size_t len;
      char *out = js_print(a->program, &(js_print_options){.minify = true}, &len);
      if (!out) abort();
      js_ast *b = js_parse(out, len, &ro);
      if (!b || b->nerrors) abort();
      bool left = false;
      js__walk(&b->program, find_using, &left);
      if (left) abort();
      js_ast_free(b);
      free(out);
    }
  } else {
    for (size_t i = 0; i < a->nerrors; i++)
      if (!a->errors[i].text || !a->errors[i].message || a->errors[i].line == 0 || a->errors[i].col == 0) abort();
  }
  js_ast_free(a);
  return 0;
}
