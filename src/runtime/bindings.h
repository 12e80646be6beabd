/* internalBinding(name): the one explicit list of C bindings reachable from built-in JS. */
#ifndef DX_RUNTIME_BINDINGS_H
#define DX_RUNTIME_BINDINGS_H

#include <JavaScriptCore/JavaScript.h>

/* The `internalBinding` function handed to built-in modules (never to user code). */
JSObjectRef dx_internal_binding_fn(JSContextRef ctx);

/* Binding constructors, one per C file. */
JSObjectRef dx__builtins_binding(JSContextRef ctx);
JSObjectRef dx__process_binding(JSContextRef ctx);
JSObjectRef dx__util_binding(JSContextRef ctx);
JSObjectRef dx__timers_binding(JSContextRef ctx);
JSObjectRef dx__fs_binding(JSContextRef ctx);
JSObjectRef dx__os_binding(JSContextRef ctx);
JSObjectRef dx__modules_binding(JSContextRef ctx);
JSObjectRef dx__url_binding(JSContextRef ctx);
JSObjectRef dx__encoding_binding(JSContextRef ctx);
JSObjectRef dx__buffer_binding(JSContextRef ctx);
JSObjectRef dx__perf_binding(JSContextRef ctx);
JSObjectRef dx__stream_wrap_binding(JSContextRef ctx);

#endif
