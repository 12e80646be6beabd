/* src/web/encoding.c: label lookup, the decoders (UTF-8/16 streaming and BOM, single-byte
 * tables, x-user-defined, ICU encodings, fatal mode) and the StringDecoder plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/utf8.h"
#include "web/encoding.h"

static const char *name_of(const char *label) {
    int e = dx_enc_lookup(label, strlen(label));
    return e < 0 ? NULL : dx_enc_get(e)->name;
}

static void test_labels(void **state) {
    (void)state;
    assert_string_equal(name_of("utf-8"), "utf-8");
    assert_string_equal(name_of(" \t\n\f\rUTF8\r\n"), "utf-8");
    assert_string_equal(name_of("Latin1"), "windows-1252");
    assert_string_equal(name_of("US-ASCII"), "windows-1252");
    assert_string_equal(name_of("utf-16"), "utf-16le");
    assert_string_equal(name_of("unicodefffe"), "utf-16be");
    assert_string_equal(name_of("sjis"), "shift_jis");
    assert_string_equal(name_of("x-x-big5"), "big5");
    assert_string_equal(name_of("logical"), "iso-8859-8-i");
    assert_string_equal(name_of("iso-2022-kr"), "replacement");
    assert_null(name_of("utf-32"));
    assert_null(name_of(""));
    assert_null(name_of("   "));
    assert_null(name_of("utf-8\v"));
    assert_null(name_of("\xC3\xA9"));
    assert_null(name_of("a-label-far-longer-than-any-encoding-label"));
    assert_int_equal(dx_enc_lookup("utf-8\0x", 7), -1); /* an embedded NUL never matches */
    assert_null(dx_enc_get(-1));
    assert_null(dx_enc_get(1000));
}

/* Decodes `in` as one call (flush) and compares with the UTF-16 `want`. */
static void check(const char *label, bool fatal, bool ignore_bom, const char *in, size_t n, const uint16_t *want,
                  size_t nwant) {
    dx_decoder d;
    assert_int_equal(dx_decoder_init(&d, dx_enc_lookup(label, strlen(label)), fatal, ignore_bom), 0);
    dx_decoder_begin(&d, false);
    uint16_t *out;
    size_t len;
    int r = dx_decoder_decode(&d, (const uint8_t *)in, n, true, &out, &len);
    if (!want) {
        assert_int_equal(r, -1);
    } else {
        assert_int_equal(r, 0);
        assert_int_equal(len, nwant);
        if (nwant) assert_memory_equal(out, want, nwant * 2);
        free(out);
    }
    dx_decoder_free(&d);
}
#define CHECK(label, fatal, bom, bytes, ...)                                                          \
    do {                                                                                              \
        static const uint16_t w_[] = {__VA_ARGS__};                                                   \
        check(label, fatal, bom, bytes, sizeof(bytes) - 1, w_, sizeof w_ / 2);                        \
    } while (0)
#define CHECK_EMPTY(label, bytes) check(label, false, false, bytes, sizeof(bytes) - 1, (const uint16_t *)"", 0)
#define CHECK_FAILS(label, bytes) check(label, true, false, bytes, sizeof(bytes) - 1, NULL, 0)

