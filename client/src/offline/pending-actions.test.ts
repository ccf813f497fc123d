// The money-like retry queue: same idempotency key on every retry and after a reload, link failures
// retried, server answers final, and a simulated server never applies an action twice.
import { describe, expect, it, vi } from 'vitest';
import {
  PendingActionQueue,
  defaultBackoff,
  type PendingAction,
  type SendOutcome,
  type StorageLike,
} from './pending-actions';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** A fake time source where scheduled retries run when the test says so. */
function manualTimers() {
  const queue: { fn: () => void; ms: number }[] = [];
  return {
    schedule: (fn: () => void, ms: number) => {
      const item = { fn, ms };
      queue.push(item);
      return () => void queue.splice(queue.indexOf(item), 1);
    },
    pending: () => queue.length,
    delays: () => queue.map((q) => q.ms),
    runAll: () => queue.splice(0).forEach((q) => q.fn()),
  };
}

let counter = 0;
const newKey = () => `key-${++counter}`;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PendingActionQueue', () => {
  it('sends the action once with its key and marks it done', async () => {
    const send = vi.fn(async (_action: PendingAction): Promise<SendOutcome> => ({ ok: true, result: { id: 'tr_1' } }));
    const q = new PendingActionQueue({ storage: memoryStorage(), send, newKey });
    const a = q.add('donate', 'mem_3', (key) => ({ toMemberId: 'mem_6', minutes: 30, idempotencyKey: key }));
    expect(a.status).toBe('pending');
    const done = await q.settled(a.id);
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ id: 'tr_1' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toMatchObject({ variables: { idempotencyKey: a.id } });
  });

  it('retries link failures with the SAME key, backing off', async () => {
    const timers = manualTimers();
    const keys: unknown[] = [];
    let calls = 0;
    const send = async (action: PendingAction): Promise<SendOutcome> => {
      keys.push((action.variables['input'] as Record<string, unknown>)['idempotencyKey']);
      calls += 1;
      return calls < 3 ? { ok: false, retryable: true, error: 'NETWORK' } : { ok: true };
    };
    const q = new PendingActionQueue({ storage: memoryStorage(), send, newKey, schedule: timers.schedule });
    const a = q.add('redeem', 'mem_3', (key) => ({ input: { memberId: 'mem_3', items: [], idempotencyKey: key } }));
    await flush();
    expect(q.get(a.id)).toMatchObject({ status: 'pending', attempts: 1, error: 'NETWORK' });
    expect(timers.delays()).toEqual([defaultBackoff(1)]);
    timers.runAll();
    await flush();
    expect(timers.delays()).toEqual([defaultBackoff(2)]);
    timers.runAll();
    await flush();
    expect(q.get(a.id)).toMatchObject({ status: 'done', attempts: 3 });
    expect(new Set(keys)).toEqual(new Set([a.id]));
    expect(keys).toHaveLength(3);
  });

  it('treats an answer from the server as final: no retry', async () => {
    const timers = manualTimers();
    const send = vi.fn(async (): Promise<SendOutcome> => ({
      ok: false,
      retryable: false,
      error: 'INSUFFICIENT_BALANCE',
      message: '余额不足',
    }));
    const q = new PendingActionQueue({ storage: memoryStorage(), send, newKey, schedule: timers.schedule });
    const a = q.add('donate', 'mem_3', (key) => ({ idempotencyKey: key }));
    const settled = await q.settled(a.id);
    expect(settled).toMatchObject({ status: 'failed', error: 'INSUFFICIENT_BALANCE', errorMessage: '余额不足' });
    expect(timers.pending()).toBe(0);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('survives a reload: the stored action is resumed with the same key', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const offline = async (): Promise<SendOutcome> => ({ ok: false, retryable: true, error: 'NETWORK' });
    const first = new PendingActionQueue({ storage, send: offline, newKey, schedule: timers.schedule });
    const a = first.add('confirm', 'mem_1', (key) => ({ claimId: 'claim_2', idempotencyKey: key }), {
      volunteer: '张建国',
    });
    await flush();
    first.stop();

    const sent: PendingAction[] = [];
    const second = new PendingActionQueue({
      storage,
      newKey,
      send: async (action) => (sent.push(action), { ok: true }),
    });
    expect(second.list()).toHaveLength(1);
    second.resume('mem_1');
    const done = await second.settled(a.id);
    expect(done.status).toBe('done');
    expect(sent[0]?.variables).toEqual({ claimId: 'claim_2', idempotencyKey: a.id });
    expect(sent[0]?.meta).toEqual({ volunteer: '张建国' });
  });

  it("does not replay another user's action on a shared device", async () => {
    const storage = memoryStorage();
    const pendingForever = new PendingActionQueue({
      storage,
      newKey,
      send: async () => ({ ok: false, retryable: true, error: 'NETWORK' }),
      schedule: manualTimers().schedule,
    });
    pendingForever.add('donate', 'mem_3', (key) => ({ idempotencyKey: key }));
    await flush();
    const send = vi.fn(async (): Promise<SendOutcome> => ({ ok: true }));
    const other = new PendingActionQueue({ storage, send, newKey });
    other.resume('mem_5');
    await flush();
    expect(send).not.toHaveBeenCalled();
  });

  it('never sends the same action twice at once', async () => {
    let release: (o: SendOutcome) => void = () => {};
    const send = vi.fn(() => new Promise<SendOutcome>((r) => (release = r)));
    const q = new PendingActionQueue({ storage: memoryStorage(), send, newKey });
    const a = q.add('donate', 'mem_3', (key) => ({ idempotencyKey: key }));
    q.resume('mem_3');
    q.resume('mem_3');
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    release({ ok: true });
    expect((await q.settled(a.id)).status).toBe('done');
  });

  it('applies exactly once against a server that loses responses', async () => {
    // The fake server applies by idempotency key, like the real one; the link drops every other response.
    const applied = new Map<string, number>();
    let balance = 100;
    let n = 0;
    const timers = manualTimers();
    const send = async (action: PendingAction): Promise<SendOutcome> => {
      const key = action.variables['idempotencyKey'] as string;
      if (!applied.has(key)) {
        balance -= action.variables['minutes'] as number;
        applied.set(key, balance);
      }
      n += 1;
      if (n % 2 === 1) throw new TypeError('Failed to fetch'); // applied, but the answer was lost
      return { ok: true, result: applied.get(key) };
    };
    const q = new PendingActionQueue({ storage: memoryStorage(), send, newKey, schedule: timers.schedule });
    const a = q.add('donate', 'mem_3', (key) => ({ minutes: 30, idempotencyKey: key }));
    const b = q.add('donate', 'mem_3', (key) => ({ minutes: 20, idempotencyKey: key }));
    for (let i = 0; i < 5; i++) {
      await flush();
      timers.runAll();
    }
    await flush();
    expect(q.get(a.id)?.status).toBe('done');
    expect(q.get(b.id)?.status).toBe('done');
    expect(balance).toBe(50);
    expect(applied.size).toBe(2);
  });

  it('drops old settled actions and ignores corrupt storage', () => {
    const storage = memoryStorage();
    const now = 10 * 24 * 3600_000;
    const old: Partial<PendingAction> = { id: 'a', status: 'done', settledAt: now - 2 * 24 * 3600_000 };
    const recent: Partial<PendingAction> = { id: 'b', status: 'done', settledAt: now - 1000 };
    const pending: Partial<PendingAction> = { id: 'c', status: 'pending', createdAt: 0 };
    storage.setItem('huzhu.pendingActions', JSON.stringify([old, recent, pending]));
    const q = new PendingActionQueue({ storage, newKey, now: () => now, send: async () => ({ ok: true }) });
    expect(q.list().map((a) => a.id)).toEqual(['b', 'c']);
    q.dismiss('b');
    q.dismiss('c'); // pending actions cannot be dismissed
    expect(q.list().map((a) => a.id)).toEqual(['c']);

    storage.setItem('huzhu.pendingActions', '{not json');
    expect(new PendingActionQueue({ storage, newKey, send: async () => ({ ok: true }) }).list()).toEqual([]);
  });
});

