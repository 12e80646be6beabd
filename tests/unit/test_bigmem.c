/* engine/bigmem: big blocks are usable in full, a freed block comes back for the next allocation of
 * its rounded size (and not for another size), the kept blocks stay within their bound, and
 * dx_big_alloc_js makes an eden collection hand back the blocks of dead buffers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "engine/bigmem.h"

#define MB ((size_t)1 << 20)

static void small_blocks_come_from_malloc(void **state) {
    (void)state;
    uint8_t *p = dx_big_alloc(0);
    assert_non_null(p);
    dx_big_free(p, 0);
    p = dx_big_alloc(1000);
    memset(p, 0xAB, 1000);
    dx_big_free(p, 1000);
}

static void a_freed_block_is_reused_for_its_size_only(void **state) {
    (void)state;
    uint8_t *a = dx_big_alloc(3 * MB + 5);   /* rounds to 4 MB */
    memset(a, 1, 3 * MB + 5);
    dx_big_free(a, 3 * MB + 5);
    uint8_t *b = dx_big_alloc(6 * MB);         /* another size: a fresh block */
    assert_ptr_not_equal(a, b);
    uint8_t *c = dx_big_alloc(4 * MB);         /* the same rounded size: the kept block */
    assert_ptr_equal(a, c);
    memset(c, 2, 4 * MB);                      /* writable in full */
    dx_big_free(b, 6 * MB);
    dx_big_free(c, 4 * MB);
}

static void kept_blocks_stay_bounded(void **state) {
    (void)state;
    /* Free more than the bound holds; every block must still be distinct and writable when taken
     * again, and a block larger than the bound is never kept (it would be returned as is). */
    enum { N = 12 };
    uint8_t *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = dx_big_alloc(32 * MB);
        memset(p[i], i, 32 * MB);
    }
    for (int i = 0; i < N; i++) dx_big_free(p[i], 32 * MB);
    uint8_t *q[N];
    int reused = 0;
    for (int i = 0; i < N; i++) {
        q[i] = dx_big_alloc(32 * MB);
        for (int j = 0; j < N; j++) reused += q[i] == p[j];
        for (int j = 0; j < i; j++) assert_ptr_not_equal(q[i], q[j]);
        memset(q[i], 0x5A, 32 * MB);
    }
    assert_true(reused >= 1 && reused <= 4);   /* at most 128 MB (four 32 MB blocks) were kept */
    for (int i = 0; i < N; i++) dx_big_free(q[i], 32 * MB);
    uint8_t *huge = dx_big_alloc(200 * MB);
    huge[0] = 1;
    huge[200 * MB - 1] = 1;
    dx_big_free(huge, 200 * MB);
}

static void free_block(void *bytes, void *size) { dx_big_free(bytes, (size_t)(uintptr_t)size); }

static void js_buffers_come_back_after_a_collection(void **state) {
    (void)state;
    JSGlobalContextRef ctx = JSGlobalContextCreate(NULL);
    /* Beside 192 MB of live buffers (with such a heap JSC's own pace lets hundreds of MB of dead
     * ones pile up), 40 buffers of 8 MB made one after another and dropped: the eden collection that
     * dx_big_alloc_js runs every 64 MB hands their blocks back, so well under 40 are fresh mappings. */
    JSObjectRef live[24];
    for (int i = 0; i < 24; i++) {
        uint8_t *p = dx_big_alloc_js(ctx, 8 * MB);
        memset(p, 0xEE, 8 * MB);
        live[i] = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, p, 8 * MB, free_block,
                                                       (void *)(uintptr_t)(8 * MB), NULL);
        JSValueProtect(ctx, live[i]);
    }
    size_t mapped_before = dx__big_mapped();
    for (int i = 0; i < 40; i++) {
        uint8_t *p = dx_big_alloc_js(ctx, 8 * MB);
        memset(p, i, 8 * MB);
        JSObjectRef ab = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, p, 8 * MB, free_block,
                                                              (void *)(uintptr_t)(8 * MB), NULL);
        assert_non_null(ab);
    }
    size_t fresh = dx__big_mapped() - mapped_before;
    /* The live buffers kept their bytes: no block of theirs was handed out again. */
    for (int i = 0; i < 24; i++) {
        const uint8_t *b = JSObjectGetArrayBufferBytesPtr(ctx, live[i], NULL);
        assert_int_equal(b[0], 0xEE);
        assert_int_equal(b[8 * MB - 1], 0xEE);
        JSValueUnprotect(ctx, live[i]);
    }
    if (!getenv("DX_NO_BIG_REUSE")) assert_true(fresh <= 30);
    JSGlobalContextRelease(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_blocks_come_from_malloc),
        cmocka_unit_test(a_freed_block_is_reused_for_its_size_only),
        cmocka_unit_test(kept_blocks_stay_bounded),
        cmocka_unit_test(js_buffers_come_back_after_a_collection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
