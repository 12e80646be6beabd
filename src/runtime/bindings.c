#include "runtime/bindings.h"

#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

typedef struct binding_entry {
    const char *name;
    JSObjectRef (*create)(JSContextRef ctx);
} binding_entry;

static const binding_entry bindings[] = {
    {"buffer", dx__buffer_binding},
    {"builtins", dx__builtins_binding},
    {"encoding", dx__encoding_binding},
    {"fs", dx__fs_binding},
    {"modules", dx__modules_binding},
    {"os", dx__os_binding},
    {"perf", dx__perf_binding},
    {"process", dx__process_binding},
    {"stream_wrap", dx__stream_wrap_binding},
    {"timers", dx__timers_binding},
    {"url", dx__url_binding},
    {"util", dx__util_binding},
    {NULL, NULL},
};

static JSObjectRef cache;
static JSObjectRef binding_fn;

static JSValueRef internal_binding(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1) return JSValueMakeUndefined(ctx);
    char *name = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!name) return NULL;
    JSValueRef r = dx_get(ctx, cache, name);
    if (JSValueIsUndefined(ctx, r)) {
        const binding_entry *b = bindings;
        while (b->name && strcmp(b->name, name) != 0) b++;
        if (b->name) {
            r = b->create(ctx);
            dx_set(ctx, cache, name, r);
        } else {
            *exc = dx_make_error(ctx, "Error", NULL, "No such binding: %s", name);
            r = NULL;
        }
    }
    free(name);
    return r;
}

JSObjectRef dx_internal_binding_fn(JSContextRef ctx) {
    if (!binding_fn) {
        cache = JSObjectMake(ctx, NULL, NULL);
        JSValueProtect(ctx, cache);
        JSStringRef n = dx_jsstr("internalBinding");
        binding_fn = JSObjectMakeFunctionWithCallback(ctx, n, internal_binding);
        JSStringRelease(n);
        JSValueProtect(ctx, binding_fn);
    }
    return binding_fn;
}
