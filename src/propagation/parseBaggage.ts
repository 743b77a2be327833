import type { Baggage, BaggageEntry, BaggageProperty } from './Baggage.ts';
import { BAGGAGE_LIMITS } from './baggageLimits.ts';
import { quote } from './hex.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import { trimOws } from './trimOws.ts';

// RFC 7230 token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// baggage-octet: printable ASCII except space, DQUOTE, ",", ";" and "\".
const OCTETS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;

/**
 * Parses W3C `baggage` header values (pass every value when the header appeared more than once). Values are
 * percent-decoded; keys must be RFC 7230 tokens (percent-decoded too, as OpenTelemetry encodes them); the header must stay within {@link BAGGAGE_LIMITS}.
 *
 * @example
 * parseBaggage('tenant=acme%20corp;ttl=60, debug');
 * // { valid: false, reason: 'member "debug" has no "="' }
 * parseBaggage('tenant=acme%20corp;ttl=60');
 * // { valid: true, value: [{ key: 'tenant', value: 'acme corp', properties: [{ key: 'ttl', value: '60' }] }] }
 */
export function parseBaggage(header: string | readonly string[]): ParseResult<Baggage> {
  const values = typeof header === 'string' ? [header] : header;
  const bytes = values.reduce((total, value) => total + Buffer.byteLength(value), 0);
  if (bytes > BAGGAGE_LIMITS.maxBytes) {
    return invalid(`baggage is ${bytes} bytes long, at most ${BAGGAGE_LIMITS.maxBytes} are allowed`);
  }
  const entries: BaggageEntry[] = [];
  for (const raw of values.flatMap((value) => value.split(','))) {
    const text = trimOws(raw);
    if (text === '') continue;
    if (Buffer.byteLength(text) > BAGGAGE_LIMITS.maxMemberBytes) {
      return invalid(`member ${quote(text.slice(0, 20))}… is longer than ${BAGGAGE_LIMITS.maxMemberBytes} bytes`);
    }
    const entry = parseMember(text);
    if (typeof entry === 'string') return invalid(entry);
    entries.push(entry);
  }
  if (entries.length > BAGGAGE_LIMITS.maxMembers) {
    return invalid(`baggage has ${entries.length} members, at most ${BAGGAGE_LIMITS.maxMembers} are allowed`);
  }
  return ok(entries);
}

function parseMember(text: string): BaggageEntry | string {
  const [pair = '', ...rawProperties] = text.split(';');
  const equals = pair.indexOf('=');
  if (equals < 0) return `member ${quote(text)} has no "="`;
  const rawKey = trimOws(pair.slice(0, equals));
  if (!TOKEN.test(rawKey)) return `key ${quote(rawKey)} is not a token (letters, digits and !#$%&'*+-.^_\`|~)`;
  // OpenTelemetry percent-encodes keys too ("$" travels as "%24"), so keys are decoded like values.
  const decodedKey = decode(`key ${quote(rawKey)}`, rawKey);
  if (typeof decodedKey !== 'object') return decodedKey;
  const key = decodedKey.text;
  const value = decode(`value of key ${quote(key)}`, trimOws(pair.slice(equals + 1)));
  if (typeof value !== 'object') return value;
  const properties: BaggageProperty[] = [];
  for (const rawProperty of rawProperties) {
    const property = parseProperty(key, trimOws(rawProperty));
    if (typeof property === 'string') return property;
    properties.push(property);
  }
  return { key, value: value.text, properties };
}

function parseProperty(owner: string, text: string): BaggageProperty | string {
  const equals = text.indexOf('=');
  const rawKey = trimOws(equals < 0 ? text : text.slice(0, equals));
  if (!TOKEN.test(rawKey)) return `property ${quote(rawKey)} of key ${quote(owner)} is not a token`;
  const key = decode(`property ${quote(rawKey)} of key ${quote(owner)}`, rawKey);
  if (typeof key !== 'object') return key;
  if (equals < 0) return { key: key.text };
  const value = decode(`value of property ${quote(rawKey)} of key ${quote(owner)}`, trimOws(text.slice(equals + 1)));
  return typeof value === 'object' ? { key: key.text, value: value.text } : value;
}

function decode(what: string, raw: string): { text: string } | string {
  if (!OCTETS.test(raw)) return `${what} has a character that must be percent-encoded (${quote(raw)})`;
  try {
    return { text: decodeURIComponent(raw) };
  } catch {
    return `${what} has invalid percent-encoding (${quote(raw)})`;
  }
}
