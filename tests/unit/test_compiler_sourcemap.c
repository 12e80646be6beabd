/* Source maps: VLQ and Base64 (known values and round trips), the JSON the builder writes, the
 * strict decoder (lookups against hand-computed expectations, index maps, malformed maps and the
 * messages they get), composition with an input map, finding and decoding sourceMappingURL
 * comments, and js_transpile's output and maps. The same lookups are cross-checked against the
 * `source-map` npm package by tests/cli/sourcemap_crosscheck.test.js. */
#include "test_compiler_util.h"

#include "compiler/sourcemap.h"

/* ---- VLQ ------------------------------------------------------------------------------------ */

static void test_vlq_known_values(void **state) {
  (void)state;
  /* Values from the format's definition; the smaller ones agree with source-map's encoder, which
   * wraps around at 2^31 where this one keeps going. */
  static const struct { int64_t v; const char *enc; } rows[] = {
    {0, "A"}, {1, "C"}, {-1, "D"}, {15, "e"}, {16, "gB"}, {-16, "hB"}, {31, "+B"}, {32, "gC"},
    {123, "2H"}, {1000, "w+B"}, {-1000, "x+B"}, {2147483647, "+/////D"}, {-2147483647, "//////D"},
    {2147483648LL, "ggggggE"}, {-2147483648LL, "hgggggE"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char out[JS_VLQ_MAX_CHARS + 1];
    size_t n = js_vlq_encode(rows[i].v, out);
    out[n] = 0;
    if (strcmp(out, rows[i].enc) != 0) {
      print_error("encode(%lld): expected %s, got %s\n", (long long)rows[i].v, rows[i].enc, out);
      bad++;
    }
    size_t pos = 0;
    int64_t v = 0;
    if (js_vlq_decode(rows[i].enc, strlen(rows[i].enc), &pos, &v) != 0 || v != rows[i].v || pos != strlen(rows[i].enc)) {
      print_error("decode(%s): expected %lld, got %lld\n", rows[i].enc, (long long)rows[i].v, (long long)v);
      bad++;
    }
  }
  if (bad) fail_msg("%d VLQ rows failed", bad);
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void) { /* xorshift64*: deterministic, so a failure reproduces */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ull;
}

static int roundtrip_one(int64_t v) {
  char buf[JS_VLQ_MAX_CHARS];
  size_t n = js_vlq_encode(v, buf);
  size_t pos = 0;
  int64_t back = 0;
  if (n == 0 || n > JS_VLQ_MAX_CHARS || js_vlq_decode(buf, n, &pos, &back) != 0 || back != v || pos != n) {
    print_error("round trip of %lld failed (%zu digits, back %lld)\n", (long long)v, n, (long long)back);
    return 1;
  }
  return 0;
}

static void test_vlq_roundtrip_property(void **state) {
  (void)state;
  int bad = 0;
  for (int64_t v = -5000; v <= 5000; v++) bad += roundtrip_one(v);
  for (int k = 0; k <= 31; k++) {
    int64_t p = (int64_t)1 << k;
    for (int64_t d = -1; d <= 1; d++) {
      if (p + d <= JS_VLQ_MAX_MAGNITUDE) bad += roundtrip_one(p + d);
      if (p + d <= JS_VLQ_MAX_MAGNITUDE) bad += roundtrip_one(-(p + d));
    }
  }
  for (int i = 0; i < 200000; i++) {
    int64_t v = (int64_t)(rng() % ((uint64_t)JS_VLQ_MAX_MAGNITUDE * 2 + 1)) - JS_VLQ_MAX_MAGNITUDE;
    bad += roundtrip_one(v);
  }
  /* A run of values decodes back in order, as "mappings" fields do. */
  char s[64 * JS_VLQ_MAX_CHARS];
  int64_t vals[64];
  size_t len = 0;
  for (int i = 0; i < 64; i++) {
    vals[i] = (int64_t)(rng() % 100000) - 50000;
    len += js_vlq_encode(vals[i], s + len);
  }
  size_t pos = 0;
  for (int i = 0; i < 64; i++) {
    int64_t v;
    if (js_vlq_decode(s, len, &pos, &v) != 0 || v != vals[i]) bad++;
  }
  if (pos != len) bad++;
  if (bad) fail_msg("%d round trips failed", bad);
}

static void test_vlq_rejects(void **state) {
  (void)state;
  char out[JS_VLQ_MAX_CHARS];
  assert_int_equal(js_vlq_encode(JS_VLQ_MAX_MAGNITUDE + 1, out), 0);
  assert_int_equal(js_vlq_encode(-JS_VLQ_MAX_MAGNITUDE - 1, out), 0);
  assert_int_equal(js_vlq_encode(INT64_MIN, out), 0);
  static const char *bad[] = {
    "",          /* nothing */
    "g",         /* a continuation digit and then the end */
    "gggg",      /* the same, longer */
    "!",         /* not Base64 */
    "g=",        /* padding is not a digit */
    "iggggggE",  /* 2^31 + 1: past the bound */
    "ggggggI",   /* 2^32 */
    "gggggggB",  /* an eighth digit, whatever its value */
    "gggggggggggggggggggggggggggggggA", /* a long run of continuation digits */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    size_t pos = 0;
    int64_t v;
    if (js_vlq_decode(bad[i], strlen(bad[i]), &pos, &v) != -1) fail_msg("decode(\"%s\") should fail", bad[i]);
  }
}

static void test_base64(void **state) {
  (void)state;
  static const struct { const char *plain, *enc; } rows[] = {
    {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"}, {"{\"version\":3}", "eyJ2ZXJzaW9uIjozfQ=="},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    size_t n;
    char *e = js_base64_encode(rows[i].plain, strlen(rows[i].plain), &n);
    assert_non_null(e);
    assert_string_equal(e, rows[i].enc);
    char *d = js_base64_decode(e, n, &n);
    assert_non_null(d);
    assert_int_equal(n, strlen(rows[i].plain));
    assert_memory_equal(d, rows[i].plain, n);
    free(e);
    free(d);
  }
  /* Every byte value survives. */
  unsigned char all[256];
  for (int i = 0; i < 256; i++) all[i] = (unsigned char)i;
  size_t n;
  char *e = js_base64_encode(all, 256, &n);
  char *d = js_base64_decode(e, n, &n);
  assert_int_equal(n, 256);
  assert_memory_equal(d, all, 256);
  free(e);
  free(d);
  assert_null(js_base64_decode("Zm9v!", 5, &n));
  assert_null(js_base64_decode("Z", 1, &n));
  assert_null(js_base64_decode("Zm 9v", 5, &n));
}

/* ---- building and writing ------------------------------------------------------------------- */

static void test_builder_json(void **state) {
  (void)state;
  js_sourcemap *m = js_sourcemap_new();
  assert_int_equal(js_sourcemap_add_source(m, "a.js", "foo(bar)\n", 9), 0);
  int32_t foo = js_sourcemap_add_name(m, "foo", 3);
  assert_int_equal(foo, 0);
  assert_int_equal(js_sourcemap_add_name(m, "bar", 3), 1);
  assert_int_equal(js_sourcemap_add_name(m, "foo", 3), 0); /* names are kept once */
  assert_int_equal(js_sourcemap_add_segment(m, 0, 0, 0, 0, 0, -1), 0);
  assert_int_equal(js_sourcemap_add_segment(m, 0, 4, 0, 0, 4, foo), 0);
  /* Out of order: sorted when written. */
  assert_int_equal(js_sourcemap_add_segment(m, 1, 8, -1, 0, 0, -1), 0);
  assert_int_equal(js_sourcemap_add_segment(m, 1, 2, 0, 2, 0, -1), 0);
  /* Replaced: the same generated position right after (the later, inner node wins). */
  assert_int_equal(js_sourcemap_add_segment(m, 0, 4, 0, 9, 9, -1), 0);
  assert_int_equal(js_sourcemap_add_segment(m, 0, 4, 0, 0, 4, foo), 0);
  /* Kept: a repeat of the previous target (a reverse lookup needs it). Dropped: a later
   * duplicate position out of order, and an unmapped segment after an unmapped one. */
  assert_int_equal(js_sourcemap_add_segment(m, 0, 6, 0, 0, 4, foo), 0);
  assert_int_equal(js_sourcemap_add_segment(m, 0, 0, 0, 5, 5, -1), 0);
  assert_int_equal(js_sourcemap_add_segment(m, 1, 9, -1, 0, 0, -1), 0);
  /* Refused: indices out of range. */
  assert_int_equal(js_sourcemap_add_segment(m, 0, 9, 1, 0, 0, -1), -1);
  assert_int_equal(js_sourcemap_add_segment(m, 0, 9, 0, 0, 0, 2), -1);
  char *json = js_sourcemap_to_json(m, "out.js", true, NULL);
  assert_string_equal(json, "{\"version\":3,\"file\":\"out.js\",\"sources\":[\"a.js\"],"
                            "\"sourcesContent\":[\"foo(bar)\\n\"],\"names\":[\"foo\",\"bar\"],"
                            "\"mappings\":\"AAAA,IAAIA,EAAAA;EAEJ,M\"}");
  free(json);
  json = js_sourcemap_to_json(m, NULL, false, NULL);
  assert_string_equal(json, "{\"version\":3,\"sources\":[\"a.js\"],\"names\":[\"foo\",\"bar\"],"
                            "\"mappings\":\"AAAA,IAAIA,EAAAA;EAEJ,M\"}");
  assert_int_equal(js_sourcemap_segment_count(m), 5);
  /* What it wrote decodes to the same table. */
  js_sourcemap *back = js_sourcemap_parse(json, strlen(json), NULL, 0);
  assert_non_null(back);
  char *again = js_sourcemap_to_json(back, NULL, false, NULL);
  assert_string_equal(again, json);
  free(again);
  free(json);
  js_sourcemap_free(back);
  js_sourcemap_free(m);
}

static void test_json_strings_escaped(void **state) {
  (void)state;
  js_sourcemap *m = js_sourcemap_new();
  /* Quotes, control characters, a lone surrogate (WTF-8) and a byte that is not UTF-8. */
  static const char content[] = "\"\\\n\t\x01 \xc3\xa9 \xed\xa0\x80 \xff";
  js_sourcemap_add_source(m, "d\"ir/a.js", content, sizeof content - 1);
  char *json = js_sourcemap_to_json(m, NULL, true, NULL);
  assert_string_equal(json, "{\"version\":3,\"sources\":[\"d\\\"ir/a.js\"],\"sourcesContent\":[\"\\\"\\\\\\n\\t\\u0001 "
                            "\xc3\xa9 \\ud800 \\ufffd\"],\"names\":[],\"mappings\":\"\"}");
  js_sourcemap *back = js_sourcemap_parse(json, strlen(json), NULL, 0);
  assert_non_null(back);
  size_t len;
  const char *c = js_sourcemap_source_content(back, 0, &len);
  assert_non_null(c);
  assert_int_equal(len, sizeof content - 1 + 2); /* U+FFFD takes 3 bytes where 0xff took one */
  assert_memory_equal(c, content, sizeof content - 2);
  assert_string_equal(js_sourcemap_source(back, 0), "d\"ir/a.js");
  js_sourcemap_free(back);
  free(json);
  js_sourcemap_free(m);
}

/* ---- decoding and lookup -------------------------------------------------------------------- */

typedef struct lookup_row {
  uint32_t line, col;
  const char *expected; /* "source:line:col[:name]" or "-" when nothing maps there */
} lookup_row;

static int check_lookups(js_sourcemap *m, const char *what, const lookup_row *rows, size_t n) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    js_sm_position p;
    char got[256];
    if (js_sourcemap_lookup(m, rows[i].line, rows[i].col, &p)) {
      if (p.name) snprintf(got, sizeof got, "%s:%u:%u:%s", p.source, p.line, p.col, p.name);
      else snprintf(got, sizeof got, "%s:%u:%u", p.source, p.line, p.col);
    } else {
      snprintf(got, sizeof got, "-");
    }
    if (strcmp(got, rows[i].expected) != 0) {
      print_error("%s: lookup %u:%u: expected %s, got %s\n", what, rows[i].line, rows[i].col, rows[i].expected, got);
      bad++;
    }
  }
  return bad;
}

