/* Entry points of src/web/url.c for its JS binding (src/web/url_binding.c) only. */
#ifndef DX_WEB_URL_INTERNAL_H
#define DX_WEB_URL_INTERNAL_H

#include "web/url.h"

/* dx_url_parse, with the href written into the caller's `scratch` (cap > 0 bytes) when the parser's
 * fast path takes the input and the href fits: that saves an allocation per parse when the caller
 * copies the href anyway. Returns 1 when out->href points into scratch (out must not be freed,
 * and is valid while scratch is), 0 when it is allocated as dx_url_parse's (free with dx_url_free),
 * or -1 when the URL is invalid (nothing to free). */
int dx__url_parse_scratch(const char *input, size_t len, const dx_url *base, dx_url *out, char *scratch, size_t cap);

/* Turns the per-thread cache of parsed hosts on (the default) or off, emptying it either way; for
 * tests that compare results with and without it. */
void dx__url_host_cache(bool on);

#endif
