// Goods and site settings over HTTP, on each engine: the coordinator reprices and retires goods
// (the shop stops showing them, the redemption that bought them still names them), a clerk sets a
// photo that the site's members fetch with their token and may cache, a picture of the wrong
// kind is refused in the reader's language, a new bathing rate pays only service confirmed
// after it, and a site that banks visits credits a volunteer's visit.
import { JPEG_32X24, PNG_16X16 } from '@huzhu/server/testing/photos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idemKey, PHONES, startTestServer, targets, type Client, type TestServer } from './support/harness';
import { balanceOf, claimUpTo, CONFIRM, demo, postNeed, products, redeem, transfersOf, type Demo } from './support/ops';
import { otherSite } from './support/sites';

const GOODS = `query ($s: ID!) { products(siteId: $s, includeRetired: true) { id name pointsPrice unit retired photoUrl } }`;
interface GoodsT {
  id: string;
  name: string;
  pointsPrice: number;
  unit: string | null;
  retired: boolean;
  photoUrl: string | null;
}
const SETTINGS = `query ($s: ID!) { siteSettings(siteId: $s) {
  site { pointsPerHour timeZone publicNotice } categoryRates { category pointsPerHour }
  staff { member { name } roles } } }`;
const UPDATE_SETTINGS = `mutation ($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) {
  site { pointsPerHour timeZone publicNotice } categoryRates { category pointsPerHour } } }`;

