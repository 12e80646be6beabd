/* The test262 worker: a forked process that runs the tests the parent names over a pipe. */
#ifndef DX_TEST262_WORKER_H
#define DX_TEST262_WORKER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct t262_config {
    const char *root;   /* absolute test262 checkout */
    const char *shadow; /* mirror of module-test directories with a "type": "module" package.json */
    const char *dx;     /* the dx binary that runs module tests */
    double timeout;     /* seconds per run (JSC's execution time limit; the dx child is killed) */
    bool verbose;
    const char *const *unsupported; /* sorted feature names this host lacks */
    size_t n_unsupported;
} t262_config;

/* True when the test must run through dx's module loader (flags: [module] or a dynamic import). */
bool t262_needs_dx(const char *root, const char *rel);

/* Reads "index\n" lines from in_fd, runs tests[index], writes "index\tP|F|S\tmessage\n" to out_fd.
 * Returns the process exit status. */
int t262_worker_main(const t262_config *cfg, const char *const *tests, int id, int in_fd, int out_fd);

#endif
