import type { Span } from './Span.ts';

// Resource attributes that tell processes, containers and hosts apart.
const PROCESS_KEYS: readonly string[] = [
  'service.instance.id',
  'process.pid',
  'container.id',
  'host.id',
  'host.name',
  'k8s.pod.uid',
];

/**
 * True when two spans were timed by the same clock, as far as their resources tell: the same service and no
 * process, container or host attribute that differs. Spans from different clocks may disagree by clock skew.
 *
 * @example
 * sameClock(clientSpan, serverSpan); // false when the server runs in another container
 */
export function sameClock(a: Span, b: Span): boolean {
  if (a.service !== b.service) return false;
  for (const key of PROCESS_KEYS) {
    const left = a.resource[key];
    const right = b.resource[key];
    if (left !== undefined && right !== undefined && String(left) !== String(right)) return false;
  }
  return true;
}
