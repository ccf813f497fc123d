// Registers the service worker written by vite-plugin-pwa (generateSW) so the app shell and its
// pages open from cache with no connection. Only in a production build: dev has no worker.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker the app still works online; nothing to tell the user.
    });
  // After first paint, so the worker's precache does not compete with the first page; if the
  // page has already loaded (a slow phone, a late call), register now rather than never.
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
