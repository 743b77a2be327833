// A new project's vitest config, as a user writes it after `npm i -D tracespec ...`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['./tracing.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
