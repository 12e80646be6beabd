/* The WHATWG Encoding Standard's decoders and Node's string_decoder byte work (see encoding.h). */
#include "web/encoding.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include "engine/utf8.h"
#include "web/encoding_tables.h"

/* The encodings, by the index dx_enc_lookup returns. Single-byte tables are in the order of
 * tests/js/tools/make-encoding-tables.js (iso-8859-8-i decodes as iso-8859-8). The ICU names are
 * the converters whose mappings match Node's (which also decodes these through ICU). */
static const dx_enc_info encodings[] = {
    {"utf-8", DX_ENC_KIND_UTF8, -1, NULL},
    {"ibm866", DX_ENC_KIND_SINGLE_BYTE, 0, NULL},
    {"iso-8859-2", DX_ENC_KIND_SINGLE_BYTE, 1, NULL},
    {"iso-8859-3", DX_ENC_KIND_SINGLE_BYTE, 2, NULL},
    {"iso-8859-4", DX_ENC_KIND_SINGLE_BYTE, 3, NULL},
    {"iso-8859-5", DX_ENC_KIND_SINGLE_BYTE, 4, NULL},
    {"iso-8859-6", DX_ENC_KIND_SINGLE_BYTE, 5, NULL},
    {"iso-8859-7", DX_ENC_KIND_SINGLE_BYTE, 6, NULL},
    {"iso-8859-8", DX_ENC_KIND_SINGLE_BYTE, 7, NULL},
    {"iso-8859-8-i", DX_ENC_KIND_SINGLE_BYTE, 7, NULL},
    {"iso-8859-10", DX_ENC_KIND_SINGLE_BYTE, 8, NULL},
    {"iso-8859-13", DX_ENC_KIND_SINGLE_BYTE, 9, NULL},
    {"iso-8859-14", DX_ENC_KIND_SINGLE_BYTE, 10, NULL},
    {"iso-8859-15", DX_ENC_KIND_SINGLE_BYTE, 11, NULL},
    {"iso-8859-16", DX_ENC_KIND_SINGLE_BYTE, 12, NULL},
    {"koi8-r", DX_ENC_KIND_SINGLE_BYTE, 13, NULL},
    {"koi8-u", DX_ENC_KIND_SINGLE_BYTE, 14, NULL},
    {"macintosh", DX_ENC_KIND_SINGLE_BYTE, 15, NULL},
    {"windows-874", DX_ENC_KIND_SINGLE_BYTE, 16, NULL},
    {"windows-1250", DX_ENC_KIND_SINGLE_BYTE, 17, NULL},
    {"windows-1251", DX_ENC_KIND_SINGLE_BYTE, 18, NULL},
    {"windows-1252", DX_ENC_KIND_SINGLE_BYTE, 19, NULL},
    {"windows-1253", DX_ENC_KIND_SINGLE_BYTE, 20, NULL},
    {"windows-1254", DX_ENC_KIND_SINGLE_BYTE, 21, NULL},
    {"windows-1255", DX_ENC_KIND_SINGLE_BYTE, 22, NULL},
    {"windows-1256", DX_ENC_KIND_SINGLE_BYTE, 23, NULL},
    {"windows-1257", DX_ENC_KIND_SINGLE_BYTE, 24, NULL},
    {"windows-1258", DX_ENC_KIND_SINGLE_BYTE, 25, NULL},
    {"x-mac-cyrillic", DX_ENC_KIND_SINGLE_BYTE, 26, NULL},
    {"gbk", DX_ENC_KIND_ICU, -1, "gb18030"},
    {"gb18030", DX_ENC_KIND_ICU, -1, "gb18030"},
    {"big5", DX_ENC_KIND_ICU, -1, "big5"},
    {"euc-jp", DX_ENC_KIND_ICU, -1, "euc-jp"},
    {"iso-2022-jp", DX_ENC_KIND_ICU, -1, "iso-2022-jp"},
    {"shift_jis", DX_ENC_KIND_ICU, -1, "shift_jis"},
    {"euc-kr", DX_ENC_KIND_ICU, -1, "euc-kr"},
    {"replacement", DX_ENC_KIND_REPLACEMENT, -1, NULL},
    {"utf-16be", DX_ENC_KIND_UTF16BE, -1, NULL},
    {"utf-16le", DX_ENC_KIND_UTF16LE, -1, NULL},
    {"x-user-defined", DX_ENC_KIND_X_USER_DEFINED, -1, NULL},
};
#define NENC (sizeof encodings / sizeof encodings[0])

/* The Encoding Standard's labels (encodings.json), sorted for binary search, with the name of the
 * encoding each selects. */
