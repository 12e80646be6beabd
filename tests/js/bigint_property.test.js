'use strict';
// BigInt on generated inputs (fast-check, fixed seeds), checked against an independent model: decimal
// digit arrays with schoolbook arithmetic, written here, so neither dx nor Node is its own oracle.
// Runs on dx and on Node 24. P1 text round trips, P2 arithmetic, P3 comparisons with BigInts and
// Numbers, P4 bitwise operators, shifts and asIntN/asUintN, P5 RangeErrors, P6 mixing with Number,
// P7 the BigInt() conversion; then BigInt through the host: util.inspect, console.log, Buffer,
// JSON.stringify, structuredClone.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const fc = require('fast-check');

// ---- the model: sign and magnitude, magnitude as decimal digits, most significant first ----

function fromText(s) { // "-123" -> { neg, d: [1,2,3] }
  const neg = s[0] === '-';
  const digits = (neg ? s.slice(1) : s).replace(/^0+(?=\d)/, '');
  return norm({ neg, d: Array.from(digits, Number) });
}
function norm(x) {
  let i = 0;
  while (i < x.d.length - 1 && x.d[i] === 0) i++;
  const d = x.d.slice(i);
  const zero = d.length === 1 && d[0] === 0;
  return { neg: zero ? false : x.neg, d };
}
function text(x) { return (x.neg ? '-' : '') + x.d.join(''); }
function cmpMag(a, b) {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
function addMag(a, b) {
  const r = [];
  let carry = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0 || carry; i--, j--) {
    const s = (i >= 0 ? a[i] : 0) + (j >= 0 ? b[j] : 0) + carry;
    r.unshift(s % 10);
    carry = s >= 10 ? 1 : 0;
  }
  return r.length ? r : [0];
}
function subMag(a, b) { // a >= b
  const r = [];
  let borrow = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0; i--, j--) {
    let s = a[i] - (j >= 0 ? b[j] : 0) - borrow;
    borrow = s < 0 ? 1 : 0;
    if (s < 0) s += 10;
    r.unshift(s);
  }
  return norm({ neg: false, d: r }).d;
}
function mulMag(a, b) {
  const r = new Array(a.length + b.length).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const k = i + j + 1;
      const s = r[k] + a[i] * b[j];
      r[k] = s % 10;
      r[k - 1] += Math.floor(s / 10);
    }
  }
  return norm({ neg: false, d: r }).d;
}
function divMag(a, b) { // long division, one digit of the quotient at a time
  const q = [];
  let rem = [0];
  for (const digit of a) {
    rem = norm({ neg: false, d: [...rem, digit] }).d;
    let n = 0;
    while (cmpMag(rem, b) >= 0) { rem = subMag(rem, b); n++; }
    q.push(n);
  }
  return { q: norm({ neg: false, d: q }).d, r: rem };
}
const M = {
  add(a, b) {
    if (a.neg === b.neg) return norm({ neg: a.neg, d: addMag(a.d, b.d) });
    const c = cmpMag(a.d, b.d);
    if (c === 0) return fromText('0');
    return c > 0 ? norm({ neg: a.neg, d: subMag(a.d, b.d) }) : norm({ neg: b.neg, d: subMag(b.d, a.d) });
  },
  neg(a) { return norm({ neg: !a.neg, d: a.d }); },
  sub(a, b) { return M.add(a, M.neg(b)); },
  mul(a, b) { return norm({ neg: a.neg !== b.neg, d: mulMag(a.d, b.d) }); },
  // Truncating division: the quotient rounds toward zero, the remainder takes the dividend's sign.
  div(a, b) { return norm({ neg: a.neg !== b.neg, d: divMag(a.d, b.d).q }); },
  mod(a, b) { return norm({ neg: a.neg, d: divMag(a.d, b.d).r }); },
  pow(a, e) { let r = fromText('1'); for (let i = 0; i < e; i++) r = M.mul(r, a); return r; },
  cmp(a, b) {
    if (a.neg !== b.neg) return a.neg ? -1 : 1;
    const c = cmpMag(a.d, b.d);
    return a.neg ? -c : c;
  },
  pow2(k) { return M.pow(fromText('2'), k); },
  // Floor division by 2^k, as >> is defined.
  floorDivPow2(a, k) {
    const p = M.pow2(k);
    const q = M.div(a, p);
    return a.neg && !isZero(M.mod(a, p)) ? M.sub(q, fromText('1')) : q;
  },
};
function isZero(x) { return x.d.length === 1 && x.d[0] === 0; }

