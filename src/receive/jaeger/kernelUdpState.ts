import { readFileSync } from 'node:fs';

const QUEUES_COLUMN = 4;
const DROPS_COLUMN = 12;

/** What the kernel says about a UDP socket: datagrams it dropped, bytes waiting to be read. */
export interface KernelUdpState {
  /** Datagrams dropped because the socket's receive buffer was full. */
  readonly drops: number;
  /** Bytes received and not read yet. */
  readonly queuedBytes: number;
}

/**
 * The kernel's counters for the UDP socket bound to this local port (the `drops` and `rx_queue` columns of Linux's
 * `/proc/net/udp` and `/proc/net/udp6`). Undefined where that table does not exist (macOS, Windows) or has no line
 * for the port.
 *
 * @example
 * kernelUdpState(6831, 'udp4'); // { drops: 0, queuedBytes: 0 }
 */
export function kernelUdpState(port: number, family: 'udp4' | 'udp6'): KernelUdpState | undefined {
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
    const queuedBytes = Number.parseInt(columns[QUEUES_COLUMN]?.split(':')[1] ?? '', 16);
    return Number.isInteger(drops) && Number.isInteger(queuedBytes) ? { drops, queuedBytes } : undefined;
  }
  return undefined;
}
