import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node' as const,
  pool: 'forks',
  // Tests may reach 127.0.0.1 and nothing else.
  setupFiles: ['test/support/loopbackOnly.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The renderer is built once, as the app ships it, before any browser starts.
          globalSetup: ['test/e2e/buildOnce.ts'],
          // One Chromium at a time on a 2-core machine; each file still gets its own browser and data folder.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
