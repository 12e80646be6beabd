/* JSX: parsing and printing back as JSX (round trips), the lowering to calls for the automatic
 * and classic runtimes, development mode, pragmas, the whitespace rules of children text, HTML
 * entities, helper names that avoid the file's own, and the error messages. Expected outputs were
 * checked against TypeScript 5.9's transpileModule (jsx: react-jsx / react) where it agrees with
 * the documented choices (docs/compiler.md, JSX section). */
#include "test_compiler_util.h"

#include "compiler/transforms/transforms.h"

typedef struct jsx_row {
  const char *src;
  const char *expected;
} jsx_row;

enum { OPT_SCRIPT = 1, OPT_CLASSIC = 2, OPT_DEV = 4, OPT_TSX = 8 };

static js_ast *parse_jsx(const char *src, int o) {
  js_parse_options po = {0};
  po.goal = (o & OPT_SCRIPT) ? JS_GOAL_SCRIPT : JS_GOAL_MODULE;
  po.lang = (o & OPT_TSX) ? JS_LANG_TSX : JS_LANG_JSX;
  po.filename = "app.jsx";
  return js_parse(src, strlen(src), &po);
}

static js_jsx_options jsx_opts(int o) {
  js_jsx_options jo = {0};
  jo.runtime = (o & OPT_CLASSIC) ? JS_JSX_CLASSIC : JS_JSX_AUTOMATIC;
  jo.development = (o & OPT_DEV) != 0;
  jo.filename = "app.jsx";
  return jo;
}

/* Parses, prints without lowering (minified, so rows stay on one line) and reparses. */
static int check_roundtrip(const char *src, const char *expected, int o) {
  js_ast *a = parse_jsx(src, o);
  if (!a || a->nerrors) {
    print_error("input:    %s\nerror:    %s\n\n", src, a ? a->errors[0].text : "oom");
    js_ast_free(a);
    return 1;
  }
  js_print_options pr = {.minify = true};
  char *out = js_print(a->program, &pr, NULL);
  int bad = 0;
  if (!out || strcmp(out, expected) != 0) {
    print_error("input:    %s\nexpected: %s\nprinted:  %s\n\n", src, expected, out ? out : "(null)");
    bad = 1;
  } else {
    js_ast *b = parse_jsx(out, o);
    if (!b || b->nerrors || !js_ast_equal(a->program, b->program)) {
      print_error("input:    %s\nprinted:  %s\ndoes not reparse to the same tree\n\n", src, out);
      bad = 1;
    }
    js_ast_free(b);
  }
  free(out);
  js_ast_free(a);
  return bad;
}

/* Parses, lowers, prints (minified) and checks the output is plain JavaScript. */
static int check_lowered(const char *src, const char *expected, int o) {
  js_ast *a = parse_jsx(src, o);
  if (!a || a->nerrors) {
    print_error("input:    %s\nerror:    %s\n\n", src, a ? a->errors[0].text : "oom");
    js_ast_free(a);
    return 1;
  }
  js_jsx_options jo = jsx_opts(o);
  if (js_jsx_lower(a, &jo) != 0) {
    print_error("input:    %s\nlowering failed: %s\n\n", src, a->nerrors ? a->errors[0].text : "?");
    js_ast_free(a);
    return 1;
  }
  js_print_options pr = {.minify = true};
  char *out = js_print(a->program, &pr, NULL);
  int bad = 0;
  if (!out || strcmp(out, expected) != 0) {
    print_error("input:    %s\nexpected: %s\nprinted:  %s\n\n", src, expected, out ? out : "(null)");
    bad = 1;
  } else {
    js_parse_options po = {0};
    po.goal = (o & OPT_SCRIPT) ? JS_GOAL_SCRIPT : JS_GOAL_MODULE;
    js_ast *b = js_parse(out, strlen(out), &po);
    if (!b || b->nerrors) {
      print_error("input:    %s\nprinted:  %s\nis not JavaScript: %s\n\n", src, out, b ? b->errors[0].text : "oom");
      bad = 1;
    }
    js_ast_free(b);
  }
  free(out);
  js_ast_free(a);
  return bad;
}

