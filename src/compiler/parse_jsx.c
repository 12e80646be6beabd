/* JSX: elements, fragments, attributes and children, parsed where a primary expression starts
 * with `<` (lang JSX or TSX). JSX has its own lexical grammar inside tags and between children,
 * so this file drives the lexer's JSX entry points (js_lexer_next_jsx_tag / _child) and returns
 * to the JavaScript lexer only inside `{...}` and after the outermost element.
 *
 * The tree keeps JSX as written (JS_JSX_* nodes, see ast.h) so it prints back as JSX; texts and
 * attribute strings carry their entities decoded. Whitespace rules belong to the transform
 * (transforms/jsx.c), because they work on the raw text. */
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"
#include "compiler/unicode.h"

/* ---- HTML entities ----------------------------------------------------------------------- */

/* The 252 character entity references of HTML 4 plus XHTML's &apos; (the set TypeScript and
 * Babel decode), sorted by name (strcmp order) for binary search. */
typedef struct entity {
  const char *name;
  uint16_t cp;
} entity;

static const entity entities[] = {
  {"AElig", 198}, {"Aacute", 193}, {"Acirc", 194}, {"Agrave", 192}, {"Alpha", 913}, {"Aring", 197},
  {"Atilde", 195}, {"Auml", 196}, {"Beta", 914}, {"Ccedil", 199}, {"Chi", 935}, {"Dagger", 8225},
  {"Delta", 916}, {"ETH", 208}, {"Eacute", 201}, {"Ecirc", 202}, {"Egrave", 200}, {"Epsilon", 917},
  {"Eta", 919}, {"Euml", 203}, {"Gamma", 915}, {"Iacute", 205}, {"Icirc", 206}, {"Igrave", 204},
  {"Iota", 921}, {"Iuml", 207}, {"Kappa", 922}, {"Lambda", 923}, {"Mu", 924}, {"Ntilde", 209},
  {"Nu", 925}, {"OElig", 338}, {"Oacute", 211}, {"Ocirc", 212}, {"Ograve", 210}, {"Omega", 937},
  {"Omicron", 927}, {"Oslash", 216}, {"Otilde", 213}, {"Ouml", 214}, {"Phi", 934}, {"Pi", 928},
  {"Prime", 8243}, {"Psi", 936}, {"Rho", 929}, {"Scaron", 352}, {"Sigma", 931}, {"THORN", 222},
  {"Tau", 932}, {"Theta", 920}, {"Uacute", 218}, {"Ucirc", 219}, {"Ugrave", 217}, {"Upsilon", 933},
  {"Uuml", 220}, {"Xi", 926}, {"Yacute", 221}, {"Yuml", 376}, {"Zeta", 918}, {"aacute", 225},
  {"acirc", 226}, {"acute", 180}, {"aelig", 230}, {"agrave", 224}, {"alefsym", 8501}, {"alpha", 945},
  {"amp", 38}, {"and", 8743}, {"ang", 8736}, {"apos", 39}, {"aring", 229}, {"asymp", 8776}, {"atilde", 227},
  {"auml", 228}, {"bdquo", 8222}, {"beta", 946}, {"brvbar", 166}, {"bull", 8226}, {"cap", 8745},
  {"ccedil", 231}, {"cedil", 184}, {"cent", 162}, {"chi", 967}, {"circ", 710}, {"clubs", 9827},
  {"cong", 8773}, {"copy", 169}, {"crarr", 8629}, {"cup", 8746}, {"curren", 164}, {"dArr", 8659},
  {"dagger", 8224}, {"darr", 8595}, {"deg", 176}, {"delta", 948}, {"diams", 9830}, {"divide", 247},
  {"eacute", 233}, {"ecirc", 234}, {"egrave", 232}, {"empty", 8709}, {"emsp", 8195}, {"ensp", 8194},
  {"epsilon", 949}, {"equiv", 8801}, {"eta", 951}, {"eth", 240}, {"euml", 235}, {"euro", 8364},
  {"exist", 8707}, {"fnof", 402}, {"forall", 8704}, {"frac12", 189}, {"frac14", 188}, {"frac34", 190},
  {"frasl", 8260}, {"gamma", 947}, {"ge", 8805}, {"gt", 62}, {"hArr", 8660}, {"harr", 8596},
  {"hearts", 9829}, {"hellip", 8230}, {"iacute", 237}, {"icirc", 238}, {"iexcl", 161}, {"igrave", 236},
  {"image", 8465}, {"infin", 8734}, {"int", 8747}, {"iota", 953}, {"iquest", 191}, {"isin", 8712},
  {"iuml", 239}, {"kappa", 954}, {"lArr", 8656}, {"lambda", 955}, {"lang", 9001}, {"laquo", 171},
  {"larr", 8592}, {"lceil", 8968}, {"ldquo", 8220}, {"le", 8804}, {"lfloor", 8970}, {"lowast", 8727},
  {"loz", 9674}, {"lrm", 8206}, {"lsaquo", 8249}, {"lsquo", 8216}, {"lt", 60}, {"macr", 175},
  {"mdash", 8212}, {"micro", 181}, {"middot", 183}, {"minus", 8722}, {"mu", 956}, {"nabla", 8711},
  {"nbsp", 160}, {"ndash", 8211}, {"ne", 8800}, {"ni", 8715}, {"not", 172}, {"notin", 8713},
  {"nsub", 8836}, {"ntilde", 241}, {"nu", 957}, {"oacute", 243}, {"ocirc", 244}, {"oelig", 339},
  {"ograve", 242}, {"oline", 8254}, {"omega", 969}, {"omicron", 959}, {"oplus", 8853}, {"or", 8744},
  {"ordf", 170}, {"ordm", 186}, {"oslash", 248}, {"otilde", 245}, {"otimes", 8855}, {"ouml", 246},
  {"para", 182}, {"part", 8706}, {"permil", 8240}, {"perp", 8869}, {"phi", 966}, {"pi", 960},
  {"piv", 982}, {"plusmn", 177}, {"pound", 163}, {"prime", 8242}, {"prod", 8719}, {"prop", 8733},
  {"psi", 968}, {"quot", 34}, {"rArr", 8658}, {"radic", 8730}, {"rang", 9002}, {"raquo", 187},
  {"rarr", 8594}, {"rceil", 8969}, {"rdquo", 8221}, {"real", 8476}, {"reg", 174}, {"rfloor", 8971},
  {"rho", 961}, {"rlm", 8207}, {"rsaquo", 8250}, {"rsquo", 8217}, {"sbquo", 8218}, {"scaron", 353},
  {"sdot", 8901}, {"sect", 167}, {"shy", 173}, {"sigma", 963}, {"sigmaf", 962}, {"sim", 8764},
  {"spades", 9824}, {"sub", 8834}, {"sube", 8838}, {"sum", 8721}, {"sup", 8835}, {"sup1", 185},
  {"sup2", 178}, {"sup3", 179}, {"supe", 8839}, {"szlig", 223}, {"tau", 964}, {"there4", 8756},
  {"theta", 952}, {"thetasym", 977}, {"thinsp", 8201}, {"thorn", 254}, {"tilde", 732}, {"times", 215},
  {"trade", 8482}, {"uArr", 8657}, {"uacute", 250}, {"uarr", 8593}, {"ucirc", 251}, {"ugrave", 249},
  {"uml", 168}, {"upsih", 978}, {"upsilon", 965}, {"uuml", 252}, {"weierp", 8472}, {"xi", 958},
  {"yacute", 253}, {"yen", 165}, {"yuml", 255}, {"zeta", 950}, {"zwj", 8205}, {"zwnj", 8204},
};

