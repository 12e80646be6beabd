/* src/web/url.c: the URL Standard's parser, setters, hosts and form encoding, as tables of
 * input -> expected serialization (the expected values are what Node 24 gives). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "web/url.h"

typedef struct { const char *input, *base, *want; } parse_row;   /* want NULL: failure */

static const parse_row parse_rows[] = {
    {"http://EXAMPLE.com", NULL, "http://example.com/"},
    {"  http://a.com/x \t", NULL, "http://a.com/x"},
    {"ht\ntp://a\t.com/b\r", NULL, "http://a.com/b"},
    {"https://u:p@h:443/p?q#f", NULL, "https://u:p@h/p?q#f"},
    {"http://h:0080/", NULL, "http://h/"},
    {"http://h:081/", NULL, "http://h:81/"},
    {"http://h:65535/", NULL, "http://h:65535/"},
    {"http://h:65536/", NULL, NULL},
    {"http://h:8a/", NULL, NULL},
    {"http://a b/", NULL, NULL},
    {"http://", NULL, NULL},
    {"http://@h/", NULL, "http://h/"},
    {"http://:@h/", NULL, "http://h/"},
    {"http://a@b@c/", NULL, "http://a%40b@c/"},
    {"http://u:p:q@h/", NULL, "http://u:p%3Aq@h/"},
    {"http:\\\\h\\a\\b", NULL, "http://h/a/b"},
    {"http:h/x", NULL, "http://h/x"},
    {"http:////h/x", NULL, "http://h/x"},
    {"HTTP://h/%7e%zz", NULL, "http://h/%7e%zz"},
    {"http://h/a b<>\"`{}^|", NULL, "http://h/a%20b%3C%3E%22%60%7B%7D%5E|"},
    {"http://h/?a b'<>\"#", NULL, "http://h/?a%20b%27%3C%3E%22#"},
    {"sc://h/?a b'", NULL, "sc://h/?a%20b'"},
    {"http://h/#a b`<>\"", NULL, "http://h/#a%20b%60%3C%3E%22"},
    {"http://h/\xC3\xA9?\xC3\xA9#\xC3\xA9", NULL, "http://h/%C3%A9?%C3%A9#%C3%A9"},
    {"http://h/\xFF", NULL, "http://h/%EF%BF%BD"},
    {"http://h/a/./b/../c/%2e/%2E%2e/d", NULL, "http://h/a/d"},
    {"http://h/a/..", NULL, "http://h/"},
    {"http://h/..", NULL, "http://h/"},
    {"http://h/a/.", NULL, "http://h/a/"},
    {"../x?y#z", "http://h/a/b/c", "http://h/a/x?y#z"},
    {"?q", "http://h/p?old#f", "http://h/p?q"},
    {"#f", "http://h/p?q", "http://h/p?q#f"},
    {"", "http://h/p?q#f", "http://h/p?q"},
    {"//other/x", "https://h/p", "https://other/x"},
    {"/x", "sc://h/p", "sc://h/x"},
    {"x", "sc:opaque", NULL},
    {"#x", "sc:opaque", "sc:opaque#x"},
    {"a", NULL, NULL},
    {"1http://h", NULL, NULL},
    {"sc:", NULL, "sc:"},
    {"sc:/a/../b", NULL, "sc:/b"},
    {"sc:a b ?c", NULL, "sc:a b%20?c"},
    {"sc://h", NULL, "sc://h"},
    {"sc://", NULL, "sc://"},
    {"sc:////x", NULL, "sc:////x"},
    {"sc:/..//x", NULL, "sc:/.//x"},
    {"sc://\xC3\xA9/", NULL, "sc://%C3%A9/"},
    {"sc://a%zz/", NULL, "sc://a%zz/"},
    {"sc://a^b/", NULL, NULL},
    {"sc://a b/", NULL, NULL},
    {"javascript:alert(1)", NULL, "javascript:alert(1)"},
    {"data:text/plain,a\x01" "b", NULL, "data:text/plain,a%01b"},
    /* IPv4 */
    {"http://0x7f.1/", NULL, "http://127.0.0.1/"},
    {"http://0177.0.0.1/", NULL, "http://127.0.0.1/"},
    {"http://2130706433/", NULL, "http://127.0.0.1/"},
    {"http://4294967295/", NULL, "http://255.255.255.255/"},
    {"http://4294967296/", NULL, NULL},
    {"http://1.2.3.4./", NULL, "http://1.2.3.4/"},
    {"http://1.2.3.4.5/", NULL, NULL},
    {"http://1.256.3.4/", NULL, NULL},
    {"http://1.2.65535/", NULL, "http://1.2.255.255/"},
    {"http://0x/", NULL, "http://0.0.0.0/"},
    {"http://09/", NULL, NULL},
    {"http://1.2.3.09/", NULL, NULL},
    {"http://a.1/", NULL, NULL},
    {"http://1.a/", NULL, "http://1.a/"},
    {"http://%30x7f.1/", NULL, "http://127.0.0.1/"},
    /* IPv6 */
    {"http://[::1]/", NULL, "http://[::1]/"},
    {"http://[0:0:0:0:0:0:0:1]/", NULL, "http://[::1]/"},
    {"http://[1:0:0:2:0:0:0:3]/", NULL, "http://[1:0:0:2::3]/"},
    {"http://[1:0:0:2:0:0:3:4]/", NULL, "http://[1::2:0:0:3:4]/"},
    {"http://[::ffff:1.2.3.4]/", NULL, "http://[::ffff:102:304]/"},
    {"http://[1:2:3:4:5:6:7:8]/", NULL, "http://[1:2:3:4:5:6:7:8]/"},
    {"http://[1:2:3:4:5:6:7:8:9]/", NULL, NULL},
    {"http://[1::2::3]/", NULL, NULL},
    {"http://[::1.2.3]/", NULL, NULL},
    {"http://[::1.2.3.4.5]/", NULL, NULL},
    {"http://[::01.2.3.4]/", NULL, NULL},
    {"http://[12345::]/", NULL, NULL},
    {"http://[:1]/", NULL, NULL},
    {"http://[1:]/", NULL, NULL},
    {"http://[::1/", NULL, NULL},
    {"http://[ABCD::]:8080/", NULL, "http://[abcd::]:8080/"},
    {"sc://[::1]/", NULL, "sc://[::1]/"},
    /* IDNA */
    {"http://\xC3\x89X.com/", NULL, "http://xn--x-9fa.com/"},
    {"http://fa\xC3\x9F.de/", NULL, "http://xn--fa-hia.de/"},
    {"http://\xE2\x98\x83.net/", NULL, "http://xn--n3h.net/"},
    {"http://xn--n3h.net/", NULL, "http://xn--n3h.net/"},
    {"http://xn--a.net/", NULL, NULL},
    {"http://a\xEF\xBC\x8E" "b/", NULL, "http://a.b/"},
    {"http://\xEF\xBF\xBD/", NULL, NULL},
    {"http://a%00b/", NULL, NULL},
    {"http://a%25b/", NULL, NULL},
    {"http://-a-.com/", NULL, "http://-a-.com/"},
    {"http://ab--c.com/", NULL, "http://ab--c.com/"},
    /* file: */
    {"file:///C|/x", NULL, "file:///C:/x"},
    {"file:c:\\x\\y", NULL, "file:///c:/x/y"},
    {"file://localhost/x", NULL, "file:///x"},
    {"file://LOCALHOST/x", NULL, "file:///x"},
    {"file://h/x", NULL, "file://h/x"},
    {"file:/x", NULL, "file:///x"},
    {"file:", NULL, "file:///"},
    {"..", "file:///C:/a", "file:///C:/"},
    {"/x", "file:///C:/a/b", "file:///C:/x"},
    {"//h/x", "file:///a", "file://h/x"},
    {"?q", "file:///a/b", "file:///a/b?q"},
    {"x", "file://h/a/b", "file://h/a/x"},
};

