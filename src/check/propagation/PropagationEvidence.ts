import type { TraceSet } from '../../model/TraceSet.ts';
import type { WireRecord } from '../../model/WireRecord.ts';

/**
 * Everything the propagation checks read about one test: its own traces, and around them what can explain a lost
 * context. A test's live `traces` gathers it (`traces.evidence()`); a plain trace set is evidence with spans only.
 *
 * @example
 * const evidence: PropagationEvidence = { traces: set, strays, others, wire: system.hops() };
 */
export interface PropagationEvidence {
  /** The test's traces. */
  readonly traces: TraceSet;
  /** Traces nobody claimed that ran while the test's did: where a service that lost the context went on. */
  readonly strays?: TraceSet;
  /** Traces of other tests that ran at the same time: a stray that may be theirs is never claimed as certain. */
  readonly others?: TraceSet;
  /** Ids of every trace another test claimed, also those with no span ended yet (a request still on its way). */
  readonly otherTraceIds?: ReadonlySet<string>;
  /**
   * Other tests were running while this one did (their traces overlap it, or they have spans still open): then a
   * split-off trace that only time ties to this test is not taken for its own.
   */
  readonly concurrentTests?: boolean;
  /** What the recording taps saw between services while the test ran. */
  readonly wire?: readonly WireRecord[];
  /** Clock skew tolerated when matching spans and requests by time, in ms. Default 5. */
  readonly skewMs?: number;
}
