// The audit trail (综合监管): who changed what, when and from where. Append-only, like transfers.
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.schema';
import { sites } from './sites.schema';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => members.id),
    /**
     * Who acted when no member did: the process's own work, as the job or command that did it
     * (`job:visits.generate`, `cli:demo`). Null when a member acted (actor_id).
     */
    actorLabel: text('actor_label'),
    siteId: bigint('site_id', { mode: 'number' }).references(() => sites.id),
    /** What was done, as the mutation's name: confirmService, redeem, addMember... */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    /** The client's address, as the HTTP layer saw it. */
    ip: text('ip'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_log_site_at_idx').on(t.siteId, t.at), index('audit_log_actor_idx').on(t.actorId, t.at)],
);
