import { formatBaggage } from '../../propagation/formatBaggage.ts';
import { formatJaegerBaggage } from '../../propagation/formatJaegerBaggage.ts';
import type { ParseResult } from '../../propagation/ParseResult.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import type { BaggageExpectation, BaggageOptions } from './BaggageExpectation.ts';
import { describeRequest } from './describeRequest.ts';
import type { OutboundRequest } from './OutboundRequest.ts';
import { assertRequest } from './requestsOf.ts';

/**
 * Checks that a recorded request carries a valid baggage header (W3C `baggage`, or Jaeger `uberctx-*`) holding
 * the expected entries. The message shows the request, its headers and the baggage it should have carried.
 *
 * @example
 * hasBaggage(outbound.last, { tenant: 'acme' }).pass; // true when `baggage: tenant=acme` was sent
 */
export function hasBaggage(request: unknown, expected: BaggageExpectation, options: BaggageOptions = {}): CheckResult {
  assertRequest(request, 'toCarryBaggage');
  if (typeof expected !== 'object' || expected === null) {
    throw new TypeError('[tracespec] toCarryBaggage expects the entries to find, e.g. { tenant: "acme" }');
  }
  const format = options.format ?? 'w3c';
  const header = format === 'w3c' ? 'baggage' : 'uberctx-*';
  const parsed = entriesOf(request, format);
  const actual = parsed?.valid ? parsed.value : {};
  const problem = !parsed
    ? `no ${header} header`
    : !parsed.valid
      ? `${header} is malformed: ${parsed.reason}`
      : Object.entries(expected)
          .map(([key, want]) => entryProblem(key, want, Object.hasOwn(actual, key) ? actual[key] : undefined))
          .find((p) => p !== undefined);
  const right = rightBaggage(format, actual, expected);
  return {
    pass: problem === undefined,
    actual,
    expected,
    message: () =>
      checkMessage({
        expected: `${problem === undefined ? 'not ' : ''}${header} with ${JSON.stringify(expected, replacer)}`,
        received: problem ?? JSON.stringify(actual),
        blocks: [[describeRequest(request), 'Right header:', ...right.map((line) => `  ${line}`)]],
      }),
  };
}

function entriesOf(
  request: OutboundRequest,
  format: 'w3c' | 'jaeger',
): ParseResult<Record<string, string>> | undefined {
  if (format === 'jaeger') return request.context.jaegerBaggage;
  const header = request.context.baggage;
  if (!header?.valid) return header;
  return { valid: true, value: Object.fromEntries(header.value.map((entry) => [entry.key, entry.value])) };
}

function entryProblem(key: string, want: string | RegExp, value: string | undefined): string | undefined {
  if (value === undefined) return `key "${key}" is missing`;
  const matches = typeof want === 'string' ? value === want : want.test(value);
  return matches ? undefined : `key "${key}" is "${value}", expected ${typeof want === 'string' ? `"${want}"` : want}`;
}

function rightBaggage(
  format: 'w3c' | 'jaeger',
  actual: Readonly<Record<string, string>>,
  expected: BaggageExpectation,
): string[] {
  const merged = new Map(Object.entries(actual));
  // A pattern's placeholder stands in the header as a token that percent-encoding leaves alone, and is put back
  // after, so that it reads as written (`plan=<matching /^paid-/>`, not `plan=%3Cmatching%20...`).
  const placeholders = new Map<string, string>();
  let prefix = 'tracespecPattern';
  while ([...merged].some(([key, value]) => key.includes(prefix) || value.includes(prefix))) prefix += 'X';
  for (const [key, want] of Object.entries(expected)) {
    const value = merged.get(key);
    if (typeof want === 'string') merged.set(key, want);
    else if (value === undefined || !want.test(value)) {
      const token = `${prefix}${placeholders.size}x`;
      placeholders.set(token, `<matching ${want}>`);
      merged.set(key, token);
    }
  }
  const readable = (line: string) => {
    let text = line;
    for (const [token, placeholder] of placeholders) text = text.replaceAll(token, placeholder);
    return text;
  };
  if (format === 'jaeger') {
    return Object.entries(formatJaegerBaggage(Object.fromEntries(merged))).map(([name, value]) =>
      readable(`${name}: ${value}`),
    );
  }
  return [readable(`baggage: ${formatBaggage([...merged].map(([key, value]) => ({ key, value, properties: [] })))}`)];
}

function replacer(_: string, value: unknown): unknown {
  return value instanceof RegExp ? String(value) : value;
}
