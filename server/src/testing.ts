// Test support for services: a context as a request would build it, for a given member.
import { memberQueries, type Database, type MemberRow } from '@huzhu/db';
import { viewerOf } from './auth/auth.service';
import { createMemberCache } from './auth/member-cache';
import { buildContext, type Context } from './graphql/context';
import type { Events, HuzhuEvent } from './events/events';
import { LoginLimiter } from './security/rate-limit';
import { isAppError } from './graphql/errors';

/** Events that are only recorded, so a test can see what a mutation published. */
export function recordingEvents(): Events & { published: HuzhuEvent[] } {
  const published: HuzhuEvent[] = [];
  return {
    published,
    publish: async (event) => {
      published.push(event);
    },
    subscribe: async function* () {},
    close: async () => {},
  };
}

export async function contextFor(
  db: Database,
  member: MemberRow | null,
  events: Events = recordingEvents(),
): Promise<Context> {
  const viewer = member ? viewerOf(member, await memberQueries.membershipsOf(db, member.id)) : null;
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
