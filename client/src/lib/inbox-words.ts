// A message worded in the reader's language from its kind and facts (the server sends no
// sentences), and the page it opens where there is one.
import type { InboxItemFieldsFragment, InboxKind } from '../graphql/generated/graphql';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface InboxWords {
  /** One line: what happened. */
  title: string;
  /** The facts under it (the reason, minutes, a time); empty when there are none. */
  lines: string[];
}

export interface InboxFormat {
  when: (iso: string) => string;
  minutes: (n: number) => string;
}

/** The page a message opens, by kind; null where there is none. */
const PAGE_OF: Record<InboxKind, string | null> = {
  CLAIM_CONFIRMED: '/volunteer/claims',
  CLAIM_REJECTED: '/volunteer/claims',
  SERVICE_REPORTED: '/coordinator/queue',
  NEED_CHANGED: '/volunteer/claims',
  NEED_CANCELLED: '/volunteer/claims',
  NEED_MATCHES_OFFER: '/volunteer/needs',
  JOIN_REQUESTED: '/coordinator/members',
  // The visitor's tasks lead their home page; the coordinator's are on the duty board.
  VISIT_REMINDER: '/volunteer/needs',
  VISIT_DUE: '/coordinator/duty',
  VISIT_OVERDUE: '/coordinator/duty',
  // The referral shows on the follow-up list of the visits page.
  REFERRAL_UPDATED: '/coordinator/visits',
  // Hours policy (issue 18): the member's own account shows the OVERFLOW or EXPIRY transfer.
  HOURS_OVERFLOW: '/volunteer/account',
  HOURS_EXPIRING: '/volunteer/account',
  HOURS_EXPIRED: '/volunteer/account',
  // The consent is given on one's own page, in its 家属 section.
  PAYMENT_CONSENT_ASKED: '/volunteer/account',
  // Objections are on the notice board; points seasons concern the balance.
  OBJECTION_UPHELD: '/notice-board',
  OBJECTION_REVERSED: '/notice-board',
  POINTS_EXPIRING: null,
  POINTS_EXPIRED: null,
};

const HOURS_KINDS: readonly InboxKind[] = ['HOURS_OVERFLOW', 'HOURS_EXPIRING', 'HOURS_EXPIRED'];

/**
 * The page the message opens; a coordinator's visit message opens the board of the month its
 * task was due in (`dueMonth`, YYYY-MM on the site's calendar), where that task is.
 */
export function inboxPage(kind: InboxKind, dueMonth?: string | null): string | null {
  const page = PAGE_OF[kind] ?? null;
  if (page && dueMonth && (kind === 'VISIT_DUE' || kind === 'VISIT_OVERDUE')) return `${page}?month=${dueMonth}`;
  return page;
}

export function inboxWords(item: InboxItemFieldsFragment, t: Translate, fmt: InboxFormat): InboxWords {
  const title = item.needTitle ?? t('inbox.aNeed');
  const name = item.personName ?? t('inbox.someone');
  const lines: string[] = [];
  if (item.reason) lines.push(t('inbox.reason', { r: item.reason }));
  if (item.kind === 'CLAIM_CONFIRMED' && item.minutes != null)
    lines.push(t('inbox.credited', { d: fmt.minutes(item.minutes), p: item.points ?? 0 }));
  if (item.kind === 'SERVICE_REPORTED' && item.minutes != null)
    lines.push(t('inbox.reportedMinutes', { d: fmt.minutes(item.minutes) }));
  if (item.kind === 'CLAIM_REJECTED') lines.push(t('inbox.reportAgain'));
  if (item.kind === 'OBJECTION_REVERSED')
    lines.push(t('points.inboxReversed', { d: fmt.minutes(item.minutes ?? 0), p: item.points ?? 0 }));
  if (item.kind === 'POINTS_EXPIRING' && item.at)
    lines.push(t('points.inboxExpiring', { p: item.points ?? 0, when: fmt.when(item.at) }));
  if (item.kind === 'POINTS_EXPIRED') lines.push(t('points.inboxExpired', { p: item.points ?? 0 }));
  if (item.at && !['CLAIM_CONFIRMED', 'CLAIM_REJECTED', 'POINTS_EXPIRING'].includes(item.kind))
    lines.push(t(item.kind.startsWith('VISIT_') ? 'inbox.dueBy' : 'inbox.startsAt', { when: fmt.when(item.at) }));
  if (HOURS_KINDS.includes(item.kind)) {
    // Worded in the hours policy's own block: the minutes, and by when for a warning.
    const d = fmt.minutes(item.minutes ?? 0);
    const when = item.at ? fmt.when(item.at) : '';
    return {
      title: t(`hoursPolicy.inbox.${item.kind}`, { d }),
      lines: [t(`hoursPolicy.inbox.${item.kind}_LINE`, { d, when })],
    };
  }
  const status = item.referralStatus ? t(`referrals.status.${item.referralStatus}`) : '';
  return { title: t(`inbox.kinds.${item.kind}`, { title, name, status }), lines };
}
