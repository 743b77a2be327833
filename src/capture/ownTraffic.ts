import type { ReadableSpanLike } from '../model/ReadableSpanLike.ts';

const KEY = Symbol.for('tracespec.receiverPorts');
const ports: Set<number> = ((globalThis as Record<symbol, unknown>)[KEY] as Set<number> | undefined) ?? new Set();
(globalThis as Record<symbol, unknown>)[KEY] = ports;

const SERVER = 1;

/** Marks a port as one of tracespec's own receivers in this process (the embedded collector's HTTP port). */
export function addReceiverPort(port: number): void {
  ports.add(port);
}

/** Forgets a receiver port (the collector stopped). */
export function removeReceiverPort(port: number): void {
  ports.delete(port);
}

/**
 * True for the SERVER span an http instrumentation in the test process records for a request to tracespec's own
 * collector (exporters posting spans): that is tracespec's plumbing, not the system under test.
 */
export function isOwnTraffic(span: ReadableSpanLike): boolean {
  if (span.kind !== SERVER || ports.size === 0) return false;
  const port = span.attributes['server.port'] ?? span.attributes['net.host.port'];
  return typeof port === 'number' && ports.has(port);
}

/** Instrumentation scope of the spans vitest records about itself under `experimental.openTelemetry`. */
const RUNNER_SCOPE = 'vitest';

/**
 * True for a span the test runner records about itself (vitest's `experimental.openTelemetry`: workers, module
 * imports, hooks, the test callback). They are the runner's, not the code under test's: tracespec keeps them out
 * of the tests' traces, and spans started under them count as roots.
 */
export function isRunnerSpan(span: ReadableSpanLike): boolean {
  return (span.instrumentationScope ?? span.instrumentationLibrary)?.name === RUNNER_SCOPE;
}
