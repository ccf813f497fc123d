// The members behind log-in tokens, kept in memory per process: without it every authenticated
// request spends a round trip on its member and their roles before its own work (a third of a
// needs page's round trips, half of a `{ __typename }`'s server CPU). An entry is dropped when the
// database announces a change to that member or their roles (migration 0006: a trigger NOTIFYs
// huzhu_members at commit, whoever made the change), so a revoked role is gone from every server
// process within a notification's delivery; when the listening connection is lost and comes back,
// everything is dropped, since what was said meanwhile went unheard. Entries also end after
// MAX_AGE_MS, so even an unheard change cannot outlive that.
import { memberQueries, type Database, type DbHandle } from '@huzhu/db';
import { viewerOf } from './auth.service';
import type { Viewer } from './authorize';

const CHANNEL = 'huzhu_members';
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

export interface MemberCache {
  /** The viewer for a member id, or undefined when there is no such member (never kept). */
  viewer(db: Database, id: number): Promise<Viewer | undefined>;
  close(): Promise<void>;
}

/** On a handle it cannot listen on (neither engine's client), nothing is kept: every call reads. */
export async function createMemberCache(
  handle: Pick<DbHandle, 'sql' | 'pglite'>,
  now: () => number = Date.now,
): Promise<MemberCache> {
  const entries = new Map<number, { viewer: Viewer; until: number }>();
  // Reads under way, one per member: requests that arrive meanwhile share it. A read that an
  // announcement overtakes may hold what was announced away: it still answers the requests that
  // were waiting for it, but is not kept.
  const reading = new Map<number, { viewer: Promise<Viewer | undefined>; overtaken: boolean }>();
  const forget = (payload: string) => {
    if (payload === '*') {
      entries.clear();
      for (const r of reading.values()) r.overtaken = true;
      return;
    }
    const id = Number(payload);
    entries.delete(id);
    const r = reading.get(id);
    if (r) r.overtaken = true;
  };
  const forgetAll = () => forget('*');

  let close = async () => {};
  let keep = true;
  if (handle.sql) {
    // onlisten runs on the first LISTEN and again after every reconnection.
    const listener = await handle.sql.listen(CHANNEL, forget, forgetAll);
    close = () => listener.unlisten();
  } else if (handle.pglite) {
    const unlisten = await handle.pglite.listen(CHANNEL, forget);
    close = () => unlisten();
  } else {
    keep = false;
  }

  const read = async (db: Database, id: number) => {
    const found = await memberQueries.memberWithRoles(db, id);
    return found && freeze(viewerOf(found.member, found.roles, found));
  };

  return {
    viewer(db, id) {
      const hit = entries.get(id);
      if (hit && hit.until > now()) return Promise.resolve(hit.viewer);
      if (hit) entries.delete(id);
      const under = reading.get(id);
      if (under) return under.viewer;
      const r = { viewer: read(db, id), overtaken: false };
      reading.set(id, r);
      void r.viewer.then(
        (viewer) => {
          reading.delete(id);
          if (!viewer || !keep || r.overtaken) return;
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
          entries.set(id, { viewer, until: now() + MAX_AGE_MS });
        },
        () => reading.delete(id),
      );
      return r.viewer;
    },
    close: () => close(),
  };
}

/** One viewer now serves many requests: none of them may change it for the others. */
function freeze(viewer: Viewer): Viewer {
  for (const m of viewer.memberships) Object.freeze(m);
  Object.freeze(viewer.memberships);
  for (const r of viewer.regions ?? []) Object.freeze(r);
  if (viewer.regions) Object.freeze(viewer.regions);
  if (viewer.regionSiteIds) Object.freeze(viewer.regionSiteIds);
  if (viewer.member) Object.freeze(viewer.member);
  return Object.freeze(viewer);
}
