// SQL for the audit trail: one row for every mutation that changes money, membership or a member.
import type { Executor } from '../open';
import { auditLog } from '../schema/index';

export type NewAudit = typeof auditLog.$inferInsert;

export async function insertAudit(ex: Executor, row: NewAudit): Promise<void> {
  await ex.insert(auditLog).values(row);
}
