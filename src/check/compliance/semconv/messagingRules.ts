import type { Span, SpanKind } from '../../../model/Span.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';
import { attributeRules } from './attributeRules.ts';
import type { ConventionRule } from './ConventionRule.ts';
import {
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
} from './incubatingAttributes.ts';

// The messaging span conventions (semantic conventions 1.3x, messaging spans: in development).
const SPEC = 'https://opentelemetry.io/docs/specs/semconv/messaging/messaging-spans/';
const ALL = ['stable', 'dup', 'old'] as const;
const sometimes = Object.freeze({ test: () => false, says: 'when the instrumentation knows it' });

/** The span kinds each operation type may have. */
const KINDS: Readonly<Record<string, readonly SpanKind[]>> = Object.freeze({
  create: ['producer'],
  send: ['producer', 'client'],
  receive: ['client', 'consumer'],
  process: ['consumer'],
  settle: ['client'],
});

function text(span: Span, key: string): string | undefined {
  const value = span.attributes[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The rules for messaging spans, each citing its section of the spec: `messaging.system`,
 * `messaging.operation.type` (a known type, the span kind it goes with), `messaging.destination.name`, the span
 * name, and that a consumer keeps the producer's context (parented by it or linked to it).
 *
 * @example
 * messagingRules.map((rule) => rule.id);
 */
export const messagingRules: readonly ConventionRule[] = Object.freeze([
  ...attributeRules('messaging', ALL, [
    { role: 'messaging', key: ATTR_MESSAGING_SYSTEM, type: 'string', section: `${SPEC}#common-attributes` },
    {
      role: 'messaging',
      key: ATTR_MESSAGING_OPERATION_TYPE,
      type: 'string',
      when: {
        test: (span) => span.kind === 'producer' || span.kind === 'consumer',
        says: 'on producer and consumer spans',
      },
      section: `${SPEC}#common-attributes`,
    },
    {
      role: 'messaging',
      key: ATTR_MESSAGING_DESTINATION_NAME,
      type: 'string',
      when: sometimes,
      section: `${SPEC}#common-attributes`,
    },
    {
      role: 'messaging',
      key: ATTR_MESSAGING_OPERATION_NAME,
      type: 'string',
      when: sometimes,
      section: `${SPEC}#common-attributes`,
    },
  ]),
  {
    id: 'messaging.kind',
    signal: 'messaging',
    role: 'messaging',
    modes: ALL,
    says: 'the operation type goes with its span kind: create and send a producer, receive a client, process a consumer, settle a client',
    section: `${SPEC}#span-kind`,
    problem: (span) => {
      const type = text(span, ATTR_MESSAGING_OPERATION_TYPE);
      if (type === undefined) return undefined;
      const kinds = KINDS[type];
      if (kinds === undefined) {
        return `messaging.operation.type is ${JSON.stringify(type)}, not one of ${Object.keys(KINDS)
          .map((known) => JSON.stringify(known))
          .join(', ')}`;
      }
      return kinds.includes(span.kind) ? undefined : `a ${type} span is ${kinds.join(' or ')}, not ${span.kind}`;
    },
  },
  {
    id: 'messaging.name',
    signal: 'messaging',
    role: 'messaging',
    modes: ALL,
    says: 'a messaging span is named "{messaging.operation.name} {destination}", or "{messaging.operation.name}"',
    section: `${SPEC}#span-name`,
    problem: (span) => {
      const operation = text(span, ATTR_MESSAGING_OPERATION_NAME) ?? text(span, ATTR_MESSAGING_OPERATION_TYPE);
      if (operation === undefined) return undefined;
      const destination = text(span, 'messaging.destination.template') ?? text(span, ATTR_MESSAGING_DESTINATION_NAME);
      const allowed = destination === undefined ? [operation] : [`${operation} ${destination}`, operation];
      return allowed.includes(span.name)
        ? undefined
        : `its name is ${JSON.stringify(span.name)}, not ${allowed.map((name) => JSON.stringify(name)).join(' or ')}`;
    },
  },
  {
    id: 'messaging.consumer-context',
    signal: 'messaging',
    role: 'messaging',
    modes: ALL,
    says: "a consumer span is parented by the producer's span or linked to it (the message carries its context)",
    section: `${SPEC}#trace-structure`,
    problem: (span, set) => {
      if (span.kind !== 'consumer') return undefined;
      const referenced = [span.parentSpanId, ...span.links.map((link) => link.spanId)].filter(
        (id): id is string => id !== undefined,
      );
      if (referenced.length === 0) return "it has neither a parent nor a link: the message's context was lost";
      const present = referenced.map((id) => spanById(set, span, id)).filter((other) => other !== undefined);
      if (present.length === 0 || present.some((other) => other.kind === 'producer' || isMessaging(other)))
        return undefined;
      return `its parent and links are ${present.map((other) => `${other.kind} "${other.name}"`).join(', ')}, not the producer's span`;
    },
  },
]);

function spanById(set: TraceSet, consumer: Span, spanId: string): Span | undefined {
  const link = consumer.links.find((candidate) => candidate.spanId === spanId);
  return set.get(link?.traceId ?? consumer.traceId)?.get(spanId);
}

function isMessaging(span: Span): boolean {
  return span.attributes[ATTR_MESSAGING_SYSTEM] !== undefined;
}
