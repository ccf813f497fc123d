// GraphQL for the inbox: the viewer's own list, count and marking read, the live subscription,
// and the one mapping of a message row (kind, subject, detail facts) to an InboxItem.
import type { InboxItemRow } from '@huzhu/db';
import { requireViewer } from '../auth/authorize';
import { fromId, toId, type IdKind } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { watchViewer } from '../events/subscriptions.resolver';
import type { InboxDetail } from './inbox.messages';
import * as inbox from './inbox.service';

/** The entities a message's subject (`claim:40`) may name, as the kinds of their opaque ids. */
const SUBJECT_KINDS: Record<string, IdKind> = {
  claim: 'Claim',
  need: 'Need',
  member: 'Member',
  visit: 'Visit',
  'visit-task': 'VisitTask',
  'join-request': 'JoinRequest',
  referral: 'Referral',
};

function subjectId(row: InboxItemRow): string | null {
  const match = row.subject ? /^([a-z-]+):([1-9][0-9]*)$/.exec(row.subject) : null;
  const kind = match ? SUBJECT_KINDS[match[1]!] : undefined;
  return kind ? toId(kind, Number(match![2])) : null;
}

const detailOf = (row: InboxItemRow) => (row.detail ?? {}) as InboxDetail;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export const inboxResolvers: Resolvers = {
  Query: {
    inbox: (_p, args, ctx) => inbox.listInbox(ctx.deps, ctx.viewer, args),
    inboxUnreadCount: (_p, _a, ctx) => inbox.inboxUnreadCount(ctx.deps, ctx.viewer),
  },
  Mutation: {
    markInboxRead: (_p, args, ctx) =>
      inbox.markInboxRead(
        ctx.deps,
        ctx.viewer,
        args.ids.map((id, i) => fromId('Inbox', id, `ids[${i}]`)),
      ),
    markAllInboxRead: (_p, _a, ctx) => inbox.markInboxRead(ctx.deps, ctx.viewer, 'all'),
  },
  Subscription: {
    inboxDelivered: {
      subscribe: (_p, _a, ctx) =>
        watchViewer(
          ctx,
          'inboxDelivered',
          () => requireViewer(ctx.viewer).id,
          (id) => inbox.ownInboxItem(ctx.deps, ctx.viewer, id),
        ) as never,
      resolve: (row: unknown) => row as InboxItemRow,
    },
  },
  InboxItem: {
    id: (m) => toId('Inbox', m.id),
    subjectId: (m) => subjectId(m),
    needId: (m) => {
      const id = int(detailOf(m).needId);
      return id === null ? null : toId('Need', id);
    },
    needTitle: (m) => str(detailOf(m).needTitle),
    reason: (m) => str(detailOf(m).reason),
    minutes: (m) => int(detailOf(m).minutes),
    points: (m) => int(detailOf(m).points),
    personName: (m) => str(detailOf(m).personName),
    at: (m) => str(detailOf(m).at),
    referralStatus: (m) => {
      const s = str(detailOf(m).referralStatus);
      return s === 'REFERRED' || s === 'ACCEPTED' || s === 'RESOLVED' || s === 'DECLINED' ? s : null;
    },
  },
};