static js_sourcemap *parse_ok(const char *json) {
  char err[256];
  js_sourcemap *m = js_sourcemap_parse(json, strlen(json), err, sizeof err);
  if (!m) fail_msg("%s\nshould parse, got: %s", json, err);
  return m;
}

static void test_lookup_by_hand(void **state) {
  (void)state;
  /* Line 0: col 0 -> a.js 0:0; col 4 -> a.js 0:4 "foo"; col 10 -> nothing.
   * Line 1: empty. Line 2: col 2 -> b.js 5:1; col 7 -> a.js 1:0 (source delta -1, line delta -4
   * against the previous segment that had one, across lines). */
  js_sourcemap *m = parse_ok("{\"version\":3,\"file\":\"out.js\",\"sources\":[\"a.js\",\"b.js\"],"
                             "\"names\":[\"foo\"],\"mappings\":\"AAAA,IAAIA,M;;ECKH,KDJD\"}");
  static const lookup_row rows[] = {
    {0, 0, "a.js:0:0"}, {0, 3, "a.js:0:0"}, {0, 4, "a.js:0:4:foo"}, {0, 9, "a.js:0:4:foo"},
    {0, 10, "-"}, {0, 1000, "-"}, {1, 0, "-"}, {2, 0, "-"}, {2, 1, "-"}, {2, 2, "b.js:5:1"},
    {2, 6, "b.js:5:1"}, {2, 7, "a.js:1:0"}, {2, 99999, "a.js:1:0"}, {3, 0, "-"}, {4000000000u, 0, "-"},
  };
  int bad = check_lookups(m, "hand", rows, sizeof rows / sizeof rows[0]);
  assert_string_equal(js_sourcemap_file(m), "out.js");
  assert_int_equal(js_sourcemap_source_count(m), 2);
  assert_int_equal(js_sourcemap_name_count(m), 1);
  js_sourcemap_free(m);
  if (bad) fail_msg("%d lookups failed", bad);
}

