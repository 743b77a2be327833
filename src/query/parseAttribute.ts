import type { Cursor } from './Cursor.ts';
import { classifyWord } from './classifyWord.ts';
import type { AttributeFilter, Operator, SelectorValue, SpanField } from './SelectorAst.ts';
import { isSpanField, SPAN_FIELDS, SPAN_KINDS, STATUS_CODES } from './spanFields.ts';

/** Longest first, so that `<=` is not read as `<`. */
const OPERATORS: readonly Operator[] = ['!=', '^=', '$=', '*=', '~=', '<=', '>=', '=', '<', '>'];
const NUMERIC: ReadonlySet<Operator> = new Set(['<', '<=', '>', '>=']);
const OPERATOR_LIST = '=, !=, ^=, $=, *=, ~=, <, <=, >, >=';

/** Parses `[key]` or `[key op value]`; the cursor is on `[`. */
export function parseAttribute(cursor: Cursor): AttributeFilter {
  cursor.expect('[', '"["');
  cursor.skipSpace();
  const quotedKey = cursor.quoted();
  const key = quotedKey ?? cursor.word();
  if (key === undefined) cursor.fail(`an attribute key or a field (${SPAN_FIELDS.join(', ')})`);
  // A quoted key is always an attribute key, so `["name"]` reaches an attribute called name.
  const field = quotedKey === undefined && isSpanField(key) ? key : undefined;
  const base = field === undefined ? { type: 'attribute' as const, key } : { type: 'attribute' as const, key, field };
  cursor.skipSpace();
  if (cursor.eat(']')) return base;
  const operatorAt = cursor.position;
  const operator = OPERATORS.find((candidate) => cursor.eat(candidate));
  if (operator === undefined) cursor.fail(`an operator (${OPERATOR_LIST}) or "]"`);
  cursor.skipSpace();
  const valueAt = cursor.position;
  const value = parseValue(cursor, operator);
  validate(cursor, field, operator, value, operatorAt, valueAt);
  cursor.skipSpace();
  cursor.expect(']', '"]" to close the predicate');
  return { ...base, operator, value };
}

function parseValue(cursor: Cursor, operator: Operator): SelectorValue {
  if (operator === '~=') return parseRegex(cursor);
  const quoted = cursor.quoted();
  if (quoted !== undefined) return { type: 'string', value: quoted };
  const word = cursor.word();
  if (word === undefined) cursor.fail('a value: a "string", a number, true, false or a bare word');
  return classifyWord(word);
}

function parseRegex(cursor: Cursor): SelectorValue {
  const start = cursor.position;
  if (!cursor.eat('/')) cursor.fail('a /regex/ after "~=", e.g. [http.route~=/^\\/orders/i]');
  let source = '';
  let inClass = false;
  for (;;) {
    const char = cursor.peek();
    if (char === '') cursor.fail('a closing "/" for the regex that starts here', start, 'end of input');
    cursor.position++;
    if (char === '/' && !inClass) break;
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    source += char;
    if (char === '\\') {
      source += cursor.peek();
      cursor.position++;
    }
  }
  const flagsAt = cursor.position;
  const flags = /^[a-z]*/.exec(cursor.text.slice(flagsAt))?.[0] ?? '';
  cursor.position += flags.length;
  try {
    new RegExp(source, flags);
  } catch (error) {
    cursor.fail(`a valid regular expression (${(error as Error).message})`, start, `/${source}/${flags}`);
  }
  return { type: 'regex', source, flags };
}

function validate(
  cursor: Cursor,
  field: SpanField | undefined,
  operator: Operator,
  value: SelectorValue,
  operatorAt: number,
  valueAt: number,
): void {
  if (field === 'duration') {
    if (!['=', '!=', ...NUMERIC].includes(operator)) {
      cursor.fail('a comparison for [duration]: =, !=, <, <=, >, >=', operatorAt, JSON.stringify(operator));
    }
    if (value.type !== 'duration') cursor.fail('a duration with a unit (ns, us, ms, s, m, h), e.g. 200ms', valueAt);
    return;
  }
  if (value.type === 'duration') {
    cursor.fail(
      'a number, a string or a boolean (durations such as 200ms apply only to [duration]; quote a string)',
      valueAt,
    );
  }
  if (NUMERIC.has(operator) && value.type !== 'number') cursor.fail(`a number after "${operator}"`, valueAt);
  if ((field === 'kind' || field === 'status') && (operator === '=' || operator === '!=')) {
    const allowed: readonly string[] = field === 'kind' ? SPAN_KINDS : STATUS_CODES;
    if (value.type !== 'string' || !allowed.includes(value.value)) {
      cursor.fail(`a span ${field === 'kind' ? 'kind' : 'status code'}: one of ${allowed.join(', ')}`, valueAt);
    }
  }
}
