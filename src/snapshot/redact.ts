import type { AttributeValue } from '../model/Span.ts';
import type { RedactionRule } from './RedactionRule.ts';

/** A value after redaction: a printable attribute value, or a placeholder that replaced the whole value. */
export type RedactedValue = AttributeValue | { readonly placeholder: string };

/** Replaces the volatile parts of a free text (a span name, a status message) by the rules' placeholders. */
export function redactText(text: string, rules: readonly RedactionRule[]): string {
  let result = text;
  for (const rule of rules) if (rule.value !== undefined && rule.key === undefined) result = replaceAll(result, rule);
  return result;
}

/** Redacts one attribute value: key rules replace it whole, value rules replace parts of strings. */
export function redactAttribute(key: string, value: AttributeValue, rules: readonly RedactionRule[]): RedactedValue {
  let result: AttributeValue = value;
  for (const rule of rules) {
    if (rule.key !== undefined && !rule.key.test(key)) continue;
    if (rule.value === undefined) return { placeholder: rule.replacement };
    if (typeof result === 'number') {
      // A number matched whole (an epoch timestamp) becomes a placeholder, not a string.
      const text = replaceAll(String(result), rule);
      if (text !== String(result)) return { placeholder: text };
      continue;
    }
    result = redactValue(result, rule);
  }
  return result;
}

function redactValue(value: AttributeValue, rule: RedactionRule): AttributeValue {
  if (typeof value === 'string') return replaceAll(value, rule);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || item == null)) {
    return (value as readonly (string | null | undefined)[]).map((item) =>
      typeof item === 'string' ? replaceAll(item, rule) : item,
    );
  }
  return value;
}

function replaceAll(text: string, rule: RedactionRule): string {
  const pattern = rule.value as RegExp;
  // A non-global pattern would replace only the first match; make every rule replace all of them.
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return text.replace(global, rule.replacement);
}
