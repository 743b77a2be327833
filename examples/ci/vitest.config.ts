import { TracespecReporter } from 'tracespec/reporter';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    // Keep the default output, and save the traces of every failed test under test-results/traces.
    reporters: ['default', new TracespecReporter({ outputDir: 'test-results/traces' })],
  },
});
