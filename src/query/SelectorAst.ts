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

/**
 * How two compounds relate: ` ` (descendant), `>` (child), `~` (later sibling).
 *
 * @example
 * parseSelector('a > b').items[0]?.combinators; // ['child']
 */
export type Combinator = 'descendant' | 'child' | 'sibling';

/**
 * Compounds joined by combinators; the last compound is the subject (the span that is returned).
 * `leading` is set only inside `:has(...)`, where the selector is relative to the span being tested.
 *
 * @example
 * const [complex] = parseSelector('checkout SELECT').items; // compounds: checkout, SELECT
 */
export interface ComplexSelector {
  readonly type: 'complex';
  readonly leading?: Combinator;
  readonly compounds: readonly CompoundSelector[];
  /** `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`. */
  readonly combinators: readonly Combinator[];
}

/**
 * One span test: an optional name (or `*`) followed by attribute predicates and pseudo-classes, all of which must
 * hold.
 *
 * @example
 * parseSelector('SELECT[db.system]:leaf').items[0]?.compounds[0]; // { name: 'SELECT', filters: [...] }
 */
export interface CompoundSelector {
  readonly type: 'compound';
  /** The exact span name; absent for `*` or when the compound starts with `[` or `:`. */
  readonly name?: string;
  readonly filters: readonly Filter[];
}

/**
 * A predicate inside a compound.
 *
 * @example
 * const filters: readonly Filter[] = parseSelector('[x=1]:root').items[0]?.compounds[0]?.filters ?? [];
 */
export type Filter = AttributeFilter | PseudoFilter;

/**
 * Built-in span fields that a predicate can address by a bare key.
 *
 * @example
 * const field: SpanField = 'duration'; // [duration>200ms]
 */
export type SpanField = 'name' | 'service' | 'kind' | 'status' | 'scope' | 'duration';

/**
 * Predicate operators: equality, string tests, regex and numeric comparison.
 *
 * @example
 * const operator: Operator = '^='; // [url.path^=/orders]
 */
export type Operator = '=' | '!=' | '^=' | '$=' | '*=' | '~=' | '<' | '<=' | '>' | '>=';

/**
 * `[key]` or `[key op value]`. A built-in field when `field` is set, else an attribute key.
 *
 * @example
 * // [kind=server] -> { type: 'attribute', key: 'kind', field: 'kind', operator: '=', value: { type: 'string', value: 'server' } }
 */
export interface AttributeFilter {
  readonly type: 'attribute';
  readonly key: string;
  readonly field?: SpanField;
  readonly operator?: Operator;
  readonly value?: SelectorValue;
}

/**
 * A typed value on the right of an operator.
 *
 * @example
 * // 200 -> number, "200" -> string, true -> boolean, 200ms -> duration (nanos: 200000000n), /^a/i -> regex
 */
export type SelectorValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'regex'; readonly source: string; readonly flags: string }
  | { readonly type: 'duration'; readonly nanos: bigint };

/**
 * A pseudo-class: `:root`, `:nth(2)`, `:has(SELECT)`, `:not(:error)`.
 *
 * @example
 * // :nth(2) -> { type: 'pseudo', name: 'nth', position: 2 }
 */
export type PseudoFilter =
  | { readonly type: 'pseudo'; readonly name: 'root' | 'leaf' | 'orphan' | 'error' | 'first' | 'last' }
  | { readonly type: 'pseudo'; readonly name: 'nth'; readonly position: number }
  | { readonly type: 'pseudo'; readonly name: 'has' | 'not'; readonly selector: SelectorList };
