import type { Cursor } from './Cursor.ts';
import { parseList } from './parseList.ts';
import { PSEUDO_CLASSES, SIMPLE_PSEUDO_CLASSES } from './pseudoClasses.ts';
import type { PseudoFilter } from './SelectorAst.ts';

const KNOWN = `a known pseudo-class (${PSEUDO_CLASSES.join(', ')})`;

/** Parses `:root`, `:nth(2)`, `:has(sel)` or `:not(sel)`; the cursor is on `:`. */
export function parsePseudo(cursor: Cursor): PseudoFilter {
  const start = cursor.position;
  cursor.expect(':', '":"');
  const name = cursor.word();
  if (name === undefined) cursor.fail(`${KNOWN} after ":"`);
  const simple = SIMPLE_PSEUDO_CLASSES.find((candidate) => candidate === name);
  if (simple !== undefined) {
    if (cursor.peek() === '(') cursor.fail(`no argument: ":${simple}" takes none`);
    return { type: 'pseudo', name: simple };
  }
  if (name === 'nth') return { type: 'pseudo', name, position: parsePosition(cursor) };
  if (name === 'has' || name === 'not') {
    cursor.expect('(', `"(" after ":${name}", e.g. :${name}(SELECT)`);
    cursor.skipSpace();
    if (cursor.peek() === ')') cursor.fail(`a selector inside :${name}()`);
    const selector = parseList(cursor, name === 'has');
    cursor.skipSpace();
    cursor.expect(')', `")" to close :${name}( (or a combinator, or "," and another selector)`);
    return { type: 'pseudo', name, selector };
  }
  return cursor.fail(KNOWN, start, JSON.stringify(`:${name}`));
}

function parsePosition(cursor: Cursor): number {
  cursor.expect('(', '"(" after ":nth", e.g. :nth(2)');
  cursor.skipSpace();
  const at = cursor.position;
  const digits = /^\d+/.exec(cursor.text.slice(at))?.[0];
  const position = digits === undefined ? 0 : Number(digits);
  if (!Number.isSafeInteger(position) || position < 1) cursor.fail('a position >= 1 inside :nth(), e.g. :nth(2)', at);
  cursor.position += digits?.length ?? 0;
  cursor.skipSpace();
  cursor.expect(')', '")" to close :nth(');
  return position;
}
