import type { AttributeValue } from '../../../model/Span.ts';
import { arrayAt, describe, int64At, objectAt, stringAt } from '../../jsonShape.ts';
import { MalformedInputError } from '../../MalformedInputError.ts';
import { type OtlpValue, toAttribute } from '../toAttribute.ts';
import type { Loose, OtlpAnyValue, OtlpKeyValue } from './OtlpJson.ts';

/** Reads an OTLP/JSON `KeyValue` list into an attribute map. */
export function readJsonAttributes(list: unknown, path: string): Record<string, AttributeValue> {
  const into: Record<string, AttributeValue> = {};
  const items = arrayAt<unknown>(list, path);
  for (let i = 0; i < items.length; i++) {
    const item = objectAt<Loose<OtlpKeyValue>>(items[i], `${path}[${i}]`);
    if (item === undefined) continue;
    const value = toAttribute(readValue(item.value, `${path}[${i}].value`));
    if (value !== undefined) into[stringAt(item.key, `${path}[${i}].key`)] = value;
  }
  return into;
}

function readValue(raw: unknown, path: string): OtlpValue {
  const value = objectAt<Loose<OtlpAnyValue>>(raw, path);
  if (value === undefined) return null;
  if (value.stringValue !== undefined) return stringAt(value.stringValue, `${path}.stringValue`);
  if (value.boolValue !== undefined) return boolean(value.boolValue, `${path}.boolValue`);
  if (value.intValue !== undefined) return Number(int64At(value.intValue, `${path}.intValue`));
  if (value.doubleValue !== undefined) return double(value.doubleValue, `${path}.doubleValue`);
  if (value.arrayValue !== undefined) {
    const values = objectAt<{ values?: unknown }>(value.arrayValue, `${path}.arrayValue`)?.values;
    return arrayAt<unknown>(values, `${path}.arrayValue.values`).map((item, i) =>
      readValue(item, `${path}.arrayValue.values[${i}]`),
    );
  }
  if (value.kvlistValue !== undefined) {
    const values = objectAt<{ values?: unknown }>(value.kvlistValue, `${path}.kvlistValue`)?.values;
    return readJsonAttributes(values, `${path}.kvlistValue.values`) as { [key: string]: OtlpValue };
  }
  if (value.bytesValue !== undefined) return stringAt(value.bytesValue, `${path}.bytesValue`);
  return null;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new MalformedInputError(`${path} should be a boolean, got ${describe(value)}`);
  return value;
}

function double(value: unknown, path: string): number {
  // The JSON mapping allows "NaN", "Infinity" and "-Infinity" as strings.
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || (Number.isNaN(number) && value !== 'NaN')) {
    throw new MalformedInputError(`${path} should be a number, got ${describe(value)}`);
  }
  return number;
}
