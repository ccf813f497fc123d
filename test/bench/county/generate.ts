// The county generator behind `pnpm bench:data`: sites in townships, their members (volunteers,
// elders with care categories, coordinators, clerks), needs and claims over the months, the
// ledger (service credits, redemptions, refunds, donations, reversals) and visits.
//
// It streams every table through COPY, one connection per table, with the session in
// `session_replication_role = replica` (foreign-key triggers off: the rows are built consistent
// instead). The ledger is simulated in time order, with the rules the API enforces: every
// transfer is double entry, a member's balance never goes below zero at any instant (redemptions,
// donations and beneficiary-paid service are refused when it would), idempotency keys are the ones
// the services derive, and each account's cached balance is written as the sum of its entries.
// `checkInvariants` runs at the end and its result is printed.
import { createHash } from 'node:crypto';
import { checkInvariants, hashPassword, openDb } from '@huzhu/db';
import { CopyWriter } from './copy-writer';
import { COUNTY, NEED_TITLES, PRODUCTS, personName, pick, townshipName, villageName } from './names';

export interface GenerateOptions {
  url: string;
  sites: number;
  members: number;
  months: number;
  seed?: number;
  /** Progress to stderr (default true). */
  progress?: boolean;
}

export interface GenerateResult {
  sites: number;
  members: number;
  needs: number;
  claims: number;
  transfers: number;
  redemptions: number;
  visits: number;
  seconds: number;
  invariantsHold: boolean;
}

/** Every generated member who can log in has this password (as the demo village's). */
export const BENCH_PASSWORD = 'huzhu2026';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const SHANGHAI = 8 * HOUR;
const CARE = [
  'LIVING_ALONE',
  'EMPTY_NEST',
  'LEFT_BEHIND',
  'EXTREME_POVERTY',
  'ADVANCED_AGE',
  'DISABLED',
  'SEVERE_DISABILITY',
  'BEREAVED_FAMILY',
] as const;
const CARE_WEIGHTS = [0.22, 0.22, 0.1, 0.06, 0.26, 0.08, 0.03, 0.03];
const CATEGORIES = Object.keys(NEED_TITLES);
const CATEGORY_WEIGHTS = [0.16, 0.06, 0.12, 0.1, 0.06, 0.02, 0.14, 0.1, 0.1, 0.05, 0.06, 0.03];
const CATEGORY_MINUTES: Record<string, [number, number]> = {
  MEALS: [30, 60],
  BATHING: [45, 90],
  CLEANING: [60, 180],
  MEDICAL_ESCORT: [120, 300],
  MOBILITY: [30, 90],
  EMERGENCY: [60, 240],
  COMPANIONSHIP: [30, 120],
  VISIT: [30, 60],
  ERRAND: [30, 90],
  REPAIR: [60, 180],
  FARM_WORK: [120, 300],
  OTHER: [30, 90],
};

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(weights: readonly number[], r: number): number {
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i]!;
    if (r < acc) return i;
  }
  return weights.length - 1;
}

// ---- the model ----

interface Member {
  id: number;
  siteId: number;
  care: string[];
}

interface SiteModel {
  id: number;
  pointsPerHour: number;
  rates: Map<string, number>;
  coordinators: number[];
  clerks: number[];
  volunteers: number[];
  elders: number[];
  due: number[];
  products: { id: number; name: string; price: number }[];
}

interface Tx {
  t: number;
  unit: 'MINUTES' | 'POINTS';
  amount: number;
  debit: number;
  credit: number;
  kind: string;
  siteId: number;
  key: string;
  memo: string | null;
  reverses: Tx | null;
  claimId: number | null;
  redemptionId: number | null;
  createdBy: number | null;
  id: number;
}

