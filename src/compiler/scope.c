/* Scope analysis (scope.h).
 *
 * One walk over the tree opens scopes, declares every binding in the scope it belongs to and
 * records every identifier occurrence with the scope it appears in. Nothing is resolved during the
 * walk: hoisting (var, functions, `let` used before its line) means a name's declaration may come
 * later in the text. After the walk, Annex B gives sloppy block functions their var bindings, and
 * then every recorded occurrence is looked up through the per-scope hash tables. */
#include "compiler/scope.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/arena.h"

enum {
  REF_READ = 1,
  REF_WRITE = 2,
  REF_DECL = 4, /* the binding occurrence of a declaration */
  REF_INIT = 8, /* ...whose declaration assigns a value (var x = 1, for (var x of y)) */
};

typedef struct ref {
  js_node *id;
  js_scope_info *scope;
  uint32_t how;
} ref;

typedef struct annexb {
  js_symbol *sym; /* the block-scoped function symbol */
  js_node *fn;    /* its JS_FUNCTION_DECL */
} annexb;

typedef struct local_export {
  uint32_t entry;
  js_node *id;
} local_export;

typedef struct walker {
  js_arena *arena;
  jmp_buf oom;
  js_scopes *res;
  js_scope_info *scope;
  bool strict;
  uint32_t ns_depth; /* inside a TypeScript namespace: exports are the namespace's */
  ref *refs;
  size_t nrefs, cap_refs;
  annexb *ab;
  size_t nab, cap_ab;
  local_export *lex;
  size_t nlex, cap_lex;
  js_node **spine; /* left spines of binary operators being walked */
  size_t nspine, cap_spine;
  js_scope_info **scopes; /* every scope, in creation order */
  size_t nscopes, cap_scopes;
  uint32_t cap_imports, cap_exports;
} walker;

static void visit(walker *w, js_node *n);
static void visit_function(walker *w, js_node *n, js_function *fn, bool declared_name);
static void visit_class(walker *w, js_node *n);

/* ---- memory ------------------------------------------------------------------------------ */

static void *zalloc(walker *w, size_t size) {
  void *p = js_arena_zalloc(w->arena, size);
  if (!p) longjmp(w->oom, 1);
  return p;
}

/* Grows a malloc'd array (freed when the analysis ends) to hold one more element. */
static void *grow(walker *w, void *items, size_t n, size_t *cap, size_t size) {
  if (n < *cap) return items;
  size_t ncap = *cap ? *cap * 2 : 64;
  void *p = realloc(items, ncap * size);
  if (!p) longjmp(w->oom, 1);
  *cap = ncap;
  return p;
}

/* ---- hash tables ------------------------------------------------------------------------- */

static uint32_t hash_str(js_str s) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < s.len; i++) h = (h ^ (uint8_t)s.ptr[i]) * 16777619u;
  return h;
}

static bool str_eq(js_str a, js_str b) { return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0); }

static bool str_is(js_str a, const char *lit) {
  size_t n = strlen(lit);
  return a.len == n && memcmp(a.ptr, lit, n) == 0;
}

static js_symbol *table_find(js_symbol *const *table, uint32_t cap, js_str name) {
  if (!cap) return NULL;
  uint32_t mask = cap - 1;
  for (uint32_t i = hash_str(name) & mask;; i = (i + 1) & mask) {
    js_symbol *s = table[i];
    if (!s) return NULL;
    if (str_eq(s->name, name)) return s;
  }
}

/* Inserts sym (whose name is not in the table) into a table holding count entries. */
static void table_insert(walker *w, js_symbol ***table, uint32_t *cap, uint32_t count, js_symbol *sym) {
  if ((count + 1) * 4 > *cap * 3) {
    uint32_t ncap = *cap ? *cap * 2 : 8;
    js_symbol **nt = zalloc(w, ncap * sizeof *nt);
    for (uint32_t i = 0; i < *cap; i++) {
      js_symbol *s = (*table)[i];
      if (!s) continue;
      uint32_t j = hash_str(s->name) & (ncap - 1);
      while (nt[j]) j = (j + 1) & (ncap - 1);
      nt[j] = s;
    }
    *table = nt;
    *cap = ncap;
  }
  uint32_t mask = *cap - 1;
  uint32_t j = hash_str(sym->name) & mask;
  while ((*table)[j]) j = (j + 1) & mask;
  (*table)[j] = sym;
}

js_symbol *js_scope_find_own(const js_scope_info *s, js_str name) { return table_find(s->table, s->cap, name); }

js_symbol *js_scope_lookup(const js_scope_info *s, js_str name) {
  for (; s; s = s->parent) {
    js_symbol *sym = js_scope_find_own(s, name);
    if (sym) return sym;
  }
  return NULL;
}

static void map_node(walker *w, const js_node *node, js_scope_info *scope) {
  js_scopes *r = w->res;
  if ((r->nscopes + 1) * 2 > r->node_map_cap) {
    uint32_t ncap = r->node_map_cap ? r->node_map_cap * 2 : 64;
    js_scope_map_entry *nm = zalloc(w, ncap * sizeof *nm);
    for (uint32_t i = 0; i < r->node_map_cap; i++) {
      if (!r->node_map[i].node) continue;
      uint32_t j = (uint32_t)(((uintptr_t)r->node_map[i].node >> 3) * 2654435761u) & (ncap - 1);
      while (nm[j].node) j = (j + 1) & (ncap - 1);
      nm[j] = r->node_map[i];
    }
    r->node_map = nm;
    r->node_map_cap = ncap;
  }
  uint32_t mask = r->node_map_cap - 1;
  uint32_t j = (uint32_t)(((uintptr_t)node >> 3) * 2654435761u) & mask;
  while (r->node_map[j].node && r->node_map[j].node != node) j = (j + 1) & mask;
  r->node_map[j].node = node;
  r->node_map[j].scope = scope;
}

