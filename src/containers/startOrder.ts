/**
 * The order services start in: in waves, each service after every service it links to (its readiness path may
 * call them). A cycle of links cannot be ordered; the error names it.
 *
 * @example
 * startOrder({ gateway: ['orders'], orders: ['inventory'], inventory: [] });
 * // [['inventory'], ['orders'], ['gateway']]
 */
export function startOrder(links: Readonly<Record<string, readonly string[]>>): string[][] {
  const waves: string[][] = [];
  const started = new Set<string>();
  const names = Object.keys(links);
  while (started.size < names.length) {
    const wave = names.filter(
      (name) => !started.has(name) && (links[name] ?? []).every((target) => started.has(target) || target === name),
    );
    if (wave.length === 0) {
      throw new Error(
        `[tracespec] the services link to each other in a cycle (${describeCycle(links, started)}), so none of them can start after the ones it links to. ` +
          'Break the cycle: a service whose readiness does not need the other can get the URL through withEnvironment() instead of withLink().',
      );
    }
    for (const name of wave) started.add(name);
    waves.push(wave);
  }
  return waves;
}

function describeCycle(links: Readonly<Record<string, readonly string[]>>, started: ReadonlySet<string>): string {
  // Walk unstarted links from any unstarted service until a name repeats: that loop is a cycle.
  const first = Object.keys(links).find((name) => !started.has(name)) ?? '';
  const path = [first];
  for (;;) {
    const current = path.at(-1) ?? '';
    const next = (links[current] ?? []).find((target) => !started.has(target) && target !== current) ?? current;
    const seen = path.indexOf(next);
    if (seen >= 0) return [...path.slice(seen), next].join(' -> ');
    path.push(next);
  }
}
