import type { Span } from '../../model/Span.ts';

/**
 * One piece of sensitive data found in a span: where (`field`, e.g. `attributes["db.password"]` or
 * `events[0 "exception"].attributes["exception.message"]`), by which detector, and an excerpt of the value with
 * the secret masked (`…Bearer <redacted:bearer#3f2a>…`). The secret itself is never kept.
 *
 * @example
 * for (const finding of findSensitiveData(traceSet)) console.log(finding.spanName, finding.field, finding.detector);
 */
export interface SensitiveFinding {
  readonly span: Span;
  /** The span's name with every secret found in it masked, for messages. */
  readonly spanName: string;
  readonly field: string;
  readonly detector: string;
  readonly excerpt: string;
}
