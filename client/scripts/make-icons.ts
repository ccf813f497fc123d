// Writes the PWA icons into public/icons/: an SVG, and PNGs drawn pixel by pixel (a white heart
// on the app's blue) so no image tool or browser is needed. Run: pnpm --filter @huzhu/client icons
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BLUE: [number, number, number] = [11, 92, 173];
const WHITE: [number, number, number] = [255, 255, 255];

/** Inside the classic heart curve (x²+y²−1)³ − x²y³ ≤ 0, in a -1.5..1.5 box. */
function inHeart(x: number, y: number): boolean {
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, maskable: boolean): Buffer {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const scale = maskable ? 2.1 : 1.7; // maskable icons keep the mark inside the safe zone
  const samples = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 3 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size - 0.5) * 2 * scale;
          const y = -((py + (sy + 0.5) / samples) / size - 0.5) * 2 * scale + 0.15;
          if (inHeart(x, y)) hits++;
        }
      const f = hits / (samples * samples);
      const o = py * (size * 3 + 1) + 1 + px * 3;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round((BLUE[c] ?? 0) * (1 - f) + (WHITE[c] ?? 0) * f);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="互助">
  <rect width="512" height="512" rx="96" fill="#0b5cad"/>
  <path fill="#fff" d="M256 420C150 345 92 290 92 210c0-52 40-92 90-92 32 0 58 16 74 42 16-26 42-42 74-42 50 0 90 40 90 92 0 80-58 135-164 210z"/>
</svg>
`;

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon.svg'), svg);
writeFileSync(join(out, 'icon-192.png'), png(192, false));
writeFileSync(join(out, 'icon-512.png'), png(512, false));
writeFileSync(join(out, 'icon-maskable-512.png'), png(512, true));
writeFileSync(join(out, 'apple-touch-icon.png'), png(180, false));
console.log(`icons written to ${out}`);
