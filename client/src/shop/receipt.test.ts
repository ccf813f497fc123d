// The counter's rules: what the receipt prints (in the site's zone), when the goods may be handed
// over, a member's points still on their way, and the names of the log's days.
import { describe, expect, it } from 'vitest';
import { dayName, handOver, pendingPointsFor, receiptOf, receiptTime } from './receipt';

const redemption = {
  receiptNumber: '20261125-007',
  // 01:30 on 26 November in Shanghai, still the 25th in UTC.
  createdAt: '2026-11-25T17:30:00Z',
  totalPoints: 70,
  balanceAfter: 30,
  status: 'COMPLETED',
  member: { name: '张建国' },
  items: [
    { quantity: 2, points: 30, product: { name: '毛巾' } },
    { quantity: 1, points: 40, product: { name: '鸡蛋（一盒10个）' } },
  ],
};

describe('the receipt', () => {
  it('prints the site, the time in its zone, who, the lines, the points taken and left', () => {
    const r = receiptOf(redemption, {
      siteName: '三和村互助站',
      clerkName: '王小芳',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(r).toEqual({
      number: '20261125-007',
      siteName: '三和村互助站',
      when: '2026/11/26 01:30',
      memberName: '张建国',
      clerkName: '王小芳',
      lines: [
        { name: '毛巾', quantity: 2, points: 30 },
        { name: '鸡蛋（一盒10个）', quantity: 1, points: 40 },
      ],
      totalPoints: 70,
      balanceAfter: 30,
      cancelled: false,
    });
    expect(receiptOf({ ...redemption, status: 'CANCELLED' }, { ...at(), locale: 'en' }).cancelled).toBe(true);
  });
  it("writes the time in the site's zone, not the phone's", () => {
    expect(receiptTime(redemption.createdAt, 'zh-CN', 'UTC')).toBe('2026/11/25 17:30');
    expect(receiptTime(redemption.createdAt, 'en', 'Asia/Shanghai')).toBe('11/26/2026, 01:30');
  });
});

function at() {
  return { siteName: 'S', clerkName: 'C', locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
}

describe('handing the goods over', () => {
  it('is allowed only once the server applied the redemption', () => {
    expect(handOver({ status: 'done' }, true)).toBe('done');
    expect(handOver({ status: 'done' }, false)).toBe('done');
    expect(handOver({ status: 'pending' }, true)).toBe('sending');
    expect(handOver({ status: 'pending' }, false)).toBe('waiting');
    expect(handOver({ status: 'pending', error: 'NETWORK' }, true)).toBe('waiting');
    expect(handOver({ status: 'failed', error: 'INSUFFICIENT_BALANCE' }, true)).toBe('failed');
  });
  it("counts a member's points still on their way, and only theirs", () => {
    const actions = [
      { kind: 'redeem', status: 'pending', meta: { memberId: 'mem_3', total: 35 } },
      { kind: 'redeem', status: 'pending', meta: { memberId: 'mem_3', total: 15 } },
      { kind: 'redeem', status: 'done', meta: { memberId: 'mem_3', total: 100 } },
      { kind: 'redeem', status: 'pending', meta: { memberId: 'mem_4', total: 40 } },
      { kind: 'donate', status: 'pending', meta: { memberId: 'mem_3', total: 60 } },
    ];
    expect(pendingPointsFor(actions, 'mem_3')).toBe(50);
    expect(pendingPointsFor(actions, 'mem_5')).toBe(0);
  });
});

describe("the log's days", () => {
  it('names today and yesterday, and any other day by its date', () => {
    expect(dayName('2026-11-25', '2026-11-25', '2026-11-24')).toBe('today');
    expect(dayName('2026-11-24', '2026-11-25', '2026-11-24')).toBe('yesterday');
    expect(dayName('2026-11-20', '2026-11-25', '2026-11-24')).toBe('date');
  });
});