static const struct label { const char *label, *name; } labels[] = {
    {"866", "ibm866"}, {"ansi_x3.4-1968", "windows-1252"}, {"arabic", "iso-8859-6"},
    {"ascii", "windows-1252"}, {"asmo-708", "iso-8859-6"}, {"big5", "big5"}, {"big5-hkscs", "big5"},
    {"chinese", "gbk"}, {"cn-big5", "big5"}, {"cp1250", "windows-1250"}, {"cp1251", "windows-1251"},
    {"cp1252", "windows-1252"}, {"cp1253", "windows-1253"}, {"cp1254", "windows-1254"},
    {"cp1255", "windows-1255"}, {"cp1256", "windows-1256"}, {"cp1257", "windows-1257"},
    {"cp1258", "windows-1258"}, {"cp819", "windows-1252"}, {"cp866", "ibm866"}, {"csbig5", "big5"},
    {"cseuckr", "euc-kr"}, {"cseucpkdfmtjapanese", "euc-jp"}, {"csgb2312", "gbk"},
    {"csibm866", "ibm866"}, {"csiso2022jp", "iso-2022-jp"}, {"csiso2022kr", "replacement"},
    {"csiso58gb231280", "gbk"}, {"csiso88596e", "iso-8859-6"}, {"csiso88596i", "iso-8859-6"},
    {"csiso88598e", "iso-8859-8"}, {"csiso88598i", "iso-8859-8-i"}, {"csisolatin1", "windows-1252"},
    {"csisolatin2", "iso-8859-2"}, {"csisolatin3", "iso-8859-3"}, {"csisolatin4", "iso-8859-4"},
    {"csisolatin5", "windows-1254"}, {"csisolatin6", "iso-8859-10"}, {"csisolatin9", "iso-8859-15"},
    {"csisolatinarabic", "iso-8859-6"}, {"csisolatincyrillic", "iso-8859-5"},
    {"csisolatingreek", "iso-8859-7"}, {"csisolatinhebrew", "iso-8859-8"}, {"cskoi8r", "koi8-r"},
    {"csksc56011987", "euc-kr"}, {"csmacintosh", "macintosh"}, {"csshiftjis", "shift_jis"},
    {"csunicode", "utf-16le"}, {"cyrillic", "iso-8859-5"}, {"dos-874", "windows-874"},
    {"ecma-114", "iso-8859-6"}, {"ecma-118", "iso-8859-7"}, {"elot_928", "iso-8859-7"},
    {"euc-jp", "euc-jp"}, {"euc-kr", "euc-kr"}, {"gb18030", "gb18030"}, {"gb2312", "gbk"},
    {"gb_2312", "gbk"}, {"gb_2312-80", "gbk"}, {"gbk", "gbk"}, {"greek", "iso-8859-7"},
    {"greek8", "iso-8859-7"}, {"hebrew", "iso-8859-8"}, {"hz-gb-2312", "replacement"},
    {"ibm819", "windows-1252"}, {"ibm866", "ibm866"}, {"iso-10646-ucs-2", "utf-16le"},
    {"iso-2022-cn", "replacement"}, {"iso-2022-cn-ext", "replacement"}, {"iso-2022-jp", "iso-2022-jp"},
    {"iso-2022-kr", "replacement"}, {"iso-8859-1", "windows-1252"}, {"iso-8859-10", "iso-8859-10"},
    {"iso-8859-11", "windows-874"}, {"iso-8859-13", "iso-8859-13"}, {"iso-8859-14", "iso-8859-14"},
    {"iso-8859-15", "iso-8859-15"}, {"iso-8859-16", "iso-8859-16"}, {"iso-8859-2", "iso-8859-2"},
    {"iso-8859-3", "iso-8859-3"}, {"iso-8859-4", "iso-8859-4"}, {"iso-8859-5", "iso-8859-5"},
    {"iso-8859-6", "iso-8859-6"}, {"iso-8859-6-e", "iso-8859-6"}, {"iso-8859-6-i", "iso-8859-6"},
    {"iso-8859-7", "iso-8859-7"}, {"iso-8859-8", "iso-8859-8"}, {"iso-8859-8-e", "iso-8859-8"},
    {"iso-8859-8-i", "iso-8859-8-i"}, {"iso-8859-9", "windows-1254"}, {"iso-ir-100", "windows-1252"},
    {"iso-ir-101", "iso-8859-2"}, {"iso-ir-109", "iso-8859-3"}, {"iso-ir-110", "iso-8859-4"},
    {"iso-ir-126", "iso-8859-7"}, {"iso-ir-127", "iso-8859-6"}, {"iso-ir-138", "iso-8859-8"},
    {"iso-ir-144", "iso-8859-5"}, {"iso-ir-148", "windows-1254"}, {"iso-ir-149", "euc-kr"},
    {"iso-ir-157", "iso-8859-10"}, {"iso-ir-58", "gbk"}, {"iso8859-1", "windows-1252"},
    {"iso8859-10", "iso-8859-10"}, {"iso8859-11", "windows-874"}, {"iso8859-13", "iso-8859-13"},
    {"iso8859-14", "iso-8859-14"}, {"iso8859-15", "iso-8859-15"}, {"iso8859-2", "iso-8859-2"},
    {"iso8859-3", "iso-8859-3"}, {"iso8859-4", "iso-8859-4"}, {"iso8859-5", "iso-8859-5"},
    {"iso8859-6", "iso-8859-6"}, {"iso8859-7", "iso-8859-7"}, {"iso8859-8", "iso-8859-8"},
    {"iso8859-9", "windows-1254"}, {"iso88591", "windows-1252"}, {"iso885910", "iso-8859-10"},
    {"iso885911", "windows-874"}, {"iso885913", "iso-8859-13"}, {"iso885914", "iso-8859-14"},
    {"iso885915", "iso-8859-15"}, {"iso88592", "iso-8859-2"}, {"iso88593", "iso-8859-3"},
    {"iso88594", "iso-8859-4"}, {"iso88595", "iso-8859-5"}, {"iso88596", "iso-8859-6"},
    {"iso88597", "iso-8859-7"}, {"iso88598", "iso-8859-8"}, {"iso88599", "windows-1254"},
    {"iso_8859-1", "windows-1252"}, {"iso_8859-15", "iso-8859-15"},
    {"iso_8859-1:1987", "windows-1252"}, {"iso_8859-2", "iso-8859-2"},
    {"iso_8859-2:1987", "iso-8859-2"}, {"iso_8859-3", "iso-8859-3"}, {"iso_8859-3:1988", "iso-8859-3"},
    {"iso_8859-4", "iso-8859-4"}, {"iso_8859-4:1988", "iso-8859-4"}, {"iso_8859-5", "iso-8859-5"},
    {"iso_8859-5:1988", "iso-8859-5"}, {"iso_8859-6", "iso-8859-6"}, {"iso_8859-6:1987", "iso-8859-6"},
    {"iso_8859-7", "iso-8859-7"}, {"iso_8859-7:1987", "iso-8859-7"}, {"iso_8859-8", "iso-8859-8"},
    {"iso_8859-8:1988", "iso-8859-8"}, {"iso_8859-9", "windows-1254"},
    {"iso_8859-9:1989", "windows-1254"}, {"koi", "koi8-r"}, {"koi8", "koi8-r"}, {"koi8-r", "koi8-r"},
    {"koi8-ru", "koi8-u"}, {"koi8-u", "koi8-u"}, {"koi8_r", "koi8-r"}, {"korean", "euc-kr"},
    {"ks_c_5601-1987", "euc-kr"}, {"ks_c_5601-1989", "euc-kr"}, {"ksc5601", "euc-kr"},
    {"ksc_5601", "euc-kr"}, {"l1", "windows-1252"}, {"l2", "iso-8859-2"}, {"l3", "iso-8859-3"},
    {"l4", "iso-8859-4"}, {"l5", "windows-1254"}, {"l6", "iso-8859-10"}, {"l9", "iso-8859-15"},
    {"latin1", "windows-1252"}, {"latin2", "iso-8859-2"}, {"latin3", "iso-8859-3"},
    {"latin4", "iso-8859-4"}, {"latin5", "windows-1254"}, {"latin6", "iso-8859-10"},
    {"logical", "iso-8859-8-i"}, {"mac", "macintosh"}, {"macintosh", "macintosh"},
    {"ms932", "shift_jis"}, {"ms_kanji", "shift_jis"}, {"replacement", "replacement"},
    {"shift-jis", "shift_jis"}, {"shift_jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"sun_eu_greek", "iso-8859-7"}, {"tis-620", "windows-874"}, {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"}, {"unicode-1-1-utf-8", "utf-8"}, {"unicode11utf8", "utf-8"},
    {"unicode20utf8", "utf-8"}, {"unicodefeff", "utf-16le"}, {"unicodefffe", "utf-16be"},
    {"us-ascii", "windows-1252"}, {"utf-16", "utf-16le"}, {"utf-16be", "utf-16be"},
    {"utf-16le", "utf-16le"}, {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"visual", "iso-8859-8"},
    {"windows-1250", "windows-1250"}, {"windows-1251", "windows-1251"},
    {"windows-1252", "windows-1252"}, {"windows-1253", "windows-1253"},
    {"windows-1254", "windows-1254"}, {"windows-1255", "windows-1255"},
    {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"}, {"windows-31j", "shift_jis"}, {"windows-874", "windows-874"},
    {"windows-949", "euc-kr"}, {"x-cp1250", "windows-1250"}, {"x-cp1251", "windows-1251"},
    {"x-cp1252", "windows-1252"}, {"x-cp1253", "windows-1253"}, {"x-cp1254", "windows-1254"},
    {"x-cp1255", "windows-1255"}, {"x-cp1256", "windows-1256"}, {"x-cp1257", "windows-1257"},
    {"x-cp1258", "windows-1258"}, {"x-euc-jp", "euc-jp"}, {"x-gbk", "gbk"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}, {"x-mac-roman", "macintosh"},
    {"x-mac-ukrainian", "x-mac-cyrillic"}, {"x-sjis", "shift_jis"}, {"x-unicode20utf8", "utf-8"},
    {"x-user-defined", "x-user-defined"}, {"x-x-big5", "big5"},
};
#define NLABELS (sizeof labels / sizeof labels[0])

int dx_enc_lookup(const char *label, size_t len) {
    /* ASCII whitespace: TAB, LF, FF, CR, SPACE. */
#define WS(c) ((c) == '\t' || (c) == '\n' || (c) == '\f' || (c) == '\r' || (c) == ' ')
    while (len && WS((unsigned char)label[0])) { label++; len--; }
    while (len && WS((unsigned char)label[len - 1])) len--;
#undef WS
    char key[32];
    if (len == 0 || len >= sizeof key) return -1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c == 0 || c >= 0x80) return -1;
        key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[len] = 0;
    size_t lo = 0, hi = NLABELS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(key, labels[mid].label);
        if (c == 0) {
            for (size_t e = 0; e < NENC; e++)
                if (strcmp(encodings[e].name, labels[mid].name) == 0) return (int)e;
            return -1;
        }
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return -1;
}