describe('PendingActionQueue: posting a need and recording a visit offline', () => {
  const need = (key: string) => ({
    input: { siteId: 'site_1', beneficiaryId: 'mem_7', title: '送午饭', category: 'MEALS', idempotencyKey: key },
  });
  const visit = (key: string) => ({
    input: { elderId: 'mem_7', visitedAt: '2026-05-03T02:00:00.000Z', note: '身体不错', idempotencyKey: key },
  });

  it('tells after the first try that an action is kept, waiting for the link', async () => {
    const timers = manualTimers();
    const q = new PendingActionQueue({
      storage: memoryStorage(),
      newKey,
      schedule: timers.schedule,
      send: async () => ({ ok: false, retryable: true, error: 'NETWORK' }),
    });
    const a = q.add('postNeed', 'mem_1', need, { title: '送午饭', name: '赵玉梅' });
    const first = await q.firstTry(a.id);
    expect(first).toMatchObject({ status: 'pending', error: 'NETWORK', attempts: 1, kind: 'postNeed' });
    expect(timers.pending()).toBe(1); // it will be tried again
  });

  it('tells after the first try that an action is done, or refused for good', async () => {
    const ok = new PendingActionQueue({ storage: memoryStorage(), newKey, send: async () => ({ ok: true }) });
    expect((await ok.firstTry(ok.add('recordVisit', 'mem_1', visit).id)).status).toBe('done');
    const refused = new PendingActionQueue({
      storage: memoryStorage(),
      newKey,
      send: async () => ({ ok: false, retryable: false, error: 'BAD_USER_INPUT', message: '探访时间不能晚于现在' }),
    });
    const a = refused.add('recordVisit', 'mem_1', visit);
    expect(await refused.firstTry(a.id)).toMatchObject({ status: 'failed', errorMessage: '探访时间不能晚于现在' });
  });

  it('keeps a need and a visit made offline through a reload and applies each once when the link is back', async () => {
    // The fake server keys by input.idempotencyKey, as the real one does for postNeed and recordVisit.
    const needs = new Map<string, number>();
    const visits = new Map<string, number>();
    let online = false;
    let n = 0;
    const send = async (action: PendingAction): Promise<SendOutcome> => {
      if (!online) return { ok: false, retryable: true, error: 'NETWORK' };
      const input = action.variables['input'] as Record<string, unknown>;
      const key = input['idempotencyKey'] as string;
      const table = action.kind === 'postNeed' ? needs : visits;
      if (!table.has(key)) table.set(key, table.size + 1);
      n += 1;
      if (n % 2 === 1) throw new TypeError('Failed to fetch'); // applied, but the answer was lost
      return { ok: true, result: { id: table.get(key) } };
    };
    const storage = memoryStorage();
    const timers = manualTimers();
    const first = new PendingActionQueue({ storage, send, newKey, schedule: timers.schedule });
    const a = first.add('postNeed', 'mem_1', need, { title: '送午饭', name: '赵玉梅' });
    const b = first.add('recordVisit', 'mem_1', visit, { name: '赵玉梅' });
    await flush();
    first.stop();

    // The phone is switched off and on; the link comes back.
    online = true;
    const second = new PendingActionQueue({ storage, send, newKey, schedule: timers.schedule });
    second.resume('mem_1');
    for (let i = 0; i < 4; i++) {
      await flush();
      timers.runAll();
    }
    await flush();
    expect(second.get(a.id)).toMatchObject({ status: 'done', meta: { title: '送午饭', name: '赵玉梅' } });
    expect(second.get(b.id)?.status).toBe('done');
    expect(needs.size).toBe(1);
    expect(visits.size).toBe(1);
    // Every send of the visit carried the very same variables, recorded time included.
    expect(second.get(b.id)?.variables).toEqual(visit(b.id));
  });
});
