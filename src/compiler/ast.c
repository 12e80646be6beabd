/* AST utilities: kind and operator names, structural equality, and a compact S-expression dump.
 * Both walks recurse on children but iterate along the left operand of binary expressions, the
 * one spine that can grow without bound (`a + b + c + ...` is built without parser recursion). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast.h"
#include "compiler/parser.h"

static const char *const kind_names[JS_KIND_COUNT] = {
  [JS_INVALID] = "Invalid", [JS_PROGRAM] = "Program", [JS_DIRECTIVE] = "Directive",
  [JS_EXPR_STMT] = "ExpressionStatement", [JS_BLOCK] = "Block", [JS_EMPTY] = "Empty",
  [JS_DEBUGGER] = "Debugger", [JS_WITH] = "With", [JS_RETURN] = "Return", [JS_LABELED] = "Labeled",
  [JS_BREAK] = "Break", [JS_CONTINUE] = "Continue", [JS_IF] = "If", [JS_SWITCH] = "Switch",
  [JS_CASE] = "Case", [JS_THROW] = "Throw", [JS_TRY] = "Try", [JS_WHILE] = "While",
  [JS_DO_WHILE] = "DoWhile", [JS_FOR] = "For", [JS_FOR_IN] = "ForIn", [JS_FOR_OF] = "ForOf",
  [JS_VAR_DECL] = "VariableDeclaration", [JS_DECLARATOR] = "Declarator",
  [JS_FUNCTION_DECL] = "FunctionDeclaration", [JS_CLASS_DECL] = "ClassDeclaration",
  [JS_IMPORT_DECL] = "Import", [JS_IMPORT_SPECIFIER] = "ImportSpecifier",
  [JS_IMPORT_DEFAULT] = "ImportDefault", [JS_IMPORT_NAMESPACE] = "ImportNamespace",
  [JS_EXPORT_NAMED] = "ExportNamed", [JS_EXPORT_SPECIFIER] = "ExportSpecifier",
  [JS_EXPORT_DEFAULT] = "ExportDefault", [JS_EXPORT_ALL] = "ExportAll",
  [JS_IMPORT_ATTRIBUTE] = "ImportAttribute", [JS_IDENT] = "Identifier",
  [JS_PRIVATE_NAME] = "PrivateName", [JS_THIS] = "This", [JS_SUPER] = "Super", [JS_NULL] = "Null",
  [JS_TRUE] = "True", [JS_FALSE] = "False", [JS_NUMBER] = "Number", [JS_BIGINT] = "BigInt",
  [JS_STRING] = "String", [JS_REGEXP] = "RegExp", [JS_TEMPLATE] = "Template",
  [JS_TEMPLATE_ELEMENT] = "TemplateElement", [JS_TAGGED_TEMPLATE] = "TaggedTemplate",
  [JS_ARRAY] = "Array", [JS_OBJECT] = "Object", [JS_PROPERTY] = "Property", [JS_SPREAD] = "Spread",
  [JS_FUNCTION] = "Function", [JS_ARROW] = "Arrow", [JS_CLASS] = "Class", [JS_UNARY] = "Unary",
  [JS_UPDATE] = "Update", [JS_BINARY] = "Binary", [JS_ASSIGN] = "Assign", [JS_COND] = "Conditional",
  [JS_CALL] = "Call", [JS_NEW] = "New", [JS_MEMBER] = "Member", [JS_CHAIN] = "Chain",
  [JS_SEQUENCE] = "Sequence", [JS_YIELD] = "Yield", [JS_AWAIT] = "Await",
  [JS_NEW_TARGET] = "NewTarget", [JS_IMPORT_META] = "ImportMeta", [JS_IMPORT_CALL] = "ImportCall",
  [JS_ARRAY_PATTERN] = "ArrayPattern", [JS_OBJECT_PATTERN] = "ObjectPattern",
  [JS_ASSIGN_PATTERN] = "AssignPattern", [JS_REST] = "Rest", [JS_METHOD] = "Method",
  [JS_FIELD] = "Field", [JS_STATIC_BLOCK] = "StaticBlock",
  [JS_DECORATOR] = "Decorator", [JS_TS_ENUM] = "TSEnum", [JS_TS_ENUM_MEMBER] = "TSEnumMember",
  [JS_TS_NAMESPACE] = "TSNamespace", [JS_TS_IMPORT_EQUALS] = "TSImportEquals",
  [JS_TS_EXPORT_ASSIGN] = "TSExportAssign", [JS_JSX_ELEMENT] = "JSXElement", [JS_JSX_NAME] = "JSXName",
  [JS_JSX_ATTR] = "JSXAttribute", [JS_JSX_SPREAD] = "JSXSpread", [JS_JSX_EXPR] = "JSXExpression",
  [JS_JSX_TEXT] = "JSXText",
};

const char *js_kind_name(js_kind kind) {
  return (unsigned)kind < JS_KIND_COUNT && kind_names[kind] ? kind_names[kind] : "?";
}

static const char *const op_texts[JS_OP_COUNT] = {
  [JS_OP_NONE] = "", [JS_OP_EQ] = "==", [JS_OP_NE] = "!=", [JS_OP_SEQ] = "===", [JS_OP_SNE] = "!==",
  [JS_OP_LT] = "<", [JS_OP_LE] = "<=", [JS_OP_GT] = ">", [JS_OP_GE] = ">=", [JS_OP_SHL] = "<<",
  [JS_OP_SAR] = ">>", [JS_OP_SHR] = ">>>", [JS_OP_ADD] = "+", [JS_OP_SUB] = "-", [JS_OP_MUL] = "*",
  [JS_OP_DIV] = "/", [JS_OP_MOD] = "%", [JS_OP_EXP] = "**", [JS_OP_BITOR] = "|",
  [JS_OP_BITXOR] = "^", [JS_OP_BITAND] = "&", [JS_OP_IN] = "in", [JS_OP_INSTANCEOF] = "instanceof",
  [JS_OP_AND] = "&&", [JS_OP_OR] = "||", [JS_OP_NULLISH] = "??", [JS_OP_ASSIGN] = "=",
  [JS_OP_ADD_ASSIGN] = "+=", [JS_OP_SUB_ASSIGN] = "-=", [JS_OP_MUL_ASSIGN] = "*=",
  [JS_OP_DIV_ASSIGN] = "/=", [JS_OP_MOD_ASSIGN] = "%=", [JS_OP_EXP_ASSIGN] = "**=",
  [JS_OP_SHL_ASSIGN] = "<<=", [JS_OP_SAR_ASSIGN] = ">>=", [JS_OP_SHR_ASSIGN] = ">>>=",
  [JS_OP_BITOR_ASSIGN] = "|=", [JS_OP_BITXOR_ASSIGN] = "^=", [JS_OP_BITAND_ASSIGN] = "&=",
  [JS_OP_AND_ASSIGN] = "&&=", [JS_OP_OR_ASSIGN] = "||=", [JS_OP_NULLISH_ASSIGN] = "?\?=",
  [JS_OP_NEG] = "-", [JS_OP_POS] = "+", [JS_OP_NOT] = "!", [JS_OP_BITNOT] = "~",
  [JS_OP_TYPEOF] = "typeof", [JS_OP_VOID] = "void", [JS_OP_DELETE] = "delete", [JS_OP_INC] = "++",
  [JS_OP_DEC] = "--",
};

const char *js_op_text(js_op op) { return (unsigned)op < JS_OP_COUNT && op_texts[op] ? op_texts[op] : "?"; }

/* ---- equality ---------------------------------------------------------------------------- */

