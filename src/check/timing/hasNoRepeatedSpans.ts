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
  for (const trace of set) repeats.push(...repeatsIn(trace, candidates, options.under, max));
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
      // The first groups are listed and drawn; the rest are counted (every group stays marked for the reporter).
      const listed = repeats.slice(0, LISTED_GROUPS);
      const unlisted = repeats.slice(LISTED_GROUPS);
      const marks = marked();
      const involved = listed.flatMap((repeat) => repeat.spans);
      const drawn = new Map(involved.map((span) => [span, marks.get(span) as string]));
      const more = unlisted.reduce((sum, repeat) => sum + repeat.spans.length, 0);
      return checkMessage({
        expected: `${pass ? 'some' : 'no'} parent with more than ${max} sibling span${max === 1 ? '' : 's'} of one shape matching ${describeRef(spans)}${scope}`,
        received: pass
          ? `none repeats (${candidates.size} matching span${candidates.size === 1 ? '' : 's'} checked)`
          : `${repeats.length} group${repeats.length === 1 ? '' : 's'} of repeated spans:`,
        details: [
          ...listed.flatMap((repeat, i) => [
            `  ${i + 1}. ${repeat.spans.length} × ${describeShape(repeat.spans[0] as Span)}`,
            `     under ${repeat.parent ? describeSpan(repeat.parent) : 'the top of the trace'}`,
          ]),
          ...(unlisted.length > 0
            ? [`  … ${unlisted.length} more group${unlisted.length === 1 ? '' : 's'} (${more} spans), not listed`]
            : []),
        ],
        blocks: [pass ? undefined : timeline(involved, drawn, set)],
      });
    },
  };
}

/** Groups listed (and drawn on the waterfall) in a message; a failure on a large trace may find thousands. */
const LISTED_GROUPS = 10;

/**
 * The repeats of one trace, in the order of their first span in the trace. Candidates are grouped by parent first
 * (a number, no key to build), and shapes are only worked out under a parent with more than `max` of them.
 */
function repeatsIn(trace: Trace, candidates: ReadonlySet<Span>, under: SpanRef | undefined, max: number): Repeat[] {
  const inside = under === undefined ? undefined : insideOf(trace, resolveSpans(trace, under));
  const up = trace.parentPositions();
  const byParent = new Map<number, number[]>();
  const spans = trace.spans;
  for (let at = 0; at < spans.length; at++) {
    if (!candidates.has(spans[at] as Span) || (inside !== undefined && inside[at] !== 1)) continue;
    const parent = up[at] as number;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(at);
    else byParent.set(parent, [at]);
  }
  const found: { first: number; repeat: Repeat }[] = [];
  for (const [parent, siblings] of byParent) {
    if (siblings.length <= max) continue;
    const shapes = new Map<string, number[]>();
    for (const at of siblings) {
      const key = shape(spans[at] as Span);
      const group = shapes.get(key);
      if (group) group.push(at);
      else shapes.set(key, [at]);
    }
    for (const group of shapes.values()) {
      if (group.length <= max) continue;
      const repeat = {
        parent: parent === -1 ? undefined : spans[parent],
        trace,
        spans: group.map((at) => spans[at] as Span),
      };
      found.push({ first: group[0] as number, repeat });
    }
  }
  return found.sort((a, b) => a.first - b.first).map(({ repeat }) => repeat);
}

/** 1 at the position of every span below one of `scopes` (at any depth). */
function insideOf(trace: Trace, scopes: readonly Span[]): Uint8Array {
  const inside = new Uint8Array(trace.size);
  for (const scope of scopes) {
    const at = trace.indexOf(scope);
    if (at !== -1) inside.fill(1, at + 1, at + 1 + trace.descendantCount(scope));
  }
  return inside;
}

/** Same name, kind, service and set of attribute keys: one statement run in a loop, whatever its parameters. */
function shape(span: Span): string {
  return [span.service, span.kind, span.name, ...Object.keys(span.attributes).sort()].join('\u0000');
}

function describeShape(span: Span): string {
  const keys = Object.keys(span.attributes).sort();
  return `${span.service} ${span.kind} ${JSON.stringify(span.name)}${keys.length > 0 ? ` {${keys.join(', ')}}` : ''}`;
}
