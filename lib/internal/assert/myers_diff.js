'use strict';
// Line diffs for assertion messages: Myers' O(ND) shortest edit script, and the two ways Node prints
// it (line diff with `+`/`-` markers and long unchanged runs collapsed; character diff in colour).

const {
  ArrayPrototypePush,
  ArrayPrototypeReverse,
  Int32Array,
  StringPrototypeEndsWith,
  StringPrototypeTrimEnd,
} = primordials;

const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const colors = require('internal/assert/colors');

const kDelete = -1; // only in expected
const kNop = 0;     // in both
const kInsert = 1;  // only in actual
// Unchanged lines shown at the start of a run; a longer run shows its last line after `...`.
const kNopLinesToCollapse = 5;

function sameLine(a, e, commaTolerant) {
  if (a === e) return true;
  // Inspected objects differ in a trailing comma on their last entry; that is no difference.
  return commaTolerant && (`${a},` === e || a === `${e},`);
}

// For diagonal k at step d: continue from k+1 (a step down, taking from `expected`) or from k-1 (a
// step right, taking from `actual`). Searching and backtracking must decide alike.
function stepsDown(v, k, d, max) {
  return k === -d || (k !== d && v[k - 1 + max] < v[k + 1 + max]);
}

/**
 * The edit script turning `expected` into `actual` (arrays of lines or characters), as
 * [operation, value] pairs in order: kInsert for actual-only, kDelete for expected-only, kNop for both.
 */
function myersDiff(actual, expected, commaTolerant = false) {
  const n = actual.length;
  const m = expected.length;
  const max = n + m;
  if (max > 2 ** 31 - 1) throw new ERR_OUT_OF_RANGE('myersDiff input size', '< 2^31', max);
  const v = new Int32Array(2 * max + 1);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    ArrayPrototypePush(trace, new Int32Array(v));
    for (let k = -d; k <= d; k += 2) {
      let x = stepsDown(v, k, d, max) ? v[k + 1 + max] : v[k - 1 + max] + 1;
      let y = x - k;
      while (x < n && y < m && sameLine(actual[x], expected[y], commaTolerant)) {
        x++;
        y++;
      }
      v[k + max] = x;
      if (x >= n && y >= m) return backtrack(trace, actual, expected, commaTolerant);
    }
  }
  return [];
}

function backtrack(trace, actual, expected, commaTolerant) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const script = [];
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = stepsDown(v, k, d, max) ? k + 1 : k - 1;
    const prevX = v[prevK + max];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      const line = actual[x - 1];
      // Of two lines equal up to a trailing comma, show the one with the comma.
      ArrayPrototypePush(script, [kNop, commaTolerant && !StringPrototypeEndsWith(line, ',') ? expected[y - 1] : line]);
      x--;
      y--;
    }
    if (d > 0) {
      if (x > prevX) ArrayPrototypePush(script, [kInsert, actual[--x]]);
      else ArrayPrototypePush(script, [kDelete, expected[--y]]);
    }
  }
  return ArrayPrototypeReverse(script);
}

// Characters in colour: green only in actual, red only in expected.
function printSimpleMyersDiff(script) {
  let message = '';
  for (let i = 0; i < script.length; i++) {
    const op = script[i][0];
    const color = op === kInsert ? colors.green : op === kDelete ? colors.red : colors.white;
    message += `${color}${script[i][1]}${colors.white}`;
  }
  return `\n${message}`;
}

// Lines: `+ ` actual only, `- ` expected only, `  ` both. A run of unchanged lines shows its first
// five; when changes follow, also its last line (its last two if only two are hidden otherwise),
// with `...` where lines were left out.
function printMyersDiff(script, operator) {
  let message = '';
  let skipped = false;
  let nopCount = 0;
  for (let i = 0; i < script.length; i++) {
    const op = script[i][0];
    const value = script[i][1];
    if (i > 0 && script[i - 1][0] === kNop && op !== kNop) {
      if (nopCount === kNopLinesToCollapse + 1) {
        message += `${colors.white}  ${script[i - 1][1]}\n`;
      } else if (nopCount === kNopLinesToCollapse + 2) {
        message += `${colors.white}  ${script[i - 2][1]}\n`;
        message += `${colors.white}  ${script[i - 1][1]}\n`;
      } else if (nopCount >= kNopLinesToCollapse + 3) {
        message += `${colors.blue}...${colors.white}\n`;
        message += `${colors.white}  ${script[i - 1][1]}\n`;
        skipped = true;
      }
      nopCount = 0;
    }
    if (op === kInsert) {
      if (operator === 'partialDeepStrictEqual') {
        message += `${colors.gray}${colors.hasColors ? ' ' : '+'} ${value}${colors.white}\n`;
      } else {
        message += `${colors.green}+${colors.white} ${value}\n`;
      }
    } else if (op === kDelete) {
      message += `${colors.red}-${colors.white} ${value}\n`;
    } else {
      if (nopCount < kNopLinesToCollapse) message += `${colors.white}  ${value}\n`;
      nopCount++;
    }
  }
  return { message: `\n${StringPrototypeTrimEnd(message)}`, skipped };
}

module.exports = { myersDiff, printMyersDiff, printSimpleMyersDiff, kInsert, kDelete, kNop };
