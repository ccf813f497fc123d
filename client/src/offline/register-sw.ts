// Registers the service worker written by vite-plugin-pwa (generateSW) so the app shell and its
// pages open from cache with no connection. Only in a production build: dev has no worker.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker the app still works online; nothing to tell the user.
    });
  });
}
