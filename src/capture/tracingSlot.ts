import type { TracerProvider } from '@opentelemetry/api';
import type { SpanRecorder } from './SpanRecorder.ts';
import type { SpanStore } from './SpanStore.ts';

/** Tracing installed for a test process. */
export interface Tracing {
  readonly recorder: SpanRecorder;
  readonly store: SpanStore;
  readonly provider: TracerProvider;
  /**
   * True when tracespec's recorder joined a tracer provider that was registered before it (vitest's
   * `experimental.openTelemetry`, or a set-up of your own) instead of registering its own.
   */
  readonly attached: boolean;
  /** Where the provider came from, for messages: `@opentelemetry/sdk-trace@3.1.1`, or who registered it. */
  readonly sdk: string;
  /** Unregisters the globals and disables the instrumentations. */
  shutdown(): Promise<void>;
}

const KEY = Symbol.for('tracespec.tracing');

/** The process-wide slot (shared by every copy of this module) holding the installed tracing. */
export const slot: { tracing?: Tracing | undefined } =
  ((globalThis as Record<symbol, unknown>)[KEY] as { tracing?: Tracing } | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[KEY] = slot;

/**
 * The tracing installed in this process (by installTracing, setupTracing or useRecorder), if any.
 *
 * @example
 * const store = installedTracing()?.store;
 */
export function installedTracing(): Tracing | undefined {
  return slot.tracing;
}