// Magnitude to bits (least significant first) by halving, and back by doubling.
function toBits(mag) {
  const bits = [];
  let d = mag.slice();
  while (!(d.length === 1 && d[0] === 0)) {
    bits.push(d[d.length - 1] % 2);
    const { q } = divMag(d, [2]);
    d = q;
  }
  return bits;
}
function fromBits(bits) {
  let r = [0];
  for (let i = bits.length - 1; i >= 0; i--) {
    r = addMag(r, r);
    if (bits[i]) r = addMag(r, [1]);
  }
  return norm({ neg: false, d: r }).d;
}
// Infinite two's complement as `width` explicit bits plus the fill bit of the rest.
function twos(x, width) {
  if (!x.neg) {
    const b = toBits(x.d);
    return { bits: Array.from({ length: width }, (_, i) => b[i] || 0), fill: 0 };
  }
  const b = toBits(subMag(x.d, [1])); // -n = ~(n - 1)
  return { bits: Array.from({ length: width }, (_, i) => 1 - (b[i] || 0)), fill: 1 };
}
function fromTwos({ bits, fill }) {
  if (!fill) return norm({ neg: false, d: fromBits(bits) });
  return norm({ neg: true, d: addMag(fromBits(bits.map((b) => 1 - b)), [1]) });
}
function bitwise(a, b, op) {
  const width = Math.max(toBits(a.d).length, toBits(b.d).length) + 1;
  const x = twos(a, width), y = twos(b, width);
  return fromTwos({ bits: x.bits.map((v, i) => op(v, y.bits[i])), fill: op(x.fill, y.fill) });
}
function asUintN(w, x) {
  const p = M.pow2(w);
  const r = M.mod(x, p);
  return r.neg ? M.add(r, p) : r;
}
function asIntN(w, x) {
  if (w === 0) return fromText('0');
  const r = asUintN(w, x);
  return M.cmp(r, M.pow2(w - 1)) >= 0 ? M.sub(r, M.pow2(w)) : r;
}

// The exact integer part of a finite double, from its bits: mantissa * 2^exponent.
function floorOfDouble(x) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const neg = hi >>> 31 === 1;
  const e = (hi >>> 20) & 0x7ff;
  let mant = fromText(String((hi & 0xfffff) * 2 ** 32 + lo)); // 52 bits: exact in a double
  if (e !== 0) mant = M.add(mant, M.pow2(52));
  const exp = (e === 0 ? 1 : e) - 1075;
  const signed = neg ? M.neg(mant) : mant;
  return exp >= 0 ? M.mul(signed, M.pow2(exp)) : M.floorDivPow2(signed, -exp);
}

// ---- generators ----

const digitsArb = fc.tuple(fc.boolean(), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 }))
  .map(([neg, d]) => norm({ neg, d }));
const bigArb = fc.oneof(
  digitsArb.map((m) => BigInt(text(m))),
  fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }),
  fc.constantFrom(0n, 1n, -1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n - 1n),
);
const m = (n) => fromText(n.toString());
const seeded = (seed, numRuns = 200) => ({ seed, numRuns });

// ---- P1: text round trips ----

test('P1 BigInt(String(n)) === n and literals read back their value', () => {
  fc.assert(fc.property(digitsArb, (x) => {
    const n = BigInt(text(x));
    assert.strictEqual(String(n), text(x));
    assert.strictEqual(BigInt(String(n)), n);
    // The literal text is parsed by the engine's lexer: `123n`, `-123n`.
    assert.strictEqual((0, eval)(`${text(x)}n`), n);
  }), seeded(101));
});

