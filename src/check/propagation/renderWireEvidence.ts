import type { BrokenHop } from './LostContext.ts';
import { describeRequest } from './sentContext.ts';

/**
 * The wire evidence behind a list of broken hops, as message lines: for each hop whose tap saw the call, the
 * request and every propagation header exactly as it crossed (or that none did).
 *
 * @example
 * renderWireEvidence(hops);
 * // ['', 'On the wire (recording taps):', '  1. orders -> inventory GET /stock/book (answered 200): no propagation header']
 */
export function renderWireEvidence(hops: readonly BrokenHop[]): string[] {
  const lines: string[] = [];
  for (const [i, hop] of hops.entries()) {
    const record = hop.wire;
    if (!record) continue;
    const headers = Object.entries(record.headers);
    const shown =
      headers.length === 0 ? 'no propagation header' : headers.map(([name, value]) => `${name}: ${value}`).join('; ');
    lines.push(`  ${i + 1}. ${record.from} -> ${record.to} ${describeRequest(record)}: ${shown}`);
  }
  return lines.length === 0 ? [] : ['', 'On the wire (recording taps):', ...lines];
}
