import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests pure functions on real files; `site` tests build real sites and
// open them in headless Chromium, sharing one build of the demo service (see global-setup).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Some unit tests run TypeDoc or read a whole corpus: seconds on a quiet machine, more
          // on a busy CI runner. Timing is for `npm run bench`, not for pass/fail.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/a11y/**/*.test.ts'],
          globalSetup: ['test/helpers/build-demo-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
