import { ATTR_RPC_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { ATTR_RPC_GRPC_STATUS_CODE } from '@opentelemetry/semantic-conventions/incubating';
import type { Span } from '../../../model/Span.ts';
import type { ConventionRule } from './ConventionRule.ts';
import { GRPC_CODES, grpcCodeOf, rpcSystemOf } from './rpcSpan.ts';

// The gRPC conventions (semconv rpc/grpc): the status code, and which codes make a server or a client span an error.
const GRPC = 'https://opentelemetry.io/docs/specs/semconv/rpc/grpc/';
const ALL = ['stable', 'dup', 'old'] as const;
const isGrpc = (span: Span) => rpcSystemOf(span) === 'grpc';

/**
 * gRPC codes that make a server span an error (#grpc-status): the server failed. The others (CANCELLED,
 * INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED,
 * OUT_OF_RANGE, UNAUTHENTICATED) are the caller's problem and leave the server span's status unset. A client span is
 * an error for every code but OK.
 */
const SERVER_ERRORS: ReadonlySet<number> = new Set([2, 4, 12, 13, 14, 15]);

/**
 * The gRPC rules of the RPC signal, each citing its section of the spec: a status code is one of gRPC's 17 (by
 * number in `rpc.grpc.status_code`, by name in `rpc.status_code`), and the span status it gives each side (#grpc-status).
 *
 * @example
 * grpcRules.map((rule) => rule.id); // ['rpc.grpc.status-code', 'rpc.grpc.server.status', 'rpc.grpc.client.status']
 */
export const grpcRules: readonly ConventionRule[] = Object.freeze([
  {
    id: 'rpc.grpc.status-code',
    signal: 'rpc',
    role: 'rpc',
    modes: ALL,
    says: 'a gRPC status code is one of the 17 codes (0 OK to 16 UNAUTHENTICATED), by number in rpc.grpc.status_code and by name in rpc.status_code',
    section: `${GRPC}#attributes`,
    problem: (span) => {
      if (!isGrpc(span)) return undefined;
      const number = span.attributes[ATTR_RPC_GRPC_STATUS_CODE];
      if (typeof number === 'number' && GRPC_CODES[number] === undefined) {
        return `${ATTR_RPC_GRPC_STATUS_CODE} is ${number}, not a gRPC status code (0-16)`;
      }
      const name = span.attributes[ATTR_RPC_STATUS_CODE];
      if (typeof name === 'string' && !GRPC_CODES.includes(name)) {
        const byNumber = /^\d+$/.test(name) ? GRPC_CODES[Number(name)] : undefined;
        return `${ATTR_RPC_STATUS_CODE} is ${JSON.stringify(name)}, not a gRPC status code name${byNumber ? ` (use "${byNumber}")` : ''}`;
      }
      if (typeof number === 'number' && typeof name === 'string' && GRPC_CODES[number] !== name) {
        return `${ATTR_RPC_GRPC_STATUS_CODE} ${number} and ${ATTR_RPC_STATUS_CODE} "${name}" disagree`;
      }
      return undefined;
    },
  },
  {
    id: 'rpc.grpc.server.status',
    signal: 'rpc',
    role: 'rpc.server',
    modes: ALL,
    says: 'a gRPC server span is an error for UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE and DATA_LOSS, and unset for the other codes (the caller erred)',
    section: `${GRPC}#grpc-status`,
    problem: (span) => {
      const code = isGrpc(span) ? grpcCodeOf(span) : undefined;
      if (code === undefined) return undefined;
      const error = SERVER_ERRORS.has(code);
      if (error && span.status.code !== 'error') {
        return `status ${GRPC_CODES[code]} (${code}) but the span status is ${span.status.code}, not error`;
      }
      if (!error && span.status.code === 'error') {
        return `status ${GRPC_CODES[code]} (${code}) but the span status is error (a server leaves it unset: the caller erred)`;
      }
      return undefined;
    },
  },
  {
    id: 'rpc.grpc.client.status',
    signal: 'rpc',
    role: 'rpc.client',
    modes: ALL,
    says: 'a gRPC client span is an error for every status code but OK, and unset for OK',
    section: `${GRPC}#grpc-status`,
    problem: (span) => {
      const code = isGrpc(span) ? grpcCodeOf(span) : undefined;
      if (code === undefined) return undefined;
      if (code !== 0 && span.status.code !== 'error') {
        return `status ${GRPC_CODES[code]} (${code}) but the span status is ${span.status.code}, not error`;
      }
      if (code === 0 && span.status.code === 'error') return 'status OK (0) but the span status is error';
      return undefined;
    },
  },
]);
