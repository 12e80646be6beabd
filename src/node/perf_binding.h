/* Process milestones for performance.nodeTiming (node:perf_hooks), recorded by the runtime. */
#ifndef DX_NODE_PERF_BINDING_H
#define DX_NODE_PERF_BINDING_H

enum {
    DX_PERF_ENGINE_START,      /* the JS engine (VM) exists: nodeTiming.v8Start */
    DX_PERF_ENVIRONMENT,       /* the bootstrap began to build the Node environment */
    DX_PERF_BOOTSTRAP_COMPLETE,/* the bootstrap finished; the main script is next */
    DX_PERF_LOOP_START,        /* the event loop started (after the main script) */
    DX_PERF_LOOP_EXIT,         /* the event loop finished */
    DX_PERF_NODE_START,        /* the runtime began (dx_runtime_main): nodeTiming.nodeStart */
    DX_PERF_MILESTONE_COUNT
};

/* Records milestone `which` as now. Main thread only; cheap (one clock read). */
void dx_perf_milestone(int which);

#endif