static void test_lookup_unsorted_and_duplicates(void **state) {
  (void)state;
  /* Segments out of order within a line are sorted; of two at one position the first wins.
   * "UAAU": col 10 -> 0:10; "PAAP": col 3 -> 0:3; "AACA": col 3 again -> 1:3, ignored. */
  js_sourcemap *m = parse_ok("{\"version\":3,\"sources\":[\"a\"],\"names\":[],\"mappings\":\"UAAU,PAAP,AACA\"}");
  static const lookup_row rows2[] = {
    {0, 0, "-"}, {0, 2, "-"}, {0, 3, "a:0:3"}, {0, 9, "a:0:3"}, {0, 10, "a:0:10"}, {0, 11, "a:0:10"},
  };
  int bad = check_lookups(m, "unsorted", rows2, sizeof rows2 / sizeof rows2[0]);
  js_sourcemap_free(m);
  if (bad) fail_msg("%d lookups failed", bad);
}

static void test_index_map(void **state) {
  (void)state;
  /* Two sections: the second starts at line 1, column 10 of the generated file, and its first
   * line's columns are shifted by 10. From there on the first section maps nothing (as in the
   * source-map package, which looks a position up in its section only). */
  js_sourcemap *m = parse_ok(
      "{\"version\":3,\"file\":\"bundle.js\",\"sections\":["
      "{\"offset\":{\"line\":0,\"column\":0},\"map\":{\"version\":3,\"sources\":[\"one.js\"],\"names\":[\"x\"],"
      "\"mappings\":\"AAAAA;AACA\"}},"
      "{\"offset\":{\"line\":1,\"column\":10},\"map\":{\"version\":3,\"sources\":[\"two.js\"],\"names\":[\"y\"],"
      "\"mappings\":\"EAAEA;AACA\"}}]}");
  static const lookup_row rows[] = {
    {0, 0, "one.js:0:0:x"}, {1, 0, "one.js:1:0"}, {1, 9, "one.js:1:0"}, {1, 10, "-"}, {1, 11, "-"}, {1, 12, "two.js:0:2:y"},
    {2, 0, "two.js:1:2"}, {3, 0, "-"},
  };
  int bad = check_lookups(m, "sections", rows, sizeof rows / sizeof rows[0]);
  assert_int_equal(js_sourcemap_source_count(m), 2);
  assert_string_equal(js_sourcemap_source(m, 1), "two.js");
  assert_string_equal(js_sourcemap_name(m, 1), "y");
  js_sourcemap_free(m);
  if (bad) fail_msg("%d lookups failed", bad);
}

