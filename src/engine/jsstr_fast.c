/* Fast path of jsstr.c; see jsstr_fast.h. */
#include "engine/jsstr_fast.h"

bool dx__jsstr_fast_ok(void) { return false; }
JSValueRef dx__jsstr_fast_latin1(JSContextRef ctx, const uint8_t *p, size_t n) { (void)ctx; (void)p; (void)n; return NULL; }
JSValueRef dx__jsstr_fast_utf16(JSContextRef ctx, const uint16_t *p, size_t n) { (void)ctx; (void)p; (void)n; return NULL; }
bool dx__jsstr_fast_view(dx_strview *v) { (void)v; return false; }
void dx__jsstr_fast_view_release(dx_strview *v) { (void)v; }
