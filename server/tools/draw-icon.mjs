#!/usr/bin/env node
// Draws the extension's Marketplace icon, client/media/icon.png (256x256 PNG), from shapes: a rounded square,
// a dashed ring (a run that only happens on paper: a dry run) and a play triangle (the rollout preview).
// No image library and no downloaded artwork: pixels are computed here (4x4 supersampling for smooth edges)
// and written as a PNG with node:zlib. Deterministic: the same script writes the same bytes.
//
// Usage: node server/tools/draw-icon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO, 'client/media/icon.png');
const SIZE = 256;
const SAMPLES = 4;

const BACKGROUND = [0x1d, 0x2b, 0x53];
const RING = [0x6c, 0xc4, 0xff];
const PLAY = [0xff, 0xff, 0xff];

const c = SIZE / 2;

/** Inside the rounded square that fills the canvas with a small margin. */
function inBackground(x, y) {
  const margin = 8;
  const radius = 48;
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= margin && x <= SIZE - margin && y >= margin && y <= SIZE - margin && dx * dx + dy * dy <= radius * radius;
}

/** On the dashed ring: 12 dashes, each 2/3 of its slot, with square ends. */
function inRing(x, y) {
  const r = Math.hypot(x - c, y - c);
  if (r < 78 || r > 96) return false;
  const turn = (Math.atan2(y - c, x - c) / (2 * Math.PI) + 1 + 1 / 48) % 1;
  return (turn * 12) % 1 < 2 / 3;
}

/** Inside the play triangle, pointing right, centred on its centroid. */
function inPlay(x, y) {
  const left = c - 30;
  const right = c + 42;
  const half = 40;
  if (x < left || x > right) return false;
  const allowed = half * (1 - (x - left) / (right - left));
  return Math.abs(y - c) <= allowed;
}

function pixel(px, py) {
  let coverage = 0;
  const colour = [0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      if (!inBackground(x, y)) continue;
      const rgb = inPlay(x, y) ? PLAY : inRing(x, y) ? RING : BACKGROUND;
      coverage++;
      for (let i = 0; i < 3; i++) colour[i] += rgb[i];
    }
  }
  if (coverage === 0) return [0, 0, 0, 0];
  // Colour averaged over the covered samples; alpha is the coverage (straight, not premultiplied, alpha).
  return [...colour.map((v) => Math.round(v / coverage)), Math.round((255 * coverage) / (SAMPLES * SAMPLES))];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let v = n;
  for (let k = 0; k < 8; k++) v = v & 1 ? 0xedb88320 ^ (v >>> 1) : v >>> 1;
  return v >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (None), then RGBA
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const bytes = png();
writeFileSync(OUT, bytes);
console.log(`${path.relative(REPO, OUT)}: ${SIZE}x${SIZE}, ${bytes.length} bytes`);
