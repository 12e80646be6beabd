/* `dx transpile FILE [options]`: prints FILE compiled to JavaScript, with an optional source map.
 * Engine-free: it lives in libdx-compiler.so with the compiler, which dx loads for this command only. */
#ifndef DX_CLI_TRANSPILE_H
#define DX_CLI_TRANSPILE_H

/* argv[0] is "transpile". Returns the process exit code: 0, 1 for errors in the input or I/O, 9 for
 * bad usage (Node's code for invalid arguments). */
__attribute__((visibility("default"))) int dx_transpile_main(int argc, char **argv);

#endif
