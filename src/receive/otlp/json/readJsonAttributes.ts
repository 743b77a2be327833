import type { AttributeValue } from '../../../model/Span.ts';
import { arrayAt, describe, int64At, objectAt, stringAt } from '../../jsonShape.ts';
import { MalformedInputError } from '../../MalformedInputError.ts';
import { AttributeTooDeep, enterContainer, tooDeepProblem } from '../attributeNesting.ts';
import { emptyMap, type OtlpMap, type OtlpValue, setAttribute, toAttribute } from '../toAttribute.ts';
import type { Loose, OtlpAnyValue, OtlpKeyValue } from './OtlpJson.ts';

/**
 * Reads an OTLP/JSON `KeyValue` list into an attribute map. `owner` names whose attributes they are (`span "GET /"`,
 * `resource`) for the refusal of a value nested past the limit.
 */
export function readJsonAttributes(list: unknown, path: string, owner: string): Record<string, AttributeValue> {
  const into: Record<string, AttributeValue> = {};
  const items = arrayAt<unknown>(list, path);
  for (let i = 0; i < items.length; i++) {
    const item = objectAt<Loose<OtlpKeyValue>>(items[i], `${path}[${i}]`);
    if (item === undefined) continue;
    const key = stringAt(item.key, `${path}[${i}].key`);
    let value: OtlpValue;
    try {
      value = readValue(item.value, `${path}[${i}].value`, 0);
    } catch (error) {
      if (error instanceof AttributeTooDeep)
        throw new MalformedInputError(`${path}[${i}]: ${tooDeepProblem(owner, key)}`);
      throw error;
    }
    const attribute = toAttribute(value);
    if (attribute !== undefined) setAttribute(into, key, attribute);
  }
  return into;
}

/** Reads one `AnyValue`, `level` being how many arrays and maps already enclose it. */
function readValue(raw: unknown, path: string, level: number): OtlpValue {
  const value = objectAt<Loose<OtlpAnyValue>>(raw, path);
  if (value === undefined) return null;
  if (value.stringValue !== undefined) return stringAt(value.stringValue, `${path}.stringValue`);
  if (value.boolValue !== undefined) return boolean(value.boolValue, `${path}.boolValue`);
  if (value.intValue !== undefined) return Number(int64At(value.intValue, `${path}.intValue`));
  if (value.doubleValue !== undefined) return double(value.doubleValue, `${path}.doubleValue`);
  if (value.arrayValue !== undefined) {
    const inner = enterContainer(level);
    const values = objectAt<{ values?: unknown }>(value.arrayValue, `${path}.arrayValue`)?.values;
    return arrayAt<unknown>(values, `${path}.arrayValue.values`).map((item, i) =>
      readValue(item, `${path}.arrayValue.values[${i}]`, inner),
    );
  }
  if (value.kvlistValue !== undefined) {
    const inner = enterContainer(level);
    const values = objectAt<{ values?: unknown }>(value.kvlistValue, `${path}.kvlistValue`)?.values;
    return readMap(values, `${path}.kvlistValue.values`, inner);
  }
  if (value.bytesValue !== undefined) return stringAt(value.bytesValue, `${path}.bytesValue`);
  return null;
}

function readMap(list: unknown, path: string, level: number): OtlpMap {
  const map = emptyMap();
  const items = arrayAt<unknown>(list, path);
  for (let i = 0; i < items.length; i++) {
    const item = objectAt<Loose<OtlpKeyValue>>(items[i], `${path}[${i}]`);
    if (item === undefined) continue;
    const key = stringAt(item.key, `${path}[${i}].key`);
    const value = readValue(item.value, `${path}[${i}].value`, level);
    if (value !== null) map[key] = value;
  }
  return map;
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