static void test_parse(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof parse_rows / sizeof parse_rows[0]; i++) {
        const parse_row *r = &parse_rows[i];
        dx_url base, u;
        bool have_base = false;
        if (r->base) {
            assert_int_equal(dx_url_parse(r->base, strlen(r->base), NULL, &base), 0);
            have_base = true;
        }
        int rc = dx_url_parse(r->input, strlen(r->input), have_base ? &base : NULL, &u);
        if (!r->want) {
            if (rc == 0) {
                print_error("parse '%s': want failure, got '%s'\n", r->input, u.href);
                fail();
            }
        } else if (rc != 0 || strcmp(u.href, r->want) != 0) {
            print_error("parse '%s': want '%s', got '%s'\n", r->input, r->want, rc == 0 ? u.href : "(failure)");
            fail();
        }
        if (rc == 0) dx_url_free(&u);
        if (have_base) dx_url_free(&base);
    }
}

/* A string with an embedded NUL is not cut at it. */
static void test_embedded_nul(void **state) {
    (void)state;
    dx_url u;
    assert_int_equal(dx_url_parse("http://h/a\0b", 12, NULL, &u), 0);
    assert_string_equal(u.href, "http://h/a%00b");
    dx_url_free(&u);
    assert_int_equal(dx_url_parse("http://a\0b/", 11, NULL, &u), -1);
}