static bool str_eq(js_str a, js_str b) {
  if (!a.ptr || !b.ptr) return a.ptr == b.ptr;
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

#define JS_NF_SIGNIFICANT (JS_NF_COMPUTED | JS_NF_SHORTHAND | JS_NF_METHOD | JS_NF_STATIC | JS_NF_OPTIONAL | \
                           JS_NF_PREFIX | JS_NF_DELEGATE | JS_NF_AWAIT)
#define JS_NF_TS_SIGNIFICANT (JS_NF_CONST | JS_NF_PARAM_PROP)
#define JS_FN_SIGNIFICANT (JS_FN_ASYNC | JS_FN_GENERATOR | JS_FN_ARROW | JS_FN_EXPR_BODY)

static bool eq(const js_node *a, const js_node *b);

/* Number::toString: the shortest digits that read back as v, laid out as ECMA-262 prescribes. */
void js__number_to_string(double v, char *out, size_t size) {
  if (v != v) {
    snprintf(out, size, "NaN");
    return;
  }
  if (v == 0) {
    snprintf(out, size, "0");
    return;
  }
  char *o = out;
  char *end = out + size - 1;
  if (v < 0) {
    *o++ = '-';
    v = -v;
  }
  if (v == (double)INFINITY) {
    snprintf(o, (size_t)(end - o + 1), "Infinity");
    return;
  }
  char tmp[48];
  for (int prec = 0; prec <= 16; prec++) {
    js__format_double(tmp, sizeof tmp, 'e', prec, v);
    if (js__parse_decimal(tmp, strlen(tmp)) == v) break;
  }
  char digits[24];
  int k = 0;
  const char *c = tmp;
  for (; *c && *c != 'e'; c++)
    if (*c >= '0' && *c <= '9' && k < 20) digits[k++] = *c;
  while (k > 1 && digits[k - 1] == '0') k--;
  int n = atoi(c + 1) + 1;
  char buf[64];
  int b = 0;
  if (k <= n && n <= 21) {
    for (int i = 0; i < k; i++) buf[b++] = digits[i];
    for (int i = 0; i < n - k; i++) buf[b++] = '0';
  } else if (0 < n && n <= 21) {
    for (int i = 0; i < n; i++) buf[b++] = digits[i];
    buf[b++] = '.';
    for (int i = n; i < k; i++) buf[b++] = digits[i];
  } else if (-6 < n && n <= 0) {
    buf[b++] = '0';
    buf[b++] = '.';
    for (int i = 0; i < -n; i++) buf[b++] = '0';
    for (int i = 0; i < k; i++) buf[b++] = digits[i];
  } else {
    buf[b++] = digits[0];
    if (k > 1) {
      buf[b++] = '.';
      for (int i = 1; i < k; i++) buf[b++] = digits[i];
    }
    b += snprintf(buf + b, sizeof buf - (size_t)b, "e%c%d", n - 1 >= 0 ? '+' : '-', abs(n - 1));
  }
  buf[b] = 0;
  snprintf(o, (size_t)(end - o + 1), "%s", buf);
}

