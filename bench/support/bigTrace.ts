import type { Span, SpanKind } from '../../src/model/Span.ts';

const KINDS: SpanKind[] = ['server', 'client', 'internal'];
const SERVICES = ['gateway', 'orders', 'inventory', 'payments', 'users'];
const NAMES = ['GET /orders/:id', 'SELECT orders', 'POST /charge', 'GET /stock', 'render', 'cache get'];

/**
 * One trace of `size` spans shaped like a real request tree (fan-outs of 1-8, depth up to ~12), built
 * deterministically, in shuffled arrival order.
 */
export function bigTrace(size: number, traceId = 'b'.repeat(32)): Span[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const spans: Span[] = [];
  const base = 1_700_000_000_000_000_000n;
  for (let i = 0; i < size; i++) {
    const parent =
      i === 0 ? undefined : spans[Math.floor(random() * Math.min(i, 1 + i / 4)) + Math.floor(i * 0.75 * random())];
    const start = base + BigInt(i) * 1000n;
    spans.push({
      traceId,
      spanId: (i + 1).toString(16).padStart(16, '0'),
      ...(parent ? { parentSpanId: parent.spanId } : {}),
      name: NAMES[i % NAMES.length] as string,
      kind: KINDS[i % KINDS.length] as SpanKind,
      startTimeUnixNano: start,
      endTimeUnixNano: start + 500n,
      durationNano: 500n,
      durationMs: 0.0005,
      attributes: { 'db.system': i % 7 === 0 ? 'postgresql' : 'redis', i },
      events: [],
      links: [],
      status: { code: i % 50 === 0 ? 'error' : 'unset' },
      service: SERVICES[i % SERVICES.length] as string,
      resource: {},
      scope: { name: 'bench' },
      ended: true,
      source: 'test',
    });
  }
  // Shuffle: spans arrive out of order.
  for (let i = spans.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [spans[i], spans[j]] = [spans[j] as Span, spans[i] as Span];
  }
  return spans;
}
