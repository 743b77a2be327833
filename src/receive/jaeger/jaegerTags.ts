import type { AttributeValue } from '../../model/Span.ts';
import type { JaegerTag } from './JaegerThrift.ts';
import { jaegerTagValue } from './jaegerTagValue.ts';

/**
 * Adds Jaeger tags to an attribute map (a later tag of the same key wins). Returns why a tag cannot be read (no
 * key, an unknown `vType`), or undefined when all could.
 */
export function addJaegerTags(
  tags: readonly JaegerTag[] | undefined,
  into: Record<string, AttributeValue>,
  what: string,
): string | undefined {
  if (tags === undefined) return undefined;
  for (const tag of tags) {
    if (tag.key === undefined) return `a tag of ${what} has no key`;
    const value = jaegerTagValue(tag);
    if (value === undefined) return `tag "${tag.key}" of ${what} has an unknown vType ${tag.vType ?? '(none)'}`;
    into[tag.key] = value;
  }
  return undefined;
}
