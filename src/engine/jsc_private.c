/* Looks up the exported-but-unheadered C++ members of JavaScriptCore that the C API lacks. */
#include "engine/jsc_private.h"

#include <dlfcn.h>

static dx_jsc_private priv;
static int resolved;

const dx_jsc_private *dx_jsc_private_get(void) {
    if (!resolved) {
        resolved = 1;
        /* RTLD_DEFAULT finds them in the already-loaded libjavascriptcoregtk. */
        priv.promise_is_handled = (dx_promise_is_handled_fn)dlsym(RTLD_DEFAULT, "_ZNK3JSC9JSPromise9isHandledERNS_2VME");
        priv.promise_status = (dx_promise_status_fn)dlsym(RTLD_DEFAULT, "_ZNK3JSC9JSPromise6statusERNS_2VME");
        priv.promise_result = (dx_promise_result_fn)dlsym(RTLD_DEFAULT, "_ZNK3JSC9JSPromise6resultERNS_2VME");
        priv.vm_drain_microtasks = (dx_vm_drain_microtasks_fn)dlsym(RTLD_DEFAULT, "_ZN3JSC2VM15drainMicrotasksEv");
        priv.vm_entry_set_up = (dx_vm_entry_fn)dlsym(RTLD_DEFAULT, "_ZN3JSC12VMEntryScope9setUpSlowEv");
        priv.vm_entry_tear_down = (dx_vm_entry_fn)dlsym(RTLD_DEFAULT, "_ZN3JSC12VMEntryScope12tearDownSlowEv");
    }
    return &priv;
}

void dx_jsc_initialize_main_run_loop(void) {
    void (*init)(void) = (void (*)(void))dlsym(RTLD_DEFAULT, "_ZN3WTF7RunLoop14initializeMainEv");
    if (init) init();
}
