'use strict';
// `using` and `await using` declarations (explicit resource management). Node 24 parses them
// natively; dx lowers them in its compiler (src/compiler/transforms/using.c), including in this
// CommonJS file, which JavaScriptCore alone would reject. The expected orders are Node's.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');

function resource(log, name, { fails = false, async = false } = {}) {
  const dispose = () => {
    log.push(`dispose ${name}`);
    if (fails) throw new Error(`dispose ${name} failed`);
  };
  if (!async) return { [Symbol.dispose]: dispose };
  return {
    async [Symbol.asyncDispose]() {
      await null;
      dispose();
    },
  };
}

test('resources are disposed in reverse order at the end of a block', () => {
  const log = [];
  {
    using a = resource(log, 'a'), b = resource(log, 'b');
    using c = resource(log, 'c');
    log.push('body');
    assert.strictEqual(typeof a[Symbol.dispose], 'function');
    assert.ok(b && c);
  }
  log.push('after');
  assert.deepStrictEqual(log, ['body', 'dispose c', 'dispose b', 'dispose a', 'after']);
});

test('disposal runs on return, break, continue and throw', () => {
  const log = [];
  function f() {
    using r = resource(log, 'ret');
    return log.push('return');
  }
  f();
  for (let i = 0; i < 2; i++) {
    using r = resource(log, `loop${i}`);
    if (i === 0) continue;
    break;
  }
  assert.throws(() => {
    using r = resource(log, 'throw');
    throw new Error('boom');
  }, /boom/);
  assert.deepStrictEqual(log, ['return', 'dispose ret', 'dispose loop0', 'dispose loop1', 'dispose throw']);
});

test('a resource declared later is not disposed when an earlier statement throws', () => {
  const log = [];
  assert.throws(() => {
    using a = resource(log, 'a');
    if (log.length === 0) throw new Error('early');
    using b = resource(log, 'b');
  }, /early/);
  assert.deepStrictEqual(log, ['dispose a']);
});

test('errors: SuppressedError chains the disposal errors over the body error', () => {
  const log = [];
  let caught;
  try {
    using a = resource(log, 'a', { fails: true });
    using b = resource(log, 'b', { fails: true });
    throw new Error('body');
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof SuppressedError);
  assert.strictEqual(caught.message, 'An error was suppressed during disposal');
  assert.strictEqual(caught.error.message, 'dispose a failed');
  assert.ok(caught.suppressed instanceof SuppressedError);
  assert.strictEqual(caught.suppressed.error.message, 'dispose b failed');
  assert.strictEqual(caught.suppressed.suppressed.message, 'body');
  assert.deepStrictEqual(log, ['dispose b', 'dispose a']);

  // A disposal error alone is thrown as is.
  assert.throws(() => {
    using a = resource([], 'a', { fails: true });
  }, { message: 'dispose a failed' });
});

test('values: null and undefined are allowed, other non-objects and missing methods throw TypeError', () => {
  {
    using a = null, b = undefined;
    assert.strictEqual(a, null);
    assert.strictEqual(b, undefined);
  }
  assert.throws(() => { using x = 1; }, { name: 'TypeError', message: 'An object is expected with `using` declarations' });
  assert.throws(() => { using x = 'str'; }, TypeError);
  assert.throws(() => { using x = {}; }, { name: 'TypeError', message: 'Symbol(Symbol.dispose) is not a function' });
  assert.throws(() => { using x = { [Symbol.dispose]: 1 }; }, TypeError);
  // The method is read once, at the declaration.
  const log = [];
  const obj = { [Symbol.dispose]() { log.push('first'); } };
  {
    using x = obj;
    obj[Symbol.dispose] = () => log.push('second');
  }
  assert.deepStrictEqual(log, ['first']);
  // `this` is the resource.
  let self;
  const r = { [Symbol.dispose]() { self = this; } };
  { using x = r; }
  assert.strictEqual(self, r);
});

test('for-of with using disposes each value after its iteration; for (using ...;;) once', () => {
  const log = [];
  for (using r of [resource(log, 'x'), resource(log, 'y')]) log.push(`iter ${Object.keys(r).length}`);
  outer: for (using r = resource(log, 'loop'); ;) {
    for (;;) {
      log.push('inner');
      break outer;
    }
  }
  assert.deepStrictEqual(log, ['iter 0', 'dispose x', 'iter 0', 'dispose y', 'inner', 'dispose loop']);
});