const dx_enc_info *dx_enc_get(int enc) {
    return enc >= 0 && (size_t)enc < NENC ? &encodings[enc] : NULL;
}

/* ICU's callback for bytes it cannot convert: U+FFFD for each (ICU's own substitution gives
 * U+001A for some single bytes), or stop when fatal. GB18030's lone 0x80 is U+20AC in the Encoding
 * Standard (and in Node), which older ICU data rejects. The context points into cb_flags. */
enum { CB_FATAL = 1, CB_GB18030 = 2 };
static const int cb_flags[4] = {0, CB_FATAL, CB_GB18030, CB_FATAL | CB_GB18030};

static void to_u_callback(const void *context, UConverterToUnicodeArgs *args, const char *units, int32_t length,
                          UConverterCallbackReason reason, UErrorCode *err) {
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    int flags = *(const int *)context;
    UChar sub = 0xFFFD;
    if ((flags & CB_GB18030) && length == 1 && (uint8_t)units[0] == 0x80) sub = 0x20AC;
    else if (flags & CB_FATAL) return; /* *err stays set: ucnv_toUnicode stops */
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &sub, 1, 0, err);
}

int dx_decoder_init(dx_decoder *d, int enc, bool fatal, bool ignore_bom) {
    memset(d, 0, sizeof *d);
    const dx_enc_info *e = dx_enc_get(enc);
    if (!e || e->kind == DX_ENC_KIND_REPLACEMENT) return -1;
    d->enc = enc;
    d->kind = e->kind;
    d->fatal = fatal;
    d->ignore_bom = ignore_bom;
    if (e->kind == DX_ENC_KIND_SINGLE_BYTE) d->table = dx_sb_tables[e->table];
    if (e->kind == DX_ENC_KIND_ICU) {
        UErrorCode err = U_ZERO_ERROR;
        UConverter *c = ucnv_open(e->icu_name, &err);
        if (U_FAILURE(err) || !c) return -1;
        err = U_ZERO_ERROR;
        ucnv_setToUCallBack(c, to_u_callback, &cb_flags[(fatal ? 1 : 0) | (strcmp(e->icu_name, "gb18030") == 0 ? 2 : 0)],
                            NULL, NULL, &err);
        d->icu = c;
    }
    return 0;
}

