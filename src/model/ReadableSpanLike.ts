import type { HrTime } from './time.ts';

/**
 * The structural shape of an OpenTelemetry `ReadableSpan`, identical in `@opentelemetry/sdk-trace-base` 2.x and
 * `@opentelemetry/sdk-trace` 3.x. tracespec converts from this shape, never from a class, so spans from either SDK
 * line (or any object of this shape) work.
 *
 * @example
 * const spans = exporter.getFinishedSpans().map((span: ReadableSpanLike) => fromReadableSpan(span));
 */
export interface ReadableSpanLike {
  readonly name: string;
  readonly kind: number;
  spanContext(): { readonly traceId: string; readonly spanId: string; readonly traceFlags: number };
  readonly parentSpanContext?: { readonly spanId: string } | undefined;
  /** Older SDKs (1.x) exposed the parent id directly. */
  readonly parentSpanId?: string | undefined;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly status: { readonly code: number; readonly message?: string | undefined };
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly links: readonly {
    readonly context: { readonly traceId: string; readonly spanId: string };
    readonly attributes?: Readonly<Record<string, unknown>> | undefined;
  }[];
  readonly events: readonly {
    readonly name: string;
    readonly time: HrTime;
    readonly attributes?: Readonly<Record<string, unknown>> | undefined;
  }[];
  readonly ended: boolean;
  readonly resource: { readonly attributes: Readonly<Record<string, unknown>> };
  readonly instrumentationScope?: { readonly name: string; readonly version?: string | undefined } | undefined;
  /** 1.x name of `instrumentationScope`. */
  readonly instrumentationLibrary?: { readonly name: string; readonly version?: string | undefined } | undefined;
}
