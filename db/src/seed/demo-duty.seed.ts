// The demo village's visit duty of last month: two elders' visits not made (missed when the month
// ended), so the regions page has names to show a township officer from the first start. This
// month's tasks are the job's to make; pairs are the coordinator's to set.
import { sql } from 'drizzle-orm';
import type { Transaction } from '../open';
import { sites, visitTasks } from '../schema/index';

export const DEMO_MISSED = ['周桂香', '吴长庚'] as const;

export async function seedDemoDuty(tx: Transaction, siteId: number, ids: Map<string, number>): Promise<void> {
  // Last month on the site's own calendar.
  const lastMonth = sql`(date_trunc('month', (now() at time zone (select ${sites.timeZone} from ${sites}
    where ${sites.id} = ${siteId}))::date) - interval '1 month')::date`;
  await tx.insert(visitTasks).values(
    DEMO_MISSED.map((name) => ({
      siteId,
      elderId: ids.get(name)!,
      tier: 'B' as const,
      periodStart: sql`${lastMonth}`,
      dueBy: sql`(${lastMonth} + interval '1 month' - interval '1 day')::date`,
      status: 'MISSED' as const,
      closedAt: sql`now()`,
    })),
  );
}
