// Volunteer offers: what a volunteer can do at a site (categories of service) and when (weekdays,
// times of day). The coordinator posting a need sees who fits it, and a need posted that fits an
// offer lands in the volunteer's inbox, in the posting's own transaction.
import {
  joiningQueries,
  siteQueries,
  type MemberRow,
  type NeedRow,
  type ServiceCategory,
  type Transaction,
  type VolunteerOfferRow,
} from '@huzhu/db';
import { memberIdOf, requireRoleAt, requireViewer, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, notFound } from '../core/errors';
import { zoned } from '../core/time';
import * as v from '../core/validate';
import { deliver } from '../inbox/inbox.deliver';

export const TIMES_OF_DAY = ['MORNING', 'AFTERNOON', 'EVENING'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** A volunteer's offer at a site as they write it: none of weekdays or times listed means any. */
export interface OfferInput {
  siteId: number;
  categories: readonly ServiceCategory[];
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  weekdays?: readonly number[] | null;
  times?: readonly TimeOfDay[] | null;
}

/** The time of day an instant falls in, on the site's clock: before noon, before six, evening. */
export function timeOfDay(hour: number): TimeOfDay {
  return hour < 12 ? 'MORNING' : hour < 18 ? 'AFTERNOON' : 'EVENING';
}

/** Whether the offer covers a need of this category starting at `startsAt` in the zone. */
export function offerFits(
  offer: Pick<VolunteerOfferRow, 'categories' | 'weekdays' | 'times'>,
  category: ServiceCategory,
  startsAt: Date,
  timeZone: string,
): boolean {
  if (!offer.categories.includes(category)) return false;
  const z = zoned(startsAt, timeZone);
  if (offer.weekdays.length > 0 && !offer.weekdays.includes(z.dayOfWeek)) return false;
  return offer.times.length === 0 || offer.times.includes(timeOfDay(z.hour));
}

/** The viewer's own offer at the site (a VOLUNTEER there); null when they have not made one. */
export async function myOffer(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
): Promise<VolunteerOfferRow | null> {
  const viewer = requireViewer(requireRoleAt(actor, siteId, ['VOLUNTEER']));
  return (await joiningQueries.offerOf(deps.db, viewer.id, siteId)) ?? null;
}

/** Sets the viewer's offer at the site, replacing the one before (a VOLUNTEER there). */
export async function setOffer(deps: ServiceDeps, actor: Actor | null, input: OfferInput): Promise<VolunteerOfferRow> {
  const viewer = requireViewer(requireRoleAt(actor, input.siteId, ['VOLUNTEER']));
  const categories = [...new Set(input.categories)];
  if (categories.length > 20) badInput('input.categories', { en: 'Too many categories', zh: '服务类别太多' });
  const weekdays = [...new Set(input.weekdays ?? [])].sort();
  for (const d of weekdays) v.int('input.weekdays', d, 1, 7);
  const times = TIMES_OF_DAY.filter((t) => (input.times ?? []).includes(t));
  return deps.db.transaction(async (tx) => {
    const row = await joiningQueries.upsertOffer(tx, {
      memberId: viewer.id,
      siteId: input.siteId,
      categories,
      weekdays,
      times,
    });
    await audit(tx, actor, input.siteId, 'setOffer', 'member', viewer.id, { categories, weekdays, times });
    return row;
  });
}

/**
 * Volunteers of the site whose offer fits a need of this category at this time (COORDINATOR of
 * the site, or ADMIN): shown on the page where the need is posted.
 */
export async function volunteersFitting(
  deps: ServiceDeps,
  actor: Actor | null,
  args: { siteId: number; category: ServiceCategory; startsAt: Date },
): Promise<MemberRow[]> {
  requireRoleAt(actor, args.siteId, ['COORDINATOR', 'ADMIN']);
  const startsAt = v.date('startsAt', args.startsAt);
  const site = await deps.cache.site.load(args.siteId);
  if (!site) notFound('site');
  const offers = await joiningQueries.offersFor(deps.db, args.siteId, args.category);
  return offers.filter((o) => offerFits(o.offer, args.category, startsAt, site.timeZone)).map((o) => o.member);
}

/**
 * Tells each volunteer whose offer fits the need (NEED_MATCHES_OFFER), in the transaction that
 * posts it, the poster left out; once per need and volunteer.
 */
export async function tellOfferMatches(tx: Transaction, actor: Actor | null, need: NeedRow): Promise<void> {
  const site = await siteQueries.siteById(tx, need.siteId);
  if (!site) return;
  const poster = memberIdOf(actor);
  const fitting = (await joiningQueries.offersFor(tx, need.siteId, need.category)).filter(
    (o) => o.member.id !== poster && offerFits(o.offer, need.category, need.startsAt, site.timeZone),
  );
  await deliver(
    tx,
    fitting.map((o) => ({
      memberId: o.member.id,
      siteId: need.siteId,
      kind: 'NEED_MATCHES_OFFER' as const,
      subject: `need:${need.id}`,
      // The inbox's fields (InboxDetail): the need, its title and when it starts.
      detail: { needId: need.id, needTitle: need.title, at: need.startsAt.toISOString() },
      dedupeKey: `need:${need.id}:offer`,
    })),
  );
}
