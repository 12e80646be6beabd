'use strict';
// ANSI colours for assertion diffs and the test reporter, on when stderr is a colour terminal (or
// FORCE_COLOR asks for them), as Node decides. `refresh()` re-reads the environment.

const colors = {
  blue: '',
  green: '',
  white: '',
  yellow: '',
  red: '',
  gray: '',
  clear: '',
  reset: '',
  hasColors: false,
  shouldColorize(stream) {
    if (stream == null) return false;
    if (process.env.FORCE_COLOR !== undefined) {
      return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : false;
    }
    return stream.isTTY === true && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  },
  refresh() {
    let on = false;
    try {
      on = colors.shouldColorize(process.stderr);
    } catch {
      // No usable stderr: no colours.
    }
    colors.blue = on ? '\u001b[34m' : '';
    colors.green = on ? '\u001b[32m' : '';
    colors.white = on ? '\u001b[39m' : '';
    colors.yellow = on ? '\u001b[33m' : '';
    colors.red = on ? '\u001b[31m' : '';
    colors.gray = on ? '\u001b[90m' : '';
    colors.clear = on ? '\u001bc' : '';
    colors.reset = on ? '\u001b[0m' : '';
    colors.hasColors = on;
  },
};

colors.refresh();

module.exports = colors;