static void test_parse_accepts(void **state) {
  (void)state;
  static const char *ok[] = {
    "{\"version\":3,\"sources\":[],\"mappings\":\"\"}",
    " \n{ \"mappings\" : \"\" , \"sources\" : [ ] , \"version\" : 3 } \r\n",
    "{\"version\":3,\"sources\":[null],\"sourcesContent\":[null],\"mappings\":\"AAAA\"}",
    "{\"version\":3.0,\"sources\":[\"a\"],\"mappings\":\";;,AAAA,,;\"}",
    "{\"version\":3,\"sources\":[\"\\u00e9\\ud83d\\ude00\\/\"],\"mappings\":\"\",\"x_google_ignoreList\":[0]}",
    "{\"version\":3,\"sources\":[],\"mappings\":\"\",\"extra\":{\"a\":[1,2.5e-3,true,false,null,\"s\"]}}",
    "{\"version\":3,\"sources\":[],\"mappings\":\"\",\"sourceRoot\":null,\"file\":null}",
    "{\"version\":3,\"sections\":[]}",
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) js_sourcemap_free(parse_ok(ok[i]));
  js_sourcemap *m = parse_ok("{\"version\":3,\"sources\":[\"\\u00e9\\ud83d\\ude00\\/\\ud800\"],\"mappings\":\"\"}");
  assert_string_equal(js_sourcemap_source(m, 0), "\xc3\xa9\xf0\x9f\x98\x80/\xed\xa0\x80");
  js_sourcemap_free(m);
  m = parse_ok("{\"version\":3,\"sourceRoot\":\"src/\",\"sources\":[\"a\"],\"mappings\":\"\"}");
  assert_string_equal(js_sourcemap_source_root(m), "src/");
  js_sourcemap_free(m);
}

