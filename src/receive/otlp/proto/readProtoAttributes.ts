import type { AttributeValue } from '../../../model/Span.ts';
import { AttributeTooDeep, enterContainer } from '../attributeNesting.ts';
import { emptyMap, type OtlpMap, type OtlpValue, setAttribute, toAttribute } from '../toAttribute.ts';
import * as proto from './fields.ts';
import { messageEnd, type ProtoReader, readInt64, skipField } from './ProtoReader.ts';

/**
 * Reads one top-level `KeyValue` into the attribute map. A value nested past the limit is skipped, not decoded, and
 * its key returned: the caller refuses the request once it knows the name of the span it belongs to (which the
 * wire may put after the attributes).
 */
export function readKeyValue(reader: ProtoReader, into: Record<string, AttributeValue>): string | undefined {
  const end = messageEnd(reader, 'KeyValue');
  let key = '';
  let value: OtlpValue = null;
  let tooDeep = false;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.KeyValue.key) key = reader.string();
    else if (tag === proto.KeyValue.value) {
      const start = reader.pos;
      try {
        value = readAnyValue(reader, 0);
      } catch (error) {
        if (!(error instanceof AttributeTooDeep)) throw error;
        tooDeep = true;
        reader.pos = start;
        reader.skipType(2);
      }
    } else skipField(reader, tag);
  }
  if (tooDeep) return key;
  const attribute = toAttribute(value);
  if (attribute !== undefined) setAttribute(into, key, attribute);
  return undefined;
}

/** Reads one `AnyValue`, `level` being how many arrays and maps already enclose it. */
function readAnyValue(reader: ProtoReader, level: number): OtlpValue {
  const end = messageEnd(reader, 'AnyValue');
  let value: OtlpValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag) {
      case proto.AnyValue.string_value:
        value = reader.string();
        break;
      case proto.AnyValue.bool_value:
        value = reader.bool();
        break;
      case proto.AnyValue.int_value:
        value = readInt64(reader);
        break;
      case proto.AnyValue.double_value:
        value = reader.double();
        break;
      case proto.AnyValue.array_value:
        value = readArrayValue(reader, enterContainer(level));
        break;
      case proto.AnyValue.kvlist_value:
        value = readKeyValueList(reader, enterContainer(level));
        break;
      case proto.AnyValue.bytes_value:
        value = Buffer.from(reader.bytes()).toString('base64');
        break;
      default:
        skipField(reader, tag);
    }
  }
  return value;
}

function readArrayValue(reader: ProtoReader, level: number): OtlpValue[] {
  const end = messageEnd(reader, 'ArrayValue');
  const values: OtlpValue[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.ArrayValue.values) values.push(readAnyValue(reader, level));
    else skipField(reader, tag);
  }
  return values;
}

function readKeyValueList(reader: ProtoReader, level: number): OtlpMap {
  const end = messageEnd(reader, 'KeyValueList');
  const map = emptyMap();
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.KeyValueList.values) readNestedKeyValue(reader, map, level);
    else skipField(reader, tag);
  }
  return map;
}

function readNestedKeyValue(reader: ProtoReader, map: OtlpMap, level: number): void {
  const end = messageEnd(reader, 'KeyValue');
  let key = '';
  let value: OtlpValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.KeyValue.key) key = reader.string();
    else if (tag === proto.KeyValue.value) value = readAnyValue(reader, level);
    else skipField(reader, tag);
  }
  if (value !== null) map[key] = value;
}