void dx_decoder_free(dx_decoder *d) {
    if (d->icu) ucnv_close(d->icu);
    d->icu = NULL;
}

static void reset(dx_decoder *d) {
    d->npend = 0;
    d->bom_seen = false;
    if (d->icu) ucnv_resetToUnicode(d->icu);
}

void dx_decoder_begin(dx_decoder *d, bool stream) {
    if (!d->do_not_flush) reset(d);
    d->do_not_flush = stream;
}

void dx_decoder_fail(dx_decoder *d) {
    reset(d);
    d->do_not_flush = false;
}

/* ---- UTF-8 ---------------------------------------------------------------------------------- */

/* Length of the sequence a lead byte starts, 0 for a byte that cannot start one. */
static inline int seq_len(uint8_t c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

/* Whether `b` may be the continuation byte at position `idx` (1-3) of a sequence led by `lead`:
 * the second byte's range excludes overlongs, surrogates and code points above U+10FFFF. */
static inline bool cont_ok(uint8_t lead, int idx, uint8_t b) {
    uint8_t lo = 0x80, hi = 0xBF;
    if (idx == 1) {
        if (lead == 0xE0) lo = 0xA0;
        else if (lead == 0xED) hi = 0x9F;
        else if (lead == 0xF0) lo = 0x90;
        else if (lead == 0xF4) hi = 0x8F;
    }
    return b >= lo && b <= hi;
}

static uint32_t seq_value(const uint8_t *s, int len) {
    if (len == 2) return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    if (len == 3) return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
           (s[3] & 0x3F);
}

size_t dx_utf8_incomplete_tail(const uint8_t *p, size_t n) {
    /* The nearest byte that is not a continuation byte, within the last three. */
    size_t k = 1;
    while (k <= 3 && k <= n && p[n - k] >= 0x80 && p[n - k] <= 0xBF) k++;
    if (k > 3 || k > n) return 0;
    uint8_t lead = p[n - k];
    int len = seq_len(lead);
    if (len <= (int)k) return 0; /* ASCII, invalid lead, or already complete */
    for (size_t i = 1; i < k; i++)
        if (!cont_ok(lead, (int)i, p[n - k + i])) return 0;
    return k;
}

bool dx_utf8_plan_chunk(uint8_t pend[4], uint8_t *npend, const uint8_t *in, size_t n, bool flush, bool fatal,
                        dx_utf8_plan *plan) {
    memset(plan, 0, sizeof *plan);
    size_t i = 0;
    if (*npend) {
        /* Complete (or break) the held sequence with the first bytes of `in`. */
        uint8_t lead = pend[0];
        int len = seq_len(lead);
        int k = *npend;
        bool bad = false;
        while (k < len && i < n) {
            if (!cont_ok(lead, k, in[i])) { bad = true; break; }
            pend[k++] = in[i++];
        }
        if (bad) {
            if (fatal) return false;
            plan->head = 0xFFFD;
            *npend = 0;
        } else if (k == len) {
            plan->head = seq_value(pend, len);
            *npend = 0;
        } else {
            /* All of `in` extended the held bytes and the sequence is still incomplete. */
            *npend = (uint8_t)k;
            plan->body_start = plan->body_end = n;
            if (flush) {
                if (fatal) return false;
                plan->tail_fffd = true;
                *npend = 0;
            }
            return true;
        }
    }
    size_t end = n;
    if (!flush) {
        size_t t = dx_utf8_incomplete_tail(in + i, n - i);
        end = n - t;
        if (t) memcpy(pend, in + end, t);
        *npend = (uint8_t)t;
    }
    plan->body_start = i;
    plan->body_end = end;
    if (fatal && !dx_utf8_is_valid(in + i, end - i)) return false;
    return true;
}

bool dx_decoder_utf8_plan(dx_decoder *d, const uint8_t *in, size_t n, bool flush, dx_utf8_plan *plan) {
    if (!dx_utf8_plan_chunk(d->pend, &d->npend, in, n, flush, d->fatal, plan)) return false;
    if (!d->ignore_bom && !d->bom_seen) {
        if (plan->head) {
            d->bom_seen = true;
            if (plan->head == 0xFEFF) plan->head = 0;
        } else if (plan->body_end > plan->body_start) {
            d->bom_seen = true;
            const uint8_t *b = in + plan->body_start;
            if (plan->body_end - plan->body_start >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
                plan->body_start += 3;
        } else if (plan->tail_fffd) {
            d->bom_seen = true;
        }
    }
    return true;
}

static size_t put_cp(uint16_t *o, uint32_t cp) {
    if (cp < 0x10000) { o[0] = (uint16_t)cp; return 1; }
    cp -= 0x10000;
    o[0] = (uint16_t)(0xD800 + (cp >> 10));
    o[1] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    return 2;
}

/* ---- UTF-16 ------------------------------------------------------------------------------- */

/* Decodes the bytes `b` (the held bytes already prepended) into `o`; on return *held is how many
 * bytes at the end to hold for the next call (0 when flushing). -1 on an error in fatal mode. */
static long utf16_decode(const uint8_t *b, size_t n, bool be, bool flush, bool fatal, uint16_t *o, size_t *held) {
    size_t i = 0, w = 0;
    *held = 0;
    while (i + 2 <= n) {
        uint16_t u = be ? (uint16_t)(b[i] << 8 | b[i + 1]) : (uint16_t)(b[i + 1] << 8 | b[i]);
        if (u < 0xD800 || u > 0xDFFF) { o[w++] = u; i += 2; continue; }
        if (u <= 0xDBFF) {
            if (i + 4 <= n) {
                uint16_t v = be ? (uint16_t)(b[i + 2] << 8 | b[i + 3]) : (uint16_t)(b[i + 3] << 8 | b[i + 2]);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    o[w++] = u;
                    o[w++] = v;
                    i += 4;
                    continue;
                }
            } else if (!flush) {
                break; /* the low surrogate may come in the next call */
            }
        }
        if (fatal) return -1;
        o[w++] = 0xFFFD; /* a lone surrogate */
        i += 2;
    }
    if (i < n) {
        if (flush) {
            if (fatal) return -1;
            o[w++] = 0xFFFD; /* an odd byte, or a high surrogate and an odd byte */
        } else {
            *held = n - i;
        }
    }
    return (long)w;
}

/* ---- the generic decoder ------------------------------------------------------------------- */

/* GB18030-2022 (the Encoding Standard's index, and Node's ICU) decodes 18 two-byte sequences to
 * standard characters that GB18030-2005 (older ICU data, Debian's) decodes to private-use code
 * points. Those private-use code points come from no other sequence, so mapping them back is exact;
 * with newer ICU data nothing matches. */
static uint16_t gb18030_2022(uint16_t u) {
    static const uint16_t fe1x[10] = {0xFE10, 0xFE12, 0xFE11, 0xFE13, 0xFE14, 0xFE15, 0xFE16, 0xFE17, 0xFE18, 0xFE19};
    static const struct { uint16_t pua, std; } cjk[8] = {
        {0xE81E, 0x9FB4}, {0xE826, 0x9FB5}, {0xE82B, 0x9FB6}, {0xE82C, 0x9FB7},
        {0xE832, 0x9FB8}, {0xE843, 0x9FB9}, {0xE854, 0x9FBA}, {0xE864, 0x9FBB},
    };
    if (u >= 0xE78D && u <= 0xE796) return fe1x[u - 0xE78D];
    for (int i = 0; i < 8; i++)
        if (cjk[i].pua == u) return cjk[i].std;
    return u;
}

static int decode_icu(dx_decoder *d, const uint8_t *in, size_t n, bool flush, uint16_t **out, size_t *outlen) {
    size_t cap = n + 16, w = 0;
    uint16_t *buf = malloc(cap * sizeof *buf);
    if (!buf) return -2;
    const char *src = (const char *)in, *src_end = (const char *)in + n;
    for (;;) {
        UChar *t = (UChar *)buf + w;
        UErrorCode err = U_ZERO_ERROR;
        ucnv_toUnicode(d->icu, &t, (UChar *)buf + cap, &src, src_end, NULL, flush, &err);
        w = (size_t)(t - (UChar *)buf);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            cap *= 2;
            uint16_t *nb = realloc(buf, cap * sizeof *buf);
            if (!nb) { free(buf); return -2; }
            buf = nb;
            continue;
        }
        if (U_FAILURE(err)) {
            free(buf);
            return -1; /* only in fatal mode: the substituting callback never fails */
        }
        break;
    }
    if (flush) ucnv_resetToUnicode(d->icu);
    if (strcmp(dx_enc_get(d->enc)->icu_name, "gb18030") == 0) {
        for (size_t i = 0; i < w; i++)
            if (buf[i] >= 0xE78D && buf[i] <= 0xE864) buf[i] = gb18030_2022(buf[i]);
    }
    *out = buf;
    *outlen = w;
    return 0;
}