test('P1 toString(radix) for every radix matches the model and parses back', () => {
  const digitChars = '0123456789abcdefghijklmnopqrstuvwxyz';
  fc.assert(fc.property(bigArb, fc.integer({ min: 2, max: 36 }), (n, radix) => {
    const s = n.toString(radix);
    // Independent reading of the digits in this radix, with the model's arithmetic.
    const neg = s[0] === '-';
    let acc = fromText('0');
    for (const ch of neg ? s.slice(1) : s) {
      const v = digitChars.indexOf(ch);
      assert.ok(v >= 0 && v < radix, `digit ${ch} in radix ${radix}`);
      acc = M.add(M.mul(acc, fromText(String(radix))), fromText(String(v)));
    }
    assert.strictEqual(text(neg ? M.neg(acc) : acc), n.toString());
    if (radix === 16 && !neg) assert.strictEqual(BigInt(`0x${s}`), n);
    if (radix === 8 && !neg) assert.strictEqual(BigInt(`0o${s}`), n);
    if (radix === 2 && !neg) assert.strictEqual((0, eval)(`0b${s}n`), n);
  }), seeded(102, 300));
});

// ---- P2: arithmetic against the schoolbook model ----

test('P2 + - * / % ** agree with schoolbook arithmetic', () => {
  fc.assert(fc.property(bigArb, bigArb, fc.integer({ min: 0, max: 12 }), (a, b, e) => {
    const x = m(a), y = m(b);
    assert.strictEqual((a + b).toString(), text(M.add(x, y)));
    assert.strictEqual((a - b).toString(), text(M.sub(x, y)));
    assert.strictEqual((a * b).toString(), text(M.mul(x, y)));
    if (b !== 0n) {
      assert.strictEqual((a / b).toString(), text(M.div(x, y)));
      assert.strictEqual((a % b).toString(), text(M.mod(x, y)));
    }
    assert.strictEqual((a ** BigInt(e)).toString(), text(M.pow(x, e)));
    assert.strictEqual((-a).toString(), text(M.neg(x)));
  }), seeded(201));
});

// ---- P3: comparisons ----

test('P3 comparisons between BigInts agree with the model', () => {
  fc.assert(fc.property(bigArb, bigArb, (a, b) => {
    const c = M.cmp(m(a), m(b));
    assert.strictEqual(a < b, c < 0);
    assert.strictEqual(a <= b, c <= 0);
    assert.strictEqual(a > b, c > 0);
    assert.strictEqual(a === b, c === 0);
    assert.strictEqual(a == b, c === 0);
  }), seeded(301));
});

test('P3 comparisons with Numbers, non-integral, infinite and NaN included', () => {
  const numArb = fc.oneof(fc.double(), fc.integer().map((i) => i + 0.5),
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 2 ** 53, 2 ** 64, -(2 ** 63), 1e300, 5e-324));
  fc.assert(fc.property(bigArb, numArb, (a, x) => {
    let expected; // -1, 0, 1, or undefined for NaN
    if (Number.isNaN(x)) expected = undefined;
    else if (x === Infinity) expected = -1;
    else if (x === -Infinity) expected = 1;
    else {
      const fl = floorOfDouble(x), c = M.cmp(m(a), fl);
      const integral = Math.floor(x) === x;
      expected = c > 0 ? 1 : c < 0 ? -1 : integral ? 0 : -1;
    }
    assert.strictEqual(a < x, expected === -1);
    assert.strictEqual(a > x, expected === 1);
    assert.strictEqual(a <= x, expected === -1 || expected === 0);
    assert.strictEqual(a >= x, expected === 1 || expected === 0);
    assert.strictEqual(a == x, expected === 0);
    assert.strictEqual(x > a, expected === -1);
    assert.strictEqual(a === x, false);
  }), seeded(302, 400));
});