typedef struct { const char *href; dx_url_part part; const char *want; } get_row;
static const get_row get_rows[] = {
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_ORIGIN, "https://h:8080"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_PROTOCOL, "https:"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_USERNAME, "u"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_PASSWORD, "p"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_HOST, "h:8080"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_HOSTNAME, "h"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_PORT, "8080"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_PATHNAME, "/a/b"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_SEARCH, "?q=1"},
    {"https://u:p@h:8080/a/b?q=1#f", DX_URL_PART_HASH, "#f"},
    {"http://h/?#", DX_URL_PART_SEARCH, ""},
    {"http://h/?#", DX_URL_PART_HASH, ""},
    {"sc:/..//p", DX_URL_PART_PATHNAME, "//p"},
    {"blob:https://a.com:1/x", DX_URL_PART_ORIGIN, "https://a.com:1"},
    {"blob:ftp://a.com/x", DX_URL_PART_ORIGIN, "null"},
    {"blob:nothing", DX_URL_PART_ORIGIN, "null"},
    {"file:///x", DX_URL_PART_ORIGIN, "null"},
    {"sc://h/", DX_URL_PART_ORIGIN, "null"},
    {"ws://[::1]:81/", DX_URL_PART_ORIGIN, "ws://[::1]:81"},
};

static void test_getters(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof get_rows / sizeof get_rows[0]; i++) {
        dx_url u;
        assert_int_equal(dx_url_parse(get_rows[i].href, strlen(get_rows[i].href), NULL, &u), 0);
        dx_url_buf b = {0};
        dx_url_get(&u, get_rows[i].part, &b);
        if (strcmp(b.p, get_rows[i].want) != 0) {
            print_error("get %d of '%s': want '%s', got '%s'\n", get_rows[i].part, get_rows[i].href,
                        get_rows[i].want, b.p);
            fail();
        }
        free(b.p);
        dx_url_free(&u);
    }
}