function requestHash(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** The start of month `index` months after (year, month0) in Asia/Shanghai, as UTC ms. */
function monthStart(year: number, month0: number, index: number): number {
  return Date.UTC(year, month0 + index, 1) - SHANGHAI;
}

export async function generate(o: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const rand = rng(o.seed ?? 20261125);
  const showProgress = o.progress ?? true;
  const handle = await openDb({ url: o.url, poolSize: 16 });
  try {
    const [{ n }] = (await handle.sql!`select count(*)::int as n from sites`) as unknown as [{ n: number }];
    if (n > 0) {
      throw new Error(
        `the database already holds ${n} sites: bench:data fills an empty database only (pass --reset to drop and recreate it)`,
      );
    }
    const passwordHash = await hashPassword(BENCH_PASSWORD);

    const W = {
      sites: new CopyWriter('sites', [
        'id',
        'name',
        'county',
        'township',
        'village',
        'time_zone',
        'points_per_hour',
        'points_expiry_months',
        'created_at',
      ]),
      rates: new CopyWriter('site_category_rates', ['site_id', 'category', 'points_per_hour']),
      members: new CopyWriter('members', [
        'id',
        'site_id',
        'name',
        'phone',
        'password_hash',
        'birth_year',
        'address',
        'care_categories',
        'created_at',
      ]),
      memberships: new CopyWriter('memberships', ['id', 'member_id', 'site_id', 'role', 'created_at']),
      accounts: new CopyWriter('accounts', ['id', 'owner', 'unit', 'member_id', 'site_id', 'balance', 'created_at']),
      products: new CopyWriter('products', [
        'id',
        'site_id',
        'name',
        'description',
        'points_price',
        'stock',
        'active',
        'created_at',
      ]),
      needs: new CopyWriter('needs', [
        'id',
        'site_id',
        'title',
        'description',
        'category',
        'beneficiary_id',
        'starts_at',
        'estimated_minutes',
        'slots',
        'payer',
        'status',
        'created_by',
        'created_at',
        'cancelled_at',
        'cancel_reason',
        'completed_at',
      ]),
      claims: new CopyWriter('claims', [
        'id',
        'need_id',
        'volunteer_id',
        'status',
        'claimed_at',
        'checked_in_at',
        'reported_at',
        'reported_minutes',
        'report_note',
        'settled_at',
        'settled_by',
        'confirmed_minutes',
        'points_awarded',
        'reject_reason',
        'confirm_key',
      ]),
      transfers: new CopyWriter('transfers', [
        'id',
        'unit',
        'amount',
        'debit_account_id',
        'credit_account_id',
        'kind',
        'site_id',
        'idempotency_key',
        'request_hash',
        'memo',
        'reverses_id',
        'claim_id',
        'redemption_id',
        'created_by',
        'created_at',
      ]),
      redemptions: new CopyWriter('redemptions', [
        'id',
        'site_id',
        'member_id',
        'total_points',
        'status',
        'idempotency_key',
        'request_hash',
        'created_by',
        'created_at',
        'cancelled_at',
        'cancelled_by',
        'cancel_reason',
      ]),
      items: new CopyWriter('redemption_items', ['redemption_id', 'product_id', 'quantity', 'points']),
      visits: new CopyWriter('visits', [
        'id',
        'site_id',
        'elder_id',
        'visitor_id',
        'visited_at',
        'note',
        'follow_up_needed',
        'created_at',
      ]),
    };
    const writers = Object.values(W);
    for (const w of writers) await w.open(handle);
    const flushAll = () => Promise.all(writers.map((w) => w.flush()));

    // ---- time ----
    const now = Date.now();
    const nowSh = new Date(now + SHANGHAI);
    const firstYear = nowSh.getUTCFullYear();
    const firstMonth0 = nowSh.getUTCMonth() - (o.months - 1);
    const start = monthStart(firstYear, firstMonth0, 0);
    const opened = new Date(start - 60 * DAY);

    // ---- accounts: site i owns 3(i-1)+1.. (pool minutes, pool points, supermarket); member j 2 after ----
    const memberCount = o.members + 1; // + the platform admin
    const accountCount = 3 * o.sites + 2 * memberCount;
    const balance = new Float64Array(accountCount + 1);
    const poolMinutes = (s: number) => 3 * (s - 1) + 1;
    const poolPoints = (s: number) => 3 * (s - 1) + 2;
    const market = (s: number) => 3 * (s - 1) + 3;
    const minutesOf = (m: number) => 3 * o.sites + 2 * (m - 1) + 1;
    const pointsOf = (m: number) => 3 * o.sites + 2 * (m - 1) + 2;

    // ---- sites, members, roles, products ----
    let membershipId = 0;
    let memberId = 0;
    let productId = 0;
    const stock = new Int32Array(o.sites * PRODUCTS.length + 1);
    const sites: SiteModel[] = [];
    const members: Member[] = [];
    const phoneOf = (id: number) => `1${3 + (id % 7)}${String(id).padStart(9, '0')}`;

    memberId++;
    W.members.push([memberId, null, '民政局管理员', '13900000000', passwordHash, 1980, null, [], opened]);
    W.memberships.push([++membershipId, memberId, null, 'ADMIN', opened]);
    members.push({ id: memberId, siteId: 0, care: [] });

    const villagesPerTownship = 20;
    for (let s = 1; s <= o.sites; s++) {
      const township = townshipName(Math.floor((s - 1) / villagesPerTownship));
      const village = villageName(s - 1);
      const pph = rand() < 0.7 ? 10 : rand() < 0.5 ? 12 : 15;
      W.sites.push([
        s,
        `${township}${village}互助养老服务站`,
        COUNTY,
        township,
        village,
        'Asia/Shanghai',
        pph,
        null,
        opened,
      ]);
      const rates = new Map<string, number>();
      rates.set('BATHING', 15);
      if (rand() < 0.5) rates.set('MEDICAL_ESCORT', 12);
      for (const [category, rate] of rates) W.rates.push([s, category, rate]);
      const site: SiteModel = {
        id: s,
        pointsPerHour: pph,
        rates,
        coordinators: [],
        clerks: [],
        volunteers: [],
        elders: [],
        due: [],
        products: [],
      };
      for (const [name, price] of PRODUCTS) {
        productId++;
        stock[productId] = 100_000;
        site.products.push({ id: productId, name, price });
      }
      const count = Math.floor(o.members / o.sites) + (s <= o.members % o.sites ? 1 : 0);
      for (let k = 0; k < count; k++) {
        memberId++;
        const roles: string[] =
          k < 2
            ? ['COORDINATOR']
            : k === 2
              ? ['CLERK']
              : (() => {
                  const r = rand();
                  return r < 0.4 ? ['VOLUNTEER'] : r < 0.48 ? ['VOLUNTEER', 'ELDER'] : ['ELDER'];
                })();
        const elder = roles.includes('ELDER');
        const care: string[] = [];
        if (elder && rand() < 0.6) {
          const wanted = 1 + Math.floor(rand() * 2.2);
          for (let c = 0; c < wanted; c++) {
            const cat = CARE[weighted(CARE_WEIGHTS, rand())]!;
            if (!care.includes(cat)) care.push(cat);
          }
        }
        const female = rand() < 0.55;
        const hasPhone = !elder || rand() < 0.4;
        const birthYear = elder ? 1930 + Math.floor(rand() * 32) : 1955 + Math.floor(rand() * 45);
        const created = new Date(opened.getTime() + Math.floor(rand() * 30 * DAY));
        W.members.push([
          memberId,
          s,
          personName(rand, female),
          hasPhone ? phoneOf(memberId) : null,
          hasPhone ? passwordHash : null,
          birthYear,
          `${village}${1 + Math.floor(rand() * 9)}组${1 + Math.floor(rand() * 40)}号`,
          care,
          created,
        ]);
        for (const role of roles) W.memberships.push([++membershipId, memberId, s, role, created]);
        members.push({ id: memberId, siteId: s, care });
        if (roles.includes('COORDINATOR')) site.coordinators.push(memberId);
        if (roles.includes('CLERK')) site.clerks.push(memberId);
        if (roles.includes('VOLUNTEER')) site.volunteers.push(memberId);
        if (elder) site.elders.push(memberId);
        if (care.length > 0) site.due.push(memberId);
      }
      // A site too small for the role mix still gets one of each, so every operation has an actor.
      if (site.volunteers.length === 0 || site.elders.length === 0) {
        throw new Error(`site ${s} has ${count} members: give at least 10 members per site`);
      }
      sites.push(site);
      if (s % 50 === 0) await flushAll();
    }

    // ---- the months ----
    let needId = 0;
    let claimId = 0;
    let redemptionId = 0;
    let visitId = 0;
    let transferId = 0;
    let keyCounter = 0;
    const totalUnits = o.months * o.sites;
    let doneUnits = 0;
    let lastDraw = 0;
    const draw = (force = false) => {
      if (!showProgress) return;
      const t = performance.now();
      if (!force && t - lastDraw < 250) return;
      lastDraw = t;
      const frac = doneUnits / totalUnits;
      const width = 30;
      const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
      const elapsed = (t - started) / 1000;
      const eta = frac > 0.02 ? Math.max(0, elapsed / frac - elapsed) : NaN;
      process.stderr.write(
        `\r[${bar}] ${(frac * 100).toFixed(0).padStart(3)}%  ${transferId.toLocaleString('en')} transfers  ${needId.toLocaleString('en')} needs  ${visitId.toLocaleString('en')} visits  ${elapsed.toFixed(0)} s${Number.isFinite(eta) ? `, ~${eta.toFixed(0)} s left` : ''}   `,
      );
    };

    for (let m = 0; m < o.months; m++) {
      const mStart = monthStart(firstYear, firstMonth0, m);
      const mEnd = monthStart(firstYear, firstMonth0, m + 1);
      const current = m === o.months - 1;
      const until = Math.min(mEnd, now) - MINUTE;
      const monthTx: Tx[] = [];

      for (const site of sites) {
        const events: { t: number; run: () => void }[] = [];
        const size = site.volunteers.length + site.elders.length;
        const tx = (t: number, r: Omit<Tx, 't' | 'id'>) => {
          if (r.debit >= 3 * o.sites + 1 && balance[r.debit]! < r.amount) throw new Error('negative member balance');
          balance[r.debit] = balance[r.debit]! - r.amount;
          balance[r.credit] = balance[r.credit]! + r.amount;
          const row: Tx = { ...r, t, id: 0 };
          monthTx.push(row);
          return row;
        };
        const coordinator = () => pick(site.coordinators, rand());
        const volunteerOtherThan = (taken: Set<number>) => {
          for (let tries = 0; tries < 20; tries++) {
            const v = pick(site.volunteers, rand());
            if (!taken.has(v)) return v;
          }
          return undefined;
        };

        // -- needs and their claims --
        const nNeeds = Math.max(1, Math.round(size * 0.15 * (0.8 + 0.4 * rand())));
        const extraFuture = current ? Math.max(2, Math.round(size * 0.06)) : 0;
        for (let i = 0; i < nNeeds + extraFuture; i++) {
          const future = i >= nNeeds;
          const category = CATEGORIES[weighted(CATEGORY_WEIGHTS, rand())]!;
          const [lo, hi] = CATEGORY_MINUTES[category]!;
          const est = Math.round((lo + rand() * (hi - lo)) / 10) * 10;
          let startsAt: number;
          if (future) startsAt = now + HOUR + rand() * 14 * DAY;
          else if (current) startsAt = mStart + rand() * Math.max(HOUR, now - mStart - 2 * HOUR);
          else startsAt = mStart + rand() * (mEnd - mStart - 3 * DAY);
          startsAt = Math.floor(startsAt / MINUTE) * MINUTE;
          const createdAt = Math.max(mStart - 5 * DAY, startsAt - (1 + rand() * 4) * DAY);
          const beneficiary = pick(site.elders, rand());
          const slots = rand() < 0.85 ? 1 : rand() < 0.8 ? 2 : 3;
          const title = pick(NEED_TITLES[category]!, rand());
          const postedBy = coordinator();
          const id = ++needId;
          const need = {
            id,
            status: 'OPEN',
            payer: slots === 1 && rand() < 0.05 ? 'BENEFICIARY' : 'SITE',
            cancelledAt: null as number | null,
            cancelReason: null as string | null,
            completedAt: null as number | null,
          };
          const claimRows: unknown[][] = [];
          const taken = new Set<number>([beneficiary]);
          if (!future && !current && rand() < 0.03) {
            need.status = 'CANCELLED';
            need.cancelledAt = createdAt + DAY;
            need.cancelReason = pick(['老人已住院', '家属已安排', '天气原因取消'], rand());
          } else {
            let inProgress = 0;
            let holding = 0;
            let confirmed = 0;
            let lastSettle = 0;
            const mkClaim = (volunteer: number, claimedAt: number, serveAt: number, forceServe: boolean) => {
              const cid = ++claimId;
              const reported = Math.max(10, est + Math.round((rand() - 0.5) * 6) * 5);
              const r = forceServe ? 1 : rand();
              const settleLimit = current ? Infinity : mEnd - MINUTE;
              const checkedIn = serveAt - 10 * MINUTE;
              const reportedAt = serveAt + reported * MINUTE;
              const settle = Math.min(reportedAt + (0.5 + rand() * 36) * HOUR, settleLimit);
              if (future || serveAt > now) {
                claimRows.push([
                  cid,
                  id,
                  volunteer,
                  'CLAIMED',
                  claimedAt,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                ]);
                inProgress++;
                holding++;
                return 'held';
              }
              if (r < 0.03) {
                const at = claimedAt + (1 + rand() * 10) * HOUR;
                claimRows.push([
                  cid,
                  id,
                  volunteer,
                  'WITHDRAWN',
                  claimedAt,
                  null,
                  null,
                  null,
                  null,
                  at,
                  volunteer,
                  null,
                  null,
                  null,
                  null,
                ]);
                return 'gone';
              }
              if (r < 0.06) {
                const at = serveAt + HOUR;
                claimRows.push([
                  cid,
                  id,
                  volunteer,
                  'NO_SHOW',
                  claimedAt,
                  null,
                  null,
                  null,
                  null,
                  at,
                  coordinator(),
                  null,
                  null,
                  null,
                  null,
                ]);
                return 'gone';
              }
              holding++;
              if (reportedAt > now) {
                const status = checkedIn <= now ? 'CHECKED_IN' : 'CLAIMED';
                claimRows.push([
                  cid,
                  id,
                  volunteer,
                  status,
                  claimedAt,
                  status === 'CHECKED_IN' ? checkedIn : null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                ]);
                inProgress++;
                return 'held';
              }
              if (settle > now) {
                claimRows.push([
                  cid,
                  id,
                  volunteer,
                  'REPORTED',
                  claimedAt,
                  checkedIn,
                  reportedAt,
                  reported,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                ]);
                inProgress++;
                return 'held';
              }
              const settledBy = coordinator();
              lastSettle = Math.max(lastSettle, settle);
              if (r < 0.09) {
                claimRows.push([
                  cid,
                  id,
                  volunteer,
                  'REJECTED',
                  claimedAt,
                  checkedIn,
                  reportedAt,
                  reported,
                  null,
                  settle,
                  settledBy,
                  null,
                  null,
                  '服务时长与实际不符',
                  null,
                ]);
                return 'held';
              }
              // Confirmed: the ledger moves at the moment of confirmation, in time order with the rest.
              confirmed++;
              const row: unknown[] = [
                cid,
                id,
                volunteer,
                'CONFIRMED',
                claimedAt,
                checkedIn,
                reportedAt,
                reported,
                rand() < 0.2 ? '老人很满意' : null,
                settle,
                settledBy,
                reported,
                0,
                null,
                `gen-confirm-${cid}`,
              ];
              claimRows.push(row);
              events.push({
                t: settle,
                run: () => {
                  let payer = poolMinutes(site.id);
                  if (need.payer === 'BENEFICIARY') {
                    if (balance[minutesOf(beneficiary)]! >= reported) payer = minutesOf(beneficiary);
                    else need.payer = 'SITE';
                  }
                  tx(settle, {
                    unit: 'MINUTES',
                    amount: reported,
                    debit: payer,
                    credit: minutesOf(volunteer),
                    kind: 'SERVICE_CREDIT',
                    siteId: site.id,
                    key: `claim:${cid}:minutes`,
                    memo: title,
                    reverses: null,
                    claimId: cid,
                    redemptionId: null,
                    createdBy: settledBy,
                  });
                  const points = Math.floor((reported * (site.rates.get(category) ?? site.pointsPerHour)) / 60);
                  row[12] = points;
                  if (points > 0) {
                    tx(settle, {
                      unit: 'POINTS',
                      amount: points,
                      debit: poolPoints(site.id),
                      credit: pointsOf(volunteer),
                      kind: 'SERVICE_CREDIT',
                      siteId: site.id,
                      key: `claim:${cid}:points`,
                      memo: title,
                      reverses: null,
                      claimId: cid,
                      redemptionId: null,
                      createdBy: settledBy,
                    });
                  }
                },
              });
              return 'held';
            };
            const claimWindow = Math.max(MINUTE, Math.min(startsAt, now) - createdAt);
            for (let slot = 0; slot < slots; slot++) {
              if (future && rand() < 0.6) continue; // future needs: some slots still free
              let volunteer = volunteerOtherThan(taken);
              if (volunteer === undefined) break;
              taken.add(volunteer);
              let outcome = mkClaim(volunteer, createdAt + rand() * claimWindow, startsAt, false);
              // A withdrawn or absent volunteer is replaced once, by one who serves.
              if (outcome === 'gone') {
                volunteer = volunteerOtherThan(taken);
                if (volunteer === undefined) continue;
                taken.add(volunteer);
                outcome = mkClaim(volunteer, createdAt + rand() * claimWindow, startsAt + 2 * HOUR, true);
              }
            }
            // Completed only with some service confirmed: a need all of whose claims were rejected waits, FILLED.
            need.status = holding < slots ? 'OPEN' : inProgress === 0 && confirmed > 0 ? 'COMPLETED' : 'FILLED';
            if (need.status === 'COMPLETED') need.completedAt = lastSettle;
            if (need.status === 'OPEN' && !future && !current) {
              // A past need that never filled: the coordinator called it off at the month's end.
              need.status = 'CANCELLED';
              need.cancelledAt = Math.max(lastSettle, startsAt) + MINUTE;
              need.cancelReason = '无人认领，已取消';
            }
          }
          // Written after the events ran: the payer may fall back to SITE.
          events.push({
            t: Number.POSITIVE_INFINITY,
            run: () => {
              W.needs.push([
                id,
                site.id,
                `${title}`,
                null,
                category,
                beneficiary,
                new Date(startsAt),
                est,
                slots,
                need.payer,
                need.status,
                postedBy,
                new Date(createdAt),
                need.cancelledAt === null ? null : new Date(need.cancelledAt),
                need.cancelReason,
                need.completedAt === null ? null : new Date(need.completedAt),
              ]);
              for (const c of claimRows)
                W.claims.push(
                  c.map((v, k) => (k >= 4 && typeof v === 'number' && [4, 5, 6, 9].includes(k) ? new Date(v) : v)),
                );
            },
          });
        }

        // -- redemptions at the points supermarket --
        const nRedeem = Math.round(size * 0.07 * (0.8 + 0.4 * rand()));
        for (let i = 0; i < nRedeem; i++) {
          const t = mStart + rand() * (until - mStart);
          if (t > until) continue;
          events.push({
            t,
            run: () => {
              const member = rand() < 0.85 ? pick(site.volunteers, rand()) : pick(site.elders, rand());
              let left = balance[pointsOf(member)]!;
              const lines: { productId: number; quantity: number; points: number; name: string }[] = [];
              const wanted = 1 + Math.floor(rand() * 3);
              for (let k = 0; k < wanted; k++) {
                const p = pick(site.products, rand());
                if (lines.some((l) => l.productId === p.id)) continue;
                const quantity = rand() < 0.8 ? 1 : 2;
                if (p.price * quantity > left || stock[p.id]! < quantity) continue;
                left -= p.price * quantity;
                lines.push({ productId: p.id, quantity, points: p.price * quantity, name: p.name });
              }
              if (lines.length === 0) return;
              const rid = ++redemptionId;
              const total = lines.reduce((a, l) => a + l.points, 0);
              const by = rand() < 0.7 ? pick(site.clerks, rand()) : member;
              for (const l of lines) {
                stock[l.productId] = stock[l.productId]! - l.quantity;
                W.items.push([rid, l.productId, l.quantity, l.points]);
              }
              const hash = requestHash(
                [...lines].sort((a, b) => a.productId - b.productId).map((l) => [l.productId, l.quantity]),
              );
              tx(t, {
                unit: 'POINTS',
                amount: total,
                debit: pointsOf(member),
                credit: market(site.id),
                kind: 'REDEMPTION',
                siteId: site.id,
                key: `redemption:${rid}:debit`,
                memo: lines
                  .map((l) => `${l.name}×${l.quantity}`)
                  .join('、')
                  .slice(0, 200),
                reverses: null,
                claimId: null,
                redemptionId: rid,
                createdBy: by,
              });
              const cancelAt = t + (2 + rand() * 48) * HOUR;
              const row: unknown[] = [
                rid,
                site.id,
                member,
                total,
                'COMPLETED',
                `redeem:${member}:gen-${rid}`,
                hash,
                by,
                new Date(t),
                null,
                null,
                null,
              ];
              if (rand() < 0.03 && cancelAt < until) {
                const clerk = pick(site.clerks, rand());
                row[4] = 'CANCELLED';
                row[9] = new Date(cancelAt);
                row[10] = clerk;
                row[11] = '商品有质量问题，退回积分';
                events.push({
                  t: cancelAt,
                  run: () => {
                    for (const l of lines) stock[l.productId] = stock[l.productId]! + l.quantity;
                    tx(cancelAt, {
                      unit: 'POINTS',
                      amount: total,
                      debit: market(site.id),
                      credit: pointsOf(member),
                      kind: 'REFUND',
                      siteId: site.id,
                      key: `redemption:${rid}:refund`,
                      memo: '商品有质量问题，退回积分',
                      reverses: null,
                      claimId: null,
                      redemptionId: rid,
                      createdBy: clerk,
                    });
                  },
                });
              }
              W.redemptions.push(row);
            },
          });
        }

        // -- donations of banked minutes (转赠), a few reversed --
        const nDonate = Math.round(size * 0.025 * (0.8 + 0.4 * rand()));
        for (let i = 0; i < nDonate; i++) {
          const t = mStart + rand() * (until - mStart);
          if (t > until) continue;
          events.push({
            t,
            run: () => {
              const donor = pick(site.volunteers, rand());
              const held = balance[minutesOf(donor)]!;
              if (held < 60) return;
              const amount = Math.min(held, 30 + Math.floor(rand() * 22) * 10);
              let receiver = pick(site.elders, rand());
              if (receiver === donor) receiver = pick(site.volunteers, rand());
              if (receiver === donor) return;
              const donation = tx(t, {
                unit: 'MINUTES',
                amount,
                debit: minutesOf(donor),
                credit: minutesOf(receiver),
                kind: 'DONATION',
                siteId: site.id,
                key: `donate:${donor}:gen-${++keyCounter}`,
                memo: rand() < 0.5 ? '转赠给家人' : null,
                reverses: null,
                claimId: null,
                redemptionId: null,
                createdBy: donor,
              });
              if (rand() < 0.01) {
                tx(t + MINUTE, {
                  unit: 'MINUTES',
                  amount,
                  debit: minutesOf(receiver),
                  credit: minutesOf(donor),
                  kind: 'REVERSAL',
                  siteId: site.id,
                  key: `reverse:gen-${++keyCounter}`,
                  memo: '转赠对象填错，冲正',
                  reverses: donation,
                  claimId: null,
                  redemptionId: null,
                  createdBy: coordinator(),
                });
              }
            },
          });
        }

        events.sort((a, b) => a.t - b.t);
        for (const e of events) e.run();

        // -- visits to the elders due one --
        for (const elder of site.due) {
          if (rand() > (current ? 0.6 : 0.9)) continue;
          const times = rand() < 0.8 ? 1 : 2;
          for (let k = 0; k < times; k++) {
            const at = mStart + rand() * (until - mStart);
            let visitor = rand() < 0.5 ? coordinator() : pick(site.volunteers, rand());
            if (visitor === elder) visitor = coordinator();
            W.visits.push([
              ++visitId,
              site.id,
              elder,
              visitor,
              new Date(at),
              rand() < 0.3 ? pick(['身体状况良好', '血压偏高，已提醒按时服药', '家中缺米，已联系协会'], rand()) : null,
              rand() < 0.05,
              new Date(Math.min(now, at + rand() * 2 * HOUR)),
            ]);
          }
        }
        doneUnits++;
        draw();
        await flushAll();
      }

      // The month's transfers in time order across sites: ids rise with time, as the API's do.
      monthTx.sort((a, b) => a.t - b.t);
      for (const t of monthTx) t.id = ++transferId;
      for (const t of monthTx) {
        W.transfers.push([
          t.id,
          t.unit,
          t.amount,
          t.debit,
          t.credit,
          t.kind,
          t.siteId,
          t.key,
          requestHash([t.unit, t.amount, t.debit, t.credit, t.kind, t.reverses?.id ?? null]),
          t.memo,
          t.reverses?.id ?? null,
          t.claimId,
          t.redemptionId,
          t.createdBy,
          new Date(t.t),
        ]);
      }
      await flushAll();
    }

    // ---- accounts with their final balances, products with their stock ----
    for (const site of sites) {
      const s = site.id;
      W.accounts.push([poolMinutes(s), 'SITE_POOL', 'MINUTES', null, s, balance[poolMinutes(s)], opened]);
      W.accounts.push([poolPoints(s), 'SITE_POOL', 'POINTS', null, s, balance[poolPoints(s)], opened]);
      W.accounts.push([market(s), 'SUPERMARKET', 'POINTS', null, s, balance[market(s)], opened]);
      for (const p of site.products) W.products.push([p.id, s, p.name, null, p.price, stock[p.id], true, opened]);
    }
    for (const m of members) {
      W.accounts.push([minutesOf(m.id), 'MEMBER', 'MINUTES', m.id, null, balance[minutesOf(m.id)], opened]);
      W.accounts.push([pointsOf(m.id), 'MEMBER', 'POINTS', m.id, null, balance[pointsOf(m.id)], opened]);
      if (m.id % 20_000 === 0) await flushAll();
    }
    draw(true);
    if (showProgress) process.stderr.write('\n  committing the COPY streams...\n');
    for (const w of writers) await w.close();

    // COPY wrote the identity columns itself: move each sequence past the rows.
    for (const table of [
      'sites',
      'members',
      'memberships',
      'accounts',
      'products',
      'needs',
      'claims',
      'transfers',
      'redemptions',
      'visits',
    ]) {
      await handle.sql!.unsafe(
        `select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`,
      );
    }
    if (showProgress) process.stderr.write('  the monthly figures...\n');
    // The COPY sessions ran without triggers: the kept monthly figures are set from the rows.
    await handle.sql!.unsafe('select huzhu_rebuild_site_months()');
    if (showProgress) process.stderr.write('  vacuum analyze...\n');
    // As autovacuum would have by now: statistics, and the visibility map index-only scans need.
    await handle.sql!.unsafe('vacuum analyze');
    if (showProgress) process.stderr.write('  checking the ledger invariants...\n');
    const results = await checkInvariants(handle.db);
    for (const r of results) {
      console.log(`  ${r.holds ? 'HOLDS' : 'FAILS'}  ${r.name}: ${r.description}`);
      for (const v of r.violations.slice(0, 5)) console.log(`         ${JSON.stringify(v)}`);
    }
    return {
      sites: o.sites,
      members: memberId,
      needs: needId,
      claims: claimId,
      transfers: transferId,
      redemptions: redemptionId,
      visits: visitId,
      seconds: (performance.now() - started) / 1000,
      invariantsHold: results.every((r) => r.holds),
    };
  } finally {
    await handle.close();
  }
}
