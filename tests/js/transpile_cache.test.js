// dx-only behaviour (Node has no transpile cache): the on-disk cache of compiled ES modules and TypeScript.
'use strict';
// Runs dx on a small TypeScript program with its own XDG_CACHE_HOME and reads DX_DEBUG_CACHE's
// stderr lines: a first run compiles and writes every file, a second run compiles nothing, a changed
// file is compiled again alone, corrupt entries are ignored and rewritten, DX_NO_CACHE=1 bypasses
// the cache, and error positions are the original ones with or without the cache. It needs
// child_process, fs and os to start dx, so it runs where those exist (Node as the harness) with
// DX_BIN naming the dx binary, and skips itself elsewhere: under Node without DX_BIN, and under dx
// until dx has child_process.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');

const load = (id) => { try { return require(id); } catch { return undefined; } };
const cp = load('node:child_process');
const fs = load('node:fs');
const os = load('node:os');
const dxBin = process.env.DX_BIN ? path.resolve(process.env.DX_BIN) :
  process.versions.dx ? process.execPath : undefined;
const skip = !dxBin ? 'dx only: set DX_BIN to a dx binary' : !cp || !fs || !os ? 'needs child_process, fs, os' : false;

const files = {
  'main.ts': [
    "import { double } from './lib.ts';",
    "import { Shape, area } from './shapes.ts';",
    "import greetModule from './greet.cts';",
    'const { greet } = greetModule;',
    'interface Options { loud: boolean }',
    'const opts: Options = { loud: true };',
    "console.log(double(21), area({ kind: Shape.Square, size: 3 }), greet('dx', opts.loud));",
    '',
  ].join('\n'),
  'lib.ts': 'export function double(n: number): number { return n * 2; }\n',
  'shapes.ts': [
    'export enum Shape { Square, Circle }',
    'export function area(s: { kind: Shape; size: number }): number {',
    '  return s.kind === Shape.Square ? s.size * s.size : Math.round(Math.PI * s.size ** 2);',
    '}',
    '',
  ].join('\n'),
  'greet.cts': [
    'namespace Text { export const prefix = "hello"; }',
    'function greet(name: string, loud: boolean): string {',
    '  const s = `${Text.prefix} ${name}`;',
    '  return loud ? s.toUpperCase() : s;',
    '}',
    'module.exports = { greet };',
    '',
  ].join('\n'),
  'throws.mts': [
    'type Id = number;',
    'function check(id: Id): void {',
    '  const o: any = null;',
    '      o.missing(id);',
    '}',
    'check(1);',
    '',
  ].join('\n'),
};

test('transpile cache', { skip }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-tcache-'));
  const cache = path.join(dir, 'xdg');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const run = (file, env = {}) => {
    const r = cp.spawnSync(dxBin, [file], {
      cwd: dir, encoding: 'utf8', timeout: 30000,
      env: { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: cache, DX_DEBUG_CACHE: '1', ...env },
    });
    const events = {};
    for (const line of r.stderr.split('\n')) {
      const m = /^dx cache: (\S+) (.*)$/.exec(line);
      if (m) (events[m[1]] ||= []).push(path.basename(m[2]));
    }
    for (const k of Object.keys(events)) events[k].sort();
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, events };
  };
  const expected = '42 9 HELLO DX\n';
  const all = ['greet.cts', 'lib.ts', 'main.ts', 'shapes.ts'];

  try {
    await t.test('a first run compiles and writes every file', () => {
      const r = run('main.ts');
      assert.strictEqual(r.stdout, expected, r.stderr);
      assert.deepStrictEqual(r.events.miss, all);
      assert.deepStrictEqual(r.events.write, all);
      assert.strictEqual(r.events.hit, undefined);
      assert.strictEqual(fs.statSync(path.join(cache, 'dx', 'transpile')).mode & 0o777, 0o700);
      assert.strictEqual(fs.statSync(path.join(cache, 'dx')).mode & 0o777, 0o700);
    });

    await t.test('a second run compiles nothing', () => {
      const r = run('main.ts');
      assert.strictEqual(r.stdout, expected, r.stderr);
      assert.deepStrictEqual(r.events.hit, all);
      assert.strictEqual(r.events.miss, undefined);
      assert.strictEqual(r.events.write, undefined);
    });

    await t.test('a changed file is compiled again, alone', () => {
      fs.writeFileSync(path.join(dir, 'lib.ts'), 'export function double(n: number): number { return n + n + 0; }\n');
      const r = run('main.ts');
      assert.strictEqual(r.stdout, expected, r.stderr);
      assert.deepStrictEqual(r.events.miss, ['lib.ts']);
      assert.deepStrictEqual(r.events.hit, ['greet.cts', 'main.ts', 'shapes.ts']);
    });

    await t.test('corrupt entries are ignored and rewritten', () => {
      const entries = path.join(cache, 'dx', 'transpile');
      for (const f of fs.readdirSync(entries)) {
        if (!f.endsWith('.dxc')) continue;
        const p = path.join(entries, f);
        const b = fs.readFileSync(p);
        b[b.length >> 1] ^= 0x55; // one byte in the middle: the checksum no longer matches
        fs.writeFileSync(p, f.charCodeAt(0) % 2 ? b : b.subarray(0, b.length - 3));
      }
      const r = run('main.ts');
      assert.strictEqual(r.stdout, expected, r.stderr);
      assert.deepStrictEqual(r.events.corrupt, all);
      assert.deepStrictEqual(r.events.write, all);
      assert.deepStrictEqual(run('main.ts').events.hit, all);
    });

    await t.test('DX_NO_CACHE=1 neither reads nor writes', () => {
      const r = run('main.ts', { DX_NO_CACHE: '1' });
      assert.strictEqual(r.stdout, expected, r.stderr);
      assert.deepStrictEqual(r.events, {});
    });

    await t.test('error positions are the original ones, cold and warm', () => {
      const cold = run('throws.mts');
      const warm = run('throws.mts');
      assert.deepStrictEqual(cold.events.miss, ['throws.mts']);
      assert.deepStrictEqual(warm.events.hit, ['throws.mts']);
      for (const r of [cold, warm]) {
        assert.notStrictEqual(r.status, 0);
        // line 4, column of `missing` (where V8 puts a failed method call)
        assert.match(r.stderr, /at check \(file:\/\/\S*throws\.mts:4:9\)/, r.stderr);
        assert.match(r.stderr, /throws\.mts:6:1\)?\n/, r.stderr);
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
