// Editing a need and the chat text of the day's open needs over HTTP, on each engine: the
// coordinator moves a claimed need's start (the claimant is told), is refused any other change in
// the reader's language, and copies a text whose links open the need on this server.
import { inboxQueries } from '@huzhu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, startTestServer, targets, type Client, type TestServer } from './support/harness';
import { claimUpTo, demo, postNeed, type Demo } from './support/ops';

const EDIT = `mutation ($id: ID!, $input: EditNeedInput!) {
  editNeed(id: $id, input: $input) { id title startsAt description slots openSlots status }
}`;
const TEXT = 'query ($s: ID!, $d: String) { openNeedsText(siteId: $s, day: $d) }';
interface Edited {
  editNeed: { id: string; title: string; startsAt: string; description: string | null; slots: number };
}

describe.each(targets())('editing needs on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
  });
  afterAll(() => s?.close());

  it('changes every field of an unclaimed need', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    const at = new Date(Date.now() + 5 * 3_600_000).toISOString();
    const r = await coordinator.ok<Edited>(EDIT, {
      id: need.id,
      input: { title: '陪聊天和散步', slots: 2, startsAt: at, description: '天冷多穿点', beneficiaryId: d.ids.sun },
    });
    expect(r.editNeed).toMatchObject({ title: '陪聊天和散步', slots: 2, startsAt: at, description: '天冷多穿点' });
    // null clears the description; the other fields left out stay.
    const cleared = await coordinator.ok<Edited>(EDIT, { id: need.id, input: { description: null } });
    expect(cleared.editNeed).toMatchObject({ title: '陪聊天和散步', slots: 2, description: null });
  });

  it("a claimed need: the start moves, the claimant's inbox hears of it, anything else is refused in words", async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, slots: 2 });
    const volunteer = await s.as(PHONES.volunteer);
    await claimUpTo(volunteer, need.id, 'CLAIMED');
    const at = new Date(Date.now() + 26 * 3_600_000).toISOString();
    const r = await coordinator.ok<Edited>(EDIT, { id: need.id, input: { startsAt: at } });
    expect(r.editNeed.startsAt).toBe(at);
    // Again with the same start: harmless.
    expect((await coordinator.ok<Edited>(EDIT, { id: need.id, input: { startsAt: at } })).editNeed.startsAt).toBe(at);
    const inbox = await inboxQueries.inboxPage(s.running.handle.db, Number(d.ids.volunteer.replace('mem_', '')), 100);
    const about = inbox.filter((m) => m.subject === `need:${need.id.replace('need_', '')}`);
    expect(about.map((m) => m.kind)).toEqual(['NEED_CHANGED']);

    const zh = await coordinator.in('zh').fails(EDIT, { id: need.id, input: { title: '改名字' } });
    expect(zh.extensions?.code).toBe('CONFLICT');
    expect(zh.message).toBe(
      '已有志愿者认领，现在只能修改开始时间和说明，不能修改标题。如需改动更多，请取消后重新发布。',
    );
    const en = await coordinator.in('en').fails(EDIT, { id: need.id, input: { slots: 1 } });
    expect(en.message).toContain('only its start time and description can change now, not slots');
    // The volunteer may not edit it.
    expect((await volunteer.fails(EDIT, { id: need.id, input: { startsAt: at } })).extensions?.code).toBe('FORBIDDEN');
  });

  it("the day's text: open needs only, given names, slots left, links to this server's client", async () => {
    const day = '2031-05-06';
    const need = await postNeed(coordinator, {
      siteId: d.siteId,
      beneficiaryId: d.ids.elder,
      title: '送午饭',
      category: 'MEALS',
      slots: 2,
      startsAt: `${day}T11:30:00+08:00`,
    });
    const volunteer = await s.as(PHONES.volunteer);
    const zh = (await volunteer.in('zh').ok<{ openNeedsText: string }>(TEXT, { s: d.siteId, d: day })).openNeedsText;
    expect(zh).toContain(`1. 11:30 玉梅 助餐·送午饭，还差2人 ${s.url}/needs/${need.id}`);
    expect(zh).not.toContain('赵玉梅');
    expect(zh).not.toContain(PHONES.elder);
    const en = (await volunteer.in('en').ok<{ openNeedsText: string }>(TEXT, { s: d.siteId, d: day })).openNeedsText;
    expect(en).toContain(`1. 11:30 玉梅: Meals·送午饭, 2 helpers wanted ${s.url}/needs/${need.id}`);
    // Elders are served, not asked.
    const elder = await s.as(PHONES.elder);
    expect((await elder.fails(TEXT, { s: d.siteId })).extensions?.code).toBe('FORBIDDEN');
  });
});