/* The first error of parsing, or of lowering when the parse succeeds. */
static int check_jsx_error(const char *src, const char *expected, int o) {
  js_ast *a = parse_jsx(src, o);
  if (!a) return 1;
  char want[1024];
  snprintf(want, sizeof want, "app.jsx:%s", expected);
  if (!a->nerrors) {
    js_jsx_options jo = jsx_opts(o);
    if (js_jsx_lower(a, &jo) == 0) {
      print_error("input:    %s\nexpected: %s\nbut it compiled\n\n", src, want);
      js_ast_free(a);
      return 1;
    }
  }
  int bad = 0;
  if (!a->nerrors || strcmp(a->errors[0].text, want) != 0) {
    print_error("input:    %s\nexpected: %s\nerror:    %s\n\n", src, want, a->nerrors ? a->errors[0].text : "(none)");
    bad = 1;
  }
  js_ast_free(a);
  return bad;
}

static void run_rows(const jsx_row *rows, size_t n, int o, int (*check)(const char *, const char *, int)) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) bad += check(rows[i].src, rows[i].expected, o);
  if (bad) fail_msg("%d of %zu rows failed", bad, n);
}

/* ---- parsing and printing back ----------------------------------------------------------- */

static const jsx_row roundtrip_rows[] = {
  {"<a/>", "<a/>;"},
  {"<a></a>", "<a/>;"},
  {"<></>", "<></>;"},
  {"<a b=\"1\" c='2' d e={f} {...g}/>", "<a b=\"1\" c='2' d e={f} {...g}/>;"},
  {"<a.b.c/>", "<a.b.c/>;"},
  {"<this/>", "<this/>;"},
  {"<this.x></this.x>", "<this.x/>;"},
  {"<svg:rect xlink:href=\"#a\"/>", "<svg:rect xlink:href=\"#a\"/>;"},
  {"<my-el data-x=\"1\" aria-label=\"l\"/>", "<my-el data-x=\"1\" aria-label=\"l\"/>;"},
  {"<a b=<c/>/>", "<a b=<c/>/>;"},
  {"<a b=<c>d</c>></a>", "<a b=<c>d</c>/>;"},
  {"<a / >", "<a/>;"},
  {"<a>text &amp; more</a>", "<a>text &amp; more</a>;"},
  {"<a>{/* comment */}</a>", "<a>{}</a>;"},
  {"<a>{...xs}</a>", "<a>{...xs}</a>;"},
  {"<a>{x, y}</a>", "<a>{x,y}</a>;"},
  {"<a>{{b: 1}}</a>", "<a>{{b:1}}</a>;"},
  {"<a b=\"x\\ny\"/>", "<a b=\"x\\ny\"/>;"},
  {"<a b=\"multi\nline\"/>", "<a b=\"multi\nline\"/>;"},
  {"<a>\n  <b/>\n</a>", "<a>\n  <b/>\n</a>;"},
  {"x = a < <b/>", "x=a< <b/>;"},
  {"f(<a/>, <b/>)", "f(<a/>,<b/>);"},
  {"<a>=</a>", "<a>=</a>;"},
  {"<a /* c */ b // d\n/>", "<a b/>;"},
  {"<class for=\"x\"/>", "<class for=\"x\"/>;"},
  {"<Foo.Bar/>", "<Foo.Bar/>;"},
  {"<a>{x => <b>{x}</b>}</a>", "<a>{(x)=><b>{x}</b>}</a>;"},
  {"<a>//not a comment</a>", "<a>//not a comment</a>;"},
  {"<a b={1 in c}/>", "<a b={1 in c}/>;"},
  {"for (x = <a b={1 in c}/>;;) break", "for(x=<a b={1 in c}/>;;)break;"},
  {"<\u00e9l\u00e8ve/>", "<\u00e9l\u00e8ve/>;"},
};

static void jsx_roundtrip(void **state) {
  (void)state;
  run_rows(ROWS(roundtrip_rows), 0, check_roundtrip);
  run_rows(ROWS(roundtrip_rows), OPT_TSX, check_roundtrip);
}

