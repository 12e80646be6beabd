/* The URL Standard's parser and serializer (https://url.spec.whatwg.org/), written from the spec's
 * state machine. The parser works on UTF-8 bytes: every code point the state machine looks at is
 * ASCII, and every non-ASCII code point is percent-encoded as its UTF-8 bytes in every encode set,
 * so handling bytes one by one gives the same result as handling code points. Invalid UTF-8 is
 * replaced by U+FFFD before parsing, as converting a JS string to a USVString would. */
#include "web/url.h"
#include "web/url_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uidna.h>

/* ---- growing byte buffers ---- */

typedef dx_url_buf buf;

/* Buffers start in caller-provided storage when they are short-lived (LOCAL_BUF) and move to the
 * heap only when they outgrow it: parsing a typical URL then allocates nothing but its href. */
#define LOCAL_BUF(name, size) \
    char name##_store[size]; \
    buf name = {name##_store, 0, size, true}; \
    name##_store[0] = 0

static void buf_reserve(buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap * 2 : 32;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p;
    if (b->borrowed) {
        p = malloc(cap);
        if (p && b->p) memcpy(p, b->p, b->len + 1);
        b->borrowed = false;
    } else {
        p = realloc(b->p, cap);
    }
    if (!p) abort();
    b->p = p;
    b->cap = cap;
}
static inline void buf_putc(buf *b, char c) {
    if (b->len + 2 > b->cap) buf_reserve(b, 1);
    b->p[b->len++] = c;
    b->p[b->len] = 0;
}
static void buf_put(buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }
static void buf_set(buf *b, const char *s, size_t n) { b->len = 0; buf_put(b, s, n); }
static void buf_clear(buf *b) { b->len = 0; if (b->p) b->p[0] = 0; }
static void buf_free(buf *b) {
    if (!b->borrowed) free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->borrowed = false;
}
static bool buf_eq(const buf *b, const char *s) { return b->len == strlen(s) && memcmp(b->p, s, b->len) == 0; }

/* ---- character classes and percent-encode sets ---- */

static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int hex_val(int c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

enum { SET_C0, SET_FRAGMENT, SET_QUERY, SET_SPECIAL_QUERY, SET_PATH, SET_USERINFO, SET_COMPONENT, SET_FORM };

/* Each set includes the one before it, except that the fragment set and the query sets branch
 * off the C0 control set separately (the spec defines them that way). */
static bool in_set(unsigned char c, int set) {
    if (c < 0x20 || c > 0x7E) return true;
    switch (set) {
    case SET_C0: return false;
    case SET_FRAGMENT: return c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
    case SET_SPECIAL_QUERY: if (c == '\'') return true; /* fall through */
    case SET_QUERY: return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
    default: break;
    }
    if (c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' || c == '?' || c == '^' || c == '`' ||
        c == '{' || c == '}')
        return true;
    if (set == SET_PATH) return false;
    if (c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || c == '[' || c == '\\' || c == ']' ||
        c == '|')
        return true;
    if (set == SET_USERINFO) return false;
    if (c == '$' || c == '%' || c == '&' || c == '+' || c == ',') return true;
    if (set == SET_COMPONENT) return false;
    return c == '!' || c == '\'' || c == '(' || c == ')' || c == '~';
}

/* enc_table[set][c]: whether c is in the set; built once from in_set. */
static unsigned char enc_table[SET_FORM + 1][256];
/* What the fast path's path state does with each byte (see fast_path). */
enum { PC_COPY, PC_ENCODE, PC_END, PC_DECLINE };
static unsigned char path_class[256];
/* Bytes a path keeps as they are (PC_COPY), and the same without ':' and '|' for file: URLs. */
static bool path_plain[256], path_plain_file[256];
/* What the fast path's authority scan does with each byte: nothing (0), stop, decline, or note it. */
enum { AC_END = 1, AC_DECLINE, AC_BRACKET, AC_AT, AC_COLON };
static unsigned char auth_class[256];
/* Host bytes that UTS #46 maps to their lower case and the host parser keeps as they are: the lower
 * case of each, 0 for the others. */
static char host_lower[256];
/* Bytes of a scheme after its first letter. */
static bool scheme_byte[256];
static pthread_once_t enc_once = PTHREAD_ONCE_INIT;
static void enc_init(void) {
    auth_class['/'] = auth_class['?'] = auth_class['#'] = AC_END;
    auth_class['\\'] = AC_DECLINE;
    auth_class['['] = AC_BRACKET;
    auth_class['@'] = AC_AT;
    auth_class[':'] = AC_COLON;
    for (int c = 0; c < 256; c++)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')
            host_lower[c] = (char)c;
    for (int c = 'A'; c <= 'Z'; c++) host_lower[c] = (char)(c + 32);
    for (int c = 0; c < 256; c++) scheme_byte[c] = is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
    for (int set = 0; set <= SET_FORM; set++)
        for (int c = 0; c < 256; c++) enc_table[set][c] = in_set((unsigned char)c, set);
    for (int c = 0; c < 256; c++)
        path_class[c] = c == '/' || c == '?' || c == '#' ? PC_END : c == '\\' ? PC_DECLINE
                      : enc_table[SET_PATH][c] ? PC_ENCODE : PC_COPY;
    for (int c = 0; c < 256; c++) {
        path_plain[c] = path_class[c] == PC_COPY;
        path_plain_file[c] = path_plain[c] && c != ':' && c != '|';
    }
}

static inline void put_enc(buf *b, unsigned char c, int set) {
    static const char hex[] = "0123456789ABCDEF";
    if (!enc_table[set][c]) { buf_putc(b, (char)c); return; }
    char t[3] = {'%', hex[c >> 4], hex[c & 15]};
    buf_put(b, t, 3);
}
/* Appends runs of bytes that need no encoding with one copy each. */
static void put_enc_str(buf *b, const char *s, size_t n, int set) {
    pthread_once(&enc_once, enc_init);
    const unsigned char *t = enc_table[set];
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && !t[(unsigned char)s[j]]) j++;
        buf_put(b, s + i, j - i);
        if (j < n) put_enc(b, (unsigned char)s[j], set);
        i = j + 1;
    }
}

void dx_url_percent_decode(buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && is_hex((unsigned char)s[i + 1]) && is_hex((unsigned char)s[i + 2])) {
            buf_putc(b, (char)(hex_val((unsigned char)s[i + 1]) * 16 + hex_val((unsigned char)s[i + 2])));
            i += 2;
        } else {
            buf_putc(b, s[i]);
        }
    }
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if it is ill-formed. */
static size_t utf8_valid_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return 0;
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++) if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    return len;
}

/* Copies s into b with every ill-formed UTF-8 byte replaced by U+FFFD. */
static void put_utf8_clean(buf *b, const char *s, size_t n, bool drop_tab_newline) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        /* A run of printable ASCII is copied at once. */
        size_t j = i;
        while (j < n && u[j] >= 0x20 && u[j] < 0x80) j++;
        if (j > i) { buf_put(b, s + i, j - i); i = j; continue; }
        if (drop_tab_newline && (u[i] == '\t' || u[i] == '\n' || u[i] == '\r')) { i++; continue; }
        size_t l = utf8_valid_len(u + i, n - i);
        if (l) { buf_put(b, s + i, l); i += l; continue; }
        buf_put(b, "\xEF\xBF\xBD", 3);
        /* A surrogate encoded as UTF-8 (how a lone surrogate of a JS string may arrive) is one
         * code point, so one replacement character. */
        if (u[i] == 0xED && i + 2 < n && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF && u[i + 2] >= 0x80 && u[i + 2] <= 0xBF) i += 3;
        else i++;
    }
}

/* ---- the URL record ---- */

typedef struct rec {
    buf scheme, username, password, host, path, query, fragment;
    int host_type;       /* dx_url_host_type; NONE means null */
    int port;            /* -1: null */
    bool has_query, has_fragment, opaque_path;
    /* First storage of the components (see LOCAL_BUF); a record must not be copied. */
    char s_scheme[16], s_username[32], s_password[32], s_host[64], s_path[192], s_query[160], s_fragment[64];
} rec;

static void rec_init(rec *r) {
#define INIT(f) r->f = (buf){r->s_##f, 0, sizeof r->s_##f, true}; r->s_##f[0] = 0
    INIT(scheme); INIT(username); INIT(password); INIT(host); INIT(path); INIT(query); INIT(fragment);
#undef INIT
    r->host_type = DX_URL_HOST_NONE;
    r->port = -1;
    r->has_query = r->has_fragment = r->opaque_path = false;
}

static void rec_free(rec *r) {
    buf_free(&r->scheme); buf_free(&r->username); buf_free(&r->password); buf_free(&r->host);
    buf_free(&r->path); buf_free(&r->query); buf_free(&r->fragment);
}

static int default_port(const char *s, size_t n) {
    switch (n) {
    case 2: return s[0] == 'w' && s[1] == 's' ? 80 : -1;
    case 3:
        if (s[0] == 'w' && s[1] == 's' && s[2] == 's') return 443;
        return s[0] == 'f' && s[1] == 't' && s[2] == 'p' ? 21 : -1;
    case 4: return memcmp(s, "http", 4) == 0 ? 80 : -1;
    case 5: return memcmp(s, "https", 5) == 0 ? 443 : -1;
    default: return -1;
    }
}
static bool is_special_scheme(const char *s, size_t n) {
    return default_port(s, n) >= 0 || (n == 4 && memcmp(s, "file", 4) == 0);
}
static bool rec_special(const rec *r) { return is_special_scheme(r->scheme.p ? r->scheme.p : "", r->scheme.len); }
static bool rec_is_file(const rec *r) { return buf_eq(&r->scheme, "file"); }
static bool rec_has_credentials(const rec *r) { return r->username.len || r->password.len; }

/* Number of segments in a non-opaque path, which is stored serialized ("/a/b"). */
static size_t path_segments(const rec *r) {
    size_t n = 0;
    for (size_t i = 0; i < r->path.len; i++) n += r->path.p[i] == '/';
    return n;
}

static bool is_wdl(const char *s, size_t n) { return n == 2 && is_alpha((unsigned char)s[0]) && (s[1] == ':' || s[1] == '|'); }
static bool is_normalized_wdl(const char *s, size_t n) { return n == 2 && is_alpha((unsigned char)s[0]) && s[1] == ':'; }
static bool starts_with_wdl(const char *s, size_t n) {
    if (n < 2 || !is_wdl(s, 2)) return false;
    return n == 2 || s[2] == '/' || s[2] == '\\' || s[2] == '?' || s[2] == '#';
}

static void shorten_path(rec *r) {
    if (rec_is_file(r) && path_segments(r) == 1 && is_normalized_wdl(r->path.p + 1, r->path.len - 1)) return;
    if (!r->path.len) return;
    size_t i = r->path.len;
    while (i > 0 && r->path.p[i - 1] != '/') i--;
    r->path.len = i - 1;
    r->path.p[r->path.len] = 0;
}

/* ---- hosts ---- */

static bool forbidden_host(unsigned char c) {
    return c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ' || c == '#' || c == '/' || c == ':' ||
           c == '<' || c == '>' || c == '?' || c == '@' || c == '[' || c == '\\' || c == ']' || c == '^' ||
           c == '|';
}
static bool forbidden_domain_slow(unsigned char c) {
    return forbidden_host(c) || c <= 0x1F || c == '%' || c == 0x7F;
}
static unsigned char forbidden_domain_table[256];
static void forbidden_init(void) {
    for (int c = 0; c < 256; c++) forbidden_domain_table[c] = forbidden_domain_slow((unsigned char)c);
}
static pthread_once_t forbidden_once = PTHREAD_ONCE_INIT;
static inline bool forbidden_domain(unsigned char c) { return forbidden_domain_table[c]; }

/* The IPv4 number parser: -1 on failure; values above 2^32 saturate (they fail later anyway). */
static int64_t ipv4_number(const char *s, size_t n) {
    if (n == 0) return -1;
    int radix = 10;
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { radix = 16; s += 2; n -= 2; }
    else if (n >= 2 && s[0] == '0') { radix = 8; s++; n--; }
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i], d;
        if (radix == 16 && is_hex(c)) d = hex_val(c);
        else if (is_digit(c) && c - '0' < radix) d = c - '0';
        else return -1;
        v = v * radix + d;
        if (v > 0x1FFFFFFFFLL) v = 0x1FFFFFFFFLL;
    }
    return v;
}

/* Whether a domain's last label (ignoring one trailing dot) is a number, which makes it an IPv4
 * address or a failure. */
static bool ends_in_number(const char *s, size_t n) {
    if (n && s[n - 1] == '.') n--;
    /* A number ends in a digit, a hex digit or the 'x' of "0x": most names end in another letter. */
    if (n && !is_hex((unsigned char)s[n - 1]) && (s[n - 1] | 0x20) != 'x') return false;
    size_t start = n;
    while (start > 0 && s[start - 1] != '.') start--;
    const char *last = s + start;
    size_t ln = n - start;
    if (ln == 0) return false;
    bool digits = true;
    for (size_t i = 0; i < ln; i++) if (!is_digit((unsigned char)last[i])) { digits = false; break; }
    return digits || ipv4_number(last, ln) >= 0;
}

/* Returns 0 and the address, or -1. */
static int parse_ipv4(const char *s, size_t n, uint32_t *out) {
    if (n && s[n - 1] == '.' && n > 1) n--;
    int64_t nums[4];
    size_t count = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') continue;
        if (count == 4) return -1;
        int64_t v = ipv4_number(s + start, i - start);
        if (v < 0) return -1;
        nums[count++] = v;
        start = i + 1;
    }
    for (size_t i = 0; i + 1 < count; i++) if (nums[i] > 255) return -1;
    if (nums[count - 1] >= (int64_t)1 << (8 * (5 - count))) return -1;
    uint64_t v = (uint64_t)nums[count - 1];
    for (size_t i = 0; i + 1 < count; i++) v += (uint64_t)nums[i] << (8 * (3 - i));
    *out = (uint32_t)v;
    return 0;
}

static int parse_ipv6(const char *s, size_t n, uint16_t addr[8]) {
    memset(addr, 0, 16);
    int piece = 0, compress = -1;
    size_t p = 0;
#define C (p < n ? (unsigned char)s[p] : 0)
    if (C == ':') {
        if (p + 1 >= n || s[p + 1] != ':') return -1;
        p += 2;
        compress = ++piece;
    }
    while (p < n) {
        if (piece == 8) return -1;
        if (C == ':') {
            if (compress >= 0) return -1;
            p++;
            compress = ++piece;
            continue;
        }
        unsigned value = 0, length = 0;
        while (length < 4 && p < n && is_hex(C)) { value = value * 16 + hex_val(C); p++; length++; }
        if (p < n && C == '.') {
            if (length == 0) return -1;
            p -= length;
            if (piece > 6) return -1;
            int seen = 0;
            while (p < n) {
                int ipv4_piece = -1;
                if (seen > 0) {
                    if (C == '.' && seen < 4) p++;
                    else return -1;
                }
                if (p >= n || !is_digit(C)) return -1;
                while (p < n && is_digit(C)) {
                    int number = C - '0';
                    if (ipv4_piece == -1) ipv4_piece = number;
                    else if (ipv4_piece == 0) return -1;
                    else ipv4_piece = ipv4_piece * 10 + number;
                    if (ipv4_piece > 255) return -1;
                    p++;
                }
                addr[piece] = (uint16_t)(addr[piece] * 0x100 + ipv4_piece);
                seen++;
                if (seen == 2 || seen == 4) piece++;
            }
            if (seen != 4) return -1;
            break;
        } else if (p < n && C == ':') {
            p++;
            if (p >= n) return -1;
        } else if (p < n) {
            return -1;
        }
        addr[piece++] = (uint16_t)value;
    }
#undef C
    if (compress >= 0) {
        int swaps = piece - compress;
        piece = 7;
        while (piece != 0 && swaps > 0) {
            uint16_t t = addr[piece];
            addr[piece] = addr[compress + swaps - 1];
            addr[compress + swaps - 1] = t;
            piece--;
            swaps--;
        }
    } else if (piece != 8) {
        return -1;
    }
    return 0;
}

/* Writes v in decimal at t (room for 10 digits); returns the number of digits. */
static size_t fmt_uint(char *t, uint32_t v) {
    char r[10];
    size_t n = 0;
    do { r[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (size_t i = 0; i < n; i++) t[i] = r[n - 1 - i];
    return n;
}

static void put_ipv4(buf *b, uint32_t v) {
    char t[16];
    size_t n = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
        n += fmt_uint(t + n, (v >> shift) & 255);
        if (shift) t[n++] = '.';
    }
    buf_put(b, t, n);
}

static void put_ipv6(buf *b, const uint16_t a[8]) {
    /* The first longest run of two or more zero pieces is compressed. */
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
        if (a[i]) { i++; continue; }
        int j = i;
        while (j < 8 && !a[j]) j++;
        if (j - i > best_len) { best = i; best_len = j - i; }
        i = j;
    }
    buf_putc(b, '[');
    bool ignore0 = false;
    for (int i = 0; i < 8; i++) {
        if (ignore0 && !a[i]) continue;
        ignore0 = false;
        if (i == best) {
            buf_puts(b, i == 0 ? "::" : ":");
            ignore0 = true;
            continue;
        }
        static const char hex[] = "0123456789abcdef";
        char t[4];
        size_t n = 0;
        for (int shift = 12; shift >= 0; shift -= 4)
            if (n || (a[i] >> shift) || shift == 0) t[n++] = hex[(a[i] >> shift) & 15];
        buf_put(b, t, n);
        if (i != 7) buf_putc(b, ':');
    }
    buf_putc(b, ']');
}

static UIDNA *idna;
static pthread_once_t idna_once = PTHREAD_ONCE_INIT;
static void idna_open(void) {
    UErrorCode err = U_ZERO_ERROR;
    idna = uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                           UIDNA_NONTRANSITIONAL_TO_UNICODE, &err);
    if (U_FAILURE(err)) idna = NULL;
}

/* Errors that UTS #46 reports but the URL Standard turns off: CheckHyphens=false and
 * VerifyDnsLength=false (beStrict is false). */
#define IDNA_IGNORED (UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | \
                      UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4)

/* UTS #46 ToASCII or ToUnicode through ICU into b; -1 on failure. */
static int idna_convert(buf *b, const char *s, size_t n, bool to_ascii) {
    pthread_once(&idna_once, idna_open);
    if (!idna || n > INT32_MAX / 4) return -1;
    for (int32_t cap = (int32_t)(n * 4 + 64);;) {
        UErrorCode err = U_ZERO_ERROR;
        UIDNAInfo info = UIDNA_INFO_INITIALIZER;
        buf_clear(b);
        buf_reserve(b, (size_t)cap);
        int32_t len = to_ascii ? uidna_nameToASCII_UTF8(idna, s, (int32_t)n, b->p, cap, &info, &err)
                               : uidna_nameToUnicodeUTF8(idna, s, (int32_t)n, b->p, cap, &info, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) { cap = len + 1; continue; }
        if (U_FAILURE(err)) return -1;
        b->len = (size_t)len;
        b->p[b->len] = 0;
        return (info.errors & ~IDNA_IGNORED) ? -1 : 0;
    }
}

/* ICU 72 implements UTS #46 for Unicode 15.0. Unicode 15.1 changed the IDNA mapping of a few
 * code points that the URL Standard's tests (and Node) follow: Georgian capitals and a few letters
 * became mapped to lower case instead of disallowed, U+1E9E maps to U+00DF instead of "ss", five
 * CJK compatibility ideographs got their mappings, and some default-ignorable code points became
 * ignored. Applying those changes before ICU gives the newer behaviour. Returns the replacement
 * code point, 0 to drop the code point, or cp itself. */
static uint32_t idna_15_1_map(uint32_t cp) {
    if (cp >= 0x10A0 && cp <= 0x10C5) return cp - 0x10A0 + 0x2D00;
    switch (cp) {
    case 0x10C7: return 0x2D27;
    case 0x10CD: return 0x2D2D;
    case 0x1E9E: return 0x00DF;
    case 0x04C0: return 0x04CF;
    case 0x2132: return 0x214E;
    case 0x2183: return 0x2184;
    case 0x2F868: return 0x36FC;
    case 0x2F874: return 0x5F53;
    case 0x2F91F: return 0x243AB;
    case 0x2F95F: return 0x7AEE;
    case 0x2F9BF: return 0x45D7;
    case 0x115F: case 0x1160: case 0x17B4: case 0x17B5: case 0x180E: case 0x3164: case 0xFFA0:
        return 0;
    default:
        break;
    }
    if ((cp >= 0x206A && cp <= 0x206F) || (cp >= 0x1D173 && cp <= 0x1D17A)) return 0;
    return cp;
}

static void put_utf8_cp(buf *b, uint32_t cp) {
    char t[4];
    size_t n;
    if (cp < 0x80) { t[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { t[0] = (char)(0xC0 | cp >> 6); t[1] = (char)(0x80 | (cp & 63)); n = 2; }
    else if (cp < 0x10000) { t[0] = (char)(0xE0 | cp >> 12); t[1] = (char)(0x80 | ((cp >> 6) & 63)); t[2] = (char)(0x80 | (cp & 63)); n = 3; }
    else { t[0] = (char)(0xF0 | cp >> 18); t[1] = (char)(0x80 | ((cp >> 12) & 63)); t[2] = (char)(0x80 | ((cp >> 6) & 63)); t[3] = (char)(0x80 | (cp & 63)); n = 4; }
    buf_put(b, t, n);
}

/* s is valid UTF-8 (callers clean it first). */
static void idna_premap(buf *out, const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t l = utf8_valid_len(u + i, n - i);
        if (l <= 1) { buf_putc(out, s[i]); i++; continue; }
        uint32_t cp = l == 2 ? (u[i] & 31u) << 6 | (u[i + 1] & 63u)
                    : l == 3 ? (u[i] & 15u) << 12 | (u[i + 1] & 63u) << 6 | (u[i + 2] & 63u)
                             : (u[i] & 7u) << 18 | (u[i + 1] & 63u) << 12 | (u[i + 2] & 63u) << 6 | (u[i + 3] & 63u);
        uint32_t m = idna_15_1_map(cp);
        if (m == cp) buf_put(out, s + i, l);
        else if (m) put_utf8_cp(out, m);
        i += l;
    }
}

/* Whether the Punycode label body p (what follows "xn--") can decode to a label that starts with
 * "xn--". Decoding keeps the basic code points (those before the last '-') in order and inserts
 * only non-ASCII ones, so a decoded label can start with those four ASCII characters only when the
 * basic part does. */
static bool punycode_may_start_xn(const char *p, size_t n) {
    size_t basic = n;
    while (basic > 0 && p[basic - 1] != '-') basic--;
    if (basic == 0) return false;   /* no delimiter: no basic code points */
    basic--;                        /* the delimiter itself */
    return basic >= 4 && lower((unsigned char)p[0]) == 'x' && lower((unsigned char)p[1]) == 'n' && p[2] == '-' &&
           p[3] == '-';
}

/* UTS #46 with CheckHyphens=false forbids a label that begins with "xn--" after decoding (such a
 * label would decode twice); ICU only checks that with CheckHyphens on. */
static bool has_double_punycode(const char *s, size_t n) {
    buf lab = {0};
    bool bad = false;
    for (size_t i = 0; i < n && !bad;) {
        size_t e = i;
        while (e < n && s[e] != '.') e++;
        if (e - i > 4 && memcmp(s + i, "xn--", 4) == 0 && punycode_may_start_xn(s + i + 4, e - i - 4)) {
            UErrorCode err = U_ZERO_ERROR;
            UIDNAInfo info = UIDNA_INFO_INITIALIZER;
            buf_clear(&lab);
            buf_reserve(&lab, (e - i) * 4 + 16);
            int32_t l = uidna_labelToUnicodeUTF8(idna, s + i, (int32_t)(e - i), lab.p, (int32_t)((e - i) * 4 + 16), &info, &err);
            if (U_SUCCESS(err) && l >= 4 && lower(lab.p[0]) == 'x' && lower(lab.p[1]) == 'n' && lab.p[2] == '-' && lab.p[3] == '-')
                bad = true;
        }
        i = e + 1;
    }
    buf_free(&lab);
    return bad;
}

/* The URL Standard's domain to ASCII (beStrict=false), into b. ASCII input without a Punycode
 * label maps to its lower case under UTS #46, so ICU is only called for the rest. */
static int domain_to_ascii(buf *b, const char *s, size_t n) {
    bool simple = true;
    for (size_t i = 0; i < n && simple; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) simple = false;
        else if ((i == 0 || s[i - 1] == '.') && i + 4 <= n && lower(c) == 'x' && lower((unsigned char)s[i + 1]) == 'n' &&
                 s[i + 2] == '-' && s[i + 3] == '-')
            simple = false;
    }
    if (simple) {
        buf_clear(b);
        buf_reserve(b, n);
        for (size_t i = 0; i < n; i++) b->p[i] = (char)lower((unsigned char)s[i]);
        b->len = n;
        b->p[n] = 0;
    } else {
        buf mapped = {0};
        idna_premap(&mapped, s, n);
        int r = idna_convert(b, mapped.p ? mapped.p : "", mapped.len, true);
        buf_free(&mapped);
        if (r < 0 || has_double_punycode(b->p, b->len)) return -1;
    }
    return b->len ? 0 : -1;
}

char *dx__url_idna_to_ascii(const char *domain, size_t len) {
    buf clean = {0}, out = {0};
    put_utf8_clean(&clean, domain, len, false);
    int r = domain_to_ascii(&out, clean.p ? clean.p : "", clean.len);
    buf_free(&clean);
    if (r < 0) { buf_free(&out); return NULL; }
    return out.p;
}

static int domain_host(buf *out, const char *s, size_t n);

/* The host parser: sets r's host and host type, or returns -1. */
static int parse_host(rec *r, const char *s, size_t n, bool not_special) {
    if (n && s[0] == '[') {
        uint16_t a[8];
        if (s[n - 1] != ']' || parse_ipv6(s + 1, n - 2, a) < 0) return -1;
        buf_clear(&r->host);
        put_ipv6(&r->host, a);
        r->host_type = DX_URL_HOST_IPV6;
        return 0;
    }
    if (not_special) {
        for (size_t i = 0; i < n; i++) if (forbidden_host((unsigned char)s[i])) return -1;
        buf_clear(&r->host);
        put_enc_str(&r->host, s, n, SET_C0);
        r->host_type = n ? DX_URL_HOST_OPAQUE : DX_URL_HOST_EMPTY;
        return 0;
    }
    LOCAL_BUF(host, 128);
    int type = domain_host(&host, s, n);
    if (type >= 0) {
        buf_set(&r->host, host.p, host.len);
        r->host_type = type;
    }
    buf_free(&host);
    return type < 0 ? -1 : 0;
}

/* The host parser's steps for a special URL's host that is not an IPv6 address: percent-decode,
 * domain to ASCII, forbidden code points, IPv4. Appends the serialized host to `out` and returns
 * its type (DX_URL_HOST_DOMAIN or DX_URL_HOST_IPV4), or -1 on failure (out is then unspecified). */
static int domain_host_uncached(buf *out, const char *s, size_t n) {
    LOCAL_BUF(decoded, 128);
    LOCAL_BUF(clean, 128);
    LOCAL_BUF(ascii, 128);
    int ret = -1;
    const char *d = s;
    size_t dn = n;
    /* Only escapes and non-ASCII bytes need the decoding copies. */
    bool plain = !memchr(s, '%', n);
    for (size_t i = 0; plain && i < n; i++) plain = (unsigned char)s[i] < 0x80;
    if (!plain) {
        dx_url_percent_decode(&decoded, s, n);
        put_utf8_clean(&clean, decoded.p, decoded.len, false);
        d = clean.p;
        dn = clean.len;
    }
    if (domain_to_ascii(&ascii, d, dn) < 0) goto out;
    pthread_once(&forbidden_once, forbidden_init);
    for (size_t i = 0; i < ascii.len; i++) if (forbidden_domain((unsigned char)ascii.p[i])) goto out;
    if (ends_in_number(ascii.p, ascii.len)) {
        uint32_t v;
        if (parse_ipv4(ascii.p, ascii.len, &v) < 0) goto out;
        put_ipv4(out, v);
        ret = DX_URL_HOST_IPV4;
    } else {
        buf_put(out, ascii.p, ascii.len);
        ret = DX_URL_HOST_DOMAIN;
    }
out:
    buf_free(&decoded);
    buf_free(&clean);
    buf_free(&ascii);
    return ret;
}

/* Hosts that are not plain lower-case ASCII (internationalized names, Punycode, IPv4 addresses,
 * percent-escapes) cost an ICU call or a number parse each time, while a program usually parses
 * many URLs with the same few hosts. A small per-thread cache maps the exact bytes of such a host
 * to domain_host's result (failures included): direct-mapped by a hash of the bytes, bounded in
 * size, and only for hosts and results shorter than HOST_CACHE_LEN bytes. domain_host is a pure
 * function of its input, so a hit gives exactly what the computation would. */
#define HOST_CACHE_SLOTS 64
#define HOST_CACHE_LEN 64
typedef struct host_entry {
    uint8_t key_len;     /* 0: empty slot (an empty host is never looked up) */
    uint8_t val_len;
    int8_t type;         /* domain_host's result: a host type, or -1 */
    char key[HOST_CACHE_LEN];
    char val[HOST_CACHE_LEN];
} host_entry;
static __thread host_entry host_cache[HOST_CACHE_SLOTS];
static __thread bool host_cache_off;   /* for tests (dx__url_host_cache) */

void dx__url_host_cache(bool on) {
    host_cache_off = !on;
    memset(host_cache, 0, sizeof host_cache);
}

static int domain_host(buf *out, const char *s, size_t n) {
    if (n == 0 || n >= HOST_CACHE_LEN || host_cache_off) return domain_host_uncached(out, s, n);
    /* A multiplicative hash over eight bytes at a time (the slot only needs a few good bits). */
    uint64_t h = n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    }
    if (i < n) {
        uint64_t w = 0;
        memcpy(&w, s + i, n - i);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    }
    host_entry *e = &host_cache[(size_t)(h >> 40) & (HOST_CACHE_SLOTS - 1)];
    if (e->key_len == n && memcmp(e->key, s, n) == 0) {
        if (e->type >= 0) buf_put(out, e->val, e->val_len);
        return e->type;
    }
    size_t start = out->len;
    int type = domain_host_uncached(out, s, n);
    size_t vlen = type < 0 ? 0 : out->len - start;
    if (vlen < HOST_CACHE_LEN) {
        e->key_len = (uint8_t)n;
        memcpy(e->key, s, n);
        e->type = (int8_t)type;
        e->val_len = (uint8_t)vlen;
        if (vlen) memcpy(e->val, out->p + start, vlen);
    }
    return type;
}

/* ---- the basic URL parser ---- */

typedef enum {
    ST_NONE, ST_SCHEME_START, ST_SCHEME, ST_NO_SCHEME, ST_SPECIAL_RELATIVE_OR_AUTHORITY, ST_PATH_OR_AUTHORITY,
    ST_RELATIVE, ST_RELATIVE_SLASH, ST_SPECIAL_AUTHORITY_SLASHES, ST_SPECIAL_AUTHORITY_IGNORE_SLASHES,
    ST_AUTHORITY, ST_HOST, ST_HOSTNAME, ST_PORT, ST_FILE, ST_FILE_SLASH, ST_FILE_HOST, ST_PATH_START, ST_PATH,
    ST_OPAQUE_PATH, ST_QUERY, ST_FRAGMENT,
} state;

static void copy_buf(buf *d, const buf *s) { buf_set(d, s->p ? s->p : "", s->len); }
static void copy_host(rec *d, const rec *s) {
    copy_buf(&d->host, &s->host);
    d->host_type = s->host_type;
}
static void copy_authority(rec *d, const rec *s) {
    copy_buf(&d->username, &s->username);
    copy_buf(&d->password, &s->password);
    copy_host(d, s);
    d->port = s->port;
}
static void copy_query(rec *d, const rec *s) {
    copy_buf(&d->query, &s->query);
    d->has_query = s->has_query;
}
static void set_empty_host(rec *r) { buf_clear(&r->host); r->host_type = DX_URL_HOST_EMPTY; }

static bool single_dot(const buf *b) {
    return (b->len == 1 && b->p[0] == '.') || (b->len == 3 && b->p[0] == '%' && b->p[1] == '2' && lower(b->p[2]) == 'e');
}
static bool double_dot(const buf *b) {
    const char *p = b->p;
    switch (b->len) {
    case 2: return p[0] == '.' && p[1] == '.';
    case 4: return (p[0] == '.' && p[1] == '%' && p[2] == '2' && lower(p[3]) == 'e') ||
                   (p[0] == '%' && p[1] == '2' && lower(p[2]) == 'e' && p[3] == '.');
    case 6: return p[0] == '%' && p[1] == '2' && lower(p[2]) == 'e' && p[3] == '%' && p[4] == '2' && lower(p[5]) == 'e';
    default: return false;
    }
}

/* The basic URL parser over preprocessed input `in` (tabs and newlines removed, valid UTF-8).
 * Without an override it fills a fresh record; with one it modifies *url as the setters need.
 * Returns 0, or -1 for failure (the setters then drop *url). */
/* The relative and file states, after copying the base's path and query: `?` and `#` start a new
 * query or fragment; any other code point drops the query and enters the path state (true: the
 * caller trims the copied path and looks at c again); EOF keeps the base's. */
static bool continue_from_base(rec *url, int c, state *st) {
    if (c == '?') {
        url->has_query = true;
        buf_clear(&url->query);
        *st = ST_QUERY;
        return false;
    }
    if (c == '#') {
        url->has_fragment = true;
        buf_clear(&url->fragment);
        *st = ST_FRAGMENT;
        return false;
    }
    if (c < 0) return false;
    url->has_query = false;
    buf_clear(&url->query);
    *st = ST_PATH;
    return true;
}

static int basic_parse(const char *in, size_t n, const rec *base, rec *url, state override) {
    state st = override ? override : ST_SCHEME_START;
    LOCAL_BUF(b, 128);
    bool at_seen = false, inside_brackets = false, password_seen = false;
    int ret = 0;
    pthread_once(&enc_once, enc_init);
    /* Whether url's scheme is special: recomputed wherever the scheme changes. */
    bool special = rec_special(url);
    for (size_t p = 0;; p++) {
        int c = p < n ? (unsigned char)in[p] : -1;   /* -1: EOF */
        size_t at = p;
        switch (st) {
        case ST_SCHEME_START:
            if (c >= 0 && is_alpha(c)) {
                buf_putc(&b, (char)lower(c));
                st = ST_SCHEME;
            } else if (!override) {
                st = ST_NO_SCHEME;
                p--;
            } else {
                goto fail;
            }
            break;
        case ST_SCHEME:
            if (c >= 0 && (is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.')) {
                buf_putc(&b, (char)lower(c));
            } else if (c == ':') {
                if (override) {
                    bool bspecial = is_special_scheme(b.p, b.len);
                    if (special != bspecial) goto done;
                    if ((rec_has_credentials(url) || url->port >= 0) && buf_eq(&b, "file")) goto done;
                    if (rec_is_file(url) && url->host_type == DX_URL_HOST_EMPTY) goto done;
                }
                buf_set(&url->scheme, b.p, b.len);
                if (override) {
                    if (url->port == default_port(url->scheme.p, url->scheme.len)) url->port = -1;
                    goto done;
                }
                buf_clear(&b);
                special = rec_special(url);
                if (rec_is_file(url)) {
                    st = ST_FILE;
                } else if (special && base && base->scheme.len == url->scheme.len &&
                           memcmp(base->scheme.p, url->scheme.p, url->scheme.len) == 0) {
                    st = ST_SPECIAL_RELATIVE_OR_AUTHORITY;
                } else if (special) {
                    st = ST_SPECIAL_AUTHORITY_SLASHES;
                } else if (p + 1 < n && in[p + 1] == '/') {
                    st = ST_PATH_OR_AUTHORITY;
                    p++;
                } else {
                    url->opaque_path = true;
                    buf_clear(&url->path);
                    st = ST_OPAQUE_PATH;
                }
            } else if (!override) {
                buf_clear(&b);
                st = ST_NO_SCHEME;
                p = (size_t)-1;
            } else {
                goto fail;
            }
            break;
        case ST_NO_SCHEME:
            if (!base || (base->opaque_path && c != '#')) goto fail;
            if (base->opaque_path && c == '#') {
                copy_buf(&url->scheme, &base->scheme);
                special = rec_special(url);
                copy_buf(&url->path, &base->path);
                url->opaque_path = true;
                copy_query(url, base);
                url->has_fragment = true;
                buf_clear(&url->fragment);
                st = ST_FRAGMENT;
            } else if (!rec_is_file(base)) {
                st = ST_RELATIVE;
                p--;
            } else {
                st = ST_FILE;
                p--;
            }
            break;
        case ST_SPECIAL_RELATIVE_OR_AUTHORITY:
            if (c == '/' && p + 1 < n && in[p + 1] == '/') {
                st = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
                p++;
            } else {
                st = ST_RELATIVE;
                p--;
            }
            break;
        case ST_PATH_OR_AUTHORITY:
            if (c == '/') st = ST_AUTHORITY;
            else { st = ST_PATH; p--; }
            break;
        case ST_RELATIVE:
            copy_buf(&url->scheme, &base->scheme);
            special = rec_special(url);
            if (c == '/' || (special && c == '\\')) {
                st = ST_RELATIVE_SLASH;
            } else {
                copy_authority(url, base);
                copy_buf(&url->path, &base->path);
                copy_query(url, base);
                if (continue_from_base(url, c, &st)) {
                    shorten_path(url);
                    p--;
                }
            }
            break;
        case ST_RELATIVE_SLASH:
            if (special && (c == '/' || c == '\\')) {
                st = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
            } else if (c == '/') {
                st = ST_AUTHORITY;
            } else {
                copy_authority(url, base);
                st = ST_PATH;
                p--;
            }
            break;
        case ST_SPECIAL_AUTHORITY_SLASHES:
            if (c == '/' && p + 1 < n && in[p + 1] == '/') {
                st = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
                p++;
            } else {
                st = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
                p--;
            }
            break;
        case ST_SPECIAL_AUTHORITY_IGNORE_SLASHES:
            if (c != '/' && c != '\\') {
                st = ST_AUTHORITY;
                p--;
            }
            break;
        case ST_AUTHORITY:
            if (c == '@') {
                if (at_seen) {
                    buf t = {0};
                    buf_puts(&t, "%40");
                    buf_put(&t, b.p, b.len);
                    buf_free(&b);
                    b = t;
                }
                at_seen = true;
                for (size_t i = 0; i < b.len; i++) {
                    if (b.p[i] == ':' && !password_seen) { password_seen = true; continue; }
                    put_enc(password_seen ? &url->password : &url->username, (unsigned char)b.p[i], SET_USERINFO);
                }
                buf_clear(&b);
            } else if (c < 0 || c == '/' || c == '?' || c == '#' || (special && c == '\\')) {
                if (at_seen && b.len == 0) goto fail;
                p -= b.len + 1;
                buf_clear(&b);
                st = ST_HOST;
            } else {
                /* Up to the next character this state looks at, in one copy. */
                size_t e = p + 1;
                while (e < n && in[e] != '@' && in[e] != '/' && in[e] != '?' && in[e] != '#' && in[e] != '\\') e++;
                buf_put(&b, in + p, e - p);
                p = e - 1;
            }
            break;
        case ST_HOST:
        case ST_HOSTNAME:
            if (override && rec_is_file(url)) {
                p--;
                st = ST_FILE_HOST;
            } else if (c == ':' && !inside_brackets) {
                if (b.len == 0) goto fail;
                if (override == ST_HOSTNAME) goto fail;
                if (parse_host(url, b.p, b.len, !special) < 0) goto fail;
                buf_clear(&b);
                st = ST_PORT;
            } else if (c < 0 || c == '/' || c == '?' || c == '#' || (special && c == '\\')) {
                p--;
                if (special && b.len == 0) goto fail;
                if (override && b.len == 0 && (rec_has_credentials(url) || url->port >= 0)) goto fail;
                if (b.len == 0) {
                    set_empty_host(url);
                } else if (parse_host(url, b.p, b.len, !special) < 0) {
                    goto fail;
                }
                buf_clear(&b);
                st = ST_PATH_START;
                if (override) goto done;
            } else if (c == '[' || c == ']') {
                inside_brackets = c == '[';
                buf_putc(&b, (char)c);
            } else {
                size_t e = p + 1;
                while (e < n && in[e] != ':' && in[e] != '/' && in[e] != '?' && in[e] != '#' && in[e] != '\\' &&
                       in[e] != '[' && in[e] != ']')
                    e++;
                buf_put(&b, in + p, e - p);
                p = e - 1;
            }
            break;
        case ST_PORT:
            if (c >= 0 && is_digit(c)) {
                buf_putc(&b, (char)c);
            } else if (c < 0 || c == '/' || c == '?' || c == '#' || (special && c == '\\') || override) {
                if (b.len) {
                    long port = 0;
                    for (size_t i = 0; i < b.len; i++) {
                        port = port * 10 + (b.p[i] - '0');
                        if (port > 65535) goto fail;
                    }
                    url->port = port == default_port(url->scheme.p, url->scheme.len) ? -1 : (int)port;
                    buf_clear(&b);
                    if (override) goto done;
                }
                if (override) goto fail;
                st = ST_PATH_START;
                p--;
            } else {
                goto fail;
            }
            break;
        case ST_FILE:
            buf_set(&url->scheme, "file", 4);
            special = true;
            set_empty_host(url);
            if (c == '/' || c == '\\') {
                st = ST_FILE_SLASH;
            } else if (base && rec_is_file(base)) {
                copy_host(url, base);
                copy_buf(&url->path, &base->path);
                copy_query(url, base);
                if (continue_from_base(url, c, &st)) {
                    if (!starts_with_wdl(in + p, n - p)) shorten_path(url);
                    else buf_clear(&url->path);
                    p--;
                }
            } else {
                st = ST_PATH;
                p--;
            }
            break;
        case ST_FILE_SLASH:
            if (c == '/' || c == '\\') {
                st = ST_FILE_HOST;
            } else {
                if (base && rec_is_file(base)) {
                    copy_host(url, base);
                    if (!starts_with_wdl(in + p, n - p) && base->path.len >= 3) {
                        const char *seg = base->path.p + 1;
                        size_t sl = 0;
                        while (1 + sl < base->path.len && seg[sl] != '/') sl++;
                        if (is_normalized_wdl(seg, sl)) buf_put(&url->path, base->path.p, sl + 1);
                    }
                }
                st = ST_PATH;
                p--;
            }
            break;
        case ST_FILE_HOST:
            if (c < 0 || c == '/' || c == '\\' || c == '?' || c == '#') {
                p--;
                if (!override && is_wdl(b.p, b.len)) {
                    st = ST_PATH;   /* the buffer is kept and becomes the first path segment */
                } else if (b.len == 0) {
                    set_empty_host(url);
                    if (override) goto done;
                    st = ST_PATH_START;
                } else {
                    if (parse_host(url, b.p, b.len, !special) < 0) goto fail;
                    if (buf_eq(&url->host, "localhost")) set_empty_host(url);
                    if (override) goto done;
                    buf_clear(&b);
                    st = ST_PATH_START;
                }
            } else {
                buf_putc(&b, (char)c);
            }
            break;
        case ST_PATH_START:
            if (special) {
                st = ST_PATH;
                if (c != '/' && c != '\\') p--;
            } else if (!override && c == '?') {
                url->has_query = true;
                buf_clear(&url->query);
                st = ST_QUERY;
            } else if (!override && c == '#') {
                url->has_fragment = true;
                buf_clear(&url->fragment);
                st = ST_FRAGMENT;
            } else if (c >= 0) {
                st = ST_PATH;
                if (c != '/') p--;
            } else if (override && url->host_type == DX_URL_HOST_NONE) {
                buf_putc(&url->path, '/');
            }
            break;
        case ST_PATH:
            if (c < 0 || c == '/' || (special && c == '\\') || (!override && (c == '?' || c == '#'))) {
                bool slash = c == '/' || (special && c == '\\');
                if (double_dot(&b)) {
                    shorten_path(url);
                    if (!slash) buf_putc(&url->path, '/');
                } else if (single_dot(&b) && !slash) {
                    buf_putc(&url->path, '/');
                } else if (!single_dot(&b)) {
                    if (rec_is_file(url) && url->path.len == 0 && is_wdl(b.p, b.len)) b.p[1] = ':';
                    buf_putc(&url->path, '/');
                    buf_put(&url->path, b.p, b.len);
                }
                buf_clear(&b);
                if (c == '?') {
                    url->has_query = true;
                    buf_clear(&url->query);
                    st = ST_QUERY;
                } else if (c == '#') {
                    url->has_fragment = true;
                    buf_clear(&url->fragment);
                    st = ST_FRAGMENT;
                }
            } else {
                /* The rest of the segment up to a delimiter in one go; the delimiters are ASCII
                 * and never in the run, and the encode table handles every other byte. */
                size_t e = p + 1;
                while (e < n && in[e] != '/' && in[e] != '\\' && in[e] != '?' && in[e] != '#') e++;
                put_enc_str(&b, in + p, e - p, SET_PATH);
                p = e - 1;
            }
            break;
        case ST_OPAQUE_PATH:
            if (c == '?') {
                url->has_query = true;
                buf_clear(&url->query);
                st = ST_QUERY;
            } else if (c == '#') {
                url->has_fragment = true;
                buf_clear(&url->fragment);
                st = ST_FRAGMENT;
            } else if (c == ' ') {
                /* A space just before the query or fragment would be lost when they are removed. */
                if (p + 1 < n && (in[p + 1] == '?' || in[p + 1] == '#')) buf_puts(&url->path, "%20");
                else buf_putc(&url->path, ' ');
            } else if (c >= 0) {
                put_enc(&url->path, (unsigned char)c, SET_C0);
            }
            break;
        case ST_QUERY:
            if ((!override && c == '#') || c < 0) {
                put_enc_str(&url->query, b.p, b.len, special ? SET_SPECIAL_QUERY : SET_QUERY);
                buf_clear(&b);
                if (c == '#') {
                    url->has_fragment = true;
                    buf_clear(&url->fragment);
                    st = ST_FRAGMENT;
                }
            } else {
                size_t e = p + 1;
                while (e < n && (override || in[e] != '#')) e++;
                buf_put(&b, in + p, e - p);
                p = e - 1;
            }
            break;
        case ST_FRAGMENT:
            if (c >= 0) {
                put_enc_str(&url->fragment, in + p, n - p, SET_FRAGMENT);
                p = n - 1;
            }
            break;
        case ST_NONE:
            break;
        }
        /* At EOF the loop ends unless the state stepped back to look at EOF again in a new state. */
        if (c < 0 && p == at) break;
    }
    goto done;
fail:
    ret = -1;
done:
    buf_free(&b);
    return ret;
}

/* ---- serializing ---- */

static void serialize(const rec *r, dx_url *out) {
    buf h = {0};
    buf_reserve(&h, r->scheme.len + r->host.len + r->path.len + r->query.len + r->fragment.len + 16);
    buf_put(&h, r->scheme.p, r->scheme.len);
    out->scheme_end = (uint32_t)h.len;
    buf_putc(&h, ':');
    if (r->host_type != DX_URL_HOST_NONE) {
        buf_puts(&h, "//");
        out->username_start = (uint32_t)h.len;
        buf_put(&h, r->username.p, r->username.len);
        out->username_end = out->password_start = out->password_end = (uint32_t)h.len;
        if (r->password.len) {
            buf_putc(&h, ':');
            out->password_start = (uint32_t)h.len;
            buf_put(&h, r->password.p, r->password.len);
            out->password_end = (uint32_t)h.len;
        }
        if (rec_has_credentials(r)) buf_putc(&h, '@');
        out->host_start = (uint32_t)h.len;
        buf_put(&h, r->host.p, r->host.len);
        out->host_end = (uint32_t)h.len;
        if (r->port >= 0) {
            char t[12];
            t[0] = ':';
            buf_put(&h, t, 1 + fmt_uint(t + 1, (uint32_t)r->port));
        }
    } else {
        out->username_start = out->username_end = out->password_start = out->password_end =
            out->host_start = out->host_end = (uint32_t)h.len;
        /* Without a host, a path starting with an empty segment would read back as a host. */
        if (!r->opaque_path && r->path.len >= 2 && r->path.p[0] == '/' && r->path.p[1] == '/') buf_puts(&h, "/.");
    }
    out->path_start = (uint32_t)h.len;
    buf_put(&h, r->path.p, r->path.len);
    out->query_start = -1;
    if (r->has_query) {
        out->query_start = (int32_t)h.len;
        buf_putc(&h, '?');
        buf_put(&h, r->query.p, r->query.len);
    }
    out->fragment_start = -1;
    if (r->has_fragment) {
        out->fragment_start = (int32_t)h.len;
        buf_putc(&h, '#');
        buf_put(&h, r->fragment.p, r->fragment.len);
    }
    out->href = h.p;
    out->href_len = (uint32_t)h.len;
    out->port = r->port;
    out->host_type = (uint8_t)r->host_type;
    out->opaque_path = r->opaque_path;
    out->special = rec_special(r);
}

/* Rebuilds the record of a URL this file serialized. The components are cut from href by the
 * offsets; the path of a host-less URL loses the "/." that serializing added. */
static void unserialize(const dx_url *u, rec *r) {
    rec_init(r);
    const char *h = u->href;
    buf_set(&r->scheme, h, u->scheme_end);
    buf_set(&r->username, h + u->username_start, u->username_end - u->username_start);
    buf_set(&r->password, h + u->password_start, u->password_end - u->password_start);
    buf_set(&r->host, h + u->host_start, u->host_end - u->host_start);
    r->host_type = u->host_type;
    r->port = u->port;
    uint32_t path_end = u->query_start >= 0 ? (uint32_t)u->query_start
                      : u->fragment_start >= 0 ? (uint32_t)u->fragment_start : u->href_len;
    uint32_t ps = u->path_start;
    if (u->host_type == DX_URL_HOST_NONE && !u->opaque_path && path_end - ps >= 4 && memcmp(h + ps, "/.//", 4) == 0)
        ps += 2;
    buf_set(&r->path, h + ps, path_end - ps);
    r->opaque_path = u->opaque_path;
    if (u->query_start >= 0) {
        uint32_t qe = u->fragment_start >= 0 ? (uint32_t)u->fragment_start : u->href_len;
        r->has_query = true;
        buf_set(&r->query, h + u->query_start + 1, qe - (uint32_t)u->query_start - 1);
    }
    if (u->fragment_start >= 0) {
        r->has_fragment = true;
        buf_set(&r->fragment, h + u->fragment_start + 1, u->href_len - (uint32_t)u->fragment_start - 1);
    }
}

/* Input preparation: strip leading and trailing C0 controls and spaces (only for a fresh parse),
 * drop tabs and newlines, make the bytes valid UTF-8. */
static void prepare(buf *out, const char *s, size_t n, bool trim) {
    if (trim) {
        while (n && (unsigned char)s[0] <= 0x20) { s++; n--; }
        while (n && (unsigned char)s[n - 1] <= 0x20) n--;
    }
    buf_reserve(out, n);
    put_utf8_clean(out, s, n, true);
}

/* Whether s is printable ASCII without leading or trailing spaces: the common input, which needs
 * no preparation at all. */
static bool already_clean(const char *s, size_t n) {
    if (n && ((unsigned char)s[0] <= 0x20 || (unsigned char)s[n - 1] <= 0x20)) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x80) return false;
    }
    return true;
}

/* ---- the fast path ----
 *
 * Most URLs a program parses have one shape: a special scheme and "//" (or "file:///"), an
 * authority with at most one '@', a host that needs no more than lower-casing, and a path, query
 * and fragment that only need percent-encoding; or a relative reference against such a URL. For
 * those the state machine's work reduces to one scan that writes the href directly, with the
 * helpers the state machine uses for each component (a host that is not plain lower-case-able
 * ASCII goes through the same host parser). Everything else is declined and takes the state
 * machine: input the preparation step would change (tabs, newlines, C0 controls, leading or
 * trailing spaces, invalid UTF-8), backslashes, IPv6 hosts, more than one '@', a port that is not a
 * number up to 65535, empty hosts, file: hosts and Windows drive letters, and any input that fails.
 * tests/fuzz/fuzz_url.c checks that both give byte-identical results. */


/* Appends s percent-encoded with table t (one of enc_table). Components rarely need an escape:
 * checking the bytes first (a load and an OR each, no branch and no store) and copying them with
 * one memcpy is faster than a byte-by-byte copy. */
static void enc_copy(buf *h, const char *s, size_t n, const unsigned char *t) {
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    unsigned any = 0;
    for (size_t i = 0; i < n; i++) any |= t[u[i]];
    if (!any) {
        buf_put(h, s, n);
        return;
    }
    buf_reserve(h, n * 3);
    char *d = h->p + h->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (!t[c]) { *d++ = (char)c; continue; }
        d[0] = '%'; d[1] = hex[c >> 4]; d[2] = hex[c & 15];
        d += 3;
    }
    h->len = (size_t)(d - h->p);
    h->p[h->len] = 0;
}

static bool seg_single_dot(const char *p, size_t n) { buf b = {(char *)p, n, 0, true}; return single_dot(&b); }
static bool seg_double_dot(const char *p, size_t n) { buf b = {(char *)p, n, 0, true}; return double_dot(&b); }

/* The path state over in[p..n) up to '?', '#' or the end, appending to the path that starts at
 * h->p[path_start] (serialized, "/a/b"). Returns the index where it stopped, or (size_t)-1 to
 * decline (a backslash, or a Windows drive letter in a file: path). */
static size_t fast_path(buf *h, size_t path_start, const char *in, size_t p, size_t n, bool file) {
    static const char hex[] = "0123456789ABCDEF";
    /* The usual path has nothing to escape, no dot segments (only a segment that starts with '.' or
     * '%' can be one) and, in a file: URL, no ':' or '|' (a drive letter needs them): then it is
     * copied as it is, after the leading '/'. Anything else takes the loop below from the start. */
    {
        const bool *plain = file ? path_plain_file : path_plain;
        bool ok = !(p < n && (in[p] == '.' || in[p] == '%'));
        size_t e = p;
        while (ok && e < n) {
            unsigned char c = (unsigned char)in[e];
            if (plain[c]) { e++; continue; }
            if (c != '/') break;
            if (e + 1 < n && (in[e + 1] == '.' || in[e + 1] == '%')) ok = false;
            e++;
        }
        if (ok && (e == n || in[e] == '?' || in[e] == '#')) {
            buf_reserve(h, e - p + 1);
            h->p[h->len++] = '/';
            memcpy(h->p + h->len, in + p, e - p);
            h->len += e - p;
            h->p[h->len] = 0;
            return e;
        }
    }
    /* Each input byte becomes at most three, plus a '/' per segment. */
    buf_reserve(h, (n - p) * 3 + 2);
    for (;;) {
        size_t seg_at = h->len;
        char *d = h->p + seg_at;
        *d++ = '/';
        int cls = PC_END;
        while (p < n) {
            /* A run of bytes copied as they are (the usual segment is one run), then one that is
             * escaped, or the end of the segment. */
            size_t r = p;
            while (r < n && path_class[(unsigned char)in[r]] == PC_COPY) r++;
            memcpy(d, in + p, r - p);
            d += r - p;
            p = r;
            if (p == n) break;
            unsigned char c = (unsigned char)in[p];
            cls = path_class[c];
            if (cls != PC_ENCODE) break;
            d[0] = '%'; d[1] = hex[c >> 4]; d[2] = hex[c & 15];
            d += 3;
            p++;
        }
        if (p < n && cls == PC_DECLINE) return (size_t)-1;
        h->len = (size_t)(d - h->p);
        bool slash = p < n && in[p] == '/';
        const char *seg = h->p + seg_at + 1;
        size_t sl = h->len - seg_at - 1;
        /* Dot segments ("..", ".%2e", ...) start with '.' or '%'. */
        bool dotty = sl && sl <= 6 && (seg[0] == '.' || seg[0] == '%');
        if (dotty && seg_double_dot(seg, sl)) {
            h->len = seg_at;
            if (h->len > path_start) {
                size_t i = h->len;
                while (i > path_start && h->p[i - 1] != '/') i--;
                h->len = i - 1;
            }
            if (!slash) h->p[h->len++] = '/';
        } else if (dotty && sl <= 3 && seg_single_dot(seg, sl)) {
            h->len = seg_at;
            if (!slash) h->p[h->len++] = '/';
        } else if (file && is_wdl(seg, sl)) {
            return (size_t)-1;
        }
        h->p[h->len] = 0;
        if (!slash) return p;
        p++;
    }
}

/* The query and fragment states from in[p] ('?', '#' or the end). */
static void fast_query_fragment(buf *h, dx_url *out, const char *in, size_t p, size_t n) {
    out->query_start = out->fragment_start = -1;
    if (p < n && in[p] == '?') {
        const char *hash = memchr(in + p + 1, '#', n - p - 1);
        size_t e = hash ? (size_t)(hash - in) : n;
        out->query_start = (int32_t)h->len;
        buf_putc(h, '?');
        enc_copy(h, in + p + 1, e - p - 1, enc_table[SET_SPECIAL_QUERY]);
        p = e;
    }
    if (p < n) {   /* in[p] is '#' */
        out->fragment_start = (int32_t)h->len;
        buf_putc(h, '#');
        enc_copy(h, in + p + 1, n - p - 1, enc_table[SET_FRAGMENT]);
    }
}

static bool utf8_all_valid(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) { i++; continue; }
        size_t l = utf8_valid_len(u + i, n - i);
        if (!l) return false;
        i += l;
    }
    return true;
}

