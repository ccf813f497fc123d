// The app's one store of kept query answers and the exchange that serves them offline (see
// offline-exchange.ts): one for the whole app, across the fresh urql clients of log-in and log-out.
import { session } from '../auth/session';
import { offlineQueries } from './offline-exchange';
import { QueryStore } from './query-store';

const store = new QueryStore({ storage: localStorage });

export const offlineAnswers = offlineQueries(store, () => session.viewer?.id ?? null);

/** What the page on screen shows from the store (reactive). */
export const offlineView = offlineAnswers.view;

/** Log-out: nothing of this user's stays on the device. */
export function forgetAnswers(): void {
  store.clear();
}

// The link is back: the page's kept answers are replaced by fresh ones.
window.addEventListener('online', () => offlineAnswers.refresh());
