// Per-request DataLoaders: a list's relations load in one query per kind, not one per row.
// Created fresh for each request so nothing is cached across viewers.
import DataLoader from 'dataloader';
import {
  ledgerQueries,
  memberQueries,
  needQueries,
  siteQueries,
  supermarketQueries,
  type AccountRow,
  type ClaimRow,
  type Database,
  type MemberRow,
  type MembershipRow,
  type NeedRow,
  type ProductRow,
  type RedemptionItemRow,
  type SiteRow,
  type TransferRow,
} from '@huzhu/db';

function byId<T extends { id: number }>(fetch: (ids: readonly number[]) => Promise<T[]>) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id));
  });
}

function groupedBy<T, K extends number>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K) {
  return new DataLoader<K, T[]>(async (keys) => {
    const groups = new Map<K, T[]>();
    for (const row of await fetch(keys)) {
      const k = keyOf(row);
      const list = groups.get(k);
      if (list) list.push(row);
      else groups.set(k, [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

export function createLoaders(db: Database) {
  const member = byId<MemberRow>((ids) => memberQueries.membersByIds(db, ids));
  return {
    member,
    site: byId<SiteRow>((ids) => siteQueries.sitesByIds(db, ids)),
    need: byId<NeedRow>((ids) => needQueries.needsByIds(db, ids)),
    claim: byId<ClaimRow>((ids) => needQueries.claimsByIds(db, ids)),
    transfer: byId<TransferRow>((ids) => ledgerQueries.transfersByIds(db, ids)),
    account: byId<AccountRow>((ids) => ledgerQueries.accountsByIds(db, ids)),
    product: byId<ProductRow>((ids) => supermarketQueries.productsByIds(db, ids)),
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
    accountsOfMember: groupedBy<AccountRow, number>(
      (ids) => ledgerQueries.accountsOfMembers(db, ids),
      (a) => a.memberId ?? 0,
    ),
    /** Elders a volunteer is serving now: whose phone and address they may see. */
    eldersServedBy: new DataLoader<number, number[]>((ids) =>
      Promise.all(ids.map((id) => needQueries.beneficiariesInProgress(db, id))),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