js_scope_info *js_scope_of(const js_scopes *r, const js_node *node) {
  if (!r->node_map_cap || !node) return NULL;
  uint32_t mask = r->node_map_cap - 1;
  for (uint32_t j = (uint32_t)(((uintptr_t)node >> 3) * 2654435761u) & mask;; j = (j + 1) & mask) {
    if (!r->node_map[j].node) return NULL;
    if (r->node_map[j].node == node) return r->node_map[j].scope;
  }
}

/* ---- scopes and symbols ------------------------------------------------------------------ */

static bool is_fn_kind(int kind) {
  return kind == JS_SK_GLOBAL || kind == JS_SK_MODULE || kind == JS_SK_FUNCTION || kind == JS_SK_FIELD ||
         kind == JS_SK_STATIC_BLOCK || kind == JS_SK_TS_NAMESPACE;
}

/* Scopes that receive `var` declarations (and function declarations at their top level). */
static bool is_var_kind(int kind) {
  return kind == JS_SK_GLOBAL || kind == JS_SK_MODULE || kind == JS_SK_FUNCTION ||
         kind == JS_SK_FUNCTION_BODY || kind == JS_SK_STATIC_BLOCK || kind == JS_SK_TS_NAMESPACE ||
         kind == JS_SK_FIELD;
}

static js_scope_info *var_scope(js_scope_info *s) {
  while (!is_var_kind(s->kind)) s = s->parent;
  return s;
}

static js_scope_info *push_scope(walker *w, int kind, js_node *node) {
  js_scope_info *s = zalloc(w, sizeof *s);
  s->kind = (uint8_t)kind;
  s->node = node;
  s->parent = w->scope;
  if (w->strict) s->flags |= JS_SCOPEF_STRICT;
  if (s->parent) {
    if (s->parent->last_child) s->parent->last_child->next_sibling = s;
    else s->parent->children = s;
    s->parent->last_child = s;
  }
  s->fn = is_fn_kind(kind) ? s : s->parent->fn;
  w->scopes = grow(w, w->scopes, w->nscopes, &w->cap_scopes, sizeof *w->scopes);
  w->scopes[w->nscopes++] = s;
  if (node) map_node(w, node, s);
  w->res->nscopes++;
  w->scope = s;
  return s;
}

static void pop_scope(walker *w) { w->scope = w->scope->parent; }

static bool is_lexical_kind(int kind) {
  return kind == JS_SYM_LET || kind == JS_SYM_CONST || kind == JS_SYM_USING || kind == JS_SYM_CLASS ||
         kind == JS_SYM_CLASS_NAME || kind == JS_SYM_IMPORT;
}

/* Declares name in scope s, or returns the symbol already there (redeclarations the parser
 * accepted: var twice, var and function, sloppy duplicate block functions, TypeScript merging). */
static js_symbol *declare(walker *w, js_scope_info *s, js_str name, int kind, js_node *id, js_node *decl_node) {
  js_symbol *sym = js_scope_find_own(s, name);
  if (sym) {
    sym->flags |= JS_SYMF_MERGED;
    /* A function wins over a var of its name; a class, function or enum gives a namespace merged
     * into it its kind (the namespace only adds properties to it). */
    if ((sym->kind == JS_SYM_VAR && kind == JS_SYM_FUNCTION) ||
        (sym->kind == JS_SYM_TS_NAMESPACE &&
         (kind == JS_SYM_CLASS || kind == JS_SYM_FUNCTION || kind == JS_SYM_TS_ENUM))) {
      sym->kind = (uint8_t)kind;
      sym->decl = id;
      sym->decl_node = decl_node;
    }
    return sym;
  }
  sym = zalloc(w, sizeof *sym);
  sym->name = name;
  sym->kind = (uint8_t)kind;
  sym->decl = id;
  sym->decl_node = decl_node;
  sym->scope = s;
  if (s->last) s->last->next = sym;
  else s->first = sym;
  s->last = sym;
  table_insert(w, &s->table, &s->cap, s->nsymbols, sym);
  s->nsymbols++;
  w->res->nsymbols++;
  return sym;
}

static void add_ref(walker *w, js_node *id, uint32_t how) {
  id->u.ident.sym = NULL;
  w->refs = grow(w, w->refs, w->nrefs, &w->cap_refs, sizeof *w->refs);
  w->refs[w->nrefs++] = (ref){id, w->scope, how};
}

/* ---- private names ----------------------------------------------------------------------- */

static void declare_private(walker *w, js_scope_info *cls, js_node *key) {
  js_str name = key->u.ident.name;
  js_symbol *sym = table_find(cls->private_table, cls->private_cap, name);
  if (!sym) {
    sym = zalloc(w, sizeof *sym);
    sym->name = name;
    sym->kind = JS_SYM_PRIVATE;
    sym->decl = key;
    sym->scope = cls;
    table_insert(w, &cls->private_table, &cls->private_cap, cls->nprivate, sym);
    cls->nprivate++;
    w->res->nsymbols++;
  } else {
    sym->flags |= JS_SYMF_MERGED; /* a getter and its setter */
  }
  key->u.ident.sym = sym;
}

/* A #name used in `obj.#x` or `#x in obj`: every enclosing class's names are declared by now
 * (a class declares all of its private names before visiting its members). */
static void use_private(walker *w, js_node *n) {
  n->u.ident.sym = NULL;
  for (js_scope_info *s = w->scope; s; s = s->parent) {
    if (s->kind != JS_SK_CLASS) continue;
    js_symbol *sym = table_find(s->private_table, s->private_cap, n->u.ident.name);
    if (sym) {
      n->u.ident.sym = sym;
      sym->reads++;
      if (w->scope->fn != s->fn) sym->flags |= JS_SYMF_CAPTURED;
      return;
    }
  }
}

/* ---- bindings and targets ---------------------------------------------------------------- */

