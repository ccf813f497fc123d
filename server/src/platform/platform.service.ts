// The platform's health for platform staff and for the system itself: the ledger's invariants
// (what the nightly job, `pnpm ledger:check` and the admin page all read) and the jobs that
// failed their last try. One service, called by a resolver, a job and a command alike.
import { checkInvariants, jobQueries, type InvariantResult } from '@huzhu/db';
import { isPlatformAdmin, requireActor, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail } from '../core/errors';
import * as v from '../core/validate';

function requirePlatformStaff(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!isPlatformAdmin(a)) {
    fail(ErrorCode.FORBIDDEN, { en: 'Only platform staff can see this', zh: '只有民政局管理员可以查看' });
  }
  return a;
}

/**
 * Every ledger invariant checked now: platform staff and the system only. A scan of the whole
 * ledger, so on the replica when the caller has one (the admin page); a job or command, on the primary.
 */
export async function ledgerHealth(
  deps: Pick<ServiceDeps, 'db'> & Partial<Pick<ServiceDeps, 'readDb'>>,
  actor: Actor | null,
): Promise<InvariantResult[]> {
  requirePlatformStaff(actor);
  return checkInvariants(deps.readDb ?? deps.db);
}

/** Each queue's jobs by state and its schedules; null before the queue was ever installed. */
export async function queueSummary(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor | null,
): Promise<jobQueries.QueueSummary[] | null> {
  requirePlatformStaff(actor);
  if (!(await jobQueries.queueInstalled(deps.db))) return null;
  return jobQueries.queueSummaries(deps.db);
}

/** Jobs that failed their last try, newest first; none before the queue was ever installed. */
export async function failedJobs(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor | null,
  first: number | null | undefined,
): Promise<jobQueries.JobFailure[]> {
  requirePlatformStaff(actor);
  const limit = v.int('first', first ?? 20, 1, 100);
  if (!(await jobQueries.queueInstalled(deps.db))) return [];
  return jobQueries.jobFailures(deps.db, limit);
}
