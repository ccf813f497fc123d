// GET /metrics in Prometheus's text format: GraphQL requests and latency per operation name, errors
// by extensions.code, the database pool and read replica, and the process's own metrics. Not
// public: served only when METRICS_TOKEN is set, and only to a request bearing it (404 otherwise).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DbHandle } from '@huzhu/db';
import { CATALOGUE, REQUEST_ERRORS } from './apollo';
import { scopeOf } from './request-log';

/** Distinct operation names given a label of their own; later ones count as "(other)". */
const MAX_OPERATIONS = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Codes a response can carry: ours, Apollo's and GraphQL's. Anything else is "OTHER". */
const KNOWN_CODES = new Set<string>([...CATALOGUE, ...REQUEST_ERRORS, 'INTERNAL_SERVER_ERROR']);

export interface Metrics {
  /** Mounted before everything else on /graphql: times each request and counts its outcome. */
  graphql: RequestHandler;
  /** GET /metrics. */
  endpoint: RequestHandler;
}

export function createMetrics(options: { token: string; handle: DbHandle }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'huzhu_graphql_requests_total',
    help: 'GraphQL requests over HTTP, by operation name',
    labelNames: ['operation'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'huzhu_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to the end of its answer, by operation name',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'huzhu_graphql_errors_total',
    help: 'Errors in GraphQL answers, by operation name and extensions.code',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const pool = options.handle.pool;
  new Gauge({
    name: 'huzhu_db_pool_max_connections',
    help: 'Connections the database pool may open (1 on the embedded engine)',
    labelNames: ['engine'],
    registers: [registry],
    collect() {
      this.set({ engine: options.handle.engine }, pool?.().max ?? 1);
    },
  });
  if (pool) {
    new Gauge({
      name: 'huzhu_db_queries_in_flight',
      help: 'SQL statements sent to PostgreSQL and not yet answered (waiting for a connection included)',
      registers: [registry],
      collect() {
        this.set(pool().queriesInFlight);
      },
    });
    new Gauge({
      name: 'huzhu_db_transactions_open',
      help: 'Transactions begun and not yet finished, each holding a pool connection',
      registers: [registry],
      collect() {
        this.set(pool().transactionsOpen);
      },
    });
  }

  const replica = options.handle.replica;
  if (replica) {
    new Gauge({
      name: 'huzhu_db_replica_up',
      help: 'Whether heavy reads go to the read replica (1) or, while it is remembered as down, to the primary (0)',
      registers: [registry],
      collect() {
        this.set(replica.stats().up ? 1 : 0);
      },
    });
    new Counter({
      name: 'huzhu_db_replica_fallbacks_total',
      help: 'Reads meant for the replica that the primary answered because the replica could not',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(replica.stats().fallbacks);
      },
    });
  }

  const named = new Set<string>();
  const label = (operation: string | undefined): string => {
    if (operation === undefined) return '(none)'; // refused before an operation was chosen
    if (operation === '') return '(anonymous)';
    if (!OPERATION_NAME.test(operation)) return '(other)';
    if (named.has(operation)) return operation;
    if (named.size >= MAX_OPERATIONS) return '(other)';
    named.add(operation);
    return operation;
  };

  const expected = createHash('sha256').update(`Bearer ${options.token}`).digest();

  return {
    graphql(_req, res, next) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const scope = scopeOf(res);
        const operation = label(scope.operation);
        requests.inc({ operation });
        latency.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        // An answer made before GraphQL saw the request (429, 413, malformed JSON) has no codes recorded.
        const codes = scope.errorCodes.length
          ? scope.errorCodes
          : res.statusCode >= 400
            ? [codeOf(res.statusCode)]
            : [];
        for (const code of codes) errors.inc({ operation, code: KNOWN_CODES.has(code) ? code : 'OTHER' });
      });
      next();
    },
    async endpoint(req, res) {
      const given = req.headers.authorization;
      if (!given) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Bearer token required' } });
        return;
      }
      // Compared as hashes: equal lengths for timingSafeEqual, and no early exit on the first byte.
      if (!timingSafeEqual(createHash('sha256').update(given.trim()).digest(), expected)) {
        res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Wrong metrics token' } });
        return;
      }
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(await registry.metrics());
    },
  };
}

function codeOf(status: number): string {
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 401) return 'UNAUTHENTICATED';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}
