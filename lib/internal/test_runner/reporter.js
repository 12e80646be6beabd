'use strict';
// Reporting: the layout of Node's default `spec` reporter (✔/✖ lines in declaration order, `▶` headers
// for tests with subtests, `ℹ` diagnostics and the summary, then the failing tests with their errors),
// written to stdout when a file runs directly; and, under `dx test`, the same events as JSON lines on
// the file descriptor in DX_TEST_REPORT_FD, one object per line:
//
//   {"type":"start","name":...,"nesting":N}          a `▶ name` header (a test whose subtests follow)
//   {"type":"pass"|"fail"|"skip"|"todo","name":...,"file":...,"line":L,"column":C,"nesting":N,
//    "duration_ms":D,"suite":bool,"cancelled":bool,"message":reason,"failureType":...,"error":"..."}
//   {"type":"diagnostic","nesting":N,"message":"..."}
//   {"type":"summary","tests":N,"suites":N,"pass":N,"fail":N,"cancelled":N,"skipped":N,"todo":N,
//    "duration_ms":D,"success":bool}
//
// "error" is the failure as the spec reporter prints it (inspected, not indented; coloured when
// FORCE_COLOR asks for colours); "skip" and "todo" are reported whether the test passed or failed
// ("failed":true marks a failing todo).

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  JSONStringify,
  RegExpPrototypeSymbolSplit,
  SafeMap,
  StringPrototypeRepeat,
} = primordials;

const colors = require('internal/assert/colors');
const { inspectWithNoCustomRetry } = require('internal/errors');

const kSymbols = {
  __proto__: null,
  'test:fail': '\u2716 ',
  'test:pass': '\u2714 ',
  'test:diagnostic': '\u2139 ',
  'arrow:right': '\u25B6 ',
  'hyphen:minus': '\uFE63 ',
  'warning:alert': '\u26A0 ',
};

const indentMemo = new SafeMap();
function indent(nesting) {
  let value = indentMemo.get(nesting);
  if (value === undefined) {
    value = StringPrototypeRepeat('  ', nesting);
    indentMemo.set(nesting, value);
  }
  return value;
}

let lazyPath;
function relative(from, to) {
  lazyPath ??= require('path');
  return lazyPath.relative(from, to);
}

// The thrown value behind a test failure, as the reporters show it.
function errorText(error, colorize) {
  const err = error?.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  return inspectWithNoCustomRetry(err, { __proto__: null, colors: colorize, breakLength: Infinity });
}

class Reporter {
  #stack = [];           // tests started but not yet printed: most recent first
  #failed = [];          // failing tests for the list at the end
  #cwd;
  #write;                // the spec text sink, or null
  #fd;                   // the JSON lines fd, or undefined
  #writeFd;
  #colorizeErrors = false;

  constructor({ write, fd }) {
    this.#write = write;
    this.#fd = fd;
    try {
      this.#cwd = process.cwd();
    } catch {
      this.#cwd = '/';
    }
    colors.refresh();
    if (fd !== undefined) this.#writeFd = internalBinding('fs').writeString;
    try {
      this.#colorizeErrors = !!colors.shouldColorize(process.stdout);
    } catch {
      this.#colorizeErrors = false;
    }
  }

  #text(s) {
    if (this.#write !== null) this.#write(s);
  }

  #json(obj) {
    if (this.#fd === undefined) return;
    try {
      this.#writeFd(this.#fd, `${JSONStringify(obj)}\n`);
    } catch {
      // The parent is gone; nothing to report to.
    }
  }