typedef struct { const char *href; dx_url_setter which; const char *value; const char *want; } set_row;
static const set_row set_rows[] = {
    {"http://h/p", DX_URL_SET_PROTOCOL, "https", "https://h/p"},
    {"http://h/p", DX_URL_SET_PROTOCOL, "sc", "http://h/p"},
    {"sc://h/p", DX_URL_SET_PROTOCOL, "http", "sc://h/p"},
    {"http://h:443/p", DX_URL_SET_PROTOCOL, "https:junk", "https://h/p"},
    {"http://u@h/", DX_URL_SET_PROTOCOL, "file", "http://u@h/"},
    {"file:///x", DX_URL_SET_PROTOCOL, "http", "file:///x"},
    {"http://h/", DX_URL_SET_USERNAME, "a b:@", "http://a%20b%3A%40@h/"},
    {"http://h/", DX_URL_SET_PASSWORD, "\xC3\xA9", "http://:%C3%A9@h/"},
    {"http://u:p@h/", DX_URL_SET_PASSWORD, "", "http://u@h/"},
    {"file:///x", DX_URL_SET_USERNAME, "u", "file:///x"},
    {"sc:opaque", DX_URL_SET_USERNAME, "u", "sc:opaque"},
    {"http://h/p", DX_URL_SET_HOST, "x.com:81", "http://x.com:81/p"},
    {"http://h:81/p", DX_URL_SET_HOST, "x.com", "http://x.com:81/p"},
    {"http://h/p", DX_URL_SET_HOST, "x.com:65536", "http://x.com/p"},
    {"http://h/p", DX_URL_SET_HOST, "", "http://h/p"},
    {"http://h/p", DX_URL_SET_HOST, "a/b", "http://a/p"},
    {"http://h/p", DX_URL_SET_HOSTNAME, "x:81", "http://h/p"},
    {"sc://h/p", DX_URL_SET_HOSTNAME, "", "sc:///p"},
    {"sc://u@h/p", DX_URL_SET_HOSTNAME, "", "sc://u@h/p"},
    {"file://h/p", DX_URL_SET_HOST, "localhost", "file:///p"},
    {"sc:opaque", DX_URL_SET_HOST, "x", "sc:opaque"},
    {"http://h/", DX_URL_SET_PORT, "8080abc", "http://h:8080/"},
    {"http://h:1/", DX_URL_SET_PORT, "", "http://h/"},
    {"http://h:1/", DX_URL_SET_PORT, "80", "http://h/"},
    {"http://h:1/", DX_URL_SET_PORT, "x", "http://h:1/"},
    {"http://h:1/", DX_URL_SET_PORT, "65536", "http://h:1/"},
    {"file:///x", DX_URL_SET_PORT, "1", "file:///x"},
    {"http://h/a?q#f", DX_URL_SET_PATHNAME, "b c/../d", "http://h/d?q#f"},
    {"http://h/a", DX_URL_SET_PATHNAME, "", "http://h/"},
    {"sc://h/a", DX_URL_SET_PATHNAME, "", "sc://h"},
    {"sc:opaque", DX_URL_SET_PATHNAME, "x", "sc:opaque"},
    {"http://h/a", DX_URL_SET_SEARCH, "?x y#", "http://h/a?x%20y%23"},
    {"http://h/a?q#f", DX_URL_SET_SEARCH, "", "http://h/a#f"},
    {"http://h/a", DX_URL_SET_SEARCH, "?", "http://h/a?"},
    {"http://h/a", DX_URL_SET_HASH, "#x y", "http://h/a#x%20y"},
    {"http://h/a#f", DX_URL_SET_HASH, "", "http://h/a"},
    {"http://h/a", DX_URL_SET_HREF, "https://x/", "https://x/"},
    /* a host-less path that starts with "/." is not the "/." the serializer adds before "//" */
    {"sc:/.x", DX_URL_SET_HOST, "", "sc:///.x"},
    {"sc:/.//p", DX_URL_SET_HOST, "", "sc:////p"},
};

static void test_setters(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof set_rows / sizeof set_rows[0]; i++) {
        const set_row *r = &set_rows[i];
        dx_url u;
        assert_int_equal(dx_url_parse(r->href, strlen(r->href), NULL, &u), 0);
        assert_int_equal(dx_url_set(&u, r->which, r->value, strlen(r->value)), 0);
        if (strcmp(u.href, r->want) != 0) {
            print_error("set %d '%s' on '%s': want '%s', got '%s'\n", r->which, r->value, r->href, r->want, u.href);
            fail();
        }
        dx_url_free(&u);
    }
}

static void test_href_setter_failure_keeps_url(void **state) {
    (void)state;
    dx_url u;
    assert_int_equal(dx_url_parse("http://h/", 9, NULL, &u), 0);
    assert_int_equal(dx_url_set(&u, DX_URL_SET_HREF, "nope", 4), -1);
    assert_string_equal(u.href, "http://h/");
    dx_url_free(&u);
}

typedef struct { const char *in, *ascii, *unicode; } domain_row;
static const domain_row domain_rows[] = {
    {"espa\xC3\xB1ol.com", "xn--espaol-zwa.com", "espa\xC3\xB1ol.com"},
    {"xn--espaol-zwa.com", "xn--espaol-zwa.com", "espa\xC3\xB1ol.com"},
    {"EXAMPLE.com", "example.com", "example.com"},
    {"0x7f.1", "127.0.0.1", "127.0.0.1"},
    {"a/b", "a", "a"},
    {"a b", "", ""},
    {"xn--iñvalid.com", "", ""},
    {"", "", ""},
};