/* A relative reference against a special, non-file base with a host. */
static int fast_relative(const char *in, size_t n, const dx_url *base, dx_url *result, const buf *init) {
    if (!base->special || base->opaque_path || base->host_type == DX_URL_HOST_NONE ||
        (base->scheme_end == 4 && memcmp(base->href, "file", 4) == 0))
        return 0;
    if (n && (in[0] == '\\' || (in[0] == '/' && n > 1 && (in[1] == '/' || in[1] == '\\')))) return 0;
    const char *bh = base->href;
    uint32_t frag = base->fragment_start >= 0 ? (uint32_t)base->fragment_start : base->href_len;
    uint32_t path_end = base->query_start >= 0 ? (uint32_t)base->query_start : frag;
    buf h = *init;
    buf_reserve(&h, base->href_len + n * 3 + 16);
    dx_url u = *base, *out = &u;
    size_t p = 0;
    if (n == 0 || in[0] == '#') {
        buf_put(&h, bh, frag);
        out->fragment_start = -1;
        if (n) {
            out->fragment_start = (int32_t)h.len;
            buf_putc(&h, '#');
            enc_copy(&h, in + 1, n - 1, enc_table[SET_FRAGMENT]);
        }
    } else {
        if (in[0] == '?') {
            buf_put(&h, bh, path_end);
        } else {
            if (in[0] == '/') {
                buf_put(&h, bh, base->path_start);
                p = 1;
            } else {
                /* The base's path without its last segment. */
                buf_put(&h, bh, path_end);
                if (h.len > base->path_start) {
                    size_t i = h.len;
                    while (i > base->path_start && h.p[i - 1] != '/') i--;
                    h.len = i - 1;
                }
            }
            p = fast_path(&h, base->path_start, in, p, n, false);
            if (p == (size_t)-1) { buf_free(&h); return 0; }
        }
        fast_query_fragment(&h, out, in, p, n);
    }
    out->href = h.p;
    out->href_len = (uint32_t)h.len;
    *result = u;
    return 1;
}

