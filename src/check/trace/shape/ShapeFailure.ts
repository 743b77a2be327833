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
}
