/* js_transpile: the pipeline behind `dx transpile` and the loader's TypeScript/JSX support.
 *
 *   js_parse (TypeScript types erased while parsing)
 *     -> lower(): js_ts_lower (enums, namespaces, parameter properties, import elision...)
 *                 js_jsx_lower (JSX elements to calls)
 *     -> js_print, whose mapping hook feeds a source map
 *     -> compose with the input's own map, if the caller gave one
 *
 * The map records, for every node the printer reports, the node's original line and column;
 * an identifier printed under another name than the source spelled (a transform renamed it)
 * also records the original name in "names", which is what debuggers show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/sourcemap.h"
#include "compiler/transforms/transforms.h"

/* The TypeScript and JSX transforms, in this order (TypeScript's import elision must see the JSX
 * before it becomes calls). Each runs only when the language can hold what it lowers; they
 * allocate in ast->arena and append their errors to the ast. */
static int lower(js_ast *ast, const js_transpile_options *o) {
  bool ts = o->lang == JS_LANG_TS || o->lang == JS_LANG_TSX;
  bool jsx = o->lang == JS_LANG_JSX || o->lang == JS_LANG_TSX;
  if (ts) {
    /* Import elision must keep the import of the classic factory's root (`React` of
     * React.createElement), which JSX uses only once lowered. The automatic runtime (the default)
     * imports its own helpers. */
    char root[128] = "React";
    const js_jsx_pragmas *pr = &ast->jsx_pragmas;
    bool classic = pr->runtime.len == 7 && memcmp(pr->runtime.ptr, "classic", 7) == 0;
    if (classic && pr->jsx.len) {
      size_t n = 0;
      while (n < pr->jsx.len && n + 1 < sizeof root && pr->jsx.ptr[n] != '.') n++;
      memcpy(root, pr->jsx.ptr, n);
      root[n] = 0;
    }
    js_ts_options t = {.filename = o->filename, .jsx_factory_root = jsx && (classic || pr->jsx.len) ? root : NULL};
    if (js_ts_lower(ast, &t) < 0 || ast->nerrors) return -1;
  }
  if (jsx) {
    js_jsx_options j = {.filename = o->filename};
    if (js_jsx_lower(ast, &j) < 0 || ast->nerrors) return -1;
  }
  return ast->nerrors ? -1 : 0;
}

typedef struct map_state {
  js_sourcemap *map;
  const char *src;
  size_t len;
  int32_t source;
  bool oom;
} map_state;

static bool ident_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         c >= 0x80;
}

/* The identifier the source spells at offset, if the node printed under another name: a
 * transform renamed it, or made a new node that stands for the original one. */
static bool original_name(const map_state *st, const js_node *n, const char **name, size_t *len) {
  if (n->kind != JS_IDENT || (n->flags & JS_NF_ESCAPED) || n->loc.offset >= st->len) return false;
  const char *s = st->src + n->loc.offset;
  size_t avail = st->len - n->loc.offset, k = 0;
  if (!ident_byte((unsigned char)s[0]) || (s[0] >= '0' && s[0] <= '9')) return false;
  while (k < avail && k < 1024 && ident_byte((unsigned char)s[k])) k++;
  if (k == n->u.ident.name.len && memcmp(s, n->u.ident.name.ptr, k) == 0) return false;
  *name = s;
  *len = k;
  return true;
}

static void on_mapping(void *ud, uint32_t gen_line, uint32_t gen_col, const js_node *n) {
  map_state *st = ud;
  /* Line 0 is "no location": nodes a transform made out of nothing. The previous segment then
   * covers them, which is where they came from. */
  if (st->oom || n->loc.line == 0) return;
  int32_t name = -1;
  const char *nm;
  size_t nl;
  if (original_name(st, n, &nm, &nl) && (name = js_sourcemap_add_name(st->map, nm, nl)) < 0) {
    st->oom = true;
    return;
  }
  if (js_sourcemap_add_segment(st->map, gen_line, gen_col, st->source, n->loc.line - 1, n->loc.col, name) < 0)
    st->oom = true;
}

