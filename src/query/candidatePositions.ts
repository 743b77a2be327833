import type { CompoundSelector } from './SelectorAst.ts';
import type { TraceIndex } from './TraceIndex.ts';

/**
 * The smallest list of positions that can match a compound, from the name, service and kind indexes; undefined
 * when no index applies (every span is a candidate).
 */
export function candidatePositions(index: TraceIndex, compound: CompoundSelector): readonly number[] | undefined {
  let best: readonly number[] | undefined;
  const consider = (list: readonly number[] | undefined) => {
    const found = list ?? [];
    if (best === undefined || found.length < best.length) best = found;
  };
  if (compound.name !== undefined) consider(index.byName.get(compound.name));
  for (const filter of compound.filters) {
    if (filter.type !== 'attribute' || filter.operator !== '=' || filter.value?.type !== 'string') continue;
    if (filter.field === 'name') consider(index.byName.get(filter.value.value));
    else if (filter.field === 'service') consider(index.byService.get(filter.value.value));
    else if (filter.field === 'kind') consider(index.byKind.get(filter.value.value));
  }
  return best;
}
