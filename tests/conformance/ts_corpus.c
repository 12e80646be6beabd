/* Robustness of the TypeScript parser on real TypeScript: every .ts/.mts/.cts/.tsx file (declaration
 * files included) under the given directories must parse. A file is valid if it parses as a script
 * or as a module (TypeScript itself decides by the file's imports and exports). Files that are
 * not declaration files are also printed (types erased) and the output must parse to the same
 * tree; files whose tree still holds TypeScript run-time nodes (enum, namespace...) are
 * left to the lowering and only parsed.
 *
 * Usage: ts_corpus DIR... [-v]
 * Prints the counts and the first error of each failing file; exits 1 if any file failed, 77
 * (skipped) if the first directory does not exist (the npm dev dependencies are not installed). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "compiler/compiler.h"

typedef struct stats {
  size_t files, passed, failed, printed, bytes;
  double seconds;
  bool verbose;
} stats;

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
    fclose(f);
    free(b);
    return NULL;
  }
  fclose(f);
  b[n] = 0;
  *len = (size_t)n;
  return b;
}

static bool ends_with(const char *s, const char *end) {
  size_t n = strlen(s), e = strlen(end);
  return n >= e && strcmp(s + n - e, end) == 0;
}

static bool is_ts_file(const char *name) {
  return ends_with(name, ".ts") || ends_with(name, ".mts") || ends_with(name, ".cts") || ends_with(name, ".tsx");
}

static bool is_declaration_file(const char *name) {
  return ends_with(name, ".d.ts") || ends_with(name, ".d.mts") || ends_with(name, ".d.cts");
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The erased program must parse to the same tree. It is reparsed as TypeScript because until the
 * lowering runs it may still export names that are only types (`export { T }`), which JavaScript
 * rejects; the text itself holds no TypeScript syntax. */
static const char *check_printed(const js_ast *a, js_goal goal, js_lang lang) {
  char *dump = NULL;
  if (js_ast_dump(a->program, &dump, NULL) != 0) return "out of memory";
  bool lowering_needed = strstr(dump, "(TS") || strstr(dump, "param-prop") || strstr(dump, "(JSX");
  free(dump);
  if (lowering_needed) return NULL;
  size_t len;
  char *out = js_print(a->program, &(js_print_options){.minify = true}, &len);
  if (!out) return "out of memory";
  js_parse_options o = {.goal = goal, .lang = lang, .filename = "printed.ts"};
  js_ast *b = js_parse(out, len, &o);
  const char *why = NULL;
  if (!b) why = "out of memory";
  else if (b->nerrors) why = "the printed JavaScript does not parse";
  else if (!js_ast_equal(a->program, b->program)) why = "the printed JavaScript parses to a different tree";
  js_ast_free(b);
  free(out);
  return why;
}

static void check_file(stats *st, const char *path) {
  size_t len;
  char *src = read_file(path, &len);
  if (!src) return;
  st->files++;
  st->bytes += len;
  js_lang lang = ends_with(path, ".tsx") ? JS_LANG_TSX : JS_LANG_TS;
  js_goal goals[2] = {JS_GOAL_SCRIPT, JS_GOAL_MODULE};
  char first_error[600] = "";
  bool ok = false;
  for (int g = 0; g < 2 && !ok; g++) {
    js_parse_options o = {.goal = goals[g], .lang = lang, .filename = path};
    double t0 = now();
    js_ast *a = js_parse(src, len, &o);
    st->seconds += now() - t0;
    if (!a) {
      snprintf(first_error, sizeof first_error, "%s: out of memory", path);
      break;
    }
    if (a->nerrors) {
      if (g == 1) snprintf(first_error, sizeof first_error, "%s", a->errors[0].text);
    } else {
      ok = true;
      if (!is_declaration_file(path)) {
        const char *why = check_printed(a, goals[g], lang);
        if (why) {
          ok = false;
          snprintf(first_error, sizeof first_error, "%s: %s", path, why);
        } else {
          st->printed++;
        }
      }
    }
    js_ast_free(a);
  }
  if (ok) {
    st->passed++;
    if (st->verbose) printf("ok   %s\n", path);
  } else {
    st->failed++;
    printf("FAIL %s\n", first_error);
  }
  free(src);
}

static void walk(stats *st, const char *dir, int depth) {
  if (depth > 32) return;
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, cap = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) abort();
      names = nn;
    }
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat sb;
    if (lstat(path, &sb) == 0) {
      if (S_ISDIR(sb.st_mode)) walk(st, path, depth + 1);
      else if (S_ISREG(sb.st_mode) && is_ts_file(names[i])) check_file(st, path);
    }
    free(names[i]);
  }
  free(names);
}

int main(int argc, char **argv) {
  stats st = {0};
  int ndirs = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) st.verbose = true;
    else ndirs++;
  }
  if (!ndirs) {
    fprintf(stderr, "usage: ts_corpus DIR... [-v]\n");
    return 2;
  }
  bool first = true;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) continue;
    struct stat sb;
    if (stat(argv[i], &sb) != 0) {
      if (first) {
        printf("SKIP: %s is not there (npm install)\n", argv[i]);
        return 77;
      }
      continue;
    }
    first = false;
    walk(&st, argv[i], 0);
  }
  printf("%zu files (%zu printed and reparsed), %zu passed, %zu failed; %.1f MB parsed in %.2f s\n", st.files,
         st.printed, st.passed, st.failed, (double)st.bytes / 1e6, st.seconds);
  return st.failed ? 1 : 0;
}
