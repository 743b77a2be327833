import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { OTEL2_ENV, otel2Aliases } from './test/support/otel2Aliases.ts';

// tracespec's container tests remove what they start by their labels, so the Ryuk reaper (an image that must be
// pulled from a registry) is not needed; without a registry it could not start anyway.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Tests and examples import tracespec by its public name; point those names at the sources.
const alias = [
  { find: /^tracespec$/, replacement: src('index.ts') },
  { find: /^tracespec\/(.+)$/, replacement: src('$1/index.ts') },
];

// The same suites on the OpenTelemetry 2.x line (API 1.9, SDK 2.12): the suites that drive a real SDK, real
// instrumentations and services bundled with their SDK. tracespec's sources and the tests see the 2.x packages.
const sdk2 = { alias: [...alias, ...otel2Aliases()], env: OTEL2_ENV };
const sdk2Suites = [
  'test/unit/vitest/**/*.test.ts',
  'test/unit/msw/**/*.test.ts',
  'test/unit/timing/**/*.test.ts',
  'test/unit/snapshot/stability.test.ts',
  'test/unit/model/fromReadableSpan.test.ts',
  'test/unit/model/sdkLines.test.ts',
  'test/unit/capture/**/*.test.ts',
  'test/unit/propagation/otelPropagators.test.ts',
  'test/unit/propagation/jaegerPropagator.test.ts',
  // Services bundled with the 2.x SDK, exporters and instrumentations (child processes, no Docker needed).
  'test/integration/containers/exampleSystemAsProcesses.test.ts',
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
          // Many unit tests start real processes (services, exporters, a nested vitest) and wait on conditions
          // with deadlines of their own. vitest's 5 s default ended two of them on a loaded 2-core machine (found
          // by the repeated runs): the time a test takes is not what it checks, so the budget is generous.
          testTimeout: 30_000,
          hookTimeout: 30_000,
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
      {
        // The packed tarball in new projects: no aliases, nothing of the repository's node_modules.
        test: {
          name: 'package',
          include: ['test/package/*.test.ts'],
          globalSetup: ['test/support/docker-global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        resolve: { alias: sdk2.alias },
        test: {
          name: 'sdk2',
          include: sdk2Suites,
          setupFiles: ['test/support/setup-unit.ts'],
          env: sdk2.env,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias: sdk2.alias },
        test: {
          name: 'sdk2-examples',
          include: ['examples/quickstart.test.ts', 'examples/shop/*.test.ts', 'examples/outbound/*.test.ts'],
          setupFiles: ['examples/tracing.setup.ts'],
          globalSetup: ['test/support/docker-global-setup.ts'],
          env: sdk2.env,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
