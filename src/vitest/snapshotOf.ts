import type { TracesLike } from '../model/TracesLike.ts';
import { normalizeTraces } from '../snapshot/normalizeTraces.ts';
import type { SnapshotOptions } from '../snapshot/SnapshotOptions.ts';
import type { TraceSnapshot } from '../snapshot/TraceSnapshot.ts';
import { traceSnapshotOptions } from './snapshotConfig.ts';
import { toTraceSet } from './subjects/toSubject.ts';

/**
 * The shape of traces for one snapshot, with options for this call (over those of
 * {@link configureTraceSnapshots}). Snapshot the traces themselves when the configured options are enough.
 *
 * @example
 * expect(snapshotOf(traces, { attributes: { include: ['http.route'] }, events: false })).toMatchSnapshot();
 */
export function snapshotOf(traces: TracesLike, options: SnapshotOptions = {}): TraceSnapshot {
  return normalizeTraces(toTraceSet(traces, 'snapshotOf'), { ...traceSnapshotOptions(), ...options });
}