static void bind(walker *w, js_node *pat, int kind, js_node *decl_node, uint32_t how);

static void bind_ident(walker *w, js_node *id, int kind, js_node *decl_node, uint32_t how) {
  js_scope_info *s = kind == JS_SYM_VAR ? var_scope(w->scope) : w->scope;
  declare(w, s, id->u.ident.name, kind, id, decl_node);
  /* The occurrence resolves like a reference: `var e` inside `catch (e)` assigns the catch
   * parameter (Annex B.3.5), not the function's var. */
  add_ref(w, id, REF_DECL | how);
}

static void bind(walker *w, js_node *pat, int kind, js_node *decl_node, uint32_t how) {
  if (!pat) return;
  switch (pat->kind) {
  case JS_IDENT:
    bind_ident(w, pat, kind, decl_node, how);
    break;
  case JS_ARRAY_PATTERN:
    for (uint32_t i = 0; i < pat->u.list.items.len; i++) bind(w, pat->u.list.items.items[i], kind, decl_node, how);
    break;
  case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < pat->u.list.items.len; i++) {
      js_node *e = pat->u.list.items.items[i];
      if (e->kind == JS_PROPERTY) {
        if (e->flags & JS_NF_COMPUTED) visit(w, e->u.prop.key);
        bind(w, e->u.prop.value, kind, decl_node, how);
      } else {
        bind(w, e, kind, decl_node, how);
      }
    }
    break;
  case JS_ASSIGN_PATTERN:
    bind(w, pat->u.bin.left, kind, decl_node, how);
    visit(w, pat->u.bin.right);
    break;
  case JS_REST:
    bind(w, pat->u.unary.arg, kind, decl_node, how);
    break;
  default:
    visit(w, pat);
    break;
  }
}

/* An assignment target: how is REF_WRITE, or REF_READ | REF_WRITE for `x += 1`, `x++`. */
static void target(walker *w, js_node *n, uint32_t how) {
  if (!n) return;
  switch (n->kind) {
  case JS_IDENT:
    add_ref(w, n, how);
    break;
  case JS_ARRAY_PATTERN:
    for (uint32_t i = 0; i < n->u.list.items.len; i++) target(w, n->u.list.items.items[i], REF_WRITE);
    break;
  case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < n->u.list.items.len; i++) {
      js_node *e = n->u.list.items.items[i];
      if (e->kind == JS_PROPERTY) {
        if (e->flags & JS_NF_COMPUTED) visit(w, e->u.prop.key);
        target(w, e->u.prop.value, REF_WRITE);
      } else {
        target(w, e, REF_WRITE);
      }
    }
    break;
  case JS_ASSIGN_PATTERN:
    target(w, n->u.bin.left, REF_WRITE);
    visit(w, n->u.bin.right);
    break;
  case JS_REST:
    target(w, n->u.unary.arg, REF_WRITE);
    break;
  default:
    visit(w, n);
    break;
  }
}

static int var_sym_kind(int op) {
  switch (op) {
  case JS_VAR_LET: return JS_SYM_LET;
  case JS_VAR_CONST: return JS_SYM_CONST;
  case JS_VAR_USING: case JS_VAR_AWAIT_USING: return JS_SYM_USING;
  default: return JS_SYM_VAR;
  }
}

static void visit_var_decl(walker *w, js_node *n, bool for_in_of) {
  int kind = var_sym_kind(n->op);
  for (uint32_t i = 0; i < n->u.var.decls.len; i++) {
    js_node *d = n->u.var.decls.items[i];
    bind(w, d->u.decl.id, kind, n, d->u.decl.init || for_in_of ? REF_INIT : 0);
    visit(w, d->u.decl.init);
  }
}

/* ---- module records ---------------------------------------------------------------------- */

static js_str lit(const char *s) { return (js_str){s, (uint32_t)strlen(s)}; }

static js_str name_of(const js_node *n) { return n->kind == JS_STRING ? n->u.str.value : n->u.ident.name; }

static void add_import(walker *w, js_node *decl, js_node *spec) {
  js_scopes *r = w->res;
  if (r->nimports == w->cap_imports) {
    uint32_t ncap = w->cap_imports ? w->cap_imports * 2 : 8;
    js_import_binding *ni = zalloc(w, ncap * sizeof *ni);
    if (r->nimports) memcpy(ni, r->imports, r->nimports * sizeof *ni);
    r->imports = ni;
    w->cap_imports = ncap;
  }
  js_import_binding *b = &r->imports[r->nimports++];
  b->decl = decl;
  b->specifier = spec;
  b->source = decl->u.mod.source;
  if (spec->kind == JS_IMPORT_DEFAULT) {
    b->kind = JS_IMPORT_KIND_DEFAULT;
    b->imported = lit("default");
  } else if (spec->kind == JS_IMPORT_NAMESPACE) {
    b->kind = JS_IMPORT_KIND_NAMESPACE;
    b->imported = lit("*");
  } else {
    b->kind = JS_IMPORT_NAMED;
    b->imported = name_of(spec->u.spec.a);
  }
  /* local is filled in once the specifier's identifier is resolved */
}

static js_export_entry *add_export(walker *w, int kind, js_str exported, js_node *decl) {
  js_scopes *r = w->res;
  if (r->nexports == w->cap_exports) {
    uint32_t ncap = w->cap_exports ? w->cap_exports * 2 : 8;
    js_export_entry *ne = zalloc(w, ncap * sizeof *ne);
    if (r->nexports) memcpy(ne, r->exports, r->nexports * sizeof *ne);
    r->exports = ne;
    w->cap_exports = ncap;
  }
  js_export_entry *e = &r->exports[r->nexports++];
  e->kind = (uint8_t)kind;
  e->exported = exported;
  e->decl = decl;
  return e;
}

