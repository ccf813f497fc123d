// Vite build for the Huzhu client: static files in dist/ that the server serves at "/".
// In dev, API paths are proxied to the server on :4000; the PWA plugin writes the service worker.
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';

const api = 'http://127.0.0.1:4000';

/** Vant's icon font names a CDN copy after its embedded one: drop it, so nothing loads off-site
 *  (the server's CSP blocks it anyway, and an offline PWA cannot reach it). */
const vantIconsOffline: Plugin = {
  name: 'huzhu-vant-icons-offline',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('vant') || !id.endsWith('.css')) return null;
    return code.replace(/,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\("[a-z0-9]+"\)/g, '');
  },
};

export default defineConfig({
  plugins: [
    vantIconsOffline,
    vue(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false, // registered by src/offline/register-sw.ts, after first paint
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: '互助 · 时间银行',
        short_name: '互助',
        description: '农村互助养老：志愿服务时间储蓄与爱心积分超市',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app shell and every lazy chunk open from cache offline; API calls never do.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/export/, /^\/certificate/, /^\/healthz/, /^\/photos/],
        cleanupOutdatedCaches: true,
        // Take charge of the page that installed the worker at once: a volunteer who opened the
        // app once on a good link can open it again on no link, without a second visit first.
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/export': { target: api, changeOrigin: true },
      '/certificate': { target: api, changeOrigin: true },
      '/healthz': { target: api, changeOrigin: true },
    },
  },
});
