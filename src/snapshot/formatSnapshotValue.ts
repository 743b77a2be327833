import type { RedactedValue } from './redact.ts';

/** Prints an attribute value for a shape: strings quoted, placeholders bare, arrays in brackets. */
export function formatSnapshotValue(value: RedactedValue): string {
  if (typeof value === 'object' && value !== null && 'placeholder' in value) return value.placeholder;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((item) => (item == null ? 'null' : formatSnapshotValue(item))).join(', ')}]`;
  return String(value);
}
