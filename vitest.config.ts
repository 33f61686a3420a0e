import { defineConfig } from 'vitest/config';

// Two vitest projects: pure unit tests and integration tests over a real SQLite file.
// End-to-end tests run under Playwright's own runner (playwright.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of random calendars; on a busy 2-core CI machine they need
          // more than the default 5 s. Speed is measured by `npm run bench`, never by timeouts.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Child-process kill tests and backups touch the disk; give them room on a 2-core machine.
          testTimeout: 30_000,
          pool: 'forks',
        },
      },
    ],
  },
});
