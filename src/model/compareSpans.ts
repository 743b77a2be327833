import type { Span } from './Span.ts';

/**
 * The deterministic sibling order of a trace tree: start time, then name, then span id.
 * (Parents come before their children because the tree is walked depth-first.)
 */
export function compareSpans(a: Span, b: Span): number {
  if (a.startTimeUnixNano !== b.startTimeUnixNano) return a.startTimeUnixNano < b.startTimeUnixNano ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.spanId !== b.spanId) return a.spanId < b.spanId ? -1 : 1;
  return 0;
}
