import type { Span } from '../../model/Span.ts';
import type { SecretDetector } from '../../snapshot/secrets/SecretDetector.ts';

/**
 * A detector written as a function: given a string (a name, an attribute value, an exception message) and the
 * attribute key it is stored under (if any), the secret it finds in it, or `undefined`.
 *
 * @example
 * const employeeIds: SecretFinder = { name: 'employee-id', find: (text) => /\bEMP-\d{6}\b/.exec(text)?.[0] };
 */
export interface SecretFinder {
  readonly name: string;
  readonly find: (text: string, key: string | undefined) => string | undefined;
}

/**
 * Personal data detectors that `toHaveNoSensitiveData` uses only when asked (for PII policies).
 *
 * @example
 * const pii: PiiDetector[] = ['email'];
 */
export type PiiDetector = 'email' | 'ip';

/**
 * Options of `toHaveNoSensitiveData` / `hasNoSensitiveData`.
 *
 * @example
 * const options: SensitiveDataOptions = {
 *   pii: ['email'],
 *   detectors: [/\bcust_[a-z0-9]{12}\b/, { name: 'employee-id', find: (text) => /EMP-\d{6}/.exec(text)?.[0] }],
 *   allowKeys: ['app.session_count', /^test\./],
 *   allowSpans: ['GET /health', (span) => span.service === 'vault'],
 * };
 */
export interface SensitiveDataOptions {
  /** Also look for personal data: `true` for all of e-mail and IP addresses (loopback excepted), or a list. */
  readonly pii?: boolean | readonly PiiDetector[];
  /** More detectors: a pattern (named by its source), a {@link SecretDetector}, or a {@link SecretFinder}. */
  readonly detectors?: readonly (RegExp | SecretDetector | SecretFinder)[];
  /** Attribute keys (of spans, events, links and resources) not to look at: exact keys or patterns. */
  readonly allowKeys?: readonly (string | RegExp)[];
  /** Spans not to look at: an exact span name, a pattern on the name, or a predicate. */
  readonly allowSpans?: readonly (string | RegExp | ((span: Span) => boolean))[];
}