// ---- P4: bitwise operators, shifts, asIntN/asUintN ----

test('P4 & | ^ ~ follow infinite two\'s complement', () => {
  fc.assert(fc.property(bigArb, bigArb, (a, b) => {
    const x = m(a), y = m(b);
    assert.strictEqual((a & b).toString(), text(bitwise(x, y, (p, q) => p & q)));
    assert.strictEqual((a | b).toString(), text(bitwise(x, y, (p, q) => p | q)));
    assert.strictEqual((a ^ b).toString(), text(bitwise(x, y, (p, q) => p ^ q)));
    assert.strictEqual((~a).toString(), text(M.sub(M.neg(x), fromText('1'))));
  }), seeded(401, 150));
});

test('P4 << and >> are multiplication and floor division by powers of two', () => {
  fc.assert(fc.property(bigArb, fc.integer({ min: 0, max: 140 }), (a, k) => {
    const x = m(a);
    assert.strictEqual((a << BigInt(k)).toString(), text(M.mul(x, M.pow2(k))));
    assert.strictEqual((a >> BigInt(k)).toString(), text(M.floorDivPow2(x, k)));
    assert.strictEqual(a >> BigInt(-k), a << BigInt(k));
    assert.throws(() => a >>> 1n, TypeError);
  }), seeded(402));
});

test('P4 BigInt.asIntN and BigInt.asUintN wrap modulo 2^bits', () => {
  fc.assert(fc.property(bigArb, fc.integer({ min: 0, max: 130 }), (a, w) => {
    assert.strictEqual(BigInt.asUintN(w, a).toString(), text(asUintN(w, m(a))));
    assert.strictEqual(BigInt.asIntN(w, a).toString(), text(asIntN(w, m(a))));
  }), seeded(403));
});

// ---- P5, P6: errors ----

test('P5 division and remainder by zero and negative exponents throw RangeError', () => {
  fc.assert(fc.property(bigArb, fc.bigInt({ min: -(2n ** 70n), max: -1n }), (a, negExp) => {
    assert.throws(() => a / 0n, RangeError);
    assert.throws(() => a % 0n, RangeError);
    assert.throws(() => a ** negExp, RangeError);
  }), seeded(501, 100));
});

test('P6 mixing BigInt and Number in arithmetic throws TypeError', () => {
  const ops = [(p, q) => p + q, (p, q) => p - q, (p, q) => p * q, (p, q) => p / q, (p, q) => p % q,
    (p, q) => p ** q, (p, q) => p & q, (p, q) => p | q, (p, q) => p ^ q, (p, q) => p << q, (p, q) => p >> q,
    (p, q) => p >>> q];
  fc.assert(fc.property(bigArb, fc.double(), fc.integer({ min: 0, max: ops.length - 1 }), (a, x, i) => {
    assert.throws(() => ops[i](a, x), TypeError);
    assert.throws(() => ops[i](x, a), TypeError);
    assert.throws(() => +a, TypeError);
    assert.strictEqual(a + String(x), `${a}${x}`); // string concatenation is not arithmetic
  }), seeded(601));
});

// ---- P7: BigInt() ----

test('P7 BigInt(number): integral Numbers exactly, others RangeError', () => {
  fc.assert(fc.property(fc.double(), (x) => {
    if (Number.isFinite(x) && Math.floor(x) === x) assert.strictEqual(BigInt(x).toString(), text(floorOfDouble(x)));
    else assert.throws(() => BigInt(x), RangeError);
  }), seeded(701, 400));
});

