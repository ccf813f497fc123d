// Per-request DataLoaders: a list's relations load in one query per kind, not one per row.
// Created fresh for each request (each loader when first asked for) so nothing is cached across
// viewers.
import DataLoader from 'dataloader';
import {
  familyQueries,
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

const NO_FAMILY_FIGURES: familyQueries.FamilyFigures = Object.freeze({
  giftMinutesOut: 0,
  giftMinutesIn: 0,
  carePoolDonations: 0,
  withdrawalMinutesIn: 0,
  withdrawalMinutesOwed: 0,
});

/** The newest page of a member's transfers, as a list shows it. */
export interface TransfersPage {
  rows: TransferRow[];
  total: number;
}

/**
 * A request's loaders, each made the first time the request asks for it: a request uses two or
 * three of the seventeen, and making them all cost as much CPU as a `{ __typename }` spends in
 * its own resolvers, plus the garbage (docs/perf.md).
 */
export class RequestLoaders {
  #member?: RowLoader<MemberRow>;
  #site?: RowLoader<SiteRow>;
  #need?: RowLoader<NeedRow>;
  #claim?: RowLoader<ClaimRow>;
  #transfer?: RowLoader<TransferRow>;
  #account?: RowLoader<AccountRow>;
  #product?: RowLoader<ProductRow>;
  #region?: RowLoader<RegionRow>;
  #referralOfVisit?: DataLoader<number, ReferralRow | undefined>;
  #stepsOfReferral?: DataLoader<number, ReferralEventRow[]>;
  #membershipsOf?: DataLoader<number, MembershipRow[]>;
  #claimsOfNeed?: DataLoader<number, ClaimRow[]>;
  #itemsOfRedemption?: DataLoader<number, RedemptionItemRow[]>;
  #redemptionReversed?: DataLoader<number, boolean>;
  #accountsOfMember?: DataLoader<number, AccountRow[]>;
  #eldersServedBy?: DataLoader<number, number[]>;
  #familyFigures?: DataLoader<string, familyQueries.FamilyFigures>;
  // A member's own page asks for their balance and their newest transfers together. The transfers'
  // resolver says so (wantFirstTransfers) before it waits for the accounts, and the accounts'
  // batch, which goes out after both resolvers have run, then reads accounts and page in one
  // statement. Asked for alone, or after a cursor, each reads as before.
  #pagesWanted?: Map<number, number>;
  #pagesRead?: Map<number, TransfersPage & { limit: number }>;

  /** `viewer`: the member the request acts as, already read (or kept): the member loader holds it from the start. */
  constructor(
    private readonly db: Database,
    private readonly viewer?: MemberRow,
  ) {}

  get member(): RowLoader<MemberRow> {
    if (this.#member) return this.#member;
    this.#member = byId((ids) => memberQueries.membersByIds(this.db, ids));
    if (this.viewer) this.#member.prime(this.viewer.id, this.viewer);
    return this.#member;
  }
  get site(): RowLoader<SiteRow> {
    return (this.#site ??= byId((ids) => siteQueries.sitesByIds(this.db, ids)));
  }
  get need(): RowLoader<NeedRow> {
    return (this.#need ??= byId((ids) => needQueries.needsByIds(this.db, ids)));
  }
  get claim(): RowLoader<ClaimRow> {
    return (this.#claim ??= byId((ids) => needQueries.claimsByIds(this.db, ids)));
  }
  get transfer(): RowLoader<TransferRow> {
    return (this.#transfer ??= byId((ids) => ledgerQueries.transfersByIds(this.db, ids)));
  }
  get account(): RowLoader<AccountRow> {
    return (this.#account ??= byId((ids) => ledgerQueries.accountsByIds(this.db, ids)));
  }
  get product(): RowLoader<ProductRow> {
    return (this.#product ??= byId((ids) => supermarketQueries.productsByIds(this.db, ids)));
  }
  get region(): RowLoader<RegionRow> {
    return (this.#region ??= byId((ids) => regionQueries.regionsByIds(this.db, [...ids])));
  }
  /** The referral that closed a visit's follow-up, if one did. */
  get referralOfVisit(): DataLoader<number, ReferralRow | undefined> {
    return (this.#referralOfVisit ??= new DataLoader(async (ids) => {
      const found = await referralQueries.referralsOfVisits(this.db, ids);
      return ids.map((id) => found.find((r) => r.visitId === id));
    }));
  }
  get stepsOfReferral(): DataLoader<number, ReferralEventRow[]> {
    return (this.#stepsOfReferral ??= groupedBy(
      (ids) => referralQueries.eventsOf(this.db, ids),
      (e) => e.referralId,
    ));
  }
  get membershipsOf(): DataLoader<number, MembershipRow[]> {
    return (this.#membershipsOf ??= groupedBy(
      (ids) => memberQueries.membershipsOfMany(this.db, ids),
      (m) => m.memberId,
    ));
  }
  // Claims come with their volunteers (a list of claims shows who): one statement, and the
  // member loader already holds each volunteer when the Claim's resolver asks.
  /**
   * A site's family figures for a month, keyed `YYYY-MM-01|siteId`: the all-sites report asks for
   * every site's, and one statement a month answers them all.
   */
  get familyFigures(): DataLoader<string, familyQueries.FamilyFigures> {
    return (this.#familyFigures ??= new DataLoader(async (keys) => {
      const byMonth = groupRows(
        keys.map((k) => k.split('|') as [string, string]),
        ([month]) => month,
      );
      const found = new Map<string, familyQueries.FamilyFigures>();
      for (const [month, sites] of byMonth) {
        const ids = sites.map(([, site]) => Number(site));
        for (const [site, figures] of await familyQueries.familyFigures(this.db, ids, month))
          found.set(`${month}|${site}`, figures);
      }
      // A site that is not there moved nothing: zeros, as the figures of a quiet month.
      return keys.map((k) => found.get(k) ?? NO_FAMILY_FIGURES);
    }));
  }
  get claimsOfNeed(): DataLoader<number, ClaimRow[]> {
    return (this.#claimsOfNeed ??= groupedBy(
      async (ids) => {
        const found = await needQueries.claimsWithVolunteers(this.db, ids);
        for (const { volunteer } of found) this.member.prime(volunteer.id, volunteer);
        return found.map((f) => f.claim);
      },
      (c) => c.needId,
    ));
  }
  get itemsOfRedemption(): DataLoader<number, RedemptionItemRow[]> {
    return (this.#itemsOfRedemption ??= groupedBy(
      (ids) => supermarketQueries.itemsByRedemptionIds(this.db, ids),
      (i) => i.redemptionId,
    ));
  }
  /** Whether a ledger reversal already returned a redemption's points (then it cannot be cancelled). */
  get redemptionReversed(): DataLoader<number, boolean> {
    return (this.#redemptionReversed ??= new DataLoader(async (ids) => {
      const reversed = new Set(await supermarketQueries.reversedRedemptionIds(this.db, ids));
      return ids.map((id) => reversed.has(id));
    }));
  }
  get accountsOfMember(): DataLoader<number, AccountRow[]> {
    return (this.#accountsOfMember ??= new DataLoader(async (ids) => {
      const byMember = new Map<number, AccountRow[]>();
      const apart: number[] = [];
      const wanted = this.#pagesWanted;
      await Promise.all(
        ids.map(async (id) => {
          const limit = wanted?.get(id);
          wanted?.delete(id);
          if (limit === undefined) return apart.push(id);
          const found = await ledgerQueries.memberAccountsAndFirstTransfers(this.db, id, limit);
          (this.#pagesRead ??= new Map()).set(id, { rows: found.rows, total: found.total, limit });
          if (found.accounts) byMember.set(id, found.accounts);
          else apart.push(id); // no transfers at all: no row carried the accounts
        }),
      );
      groupRows(await ledgerQueries.accountsOfMembers(this.db, apart), (a) => a.memberId!, byMember);
      return ids.map((id) => byMember.get(id) ?? []);
    }));
  }
  /** Call before accountsOfMember.load: that load then brings this page too (firstTransfers). */
  wantFirstTransfers(memberId: number, limit: number): void {
    const wanted = (this.#pagesWanted ??= new Map());
    wanted.set(memberId, Math.max(limit, wanted.get(memberId) ?? 0));
  }
  /** The page read with the member's accounts, if it was; with more rows than asked, cut it. */
  firstTransfers(memberId: number, limit: number): TransfersPage | undefined {
    const page = this.#pagesRead?.get(memberId);
    return page && page.limit >= limit ? { rows: page.rows.slice(0, limit), total: page.total } : undefined;
  }
  /** Elders a volunteer is serving now: whose phone and address they may see. */
  get eldersServedBy(): DataLoader<number, number[]> {
    return (this.#eldersServedBy ??= new DataLoader((ids) =>
      Promise.all(ids.map((id) => needQueries.beneficiariesInProgress(this.db, id))),
    ));
  }
}

export function createLoaders(db: Database, viewer?: MemberRow): RequestLoaders {
  return new RequestLoaders(db, viewer);
}

export type Loaders = RequestLoaders;
