/**
 * The few zip operations the file checks need, without inflating what they do not read: the central
 * directory's entries, and one entry inflated in pieces that may be stopped at any piece, sized so that
 * a part inflating to more than it declared, or than the caller allows, is stopped within about 1 MB.
 * Pure (fflate, no Node): sniff.ts and workbook-size.ts use it in the CLI and in the pane's file-check
 * chunk.
 */
import { Inflate, strFromU8 } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  originalSize: number;
  localHeader: number;
}

const centralEnd = 0x06054b50;
const centralEntry = 0x02014b50;
const localEntry = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The central directory's entries, or null when there is none to read: no end-of-central-directory
 * record (a copy cut short) or a directory that runs past the end of the bytes.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const data = view(bytes);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (data.getUint32(at, true) === centralEnd) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== centralEntry) return null;
    const nameLength = data.getUint16(at + 28, true);
    entries.push({
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      originalSize: data.getUint32(at + 24, true),
      localHeader: data.getUint32(at + 42, true),
    });
    at += 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * Deflate's largest expansion: a compressed byte gives at most about 1,032 (a 258-byte match coded in
 * 2 bits), so a piece of n compressed bytes inflates to at most about 1,032 n.
 */
const maxRatio = 1032;
const minPiece = 1024;
const maxPiece = 64 * 1024;

/**
 * Compressed bytes to push next: as many as can inflate to no more than `remaining` output bytes, within
 * 1–64 KB. Far from the allowance pieces are large (fast); near it and past it they are 1 KB, so a part
 * that inflates beyond its allowance (a zip bomb's lie) is seen within about 1 MB (1 KB × 1,032), not
 * after a 64 KB piece became 64 MB.
 */
function pieceFor(remaining: number): number {
  return Math.min(maxPiece, Math.max(minPiece, Math.floor(remaining / maxRatio)));
}

/**
 * Inflates `entry` piece by piece into `onData` (stored entries are passed through); `onData` may throw
 * to stop. A damaged local header or an unknown method yields nothing. The pieces are sized by what is
 * left of `allowance` (by default the size the entry declares; a caller with a smaller limit passes it),
 * so a caller that throws once the output passes the allowance holds at most about 1 MB beyond it.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onData: (chunk: Uint8Array) => void,
  allowance = entry.originalSize,
): void {
  const data = view(bytes);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== localEntry) return;
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  const compressed = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) {
    for (let i = 0; i < compressed.length; i += maxPiece) onData(compressed.subarray(i, i + maxPiece));
    return;
  }
  if (entry.method !== 8) return;
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    onData(chunk);
  });
  for (let i = 0; i < compressed.length;) {
    const end = Math.min(compressed.length, i + pieceFor(allowance - produced));
    inflater.push(compressed.subarray(i, end), end >= compressed.length);
    i = end;
  }
}

/** Thrown from onData to stop inflating an entry that grew too large. */
class TooLarge {}

/**
 * The whole of a small entry, or null when it declares or inflates to more than `maxBytes` or than it
 * declared (inflating stops at the first piece past either), or cannot be inflated.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  if (entry.originalSize > maxBytes) return null;
  const pieces: Uint8Array[] = [];
  let size = 0;
  try {
    inflateEntry(bytes, entry, (chunk) => {
      size += chunk.length;
      if (size > entry.originalSize) throw new TooLarge();
      pieces.push(chunk.slice());
    });
  } catch {
    return null;
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of pieces) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
