/* A generic walk over a tree's child slots, for transforms that replace nodes in place. */
#ifndef JS_TRANSFORMS_WALK_H
#define JS_TRANSFORMS_WALK_H

#include <stdbool.h>

#include "compiler/ast.h"

/* Called with the slot holding each node (never NULL) before its children; may replace *slot.
 * Returns true to walk the children of the node now in *slot, false to skip them. */
typedef bool (*js_walk_fn)(js_node **slot, void *ud);

/* Visits *slot and everything below it, in source order. Recursion follows the tree's nesting,
 * which the parser bounds, except left-nested chains (a + b + c..., a.b.c..., f()()...), which are
 * followed iteratively. */
void js__walk(js_node **slot, js_walk_fn fn, void *ud);

/* Visits each child slot of n (not n itself) with js__walk. */
void js__walk_children(js_node *n, js_walk_fn fn, void *ud);

#endif
