// Platform staff's health page over HTTP and WebSocket, on each target: the ledger's invariants
// checked now and the failed background jobs, for platform staff only (the nightly job and
// `pnpm ledger:check` call the same service as the system).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, login, startTestServer, targets, type TestServer } from './support/harness';
import { wsClient, wsRequest } from './support/ws';

const HEALTH = `{
  platformHealth {
    ledger { name description holds violations }
    failedJobs(first: 5) { id queue tries failedAt error }
  }
}`;

interface Health {
  platformHealth: {
    ledger: { name: string; description: string; holds: boolean; violations: string[] }[];
    failedJobs: { id: string; queue: string; tries: number; failedAt: string | null; error: string }[];
  };
}

describe.each(targets())('platform health on $name', (on) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(on);
  });
  afterAll(() => s?.close());

  it('shows platform staff every ledger invariant holding, and no failed jobs', async () => {
    const admin = await s.as(PHONES.admin);
    const { platformHealth } = await admin.ok<Health>(HEALTH);
    expect(platformHealth.ledger.map((c) => c.name)).toEqual(
      expect.arrayContaining(['sum-zero', 'no-negative-member', 'cached-equals-entries', 'monthly-figures-kept']),
    );
    expect(platformHealth.ledger.filter((c) => !c.holds)).toEqual([]);
    expect(platformHealth.ledger.every((c) => c.description.length > 10 && c.violations.length === 0)).toBe(true);
    expect(platformHealth.failedJobs).toEqual([]);
  });

  it('refuses site staff and strangers, over HTTP and over WebSocket', async () => {
    const coordinator = await s.as(PHONES.coordinator);
    expect(await coordinator.fails(HEALTH)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await s.client.fails(HEALTH)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(
      await (await s.as(PHONES.admin)).fails(`{ platformHealth { failedJobs(first: 1000) { id } } }`),
    ).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });

    const asCoordinator = wsClient(s.url, await login(s.url, PHONES.coordinator));
    const asAdmin = wsClient(s.url, await login(s.url, PHONES.admin));
    try {
      const refused = await wsRequest<Health>(asCoordinator, HEALTH);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const shown = await wsRequest<Health>(asAdmin, HEALTH);
      expect(shown.errors).toBeUndefined();
      expect(shown.data?.platformHealth.ledger.every((c) => c.holds)).toBe(true);
    } finally {
      await asCoordinator.dispose();
      await asAdmin.dispose();
    }
  });
});
