import { type Span, Trace } from 'tracespec';
import { makeSpan, type SpanInput } from './spanBuilder.ts';

/** A span of a hand-built tree: everything of {@link SpanInput} but the ids, parent and times. */
export interface NodeInput extends Omit<SpanInput, 'traceId' | 'spanId' | 'parent' | 'start' | 'end'> {
  /** Milliseconds; default 1. */
  readonly duration?: number;
  /** A parent id that is not in the trace, to make an orphan. */
  readonly missingParent?: string;
}

/** A node of a hand-built trace tree. */
export interface TreeNode {
  readonly input: NodeInput;
  readonly children: readonly TreeNode[];
}

/**
 * One node of a trace tree for tests: a name (or a partial span) and its children.
 *
 * @example
 * const trace = buildTrace(node({ name: 'POST /checkout', kind: 'server' }, [node('SELECT cart')]));
 */
export function node(input: string | NodeInput, children: readonly TreeNode[] = []): TreeNode {
  return { input: typeof input === 'string' ? { name: input } : input, children };
}

let traces = 0;

/** Builds a trace from tree nodes; siblings start in the order given, so tree order is the written order. */
export function buildTrace(...tops: readonly TreeNode[]): Trace {
  traces++;
  const traceId = traces.toString(16).padStart(32, '0');
  const spans: Span[] = [];
  let clock = 0;
  const visit = (tree: TreeNode, parent: Span | undefined) => {
    const { duration = 1, missingParent, ...rest } = tree.input;
    const start = clock++;
    const span = makeSpan({
      ...rest,
      traceId,
      start,
      end: start + duration,
      ...(parent ? { parent } : missingParent ? { parent: missingParent } : {}),
    });
    spans.push(span);
    for (const child of tree.children) visit(child, span);
  };
  for (const top of tops) visit(top, undefined);
  return Trace.of(spans);
}
