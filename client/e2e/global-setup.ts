// Builds the client once before any browser test file starts: the files run two at a time, and
// two builds into the same dist/ at once would serve a half-written bundle.
import { ensureBuilt } from './harness';

export default function setup(): void {
  ensureBuilt();
}