/* The string a non-computed property key or module export name stands for: `a`, `'a'` and
 * (for keys) `1`, `'1'`, `1.0` name the same property. */
static bool name_string(const js_node *k, char *tmp, size_t size, js_str *out) {
  switch (k->kind) {
  case JS_IDENT:
    *out = k->u.ident.name;
    return true;
  case JS_STRING:
    *out = k->u.str.value;
    return true;
  case JS_NUMBER:
    js__number_to_string(k->u.num.value, tmp, size);
    out->ptr = tmp;
    out->len = (uint32_t)strlen(tmp);
    return true;
  default:
    return false;
  }
}

static bool name_eq(const js_node *a, const js_node *b) {
  char ta[64], tb[64];
  js_str sa, sb;
  if (a && b && name_string(a, ta, sizeof ta, &sa) && name_string(b, tb, sizeof tb, &sb))
    return sa.len == sb.len && (sa.len == 0 || memcmp(sa.ptr, sb.ptr, sa.len) == 0);
  return eq(a, b);
}

/* Sequences compare flattened: (a, b), c and a, (b, c) evaluate as a, b, c. */
static bool flatten(const js_node *n, const js_node ***arr, size_t *len, size_t *cap) {
  for (uint32_t i = 0; i < n->u.list.items.len; i++) {
    const js_node *e = n->u.list.items.items[i];
    if (e->kind == JS_SEQUENCE) {
      if (!flatten(e, arr, len, cap)) return false;
      continue;
    }
    if (*len == *cap) {
      *cap = *cap ? *cap * 2 : 16;
      const js_node **na = realloc(*arr, *cap * sizeof *na);
      if (!na) return false;
      *arr = na;
    }
    (*arr)[(*len)++] = e;
  }
  return true;
}

static bool sequence_eq(const js_node *a, const js_node *b) {
  const js_node **x = NULL, **y = NULL;
  size_t xl = 0, xc = 0, yl = 0, yc = 0;
  bool ok = flatten(a, &x, &xl, &xc) && flatten(b, &y, &yl, &yc) && xl == yl;
  for (size_t i = 0; ok && i < xl; i++) ok = eq(x[i], y[i]);
  free(x);
  free(y);
  return ok;
}

static bool raw_inner_eq(js_str a, js_str b) {
  if (a.len < 2 || b.len < 2) return str_eq(a, b);
  return a.len == b.len && memcmp(a.ptr + 1, b.ptr + 1, a.len - 2) == 0;
}

static bool list_eq(js_list a, js_list b) {
  if (a.len != b.len) return false;
  for (uint32_t i = 0; i < a.len; i++)
    if (!eq(a.items[i], b.items[i])) return false;
  return true;
}