static char *dup_str(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

static int copy_errors(const js_ast *ast, js_transpile_result *r) {
  r->errors = calloc(ast->nerrors ? ast->nerrors : 1, sizeof *r->errors);
  if (!r->errors) return -1;
  for (size_t i = 0; i < ast->nerrors; i++) {
    js_error e = ast->errors[i];
    e.message = dup_str(e.message);
    e.text = dup_str(e.text);
    r->errors[r->nerrors++] = e;
    if (!e.message || !e.text) return -1;
  }
  return 0;
}

/* Appends `//# sourceMappingURL=<url>` on a line of its own (minified code does not end with a
 * newline) to the malloc'd code. */
static int append_url(js_transpile_result *r, const char *a, size_t alen, const char *b, size_t blen) {
  static const char prefix[] = "//# sourceMappingURL=";
  size_t plen = sizeof prefix - 1;
  bool nl = r->code_len && r->code[r->code_len - 1] != '\n';
  char *nc = realloc(r->code, r->code_len + nl + plen + alen + blen + 2);
  if (!nc) return -1;
  r->code = nc;
  if (nl) nc[r->code_len++] = '\n';
  memcpy(nc + r->code_len, prefix, plen);
  memcpy(nc + r->code_len + plen, a, alen);
  memcpy(nc + r->code_len + plen + alen, b, blen);
  r->code_len += plen + alen + blen;
  nc[r->code_len++] = '\n';
  nc[r->code_len] = 0;
  return 0;
}

int js_transpile(const char *src, size_t len, const js_transpile_options *opts, js_transpile_result *r) {
  static const js_transpile_options defaults = {0};
  if (!opts) opts = &defaults;
  memset(r, 0, sizeof *r);
  js_ast *ast = NULL;
  js_sourcemap *map = NULL, *input = NULL, *composed = NULL;
  char *json = NULL;
  int rc = -1;

  js_parse_options po = {.goal = opts->goal, .filename = opts->filename, .strict = opts->strict, .lang = opts->lang};
  ast = js_parse(src, len, &po);
  if (!ast) goto out;
  if (!ast->nerrors) lower(ast, opts);
  if (ast->nerrors) {
    copy_errors(ast, r);
    goto out;
  }

  map_state st = {.src = src, .len = len};
  js_print_options pr = {.minify = opts->minify};
  if (opts->sourcemap != JS_SOURCEMAP_NONE) {
    map = js_sourcemap_new();
    if (!map) goto out;
    const char *name = opts->source_name ? opts->source_name : opts->filename ? opts->filename : "<input>";
    st.map = map;
    st.source = js_sourcemap_add_source(map, name, opts->no_sources_content ? NULL : src, len);
    if (st.source < 0) goto out;
    pr.on_mapping = on_mapping;
    pr.mapping_ud = &st;
  }
  r->code = js_print(ast->program, &pr, &r->code_len);
  if (!r->code || st.oom) goto out;

  if (map) {
    js_sourcemap *final = map;
    if (opts->input_map) {
      char err[256];
      input = js_sourcemap_parse(opts->input_map, opts->input_map_len, err, sizeof err);
      if (!input) {
        if (!(r->input_map_error = dup_str(err))) goto out;
      } else {
        if (!(composed = js_sourcemap_compose(map, 0, input))) goto out;
        final = composed;
      }
    }
    size_t jlen;
    json = js_sourcemap_to_json(final, opts->map_file, !opts->no_sources_content, &jlen);
    if (!json) goto out;
    if (opts->sourcemap == JS_SOURCEMAP_INLINE) {
      size_t blen;
      char *b64 = js_base64_encode(json, jlen, &blen);
      if (!b64) goto out;
      static const char data[] = "data:application/json;base64,";
      int e = append_url(r, data, sizeof data - 1, b64, blen);
      free(b64);
      if (e < 0) goto out;
    } else {
      if (opts->map_url && append_url(r, opts->map_url, strlen(opts->map_url), "", 0) < 0) goto out;
      r->map = json;
      r->map_len = jlen;
      json = NULL;
    }
  }
  rc = 0;
out:
  if (rc < 0) {
    free(r->code);
    r->code = NULL;
    r->code_len = 0;
    free(r->map);
    r->map = NULL;
  }
  free(json);
  js_sourcemap_free(composed);
  js_sourcemap_free(input);
  js_sourcemap_free(map);
  js_ast_free(ast);
  return rc;
}

void js_transpile_result_free(js_transpile_result *r) {
  if (!r) return;
  free(r->code);
  free(r->map);
  for (size_t i = 0; i < r->nerrors; i++) {
    free((char *)r->errors[i].message);
    free((char *)r->errors[i].text);
  }
  free(r->errors);
  free(r->input_map_error);
  memset(r, 0, sizeof *r);
}
