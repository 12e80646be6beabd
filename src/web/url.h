/* The WHATWG URL Standard in C: the basic URL parser (every state, with state overrides for the
 * setters), host parsing (domains through ICU's UTS #46 IDNA, IPv4 with hex/octal parts, IPv6, opaque
 * hosts), the serializer, and application/x-www-form-urlencoded parsing and serialising.
 * Engine-free; strings are UTF-8 in and ASCII out (a serialized URL is always ASCII). Thread-safe
 * (the ICU IDNA object is opened once, under pthread_once). Running out of memory aborts. */
#ifndef DX_WEB_URL_H
#define DX_WEB_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    DX_URL_HOST_NONE,    /* host is null */
    DX_URL_HOST_EMPTY,   /* host is the empty string (file:/// and some non-special URLs) */
    DX_URL_HOST_DOMAIN,
    DX_URL_HOST_IPV4,
    DX_URL_HOST_IPV6,
    DX_URL_HOST_OPAQUE,
} dx_url_host_type;

/* A parsed URL: its serialization plus where each component lies in it, so getters are slices.
 * href = scheme ":" ["//" [username [":" password] "@"] host [":" port]] path ["?" query] ["#" fragment]
 * Offsets are byte indexes into href; href is malloc'd, NUL-terminated and owned by the struct. */
typedef struct dx_url {
    char *href;
    uint32_t href_len;
    uint32_t scheme_end;     /* index of the ':' after the scheme */
    uint32_t username_start, username_end;
    uint32_t password_start, password_end;  /* empty range when there is no password */
    uint32_t host_start, host_end;
    uint32_t path_start;
    int32_t port;            /* -1 when null */
    int32_t query_start;     /* index of '?', or -1 */
    int32_t fragment_start;  /* index of '#', or -1 */
    uint8_t host_type;       /* dx_url_host_type */
    bool opaque_path;
    bool special;
} dx_url;

/* Which setter dx_url_set runs (the URL Standard's API setters). */
typedef enum {
    DX_URL_SET_HREF, DX_URL_SET_PROTOCOL, DX_URL_SET_USERNAME, DX_URL_SET_PASSWORD, DX_URL_SET_HOST,
    DX_URL_SET_HOSTNAME, DX_URL_SET_PORT, DX_URL_SET_PATHNAME, DX_URL_SET_SEARCH, DX_URL_SET_HASH,
} dx_url_setter;

/* Parses `input` (UTF-8, `len` bytes) against an optional base (a URL returned by this parser, or
 * NULL). Returns 0 and fills *out (free with dx_url_free), or -1 on failure (nothing to free).
 * Invalid UTF-8 is read as U+FFFD. */
int dx_url_parse(const char *input, size_t len, const dx_url *base, dx_url *out);

/* dx_url_parse's two halves, for tests: the fast path for common shapes (returns 1 and fills *out,
 * or 0 when it declines the input: nothing to free) and the full state machine (as dx_url_parse).
 * For every input the fast path takes, both give the same URL. */
int dx__url_parse_fast(const char *input, size_t len, const dx_url *base, dx_url *out);
int dx__url_parse_full(const char *input, size_t len, const dx_url *base, dx_url *out);

/* Runs a setter on *url with `value`: *url is replaced by the result (0). A setter the standard
 * ignores for this URL or this value leaves *url unchanged and returns 0 too; only DX_URL_SET_HREF
 * can fail (-1, *url unchanged), as the `href` setter throws. */
int dx_url_set(dx_url *url, dx_url_setter which, const char *value, size_t len);

void dx_url_free(dx_url *url);

/* The URL API's getters (href, origin, protocol... hash), appended to b (b->p is then non-NULL). */
typedef enum {
    DX_URL_PART_HREF, DX_URL_PART_ORIGIN, DX_URL_PART_PROTOCOL, DX_URL_PART_USERNAME, DX_URL_PART_PASSWORD,
    DX_URL_PART_HOST, DX_URL_PART_HOSTNAME, DX_URL_PART_PORT, DX_URL_PART_PATHNAME, DX_URL_PART_SEARCH,
    DX_URL_PART_HASH,
} dx_url_part;
typedef struct dx_url_buf dx_url_buf;
void dx_url_get(const dx_url *url, dx_url_part part, dx_url_buf *b);

/* Domain to ASCII / Unicode as Node's url.domainToASCII and url.domainToUnicode: the result is
 * malloc'd (caller frees), "" for an invalid domain. */
char *dx_url_domain_to_ascii(const char *domain, size_t len);
char *dx_url_domain_to_unicode(const char *domain, size_t len);

/* The host conversion of Node's legacy url.parse() for a name that is not all ASCII (lib/node/url.js
 * handles ASCII names itself): UTS #46 ToASCII, "" when that fails. Caller frees. */
char *dx_url_legacy_to_ascii(const char *domain, size_t len);

/* The URL Standard's "domain to ASCII" with beStrict=false, for the toascii.json and IdnaTestV2
 * tests: returns the malloc'd ASCII domain or NULL on failure. */
char *dx__url_idna_to_ascii(const char *domain, size_t len);

/* application/x-www-form-urlencoded. Parsing calls `pair` for each name/value (percent-decoded,
 * '+' as space; the bytes may be invalid UTF-8, which the caller decodes with replacement).
 * Serialising appends one name or value, percent-encoded, to a growing buffer. */
typedef void (*dx_url_pair_fn)(void *ud, const char *name, size_t nlen, const char *value, size_t vlen);
void dx_url_form_parse(const char *input, size_t len, dx_url_pair_fn pair, void *ud);

struct dx_url_buf {
    char *p;
    size_t len, cap;
    bool borrowed;   /* p is storage the buffer does not own (internal use); false for callers */
};
/* Appends the form-urlencoded form of `s` to b. b->p may be NULL at first; the caller frees b->p. */
void dx_url_form_encode(dx_url_buf *b, const char *s, size_t len);

/* Appends n bytes to b. */
void dx_url_buf_put(dx_url_buf *b, const char *s, size_t n);

/* Percent-decodes `s` into b (the URL Standard's "percent-decode"). */
void dx_url_percent_decode(dx_url_buf *b, const char *s, size_t len);

#endif
