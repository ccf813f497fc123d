// The balance cap (issue 18): after a credit of minutes to a member, whatever their balance holds
// above the cap of the crediting site's region moves to that site's care pool (爱心池) as an
// OVERFLOW transfer in the same transaction, and the member is told in their inbox. Never lost:
// the history shows the OVERFLOW, the pool holds the minutes for the site's elders in difficulty.
import { allianceQueries, ledgerQueries, type Transaction, type TransferRow } from '@huzhu/db';
import { deliver } from '../inbox/inbox.deliver';
import { sitePolicy, type HoursPolicy } from './hours-policy';
import { transfer } from './ledger.service';

/**
 * Moves the member's minutes above the cap to the site's care pool; returns the OVERFLOW transfer,
 * or null when the balance is within the cap. Call it after the credit, in its transaction (the
 * credit holds the member's account lock, so the balance read here is the one the credit left).
 * `keyBase` is the credit's own key (`claim:12`, `visit:7`, a gift's): the overflow's key derives
 * from it, so a retried credit overflows once. `policy` saves the read when the caller has it.
 * `fresh`: the member's minutes balance as the credit this call follows just left it, when that
 * credit was written now (not replayed): then no overflow can exist yet under its key, and a
 * balance within the cap needs no statement at all (the usual case, on every confirmation).
 */
export async function applyBalanceCap(
  tx: Transaction,
  memberId: number,
  siteId: number,
  keyBase: string,
  policy?: HoursPolicy,
  fresh?: { balance: number },
): Promise<TransferRow | null> {
  const idempotencyKey = `${keyBase}:overflow`;
  if (fresh && policy && fresh.balance <= policy.capMinutes) return null;
  // Pipelined on the transaction's connection: one round trip.
  const [done, account, cap] = await Promise.all([
    ledgerQueries.transferByKey(tx, idempotencyKey),
    ledgerQueries.memberAccount(tx, memberId, 'MINUTES'),
    policy ? policy.capMinutes : sitePolicy(tx, siteId).then((p) => p.capMinutes),
  ]);
  // A retry of the credit: the balance may have moved since, so the first overflow stands as it was.
  if (done) return done;
  if (!account || account.balance <= cap) return null;
  const excess = account.balance - cap;
  const pool = await allianceQueries.careAccount(tx, siteId);
  const { transfer: row } = await transfer(tx, {
    unit: 'MINUTES',
    amount: excess,
    fromAccountId: account.id,
    toAccountId: pool.id,
    kind: 'OVERFLOW',
    idempotencyKey,
    siteId,
  });
  await deliver(tx, [
    {
      memberId,
      siteId,
      kind: 'HOURS_OVERFLOW',
      subject: `transfer:${row.id}`,
      detail: { minutes: excess, capMinutes: cap },
      dedupeKey: idempotencyKey,
    },
  ]);
  return row;
}
