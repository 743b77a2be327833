import { isWordChar } from './Cursor.ts';
import { classifyWord } from './classifyWord.ts';
import { printDuration } from './durationUnits.ts';
import type {
  Combinator,
  ComplexSelector,
  CompoundSelector,
  Filter,
  SelectorList,
  SelectorValue,
} from './SelectorAst.ts';
import { isSpanField } from './spanFields.ts';

const SYMBOL: Readonly<Record<Combinator, string>> = { descendant: ' ', child: ' > ', sibling: ' ~ ' };

/**
 * Prints a parsed selector in canonical form: bare words where possible, double quotes elsewhere, `>` and `~`
 * spaced, durations in their largest exact unit. Parsing the result gives an equal tree.
 *
 * @example
 * printSelector(parseSelector("checkout>'SELECT cart'[duration>=1000ms]"));
 * // 'checkout > "SELECT cart"[duration>=1s]'
 */
export function printSelector(selector: SelectorList): string {
  return selector.items.map(printComplex).join(', ');
}

function printComplex(complex: ComplexSelector): string {
  let text = complex.leading === undefined ? '' : `${SYMBOL[complex.leading].trim()} `;
  for (const [i, compound] of complex.compounds.entries()) {
    const combinator = i === 0 ? undefined : complex.combinators[i - 1];
    if (combinator !== undefined) text += SYMBOL[combinator];
    text += printCompound(compound);
  }
  return text;
}

function printCompound(compound: CompoundSelector): string {
  const head = compound.name === undefined ? (compound.filters.length === 0 ? '*' : '') : printWord(compound.name);
  return head + compound.filters.map(printFilter).join('');
}

function printFilter(filter: Filter): string {
  if (filter.type === 'pseudo') {
    if (filter.name === 'nth') return `:nth(${filter.position})`;
    if (filter.name === 'has' || filter.name === 'not') return `:${filter.name}(${printSelector(filter.selector)})`;
    return `:${filter.name}`;
  }
  // A quoted key is an attribute key; quote attribute keys that would otherwise read as a field.
  const key = filter.field !== undefined || !isSpanField(filter.key) ? printWord(filter.key) : quote(filter.key);
  if (filter.operator === undefined || filter.value === undefined) return `[${key}]`;
  return `[${key}${filter.operator}${printValue(filter.value)}]`;
}

function printValue(value: SelectorValue): string {
  switch (value.type) {
    case 'string':
      return isBare(value.value) && classifyWord(value.value).type === 'string' ? value.value : quote(value.value);
    case 'number':
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'regex':
      return `/${value.source}/${value.flags}`;
    case 'duration':
      return printDuration(value.nanos);
  }
}

function printWord(word: string): string {
  return isBare(word) ? word : quote(word);
}

function isBare(word: string): boolean {
  return word !== '' && [...word].every(isWordChar);
}

function quote(text: string): string {
  return JSON.stringify(text);
}
