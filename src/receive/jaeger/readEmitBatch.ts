import { MalformedInputError } from '../MalformedInputError.ts';
import type { JaegerBatch } from './JaegerThrift.ts';
import { readJaegerBatch, readStruct } from './readJaegerBatch.ts';
import { MessageType, type ThriftInput, TType } from './ThriftInput.ts';

// agent.thrift (jaegertracing/jaeger-idl): service Agent { oneway void emitBatch(1: jaeger.Batch batch) }
const EMIT_BATCH = 'emitBatch';
const EMIT_BATCH_ARGS = { batch: 1 } as const;

/**
 * Reads one `Agent.emitBatch` message, what a Jaeger client sends in each UDP datagram: the message header (name
 * `emitBatch`, type ONEWAY; CALL is taken too), then the arguments struct holding the batch.
 */
export function readEmitBatch(input: ThriftInput): JaegerBatch {
  const header = input.protocol.readMessageBegin();
  const name = String(header.fname);
  if (name !== EMIT_BATCH) {
    throw new MalformedInputError(
      `the agent accepts Agent.emitBatch messages only, got a message named "${name.slice(0, 40)}"`,
    );
  }
  if (header.mtype !== MessageType.ONEWAY && header.mtype !== MessageType.CALL) {
    throw new MalformedInputError(
      `emitBatch must be a oneway message (type ${MessageType.ONEWAY}), got message type ${header.mtype}`,
    );
  }
  let batch: JaegerBatch | undefined;
  readStruct(input, (id, type) => {
    if (id !== EMIT_BATCH_ARGS.batch || type !== TType.STRUCT) return false;
    batch = readJaegerBatch(input);
    return true;
  });
  input.protocol.readMessageEnd();
  if (batch === undefined) throw new MalformedInputError('the emitBatch message carries no batch (argument 1)');
  return batch;
}
