import type { SnapshotSerializer } from 'vitest';
import { isTracesLike, type TracesLike } from '../model/TracesLike.ts';
import { renderSnapshot } from '../snapshot/renderSnapshot.ts';
import { isTraceSnapshot } from '../snapshot/TraceSnapshot.ts';
import { snapshotOf } from './snapshotOf.ts';

/**
 * The snapshot serializer for traces: `toMatchSnapshot()`, `toMatchInlineSnapshot()` and `toMatchFileSnapshot()`
 * of a Trace, a TraceSet, the test's `traces` or a {@link snapshotOf} result print the trace shape as a tree.
 * Importing `tracespec/vitest` registers it.
 *
 * @example
 * import { expect } from 'vitest';
 * import { traceSnapshotSerializer } from 'tracespec/vitest';
 * expect.addSnapshotSerializer(traceSnapshotSerializer);
 */
export const traceSnapshotSerializer: SnapshotSerializer = {
  test: (value: unknown) => isTraceSnapshot(value) || isTracesLike(value),
  serialize: (value: unknown) => renderSnapshot(isTraceSnapshot(value) ? value : snapshotOf(value as TracesLike)),
};
