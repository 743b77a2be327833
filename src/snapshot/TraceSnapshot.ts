import type { SpanKind, StatusCode } from '../model/Span.ts';

/**
 * An attribute in a shape: its key and its printed, redacted value.
 *
 * @example
 * const route = span.attributes.find((attribute) => attribute.key === 'http.route')?.value; // '"/orders"'
 */
export interface SnapshotAttribute {
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
export interface SnapshotEvent {
  readonly name: string;
  readonly attributes: readonly SnapshotAttribute[];
}

/**
 * A link in a shape: the linked span's number in the snapshot, or `undefined` for a span outside it.
 *
 * @example
 * const external = span.links.filter((link) => link.target === undefined).length;
 */
export interface SnapshotLink {
  readonly target: number | undefined;
  readonly attributes: readonly SnapshotAttribute[];
}

/**
 * One span of a trace shape: what a snapshot shows of it, and its children in canonical order.
 *
 * @example
 * const names = shape.traces[0]?.tops.map((span) => span.name);
 */
export interface SnapshotSpan {
  /** Position in the snapshot, 1-based, in tree order over all traces. */
  readonly ref: number;
  readonly service: string;
  readonly kind: SpanKind;
  readonly name: string;
  readonly status: { readonly code: StatusCode; readonly message?: string };
  readonly attributes: readonly SnapshotAttribute[];
  readonly events: readonly SnapshotEvent[];
  readonly links: readonly SnapshotLink[];
  /** The duration bucket, when durations are bucketed. */
  readonly duration?: string;
  /** `orphan`, `duplicate id`, `not ended`. */
  readonly flags: readonly string[];
  readonly children: readonly SnapshotSpan[];
  /** True when a link of the snapshot points here (the span's number is then printed). */
  readonly linked: boolean;
}

/**
 * One trace of a shape: its top spans (roots and orphans) in canonical order.
 *
 * @example
 * const rootNames = shape.traces.map((trace) => trace.tops[0]?.name);
 */
export interface SnapshotTrace {
  readonly tops: readonly SnapshotSpan[];
  readonly size: number;
}

const SNAPSHOT_BRAND = Symbol.for('tracespec.TraceSnapshot');

/**
 * The normalized shape of a test's traces: no ids, no times, volatile values replaced, siblings and traces in an
 * order that depends only on what they contain. Made by {@link normalizeTraces}; printed by {@link renderSnapshot}.
 *
 * @example
 * const shape = normalizeTraces(traceSet);
 * console.log(renderSnapshot(shape));
 */
export interface TraceSnapshot {
  readonly [SNAPSHOT_BRAND]: true;
  readonly traces: readonly SnapshotTrace[];
}

/** Internal: brands a shape so that the snapshot serializer recognizes it. */
export function brandSnapshot(traces: readonly SnapshotTrace[]): TraceSnapshot {
  return { [SNAPSHOT_BRAND]: true, traces };
}

/**
 * True for a {@link TraceSnapshot}.
 *
 * @example
 * if (isTraceSnapshot(value)) console.log(renderSnapshot(value));
 */
export function isTraceSnapshot(value: unknown): value is TraceSnapshot {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SNAPSHOT_BRAND] === true;
}
