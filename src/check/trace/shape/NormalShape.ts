import type { SelectorList } from '../../../query/SelectorAst.ts';
import type { SpanExpectation } from '../../expectation/SpanExpectation.ts';

/** A shape node after validation: fields apart from structure, the selector parsed, a label for messages. */
export interface NormalShape {
  readonly expectation: SpanExpectation;
  readonly selector?: SelectorList;
  readonly selectorText?: string;
  readonly children: readonly NormalShape[];
  readonly descendants: readonly NormalShape[];
  /** True when the node lists neither children nor descendants. */
  readonly leaf: boolean;
  /** How the node reads in messages: `"SELECT cart"`, `{ service: "payments", name: "POST /charge" }`. */
  readonly label: string;
}
