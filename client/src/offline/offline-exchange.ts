// No blank page offline. Every query answer from the server is kept (QueryStore); when a query
// cannot reach the server, the page gets the kept answer instead of an error, and the shell says
// from when it is. A query never answered before is left to fail as it did, and noted, so the
// shell can say "offline, shown once connected" rather than leave the page empty. When the link
// comes back, the page's queries that were answered from the store (or not at all) are asked again.
import { shallowRef, type ShallowRef } from 'vue';
import {
  makeOperation,
  makeResult,
  mapExchange,
  type Client,
  type Exchange,
  type Operation,
  type OperationResult,
} from '@urql/core';
import type { QueryStore } from './query-store';

/** What the page on screen is showing from the store: the shell's notice reads this. */
export interface OfflineView {
  /** The oldest kept answer the page shows instead of a fresh one (ms), or null. */
  staleSince: number | null;
  /** How many of the page's queries had no answer at all (never asked while connected). */
  missing: number;
}

interface Marker {
  /** The page the query was asked for (see newPage). */
  page: number;
  operation: Operation;
  /** When the kept answer shown was given; undefined when there was none to show. */
  at?: number;
}

export interface OfflineQueries {
  /** Reactive: what the current page shows from the store. */
  view: ShallowRef<OfflineView>;
  /** Call when another page opens: what the last page showed no longer counts. */
  newPage(): void;
  /** The urql exchange; place it after cacheExchange and before fetchExchange. */
  exchange: Exchange;
  /** Asks again, from the server, the current page's queries that were answered from the store. */
  refresh(): void;
}

export function offlineQueries(store: QueryStore, getOwner: () => string | null): OfflineQueries {
  const view = shallowRef<OfflineView>({ staleSince: null, missing: 0 });
  const markers = new Map<string, Marker>();
  const pageOf = new Map<number, number>();
  let page = 0;
  let client: Client | null = null;

  const publish = () => {
    let staleSince: number | null = null;
    let missing = 0;
    for (const m of markers.values()) {
      if (m.page !== page) continue;
      if (m.at === undefined) missing += 1;
      else staleSince = staleSince === null ? m.at : Math.min(staleSince, m.at);
    }
    const before = view.value;
    if (before.staleSince !== staleSince || before.missing !== missing) view.value = { staleSince, missing };
  };

  const mark = (key: string, marker: Marker | null) => {
    if (marker) markers.set(key, marker);
    else markers.delete(key);
    publish();
  };

  const onResult = (result: OperationResult): OperationResult | void => {
    const op = result.operation;
    if (op.kind !== 'query') return;
    const owner = getOwner();
    const key = String(op.key);
    const asked = pageOf.get(op.key) ?? page;
    if (result.error?.networkError) {
      const kept = owner ? store.get(owner, key) : undefined;
      if (!kept) {
        mark(key, { page: asked, operation: op });
        return;
      }
      mark(key, { page: asked, operation: op, at: kept.at });
      return makeResult(op, { data: kept.data as Record<string, unknown> });
    }
    if (result.data != null && !result.error) {
      if (owner) store.put(owner, key, result.data);
      if (markers.has(key)) mark(key, null);
    }
  };

  const inner = mapExchange({
    onOperation: (op) => {
      if (op.kind === 'query') pageOf.set(op.key, page);
    },
    onResult,
  });

  const refresh = () => {
    for (const m of markers.values()) {
      if (m.page !== page) continue;
      // Only a query some page still watches runs again (the client ignores the others).
      client?.reexecuteOperation(makeOperation('query', m.operation, { requestPolicy: 'network-only' }));
    }
  };

  return {
    view,
    newPage() {
      page += 1;
      markers.clear();
      publish();
    },
    exchange: (input) => {
      client = input.client;
      return inner(input);
    },
    refresh,
  };
}