/* Returns 1 with *out filled, or 0: declined, nothing to free. The href is written into `init`
 * (an empty buffer, borrowed storage or none), which moves to the heap if it outgrows it. */
static int fast_parse(const char *in, size_t n, const dx_url *base, dx_url *out, const buf *init) {
    if (n && ((unsigned char)in[0] <= 0x20 || (unsigned char)in[n - 1] <= 0x20)) return 0;
    /* No C0 controls (eight bytes at a time), and valid UTF-8 when not ASCII. */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, in + i, 8);
        if ((w - ones * 0x20) & ~w & highs) return 0;
        high |= w;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x20) return 0;
        high |= c;
    }
    if ((high & highs) && !utf8_all_valid(in, n)) return 0;
    pthread_once(&enc_once, enc_init);

    /* The scheme, when there is one. */
    size_t p = 0;
    if (n && is_alpha((unsigned char)in[0])) {
        while (p < n && scheme_byte[(unsigned char)in[p]]) p++;
        if (p == n || in[p] != ':') p = 0;
    }
    if (p == 0) return base ? fast_relative(in, n, base, out, init) : 0;
    char scheme[6];
    if (p > 5) return 0;
    /* | 0x20 is the lower case of each byte a scheme has: letters, digits, '+', '-' and '.'. */
    for (size_t i = 0; i < p; i++) scheme[i] = (char)(in[i] | 0x20);
    bool file = p == 4 && memcmp(scheme, "file", 4) == 0;
    int dport = default_port(scheme, p);
    if (!file && dport < 0) return 0;
    /* "//" (or "///" for file:), and no further slash. */
    size_t slashes = file ? 3 : 2;
    if (n < p + 1 + slashes) return 0;
    for (size_t i = 1; i <= slashes; i++) if (in[p + i] != '/') return 0;
    size_t a = p + 1 + slashes;
    if (a < n && (in[a] == '/' || in[a] == '\\')) return 0;

    buf h = *init;
    buf_reserve(&h, n * 3 + 32);
    buf_put(&h, scheme, p);
    memset(out, 0, sizeof *out);
    out->scheme_end = (uint32_t)p;
    buf_put(&h, "://", 3);
    out->username_start = out->username_end = out->password_start = out->password_end = (uint32_t)h.len;
    out->port = -1;
    out->special = true;
    size_t e = a;
    if (file) {
        out->host_start = out->host_end = (uint32_t)h.len;
        out->host_type = DX_URL_HOST_EMPTY;
        e = a - 1;   /* the third slash starts the path */
    } else {
        /* The first ':' before the '@' (if any) and the first after it. */
        size_t at = (size_t)-1, bracket = (size_t)-1, colon1 = (size_t)-1, colon2 = (size_t)-1;
        for (;; e++) {
            while (e < n && !auth_class[(unsigned char)in[e]]) e++;
            if (e == n) break;
            int k = auth_class[(unsigned char)in[e]];
            if (k == AC_END) break;
            if (k == AC_DECLINE) goto decline;
            if (k == AC_COLON) {
                if (colon2 == (size_t)-1) colon2 = e;
            } else if (k == AC_BRACKET) {
                if (bracket != (size_t)-1) goto decline;
                bracket = e;
            } else {   /* AC_AT */
                if (at != (size_t)-1) goto decline;
                at = e;
                colon1 = colon2;
                colon2 = (size_t)-1;
            }
        }
        size_t hs = a;
        if (at != (size_t)-1) {
            const char *colon = colon1 != (size_t)-1 ? in + colon1 : NULL;
            size_t ue = colon ? colon1 : at;
            enc_copy(&h, in + a, ue - a, enc_table[SET_USERINFO]);
            out->username_end = out->password_start = out->password_end = (uint32_t)h.len;
            if (colon && at - ue > 1) {
                buf_putc(&h, ':');
                out->password_start = (uint32_t)h.len;
                enc_copy(&h, in + ue + 1, at - ue - 1, enc_table[SET_USERINFO]);
                out->password_end = (uint32_t)h.len;
            }
            if (h.len > out->username_start) buf_putc(&h, '@');
            hs = at + 1;
        }
        out->host_start = (uint32_t)h.len;
        if (bracket != (size_t)-1) {
            /* An IPv6 address: the whole host, followed by the port or nothing. */
            const char *close = bracket == hs ? memchr(in + hs, ']', e - hs) : NULL;
            uint16_t addr[8];
            if (!close) goto decline;
            size_t he = (size_t)(close - in) + 1;
            if ((he < e && in[he] != ':') || parse_ipv6(in + hs + 1, he - hs - 2, addr) < 0) goto decline;
            put_ipv6(&h, addr);
            out->host_type = DX_URL_HOST_IPV6;
            hs = he;   /* the port, if any, follows */
        }
        const char *pc = bracket != (size_t)-1 ? memchr(in + hs, ':', e - hs)
                       : colon2 != (size_t)-1 ? in + colon2 : NULL;
        size_t he = pc ? (size_t)(pc - in) : e;
        if (he == hs && bracket == (size_t)-1) goto decline;
        if (bracket != (size_t)-1) goto port;
        /* A host of plain bytes is its own lower case, unless a label starts with "xn--" (then
         * ICU checks the Punycode) or it ends in a number (an IPv4 address). */
        buf_reserve(&h, he - hs);
        char *d = h.p + h.len;
        bool simple = true;
        for (size_t i = hs; i < he; i++) {
            char c = host_lower[(unsigned char)in[i]];
            if (!c || (c == 'x' && (i == hs || in[i - 1] == '.') && he - i >= 4 && (in[i + 1] | 0x20) == 'n' &&
                       in[i + 2] == '-' && in[i + 3] == '-')) {
                simple = false;
                break;
            }
            *d++ = c;
        }
        if (simple && ends_in_number(h.p + h.len, he - hs)) simple = false;
        if (simple) {
            h.len += he - hs;
            h.p[h.len] = 0;
            out->host_type = DX_URL_HOST_DOMAIN;
        } else {
            int type = domain_host(&h, in + hs, he - hs);
            if (type < 0) goto decline;
            out->host_type = (uint8_t)type;
        }
    port:
        out->host_end = (uint32_t)h.len;
        if (pc && he + 1 < e) {
            uint32_t port = 0;
            for (size_t i = he + 1; i < e; i++) {
                if (!is_digit((unsigned char)in[i])) goto decline;
                port = port * 10 + (uint32_t)(in[i] - '0');
                if (port > 65535) goto decline;
            }
            if ((int)port != dport) {
                if (in[he + 1] != '0') {
                    buf_put(&h, in + he, e - he);   /* ':' and the digits, already in shortest form */
                } else {
                    char t[12];
                    t[0] = ':';
                    buf_put(&h, t, 1 + fmt_uint(t + 1, port));
                }
                out->port = (int32_t)port;
            }
        }
    }
    out->path_start = (uint32_t)h.len;
    p = fast_path(&h, h.len, in, e < n && in[e] == '/' ? e + 1 : e, n, file);
    if (p == (size_t)-1) goto decline;
    fast_query_fragment(&h, out, in, p, n);
    out->href = h.p;
    out->href_len = (uint32_t)h.len;
    return 1;
