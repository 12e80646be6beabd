/* `dx transpile`: one file through the compiler (parse, TypeScript and JSX lowering, print), with
 * an optional source map. Engine-free: it never loads the runtime library, so it starts as fast as
 * `dx --version`. See docs/compiler.md ("dx transpile") for the options. */
#include "cli/transpile.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/sourcemap.h"
#include "modules/pkgjson.h"

static const char usage[] =
    "Usage: dx transpile FILE [--outfile OUT] [--sourcemap[=inline|external|linked]] [--minify]\n"
    "                         [--module | --script] [--no-sources-content]\n"
    "\n"
    "Prints FILE as JavaScript: TypeScript types erased, enums, namespaces and JSX lowered.\n"
    "The language comes from the extension (.js .mjs .cjs .jsx .ts .mts .cts .tsx). Files .mjs/.mts\n"
    "are modules, .cjs/.cts scripts, others follow the nearest package.json \"type\".\n"
    "\n"
    "  --outfile OUT         write to OUT instead of standard output\n"
    "  --sourcemap=inline    append the map as a data: URL comment (the default without --outfile)\n"
    "  --sourcemap=linked    write OUT.map and a comment naming it (the default with --outfile)\n"
    "  --sourcemap=external  write OUT.map without the comment\n"
    "  --no-sources-content  leave the original text out of the map\n"
    "  --minify              no optional white space\n"
    "  --module, --script    parse with this goal whatever the file name says\n"
    "\n"
    "A //# sourceMappingURL in FILE (a data: URL or a file next to it) is followed: the new map\n"
    "then points at the files that one points at. Syntax errors print file:line:col: message\n"
    "and exit 1.\n";

typedef enum { MAP_NONE, MAP_DEFAULT, MAP_INLINE, MAP_EXTERNAL, MAP_LINKED } map_mode;

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n + 65536 + 1 > cap) {
      cap = cap ? cap * 2 : 65536 * 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        errno = ENOMEM;
        return NULL;
      }
      buf = nb;
    }
    size_t k = fread(buf + n, 1, cap - n - 1, f);
    n += k;
    if (k == 0) break;
  }
  int err = ferror(f);
  fclose(f);
  if (err) {
    free(buf);
    errno = EIO;
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

static int write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t k = fwrite(data, 1, len, f);
  int e = fclose(f);
  return k == len && e == 0 ? 0 : -1;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The path of `target` relative to directory `dir` (both absolute and normalised), for the map's
 * "sources": a map names its sources relative to where the map is. */
static char *relative_path(const char *dir, const char *target) {
  size_t common = 0, i = 0;
  /* The longest common prefix that ends at a component boundary. */
  while (dir[i] && target[i] && dir[i] == target[i]) {
    i++;
    if (dir[i] == '/' || dir[i] == 0) {
      if (target[i] == '/' || target[i] == 0) common = i;
    }
  }
  if (strcmp(dir, "/") == 0) common = 0;
  size_t ups = 0;
  for (const char *p = dir + common; *p; p++)
    if (*p == '/' && p[1]) ups++;
  const char *rest = target + common;
  if (*rest == '/') rest++;
  char *out = malloc(ups * 3 + strlen(rest) + 1);
  if (!out) return NULL;
  char *o = out;
  for (size_t k = 0; k < ups; k++, o += 3) memcpy(o, "../", 3);
  strcpy(o, rest);
  return out;
}

/* The map of the input itself, if its last sourceMappingURL comment names one we can read. */
static char *input_map_of(const char *file, const char *src, size_t len, size_t *map_len) {
  const char *url;
  size_t ulen;
  if (!js_sourcemap_find_url(src, len, &url, &ulen)) return NULL;
  if (ulen >= 5 && strncmp(url, "data:", 5) == 0) {
    char *json = js_sourcemap_decode_data_url(url, ulen, map_len);
    if (!json) fprintf(stderr, "dx transpile: warning: %s: cannot decode its sourceMappingURL data URL\n", file);
    return json;
  }
  if (memmem(url, ulen, "://", 3)) return NULL; /* remote maps are not fetched */
  char *dircopy = strdup(file);
  char *path = NULL;
  if (!dircopy) return NULL;
  const char *dir = dirname(dircopy);
  size_t plen = strlen(dir) + ulen + 2;
  path = malloc(plen);
  char *json = NULL;
  if (path) {
    if (url[0] == '/') snprintf(path, plen, "%.*s", (int)ulen, url);
    else snprintf(path, plen, "%s/%.*s", dir, (int)ulen, url);
    json = read_file(path, map_len);
    if (!json) fprintf(stderr, "dx transpile: warning: cannot read source map %s: %s\n", path, strerror(errno));
  }
  free(path);
  free(dircopy);
  return json;
}

static bool option_value(const char *arg, const char *name, const char **value) {
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0) return false;
  if (arg[n] == 0) {
    *value = NULL;
    return true;
  }
  if (arg[n] == '=') {
    *value = arg + n + 1;
    return true;
  }
  return false;
}

