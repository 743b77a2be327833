import { inject } from 'vitest';
import { deserializeRedactions } from '../reporter/serializedRedactions.ts';
import type { RedactionRule } from '../snapshot/RedactionRule.ts';
import { reportRedactions } from '../snapshot/reportRedactions.ts';

// Memo: the rules of the reporter's settings, a pure function of the settings object.
const fromSettings = new WeakMap<object, readonly RedactionRule[]>();

/**
 * The rules a failure message goes through before the runner prints it (and writes it into CI logs): the
 * reporter's rules when tracespec's reporter runs (`new TracespecReporter({ redact })`), else
 * {@link reportRedactions}.
 */
export function messageRedactions(): readonly RedactionRule[] {
  let provided: ReturnType<typeof inject<'tracespec:report'>> | undefined;
  try {
    provided = inject('tracespec:report');
  } catch {
    // Outside a vitest worker: the default rules.
  }
  if (provided === undefined) return reportRedactions;
  let rules = fromSettings.get(provided);
  if (rules === undefined) {
    rules = deserializeRedactions(provided.redact);
    fromSettings.set(provided, rules);
  }
  return rules;
}
