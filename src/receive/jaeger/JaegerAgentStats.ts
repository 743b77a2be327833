import type { ReceiverHealth } from '../../capture/ReceiverHealth.ts';
import type { ThriftProtocolName } from './ThriftInput.ts';

/**
 * What one of the collector's Jaeger agent ports (UDP) received, stored, refused and lost. UDP has no answer, so
 * this is the only place a sender's mistakes show (and `waitForTrace` timeouts, which include it).
 *
 * @example
 * const [compact] = collector.jaegerAgentStats();
 * expect(compact?.refused).toBe(0);
 */
export interface JaegerAgentStats extends ReceiverHealth {
  readonly protocol: ThriftProtocolName;
  readonly host: string;
  readonly port: number;
  /** The socket's receive buffer as the kernel granted it; a burst larger than this is dropped. */
  readonly receiveBufferBytes: number;
}