static bool eq(const js_node *a, const js_node *b) {
  for (;;) {
    if (!a || !b) return a == b;
    if (a->kind != b->kind || a->op != b->op) return false;
    if ((a->flags & JS_NF_SIGNIFICANT) != (b->flags & JS_NF_SIGNIFICANT)) return false;
    /* Bits 13-15 mean const enum / export import, parameter property, and on a field an
     * auto-accessor; on a program, bit 14 only says the source was TypeScript. */
    uint16_t ts_bits = (uint16_t)((a->kind == JS_PROGRAM ? 0 : JS_NF_TS_SIGNIFICANT) | (a->kind == JS_FIELD ? JS_NF_ACCESSOR : 0));
    if ((a->flags & ts_bits) != (b->flags & ts_bits)) return false;
    switch ((js_kind)a->kind) {
    case JS_PROGRAM:
      return list_eq(a->u.program.body, b->u.program.body);
    case JS_DIRECTIVE:
      return raw_inner_eq(a->u.str.raw, b->u.str.raw);
    case JS_IDENT:
    case JS_PRIVATE_NAME:
      return str_eq(a->u.ident.name, b->u.ident.name);
    case JS_NUMBER:
      return a->u.num.value == b->u.num.value || (a->u.num.value != a->u.num.value && b->u.num.value != b->u.num.value);
    case JS_BIGINT:
    case JS_STRING:
      return str_eq(a->u.str.value, b->u.str.value);
    case JS_TEMPLATE_ELEMENT:
      return str_eq(a->u.str.value, b->u.str.value) && str_eq(a->u.str.raw, b->u.str.raw);
    case JS_REGEXP:
      return str_eq(a->u.regexp.pattern, b->u.regexp.pattern) && str_eq(a->u.regexp.flags, b->u.regexp.flags);
    case JS_THIS: case JS_SUPER: case JS_NULL: case JS_TRUE: case JS_FALSE: case JS_EMPTY:
    case JS_DEBUGGER: case JS_NEW_TARGET: case JS_IMPORT_META:
      return true;
    case JS_EXPR_STMT: case JS_RETURN: case JS_THROW: case JS_SPREAD: case JS_UNARY: case JS_UPDATE:
    case JS_CHAIN: case JS_YIELD: case JS_AWAIT: case JS_REST:
      a = a->u.unary.arg;
      b = b->u.unary.arg;
      continue;
    case JS_SEQUENCE:
      return sequence_eq(a, b);
    case JS_BLOCK: case JS_ARRAY: case JS_OBJECT: case JS_ARRAY_PATTERN:
    case JS_OBJECT_PATTERN: case JS_STATIC_BLOCK:
      return list_eq(a->u.list.items, b->u.list.items);
    case JS_WITH: case JS_WHILE: case JS_DO_WHILE:
      if (!eq(a->u.loop.test, b->u.loop.test)) return false;
      a = a->u.loop.body;
      b = b->u.loop.body;
      continue;
    case JS_LABELED: case JS_BREAK: case JS_CONTINUE:
      if (!str_eq(a->u.label.label, b->u.label.label)) return false;
      a = a->u.label.body;
      b = b->u.label.body;
      continue;
    case JS_IF: case JS_COND:
      if (!eq(a->u.cond.test, b->u.cond.test) || !eq(a->u.cond.cons, b->u.cond.cons)) return false;
      a = a->u.cond.alt;
      b = b->u.cond.alt;
      continue;
    case JS_SWITCH:
      return eq(a->u.sw.disc, b->u.sw.disc) && list_eq(a->u.sw.cases, b->u.sw.cases);
    case JS_CASE:
      return eq(a->u.kase.test, b->u.kase.test) && list_eq(a->u.kase.body, b->u.kase.body);
    case JS_TRY:
      return eq(a->u.try_.block, b->u.try_.block) && eq(a->u.try_.param, b->u.try_.param) &&
             eq(a->u.try_.handler, b->u.try_.handler) && eq(a->u.try_.finalizer, b->u.try_.finalizer);
    case JS_FOR:
      if (!eq(a->u.for_.init, b->u.for_.init) || !eq(a->u.for_.test, b->u.for_.test) ||
          !eq(a->u.for_.update, b->u.for_.update))
        return false;
      a = a->u.for_.body;
      b = b->u.for_.body;
      continue;
    case JS_FOR_IN: case JS_FOR_OF:
      if (!eq(a->u.for_in.left, b->u.for_in.left) || !eq(a->u.for_in.right, b->u.for_in.right)) return false;
      a = a->u.for_in.body;
      b = b->u.for_in.body;
      continue;
    case JS_VAR_DECL:
      return list_eq(a->u.var.decls, b->u.var.decls);
    case JS_DECLARATOR:
      return eq(a->u.decl.id, b->u.decl.id) && eq(a->u.decl.init, b->u.decl.init);
    case JS_FUNCTION_DECL: case JS_FUNCTION: case JS_ARROW: {
      const js_function *f = a->u.fn, *g = b->u.fn;
      if ((f->flags & JS_FN_SIGNIFICANT) != (g->flags & JS_FN_SIGNIFICANT)) return false;
      return eq(f->id, g->id) && list_eq(f->params, g->params) && eq(f->body, g->body);
    }
    case JS_CLASS_DECL: case JS_CLASS: {
      const js_class *c = a->u.cls, *d = b->u.cls;
      return eq(c->id, d->id) && eq(c->super, d->super) && list_eq(c->body, d->body) &&
             list_eq(c->decorators, d->decorators);
    }
    case JS_IMPORT_DECL: case JS_EXPORT_NAMED: case JS_EXPORT_DEFAULT:
      return list_eq(a->u.mod.specifiers, b->u.mod.specifiers) && eq(a->u.mod.source, b->u.mod.source) &&
             list_eq(a->u.mod.attributes, b->u.mod.attributes) && eq(a->u.mod.decl, b->u.mod.decl);
    case JS_EXPORT_ALL:
      return eq(a->u.mod.source, b->u.mod.source) && list_eq(a->u.mod.attributes, b->u.mod.attributes) &&
             name_eq(a->u.mod.decl, b->u.mod.decl);
    case JS_IMPORT_SPECIFIER: case JS_IMPORT_DEFAULT: case JS_IMPORT_NAMESPACE: case JS_EXPORT_SPECIFIER:
      return name_eq(a->u.spec.a, b->u.spec.a) && name_eq(a->u.spec.b, b->u.spec.b);
    case JS_IMPORT_ATTRIBUTE: case JS_PROPERTY: case JS_METHOD: case JS_FIELD: case JS_TS_ENUM_MEMBER:
      if ((a->kind == JS_METHOD || a->kind == JS_FIELD) && !list_eq(a->u.prop.decorators, b->u.prop.decorators))
        return false;
      if (!(a->flags & JS_NF_COMPUTED)) {
        if (!name_eq(a->u.prop.key, b->u.prop.key)) return false;
      } else if (!eq(a->u.prop.key, b->u.prop.key)) {
        return false;
      }
      a = a->u.prop.value;
      b = b->u.prop.value;
      continue;
    case JS_TEMPLATE:
      return list_eq(a->u.tpl.quasis, b->u.tpl.quasis) && list_eq(a->u.tpl.exprs, b->u.tpl.exprs);
    case JS_TAGGED_TEMPLATE:
      return eq(a->u.tagged.tag, b->u.tagged.tag) && eq(a->u.tagged.quasi, b->u.tagged.quasi);
    case JS_BINARY: case JS_ASSIGN: case JS_ASSIGN_PATTERN:
      if (!eq(a->u.bin.right, b->u.bin.right)) return false;
      a = a->u.bin.left;
      b = b->u.bin.left;
      continue;
    case JS_CALL: case JS_NEW:
      if (!list_eq(a->u.call.args, b->u.call.args)) return false;
      a = a->u.call.callee;
      b = b->u.call.callee;
      continue;
    case JS_MEMBER:
      if (!eq(a->u.member.prop, b->u.member.prop)) return false;
      a = a->u.member.object;
      b = b->u.member.object;
      continue;
    case JS_IMPORT_CALL:
      return eq(a->u.import_call.source, b->u.import_call.source) &&
             eq(a->u.import_call.options, b->u.import_call.options);
    case JS_DECORATOR: case JS_TS_EXPORT_ASSIGN:
      a = a->u.unary.arg;
      b = b->u.unary.arg;
      continue;
    case JS_TS_ENUM:
      return eq(a->u.ts_enum.id, b->u.ts_enum.id) && list_eq(a->u.ts_enum.members, b->u.ts_enum.members);
    case JS_TS_NAMESPACE:
      return eq(a->u.ts_ns.id, b->u.ts_ns.id) && list_eq(a->u.ts_ns.body, b->u.ts_ns.body);
    case JS_TS_IMPORT_EQUALS:
      return eq(a->u.spec.a, b->u.spec.a) && eq(a->u.spec.b, b->u.spec.b);
    case JS_JSX_ELEMENT:
      return eq(a->u.jsx.name, b->u.jsx.name) && list_eq(a->u.jsx.attrs, b->u.jsx.attrs) &&
             list_eq(a->u.jsx.children, b->u.jsx.children);
    case JS_JSX_NAME:
      return str_eq(a->u.ident.name, b->u.ident.name);
    case JS_JSX_ATTR:
      if (!eq(a->u.prop.key, b->u.prop.key)) return false;
      a = a->u.prop.value;
      b = b->u.prop.value;
      continue;
    case JS_JSX_SPREAD: case JS_JSX_EXPR:
      a = a->u.unary.arg;
      b = b->u.unary.arg;
      continue;
    case JS_JSX_TEXT:
      /* The raw text decides the whitespace rules (lines are trimmed before entities are
       * decoded), so two texts are the same child only if they are spelled the same. */
      if (a->u.str.raw.ptr && b->u.str.raw.ptr) return str_eq(a->u.str.raw, b->u.str.raw);
      return str_eq(a->u.str.value, b->u.str.value);
    default:
      return false;
    }
  }
}