test('class static blocks and closures see the bindings', () => {
  const log = [];
  let saved;
  class K {
    static {
      using r = resource(log, 'static');
      saved = () => r;
    }
  }
  assert.ok(K);
  assert.ok(saved()[Symbol.dispose]);
  assert.deepStrictEqual(log, ['dispose static']);
});

test('await using: async disposal, sync fallback, mixed with using', async () => {
  const log = [];
  async function f() {
    await using a = resource(log, 'a', { async: true });
    using b = resource(log, 'b');
    await using c = resource(log, 'c'); // only Symbol.dispose: called, not awaited for its result
    log.push('body');
    return 'done';
  }
  assert.strictEqual(await f(), 'done');
  assert.deepStrictEqual(log, ['body', 'dispose c', 'dispose b', 'dispose a']);

  await assert.rejects(async () => {
    await using x = 1;
  }, { name: 'TypeError', message: 'An object is expected with `using` declarations' });
  await assert.rejects(async () => {
    await using x = {};
  }, { name: 'TypeError', message: 'Symbol(Symbol.dispose) is not a function' });
  await assert.rejects(async () => {
    await using x = resource(log, 'fails', { async: true, fails: true });
    throw new Error('body');
  }, (e) => e instanceof SuppressedError && e.error.message === 'dispose fails failed' && e.suppressed.message === 'body');
});

test('for await with await using', async () => {
  const log = [];
  async function* gen() {
    yield resource(log, 'g1', { async: true });
    yield resource(log, 'g2', { async: true });
  }
  for await (await using r of gen()) log.push('iter');
  assert.deepStrictEqual(log, ['iter', 'dispose g1', 'iter', 'dispose g2']);
});

test('await using: the scope awaits exactly where the spec does (microtask order equals Node)', async () => {
  // Each scenario runs against a chain of promise ticks; the interleaving shows how many awaits
  // the scope's end took.
  async function run(scenario) {
    const log = [];
    let stop = false;
    (async () => {
      for (let i = 0; i < 8 && !stop; i++) {
        log.push(`t${i}`);
        await null;
      }
    })();
    await scenario(log);
    stop = true;
    return log.join(' ');
  }
  const sync = (log) => ({ [Symbol.dispose]() { log.push('sync'); } });
  const asyncRes = (log) => ({ async [Symbol.asyncDispose]() { log.push('async'); } });
  const results = [
    await run(async (log) => { { await using x = null; } log.push('end'); }),
    await run(async (log) => { { await using x = asyncRes(log); } log.push('end'); }),
    await run(async (log) => { { await using x = sync(log); } log.push('end'); }),
    await run(async (log) => { { using x = sync(log); } log.push('end'); }),
    await run(async (log) => {
      {
        if (log.length > 100) { await using never = null; }
        using x = sync(log);
      }
      log.push('end');
    }),
    await run(async (log) => { { await using a = null; using b = sync(log); } log.push('end'); }),
  ];
  assert.deepStrictEqual(results, [
    't0 t1 end t2',
    't0 async t1 end t2',
    't0 sync t1 end t2',
    't0 sync end t1',
    't0 sync end t1',
    't0 sync t1 end t2',
  ]);
});

test('property: any mix of resources and failures disposes in reverse order with the right error', () => {
  fc.assert(fc.property(fc.array(fc.boolean(), { maxLength: 6 }), fc.boolean(), (fails, bodyThrows) => {
    const log = [];
    let caught = null;
    const n = fails.length;
    const scope = (i) => {
      if (i === n) {
        if (bodyThrows) throw new Error('body');
        return;
      }
      using r = resource(log, String(i), { fails: fails[i] });
      scope(i + 1);
    };
    try {
      scope(0);
    } catch (e) {
      caught = e;
    }
    const expectedLog = [];
    for (let i = n - 1; i >= 0; i--) expectedLog.push(`dispose ${i}`);
    assert.deepStrictEqual(log, expectedLog);
    // Rebuild the expected error chain: innermost first.
    let expected = bodyThrows ? 'body' : null;
    for (let i = n - 1; i >= 0; i--) {
      if (!fails[i]) continue;
      const msg = `dispose ${i} failed`;
      expected = expected === null ? msg : { error: msg, suppressed: expected };
    }
    const shape = (e) => (e === null ? null : e instanceof SuppressedError ?
      { error: shape(e.error), suppressed: shape(e.suppressed) } : e.message);
    assert.deepStrictEqual(shape(caught), expected);
  }), { numRuns: 200 });
});
