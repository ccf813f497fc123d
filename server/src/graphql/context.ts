// The per-request context: the database, who is asking, the loaders, the language for messages.
import type { Database } from '@huzhu/db';
import type { Viewer } from '../auth/authorize';
import type { MemberCache } from '../auth/member-cache';
import type { Events } from '../events/events';
import type { LoginLimiter } from '../security/rate-limit';
import { createLoaders, type Loaders } from './loaders';

export type Lang = 'zh' | 'en';

export interface Services {
  db: Database;
  events: Events;
  jwtSecret: Uint8Array;
  /** Failed log-ins per phone and address (kept in the database, shared by every process). */
  loginLimiter: LoginLimiter;
  /** The members behind tokens, kept until the database announces a change (one per process). */
  members: MemberCache;
}

export interface Context extends Services {
  viewer: Viewer | null;
  loaders: Loaders;
  lang: Lang;
  /** The client's address, for the audit trail and rate limits. */
  ip: string | undefined;
  /** Absolute URL of this server as the client reached it, for links (CSV, certificate). */
  baseUrl: string;
  /**
   * The viewer as of now, for a context that outlives a request: a subscription keeps its context
   * for hours, and re-reads its viewer with this before each event (a revoked role or a deleted
   * member ends it). Over WebSocket it re-resolves the connection's token through the member cache.
   */
  viewerNow?: () => Promise<Viewer | null>;
}

export function buildContext(services: Services, fields: Omit<Context, keyof Services | 'loaders'>): Context {
  return { ...services, ...fields, loaders: createLoaders(services.db) };
}

/** zh unless the client prefers English: the product is Chinese first. */
export function langOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
