// The retry queue for the actions kept while the village link is down: the money-like ones
// (confirm service, redeem, donate, undo a redemption) and the coordinator's field work (post a need, record a
// visit). Each user action gets ONE idempotency key when it is created; the action, key included,
// is kept in storage so a retry or a reload sends exactly the same request, and the server's
// idempotency makes a second delivery a no-op. Only link failures are retried; an answer from
// the server (success or a GraphQL error) settles the action for good.

export type ActionKind = 'confirm' | 'redeem' | 'donate' | 'cancelRedemption' | 'postNeed' | 'recordVisit';

/** Every kind the queue keeps through a dead link: what the offline banner lists. */
export const KEPT_KINDS: readonly ActionKind[] = [
  'confirm',
  'redeem',
  'donate',
  'cancelRedemption',
  'postNeed',
  'recordVisit',
];
export type ActionStatus = 'pending' | 'done' | 'failed';

export interface PendingAction {
  /** Also the idempotency key sent to the server. */
  id: string;
  kind: ActionKind;
  /** Who created it: a shared laptop must not replay one user's action under another's token. */
  ownerId: string;
  /** The exact variables sent every time, idempotency key included. */
  variables: Record<string, unknown>;
  /** Display data for the pending list (names, amounts); never sent. */
  meta: Record<string, string | number>;
  status: ActionStatus;
  attempts: number;
  createdAt: number;
  settledAt?: number;
  /** Error kind (an API code or NETWORK) of the last attempt. */
  error?: string;
  /** The server's message when it failed for good. */
  errorMessage?: string;
  result?: unknown;
}

export type SendOutcome =
  { ok: true; result?: unknown } | { ok: false; retryable: boolean; error: string; message?: string };

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface QueueOptions {
  storage: StorageLike;
  send: (action: PendingAction) => Promise<SendOutcome>;
  storageKey?: string;
  newKey: () => string;
  now?: () => number;
  /** Schedules a retry; returns a cancel function. Injected so tests control time. */
  schedule?: (fn: () => void, ms: number) => () => void;
  backoffMs?: (attempt: number) => number;
  /** Settled actions older than this are dropped when the queue loads. */
  keepSettledMs?: number;
}

export const defaultBackoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

type Listener = (actions: readonly PendingAction[]) => void;

export class PendingActionQueue {
  private actions: PendingAction[] = [];
  private readonly inFlight = new Set<string>();
  private readonly timers = new Map<string, () => void>();
  private readonly listeners = new Set<Listener>();
  private readonly key: string;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private readonly backoff: (attempt: number) => number;

  constructor(private readonly opts: QueueOptions) {
    this.key = opts.storageKey ?? 'huzhu.pendingActions';
    this.now = opts.now ?? Date.now;
    this.backoff = opts.backoffMs ?? defaultBackoff;
    this.schedule =
      opts.schedule ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      });
    this.load();
  }

  /** Every action, newest first. */
  list(): readonly PendingAction[] {
    return this.actions;
  }

  get(id: string): PendingAction | undefined {
    return this.actions.find((a) => a.id === id);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.actions);
    return () => this.listeners.delete(listener);
  }

  /**
   * Records a new action with a fresh idempotency key and sends it. `build` receives the key and
   * returns the variables; they are stored as they are and never rebuilt.
   */
  add(
    kind: ActionKind,
    ownerId: string,
    build: (idempotencyKey: string) => Record<string, unknown>,
    meta: Record<string, string | number> = {},
  ): PendingAction {
    const id = this.opts.newKey();
    const action: PendingAction = {
      id,
      kind,
      ownerId,
      variables: build(id),
      meta,
      status: 'pending',
      attempts: 0,
      createdAt: this.now(),
    };
    this.actions = [action, ...this.actions];
    this.save();
    void this.attempt(id);
    return action;
  }

  /** Resolves when the action is done or has failed for good. */
  settled(id: string): Promise<PendingAction> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const a = this.get(id);
        if (a && a.status !== 'pending') {
          resolve(a);
          return true;
        }
        return false;
      };
      if (check()) return;
      const off = this.subscribe(() => {
        if (check()) off();
      });
    });
  }

  /**
   * Resolves after the action's first try: settled (done, or refused by the server), or still
   * pending because the link failed, in which case it waits in the queue for the link. A page
   * uses it to say "kept, will be sent" at once instead of spinning until the link is back.
   */
  firstTry(id: string): Promise<PendingAction> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const a = this.get(id);
        if (a && (a.status !== 'pending' || (a.error !== undefined && !this.inFlight.has(id)))) {
          resolve(a);
          return true;
        }
        return false;
      };
      if (check()) return;
      const off = this.subscribe(() => {
        if (check()) off();
      });
    });
  }

  /** Sends now every pending action of this owner (after a reload, or when the link is back). */
  resume(ownerId: string): void {
    for (const a of this.actions) {
      if (a.status === 'pending' && a.ownerId === ownerId) {
        this.timers.get(a.id)?.();
        this.timers.delete(a.id);
        void this.attempt(a.id);
      }
    }
  }

  /** Removes a settled action from the list; a pending one stays. */
  dismiss(id: string): void {
    const a = this.get(id);
    if (!a || a.status === 'pending') return;
    this.actions = this.actions.filter((x) => x.id !== id);
    this.save();
  }

  /** Stops retry timers (logging out, tests). Pending actions stay stored. */
  stop(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private async attempt(id: string): Promise<void> {
    const action = this.get(id);
    if (!action || action.status !== 'pending' || this.inFlight.has(id)) return;
    this.inFlight.add(id);
    this.update(id, { attempts: action.attempts + 1 });
    let outcome: SendOutcome;
    try {
      outcome = await this.opts.send(this.get(id) ?? action);
    } catch (e) {
      // A throw from the transport is a link failure as far as we can tell.
      outcome = { ok: false, retryable: true, error: 'NETWORK', message: String(e) };
    } finally {
      this.inFlight.delete(id);
    }
    if (outcome.ok) {
      this.update(id, { status: 'done', settledAt: this.now(), result: outcome.result, error: undefined });
    } else if (outcome.retryable) {
      const attempts = this.get(id)?.attempts ?? 1;
      this.update(id, { error: outcome.error });
      const cancel = this.schedule(() => {
        this.timers.delete(id);
        void this.attempt(id);
      }, this.backoff(attempts));
      this.timers.set(id, cancel);
    } else {
      this.update(id, {
        status: 'failed',
        settledAt: this.now(),
        error: outcome.error,
        errorMessage: outcome.message,
      });
    }
  }

  private update(id: string, patch: Partial<PendingAction>): void {
    this.actions = this.actions.map((a) => (a.id === id ? { ...a, ...patch } : a));
    this.save();
  }

  private load(): void {
    try {
      const raw = this.opts.storage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      const keep = this.opts.keepSettledMs ?? 24 * 3600_000;
      const cutoff = this.now() - keep;
      this.actions = Array.isArray(parsed)
        ? (parsed as PendingAction[]).filter(
            (a) => a && typeof a.id === 'string' && (a.status === 'pending' || (a.settledAt ?? 0) >= cutoff),
          )
        : [];
    } catch {
      this.actions = []; // a corrupt entry must not stop the app from starting
    }
  }

  private save(): void {
    try {
      this.opts.storage.setItem(this.key, JSON.stringify(this.actions));
    } catch {
      // Storage full or disabled: the action still runs in memory, it just won't survive a reload.
    }
    for (const l of this.listeners) l(this.actions);
  }
}
