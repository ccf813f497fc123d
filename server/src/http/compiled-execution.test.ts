// The compiled executor answers exactly what graphql-js answers: every query the client sends,
// and documents that lean on the corners (fragments, aliases, @skip/@include, errors inside lists
// and in non-null places), as each demo member and as nobody, on PGlite and PostgreSQL.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execute, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { buildSchema } from '../graphql/schema';
import { toId } from '../core/ids';
import { workspacePath } from '@huzhu/db';
import { contextFor, demoMember } from '../testing';
import { compiledExecution } from './compiled-execution';

const clientDir = workspacePath(import.meta.dirname, 'client', 'src', 'graphql');
const clientFiles = readdirSync(clientDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => ({ name: f, text: readFileSync(join(clientDir, f), 'utf8') }));
// The client's shared fragments (one file each), sent with every document that spreads them.
const fragments = clientFiles.filter((d) => /^\s*fragment\b/m.test(d.text));
const clientQueries = clientFiles
  .filter((d) => /^\s*query\b/m.test(d.text))
  .map((d) => ({
    name: d.name,
    text: [
      d.text,
      ...fragments.filter((f) => d.text.includes(`...${/fragment (\w+)/.exec(f.text)?.[1]}`)).map((f) => f.text),
    ].join('\n'),
  }));

const corners = {
  'fragments, aliases, typename, skip and include': `
    fragment Who on Member { id name __typename }
    query Corners($siteId: ID!, $month: String!, $yes: Boolean!, $no: Boolean!) {
      me: viewer { ...Who @include(if: $yes) phone @skip(if: $yes) }
      open: needs(siteId: $siteId, status: OPEN, first: 3) {
        totalCount
        edges { cursor node { ...on Need { id title beneficiary { ...Who } } claims @include(if: $no) { id } } }
      }
      done: needs(siteId: $siteId, status: COMPLETED, first: 2) { edges { node { id status claims { volunteer { ...Who } } } } }
      report: siteReport(siteId: $siteId, month: $month) { month site { __typename name } visitRate }
    }`,
  'an error in a nullable field leaves the rest': `
    query Partial($siteId: ID!) { viewer { id } need(id: "need_not-a-number") { id } sites(first: 1) { totalCount } products(siteId: $siteId) { id } }`,
  'an error in a non-null field nulls its parent': `
    query NonNull($month: String!) { viewer { id } siteReport(siteId: "site_999999", month: $month) { month } }`,
  'variables refused before anything runs': `
    query Refused($fraction: Int!, $tooBig: Int, $nothing: String!, $status: NeedStatus) {
      sites(first: $fraction) { totalCount } again: sites(first: $tooBig) { totalCount }
      viewer { name } needs(siteId: $nothing, status: $status) { totalCount }
    }`,
  'a bad argument on a non-null root field': `
    query BadMonth($siteId: ID!) { visitCoverage(siteId: $siteId, month: "2026-13") { dueCount } }`,
};

describe.each(testEngines())('compiled execution on %s', (engine) => {
  let handle: TestDb;
  let variables: Record<string, unknown>;
  const schema = buildSchema();
  let run: (document: DocumentNode, context: unknown) => Promise<ExecutionResult>;
  const viewers: Array<string | null> = [null];

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    for (const login of demo.logins) viewers.push(login.phone);
    const elder = await demoMember(handle.db, demo.logins.find((l) => l.role === 'VOLUNTEER')!.phone);
    const now = new Date();
    variables = {
      siteId: toId('Site', demo.siteId),
      id: toId('Member', elder.id),
      month: currentMonth('Asia/Shanghai', now),
      first: 5,
      yes: true,
      no: false,
      fraction: 1.5,
      tooBig: 2 ** 31,
      nothing: null,
      status: 'NOT_A_STATUS',
    };
    const { executor } = await compiledExecution(schema).load({ apollo: { key: '', keyHash: '', graphRef: '' } });
    if (!executor) throw new Error('the compiled execution gave Apollo no executor');
    run = async (document, context) =>
      (await executor({ document, context, request: { variables } } as never)) as ExecutionResult;
  });
  afterAll(() => handle?.close());

  const asJson = (r: ExecutionResult) => JSON.parse(JSON.stringify(r)) as unknown;
  const documents = [
    ...clientQueries.map((q) => [`client ${q.name}`, q.text] as const),
    ...Object.entries(corners).map(([name, text]) => [name, text] as const),
  ];

  it.each(documents)('%s: the same answer as graphql-js for every viewer', async (_name, text) => {
    const document = parse(text);
    for (const phone of viewers) {
      const member = phone ? await demoMember(handle.db, phone) : null;
      // A context each, as each request has: loaders must not carry one run's reads into the other.
      const expected = await execute({
        schema,
        document,
        contextValue: await contextFor(handle.db, member),
        variableValues: variables,
      });
      const actual = await run(document, await contextFor(handle.db, member));
      expect(asJson(actual), `as ${phone ?? 'nobody'}`).toEqual(asJson(expected));
    }
  });

  it('answers with data, not only errors, for the staff of the site', async () => {
    const coordinator = await demoMember(handle.db, '13900000001');
    const result = await run(
      parse(corners['fragments, aliases, typename, skip and include']),
      await contextFor(handle.db, coordinator),
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      me: { name: string; __typename: string; phone?: string };
      open: { totalCount: number };
    };
    expect(data.me).toEqual({ id: expect.any(String), name: '李秀英', __typename: 'Member' });
    expect(data.open.totalCount).toBeGreaterThan(0);
  });

  it('puts a resolver error at its path with its code, and keeps the other fields', async () => {
    const coordinator = await demoMember(handle.db, '13900000001');
    const result = await run(
      parse(corners['an error in a nullable field leaves the rest']),
      await contextFor(handle.db, coordinator),
    );
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['need', 'BAD_USER_INPUT']]);
    expect(result.data).toMatchObject({ need: null, viewer: { id: expect.any(String) } });
  });
});
