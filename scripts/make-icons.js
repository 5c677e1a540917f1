#!/usr/bin/env node
// Draws the toolbar/store icons (a shield with a check mark) as PNG files in public/icons.
// Run once when the design changes: `node scripts/make-icons.js`. No dependency: a minimal PNG encoder.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size) {
  const rows = [];
  const S = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let shield = 0;
      let check = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size; // 0..1
          const v = (y + (sy + 0.5) / S) / size;
          // shield: flat top, sides going down to a point
          const top = 0.08;
          const inShield =
            v >= top && v <= 0.94 && Math.abs(u - 0.5) <= (v < 0.55 ? 0.4 : 0.4 * (1 - (v - 0.55) / 0.39));
          if (inShield) shield++;
          // check mark: two thick segments
          const d1 = distSeg(u, v, 0.3, 0.5, 0.45, 0.66);
          const d2 = distSeg(u, v, 0.45, 0.66, 0.72, 0.34);
          if (inShield && Math.min(d1, d2) < 0.065) check++;
        }
      const a = shield / (S * S);
      const c = check / (S * S);
      // shield #1f4e8c, check white
      const r = Math.round(0x1f * (1 - c / Math.max(a, 1e-9)) + 255 * (c / Math.max(a, 1e-9)));
      const g = Math.round(0x4e * (1 - c / Math.max(a, 1e-9)) + 255 * (c / Math.max(a, 1e-9)));
      const b = Math.round(0x8c * (1 - c / Math.max(a, 1e-9)) + 255 * (c / Math.max(a, 1e-9)));
      row.set([r, g, b, Math.round(a * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distSeg(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`icon-${size}.png`, out), png(size));
console.log('icons written to public/icons');
