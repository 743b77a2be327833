/**
 * A duration in milliseconds for people, as the text tree writes it: `850us`, `12.3ms`, `1.25s`, `2m 5s`.
 *
 * @example
 * formatMs(0.85); // '850us'
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1) return `${sign}${trim(abs * 1000)}us`;
  if (abs < 1000) return `${sign}${trim(abs)}ms`;
  if (abs < 60_000) return `${sign}${trim(abs / 1000)}s`;
  const minutes = Math.floor(abs / 60_000);
  return `${sign}${minutes}m ${Math.round((abs - minutes * 60_000) / 1000)}s`;
}

function trim(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return String(Number(value.toFixed(1)));
  return String(Number(value.toFixed(2)));
}
