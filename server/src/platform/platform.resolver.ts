// GraphQL for the platform's health: platform staff's view of the ledger check and failed jobs.
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as platform from './platform.service';

/** The parent of PlatformHealth's fields: each field asks the service itself, checking access. */
export type PlatformHealthData = Record<string, never>;

export const platformResolvers: Resolvers = {
  Query: {
    platformHealth: () => ({}),
  },
  PlatformHealth: {
    ledger: (_p, _a, ctx) => platform.ledgerHealth(ctx.deps, ctx.viewer),
    failedJobs: (_p, a, ctx) => platform.failedJobs(ctx.deps, ctx.viewer, a.first),
  },
  LedgerCheck: {
    violations: (c) => c.violations.slice(0, 5).map((row) => JSON.stringify(row)),
  },
  FailedJob: {
    error: (f) => f.error,
  },
};