#define NENTITIES (sizeof entities / sizeof *entities)

static int entity_cmp(const void *key, const void *e) {
  const js_str *k = key;
  const char *name = ((const entity *)e)->name;
  size_t n = strlen(name);
  int c = memcmp(k->ptr, name, k->len < n ? k->len : n);
  if (c) return c;
  return k->len < n ? -1 : k->len > n ? 1 : 0;
}

/* The entity at s[0..len) (starting with '&'): its code point and length, or 0 if it is none.
 * `&name;` for the names above, `&#123;` and `&#x7B;` for code points up to U+10FFFF; anything
 * else stays literal text, as TypeScript, Babel and esbuild keep it. */
static uint32_t entity_at(const char *s, uint32_t len, uint32_t *cp) {
  uint32_t i = 1;
  if (i < len && s[i] == '#') {
    i++;
    bool hex = i < len && s[i] == 'x';
    if (hex) i++;
    uint32_t start = i, v = 0;
    for (; i < len; i++) {
      char c = s[i];
      int d = c >= '0' && c <= '9' ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + (uint32_t)d;
      if (v > 0x10FFFF) return 0;
    }
    if (i == start || i >= len || s[i] != ';') return 0;
    *cp = v;
    return i + 1;
  }
  uint32_t start = i;
  while (i < len && i - start <= 8 &&
         ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
    i++;
  if (i == start || i >= len || s[i] != ';') return 0;
  js_str key = {s + start, i - start};
  const entity *e = bsearch(&key, entities, NENTITIES, sizeof *entities, entity_cmp);
  if (!e) return 0;
  *cp = e->cp;
  return i + 1;
}

js_str js__jsx_decode_entities(js_arena *arena, js_str s) {
  const char *amp = s.len ? memchr(s.ptr, '&', s.len) : NULL;
  if (!amp) return s;
  /* A decoded entity is never longer than its source text (`&#x10000;` is 9 bytes for 4). */
  char *out = js_arena_alloc(arena, (size_t)s.len + 1);
  js_str r = {NULL, 0};
  if (!out) return r;
  uint32_t o = 0;
  for (uint32_t i = 0; i < s.len;) {
    uint32_t cp, n;
    if (s.ptr[i] == '&' && (n = entity_at(s.ptr + i, s.len - i, &cp)) != 0) {
      o += (uint32_t)js_utf8_encode(out + o, cp);
      i += n;
    } else {
      out[o++] = s.ptr[i++];
    }
  }
  r.ptr = out;
  r.len = o;
  return r;
}

static js_str decode_entities(js_parser *p, js_str s) {
  js_str r = js__jsx_decode_entities(p->arena, s);
  if (!r.ptr) js__oom(p);
  return r;
}

/* ---- tokens ------------------------------------------------------------------------------ */

static void next_tag(js_parser *p) {
  p->prev_end = p->lx.tok.end;
  js_lexer_next_jsx_tag(&p->lx);
  if (p->lx.oom) js__oom(p);
}

static void next_child(js_parser *p) {
  p->prev_end = p->lx.tok.end;
  js_lexer_next_jsx_child(&p->lx);
  if (p->lx.oom) js__oom(p);
}

/* What follows an element's last `>`: JavaScript (the outermost element), more children (an
 * element nested in children), or the rest of a tag (an element as an attribute value). */
typedef enum { AFTER_JS, AFTER_CHILD, AFTER_TAG } after_mode;

static void next_after(js_parser *p, after_mode m) {
  if (m == AFTER_JS) js__next(p);
  else if (m == AFTER_CHILD) next_child(p);
  else next_tag(p);
}

/* ---- names ------------------------------------------------------------------------------- */

static js_str name_value(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type != JS_T_NAME) js__unexpected(p);
  /* JSX identifiers have no escapes (Babel and TypeScript reject them too). */
  if (t->flags & JS_TF_ESCAPED) js__raise(p, t->start, "Invalid or unexpected token");
  return t->value;
}