/* An export of a local binding, named by the identifier id (resolved later). */
static void export_local(walker *w, js_str exported, js_node *id, js_node *decl) {
  if (w->ns_depth) {
    /* Inside a TypeScript namespace: the binding becomes a property of the namespace. The
     * identifier is a declaration of this scope, so it can be marked right away. */
    js_symbol *sym = js_scope_find_own(w->scope, id->u.ident.name);
    if (sym) sym->flags |= JS_SYMF_EXPORTED;
    return;
  }
  add_export(w, JS_EXPORT_LOCAL, exported, decl);
  w->lex = grow(w, w->lex, w->nlex, &w->cap_lex, sizeof *w->lex);
  w->lex[w->nlex++] = (local_export){w->res->nexports - 1, id};
}

static void export_bound_cb(walker *w, js_node *pat, js_node *decl) {
  if (!pat) return;
  switch (pat->kind) {
  case JS_IDENT:
    export_local(w, pat->u.ident.name, pat, decl);
    break;
  case JS_ARRAY_PATTERN:
  case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < pat->u.list.items.len; i++) {
      js_node *e = pat->u.list.items.items[i];
      if (e) export_bound_cb(w, e->kind == JS_PROPERTY ? e->u.prop.value : e, decl);
    }
    break;
  case JS_ASSIGN_PATTERN:
    export_bound_cb(w, pat->u.bin.left, decl);
    break;
  case JS_REST:
    export_bound_cb(w, pat->u.unary.arg, decl);
    break;
  default:
    break;
  }
}

static void visit_export_named(walker *w, js_node *n) {
  js_node *d = n->u.mod.decl;
  if (d) {
    visit(w, d);
    switch (d->kind) {
    case JS_VAR_DECL:
      for (uint32_t i = 0; i < d->u.var.decls.len; i++) export_bound_cb(w, d->u.var.decls.items[i]->u.decl.id, n);
      break;
    case JS_FUNCTION_DECL:
      if (d->u.fn->id) export_local(w, d->u.fn->id->u.ident.name, d->u.fn->id, n);
      break;
    case JS_CLASS_DECL:
      if (d->u.cls->id) export_local(w, d->u.cls->id->u.ident.name, d->u.cls->id, n);
      break;
    case JS_TS_ENUM:
      export_local(w, d->u.ts_enum.id->u.ident.name, d->u.ts_enum.id, n);
      break;
    case JS_TS_NAMESPACE:
      export_local(w, d->u.ts_ns.id->u.ident.name, d->u.ts_ns.id, n);
      break;
    case JS_TS_IMPORT_EQUALS:
      export_local(w, d->u.spec.a->u.ident.name, d->u.spec.a, n);
      break;
    default:
      break;
    }
    return;
  }
  js_node *source = n->u.mod.source;
  for (uint32_t i = 0; i < n->u.mod.specifiers.len; i++) {
    js_node *s = n->u.mod.specifiers.items[i];
    js_str exported = name_of(s->u.spec.b);
    if (source) {
      if (w->ns_depth) continue;
      js_export_entry *e = add_export(w, JS_EXPORT_REEXPORT, exported, n);
      e->imported = name_of(s->u.spec.a);
      e->source = source;
    } else if (s->u.spec.a->kind == JS_IDENT) {
      add_ref(w, s->u.spec.a, REF_READ);
      if (!w->ns_depth) export_local(w, exported, s->u.spec.a, n);
    }
  }
}

static void visit_export_default(walker *w, js_node *n) {
  js_node *d = n->u.mod.decl;
  visit(w, d);
  js_node *id = NULL;
  if (d->kind == JS_FUNCTION_DECL) id = d->u.fn->id;
  else if (d->kind == JS_CLASS_DECL) id = d->u.cls->id;
  if (w->ns_depth) return;
  if (id) {
    export_local(w, lit("default"), id, n);
  } else {
    js_export_entry *e = add_export(w, JS_EXPORT_DEFAULT_EXPR, lit("default"), n);
    e->expr = d;
  }
}

/* ---- statements and expressions ---------------------------------------------------------- */

static void visit_list(walker *w, js_list l) {
  for (uint32_t i = 0; i < l.len; i++) visit(w, l.items[i]);
}

/* The body of an if/else: `if (a) function f() {}` (sloppy code) declares f in a block of its own. */
static void visit_branch(walker *w, js_node *n) {
  if (n && n->kind == JS_FUNCTION_DECL) {
    push_scope(w, JS_SK_BLOCK, NULL);
    visit(w, n);
    pop_scope(w);
  } else {
    visit(w, n);
  }
}

static void visit_function_decl(walker *w, js_node *n) {
  js_function *fn = n->u.fn;
  if (fn->id) {
    js_scope_info *s = w->scope;
    bool in_block = !is_var_kind(s->kind);
    js_symbol *sym = declare(w, s, fn->id->u.ident.name, JS_SYM_FUNCTION, fn->id, n);
    add_ref(w, fn->id, REF_DECL | REF_INIT);
    if (in_block) {
      sym->flags |= JS_SYMF_BLOCK_FUNCTION;
      if (!w->strict && !(fn->flags & (JS_FN_ASYNC | JS_FN_GENERATOR))) {
        w->ab = grow(w, w->ab, w->nab, &w->cap_ab, sizeof *w->ab);
        w->ab[w->nab++] = (annexb){sym, n};
      }
    }
  }
  visit_function(w, n, fn, true);
}

static bool params_simple(const js_function *fn) {
  for (uint32_t i = 0; i < fn->params.len; i++)
    if (fn->params.items[i]->kind != JS_IDENT) return false;
  return true;
}

