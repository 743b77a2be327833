/**
 * Hopcroft-Karp maximum bipartite matching. `adjacency[left]` lists the right vertices that left vertex may take.
 * Returns, for each left vertex, its right vertex or -1. Runs in O(E * sqrt(V)); a greedy first fit would miss
 * assignments that exist (a broad pattern taking the only span a narrow pattern could match).
 *
 * @example
 * maximumMatching([[0, 1], [0]], 2); // [1, 0]
 */
export function maximumMatching(adjacency: readonly (readonly number[])[], rightCount: number): Int32Array {
  const leftCount = adjacency.length;
  const matchLeft = new Int32Array(leftCount).fill(-1);
  const matchRight = new Int32Array(rightCount).fill(-1);
  const layer = new Int32Array(leftCount);
  const INF = 0x7fffffff;

  const bfs = (): boolean => {
    const queue: number[] = [];
    for (let left = 0; left < leftCount; left++) {
      if (matchLeft[left] === -1) {
        layer[left] = 0;
        queue.push(left);
      } else layer[left] = INF;
    }
    let found = false;
    for (let head = 0; head < queue.length; head++) {
      const left = queue[head] as number;
      for (const right of adjacency[left] ?? []) {
        const next = matchRight[right] as number;
        if (next === -1) found = true;
        else if (layer[next] === INF) {
          layer[next] = (layer[left] as number) + 1;
          queue.push(next);
        }
      }
    }
    return found;
  };

  const dfs = (left: number): boolean => {
    for (const right of adjacency[left] ?? []) {
      const next = matchRight[right] as number;
      if (next === -1 || (layer[next] === (layer[left] as number) + 1 && dfs(next))) {
        matchLeft[left] = right;
        matchRight[right] = left;
        return true;
      }
    }
    layer[left] = INF;
    return false;
  };

  while (bfs()) for (let left = 0; left < leftCount; left++) if (matchLeft[left] === -1) dfs(left);
  return matchLeft;
}