static bool has_dash(js_str s) { return memchr(s.ptr, '-', s.len) != NULL; }

/* After a name: `:local` makes it a namespaced name `ns:local` (one JS_JSX_NAME). */
static js_node *maybe_namespaced(js_parser *p, js_node *n) {
  if (!js__is(p, JS_T_COLON)) return n;
  next_tag(p);
  js_str local = name_value(p);
  js_str ns = n->u.ident.name;
  char *buf = js__alloc(p, (size_t)ns.len + 1 + local.len);
  memcpy(buf, ns.ptr, ns.len);
  buf[ns.len] = ':';
  memcpy(buf + ns.len + 1, local.ptr, local.len);
  n->u.ident.name.ptr = buf;
  n->u.ident.name.len = ns.len + 1 + local.len;
  next_tag(p);
  js__finish(p, n);
  return n;
}

/* An attribute name: JS_JSX_NAME, possibly namespaced (`xlink:href`). */
static js_node *parse_attr_name(js_parser *p) {
  js_node *n = js__node_here(p, JS_JSX_NAME);
  n->u.ident.name = name_value(p);
  next_tag(p);
  js__finish(p, n);
  return maybe_namespaced(p, n);
}

/* An element name: a JS_JSX_NAME for intrinsic elements (`div`, `my-el`, `svg:rect`: names that
 * start with a lowercase letter or contain '-', TypeScript's and Babel's rule), a JS_IDENT or
 * JS_THIS for a component, a JS_MEMBER chain for `a.b.c`. */