int dx_decoder_decode(dx_decoder *d, const uint8_t *in, size_t n, bool flush, uint16_t **out, size_t *outlen) {
    *out = NULL;
    *outlen = 0;
    int r = 0;
    switch (d->kind) {
    case DX_ENC_KIND_UTF8: {
        dx_utf8_plan plan;
        if (!dx_decoder_utf8_plan(d, in, n, flush, &plan)) { r = -1; break; }
        size_t body = plan.body_end - plan.body_start;
        uint16_t *buf = malloc((body + 3) * sizeof *buf);
        if (!buf) return -2;
        size_t w = 0;
        if (plan.head) w += put_cp(buf, plan.head);
        w += dx_utf8_to_utf16(in + plan.body_start, body, buf + w);
        if (plan.tail_fffd) buf[w++] = 0xFFFD;
        *out = buf;
        *outlen = w;
        break;
    }
    case DX_ENC_KIND_UTF16LE:
    case DX_ENC_KIND_UTF16BE: {
        size_t total = d->npend + n;
        uint8_t *tmp = malloc(total + 1);
        uint16_t *buf = malloc((total / 2 + 2) * sizeof *buf);
        if (!tmp || !buf) { free(tmp); free(buf); return -2; }
        memcpy(tmp, d->pend, d->npend);
        if (n) memcpy(tmp + d->npend, in, n);
        size_t held;
        long w = utf16_decode(tmp, total, d->kind == DX_ENC_KIND_UTF16BE, flush, d->fatal, buf, &held);
        if (w < 0) { free(tmp); free(buf); r = -1; break; }
        memcpy(d->pend, tmp + total - held, held);
        d->npend = (uint8_t)held;
        free(tmp);
        size_t start = 0;
        if (w > 0 && !d->ignore_bom && !d->bom_seen) {
            d->bom_seen = true;
            if (buf[0] == 0xFEFF) start = 1;
        }
        if (start) memmove(buf, buf + 1, (size_t)(w - 1) * sizeof *buf);
        *out = buf;
        *outlen = (size_t)w - start;
        break;
    }
    case DX_ENC_KIND_SINGLE_BYTE:
    case DX_ENC_KIND_X_USER_DEFINED: {
        uint16_t *buf = malloc((n + 1) * sizeof *buf);
        if (!buf) return -2;
        for (size_t i = 0; i < n; i++) {
            uint8_t c = in[i];
            uint16_t u = c < 0x80 ? c : d->table ? d->table[c - 0x80] : (uint16_t)(0xF780 + c - 0x80);
            if (u == 0xFFFD && d->fatal) { free(buf); r = -1; goto out; }
            buf[i] = u;
        }
        *out = buf;
        *outlen = n;
        break;
    }
    case DX_ENC_KIND_ICU:
        r = decode_icu(d, in, n, flush, out, outlen);
        break;
    case DX_ENC_KIND_REPLACEMENT:
        break; /* never initialised (dx_decoder_init refuses it) */
    }
out:
    if (r == -1) dx_decoder_fail(d);
    else if (flush) { d->npend = 0; }
    return r;
}

