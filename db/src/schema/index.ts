// Every table, in one namespace, for Drizzle's relational queries and for drizzle-kit.
export * from './enums.schema';
export * from './regions.schema';
export * from './sites.schema';
export * from './members.schema';
export * from './series.schema';
export * from './needs.schema';
export * from './ledger.schema';
export * from './supermarket.schema';
export * from './visits.schema';
export * from './audit.schema';
export * from './reports.schema';
export * from './limits.schema';
export * from './inbox.schema';
export * from './visit-duty.schema';
export * from './joining.schema';
export * from './referrals.schema';
export * from './visit-rules.schema';
