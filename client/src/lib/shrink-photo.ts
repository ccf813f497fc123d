// A phone photo made small before it is sent: the server keeps no image library, so the browser
// draws the picture onto a canvas at most PHOTO_SIDE pixels a side and saves it as a JPEG, lowering
// the quality until it is under PHOTO_BYTES. The server checks the result again by its own bytes.

/** The longest side of a stored product photo, in pixels. */
export const PHOTO_SIDE = 320;
/** What the client aims under; the server's own limit (48 KB) leaves room above it. */
export const PHOTO_BYTES = 40 * 1024;

export class PhotoError extends Error {}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // Phones store photos turned; from-image applies the EXIF orientation.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('unreadable');
  }
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoError('unreadable'))), 'image/jpeg', quality),
  );
}

function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The picture as base64 of a JPEG at most PHOTO_SIDE a side and (almost always) under PHOTO_BYTES. */
export async function shrinkPhoto(file: Blob): Promise<string> {
  if (!file.type.startsWith('image/')) throw new PhotoError('notImage');
  const image = await decode(file);
  const scale = Math.min(1, PHOTO_SIDE / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  const g = canvas.getContext('2d');
  if (!g) throw new PhotoError('unreadable');
  // A white ground: a transparent PNG would turn black as a JPEG.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  image.close();
  let blob = await toBlob(canvas, 0.82);
  for (const quality of [0.65, 0.5, 0.35]) {
    if (blob.size <= PHOTO_BYTES) break;
    blob = await toBlob(canvas, quality);
  }
  return base64Of(new Uint8Array(await blob.arrayBuffer()));
}
