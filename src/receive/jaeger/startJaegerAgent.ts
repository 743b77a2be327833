import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { debuglog } from 'node:util';
import type { SpanStore } from '../../capture/SpanStore.ts';
import type { DecodedSpans } from '../DecodedSpans.ts';
import { MalformedInputError } from '../MalformedInputError.ts';
import { decodeJaegerEmitBatch } from './decodeJaegerThrift.ts';
import type { JaegerAgentStats } from './JaegerAgentStats.ts';
import { type KernelUdpState, kernelUdpState } from './kernelUdpState.ts';
import type { ThriftProtocolName } from './ThriftInput.ts';

const log = debuglog('tracespec');
const MAX_PROBLEMS = 5;
/** How long stop() lets the port read what is still queued in its socket before it closes it. */
const DRAIN_MS = 1000;

/** Where and how a Jaeger agent port listens. */
export interface JaegerAgentOptions {
  readonly host: string;
  readonly port: number;
  readonly protocol: ThriftProtocolName;
  readonly store: SpanStore;
  /** Larger datagrams are refused (Jaeger's agent reads at most 65000 bytes and clients split batches to fit). */
  readonly maxDatagramBytes: number;
  /** Requested `SO_RCVBUF`; the kernel caps it (`net.core.rmem_max` on Linux). */
  readonly receiveBufferBytes: number;
}

/** A listening agent port: its statistics, and `stop()`. */
export interface StartedJaegerAgent {
  readonly port: number;
  stats(): JaegerAgentStats;
  stop(): Promise<void>;
}

/**
 * Starts one Jaeger agent port: UDP datagrams, each an `Agent.emitBatch` message in one Thrift protocol, decoded as
 * they arrive and stored. Refused datagrams and spans are counted with their reasons (and logged under
 * `NODE_DEBUG=tracespec`); datagrams the kernel dropped are read from its counters; all of it is reported to the
 * store's intake, so that a wait that times out can show it.
 */
export async function startJaegerAgent(options: JaegerAgentOptions): Promise<StartedJaegerAgent> {
  const family = isIPv6(options.host) ? 'udp6' : 'udp4';
  const socket = createSocket({ type: family, recvBufferSize: options.receiveBufferBytes });
  const port = await bind(socket, options);
  const receiver = `Jaeger agent (Thrift ${options.protocol}) on udp ${options.host}:${port}`;
  const problems: string[] = [];
  let received = 0;
  let stored = 0;
  let refused = 0;
  let rejectedSpans = 0;
  let finalDrops: number | undefined;
  let closed = false;
  const note = (problem: string) => {
    log('%s: %s', receiver, problem);
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };

  socket.on('message', (datagram, sender) => {
    received++;
    const from = `${sender.address}:${sender.port}`;
    const decoded = decode(datagram, options, from);
    if (typeof decoded === 'string') {
      refused++;
      note(decoded);
      return;
    }
    options.store.addAll(decoded.spans);
    stored += decoded.spans.length;
    rejectedSpans += decoded.rejected;
    for (const problem of decoded.problems) note(`from ${from}: ${problem}`);
  });
  // After bind, the only errors are on reads; they end nothing, and are reported like refusals.
  socket.on('error', (error) => note(`socket error: ${error.message}`));

  const receiveBufferBytes = socket.getRecvBufferSize();
  const stats = (): JaegerAgentStats => ({
    receiver,
    protocol: options.protocol,
    host: options.host,
    port,
    received,
    stored,
    refused,
    rejectedSpans,
    dropped: closed ? finalDrops : kernelUdpState(port, family)?.drops,
    problems: [...problems],
    receiveBufferBytes,
  });
  const unregister = options.store.intake.register(stats);
  let stopped: Promise<void> | undefined;
  return {
    port,
    stats,
    stop: () => {
      stopped ??= drain(port, family).then(
        (state) =>
          new Promise<void>((resolve) => {
            // The kernel forgets a socket's counters when it closes: read them last. A stopped port no longer
            // speaks for the store (its final numbers stay readable through stats()).
            finalDrops = state?.drops;
            if (state?.queuedBytes)
              note(`${state.queuedBytes} bytes of datagrams were still queued when the port closed`);
            closed = true;
            unregister();
            socket.close(() => resolve());
          }),
      );
      return stopped;
    },
  };
}

/**
 * Lets the event loop read the datagrams still queued in the socket (a client may have sent them just before), until
 * the queue is empty or {@link DRAIN_MS} passed; returns the kernel's last word on the socket.
 */
async function drain(port: number, family: 'udp4' | 'udp6'): Promise<KernelUdpState | undefined> {
  const deadline = performance.now() + DRAIN_MS;
  let state = kernelUdpState(port, family);
  while (state?.queuedBytes && performance.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    state = kernelUdpState(port, family);
  }
  return state;
}

/** The datagram's spans, or why it was refused whole. */
function decode(datagram: Buffer, options: JaegerAgentOptions, from: string): DecodedSpans | string {
  const size = `a datagram of ${datagram.length} bytes from ${from}`;
  if (datagram.length > options.maxDatagramBytes) {
    return `${size} is larger than maxDatagramBytes (${options.maxDatagramBytes}, the Jaeger agent's limit) and was not read. Lower the client's maximum packet size, or raise startCollector({ jaegerMaxDatagramBytes }).`;
  }
  try {
    return decodeJaegerEmitBatch(datagram, options.protocol);
  } catch (error) {
    // Anything else is a bug of this receiver; it must not end the process the receiver shares with the tests.
    if (!(error instanceof MalformedInputError))
      return `${size} could not be read (receiver failure): ${String(error)}`;
    return `${size} is not a Thrift ${options.protocol} emitBatch message: ${error.message}.${protocolHint(datagram, options.protocol)}`;
  }
}

/** A datagram that starts with the other protocol's message header was likely sent to the wrong port. */
function protocolHint(datagram: Buffer, protocol: ThriftProtocolName): string {
  // Strict Thrift binary messages start with 0x80 0x01, compact ones with the protocol id 0x82.
  if (protocol === 'compact' && datagram[0] === 0x80 && datagram[1] === 0x01) {
    return ' It starts with the Thrift binary message header, so it was likely meant for the binary port (collector.endpoints.jaegerAgent.binaryPort; jaeger-client for Node sends binary).';
  }
  if (protocol === 'binary' && datagram[0] === 0x82) {
    return ' It starts with the Thrift compact protocol id, so it was likely meant for the compact port (collector.endpoints.jaegerAgent.compactPort).';
  }
  return '';
}

function bind(socket: Socket, options: JaegerAgentOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      socket.close();
      reject(
        new Error(
          `[tracespec] the Jaeger agent (Thrift ${options.protocol}) could not listen on udp ${options.host}:${options.port}: ${error.message}. Pick another port, or start the collector with jaegerAgent: false.`,
        ),
      );
    };
    socket.once('error', fail);
    socket.bind(options.port, options.host, () => {
      socket.off('error', fail);
      resolve(socket.address().port);
    });
  });
}