static void test_domains(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof domain_rows / sizeof domain_rows[0]; i++) {
        const domain_row *r = &domain_rows[i];
        char *a = dx_url_domain_to_ascii(r->in, strlen(r->in));
        char *u = dx_url_domain_to_unicode(r->in, strlen(r->in));
        if (strcmp(a, r->ascii) != 0 || strcmp(u, r->unicode) != 0) {
            print_error("domain '%s': want '%s'/'%s', got '%s'/'%s'\n", r->in, r->ascii, r->unicode, a, u);
            fail();
        }
        free(a);
        free(u);
    }
}

typedef struct { char out[256]; size_t len; } pairs;
#include <stdio.h>
static void collect(void *ud, const char *n, size_t nl, const char *v, size_t vl) {
    pairs *p = ud;
    p->len += (size_t)snprintf(p->out + p->len, sizeof p->out - p->len, "[%.*s=%.*s]", (int)nl, n, (int)vl, v);
}

typedef struct { const char *in, *want; } form_row;
static const form_row form_rows[] = {
    {"a=1&b=2", "[a=1][b=2]"},
    {"a&&=&b=", "[a=][=][b=]"},
    {"a+b=c+d%20e", "[a b=c d e]"},
    {"%zz=%4", "[%zz=%4]"},
    {"a=b=c", "[a=b=c]"},
    {"%C3%A9=%e2%82%ac", "[\xC3\xA9=\xE2\x82\xAC]"},
    {"", ""},
};

static void test_form_parse(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof form_rows / sizeof form_rows[0]; i++) {
        pairs p = {{0}, 0};
        dx_url_form_parse(form_rows[i].in, strlen(form_rows[i].in), collect, &p);
        if (strcmp(p.out, form_rows[i].want) != 0) {
            print_error("form '%s': want '%s', got '%s'\n", form_rows[i].in, form_rows[i].want, p.out);
            fail();
        }
    }
}

static void test_form_encode(void **state) {
    (void)state;
    dx_url_buf b = {0};
    const char *in = "a b*-._~!'()&=+%\xC3\xA9/";
    dx_url_form_encode(&b, in, strlen(in));
    assert_string_equal(b.p, "a+b*-._%7E%21%27%28%29%26%3D%2B%25%C3%A9%2F");
    free(b.p);
}

/* The parser's fast path: which inputs it takes and which it leaves to the state machine, and that
 * what it takes comes out exactly as the state machine makes it. */
typedef struct { const char *input, *base; bool taken; const char *want; } fast_row;

