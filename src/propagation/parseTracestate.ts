import { quote, quoteBrief } from './hex.ts';
import { invalid, ok, type ParseResult } from './ParseResult.ts';
import type { TraceState, TraceStateMember } from './TraceState.ts';
import { trimOws } from './trimOws.ts';

/**
 * The W3C limit on `tracestate` list members.
 *
 * @example
 * if (members.length > TRACESTATE_MAX_MEMBERS) console.log('too many');
 */
export const TRACESTATE_MAX_MEMBERS = 32;

const SIMPLE_KEY = /^[a-z][_0-9a-z\-*/]{0,255}$/;
const TENANT = /^[0-9a-z][_0-9a-z\-*/]{0,240}$/;
const SYSTEM = /^[a-z][_0-9a-z\-*/]{0,13}$/;
// Printable ASCII except "," and "="; a value does not end with a space.
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;

/**
 * Parses W3C `tracestate` header values (pass every value when the header appeared more than once; they are
 * joined in order). Strict: one bad member, a duplicated key or more than 32 members invalidates the whole header.
 * Empty members and optional white space around members are allowed.
 *
 * @example
 * parseTracestate('rojo=00f067aa0ba902b7, congo=t61rcWkgMzE');
 * // { valid: true, value: [{ key: 'rojo', value: '00f067aa0ba902b7' }, { key: 'congo', value: 't61rcWkgMzE' }] }
 * parseTracestate('foo=1,foo=2'); // { valid: false, reason: 'key "foo" appears twice' }
 */
export function parseTracestate(header: string | readonly string[]): ParseResult<TraceState> {
  const values = typeof header === 'string' ? [header] : header;
  const members: TraceStateMember[] = [];
  const seen = new Set<string>();
  for (const raw of values.flatMap((value) => value.split(','))) {
    const text = trimOws(raw);
    if (text === '') continue;
    const member = parseMember(text);
    if (typeof member === 'string') return invalid(member);
    if (seen.has(member.key)) return invalid(`key ${quote(member.key)} appears twice`);
    seen.add(member.key);
    members.push(member);
  }
  if (members.length > TRACESTATE_MAX_MEMBERS) {
    return invalid(`tracestate has ${members.length} members, at most ${TRACESTATE_MAX_MEMBERS} are allowed`);
  }
  return ok(members);
}

function parseMember(text: string): TraceStateMember | string {
  const equals = text.indexOf('=');
  if (equals < 0) return `member ${quote(text)} has no "="`;
  const key = text.slice(0, equals);
  const value = text.slice(equals + 1);
  const keyProblem = tracestateKeyProblem(key);
  if (keyProblem) return keyProblem;
  if (value === '') return `value of key ${quote(key)} is empty`;
  if (value.length > 256)
    return `value of key ${quote(key)} is ${value.length} characters long, at most 256 are allowed`;
  if (!VALUE.test(value)) {
    return `value of key ${quote(key)} must be printable ASCII without "," or "=" and not end with a space (${quoteBrief(value)})`;
  }
  return { key, value };
}

/**
 * Why a `tracestate` key breaks the W3C grammar, or undefined when it is valid.
 *
 * @example
 * tracestateKeyProblem('FOO'); // 'key "FOO" must start with a lower-case letter …'
 */
export function tracestateKeyProblem(key: string): string | undefined {
  if (key === '') return 'a member has an empty key';
  const at = key.split('@');
  const name = `key ${quoteBrief(key)}`;
  if (at.length > 2) return `${name} has more than one "@"`;
  if (at.length === 2) {
    const [tenant = '', system = ''] = at;
    if (tenant.length > 241) return `tenant of ${name} is ${tenant.length} characters long, at most 241 are allowed`;
    if (!TENANT.test(tenant)) return `tenant ${quote(tenant)} of ${name} must be 1-241 of a-z 0-9 _ - * /`;
    if (system.length > 14) return `system of ${name} is ${system.length} characters long, at most 14 are allowed`;
    if (!SYSTEM.test(system)) {
      return `system ${quote(system)} of ${name} must be a lower-case letter then at most 13 of a-z 0-9 _ - * /`;
    }
    return undefined;
  }
  if (key.length > 256) return `${name} is ${key.length} characters long, at most 256 are allowed`;
  if (!SIMPLE_KEY.test(key)) return `${name} must start with a lower-case letter and use only a-z 0-9 _ - * /`;
  return undefined;
}
