'use strict';
// The loader of built-in modules: `requireBuiltin(id)` compiles lib/<id>.js (embedded in the binary)
// on first use, runs it with (exports, require, module, internalBinding, primordials) and caches it.

const { SafeMap, StringPrototypeStartsWith, ArrayPrototypeFilter, ObjectFreeze } = primordials;
const { compileBuiltin, ids } = internalBinding('builtins');

const loaded = new SafeMap();
const allIds = ids();
const publicIds = ObjectFreeze(ArrayPrototypeFilter(allIds, (id) =>
  !StringPrototypeStartsWith(id, 'internal/')));
const publicSet = new SafeMap();
for (let i = 0; i < publicIds.length; i++) publicSet.set(publicIds[i], true);

class BuiltinModule {
  constructor(id) {
    this.id = id;
    this.exports = {};
    this.loaded = false;
  }
}

function requireBuiltin(id) {
  const cached = loaded.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = compileBuiltin(id);
  if (fn === undefined) throw new Error(`No such built-in module: ${id}`);
  const mod = new BuiltinModule(id);
  loaded.set(id, mod);
  fn(mod.exports, requireBuiltin, mod, internalBinding, primordials);
  mod.loaded = true;
  return mod.exports;
}

// Whether `id` (without the node: prefix) names a module user code may require.
function canBeRequiredByUsers(id) {
  return publicSet.get(id) === true;
}

module.exports = { requireBuiltin, canBeRequiredByUsers, publicIds };
// This module was run by the C start-up, not through requireBuiltin: register it, or a later
// require('internal/bootstrap/realm') would make a second loader with a second module cache.
module.loaded = true;
loaded.set('internal/bootstrap/realm', module);
