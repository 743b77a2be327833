import type { AttributeValue } from '../model/Span.ts';
import type { RedactionRule } from './RedactionRule.ts';
import { redactAttribute, redactText } from './redact.ts';

/**
 * Any plain data shown beside a failure (a matcher's `actual` and `expected`, which the runner prints as a diff)
 * with the rules applied: strings as free text, and the entries of objects as attributes, so that a key rule
 * (`authorization`, `db.password`) hides the whole value. Other objects (spans, class instances) keep their
 * identity: a matcher hands over plain data.
 *
 * @example
 * redactData({ 'http.request.header.authorization': 'Bearer abc' }, reportRedactions);
 * // { 'http.request.header.authorization': '<redacted:secret-key#91c0>' }
 */
export function redactData(value: unknown, rules: readonly RedactionRule[], depth = 0): unknown {
  if (rules.length === 0 || depth > 20) return value;
  if (typeof value === 'string') return redactText(value, rules);
  if (Array.isArray(value)) return value.map((item) => redactData(item, rules, depth + 1));
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (isAttributeValue(entry)) {
      const redacted = redactAttribute(key, entry, rules);
      result[key] =
        typeof redacted === 'object' && redacted !== null && 'placeholder' in redacted
          ? redacted.placeholder
          : redacted;
    } else result[key] = redactData(entry, rules, depth + 1);
  }
  return result;
}

function isAttributeValue(value: unknown): value is AttributeValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return true;
  return Array.isArray(value) && value.every((item) => item == null || typeof item !== 'object');
}
