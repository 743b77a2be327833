/** The part of an OpenTelemetry `SpanExporter` the tracking needs. */
interface ExporterLike {
  export(spans: unknown[], done: (result: unknown) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

/**
 * Wraps a span exporter so that one can wait until every export it started has finished. The SDK's
 * `forceFlush()` exports what is still buffered, but does not wait for an export already on its way (a batch timer's,
 * or a concurrent flush's): with this, "flushed" means every span ended so far has reached the exporter's endpoint.
 *
 * @example
 * const tracked = trackExports(new OTLPTraceExporter());
 * await provider.forceFlush();
 * await tracked.idle();
 */
export function trackExports<T extends object>(exporter: T): { exporter: T; idle(): Promise<void> } {
  const inner = exporter as unknown as ExporterLike;
  let pending = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    pending--;
    if (pending > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  const wrapped = new Proxy(exporter, {
    get(target, property, receiver) {
      if (property !== 'export') return Reflect.get(target, property, receiver);
      return (spans: unknown[], done: (result: unknown) => void) => {
        pending++;
        try {
          inner.export.call(target, spans, (result) => {
            settle();
            done(result);
          });
        } catch (error) {
          settle();
          throw error;
        }
      };
    },
  });
  return {
    exporter: wrapped,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
