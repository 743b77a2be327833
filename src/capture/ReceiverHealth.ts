/**
 * What a receiver that cannot answer its senders (the Jaeger agent's UDP ports) tells about the data it got:
 * how much, how much it refused and why, and how much was lost before it could be read.
 *
 * @example
 * for (const health of collector.store.intake.reports()) console.log(health.receiver, health.refused, health.dropped);
 */
export interface ReceiverHealth {
  /** Which receiver, and where: `Jaeger agent (Thrift compact) on udp 127.0.0.1:41234`. */
  readonly receiver: string;
  /** Datagrams read. */
  readonly received: number;
  /** Spans stored from them. */
  readonly stored: number;
  /** Datagrams refused whole (not Thrift, too large, not an `emitBatch`): nothing of them was stored. */
  readonly refused: number;
  /** Spans refused one by one from datagrams that were read (zero ids, unreadable tags). */
  readonly rejectedSpans: number;
  /** Datagrams lost before the receiver could read them (the socket's receive buffer was full); undefined where the
   * platform does not tell (it does on Linux). */
  readonly dropped: number | undefined;
  /** The first few reasons for refusals and losses. */
  readonly problems: readonly string[];
}
