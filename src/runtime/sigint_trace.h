/* util.setTraceSigInt(): print the running JavaScript's stack on SIGINT, then die by SIGINT.
 * Main thread only; call with the API lock held (from JS). */
#ifndef DX_RUNTIME_SIGINT_TRACE_H
#define DX_RUNTIME_SIGINT_TRACE_H

#include <stdbool.h>

#include "runtime/runtime.h"

/* Creates the engine's watchdog, with no time limit, before any JavaScript runs. JSC starts a
 * watchdog's clock on entry into the VM only if the watchdog existed at that entry, so without
 * this a trace enabled by the main script would not take effect until its next entry. */
void dx_sigint_trace_prepare(dx_runtime *rt);

/* Turns the trace on or off (idempotent). Off restores the SIGINT action found when it was
 * turned on and disarms the engine's watchdog. */
void dx_sigint_trace_set(dx_runtime *rt, bool enable);

#endif
