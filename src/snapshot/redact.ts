import type { AttributeValue } from '../model/Span.ts';
import type { RedactionRule } from './RedactionRule.ts';
import { fingerprint } from './secrets/fingerprint.ts';

/** A value after redaction: a printable attribute value, or a placeholder that replaced the whole value. */
export type RedactedValue = AttributeValue | { readonly placeholder: string };

// Names and attribute values repeat across the spans of a trace: each distinct one is redacted once per rule list.
const MEMO_LIMIT = 50_000;
// Memo: redacted text per rule list and input, a pure function of both (bounded by MEMO_LIMIT per list).
const textMemo = new WeakMap<readonly RedactionRule[], Map<string, string>>();
// Memo: redacted attribute values, as above.
const attributeMemo = new WeakMap<readonly RedactionRule[], Map<string, RedactedValue>>();

function memoOf<V>(
  memos: WeakMap<readonly RedactionRule[], Map<string, V>>,
  rules: readonly RedactionRule[],
): Map<string, V> {
  let memo = memos.get(rules);
  if (memo === undefined || memo.size > MEMO_LIMIT) {
    memo = new Map();
    memos.set(rules, memo);
  }
  return memo;
}

/** Replaces the volatile parts of a free text (a span name, a status message) by the rules' placeholders. */
export function redactText(text: string, rules: readonly RedactionRule[]): string {
  const memo = memoOf(textMemo, rules);
  const known = memo.get(text);
  if (known !== undefined) return known;
  let result = text;
  for (const rule of rules) if (rule.value !== undefined && rule.key === undefined) result = replaceAll(result, rule);
  memo.set(text, result);
  return result;
}

/** Redacts one attribute value: key rules replace it whole, value rules replace parts of strings. */
export function redactAttribute(key: string, value: AttributeValue, rules: readonly RedactionRule[]): RedactedValue {
  if (typeof value !== 'string' && typeof value !== 'number') return redactUncached(key, value, rules);
  const memo = memoOf(attributeMemo, rules);
  const id = `${key}\u0000${typeof value}\u0000${value}`;
  const known = memo.get(id);
  if (known !== undefined) return known;
  const result = redactUncached(key, value, rules);
  memo.set(id, result);
  return result;
}

function redactUncached(key: string, value: AttributeValue, rules: readonly RedactionRule[]): RedactedValue {
  let result: AttributeValue = value;
  for (const rule of rules) {
    if (rule.key !== undefined && !rule.key.test(key)) continue;
    if (rule.value === undefined) {
      if (typeof value === 'string' && PLACEHOLDER.test(value)) return value;
      return { placeholder: withFingerprint(rule.replacement, wholeText(value)) };
    }
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

// Memo: the global copy of a rule's pattern, a pure function of the pattern.
const globalOf = new WeakMap<RegExp, RegExp>();

function replaceAll(text: string, rule: RedactionRule): string {
  const pattern = rule.value as RegExp;
  // A non-global pattern would replace only the first match; make every rule replace all of them.
  let global = pattern.global ? pattern : globalOf.get(pattern);
  if (global === undefined) {
    global = new RegExp(pattern.source, `${pattern.flags}g`);
    globalOf.set(pattern, global);
  }
  if (!isSecretRule(rule)) return text.replace(global, rule.replacement);
  return text.replace(global, (match: string, ...rest: unknown[]) => {
    const groups = rest.at(-1);
    const group =
      typeof groups === 'object' && groups !== null ? (groups as Record<string, string | undefined>).secret : undefined;
    const secret = group ?? match;
    // Redacting twice (a failure message built from redacted values) keeps the first placeholder.
    if (secret.startsWith('<redacted:') || (rule.accept !== undefined && !rule.accept(secret))) return match;
    const placeholder = withFingerprint(rule.replacement, secret);
    if (group === undefined) return placeholder;
    const at = match.lastIndexOf(group);
    return match.slice(0, at) + placeholder + match.slice(at + group.length);
  });
}

function isSecretRule(rule: RedactionRule): boolean {
  return (
    rule.accept !== undefined ||
    rule.replacement.includes('{fingerprint}') ||
    /\(\?<secret>/.test(rule.value?.source ?? '')
  );
}

// A value redacted before: the key rules leave it as it is.
const PLACEHOLDER = /^<redacted:[\w-]+#[0-9a-f]{4}>$/;

function withFingerprint(replacement: string, secret: string): string {
  return replacement.includes('{fingerprint}')
    ? replacement.replaceAll('{fingerprint}', fingerprint(secret))
    : replacement;
}

function wholeText(value: AttributeValue): string {
  return Array.isArray(value) ? value.map((item) => String(item)).join(',') : String(value);
}
