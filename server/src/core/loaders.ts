// Per-request DataLoaders: a list's relations load in one query per kind, not one per row.
// Created fresh for each request so nothing is cached across viewers.
import DataLoader from 'dataloader';
import {
  ledgerQueries,
  memberQueries,
  needQueries,
  referralQueries,
  regionQueries,
  siteQueries,
  supermarketQueries,
  type AccountRow,
  type ClaimRow,
  type Database,
  type MemberRow,
  type MembershipRow,
  type NeedRow,
  type ProductRow,
  type ReferralEventRow,
  type ReferralRow,
  type RegionRow,
  type RedemptionItemRow,
  type SiteRow,
  type TransferRow,
} from '@huzhu/db';

/**
 * A DataLoader by id that also hands over a row the request already holds (loaded or primed)
 * without a promise: a list's relation resolvers (a visit's elder, a need's beneficiary) then
 * return the row itself, which the compiled execution completes on the spot instead of a
 * microtask per object.
 */
export class RowLoader<T extends { id: number }> extends DataLoader<number, T | undefined> {
  private readonly rows: Map<number, T>;

  constructor(fetch: (ids: readonly number[]) => Promise<T[]>) {
    const rows = new Map<number, T>();
    super(async (ids) => {
      const found = new Map((await fetch(ids)).map((r) => [r.id, r]));
      for (const [id, row] of found) if (!rows.has(id)) rows.set(id, row);
      return ids.map((id) => found.get(id));
    });
    this.rows = rows;
  }

  /** The row now when the request holds it, else its load. */
  get(id: number): T | Promise<T | undefined> {
    return this.rows.get(id) ?? this.load(id);
  }

  /** As get, for a row that must exist: without one, `missing` throws (NOT_FOUND). */
  must(id: number, missing: () => never): T | Promise<T> {
    return this.rows.get(id) ?? this.load(id).then((row) => row ?? missing());
  }

  override prime(id: number, value: T | undefined | PromiseLike<T | undefined> | Error): this {
    // DataLoader keeps what it already has; so does the map.
    if (value && typeof value === 'object' && 'id' in value && !this.rows.has(id)) this.rows.set(id, value);
    return super.prime(id, value);
  }

  override clear(id: number): this {
    this.rows.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.rows.clear();
    return super.clearAll();
  }
}

function byId<T extends { id: number }>(fetch: (ids: readonly number[]) => Promise<T[]>) {
  return new RowLoader<T>(fetch);
}

/** Rows by key, added to `into` (a fresh map by default). */
function groupRows<T, K>(rows: readonly T[], keyOf: (row: T) => K, into = new Map<K, T[]>()): Map<K, T[]> {
  for (const row of rows) {
    const k = keyOf(row);
    const list = into.get(k);
    if (list) list.push(row);
    else into.set(k, [row]);
  }
  return into;
}

function groupedBy<T, K extends number>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K) {
  return new DataLoader<K, T[]>(async (keys) => {
    const groups = groupRows(await fetch(keys), keyOf);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** The newest page of a member's transfers, as a list shows it. */
export interface TransfersPage {
  rows: TransferRow[];
  total: number;
}

export function createLoaders(db: Database) {
  const member = byId<MemberRow>((ids) => memberQueries.membersByIds(db, ids));
  // A member's own page asks for their balance and their newest transfers together. The transfers'
  // resolver says so (wantFirstTransfers) before it waits for the accounts, and the accounts'
  // batch, which goes out after both resolvers have run, then reads accounts and page in one
  // statement. Asked for alone, or after a cursor, each reads as before.
  const pagesWanted = new Map<number, number>();
  const pagesRead = new Map<number, TransfersPage & { limit: number }>();
  const accountsOfMember = new DataLoader<number, AccountRow[]>(async (ids) => {
    const byMember = new Map<number, AccountRow[]>();
    const apart: number[] = [];
    await Promise.all(
      ids.map(async (id) => {
        const limit = pagesWanted.get(id);
        pagesWanted.delete(id);
        if (limit === undefined) return apart.push(id);
        const found = await ledgerQueries.memberAccountsAndFirstTransfers(db, id, limit);
        pagesRead.set(id, { rows: found.rows, total: found.total, limit });
        if (found.accounts) byMember.set(id, found.accounts);
        else apart.push(id); // no transfers at all: no row carried the accounts
      }),
    );
    groupRows(await ledgerQueries.accountsOfMembers(db, apart), (a) => a.memberId!, byMember);
    return ids.map((id) => byMember.get(id) ?? []);
  });
  return {
    member,
    site: byId<SiteRow>((ids) => siteQueries.sitesByIds(db, ids)),
    need: byId<NeedRow>((ids) => needQueries.needsByIds(db, ids)),
    claim: byId<ClaimRow>((ids) => needQueries.claimsByIds(db, ids)),
    transfer: byId<TransferRow>((ids) => ledgerQueries.transfersByIds(db, ids)),
    account: byId<AccountRow>((ids) => ledgerQueries.accountsByIds(db, ids)),
    product: byId<ProductRow>((ids) => supermarketQueries.productsByIds(db, ids)),
    region: byId<RegionRow>((ids) => regionQueries.regionsByIds(db, [...ids])),
    /** The referral that closed a visit's follow-up, if one did. */
    referralOfVisit: new DataLoader<number, ReferralRow | undefined>(async (ids) => {
      const found = await referralQueries.referralsOfVisits(db, ids);
      return ids.map((id) => found.find((r) => r.visitId === id));
    }),
    stepsOfReferral: groupedBy<ReferralEventRow, number>(
      (ids) => referralQueries.eventsOf(db, ids),
      (e) => e.referralId,
    ),
    membershipsOf: groupedBy<MembershipRow, number>(
      (ids) => memberQueries.membershipsOfMany(db, ids),
      (m) => m.memberId,
    ),
    // Claims come with their volunteers (a list of claims shows who): one statement, and the
    // member loader already holds each volunteer when the Claim's resolver asks.
    claimsOfNeed: groupedBy<ClaimRow, number>(
      async (ids) => {
        const found = await needQueries.claimsWithVolunteers(db, ids);
        for (const { volunteer } of found) member.prime(volunteer.id, volunteer);
        return found.map((f) => f.claim);
      },
      (c) => c.needId,
    ),
    itemsOfRedemption: groupedBy<RedemptionItemRow, number>(
      (ids) => supermarketQueries.itemsByRedemptionIds(db, ids),
      (i) => i.redemptionId,
    ),
    /** Whether a ledger reversal already returned a redemption's points (then it cannot be cancelled). */
    redemptionReversed: new DataLoader<number, boolean>(async (ids) => {
      const reversed = new Set(await supermarketQueries.reversedRedemptionIds(db, ids));
      return ids.map((id) => reversed.has(id));
    }),
    accountsOfMember,
    /** Call before accountsOfMember.load: that load then brings this page too (firstTransfers). */
    wantFirstTransfers(memberId: number, limit: number): void {
      pagesWanted.set(memberId, Math.max(limit, pagesWanted.get(memberId) ?? 0));
    },
    /** The page read with the member's accounts, if it was; with more rows than asked, cut it. */
    firstTransfers(memberId: number, limit: number): TransfersPage | undefined {
      const page = pagesRead.get(memberId);
      return page && page.limit >= limit ? { rows: page.rows.slice(0, limit), total: page.total } : undefined;
    },
    /** Elders a volunteer is serving now: whose phone and address they may see. */
    eldersServedBy: new DataLoader<number, number[]>((ids) =>
      Promise.all(ids.map((id) => needQueries.beneficiariesInProgress(db, id))),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
