import type { Attributes, AttributeValue, Span } from '../model/Span.ts';
import type { SnapshotAttribute, SnapshotSpan, TraceSnapshot } from '../snapshot/TraceSnapshot.ts';

const NOWHERE = '0'.repeat(16);

/**
 * The spans of a trace-shape snapshot, for drawing it: a snapshot keeps no ids or times, so ids are made up from
 * its numbering and every time is zero (the page shows the tree without a time axis). Printed values are read
 * back: quoted strings unquoted, numbers and booleans as such, placeholders (`<port>`) as they are.
 *
 * @example
 * const spans = snapshotSpans(parseSnapshot(await readFile('checkout.trace.txt', 'utf8')));
 */
export function snapshotSpans(snapshot: TraceSnapshot): Span[] {
  const spans: Span[] = [];
  const idOf = (ref: number) => ref.toString(16).padStart(16, '0');
  for (const [t, trace] of snapshot.traces.entries()) {
    const traceId = (t + 1).toString(16).padStart(32, '0');
    const visit = (span: SnapshotSpan, parent: string | undefined) => {
      const orphan = span.flags.includes('orphan');
      const parentSpanId = orphan ? 'f'.repeat(16) : parent;
      spans.push({
        traceId,
        spanId: idOf(span.ref),
        ...(parentSpanId === undefined ? {} : { parentSpanId }),
        name: span.name,
        kind: span.kind,
        startTimeUnixNano: 0n,
        endTimeUnixNano: 0n,
        durationNano: 0n,
        durationMs: 0,
        attributes: attributesOf(span.attributes),
        events: span.events.map((event) => ({
          name: event.name,
          timeUnixNano: 0n,
          attributes: attributesOf(event.attributes),
        })),
        links: span.links.map((link) => ({
          traceId: link.target === undefined ? '0'.repeat(32) : traceOfRef(snapshot, link.target),
          spanId: link.target === undefined ? NOWHERE : idOf(link.target),
          attributes: attributesOf(link.attributes),
        })),
        status: span.status,
        service: span.service,
        resource: { 'service.name': span.service },
        scope: { name: '' },
        ended: !span.flags.includes('not ended'),
        source: 'file',
      });
      for (const child of span.children) visit(child, idOf(span.ref));
    };
    for (const top of trace.tops) visit(top, undefined);
  }
  return spans;
}

function traceOfRef(snapshot: TraceSnapshot, ref: number): string {
  const contains = (span: SnapshotSpan): boolean => span.ref === ref || span.children.some(contains);
  const index = snapshot.traces.findIndex((trace) => trace.tops.some(contains));
  return (Math.max(0, index) + 1).toString(16).padStart(32, '0');
}

function attributesOf(list: readonly SnapshotAttribute[]): Attributes {
  const result: Record<string, AttributeValue> = {};
  for (const { key, value } of list) result[key] = readPrinted(value);
  return result;
}

function readPrinted(printed: string): AttributeValue {
  if (printed === 'true' || printed === 'false') return printed === 'true';
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(printed)) return Number(printed);
  if (printed.startsWith('"') || printed.startsWith('[')) {
    try {
      return JSON.parse(printed) as AttributeValue;
    } catch {
      // Not JSON after all: show it as printed.
    }
  }
  return printed;
}
