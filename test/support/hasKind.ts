import type { Span, SpanKind, Trace } from 'tracespec';
import type { CheckResult } from '../../src/check/CheckResult.ts';
import { fieldCheck } from '../../src/check/span/fieldCheck.ts';

/**
 * Checks a span's kind: the check of CONTRIBUTING.md's worked example (test/unit/architecture/contributing.test.ts).
 *
 * @example
 * hasKind(span, 'server', trace);
 */
export function hasKind(span: Span, kind: SpanKind, trace?: Trace): CheckResult {
  return fieldCheck(span, { kind }, `kind ${JSON.stringify(kind)}`, trace);
}
