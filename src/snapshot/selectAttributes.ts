import type { Attributes, AttributeValue } from '../model/Span.ts';
import type { KeyPattern, SnapshotOptions } from './SnapshotOptions.ts';

/** The attributes a shape shows, sorted by key, after the include/exclude filters. */
export function selectAttributes(
  attributes: Attributes,
  filter: SnapshotOptions['attributes'] = {},
): [string, AttributeValue][] {
  const selected: [string, AttributeValue][] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (filter.include !== undefined && !filter.include.some((pattern) => keyMatches(key, pattern))) continue;
    if (filter.exclude?.some((pattern) => keyMatches(key, pattern))) continue;
    selected.push([key, value]);
  }
  return selected.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function keyMatches(key: string, pattern: KeyPattern): boolean {
  if (typeof pattern === 'string') return key === pattern;
  pattern.lastIndex = 0;
  return pattern.test(key);
}
