// The load generator, in its own process so its event loop does not share the server's: N
// keep-alive connections to 127.0.0.1, each sending the next request body as soon as the last
// answer arrived (closed loop), for a bounded time. Latencies are measured per request.
import http from 'node:http';

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  /** Request bodies, used in order (each at most once when `once`), with their bearer token. */
  requests: { body: string; token?: string }[];
  once: boolean;
}

export interface LoadResult {
  latencies: number[];
  seconds: number;
  errors: number;
  firstError?: string;
  exhausted: boolean;
}

function run(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  let exhausted = false;
  const started = performance.now();
  const end = started + job.seconds * 1000;

  const send = (r: { body: string; token?: string }) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(r.body),
      };
      if (r.token) headers.authorization = `Bearer ${r.token}`;
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: 'POST',
          agent,
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - t0;
            const text = Buffer.concat(chunks).toString('utf8');
            // A GraphQL answer with errors is a failure, whatever the HTTP status.
            if (res.statusCode !== 200 || text.startsWith('{"errors"') || text.includes('"errors":[')) {
              errors++;
              firstError ??= `${res.statusCode} ${text.slice(0, 300)}`;
            } else latencies.push(ms);
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        errors++;
        firstError ??= String(e);
        resolve();
      });
      req.end(r.body);
    });

  const loop = async () => {
    while (performance.now() < end) {
      if (next >= job.requests.length) {
        if (job.once) {
          exhausted = true;
          return;
        }
        next = 0;
      }
      await send(job.requests[next++]!);
    }
  };
  return Promise.all(Array.from({ length: job.connections }, loop)).then(() => {
    agent.destroy();
    return { latencies, seconds: (performance.now() - started) / 1000, errors, firstError, exhausted };
  });
}

process.on('message', (job: LoadJob) => {
  void run(job).then((result) => process.send!(result));
});
