/* The dx command. It parses the command line and only then loads the JS engine (libdx-runtime.so,
 * which links JavaScriptCore) for the commands that run JavaScript: --version, --help and the `dx test`
 * parent never pay for loading JSC. */
#include <dlfcn.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/test_runner.h"
#include "runtime/options.h"

static const char usage[] =
    "Usage: dx [options] [script.js | -e \"code\" | -] [arguments]\n"
    "       dx run <script.js> [arguments]\n"
    "       dx test [--test-concurrency=N] [--test-timeout=MS] [--test-name-pattern=RE] [--test-only] [paths...]\n"
    "       dx transpile FILE [--outfile OUT] [--sourcemap[=inline|external|linked]] [--minify] [--module|--script]\n"
    "\n"
    "Runs JavaScript programs as Node.js does, on JavaScriptCore and libuv.\n"
    "\n"
    "Options:\n"
    "  -e, --eval CODE     evaluate CODE as a script\n"
    "  -p, --print CODE    evaluate CODE and print the result\n"
    "  -                   read the script from standard input\n"
    "  -v, --version       print dx's version\n"
    "  -h, --help          print this help\n"
    "\n"
    "Commands:\n"
    "  run FILE            run FILE (same as `dx FILE`)\n"
    "  test [PATHS]        run test files, each in its own process (as `node --test`)\n"
    "  transpile FILE      print FILE (JS, TypeScript, JSX) as JavaScript, optionally with a source map\n"
    "                      (`dx transpile --help` for its options)\n"
    "\n"
    "With no script and standard input not a terminal, dx runs the script read from standard input.\n";

typedef int (*runtime_main_fn)(const dx_options *);

static char *self_exe(void) {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return NULL;
    buf[n] = 0;
    return strdup(buf);
}

static int run_js(dx_options *opts) {
    char *exe = opts->exec_path ? strdup(opts->exec_path) : NULL;
    if (!exe) { fprintf(stderr, "dx: cannot find its own executable\n"); return 1; }
    char lib[PATH_MAX];
    snprintf(lib, sizeof lib, "%s/libdx-runtime.so", dirname(exe));
    free(exe);
    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) { fprintf(stderr, "dx: cannot load the runtime: %s\n", dlerror()); return 1; }
    runtime_main_fn fn = (runtime_main_fn)dlsym(h, "dx_runtime_main");
    if (!fn) { fprintf(stderr, "dx: broken runtime library: %s\n", dlerror()); return 1; }
    return fn(opts);
}

/* `dx transpile` runs from libdx-compiler.so, loaded only for it: the compiler links ICU (and
 * through it libstdc++), whose loading would otherwise add milliseconds to every dx start. */
static int run_transpile(int argc, char **argv, const char *exec_path) {
    char *exe = exec_path ? strdup(exec_path) : NULL;
    if (!exe) { fprintf(stderr, "dx: cannot find its own executable\n"); return 1; }
    char lib[PATH_MAX];
    snprintf(lib, sizeof lib, "%s/libdx-compiler.so", dirname(exe));
    free(exe);
    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) { fprintf(stderr, "dx: cannot load the compiler: %s\n", dlerror()); return 1; }
    int (*fn)(int, char **) = (int (*)(int, char **))dlsym(h, "dx_transpile_main");
    if (!fn) { fprintf(stderr, "dx: broken compiler library: %s\n", dlerror()); return 1; }
    return fn(argc, argv);
}

static int bad_option(const char *opt) {
    fprintf(stderr, "dx: bad option: %s\n", opt);
    return 9; /* Node's exit code for invalid arguments */
}

int main(int argc, char **argv) {
    dx_options opts = {0};
    opts.argv0 = argv[0];
    char *exe = self_exe();
    opts.exec_path = exe ? exe : argv[0];
    char **pargv = NULL;
    int rc;

    if (argc >= 2 && strcmp(argv[1], "transpile") == 0) {
        rc = run_transpile(argc - 1, argv + 1, opts.exec_path);
        goto out;
    }
    if (argc >= 2 && strcmp(argv[1], "test") == 0) {
        rc = dx_test_main(argc - 1, argv + 1, opts.exec_path);
        goto out;
    }

    /* process.argv = [execPath, (script), ...args]; process.execArgv = the options before the script. */
    pargv = calloc((size_t)argc + 2, sizeof *pargv);
    int pargc = 0;
    pargv[pargc++] = (char *)opts.exec_path;
    int i = 1;
    int have_main = 0;
    opts.exec_argv = argv + 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) { i++; break; }
        if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) {
            printf("v%s\n", DX_VERSION);
            rc = 0;
            goto out;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            rc = 0;
            goto out;
        }
        if (strcmp(a, "-e") == 0 || strcmp(a, "--eval") == 0 || strcmp(a, "-p") == 0 || strcmp(a, "--print") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dx: %s requires an argument\n", a);
                rc = 9;
                goto out;
            }
            opts.kind = (a[1] == 'p' || a[2] == 'p') ? DX_MAIN_PRINT : DX_MAIN_EVAL;
            opts.entry = argv[++i];
            have_main = 1;
            continue;
        }
        if (strncmp(a, "--eval=", 7) == 0 || strncmp(a, "--print=", 8) == 0) {
            opts.kind = a[2] == 'p' ? DX_MAIN_PRINT : DX_MAIN_EVAL;
            opts.entry = strchr(a, '=') + 1;
            have_main = 1;
            continue;
        }
        if (strcmp(a, "-") == 0) {
            /* Node keeps the "-" in process.argv, where a script's path would be. */
            opts.kind = DX_MAIN_STDIN;
            pargv[pargc++] = argv[i++];
            have_main = 1;
            break;
        }
        if (a[0] == '-' && a[1] != 0) {
            rc = bad_option(a);
            goto out;
        }
        break; /* the script, or `run` */
    }
    opts.exec_argc = (int)(argv + i - opts.exec_argv);
    if (!have_main) {
        if (i < argc && strcmp(argv[i], "run") == 0) {
            i++;
            if (i >= argc) {
                fprintf(stderr, "dx run: missing script\n%s", usage);
                rc = 9;
                goto out;
            }
        }
        if (i < argc) {
            opts.kind = DX_MAIN_FILE;
            opts.entry = argv[i];
            pargv[pargc++] = argv[i++];
        } else if (!isatty(0)) {
            opts.kind = DX_MAIN_STDIN;
        } else {
            fputs(usage, stderr);
            fputs("\ndx has no interactive REPL yet: give it a script, -e CODE, or pipe a script to it.\n", stderr);
            rc = 9;
            goto out;
        }
    }
    for (; i < argc; i++) pargv[pargc++] = argv[i];
    opts.argc = pargc;
    opts.argv = pargv;
    rc = run_js(&opts); /* returns only when the runtime could not be loaded */
out:
    free(pargv);
    free(exe);
    return rc;
}
