import type { SnapshotSerializer } from 'vitest';
import { isTracesLike, type TracesLike } from '../check/received.ts';
import { renderShape } from '../snapshot/renderShape.ts';
import { isTraceShape } from '../snapshot/TraceShape.ts';
import { shapeOf } from './shapeOf.ts';

/**
 * The snapshot serializer for traces: `toMatchSnapshot()`, `toMatchInlineSnapshot()` and `toMatchFileSnapshot()`
 * of a Trace, a TraceSet, the test's `traces` or a {@link shapeOf} result print the trace shape as a tree.
 * Importing `tracespec/vitest` registers it.
 *
 * @example
 * import { expect } from 'vitest';
 * import { traceSnapshotSerializer } from 'tracespec/vitest';
 * expect.addSnapshotSerializer(traceSnapshotSerializer);
 */
export const traceSnapshotSerializer: SnapshotSerializer = {
  test: (value: unknown) => isTraceShape(value) || isTracesLike(value),
  serialize: (value: unknown) => renderShape(isTraceShape(value) ? value : shapeOf(value as TracesLike)),
};
