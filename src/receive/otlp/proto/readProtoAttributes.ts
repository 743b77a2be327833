import type { AttributeValue } from '../../../model/Span.ts';
import { type OtlpValue, toAttribute } from '../toAttribute.ts';
import * as proto from './fields.ts';
import { messageEnd, type ProtoReader, readInt64, skipField } from './ProtoReader.ts';

/** Reads one `KeyValue` into the attribute map. */
export function readKeyValue(reader: ProtoReader, into: Record<string, AttributeValue>): void {
  const end = messageEnd(reader, 'KeyValue');
  let key = '';
  let value: OtlpValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.KeyValue.key) key = reader.string();
    else if (tag === proto.KeyValue.value) value = readAnyValue(reader);
    else skipField(reader, tag);
  }
  const attribute = toAttribute(value);
  if (attribute !== undefined) into[key] = attribute;
}

function readAnyValue(reader: ProtoReader): OtlpValue {
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
        value = readArrayValue(reader);
        break;
      case proto.AnyValue.kvlist_value:
        value = readKeyValueList(reader);
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

function readArrayValue(reader: ProtoReader): OtlpValue[] {
  const end = messageEnd(reader, 'ArrayValue');
  const values: OtlpValue[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.ArrayValue.values) values.push(readAnyValue(reader));
    else skipField(reader, tag);
  }
  return values;
}

function readKeyValueList(reader: ProtoReader): { [key: string]: OtlpValue } {
  const end = messageEnd(reader, 'KeyValueList');
  const map: Record<string, AttributeValue> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === proto.KeyValueList.values) readKeyValue(reader, map);
    else skipField(reader, tag);
  }
  return map as { [key: string]: OtlpValue };
}
