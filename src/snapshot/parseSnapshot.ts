import type { SpanKind, StatusCode } from '../model/Span.ts';
import {
  brandSnapshot,
  type SnapshotAttribute,
  type SnapshotEvent,
  type SnapshotLink,
  type SnapshotSpan,
  type SnapshotTrace,
  type TraceSnapshot,
} from './TraceSnapshot.ts';

const SPAN_LINE = /^(?:#(\d+) )?(.+?) (internal|server|client|producer|consumer) ("(?:[^"\\]|\\.)*")(.*)$/;
const FLAGS: ReadonlySet<string> = new Set(['orphan', 'duplicate id', 'not ended']);

interface Draft {
  ref: number;
  linked: boolean;
  service: string;
  kind: SpanKind;
  name: string;
  status: { code: StatusCode; message?: string };
  duration?: string;
  flags: string[];
  attributes: SnapshotAttribute[];
  events: SnapshotEvent[];
  links: SnapshotLink[];
  children: Draft[];
}

/**
 * Reads a rendered trace shape (a trace snapshot, as {@link renderSnapshot} prints it) back into a {@link TraceSnapshot},
 * so that a stored snapshot can be compared with new traces span by span.
 *
 * @example
 * const before = parseSnapshot(await readFile('__snapshots__/checkout.trace.txt', 'utf8'));
 * console.log(renderSnapshotDiff(diffSnapshots(before, normalizeTraces(traces.traceSet()))));
 */
export function parseSnapshot(text: string): TraceSnapshot {
  const traces: SnapshotTrace[] = [];
  let tops: Draft[] = [];
  let size = 0;
  const stack: Draft[] = [];
  let position = 0;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trim() === 'no traces') continue;
    const header = /^trace \d+ \((\d+) spans?\)$/.exec(line.trim());
    if (header) {
      if (stack.length > 0 || tops.length > 0) traces.push({ tops: tops.map(finish), size });
      tops = [];
      stack.length = 0;
      size = Number(header[1]);
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const content = line.trimStart();
    const owner = stack[indent / 2 - 2];
    if (
      owner &&
      indent % 2 === 0 &&
      (content.startsWith('· ') || content.startsWith('event "') || content.startsWith('link -> '))
    ) {
      readDetail(owner, content, index);
      continue;
    }
    const depth = indent / 2 - 1;
    const span = readSpan(content, index);
    if (!Number.isInteger(depth) || depth < 0 || depth > stack.length) fail(index, 'unexpected indentation');
    span.ref = ++position;
    stack.length = depth;
    const parent = stack[depth - 1];
    if (parent) parent.children.push(span);
    else tops.push(span);
    stack.push(span);
  }
  if (tops.length > 0) traces.push({ tops: tops.map(finish), size });
  return brandSnapshot(traces);
}

function finish(draft: Draft): SnapshotSpan {
  return { ...draft, children: draft.children.map(finish) };
}

function readSpan(content: string, index: number): Draft {
  const match = SPAN_LINE.exec(content);
  if (!match) fail(index, 'expected a span line: service kind "name"');
  const [, ref, service, kind, name, rest] = match as unknown as [
    string,
    string | undefined,
    string,
    SpanKind,
    string,
    string,
  ];
  let tail = rest;
  let status: Draft['status'] = { code: 'unset' };
  const error = /^ error(?:: ("(?:[^"\\]|\\.)*"))?/.exec(tail);
  if (error) {
    status = error[1] === undefined ? { code: 'error' } : { code: 'error', message: JSON.parse(error[1]) as string };
    tail = tail.slice(error[0].length);
  } else if (tail.startsWith(' ok')) {
    status = { code: 'ok' };
    tail = tail.slice(3);
  }
  const flags: string[] = [];
  let duration: string | undefined;
  for (const [, value] of tail.matchAll(/ \[([^\]]+)\]/g)) {
    if (FLAGS.has(value as string)) flags.push(value as string);
    else duration = value;
  }
  return {
    ref: ref === undefined ? 0 : Number(ref),
    linked: ref !== undefined,
    service,
    kind,
    name: JSON.parse(name) as string,
    status,
    ...(duration === undefined ? {} : { duration }),
    flags,
    attributes: [],
    events: [],
    links: [],
    children: [],
  };
}

function readDetail(owner: Draft, content: string, index: number): void {
  if (content.startsWith('· ')) {
    const separator = content.indexOf(': ');
    if (separator === -1) fail(index, 'expected an attribute line: · key: value');
    owner.attributes.push({ key: content.slice(2, separator), value: content.slice(separator + 2) });
    return;
  }
  if (content.startsWith('event "')) {
    const name = /^event ("(?:[^"\\]|\\.)*")/.exec(content);
    if (!name) fail(index, 'expected an event line: event "name" {...}');
    owner.events.push({
      name: JSON.parse(name[1] as string) as string,
      attributes: readInline(content.slice(name[0].length), index),
    });
    return;
  }
  const link = /^link -> (?:#(\d+)|external)/.exec(content);
  if (!link) fail(index, 'expected a link line: link -> #n or link -> external');
  owner.links.push({
    target: link[1] === undefined ? undefined : Number(link[1]),
    attributes: readInline(content.slice(link[0].length), index),
  });
}

/** Reads ` {key: value, key: value}`: values are JSON strings, arrays, placeholders, numbers or booleans. */
function readInline(text: string, index: number): SnapshotAttribute[] {
  const body = text.trim();
  if (body === '') return [];
  if (!body.startsWith('{') || !body.endsWith('}')) fail(index, 'expected attributes in braces');
  const attributes: SnapshotAttribute[] = [];
  let i = 1;
  const end = body.length - 1;
  while (i < end) {
    const colon = body.indexOf(': ', i);
    if (colon === -1) fail(index, 'expected key: value');
    const key = body.slice(i, colon);
    let j = colon + 2;
    let depth = 0;
    let inString = false;
    for (; j < end; j++) {
      const c = body[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === ',' && depth === 0 && body[j + 1] === ' ') break;
    }
    attributes.push({ key, value: body.slice(colon + 2, j) });
    i = j + 2;
  }
  return attributes;
}

function fail(index: number, what: string): never {
  throw new Error(`[tracespec] not a trace shape: line ${index + 1}: ${what}.`);
}