/* declared_name: the name (if any) is bound outside (a declaration) or not at all (a method). */
static void visit_function(walker *w, js_node *n, js_function *fn, bool declared_name) {
  bool saved_strict = w->strict;
  js_scope_info *saved = w->scope;
  bool arrow = n->kind == JS_ARROW || (fn->flags & JS_FN_ARROW);
  if (fn->id && !declared_name) {
    push_scope(w, JS_SK_FUNCTION_NAME, NULL);
    declare(w, w->scope, fn->id->u.ident.name, JS_SYM_FUNCTION_NAME, fn->id, n);
    add_ref(w, fn->id, REF_DECL | REF_INIT);
  }
  if (fn->flags & JS_FN_STRICT) w->strict = true;
  js_scope_info *fs = push_scope(w, JS_SK_FUNCTION, n);
  if (arrow) fs->flags |= JS_SCOPEF_ARROW;
  for (uint32_t i = 0; i < fn->params.len; i++) bind(w, fn->params.items[i], JS_SYM_PARAM, n, 0);
  if (fn->flags & JS_FN_EXPR_BODY) {
    visit(w, fn->body);
  } else if (fn->body) {
    if (!params_simple(fn)) push_scope(w, JS_SK_FUNCTION_BODY, fn->body);
    visit_list(w, fn->body->u.list.items);
  }
  w->scope = saved;
  w->strict = saved_strict;
}

static void visit_class(walker *w, js_node *n) {
  js_class *c = n->u.cls;
  bool saved_strict = w->strict;
  js_scope_info *saved = w->scope;
  visit_list(w, c->decorators);
  if (n->kind == JS_CLASS_DECL && c->id) {
    declare(w, w->scope, c->id->u.ident.name, JS_SYM_CLASS, c->id, n);
    add_ref(w, c->id, REF_DECL | REF_INIT);
  }
  w->strict = true; /* class bodies are strict code */
  js_scope_info *cs = push_scope(w, JS_SK_CLASS, n);
  if (c->id) {
    js_symbol *inner = declare(w, cs, c->id->u.ident.name, JS_SYM_CLASS_NAME, c->id, n);
    if (n->kind == JS_CLASS) add_ref(w, c->id, REF_DECL | REF_INIT);
    (void)inner;
  }
  for (uint32_t i = 0; i < c->body.len; i++) {
    js_node *m = c->body.items[i];
    if ((m->kind == JS_METHOD || m->kind == JS_FIELD) && m->u.prop.key && m->u.prop.key->kind == JS_PRIVATE_NAME)
      declare_private(w, cs, m->u.prop.key);
  }
  visit(w, c->super);
  for (uint32_t i = 0; i < c->body.len; i++) {
    js_node *m = c->body.items[i];
    switch (m->kind) {
    case JS_METHOD:
      visit_list(w, m->u.prop.decorators);
      if (m->flags & JS_NF_COMPUTED) visit(w, m->u.prop.key);
      visit_function(w, m->u.prop.value, m->u.prop.value->u.fn, true);
      break;
    case JS_FIELD:
      visit_list(w, m->u.prop.decorators);
      if (m->flags & JS_NF_COMPUTED) visit(w, m->u.prop.key);
      if (m->u.prop.value) {
        push_scope(w, JS_SK_FIELD, m);
        visit(w, m->u.prop.value);
        pop_scope(w);
      }
      break;
    case JS_STATIC_BLOCK:
      push_scope(w, JS_SK_STATIC_BLOCK, m);
      visit_list(w, m->u.list.items);
      pop_scope(w);
      break;
    default:
      visit(w, m);
      break;
    }
  }
  w->scope = saved;
  w->strict = saved_strict;
}

static void visit_for(walker *w, js_node *n) {
  js_scope_info *saved = w->scope;
  js_node *init = n->u.for_.init;
  if (init && init->kind == JS_VAR_DECL && init->op != JS_VAR_VAR) {
    js_scope_info *s = push_scope(w, JS_SK_FOR, n);
    if (init->op == JS_VAR_LET) s->flags |= JS_SCOPEF_PER_ITERATION;
  }
  if (init && init->kind == JS_VAR_DECL) visit_var_decl(w, init, false);
  else visit(w, init);
  visit(w, n->u.for_.test);
  visit(w, n->u.for_.update);
  visit(w, n->u.for_.body);
  w->scope = saved;
}

static void visit_for_in(walker *w, js_node *n) {
  js_scope_info *saved = w->scope;
  js_node *left = n->u.for_in.left;
  if (left->kind == JS_VAR_DECL) {
    /* The right side is evaluated where the head's lexical names are already in their TDZ, so
     * it shares the head's scope: `for (let x of x)` reads the new x. */
    if (left->op != JS_VAR_VAR) push_scope(w, JS_SK_FOR, n)->flags |= JS_SCOPEF_PER_ITERATION;
    visit_var_decl(w, left, true);
  } else {
    target(w, left, REF_WRITE);
  }
  visit(w, n->u.for_in.right);
  visit(w, n->u.for_in.body);
  w->scope = saved;
}

static void visit_try(walker *w, js_node *n) {
  visit(w, n->u.try_.block);
  if (n->u.try_.handler) {
    js_scope_info *saved = w->scope;
    push_scope(w, JS_SK_CATCH, n->u.try_.handler);
    bind(w, n->u.try_.param, JS_SYM_CATCH, n, 0);
    visit_list(w, n->u.try_.handler->u.list.items);
    w->scope = saved;
  }
  visit(w, n->u.try_.finalizer);
}

static void visit_import(walker *w, js_node *n) {
  for (uint32_t i = 0; i < n->u.mod.specifiers.len; i++) {
    js_node *s = n->u.mod.specifiers.items[i];
    js_node *local = s->u.spec.b;
    declare(w, w->scope, local->u.ident.name, JS_SYM_IMPORT, local, n);
    add_ref(w, local, REF_DECL | REF_INIT);
    add_import(w, n, s);
  }
  visit_list(w, n->u.mod.attributes);
}