bool js_ast_equal(const js_node *a, const js_node *b) { return eq(a, b); }

/* ---- dump -------------------------------------------------------------------------------- */

typedef struct dbuf {
  char *p;
  size_t len, cap;
  bool oom;
} dbuf;

static void put(dbuf *d, const char *s, size_t n) {
  if (d->oom) return;
  if (d->len + n + 1 > d->cap) {
    size_t cap = d->cap ? d->cap : 256;
    while (cap < d->len + n + 1) cap *= 2;
    char *np = realloc(d->p, cap);
    if (!np) {
      d->oom = true;
      return;
    }
    d->p = np;
    d->cap = cap;
  }
  memcpy(d->p + d->len, s, n);
  d->len += n;
  d->p[d->len] = 0;
}

static void puts_(dbuf *d, const char *s) { put(d, s, strlen(s)); }

static void put_str(dbuf *d, js_str s) {
  put(d, "\"", 1);
  for (uint32_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (c == '"' || c == '\\') {
      put(d, "\\", 1);
      put(d, (const char *)&c, 1);
    } else if (c < 0x20) {
      char tmp[8];
      snprintf(tmp, sizeof tmp, "\\x%02x", c);
      puts_(d, tmp);
    } else {
      put(d, (const char *)&c, 1);
    }
  }
  put(d, "\"", 1);
}

