/* JSX to function calls, the way TypeScript (`jsx: react-jsx` / `react`) and Babel lower it.
 *
 * Automatic runtime (React 17+):
 *   <div className="a" key={k}>hi</div>  ->  _jsx("div", { className: "a", children: "hi" }, k)
 *   two or more children (or a spread child) go in an array and call _jsxs ("static" children);
 *   a `key` that follows a spread attribute must be applied after the spread, which jsx() cannot
 *   express, so such an element falls back to createElement(type, props, ...children) from the
 *   import source itself. The helpers are imported at the top of the file:
 *   `import { jsx as _jsx } from "react/jsx-runtime";` (module goal), or required with
 *   `const { jsx: _jsx } = require("react/jsx-runtime");` (script goal, that is CommonJS).
 * Classic runtime: factory(type, props or null, ...children) with a configurable factory and
 * fragment (React.createElement / React.Fragment).
 * Development (automatic only): jsxDEV(type, props, key, isStaticChildren, {fileName, lineNumber,
 * columnNumber}, self) from jsx-dev-runtime. self is passed as undefined: React 19 does not read
 * it, and `this` would throw in a derived class's constructor before super().
 *
 * Element types: names that start with a lowercase ASCII letter or contain '-' or ':' are
 * strings ("div", "my-el", "svg:rect"; the parser made them JS_JSX_NAME), anything else is an
 * expression (Foo, this, a.b.c). Children text follows TypeScript's rules: the raw text is split
 * into lines, lines are trimmed of spaces and tabs (the first line keeps its leading white space,
 * the last its trailing), empty lines are dropped, the rest joined with one space, and entities
 * are decoded after trimming. Attribute strings are kept as written, entities decoded. */
#include <stdio.h>
#include <string.h>

#include "compiler/arena.h"
#include "compiler/parser.h"
#include "compiler/transforms/transforms.h"
#include "compiler/transforms/walk.h"

enum { H_JSX, H_JSXS, H_FRAGMENT, H_CREATE, H_JSXDEV, H_COUNT };

static const char *const helper_import[H_COUNT] = {"jsx", "jsxs", "Fragment", "createElement", "jsxDEV"};
static const char *const helper_base[H_COUNT] = {"_jsx", "_jsxs", "_Fragment", "_createElement", "_jsxDEV"};

typedef struct ctx {
  js_ast *ast;
  js_arena *arena;
  const char *filename;
  bool automatic, development, oom;
  js_str import_source;
  js_str factory, fragment; /* classic: dotted names */
  /* identifiers of the file that start with '_' (where helper names could collide) */
  js_str *names;
  uint32_t nnames, cap_names;
  js_str helper[H_COUNT];   /* chosen local names */
  bool used[H_COUNT];
} ctx;

/* ---- nodes ------------------------------------------------------------------------------- */

static js_node *mk(ctx *c, js_kind kind, js_loc loc) {
  js_node *n = js_arena_zalloc(c->arena, sizeof *n);
  if (!n) {
    c->oom = true;
    return NULL;
  }
  n->kind = (uint8_t)kind;
  n->loc = loc;
  n->end = loc.offset;
  return n;
}

static js_str str_of(ctx *c, const char *s, size_t len) {
  js_str r = {js_arena_strndup(c->arena, s, len), (uint32_t)len};
  if (!r.ptr) {
    c->oom = true;
    r.ptr = "";
    r.len = 0;
  }
  return r;
}

static js_node *mk_ident(ctx *c, js_str name, js_loc loc) {
  js_node *n = mk(c, JS_IDENT, loc);
  if (n) n->u.ident.name = name;
  return n;
}

static js_node *mk_string(ctx *c, js_str value, js_loc loc) {
  js_node *n = mk(c, JS_STRING, loc);
  if (n) n->u.str.value = value;
  return n;
}

static js_node *mk_number(ctx *c, double v, js_loc loc) {
  js_node *n = mk(c, JS_NUMBER, loc);
  if (n) n->u.num.value = v;
  return n;
}

static js_node *mk_void0(ctx *c, js_loc loc) {
  js_node *n = mk(c, JS_UNARY, loc);
  if (n) {
    n->op = JS_OP_VOID;
    n->u.unary.arg = mk_number(c, 0, loc);
  }
  return n;
}

