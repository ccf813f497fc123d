// Demo data: one village mutual-aid site with its people (demo-people.ts), open needs
// (demo-needs.ts: a weekday meal round and a Saturday bath among them, recurring), supermarket
// goods (demo-goods.ts) and the visit duty in mid-month (demo-visits.seed.ts), so a newcomer can
// log in as each role and find work to do. Running it twice changes nothing.
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../open';
import { hashPassword } from '../crypto/password';
import { lockAccounts, insertTransfer, applyToBalances, memberAccount, siteAccount } from '../queries/ledger.queries';
import { insertMember } from '../queries/members.queries';
import { insertSite } from '../queries/sites.queries';
import { insertSeries } from '../queries/series.queries';
import { needs, products, sites } from '../schema/index';
import type { Role } from '../schema/enums.schema';
import { GOODS } from './demo-goods';
import { NEEDS, SERIES } from './demo-needs';
import { PEOPLE } from './demo-people';
import { FAMILY_PEOPLE, seedDemoFamily } from './demo-family.seed';
import { seedDemoVisits } from './demo-visits.seed';

export const DEMO_SITE_NAME = '三和村互助养老服务站';
export const DEMO_PASSWORD = 'huzhu2026';

export interface DemoLogin {
  role: Role;
  name: string;
  phone: string;
}

export interface DemoResult {
  created: boolean;
  siteId: number;
  password: string;
  logins: DemoLogin[];
}

export interface DemoOptions {
  /**
   * The visit duty in mid-month (demo-visits.seed.ts): what the started server and `pnpm seed`
   * show. Off for the services' tests, which take the village with no visit history and build
   * the duty they test themselves.
   */
  visitDuty?: boolean;
  /**
   * A second village of the county (demo-family.seed.ts) with 赵玉梅's daughter and her banked
   * hours: what the started server shows. Off for the services' tests, which build their own.
   */
  secondVillage?: boolean;
}

export async function seedDemo(db: Database, now: Date = new Date(), options: DemoOptions = {}): Promise<DemoResult> {
  const logins = PEOPLE.filter((p) => p.phone).map((p) => ({ role: p.roles[0]!, name: p.name, phone: p.phone! }));
  // The second village's people, after the first's, named with their village (hours that travel).
  if (options.secondVillage) {
    for (const p of FAMILY_PEOPLE) logins.push({ role: p.roles[0]!, name: `${p.name}（石门村）`, phone: p.phone });
  }
  const [existing] = await db.select({ id: sites.id }).from(sites).where(eq(sites.name, DEMO_SITE_NAME));
  if (existing) return { created: false, siteId: existing.id, password: DEMO_PASSWORD, logins };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const siteId = await db.transaction(async (tx) => {
    // Several processes starting together on a new database each see no village yet: the first
    // to take this lock seeds it, the others find it there once they have the lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('huzhu:demo-seed'))`);
    const [seeded] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.name, DEMO_SITE_NAME));
    if (seeded) return { existing: seeded.id };
    const site = await insertSite(tx, {
      name: DEMO_SITE_NAME,
      county: '平江县',
      township: '安定镇',
      village: '三和村',
      pointsPerHour: 10,
    });
    const ids = new Map<string, number>();
    for (const p of PEOPLE) {
      const member = await insertMember(
        tx,
        {
          siteId: site.id,
          name: p.name,
          phone: p.phone ?? null,
          passwordHash: p.phone ? passwordHash : null,
          birthYear: p.birthYear,
          address: p.address ?? null,
          careCategories: p.careCategories ?? [],
          livingSituation: p.livingSituation ?? null,
          disabilityGrade: p.disabilityGrade ?? null,
          minimumLivingAllowance: p.minimumLivingAllowance ?? false,
          dementia: p.dementia ?? false,
          visitTier: p.visitTier ?? null,
        },
        p.roles,
      );
      ids.set(p.name, member.id);
      if (p.openingMinutes) await openingBalance(tx, site.id, member.id, 'MINUTES', p.openingMinutes);
      if (p.openingPoints) await openingBalance(tx, site.id, member.id, 'POINTS', p.openingPoints);
    }
    const coordinator = ids.get('李秀英')!;
    await tx.insert(needs).values(
      NEEDS.map((n) => {
        const startsAt = new Date(now);
        startsAt.setUTCDate(startsAt.getUTCDate() + n.inDays);
        // Hours are Beijing time (UTC+8).
        startsAt.setUTCHours(n.hour - 8, 0, 0, 0);
        return {
          siteId: site.id,
          title: n.title,
          description: n.description,
          category: n.category,
          beneficiaryId: ids.get(n.beneficiary)!,
          startsAt,
          estimatedMinutes: n.minutes,
          slots: n.slots,
          createdBy: coordinator,
        };
      }),
    );
    await seedSeries(tx, site.id, coordinator, ids, now);
    await tx.insert(products).values(GOODS.map((g) => ({ ...g, siteId: site.id })));
    if (options.visitDuty)
      await seedDemoVisits(tx, { siteId: site.id, timeZone: site.timeZone, ids, coordinator, now });
    if (options.secondVillage) await seedDemoFamily(tx, passwordHash);
    return site.id;
  });
  if (typeof siteId !== 'number') return { created: false, siteId: siteId.existing, password: DEMO_PASSWORD, logins };
  return { created: true, siteId, password: DEMO_PASSWORD, logins };
}

