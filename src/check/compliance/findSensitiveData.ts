import type { Attributes, AttributeValue, Span } from '../../model/Span.ts';
import type { TraceSet } from '../../model/TraceSet.ts';
import { fingerprint } from '../../snapshot/secrets/fingerprint.ts';
import type { SecretDetector } from '../../snapshot/secrets/SecretDetector.ts';
import { secretDetectors } from '../../snapshot/secrets/secretDetectors.ts';
import type { SecretFinder, SensitiveDataOptions } from './SensitiveDataOptions.ts';
import type { SensitiveFinding } from './SensitiveFinding.ts';

/** A detector as the scan runs it: a key test, or a finder of the secrets in a text. */
interface Scanner {
  readonly name: string;
  readonly key?: RegExp;
  readonly find?: (text: string, key: string | undefined) => readonly string[];
}

// A value the service already masked is not a leak: `****`, `xxx`, `[REDACTED]`, `<redacted:jwt#3f2a>`, ``.
const MASKED = /^(\**|x+|X+|\[?redacted\]?|\[filtered\]|<redacted[^>]*>)$/i;
const EXCERPT_CONTEXT = 24;

/**
 * Every piece of sensitive data in the traces: span and event names, status messages, and the attributes of spans,
 * events (exception messages and stack traces included), links and resources (each resource value reported once,
 * on the first span that has it), by the credential detectors of `secretDetectors`, the opt-in personal data
 * detectors and the caller's own. Each finding keeps a masked excerpt, never the secret.
 *
 * @example
 * const findings = findSensitiveData(traceSet, { pii: ['email'] });
 */
export function findSensitiveData(set: TraceSet, options: SensitiveDataOptions = {}): SensitiveFinding[] {
  const scanners = scannersOf(options);
  const findings: SensitiveFinding[] = [];
  const seenResources = new Set<string>();
  for (const span of set.spans) {
    if (isAllowedSpan(span, options)) continue;
    const named = scanValue(undefined, span.name, scanners);
    const spanName = named.masked;
    const scan = (field: string, key: string | undefined, value: AttributeValue | undefined) => {
      if (value === undefined || (key !== undefined && isAllowedKey(key, options))) return;
      for (const found of scanValue(key, value, scanners).found) findings.push({ span, spanName, field, ...found });
    };
    for (const found of named.found) findings.push({ span, spanName, field: 'name', ...found });
    scan('status.message', undefined, span.status.message);
    scanAttributes(span.attributes, 'attributes', scan);
    span.events.forEach((event, i) => {
      const at = `events[${i} ${JSON.stringify(event.name)}]`;
      scan(`${at}.name`, undefined, event.name);
      scanAttributes(event.attributes, `${at}.attributes`, scan);
    });
    for (const [i, link] of span.links.entries()) scanAttributes(link.attributes, `links[${i}].attributes`, scan);
    for (const [key, value] of Object.entries(span.resource)) {
      const id = `${span.service}\u0000${key}\u0000${String(value)}`;
      if (seenResources.has(id)) continue;
      seenResources.add(id);
      scan(`resource[${JSON.stringify(key)}]`, key, value);
    }
  }
  return findings;
}

function scanAttributes(
  attributes: Attributes,
  at: string,
  scan: (field: string, key: string, value: AttributeValue | undefined) => void,
): void {
  for (const [key, value] of Object.entries(attributes)) scan(`${at}[${JSON.stringify(key)}]`, key, value);
}

function scanValue(
  key: string | undefined,
  value: AttributeValue,
  scanners: readonly Scanner[],
): { masked: string; found: { detector: string; excerpt: string }[] } {
  const text = Array.isArray(value) ? value.map((item) => String(item ?? '')).join(', ') : String(value);
  if (MASKED.test(text.trim())) return { masked: text, found: [] };
  if (key !== undefined) {
    const byKey = scanners.find((scanner) => scanner.key?.test(key));
    if (byKey !== undefined) {
      const mark = placeholder(byKey.name, text);
      return { masked: mark, found: [{ detector: byKey.name, excerpt: mark }] };
    }
  }
  // Each detector looks at the text with the secrets of the detectors before it masked, so that a JWT after
  // `Bearer` is found once, and the excerpt shows every secret masked.
  let masked = text;
  const found: { detector: string; mark: string }[] = [];
  for (const scanner of scanners) {
    for (const secret of scanner.find?.(masked, key) ?? []) {
      const mark = placeholder(scanner.name, secret);
      if (!masked.includes(secret)) continue;
      masked = masked.split(secret).join(mark);
      found.push({ detector: scanner.name, mark });
    }
  }
  return { masked, found: found.map(({ detector, mark }) => ({ detector, excerpt: excerptAround(masked, mark) })) };
}

function placeholder(name: string, secret: string): string {
  return `<redacted:${name}#${fingerprint(secret)}>`;
}

function excerptAround(text: string, mark: string): string {
  const at = text.indexOf(mark);
  const from = Math.max(0, at - EXCERPT_CONTEXT);
  const to = Math.min(text.length, at + mark.length + EXCERPT_CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function scannersOf(options: SensitiveDataOptions): Scanner[] {
  const pii: readonly string[] =
    options.pii === true ? ['email', 'ip'] : options.pii === false ? [] : (options.pii ?? []);
  const builtIn = secretDetectors.filter((detector) => !detector.optIn || pii.includes(detector.name));
  return [...builtIn, ...(options.detectors ?? [])].map(toScanner);
}

function toScanner(detector: RegExp | SecretDetector | SecretFinder): Scanner {
  if (detector instanceof RegExp) return { name: `pattern ${String(detector)}`, find: patternFinder(detector) };
  if ('find' in detector) {
    const { name, find } = detector;
    return {
      name,
      find: (text, key) => {
        const secret = find(text, key);
        return secret === undefined || secret === '' ? [] : [secret];
      },
    };
  }
  return {
    name: detector.name,
    ...(detector.key !== undefined ? { key: detector.key } : {}),
    ...(detector.value !== undefined ? { find: patternFinder(detector.value, detector.accept) } : {}),
  };
}

function patternFinder(pattern: RegExp, accept?: (secret: string) => boolean): Scanner['find'] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return (text) => {
    const secrets: string[] = [];
    for (const match of text.matchAll(global)) {
      const secret = match.groups?.secret ?? match[0];
      if (secret === '' || secret.startsWith('<redacted:') || (accept !== undefined && !accept(secret))) continue;
      secrets.push(secret);
    }
    return secrets;
  };
}

function isAllowedKey(key: string, options: SensitiveDataOptions): boolean {
  return (options.allowKeys ?? []).some((allowed) =>
    typeof allowed === 'string' ? allowed === key : allowed.test(key),
  );
}

function isAllowedSpan(span: Span, options: SensitiveDataOptions): boolean {
  return (options.allowSpans ?? []).some((allowed) =>
    typeof allowed === 'string'
      ? allowed === span.name
      : allowed instanceof RegExp
        ? allowed.test(span.name)
        : allowed(span),
  );
}
