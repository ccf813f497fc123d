// The Relay helper: a page's cursors (encoded only when read) lead to the next page, and a
// cursor from elsewhere is refused with BAD_USER_INPUT.
import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { afterId, connection, pageOf } from './pagination';

const rows = (ids: number[]) => ids.map((id) => ({ id, title: `need ${id}` }));

describe('the Relay pagination helper', () => {
  it('walks a list page by page through endCursor, each page starting after the last', () => {
    const all = rows([3, 5, 8, 13, 21]);
    const seen: number[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const page = pageOf({ first: 2, after });
      const from = afterId(page);
      const fetched = all.filter((r) => from === undefined || r.id > from).slice(0, page.limit);
      const c = connection(fetched, page, (r) => r.id, all.length);
      seen.push(...c.edges.map((e) => e.node.id));
      expect(c.totalCount).toBe(5);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual([3, 5, 8, 13, 21]);
  });

  it('gives each edge its own cursor, the last one being endCursor, and none for an empty page', () => {
    const page = pageOf({ first: 3 });
    const c = connection(rows([1, 2, 3, 4]), page, (r) => `k${r.id}`, 4);
    const cursors = c.edges.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(3);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, endCursor: cursors[2] });
    expect(pageOf({ after: cursors[1] }).after).toBe('k2');
    const empty = connection([], page, (r: { id: number }) => r.id, 0);
    expect(empty.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it('refuses a cursor that is not one of ours, and a page size out of range', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GraphQLError).extensions?.code;
      }
      return 'no error';
    };
    expect(code(() => pageOf({ after: Buffer.from("1'; drop table needs").toString('base64url') }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(() => afterId(pageOf({ after: Buffer.from('abc').toString('base64url') })))).toBe('BAD_USER_INPUT');
    expect(code(() => pageOf({ first: 101 }))).toBe('BAD_USER_INPUT');
    expect(code(() => pageOf({ first: 0 }))).toBe('BAD_USER_INPUT');
  });
});
