// GraphQL for monthly site reports, and the links to their CSV exports (served by reports.http).
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as reports from './reports.service';

export const reportsResolvers: Resolvers = {
  Query: {
    siteReport: (_p, a, ctx) => reports.siteReport(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.month),
    siteReports: (_p, a, ctx) => reports.siteReports(ctx.deps, ctx.viewer, a.month),
  },
  SiteReport: {
    serviceCsvUrl: (r, _a, ctx) => `${ctx.baseUrl}/export/${toId('Site', r.site.id)}/${r.month}/service.csv`,
    ledgerCsvUrl: (r, _a, ctx) => `${ctx.baseUrl}/export/${toId('Site', r.site.id)}/${r.month}/ledger.csv`,
  },
};
