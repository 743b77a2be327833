import type { Attributes, AttributeValue, SpanEvent } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { nanosToMillis } from '../../model/time.ts';
import { plainText } from '../plainText.ts';
import type { PageAttribute, PageData, PageFailure, PageSpan, PageTrace } from './PageModel.ts';
import { skewShifts } from './skewShifts.ts';
import type { FailureInput } from './TracePageInput.ts';

/**
 * The page's data from traces that are already redacted: spans in display order with their parent, depth, service
 * and resource indexes, times on one axis for all traces (clock skew adjusted), links resolved to spans of the
 * page, and each failure's marks as span indexes.
 *
 * @example
 * const data = toPageData('checkout', 'test/checkout.test.ts', redactedSet, failures, false);
 */
export function toPageData(
  title: string,
  subtitle: string,
  set: TraceSet,
  failures: readonly FailureInput[],
  timeless: boolean,
): PageData {
  const services = new Indexer();
  const resources = new Indexer();
  const scopes = new Indexer();
  const resourceList: PageAttribute[][] = [];
  const resourceOf = new Map<Attributes, number>();

  // Times on the page: each trace's spans shifted for clock skew, then all measured from the earliest start.
  const perTrace = set.traces.map((trace) => {
    const parents = trace.parentPositions();
    return { trace, parents, shifts: skewShifts(trace.spans, parents) };
  });
  let origin: bigint | undefined;
  let end: bigint | undefined;
  for (const { trace, shifts } of perTrace) {
    for (const [i, span] of trace.spans.entries()) {
      const start = span.startTimeUnixNano + (shifts.total[i] as bigint);
      const stop = start + span.durationNano;
      if (origin === undefined || start < origin) origin = start;
      if (end === undefined || stop > end) end = stop;
    }
  }
  const zero = origin ?? 0n;
  const ms = (nanos: bigint) => nanosToMillis(nanos - zero);
  const toPageEvent = (event: SpanEvent, shift: bigint) => ({
    n: event.name,
    st: timeless ? 0 : ms(event.timeUnixNano + shift),
    a: toPageAttributes(event.attributes),
  });

  const spans: PageSpan[] = [];
  const traces: PageTrace[] = [];
  const byIds = new Map<string, number>();
  const pendingLinks: { from: number; link: number; key: string }[] = [];
  for (const [t, { trace, parents, shifts }] of perTrace.entries()) {
    const first = spans.length;
    const depth = new Int32Array(trace.size);
    const children = new Int32Array(trace.size);
    for (let i = 0; i < trace.size; i++) {
      const p = parents[i] as number;
      if (p >= 0) {
        depth[i] = (depth[p] as number) + 1;
        children[p] = (children[p] as number) + 1;
      }
    }
    const orphans = new Set(trace.orphans);
    const duplicates = new Set(trace.duplicates);
    const traceServices = new Set<number>();
    let errors = 0;
    let traceStart = Number.POSITIVE_INFINITY;
    let traceEnd = Number.NEGATIVE_INFINITY;
    for (const [i, span] of trace.spans.entries()) {
      const service = services.of(span.service);
      traceServices.add(service);
      // Spans share their resource object when they come from one process: look it up by identity first.
      let resource = resourceOf.get(span.resource);
      if (resource === undefined) {
        const key = resourceKey(span.resource);
        resource = resources.peek(key);
        if (resource === undefined) {
          resource = resources.of(key);
          resourceList.push(toPageAttributes(span.resource));
        }
        resourceOf.set(span.resource, resource);
      }
      const shift = shifts.total[i] as bigint;
      const own = shifts.own[i] as bigint;
      const start = timeless ? 0 : ms(span.startTimeUnixNano + shift);
      const duration = timeless ? 0 : nanosToMillis(span.durationNano);
      traceStart = Math.min(traceStart, start);
      traceEnd = Math.max(traceEnd, start + duration);
      if (span.status.code === 'error') errors++;
      const p = parents[i] as number;
      const index = spans.length;
      if (!byIds.has(`${span.traceId}/${span.spanId}`)) byIds.set(`${span.traceId}/${span.spanId}`, index);
      for (const [link, target] of span.links.entries()) {
        pendingLinks.push({ from: index, link, key: `${target.traceId}/${target.spanId}` });
      }
      // Assigned field by field: spreads would allocate an object per optional field, for every span.
      const item: Writable<PageSpan> = {
        t,
        p: p < 0 ? -1 : first + p,
        d: depth[i] as number,
        s: service,
        n: span.name,
        k: span.kind,
        id: span.spanId,
        st: start,
        du: duration,
        a: toPageAttributes(span.attributes),
        ev: span.events.length === 0 ? NONE : span.events.map((event) => toPageEvent(event, shift)),
        l:
          span.links.length === 0
            ? NONE
            : span.links.map((link) => ({
                trace: link.traceId,
                span: link.spanId,
                a: toPageAttributes(link.attributes),
              })),
        r: resource,
        c: scopes.of(span.scope.version ? `${span.scope.name}@${span.scope.version}` : span.scope.name),
        nc: children[i] as number,
      };
      if (span.parentSpanId !== undefined) item.pid = span.parentSpanId;
      if (own !== 0n && !timeless) item.sk = nanosToMillis(own);
      if (shift !== own && !timeless) item.ski = nanosToMillis(shift - own);
      if (span.status.code !== 'unset') item.x = span.status.code === 'error' ? 'e' : 'o';
      if (span.status.message) item.sm = span.status.message;
      if (!span.ended) item.open = true;
      if (duplicates.has(span)) item.f = 'duplicate';
      else if (orphans.has(span)) item.f = 'orphan';
      spans.push(item);
    }
    traces.push({
      id: trace.traceId,
      first,
      size: trace.size,
      startMs: trace.size === 0 ? 0 : traceStart,
      durationMs: trace.size === 0 ? 0 : traceEnd - traceStart,
      services: traceServices.size,
      errors,
    });
  }
  // Links are resolved once every span has its index (a link may point forward, or into another trace).
  for (const { from, link, key } of pendingLinks) {
    const to = byIds.get(key);
    const span = spans[from] as PageSpan & { l: PageSpan['l'][number][] };
    if (to !== undefined) span.l[link] = { ...(span.l[link] as PageSpan['l'][number]), to };
  }

  return {
    version: 1,
    title,
    subtitle,
    failures: failures.map((failure) => toPageFailure(failure, byIds)),
    traces,
    spans,
    services: services.list(),
    resources: resourceList,
    scopes: scopes.list(),
    durationMs: timeless || origin === undefined || end === undefined ? 0 : nanosToMillis(end - origin),
    originMs: origin === undefined ? 0 : nanosToMillis(origin),
    timeless,
  };
}