test('P7 BigInt(string): radix prefixes, whitespace, invalid text is a SyntaxError', () => {
  const ws = fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\ufeff', '\u2028');
  fc.assert(fc.property(bigArb, ws, ws, (n, pre, post) => {
    assert.strictEqual(BigInt(`${pre}${n}${post}`), n);
    if (n >= 0n) {
      assert.strictEqual(BigInt(`${pre}0x${n.toString(16)}${post}`), n);
      assert.strictEqual(BigInt(`0X${n.toString(16).toUpperCase()}`), n);
      assert.strictEqual(BigInt(`0o${n.toString(8)}`), n);
      assert.strictEqual(BigInt(`0b${n.toString(2)}`), n);
      assert.strictEqual(BigInt(`+${n}`), n);
      assert.throws(() => BigInt(`-0x${n.toString(16)}`), SyntaxError);
    }
    for (const bad of [`${n}n`, `${n}.5`, `${n}e3`, `0x${n}g`, `${n} 1`, `${n}_0`])
      assert.throws(() => BigInt(bad), SyntaxError, JSON.stringify(bad));
  }), seeded(702));
  assert.strictEqual(BigInt(''), 0n);
  assert.strictEqual(BigInt('   '), 0n);
  assert.strictEqual(BigInt(true), 1n);
  assert.strictEqual(BigInt(false), 0n);
  assert.throws(() => BigInt('0b2'), SyntaxError);
  assert.throws(() => BigInt(undefined), TypeError);
  assert.throws(() => BigInt(null), TypeError);
  assert.throws(() => BigInt(Symbol()), TypeError);
  assert.throws(() => new BigInt(1), TypeError);
});

// ---- BigInt through the host ----

test('util.inspect and console.log print BigInts with the n suffix', () => {
  fc.assert(fc.property(bigArb, (n) => {
    assert.strictEqual(util.inspect(n), `${n}n`);
    assert.strictEqual(util.inspect([n]), `[ ${n}n ]`);
    assert.strictEqual(util.inspect({ n }), `{ n: ${n}n }`);
    assert.strictEqual(util.format('%d', n), `${n}n`);
    assert.strictEqual(util.format('%i', n), `${n}n`);
    assert.strictEqual(util.format('%s', n), `${n}n`);
  }), seeded(801, 100));
  const lines = [];
  const write = process.stdout.write;
  process.stdout.write = (chunk) => { lines.push(String(chunk)); return true; };
  try {
    console.log(12345678901234567890n, -1n);
  } finally {
    process.stdout.write = write;
  }
  assert.strictEqual(lines.join(''), '12345678901234567890n -1n\n');
});

test('Buffer 64-bit BigInt reads and writes use two\'s complement little/big endian', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(n);
    // The bytes, computed by the model: asUintN(64) then base-256 digits.
    let u = asUintN(64, m(n));
    for (let i = 0; i < 8; i++) {
      assert.strictEqual(b[i], Number(text(M.mod(u, fromText('256')))));
      u = M.div(u, fromText('256'));
    }
    assert.strictEqual(b.readBigInt64LE(), n);
    assert.strictEqual(b.readBigUInt64LE(), BigInt.asUintN(64, n));
    const be = Buffer.from(b).reverse();
    assert.strictEqual(be.readBigInt64BE(), n);
  }), seeded(802));
  assert.throws(() => Buffer.alloc(8).writeBigInt64LE(2n ** 63n), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => Buffer.alloc(8).writeBigUInt64LE(-1n), { code: 'ERR_OUT_OF_RANGE' });
});

test('JSON.stringify throws TypeError for a BigInt; structuredClone keeps it', () => {
  fc.assert(fc.property(bigArb, (n) => {
    assert.throws(() => JSON.stringify(n), TypeError);
    assert.throws(() => JSON.stringify({ n }), TypeError);
    assert.strictEqual(JSON.stringify({ n }, (k, v) => (typeof v === 'bigint' ? v.toString() : v)), `{"n":"${n}"}`);
    assert.strictEqual(structuredClone(n), n);
    const boxed = structuredClone(Object(n));
    assert.strictEqual(typeof boxed, 'object');
    assert.strictEqual(boxed.valueOf(), n);
    assert.deepStrictEqual(structuredClone({ a: [n] }), { a: [n] });
  }), seeded(803, 100));
});