  start(test) {
    ArrayPrototypeUnshift(this.#stack, test);
  }

  complete(test, passed, details) {
    ArrayPrototypeShift(this.#stack); // this test's own start
    let prefix = '';
    // Whatever else started and is unprinted encloses this test: print those headers first.
    while (this.#stack.length > 0) {
      const parent = ArrayPrototypePop(this.#stack);
      prefix += `${indent(parent.nesting)}${kSymbols['arrow:right']}${parent.name}\n`;
      this.#json({ type: 'start', name: parent.name, nesting: parent.nesting });
    }
    const type = passed ? 'test:pass' : 'test:fail';
    const data = {
      __proto__: null,
      name: test.name,
      nesting: test.nesting,
      loc: test.loc,
      details,
      skip: test.skipped ? (test.message ?? true) : undefined,
      todo: !test.skipped && test.isTodo ? (test.message ?? true) : undefined,
    };
    if (!passed && details.error?.failureType !== 'subtestsFailed') ArrayPrototypePush(this.#failed, { type, data });
    this.#text(`${this.#format(type, data, false, prefix, indent(test.nesting))}\n`);

    let jsonType = passed ? 'pass' : 'fail';
    if (data.skip !== undefined) jsonType = 'skip';
    else if (data.todo !== undefined) jsonType = 'todo';
    const event = {
      type: jsonType,
      name: test.name,
      file: test.loc?.file ?? test.entryFile,
      line: test.loc?.line,
      column: test.loc?.column,
      nesting: test.nesting,
      duration_ms: details.duration_ms,
      suite: test.reportedType === 'suite',
    };
    if (!passed) {
      if (jsonType !== 'fail') event.failed = true;
      event.cancelled = test.cancelled === true;
      event.failureType = details.error?.failureType;
      event.error = this.#errorString(details.error);
    }
    const reason = data.skip ?? data.todo;
    if (typeof reason === 'string') event.message = reason;
    this.#json(event);
  }

  // A failing after() hook of the whole file.
  hookFailure(hook, loc, error, durationMs) {
    const data = {
      __proto__: null, name: loc?.file ?? '<after hook>', nesting: 0, loc, details: { duration_ms: durationMs, error },
    };
    ArrayPrototypePush(this.#failed, { type: 'test:fail', data });
    this.#text(`${this.#format('test:fail', data, false, '', '')}\n`);
    this.#json({
      type: 'fail', name: data.name, file: loc?.file, line: loc?.line, column: loc?.column, nesting: 0,
      duration_ms: durationMs, suite: false, cancelled: false, failureType: error?.failureType,
      error: this.#errorString(error),
    });
  }

  // `summaryLine`: one of the closing counts, which the JSON summary carries instead.
  diagnostic(nesting, message, level, summaryLine = false) {
    const color = level === 'error' ? colors.red : level === 'warn' ? colors.yellow : colors.blue;
    this.#text(`${color}${indent(nesting)}${kSymbols['test:diagnostic']}${message}${colors.white}\n`);
    if (!summaryLine) this.#json({ type: 'diagnostic', nesting, message: `${message}` });
  }

  summary(counters, success, durationMs) {
    this.#json({
      type: 'summary',
      tests: counters.tests,
      suites: counters.suites,
      pass: counters.passed,
      fail: counters.failed,
      cancelled: counters.cancelled,
      skipped: counters.skipped,
      todo: counters.todo,
      duration_ms: durationMs,
      success,
    });
    this.#text(this.#failingTests());
  }

  #errorString(error) {
    try {
      return errorText(error, this.#colorizeErrors);
    } catch {
      return String(error);
    }
  }

  #failingTests() {
    if (this.#failed.length === 0) return '';
    const out = [`\n${colors.red}${kSymbols['test:fail']}failing tests:${colors.white}\n`];
    for (let i = 0; i < this.#failed.length; i++) {
      const { type, data } = this.#failed[i];
      if (data.loc?.file) {
        ArrayPrototypePush(out, `test at ${relative(this.#cwd, data.loc.file)}:${data.loc.line}:${data.loc.column}`);
      }
      ArrayPrototypePush(out, this.#format(type, data, true, '', ''));
    }
    this.#failed = [];
    return ArrayPrototypeJoin(out, '\n');
  }

  #format(type, data, showErrorDetails, prefix, ind) {
    let color = type === 'test:fail' ? colors.red : colors.green;
    let symbol = kSymbols[type];
    const { skip, todo } = data;
    const duration = data.details?.duration_ms ?
      ` ${colors.gray}(${data.details.duration_ms}ms)${colors.white}` : '';
    let title = `${data.name}${duration}`;
    if (skip !== undefined) {
      title += ` # ${typeof skip === 'string' && skip.length ? skip : 'SKIP'}`;
      color = colors.gray;
      symbol = kSymbols['hyphen:minus'];
    } else if (todo !== undefined) {
      title += ` # ${typeof todo === 'string' && todo.length ? todo : 'TODO'}`;
      if (type === 'test:fail') {
        color = colors.yellow;
        symbol = kSymbols['warning:alert'];
      }
    }
    let err = '';
    if (showErrorDetails && data.details?.error) {
      let text;
      try {
        text = errorText(data.details.error, this.#colorizeErrors);
      } catch {
        text = String(data.details.error);
      }
      err = `\n${ind}  ${ArrayPrototypeJoin(RegExpPrototypeSymbolSplit(/\r?\n/, text), `\n${ind}  `)}\n`;
    }
    return `${prefix}${ind}${color}${symbol}${title}${colors.white}${err}`;
  }
}

module.exports = { Reporter, indent };
