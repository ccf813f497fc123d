// Recurring needs over HTTP, on each engine: a coordinator posts a weekday meal round and finds the
// next two weeks of it on the board, each a need of its own; a claimed day keeps its volunteer
// through a change "from this day on"; one day, then the rest, are called off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, startTestServer, targets, type Client, type TestServer } from './support/harness';
import { demo, type Demo } from './support/ops';

interface Occ {
  id: string;
  status: string;
  title: string;
  startsAt: string;
  series: { id: string; weekdays: number[]; timeOfDay: string } | null;
}
const OCC = 'id status title startsAt series { id weekdays timeOfDay }';
const POST = `mutation ($input: PostSeriesInput!) { postSeries(input: $input) { series { id endsOn } occurrences { ${OCC} } } }`;
const EDIT = `mutation ($id: ID!, $input: EditSeriesInput!, $scope: SeriesScope!) { editSeriesNeed(id: $id, input: $input, scope: $scope) { ${OCC} } }`;
const CANCEL = `mutation ($id: ID!, $scope: SeriesScope!) { cancelSeriesNeed(id: $id, reason: "老人去女儿家住", scope: $scope) { ${OCC} } }`;
const NEED = `query ($id: ID!) { need(id: $id) { ${OCC} claims { status } } }`;

/** The village is in Shanghai (UTC+8, no summer time): a start's local day and HH:MM. */
const local = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).split('T');
const shanghaiDay = (days: number) => local(new Date(Date.now() + days * 86_400_000).toISOString())[0]!;

describe.each(targets())('recurring needs on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;
  let occ: Occ[];

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator, 'zh');
    volunteer = await s.as(PHONES.volunteer);
  });
  afterAll(() => s?.close());

  const need = async (id: string) =>
    (await coordinator.ok<{ need: Occ & { claims: { status: string }[] } }>(NEED, { id })).need;

  it('posting a weekday round puts each weekday of the next two weeks on the board at 11:00', async () => {
    const posted = await coordinator.ok<{ postSeries: { occurrences: Occ[] } }>(POST, {
      input: {
        siteId: d.siteId,
        beneficiaryId: d.ids.elder,
        title: '给赵奶奶送午饭',
        category: 'MEALS',
        estimatedMinutes: 30,
        weekdays: [1, 2, 3, 4, 5],
        timeOfDay: '11:00',
        startsOn: shanghaiDay(1),
      },
    });
    occ = posted.postSeries.occurrences;
    // Thirteen days from tomorrow hold nine or ten weekdays, whatever today is.
    expect(occ.length).toBeGreaterThanOrEqual(9);
    expect(occ.length).toBeLessThanOrEqual(10);
    for (const o of occ) {
      expect(local(o.startsAt)[1]).toBe('11:00');
      expect(o.series).toMatchObject({ weekdays: [1, 2, 3, 4, 5], timeOfDay: '11:00' });
      const weekday = new Date(`${local(o.startsAt)[0]}T00:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(weekday);
    }
    // On the day's board like any need, and a volunteer claims one.
    const day = local(occ[0]!.startsAt)[0];
    const board = await volunteer.ok<{ needs: { edges: { node: Occ }[] } }>(
      `query ($s: ID!, $day: String) { needs(siteId: $s, day: $day) { edges { node { ${OCC} } } } }`,
      { s: d.siteId, day },
    );
    expect(board.needs.edges.map((e) => e.node.id)).toContain(occ[0]!.id);
    await volunteer.ok('mutation ($id: ID!) { claimNeed(needId: $id) { id } }', { id: occ[1]!.id });
  });

  it('a claimed day keeps its title; only its time or description may change, said in Chinese', async () => {
    const refused = await coordinator.fails(EDIT, { id: occ[1]!.id, input: { title: '送晚饭' }, scope: 'THIS_ONE' });
    expect(refused.extensions?.code).toBe('CONFLICT');
    expect(refused.message).toBe('已有志愿者认领，只能修改时间和说明');
    const moved = await coordinator.ok<{ editSeriesNeed: Occ }>(EDIT, {
      id: occ[1]!.id,
      input: { timeOfDay: '10:30' },
      scope: 'THIS_ONE',
    });
    expect(local(moved.editSeriesNeed.startsAt)[1]).toBe('10:30');
    expect(local((await need(occ[2]!.id)).startsAt)[1]).toBe('11:00');
  });

  it('"from this day on" changes the later days only, in a new series', async () => {
    await coordinator.ok(EDIT, {
      id: occ[3]!.id,
      input: { title: '送午饭（新菜单）', timeOfDay: '11:30' },
      scope: 'THIS_AND_FOLLOWING',
    });
    const earlier = await need(occ[2]!.id);
    const later = await need(occ[5]!.id);
    expect(earlier).toMatchObject({ title: '给赵奶奶送午饭' });
    expect(local(earlier.startsAt)[1]).toBe('11:00');
    expect(later).toMatchObject({ title: '送午饭（新菜单）', series: { timeOfDay: '11:30' } });
    expect(local(later.startsAt)[1]).toBe('11:30');
    expect(later.series!.id).not.toBe(earlier.series!.id);
  });

  it('one day, then the rest, are called off; the claimed earlier day stays', async () => {
    const one = await coordinator.ok<{ cancelSeriesNeed: Occ }>(CANCEL, { id: occ[0]!.id, scope: 'THIS_ONE' });
    expect(one.cancelSeriesNeed.status).toBe('CANCELLED');
    expect((await need(occ[2]!.id)).status).toBe('OPEN');
    await coordinator.ok(CANCEL, { id: occ[4]!.id, scope: 'THIS_AND_FOLLOWING' });
    for (const o of occ.slice(4)) expect((await need(o.id)).status).toBe('CANCELLED');
    expect((await need(occ[3]!.id)).status).toBe('OPEN');
    expect((await need(occ[1]!.id)).claims.map((c) => c.status)).toEqual(['CLAIMED']);
  });

  it('a series without days, or posted by a volunteer, is refused', async () => {
    const input = {
      siteId: d.siteId,
      beneficiaryId: d.ids.elder,
      title: '洗澡',
      category: 'BATHING',
      estimatedMinutes: 60,
      weekdays: [],
      timeOfDay: '15:00',
      startsOn: shanghaiDay(1),
    };
    const noDays = await coordinator.fails(POST, { input });
    expect(noDays.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noDays.message).toBe('请选择每周哪几天或每月哪几号重复');
    const byVolunteer = await volunteer.fails(POST, { input: { ...input, weekdays: [6] } });
    expect(byVolunteer.extensions?.code).toBe('FORBIDDEN');
  });
});