/* A growable list of nodes, copied into the arena when done. */
typedef struct nodes {
  js_node **items;
  uint32_t len, cap;
} nodes;

static void push(ctx *c, nodes *l, js_node *n) {
  if (!n) {
    c->oom = true;
    return;
  }
  if (l->len == l->cap) {
    uint32_t cap = l->cap ? l->cap * 2 : 8;
    js_node **ni = js_arena_alloc(c->arena, cap * sizeof *ni);
    if (!ni) {
      c->oom = true;
      return;
    }
    if (l->len) memcpy(ni, l->items, l->len * sizeof *ni);
    l->items = ni;
    l->cap = cap;
  }
  l->items[l->len++] = n;
}

static js_list as_list(nodes *l) {
  js_list r = {l->items, l->len};
  return r;
}

static js_node *mk_call(ctx *c, js_node *callee, nodes *args, js_loc loc) {
  js_node *n = mk(c, JS_CALL, loc);
  if (!n) return NULL;
  n->u.call.callee = callee;
  n->u.call.args = as_list(args);
  return n;
}

static js_node *mk_prop(ctx *c, js_node *key, js_node *value, js_loc loc) {
  js_node *n = mk(c, JS_PROPERTY, loc);
  if (!n) return NULL;
  n->u.prop.key = key;
  n->u.prop.value = value;
  return n;
}

static js_node *mk_object(ctx *c, nodes *props, js_loc loc) {
  js_node *n = mk(c, JS_OBJECT, loc);
  if (n) n->u.list.items = as_list(props);
  return n;
}

static bool str_is(js_str s, const char *lit) {
  size_t n = strlen(lit);
  return s.len == n && memcmp(s.ptr, lit, n) == 0;
}

static bool is_ident_start(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '$' || ch >= 0x80;
}

/* A dotted name (`React.createElement`, `h`) as an identifier or member chain; NULL if the text is
 * not one. */
static js_node *dotted(ctx *c, js_str s, js_loc loc) {
  js_node *e = NULL;
  uint32_t i = 0;
  while (i <= s.len) {
    uint32_t start = i;
    if (i >= s.len || !is_ident_start((unsigned char)s.ptr[i]) || (s.ptr[i] >= '0' && s.ptr[i] <= '9')) return NULL;
    while (i < s.len && s.ptr[i] != '.') {
      unsigned char ch = (unsigned char)s.ptr[i];
      if (!is_ident_start(ch) && !(ch >= '0' && ch <= '9')) return NULL;
      i++;
    }
    js_str part = {s.ptr + start, i - start};
    js_node *id = mk_ident(c, part, loc);
    if (!e) {
      e = id;
    } else {
      js_node *m = mk(c, JS_MEMBER, loc);
      if (!m) return NULL;
      m->u.member.object = e;
      m->u.member.prop = id;
      e = m;
    }
    if (i == s.len) break;
    i++; /* the dot */
  }
  return e;
}

/* ---- helper names ------------------------------------------------------------------------ */

static bool collect_names(js_node **slot, void *ud) {
  ctx *c = ud;
  js_node *n = *slot;
  if (n->kind == JS_IDENT && n->u.ident.name.len && n->u.ident.name.ptr[0] == '_') {
    if (c->nnames == c->cap_names) {
      uint32_t cap = c->cap_names ? c->cap_names * 2 : 16;
      js_str *nn = js_arena_alloc(c->arena, cap * sizeof *nn);
      if (!nn) {
        c->oom = true;
        return false;
      }
      if (c->nnames) memcpy(nn, c->names, c->nnames * sizeof *nn);
      c->names = nn;
      c->cap_names = cap;
    }
    c->names[c->nnames++] = n->u.ident.name;
  }
  return true;
}

static bool name_taken(ctx *c, const char *s, size_t len) {
  for (uint32_t i = 0; i < c->nnames; i++)
    if (c->names[i].len == len && memcmp(c->names[i].ptr, s, len) == 0) return true;
  return false;
}