static const fast_row fast_rows[] = {
    {"https://example.com/a/b?c=d#e", NULL, true, "https://example.com/a/b?c=d#e"},
    {"HTTPS://EXAMPLE.com", NULL, true, "https://example.com/"},
    {"http://h?q", NULL, true, "http://h/?q"},
    {"http://h#f", NULL, true, "http://h/#f"},
    {"http://h:80/", NULL, true, "http://h/"},
    {"http://h:0080/", NULL, true, "http://h/"},
    {"http://h:/", NULL, true, "http://h/"},
    {"wss://h:443", NULL, true, "wss://h/"},
    {"ftp://h:21/x", NULL, true, "ftp://h/x"},
    {"ws://h:65535/", NULL, true, "ws://h:65535/"},
    {"http://h:0/", NULL, true, "http://h:0/"},
    {"http://h:00/", NULL, true, "http://h:0/"},
    {"http://h:00081/", NULL, true, "http://h:81/"},
    {"http://h:8080", NULL, true, "http://h:8080/"},
    {"https://h:80/", NULL, true, "https://h:80/"},
    {"http://u:p@h/", NULL, true, "http://u:p@h/"},
    {"http://u:@h/", NULL, true, "http://u@h/"},
    {"http://:p@h/", NULL, true, "http://:p@h/"},
    {"http://@h/", NULL, true, "http://h/"},
    {"http://u:p:q@h/", NULL, true, "http://u:p%3Aq@h/"},
    {"http://u v@h/", NULL, true, "http://u%20v@h/"},
    {"http://1.2.3.4/", NULL, true, "http://1.2.3.4/"},
    {"http://0x7f.1/", NULL, true, "http://127.0.0.1/"},
    {"http://[::1]/", NULL, true, "http://[::1]/"},
    {"http://u@[0:0::ABCD:0:1]:8080/x", NULL, true, "http://u@[::abcd:0:1]:8080/x"},
    {"https://[1:2:3:4:5:6:7:8]:443", NULL, true, "https://[1:2:3:4:5:6:7:8]/"},
    {"http://[::ffff:1.2.3.4]/", NULL, true, "http://[::ffff:102:304]/"},
    {"http://h.0x7f/", NULL, false, NULL},            /* ends in a number that is no IPv4 */
    {"http://xn--bcher-kva.example/", NULL, true, "http://xn--bcher-kva.example/"},
    {"http://b\xC3\xBC" "cher.example/", NULL, true, "http://xn--bcher-kva.example/"},
    {"http://ex%41mple.com/", NULL, true, "http://example.com/"},
    {"http://h/a/./b/../c/%2e/%2E%2e/d", NULL, true, "http://h/a/d"},
    {"http://h/a/..", NULL, true, "http://h/"},
    {"http://h/.", NULL, true, "http://h/"},
    {"http://h/a b<>\"`{}^|", NULL, true, "http://h/a%20b%3C%3E%22%60%7B%7D%5E|"},
    {"http://h/?a b'<>\"", NULL, true, "http://h/?a%20b%27%3C%3E%22"},
    {"http://h/#a b`<>\"", NULL, true, "http://h/#a%20b%60%3C%3E%22"},
    {"http://h/\xC3\xA9?\xC3\xA9#\xC3\xA9", NULL, true, "http://h/%C3%A9?%C3%A9#%C3%A9"},
    {"http://h/\x7F", NULL, true, "http://h/%7F"},
    {"file:///home/u/x.js", NULL, true, "file:///home/u/x.js"},
    {"file:///a/../b?q#f", NULL, true, "file:///b?q#f"},
    {"../x?y#z", "http://h/a/b/c", true, "http://h/a/x?y#z"},
    {"x", "https://u:p@h:8080/a/b?q#f", true, "https://u:p@h:8080/a/x"},
    {"/x/./y", "http://h/a/b", true, "http://h/x/y"},
    {"?q", "http://h/p?old#f", true, "http://h/p?q"},
    {"#f", "http://h/p?q", true, "http://h/p?q#f"},
    {"", "http://h/p?q#f", true, "http://h/p?q"},
    {"https://other/x", "http://h/", true, "https://other/x"},
    /* Paths copied whole, and those that need the segment loop (dots, escapes, drive letters). */
    {"http://h/a/b.c/d%41/e.", NULL, true, "http://h/a/b.c/d%41/e."},
    {"http://h/a/.b/c", NULL, true, "http://h/a/.b/c"},
    {"http://h/a/%2Fb", NULL, true, "http://h/a/%2Fb"},
    {"http://h/a/%2e%2E/b", NULL, true, "http://h/b"},
    {"http://h/.%2e/b", NULL, true, "http://h/b"},
    {"http://h/a:b|c/", NULL, true, "http://h/a:b|c/"},
    {"http://h//a//", NULL, true, "http://h//a//"},
    {"file:///a/b:c/", NULL, true, "file:///a/b:c/"},
    {"file:///a/c:/x", NULL, false, NULL},            /* a drive letter segment */
    {"file:///a/b|c/x", NULL, true, "file:///a/b|c/x"},
    {"../a.b/./c", "http://h/x/y/z", true, "http://h/x/a.b/c"},
    /* Colons in the authority: the first before '@' splits the user info, the first after it
     * starts the port. */
    {"http://u:p:q@h:81/", NULL, true, "http://u:p%3Aq@h:81/"},
    {"http://u@h:81/", NULL, true, "http://u@h:81/"},
    {"http://:@h/", NULL, true, "http://h/"},
    {"http://[::1]:81/", NULL, true, "http://[::1]:81/"},
    {"http://u:p@[::1]:81/", NULL, true, "http://u:p@[::1]:81/"},
    /* Hosts: upper case, "xn--" labels anywhere, names ending in a hex digit or 'x'. */
    {"http://A.XN--BCHER-KVA.example/", NULL, true, "http://a.xn--bcher-kva.example/"},
    {"http://xn.example/", NULL, true, "http://xn.example/"},
    {"http://a.xn-b/", NULL, true, "http://a.xn-b/"},
    {"http://cafe/", NULL, true, "http://cafe/"},
    {"http://a.0x/", NULL, false, NULL},             /* "0x" is the number 0: an invalid IPv4 */
    {"http://example.c0ffee/", NULL, true, "http://example.c0ffee/"},
    {"http://1.2.3.0x4/", NULL, true, "http://1.2.3.4/"},
    {"http://h.09/", NULL, false, NULL},              /* "09" is neither decimal nor octal */
    {"http://h.x/", NULL, true, "http://h.x/"},
    /* Declined: the state machine handles these. */
    {"", NULL, false, NULL},
    {" http://h/", NULL, false, NULL},
    {"http://h/ ", NULL, false, NULL},
    {"http://h/\ta", NULL, false, NULL},
    {"http://h/\na", NULL, false, NULL},
    {"http://h/\x01", NULL, false, NULL},
    {"http://h/\xFF", NULL, false, NULL},               /* invalid UTF-8 */
    {"http://h/\xC3", NULL, false, NULL},
    {"http:\\\\h/", NULL, false, NULL},
    {"http://h\\a", NULL, false, NULL},
    {"http://h/a\\b", NULL, false, NULL},
    {"http:/h/", NULL, false, NULL},
    {"http:h/", NULL, false, NULL},
    {"http:///h/", NULL, false, NULL},
    {"http://[::1]x/", NULL, false, NULL},
    {"http://[::1]]/", NULL, false, NULL},
    {"http://h[::1]/", NULL, false, NULL},
    {"http://[u@h/", NULL, false, NULL},
    {"http://[::1][::2]/", NULL, false, NULL},
    {"http://[::1/", NULL, false, NULL},
    {"http://[::g]/", NULL, false, NULL},
    {"http://a@b@c/", NULL, false, NULL},
    {"http://u@/", NULL, false, NULL},
    {"http:///", NULL, false, NULL},
    {"http://h:65536/", NULL, false, NULL},
    {"http://h:8a/", NULL, false, NULL},
    {"http://h:1:2/", NULL, false, NULL},
    {"http://a b/", NULL, false, NULL},
    {"http://h%/", NULL, false, NULL},
    {"httpx://h/", NULL, false, NULL},
    {"sc://h/", NULL, false, NULL},
    {"mailto:x@y", NULL, false, NULL},
    {"file://host/x", NULL, false, NULL},
    {"file:////x", NULL, false, NULL},
    {"file:///C:/x", NULL, false, NULL},
    {"file:///a/c|/x", NULL, false, NULL},
    {"x", NULL, false, NULL},
    {"x", "sc://h/a", false, NULL},
    {"x", "file:///a/b", false, NULL},
    {"x", "sc:opaque", false, NULL},
    {"//h/x", "http://a/", false, NULL},
    {"/\\h/x", "http://a/", false, NULL},
    {"\\x", "http://a/", false, NULL},
    {"http:x", "http://a/b", false, NULL},
    {"a\\b", "http://a/", false, NULL},
};

