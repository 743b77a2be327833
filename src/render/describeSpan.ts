import type { Span } from '../model/Span.ts';
import { formatDuration } from '../model/time.ts';
import { identifyingDetail } from './identifyingDetail.ts';

/**
 * One line for a span: service, kind, name, duration and status, e.g. `orders server "GET /orders/:id" 12.3ms`.
 * A generic name (`GET`, `SELECT`, `publish`) gets the attribute that tells it apart beside it:
 * `shop client "GET" (url.full: "http://inventory/stock/apple") 3ms`.
 *
 * @example
 * describeSpan(span); // 'orders client "GET" 3.1ms error: "connect ECONNREFUSED"'
 */
export function describeSpan(span: Span, attributeKeys: readonly string[] = []): string {
  const found = identifyingDetail(span);
  // Left out when the attributes shown at the end of the line hold it already.
  const detail = found === undefined || attributeKeys.includes(found.key) ? '' : ` (${found.text})`;
  let line = `${span.service} ${span.kind} ${JSON.stringify(span.name)}${detail} ${span.ended ? formatDuration(span.durationNano) : 'not ended'}`;
  if (span.status.code === 'error') {
    line += span.status.message ? ` error: ${JSON.stringify(span.status.message)}` : ' error';
  } else if (span.status.code === 'ok') line += ' ok';
  const shown = attributeKeys.filter((key) => span.attributes[key] !== undefined);
  if (shown.length > 0)
    line += `  {${shown.map((key) => `${key}=${formatAttribute(span.attributes[key])}`).join(', ')}}`;
  return line;
}

function formatAttribute(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatAttribute).join(', ')}]`;
  return String(value);
}
