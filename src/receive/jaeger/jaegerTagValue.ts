import type { AttributeValue } from '../../model/Span.ts';
import { type JaegerTag, TagType } from './JaegerThrift.ts';

/**
 * The attribute value of a Jaeger tag, by its `vType`: STRING, DOUBLE and BOOL as they are; LONG as a number when
 * it is exact (|n| <= 2^53 - 1), else as its decimal text so that no digit is lost; BINARY as base64 (the form
 * OpenTelemetry's JSON gives bytes). A missing value reads as that type's zero, as Jaeger's own readers do.
 * Returns undefined for an unknown `vType`.
 *
 * @example
 * jaegerTagValue({ key: 'http.status_code', vType: TagType.LONG, vLong: 200n }); // 200
 */
export function jaegerTagValue(tag: JaegerTag): AttributeValue | undefined {
  switch (tag.vType) {
    case TagType.STRING:
      return tag.vStr ?? '';
    case TagType.DOUBLE:
      return tag.vDouble ?? 0;
    case TagType.BOOL:
      return tag.vBool ?? false;
    case TagType.LONG:
      return exactNumber(tag.vLong ?? 0n);
    case TagType.BINARY:
      return (tag.vBinary ?? Buffer.alloc(0)).toString('base64');
    default:
      return undefined;
  }
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

function exactNumber(value: bigint): number | string {
  return value <= MAX_EXACT && value >= -MAX_EXACT ? Number(value) : value.toString();
}
