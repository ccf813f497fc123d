// Shared by the benchmarks: one row of figures, and the table they print.
export interface Row {
  name: string;
  clients: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export function summarize(name: string, clients: number, latencies: number[], seconds: number, errors: number): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { name, clients, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

export function table(rows: Row[]): string {
  const head =
    '| operation | clients | per second | p50 ms | p99 ms | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |';
  const body = rows.map(
    (r) =>
      `| ${r.name} | ${r.clients} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`,
  );
  return [head, ...body].join('\n');
}
