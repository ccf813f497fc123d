// The app's one urql client, held in a ref so a log-in or log-out swaps in a fresh client (and
// cache): one user's data never shows to the next user of a shared laptop.
import { shallowRef } from 'vue';
import type { Client } from '@urql/core';
import { createApiClient, type ApiClient } from './client';
import { session } from '../auth/session';
import { currentLocale } from '../i18n';
import { offlineAnswers } from '../offline/answers';

let current: ApiClient | null = null;
let onUnauthenticated: () => void = () => {};
const reconnectListeners = new Set<() => void>();

function build(): ApiClient {
  return createApiClient({
    getToken: () => session.token,
    getLocale: currentLocale,
    onUnauthenticated: () => onUnauthenticated(),
    onReconnected: () => reconnectListeners.forEach((fn) => fn()),
    offlineExchange: offlineAnswers.exchange,
  });
}

current = build();
export const clientRef = shallowRef<Client>(current.client);

export function getClient(): Client {
  return clientRef.value;
}

/** A fresh client and websocket: after log-in and log-out. */
export function resetClient(): void {
  current?.resetSocket();
  current = build();
  clientRef.value = current.client;
}

export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

/** Runs fn whenever the live connection comes back after a drop (to refetch what was missed). */
export function onReconnected(fn: () => void): () => void {
  reconnectListeners.add(fn);
  return () => reconnectListeners.delete(fn);
}