bool dx_single_byte_identity(const uint16_t *table, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 0x80 && table[p[i] - 0x80] != p[i]) return false;
    return true;
}

/* ---- node:string_decoder ------------------------------------------------------------------- */

size_t dx_sd_base64_len(size_t n, bool url) {
    return url ? n / 3 * 4 + (n % 3 ? n % 3 + 1 : 0) : (n + 2) / 3 * 4;
}

size_t dx_sd_base64_encode(const uint8_t *p, size_t n, bool url, char *out) {
    const char *abc = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i = 0, w = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        out[w++] = abc[v >> 18];
        out[w++] = abc[(v >> 12) & 63];
        out[w++] = abc[(v >> 6) & 63];
        out[w++] = abc[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)p[i] << 16;
        out[w++] = abc[v >> 18];
        out[w++] = abc[(v >> 12) & 63];
        if (!url) { out[w++] = '='; out[w++] = '='; }
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
        out[w++] = abc[v >> 18];
        out[w++] = abc[(v >> 12) & 63];
        out[w++] = abc[(v >> 6) & 63];
        if (!url) out[w++] = '=';
    }
    return w;
}

/* Node's rule for the length of a UTF-8 sequence from its lead byte's bit pattern alone (the
 * ranges are checked when the sequence is decoded): 0 for ASCII, -1 for a continuation byte, -2
 * for bytes that never start a sequence. */
