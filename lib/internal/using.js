'use strict';
// The runtime side of `using` and `await using` declarations, which JavaScriptCore does not parse:
// the compiler lowers them (src/compiler/transforms/using.c) to calls of these functions, reached
// through the hidden global __dx_using. A scope's resources are a flat array of
// (value, method, hint) triples; the functions follow the spec's AddDisposableResource and
// DisposeResources, with V8's error messages.

const {
  PromiseReject,
  ReflectApply,
  SymbolAsyncDispose,
  SymbolDispose,
} = primordials;

const SYNC = 0;             // `using`
const ASYNC = 1;            // `await using` of a value with Symbol.asyncDispose (or null/undefined)
const ASYNC_FROM_SYNC = 2;  // `await using` of a value with only Symbol.dispose

const kSuppressed = 'An error was suppressed during disposal';

// Adds value's dispose method to the scope's resources; returns value (the declared binding).
function use(resources, value, hint) {
  if (value === null || value === undefined) {
    // An `await using` of nothing still awaits once at the end of the scope.
    if (hint === ASYNC) resources.push(undefined, undefined, ASYNC);
    return value;
  }
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new TypeError('An object is expected with `using` declarations');
  }
  let method;
  if (hint === ASYNC) {
    method = value[SymbolAsyncDispose];
    if (method === undefined) {
      method = value[SymbolDispose];
      hint = ASYNC_FROM_SYNC;
    } else if (typeof method !== 'function') {
      throw new TypeError('Symbol(Symbol.asyncDispose) is not a function');
    }
  } else {
    method = value[SymbolDispose];
  }
  if (typeof method !== 'function') throw new TypeError('Symbol(Symbol.dispose) is not a function');
  resources.push(value, method, hint);
  return value;
}

function suppress(error, hasError, thrown) {
  return hasError ? new SuppressedError(thrown, error, kSuppressed) : thrown;
}

// The end of a `using` scope: disposes in reverse order, then throws the scope's error (the body's,
// or the disposal's, or a SuppressedError chain of both) if there is one.
function dispose(resources, error, hasError) {
  for (let i = resources.length - 3; i >= 0; i -= 3) {
    try {
      ReflectApply(resources[i + 1], resources[i], []);
    } catch (thrown) {
      error = suppress(error, hasError, thrown);
      hasError = true;
    }
  }
  if (hasError) throw error;
}

// The end of a scope with `await using`, as a state machine the lowered code drives, so that the
// awaits are the scope's own (as many as the spec's DisposeResources takes, none when no resource
// needs one):
//   const d = disposer(...); while (d.next()) try { await d.value; } catch (e) { d.fail(e); } d.end();
// next() disposes until something must be awaited (d.value) and says whether there is.
class Disposer {
  constructor(resources, error, hasError) {
    this.resources = resources;
    this.i = resources.length - 3;
    this.error = error;
    this.hasError = hasError;
    this.needsAwait = false;
    this.hasAwaited = false;
    this.value = undefined;
  }

  next() {
    const resources = this.resources;
    while (this.i >= 0) {
      const i = this.i;
      const hint = resources[i + 2];
      if (hint === SYNC && this.needsAwait && !this.hasAwaited) {
        this.needsAwait = false;
        this.value = undefined;
        return true;
      }
      this.i -= 3;
      const method = resources[i + 1];
      if (method === undefined) {
        this.needsAwait = true;
        continue;
      }
      let result;
      try {
        result = ReflectApply(method, resources[i], []);
      } catch (thrown) {
        if (hint === ASYNC_FROM_SYNC) {
          // The spec's wrapper of a sync method turns its throw into an awaited rejection.
          this.hasAwaited = true;
          this.value = PromiseReject(thrown);
          return true;
        }
        this.fail(thrown);
        continue;
      }
      if (hint !== SYNC) {
        this.hasAwaited = true;
        // The wrapper of a sync method resolves with undefined, whatever the method returned.
        this.value = hint === ASYNC ? result : undefined;
        return true;
      }
    }
    if (this.needsAwait && !this.hasAwaited) {
      this.needsAwait = false;
      this.hasAwaited = true;
      this.value = undefined;
      return true;
    }
    return false;
  }

  fail(thrown) {
    this.error = suppress(this.error, this.hasError, thrown);
    this.hasError = true;
  }

  end() {
    if (this.hasError) throw this.error;
  }
}

function disposer(resources, error, hasError) {
  return new Disposer(resources, error, hasError);
}

module.exports = { use, dispose, disposer };
