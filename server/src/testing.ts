// Test support for services: the actor a member acts as, a call's deps, and (for the tests that
// execute GraphQL documents) a context as a request would build it.
import { eventQueries, memberQueries, type Database, type MemberRow } from '@huzhu/db';
import { viewerFor } from './auth/auth.service';
import type { Viewer } from './auth/authorize';
import { createMemberCache } from './auth/member-cache';
import { serviceDeps, type ServiceDeps } from './core/deps';
import { buildContext, type Context } from './graphql/context';
import { payloadsOf, type Events, type HuzhuEvent } from './events/events';
import { LoginLimiter } from './security/rate-limit';
import { isAppError } from './core/errors';

/**
 * Events that are only recorded, so a test can see what a mutation announced. An announced event
 * runs its real statement in the transaction and is recorded then, commit or not: delivery at
 * commit, and none at a rollback, is tested over WebSocket (test/api/subscriptions.test.ts).
 */
export function recordingEvents(): Events & { published: HuzhuEvent[] } {
  const published: HuzhuEvent[] = [];
  return {
    published,
    announce: async (tx, events) => {
      await eventQueries.announceEvents(tx, payloadsOf(events));
      published.push(...events);
    },
    subscribe: async function* () {},
    close: async () => {},
  };
}

/** The member as a service sees them when they act: their roles, from a test address. */
export async function actorFor(db: Database, member: MemberRow): Promise<Viewer> {
  return { ...(await viewerFor(db, member)), ip: '127.0.0.1' };
}

/** A service call's deps with a fresh read cache; events recorded unless given. */
export function depsFor(db: Database, events: Events = recordingEvents()): ServiceDeps {
  return serviceDeps({ db, events });
}

/** A GraphQL request's context, for tests that execute documents against the schema. */
export async function contextFor(
  db: Database,
  member: MemberRow | null,
  events: Events = recordingEvents(),
): Promise<Context> {
  const viewer = member ? await viewerFor(db, member) : null;
  return buildContext(
    {
      db,
      events,
      members: await createMemberCache({}),
      jwtSecret: new Uint8Array(32),
      loginLimiter: new LoginLimiter(db),
    },
    { viewer, lang: 'en', ip: '127.0.0.1', baseUrl: 'http://test.local' },
  );
}

/** The demo member with this phone (see db/src/seed/demo.seed.ts). */
export async function demoMember(db: Database, phone: string): Promise<MemberRow> {
  const member = await memberQueries.memberByPhone(db, phone);
  if (!member) throw new Error(`no demo member ${phone}`);
  return member;
}

/** The error code a promise fails with, 'OK' when it succeeds; other errors propagate. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'OK';
}

/** The error's code and the field it names ("BAD_USER_INPUT input.title"), or 'OK'. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return [error.code, error.extensions.field].filter(Boolean).join(' ');
    throw error;
  }
  return 'OK';
}
