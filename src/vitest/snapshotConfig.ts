import type { SnapshotOptions } from '../snapshot/SnapshotOptions.ts';

let configured: SnapshotOptions = {};

/**
 * Sets the options every trace-shape snapshot of this test worker uses (call it in a setup file). Options given
 * to {@link snapshotOf} in a test override these field by field.
 *
 * @example
 * // vitest.setup.ts
 * import { configureTraceSnapshots, defaultRedactions } from 'tracespec/vitest';
 * configureTraceSnapshots({
 *   attributes: { exclude: ['http.user_agent'] },
 *   redact: [...defaultRedactions, { name: 'order', value: /ord_\w+/g, replacement: '<order>' }],
 * });
 */
export function configureTraceSnapshots(options: SnapshotOptions): void {
  configured = { ...options };
}

/** The options set by {@link configureTraceSnapshots} (empty by default). */
export function traceSnapshotOptions(): SnapshotOptions {
  return configured;
}