/* Both halves agree on every field. */
static void assert_same_url(const dx_url *a, const dx_url *b, const char *input) {
    if (a->href_len != b->href_len || strcmp(a->href, b->href) != 0 || a->scheme_end != b->scheme_end ||
        a->username_start != b->username_start || a->username_end != b->username_end ||
        a->password_start != b->password_start || a->password_end != b->password_end ||
        a->host_start != b->host_start || a->host_end != b->host_end || a->path_start != b->path_start ||
        a->port != b->port || a->query_start != b->query_start || a->fragment_start != b->fragment_start ||
        a->host_type != b->host_type || a->opaque_path != b->opaque_path || a->special != b->special) {
        print_error("'%s': fast path '%s', state machine '%s' (or their offsets differ)\n", input, a->href, b->href);
        fail();
    }
}

static void check_fast(const char *input, size_t len, const char *base_s, int want_taken, const char *want) {
    dx_url base, fast, full;
    if (base_s) assert_int_equal(dx_url_parse(base_s, strlen(base_s), NULL, &base), 0);
    const dx_url *b = base_s ? &base : NULL;
    int taken = dx__url_parse_fast(input, len, b, &fast);
    if (want_taken >= 0 && taken != want_taken) {
        print_error("'%s': fast path %s, want %s\n", input, taken ? "took it" : "declined", want_taken ? "taken" : "declined");
        fail();
    }
    if (taken) {
        assert_int_equal(dx__url_parse_full(input, len, b, &full), 0);
        assert_same_url(&fast, &full, input);
        if (want && strcmp(fast.href, want) != 0) {
            print_error("'%s': want '%s', got '%s'\n", input, want, fast.href);
            fail();
        }
        dx_url_free(&fast);
        dx_url_free(&full);
    }
    if (base_s) dx_url_free(&base);
}