/* Left-nested binary operators are not depth-bounded by the parser: walk the left spine with a
 * stack shared by all calls (each call pushes above the entries of the calls it is nested in and
 * pops back to where it started), then the right operands from the innermost out (source order). */
static void visit_binary(walker *w, js_node *n) {
  size_t base = w->nspine;
  js_node *cur = n;
  while (cur->kind == JS_BINARY) {
    w->spine = grow(w, w->spine, w->nspine, &w->cap_spine, sizeof *w->spine);
    w->spine[w->nspine++] = cur;
    cur = cur->u.bin.left;
  }
  if (cur->kind == JS_PRIVATE_NAME) use_private(w, cur); /* #x in obj */
  else visit(w, cur);
  while (w->nspine > base) visit(w, w->spine[--w->nspine]->u.bin.right);
}

static void visit_jsx(walker *w, js_node *n) {
  js_node *name = n->u.jsx.name;
  if (name && name->kind != JS_JSX_NAME) visit(w, name); /* <Foo>, <a.b> are references */
  for (uint32_t i = 0; i < n->u.jsx.attrs.len; i++) {
    js_node *a = n->u.jsx.attrs.items[i];
    if (a->kind == JS_JSX_ATTR) visit(w, a->u.prop.value);
    else visit(w, a);
  }
  visit_list(w, n->u.jsx.children);
}

static void visit_enum(walker *w, js_node *n) {
  js_node *id = n->u.ts_enum.id;
  declare(w, w->scope, id->u.ident.name, JS_SYM_TS_ENUM, id, n);
  add_ref(w, id, REF_DECL | REF_INIT);
  js_scope_info *saved = w->scope;
  js_scope_info *es = push_scope(w, JS_SK_TS_ENUM, n);
  for (uint32_t i = 0; i < n->u.ts_enum.members.len; i++) {
    js_node *key = n->u.ts_enum.members.items[i]->u.prop.key;
    js_symbol *sym = declare(w, es, name_of(key), JS_SYM_TS_ENUM_MEMBER, key, n);
    if (key->kind == JS_IDENT) key->u.ident.sym = sym;
  }
  for (uint32_t i = 0; i < n->u.ts_enum.members.len; i++) visit(w, n->u.ts_enum.members.items[i]->u.prop.value);
  w->scope = saved;
}

static void visit_namespace(walker *w, js_node *n) {
  js_node *id = n->u.ts_ns.id;
  declare(w, w->scope, id->u.ident.name, JS_SYM_TS_NAMESPACE, id, n);
  add_ref(w, id, REF_DECL | REF_INIT);
  js_scope_info *saved = w->scope;
  push_scope(w, JS_SK_TS_NAMESPACE, n);
  w->ns_depth++;
  visit_list(w, n->u.ts_ns.body);
  w->ns_depth--;
  w->scope = saved;
}

