import type { RedactionRule } from '../snapshot/RedactionRule.ts';
import { secretRedactions } from '../snapshot/secrets/secretRedactions.ts';

/**
 * A redaction rule in a form that survives the trip from the reporter (main process) to the test workers:
 * patterns as source and flags.
 *
 * @example
 * const rule: SerializedRedactionRule = { name: 'sku', value: ['SKU-\\d+', 'g'], replacement: '<sku>' };
 */
export interface SerializedRedactionRule {
  readonly name: string;
  readonly key?: readonly [source: string, flags: string];
  readonly value?: readonly [source: string, flags: string];
  readonly replacement: string;
  /** A rule of tracespec's own (`card-number`, which has a function), sent by name. */
  readonly builtin?: true;
}

/**
 * Rules as data for `vitest.provide`.
 *
 * @example
 * vitest.provide('tracespec:report', { redact: serializeRedactions(rules), index: true });
 */
export function serializeRedactions(rules: readonly RedactionRule[]): SerializedRedactionRule[] {
  return rules.map((rule) => {
    if (rule.accept === undefined) return serializePatterns(rule);
    if (secretRedactions.includes(rule)) return { name: rule.name, replacement: rule.replacement, builtin: true };
    throw new Error(
      `[tracespec] the redaction rule ${JSON.stringify(rule.name)} has an accept function, which cannot be sent to the test workers; ` +
        "use a value pattern alone (or filter the words out with a negative lookahead) in the reporter's rules.",
    );
  });
}

function serializePatterns(rule: RedactionRule): SerializedRedactionRule {
  return {
    name: rule.name,
    ...(rule.key ? { key: [rule.key.source, rule.key.flags] as const } : {}),
    ...(rule.value ? { value: [rule.value.source, rule.value.flags] as const } : {}),
    replacement: rule.replacement,
  };
}

/**
 * Rules back from data.
 *
 * @example
 * const rules = deserializeRedactions(inject('tracespec:report').redact);
 */
export function deserializeRedactions(rules: readonly SerializedRedactionRule[]): RedactionRule[] {
  return rules.map((rule) => {
    if (rule.builtin) return builtinRule(rule.name);
    return {
      name: rule.name,
      ...(rule.key ? { key: new RegExp(rule.key[0], rule.key[1]) } : {}),
      ...(rule.value ? { value: new RegExp(rule.value[0], rule.value[1]) } : {}),
      replacement: rule.replacement,
    };
  });
}

function builtinRule(name: string): RedactionRule {
  const rule = secretRedactions.find((candidate) => candidate.name === name);
  if (rule === undefined) throw new Error(`[tracespec] no built-in redaction rule is named ${JSON.stringify(name)}.`);
  return rule;
}
