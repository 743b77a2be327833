import type { Span } from '../model/Span.ts';
import type { DecodedSpans } from './DecodedSpans.ts';

const MAX_PROBLEMS = 5;

/** Collects accepted spans and rejections while a request is decoded; keeps only the first few reasons. */
export class RejectionLog {
  readonly spans: Span[] = [];
  rejected = 0;
  readonly #problems: string[] = [];

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
