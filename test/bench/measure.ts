// Figures from a load run (throughput, p50/p99 latency), and GraphQL measured beside the bare
// baseline so that their ratio is fair on a machine whose speed drifts.
import type { LoadGenerator } from './load';
import type { LoadJob, LoadResult } from './load-child';

export interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  firstError?: string;
}

export function summarize(latencies: number[], seconds: number, errors: number, firstError?: string): Figures {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    perSecond: sorted.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    requests: sorted.length,
    firstError,
  };
}

interface Side {
  url: string;
  requests: LoadJob['requests'];
}

/**
 * Each side for half the row's seconds, then again in mirrored order (A B C C B A). The machine's
 * speed drifts by tens of percent within minutes here; measured one after the other, the sides of
 * a ratio would each get a different machine. Mirrored halves give every side the same average.
 */
export async function measureMirrored(load: LoadGenerator, seconds: number, sides: Side[], connections: number) {
  const half = (side: Side) =>
    load.run({ url: side.url, connections, seconds: seconds / 2, requests: side.requests, once: false });
  const first: LoadResult[] = [];
  for (const side of sides) first.push(await half(side));
  const second: LoadResult[] = [];
  for (const side of [...sides].reverse()) second.unshift(await half(side));
  return sides.map((_, i) => {
    const [a, b] = [first[i]!, second[i]!];
    return summarize(
      [...a.latencies, ...b.latencies],
      a.seconds + b.seconds,
      a.errors + b.errors,
      a.firstError ?? b.firstError,
    );
  });
}

/** GraphQL and bare for one read in A-B-B-A halves (measureMirrored). */
export async function measurePair(load: LoadGenerator, seconds: number, gql: Side, bare: Side, connections: number) {
  const [g, b] = await measureMirrored(load, seconds, [gql, bare], connections);
  return { gql: g!, bare: b! };
}
