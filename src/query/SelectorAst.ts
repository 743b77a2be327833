/**
 * A parsed selector: one or more complex selectors separated by `,` (a span matches when any of them matches).
 * Nodes carry no source positions, so two spellings of the same selector parse to equal trees.
 *
 * @example
 * const ast: SelectorList = parseSelector('checkout > [db.system=postgresql], :error');
 */
export interface SelectorList {
  readonly type: 'list';
  readonly items: readonly ComplexSelector[];
}

/** How two compounds relate: ` ` (descendant), `>` (child), `~` (later sibling). */
export type Combinator = 'descendant' | 'child' | 'sibling';

/**
 * Compounds joined by combinators; the last compound is the subject (the span that is returned).
 * `leading` is set only inside `:has(...)`, where the selector is relative to the span being tested.
 */
export interface ComplexSelector {
  readonly type: 'complex';
  readonly leading?: Combinator;
  readonly compounds: readonly CompoundSelector[];
  /** `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`. */
  readonly combinators: readonly Combinator[];
}

/** One span test: an optional name (or `*`) followed by attribute predicates and pseudo-classes, all of which must hold. */
export interface CompoundSelector {
  readonly type: 'compound';
  /** The exact span name; absent for `*` or when the compound starts with `[` or `:`. */
  readonly name?: string;
  readonly filters: readonly Filter[];
}

/** A predicate inside a compound. */
export type Filter = AttributeFilter | PseudoFilter;

/** Built-in span fields that a predicate can address by a bare key. */
export type SpanField = 'name' | 'service' | 'kind' | 'status' | 'scope' | 'duration';

/** Predicate operators: equality, string tests, regex and numeric comparison. */
export type Operator = '=' | '!=' | '^=' | '$=' | '*=' | '~=' | '<' | '<=' | '>' | '>=';

/** `[key]` or `[key op value]`. A built-in field when `field` is set, else an attribute key. */
export interface AttributeFilter {
  readonly type: 'attribute';
  readonly key: string;
  readonly field?: SpanField;
  readonly operator?: Operator;
  readonly value?: SelectorValue;
}

/** A typed value on the right of an operator. */
export type SelectorValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'regex'; readonly source: string; readonly flags: string }
  | { readonly type: 'duration'; readonly nanos: bigint };

/** A pseudo-class: `:root`, `:nth(2)`, `:has(SELECT)`, `:not(:error)`. */
export type PseudoFilter =
  | { readonly type: 'pseudo'; readonly name: 'root' | 'leaf' | 'orphan' | 'error' | 'first' | 'last' }
  | { readonly type: 'pseudo'; readonly name: 'nth'; readonly position: number }
  | { readonly type: 'pseudo'; readonly name: 'has' | 'not'; readonly selector: SelectorList };
