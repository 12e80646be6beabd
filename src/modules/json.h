/* A strict JSON (RFC 8259) parser into a tree. Engine-free: used for package.json and other C code.
 * Objects keep their members in source order (duplicates kept; lookups take the last, as JSON.parse). */
#ifndef DX_MODULES_JSON_H
#define DX_MODULES_JSON_H

#include <stddef.h>

typedef enum {
    DX_JSON_NULL, DX_JSON_FALSE, DX_JSON_TRUE, DX_JSON_NUMBER, DX_JSON_STRING, DX_JSON_ARRAY, DX_JSON_OBJECT
} dx_json_type;

typedef struct dx_json dx_json;
struct dx_json {
    dx_json_type type;
    double number;      /* DX_JSON_NUMBER */
    char *string;       /* DX_JSON_STRING: UTF-8, NUL-terminated (may contain NULs: see length) */
    size_t length;      /* string length in bytes */
    size_t count;       /* members of an array or object */
    dx_json **items;    /* array elements, or object values */
    char **keys;        /* object keys (UTF-8, NUL-terminated), parallel to items */
};

typedef struct dx_json_error {
    size_t offset;      /* byte offset of the problem */
    int line, column;   /* 1-based; column counts bytes */
    const char *message;/* static text */
} dx_json_error;

/* Maximum nesting of arrays and objects; deeper input is an error, never a stack overflow. */
#define DX_JSON_MAX_DEPTH 1000

/* Parses `len` bytes. Returns the tree (free with dx_json_free) or NULL with *err filled. */
dx_json *dx_json_parse(const char *src, size_t len, dx_json_error *err);
void dx_json_free(dx_json *v);

/* The value of member `key` of an object (the last one if repeated), or NULL. Borrowed. */
const dx_json *dx_json_get(const dx_json *obj, const char *key);

#endif
