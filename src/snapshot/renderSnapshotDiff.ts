import type { SnapshotChange } from './diffSnapshots.ts';

/**
 * The changes of {@link diffSnapshots} for people, one block per span:
 * `- disappeared`, `+ appeared`, `> moved`, `~ changed` (with the fields that changed indented below).
 *
 * @example
 * console.log(renderSnapshotDiff(diffSnapshots(before, after)));
 * // + appeared: shop client "GET" (under shop server "POST /checkout")
 * // ~ changed: shop server "POST /checkout" (under (top))
 * //     ~ http.response.status_code: 200 -> 500
 */
export function renderSnapshotDiff(changes: readonly SnapshotChange[]): string {
  if (changes.length === 0) return 'no shape changes';
  const lines: string[] = [];
  for (const change of changes) {
    switch (change.type) {
      case 'appeared':
      case 'disappeared': {
        const below = change.below === 0 ? '' : `, with ${change.below} span${change.below === 1 ? '' : 's'} below`;
        lines.push(
          `${change.type === 'appeared' ? '+' : '-'} ${change.type}: ${change.span} (under ${change.under})${below}`,
        );
        break;
      }
      case 'moved':
        lines.push(`> moved: ${change.span} from under ${change.from} to under ${change.to}`);
        for (const detail of change.details) lines.push(`    ${detail}`);
        break;
      case 'changed':
        lines.push(`~ changed: ${change.span} (under ${change.under})`);
        for (const detail of change.details) lines.push(`    ${detail}`);
        break;
    }
  }
  return lines.join('\n');
}
