import type { MatcherState, Matcher as RawMatcherFn, SyncMatcherResult } from 'vitest';
import type { CheckResult } from '../check/CheckResult.ts';
import { redactData } from '../snapshot/redactData.ts';
import { redactMessage } from '../snapshot/redactTraces.ts';
import { noteFailure } from './failureLog.ts';
import { messageRedactions } from './messageRedactions.ts';
import { SUBJECT_LABEL, type SubjectKind, type Subjects, toSubject } from './subjects/toSubject.ts';

/** A matcher waiting for its name: what a family file writes next to the matcher's key. */
export type MatcherDefinition = (name: string) => RawMatcherFn;

/**
 * Turns a framework-free check into a vitest matcher: the received value is coerced to the matcher's kind of
 * subject (a clear error otherwise), the check decides `pass`, the runner handles `.not`, and the message gets
 * vitest's hint line on top (principle: hint, blank line, Expected / Received, details). The message, `actual` and
 * `expected` go through the report's redaction rules (no credential reaches a CI log). A failure is noted with
 * the spans it marks, so that the failed test's report can highlight them.
 *
 * @example
 * toHaveStatus: toMatcher('span', ({ span, trace }, status: StatusExpectation) => hasStatus(span, status, trace)),
 */
export function toMatcher<K extends SubjectKind, A extends unknown[]>(
  kind: K,
  check: (subject: Subjects[K], ...args: A) => CheckResult,
): MatcherDefinition {
  return (name) =>
    function matcher(this: MatcherState, received: unknown, ...args: A): SyncMatcherResult {
      const result = check(toSubject(kind, received, name), ...args);
      const hint = this.utils.matcherHint(name, SUBJECT_LABEL[kind], args.length > 0 ? 'expected' : '', {
        isNot: this.isNot,
        promise: this.promise,
      });
      let text: string | undefined;
      const message = () => {
        text ??= redactMessage(
          `${hint}

${result.message()}`,
          messageRedactions(),
        );
        return text;
      };
      // A failure (also of `.not`) is noted with its marks, for the failed test's HTML report.
      if (result.pass === Boolean(this.isNot) && result.marks !== undefined) noteFailure(message, result.marks);
      return {
        pass: result.pass,
        message,
        ...(result.actual !== undefined || result.expected !== undefined
          ? (redactData({ actual: result.actual, expected: result.expected }, messageRedactions()) as {
              actual: unknown;
              expected: unknown;
            })
          : {}),
      };
    };
}

/**
 * A matcher written by hand (it needs vitest itself: snapshots, waiting), as a definition.
 *
 * @example
 * toMatchTraceSnapshot: custom(function (received, hint?: string) { ... }),
 */
export function custom<F extends RawMatcherFn>(matcher: F): MatcherDefinition {
  return () => matcher;
}

/**
 * A family of matchers for `expect.extend`, each named by its key; the key set must be exactly the methods of the
 * family's `Matchers` interface `M`, so the runtime object and the typed augmentation cannot drift apart.
 *
 * @example
 * export const spanMatchers = defineMatchers<SpanMatchers>({
 *   toBeRoot: toMatcher('span', ({ span, trace }) => isRoot(span, trace)),
 * });
 */
export function defineMatchers<M>(definitions: { readonly [K in keyof M]: MatcherDefinition }): {
  readonly [K in keyof M]: RawMatcherFn;
} {
  const matchers: Record<string, RawMatcherFn> = {};
  for (const [name, define] of Object.entries<MatcherDefinition>(definitions)) matchers[name] = define(name);
  return matchers as { readonly [K in keyof M]: RawMatcherFn };
}
