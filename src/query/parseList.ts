import { type Cursor, isWordChar } from './Cursor.ts';
import { parseAttribute } from './parseAttribute.ts';
import { parsePseudo } from './parsePseudo.ts';
import type { Combinator, ComplexSelector, CompoundSelector, Filter, SelectorList } from './SelectorAst.ts';

const COMPOUND_START = 'a span name, a "quoted name", *, [predicate] or :pseudo-class';
const SYMBOLS: Readonly<Record<string, Combinator>> = { '>': 'child', '~': 'sibling' };

/**
 * Parses comma-separated complex selectors. `relative` allows a leading combinator (inside `:has(...)`).
 * Stops before anything it cannot read; the caller decides whether that is the end.
 */
export function parseList(cursor: Cursor, relative: boolean): SelectorList {
  const items = [parseComplex(cursor, relative)];
  cursor.skipSpace();
  while (cursor.eat(',')) items.push(parseComplex(cursor, relative, 'a selector after ","'));
  return { type: 'list', items };
}

function parseComplex(cursor: Cursor, relative: boolean, expected = COMPOUND_START): ComplexSelector {
  cursor.skipSpace();
  const leadingSymbol = SYMBOLS[cursor.peek()];
  let leading: Combinator | undefined;
  if (leadingSymbol !== undefined && relative) {
    leading = leadingSymbol;
    cursor.position++;
    cursor.skipSpace();
  } else if (leadingSymbol !== undefined) {
    cursor.fail(`${COMPOUND_START} (a leading "${cursor.peek()}" is allowed only inside :has())`);
  }
  const compounds = [parseCompound(cursor, expected)];
  const combinators: Combinator[] = [];
  for (;;) {
    const spaced = cursor.skipSpace();
    const symbol = cursor.peek();
    const combinator = SYMBOLS[symbol] ?? (spaced && startsCompound(symbol) ? 'descendant' : undefined);
    if (combinator === undefined) break;
    if (combinator !== 'descendant') {
      cursor.position++;
      cursor.skipSpace();
    }
    combinators.push(combinator);
    compounds.push(parseCompound(cursor, `a selector after "${combinator === 'descendant' ? ' ' : symbol}"`));
  }
  return leading === undefined
    ? { type: 'complex', compounds, combinators }
    : { type: 'complex', leading, compounds, combinators };
}

function parseCompound(cursor: Cursor, expected: string): CompoundSelector {
  const start = cursor.position;
  let name: string | undefined;
  if (!cursor.eat('*')) name = cursor.quoted() ?? cursor.word();
  const filters: Filter[] = [];
  for (;;) {
    const next = cursor.peek();
    if (next === '[') filters.push(parseAttribute(cursor));
    else if (next === ':') filters.push(parsePseudo(cursor));
    else break;
  }
  if (cursor.position === start) cursor.fail(expected);
  return name === undefined ? { type: 'compound', filters } : { type: 'compound', name, filters };
}

function startsCompound(char: string): boolean {
  return isWordChar(char) || char === '*' || char === '"' || char === "'" || char === '[' || char === ':';
}
