import type { OutboundRequest } from './OutboundRequest.ts';

/**
 * The request block of a failure message: method, URL and every header sent, one per line.
 *
 * @example
 * describeRequest(request);
 * // 'Request: GET http://api.example.test/users\nHeaders sent:\n  accept: *\/*\n  traceparent: 00-…'
 */
export function describeRequest(request: OutboundRequest): string {
  const names = Object.keys(request.headers).sort();
  const headers = names.length === 0 ? ['  (none)'] : names.map((name) => `  ${name}: ${request.headers[name]}`);
  return [`Request: ${request.method} ${request.url}`, 'Headers sent:', ...headers].join('\n');
}
