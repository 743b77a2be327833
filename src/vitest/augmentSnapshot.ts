/** The trace snapshot matchers as vitest sees them; see `traceSnapshotMatchers`. */
export interface TraceSnapshotMatchers<R = unknown> {
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

declare module 'vitest' {
  // T is part of vitest's declaration and must be repeated.
  interface Matchers<R, T> extends TraceSnapshotMatchers<R> {}
}