decline:
    buf_free(&h);
    return 0;
}

int dx__url_parse_fast(const char *input, size_t len, const dx_url *base, dx_url *out) {
    const buf none = {0};
    return fast_parse(input, len, base, out, &none);
}

int dx_url_parse(const char *input, size_t len, const dx_url *base, dx_url *out) {
    const buf none = {0};
    if (fast_parse(input, len, base, out, &none)) return 0;
    return dx__url_parse_full(input, len, base, out);
}

int dx__url_parse_scratch(const char *input, size_t len, const dx_url *base, dx_url *out, char *scratch, size_t cap) {
    scratch[0] = 0;
    const buf init = {scratch, 0, cap, true};
    if (fast_parse(input, len, base, out, &init)) return out->href == scratch ? 1 : 0;
    return dx__url_parse_full(input, len, base, out) < 0 ? -1 : 0;
}

int dx__url_parse_full(const char *input, size_t len, const dx_url *base, dx_url *out) {
    LOCAL_BUF(in, 256);
    rec r, br;
    rec_init(&r);
    const char *src = input;
    size_t srclen = len;
    if (!already_clean(input, len)) {
        prepare(&in, input, len, true);
        src = in.p;
        srclen = in.len;
    }
    if (base) unserialize(base, &br);
    int ret = basic_parse(src, srclen, base ? &br : NULL, &r, ST_NONE);
    if (ret == 0) serialize(&r, out);
    if (base) rec_free(&br);
    rec_free(&r);
    buf_free(&in);
    return ret;
}

