// The demo's second village (issue 18, hours that travel): 石门村 of the same township and
// county as 三和村, with its coordinator and 赵丽, 赵玉梅's daughter, who volunteers there and has
// hours banked, so she can pay for her mother's care in 三和村. The two are not linked yet: the
// coordinator records the link with both consents in the journey.
import type { Transaction } from '../open';
import { insertMember } from '../queries/members.queries';
import { applyToBalances, insertTransfer, lockAccounts, memberAccount, siteAccount } from '../queries/ledger.queries';
import { insertSite } from '../queries/sites.queries';
import type { Role } from '../schema/enums.schema';

export const FAMILY_VILLAGE_NAME = '石门村互助养老服务站';

export const FAMILY_PEOPLE: { name: string; phone: string; roles: Role[]; birthYear: number; minutes?: number }[] = [
  { name: '吴春燕', phone: '13900000011', roles: ['COORDINATOR'], birthYear: 1972 },
  // 赵玉梅's daughter: works in the township, volunteers in her own village.
  { name: '赵丽', phone: '13900000012', roles: ['VOLUNTEER'], birthYear: 1975, minutes: 480 },
];

/** Seeds the second village in the demo's transaction; returns its site id. */
export async function seedDemoFamily(tx: Transaction, passwordHash: string): Promise<number> {
  const site = await insertSite(tx, {
    name: FAMILY_VILLAGE_NAME,
    county: '平江县',
    township: '安定镇',
    village: '石门村',
    pointsPerHour: 10,
  });
  for (const p of FAMILY_PEOPLE) {
    const member = await insertMember(
      tx,
      { siteId: site.id, name: p.name, phone: p.phone, passwordHash, birthYear: p.birthYear, address: '石门村' },
      p.roles,
    );
    if (!p.minutes) continue;
    // Hours she earned at 石门村 before, carried over from its paper passbook.
    const pool = await siteAccount(tx, site.id, 'SITE_POOL', 'MINUTES');
    const account = await memberAccount(tx, member.id, 'MINUTES');
    if (!pool || !account) throw new Error('accounts missing for the opening balance');
    await lockAccounts(tx, [pool.id, account.id]);
    await insertTransfer(tx, {
      unit: 'MINUTES',
      amount: p.minutes,
      debitAccountId: pool.id,
      creditAccountId: account.id,
      kind: 'ISSUANCE',
      siteId: site.id,
      idempotencyKey: `demo-opening-${member.id}-MINUTES`,
      requestHash: 'demo-opening',
      memo: '纸质时间存折结转',
    });
    await applyToBalances(tx, pool.id, account.id, p.minutes);
  }
  return site.id;
}
