// The snapshot family: trace-shape snapshots through vitest's own snapshot matchers. Runtime matchers and their
// typed `Matchers` augmentation side by side; the trace shape is made in snapshot/.
import { type MatcherState, Snapshots, type SyncMatcherResult } from 'vitest';
import { diffSnapshots } from '../../snapshot/diffSnapshots.ts';
import { normalizeTraces } from '../../snapshot/normalizeTraces.ts';
import { parseSnapshot } from '../../snapshot/parseSnapshot.ts';
import { renderSnapshotDiff } from '../../snapshot/renderSnapshotDiff.ts';
import { isTraceSnapshot, type TraceSnapshot } from '../../snapshot/TraceSnapshot.ts';
import { traceSnapshotOptions } from '../snapshotConfig.ts';
import { toTraceSet } from '../subjects/toSubject.ts';
import { custom, defineMatchers } from '../toMatcher.ts';

/** The trace snapshot matchers as vitest sees them. */
export interface SnapshotMatchers<R = unknown> {
  /**
   * Like `toMatchSnapshot()`, for traces; a mismatch also says which spans appeared, disappeared, moved or changed.
   *
   * @example
   * expect(traces).toMatchTraceSnapshot();
   */
  toMatchTraceSnapshot(hint?: string): R;
  /**
   * Like `toMatchInlineSnapshot()`, for traces, with the same tree diff on a mismatch.
   *
   * @example
   * expect(traces).toMatchTraceInlineSnapshot();
   */
  toMatchTraceInlineSnapshot(snapshot?: string): R;
  /**
   * Like `toMatchFileSnapshot()`, for traces, with the same tree diff on a mismatch.
   *
   * @example
   * await expect(traces).toMatchTraceFileSnapshot('./__snapshots__/checkout.trace.txt');
   */
  toMatchTraceFileSnapshot(filepath: string, hint?: string): Promise<void>;
}

/**
 * The trace snapshot matchers: `toMatchSnapshot()` and friends, plus, when the snapshot no longer matches, the
 * changes read as a tree diff above the line diff (which spans appeared, disappeared, moved or changed).
 *
 * @example
 * expect(traces).toMatchTraceSnapshot();
 * expect(traces).toMatchTraceInlineSnapshot();
 * await expect(traces).toMatchTraceFileSnapshot('./__snapshots__/checkout.trace.txt');
 */
export const snapshotMatchers = defineMatchers<SnapshotMatchers>({
  toMatchTraceSnapshot: custom(function (this: MatcherState, received: unknown, hint?: string): SyncMatcherResult {
    const snapshot = capture(received, 'toMatchTraceSnapshot');
    return withTreeDiff(Snapshots.toMatchSnapshot.call(this, snapshot, hint), snapshot);
  }),
  toMatchTraceInlineSnapshot: custom(function (
    this: MatcherState,
    received: unknown,
    inlineSnapshot?: string,
  ): SyncMatcherResult {
    const snapshot = capture(received, 'toMatchTraceInlineSnapshot');
    return withTreeDiff(Snapshots.toMatchInlineSnapshot.call(this, snapshot, inlineSnapshot), snapshot);
  }),
  toMatchTraceFileSnapshot: custom(async function (
    this: MatcherState,
    received: unknown,
    filepath: string,
    hint?: string,
  ): Promise<SyncMatcherResult> {
    const snapshot = capture(received, 'toMatchTraceFileSnapshot');
    return withTreeDiff(await Snapshots.toMatchFileSnapshot.call(this, snapshot, filepath, hint), snapshot);
  }),
});

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends SnapshotMatchers<R> {}
}

function capture(received: unknown, matcher: string): TraceSnapshot {
  if (isTraceSnapshot(received)) return received;
  return normalizeTraces(toTraceSet(received, matcher), traceSnapshotOptions());
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
