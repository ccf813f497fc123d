// The db package's public face: the handle, the tables and the queries. Nothing else writes SQL.
export * from './open';
export * as tables from './schema/index';
export * from './schema/enums.schema';
export * as ledgerQueries from './queries/ledger.queries';
export * as siteQueries from './queries/sites.queries';
export * as memberQueries from './queries/members.queries';
export * as needQueries from './queries/needs.queries';
export * as auditQueries from './queries/audit.queries';
export * as visitQueries from './queries/visits.queries';
export * as reportQueries from './queries/reports.queries';
export * as supermarketQueries from './queries/supermarket.queries';
export * as limitQueries from './queries/limits.queries';
export * as jobQueries from './queries/jobs.queries';
export type * from './rows';
export * from './queries/invariants.queries';
export { hashPassword, verifyPassword } from './crypto/password';
export { pgErrorOf, expectPgError, type PgErrorInfo } from './errors';
export { workspacePath } from './paths';