static void test_one_shot(void **state) {
    (void)state;
    CHECK("utf-8", false, false, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 'a', 0xE9, 0x20AC, 0xD83D, 0xDE00);
    CHECK("utf-8", false, false, "\xEF\xBB\xBF" "a", 'a');
    CHECK("utf-8", false, true, "\xEF\xBB\xBF" "a", 0xFEFF, 'a');
    CHECK("utf-8", false, false, "\xEF\xBB\xBF\xEF\xBB\xBF", 0xFEFF);
    CHECK("utf-8", false, false, "\xE2\x82", 0xFFFD);
    CHECK("utf-8", false, false, "\xF0\x80\x80", 0xFFFD, 0xFFFD, 0xFFFD);
    CHECK_FAILS("utf-8", "\xE2\x82");
    CHECK_FAILS("utf-8", "ab\xFF");
    CHECK("utf-16le", false, false, "\xFF\xFE" "a\0\x3D\xD8\x00\xDE", 'a', 0xD83D, 0xDE00);
    CHECK("utf-16be", false, false, "\xFE\xFF\0a\xD8\x3D", 'a', 0xFFFD);
    CHECK("utf-16le", false, false, "a\0b", 'a', 0xFFFD);
    CHECK("utf-16le", false, false, "\x00\xDC" "a\0", 0xFFFD, 'a');
    CHECK_FAILS("utf-16le", "\x00\xDC");
    CHECK_FAILS("utf-16be", "\x00");
    CHECK("windows-1252", false, false, "\x80\x81\xFF", 0x20AC, 0x81, 0xFF);
    CHECK("iso-8859-16", false, false, "\xA1\xA4", 0x104, 0x20AC);
    CHECK("koi8-u", false, false, "\xAE", 0x45E);
    CHECK("windows-1253", false, false, "\xAA", 0xFFFD);
    CHECK_FAILS("windows-1253", "\xAA");
    CHECK("x-user-defined", false, false, "A\x80\xFF", 'A', 0xF780, 0xF7FF);
    CHECK("shift_jis", false, false, "\x82\xA0\x80", 0x3042, 0xFFFD);
    CHECK_FAILS("shift_jis", "\x80");
    CHECK("gbk", false, false, "\x80\xA6\xD9\xFE\xA0\x81\x30\x81\x30", 0x20AC, 0xFE10, 0x9FBB, 0x80);
    CHECK("euc-kr", false, false, "\xB0\xA1", 0xAC00);
    CHECK("iso-2022-jp", false, false, "\x1B$B$\"\x1B(BA", 0x3042, 'A');
    CHECK_EMPTY("utf-8", "");
    CHECK_EMPTY("gb18030", "");
}

/* Decodes `in` byte by byte with stream=true, then flushes; compares with the one-shot result. */
static void check_streaming(const char *label, const uint8_t *in, size_t n) {
    int e = dx_enc_lookup(label, strlen(label));
    dx_decoder whole, parts;
    assert_int_equal(dx_decoder_init(&whole, e, false, false), 0);
    assert_int_equal(dx_decoder_init(&parts, e, false, false), 0);
    dx_decoder_begin(&whole, false);
    uint16_t *want, *got = malloc((n + 8) * 2 * sizeof *got), *piece;
    size_t nwant, ngot = 0, np;
    assert_int_equal(dx_decoder_decode(&whole, in, n, true, &want, &nwant), 0);
    for (size_t i = 0; i <= n; i++) {
        bool last = i == n;
        dx_decoder_begin(&parts, !last);
        assert_int_equal(dx_decoder_decode(&parts, in + i, last ? 0 : 1, last, &piece, &np), 0);
        memcpy(got + ngot, piece, np * 2);
        ngot += np;
        free(piece);
    }
    assert_int_equal(ngot, nwant);
    if (nwant) assert_memory_equal(got, want, nwant * 2);
    free(want);
    free(got);
    dx_decoder_free(&whole);
    dx_decoder_free(&parts);
}

static void test_streaming(void **state) {
    (void)state;
    const char *labels[] = {"utf-8", "utf-16le", "utf-16be", "gb18030", "shift_jis", "euc-kr", "big5", "windows-1252"};
    uint32_t x = 7;
    uint8_t buf[64];
    for (int round = 0; round < 300; round++) {
        size_t n = round % 48;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245 + 12345;
            uint8_t b = (uint8_t)(x >> 16);
            /* Favour bytes that build multi-byte sequences and surrogates. */
            buf[i] = (x >> 8) & 1 ? b : (uint8_t)(0x80 | (b & 0x7F));
        }
        for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) check_streaming(labels[k], buf, n);
    }
    static const uint8_t bom_split[] = {0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 'z'};
    check_streaming("utf-8", bom_split, sizeof bom_split);
}

