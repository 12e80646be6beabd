'use strict';
// node:stream/consumers — read a whole stream (any async iterable) into one value.

const { JSONParse, Uint8Array } = primordials;
const { Buffer } = require('buffer');

async function blob(stream) {
  const parts = [];
  for await (const chunk of stream) parts[parts.length] = chunk;
  const { Blob } = require('internal/blob');
  return new Blob(parts);
}

async function arrayBuffer(stream) {
  return (await blob(stream)).arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function bytes(stream) {
  return new Uint8Array(await arrayBuffer(stream));
}

// UTF-8 text; byte chunks are decoded in streaming mode so characters split across chunks survive.
async function text(stream) {
  const { TextDecoder } = require('internal/encoding');
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of stream) {
    out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return out + decoder.decode(undefined, { stream: false });
}

async function json(stream) {
  return JSONParse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, bytes, text, json };
