import type { Span } from '../../../model/Span.ts';
import type { Trace } from '../../../model/Trace.ts';
import type { NormalShape } from './NormalShape.ts';

/** A span that was considered for a shape node, and why it was rejected. */
export interface RejectedCandidate {
  readonly span: Span;
  readonly reason: string;
}

/** The deepest shape node that could not be matched, where, and what was tried. */
export interface ShapeFailure {
  readonly node: NormalShape;
  readonly trace?: Trace;
  /** The span matched by the node's parent in the shape (absent for the shape's root). */
  readonly under?: Span;
  /** How the node hangs below its parent: a direct child or somewhere below. */
  readonly relation: 'root' | 'child' | 'descendant';
  /** Depth in the shape (0 for the root). */
  readonly depth: number;
  /** The spans matched on the way down, and by which node. */
  readonly matched: ReadonlyMap<Span, NormalShape>;
  readonly candidates: readonly RejectedCandidate[];
  /** A problem with the node itself rather than a missing child (e.g. extra children in exact mode). */
  readonly problem?: string;
  /** The span under which the node was sought has no children (or nothing below it) at all. */
  readonly emptyParent?: boolean;
  /**
   * Every shape node that could not be placed on the way down, grouped by the span it was sought under (the
   * failing node's own group first): all the missing children, not just the first.
   */
  readonly unplaced?: readonly UnplacedGroup[];
}

/** Shape nodes that found no span among the children (or descendants) of one span. */
export interface UnplacedGroup {
  readonly under: Span;
  readonly relation: 'child' | 'descendant';
  readonly nodes: readonly NormalShape[];
}
