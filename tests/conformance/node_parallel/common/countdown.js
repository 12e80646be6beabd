// DX-JS stand-in for test/common/countdown (see index.js): calls back once dec() ran `limit` times, and
// fails the test at exit when it did not.
'use strict';

const assert = require('assert');
const common = require('./');

class Countdown {
  #remaining;
  #callback;

  constructor(limit, callback) {
    assert.ok(Number.isInteger(limit) && limit > 0, 'Countdown: limit must be a positive integer');
    this.#remaining = limit;
    this.#callback = common.mustCall(callback);
  }

  dec() {
    assert.ok(this.#remaining > 0, 'Countdown: dec() called too many times');
    this.#remaining--;
    if (this.#remaining === 0) this.#callback();
    return this.#remaining;
  }

  get remaining() {
    return this.#remaining;
  }
}

module.exports = Countdown;
