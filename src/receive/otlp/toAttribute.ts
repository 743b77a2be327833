import type { AttributeValue } from '../../model/Span.ts';

/**
 * A decoded OTLP `AnyValue` (JSON or protobuf) before it becomes an attribute. Maps are kept structured (with no
 * prototype, so a `__proto__` key is just a key) until the top-level value is turned into an attribute.
 */
export type OtlpValue = string | number | boolean | null | OtlpValue[] | OtlpMap;

/** A decoded `kvlistValue`. */
export type OtlpMap = { [key: string]: OtlpValue };

/** An empty map for a `kvlistValue`, without a prototype. */
export function emptyMap(): OtlpMap {
  return Object.create(null) as OtlpMap;
}

/**
 * Turns a decoded top-level OTLP value into a tracespec attribute: scalars and homogeneous arrays as they are;
 * nested maps and mixed arrays, which OpenTelemetry JS attributes cannot hold, as JSON text so nothing is silently
 * lost. Serialized once, here, for the whole value: nested levels are never serialized inside each other.
 */
export function toAttribute(value: OtlpValue): AttributeValue | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'object') return value;
  if (!Array.isArray(value)) return JSON.stringify(value);
  const first = value.find((item) => item !== null);
  const type = typeof first;
  if (value.every((item) => item === null || (typeof item === type && typeof item !== 'object'))) {
    return value as AttributeValue;
  }
  return JSON.stringify(value);
}

/** Sets an attribute, a `__proto__` key included (as an own property, never as the map's prototype). */
export function setAttribute(into: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  if (key === '__proto__')
    Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
  else into[key] = value;
}