int dx_transpile_main(int argc, char **argv) {
  const char *file = NULL, *outfile = NULL;
  map_mode mode = MAP_NONE;
  bool minify = false, no_content = false;
  int goal = -1;
  int rc = 1;
  char *src = NULL, *input_map = NULL, *abs_in = NULL, *out_dir = NULL, *source_name = NULL;
  char *map_path = NULL, *map_url = NULL, *outcopy = NULL;
  js_transpile_result res = {0};
  dx_pkgcache *pkgs = NULL;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      return 0;
    } else if (strcmp(a, "--minify") == 0) {
      minify = true;
    } else if (strcmp(a, "--module") == 0) {
      goal = JS_GOAL_MODULE;
    } else if (strcmp(a, "--script") == 0) {
      goal = JS_GOAL_SCRIPT;
    } else if (strcmp(a, "--no-sources-content") == 0) {
      no_content = true;
    } else if (option_value(a, "--sourcemap", &v)) {
      if (!v) mode = MAP_DEFAULT;
      else if (strcmp(v, "inline") == 0) mode = MAP_INLINE;
      else if (strcmp(v, "external") == 0) mode = MAP_EXTERNAL;
      else if (strcmp(v, "linked") == 0) mode = MAP_LINKED;
      else {
        fprintf(stderr, "dx transpile: bad --sourcemap value: %s (inline, external or linked)\n", v);
        return 9;
      }
    } else if (option_value(a, "--outfile", &v) || strcmp(a, "-o") == 0) {
      if (!v || strcmp(a, "-o") == 0) {
        if (i + 1 >= argc) {
          fprintf(stderr, "dx transpile: %s needs a file name\n", a);
          return 9;
        }
        v = argv[++i];
      }
      outfile = v;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "dx transpile: bad option: %s\n%s", a, usage);
      return 9;
    } else if (file) {
      fprintf(stderr, "dx transpile: one file at a time (got %s and %s)\n", file, a);
      return 9;
    } else {
      file = a;
    }
  }
  if (!file) {
    fputs(usage, stderr);
    return 9;
  }
  if (mode == MAP_DEFAULT) mode = outfile ? MAP_LINKED : MAP_INLINE;
  if ((mode == MAP_EXTERNAL || mode == MAP_LINKED) && !outfile) {
    fprintf(stderr, "dx transpile: --sourcemap=%s writes OUT.map next to OUT: it needs --outfile OUT\n",
            mode == MAP_EXTERNAL ? "external" : "linked");
    return 9;
  }

  size_t len;
  src = read_file(file, &len);
  if (!src) {
    fprintf(stderr, "dx transpile: cannot read %s: %s\n", file, strerror(errno));
    goto out;
  }

  js_transpile_options o = {.filename = file, .minify = minify};
  if (ends_with(file, ".ts") || ends_with(file, ".mts") || ends_with(file, ".cts")) o.lang = JS_LANG_TS;
  else if (ends_with(file, ".tsx")) o.lang = JS_LANG_TSX;
  else if (ends_with(file, ".jsx")) o.lang = JS_LANG_JSX;
  abs_in = realpath(file, NULL);
  if (goal >= 0) {
    o.goal = (js_goal)goal;
  } else if (ends_with(file, ".mjs") || ends_with(file, ".mts")) {
    o.goal = JS_GOAL_MODULE;
  } else if (ends_with(file, ".cjs") || ends_with(file, ".cts")) {
    o.goal = JS_GOAL_SCRIPT;
  } else if (abs_in) {
    /* Node's rule for .js (and ours for .ts/.jsx/.tsx): the nearest package.json decides. */
    pkgs = dx_pkgcache_new();
    const dx_pkg *pkg = pkgs ? dx_pkg_scope(pkgs, abs_in) : NULL;
    if (pkg && pkg->type && pkg->type->type == DX_JSON_STRING && strcmp(pkg->type->string, "module") == 0)
      o.goal = JS_GOAL_MODULE;
  }

  if (mode != MAP_NONE) {
    o.sourcemap = mode == MAP_INLINE ? JS_SOURCEMAP_INLINE : JS_SOURCEMAP_EXTERNAL;
    o.no_sources_content = no_content;
    size_t ilen = 0;
    input_map = input_map_of(file, src, len, &ilen);
    o.input_map = input_map;
    o.input_map_len = ilen;
    if (outfile) {
      outcopy = strdup(outfile);
      char *dircopy = outcopy ? strdup(outfile) : NULL;
      if (!dircopy) goto oom;
      out_dir = realpath(dirname(dircopy), NULL);
      free(dircopy);
      if (abs_in && out_dir) {
        source_name = relative_path(out_dir, abs_in);
        if (!source_name) goto oom;
        o.source_name = source_name;
      }
      o.map_file = basename(outcopy);
      if (!(map_path = malloc(strlen(outfile) + 5))) goto oom;
      sprintf(map_path, "%s.map", outfile);
      if (mode == MAP_LINKED) {
        if (!(map_url = malloc(strlen(o.map_file) + 5))) goto oom;
        sprintf(map_url, "%s.map", o.map_file);
        o.map_url = map_url;
      }
    }
  }

  if (js_transpile(src, len, &o, &res) != 0) {
    if (!res.nerrors) goto oom;
    for (size_t i = 0; i < res.nerrors; i++) fprintf(stderr, "%s\n", res.errors[i].text);
    goto out;
  }
  if (res.input_map_error)
    fprintf(stderr, "dx transpile: warning: %s: ignoring its input source map: %s\n", file, res.input_map_error);
  if (outfile) {
    if (write_file(outfile, res.code, res.code_len) < 0) {
      fprintf(stderr, "dx transpile: cannot write %s: %s\n", outfile, strerror(errno));
      goto out;
    }
    if (res.map && write_file(map_path, res.map, res.map_len) < 0) {
      fprintf(stderr, "dx transpile: cannot write %s: %s\n", map_path, strerror(errno));
      goto out;
    }
  } else if (fwrite(res.code, 1, res.code_len, stdout) != res.code_len || fflush(stdout) != 0) {
    fprintf(stderr, "dx transpile: cannot write the output: %s\n", strerror(errno));
    goto out;
  }
  rc = 0;
  goto out;
oom:
  fprintf(stderr, "dx transpile: out of memory\n");
out:
  js_transpile_result_free(&res);
  if (pkgs) dx_pkgcache_free(pkgs);
  free(src);
  free(input_map);
  free(abs_in);
  free(out_dir);
  free(source_name);
  free(map_path);
  free(map_url);
  free(outcopy);
  return rc;
}
