/* libFuzzer target: the URL parser, setters, getters, IDNA and form encoding on arbitrary bytes must
 * never crash, hang or leak, a serialized URL must parse back to itself, and the parser's fast path
 * must give byte-identical results to the full state machine on every input it accepts (against no
 * base, fixed bases, and the value part parsed as a base), and the cache of parsed hosts and the
 * scratch-buffer entry point change no result.
 * Build: clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Isrc src/web/url.c tests/fuzz/fuzz_url.c -licuuc
 *
 * Input layout: byte 0 picks a base (of 8) and a setter; the rest up to the first 0xFF byte is the URL,
 * what follows it is the setter's value. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/url.h"
#include "web/url_internal.h"

static const char *const bases[] = {NULL, "http://h/a/b?q#f", "file:///C:/x/y", "sc:opaque", "sc://u@h/p",
                                    "https://u:p@EXAMPLE.org:8080/a/b/c.html?x=1#y", "ws://127.1/", "file:///"};

static void check_round_trip(const dx_url *u) {
    dx_url again;
    if (dx_url_parse(u->href, u->href_len, NULL, &again) != 0) abort();
    if (strcmp(again.href, u->href) != 0) abort();
    dx_url_free(&again);
}

/* The fast path must give exactly what the state machine gives, for every input it takes. */
static void check_fast_path(const char *s, size_t n, const dx_url *base) {
    dx_url fast, full;
    if (!dx__url_parse_fast(s, n, base, &fast)) return;
    if (dx__url_parse_full(s, n, base, &full) != 0) abort();
    if (fast.href_len != full.href_len || memcmp(fast.href, full.href, full.href_len) != 0 ||
        fast.href[fast.href_len] != 0)
        abort();
    if (fast.scheme_end != full.scheme_end || fast.username_start != full.username_start ||
        fast.username_end != full.username_end || fast.password_start != full.password_start ||
        fast.password_end != full.password_end || fast.host_start != full.host_start ||
        fast.host_end != full.host_end || fast.path_start != full.path_start || fast.port != full.port ||
        fast.query_start != full.query_start || fast.fragment_start != full.fragment_start ||
        fast.host_type != full.host_type || fast.opaque_path != full.opaque_path || fast.special != full.special)
        abort();
    dx_url_free(&fast);
    dx_url_free(&full);
}

/* The per-thread cache of parsed hosts changes nothing: a parse with it (filled by earlier inputs,
 * then hit by this one) and one without give the same URL, or both fail. The scratch-buffer entry
 * point gives the same URL as dx_url_parse too. */
static void check_host_cache(const char *s, size_t n, const dx_url *base) {
    dx_url a, b, c;
    int ra = dx_url_parse(s, n, base, &a);
    int rc = dx_url_parse(s, n, base, &c);   /* a hit, if the first parse cached the host */
    if (rc != ra) abort();
    if (rc == 0) {
        if (strcmp(a.href, c.href) != 0 || a.host_type != c.host_type) abort();
        dx_url_free(&c);
    }
    dx__url_host_cache(false);
    int rb = dx_url_parse(s, n, base, &b);
    dx__url_host_cache(true);
    if (ra != rb) abort();
    char scratch[64];
    dx_url d;
    int rd = dx__url_parse_scratch(s, n, base, &d, scratch, sizeof scratch);
    if ((rd < 0) != (ra < 0)) abort();
    if (ra == 0) {
        if (strcmp(a.href, b.href) != 0 || a.host_type != b.host_type || a.host_end != b.host_end) abort();
        if (strcmp(a.href, d.href) != 0 || a.path_start != d.path_start || a.query_start != d.query_start) abort();
        if (rd == 1 && d.href != scratch) abort();
        dx_url_free(&a);
        dx_url_free(&b);
        if (rd == 0) dx_url_free(&d);
    }
}

static void on_pair(void *ud, const char *n, size_t nl, const char *v, size_t vl) {
    dx_url_buf *b = ud;
    dx_url_form_encode(b, n, nl);
    dx_url_form_encode(b, v, vl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    unsigned sel = data[0];
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    const char *sep = memchr(s, 0xFF, n);
    size_t ulen = sep ? (size_t)(sep - s) : n;
    const char *value = sep ? sep + 1 : "";
    size_t vlen = sep ? n - ulen - 1 : 0;

    dx_url base, u;
    const char *b = bases[sel % 8];
    if (b && dx_url_parse(b, strlen(b), NULL, &base) != 0) abort();
    check_fast_path(s, ulen, b ? &base : NULL);
    check_host_cache(s, ulen, b ? &base : NULL);
    /* The setter's value as a base, when it parses (the fast path reads a base's offsets). */
    dx_url vb;
    if (dx_url_parse(value, vlen, NULL, &vb) == 0) {
        check_fast_path(s, ulen, &vb);
        dx_url_free(&vb);
    }
    if (dx_url_parse(s, ulen, b ? &base : NULL, &u) == 0) {
        check_round_trip(&u);
        for (int part = DX_URL_PART_HREF; part <= DX_URL_PART_HASH; part++) {
            dx_url_buf g = {0};
            dx_url_get(&u, (dx_url_part)part, &g);
            free(g.p);
        }
        dx_url_set(&u, (dx_url_setter)((sel / 8) % 10), value, vlen);
        check_round_trip(&u);
        dx_url_free(&u);
    }
    if (b) dx_url_free(&base);

    char *a = dx_url_domain_to_ascii(s, ulen);
    char *un = dx_url_domain_to_unicode(s, ulen);
    free(a);
    free(un);

    dx_url_buf f = {0};
    dx_url_form_parse(s, n, on_pair, &f);
    free(f.p);
    return 0;
}