static bool cannot_have_credentials(const rec *r) {
    return r->host_type == DX_URL_HOST_NONE || r->host_type == DX_URL_HOST_EMPTY || rec_is_file(r);
}

/* Runs a setter on the record; returns 0 when the URL changed (or may have), -1 when the setter
 * is ignored or failed, in which case *r must be dropped. */
static int set_rec(rec *r, dx_url_setter which, const char *value, size_t len) {
    LOCAL_BUF(in, 256);
    int ok = -1;
    size_t given_len = len;
    /* The search and hash setters drop one leading '?' or '#' of the value as given, before the
     * parser removes tabs and newlines. */
    if (which == DX_URL_SET_SEARCH && len && value[0] == '?') { value++; len--; }
    else if (which == DX_URL_SET_HASH && len && value[0] == '#') { value++; len--; }
    prepare(&in, value, len, false);
    if (which == DX_URL_SET_PROTOCOL) buf_putc(&in, ':');
    const char *s = in.p ? in.p : "";
    size_t n = in.len;
    switch (which) {
    case DX_URL_SET_PROTOCOL:
        ok = basic_parse(s, n, NULL, r, ST_SCHEME_START);
        break;
    case DX_URL_SET_USERNAME:
    case DX_URL_SET_PASSWORD:
        if (cannot_have_credentials(r)) break;
        {
            buf *dst = which == DX_URL_SET_USERNAME ? &r->username : &r->password;
            buf raw = {0};
            /* These setters take the value as given: tabs and newlines are encoded, not dropped. */
            put_utf8_clean(&raw, value, len, false);
            buf_clear(dst);
            put_enc_str(dst, raw.p, raw.len, SET_USERINFO);
            buf_free(&raw);
            ok = 0;
        }
        break;
    case DX_URL_SET_HOST:
    case DX_URL_SET_HOSTNAME:
        if (r->opaque_path) break;
        ok = basic_parse(s, n, NULL, r, which == DX_URL_SET_HOST ? ST_HOST : ST_HOSTNAME);
        break;
    case DX_URL_SET_PORT:
        if (cannot_have_credentials(r)) break;
        if (len == 0) { r->port = -1; ok = 0; break; }
        ok = basic_parse(s, n, NULL, r, ST_PORT);
        break;
    case DX_URL_SET_PATHNAME:
        if (r->opaque_path) break;
        buf_clear(&r->path);
        ok = basic_parse(s, n, NULL, r, ST_PATH_START);
        break;
    case DX_URL_SET_SEARCH:
        buf_clear(&r->query);
        r->has_query = given_len != 0;
        ok = r->has_query ? basic_parse(s, n, NULL, r, ST_QUERY) : 0;
        break;
    case DX_URL_SET_HASH:
        buf_clear(&r->fragment);
        r->has_fragment = given_len != 0;
        ok = r->has_fragment ? basic_parse(s, n, NULL, r, ST_FRAGMENT) : 0;
        break;
    default:
        break;
    }
    buf_free(&in);
    return ok;
}

