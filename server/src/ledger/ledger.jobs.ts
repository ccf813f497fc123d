// The ledger's scheduled work: every night the invariants `pnpm ledger:check` prints are checked
// on the live database. A check that fails is a failed job (kept in failed-jobs, printed by
// `pnpm jobs`), so platform staff hear of a broken ledger without anyone running the command.
import { systemActor } from '../auth/authorize';
import { DEFAULT_SITE_ZONE } from '../core/time';
import type { JobDeps, JobDefinition } from '../jobs/queue';
import { ledgerHealth } from '../platform/platform.service';

export const LEDGER_CHECK = 'ledger.check';

/** Who the check acts as: the audit trail and access checks see the job, not a member. */
const ACTOR = systemActor(`job:${LEDGER_CHECK}`);

export function ledgerJobs(deps: JobDeps): JobDefinition[] {
  return [
    {
      name: LEDGER_CHECK,
      // The check covers every site at once, so it runs once a night, in the zone most sites keep.
      schedule: { cron: '30 3 * * *', timeZone: DEFAULT_SITE_ZONE },
      // A second try an hour later rides out a database that was restarting; a broken ledger
      // stays broken, and is then on the failure list.
      retryLimit: 1,
      retryDelaySeconds: 3600,
      expireInSeconds: 3600,
      run: async () => {
        const results = await ledgerHealth(deps, ACTOR);
        const failing = results.filter((r) => !r.holds);
        if (failing.length > 0) {
          const detail = failing.map((r) => `${r.name} ${JSON.stringify(r.violations.slice(0, 3))}`).join('; ');
          throw new Error(`ledger invariants fail: ${detail}`);
        }
        // Kept as the completed job's output: which checks held, and when.
        return { held: results.map((r) => r.name) };
      },
    },
  ];
}