static void visit(walker *w, js_node *n) {
  if (!n) return;
  switch ((js_kind)n->kind) {
  case JS_IDENT:
    add_ref(w, n, REF_READ);
    break;
  case JS_PRIVATE_NAME:
    use_private(w, n);
    break;
  case JS_EXPR_STMT: case JS_RETURN: case JS_THROW: case JS_SPREAD: case JS_CHAIN: case JS_YIELD:
  case JS_AWAIT: case JS_UNARY: case JS_DECORATOR: case JS_TS_EXPORT_ASSIGN: case JS_JSX_SPREAD:
  case JS_JSX_EXPR:
    visit(w, n->u.unary.arg);
    break;
  case JS_UPDATE:
    target(w, n->u.unary.arg, REF_READ | REF_WRITE);
    break;
  case JS_BLOCK: {
    js_scope_info *saved = w->scope;
    push_scope(w, JS_SK_BLOCK, n);
    visit_list(w, n->u.list.items);
    w->scope = saved;
    break;
  }
  case JS_WITH: {
    visit(w, n->u.loop.test);
    js_scope_info *saved = w->scope;
    push_scope(w, JS_SK_WITH, n)->flags |= JS_SCOPEF_DYNAMIC;
    visit(w, n->u.loop.body);
    w->scope = saved;
    break;
  }
  case JS_WHILE: case JS_DO_WHILE:
    visit(w, n->u.loop.test);
    visit(w, n->u.loop.body);
    break;
  case JS_LABELED:
    visit(w, n->u.label.body);
    break;
  case JS_IF:
    visit(w, n->u.cond.test);
    visit_branch(w, n->u.cond.cons);
    visit_branch(w, n->u.cond.alt);
    break;
  case JS_COND:
    visit(w, n->u.cond.test);
    visit(w, n->u.cond.cons);
    visit(w, n->u.cond.alt);
    break;
  case JS_SWITCH: {
    visit(w, n->u.sw.disc);
    js_scope_info *saved = w->scope;
    push_scope(w, JS_SK_SWITCH, n);
    visit_list(w, n->u.sw.cases);
    w->scope = saved;
    break;
  }
  case JS_CASE:
    visit(w, n->u.kase.test);
    visit_list(w, n->u.kase.body);
    break;
  case JS_TRY:
    visit_try(w, n);
    break;
  case JS_FOR:
    visit_for(w, n);
    break;
  case JS_FOR_IN: case JS_FOR_OF:
    visit_for_in(w, n);
    break;
  case JS_VAR_DECL:
    visit_var_decl(w, n, false);
    break;
  case JS_FUNCTION_DECL:
    visit_function_decl(w, n);
    break;
  case JS_FUNCTION:
    visit_function(w, n, n->u.fn, false);
    break;
  case JS_ARROW:
    visit_function(w, n, n->u.fn, true);
    break;
  case JS_CLASS_DECL: case JS_CLASS:
    visit_class(w, n);
    break;
  case JS_IMPORT_DECL:
    visit_import(w, n);
    break;
  case JS_EXPORT_NAMED:
    visit_export_named(w, n);
    break;
  case JS_EXPORT_DEFAULT:
    visit_export_default(w, n);
    break;
  case JS_EXPORT_ALL:
    if (!w->ns_depth) {
      js_node *as = n->u.mod.decl;
      js_export_entry *e = add_export(w, as ? JS_EXPORT_REEXPORT : JS_EXPORT_STAR, as ? name_of(as) : lit(""), n);
      if (as) e->imported = lit("*");
      e->source = n->u.mod.source;
    }
    break;
  case JS_TEMPLATE:
    visit_list(w, n->u.tpl.exprs);
    break;
  case JS_TAGGED_TEMPLATE:
    visit(w, n->u.tagged.tag);
    visit(w, n->u.tagged.quasi);
    break;
  case JS_ARRAY: case JS_OBJECT: case JS_SEQUENCE:
    visit_list(w, n->u.list.items);
    break;
  case JS_PROPERTY:
    if (n->flags & JS_NF_COMPUTED) visit(w, n->u.prop.key);
    if (n->u.prop.value && (n->flags & JS_NF_METHOD || n->op != JS_PROP_INIT) && n->u.prop.value->kind == JS_FUNCTION)
      visit_function(w, n->u.prop.value, n->u.prop.value->u.fn, true); /* a method's name binds nothing */
    else
      visit(w, n->u.prop.value);
    break;
  case JS_BINARY:
    visit_binary(w, n);
    break;
  case JS_ASSIGN:
    target(w, n->u.bin.left, n->op == JS_OP_ASSIGN ? REF_WRITE : REF_READ | REF_WRITE);
    visit(w, n->u.bin.right);
    break;
  case JS_ARRAY_PATTERN: case JS_OBJECT_PATTERN: case JS_ASSIGN_PATTERN: case JS_REST:
    target(w, n, REF_WRITE);
    break;
  case JS_CALL: case JS_NEW: {
    js_node *callee = n->u.call.callee;
    /* eval(...) (also parenthesised) is a direct eval; eval?.(...) is not. */
    if (n->kind == JS_CALL && callee->kind == JS_IDENT && str_is(callee->u.ident.name, "eval") &&
        !(n->flags & JS_NF_OPTIONAL))
      w->scope->flags |= JS_SCOPEF_DIRECT_EVAL;
    visit(w, callee);
    visit_list(w, n->u.call.args);
    break;
  }
  case JS_MEMBER:
    visit(w, n->u.member.object);
    if (n->flags & JS_NF_COMPUTED) visit(w, n->u.member.prop);
    else if (n->u.member.prop->kind == JS_PRIVATE_NAME) use_private(w, n->u.member.prop);
    break;
  case JS_IMPORT_CALL:
    visit(w, n->u.import_call.source);
    visit(w, n->u.import_call.options);
    break;
  case JS_IMPORT_ATTRIBUTE:
    break;
  case JS_TS_ENUM:
    visit_enum(w, n);
    break;
  case JS_TS_NAMESPACE:
    visit_namespace(w, n);
    break;
  case JS_TS_IMPORT_EQUALS:
    declare(w, w->scope, n->u.spec.a->u.ident.name, JS_SYM_TS_IMPORT_EQUALS, n->u.spec.a, n);
    add_ref(w, n->u.spec.a, REF_DECL | REF_INIT);
    if (n->u.spec.b->kind != JS_STRING) visit(w, n->u.spec.b);
    if (n->flags & JS_NF_EXPORT) export_local(w, n->u.spec.a->u.ident.name, n->u.spec.a, n);
    break;
  case JS_JSX_ELEMENT:
    visit_jsx(w, n);
    break;
  case JS_JSX_ATTR:
    visit(w, n->u.prop.value);
    break;
  default:
    /* literals, this, super, directives, empty statements, break/continue (labels are not
     * bindings), new.target, import.meta, JSX names and text */
    break;
  }
}

/* ---- after the walk ---------------------------------------------------------------------- */

/* Annex B.3.3: a plain function declared in a block of sloppy code also assigns a var of its name
 * in the enclosing function when declaring that var would be legal there (no let/const/class of
 * the name in between, not a parameter name). */
static void annex_b(walker *w) {
  for (size_t i = 0; i < w->nab; i++) {
    js_symbol *sym = w->ab[i].sym;
    js_scope_info *vs = var_scope(sym->scope);
    bool blocked = false;
    for (js_scope_info *s = sym->scope->parent; s && !blocked; s = s->parent) {
      js_symbol *other = js_scope_find_own(s, sym->name);
      if (other) {
        if (other->kind == JS_SYM_CATCH) {
          /* var may redeclare a simple catch parameter (B.3.5), not a pattern's names */
          js_node *try_ = other->decl_node;
          if (try_->u.try_.param != other->decl) blocked = true;
        } else if (other->kind != JS_SYM_VAR && !(other->kind == JS_SYM_FUNCTION && s == vs)) {
          blocked = true;
        }
      }
      if (s == vs) {
        if (!blocked && s->kind == JS_SK_FUNCTION_BODY) {
          js_symbol *param = js_scope_find_own(s->parent, sym->name);
          if (param && param->kind == JS_SYM_PARAM) blocked = true;
        }
        break;
      }
    }
    if (blocked) continue;
    js_symbol *v = declare(w, vs, sym->name, JS_SYM_VAR, sym->decl, w->ab[i].fn);
    if (v->kind != JS_SYM_VAR && v->kind != JS_SYM_FUNCTION) continue;
    sym->hoisted = v;
  }
}

static bool is_arguments_scope(const js_scope_info *s) { return s->kind == JS_SK_FUNCTION && !(s->flags & JS_SCOPEF_ARROW); }