/* The local name of helper h: its base name, or base2, base3... when the file already uses it. */
static js_node *helper(ctx *c, int h, js_loc loc) {
  if (!c->helper[h].ptr) {
    char buf[48];
    size_t len = strlen(helper_base[h]);
    memcpy(buf, helper_base[h], len + 1);
    for (unsigned k = 2; name_taken(c, buf, len); k++) len = (size_t)snprintf(buf, sizeof buf, "%s%u", helper_base[h], k);
    c->helper[h] = str_of(c, buf, len);
  }
  c->used[h] = true;
  return mk_ident(c, c->helper[h], loc);
}

/* ---- children text ----------------------------------------------------------------------- */

static bool line_break_at(js_str s, uint32_t i, uint32_t *n) {
  unsigned char ch = (unsigned char)s.ptr[i];
  if (ch == '\n' || ch == '\r') {
    *n = 1;
    return true;
  }
  if (ch == 0xE2 && i + 2 < s.len && (unsigned char)s.ptr[i + 1] == 0x80 &&
      ((unsigned char)s.ptr[i + 2] == 0xA8 || (unsigned char)s.ptr[i + 2] == 0xA9)) {
    *n = 3;
    return true;
  }
  return false;
}

static void add_line(ctx *c, char *out, uint32_t *o, js_str s, uint32_t from, uint32_t to, bool decode) {
  js_str seg = {s.ptr + from, to - from};
  if (decode) {
    seg = js__jsx_decode_entities(c->arena, seg);
    if (!seg.ptr) {
      c->oom = true;
      return;
    }
  }
  if (*o) out[(*o)++] = ' ';
  memcpy(out + *o, seg.ptr, seg.len);
  *o += seg.len;
}

/* The string a text child stands for, len 0 when it is only white space across lines. */
static js_str text_value(ctx *c, const js_node *t) {
  bool raw = t->u.str.raw.ptr != NULL;
  js_str s = raw ? t->u.str.raw : t->u.str.value;
  js_str r = {"", 0};
  char *out = js_arena_alloc(c->arena, (size_t)s.len + 1);
  if (!out) {
    c->oom = true;
    return r;
  }
  uint32_t o = 0;
  int64_t first = 0, last_end = -1; /* of the current line's non-white-space run */
  for (uint32_t i = 0; i < s.len;) {
    uint32_t n;
    if (line_break_at(s, i, &n)) {
      if (first >= 0 && last_end >= 0) add_line(c, out, &o, s, (uint32_t)first, (uint32_t)last_end, raw);
      first = -1;
      i += n;
      continue;
    }
    unsigned char ch = (unsigned char)s.ptr[i];
    if (ch != ' ' && ch != '\t') {
      if (first < 0) first = i;
      last_end = i + 1;
    }
    i++;
  }
  if (first >= 0) add_line(c, out, &o, s, (uint32_t)first, s.len, raw);
  r.ptr = out;
  r.len = o;
  return r;
}

/* ---- elements ---------------------------------------------------------------------------- */

static js_node *element_type(ctx *c, js_node *el) {
  js_node *name = el->u.jsx.name;
  if (!name) {
    if (c->automatic) return helper(c, H_FRAGMENT, el->loc);
    return dotted(c, c->fragment, el->loc);
  }
  if (name->kind == JS_JSX_NAME) return mk_string(c, name->u.ident.name, name->loc);
  return name; /* JS_IDENT, JS_THIS or a JS_MEMBER chain: a reference */
}

/* The value an attribute passes: `a` alone is true, `a="s"` the string, `a={e}` e, `a=<b/>` the
 * element (lowered later by the walk). */
static js_node *attr_value(ctx *c, js_node *attr) {
  js_node *v = attr->u.prop.value;
  if (!v) return mk(c, JS_TRUE, attr->loc);
  if (v->kind == JS_JSX_EXPR) return v->u.unary.arg;
  return v;
}

static js_node *prop_key(ctx *c, js_node *name) {
  js_str s = name->u.ident.name;
  if (str_is(s, "__proto__")) {
    /* `__proto__: v` in a literal would set the prototype instead of passing a prop. */
    js_node *k = mk_string(c, s, name->loc);
    if (k) k->flags |= JS_NF_COMPUTED;
    return k;
  }
  if (memchr(s.ptr, '-', s.len) || memchr(s.ptr, ':', s.len)) return mk_string(c, s, name->loc);
  return mk_ident(c, s, name->loc);
}

