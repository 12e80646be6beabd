/* The on-disk transpile cache: what the module loader compiled (ES module scripts, CommonJS
 * TypeScript/JSX), kept by content hash so a later run parses nothing it parsed before.
 *
 * Entries live under $XDG_CACHE_HOME/dx/transpile (or ~/.cache/dx/transpile when HOME exists), each
 * directory created 0700, entries 0600.
 * An entry is one file named by its 128-bit key: a header (magic, format version, key, source
 * length, payload length, payload checksum) and an opaque payload the caller serialised. Reads
 * validate everything and treat a bad entry as a miss (it is rewritten by the next put); writes
 * go to a temporary file in the same directory and are renamed into place, so concurrent dx
 * processes only ever see whole entries. The directory is kept under a size bound (256 MB, or
 * DX_CACHE_MAX_MB) by evicting the entries with the oldest mtime; a hit refreshes an entry's mtime
 * when it is more than a day old, so eviction is roughly least-recently-used. DX_NO_CACHE=1 turns
 * the cache off; DX_DEBUG_CACHE=1 reports hits, misses and writes on stderr.
 *
 * Every failure (unwritable home, full disk, corrupt entry) degrades to "no cache": nothing here
 * reports an error to the program. Thread-safe: the state is set up once and puts serialise on
 * the file system. */
#ifndef DX_TRANSPILE_CACHE_H
#define DX_TRANSPILE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- the hash ---------------------------------------------------------------------------------- */

typedef struct dx_hash128 {
    uint64_t lo, hi;
} dx_hash128;

/* A 128-bit non-cryptographic hash (four 64-bit multiply-rotate lanes over 32-byte stripes, in
 * the style of xxHash64, finished into two independently mixed halves), for cache keys: it only
 * has to make accidental collisions negligible (~2^-64 for a billion entries), not resist
 * attackers, since the cache directory belongs to its user. Incremental: feeding bytes in pieces
 * gives the same hash as feeding them at once. */
typedef struct dx_hasher {
    uint64_t v[4];
    uint64_t total;
    uint8_t buf[32];
    size_t nbuf;
} dx_hasher;

void dx_hasher_init(dx_hasher *h, uint64_t seed);
void dx_hasher_update(dx_hasher *h, const void *data, size_t len);
dx_hash128 dx_hasher_final(const dx_hasher *h);
dx_hash128 dx_hash128_of(const void *data, size_t len, uint64_t seed);

/* ---- the cache --------------------------------------------------------------------------------- */

/* Bumped whenever the entry layout or any payload layout changes; old entries then read as misses. */
#define DX_TC_FORMAT_VERSION 1

typedef struct dx_tc_key {
    dx_hash128 hash;
    uint64_t src_len; /* checked on read as a second guard against collisions */
} dx_tc_key;

/* The key of a compilation: the compiler's identity (dx_tc_compiler_id), kind (what was compiled
 * and how, e.g. "esm:typescript" or "cjs:commonjs-jsx") and the source bytes. */
dx_tc_key dx_tc_key_of(const char *kind, const char *src, size_t len);

/* Identifies the compiler that produced an entry: the dx version plus the size and mtime of the
 * runtime library that holds the compiler, so a rebuilt compiler never reads another build's
 * output. Computed once; never NULL. */
const char *dx_tc_compiler_id(void);

/* Whether the cache is on (DX_NO_CACHE unset or "0", and a cache directory could be made). */
bool dx_tc_enabled(void);

/* Looks key up. On a hit returns 0 with the payload in *payload (malloc'd, caller frees) and its
 * length in *len; returns -1 on a miss, a corrupt entry or when the cache is off. label names the
 * file in DX_DEBUG_CACHE messages (may be NULL). */
int dx_tc_get(const dx_tc_key *key, const char *label, uint8_t **payload, size_t *len);

/* Stores payload under key, atomically replacing any entry there. Returns 0, or -1 when the cache
 * is off or the write failed (nothing is left behind). May evict old entries. */
int dx_tc_put(const dx_tc_key *key, const char *label, const void *payload, size_t len);


/* ---- what the module loader stores ------------------------------------------------------------- */

/* A string that is not NUL-terminated (WTF-8 for module specifiers and names). */
typedef struct dx_cstr {
    const char *ptr;
    uint32_t len;
} dx_cstr;

typedef struct dx_compiled_request {
    dx_cstr specifier;
    bool namespace_used;
    uint32_t nattributes;
    dx_cstr *attributes; /* key, value, key, value... (2 * nattributes) */
} dx_compiled_request;

typedef struct dx_compiled_import {
    uint32_t request;
    dx_cstr name;
    uint32_t line, col; /* 1-based line, 0-based column of the import's name */
} dx_compiled_import;

typedef struct dx_compiled_export {
    uint8_t kind; /* js_esm_export_kind: 0 local, 1 indirect, 2 star */
    dx_cstr exported;
    uint32_t request;
    dx_cstr imported;
} dx_compiled_export;

enum {
    DX_COMPILED_ASYNC = 1,
    DX_COMPILED_COROUTINE = 2,
    DX_COMPILED_DEFAULT_FN_NAME = 4,
    DX_COMPILED_MODULE_SYNTAX = 8, /* CommonJS TypeScript/JSX that turned out to be an ES module */
};

/* One compiled file: the printed code, its source map blob (module_maps.h) and, for ES modules,
 * the module record data of compiler/transforms/esm.h. */
typedef struct dx_compiled {
    uint32_t flags;
    dx_cstr code, map;
    dx_compiled_request *requests;
    uint32_t nrequests;
    dx_compiled_import *imports;
    uint32_t nimports;
    dx_compiled_export *exports;
    uint32_t nexports;
    dx_cstr *attr_store; /* decode's allocation behind every request's attributes */
} dx_compiled;

/* Serialises c into a malloc'd payload; returns 0, or -1 when memory runs out. */
int dx_compiled_encode(const dx_compiled *c, uint8_t **out, size_t *len);
/* Reads a payload back, validating every length, count and index; strings borrow from p. Returns
 * 0, or -1 (with *c safe to free) when it is malformed or memory runs out. */
int dx_compiled_decode(const uint8_t *p, size_t len, dx_compiled *c);
/* Frees the arrays dx_compiled_decode allocated (not the payload). */
void dx_compiled_free(dx_compiled *c);

/* ---- for tests --------------------------------------------------------------------------------- */

/* Uses dir (created 0700 if missing) instead of the XDG location and max_bytes as the bound (0:
 * DX_CACHE_MAX_MB or the default), re-reading DX_NO_CACHE. NULL dir returns to the default. Not
 * thread-safe: call before any other use. */
void dx_tc_configure(const char *dir, uint64_t max_bytes);
/* The entry file of key (malloc'd), or NULL when the cache is off. */
char *dx_tc_entry_path(const dx_tc_key *key);
/* Evicts now as a put would when over the bound; returns the bytes left in the directory. */
uint64_t dx_tc_evict(void);

#endif