static void test_utf8_plan(void **state) {
    (void)state;
    assert_int_equal(dx_utf8_incomplete_tail((const uint8_t *)"a\xE2\x82", 3), 2);
    assert_int_equal(dx_utf8_incomplete_tail((const uint8_t *)"\xF0\x9F\x98", 3), 3);
    assert_int_equal(dx_utf8_incomplete_tail((const uint8_t *)"\xE0\x80", 2), 0); /* not a valid prefix */
    assert_int_equal(dx_utf8_incomplete_tail((const uint8_t *)"\xE2\x82\xAC", 3), 0);
    assert_int_equal(dx_utf8_incomplete_tail((const uint8_t *)"\x80\x80\x80", 3), 0);
    assert_int_equal(dx_utf8_incomplete_tail((const uint8_t *)"", 0), 0);
    uint8_t pend[4];
    uint8_t np = 0;
    dx_utf8_plan plan;
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"ab\xF0\x9F", 4, false, false, &plan));
    assert_int_equal(np, 2);
    assert_int_equal(plan.body_start, 0);
    assert_int_equal(plan.body_end, 2);
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"\x98", 1, false, false, &plan));
    assert_int_equal(np, 3);
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"\x80z", 2, false, false, &plan));
    assert_int_equal(plan.head, 0x1F600);
    assert_int_equal(plan.body_start, 1);
    assert_int_equal(plan.body_end, 2);
    assert_int_equal(np, 0);
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"\xE2", 1, false, false, &plan));
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"A", 1, true, false, &plan));
    assert_int_equal(plan.head, 0xFFFD);
    assert_false(plan.tail_fffd);
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"\xE2", 1, false, false, &plan));
    assert_true(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"", 0, true, false, &plan));
    assert_true(plan.tail_fffd);
    assert_false(dx_utf8_plan_chunk(pend, &np, (const uint8_t *)"\xC2", 1, true, true, &plan));
    assert_true(dx_utf8_is_valid((const uint8_t *)"plain ascii text here", 21));
    assert_false(dx_utf8_is_valid((const uint8_t *)"\xED\xA0\x80", 3));
    assert_true((dx_ascii_prefix((const uint8_t *)"0123456789012345678901234567890123456789", 40) == 40));
    assert_false((dx_ascii_prefix((const uint8_t *)"0123456789012345678901234567890123456789\x80", 41) == 41));
}

/* Runs a StringDecoder over `chunks` (NUL-separated in one string of `n` bytes split at `cuts`)
 * and compares the joined output (as Latin-1/ASCII text) with `want`. */
static void sd_run(int enc, const char *in, size_t n, const size_t *cuts, size_t ncuts, const uint16_t *want,
                   size_t nwant) {
    uint8_t st[DX_SD_SIZE] = {0};
    st[DX_SD_ENCODING] = (uint8_t)enc;
    uint16_t *all = malloc((4 * n + 16) * sizeof *all), *piece;
    size_t w = 0, np, last = 0;
    for (size_t i = 0; i <= ncuts; i++) {
        size_t end = i < ncuts ? cuts[i] : n;
        assert_int_equal(dx_sd_decode(st, (const uint8_t *)in + last, end - last, false, &piece, &np), 0);
        memcpy(all + w, piece, np * 2);
        w += np;
        free(piece);
        last = end;
    }
    assert_int_equal(dx_sd_decode(st, NULL, 0, true, &piece, &np), 0);
    memcpy(all + w, piece, np * 2);
    w += np;
    free(piece);
    assert_int_equal(st[DX_SD_BUFFERED], 0);
    assert_int_equal(st[DX_SD_MISSING], 0);
    assert_int_equal(w, nwant);
    if (nwant) assert_memory_equal(all, want, nwant * 2);
    free(all);
}

