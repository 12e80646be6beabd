'use strict';
// Helpers shared by node:querystring: the hex-digit table and a WHATWG UTF-8 decoder for bytes that
// unescape produced (used when decodeURIComponent rejects the input).

const { StringFromCharCode, ArrayPrototypeJoin, ArrayPrototypePush } = primordials;

// 1 for the ASCII hex digits 0-9, A-F, a-f, indexed by char code.
const isHexTable = new Int8Array(128);
for (let c = 48; c <= 57; c++) isHexTable[c] = 1;
for (let c = 65; c <= 70; c++) isHexTable[c] = 1;
for (let c = 97; c <= 102; c++) isHexTable[c] = 1;

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

// Decodes bytes[0..end) as UTF-8, each maximal invalid subsequence becoming U+FFFD (the WHATWG
// decoder, which is also what Buffer#toString does).
function decodeUtf8(bytes, end) {
  const parts = [];
  let chunk = '';
  let i = 0;
  while (i < end) {
    const b = bytes[i++];
    let cp;
    if (b < 0x80) {
      cp = b;
    } else {
      let need;
      let lower = 0x80;
      let upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        if (b === 0xe0) lower = 0xa0;
        else if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        if (b === 0xf0) lower = 0x90;
        else if (b === 0xf4) upper = 0x8f;
      } else {
        need = 0;
        cp = 0xfffd;
      }
      for (let k = 0; k < need; k++) {
        const c = i < end ? bytes[i] : -1;
        if (c < lower || c > upper) {
          cp = 0xfffd;
          break;
        }
        lower = 0x80;
        upper = 0xbf;
        cp = (cp << 6) | (c & 0x3f);
        i++;
      }
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      chunk += StringFromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      chunk += StringFromCharCode(cp);
    }
    if (chunk.length >= 4096) {
      ArrayPrototypePush(parts, chunk);
      chunk = '';
    }
  }
  ArrayPrototypePush(parts, chunk);
  return ArrayPrototypeJoin(parts, '');
}

module.exports = { isHexTable, hexValue, decodeUtf8 };