static int sd_utf8_class(uint8_t c) {
    if (c < 0x80) return 0;
    if ((c & 0xE0) == 0xC0) return 2;
    if ((c & 0xF0) == 0xE0) return 3;
    if ((c & 0xF8) == 0xF0) return 4;
    return (c & 0xC0) == 0x80 ? -1 : -2;
}

/* How many bytes at the end of `p` begin a character the next write must complete; *need gets
 * how many more it needs. */
static size_t sd_tail(int enc, const uint8_t *p, size_t n, uint8_t *need, uint8_t *total) {
    *need = *total = 0;
    switch (enc) {
    case DX_SD_UTF8:
        for (size_t k = 1; k <= 3 && k <= n; k++) {
            int c = sd_utf8_class(p[n - k]);
            if (c == -1) continue;
            if (c > (int)k) {
                *need = (uint8_t)(c - (int)k);
                *total = (uint8_t)c;
                return k;
            }
            return 0;
        }
        return 0;
    case DX_SD_UTF16LE:
        if (n & 1) { *need = 1; *total = 2; return 1; }
        if (n >= 2 && p[n - 1] >= 0xD8 && p[n - 1] <= 0xDB) { *need = 2; *total = 4; return 2; }
        return 0;
    case DX_SD_BASE64:
    case DX_SD_BASE64URL:
        if (n % 3) { *need = (uint8_t)(3 - n % 3); *total = 3; }
        return n % 3;
    default:
        return 0;
    }
}