static void resolve(walker *w) {
  static const js_str arguments = {"arguments", 9};
  for (size_t i = 0; i < w->nrefs; i++) {
    ref *r = &w->refs[i];
    js_str name = r->id->u.ident.name;
    js_symbol *sym = NULL;
    bool dynamic = false;
    for (js_scope_info *s = r->scope; s; s = s->parent) {
      sym = js_scope_find_own(s, name);
      if (sym) break;
      if (s->flags & JS_SCOPEF_DYNAMIC) dynamic = true;
      if (is_arguments_scope(s) && str_eq(name, arguments)) {
        sym = declare(w, s, arguments, JS_SYM_ARGUMENTS, NULL, s->node);
        break;
      }
    }
    r->id->u.ident.sym = sym;
    if (!sym) continue;
    if (dynamic) sym->flags |= JS_SYMF_DYNAMIC;
    if (r->how & REF_DECL) {
      /* `var x = 1` after an earlier `var x` assigns, as does `var e = 1` in `catch (e)`. */
      if ((r->how & REF_INIT) && sym->decl != r->id) {
        sym->writes++;
        sym->flags |= JS_SYMF_ASSIGNED;
      }
    } else {
      if (r->how & REF_READ) sym->reads++;
      if (r->how & REF_WRITE) {
        sym->writes++;
        sym->flags |= JS_SYMF_ASSIGNED;
      }
      if (is_lexical_kind(sym->kind) && sym->kind != JS_SYM_IMPORT && sym->decl &&
          r->scope->fn == sym->scope->fn && r->id->loc.offset < sym->decl->loc.offset)
        sym->flags |= JS_SYMF_EARLY_REF;
    }
    if (r->scope->fn != sym->scope->fn) sym->flags |= JS_SYMF_CAPTURED;
  }
}

/* A direct eval can read and write every binding visible where it is called. */
static void mark_eval(walker *w) {
  for (size_t i = 0; i < w->nscopes; i++) {
    if (!(w->scopes[i]->flags & JS_SCOPEF_DIRECT_EVAL)) continue;
    for (js_scope_info *s = w->scopes[i]; s && !(s->flags & JS_SCOPEF_CONTAINS_EVAL); s = s->parent)
      s->flags |= JS_SCOPEF_CONTAINS_EVAL;
  }
  for (size_t i = 0; i < w->nscopes; i++) {
    js_scope_info *s = w->scopes[i];
    if (!(s->flags & JS_SCOPEF_CONTAINS_EVAL)) continue;
    for (js_symbol *sym = s->first; sym; sym = sym->next) sym->flags |= JS_SYMF_DYNAMIC;
  }
}

js_scopes *js_scope_analyze(js_ast *ast) {
  /* The walker is on the heap so that nothing the walk changes lives in a local variable that a
   * longjmp back here (out of memory) could leave indeterminate. */
  walker *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->arena = ast->arena;
  js_scopes *res = NULL;
  if (setjmp(w->oom)) goto out;
  w->res = zalloc(w, sizeof *w->res);
  js_node *prog = ast->program;
  w->res->module = (prog->flags & JS_NF_MODULE) != 0;
  w->strict = w->res->module || (prog->flags & JS_NF_STRICT);
  w->res->root = push_scope(w, w->res->module ? JS_SK_MODULE : JS_SK_GLOBAL, prog);
  visit_list(w, prog->u.program.body);
  annex_b(w);
  resolve(w);
  mark_eval(w);
  js_scopes *r = w->res;
  for (uint32_t i = 0; i < r->nimports; i++) r->imports[i].local = r->imports[i].specifier->u.spec.b->u.ident.sym;
  for (size_t i = 0; i < w->nlex; i++) {
    js_symbol *sym = w->lex[i].id->u.ident.sym;
    r->exports[w->lex[i].entry].local = sym;
    if (sym) sym->flags |= JS_SYMF_EXPORTED;
  }
  res = r;
out:
  free(w->refs);
  free(w->ab);
  free(w->lex);
  free(w->scopes);
  free(w->spine);
  free(w);
  return res;
}

const char *js_symbol_kind_name(js_symbol_kind kind) {
  static const char *const names[] = {
      [JS_SYM_VAR] = "var", [JS_SYM_LET] = "let", [JS_SYM_CONST] = "const", [JS_SYM_USING] = "using",
      [JS_SYM_CLASS] = "class", [JS_SYM_CLASS_NAME] = "class-name", [JS_SYM_FUNCTION] = "function",
      [JS_SYM_FUNCTION_NAME] = "function-name", [JS_SYM_PARAM] = "param", [JS_SYM_CATCH] = "catch",
      [JS_SYM_IMPORT] = "import", [JS_SYM_ARGUMENTS] = "arguments", [JS_SYM_PRIVATE] = "private",
      [JS_SYM_TS_ENUM] = "enum", [JS_SYM_TS_ENUM_MEMBER] = "enum-member", [JS_SYM_TS_NAMESPACE] = "namespace",
      [JS_SYM_TS_IMPORT_EQUALS] = "import-equals"};
  return (unsigned)kind < sizeof names / sizeof *names && names[kind] ? names[kind] : "?";
}

const char *js_scope_kind_name(js_scope_kind kind) {
  static const char *const names[] = {
      [JS_SK_GLOBAL] = "global", [JS_SK_MODULE] = "module", [JS_SK_FUNCTION] = "function",
      [JS_SK_FUNCTION_BODY] = "function-body", [JS_SK_FUNCTION_NAME] = "function-name",
      [JS_SK_BLOCK] = "block", [JS_SK_FOR] = "for", [JS_SK_SWITCH] = "switch",
      [JS_SK_CATCH] = "catch", [JS_SK_CLASS] = "class", [JS_SK_FIELD] = "field",
      [JS_SK_STATIC_BLOCK] = "static-block", [JS_SK_WITH] = "with",
      [JS_SK_TS_NAMESPACE] = "namespace", [JS_SK_TS_ENUM] = "enum"};
  return (unsigned)kind < sizeof names / sizeof *names && names[kind] ? names[kind] : "?";
}
