import type { B3Sampling } from './B3Context.ts';
import { hexIdProblem } from './hex.ts';

/** Validates a B3 trace id (16 or 32 lower-case hex) and pads it to 32; returns the reason when invalid. */
export function b3TraceId(name: string, text: string): { id: string } | string {
  const problem = hexIdProblem(name, text, text.length === 16 ? 16 : 32);
  return problem ?? { id: text.padStart(32, '0') };
}

/** Validates a 16 lower-case hex B3 span id; returns the reason when invalid. */
export function b3SpanId(name: string, text: string): { id: string } | string {
  return hexIdProblem(name, text, 16) ?? { id: text };
}

/** Reads the single-header sampling state. */
export function b3Sampling(text: string): B3Sampling | undefined {
  return text === '1' ? 'accept' : text === '0' ? 'deny' : text === 'd' ? 'debug' : undefined;
}
