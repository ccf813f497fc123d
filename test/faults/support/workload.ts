// The demo village set up over the API for the fault tests, and money-like requests sent the way
// a phone on a flaky link sends them: each with its own idempotency key, retried under that same
// key until an answer comes. What came back first is kept, so a later retry can be compared to it.
import { Client, PHONES, idemKey, login } from '../../api/support/harness';
import { CONFIRM, REDEEM, balanceOf, claimUpTo, postNeed, type Balance } from '../../api/support/ops';

export interface Volunteer {
  id: string;
  client: Client;
}

export interface Village {
  url: string;
  siteId: string;
  coordinator: Client;
  clerk: Client;
  volunteers: Volunteer[];
  /** 孙德福, an elder without a phone: beneficiary of every need posted here. */
  elderId: string;
  /** Goods at 1 point each, plenty in stock. */
  productIds: string[];
}

export const STOCK = 10_000;

/** Logs the demo village's staff and four volunteers in and stocks two cheap goods. */
export async function village(url: string): Promise<Village> {
  const as = async (phone: string) => new Client(url, await login(url, phone));
  const coordinator = await as(PHONES.coordinator);
  const me = await coordinator.ok<{ viewer: { site: { id: string } } }>('{ viewer { site { id } } }');
  const siteId = me.viewer.site.id;
  const list = await coordinator.ok<{ members: { edges: { node: { id: string; name: string; phone: string } }[] } }>(
    'query ($siteId: ID!) { members(siteId: $siteId, first: 100) { edges { node { id name phone } } } }',
    { siteId },
  );
  const idOf = (match: (n: { name: string; phone: string }) => boolean) => {
    const found = list.members.edges.find((e) => match(e.node));
    if (!found) throw new Error('demo member not found');
    return found.node.id;
  };
  const volunteerPhones = [PHONES.volunteer, PHONES.volunteer2, PHONES.volunteer3, PHONES.volunteerElder];
  const volunteers: Volunteer[] = [];
  for (const phone of volunteerPhones) volunteers.push({ id: idOf((n) => n.phone === phone), client: await as(phone) });
  const productIds: string[] = [];
  for (const name of ['故障测试肥皂', '故障测试毛巾']) {
    const added = await coordinator.ok<{ addProduct: { id: string } }>(
      'mutation ($input: AddProductInput!) { addProduct(input: $input) { id } }',
      { input: { siteId, name, pointsPrice: 1, stock: STOCK } },
    );
    productIds.push(added.addProduct.id);
  }
  return {
    url,
    siteId,
    coordinator,
    clerk: await as(PHONES.clerk),
    volunteers,
    elderId: idOf((n) => n.name === '孙德福'),
    productIds,
  };
}

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

export interface Reported {
  claimId: string;
  volunteerId: string;
  minutes: number;
}

/** Posts `count` needs and has the volunteers (in turn) claim, serve and report each. */
export async function reportedClaims(v: Village, count: number, minutes = 30): Promise<Reported[]> {
  return inParallel(Array.from({ length: count }), 6, async (_, i) => {
    const volunteer = v.volunteers[i % v.volunteers.length]!;
    const need = await postNeed(v.coordinator, {
      siteId: v.siteId,
      beneficiaryId: v.elderId,
      title: `故障测试 ${i + 1}`,
      estimatedMinutes: minutes,
    });
    const claim = await claimUpTo(volunteer.client, need.id, 'REPORTED', minutes);
    return { claimId: claim.id, volunteerId: volunteer.id, minutes };
  });
}

/** Gives every volunteer 100 points the way the village does: a confirmed 600-minute service each. */
export async function fund(v: Village): Promise<void> {
  const claims = await reportedClaims(v, v.volunteers.length, 600);
  for (const c of claims) await v.coordinator.ok(CONFIRM, { id: c.claimId, key: idemKey('fund') });
}

export async function balances(v: Village): Promise<Map<string, Balance>> {
  const map = new Map<string, Balance>();
  for (const vol of v.volunteers) map.set(vol.id, await balanceOf(v.coordinator, vol.id));
  return map;
}

// ---- keyed requests ----

