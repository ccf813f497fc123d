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

/** Sample interval: the run ends at the first sample after its time (or after its last request). */
const SAMPLE_MS = 10;

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
  let clients = 0;
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
      share(clients++).map((r) => ({
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
  };

  let started = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.protocol}//${target.host}${path}`,
        method: 'POST',
        connections,
        duration: job.seconds,
        ...(job.once ? { maxOverallRequests: n } : {}),
        sampleInt: SAMPLE_MS,
        timeout: 120,
        setupClient,
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const ended = performance.now();
        // Every connection done before the time was up: the bodies ran out. The run then ended at
        // its last answer, not at the sample that noticed.
        const exhausted = job.once && ended - started < job.seconds * 1000;
        resolve({
          latencies,
          seconds: ((exhausted ? lastAnswer || ended : ended) - started) / 1000,
          // Broken connections and timeouts; the answers' own failures are counted above.
          errors: errors + result.errors,
          ...(firstError ? { firstError } : {}),
          exhausted,
        });
      },
    );
    // The clock starts once the connections are set up (their request buffers built), as
    // autocannon's own does.
    started = performance.now();
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
