import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import type { Trace } from '../../model/Trace.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { describeSpan } from '../../render/describeSpan.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { describeRef, resolveSpans } from '../expectation/resolveSpans.ts';
import type { SpanRef } from '../expectation/SpanRef.ts';
import { timeline } from './timeline.ts';

/**
 * Options of {@link hasNoRepeatedSpans}.
 *
 * @example
 * expect(traces).toHaveNoRepeatedSpans({ kind: 'client' }, { under: { name: 'GET /orders' }, max: 2 });
 */
export interface RepeatedSpansOptions {
  /** Only look inside spans matching this (at any depth below them), e.g. the request's server span. */
  readonly under?: SpanRef;
  /** How many spans of one shape one parent may have. Default 1. */
  readonly max?: number;
}

/** Siblings of one shape under one parent: a likely N+1 loop. */
interface Repeat {
  readonly parent: Span | undefined;
  readonly trace: Trace;
  readonly spans: readonly Span[];
}

/**
 * Catches N+1 patterns: checks that no parent has more than `max` child spans of the same shape (same name,
 * kind, service and attribute keys) among the spans matching `spans`. The message lists each repeat with its
 * parent and count, and shows them on the waterfall.
 *
 * @example
 * hasNoRepeatedSpans(traceSet, { attributes: { 'db.system': 'postgresql' } }, { under: { kind: 'server' } });
 */
export function hasNoRepeatedSpans(set: TraceSet, spans: SpanRef, options: RepeatedSpansOptions = {}): CheckResult {
  const max = options.max ?? 1;
  if (!Number.isInteger(max) || max < 1) {
    throw new TypeError(
      `[tracespec] toHaveNoRepeatedSpans(): option \`max\` must be a whole number >= 1, got ${String(max)}.`,
    );
  }
  const candidates = new Set(resolveSpans(set, spans));
  const repeats: Repeat[] = [];
  for (const trace of set) {
    const scopes = options.under === undefined ? undefined : resolveSpans(trace, options.under);
    const groups = new Map<string, Span[]>();
    for (const span of trace.spans) {
      if (!candidates.has(span) || (scopes && !isInside(trace, span, scopes))) continue;
      const key = `${trace.parent(span)?.spanId ?? '(top)'}\u0000${shape(span)}`;
      const group = groups.get(key);
      if (group) group.push(span);
      else groups.set(key, [span]);
    }
    for (const group of groups.values()) {
      if (group.length > max) repeats.push({ parent: trace.parent(group[0] as Span), trace, spans: group });
    }
  }
  const pass = repeats.length === 0;
  const scope = options.under === undefined ? '' : ` under ${describeRef(options.under)}`;
  const marked = () => {
    const marks = new Map<Span, string>();
    for (const [i, repeat] of repeats.entries()) {
      for (const [j, span] of repeat.spans.entries()) marks.set(span, `◀ ${i + 1}: ${j + 1} of ${repeat.spans.length}`);
    }
    return marks;
  };
  return {
    pass,
    marks: () => failureMarks(marked()),
    message: () => {
      const marks = marked();
      const involved = repeats.flatMap((repeat) => repeat.spans);
      return checkMessage({
        expected: `${pass ? 'some' : 'no'} parent with more than ${max} sibling span${max === 1 ? '' : 's'} of one shape matching ${describeRef(spans)}${scope}`,
        received: pass
          ? `none repeats (${candidates.size} matching span${candidates.size === 1 ? '' : 's'} checked)`
          : `${repeats.length} group${repeats.length === 1 ? '' : 's'} of repeated spans:`,
        details: repeats.flatMap((repeat, i) => [
          `  ${i + 1}. ${repeat.spans.length} × ${describeShape(repeat.spans[0] as Span)}`,
          `     under ${repeat.parent ? describeSpan(repeat.parent) : 'the top of the trace'}`,
        ]),
        blocks: [pass ? undefined : timeline(involved, marks, set)],
      });
    },
  };
}

function isInside(trace: Trace, span: Span, scopes: readonly Span[]): boolean {
  return trace.ancestors(span).some((ancestor) => scopes.includes(ancestor));
}

/** Same name, kind, service and set of attribute keys: one statement run in a loop, whatever its parameters. */
function shape(span: Span): string {
  return [span.service, span.kind, span.name, ...Object.keys(span.attributes).sort()].join('\u0000');
}

function describeShape(span: Span): string {
  const keys = Object.keys(span.attributes).sort();
  return `${span.service} ${span.kind} ${JSON.stringify(span.name)}${keys.length > 0 ? ` {${keys.join(', ')}}` : ''}`;
}
