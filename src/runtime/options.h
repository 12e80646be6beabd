/* How the CLI asks the runtime to start a program. No JSC types here: the engine-free dx command
 * includes it. */
#ifndef DX_RUNTIME_OPTIONS_H
#define DX_RUNTIME_OPTIONS_H

typedef enum { DX_MAIN_FILE, DX_MAIN_EVAL, DX_MAIN_PRINT, DX_MAIN_STDIN } dx_main_kind;

typedef struct dx_options {
    dx_main_kind kind;
    const char *entry;      /* file path, or the code for -e/-p/stdin */
    int argc;               /* process.argv as Node builds it: [execPath, script?, ...args] */
    char **argv;
    int exec_argc;          /* process.execArgv */
    char **exec_argv;
    const char *exec_path;
    const char *argv0;      /* process.argv0: argv[0] as the user typed it */
} dx_options;

/* Runs a program as `dx` does; returns the process exit code. Exported by libdx-runtime.so. */
__attribute__((visibility("default"))) int dx_runtime_main(const dx_options *opts);

#endif
