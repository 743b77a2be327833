import { TracespecReporter } from 'tracespec/reporter';
import { defineConfig } from 'vitest/config';

// A CI configuration: the examples' tracing set-up, and tracespec's reporter beside the default one. Here it runs the
// test that fails on purpose (lost-context.failing.ts) to show the report a failure leaves.
export default defineConfig({
  test: {
    include: ['*.failing.ts'],
    setupFiles: ['../tracing.setup.ts'],
    // Keep the default output, and save the traces of every failed test under test-results/traces.
    reporters: ['default', new TracespecReporter({ outputDir: 'test-results/traces' })],
  },
});
