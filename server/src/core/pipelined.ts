// Promise.all for statements pipelined on one transaction's connection. When one fails, every
// statement behind it fails too, with "current transaction is aborted" (25P02), and those
// rejections may be handled first; the caller must see the failing statement's own error (a unique
// key taken, 23505, that it answers as CONFLICT). So the first rejection in order wins, except that
// an aborted-transaction error gives way to any other: a value computed across several round trips
// (a member-paid credit) may send statements after the one that failed, and sit earlier in order.
import { pgErrorOf } from '@huzhu/db';

export async function pipelined<T extends readonly unknown[] | []>(
  values: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = await Promise.allSettled(values);
  const failed = (settled as PromiseSettledResult<unknown>[]).filter(
    (s): s is PromiseRejectedResult => s.status === 'rejected',
  );
  if (failed.length > 0) throw (failed.find((f) => pgErrorOf(f.reason)?.code !== '25P02') ?? failed[0]!).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [P in keyof T]: Awaited<T[P]>;
  };
}
