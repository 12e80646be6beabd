// Imported only for its side effect.
globalThis.sideEffectRan = (globalThis.sideEffectRan || 0) + 1;
