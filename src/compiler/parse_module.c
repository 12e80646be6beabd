/* Module items: import and export declarations in every form, import attributes, and the module
 * early errors (duplicate exports, exported names that are not declared). */
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"

/* A string used as a module export name must be well-formed Unicode: no lone surrogates, which
 * the lexer's WTF-8 writes as ED A0..BF xx. */
static bool well_formed(js_str s) {
  for (uint32_t i = 0; i + 2 < s.len + 0u; i++)
    if ((uint8_t)s.ptr[i] == 0xED && (uint8_t)s.ptr[i + 1] >= 0xA0) return false;
  return true;
}

/* ModuleExportName: IdentifierName or StringLiteral. */
static js_node *parse_module_export_name(js_parser *p) {
  if (js__is(p, JS_T_STRING)) {
    js_node *s = js__parse_string_literal(p);
    if (!well_formed(s->u.str.value))
      js__report(p, s->loc.offset, "An export name cannot include a lone surrogate");
    return s;
  }
  return js__parse_ident_name(p);
}

static js_str export_name_of(js_node *n) { return n->kind == JS_STRING ? n->u.str.value : n->u.ident.name; }

static void add_export(js_parser *p, js_str name, uint32_t offset) {
  for (uint32_t i = 0; i < p->nexports; i++) {
    if (p->exports[i].len == name.len && memcmp(p->exports[i].ptr, name.ptr, name.len) == 0) {
      js__report(p, offset, "Duplicate export of '%.*s'", (int)(name.len > 64 ? 64 : name.len), name.ptr);
      return;
    }
  }
  if (p->nexports == p->cap_exports) {
    uint32_t cap = p->cap_exports ? p->cap_exports * 2 : 16;
    js_name *n = realloc(p->exports, cap * sizeof *n);
    if (!n) js__oom(p);
    p->exports = n;
    p->cap_exports = cap;
  }
  js_name *e = &p->exports[p->nexports++];
  e->ptr = name.ptr;
  e->len = name.len;
  e->hash = 0;
  e->flags = 0;
}

static void add_export_local(js_parser *p, js_str name, uint32_t offset) {
  if (p->nexport_locals == p->cap_export_locals) {
    uint32_t cap = p->cap_export_locals ? p->cap_export_locals * 2 : 16;
    js_private_ref *n = realloc(p->export_locals, cap * sizeof *n);
    if (!n) js__oom(p);
    p->export_locals = n;
    p->cap_export_locals = cap;
  }
  p->export_locals[p->nexport_locals].name = name;
  p->export_locals[p->nexport_locals].offset = offset;
  p->nexport_locals++;
}

void js__check_exports(js_parser *p) {
  for (uint32_t i = 0; i < p->nexport_locals; i++) {
    js_private_ref *r = &p->export_locals[i];
    if (!js__scope_has(p->scope, r->name, JS_NAME_LEX | JS_NAME_VAR))
      js__report(p, r->offset, "Export '%.*s' is not defined in module", (int)(r->name.len > 64 ? 64 : r->name.len),
                 r->name.ptr);
  }
}

/* `from 'x'` plus optional `with { ... }`. */
static void parse_from_clause(js_parser *p, js_node *n, bool need_from) {
  if (need_from) {
    if (!js__is_kw(p, JS_KW_FROM)) js__unexpected(p);
    js__next(p);
  }
  n->u.mod.source = js__parse_string_literal(p);
  if (js__is_kw(p, JS_KW_WITH)) {
    js__next(p);
    js__expect(p, JS_T_LBRACE);
    uint32_t mark = p->sp;
    while (!js__is(p, JS_T_RBRACE)) {
      js_node *a = js__node_here(p, JS_IMPORT_ATTRIBUTE);
      a->u.prop.key = js__is(p, JS_T_STRING) ? js__parse_string_literal(p) : js__parse_ident_name(p);
      js_str k = export_name_of(a->u.prop.key);
      for (uint32_t i = mark; i < p->sp; i++) {
        js_str o = export_name_of(p->stack[i]->u.prop.key);
        if (o.len == k.len && memcmp(o.ptr, k.ptr, k.len) == 0)
          js__report(p, a->loc.offset, "Import attribute has duplicate key '%.*s'", (int)(k.len > 64 ? 64 : k.len), k.ptr);
      }
      js__expect(p, JS_T_COLON);
      a->u.prop.value = js__parse_string_literal(p);
      js__finish(p, a);
      js__push(p, a);
      if (!js__is(p, JS_T_RBRACE)) js__expect(p, JS_T_COMMA);
    }
    js__next(p);
    n->u.mod.attributes = js__pop_list(p, mark);
  }
}

