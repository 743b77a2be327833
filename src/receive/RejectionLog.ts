import type { Span } from '../model/Span.ts';
import type { DecodedSpans } from './DecodedSpans.ts';
import { pooledSpan, StringPool } from './pooledSpan.ts';

const MAX_PROBLEMS = 5;

/** Collects accepted spans and rejections while a request is decoded; keeps only the first few reasons. */
export class RejectionLog {
  readonly spans: Span[] = [];
  rejected = 0;
  readonly #problems: string[] = [];
  readonly #strings = new StringPool();

  /** Keeps an accepted span, sharing the strings it repeats with the request's other spans (see `pooledSpan`). */
  accept(span: Span): void {
    this.spans.push(pooledSpan(span, this.#strings));
  }

  reject(problem: string): void {
    this.rejected++;
    if (this.#problems.length < MAX_PROBLEMS) this.#problems.push(problem);
  }

  result(): DecodedSpans {
    const problems = [...this.#problems];
    if (this.rejected > problems.length) problems.push(`and ${this.rejected - problems.length} more`);
    return { spans: this.spans, rejected: this.rejected, problems };
  }
}
