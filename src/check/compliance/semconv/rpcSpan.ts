import { ATTR_RPC_STATUS_CODE, ATTR_RPC_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import { ATTR_RPC_GRPC_STATUS_CODE, ATTR_RPC_SYSTEM } from '@opentelemetry/semantic-conventions/incubating';
import type { Span } from '../../../model/Span.ts';

/** The gRPC status codes by number (grpc/doc/statuscodes.md), as `rpc.status_code` names them. */
export const GRPC_CODES: readonly string[] = Object.freeze([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);

/** The RPC system of a span, by its stable name (`rpc.system.name`) or its old one (`rpc.system`). */
export function rpcSystemOf(span: Span): string | undefined {
  const value = span.attributes[ATTR_RPC_SYSTEM_NAME] ?? span.attributes[ATTR_RPC_SYSTEM];
  return typeof value === 'string' ? value : undefined;
}

/** A gRPC span's status code as a number, from `rpc.grpc.status_code` (old) or `rpc.status_code` (stable). */
export function grpcCodeOf(span: Span): number | undefined {
  const number = span.attributes[ATTR_RPC_GRPC_STATUS_CODE];
  if (typeof number === 'number' && GRPC_CODES[number] !== undefined) return number;
  const name = span.attributes[ATTR_RPC_STATUS_CODE];
  const index = typeof name === 'string' ? GRPC_CODES.indexOf(name) : -1;
  return index === -1 ? undefined : index;
}
