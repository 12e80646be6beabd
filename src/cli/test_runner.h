/* `dx test`: the parent process that finds test files, runs each in its own `dx <file>` process and
 * reports. It uses libuv only, never the JS engine, so it starts without loading JavaScriptCore. */
#ifndef DX_CLI_TEST_RUNNER_H
#define DX_CLI_TEST_RUNNER_H

/* Runs `dx test [options] [paths...]`. argv[0] is "test"; self_exe is the dx binary each file runs in
 * (borrowed). Options: --test-concurrency=N, --test-timeout=MS, --test-name-pattern=RE (repeatable),
 * --test-only. Prints each file's output and test results in file order, then the failing tests and a
 * last line `N passed, N failed[, N skipped]`. Returns the exit code: 0 if every test passed, 1 if a
 * test failed or a file crashed, 9 for a bad option. */
int dx_test_main(int argc, char **argv, const char *self_exe);

#endif
