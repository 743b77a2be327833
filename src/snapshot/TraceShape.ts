import type { SpanKind, StatusCode } from '../model/Span.ts';

/**
 * An attribute in a shape: its key and its printed, redacted value.
 *
 * @example
 * const route = span.attributes.find((attribute) => attribute.key === 'http.route')?.value; // '"/orders"'
 */
export interface ShapeAttribute {
  readonly key: string;
  /** The value as printed: strings quoted, placeholders bare (`<port>`). */
  readonly value: string;
}

/**
 * An event of a span in a shape.
 *
 * @example
 * const failed = span.events.some((event) => event.name === 'exception');
 */
export interface ShapeEvent {
  readonly name: string;
  readonly attributes: readonly ShapeAttribute[];
}

/**
 * A link in a shape: the linked span's number in the snapshot, or `undefined` for a span outside it.
 *
 * @example
 * const external = span.links.filter((link) => link.target === undefined).length;
 */
export interface ShapeLink {
  readonly target: number | undefined;
  readonly attributes: readonly ShapeAttribute[];
}

/**
 * One span of a trace shape: what a snapshot shows of it, and its children in canonical order.
 *
 * @example
 * const names = shape.traces[0]?.tops.map((span) => span.name);
 */
export interface ShapeSpan {
  /** Position in the snapshot, 1-based, in tree order over all traces. */
  readonly ref: number;
  readonly service: string;
  readonly kind: SpanKind;
  readonly name: string;
  readonly status: { readonly code: StatusCode; readonly message?: string };
  readonly attributes: readonly ShapeAttribute[];
  readonly events: readonly ShapeEvent[];
  readonly links: readonly ShapeLink[];
  /** The duration bucket, when durations are bucketed. */
  readonly duration?: string;
  /** `orphan`, `duplicate id`, `not ended`. */
  readonly flags: readonly string[];
  readonly children: readonly ShapeSpan[];
  /** True when a link of the snapshot points here (the span's number is then printed). */
  readonly linked: boolean;
}

/**
 * One trace of a shape: its top spans (roots and orphans) in canonical order.
 *
 * @example
 * const rootNames = shape.traces.map((trace) => trace.tops[0]?.name);
 */
export interface ShapeTrace {
  readonly tops: readonly ShapeSpan[];
  readonly size: number;
}

const SHAPE_BRAND = Symbol.for('tracespec.TraceShape');

/**
 * The normalized shape of a test's traces: no ids, no times, volatile values replaced, siblings and traces in an
 * order that depends only on what they contain. Made by {@link normalizeTraces}; printed by {@link renderShape}.
 *
 * @example
 * const shape = normalizeTraces(traceSet);
 * console.log(renderShape(shape));
 */
export interface TraceShape {
  readonly [SHAPE_BRAND]: true;
  readonly traces: readonly ShapeTrace[];
}

/** Internal: brands a shape so that the snapshot serializer recognizes it. */
export function brandShape(traces: readonly ShapeTrace[]): TraceShape {
  return { [SHAPE_BRAND]: true, traces };
}

/**
 * True for a {@link TraceShape}.
 *
 * @example
 * if (isTraceShape(value)) console.log(renderShape(value));
 */
export function isTraceShape(value: unknown): value is TraceShape {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SHAPE_BRAND] === true;
}
