// Promise.all for statements pipelined on one transaction's connection. When one fails, every
// statement behind it fails too, with "current transaction is aborted" (25P02), and those
// rejections may be handled first; the caller must see the first statement's own error (a unique
// key taken, 23505, that it answers as CONFLICT), so the first rejection in order wins.
export async function pipelined<T extends readonly unknown[] | []>(
  values: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = await Promise.allSettled(values);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [P in keyof T]: Awaited<T[P]>;
  };
}
