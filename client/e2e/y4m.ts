// A Y4M video (the raw format Chromium's fake camera reads) showing one QR code: a header, then the
// same 4:2:0 frame repeated. Luma is the grayscale picture (black modules on white, a quiet zone
// around), chroma a flat 128 (no colour). Drawn from the qrcode package's module matrix.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

export function writeQrY4m(
  path: string,
  text: string,
  options: { width?: number; height?: number; frames?: number } = {},
) {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const frames = options.frames ?? 30;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (n + 2 * quiet));
  const side = scale * (n + 2 * quiet);
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + (quiet + y) * scale + dy) * width;
        luma.fill(0, row + left + (quiet + x) * scale, row + left + (quiet + x + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
