// DX-JS stand-in for test/common/hijackstdio (see index.js): observe what is written to stdout/stderr.
'use strict';

const originals = new Map(); // stream name -> its own write, while hijacked

function hijack(name, listener) {
  const stream = process[name];
  const original = stream.write;
  originals.set(name, original);
  stream.writeTimes = 0;
  stream.write = function(data, ...rest) {
    // The listener may throw (an assertion); report it as the test's failure, like a throwing callback.
    try {
      listener(data);
    } catch (err) {
      process.nextTick(() => { throw err; });
    }
    // The data still goes out: hijacking eavesdrops, it does not silence.
    const result = Reflect.apply(original, stream, [data, ...rest]);
    stream.writeTimes++;
    return result;
  };
}

function restore(name) {
  const original = originals.get(name);
  if (original === undefined) return;
  process[name].write = original;
  delete process[name].writeTimes;
  originals.delete(name);
}

module.exports = {
  hijackStdout: (listener) => hijack('stdout', listener),
  hijackStderr: (listener) => hijack('stderr', listener),
  restoreStdout: () => restore('stdout'),
  restoreStderr: () => restore('stderr'),
};
