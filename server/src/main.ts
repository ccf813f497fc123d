// The server process: read the environment, start, and shut down gracefully on SIGTERM/SIGINT.
import { serve } from './http/serve';

await serve();
