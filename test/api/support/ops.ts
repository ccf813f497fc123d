// The operations the system tests repeat: finding the demo village's people, posting a need,
// walking a claim through its life, reading balances. Each goes over HTTP like any client.
import { hoursFromNow, idemKey, PHONES, type Client, type TestServer } from './harness';

export interface Balance {
  minutes: number;
  points: number;
}

export interface ClaimT {
  id: string;
  status: string;
  reportedMinutes: number | null;
  confirmedMinutes: number | null;
  pointsAwarded: number | null;
}

export interface NeedT {
  id: string;
  status: string;
  openSlots: number;
  claims: { id: string; status: string }[];
}

export const CLAIM = 'id status reportedMinutes confirmedMinutes pointsAwarded';
export const NEED = 'id status openSlots claims { id status }';

export interface Demo {
  siteId: string;
  /** Member ids by demo phone (PHONES), plus elders without phones by name. */
  ids: Record<keyof typeof PHONES | 'sun' | 'zhou', string>;
}

/**
 * postNeed's variables: an errand for the demo village's elder that began a quarter of an hour ago
 * (so its volunteer may check in and report at once), with `extra` fields over it.
 */
export function needInput(d: Demo, extra: Record<string, unknown> = {}) {
  return {
    input: {
      siteId: d.siteId,
      beneficiaryId: d.ids.elder,
      title: '帮忙挑水',
      category: 'ERRAND',
      estimatedMinutes: 30,
      startsAt: hoursFromNow(-0.25),
      ...extra,
    },
  };
}

/** The demo village's site id and its people's ids, read as its coordinator. */
export async function demo(s: TestServer): Promise<Demo> {
  const coord = await s.as(PHONES.coordinator);
  const me = await coord.ok<{ viewer: { site: { id: string } } }>('{ viewer { site { id } } }');
  const siteId = me.viewer.site.id;
  const list = await coord.ok<{ members: { edges: { node: { id: string; name: string; phone: string | null } }[] } }>(
    'query ($siteId: ID!) { members(siteId: $siteId, first: 100) { edges { node { id name phone } } } }',
    { siteId },
  );
  const byPhone = new Map(list.members.edges.map((e) => [e.node.phone, e.node.id]));
  const byName = new Map(list.members.edges.map((e) => [e.node.name, e.node.id]));
  const ids = {} as Demo['ids'];
  for (const [role, phone] of Object.entries(PHONES)) {
    if (role === 'admin') continue;
    const id = byPhone.get(phone);
    if (!id) throw new Error(`demo member ${phone} not found`);
    ids[role as keyof typeof PHONES] = id;
  }
  const admin = await (await s.as(PHONES.admin)).ok<{ viewer: { id: string } }>('{ viewer { id } }');
  ids.admin = admin.viewer.id;
  ids.sun = byName.get('孙德福')!;
  ids.zhou = byName.get('周桂香')!;
  return { siteId, ids };
}

