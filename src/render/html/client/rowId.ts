/** The DOM id of a row: `span-<index>` or `trace-<index>` (rows of trace headers are `-1 - trace`). */
export function rowId(row: number): string {
  return row < 0 ? `trace-${-1 - row}` : `span-${row}`;
}