static js_node *import_binding(js_parser *p) {
  js_node *id = js__parse_binding_ident(p);
  if (js__str_eq(id->u.ident.name, "let"))
    js__report(p, id->loc.offset, "let is disallowed as a lexically bound name");
  js__declare_lexical(p, id->u.ident.name, id->loc.offset, false);
  return id;
}

js_node *js__parse_import(js_parser *p) {
  js_node *n = js__node_here(p, JS_IMPORT_DECL);
  js__next(p);
  if (js__is(p, JS_T_STRING)) {
    parse_from_clause(p, n, false);
    js__semicolon(p);
    js__finish(p, n);
    return n;
  }
  n->flags |= JS_NF_IMPORT_CLAUSE; /* TypeScript's import elision tells `import {} from` from `import 'x'` */
  /* `import type ...` imports only types: read in a throwaway scope (it binds nothing) and erased. */
  bool type_only = js__ts_import_type(p);
  if (type_only) {
    js__next(p);
    js__scope_push(p, JS_SCOPE_BLOCK);
  }
  uint32_t type_specs = 0;
  uint32_t mark = p->sp;
  bool need_more = true;
  if (js__is(p, JS_T_NAME)) {
    js_node *s = js__node_here(p, JS_IMPORT_DEFAULT);
    s->u.spec.b = import_binding(p);
    js__finish(p, s);
    js__push(p, s);
    need_more = js__eat(p, JS_T_COMMA);
  }
  if (need_more) {
    if (js__is(p, JS_T_STAR)) {
      js_node *s = js__node_here(p, JS_IMPORT_NAMESPACE);
      js__next(p);
      if (!js__is_kw(p, JS_KW_AS)) js__unexpected(p);
      js__next(p);
      s->u.spec.b = import_binding(p);
      js__finish(p, s);
      js__push(p, s);
    } else if (js__is(p, JS_T_LBRACE)) {
      js__next(p);
      while (!js__is(p, JS_T_RBRACE)) {
        /* `{ type A }`: a type-only specifier, read in a throwaway scope and dropped */
        bool type_spec = js__ts_specifier_type(p);
        if (type_spec) {
          type_specs++;
          js__scope_push(p, JS_SCOPE_BLOCK);
        }
        js_node *s = js__node_here(p, JS_IMPORT_SPECIFIER);
        js_token t = *js__tok(p);
        js_node *imported = parse_module_export_name(p);
        s->u.spec.a = imported;
        if (js__is_kw(p, JS_KW_AS)) {
          js__next(p);
          s->u.spec.b = import_binding(p);
        } else {
          if (imported->kind == JS_STRING) js__unexpected(p);
          /* The name is also the local binding: it must be a valid one. */
          js__check_identifier(p, t.value, t.kw, t.flags, t.start, true);
          js_node *local = js__node(p, JS_IDENT, imported->loc);
          *local = *imported;
          if (js__str_eq(local->u.ident.name, "let"))
            js__report(p, local->loc.offset, "let is disallowed as a lexically bound name");
          js__declare_lexical(p, local->u.ident.name, local->loc.offset, false);
          s->u.spec.b = local;
        }
        js__finish(p, s);
        if (type_spec) js__scope_pop(p);
        else js__push(p, s);
        if (!js__is(p, JS_T_RBRACE)) js__expect(p, JS_T_COMMA);
      }
      js__next(p);
    } else {
      js__unexpected(p);
    }
  }
  n->u.mod.specifiers = js__pop_list(p, mark);
  parse_from_clause(p, n, true);
  js__semicolon(p);
  js__finish(p, n);
  if (type_only) {
    js__scope_pop(p);
    return NULL;
  }
  /* `import { type A } from 'm'`: nothing is left to import, so TypeScript drops the import. */
  if (type_specs && !n->u.mod.specifiers.len) return NULL;
  return n;
}

static void export_decl_name_cb(js_parser *p, js_node *id, void *ud) {
  (void)ud;
  add_export(p, id->u.ident.name, id->loc.offset);
}

/* TypeScript declarations after `export` (enum, namespace, interface, type, declare, abstract
 * class): NULL with *handled when erased. */
static js_node *ts_export_decl(js_parser *p, js_loc start, bool *handled) {
  js_node *d = js__ts_statement(p, handled);
  if (!*handled || !d) return NULL;
  js_node *n = js__node(p, JS_EXPORT_NAMED, start);
  n->u.mod.decl = d;
  /* Enums and namespaces merge with other declarations of their name, so they are not counted
   * as (duplicate) exports; a class is. */
  if (d->kind == JS_CLASS_DECL) add_export(p, d->u.cls->id->u.ident.name, d->u.cls->id->loc.offset);
  js__finish(p, n);
  return n;
}

