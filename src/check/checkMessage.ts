import { fitMessage } from './fitMessage.ts';

/**
 * The parts of a check's message, in the order every message shows them: the Expected and Received lines (each
 * may continue on further lines), the details right under them (what differed, the list of problems), then
 * blocks, each after a blank line: titled sections such as "Closest spans:", the trace tree, waterfall or graph.
 *
 * @example
 * const parts: MessageParts = {
 *   expected: 'no span with status error',
 *   received: '1 error span:',
 *   details: ['  1. orders server "GET /orders" 12ms: "boom"'],
 *   blocks: [renderTraces(set, { marks })],
 * };
 */
export interface MessageParts {
  /** What the check looked for; the first line follows `Expected: `. */
  readonly expected: string | readonly string[];
  /** What it found; the first line follows `Received: `. Left out when the details say it. */
  readonly received?: string | readonly string[];
  /** Lines right under the head, without a blank line. */
  readonly details?: readonly string[];
  /** The rest, in order, each after a blank line; empty and undefined blocks are left out. */
  readonly blocks?: readonly (string | readonly string[] | undefined)[];
}

/**
 * Lays out a check's message (principle: Expected / Received, then what differed, then the picture). Every check
 * builds its message with it, so that all read alike; the vitest layer adds the `expect(...)` hint on top. The
 * message is kept within the size budget ({@link fitMessage}), saying what it left out.
 *
 * @example
 * checkMessage({ expected: 'a root span: ...', received: 'its parent is ...', blocks: [renderTree(trace)] });
 * // 'Expected: a root span: ...\nReceived: its parent is ...\n\ntrace ...'
 */
export function checkMessage(parts: MessageParts): string {
  const lines = [...labelled('Expected', parts.expected)];
  if (parts.received !== undefined) lines.push(...labelled('Received', parts.received));
  lines.push(...(parts.details ?? []));
  for (const block of parts.blocks ?? []) {
    const text = typeof block === 'string' ? block : block?.join('\n');
    if (text) lines.push('', text);
  }
  return fitMessage(lines.join('\n'));
}

function labelled(label: string, text: string | readonly string[]): string[] {
  const [first = '', ...rest] = typeof text === 'string' ? [text] : text;
  return [`${label}: ${first}`, ...rest];
}