describe.each(targets())('goods and site settings on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client, clerk: Client, volunteer: Client;

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
    clerk = await s.as(PHONES.clerk);
    volunteer = await s.as(PHONES.volunteer);
  });
  afterAll(() => s?.close());

  const goods = async (as: Client = clerk) => (await as.ok<{ products: GoodsT[] }>(GOODS, { s: d.siteId })).products;

  it('reprices and retires goods: the shop stops showing them, their redemption still names them', async () => {
    const [towel] = (await goods()).filter((p) => p.name === '毛巾');
    const bought = await redeem(clerk, d.ids.volunteer, [{ productId: towel!.id, quantity: 1 }]);
    const edited = await coordinator.ok<{ updateProduct: GoodsT }>(
      'mutation ($id: ID!) { updateProduct(productId: $id, input: { pointsPrice: 25, unit: "条" }) { id name pointsPrice unit retired photoUrl } }',
      { id: towel!.id },
    );
    expect(edited.updateProduct).toMatchObject({ name: '毛巾', pointsPrice: 25, unit: '条', retired: false });
    await coordinator.ok('mutation ($id: ID!) { retireProduct(productId: $id) { id } }', { id: towel!.id });
    expect((await products(volunteer, d.siteId)).map((p) => p.name)).not.toContain('毛巾');
    expect((await goods()).at(-1)).toMatchObject({ name: '毛巾', retired: true });
    // The volunteer only sees goods on sale, and may not ask for the retired ones.
    const refused = await volunteer.fails(GOODS, { s: d.siteId });
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    const history = await volunteer.ok<{
      redemptions: { edges: { node: { id: string; totalPoints: number; items: { product: { name: string } }[] } }[] };
    }>('query ($s: ID!) { redemptions(siteId: $s) { edges { node { id totalPoints items { product { name } } } } } }', {
      s: d.siteId,
    });
    const mine = history.redemptions.edges.find((e) => e.node.id === bought.id)!.node;
    expect(mine).toEqual({ id: bought.id, totalPoints: 15, items: [{ product: { name: '毛巾' } }] });
    // Put back on sale, at the new price.
    await coordinator.ok('mutation ($id: ID!) { restoreProduct(productId: $id) { id } }', { id: towel!.id });
    const again = await redeem(clerk, d.ids.volunteer, [{ productId: towel!.id, quantity: 1 }]);
    expect(again.totalPoints).toBe(25);
  });

  it("serves a product's photo to the site's members only, cacheable, and refuses a PNG", async () => {
    const [soap] = await goods();
    const set = await clerk.ok<{ setProductPhoto: GoodsT }>(
      'mutation ($id: ID!, $p: String) { setProductPhoto(productId: $id, photo: $p) { photoUrl } }',
      { id: soap!.id, p: JPEG_32X24 },
    );
    const url = set.setProductPhoto.photoUrl!;
    expect(url).toMatch(/\/photos\/products\/prod_\d+\?v=\d+$/);
    const get = (token?: string, headers: Record<string, string> = {}) =>
      fetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

    const res = await get(volunteer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(JPEG_32X24, 'base64'))).toBe(true);
    const again = await get(volunteer.token, { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
    // An old URL (another version) is answered, but not kept.
    const old = await fetch(url.replace(/v=\d+/, 'v=1'), { headers: { authorization: `Bearer ${volunteer.token}` } });
    expect([old.status, old.headers.get('cache-control')]).toEqual([200, 'private, no-cache']);

    expect((await get()).status).toBe(401);
    await otherSite(s);
    const stranger = await s.as('13800000013');
    const hidden = await get(stranger.token);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');

    const png = await (
      await s.as(PHONES.clerk, 'zh')
    ).fails('mutation ($id: ID!, $p: String) { setProductPhoto(productId: $id, photo: $p) { id } }', {
      id: soap!.id,
      p: PNG_16X16,
    });
    expect(png.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photo' });
    expect(png.message).toBe('照片须是 JPEG 或 WebP 图片');
    // The refused upload left the earlier photo in place.
    expect((await get(volunteer.token)).status).toBe(200);
  });

  it('keeps settings for the coordinator: a new bathing rate pays only what is confirmed after it', async () => {
    const first = await coordinator.ok<{
      siteSettings: { site: object; categoryRates: unknown[]; staff: { member: { name: string }; roles: string[] }[] };
    }>(SETTINGS, { s: d.siteId });
    expect(first.siteSettings.site).toEqual({ pointsPerHour: 10, timeZone: 'Asia/Shanghai', publicNotice: false });
    expect(first.siteSettings.staff).toContainEqual({ member: { name: '王小芳' }, roles: ['CLERK'] });
    expect((await clerk.fails(SETTINGS, { s: d.siteId })).extensions?.code).toBe('FORBIDDEN');

    const badZone = await coordinator.fails(UPDATE_SETTINGS, { input: { siteId: d.siteId, timeZone: 'Beijing' } });
    expect(badZone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });

    const bath = { siteId: d.siteId, beneficiaryId: d.ids.elder, category: 'BATHING', estimatedMinutes: 60 };
    const waiting = await claimUpTo(volunteer, (await postNeed(coordinator, bath)).id, 'REPORTED', 60);
    const before = await balanceOf(volunteer, d.ids.volunteer);
    const changed = await coordinator.ok<{ updateSiteSettings: { categoryRates: unknown[] } }>(UPDATE_SETTINGS, {
      input: { siteId: d.siteId, categoryRates: [{ category: 'BATHING', pointsPerHour: 20 }], publicNotice: true },
    });
    expect(changed.updateSiteSettings).toEqual({
      site: { pointsPerHour: 10, timeZone: 'Asia/Shanghai', publicNotice: true },
      categoryRates: [{ category: 'BATHING', pointsPerHour: 20 }],
    });
    const confirmed = await coordinator.ok<{ confirmService: { pointsAwarded: number } }>(CONFIRM, {
      id: waiting.id,
      key: idemKey('confirm'),
    });
    expect(confirmed.confirmService.pointsAwarded).toBe(20);
    expect((await balanceOf(volunteer, d.ids.volunteer)).points).toBe(before.points + 20);
    // Other categories still earn the site's rate.
    const errand = await claimUpTo(
      volunteer,
      (await postNeed(coordinator, { ...bath, category: 'ERRAND' })).id,
      'REPORTED',
      60,
    );
    const paid = await coordinator.ok<{ confirmService: { pointsAwarded: number } }>(CONFIRM, {
      id: errand.id,
      key: idemKey('confirm'),
    });
    expect(paid.confirmService.pointsAwarded).toBe(10);
  });

  it('banks a volunteer’s visit once the coordinator says so: minutes and points, as a visit credit', async () => {
    const RECORD = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { minutes banked pointsAwarded } }`;
    const visit = (minutes: number | null) => ({
      elderId: d.ids.elder,
      visitedAt: new Date(Date.now() - 600_000).toISOString(),
      mode: 'PHONE',
      minutes,
      idempotencyKey: idemKey('visit'),
    });
    const off = await volunteer.ok<{ recordVisit: object }>(RECORD, { input: visit(30) });
    expect(off.recordVisit).toEqual({ minutes: 30, banked: false, pointsAwarded: 0 });
    const on = await coordinator.ok<{ updateSiteSettings: { site: { visitsBankTime: boolean } } }>(
      'mutation ($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { site { visitsBankTime } } }',
      { input: { siteId: d.siteId, visitsBankTime: true } },
    );
    expect(on.updateSiteSettings.site.visitsBankTime).toBe(true);
    // Everyone may see whether the site banks visits: the visit sheet asks the minutes then.
    const site = await volunteer.ok<{ site: { visitsBankTime: boolean } }>(
      'query ($id: ID!) { site(id: $id) { visitsBankTime } }',
      { id: d.siteId },
    );
    expect(site.site.visitsBankTime).toBe(true);
    const missing = await volunteer.fails(RECORD, { input: visit(null) });
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minutes' });
    expect(missing.message).toContain('探访用时');
    const before = await balanceOf(volunteer, d.ids.volunteer);
    const banked = await volunteer.ok<{ recordVisit: object }>(RECORD, { input: visit(30) });
    expect(banked.recordVisit).toEqual({ minutes: 30, banked: true, pointsAwarded: 5 });
    expect(await balanceOf(volunteer, d.ids.volunteer)).toEqual({
      minutes: before.minutes + 30,
      points: before.points + 5,
    });
    const credits = (await transfersOf(volunteer, d.ids.volunteer)).filter((t) => t.kind === 'VISIT_CREDIT');
    expect(credits.map((t) => [t.unit, t.amount]).sort()).toEqual([
      ['MINUTES', 30],
      ['POINTS', 5],
    ]);
  });
});