static void push_attr(ctx *c, nodes *props, js_node *a) {
  if (a->kind == JS_JSX_SPREAD) {
    js_node *s = mk(c, JS_SPREAD, a->loc);
    if (s) s->u.unary.arg = a->u.unary.arg;
    push(c, props, s);
    return;
  }
  js_node *k = prop_key(c, a->u.prop.key);
  js_node *p = mk_prop(c, k, attr_value(c, a), a->loc);
  if (p && k && (k->flags & JS_NF_COMPUTED)) {
    k->flags &= (uint16_t)~JS_NF_COMPUTED;
    p->flags |= JS_NF_COMPUTED;
  }
  push(c, props, p);
}

/* The children that produce a value, as expressions (a spread child as JS_SPREAD). */
static void semantic_children(ctx *c, js_node *el, nodes *out) {
  for (uint32_t i = 0; i < el->u.jsx.children.len; i++) {
    js_node *ch = el->u.jsx.children.items[i];
    switch (ch->kind) {
    case JS_JSX_TEXT: {
      js_str v = text_value(c, ch);
      if (v.len) push(c, out, mk_string(c, v, ch->loc));
      break;
    }
    case JS_JSX_EXPR:
      if (ch->u.unary.arg) push(c, out, ch->u.unary.arg);
      break;
    case JS_JSX_SPREAD: {
      js_node *s = mk(c, JS_SPREAD, ch->loc);
      if (s) s->u.unary.arg = ch->u.unary.arg;
      push(c, out, s);
      break;
    }
    default:
      push(c, out, ch);
      break;
    }
  }
}

static bool is_key_attr(const js_node *a) {
  return a->kind == JS_JSX_ATTR && str_is(a->u.prop.key->u.ident.name, "key");
}

/* type, props (null when there are none) and the children as arguments: the classic call, and
 * the automatic runtime's createElement fallback. */
static js_node *lower_create_element(ctx *c, js_node *el, js_node *callee) {
  nodes args = {0}, props = {0}, kids = {0};
  push(c, &args, element_type(c, el));
  for (uint32_t i = 0; i < el->u.jsx.attrs.len; i++) push_attr(c, &props, el->u.jsx.attrs.items[i]);
  push(c, &args, props.len ? mk_object(c, &props, el->loc) : mk(c, JS_NULL, el->loc));
  semantic_children(c, el, &kids);
  for (uint32_t i = 0; i < kids.len; i++) push(c, &args, kids.items[i]);
  return mk_call(c, callee, &args, el->loc);
}

static js_node *lower_automatic(ctx *c, js_node *el) {
  js_node *key = NULL;
  bool spread_seen = false, key_after_spread = false;
  for (uint32_t i = 0; i < el->u.jsx.attrs.len; i++) {
    js_node *a = el->u.jsx.attrs.items[i];
    if (a->kind == JS_JSX_SPREAD) {
      spread_seen = true;
    } else if (is_key_attr(a)) {
      if (spread_seen) key_after_spread = true;
      if (!key) key = a;
    }
  }
  if (key_after_spread) return lower_create_element(c, el, helper(c, H_CREATE, el->loc));

  nodes args = {0}, props = {0}, kids = {0};
  push(c, &args, element_type(c, el));
  for (uint32_t i = 0; i < el->u.jsx.attrs.len; i++)
    if (el->u.jsx.attrs.items[i] != key) push_attr(c, &props, el->u.jsx.attrs.items[i]);
  semantic_children(c, el, &kids);
  bool is_static = kids.len > 1 || (kids.len == 1 && kids.items[0]->kind == JS_SPREAD);
  if (kids.len) {
    js_node *value;
    if (is_static) {
      value = mk(c, JS_ARRAY, el->loc);
      if (value) value->u.list.items = as_list(&kids);
    } else {
      value = kids.items[0];
    }
    js_str children = {"children", 8};
    push(c, &props, mk_prop(c, mk_ident(c, children, el->loc), value, el->loc));
  }
  push(c, &args, mk_object(c, &props, el->loc));
  js_node *key_value = key ? attr_value(c, key) : NULL;
  if (c->development) {
    push(c, &args, key_value ? key_value : mk_void0(c, el->loc));
    push(c, &args, mk(c, is_static ? JS_TRUE : JS_FALSE, el->loc));
    nodes src = {0};
    js_str fn = {"fileName", 8}, ln = {"lineNumber", 10}, cn = {"columnNumber", 12};
    const char *f = c->filename ? c->filename : "<input>";
    push(c, &src, mk_prop(c, mk_ident(c, fn, el->loc), mk_string(c, str_of(c, f, strlen(f)), el->loc), el->loc));
    push(c, &src, mk_prop(c, mk_ident(c, ln, el->loc), mk_number(c, el->loc.line, el->loc), el->loc));
    push(c, &src, mk_prop(c, mk_ident(c, cn, el->loc), mk_number(c, el->loc.col + 1, el->loc), el->loc));
    push(c, &args, mk_object(c, &src, el->loc));
    push(c, &args, mk_void0(c, el->loc));
    return mk_call(c, helper(c, H_JSXDEV, el->loc), &args, el->loc);
  }
  if (key_value) push(c, &args, key_value);
  return mk_call(c, helper(c, is_static ? H_JSXS : H_JSX, el->loc), &args, el->loc);
}

