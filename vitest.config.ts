import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// tracespec's container tests remove what they start by their labels, so the Ryuk reaper (an image that must be
// pulled from a registry) is not needed; without a registry it could not start anyway.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Tests and examples import tracespec by its public name; point those names at the sources.
const alias = [
  { find: /^tracespec$/, replacement: src('index.ts') },
  { find: /^tracespec\/(.+)$/, replacement: src('$1/index.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/setup-unit.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/docker-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/chromium-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'examples',
          include: ['examples/**/*.test.ts'],
          setupFiles: ['examples/tracing.setup.ts'],
          globalSetup: ['test/support/docker-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