static void test_string_decoder(void **state) {
    (void)state;
    static const size_t every[] = {1, 2, 3, 4, 5, 6, 7};
    static const uint16_t euro_a[] = {0x20AC, 'A', 0xD83D, 0xDE00};
    sd_run(DX_SD_UTF8, "\xE2\x82\xAC" "A\xF0\x9F\x98\x80", 8, every, 7, euro_a, 4);
    static const uint16_t cut[] = {0xFFFD, 'A', 0xFFFD};
    sd_run(DX_SD_UTF8, "\xF0\x9F" "A\xE2", 4, every, 3, cut, 3);
    static const uint16_t u16[] = {'A', 0xD83D, 0xDE00, 0xD83D};
    sd_run(DX_SD_UTF16LE, "A\0\x3D\xD8\x00\xDE\x3D\xD8\x01", 9, every, 7, u16, 4);
    static const uint16_t b64[] = {'A', 'Q', 'I', 'D', 'B', 'A', '=', '='};
    sd_run(DX_SD_BASE64, "\x01\x02\x03\x04", 4, every, 3, b64, 8);
    static const uint16_t b64u[] = {'A', 'Q', 'I', 'D', 'B', 'A', 'U'};
    sd_run(DX_SD_BASE64URL, "\x01\x02\x03\x04\x05", 5, every, 4, b64u, 7);
    static const uint16_t hex[] = {'0', '1', 'f', 'f'};
    sd_run(DX_SD_HEX, "\x01\xFF", 2, every, 1, hex, 4);
    static const uint16_t ascii[] = {'A', 0x69, 0x7F};
    sd_run(DX_SD_ASCII, "A\xE9\xFF", 3, every, 2, ascii, 3);
    static const uint16_t latin1[] = {'A', 0xE9};
    sd_run(DX_SD_LATIN1, "A\xE9", 2, every, 1, latin1, 2);

    /* Node's bookkeeping: a lead byte's class decides what is held. */
    uint8_t st[DX_SD_SIZE] = {0};
    st[DX_SD_ENCODING] = DX_SD_UTF8;
    dx_sd_plan plan;
    dx_sd_plan_write(st, (const uint8_t *)"\xF5", 1, &plan);
    assert_int_equal(st[DX_SD_MISSING], 3);
    assert_int_equal(st[DX_SD_BUFFERED], 1);
    assert_int_equal(plan.body_end, 0);
    dx_sd_plan_write(st, (const uint8_t *)"\x80" "A", 2, &plan);
    assert_int_equal(plan.head_len, 2);
    assert_int_equal(plan.body_start, 1);
    assert_int_equal(plan.body_end, 2);
    assert_int_equal(st[DX_SD_MISSING], 0);
    char out[16];
    assert_int_equal(dx_sd_base64_encode((const uint8_t *)"\xFB\xFF", 2, false, out), 4);
    assert_memory_equal(out, "+/8=", 4);
    assert_int_equal(dx_sd_base64_len(2, true), 3);
}

/* Bytes of every value through every decoder, fatal and not: no crash, output bounded. */
static void test_all_encodings_survive_noise(void **state) {
    (void)state;
    uint8_t buf[256];
    for (int i = 0; i < 256; i++) buf[i] = (uint8_t)(i * 37 + 11);
    for (int e = 0; dx_enc_get(e); e++) {
        for (int fatal = 0; fatal < 2; fatal++) {
            dx_decoder d;
            if (dx_decoder_init(&d, e, fatal, false) < 0) {
                assert_int_equal(dx_enc_get(e)->kind, DX_ENC_KIND_REPLACEMENT);
                continue;
            }
            for (size_t step = 1; step < 9; step += 3) {
                for (size_t i = 0; i < sizeof buf; i += step) {
                    bool last = i + step >= sizeof buf;
                    size_t n = last ? sizeof buf - i : step;
                    dx_decoder_begin(&d, !last);
                    uint16_t *out;
                    size_t len;
                    int r = dx_decoder_decode(&d, buf + i, n, last, &out, &len);
                    assert_true(r == 0 || (r == -1 && fatal));
                    if (r == 0) {
                        assert_true(len <= 2 * (n + 4));
                        free(out);
                    }
                }
            }
            dx_decoder_free(&d);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_one_shot),
        cmocka_unit_test(test_streaming),
        cmocka_unit_test(test_utf8_plan),
        cmocka_unit_test(test_string_decoder),
        cmocka_unit_test(test_all_encodings_survive_noise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
