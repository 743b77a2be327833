import { MalformedInputError } from './MalformedInputError.ts';

// Small shape checks for decoded JSON: each names the JSON path, so a 400 answer says exactly what was wrong.

const EMPTY: readonly never[] = [];

/** The array at `path`, or an empty one when the field is missing. */
export function arrayAt<T>(value: unknown, path: string): readonly T[] {
  if (value === undefined || value === null) return EMPTY;
  if (!Array.isArray(value)) throw new MalformedInputError(`${path} should be an array, got ${describe(value)}`);
  return value as T[];
}

/** The object at `path`, or undefined when the field is missing. */
export function objectAt<T>(value: unknown, path: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedInputError(`${path} should be an object, got ${describe(value)}`);
  }
  return value as T;
}

/** The string at `path`, or '' when missing. */
export function stringAt(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new MalformedInputError(`${path} should be a string, got ${describe(value)}`);
  return value;
}

/** An int64 / fixed64 that OTLP/JSON allows as a decimal string or a number. */
export function int64At(value: unknown, path: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  throw new MalformedInputError(`${path} should be an integer (string or number), got ${describe(value)}`);
}

/** An enum that OTLP/JSON sends as an integer; the names (`SPAN_KIND_SERVER`) are accepted too. */
export function enumAt(value: unknown, path: string, names: readonly string[]): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && names.includes(value)) return names.indexOf(value);
  throw new MalformedInputError(`${path} should be an enum integer, got ${describe(value)}`);
}

const PREVIEW = 40;

/** A JSON value described for an error message: its type and a short preview. */
export function describe(value: unknown): string {
  const text = preview(value, PREVIEW + 1);
  const shown = text.length > PREVIEW ? `${text.slice(0, PREVIEW)}...` : text;
  return `${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value} ${shown}`;
}

/**
 * The JSON text of a parsed value, exact for at least its first `room` characters and never much longer: a value
 * of any size or depth is previewed in bounded time and stack (JSON.stringify of a hostile body, 100k arrays deep,
 * would overflow the stack).
 */
function preview(value: unknown, room: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > room ? value.slice(0, room) : value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  const array = Array.isArray(value);
  let text = array ? '[' : '{';
  const entries = array ? value.entries() : Object.entries(value).values();
  for (const [key, item] of entries) {
    if (text.length >= room) return text;
    if (text.length > 1) text += ',';
    if (!array) text += `${JSON.stringify(key)}:`;
    text += preview(item, room - text.length);
  }
  return `${text}${array ? ']' : '}'}`;
}