int dx_url_set(dx_url *url, dx_url_setter which, const char *value, size_t len) {
    if (which == DX_URL_SET_HREF) {
        dx_url nu;
        if (dx_url_parse(value, len, NULL, &nu) < 0) return -1;
        dx_url_free(url);
        *url = nu;
        return 0;
    }
    rec r;
    unserialize(url, &r);
    /* The standard's setters modify the URL in place and ignore a failure, so what a failing
     * setter changed before it failed stays (the host setter keeps "example.com" of
     * "example.com:65536"); an ignored setter changed nothing, so serializing is harmless. */
    set_rec(&r, which, value, len);
    dx_url nu;
    serialize(&r, &nu);
    dx_url_free(url);
    *url = nu;
    rec_free(&r);
    return 0;
}

void dx_url_free(dx_url *url) {
    free(url->href);
    url->href = NULL;
}

char *dx_url_domain_to_ascii(const char *domain, size_t len) {
    /* Node runs the hostname setter on "ws://x" and returns the hostname, or "" if it failed. */
    rec r;
    rec_init(&r);
    buf_set(&r.scheme, "ws", 2);
    buf_set(&r.host, "x", 1);
    r.host_type = DX_URL_HOST_DOMAIN;
    r.port = -1;
    buf_set(&r.path, "/", 1);
    char *out = NULL;
    if (len && set_rec(&r, DX_URL_SET_HOSTNAME, domain, len) == 0) out = strndup(r.host.p, r.host.len);
    else out = strdup("");
    rec_free(&r);
    if (!out) abort();
    return out;
}