static js_node *parse_element_name(js_parser *p) {
  js_token *t = js__tok(p);
  js_str first = name_value(p);
  js_loc loc = js__tok_loc(p);
  bool is_this = t->kw == JS_KW_THIS && first.len == 4;
  next_tag(p);
  if (js__is(p, JS_T_COLON)) {
    js_node *n = js__node(p, JS_JSX_NAME, loc);
    n->u.ident.name = first;
    js__finish(p, n);
    return maybe_namespaced(p, n);
  }
  js_node *n;
  if (js__is(p, JS_T_DOT) || !((first.ptr[0] >= 'a' && first.ptr[0] <= 'z') || has_dash(first)) || is_this) {
    if (has_dash(first)) js__raise(p, loc.offset, "Unexpected token '-'");
    n = js__node(p, is_this ? JS_THIS : JS_IDENT, loc);
    if (!is_this) n->u.ident.name = first;
  } else {
    n = js__node(p, JS_JSX_NAME, loc);
    n->u.ident.name = first;
  }
  js__finish(p, n);
  uint32_t links = 0;
  while (js__is(p, JS_T_DOT)) {
    next_tag(p);
    js_node *prop = js__node_here(p, JS_IDENT);
    prop->u.ident.name = name_value(p);
    if (has_dash(prop->u.ident.name)) js__raise(p, prop->loc.offset, "Unexpected token '-'");
    next_tag(p);
    js__finish(p, prop);
    js_node *m = js__node(p, JS_MEMBER, loc);
    m->u.member.object = n;
    m->u.member.prop = prop;
    js__finish(p, m);
    n = m;
    /* Later passes walk member chains recursively: count each link against the depth bound. */
    links++;
    js__enter(p);
  }
  p->depth -= links;
  return n;
}

/* The text of a name as the source wrote it, for messages. */
static void name_text(js_parser *p, const js_node *n, const char **s, int *len) {
  *s = (const char *)p->lx.src + n->loc.offset;
  uint32_t l = n->end - n->loc.offset;
  *len = (int)(l > 64 ? 64 : l);
}

/* Same element name: `<a.b>` closes only with `</a.b>`. */
static bool same_name(const js_node *a, const js_node *b) {
  for (;;) {
    if (!a || !b) return a == b;
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case JS_THIS:
      return true;
    case JS_IDENT:
    case JS_JSX_NAME:
      return a->u.ident.name.len == b->u.ident.name.len &&
             memcmp(a->u.ident.name.ptr, b->u.ident.name.ptr, a->u.ident.name.len) == 0;
    case JS_MEMBER:
      if (!same_name(a->u.member.prop, b->u.member.prop)) return false;
      a = a->u.member.object;
      b = b->u.member.object;
      continue;
    default:
      return false;
    }
  }
}

/* ---- elements ---------------------------------------------------------------------------- */

static js_node *parse_element(js_parser *p, js_loc start, after_mode after);

/* The current token is `{` read in JSX mode: parses `{expr}`, `{...expr}` or `{}` up to the `}`,
 * which stays the current token. */
static js_node *parse_container(js_parser *p, bool child) {
  js_loc start = js__tok_loc(p);
  js__next(p);
  js_node *n;
  bool no_in = p->no_in;
  p->no_in = false;
  if (js__is(p, JS_T_ELLIPSIS)) {
    js__next(p);
    n = js__node(p, JS_JSX_SPREAD, start);
    n->u.unary.arg = js__parse_assign(p, NULL);
  } else {
    n = js__node(p, JS_JSX_EXPR, start);
    if (!js__is(p, JS_T_RBRACE)) n->u.unary.arg = js__parse_expression(p);
    else if (!child) js__raise(p, start.offset, "JSX attributes must only be assigned a non-empty expression");
  }
  p->no_in = no_in;
  if (!js__is(p, JS_T_RBRACE)) js__unexpected(p);
  n->end = js__tok(p)->end;
  return n;
}

static void parse_attributes(js_parser *p) {
  for (;;) {
    js_token *t = js__tok(p);
    if (t->type == JS_T_GT || t->type == JS_T_SLASH) return;
    if (t->type == JS_T_LBRACE) {
      js_loc start = js__tok_loc(p);
      js__next(p);
      if (!js__is(p, JS_T_ELLIPSIS)) js__unexpected(p);
      js__next(p);
      js_node *s = js__node(p, JS_JSX_SPREAD, start);
      bool no_in = p->no_in;
      p->no_in = false;
      s->u.unary.arg = js__parse_assign(p, NULL);
      p->no_in = no_in;
      if (!js__is(p, JS_T_RBRACE)) js__unexpected(p);
      next_tag(p);
      js__finish(p, s);
      js__push(p, s);
      continue;
    }
    if (t->type != JS_T_NAME) js__unexpected(p);
    js_node *a = js__node_here(p, JS_JSX_ATTR);
    a->u.prop.key = parse_attr_name(p);
    if (js__is(p, JS_T_ASSIGN)) {
      next_tag(p);
      t = js__tok(p);
      if (t->type == JS_T_STRING) {
        js_node *v = js__node_here(p, JS_STRING);
        v->u.str.value = decode_entities(p, t->value);
        v->u.str.raw.ptr = (const char *)p->lx.src + t->start;
        v->u.str.raw.len = t->end - t->start;
        next_tag(p);
        js__finish(p, v);
        a->u.prop.value = v;
      } else if (t->type == JS_T_LBRACE) {
        a->u.prop.value = parse_container(p, false);
        if (a->u.prop.value->kind == JS_JSX_SPREAD) js__raise(p, a->u.prop.value->loc.offset, "Unexpected token '...'");
        next_tag(p);
      } else if (t->type == JS_T_LT) {
        js_loc start = js__tok_loc(p);
        next_tag(p);
        a->u.prop.value = parse_element(p, start, AFTER_TAG);
      } else {
        if (t->type == JS_T_ERROR || t->type == JS_T_EOF) js__unexpected(p);
        js__raise(p, t->start, "JSX value should be either an expression or a quoted JSX text");
      }
    }
    js__finish(p, a);
    js__push(p, a);
  }
}

