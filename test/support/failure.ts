import { stripVTControlCharacters } from 'node:util';

/** Runs an assertion that must fail and returns its message without colors, for pinning with snapshots. */
export function failureOf(assertion: () => unknown): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  }
  throw new Error('expected the assertion to fail, but it passed');
}
