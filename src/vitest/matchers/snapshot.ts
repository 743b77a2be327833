import { type MatcherState, Snapshots, type SyncMatcherResult } from 'vitest';
import { type TracesLike, toTraceSet } from '../../model/TracesLike.ts';
import { diffSnapshots } from '../../snapshot/diffSnapshots.ts';
import { normalizeTraces } from '../../snapshot/normalizeTraces.ts';
import { parseSnapshot } from '../../snapshot/parseSnapshot.ts';
import { renderSnapshotDiff } from '../../snapshot/renderSnapshotDiff.ts';
import { isTraceSnapshot, type TraceSnapshot } from '../../snapshot/TraceSnapshot.ts';
import { traceSnapshotOptions } from '../snapshotConfig.ts';

/**
 * The trace snapshot matchers: `toMatchSnapshot()` and friends, plus, when the snapshot no longer matches, the
 * changes read as a tree diff above the line diff (which spans appeared, disappeared, moved or changed).
 *
 * @example
 * expect(traces).toMatchTraceSnapshot();
 * expect(traces).toMatchTraceInlineSnapshot();
 * await expect(traces).toMatchTraceFileSnapshot('./__snapshots__/checkout.trace.txt');
 */
export const traceSnapshotMatchers = {
  toMatchTraceSnapshot(this: MatcherState, received: unknown, hint?: string): SyncMatcherResult {
    const snapshot = capture(received, 'toMatchTraceSnapshot');
    return withTreeDiff(Snapshots.toMatchSnapshot.call(this, snapshot, hint), snapshot);
  },
  toMatchTraceInlineSnapshot(this: MatcherState, received: unknown, inlineSnapshot?: string): SyncMatcherResult {
    const snapshot = capture(received, 'toMatchTraceInlineSnapshot');
    return withTreeDiff(Snapshots.toMatchInlineSnapshot.call(this, snapshot, inlineSnapshot), snapshot);
  },
  async toMatchTraceFileSnapshot(
    this: MatcherState,
    received: unknown,
    filepath: string,
    hint?: string,
  ): Promise<SyncMatcherResult> {
    const snapshot = capture(received, 'toMatchTraceFileSnapshot');
    return withTreeDiff(await Snapshots.toMatchFileSnapshot.call(this, snapshot, filepath, hint), snapshot);
  },
};

function capture(received: unknown, matcher: string): TraceSnapshot {
  if (isTraceSnapshot(received)) return received;
  return normalizeTraces(toTraceSet(received as TracesLike, matcher), traceSnapshotOptions());
}

function withTreeDiff(result: SyncMatcherResult, received: TraceSnapshot): SyncMatcherResult {
  if (result.pass || typeof result.expected !== 'string') return result;
  let changes: string;
  try {
    changes = renderSnapshotDiff(diffSnapshots(parseSnapshot(result.expected), received));
  } catch {
    // A stored snapshot that is not a trace snapshot (edited by hand): the line diff alone has to do.
    return result;
  }
  const message = result.message;
  const indented = changes.replace(/^/gm, '  ');
  return { ...result, message: () => `${message()}\n\nWhat changed in the trace (stored -> received):\n${indented}` };
}
