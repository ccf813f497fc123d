// Figures from a load run (throughput, p50/p99 latency), and GraphQL measured beside the bare
// baseline so that their ratio is fair on a machine whose speed drifts.
import type { LoadGenerator } from './load';
import type { LoadJob } from './load-child';

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
 * GraphQL and bare for one read in A-B-B-A halves of the row's seconds. The machine's speed drifts
 * by tens of percent within minutes here; measured one after the other, the two sides of a ratio
 * would each get a different machine. Halves in mirrored order give both the same average of it.
 */
export async function measurePair(load: LoadGenerator, seconds: number, gql: Side, bare: Side, connections: number) {
  const half = (side: Side) =>
    load.run({ url: side.url, connections, seconds: seconds / 2, requests: side.requests, once: false });
  const g1 = await half(gql);
  const b1 = await half(bare);
  const b2 = await half(bare);
  const g2 = await half(gql);
  const both = (a: typeof g1, b: typeof g1) =>
    summarize(
      [...a.latencies, ...b.latencies],
      a.seconds + b.seconds,
      a.errors + b.errors,
      a.firstError ?? b.firstError,
    );
  return { gql: both(g1, g2), bare: both(b1, b2) };
}