static bool lower_visit(js_node **slot, void *ud) {
  ctx *c = ud;
  if (c->oom) return false;
  js_node *n = *slot;
  if (n->kind != JS_JSX_ELEMENT) return true;
  js_node *r = c->automatic ? lower_automatic(c, n) : lower_create_element(c, n, dotted(c, c->factory, n->loc));
  if (!r || c->oom) {
    c->oom = true;
    return false;
  }
  r->end = n->end;
  *slot = r;
  return true; /* walk the call: attribute values and children may hold more elements */
}

/* ---- the helpers' import ----------------------------------------------------------------- */

/* import { a as _a, ... } from "source";  or  const { a: _a, ... } = require("source"); */
static js_node *import_of(ctx *c, const int *hs, int nh, js_str source, bool module) {
  js_loc loc = {0, 1, 0};
  nodes specs = {0};
  for (int i = 0; i < nh; i++) {
    int h = hs[i];
    if (!c->used[h]) continue;
    js_str imported = {helper_import[h], (uint32_t)strlen(helper_import[h])};
    if (module) {
      js_node *s = mk(c, JS_IMPORT_SPECIFIER, loc);
      if (s) {
        s->u.spec.a = mk_ident(c, imported, loc);
        s->u.spec.b = mk_ident(c, c->helper[h], loc);
      }
      push(c, &specs, s);
    } else {
      push(c, &specs, mk_prop(c, mk_ident(c, imported, loc), mk_ident(c, c->helper[h], loc), loc));
    }
  }
  if (!specs.len) return NULL;
  js_node *src = mk_string(c, source, loc);
  if (module) {
    js_node *d = mk(c, JS_IMPORT_DECL, loc);
    if (!d) return NULL;
    d->u.mod.specifiers = as_list(&specs);
    d->u.mod.source = src;
    return d;
  }
  js_node *pat = mk(c, JS_OBJECT_PATTERN, loc);
  js_node *decl = mk(c, JS_DECLARATOR, loc);
  js_node *var = mk(c, JS_VAR_DECL, loc);
  if (!pat || !decl || !var) return NULL;
  pat->u.list.items = as_list(&specs);
  nodes args = {0}, decls = {0};
  push(c, &args, src);
  js_str req = {"require", 7};
  decl->u.decl.id = pat;
  decl->u.decl.init = mk_call(c, mk_ident(c, req, loc), &args, loc);
  push(c, &decls, decl);
  var->op = JS_VAR_CONST;
  var->u.var.decls = as_list(&decls);
  return var;
}

