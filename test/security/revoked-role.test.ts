// Roles revoked behind the server's back: each server process keeps the members behind tokens in
// memory, so a coordinator whose role an operator removes in psql must lose it at once, on this
// server and on a second one sharing the database (PostgreSQL), and get it back the same way.
import { postgresClient } from '@huzhu/db';
import { startServer, type RunningServer } from '@huzhu/server/start';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, targets, JWT_SECRET, monthIn, PHONES, startTestServer, type TestServer } from '../api/support/harness';
import { demo, type Demo } from '../api/support/ops';

const COVERAGE = 'query ($siteId: ID!, $month: String!) { visitCoverage(siteId: $siteId, month: $month) { dueCount } }';

describe.each(targets())('a role revoked in the database on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let second: RunningServer | undefined;
  let outside: (text: string) => Promise<unknown>;
  let closeOutside = async () => {};

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    if (s.databaseUrl) {
      const psql = postgresClient(s.databaseUrl, { max: 1, onnotice: () => {} });
      outside = (text) => psql.unsafe(text);
      closeOutside = () => psql.end();
      second = await startServer({
        port: 0,
        host: '127.0.0.1',
        databaseUrl: s.databaseUrl,
        env: { JWT_SECRET },
        demoData: false,
        quiet: true,
      });
    } else {
      outside = (text) => s.running.handle.pglite!.exec(text);
    }
  });
  afterAll(async () => {
    await closeOutside();
    await second?.close();
    await s?.close();
  });

  it("refuses the coordinator's next request, and serves it again once the role is back", async () => {
    const coordinator = await s.as(PHONES.coordinator);
    const servers = [coordinator, ...(second ? [new Client(second.url, coordinator.token)] : [])];
    const variables = { siteId: d.siteId, month: monthIn() };
    // The answer's first error code, asked again until it is the one named, for up to 5 s: the
    // member cache hears of a change by a notification that follows its commit.
    const until = (c: Client, code: string, withinMs = 5_000) => c.codeSoon(COVERAGE, code, variables, withinMs);
    // Both servers have served (and so keep) the coordinator.
    for (const c of servers) expect(await until(c, 'OK', 0)).toBe('OK');

    const id = d.ids.coordinator.replace('mem_', '');
    await outside(`delete from memberships where member_id = ${id} and role = 'COORDINATOR'`);
    for (const c of servers) expect(await until(c, 'FORBIDDEN')).toBe('FORBIDDEN');

    const site = d.siteId.replace('site_', '');
    await outside(`insert into memberships (member_id, site_id, role) values (${id}, ${site}, 'COORDINATOR')`);
    for (const c of servers) expect(await until(c, 'OK')).toBe('OK');
  });
});
