// LISTEN/NOTIFY fan-out, as the server's events use it (one channel, every process listens, each
// filters by site in memory): with L listening connections (each stands for one server process),
// how many events a second one publisher gets through and how long each takes to reach every
// listener. Publishing is closed-loop over 4 connections, for a bounded time.
import { openDb, type DbHandle } from '@huzhu/db';

export interface NotifyRow {
  listeners: number;
  published: number;
  perSecond: number;
  deliveries: number;
  p50: number;
  p99: number;
}

const CHANNEL = 'huzhu_bench_events';

export async function benchNotify(url: string, seconds: number, levels = [1, 4, 16]): Promise<NotifyRow[]> {
  const rows: NotifyRow[] = [];
  for (const count of levels) {
    const listeners: DbHandle[] = [];
    const latencies: number[] = [];
    let deliveries = 0;
    const publisher = await openDb({ url, migrate: false, poolSize: 4 });
    try {
      for (let i = 0; i < count; i++) {
        const h = await openDb({ url, migrate: false, poolSize: 1 });
        listeners.push(h);
        await h.sql!.listen(CHANNEL, (payload) => {
          const { at } = JSON.parse(payload) as { at: number; siteId: number; id: number };
          latencies.push(performance.now() - at);
          deliveries++;
        });
      }
      let published = 0;
      const started = performance.now();
      const end = started + seconds * 1000;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (performance.now() < end) {
            const event = {
              topic: 'claimUpdated',
              siteId: 1 + (published % 500),
              id: published,
              at: performance.now(),
            };
            await publisher.sql!.notify(CHANNEL, JSON.stringify(event));
            published++;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 300)); // the last deliveries
      const sorted = Float64Array.from(latencies).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
      rows.push({
        listeners: count,
        published,
        perSecond: published / elapsed,
        deliveries,
        p50: at(0.5),
        p99: at(0.99),
      });
    } finally {
      for (const h of listeners) await h.close();
      await publisher.close();
    }
  }
  return rows;
}

export function notifyTable(rows: NotifyRow[]): string {
  const head =
    '| listening processes | events published/s | deliveries | delivery p50 ms | delivery p99 ms |\n| ---: | ---: | ---: | ---: | ---: |';
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.listeners} | ${r.perSecond.toFixed(0)} | ${r.deliveries} of ${r.published * r.listeners} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`,
    ),
  ].join('\n');
}
