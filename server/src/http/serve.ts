// The server as a process: start, then on SIGTERM/SIGINT stop gracefully (requests and jobs in
// flight finish) and exit. main.ts runs it as it is; process tests run it with jobs of their own.
import { ConfigError } from '../config';
import { startServer, type RunningServer, type StartOptions } from './start';

export async function serve(options: StartOptions = {}): Promise<RunningServer> {
  try {
    const server = await startServer(options);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: finishing in-flight requests and jobs, then stopping`);
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('shutdown failed', error);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    return server;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
