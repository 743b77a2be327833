import type { Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';

const CALLER_KINDS: ReadonlySet<string> = new Set(['client', 'producer']);

/** A span that probably made the call that arrived as `callee`, and why it was chosen. */
export interface CallerGuess {
  readonly caller: Span;
  readonly reasons: readonly string[];
}

/**
 * Guesses the CLIENT (or PRODUCER) span that should have been the parent of a span that lost its context: it must
 * enclose the callee in time (within `skewNanos`), and it wins on peer address and URL evidence.
 */
export function findCaller(set: TraceSet, callee: Span, skewNanos: bigint): CallerGuess | undefined {
  let best: { caller: Span; score: number; reasons: string[] } | undefined;
  for (const trace of set) {
    for (const span of trace.spans) {
      if (!CALLER_KINDS.has(span.kind) || span === callee || span.spanId === callee.spanId) continue;
      if (span.startTimeUnixNano - skewNanos > callee.startTimeUnixNano) continue;
      if (span.endTimeUnixNano + skewNanos < callee.endTimeUnixNano) continue;
      const reasons = ['it encloses the call in time'];
      let score = 1;
      if (hasCalleeChild(set, span, callee)) continue;
      if (span.service !== callee.service) score += 1;
      const peer = peerOf(span);
      if (peer !== undefined && (peer === callee.service || peer === hostOf(callee))) {
        score += 3;
        reasons.push(`it called ${peer}`);
      }
      const path = pathOf(callee);
      const url = span.attributes['url.full'] ?? span.attributes['http.url'];
      if (path !== undefined && typeof url === 'string' && urlPath(url) === path) {
        score += 3;
        reasons.push(`it requested ${path}`);
      }
      if (best === undefined || score > best.score) best = { caller: span, score, reasons };
    }
  }
  return best ? { caller: best.caller, reasons: best.reasons } : undefined;
}

/** True when the would-be caller already has a SERVER/CONSUMER child (its context did arrive somewhere). */
function hasCalleeChild(set: TraceSet, caller: Span, callee: Span): boolean {
  const trace = set.traceOf(caller);
  if (!trace) return false;
  return trace
    .children(caller)
    .some((child) => child !== callee && (child.kind === 'server' || child.kind === 'consumer'));
}

function peerOf(span: Span): string | undefined {
  const value =
    span.attributes['server.address'] ?? span.attributes['net.peer.name'] ?? span.attributes['peer.service'];
  return typeof value === 'string' ? value : undefined;
}

function hostOf(span: Span): string | undefined {
  const value = span.attributes['server.address'] ?? span.attributes['net.host.name'] ?? span.attributes['host.name'];
  return typeof value === 'string' ? value : undefined;
}

function pathOf(span: Span): string | undefined {
  const value = span.attributes['url.path'] ?? span.attributes['http.target'];
  return typeof value === 'string' ? value.split('?')[0] : undefined;
}

function urlPath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
