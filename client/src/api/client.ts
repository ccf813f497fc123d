// The urql client: HTTP for queries and mutations, graphql-ws on the same /graphql path for
// subscriptions. The token and the UI language are read per request, so they never go stale.
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type Exchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export interface ApiClientOptions {
  getToken: () => string | null;
  getLocale: () => string;
  /** Called when the server says the token is missing, expired or revoked. */
  onUnauthenticated: () => void;
  /** Called when the websocket comes back after a drop: events may have been missed. */
  onReconnected?: () => void;
  /** Answers queries the server cannot be reached for (the kept answers, offline). */
  offlineExchange?: Exchange;
}

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export interface ApiClient {
  client: Client;
  /** Closes the websocket so the next subscription reconnects with the current token. */
  resetSocket: () => void;
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  let ws: WsClient | null = null;
  let connectedOnce = false;

  const socket = (): WsClient => {
    if (!ws) {
      ws = createWsClient({
        url: wsUrl(),
        lazy: true,
        // Village links drop often; keep trying with graphql-ws's randomised backoff.
        retryAttempts: Number.MAX_SAFE_INTEGER,
        shouldRetry: () => true,
        // The server answers each operation's errors in `lang` (a socket's upgrade request carries
        // the browser's language, not the one chosen in the app).
        connectionParams: () => {
          const token = opts.getToken();
          return { ...(token ? { authorization: `Bearer ${token}` } : {}), lang: opts.getLocale() };
        },
        on: {
          connected: () => {
            if (connectedOnce) opts.onReconnected?.();
            connectedOnce = true;
          },
        },
      });
    }
    return ws;
  };

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const token = opts.getToken();
      const headers: Record<string, string> = { 'Accept-Language': opts.getLocale() };
      if (token) headers['Authorization'] = `Bearer ${token}`;
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
            opts.onUnauthenticated();
          }
        },
      }),
      cacheExchange,
      ...(opts.offlineExchange ? [opts.offlineExchange] : []),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    resetSocket: () => {
      const old = ws;
      ws = null;
      connectedOnce = false;
      void old?.dispose();
    },
  };
}