char *dx_url_legacy_to_ascii(const char *domain, size_t len) {
    char *out = dx__url_idna_to_ascii(domain, len);
    if (!out) out = strdup("");
    if (!out) abort();
    return out;
}

char *dx_url_domain_to_unicode(const char *domain, size_t len) {
    char *ascii = dx_url_domain_to_ascii(domain, len);
    if (!ascii[0]) return ascii;
    buf out = {0};
    if (idna_convert(&out, ascii, strlen(ascii), false) < 0) {
        /* ToUnicode never fails as a whole: Node returns what ICU produced. */
        if (!out.p) buf_puts(&out, "");
    }
    free(ascii);
    return out.p;
}

/* ---- application/x-www-form-urlencoded ---- */

void dx_url_form_parse(const char *s, size_t n, dx_url_pair_fn pair, void *ud) {
    buf name = {0}, value = {0}, tmp = {0};
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '&') continue;
        const char *seq = s + start;
        size_t sl = i - start;
        start = i + 1;
        if (sl == 0) continue;
        const char *eq = memchr(seq, '=', sl);
        size_t nl = eq ? (size_t)(eq - seq) : sl;
        const char *v = eq ? eq + 1 : seq + sl;
        size_t vl = eq ? sl - nl - 1 : 0;
        buf_clear(&tmp);
        buf_put(&tmp, seq, nl);
        for (size_t k = 0; k < tmp.len; k++) if (tmp.p[k] == '+') tmp.p[k] = ' ';
        buf_clear(&name);
        dx_url_percent_decode(&name, tmp.p, tmp.len);
        buf_clear(&tmp);
        buf_put(&tmp, v, vl);
        for (size_t k = 0; k < tmp.len; k++) if (tmp.p[k] == '+') tmp.p[k] = ' ';
        buf_clear(&value);
        dx_url_percent_decode(&value, tmp.p, tmp.len);
        pair(ud, name.p ? name.p : "", name.len, value.p ? value.p : "", value.len);
    }
    buf_free(&name);
    buf_free(&value);
    buf_free(&tmp);
}

