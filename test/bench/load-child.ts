// The load generator, in its own process so its event loop does not share the server's:
// autocannon's programmatic API, N keep-alive connections to 127.0.0.1 in a closed loop (each
// sends its next request as soon as the last answer arrived) for a bounded time. A GraphQL answer
// with `errors` counts as an error, as a non-2xx status or a broken connection does.
import autocannon from 'autocannon';

export interface LoadRequest {
  body: string;
  /** Sent as `authorization: Bearer <token>`. */
  token?: string;
}

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  /** Request bodies, spread over the connections (each used at most once when `once`). */
  requests: LoadRequest[];
  once: boolean;
}

export interface LoadResult {
  /** Milliseconds, of each successful answer (autocannon's response times). */
  latencies: number[];
  seconds: number;
  errors: number;
  firstError?: string;
  /** `once` and every request was sent before the time was up. */
  exhausted: boolean;
}

/** Sample interval: autocannon ends a run at the first sample after its last connection is done. */
const SAMPLE_MS = 10;

/**
 * autocannon ends a timed run by closing its connections with their requests in flight: the
 * server goes on with them after the run (a write commits), into the next row's figures and
 * statement counts, and the slowest requests, the likeliest to be in flight, drop out of the
 * latencies. So when the time is up each connection is told instead to send nothing more (its
 * `responseMax`, which `maxConnectionRequests` sets, lowered to the requests it has sent), and the
 * run ends with the last answer, as a closed loop should. These two fields are autocannon 8's
 * client's, not its documented API: checked, so that a version without them fails loudly.
 */
interface Drainable {
  reqsMade: number;
  responseMax?: number;
}

function drainable(client: autocannon.Client): Drainable {
  const c = client as unknown as Partial<Drainable>;
  if (typeof c.reqsMade !== 'number' || !('responseMax' in c))
    throw new Error('this autocannon client has no reqsMade/responseMax: see load-child.ts');
  return c as Drainable;
}

function run(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const path = target.pathname + target.search;
  const n = job.requests.length;
  // `once` with fewer bodies than connections: one connection a body.
  const connections = job.once ? Math.min(job.connections, n) : job.connections;
  if (connections === 0) return Promise.resolve({ latencies: [], seconds: 0, errors: 0, exhausted: true });

  // Connection i sends requests i, i + C, i + 2C... in a loop. Each connection gets its own share,
  // built into request buffers once: autocannon's `requests` are per connection (each would start
  // at the first), and a shared cursor through `setupRequest` would rebuild a buffer per request.
  // With `once` the shares are disjoint and `maxOverallRequests` stops each connection at the end of
  // its own: autocannon gives connection i floor(n / C) + (i < n % C), the size of share i.
  // Fewer bodies than connections (a single request, repeated): each connection loops over all
  // of them, starting at its own.
  const share = (i: number) =>
    n >= connections
      ? job.requests.filter((_, j) => j % connections === i)
      : [...job.requests.slice(i % n), ...job.requests.slice(0, i % n)];

  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let lastAnswer = 0;
  const clients: Drainable[] = [];
  const failWith = (text: string) => {
    errors++;
    firstError ??= text;
  };

  const setupClient = (client: autocannon.Client) => {
    // Each connection has one request in flight: its answer's body is checked (onResponse) just
    // before autocannon emits the same answer's 'response' with its time.
    let failed = false;
    const onResponse = (status: number, body: string) => {
      // A GraphQL answer with errors is a failure, whatever the HTTP status.
      failed = status < 200 || status > 299 || body.startsWith('{"errors"') || body.includes('"errors":[');
      if (failed) failWith(`${status} ${body.slice(0, 300)}`);
    };
    client.on('response', (_status: number, _bytes: number, ms: number) => {
      if (!failed) latencies.push(ms);
      lastAnswer = performance.now();
    });
    client.setRequests(
      share(clients.length).map((r) => ({
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          ...(r.token ? { authorization: `Bearer ${r.token}` } : {}),
        },
        body: r.body,
        onResponse,
      })),
    );
    clients.push(drainable(client));
  };

  let started = 0;
  let drained = false;
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.protocol}//${target.host}${path}`,
        method: 'POST',
        connections,
        // A backstop only: the run is drained at `job.seconds` (below).
        duration: job.seconds + 300,
        ...(job.once ? { maxOverallRequests: n } : {}),
        sampleInt: SAMPLE_MS,
        timeout: 60,
        setupClient,
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          latencies,
          // To the last answer, not to the sample that noticed the run was over.
          seconds: ((lastAnswer || performance.now()) - started) / 1000,
          // Broken connections and timeouts; the answers' own failures are counted above.
          errors: errors + result.errors,
          ...(firstError ? { firstError } : {}),
          // Every connection was done before the time was up: the bodies ran out.
          exhausted: job.once && !drained,
        });
      },
    );
    // The clock starts once the connections are set up (their request buffers built), as
    // autocannon's own does.
    started = performance.now();
    timer = setTimeout(() => {
      drained = true;
      for (const c of clients) c.responseMax = Math.min(c.responseMax || Infinity, Math.max(1, c.reqsMade));
    }, job.seconds * 1000);
    instance.on('reqError', (e: unknown) => {
      firstError ??= String(e);
    });
  });
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!(result),
    (error: unknown) =>
      process.send!({ latencies: [], seconds: 0, errors: 1, firstError: String(error), exhausted: false }),
  );
});
