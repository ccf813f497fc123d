// A product photo's bytes checked before they are stored. Nothing on the server resizes images
// (no image library is installed): the client shrinks the photo on a canvas before upload, and
// this refuses anything that is not a small JPEG or WebP by its own bytes, never by what the
// client says it is: the magic numbers, the size, and the pixel size read from the header.
import { badInput } from '../core/errors';

/** The most bytes a stored photo may have: a 320 px JPEG at the client's quality is ~15-30 KB. */
export const MAX_PHOTO_BYTES = 48 * 1024;
/** The most pixels a side may have: the client sends 320; twice that leaves room for no more. */
export const MAX_PHOTO_SIDE = 640;

export interface CheckedPhoto {
  mimeType: 'image/jpeg' | 'image/webp';
  bytes: Buffer;
  width: number;
  height: number;
}

/** The width and height in a JPEG's first start-of-frame segment, if the markers lead to one. */
function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM and RST0-7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // SOF0-15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    if (marker === 0xda || length < 2) return undefined; // the scan began with no frame header
    i += 2 + length;
  }
  return undefined;
}

/** The canvas size of a WebP: lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length < 30) return undefined;
  const chunk = b.toString('ascii', 12, 16);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return undefined;
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}

const refuse = (en: string, zh: string): never => badInput('photo', { en, zh });

/**
 * Decodes the photo (standard base64, as the client sends it) and checks it: a JPEG or WebP by its
 * bytes, at most MAX_PHOTO_BYTES, each side 1 to MAX_PHOTO_SIDE pixels. Anything else is
 * BAD_USER_INPUT on `photo`.
 */
export function checkPhoto(base64: string): CheckedPhoto {
  // Base64 of more than the limit is refused before it is decoded.
  if (base64.length > Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4) {
    refuse(
      `The photo is too large (at most ${MAX_PHOTO_BYTES / 1024} KB)`,
      `照片太大（最多 ${MAX_PHOTO_BYTES / 1024} KB）`,
    );
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    refuse('The photo could not be read', '照片读不出来');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) refuse('The photo is empty', '照片是空的');
  if (bytes.length > MAX_PHOTO_BYTES) {
    refuse(
      `The photo is too large (at most ${MAX_PHOTO_BYTES / 1024} KB)`,
      `照片太大（最多 ${MAX_PHOTO_BYTES / 1024} KB）`,
    );
  }
  let mimeType: CheckedPhoto['mimeType'];
  let size: { width: number; height: number } | undefined;
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    mimeType = 'image/jpeg';
    size = jpegSize(bytes);
  } else if (bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') {
    mimeType = 'image/webp';
    size = webpSize(bytes);
  } else {
    return refuse('A photo must be a JPEG or WebP picture', '照片须是 JPEG 或 WebP 图片');
  }
  if (!size || size.width < 1 || size.height < 1) return refuse('The photo could not be read', '照片读不出来');
  if (size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE) {
    refuse(
      `The photo is too big (${size.width}x${size.height}; at most ${MAX_PHOTO_SIDE} pixels a side)`,
      `照片尺寸太大（${size.width}x${size.height}，每边最多 ${MAX_PHOTO_SIDE} 像素）`,
    );
  }
  return { mimeType, bytes, ...size };
}
