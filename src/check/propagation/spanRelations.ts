import type { Span } from '../../model/Span.ts';
import type { WireRecord } from '../../model/WireRecord.ts';

/** Something with a start and an end in Unix nanoseconds: a span or a wire record. */
export interface Timed {
  readonly startTimeUnixNano?: bigint;
  readonly endTimeUnixNano?: bigint;
  readonly startUnixNano?: bigint;
  readonly endUnixNano?: bigint;
}

const startOf = (item: Timed): bigint => item.startTimeUnixNano ?? item.startUnixNano ?? 0n;
const endOf = (item: Timed): bigint => item.endTimeUnixNano ?? item.endUnixNano ?? 0n;

/** True when `outer` began before `inner` and ended after it, within `skew` nanoseconds. */
export function encloses(outer: Timed, inner: Timed, skew: bigint): boolean {
  return startOf(outer) - skew <= startOf(inner) && endOf(outer) + skew >= endOf(inner);
}

/** True when `inner` started while `outer` was running (within `skew`): work that began during it. */
export function startsWithin(outer: Timed, inner: Timed, skew: bigint): boolean {
  return startOf(outer) - skew <= startOf(inner) && startOf(inner) <= endOf(outer) + skew;
}

/** The request path of a span (server: `url.path`/`http.target`; client: the path of `url.full`/`http.url`). */
export function pathOf(span: Span): string | undefined {
  const path = span.attributes['url.path'] ?? span.attributes['http.target'];
  if (typeof path === 'string') return path.split('?')[0];
  const url = span.attributes['url.full'] ?? span.attributes['http.url'];
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** The path of a wire record without its query. */
export function wirePath(record: WireRecord): string {
  return record.path.split('?')[0] ?? record.path;
}

/** The host a client span called (`server.address`, `net.peer.name`, `peer.service`, or the host of its URL). */
export function peerOf(span: Span): string | undefined {
  const value =
    span.attributes['server.address'] ?? span.attributes['net.peer.name'] ?? span.attributes['peer.service'];
  if (typeof value === 'string') return value;
  const url = span.attributes['url.full'] ?? span.attributes['http.url'];
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

const INSTANCE_KEYS = ['service.instance.id', 'host.name', 'process.pid', 'container.id'] as const;

/** True when two spans come from the same service instance: same service, and no instance attribute differs. */
export function sameInstance(a: Span, b: Span): boolean {
  if (a.service !== b.service) return false;
  return INSTANCE_KEYS.every((key) => {
    const left = a.resource[key];
    const right = b.resource[key];
    return left === undefined || right === undefined || left === right;
  });
}

export const OUTGOING = new Set(['client', 'producer']);
export const INCOMING = new Set(['server', 'consumer']);
