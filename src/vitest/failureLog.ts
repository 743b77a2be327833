import { stripVTControlCharacters } from 'node:util';
import { currentScope } from '../capture/testScope.ts';
import type { FailureMarks } from '../model/FailureMarks.ts';

interface Entry {
  readonly message: () => string;
  readonly marks: () => FailureMarks;
}

// Per test (by scope): the failed tracespec matchers' messages and marks, so that the failed test's report can
// highlight what its failure points at. vitest only keeps a failure's message; the marks are matched back to it
// by that message. Integration-layer state like setupTracing's, cleared when each test ends.
const LIMIT = 50;
const logs = new Map<string, Entry[]>();

/**
 * Internal: notes a failed matcher of the running test (its message and marks are computed only if a report
 * needs them).
 */
export function noteFailure(message: () => string, marks: () => FailureMarks): void {
  const scope = currentScope();
  if (scope === undefined) return;
  let entries = logs.get(scope);
  if (entries === undefined) {
    entries = [];
    logs.set(scope, entries);
  }
  entries.push({ message, marks });
  // expect.poll calls a matcher until it passes: keep the latest attempts only.
  if (entries.length > LIMIT) entries.shift();
}

/**
 * Internal: the marks of the failure whose message is `message` (the latest such failure of the test), or of one
 * whose message the error's message contains (a runner may add to it).
 */
export function marksOfFailure(scope: string, message: string): FailureMarks | undefined {
  const entries = logs.get(scope);
  if (entries === undefined) return undefined;
  const wanted = stripVTControlCharacters(message).trim();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as Entry;
    const text = stripVTControlCharacters(entry.message()).trim();
    if (text === wanted || (text.length > 0 && wanted.includes(text))) return entry.marks();
  }
  return undefined;
}

/** Internal: forgets a test's failures when it ends. */
export function forgetFailures(scope: string): void {
  logs.delete(scope);
}
