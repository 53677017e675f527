import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One `npm test` for every workspace. Integration tests boot real servers on a real PostgreSQL,
// so they get generous timeouts; two cores means at most two files run at once.
export default defineConfig({
  // Tests run the sandbox from source, so no build is needed before `npm test`.
  resolve: {
    alias: {
      '@tender/stripe-sandbox': fileURLToPath(
        new URL('apps/stripe-sandbox/src/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Browser journeys: the real server on its embedded defaults, driven by Chromium.
          name: 'web',
          root: 'apps/web',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          // Component tests of the web app (no server, no network): React in happy-dom.
          name: 'web-components',
          root: 'apps/web',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/component-test-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'stripe-sandbox',
          root: 'apps/stripe-sandbox',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
    ],
  },
});
