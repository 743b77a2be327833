import type { AttributeValue } from '../../model/Span.ts';

/** A decoded OTLP `AnyValue` (JSON or protobuf) before it becomes an attribute. */
export type OtlpValue = string | number | boolean | null | OtlpValue[] | { [key: string]: OtlpValue };

/**
 * Turns a decoded OTLP value into a tracespec attribute: scalars and homogeneous arrays as they are; nested maps
 * and mixed arrays, which OpenTelemetry JS attributes cannot hold, as JSON text so nothing is silently lost.
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
