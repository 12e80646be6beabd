/* The ECMAScript lexer. It produces one token at a time (the parser keeps one token of lookahead
 * and peeks further by saving and restoring the lexer state). `/` and `}` are ambiguous in the
 * lexical grammar; the lexer always returns the division and punctuator readings, and the parser,
 * which knows the syntactic context, asks for a rescan as a regular expression or as a template
 * continuation.
 *
 * The lexer never fails by itself: a malformed token comes back as JS_T_ERROR with a message and
 * the parser decides whether to report it (a peek may run into an error the parse never reaches).
 * Decoded strings are allocated in the arena given at init. */
#ifndef JS_LEXER_H
#define JS_LEXER_H

#include <stdbool.h>
#include <stdint.h>

#include "compiler/arena.h"
#include "compiler/ast.h"

typedef enum js_tok {
  JS_T_EOF = 0,
  JS_T_ERROR,
  JS_T_NAME,       /* IdentifierName, keywords included (see kw) */
  JS_T_PRIVATE,    /* #name */
  JS_T_NUMBER,
  JS_T_BIGINT,
  JS_T_STRING,
  JS_T_TEMPLATE,        /* `...` without substitutions */
  JS_T_TEMPLATE_HEAD,   /* `...${ */
  JS_T_TEMPLATE_MIDDLE, /* }...${ (after a rescan) */
  JS_T_TEMPLATE_TAIL,   /* }...` (after a rescan) */
  JS_T_REGEXP,          /* after a rescan */
  /* punctuators */
  JS_T_LBRACE, JS_T_RBRACE, JS_T_LPAREN, JS_T_RPAREN, JS_T_LBRACKET, JS_T_RBRACKET,
  JS_T_DOT, JS_T_ELLIPSIS, JS_T_SEMI, JS_T_COMMA, JS_T_QUESTION, JS_T_QUESTION_DOT, JS_T_COLON,
  JS_T_ARROW, JS_T_AT, JS_T_HASH,
  JS_T_LT, JS_T_GT, JS_T_LE, JS_T_GE, JS_T_EQ, JS_T_NE, JS_T_SEQ, JS_T_SNE,
  JS_T_PLUS, JS_T_MINUS, JS_T_STAR, JS_T_SLASH, JS_T_PERCENT, JS_T_STARSTAR,
  JS_T_INC, JS_T_DEC, JS_T_SHL, JS_T_SAR, JS_T_SHR, JS_T_AMP, JS_T_PIPE, JS_T_CARET,
  JS_T_BANG, JS_T_TILDE, JS_T_AND, JS_T_OR, JS_T_NULLISH,
  JS_T_ASSIGN, JS_T_PLUS_ASSIGN, JS_T_MINUS_ASSIGN, JS_T_STAR_ASSIGN, JS_T_SLASH_ASSIGN,
  JS_T_PERCENT_ASSIGN, JS_T_STARSTAR_ASSIGN, JS_T_SHL_ASSIGN, JS_T_SAR_ASSIGN, JS_T_SHR_ASSIGN,
  JS_T_AMP_ASSIGN, JS_T_PIPE_ASSIGN, JS_T_CARET_ASSIGN, JS_T_AND_ASSIGN, JS_T_OR_ASSIGN,
  JS_T_NULLISH_ASSIGN,
  JS_T_JSX_TEXT,        /* JSX child text (js_lexer_next_jsx_child); value = the raw source range */
  JS_T_COUNT
} js_tok;

/* Keyword identity of a JS_T_NAME token, whatever its role; 0 for ordinary names. Reserved words
 * come first, then the words reserved only in strict code, then contextual words. */
typedef enum js_kw {
  JS_KW_NONE = 0,
  JS_KW_BREAK, JS_KW_CASE, JS_KW_CATCH, JS_KW_CLASS, JS_KW_CONST, JS_KW_CONTINUE,
  JS_KW_DEBUGGER, JS_KW_DEFAULT, JS_KW_DELETE, JS_KW_DO, JS_KW_ELSE, JS_KW_ENUM, JS_KW_EXPORT,
  JS_KW_EXTENDS, JS_KW_FALSE, JS_KW_FINALLY, JS_KW_FOR, JS_KW_FUNCTION, JS_KW_IF, JS_KW_IMPORT,
  JS_KW_IN, JS_KW_INSTANCEOF, JS_KW_NEW, JS_KW_NULL, JS_KW_RETURN, JS_KW_SUPER, JS_KW_SWITCH,
  JS_KW_THIS, JS_KW_THROW, JS_KW_TRUE, JS_KW_TRY, JS_KW_TYPEOF, JS_KW_VAR, JS_KW_VOID,
  JS_KW_WHILE, JS_KW_WITH,
  JS_KW_LAST_RESERVED = JS_KW_WITH,
  /* reserved in strict mode code */
  JS_KW_IMPLEMENTS, JS_KW_INTERFACE, JS_KW_LET, JS_KW_PACKAGE, JS_KW_PRIVATE, JS_KW_PROTECTED,
  JS_KW_PUBLIC, JS_KW_STATIC, JS_KW_YIELD,
  JS_KW_LAST_STRICT_RESERVED = JS_KW_YIELD,
  /* contextual */
  JS_KW_AWAIT, JS_KW_ASYNC, JS_KW_AS, JS_KW_FROM, JS_KW_GET, JS_KW_SET, JS_KW_OF, JS_KW_TARGET,
  JS_KW_META, JS_KW_USING, JS_KW_EVAL, JS_KW_ARGUMENTS, JS_KW_CONSTRUCTOR, JS_KW_PROTOTYPE,
  JS_KW_COUNT
} js_kw;

