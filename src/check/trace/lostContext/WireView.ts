import type { Span } from '../../../model/Span.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';
import type { WireRecord } from '../../../model/WireRecord.ts';
import { sentContext } from './sentContext.ts';

/**
 * The taps' records with what the spans tell about each: which were answered (the callee continued the context they
 * carried) and which carried a trace of another test. A record answered by some span cannot also be the request
 * behind another split-off trace; one that carried another test's trace is never this test's.
 */
export interface WireView {
  readonly records: readonly WireRecord[];
  /** True when a span other than `except` continued the context the record carried. */
  answeredByOther(record: WireRecord, except?: Span): boolean;
  /** True when the record carried a trace that belongs to another test. */
  carriesOthers(record: WireRecord): boolean;
  /** True when the record carried one of this test's traces. */
  carriesOwn(record: WireRecord): boolean;
}

/**
 * Indexes the records against every span known (the test's, the strays, other tests').
 *
 * @example
 * const view = wireView(records, { own, others, otherIds, spans: [...own.spans, ...strays.spans] });
 */
export function wireView(
  records: readonly WireRecord[],
  known: { own: TraceSet; others: TraceSet; otherIds: ReadonlySet<string>; spans: Iterable<Span> },
  /** Records already taken to explain something: left out of `records`. */
  taken?: ReadonlySet<WireRecord>,
): WireView {
  // Which spans continued each carried context. Built on first use, and only for the parent ids that some record
  // carried: a check on a trace of 100k spans with no taps, or a few records, does not index every span.
  let answers: Map<string, Span[]> | undefined;
  const answersOf = (): Map<string, Span[]> => {
    if (answers !== undefined) return answers;
    answers = new Map();
    const carriedParents = new Set<string>();
    for (const record of records) for (const ids of sentContext(record).valid) carriedParents.add(ids.parentSpanId);
    if (carriedParents.size === 0) return answers;
    for (const span of known.spans) {
      if (span.parentSpanId === undefined || !carriedParents.has(span.parentSpanId)) continue;
      const key = `${span.traceId}/${span.parentSpanId}/${span.service}`;
      const list = answers.get(key);
      if (list) list.push(span);
      else answers.set(key, [span]);
    }
    return answers;
  };
  const carried = (record: WireRecord) => sentContext(record).valid;
  return {
    get records() {
      return taken === undefined || taken.size === 0 ? records : records.filter((record) => !taken.has(record));
    },
    answeredByOther: (record, except) =>
      carried(record).some((ids) =>
        (answersOf().get(`${ids.traceId}/${ids.parentSpanId}/${record.to}`) ?? []).some((span) => span !== except),
      ),
    carriesOthers: (record) =>
      carried(record).some((ids) => known.others.get(ids.traceId) !== undefined || known.otherIds.has(ids.traceId)),
    carriesOwn: (record) => carried(record).some((ids) => known.own.get(ids.traceId) !== undefined),
  };
}
