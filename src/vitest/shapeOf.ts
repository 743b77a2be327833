import { type TracesLike, toTraceSet } from '../check/received.ts';
import { normalizeTraces } from '../snapshot/normalizeTraces.ts';
import type { ShapeOptions } from '../snapshot/ShapeOptions.ts';
import type { TraceShape } from '../snapshot/TraceShape.ts';
import { traceSnapshotOptions } from './snapshotConfig.ts';

/**
 * The shape of traces for one snapshot, with options for this call (over those of
 * {@link configureTraceSnapshots}). Snapshot the traces themselves when the configured options are enough.
 *
 * @example
 * expect(shapeOf(traces, { attributes: { include: ['http.route'] }, events: false })).toMatchSnapshot();
 */
export function shapeOf(traces: TracesLike, options: ShapeOptions = {}): TraceShape {
  return normalizeTraces(toTraceSet(traces, 'shapeOf'), { ...traceSnapshotOptions(), ...options });
}