static void test_fast_path(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof fast_rows / sizeof fast_rows[0]; i++) {
        const fast_row *r = &fast_rows[i];
        check_fast(r->input, strlen(r->input), r->base, r->taken, r->want);
    }
}

/* Inputs of every length from 0 to 64 bytes of path around the eight-byte scan, clean (taken) and
 * with one C0 control, one non-ASCII character or one invalid byte at each position. */
/* Hosts that go through IDNA or the IPv4 parser are remembered per thread: the same host again,
 * among others that share or evict its slot, gives the same result, failures included. */
static void test_host_cache(void **state) {
    (void)state;
    static const char *const hosts[] = {
        "http://b\xC3\xBC" "cher.example/", "http://xn--bcher-kva.example/", "http://0x7f.1/", "http://ex%41mple.com/",
        "http://xn--a.example/", "http://a\xE2\x80\x8D" "b/", "http://1.2.3.4.5/", "http://\xEF\xBC\x90x7f.1/",
    };
    char *first[8];
    int ok[8];
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < 8; i++) {
            dx_url u;
            int r = dx_url_parse(hosts[i], strlen(hosts[i]), NULL, &u);
            if (round == 0) {
                ok[i] = r;
                first[i] = r == 0 ? strdup(u.href) : NULL;
            } else {
                assert_int_equal(r, ok[i]);
                if (r == 0) assert_string_equal(u.href, first[i]);
            }
            if (r == 0) dx_url_free(&u);
        }
        /* Many other hosts in between, to evict some of the slots. */
        for (int k = 0; round == 1 && k < 300; k++) {
            char in[64];
            int len = snprintf(in, sizeof in, "http://h\xC3\xA9%d.example/", k);
            dx_url u;
            assert_int_equal(dx_url_parse(in, (size_t)len, NULL, &u), 0);
            dx_url_free(&u);
        }
    }
    assert_int_equal(ok[0], 0);
    assert_string_equal(first[0], "http://xn--bcher-kva.example/");
    assert_string_equal(first[2], "http://127.0.0.1/");
    assert_int_equal(ok[5], -1);   /* a ZERO WIDTH JOINER that CONTEXTJ rejects */
    assert_int_equal(ok[6], -1);   /* five IPv4 parts */
    for (size_t i = 0; i < 8; i++) free(first[i]);
}

static void test_fast_path_lengths(void **state) {
    (void)state;
    char in[128];
    const char *prefix = "http://h/";
    size_t pl = strlen(prefix);
    for (size_t len = 0; len <= 64; len++) {
        memcpy(in, prefix, pl);
        for (size_t i = 0; i < len; i++) in[pl + i] = (char)('a' + i % 26);
        check_fast(in, pl + len, NULL, 1, NULL);
        for (size_t at = 0; at < len; at++) {
            char saved = in[pl + at];
            in[pl + at] = 0x1F;
            check_fast(in, pl + len, NULL, 0, NULL);
            in[pl + at] = (char)0x80;   /* a lone continuation byte */
            check_fast(in, pl + len, NULL, 0, NULL);
            in[pl + at] = (char)0x7F;
            check_fast(in, pl + len, NULL, 1, NULL);
            in[pl + at] = saved;
        }
        if (len >= 2) {
            in[pl + len / 2 - 1] = (char)0xC3;
            in[pl + len / 2] = (char)0xA9;
            check_fast(in, pl + len, NULL, 1, NULL);
        }
    }
    /* A NUL in the middle is data, not the end: declined, like any C0 control. */
    check_fast("http://h/a\0b", 12, NULL, 0, NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_embedded_nul),
        cmocka_unit_test(test_getters),
        cmocka_unit_test(test_setters),
        cmocka_unit_test(test_href_setter_failure_keeps_url),
        cmocka_unit_test(test_domains),
        cmocka_unit_test(test_form_parse),
        cmocka_unit_test(test_form_encode),
        cmocka_unit_test(test_fast_path),
        cmocka_unit_test(test_fast_path_lengths),
        cmocka_unit_test(test_host_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
