// graphql-ws subscribers for the tests, and a second server process on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { JWT_SECRET, type GqlError } from './harness';

const WebSocketImpl: unknown = WebSocket;

export interface Subscriber<T> {
  /** Everything received so far, in order. */
  received: T[];
  /** Resolves with the first event (already received or to come) that matches, or rejects after timeoutMs. */
  waitFor(match: (event: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves with the subscription's error (e.g. FORBIDDEN), or rejects after timeoutMs. */
  failure(timeoutMs?: number): Promise<GqlError[]>;
  dispose(): void;
}

export interface WsOptions {
  /** More connection_init params (e.g. lang). */
  params?: Record<string, unknown>;
  /**
   * One socket for the client's life (graphql-ws's lazy default closes it whenever no operation is
   * open and opens a new one for the next), so a test can tell the same socket is served.
   */
  keepOpen?: boolean;
  /** Called with the close code and reason when the socket closes. */
  onClosed?: (code: number, reason: string) => void;
  /** Called each time a socket is opened and acknowledged. */
  onConnected?: () => void;
  /** Headers of the upgrade request (e.g. Accept-Language). */
  headers?: Record<string, string>;
}

function withHeaders(headers: Record<string, string>): unknown {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** A graphql-ws client as `token` (anonymous without). */
export function wsClient(httpUrl: string, token?: string, options: WsOptions = {}): WsClient {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: options.headers ? withHeaders(options.headers) : WebSocketImpl,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.params },
    retryAttempts: 0,
    lazy: !options.keepOpen,
    ...(options.keepOpen ? { onNonLazyError: () => {} } : {}),
    on: {
      closed: (event) => {
        const e = event as { code?: number; reason?: string };
        options.onClosed?.(e.code ?? 0, String(e.reason ?? ''));
      },
      connected: () => options.onConnected?.(),
    },
  });
}

/**
 * One query or mutation over the socket: its result, or its errors when the server answered with
 * an error message instead. Rejects when the socket closes under it.
 */
export function wsRequest<T>(
  client: WsClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T | null; errors?: GqlError[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: T | null; errors?: GqlError[] } = {};
    client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          result = { data: r.data as T | null | undefined, errors: r.errors as GqlError[] | undefined };
        },
        error: (error) => (Array.isArray(error) ? resolve({ errors: error as GqlError[] }) : reject(error)),
        complete: () => resolve(result),
      },
    );
  });
}

export function subscribe<T>(client: WsClient, query: string, variables: Record<string, unknown>): Subscriber<T> {
  const received: T[] = [];
  let errors: GqlError[] | undefined;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const dispose = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors = result.errors as GqlError[];
        const value = result.data && Object.values(result.data)[0];
        if (value) received.push(value);
        notify();
      },
      error: (error) => {
        errors = Array.isArray(error) ? (error as GqlError[]) : [{ message: String(error) }];
        notify();
      },
      complete: () => notify(),
    },
  );
  const until = <R>(check: () => R | undefined, timeoutMs: number, what: string) =>
    new Promise<R>((resolve, reject) => {
      const tryNow = () => {
        const found = check();
        if (found === undefined) return false;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(found);
        return true;
      };
      const listener = () => void tryNow();
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(
          new Error(
            `${what} within ${timeoutMs} ms; received ${JSON.stringify(received)} errors ${JSON.stringify(errors)}`,
          ),
        );
      }, timeoutMs);
      listeners.add(listener);
      tryNow();
    });
  return {
    received,
    waitFor: (match, timeoutMs = 5000) => until(() => received.find(match), timeoutMs, 'no matching event'),
    failure: (timeoutMs = 5000) => until(() => errors, timeoutMs, 'no error'),
    dispose,
  };
}

/**
 * Resolves once the subscriber is live: the server starts listening a moment after the subscribe
 * message, so keep triggering (posting a probe need, say) until one probe arrives.
 */
export async function untilLive<T>(sub: Subscriber<T>, probe: () => Promise<(event: T) => boolean>): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const match = await probe();
    try {
      await sub.waitFor(match, 250 * (attempt + 1));
      return;
    } catch {
      // Not listening yet: probe again.
    }
  }
  throw new Error('the subscription never went live');
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGTERM, then the exit code; SIGKILL and 'hung' if it has not exited within 15 s. */
  stop(): Promise<number | 'hung'>;
}

/** Starts `tsx server/src/main.ts` as a separate process on the given PostgreSQL database. */
/** A second server process on the same database; `env` adds to its environment (NODE_ENV...). */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const child = spawn(`${root}node_modules/.bin/tsx`, ['server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      DB_POOL_SIZE: '2',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /GraphQL at (http:\/\/[\d.]+:\d+)\/graphql/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`second server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<number | 'hung'>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve('hung');
        }, 15_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code ?? -1);
        });
        child.kill('SIGTERM');
      }),
  };
}
