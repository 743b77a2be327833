import protobuf from 'protobufjs/minimal.js';
import * as proto from './fields.ts';

/** A `google.rpc.Status` as protobuf: the body of an OTLP/HTTP error answer to a protobuf request. */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  return protobuf.Writer.create()
    .uint32(proto.RpcStatus.code)
    .int32(code)
    .uint32(proto.RpcStatus.message)
    .string(message)
    .finish();
}