static void test_parse_errors(void **state) {
  (void)state;
  static const struct { const char *json, *message; } rows[] = {
    {"", "a source map must be a JSON object (at byte 0)"},
    {"[]", "a source map must be a JSON object (at byte 0)"},
    {"{\"version\":3,\"sources\":[],\"mappings\":\"\"", "expected ',' or '}' (at byte 39)"},
    {"{\"version\":3,\"sources\":[],\"mappings\":\"\"} x", "unexpected text after the map (at byte 41)"},
    {"{\"version\":3,\"sources\":[],\"mappings\":\"\",}", "expected a string (at byte 40)"},
    {"{\"version\":2,\"sources\":[],\"mappings\":\"\"}", "unsupported source map version (expected 3) (at byte 0)"},
    {"{\"sources\":[],\"mappings\":\"\"}", "unsupported source map version (expected 3) (at byte 0)"},
    {"{\"version\":\"3\",\"sources\":[],\"mappings\":\"\"}", "\"version\" must be a number (at byte 11)"},
    {"{\"version\":3,\"mappings\":\"\"}", "missing \"sources\" (at byte 0)"},
    {"{\"version\":3,\"sources\":[]}", "missing \"mappings\" (at byte 0)"},
    {"{\"version\":3,\"sources\":[1],\"mappings\":\"\"}", "\"sources\" must be an array of strings (at byte 24)"},
    {"{\"version\":3,\"sources\":[],\"names\":[null],\"mappings\":\"\"}", "\"names\" must be an array of strings (at byte 35)"},
    {"{\"version\":3,\"sources\":[],\"mappings\":7}", "\"mappings\" must be a string (at byte 37)"},
    {"{\"version\":03,\"sources\":[],\"mappings\":\"\"}", "expected ',' or '}' (at byte 12)"},
    {"{\"version\":3,\"sources\":[\"a\\x\"],\"mappings\":\"\"}", "bad escape in string (at byte 26)"},
    {"{\"version\":3,\"sources\":[\"a\\u12\"],\"mappings\":\"\"}", "bad \\u escape (at byte 26)"},
    {"{\"version\":3,\"sources\":[\"a\nb\"],\"mappings\":\"\"}", "control character in string (at byte 26)"},
    {"{\"version\":3,\"sources\":[\"a\xff\"],\"mappings\":\"\"}", "ill-formed UTF-8 in string (at byte 26)"},
    {"{\"version\":3,\"sources\":[\"a\xed\xa0\x80\"],\"mappings\":\"\"}", "ill-formed UTF-8 in string (at byte 26)"},
    {"{\"version\":3,\"sources\":[\"a],\"mappings\":\"\"}", "expected ',' or ']' (at byte 29)"},
    {"{\"version\":3,\"sources\":[],\"mappings\":\"\",\"x\":tru}", "unexpected character (at byte 44)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AA\"}", "mappings: a segment has a source but no position (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAA\"}", "mappings: a segment has a source but no position (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAAAA\"}", "mappings: a segment has more than 5 fields (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"ACAA\"}", "mappings: source index out of range (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAAC\"}", "mappings: name index out of range (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"D\"}", "mappings: generated column out of range (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AADA\"}", "mappings: original position out of range (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAD\"}", "mappings: original position out of range (at byte 41)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAA!\"}", "mappings: bad or overflowing VLQ (at byte 45)"},
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"gggggggggggB\"}", "mappings: bad or overflowing VLQ (at byte 41)"},
    /* Deltas that add up past 2^31 - 1 overflow the position, not the arithmetic. */
    {"{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"+/////D,C\"}", "mappings: generated column out of range (at byte 49)"},
    {"{\"version\":3,\"sections\":[{\"offset\":{\"line\":0,\"column\":0},\"url\":\"x.map\"}]}",
     "sections with \"url\" are not supported (at byte 63)"},
    {"{\"version\":3,\"sections\":[{\"offset\":{\"line\":1,\"column\":0},\"map\":{\"version\":3,\"sources\":[],\"mappings\":\"\"}},"
     "{\"offset\":{\"line\":0,\"column\":0},\"map\":{\"version\":3,\"sources\":[],\"mappings\":\"\"}}]}",
     "sections out of order (at byte 105)"},
    {"{\"version\":3,\"sections\":[{\"offset\":{\"line\":0,\"column\":0},\"map\":{\"version\":3,\"sections\":[]}}]}",
     "a section's map cannot have sections (at byte 87)"},
    {"{\"version\":3,\"sections\":[{\"offset\":{\"line\":-1,\"column\":0},\"map\":{}}]}", "section offset out of range (at byte 43)"},
    {"{\"version\":3,\"sections\":[{\"map\":{\"version\":3,\"sources\":[],\"mappings\":\"\"}}]}",
     "a section needs \"offset\" and \"map\" (at byte 25)"},
    {"{\"version\":3,\"sections\":[],\"mappings\":\"\"}", "an index map cannot have \"mappings\" or \"sources\" (at byte 0)"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char err[256], want[300];
    js_sourcemap *m = js_sourcemap_parse(rows[i].json, strlen(rows[i].json), err, sizeof err);
    snprintf(want, sizeof want, "invalid source map: %s", rows[i].message);
    if (m) {
      print_error("input:    %s\nexpected: %s\nbut it parsed\n\n", rows[i].json, want);
      js_sourcemap_free(m);
      bad++;
    } else if (strcmp(err, want) != 0) {
      print_error("input:    %s\nexpected: %s\ngot:      %s\n\n", rows[i].json, want, err);
      bad++;
    }
  }
  if (bad) fail_msg("%d of %zu rows failed", bad, sizeof rows / sizeof rows[0]);
}

static void test_parse_depth_bounded(void **state) {
  (void)state;
  /* Nesting in an ignored field: refused past the bound, never a deep recursion. */
  size_t depth = 100000;
  char *s = malloc(depth * 2 + 100);
  size_t n = (size_t)sprintf(s, "{\"version\":3,\"sources\":[],\"mappings\":\"\",\"x\":");
  for (size_t i = 0; i < depth; i++) s[n++] = '[';
  for (size_t i = 0; i < depth; i++) s[n++] = ']';
  s[n++] = '}';
  char err[256];
  assert_null(js_sourcemap_parse(s, n, err, sizeof err));
  assert_non_null(strstr(err, "nesting too deep"));
  /* Within the bound it parses. */
  n = (size_t)sprintf(s, "{\"version\":3,\"sources\":[],\"mappings\":\"\",\"x\":");
  for (size_t i = 0; i < 60; i++) s[n++] = '[';
  for (size_t i = 0; i < 60; i++) s[n++] = ']';
  s[n++] = '}';
  js_sourcemap *m = js_sourcemap_parse(s, n, err, sizeof err);
  assert_non_null(m);
  js_sourcemap_free(m);
  free(s);
}

/* ---- composition ---------------------------------------------------------------------------- */

static void test_compose(void **state) {
  (void)state;
  /* inner: B (tsc output) from A (app.ts): B line 0 col 0 -> app.ts 2:0, B 0:6 -> app.ts 2:6
   * "total", B line 1 col 2 -> app.ts 4:4. */
  js_sourcemap *inner = parse_ok("{\"version\":3,\"sources\":[\"app.ts\"],\"sourcesContent\":[\"// ts\\n\"],"
                                 "\"names\":[\"total\"],\"mappings\":\"AAEA,MAAMA;EAEJ\"}");
  /* outer: C (minified) from B: C 0:0 -> B 0:0; C 0:4 -> B 0:6; C 0:9 -> B 1:3 (inside the inner
   * segment at 1:2, app.ts 4:2); C 0:12 -> B 7:0 (no inner mapping on that line); C 0:15 -> nothing.
   * The last two are one unmapped range in the result. */
  js_sourcemap *outer = js_sourcemap_new();
  js_sourcemap_add_source(outer, "app.js", NULL, 0);
  int32_t nm = js_sourcemap_add_name(outer, "t", 1);
  js_sourcemap_add_segment(outer, 0, 0, 0, 0, 0, -1);
  js_sourcemap_add_segment(outer, 0, 4, 0, 0, 6, -1);
  js_sourcemap_add_segment(outer, 0, 9, 0, 1, 3, nm);
  js_sourcemap_add_segment(outer, 0, 12, 0, 7, 0, -1);
  js_sourcemap_add_segment(outer, 0, 15, -1, 0, 0, -1);
  js_sourcemap *c = js_sourcemap_compose(outer, 0, inner);
  assert_non_null(c);
  static const lookup_row rows[] = {
    {0, 0, "app.ts:2:0"}, {0, 3, "app.ts:2:0"}, {0, 4, "app.ts:2:6:total"}, {0, 9, "app.ts:4:2:t"},
    {0, 12, "-"}, {0, 15, "-"},
  };
  int bad = check_lookups(c, "compose", rows, sizeof rows / sizeof rows[0]);
  size_t len;
  assert_string_equal(js_sourcemap_source_content(c, 0, &len), "// ts\n");
  char *json = js_sourcemap_to_json(c, "app.min.js", true, NULL);
  assert_string_equal(json, "{\"version\":3,\"file\":\"app.min.js\",\"sources\":[\"app.ts\"],"
                            "\"sourcesContent\":[\"// ts\\n\"],\"names\":[\"total\",\"t\"],"
                            "\"mappings\":\"AAEA,IAAMA,KAEJC,G\"}");
  free(json);
  js_sourcemap_free(c);

  /* A sourceRoot of the inner map is folded into the source names; other sources of the outer
   * map stay as they are when only one source has an input map. */
  js_sourcemap *inner2 = parse_ok("{\"version\":3,\"sourceRoot\":\"src\",\"sources\":[\"x.ts\"],\"mappings\":\"AACA\"}");
  js_sourcemap *outer2 = js_sourcemap_new();
  js_sourcemap_add_source(outer2, "x.js", NULL, 0);
  js_sourcemap_add_source(outer2, "y.js", NULL, 0);
  js_sourcemap_add_segment(outer2, 0, 0, 0, 0, 0, -1);
  js_sourcemap_add_segment(outer2, 1, 0, 1, 3, 3, -1);
  c = js_sourcemap_compose(outer2, 0, inner2);
  static const lookup_row rows2[] = {{0, 0, "src/x.ts:1:0"}, {1, 0, "y.js:3:3"}};
  bad += check_lookups(c, "compose2", rows2, sizeof rows2 / sizeof rows2[0]);
  js_sourcemap_free(c);
  js_sourcemap_free(inner2);
  js_sourcemap_free(outer2);
  js_sourcemap_free(outer);
  js_sourcemap_free(inner);
  if (bad) fail_msg("%d lookups failed", bad);
}

/* ---- sourceMappingURL ----------------------------------------------------------------------- */

static void test_find_url(void **state) {
  (void)state;
  static const struct { const char *src, *url; } rows[] = {
    {"x();\n//# sourceMappingURL=a.js.map\n", "a.js.map"},
    {"x();\n//# sourceMappingURL=a.js.map", "a.js.map"},
    {"x();\n//@ sourceMappingURL=old.map\r\n\n", "old.map"},
    {"//# sourceMappingURL=first.map\nx();\n//# sourceMappingURL=last.map  \n", "last.map"},
    {"x();\n/*# sourceMappingURL=b.map */\n", "b.map"},
    {"x();\n//#  sourceMappingURL=data:application/json;base64,e30=\n", "data:application/json;base64,e30="},
    {"x(); // sourceMappingURL=no.map\n", NULL},
    {"x();\n//# sourceMappingURL=\n", NULL},
    {"x();\n//# sourceMappingURL=a.map trailing\n", NULL},
    {"", NULL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const char *u;
    size_t ul;
    bool found = js_sourcemap_find_url(rows[i].src, strlen(rows[i].src), &u, &ul);
    if (!rows[i].url) {
      if (found) fail_msg("row %zu: found %.*s where there is no URL", i, (int)ul, u);
      continue;
    }
    if (!found) fail_msg("row %zu: no URL found, expected %s", i, rows[i].url);
    if (ul != strlen(rows[i].url) || memcmp(u, rows[i].url, ul) != 0)
      fail_msg("row %zu: expected %s, got %.*s", i, rows[i].url, (int)ul, u);
  }
}

static void test_data_url(void **state) {
  (void)state;
  size_t n;
  char *s = js_sourcemap_decode_data_url("data:application/json;base64,eyJ2ZXJzaW9uIjozfQ==", 49, &n);
  assert_non_null(s);
  assert_string_equal(s, "{\"version\":3}");
  free(s);
  const char *u = "data:application/json;charset=utf-8;base64,e30=";
  s = js_sourcemap_decode_data_url(u, strlen(u), &n);
  assert_string_equal(s, "{}");
  free(s);
  u = "data:application/json,%7B%7D";
  s = js_sourcemap_decode_data_url(u, strlen(u), &n);
  assert_string_equal(s, "{}");
  free(s);
  static const char *bad[] = {"a.js.map", "data:text/plain;base64,e30=", "data:application/json;base64,e3!=",
                              "data:application/jsonx;base64,e30=", "data:application/json,%7", "data:application/json"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    if (js_sourcemap_decode_data_url(bad[i], strlen(bad[i]), &n)) fail_msg("%s should be refused", bad[i]);
}

/* ---- js_transpile ------------------------------------------------------------------------------ */

/* Position (0-based line, UTF-16 column) of the nth occurrence of tok in out. */
static bool find_token(const char *out, const char *tok, int nth, uint32_t *line, uint32_t *col) {
  const char *p = out;
  for (;;) {
    const char *f = strstr(p, tok);
    if (!f) return false;
    if (nth-- == 0) {
      uint32_t l = 0, c = 0;
      for (const char *q = out; q < f; q++) {
        if (*q == '\n') {
          l++;
          c = 0;
        } else if (((unsigned char)*q & 0xC0) != 0x80) {
          c += ((unsigned char)*q >= 0xF0) ? 2 : 1;
        }
      }
      *line = l;
      *col = c;
      return true;
    }
    p = f + 1;
  }
}

typedef struct tmap_row {
  const char *src;
  bool minify;
  const char *token; /* in the output */
  int nth;
  const char *expected; /* "line:col" (0-based) of the original position */
} tmap_row;

static void test_transpile_maps(void **state) {
  (void)state;
  static const tmap_row rows[] = {
    {"let   x =  foo( bar );", false, "foo", 0, "0:11"},
    {"let   x =  foo( bar );", false, "bar", 0, "0:16"},
    {"let   x =  foo( bar );", true, "bar", 0, "0:16"},
    {"let   x =  foo( bar );", true, "x", 0, "0:6"},
    {"if (a)\n\n    b.c.d(  e  );", false, "b", 0, "2:4"},
    {"if (a)\n\n    b.c.d(  e  );", false, "d", 0, "2:8"},    /* the property name of a call */
    {"if (a)\n\n    b.c.d(  e  );", true, "c", 0, "2:6"},
    {"function   f() {\n  return   new   Foo(1);\n}", false, "new", 0, "1:11"},
    {"function   f() {\n  return   new   Foo(1);\n}", true, "Foo", 0, "1:17"},
    {"function   f() {\n  return   new   Foo(1);\n}", false, "return", 0, "1:2"},
    {"function   f() {\n  return   new   Foo(1);\n}", true, "function", 0, "0:0"},
    /* After a keyword the minifier's separating space is not the token. */
    {"throw     err", true, "err", 0, "0:10"},
    {"var s = '\xf0\x9f\x98\x80';   s2", false, "s2", 0, "0:16"}, /* UTF-16 columns */
    {"class A { m() { this.#p; } #p = 1 }", true, "#p", 0, "0:21"},
    {"class A { m() { this.#p; } #p = 1 }", true, "#p", 1, "0:27"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    js_transpile_options o = {.filename = "in.js", .minify = rows[i].minify, .sourcemap = JS_SOURCEMAP_EXTERNAL};
    js_transpile_result r;
    if (js_transpile(rows[i].src, strlen(rows[i].src), &o, &r) != 0) {
      print_error("%s: transpile failed\n", rows[i].src);
      bad++;
      js_transpile_result_free(&r);
      continue;
    }
    js_sourcemap *m = js_sourcemap_parse(r.map, r.map_len, NULL, 0);
    uint32_t l, c;
    js_sm_position p;
    char got[64] = "-";
    if (!find_token(r.code, rows[i].token, rows[i].nth, &l, &c)) snprintf(got, sizeof got, "token not in output");
    else if (m && js_sourcemap_lookup(m, l, c, &p)) snprintf(got, sizeof got, "%u:%u", p.line, p.col);
    if (strcmp(got, rows[i].expected) != 0) {
      print_error("%s (%s): %s: expected %s, got %s\noutput: %s\n", rows[i].src, rows[i].minify ? "minified" : "pretty",
                  rows[i].token, rows[i].expected, got, r.code);
      bad++;
    }
    js_sourcemap_free(m);
    js_transpile_result_free(&r);
  }
  if (bad) fail_msg("%d of %zu rows failed", bad, sizeof rows / sizeof rows[0]);
}

static void test_transpile_output(void **state) {
  (void)state;
  const char *src = "const a = 1;\nexport { a };\n";
  js_transpile_options o = {.goal = JS_GOAL_MODULE, .filename = "m.mjs", .sourcemap = JS_SOURCEMAP_EXTERNAL,
                            .map_file = "m.js", .map_url = "m.js.map"};
  js_transpile_result r;
  assert_int_equal(js_transpile(src, strlen(src), &o, &r), 0);
  assert_string_equal(r.code, "const a = 1;\nexport {a};\n//# sourceMappingURL=m.js.map\n");
  assert_string_equal(r.map, "{\"version\":3,\"file\":\"m.js\",\"sources\":[\"m.mjs\"],\"sourcesContent\":"
                             "[\"const a = 1;\\nexport { a };\\n\"],\"names\":[],\"mappings\":\"AAAA,MAAM,IAAI;AACV,QAAS\"}");
  js_transpile_result_free(&r);

  /* Inline: the comment holds the same map as a data URL, on a line of its own. */
  o = (js_transpile_options){.filename = "s.js", .minify = true, .sourcemap = JS_SOURCEMAP_INLINE,
                             .no_sources_content = true};
  assert_int_equal(js_transpile("a ( b )", 7, &o, &r), 0);
  assert_null(r.map);
  const char *u;
  size_t ul, jl;
  assert_true(js_sourcemap_find_url(r.code, r.code_len, &u, &ul));
  assert_true(strncmp(r.code, "a(b);\n//# sourceMappingURL=data:", 32) == 0);
  char *json = js_sourcemap_decode_data_url(u, ul, &jl);
  assert_string_equal(json, "{\"version\":3,\"sources\":[\"s.js\"],\"names\":[],\"mappings\":\"AAAA,EAAI\"}");
  free(json);
  js_transpile_result_free(&r);

  /* No map: just the code. */
  o = (js_transpile_options){0};
  assert_int_equal(js_transpile("a ( b )", 7, &o, &r), 0);
  assert_string_equal(r.code, "a(b);\n");
  assert_null(r.map);
  js_transpile_result_free(&r);
}

static void test_transpile_errors(void **state) {
  (void)state;
  static const struct { const char *src; js_goal goal; const char *expected; } rows[] = {
    {"let x = ;", JS_GOAL_SCRIPT, "bad.js:1:9: Unexpected token ';'"},
    {"\n  import x from 'y'", JS_GOAL_SCRIPT, "bad.js:2:3: Cannot use import statement outside a module"},
    {"x = 1;\n}", JS_GOAL_MODULE, "bad.js:2:1: Unexpected token '}'"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    js_transpile_options o = {.goal = rows[i].goal, .filename = "bad.js", .sourcemap = JS_SOURCEMAP_INLINE};
    js_transpile_result r;
    int rc = js_transpile(rows[i].src, strlen(rows[i].src), &o, &r);
    if (rc != -1 || r.code || !r.nerrors || strcmp(r.errors[0].text, rows[i].expected) != 0) {
      print_error("%s: expected %s, got rc %d, %s\n", rows[i].src, rows[i].expected, rc,
                  r.nerrors ? r.errors[0].text : "no error");
      bad++;
    }
    js_transpile_result_free(&r);
  }
  if (bad) fail_msg("%d of %zu rows failed", bad, sizeof rows / sizeof rows[0]);
}

static void test_transpile_input_map(void **state) {
  (void)state;
  /* The input is "tsc output" whose own map points into app.ts: line 0 of the input comes from
   * app.ts line 3, its `y` (col 8) from app.ts 3:10. */
  const char *src = "var x = y;\n";
  const char *input_map = "{\"version\":3,\"sources\":[\"app.ts\"],\"names\":[],\"mappings\":\"AAGA,QAAU\"}";
  js_transpile_options o = {.filename = "app.js", .minify = true, .sourcemap = JS_SOURCEMAP_EXTERNAL,
                            .input_map = input_map, .input_map_len = strlen(input_map)};
  js_transpile_result r;
  assert_int_equal(js_transpile(src, strlen(src), &o, &r), 0);
  assert_string_equal(r.code, "var x=y;");
  assert_null(r.input_map_error);
  js_sourcemap *m = js_sourcemap_parse(r.map, r.map_len, NULL, 0);
  assert_non_null(m);
  static const lookup_row rows[] = {{0, 0, "app.ts:3:0"}, {0, 4, "app.ts:3:0"}, {0, 6, "app.ts:3:10"}};
  int bad = check_lookups(m, "input map", rows, sizeof rows / sizeof rows[0]);
  js_sourcemap_free(m);
  js_transpile_result_free(&r);

  /* A malformed input map is reported and ignored: the map points at the input itself. */
  o.input_map = "{\"version\":3}";
  o.input_map_len = strlen(o.input_map);
  assert_int_equal(js_transpile(src, strlen(src), &o, &r), 0);
  assert_string_equal(r.input_map_error, "invalid source map: missing \"sources\" (at byte 0)");
  m = js_sourcemap_parse(r.map, r.map_len, NULL, 0);
  static const lookup_row rows2[] = {{0, 6, "app.js:0:8"}};
  bad += check_lookups(m, "no input map", rows2, 1);
  js_sourcemap_free(m);
  js_transpile_result_free(&r);
  if (bad) fail_msg("%d lookups failed", bad);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_vlq_known_values),
    cmocka_unit_test(test_vlq_roundtrip_property),
    cmocka_unit_test(test_vlq_rejects),
    cmocka_unit_test(test_base64),
    cmocka_unit_test(test_builder_json),
    cmocka_unit_test(test_json_strings_escaped),
    cmocka_unit_test(test_lookup_by_hand),
    cmocka_unit_test(test_lookup_unsorted_and_duplicates),
    cmocka_unit_test(test_index_map),
    cmocka_unit_test(test_parse_accepts),
    cmocka_unit_test(test_parse_errors),
    cmocka_unit_test(test_parse_depth_bounded),
    cmocka_unit_test(test_compose),
    cmocka_unit_test(test_find_url),
    cmocka_unit_test(test_data_url),
    cmocka_unit_test(test_transpile_maps),
    cmocka_unit_test(test_transpile_output),
    cmocka_unit_test(test_transpile_errors),
    cmocka_unit_test(test_transpile_input_map),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