/* The tree: names, attribute kinds, decoded values. */
static void jsx_tree(void **state) {
  (void)state;
  static const jsx_row rows[] = {
    {"<div/>", "(Program [(ExpressionStatement (JSXElement (JSXName div) [] []))])"},
    {"<Foo/>", "(Program [(ExpressionStatement (JSXElement (Identifier Foo) [] []))])"},
    {"<_x/>", "(Program [(ExpressionStatement (JSXElement (Identifier _x) [] []))])"},
    {"<a-b/>", "(Program [(ExpressionStatement (JSXElement (JSXName a-b) [] []))])"},
    {"<Foo-Bar/>", "(Program [(ExpressionStatement (JSXElement (JSXName Foo-Bar) [] []))])"},
    {"<this/>", "(Program [(ExpressionStatement (JSXElement (This) [] []))])"},
    {"<a.b/>", "(Program [(ExpressionStatement (JSXElement (Member (Identifier a) (Identifier b)) [] []))])"},
    {"<a b=\"&lt;&#65;&#x42;&bogus;&#;&#x;&amp\"/>",
     "(Program [(ExpressionStatement (JSXElement (JSXName a) [(JSXAttribute (JSXName b) (String \"<AB&bogus;&#;&#x;&amp\"))] []))])"},
    {"<>&nbsp;&euro;&#128512;</>", "(Program [(ExpressionStatement (JSXElement _ [] [(JSXText \"\u00a0\u20ac\U0001F600\")]))])"},
    {"<>&#1114111;&#1114112;</>", "(Program [(ExpressionStatement (JSXElement _ [] [(JSXText \"\U0010FFFF&#1114112;\")]))])"},
    {"<>&#X41;&Amp;</>", "(Program [(ExpressionStatement (JSXElement _ [] [(JSXText \"&#X41;&Amp;\")]))])"},
    {"<a {...b} c/>",
     "(Program [(ExpressionStatement (JSXElement (JSXName a) [(JSXSpread (Identifier b)) (JSXAttribute (JSXName c) _)] []))])"},
    {"<a>{}</a>", "(Program [(ExpressionStatement (JSXElement (JSXName a) [] [(JSXExpression _)]))])"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    js_ast *a = parse_jsx(rows[i].src, 0);
    char *out = NULL;
    if (a && !a->nerrors) js_ast_dump(a->program, &out, NULL);
    if (!out || strcmp(out, rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\ndumped:   %s\n\n", rows[i].src, rows[i].expected,
                  out ? out : a && a->nerrors ? a->errors[0].text : "oom");
      bad++;
    }
    free(out);
    js_ast_free(a);
  }
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- automatic runtime ------------------------------------------------------------------- */

#define IMP_JSX "import {jsx as _jsx} from\"react/jsx-runtime\";"
#define IMP_JSXS "import {jsxs as _jsxs} from\"react/jsx-runtime\";"

static const jsx_row automatic_rows[] = {
  {"<div/>", IMP_JSX "_jsx(\"div\",{});"},
  {"<div className=\"a\">hi</div>", IMP_JSX "_jsx(\"div\",{className:\"a\",children:\"hi\"});"},
  {"<div>a{b}</div>", IMP_JSXS "_jsxs(\"div\",{children:[\"a\",b]});"},
  {"<div><a/><b/></div>",
   "import {jsx as _jsx,jsxs as _jsxs} from\"react/jsx-runtime\";_jsxs(\"div\",{children:[_jsx(\"a\",{}),_jsx(\"b\",{})]});"},
  {"<Foo bar={1}/>", IMP_JSX "_jsx(Foo,{bar:1});"},
  {"<a.b.C/>", IMP_JSX "_jsx(a.b.C,{});"},
  {"<this.x/>", IMP_JSX "_jsx(this.x,{});"},
  {"<this/>", IMP_JSX "_jsx(this,{});"},
  {"<my-el/>", IMP_JSX "_jsx(\"my-el\",{});"},
  {"<Foo-Bar/>", IMP_JSX "_jsx(\"Foo-Bar\",{});"},
  {"<svg:rect xlink:href=\"#a\"/>", IMP_JSX "_jsx(\"svg:rect\",{\"xlink:href\":\"#a\"});"},
  {"<a data-x=\"1\" aria-hidden/>", IMP_JSX "_jsx(\"a\",{\"data-x\":\"1\",\"aria-hidden\":true});"},
  {"<a class=\"c\" for=\"f\"/>", IMP_JSX "_jsx(\"a\",{class:\"c\",for:\"f\"});"},
  {"<a key=\"k\" b/>", IMP_JSX "_jsx(\"a\",{b:true},\"k\");"},
  {"<a b key={i}/>", IMP_JSX "_jsx(\"a\",{b:true},i);"},
  {"<a key/>", IMP_JSX "_jsx(\"a\",{},true);"},
  {"<a key=\"1\" key=\"2\"/>", IMP_JSX "_jsx(\"a\",{key:\"2\"},\"1\");"},
  {"<a {...p}/>", IMP_JSX "_jsx(\"a\",{...p});"},
  {"<a {...p} b=\"1\" {...q}/>", IMP_JSX "_jsx(\"a\",{...p,b:\"1\",...q});"},
  {"<a key=\"k\" {...p}/>", IMP_JSX "_jsx(\"a\",{...p},\"k\");"},
  {"<a {...p} key=\"k\"/>", "import {createElement as _createElement} from\"react\";_createElement(\"a\",{...p,key:\"k\"});"},
  {"<a {...p} key=\"k\">x{y}</a>",
   "import {createElement as _createElement} from\"react\";_createElement(\"a\",{...p,key:\"k\"},\"x\",y);"},
  {"<>x</>", "import {jsx as _jsx,Fragment as _Fragment} from\"react/jsx-runtime\";_jsx(_Fragment,{children:\"x\"});"},
  {"<></>", "import {jsx as _jsx,Fragment as _Fragment} from\"react/jsx-runtime\";_jsx(_Fragment,{});"},
  {"<>{a}{b}</>", "import {jsxs as _jsxs,Fragment as _Fragment} from\"react/jsx-runtime\";_jsxs(_Fragment,{children:[a,b]});"},
  {"<a>{...xs}</a>", IMP_JSXS "_jsxs(\"a\",{children:[...xs]});"},
  {"<a>{x}{...xs}</a>", IMP_JSXS "_jsxs(\"a\",{children:[x,...xs]});"},
  {"<a>{/* nothing */}</a>", IMP_JSX "_jsx(\"a\",{});"},
  {"<a>{/* c */}x{}</a>", IMP_JSX "_jsx(\"a\",{children:\"x\"});"},
  {"<a children=\"c\">d</a>", IMP_JSX "_jsx(\"a\",{children:\"c\",children:\"d\"});"},
  {"<a b=<c/>/>", IMP_JSX "_jsx(\"a\",{b:_jsx(\"c\",{})});"},
  {"<a b={<c/>}/>", IMP_JSX "_jsx(\"a\",{b:_jsx(\"c\",{})});"},
  {"<a b=\"x&quot;y\"/>", IMP_JSX "_jsx(\"a\",{b:'x\"y'});"},
  {"<a b=\"x\\ny\"/>", IMP_JSX "_jsx(\"a\",{b:\"x\\\\ny\"});"},
  {"<a b=\"line\n  two\"/>", IMP_JSX "_jsx(\"a\",{b:\"line\\n  two\"});"},
  {"<a __proto__={p}/>", IMP_JSX "_jsx(\"a\",{[\"__proto__\"]:p});"},
  {"<a>{x ? <b/> : <c/>}</a>", IMP_JSX "_jsx(\"a\",{children:x?_jsx(\"b\",{}):_jsx(\"c\",{})});"},
  {"<ul>{xs.map(x => <li key={x}>{x}</li>)}</ul>",
   IMP_JSX "_jsx(\"ul\",{children:xs.map((x)=>_jsx(\"li\",{children:x},x))});"},
  {"\"use client\";\n<a/>", "\"use client\";" IMP_JSX "_jsx(\"a\",{});"},
  {"import x from \"y\";\n<a/>", IMP_JSX "import x from\"y\";_jsx(\"a\",{});"},
  {"f(<a/>)", IMP_JSX "f(_jsx(\"a\",{}));"},
  {"new (<a/>).b", IMP_JSX "new (_jsx(\"a\",{})).b();"},
  {"x = 1", "x=1;"},
};

static void jsx_automatic(void **state) {
  (void)state;
  run_rows(ROWS(automatic_rows), 0, check_lowered);
  run_rows(ROWS(automatic_rows), OPT_TSX, check_lowered);
}

/* Children text: lines trimmed, empty lines dropped, joined with a space, entities decoded after
 * trimming. */
static void jsx_whitespace(void **state) {
  (void)state;
  static const jsx_row rows[] = {
    {"<a> x </a>", IMP_JSX "_jsx(\"a\",{children:\" x \"});"},
    {"<a>\n  x\n</a>", IMP_JSX "_jsx(\"a\",{children:\"x\"});"},
    {"<a>\n  x  \n  y  \n</a>", IMP_JSX "_jsx(\"a\",{children:\"x y\"});"},
    {"<a>\n\n  x\n\n\n  y\n\n</a>", IMP_JSX "_jsx(\"a\",{children:\"x y\"});"},
    {"<a>  x  \n  y  </a>", IMP_JSX "_jsx(\"a\",{children:\"  x y  \"});"},
    {"<a>\n  </a>", IMP_JSX "_jsx(\"a\",{});"},
    {"<a>   </a>", IMP_JSX "_jsx(\"a\",{children:\"   \"});"},
    {"<a>\r\n  x\r\n  y\r\n</a>", IMP_JSX "_jsx(\"a\",{children:\"x y\"});"},
    {"<a>\r  x\r</a>", IMP_JSX "_jsx(\"a\",{children:\"x\"});"},
    {"<a>\t\tx\t\n\ty\t</a>", IMP_JSX "_jsx(\"a\",{children:\"\\t\\tx y\\t\"});"},
    {"<a>x\ty</a>", IMP_JSX "_jsx(\"a\",{children:\"x\\ty\"});"},
    {"<a>\n  x {y}\n  z\n</a>", IMP_JSXS "_jsxs(\"a\",{children:[\"x \",y,\"z\"]});"},
    {"<a>\n  <b/>\n  <c/>\n</a>",
     "import {jsx as _jsx,jsxs as _jsxs} from\"react/jsx-runtime\";_jsxs(\"a\",{children:[_jsx(\"b\",{}),_jsx(\"c\",{})]});"},
    {"<a>\n  &#32;x&#32;\n</a>", IMP_JSX "_jsx(\"a\",{children:\" x \"});"},
    {"<a>&nbsp;\n x</a>", IMP_JSX "_jsx(\"a\",{children:\"\u00a0 x\"});"},
    {"<a>a\u2028  b</a>", IMP_JSX "_jsx(\"a\",{children:\"a b\"});"},
    {"<a>&lt;b&gt; &amp;&amp; &copy; &#169; &#xA9;</a>", IMP_JSX "_jsx(\"a\",{children:\"<b> && \u00a9 \u00a9 \u00a9\"});"},
    {"<a>&unknown; &amp</a>", IMP_JSX "_jsx(\"a\",{children:\"&unknown; &amp\"});"},
    {"<a>\u00e9t\u00e9 \U0001F600</a>", IMP_JSX "_jsx(\"a\",{children:\"\u00e9t\u00e9 \U0001F600\"});"},
  };
  run_rows(ROWS(rows), 0, check_lowered);
}

/* ---- classic runtime --------------------------------------------------------------------- */

static const jsx_row classic_rows[] = {
  {"<div/>", "React.createElement(\"div\",null);"},
  {"<div a=\"1\" b/>", "React.createElement(\"div\",{a:\"1\",b:true});"},
  {"<div key=\"k\" a/>", "React.createElement(\"div\",{key:\"k\",a:true});"},
  {"<div {...p}/>", "React.createElement(\"div\",{...p});"},
  {"<div>a{b}<c/></div>", "React.createElement(\"div\",null,\"a\",b,React.createElement(\"c\",null));"},
  {"<div>{...xs}</div>", "React.createElement(\"div\",null,...xs);"},
  {"<>x</>", "React.createElement(React.Fragment,null,\"x\");"},
  {"<Foo.Bar x={1}>\n  hi\n</Foo.Bar>", "React.createElement(Foo.Bar,{x:1},\"hi\");"},
  {"/** @jsx h */\n<a>x</a>", "h(\"a\",null,\"x\");"},
  {"/** @jsx preact.h */ /** @jsxFrag preact.Fragment */\n<>x</>", "preact.h(preact.Fragment,null,\"x\");"},
  {"// @jsx h\n// @jsxFrag Frag\n<><b/></>", "h(Frag,null,h(\"b\",null));"},
  {"/* @jsxRuntime automatic */ <a/>", IMP_JSX "_jsx(\"a\",{});"},
  {"/* @jsxImportSource preact */ <a/>", "import {jsx as _jsx} from\"preact/jsx-runtime\";_jsx(\"a\",{});"},
};

static void jsx_classic(void **state) {
  (void)state;
  run_rows(ROWS(classic_rows), OPT_CLASSIC, check_lowered);
}

/* ---- pragmas over the automatic default, script goal, development, helper names ---------- */

static void jsx_pragmas(void **state) {
  (void)state;
  static const jsx_row rows[] = {
    {"/** @jsxRuntime classic */\n<a/>", "React.createElement(\"a\",null);"},
    {"/** @jsxRuntime classic @jsx h @jsxFrag F */\n<>x</>", "h(F,null,\"x\");"},
    {"/** @jsxImportSource preact */\n<>x</>",
     "import {jsx as _jsx,Fragment as _Fragment} from\"preact/jsx-runtime\";_jsx(_Fragment,{children:\"x\"});"},
    {"/** @jsxImportSource @emotion/react */\n<a/>", "import {jsx as _jsx} from\"@emotion/react/jsx-runtime\";_jsx(\"a\",{});"},
    {"<a/>;\n/* @jsxImportSource later */", "import {jsx as _jsx} from\"later/jsx-runtime\";_jsx(\"a\",{});"},
    {"/** @jsx h */\n<a/>", IMP_JSX "_jsx(\"a\",{});"},
    {"/** email@jsx h */\n<a/>", IMP_JSX "_jsx(\"a\",{});"},
    {"\"/* @jsxRuntime classic */\";\n<a/>", "\"/* @jsxRuntime classic */\";" IMP_JSX "_jsx(\"a\",{});"},
    {"<a>/* @jsxRuntime classic */</a>", IMP_JSX "_jsx(\"a\",{children:\"/* @jsxRuntime classic */\"});"},
    {"<a>{/* @jsxRuntime classic */}</a>", "React.createElement(\"a\",null);"},
  };
  run_rows(ROWS(rows), 0, check_lowered);
}

static void jsx_script_goal(void **state) {
  (void)state;
  static const jsx_row rows[] = {
    {"<a/>", "const {jsx:_jsx}=require(\"react/jsx-runtime\");_jsx(\"a\",{});"},
    {"\"use strict\";\n<>{a}{b}</>",
     "\"use strict\";const {jsxs:_jsxs,Fragment:_Fragment}=require(\"react/jsx-runtime\");_jsxs(_Fragment,{children:[a,b]});"},
    {"<a {...p} key=\"k\"/>", "const {createElement:_createElement}=require(\"react\");_createElement(\"a\",{...p,key:\"k\"});"},
  };
  run_rows(ROWS(rows), OPT_SCRIPT, check_lowered);
}

static void jsx_development(void **state) {
  (void)state;
  static const jsx_row rows[] = {
    {"<a/>", "import {jsxDEV as _jsxDEV} from\"react/jsx-dev-runtime\";"
             "_jsxDEV(\"a\",{},void 0,false,{fileName:\"app.jsx\",lineNumber:1,columnNumber:1},void 0);"},
    {"\n  <a key=\"k\">{x}{y}</a>", "import {jsxDEV as _jsxDEV} from\"react/jsx-dev-runtime\";"
             "_jsxDEV(\"a\",{children:[x,y]},\"k\",true,{fileName:\"app.jsx\",lineNumber:2,columnNumber:3},void 0);"},
    {"<>x</>", "import {jsxDEV as _jsxDEV,Fragment as _Fragment} from\"react/jsx-dev-runtime\";"
               "_jsxDEV(_Fragment,{children:\"x\"},void 0,false,{fileName:\"app.jsx\",lineNumber:1,columnNumber:1},void 0);"},
  };
  run_rows(ROWS(rows), OPT_DEV, check_lowered);
  /* Development mode is a variant of the automatic runtime only. */
  static const jsx_row classic[] = {{"<a/>", "React.createElement(\"a\",null);"}};
  run_rows(ROWS(classic), OPT_DEV | OPT_CLASSIC, check_lowered);
}

static void jsx_helper_names(void **state) {
  (void)state;
  static const jsx_row rows[] = {
    {"const _jsx = 1;\n<a/>", "import {jsx as _jsx2} from\"react/jsx-runtime\";const _jsx=1;_jsx2(\"a\",{});"},
    {"let _jsx, _jsx2;\n<a/>", "import {jsx as _jsx3} from\"react/jsx-runtime\";let _jsx,_jsx2;_jsx3(\"a\",{});"},
    {"<_jsx/>", "import {jsx as _jsx2} from\"react/jsx-runtime\";_jsx2(_jsx,{});"},
    {"function f(_Fragment) { return <></>; }",
     "import {jsx as _jsx,Fragment as _Fragment2} from\"react/jsx-runtime\";function f(_Fragment){return _jsx(_Fragment2,{});}"},
    {"o._jsxs = <a>{b}{c}</a>", "import {jsxs as _jsxs2} from\"react/jsx-runtime\";o._jsxs=_jsxs2(\"a\",{children:[b,c]});"},
  };
  run_rows(ROWS(rows), 0, check_lowered);
}

/* ---- errors ------------------------------------------------------------------------------ */

static const jsx_row error_rows[] = {
  {"<a></b>", "1:6: Expected corresponding JSX closing tag for <a>"},
  {"<a.b></a.c>", "1:8: Expected corresponding JSX closing tag for <a.b>"},
  {"<a.b></a>", "1:8: Expected corresponding JSX closing tag for <a.b>"},
  {"<a><b></a>", "1:9: Expected corresponding JSX closing tag for <b>"},
  {"<svg:a></svg:b>", "1:10: Expected corresponding JSX closing tag for <svg:a>"},
  {"<a></>", "1:6: Expected corresponding JSX closing tag for <a>"},
  {"<></a>", "1:5: Expected corresponding closing tag for JSX fragment"},
  {"<a>", "1:4: Expected corresponding JSX closing tag for <a>"},
  {"<>x", "1:4: Expected corresponding closing tag for JSX fragment"},
  {"<a>x > y</a>", "1:6: Unexpected token. Did you mean `{'>'}` or `&gt;`?"},
  {"<a>x } y</a>", "1:6: Unexpected token. Did you mean `{'}'}` or `&rbrace;`?"},
  {"<a>\n  }</a>", "2:3: Unexpected token. Did you mean `{'}'}` or `&rbrace;`?"},
  {"<a b={}/>", "1:6: JSX attributes must only be assigned a non-empty expression"},
  {"<a b=1/>", "1:6: JSX value should be either an expression or a quoted JSX text"},
  {"<a b={...c}/>", "1:6: Unexpected token '...'"},
  {"<a {b}/>", "1:5: Unexpected identifier 'b'"},
  {"<a b=\"x/>", "1:6: Unterminated string constant"},
  {"<a>{x</a>", "1:7: Invalid regular expression: missing /"},
  {"<a-b.c/>", "1:2: Unexpected token '-'"},
  {"<a.b-c/>", "1:4: Unexpected token '-'"},
  {"<a:b.c/>", "1:5: Unexpected token '.'"},
  {"<a></a b>", "1:8: Unexpected identifier 'b'"},
  {"<1/>", "1:2: Unexpected number"},
  {"<a\\u0062/>", "1:2: Invalid or unexpected token"},
  {"<a b=c/>", "1:6: JSX value should be either an expression or a quoted JSX text"},
  {"<a><</a>", "1:5: Unexpected token '<'"},
  {"/** @jsxRuntime modern */ <a/>", "1:1: Runtime must be either \"classic\" or \"automatic\", not \"modern\""},
};

static void jsx_errors(void **state) {
  (void)state;
  run_rows(ROWS(error_rows), 0, check_jsx_error);
  static const jsx_row classic[] = {
    {"/** @jsx 1h */ <a/>", "1:1: Invalid JSX factory '1h': expected an identifier or a dotted name"},
    {"/** @jsxFrag a..b */ <a/>", "1:1: Invalid JSX fragment 'a..b': expected an identifier or a dotted name"},
  };
  run_rows(ROWS(classic), OPT_CLASSIC, check_jsx_error);
}

/* TSX: type arguments after an element name (`<C<T> />`) are read as types and erased. */
static void jsx_type_arguments(void **state) {
  (void)state;
  static const jsx_row printed[] = {
    {"<Comp<string> msg=\"1\" />", "<Comp msg=\"1\"/>;"},
    {"<Comp<string>>x</Comp>", "<Comp>x</Comp>;"},
    {"<Comp<Array<number>>>x</Comp>", "<Comp>x</Comp>;"},
    {"<Comp<Array<number>> />", "<Comp/>;"},
    {"<Comp<Map<string, Array<T>>>/>", "<Comp/>;"},
    {"<a.B<{x: 1}, () => void> data-y={2} {...z}></a.B>", "<a.B data-y={2} {...z}/>;"},
    {"<Comp<string>\n  msg=\"1\"\n/>", "<Comp msg=\"1\"/>;"},
    {"<Comp<typeof x[number]> b=<Comp<1> />/>", "<Comp b=<Comp/>/>;"},
    {"<Comp\u00e9<\u00e9> \u00e9=\"1\" />", "<Comp\u00e9 \u00e9=\"1\"/>;"},
  };
  run_rows(ROWS(printed), OPT_TSX, check_roundtrip);
  static const jsx_row lowered[] = {
    {"<Comp<string> msg=\"1\" />", IMP_JSX "_jsx(Comp,{msg:\"1\"});"},
    {"<Comp<Array<number>>>x</Comp>", IMP_JSX "_jsx(Comp,{children:\"x\"});"},
  };
  run_rows(ROWS(lowered), OPT_TSX, check_lowered);
  static const jsx_row errors[] = {
    {"<Comp<> />", "1:7: Type argument list cannot be empty."},
    {"<Comp<string />", "1:14: Unexpected token '/'"},
    {"<Comp<string>>x</Comp<string>>", "1:22: Unexpected token '<'"},
  };
  run_rows(ROWS(errors), OPT_TSX, check_jsx_error);
  /* JSX without TypeScript has no type arguments. */
  static const jsx_row jsx_errors_[] = {{"<Comp<string> />", "1:6: Unexpected token '<'"}};
  run_rows(ROWS(jsx_errors_), 0, check_jsx_error);
}

/* Without JSX on, `<` does not start an element. */
static void jsx_off_in_js(void **state) {
  (void)state;
  js_parse_options po = {0};
  js_ast *a = js_parse("<a/>", 4, &po);
  assert_non_null(a);
  assert_true(a->nerrors > 0);
  assert_string_equal(a->errors[0].message, "Unexpected token '<'");
  js_ast_free(a);
  /* ...and comments are not searched for pragmas. */
  a = js_parse("/* @jsx h */ 1", 14, &po);
  assert_non_null(a);
  assert_int_equal(a->jsx_pragmas.jsx.len, 0);
  js_ast_free(a);
}

/* Nesting is bounded: deep elements, attribute-value elements and member tags report an error
 * instead of exhausting the stack. */
static void jsx_depth(void **state) {
  (void)state;
  size_t n = 100000;
  char *src = malloc(n * 7 + 16);
  assert_non_null(src);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) o += (size_t)sprintf(src + o, "<a>");
  for (size_t i = 0; i < n; i++) o += (size_t)sprintf(src + o, "</a>");
  js_parse_options po = {.lang = JS_LANG_JSX};
  js_ast *a = js_parse(src, o, &po);
  assert_non_null(a);
  assert_true(a->nerrors > 0);
  assert_string_equal(a->errors[0].message, "Maximum nesting depth exceeded");
  js_ast_free(a);

  o = 0;
  for (size_t i = 0; i < n; i++) o += (size_t)sprintf(src + o, "<a b=");
  o += (size_t)sprintf(src + o, "<c/>");
  for (size_t i = 0; i < n; i++) o += (size_t)sprintf(src + o, "/>");
  a = js_parse(src, o, &po);
  assert_non_null(a);
  assert_true(a->nerrors > 0);
  js_ast_free(a);

  o = (size_t)sprintf(src, "<a");
  for (size_t i = 0; i < n; i++) o += (size_t)sprintf(src + o, ".b");
  o += (size_t)sprintf(src + o, "/>");
  a = js_parse(src, o, &po);
  assert_non_null(a);
  assert_true(a->nerrors > 0);
  js_ast_free(a);

  /* Just under the bound: parses, lowers and prints. */
  o = 0;
  for (size_t i = 0; i < 300; i++) o += (size_t)sprintf(src + o, "<a>");
  for (size_t i = 0; i < 300; i++) o += (size_t)sprintf(src + o, "</a>");
  a = js_parse(src, o, &po);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  assert_int_equal(js_jsx_lower(a, NULL), 0);
  char *out = js_print(a->program, NULL, NULL);
  assert_non_null(out);
  assert_non_null(strstr(out, "_jsx(\"a\", {children: _jsx(\"a\", {})})"));
  free(out);
  js_ast_free(a);
  free(src);
}

/* Arbitrary prefixes of JSX must fail cleanly (no crash, an error, no tree). */
static void jsx_truncated(void **state) {
  (void)state;
  const char *src = "<A.b c=\"&amp;\" d={e} {...f} g=<h/> xlink:i='j'>\n  text &lt; {k}{/* l */}{...m}<>n</></A.b>";
  size_t len = strlen(src);
  js_parse_options po = {.lang = JS_LANG_JSX};
  for (size_t i = 1; i < len; i++) {
    js_ast *a = js_parse(src, i, &po);
    assert_non_null(a);
    if (!a->nerrors) {
      /* a prefix can be complete JSX only at the very end */
      fail_msg("prefix of %zu bytes parsed", i);
    }
    assert_null(a->program);
    js_ast_free(a);
  }
  js_ast *a = js_parse(src, len, &po);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(jsx_roundtrip),     cmocka_unit_test(jsx_tree),      cmocka_unit_test(jsx_automatic),
    cmocka_unit_test(jsx_whitespace),    cmocka_unit_test(jsx_classic),   cmocka_unit_test(jsx_pragmas),
    cmocka_unit_test(jsx_script_goal),   cmocka_unit_test(jsx_development), cmocka_unit_test(jsx_helper_names),
    cmocka_unit_test(jsx_errors),        cmocka_unit_test(jsx_off_in_js), cmocka_unit_test(jsx_depth),
    cmocka_unit_test(jsx_truncated),     cmocka_unit_test(jsx_type_arguments),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
