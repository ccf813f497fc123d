// SQL for the audit trail: one row for every mutation that changes money, membership or a member.
import type { Executor } from '../open';
import { auditLog } from '../schema/index';
import { placeholderSet, runPrepared } from './prepared';

export type NewAudit = typeof auditLog.$inferInsert;

export async function insertAudit(ex: Executor, row: NewAudit): Promise<void> {
  const { shape, set, values } = placeholderSet(row);
  await runPrepared(ex, `insert_audit_${shape}`, (q) => q.insert(auditLog).values(set), values);
}