/* Parses the children up to the closing tag (`</` already consumed, its name not); returns the
 * list. */
static js_list parse_children(js_parser *p, const js_node *el) {
  uint32_t mark = p->sp;
  for (;;) {
    js_token *t = js__tok(p);
    switch (t->type) {
    case JS_T_JSX_TEXT: {
      js_node *x = js__node_here(p, JS_JSX_TEXT);
      x->u.str.raw = t->value;
      x->u.str.value = decode_entities(p, t->value);
      next_child(p);
      js__finish(p, x);
      js__push(p, x);
      break;
    }
    case JS_T_LBRACE: {
      js_node *c = parse_container(p, true);
      js__push(p, c);
      next_child(p);
      break;
    }
    case JS_T_LT: {
      js_loc start = js__tok_loc(p);
      next_tag(p);
      if (js__is(p, JS_T_SLASH)) {
        next_tag(p);
        return js__pop_list(p, mark);
      }
      js__push(p, parse_element(p, start, AFTER_CHILD));
      break;
    }
    case JS_T_EOF:
      if (el->u.jsx.name) {
        const char *s;
        int len;
        name_text(p, el->u.jsx.name, &s, &len);
        js__raise(p, t->start, "Expected corresponding JSX closing tag for <%.*s>", len, s);
      }
      js__raise(p, t->start, "Expected corresponding closing tag for JSX fragment");
    default:
      js__unexpected(p);
    }
  }
}

/* `<` has been read and the current token is the one after it. */
static js_node *parse_element(js_parser *p, js_loc start, after_mode after) {
  js__enter(p);
  js_node *el = js__node(p, JS_JSX_ELEMENT, start);
  if (!js__is(p, JS_T_GT)) {
    el->u.jsx.name = parse_element_name(p);
    /* TSX: `<C<string> />` passes type arguments to the component; they are erased. */
    if (p->ts && (js__is(p, JS_T_LT) || js__is(p, JS_T_SHL))) js__ts_jsx_type_args(p);
    uint32_t mark = p->sp;
    parse_attributes(p);
    el->u.jsx.attrs = js__pop_list(p, mark);
    if (js__is(p, JS_T_SLASH)) {
      next_tag(p);
      if (!js__is(p, JS_T_GT)) js__unexpected(p);
      el->end = js__tok(p)->end;
      next_after(p, after);
      js__leave(p);
      return el;
    }
  }
  /* The current token is the `>` ending the opening tag; children follow. */
  next_child(p);
  el->u.jsx.children = parse_children(p, el);
  /* At the name of the closing tag (or its `>` for a fragment). */
  js_token *t = js__tok(p);
  uint32_t close_at = t->start;
  if (el->u.jsx.name) {
    js_node *close = js__is(p, JS_T_GT) ? NULL : parse_element_name(p);
    if (!same_name(el->u.jsx.name, close)) {
      const char *s;
      int len;
      name_text(p, el->u.jsx.name, &s, &len);
      js__raise(p, close ? close->loc.offset : close_at, "Expected corresponding JSX closing tag for <%.*s>", len, s);
    }
  } else if (!js__is(p, JS_T_GT)) {
    js__raise(p, close_at, "Expected corresponding closing tag for JSX fragment");
  }
  if (!js__is(p, JS_T_GT)) js__unexpected(p);
  el->end = js__tok(p)->end;
  next_after(p, after);
  js__leave(p);
  return el;
}

js_node *js__parse_jsx(js_parser *p) {
  js_loc start = js__tok_loc(p);
  next_tag(p);
  return parse_element(p, start, AFTER_JS);
}
