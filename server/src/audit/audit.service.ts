// The audit trail's one writer (综合监管): every mutation that changes money, membership or a
// member's data records who, what and from where, inside its own transaction, so the record and
// the change commit together or not at all. `when` is the row's default, the commit's clock.
import { auditQueries, type Transaction } from '@huzhu/db';
import { isSystem, type Actor } from '../auth/authorize';

export async function audit(
  tx: Transaction,
  actor: Actor | null,
  siteId: number | null,
  action: string,
  entity: string,
  id: number,
  detail: object,
): Promise<void> {
  const system = actor !== null && isSystem(actor);
  await auditQueries.insertAudit(tx, {
    actorId: actor && !system ? actor.id : null,
    actorLabel: system ? actor.system : null,
    siteId,
    action,
    entity,
    entityId: String(id),
    ip: actor && !system ? (actor.ip ?? null) : null,
    detail,
  });
}
