/** Every pseudo-class the selector language knows, as written in selectors (for error messages and docs). */
export const PSEUDO_CLASSES: readonly string[] = [
  ':root',
  ':leaf',
  ':orphan',
  ':error',
  ':first',
  ':last',
  ':nth(n)',
  ':has(selector)',
  ':not(selector)',
];

/** Pseudo-classes that take no argument. */
export const SIMPLE_PSEUDO_CLASSES = ['root', 'leaf', 'orphan', 'error', 'first', 'last'] as const;
