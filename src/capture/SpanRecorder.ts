import { fromReadableSpan } from '../model/fromReadableSpan.ts';
import type { ReadableSpanLike } from '../model/ReadableSpanLike.ts';
import type { Span } from '../model/Span.ts';
import { isOwnTraffic } from './ownTraffic.ts';
import { SpanStore } from './SpanStore.ts';
import { currentScope } from './testScope.ts';

/**
 * An OpenTelemetry `SpanProcessor` that records every ended span into a {@link SpanStore}, synchronously in
 * `onEnd` (no exporter, no promise, no timer), gives each trace to the test whose code started it, and keeps
 * track of spans that were started and never ended.
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
  readonly #open = new Set<ReadableSpanLike>();

  constructor(options: { store?: SpanStore } = {}) {
    this.store = options.store ?? new SpanStore();
  }

  onStart(span: ReadableSpanLike): void {
    this.#open.add(span);
    const scope = currentScope();
    if (scope !== undefined) this.store.claim(span.spanContext().traceId, scope);
  }

  onEnd(span: ReadableSpanLike): void {
    this.#open.delete(span);
    if (isOwnTraffic(span)) return;
    this.store.addReadable(span);
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
    const result: Span[] = [];
    for (const span of this.#open) {
      if (filter.scope !== undefined && this.store.ownerOf(span.spanContext().traceId) !== filter.scope) continue;
      result.push(fromReadableSpan(span));
    }
    return result;
  }

  /** Stops tracking the open spans of a scope (after they were reported), or all of them. */
  forgetOpenSpans(filter: { scope?: string } = {}): void {
    for (const span of this.#open) {
      if (filter.scope === undefined || this.store.ownerOf(span.spanContext().traceId) === filter.scope) {
        this.#open.delete(span);
      }
    }
  }
}