/** The series and their occurrences up to two weeks ahead (Beijing time, UTC+8, as the needs above). */
async function seedSeries(tx: Transaction, siteId: number, coordinator: number, ids: Map<string, number>, now: Date) {
  const beijing = (at: Date) => new Date(at.getTime() + 8 * 3600_000);
  // From tomorrow: today's round may be under way already.
  const tomorrow = beijing(new Date(now.getTime() + 86_400_000))
    .toISOString()
    .slice(0, 10);
  for (const s of SERIES) {
    const series = await insertSeries(tx, {
      siteId,
      beneficiaryId: ids.get(s.beneficiary)!,
      title: s.title,
      description: s.description,
      category: s.category,
      estimatedMinutes: s.minutes,
      weekdays: s.weekdays,
      timeOfDay: `${String(s.hour).padStart(2, '0')}:00`,
      startsOn: tomorrow,
      createdBy: coordinator,
    });
    const rows = [];
    for (let i = 1; i < 14; i++) {
      const day = beijing(new Date(now.getTime() + i * 86_400_000))
        .toISOString()
        .slice(0, 10);
      const startsAt = new Date(`${day}T${String(s.hour).padStart(2, '0')}:00:00+08:00`);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
      if (!s.weekdays.includes(weekday) || startsAt <= now) continue;
      rows.push({
        siteId,
        title: s.title,
        description: s.description,
        category: s.category,
        beneficiaryId: series.beneficiaryId,
        startsAt,
        estimatedMinutes: s.minutes,
        createdBy: coordinator,
        seriesId: series.id,
        seriesDay: day,
      });
    }
    if (rows.length > 0) await tx.insert(needs).values(rows);
  }
}

/** Hours and points banked in the paper passbook (纸质存折) before the site went digital. */
async function openingBalance(
  tx: Transaction,
  siteId: number,
  memberId: number,
  unit: 'MINUTES' | 'POINTS',
  amount: number,
) {
  const pool = await siteAccount(tx, siteId, 'SITE_POOL', unit);
  const account = await memberAccount(tx, memberId, unit);
  if (!pool || !account) throw new Error('accounts missing for the opening balance');
  await lockAccounts(tx, [pool.id, account.id]);
  await insertTransfer(tx, {
    unit,
    amount,
    debitAccountId: pool.id,
    creditAccountId: account.id,
    kind: 'ISSUANCE',
    siteId,
    idempotencyKey: `demo-opening-${memberId}-${unit}`,
    requestHash: 'demo-opening',
    memo: '纸质时间存折结转',
  });
  await applyToBalances(tx, pool.id, account.id, amount);
}

export function formatLogins(result: DemoResult): string {
  const roleZh: Record<Role, string> = {
    ADMIN: '管理员',
    COORDINATOR: '协调员',
    VOLUNTEER: '志愿者',
    ELDER: '老人',
    CLERK: '店员',
  };
  const lines = result.logins.map((l) => `  ${roleZh[l.role]} ${l.role.padEnd(11)} ${l.name}  ${l.phone}`);
  return [`Demo log-ins (password ${result.password}) / 演示账号（密码 ${result.password}）:`, ...lines].join('\n');
}
