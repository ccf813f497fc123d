// The one Relay pagination helper: `first` (default 20, at most 100) and an opaque `after`
// cursor over a keyset; connections carry edges, pageInfo and totalCount.
import { badInput } from './errors';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  /** Rows to fetch: one more than asked, to learn whether a next page exists. */
  limit: number;
  first: number;
  /** The keyset position after which the page starts (decoded from the cursor). */
  after: string | undefined;
}

export function pageOf(args: PageArgs): Page {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    badInput('first', { en: `first must be between 1 and ${MAX_PAGE}`, zh: `first 须在 1 到 ${MAX_PAGE} 之间` });
  }
  let after: string | undefined;
  if (args.after != null) {
    try {
      after = Buffer.from(args.after, 'base64url').toString('utf8');
    } catch {
      after = undefined;
    }
    if (!after || !/^[\w:.+-]{1,80}$/.test(after)) {
      badInput('after', { en: 'after is not a cursor from this list', zh: 'after 不是本列表的游标' });
    }
  }
  return { limit: first + 1, first, after };
}

export function encodeCursor(key: string | number): string {
  return Buffer.from(String(key), 'utf8').toString('base64url');
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * An edge whose cursor is encoded when read: most documents (a page of needs, a passbook) ask for
 * the nodes and pageInfo only, and encoding twenty keys nobody reads was a cost on every page.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => string | number,
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}

/** Builds the connection from `limit` rows fetched (first + 1) and the keyset key of each row. */
export function connection<T>(
  rows: T[],
  page: Page,
  keyOf: (row: T) => string | number,
  totalCount: number,
): Connection<T> {
  const edges = rows.slice(0, page.first).map((node) => new Edge(node, keyOf));
  const hasNextPage = rows.length > page.first;
  return {
    edges,
    pageInfo: {
      hasNextPage,
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount,
  };
}

/** A cursor that is a row id. */
export function afterId(page: Page): number | undefined {
  if (page.after === undefined) return undefined;
  const n = Number(page.after);
  if (!Number.isSafeInteger(n) || n < 0)
    badInput('after', { en: 'after is not a cursor from this list', zh: 'after 不是本列表的游标' });
  return n;
}