/* Token flags */
enum {
  JS_TF_NL_BEFORE = 1 << 0,      /* a line terminator precedes the token */
  JS_TF_ESCAPED = 1 << 1,        /* name with \u escapes */
  JS_TF_LEGACY_OCTAL = 1 << 2,   /* number 017 or 08 (forbidden in strict code) */
  JS_TF_OCTAL_ESCAPE = 1 << 3,   /* string with \1-\7, \0 before a digit, \8 or \9 */
  JS_TF_INVALID_ESCAPE = 1 << 4, /* template with an escape that has no cooked value */
  JS_TF_HAS_ESCAPE = 1 << 5,     /* string or template with any escape or line continuation */
};

typedef struct js_token {
  uint8_t type;   /* js_tok */
  uint8_t kw;     /* js_kw for JS_T_NAME */
  uint16_t flags; /* JS_TF_* */
  uint32_t start, end;
  uint32_t line, col; /* of start; line 1-based, col 0-based UTF-16 units */
  js_str value;   /* NAME/PRIVATE: decoded name; STRING/TEMPLATE*: cooked (ptr NULL if invalid);
                     REGEXP: pattern; BIGINT: decimal digits */
  js_str raw;     /* TEMPLATE*: raw text with line ends normalised; REGEXP: flags */
  double num;     /* NUMBER */
  uint32_t esc_off; /* offset of the escape behind OCTAL_ESCAPE / INVALID_ESCAPE */
  const char *error; /* JS_T_ERROR: message */
  uint32_t err_off;  /* JS_T_ERROR: where */
} js_token;

typedef struct js_lexer_state {
  uint32_t pos, line, line_start, col_adjust;
  js_token tok;
} js_lexer_state;

typedef struct js_lexer {
  const uint8_t *src;
  uint32_t len;
  uint32_t pos;         /* next byte to read */
  uint32_t line;        /* current line, 1-based */
  uint32_t line_start;  /* offset of its first byte */
  uint32_t col_adjust;  /* bytes minus UTF-16 units on this line before pos */
  bool module;          /* module goal: no HTML-like comments */
  bool oom;             /* an allocation failed; tokens may be incomplete */
  js_arena *arena;
  js_token tok;
  js_str hashbang;      /* text after #! on the first line, if any */
  bool jsx;             /* JSX is on: comments are searched for @jsx pragmas */
  js_str jsx_pragmas[4];/* values of @jsx, @jsxFrag, @jsxRuntime, @jsxImportSource (JS_JSX_PRAGMA_*) */
  char *buf;            /* scratch for decoded text, malloc'd */
  uint32_t buf_len, buf_cap;
} js_lexer;

/* Sets up a lexer over src[0..len) and skips a leading BOM and hashbang. The first token is read
 * by the first js_lexer_next. */
void js_lexer_init(js_lexer *lx, const char *src, uint32_t len, js_arena *arena, bool module);
void js_lexer_free(js_lexer *lx);

/* Reads the next token into lx->tok. */
void js_lexer_next(js_lexer *lx);

/* The current token is `/` or `/=` in a place where an expression starts: reads it again as a
 * regular expression literal (flags checked, pattern not). */
void js_lexer_rescan_regexp(js_lexer *lx);

/* The current token is `}` closing a template substitution: reads it again as the template's
 * continuation (JS_T_TEMPLATE_MIDDLE or JS_T_TEMPLATE_TAIL). */
void js_lexer_rescan_template(js_lexer *lx);

/* JSX reads its own tokens where the JavaScript grammar does not apply (parse_jsx.c calls these
 * instead of js_lexer_next). Inside a tag, names may contain '-' (`data-x`, then value spans the
 * whole name and kw is 0), strings have no escapes and may span lines (value = the text between
 * the quotes, undecoded), and `>` is always a token of its own (`<a>=</a>`). Everything else is
 * read as in JavaScript. */
void js_lexer_next_jsx_tag(js_lexer *lx);
/* Between children: `<`, `{`, end of input, or JS_T_JSX_TEXT up to the next `<` or `{`. A `>` or
 * `}` in the text is an error token with TypeScript's message. */
void js_lexer_next_jsx_child(js_lexer *lx);

enum { JS_JSX_PRAGMA_JSX, JS_JSX_PRAGMA_FRAG, JS_JSX_PRAGMA_RUNTIME, JS_JSX_PRAGMA_IMPORT_SOURCE };

static inline void js_lexer_save(const js_lexer *lx, js_lexer_state *s) {
  s->pos = lx->pos;
  s->line = lx->line;
  s->line_start = lx->line_start;
  s->col_adjust = lx->col_adjust;
  s->tok = lx->tok;
}
static inline void js_lexer_restore(js_lexer *lx, const js_lexer_state *s) {
  lx->pos = s->pos;
  lx->line = s->line;
  lx->line_start = s->line_start;
  lx->col_adjust = s->col_adjust;
  lx->tok = s->tok;
}

/* Line and column of an offset at or before the lexer's position, by rescanning from the start
 * of its line (used for error positions that are not token starts). */
void js_lexer_position(const js_lexer *lx, uint32_t offset, uint32_t *line, uint32_t *col);

const char *js_tok_text(js_tok t);
const char *js_kw_text(js_kw k);

#endif
