import type { SnapshotAttribute, SnapshotEvent, SnapshotLink, SnapshotSpan } from './TraceSnapshot.ts';

/** Everything a snapshot shows of a span besides service, kind, name and children: equal spans have equal details. */
export function spanDetail(span: SnapshotSpan): string {
  return JSON.stringify([
    status(span),
    span.duration ?? '',
    span.flags,
    span.attributes.map(attribute),
    span.events.map(event),
    span.links.map(link),
  ]);
}

/** What differs between two spans with the same service, kind and name, one line per difference. */
export function spanChanges(x: SnapshotSpan, y: SnapshotSpan): string[] {
  const lines: string[] = [];
  if (status(x) !== status(y)) lines.push(`status: ${status(x)} -> ${status(y)}`);
  if ((x.duration ?? '') !== (y.duration ?? '')) lines.push(`duration: ${x.duration ?? '-'} -> ${y.duration ?? '-'}`);
  if (x.flags.join() !== y.flags.join()) lines.push(`flags: [${x.flags.join(', ')}] -> [${y.flags.join(', ')}]`);
  const before = new Map(x.attributes.map((a) => [a.key, a.value]));
  const after = new Map(y.attributes.map((a) => [a.key, a.value]));
  for (const [key, value] of before) {
    const now = after.get(key);
    if (now === undefined) lines.push(`- ${key}: ${value}`);
    else if (now !== value) lines.push(`~ ${key}: ${value} -> ${now}`);
  }
  for (const [key, value] of after) if (!before.has(key)) lines.push(`+ ${key}: ${value}`);
  lines.push(...listDiff(x.events.map(event), y.events.map(event)));
  lines.push(...listDiff(x.links.map(link), y.links.map(link)));
  return lines;
}

function listDiff(before: readonly string[], after: readonly string[]): string[] {
  const rest = [...after];
  const lines: string[] = [];
  for (const item of before) {
    const index = rest.indexOf(item);
    if (index === -1) lines.push(`- ${item}`);
    else rest.splice(index, 1);
  }
  for (const item of rest) lines.push(`+ ${item}`);
  return lines;
}

function status(span: SnapshotSpan): string {
  return span.status.message === undefined
    ? span.status.code
    : `${span.status.code}: ${JSON.stringify(span.status.message)}`;
}

function event(e: SnapshotEvent): string {
  return `event ${JSON.stringify(e.name)}${inline(e.attributes)}`;
}

// Link targets are numbers that shift when spans appear; what counts is whether the target is in the snapshot.
function link(l: SnapshotLink): string {
  return `link -> ${l.target === undefined ? 'external' : 'a span of the snapshot'}${inline(l.attributes)}`;
}

function inline(attributes: readonly SnapshotAttribute[]): string {
  return attributes.length === 0 ? '' : ` {${attributes.map(attribute).join(', ')}}`;
}

function attribute(a: SnapshotAttribute): string {
  return `${a.key}: ${a.value}`;
}