function toPageFailure(failure: FailureInput, byIds: ReadonlyMap<string, number>): PageFailure {
  const marks: { span: number; note: string }[] = [];
  for (const mark of failure.marks?.spans ?? []) {
    const span = byIds.get(`${mark.traceId}/${mark.spanId}`);
    if (span !== undefined) marks.push({ span, note: mark.note });
  }
  return {
    message: plainText(failure.message),
    marks,
    hops: (failure.marks?.hops ?? []).map((hop) => ({ ...hop })),
  };
}

/**
 * Attributes as the page shows them, sorted by key.
 *
 * @example
 * toPageAttributes({ 'http.response.status_code': 503 }); // [['http.response.status_code', '503', 'n']]
 */
export function toPageAttributes(attributes: Attributes): PageAttribute[] {
  const result: PageAttribute[] = [];
  for (const key of Object.keys(attributes).sort()) {
    const value = attributes[key];
    if (value !== undefined) result.push([key, ...formatValue(value)]);
  }
  return result;
}

function formatValue(value: AttributeValue): [string, PageAttribute[2]] {
  if (typeof value === 'string') return [value, 's'];
  if (typeof value === 'number') return [String(value), 'n'];
  if (typeof value === 'boolean') return [String(value), 'b'];
  return [JSON.stringify(value), 'a'];
}

function resourceKey(resource: Attributes): string {
  return JSON.stringify(
    Object.keys(resource)
      .sort()
      .map((key) => [key, resource[key]]),
  );
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const NONE: readonly never[] = Object.freeze([]);

/** Gives each distinct string an index, in order of first appearance. */
class Indexer {
  readonly #indexes = new Map<string, number>();

  of(value: string): number {
    let index = this.#indexes.get(value);
    if (index === undefined) {
      index = this.#indexes.size;
      this.#indexes.set(value, index);
    }
    return index;
  }

  peek(value: string): number | undefined {
    return this.#indexes.get(value);
  }

  list(): string[] {
    return [...this.#indexes.keys()];
  }
}
