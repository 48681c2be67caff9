/** UTF-8 encoding, for the legacy pane's TextEncoder (src/taskpane/trident.ts); a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function encodeUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    } else if (code >= 0xd800 && code < 0xe000) {
      code = 0xfffd;
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return new Uint8Array(bytes);
}

/**
 * UTF-8 decoding, for the legacy pane's TextDecoder (部署自检 reads the site's files as text, see
 * self-check-run.ts): the Encoding Standard's decoder, so a leading byte order mark is dropped and
 * each malformed sequence becomes one U+FFFD, as TextDecoder does.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  let code = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (needed === 0) {
      if (byte <= 0x7f) units.push(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) [needed, code] = [1, byte & 0x1f];
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        [needed, code] = [2, byte & 0x0f];
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        [needed, code] = [3, byte & 0x07];
      } else units.push(0xfffd);
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence ends malformed; this byte starts whatever comes next.
      [code, needed, seen, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      units.push(0xfffd);
      i -= 1;
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    code = (code << 6) | (byte & 0x3f);
    seen += 1;
    if (seen < needed) continue;
    if (code >= 0x10000) units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
    else units.push(code);
    [code, needed, seen] = [0, 0, 0];
  }
  if (needed !== 0) units.push(0xfffd);
  let text = "";
  // In slices: one argument per unit would overflow the stack on a large file.
  for (let from = 0; from < units.length; from += 8192) {
    text += String.fromCharCode.apply(null, units.slice(from, from + 8192));
  }
  return text;
}
