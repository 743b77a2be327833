import { readFileSync } from 'node:fs';

const DROPS_COLUMN = 12;

/**
 * How many datagrams the kernel dropped for the UDP socket bound to this local port because its receive buffer was
 * full (the `drops` column of Linux's `/proc/net/udp` and `/proc/net/udp6`). Undefined where that table does not
 * exist (macOS, Windows) or has no line for the port.
 *
 * @example
 * kernelUdpDrops(6831, 'udp4'); // 0
 */
export function kernelUdpDrops(port: number, family: 'udp4' | 'udp6'): number | undefined {
  let table: string;
  try {
    table = readFileSync(family === 'udp6' ? '/proc/net/udp6' : '/proc/net/udp', 'utf8');
  } catch {
    return undefined;
  }
  const wanted = port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of table.split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (columns[1]?.split(':')[1] !== wanted) continue;
    const drops = Number(columns[DROPS_COLUMN]);
    return Number.isInteger(drops) ? drops : undefined;
  }
  return undefined;
}
