// Unit and component tests for the client: happy-dom stands in for the browser.
// The browser journey in e2e/ is a separate project (see e2e/vitest.config.ts).
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    name: 'client',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
