// A first password for someone the admin appoints: easy to read aloud and copy by hand (no 0/O,
// 1/l/I), long enough for the server's rule (8-72 characters), drawn from the browser's CSPRNG.
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';

function pick(alphabet: string, random: Uint32Array, i: number): string {
  return alphabet[random[i]! % alphabet.length]!;
}

/** Four letters then four digits, e.g. "kmrw4827". */
export function initialPassword(): string {
  const random = crypto.getRandomValues(new Uint32Array(8));
  let out = '';
  for (let i = 0; i < 4; i++) out += pick(LETTERS, random, i);
  for (let i = 4; i < 8; i++) out += pick(DIGITS, random, i);
  return out;
}