static void add_imports(ctx *c) {
  js_node *prog = c->ast->program;
  bool module = (prog->flags & JS_NF_MODULE) != 0;
  js_node *stmts[2] = {NULL, NULL};
  const char *suffix = c->development ? "/jsx-dev-runtime" : "/jsx-runtime";
  size_t sl = strlen(suffix);
  char *runtime = js_arena_alloc(c->arena, c->import_source.len + sl + 1);
  if (!runtime) {
    c->oom = true;
    return;
  }
  memcpy(runtime, c->import_source.ptr, c->import_source.len);
  memcpy(runtime + c->import_source.len, suffix, sl + 1);
  js_str runtime_src = {runtime, (uint32_t)(c->import_source.len + sl)};
  static const int from_runtime[] = {H_JSX, H_JSXS, H_JSXDEV, H_FRAGMENT};
  static const int from_source[] = {H_CREATE};
  stmts[0] = import_of(c, from_runtime, 4, runtime_src, module);
  stmts[1] = import_of(c, from_source, 1, c->import_source, module);
  uint32_t add = (stmts[0] != NULL) + (stmts[1] != NULL);
  if (!add || c->oom) return;
  js_list *body = &prog->u.program.body;
  js_node **items = js_arena_alloc(c->arena, (body->len + add) * sizeof *items);
  if (!items) {
    c->oom = true;
    return;
  }
  /* After the directive prologue ("use client" must stay first), before everything else. */
  uint32_t d = 0;
  while (d < body->len && body->items[d]->kind == JS_DIRECTIVE) d++;
  uint32_t o = 0;
  for (uint32_t i = 0; i < d; i++) items[o++] = body->items[i];
  for (int i = 0; i < 2; i++)
    if (stmts[i]) items[o++] = stmts[i];
  for (uint32_t i = d; i < body->len; i++) items[o++] = body->items[i];
  body->items = items;
  body->len = o;
}

/* ---- entry ------------------------------------------------------------------------------- */

static js_str cstr(const char *s, const char *dflt) {
  if (!s) s = dflt;
  js_str r = {s, (uint32_t)strlen(s)};
  return r;
}

int js_jsx_lower(js_ast *ast, const js_jsx_options *opts) {
  static const js_jsx_options defaults = {0};
  if (!opts) opts = &defaults;
  if (!ast || !ast->program) return -1;
  ctx c;
  memset(&c, 0, sizeof c);
  c.ast = ast;
  c.arena = ast->arena;
  c.filename = opts->filename;
  c.automatic = opts->runtime == JS_JSX_AUTOMATIC;
  c.development = opts->development;
  /* Copies: the tree outlives the options. */
  js_str is = cstr(opts->import_source, "react"), fa = cstr(opts->factory, "React.createElement"),
         fr = cstr(opts->fragment, "React.Fragment");
  c.import_source = str_of(&c, is.ptr, is.len);
  c.factory = str_of(&c, fa.ptr, fa.len);
  c.fragment = str_of(&c, fr.ptr, fr.len);
  js_loc top = {0, 1, 0};

  /* Pragmas override the options; TypeScript's precedence: @jsxRuntime decides, and an
   * @jsxImportSource alone selects the automatic runtime. @jsx and @jsxFrag only apply to the
   * classic runtime. */
  const js_jsx_pragmas *pg = &ast->jsx_pragmas;
  if (pg->import_source.len) {
    c.import_source = pg->import_source;
    c.automatic = true;
  }
  if (pg->runtime.len) {
    if (str_is(pg->runtime, "classic")) {
      c.automatic = false;
    } else if (str_is(pg->runtime, "automatic")) {
      c.automatic = true;
    } else {
      js__ast_add_error(ast, c.filename, top, "Runtime must be either \"classic\" or \"automatic\", not \"%.*s\"",
                        (int)(pg->runtime.len > 64 ? 64 : pg->runtime.len), pg->runtime.ptr);
      return -1;
    }
  }
  if (pg->jsx.len) c.factory = pg->jsx;
  if (pg->frag.len) c.fragment = pg->frag;
  if (!c.automatic) {
    const js_str *names[2] = {&c.factory, &c.fragment};
    for (int i = 0; i < 2; i++) {
      if (!dotted(&c, *names[i], top)) {
        if (c.oom) return -1;
        js__ast_add_error(ast, c.filename, top, "Invalid JSX %s '%.*s': expected an identifier or a dotted name",
                          i ? "fragment" : "factory", (int)(names[i]->len > 64 ? 64 : names[i]->len), names[i]->ptr);
        return -1;
      }
    }
  }
  c.development = c.development && c.automatic;

  js__walk(&ast->program, collect_names, &c);
  if (!c.oom) js__walk(&ast->program, lower_visit, &c);
  if (!c.oom && c.automatic) add_imports(&c);
  if (c.oom) {
    js__ast_add_error(ast, c.filename, top, "Out of memory");
    return -1;
  }
  return 0;
}
