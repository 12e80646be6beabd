/* libFuzzer target: the TextDecoder decoders and the StringDecoder plans of src/web/encoding.c on
 * arbitrary bytes split at arbitrary points must never crash, leak or overrun, and (for our own
 * decoders, not ICU's) a streamed decode must equal the one-shot decode, as must a StringDecoder's
 * writes of any chunking.
 * Build: clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Isrc src/web/encoding.c src/engine/utf8.c tests/fuzz/fuzz_encoding.c -licuuc
 *
 * Input layout: byte 0 picks the encoding, byte 1 the flags (fatal, ignoreBOM) and the
 * StringDecoder encoding, byte 2 seeds the chunk sizes; the rest is the text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/encoding.h"

static int count_encodings(void) {
    int n = 0;
    while (dx_enc_get(n)) n++;
    return n;
}

/* Decodes in chunks whose sizes come from `seed`; returns the joined UTF-16 (malloc'd) or NULL
 * when a fatal error occurred. */
static uint16_t *decode_chunked(dx_decoder *d, const uint8_t *p, size_t n, uint32_t seed, size_t *outlen) {
    uint16_t *all = malloc((2 * n + 16) * sizeof *all);
    size_t w = 0, i = 0;
    if (!all) abort();
    for (;;) {
        seed = seed * 1103515245 + 12345;
        size_t step = (seed >> 16) % 9;
        if (step > n - i) step = n - i;
        bool last = i + step == n;
        dx_decoder_begin(d, !last);
        uint16_t *out;
        size_t len;
        int r = dx_decoder_decode(d, p + i, step, last, &out, &len);
        if (r == -2) abort();
        if (r == -1) { free(all); return NULL; }
        if (w + len > 2 * n + 16) abort(); /* more output than any decoder can make */
        if (len) memcpy(all + w, out, len * sizeof *out);
        w += len;
        free(out);
        i += step;
        if (last) break;
    }
    *outlen = w;
    return all;
}

static void fuzz_string_decoder(int enc, const uint8_t *p, size_t n, uint32_t seed) {
    uint8_t st[DX_SD_SIZE] = {0}, st1[DX_SD_SIZE] = {0};
    st[DX_SD_ENCODING] = st1[DX_SD_ENCODING] = (uint8_t)enc;
    uint16_t *whole, *tail, *out;
    size_t nwhole, ntail, len;
    if (dx_sd_decode(st1, p, n, false, &whole, &nwhole) < 0 || dx_sd_decode(st1, NULL, 0, true, &tail, &ntail) < 0)
        abort();
    size_t cap = nwhole + ntail + 1;
    uint16_t *all = malloc(cap * sizeof *all), *joined = malloc(cap * sizeof *joined);
    if (!all || !joined) abort();
    memcpy(all, whole, nwhole * 2);
    memcpy(all + nwhole, tail, ntail * 2);
    size_t w = 0, i = 0;
    while (i < n) {
        seed = seed * 1103515245 + 12345;
        size_t step = 1 + (seed >> 16) % 7;
        if (step > n - i) step = n - i;
        if (dx_sd_decode(st, p + i, step, false, &out, &len) < 0) abort();
        if (w + len > cap) abort();
        memcpy(joined + w, out, len * 2);
        w += len;
        free(out);
        if (st[DX_SD_BUFFERED] > 4 || st[DX_SD_MISSING] > 3) abort();
        i += step;
    }
    if (dx_sd_decode(st, NULL, 0, true, &out, &len) < 0) abort();
    if (w + len > cap) abort();
    memcpy(joined + w, out, len * 2);
    w += len;
    free(out);
    if (w != nwhole + ntail || memcmp(joined, all, w * 2) != 0) abort();
    free(whole);
    free(tail);
    free(all);
    free(joined);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int nenc;
    if (!nenc) nenc = count_encodings();
    if (size < 3) return 0;
    int enc = data[0] % nenc;
    bool fatal = data[1] & 1, ignore_bom = data[1] & 2;
    uint32_t seed = data[2];
    const uint8_t *p = data + 3;
    size_t n = size - 3;

    static const int sd_encodings[] = {DX_SD_UTF8, DX_SD_UTF16LE, DX_SD_BASE64, DX_SD_BASE64URL, DX_SD_HEX,
                                       DX_SD_LATIN1, DX_SD_ASCII};
    fuzz_string_decoder(sd_encodings[(data[1] >> 2) % 7], p, n, seed);

    dx_decoder once, parts;
    if (dx_decoder_init(&once, enc, fatal, ignore_bom) < 0) return 0;
    if (dx_decoder_init(&parts, enc, fatal, ignore_bom) < 0) abort();
    dx_decoder_begin(&once, false);
    uint16_t *a = NULL, *b;
    size_t na = 0, nb = 0;
    int r = dx_decoder_decode(&once, p, n, true, &a, &na);
    if (r == -2) abort();
    b = decode_chunked(&parts, p, n, seed, &nb);
    if (dx_enc_get(enc)->kind != DX_ENC_KIND_ICU) {
        /* Our decoders: streaming never changes the outcome. */
        if ((r == -1) != (b == NULL)) abort();
        if (b && (na != nb || (na && memcmp(a, b, na * 2) != 0))) abort();
    }
    /* The decoder stays usable after any outcome. */
    dx_decoder_begin(&parts, false);
    uint16_t *c;
    size_t nc;
    if (dx_decoder_decode(&parts, (const uint8_t *)"ok", 2, true, &c, &nc) == 0) free(c);
    if (r == 0) free(a);
    free(b);
    dx_decoder_free(&once);
    dx_decoder_free(&parts);
    return 0;
}
