import type { RedactionRule } from './RedactionRule.ts';

/**
 * The rules applied to everything tracespec writes about a failed test (the HTML report, the reporter's files, the
 * Markdown summary, `tracespec show --html`): credentials in attributes named like secrets and in `Bearer`/`Basic`
 * values. Unlike {@link defaultRedactions}, it keeps ids, ports, hosts and times, which a person debugging a
 * failure needs to see.
 *
 * @example
 * new TracespecReporter({ redact: [...reportRedactions, { name: 'email', value: /[\w.]+@[\w.]+/g, replacement: '<email>' }] });
 */
export const reportRedactions: readonly RedactionRule[] = Object.freeze([
  {
    name: 'secret-key',
    key: /(^|[._-])(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|password|passwd|secret|token|api[_-]?key|private[_-]?key|credential/i,
    replacement: '<redacted>',
  },
  { name: 'credential', value: /\b(Bearer|Basic)\s+[\w.~+/-]+=*/g, replacement: '$1 <redacted>' },
]);
