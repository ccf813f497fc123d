// Volunteer offers, on PGlite and on PostgreSQL: a volunteer says what they can do and when; the
// coordinator posting a need sees who fits it; a posted need that fits lands in their inbox.
import { inboxQueries, memberQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postNeed } from '../needs/needs.service';
import { actorFor, depsFor, outcome } from '../testing';
import { myOffer, offerFits, setOffer, volunteersFitting } from './offers.service';

// Tuesday 2030-01-08, 09:00 and 19:00 in Shanghai.
const TUESDAY_MORNING = new Date('2030-01-08T09:00:00+08:00');
const TUESDAY_EVENING = new Date('2030-01-08T19:00:00+08:00');
const SATURDAY_MORNING = new Date('2030-01-12T09:00:00+08:00');

describe.each(testEngines())('volunteer offers on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  const people = new Map<string, MemberRow>();
  const as = (name: string) => actorFor(handle.db, people.get(name)!);
  const deps = () => depsFor(handle.db);
  const fitting = async (category: 'MEALS' | 'BATHING', startsAt: Date) =>
    (await volunteersFitting(deps(), await as('李秀英'), { siteId: site, category, startsAt })).map((m) => m.name);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    site = (await seedDemo(handle.db)).siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: site }, 100)) people.set(m.name, m);
  });
  afterAll(() => handle.close());

  it('a volunteer sets their own; others cannot, and a bad weekday is refused', async () => {
    const chen = await as('陈志明');
    expect(await myOffer(deps(), chen, site)).toBeNull();
    const offer = await setOffer(deps(), chen, {
      siteId: site,
      categories: ['MEALS', 'MEALS', 'CLEANING'],
      weekdays: [4, 2],
      times: ['MORNING'],
    });
    expect([offer.categories, offer.weekdays, offer.times]).toEqual([['MEALS', 'CLEANING'], [2, 4], ['MORNING']]);
    expect((await myOffer(deps(), chen, site))?.categories).toEqual(['MEALS', 'CLEANING']);
    // Any day, any time.
    await setOffer(deps(), await as('张建国'), { siteId: site, categories: ['MEALS', 'BATHING'] });
    // The coordinator and the clerk are no volunteers; nobody logged in is nobody.
    for (const who of ['李秀英', '王小芳'])
      expect(await outcome(setOffer(deps(), await as(who), { siteId: site, categories: ['MEALS'] }))).toBe('FORBIDDEN');
    expect(await outcome(setOffer(deps(), null, { siteId: site, categories: ['MEALS'] }))).toBe('UNAUTHENTICATED');
    expect(await outcome(setOffer(deps(), chen, { siteId: site, categories: [], weekdays: [8] }))).toBe(
      'BAD_USER_INPUT input.weekdays',
    );
  });

  it("shows the coordinator who fits by category, weekday and time of day on the site's clock", async () => {
    expect(new Set(await fitting('MEALS', TUESDAY_MORNING))).toEqual(new Set(['张建国', '陈志明']));
    expect(await fitting('MEALS', TUESDAY_EVENING)).toEqual(['张建国']);
    expect(await fitting('MEALS', SATURDAY_MORNING)).toEqual(['张建国']);
    expect(await fitting('BATHING', TUESDAY_MORNING)).toEqual(['张建国']);
    expect(
      await outcome(
        volunteersFitting(deps(), await as('陈志明'), { siteId: site, category: 'MEALS', startsAt: TUESDAY_MORNING }),
      ),
    ).toBe('FORBIDDEN');
    // 08:00 Tuesday in Shanghai is Monday midnight UTC: the site's clock decides.
    expect(
      offerFits(
        { categories: ['MEALS'], weekdays: [2], times: ['MORNING'] },
        'MEALS',
        new Date('2030-01-08T00:30:00Z'),
        'Asia/Shanghai',
      ),
    ).toBe(true);
  });

  it('puts a posted need that fits in the inbox of those it fits, once, not the poster', async () => {
    const post = (startsAt: Date, key: string) =>
      as('李秀英').then((coordinator) =>
        postNeed(deps(), coordinator, {
          siteId: site,
          beneficiaryId: people.get('孙德福')!.id,
          title: '送午饭',
          category: 'MEALS',
          startsAt,
          estimatedMinutes: 30,
          idempotencyKey: key,
        }),
      );
    const inbox = async (name: string) =>
      (await inboxQueries.inboxPage(handle.db, people.get(name)!.id, 20))
        .filter((i) => i.kind === 'NEED_MATCHES_OFFER')
        .map((i) => [i.subject, (i.detail as { needTitle: string }).needTitle]);
    const morning = await post(TUESDAY_MORNING, 'offer-need-1');
    expect(await inbox('陈志明')).toEqual([[`need:${morning.id}`, '送午饭']]);
    expect(await inbox('张建国')).toEqual([[`need:${morning.id}`, '送午饭']]);
    const evening = await post(TUESDAY_EVENING, 'offer-need-2');
    expect(await inbox('陈志明')).toEqual([[`need:${morning.id}`, '送午饭']]);
    expect((await inbox('张建国')).map(([s]) => s)).toEqual([`need:${evening.id}`, `need:${morning.id}`]);
    // A retried post (same key) tells nobody twice; the coordinator and the elder hear nothing.
    await post(TUESDAY_MORNING, 'offer-need-1');
    expect(await inbox('陈志明')).toHaveLength(1);
    expect(await inbox('李秀英')).toEqual([]);
    expect(await inbox('黄淑珍')).toEqual([]);
  });
});