js_node *js__parse_export(js_parser *p) {
  js_loc start = js__tok_loc(p);
  js__next(p);
  js_token *t = js__tok(p);
  if (t->type == JS_T_AT) {
    if (p->decorators.len)
      js__raise(p, t->start, "Decorators may not appear after 'export' or 'export default' if they also appear before 'export'.");
    p->decorators = js__parse_decorators(p);
    js__check_decorated(p);
  }
  /* `export type { A }` / `export type * from 'm'`: types only, read and erased */
  bool type_only = false;
  uint32_t saved_exports = p->nexports, saved_locals = p->nexport_locals;
  if (p->ts && js__ts_is_word(p, "type")) {
    js_token nt;
    js__peek(p, &nt);
    if (nt.type == JS_T_LBRACE || nt.type == JS_T_STAR) {
      js__next(p);
      type_only = true;
    }
  }
  if (p->ts && !type_only && t->type == JS_T_NAME) {
    bool handled;
    js_node *n = ts_export_decl(p, start, &handled);
    if (handled) return n;
  }
  if (t->type == JS_T_STAR) {
    js_node *n = js__node(p, JS_EXPORT_ALL, start);
    js__next(p);
    if (js__is_kw(p, JS_KW_AS)) {
      js__next(p);
      n->u.mod.decl = parse_module_export_name(p);
      add_export(p, export_name_of(n->u.mod.decl), n->u.mod.decl->loc.offset);
    }
    parse_from_clause(p, n, true);
    js__semicolon(p);
    js__finish(p, n);
    if (type_only) {
      p->nexports = saved_exports;
      return NULL;
    }
    return n;
  }
  if (t->type == JS_T_LBRACE) {
    js_node *n = js__node(p, JS_EXPORT_NAMED, start);
    js__next(p);
    uint32_t mark = p->sp;
    uint32_t type_specs = 0;
    while (!js__is(p, JS_T_RBRACE)) {
      bool type_spec = js__ts_specifier_type(p); /* `{ type A }`: dropped */
      js_node *s = js__node_here(p, JS_EXPORT_SPECIFIER);
      s->u.spec.a = parse_module_export_name(p);
      if (js__is_kw(p, JS_KW_AS)) {
        js__next(p);
        s->u.spec.b = parse_module_export_name(p);
      } else {
        s->u.spec.b = s->u.spec.a;
      }
      js__finish(p, s);
      if (type_spec) type_specs++;
      else js__push(p, s);
      if (!js__is(p, JS_T_RBRACE)) js__expect(p, JS_T_COMMA);
    }
    js__next(p);
    n->u.mod.specifiers = js__pop_list(p, mark);
    bool from = js__is_kw(p, JS_KW_FROM);
    if (from) parse_from_clause(p, n, true);
    for (uint32_t i = 0; i < n->u.mod.specifiers.len; i++) {
      js_node *s = n->u.mod.specifiers.items[i];
      add_export(p, export_name_of(s->u.spec.b), s->u.spec.b->loc.offset);
      if (!from) {
        js_node *local = s->u.spec.a;
        if (local->kind == JS_STRING) {
          js__report(p, local->loc.offset, "A string literal cannot be used as an exported binding without `from`");
          continue;
        }
        /* The local name is a reference to a binding: reserved words (escaped or not) and the
         * words reserved in strict code (a module is strict) name none. */
        js_str nm = local->u.ident.name;
        static const char *const reserved_words[] = {
          "implements", "interface", "let", "package", "private", "protected", "public", "static", "await",
          "yield", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
          "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import",
          "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
          "typeof", "var", "void", "while", "with"};
        bool reserved = false;
        for (size_t k = 0; k < sizeof reserved_words / sizeof *reserved_words; k++)
          if (js__str_eq(nm, reserved_words[k])) reserved = true;
        if (reserved)
          js__report(p, local->loc.offset, "Unexpected reserved word");
        else
          add_export_local(p, nm, local->loc.offset);
      }
    }
    js__semicolon(p);
    js__finish(p, n);
    if (type_only) {
      p->nexports = saved_exports;
      p->nexport_locals = saved_locals;
      return NULL;
    }
    if (type_specs && !n->u.mod.specifiers.len) return NULL; /* only types were exported */
    return n;
  }
  if (t->type == JS_T_NAME && t->kw == JS_KW_DEFAULT && !(t->flags & JS_TF_ESCAPED)) {
    js_node *n = js__node(p, JS_EXPORT_DEFAULT, start);
    uint32_t default_at = t->start;
    js_str default_name = t->value;
    js__next(p);
    t = js__tok(p);
    js_loc dstart = js__tok_loc(p);
    if (js__is(p, JS_T_AT)) {
      if (p->decorators.len)
        js__raise(p, t->start, "Decorators may not appear after 'export' or 'export default' if they also appear before 'export'.");
      p->decorators = js__parse_decorators(p);
      js__check_decorated(p);
      dstart = js__tok_loc(p);
    }
    js_token nt;
    js__peek(p, &nt);
    if (p->ts && js__is_kw(p, JS_KW_INTERFACE) && nt.type == JS_T_NAME && !(nt.flags & JS_TF_NL_BEFORE)) {
      bool handled;
      js__ts_statement(p, &handled); /* `export default interface I {}`: erased */
      return NULL;
    }
    if (p->ts && js__ts_is_word(p, "abstract") && nt.type == JS_T_NAME && nt.kw == JS_KW_CLASS &&
        !(nt.flags & (JS_TF_ESCAPED | JS_TF_NL_BEFORE))) {
      js__next(p);
      n->u.mod.decl = js__parse_class(p, true, true);
    } else if (js__is_kw(p, JS_KW_FUNCTION)) {
      n->u.mod.decl = js__parse_function(p, dstart, 0, JS_FUNC_DECL | JS_FUNC_NAME_OPT);
    } else if (js__is_kw(p, JS_KW_CLASS)) {
      n->u.mod.decl = js__parse_class(p, true, true);
    } else if (js__is_kw(p, JS_KW_ASYNC)) {
      js_token nt;
      js__peek(p, &nt);
      if (nt.type == JS_T_NAME && nt.kw == JS_KW_FUNCTION && !(nt.flags & (JS_TF_ESCAPED | JS_TF_NL_BEFORE))) {
        js__next(p);
        n->u.mod.decl = js__parse_function(p, dstart, JS_FN_ASYNC, JS_FUNC_DECL | JS_FUNC_NAME_OPT);
      } else {
        n->u.mod.decl = js__parse_assign(p, NULL);
        js__semicolon(p);
      }
    } else {
      n->u.mod.decl = js__parse_assign(p, NULL);
      js__semicolon(p);
    }
    if (!n->u.mod.decl) return NULL; /* an overload signature, erased */
    add_export(p, default_name, default_at);
    js__finish(p, n);
    return n;
  }
  /* export declaration */
  js_node *n = js__node(p, JS_EXPORT_NAMED, start);
  js_node *d = NULL;
  js_loc dstart = js__tok_loc(p);
  if (js__is_kw(p, JS_KW_VAR) || js__is_kw(p, JS_KW_LET) || js__is_kw(p, JS_KW_CONST)) {
    int kind = js__is_kw(p, JS_KW_VAR) ? JS_VAR_VAR : js__is_kw(p, JS_KW_LET) ? JS_VAR_LET : JS_VAR_CONST;
    js__next(p);
    d = js__parse_var_decl(p, dstart, kind, false);
    js__semicolon(p);
    js__finish(p, d);
    for (uint32_t i = 0; i < d->u.var.decls.len; i++)
      js__bound_names(p, d->u.var.decls.items[i]->u.decl.id, export_decl_name_cb, NULL);
  } else if (js__is_kw(p, JS_KW_FUNCTION)) {
    d = js__parse_function(p, dstart, 0, JS_FUNC_DECL);
    if (!d) return NULL; /* an overload signature, erased */
    add_export(p, d->u.fn->id->u.ident.name, d->u.fn->id->loc.offset);
  } else if (js__is_kw(p, JS_KW_ASYNC)) {
    js_token nt;
    js__peek(p, &nt);
    if (!(nt.type == JS_T_NAME && nt.kw == JS_KW_FUNCTION && !(nt.flags & (JS_TF_ESCAPED | JS_TF_NL_BEFORE))))
      js__unexpected(p);
    js__next(p);
    d = js__parse_function(p, dstart, JS_FN_ASYNC, JS_FUNC_DECL);
    if (!d) return NULL;
    add_export(p, d->u.fn->id->u.ident.name, d->u.fn->id->loc.offset);
  } else if (js__is_kw(p, JS_KW_CLASS)) {
    d = js__parse_class(p, true, false);
    add_export(p, d->u.cls->id->u.ident.name, d->u.cls->id->loc.offset);
  } else {
    js__unexpected(p);
  }
  n->u.mod.decl = d;
  js__finish(p, n);
  return n;
}
