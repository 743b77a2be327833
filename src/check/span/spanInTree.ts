import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import { renderTree } from '../../render/renderTree.ts';

/** The span's trace drawn as a tree with the span marked, for a span check's message; nothing without the trace. */
export function spanInTree(span: Span, trace: Trace | undefined, attributes: readonly string[] = []): string {
  if (trace === undefined) return '';
  return renderTree(trace, { marks: new Map([[span, '◀ this span']]), attributes });
}