export const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { ${NEED} } }`;

export interface NeedInput {
  siteId: string;
  beneficiaryId: string;
  title?: string;
  category?: string;
  estimatedMinutes?: number;
  slots?: number;
  payer?: 'SITE' | 'BENEFICIARY';
  startsAt?: string;
}

/**
 * Posts a need, by default one that began a quarter of an hour ago: check-in opens 2 hours before
 * the start and a report waits for it, so a need walked through its claim at once has started.
 */
export async function postNeed(coordinator: Client, input: NeedInput): Promise<NeedT> {
  const data = await coordinator.ok<{ postNeed: NeedT }>(POST_NEED, {
    input: {
      title: '陪老人聊天',
      category: 'COMPANIONSHIP',
      estimatedMinutes: 60,
      slots: 1,
      startsAt: hoursFromNow(-0.25),
      ...input,
    },
  });
  return data.postNeed;
}

export const CLAIM_NEED = `mutation ($id: ID!) { claimNeed(needId: $id) { ${CLAIM} } }`;
export const CHECK_IN = `mutation ($id: ID!) { checkIn(claimId: $id) { ${CLAIM} } }`;
export const REPORT = `mutation ($id: ID!, $m: Int!, $note: String) { reportService(claimId: $id, minutes: $m, note: $note) { ${CLAIM} } }`;
export const CONFIRM = `mutation ($id: ID!, $m: Int, $key: String!) { confirmService(claimId: $id, minutes: $m, idempotencyKey: $key) { ${CLAIM} } }`;

/** Claims a need as `volunteer` and walks the claim up to `until`. */
export async function claimUpTo(
  volunteer: Client,
  needId: string,
  until: 'CLAIMED' | 'CHECKED_IN' | 'REPORTED',
  minutes = 60,
): Promise<ClaimT> {
  let claim = (await volunteer.ok<{ claimNeed: ClaimT }>(CLAIM_NEED, { id: needId })).claimNeed;
  if (until === 'CLAIMED') return claim;
  claim = (await volunteer.ok<{ checkIn: ClaimT }>(CHECK_IN, { id: claim.id })).checkIn;
  if (until === 'CHECKED_IN') return claim;
  return (await volunteer.ok<{ reportService: ClaimT }>(REPORT, { id: claim.id, m: minutes })).reportService;
}

/** Posts a need, has `volunteer` serve it and `coordinator` confirm it: minutes and points credited. */
export async function confirmedService(
  coordinator: Client,
  volunteer: Client,
  input: NeedInput,
  minutes = 60,
): Promise<ClaimT> {
  const need = await postNeed(coordinator, { ...input, estimatedMinutes: minutes });
  const claim = await claimUpTo(volunteer, need.id, 'REPORTED', minutes);
  return (await coordinator.ok<{ confirmService: ClaimT }>(CONFIRM, { id: claim.id, key: idemKey('confirm') }))
    .confirmService;
}

/** A member's balance, read as `reader` (the member, or staff of the member's site). */
export async function balanceOf(reader: Client, memberId: string): Promise<Balance> {
  const data = await reader.ok<{ member: { balance: Balance } }>(
    'query ($id: ID!) { member(id: $id) { balance { minutes points } } }',
    { id: memberId },
  );
  return data.member.balance;
}

export interface TransferT {
  id: string;
  unit: string;
  amount: number;
  kind: string;
}

/** A member's transfers, newest first. */
export async function transfersOf(reader: Client, memberId: string): Promise<TransferT[]> {
  const data = await reader.ok<{ member: { transfers: { edges: { node: TransferT }[] } } }>(
    'query ($id: ID!) { member(id: $id) { transfers(first: 100) { edges { node { id unit amount kind } } } } }',
    { id: memberId },
  );
  return data.member.transfers.edges.map((e) => e.node);
}

export interface ProductT {
  id: string;
  name: string;
  pointsPrice: number;
  stock: number;
}

export async function products(reader: Client, siteId: string): Promise<ProductT[]> {
  const data = await reader.ok<{ products: ProductT[] }>(
    'query ($siteId: ID!) { products(siteId: $siteId) { id name pointsPrice stock } }',
    { siteId },
  );
  return data.products;
}

export async function product(reader: Client, siteId: string, name: string): Promise<ProductT> {
  const found = (await products(reader, siteId)).find((p) => p.name === name);
  if (!found) throw new Error(`no product ${name} at ${siteId}`);
  return found;
}

export interface RedemptionT {
  id: string;
  status: string;
  totalPoints: number;
  items: { quantity: number; points: number; product: { id: string } }[];
}

export const REDEEM = `mutation ($input: RedeemInput!) { redeem(input: $input) { id status totalPoints items { quantity points product { id } } } }`;
export const CANCEL_REDEMPTION = `mutation ($id: ID!, $reason: String!) { cancelRedemption(id: $id, reason: $reason) { id status totalPoints items { quantity points product { id } } } }`;

export async function redeem(
  as: Client,
  memberId: string,
  items: { productId: string; quantity: number }[],
  key = idemKey('redeem'),
): Promise<RedemptionT> {
  return (await as.ok<{ redeem: RedemptionT }>(REDEEM, { input: { memberId, items, idempotencyKey: key } })).redeem;
}