void dx_sd_plan_write(uint8_t st[DX_SD_SIZE], const uint8_t *in, size_t n, dx_sd_plan *plan) {
    int enc = st[DX_SD_ENCODING];
    size_t i = 0;
    plan->head_len = 0;
    if (st[DX_SD_MISSING] && (enc == DX_SD_UTF8 || enc == DX_SD_UTF16LE || enc == DX_SD_BASE64 ||
                              enc == DX_SD_BASE64URL)) {
        size_t buffered = st[DX_SD_BUFFERED], missing = st[DX_SD_MISSING];
        bool cut = false;
        while (missing && i < n) {
            if (enc == DX_SD_UTF8 && (in[i] & 0xC0) != 0x80) { cut = true; break; }
            st[DX_SD_CHARS + buffered++] = in[i++];
            missing--;
        }
        if (missing && !cut) {
            st[DX_SD_BUFFERED] = (uint8_t)buffered;
            st[DX_SD_MISSING] = (uint8_t)missing;
            plan->body_start = plan->body_end = n;
            return;
        }
        memcpy(plan->head, st + DX_SD_CHARS, buffered);
        plan->head_len = buffered;
        st[DX_SD_BUFFERED] = st[DX_SD_MISSING] = 0;
    }
    uint8_t need, total;
    size_t t = sd_tail(enc, in + i, n - i, &need, &total);
    plan->body_start = i;
    plan->body_end = n - t;
    if (t) {
        memcpy(st + DX_SD_CHARS, in + n - t, t);
        st[DX_SD_BUFFERED] = (uint8_t)t;
        st[DX_SD_MISSING] = need;
    } else {
        st[DX_SD_BUFFERED] = st[DX_SD_MISSING] = 0;
    }
    (void)total;
}

void dx_sd_plan_end(uint8_t st[DX_SD_SIZE], dx_sd_plan *plan) {
    size_t buffered = st[DX_SD_BUFFERED];
    if (buffered > 4) buffered = 4;
    memcpy(plan->head, st + DX_SD_CHARS, buffered);
    plan->head_len = buffered;
    plan->body_start = plan->body_end = 0;
    st[DX_SD_BUFFERED] = st[DX_SD_MISSING] = 0;
}

/* Converts bytes the way the StringDecoder's encoding does, appending UTF-16 to `o`. */
static size_t sd_convert(int enc, const uint8_t *p, size_t n, uint16_t *o) {
    static const char hexd[] = "0123456789abcdef";
    size_t w = 0;
    switch (enc) {
    case DX_SD_UTF8: return dx_utf8_to_utf16(p, n, o);
    case DX_SD_UTF16LE:
        for (size_t i = 0; i + 2 <= n; i += 2) o[w++] = (uint16_t)(p[i] | p[i + 1] << 8);
        return w;
    case DX_SD_BASE64:
    case DX_SD_BASE64URL: {
        char *tmp = malloc(dx_sd_base64_len(n, enc == DX_SD_BASE64URL) + 1);
        if (!tmp) return 0;
        size_t k = dx_sd_base64_encode(p, n, enc == DX_SD_BASE64URL, tmp);
        for (size_t i = 0; i < k; i++) o[w++] = (uint8_t)tmp[i];
        free(tmp);
        return w;
    }
    case DX_SD_HEX:
        for (size_t i = 0; i < n; i++) { o[w++] = (uint8_t)hexd[p[i] >> 4]; o[w++] = (uint8_t)hexd[p[i] & 15]; }
        return w;
    case DX_SD_ASCII:
        for (size_t i = 0; i < n; i++) o[w++] = p[i] & 0x7F;
        return w;
    default:
        for (size_t i = 0; i < n; i++) o[w++] = p[i];
        return w;
    }
}

int dx_sd_decode(uint8_t st[DX_SD_SIZE], const uint8_t *in, size_t n, bool end, uint16_t **out, size_t *outlen) {
    dx_sd_plan plan;
    if (end) dx_sd_plan_end(st, &plan);
    else dx_sd_plan_write(st, in, n, &plan);
    size_t body = plan.body_end - plan.body_start;
    /* Hex doubles; base64 is 4 per 3 (+ up to 4); the others at most one unit per byte. */
    size_t cap = 2 * (body + plan.head_len) + 8;
    uint16_t *buf = malloc(cap * sizeof *buf);
    if (!buf) return -2;
    int enc = st[DX_SD_ENCODING];
    size_t w = sd_convert(enc, plan.head, plan.head_len, buf);
    if (body) w += sd_convert(enc, in + plan.body_start, body, buf + w);
    *out = buf;
    *outlen = w;
    return 0;
}