static void dump(dbuf *d, const js_node *n);

static void dump_list(dbuf *d, js_list l) {
  put(d, "[", 1);
  for (uint32_t i = 0; i < l.len; i++) {
    if (i) put(d, " ", 1);
    dump(d, l.items[i]);
  }
  put(d, "]", 1);
}

static void dump_child(dbuf *d, const js_node *n) {
  put(d, " ", 1);
  dump(d, n);
}

static void dump(dbuf *d, const js_node *n) {
  if (!n) {
    puts_(d, "_");
    return;
  }
  put(d, "(", 1);
  puts_(d, js_kind_name((js_kind)n->kind));
  static const struct { uint16_t flag; const char *name; } flags[] = {
    {JS_NF_COMPUTED, " computed"}, {JS_NF_SHORTHAND, " shorthand"}, {JS_NF_METHOD, " method"},
    {JS_NF_STATIC, " static"}, {JS_NF_OPTIONAL, " optional"}, {JS_NF_PREFIX, " prefix"},
    {JS_NF_DELEGATE, " delegate"}, {JS_NF_AWAIT, " await"},
  };
  for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
    if (n->flags & flags[i].flag) puts_(d, flags[i].name);
  /* The TypeScript flag bits mean different things per kind. */
  if (n->flags & JS_NF_CONST) {
    if (n->kind == JS_TS_ENUM) puts_(d, " const");
    else if (n->kind == JS_TS_IMPORT_EQUALS) puts_(d, " export");
  }
  if ((n->flags & JS_NF_PARAM_PROP) && n->kind != JS_PROGRAM) puts_(d, " param-prop");
  if ((n->flags & JS_NF_ACCESSOR) && n->kind == JS_FIELD) puts_(d, " accessor");
  switch ((js_kind)n->kind) {
  case JS_PROGRAM:
    put(d, " ", 1);
    dump_list(d, n->u.program.body);
    break;
  case JS_DIRECTIVE:
    put(d, " ", 1);
    put_str(d, n->u.str.raw);
    break;
  case JS_IDENT: case JS_PRIVATE_NAME:
    put(d, " ", 1);
    put(d, n->u.ident.name.ptr, n->u.ident.name.len);
    break;
  case JS_NUMBER: {
    char tmp[40];
    snprintf(tmp, sizeof tmp, " %.17g", n->u.num.value);
    puts_(d, tmp);
    break;
  }
  case JS_BIGINT: case JS_STRING:
    put(d, " ", 1);
    put_str(d, n->u.str.value);
    break;
  case JS_TEMPLATE_ELEMENT:
    put(d, " ", 1);
    put_str(d, n->u.str.raw);
    if (!n->u.str.value.ptr) puts_(d, " invalid");
    break;
  case JS_REGEXP:
    put(d, " /", 2);
    put(d, n->u.regexp.pattern.ptr, n->u.regexp.pattern.len);
    put(d, "/", 1);
    put(d, n->u.regexp.flags.ptr, n->u.regexp.flags.len);
    break;
  case JS_EXPR_STMT: case JS_RETURN: case JS_THROW: case JS_SPREAD: case JS_CHAIN: case JS_YIELD:
  case JS_AWAIT: case JS_REST:
    dump_child(d, n->u.unary.arg);
    break;
  case JS_UNARY: case JS_UPDATE:
    put(d, " ", 1);
    puts_(d, js_op_text((js_op)n->op));
    dump_child(d, n->u.unary.arg);
    break;
  case JS_BLOCK: case JS_ARRAY: case JS_OBJECT: case JS_SEQUENCE: case JS_ARRAY_PATTERN:
  case JS_OBJECT_PATTERN: case JS_STATIC_BLOCK:
    put(d, " ", 1);
    dump_list(d, n->u.list.items);
    break;
  case JS_WITH: case JS_WHILE: case JS_DO_WHILE:
    dump_child(d, n->u.loop.test);
    dump_child(d, n->u.loop.body);
    break;
  case JS_LABELED: case JS_BREAK: case JS_CONTINUE:
    if (n->u.label.label.len) {
      put(d, " ", 1);
      put(d, n->u.label.label.ptr, n->u.label.label.len);
    }
    if (n->kind == JS_LABELED) dump_child(d, n->u.label.body);
    break;
  case JS_IF: case JS_COND:
    dump_child(d, n->u.cond.test);
    dump_child(d, n->u.cond.cons);
    dump_child(d, n->u.cond.alt);
    break;
  case JS_SWITCH:
    dump_child(d, n->u.sw.disc);
    put(d, " ", 1);
    dump_list(d, n->u.sw.cases);
    break;
  case JS_CASE:
    dump_child(d, n->u.kase.test);
    put(d, " ", 1);
    dump_list(d, n->u.kase.body);
    break;
  case JS_TRY:
    dump_child(d, n->u.try_.block);
    dump_child(d, n->u.try_.param);
    dump_child(d, n->u.try_.handler);
    dump_child(d, n->u.try_.finalizer);
    break;
  case JS_FOR:
    dump_child(d, n->u.for_.init);
    dump_child(d, n->u.for_.test);
    dump_child(d, n->u.for_.update);
    dump_child(d, n->u.for_.body);
    break;
  case JS_FOR_IN: case JS_FOR_OF:
    dump_child(d, n->u.for_in.left);
    dump_child(d, n->u.for_in.right);
    dump_child(d, n->u.for_in.body);
    break;
  case JS_VAR_DECL: {
    static const char *const kinds[] = {" var", " let", " const", " using", " await-using"};
    puts_(d, kinds[n->op < 5 ? n->op : 0]);
    put(d, " ", 1);
    dump_list(d, n->u.var.decls);
    break;
  }
  case JS_DECLARATOR:
    dump_child(d, n->u.decl.id);
    dump_child(d, n->u.decl.init);
    break;
  case JS_FUNCTION_DECL: case JS_FUNCTION: case JS_ARROW: {
    const js_function *f = n->u.fn;
    if (f->flags & JS_FN_ASYNC) puts_(d, " async");
    if (f->flags & JS_FN_GENERATOR) puts_(d, " generator");
    dump_child(d, f->id);
    put(d, " ", 1);
    dump_list(d, f->params);
    dump_child(d, f->body);
    break;
  }
  case JS_CLASS_DECL: case JS_CLASS:
    if (n->u.cls->decorators.len) {
      put(d, " @", 2);
      dump_list(d, n->u.cls->decorators);
    }
    dump_child(d, n->u.cls->id);
    dump_child(d, n->u.cls->super);
    put(d, " ", 1);
    dump_list(d, n->u.cls->body);
    break;
  case JS_IMPORT_DECL: case JS_EXPORT_NAMED: case JS_EXPORT_DEFAULT: case JS_EXPORT_ALL:
    put(d, " ", 1);
    dump_list(d, n->u.mod.specifiers);
    dump_child(d, n->u.mod.decl);
    dump_child(d, n->u.mod.source);
    if (n->u.mod.attributes.len) {
      put(d, " ", 1);
      dump_list(d, n->u.mod.attributes);
    }
    break;
  case JS_IMPORT_SPECIFIER: case JS_IMPORT_DEFAULT: case JS_IMPORT_NAMESPACE: case JS_EXPORT_SPECIFIER:
    dump_child(d, n->u.spec.a);
    dump_child(d, n->u.spec.b);
    break;
  case JS_PROPERTY: case JS_METHOD: case JS_FIELD: case JS_IMPORT_ATTRIBUTE: case JS_TS_ENUM_MEMBER:
    if ((n->kind == JS_METHOD || n->kind == JS_FIELD) && n->u.prop.decorators.len) {
      put(d, " @", 2);
      dump_list(d, n->u.prop.decorators);
    }
    if (n->kind == JS_PROPERTY && n->op) puts_(d, n->op == JS_PROP_GET ? " get" : " set");
    if (n->kind == JS_METHOD && n->op) {
      static const char *const mk[] = {"", " get", " set", " constructor"};
      puts_(d, mk[n->op & 3]);
    }
    dump_child(d, n->u.prop.key);
    dump_child(d, n->u.prop.value);
    break;
  case JS_TEMPLATE:
    put(d, " ", 1);
    dump_list(d, n->u.tpl.quasis);
    put(d, " ", 1);
    dump_list(d, n->u.tpl.exprs);
    break;
  case JS_TAGGED_TEMPLATE:
    dump_child(d, n->u.tagged.tag);
    dump_child(d, n->u.tagged.quasi);
    break;
  case JS_BINARY: {
    /* Left operands nest without bound: walk the left spine iteratively. */
    size_t k = 0, cap = 16;
    const js_node **spine = malloc(cap * sizeof *spine);
    const js_node *cur = n;
    while (spine && cur->kind == JS_BINARY) {
      if (k == cap) {
        cap *= 2;
        const js_node **ns = realloc(spine, cap * sizeof *ns);
        if (!ns) {
          free(spine);
          spine = NULL;
          break;
        }
        spine = ns;
      }
      spine[k++] = cur;
      cur = cur->u.bin.left;
    }
    if (!spine) {
      d->oom = true;
      break;
    }
    put(d, " ", 1);
    puts_(d, js_op_text((js_op)n->op));
    for (size_t i = 1; i < k; i++) {
      puts_(d, " (Binary ");
      puts_(d, js_op_text((js_op)spine[i]->op));
    }
    dump_child(d, cur);
    for (size_t i = k; i-- > 1;) {
      dump_child(d, spine[i]->u.bin.right);
      put(d, ")", 1);
    }
    dump_child(d, n->u.bin.right);
    free(spine);
    break;
  }
  case JS_ASSIGN: case JS_ASSIGN_PATTERN:
    if (n->kind == JS_ASSIGN) {
      put(d, " ", 1);
      puts_(d, js_op_text((js_op)n->op));
    }
    dump_child(d, n->u.bin.left);
    dump_child(d, n->u.bin.right);
    break;
  case JS_CALL: case JS_NEW:
    dump_child(d, n->u.call.callee);
    put(d, " ", 1);
    dump_list(d, n->u.call.args);
    break;
  case JS_MEMBER:
    dump_child(d, n->u.member.object);
    dump_child(d, n->u.member.prop);
    break;
  case JS_IMPORT_CALL:
    dump_child(d, n->u.import_call.source);
    if (n->u.import_call.options) dump_child(d, n->u.import_call.options);
    break;
  case JS_DECORATOR: case JS_TS_EXPORT_ASSIGN:
    dump_child(d, n->u.unary.arg);
    break;
  case JS_TS_ENUM:
    dump_child(d, n->u.ts_enum.id);
    put(d, " ", 1);
    dump_list(d, n->u.ts_enum.members);
    break;
  case JS_TS_NAMESPACE:
    dump_child(d, n->u.ts_ns.id);
    put(d, " ", 1);
    dump_list(d, n->u.ts_ns.body);
    break;
  case JS_TS_IMPORT_EQUALS:
    dump_child(d, n->u.spec.a);
    dump_child(d, n->u.spec.b);
    break;
  case JS_JSX_ELEMENT:
    dump_child(d, n->u.jsx.name);
    put(d, " ", 1);
    dump_list(d, n->u.jsx.attrs);
    put(d, " ", 1);
    dump_list(d, n->u.jsx.children);
    break;
  case JS_JSX_NAME:
    put(d, " ", 1);
    put(d, n->u.ident.name.ptr, n->u.ident.name.len);
    break;
  case JS_JSX_ATTR:
    dump_child(d, n->u.prop.key);
    dump_child(d, n->u.prop.value);
    break;
  case JS_JSX_SPREAD: case JS_JSX_EXPR:
    dump_child(d, n->u.unary.arg);
    break;
  case JS_JSX_TEXT:
    put(d, " ", 1);
    put_str(d, n->u.str.value);
    break;
  default:
    break;
  }
  put(d, ")", 1);
}

int js_ast_dump(const js_node *n, char **out, size_t *len) {
  dbuf d = {0};
  dump(&d, n);
  if (d.oom || !d.p) {
    free(d.p);
    *out = NULL;
    if (len) *len = 0;
    return -1;
  }
  *out = d.p;
  if (len) *len = d.len;
  return 0;
}
