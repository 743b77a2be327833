import type { Span } from '../../model/Span.ts';

/** Throws unless the group has at least two spans, naming the matcher. */
export function requireGroup(group: readonly Span[], matcher: string): void {
  if (group.length < 2) {
    throw new Error(
      `[tracespec] ${matcher} needs a group of at least two spans, got ${group.length}. Check that the spans or the reference match what you expect (expect(traces).toHaveSpan(...) shows the closest spans).`,
    );
  }
}
