// Writes the add-in's ribbon and store icons assets/icon-{16,32,64,80}.png: a red (公文红) rounded
// square with a white document bearing three text lines. Pure Node (zlib), so anyone can regenerate
// them: `node scripts/make-icons.js`.
"use strict";
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { deflateSync } = require("node:zlib");

const sizes = [16, 32, 64, 80];
const red = [200, 30, 30];
const white = [255, 255, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels → PNG (colour type 6, 8 bits, no filter). */
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) Buffer.from(pixel(x + 0.5, y + 0.5)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The icon in unit coordinates (0–1), so every size is drawn from the same shapes. */
function iconPixel(size) {
  const radius = 0.18;
  const inRoundedSquare = (u, v) => {
    const dx = Math.max(radius - u, 0, u - (1 - radius));
    const dy = Math.max(radius - v, 0, v - (1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
  const inside = (u, v, [left, top, right, bottom]) => u >= left && u < right && v >= top && v < bottom;
  const page = [0.24, 0.16, 0.76, 0.84];
  const lines = [
    [0.32, 0.3, 0.68, 0.38],
    [0.32, 0.46, 0.68, 0.54],
    [0.32, 0.62, 0.56, 0.7],
  ];
  return (x, y) => {
    const u = x / size;
    const v = y / size;
    if (!inRoundedSquare(u, v)) return [0, 0, 0, 0];
    if (inside(u, v, page) && !lines.some((line) => inside(u, v, line))) return [...white, 255];
    return [...red, 255];
  };
}

for (const size of sizes) {
  const file = join(__dirname, "..", "assets", `icon-${size}.png`);
  writeFileSync(file, png(size, iconPixel(size)));
  console.log(`${file}`);
}
