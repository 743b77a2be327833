import type { RedactionRule } from './RedactionRule.ts';
import { secretRedactions } from './secrets/secretRedactions.ts';

/**
 * The rules trace-shape snapshots apply unless told otherwise: first the credentials of {@link secretDetectors}
 * (`<redacted:jwt#3f2a>`, see {@link reportRedactions}), then ports, UUIDs, hex ids, timestamps, host names, IP
 * addresses, durations in attributes, stack traces and source locations. Order matters: rules run first to last.
 * Turning a rule off is explicit: filter it out by name.
 *
 * @example
 * snapshotOf(traces, { redact: [...defaultRedactions, { name: 'sku', value: /SKU-\d+/g, replacement: '<sku>' }] });
 * snapshotOf(traces, { redact: defaultRedactions.filter((rule) => rule.name !== 'ip') });
 */
export const defaultRedactions: readonly RedactionRule[] = Object.freeze([
  ...secretRedactions,
  { name: 'stacktrace', key: /^exception\.stacktrace$/, replacement: '<stacktrace>' },
  {
    name: 'code-location',
    key: /^code\.(lineno|line\.number|column|column\.number|filepath|file\.path|stacktrace)$/,
    replacement: '<code-location>',
  },
  { name: 'host', key: /(^|\.)(host\.name|host\.id|hostname)$/, replacement: '<host>' },
  { name: 'port-key', key: /(^|\.)port$/, replacement: '<port>' },
  {
    name: 'duration-key',
    key: /(duration|elapsed|latency)|[._](ms|us|ns|millis|seconds)$/i,
    replacement: '<duration>',
  },
  {
    name: 'timestamp-key',
    key: /(^|[._])(time|timestamp|date)([._]|$)|[._]at$|_time$/i,
    replacement: '<timestamp>',
  },
  {
    name: 'timestamp',
    value: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g,
    replacement: '<timestamp>',
  },
  {
    name: 'uuid',
    value: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    replacement: '<uuid>',
  },
  { name: 'hex-id', value: /\b(?=[0-9]*[a-f])[0-9a-f]{16,}\b/gi, replacement: '<hex-id>' },
  { name: 'epoch', value: /\b1\d{12}(\d{3}(\d{3})?)?\b/g, replacement: '<timestamp>' },
  {
    name: 'port',
    value: /(\/\/[^/\s:@]+|localhost|\b\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d{1,5}\b/gi,
    replacement: '$1:<port>',
  },
  { name: 'ip', value: /\b(?!127\.)(\d{1,3}\.){3}\d{1,3}\b/g, replacement: '<ip>' },
]);
