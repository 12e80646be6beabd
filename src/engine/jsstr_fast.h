/* The fast path of jsstr.c: JSC's own Latin-1/UTF-16 strings through exported WTF/JSC functions,
 * enabled only when a self-test at first use shows the functions and the string layout behave as
 * this code expects (../shared/research/jsc-c-api.md §7). Internal to src/engine. */
#ifndef DX_ENGINE_JSSTR_FAST_H
#define DX_ENGINE_JSSTR_FAST_H

#include "engine/jsstr.h"

/* Whether the fast path may be used (runs the self-test once, on the first call). */
bool dx__jsstr_fast_ok(void);
JSValueRef dx__jsstr_fast_latin1(JSContextRef ctx, const uint8_t *p, size_t n);
JSValueRef dx__jsstr_fast_utf16(JSContextRef ctx, const uint16_t *p, size_t n);
/* Fills chars/length/is8bit of a view whose `ref` is set; false to use the public API instead. */
/* A new string of n > 0 units to fill in place, then turn into a JS string with
 * dx__jsstr_fast_finish; NULL when the direct path is off (use the copying functions). */
void *dx__jsstr_fast_begin8(JSContextRef ctx, size_t n, uint8_t **chars);
void *dx__jsstr_fast_begin16(JSContextRef ctx, size_t n, uint16_t **chars);
JSValueRef dx__jsstr_fast_finish(JSContextRef ctx, void *impl);
bool dx__jsstr_fast_view(dx_strview *v);

#endif
