import { fromReadableSpan } from '../model/fromReadableSpan.ts';
import type { ReadableSpanLike } from '../model/ReadableSpanLike.ts';
import type { Span } from '../model/Span.ts';
import { isOwnTraffic } from './ownTraffic.ts';
import { SpanStore } from './SpanStore.ts';
import { currentScope } from './testScope.ts';

/**
 * An OpenTelemetry `SpanProcessor` that records every span into a {@link SpanStore}, synchronously (no exporter,
 * no promise, no timer): the span is taken when it starts (one push) and becomes visible when it ends, so spans
 * started and never ended are known too. Each trace goes to the test whose code started it.
 *
 * Works with `@opentelemetry/sdk-trace-base` 2.x and `@opentelemetry/sdk-trace` 3.x (it is structural).
 *
 * @example
 * const recorder = new SpanRecorder();
 * const provider = new BasicTracerProvider({ spanProcessors: [recorder] });
 * // ... run code ...
 * const traces = recorder.store.traceSet();
 */
export class SpanRecorder {
  readonly store: SpanStore;

  constructor(options: { store?: SpanStore } = {}) {
    this.store = options.store ?? new SpanStore();
  }

  onStart(span: ReadableSpanLike): void {
    const scope = currentScope();
    // tracespec's own servers (collector, taps) must not claim the trace a request to them carries: that trace is
    // whoever sent it's, and a tap may carry another test's (or a foreign) context.
    if (scope !== undefined && !isOwnTraffic(span)) this.store.claim(span.spanContext().traceId, scope);
    // The store keeps the span from its start: it is an open span until it ends, then a recorded one.
    this.store.addStarted(span);
  }

  onEnd(): void {
    this.store.markEnded();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Spans started and not ended yet, all of them or those whose trace belongs to one scope (test).
   *
   * @example
   * const leaks = recorder.openSpans({ scope: testId });
   */
  openSpans(filter: { scope?: string } = {}): Span[] {
    return this.store.openSpans(filter).map((span) => fromReadableSpan(span));
  }

  /** Stops tracking the open spans of a scope (after they were reported), or all of them. */
  forgetOpenSpans(filter: { scope?: string } = {}): void {
    this.store.forgetOpen(filter);
  }
}
