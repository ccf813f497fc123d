// The audit trail's one writer (综合监管): every mutation that changes money, membership or a
// member's data records who, what and from where, inside its own transaction, so the record and
// the change commit together or not at all. `when` is the row's default, the commit's clock.
import { auditQueries, type Transaction } from '@huzhu/db';
import type { Context } from '../graphql/context';

export async function audit(
  tx: Transaction,
  ctx: Pick<Context, 'viewer' | 'ip'>,
  siteId: number | null,
  action: string,
  entity: string,
  id: number,
  detail: object,
): Promise<void> {
  await auditQueries.insertAudit(tx, {
    actorId: ctx.viewer?.id ?? null,
    siteId,
    action,
    entity,
    entityId: String(id),
    ip: ctx.ip ?? null,
    detail,
  });
}