export interface KeyedOp {
  kind: 'confirm' | 'redeem';
  key: string;
  /** Whose balance the request moves. */
  memberId: string;
  /** As whom, and what it sends (the coordinator confirms, the clerk redeems). */
  token: string | undefined;
  query: string;
  variables: Record<string, unknown>;
}

export function confirmOp(v: Village, claim: Reported): KeyedOp {
  const key = idemKey('fault-confirm');
  const variables = { id: claim.claimId, key };
  return { kind: 'confirm', key, memberId: claim.volunteerId, token: v.coordinator.token, query: CONFIRM, variables };
}

export function redeemOp(v: Village, memberId: string, productId: string): KeyedOp {
  const key = idemKey('fault-redeem');
  const input = { memberId, items: [{ productId, quantity: 1 }], idempotencyKey: key };
  return { kind: 'redeem', key, memberId, token: v.clerk.token, query: REDEEM, variables: { input } };
}

/** What a request's answer means, as a string two answers can be compared by. */
export interface Answer {
  /** e.g. `clm_1|CONFIRMED|30|5` or `red_1|COMPLETED|1|prod_2x1`. */
  summary: string;
  /** Minutes and points the answer says moved to (+) or from (-) the member. */
  minutes: number;
  points: number;
}

type Attempt = { answer: Answer } | { failure: string; retryable: boolean };

interface ClaimData {
  confirmService: { id: string; status: string; confirmedMinutes: number; pointsAwarded: number };
}
interface RedeemData {
  redeem: { id: string; status: string; totalPoints: number; items: { quantity: number; product: { id: string } }[] };
}

/** One attempt over HTTP, bounded in time. Transport errors, 5xx and internal errors may be retried. */
export async function sendOnce(url: string, op: KeyedOp, timeoutMs = 15_000): Promise<Attempt> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${op.token}` },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { failure: `transport: ${cause}`, retryable: true };
  }
  let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { failure: `HTTP ${status}, not JSON`, retryable: status >= 500 };
  }
  const error = body.errors?.[0];
  if (error || body.data == null) {
    const code = error?.extensions?.code ?? 'NO_DATA';
    const retryable = status >= 500 || status === 429 || code === 'INTERNAL_SERVER_ERROR';
    return { failure: `HTTP ${status} ${code}: ${error?.message ?? ''}`, retryable };
  }
  if (op.kind === 'confirm') {
    const c = (body.data as ClaimData).confirmService;
    const summary = `${c.id}|${c.status}|${c.confirmedMinutes}|${c.pointsAwarded}`;
    return { answer: { summary, minutes: c.confirmedMinutes, points: c.pointsAwarded } };
  }
  const r = (body.data as RedeemData).redeem;
  const items = r.items.map((i) => `${i.product.id}x${i.quantity}`).join(',');
  return { answer: { summary: `${r.id}|${r.status}|${r.totalPoints}|${items}`, minutes: 0, points: -r.totalPoints } };
}

export interface Outcome {
  op: KeyedOp;
  attempts: number;
  /** The first answer; undefined if none came before the deadline or the request was refused. */
  answer?: Answer;
  failures: string[];
}

/** Sends until an answer comes (same key every time), or a non-retryable refusal, or the deadline. */
export async function sendWithRetry(url: string, op: KeyedOp, deadline: number): Promise<Outcome> {
  const outcome: Outcome = { op, attempts: 0, failures: [] };
  let pause = 100;
  while (Date.now() < deadline) {
    outcome.attempts++;
    const attempt = await sendOnce(url, op, Math.max(1_000, deadline - Date.now()));
    if ('answer' in attempt) {
      outcome.answer = attempt.answer;
      return outcome;
    }
    outcome.failures.push(attempt.failure);
    if (!attempt.retryable) return outcome;
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
  }
  return outcome;
}

/** Each volunteer's balance after the answered requests, from their balance before: what should be. */
export function expectedBalances(before: Map<string, Balance>, outcomes: Outcome[]): Map<string, Balance> {
  const expected = new Map([...before].map(([id, b]) => [id, { ...b }]));
  for (const o of outcomes) {
    const b = expected.get(o.op.memberId);
    if (!b || !o.answer) continue;
    b.minutes += o.answer.minutes;
    b.points += o.answer.points;
  }
  return expected;
}
