import type { AttributeValue } from '../../model/Span.ts';
import { messageEnd, type ProtoReader, readInt64, skipField } from './ProtoReader.ts';

type Scalar = string | number | boolean | null;
type Value = Scalar | Value[] | { [key: string]: Value };

/** Reads one `KeyValue` (field 1 key, field 2 AnyValue) into the attribute map. */
export function readKeyValue(reader: ProtoReader, into: Record<string, AttributeValue>): void {
  const end = messageEnd(reader, 'KeyValue');
  let key = '';
  let value: Value = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) key = reader.string();
    else if (tag === 18) value = readAnyValue(reader);
    else skipField(reader, tag);
  }
  const attribute = toAttribute(value);
  if (attribute !== undefined) into[key] = attribute;
}

function readAnyValue(reader: ProtoReader): Value {
  const end = messageEnd(reader, 'AnyValue');
  let value: Value = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag) {
      case 10:
        value = reader.string();
        break;
      case 16:
        value = reader.bool();
        break;
      case 24:
        value = readInt64(reader);
        break;
      case 33:
        value = reader.double();
        break;
      case 42:
        value = readValues(reader);
        break;
      case 50:
        value = readKeyValueList(reader);
        break;
      case 58:
        value = Buffer.from(reader.bytes()).toString('base64');
        break;
      default:
        skipField(reader, tag);
    }
  }
  return value;
}

function readValues(reader: ProtoReader): Value[] {
  const end = messageEnd(reader, 'ArrayValue');
  const values: Value[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) values.push(readAnyValue(reader));
    else skipField(reader, tag);
  }
  return values;
}

function readKeyValueList(reader: ProtoReader): { [key: string]: Value } {
  const end = messageEnd(reader, 'KeyValueList');
  const map: Record<string, AttributeValue> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) readKeyValue(reader, map);
    else skipField(reader, tag);
  }
  return map as { [key: string]: Value };
}

/**
 * Turns a decoded OTLP value into a tracespec attribute: scalars and homogeneous arrays as they are; nested maps
 * and mixed arrays, which OpenTelemetry JS attributes cannot hold, as JSON text so nothing is silently lost.
 */
export function toAttribute(value: Value): AttributeValue | undefined {
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

/** A decoded OTLP value (JSON or protobuf) before it becomes an attribute. */
export type OtlpValue = Value;