void dx_url_form_encode(buf *b, const char *s, size_t n) {
    pthread_once(&enc_once, enc_init);
    buf_reserve(b, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') buf_putc(b, '+');
        else put_enc(b, c, SET_FORM);
    }
}

/* ---- getters, as the URL API defines them ---- */

static void put_origin(buf *b, const dx_url *u) {
    const char *h = u->href;
    size_t sl = u->scheme_end;
    if (sl == 4 && memcmp(h, "blob", 4) == 0) {
        /* A blob: URL's origin is that of the URL in its path, when that is http(s). */
        buf path = {0};
        dx_url_get(u, DX_URL_PART_PATHNAME, &path);
        dx_url inner;
        if (dx_url_parse(path.p ? path.p : "", path.len, NULL, &inner) == 0) {
            if ((inner.scheme_end == 4 && memcmp(inner.href, "http", 4) == 0) ||
                (inner.scheme_end == 5 && memcmp(inner.href, "https", 5) == 0))
                put_origin(b, &inner);
            else
                buf_puts(b, "null");
            dx_url_free(&inner);
        } else {
            buf_puts(b, "null");
        }
        buf_free(&path);
        return;
    }
    if (default_port(h, sl) < 0) { buf_puts(b, "null"); return; }
    buf_put(b, h, sl);
    buf_puts(b, "://");
    dx_url_get(u, DX_URL_PART_HOST, b);
}

void dx_url_get(const dx_url *u, dx_url_part part, dx_url_buf *b) {
    const char *h = u->href;
    uint32_t path_end = u->query_start >= 0 ? (uint32_t)u->query_start
                      : u->fragment_start >= 0 ? (uint32_t)u->fragment_start : u->href_len;
    switch (part) {
    case DX_URL_PART_HREF: buf_put(b, h, u->href_len); break;
    case DX_URL_PART_ORIGIN: put_origin(b, u); break;
    case DX_URL_PART_PROTOCOL: buf_put(b, h, u->scheme_end + 1); break;
    case DX_URL_PART_USERNAME: buf_put(b, h + u->username_start, u->username_end - u->username_start); break;
    case DX_URL_PART_PASSWORD: buf_put(b, h + u->password_start, u->password_end - u->password_start); break;
    case DX_URL_PART_HOST: {
        uint32_t end = u->host_end;
        if (u->port >= 0) while (end < u->path_start) end++;
        buf_put(b, h + u->host_start, end - u->host_start);
        break;
    }
    case DX_URL_PART_HOSTNAME: buf_put(b, h + u->host_start, u->host_end - u->host_start); break;
    case DX_URL_PART_PORT:
        if (u->port >= 0) { char t[8]; buf_put(b, t, (size_t)snprintf(t, sizeof t, "%d", u->port)); }
        break;
    case DX_URL_PART_PATHNAME: buf_put(b, h + u->path_start, path_end - u->path_start); break;
    case DX_URL_PART_SEARCH:
        if (u->query_start >= 0) {
            uint32_t qe = u->fragment_start >= 0 ? (uint32_t)u->fragment_start : u->href_len;
            if (qe - (uint32_t)u->query_start > 1) buf_put(b, h + u->query_start, qe - (uint32_t)u->query_start);
        }
        break;
    case DX_URL_PART_HASH:
        if (u->fragment_start >= 0 && u->href_len - (uint32_t)u->fragment_start > 1)
            buf_put(b, h + u->fragment_start, u->href_len - (uint32_t)u->fragment_start);
        break;
    }
    if (!b->p) buf_put(b, "", 0);
}

void dx_url_buf_put(buf *b, const char *s, size_t n) { buf_put(b, s, n); }
