import type { Attributes, AttributeValue, Span } from '../model/Span.ts';
import { TraceSet } from '../model/TraceSet.ts';
import type { RedactionRule } from './RedactionRule.ts';
import { redactAttribute, redactText } from './redact.ts';

/**
 * The one redaction that every output about a failed test goes through: span and event names, status messages,
 * and the values of span, resource, event and link attributes become what the rules make of them (a placeholder
 * for a key rule, the replacement for a value rule). Ids, times and the tree stay. Failure messages go through
 * {@link redactMessage} with the same rules.
 *
 * @example
 * const shown = redactTraces(traces.traceSet(), reportRedactions);
 */
export function redactTraces(set: TraceSet, rules: readonly RedactionRule[]): TraceSet {
  if (rules.length === 0) return set;
  return TraceSet.fromSpans(set.spans.map((span) => redactSpan(span, rules)));
}

/**
 * A failure message (or any free text shown beside the traces) with the value rules applied.
 *
 * @example
 * redactMessage('sent Authorization: Bearer abc.def', reportRedactions); // 'sent Authorization: Bearer <redacted>'
 */
export function redactMessage(text: string, rules: readonly RedactionRule[]): string {
  return rules.length === 0 ? text : redactText(text, rules);
}

function redactSpan(span: Span, rules: readonly RedactionRule[]): Span {
  return {
    ...span,
    name: redactText(span.name, rules),
    attributes: redactAttributes(span.attributes, rules),
    resource: redactAttributes(span.resource, rules),
    events: span.events.map((event) => ({
      ...event,
      name: redactText(event.name, rules),
      attributes: redactAttributes(event.attributes, rules),
    })),
    links: span.links.map((link) => ({ ...link, attributes: redactAttributes(link.attributes, rules) })),
    status:
      span.status.message === undefined
        ? span.status
        : { code: span.status.code, message: redactText(span.status.message, rules) },
  };
}

function redactAttributes(attributes: Attributes, rules: readonly RedactionRule[]): Attributes {
  const result: Record<string, AttributeValue | undefined> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const redacted = redactAttribute(key, value, rules);
    result[key] =
      typeof redacted === 'object' && redacted !== null && 'placeholder' in redacted ? redacted.placeholder : redacted;
  }
  return result;
}
