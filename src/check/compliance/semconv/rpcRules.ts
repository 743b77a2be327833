import {
  ATTR_RPC_METHOD,
  ATTR_RPC_STATUS_CODE,
  ATTR_RPC_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_RPC_GRPC_STATUS_CODE,
  ATTR_RPC_SERVICE,
  ATTR_RPC_SYSTEM,
} from '@opentelemetry/semantic-conventions/incubating';
import type { Span } from '../../../model/Span.ts';
import { attributeRules } from './attributeRules.ts';
import type { ConventionRule } from './ConventionRule.ts';
import { grpcRules } from './grpcRules.ts';
import { rpcSystemOf } from './rpcSpan.ts';

// The RPC span conventions: rpc-spans (stable since semantic conventions 1.4x: rpc.system.name, a fully qualified
// rpc.method, rpc.status_code) and grpc (the gRPC status and its span status by side). The old names (rpc.system,
// rpc.service with a short rpc.method, rpc.grpc.status_code) are what OTEL_SEMCONV_STABILITY_OPT_IN leaves an
// instrumentation emitting without `rpc`, as @opentelemetry/instrumentation-grpc does.
const SPEC = 'https://opentelemetry.io/docs/specs/semconv/rpc/rpc-spans/';
const GRPC = 'https://opentelemetry.io/docs/specs/semconv/rpc/grpc/';
const ALL = ['stable', 'dup', 'old'] as const;
const STABLE = ['stable', 'dup'] as const;
const OLD = ['old', 'dup'] as const;
const sometimes = Object.freeze({ test: () => false, says: 'when the instrumentation knows it' });
const isGrpc = (span: Span) => rpcSystemOf(span) === 'grpc';

/** The well-known systems of each name (a custom value is allowed; a misspelt well-known one is not). */
const KNOWN_SYSTEMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  [ATTR_RPC_SYSTEM]: ['grpc', 'connect_rpc', 'apache_dubbo', 'dotnet_wcf', 'java_rmi', 'jsonrpc', 'onc_rpc'],
  [ATTR_RPC_SYSTEM_NAME]: ['grpc', 'connectrpc', 'dubbo', 'jsonrpc'],
});

function text(span: Span, key: string): string | undefined {
  const value = span.attributes[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(' or ');
}

/**
 * The rules for RPC client and server spans, each citing its section of the spec: the system, the method (fully
 * qualified in the stable names, `rpc.service` + `rpc.method` in the old ones), `server.address`/`server.port` on
 * a client, the kind, the span name, and the gRPC rules ({@link grpcRules}).
 *
 * @example
 * rpcRules.filter((rule) => rule.role === 'rpc.client').map((rule) => rule.id);
 */
export const rpcRules: readonly ConventionRule[] = Object.freeze([
  ...attributeRules('rpc', STABLE, [
    { role: 'rpc', key: ATTR_RPC_SYSTEM_NAME, type: 'string', section: `${SPEC}#common-attributes` },
    { role: 'rpc', key: ATTR_RPC_METHOD, type: 'string', section: `${SPEC}#common-attributes` },
    {
      role: 'rpc',
      key: ATTR_RPC_STATUS_CODE,
      type: 'string',
      when: { test: isGrpc, says: 'on gRPC spans (the status code name, e.g. "OK")' },
      section: `${GRPC}#attributes`,
    },
  ]),
  ...attributeRules('rpc', OLD, [
    { role: 'rpc', key: ATTR_RPC_SYSTEM, type: 'string', section: `${SPEC}#common-attributes` },
    { role: 'rpc', key: ATTR_RPC_SERVICE, type: 'string', when: sometimes, section: `${SPEC}#common-attributes` },
    {
      role: 'rpc',
      key: ATTR_RPC_GRPC_STATUS_CODE,
      type: 'int',
      when: { test: isGrpc, says: 'on gRPC spans' },
      section: `${GRPC}#attributes`,
    },
  ]),
  // The old rpc.method (the bare method) only where the stable one (fully qualified, required) is not asked for.
  ...attributeRules(
    'rpc',
    ['old'],
    [{ role: 'rpc', key: ATTR_RPC_METHOD, type: 'string', when: sometimes, section: `${SPEC}#common-attributes` }],
  ),
  ...attributeRules('rpc', ALL, [
    { role: 'rpc.client', key: ATTR_SERVER_ADDRESS, type: 'string', section: `${SPEC}#client-attributes` },
    {
      role: 'rpc.client',
      key: ATTR_SERVER_PORT,
      type: 'int',
      when: { test: (span) => span.attributes[ATTR_SERVER_ADDRESS] !== undefined, says: 'with server.address' },
      section: `${SPEC}#client-attributes`,
    },
  ]),
  {
    id: 'rpc.system',
    signal: 'rpc',
    role: 'rpc',
    modes: ALL,
    says: 'the RPC system is a well-known value when one applies (grpc, connectrpc, dubbo, jsonrpc; old: grpc, connect_rpc, apache_dubbo, ...)',
    section: `${SPEC}#common-attributes`,
    problem: (span) => {
      for (const [key, known] of Object.entries(KNOWN_SYSTEMS)) {
        const value = text(span, key);
        if (value === undefined || known.includes(value)) continue;
        const meant = known.find((name) => squash(name) === squash(value));
        if (meant !== undefined) return `${key} is ${JSON.stringify(value)}: the well-known value is "${meant}"`;
      }
      return undefined;
    },
  },
  {
    id: 'rpc.kind',
    signal: 'rpc',
    role: 'rpc',
    modes: ALL,
    says: 'an RPC span is a client span (it makes the call) or a server span (it serves it)',
    section: `${SPEC}#span-kind`,
    problem: (span) =>
      span.kind === 'client' || span.kind === 'server' ? undefined : `its kind is ${span.kind}, not client or server`,
  },
  {
    id: 'rpc.name',
    signal: 'rpc',
    role: 'rpc',
    modes: ALL,
    says: 'an RPC span is named "{rpc.method}" (fully qualified), "{rpc.system.name}" without a known method, or "{rpc.service}/{rpc.method}" in the old names',
    section: `${SPEC}#span-name`,
    problem: (span) => {
      const allowed = namesOf(span);
      return allowed.length === 0 || allowed.includes(span.name)
        ? undefined
        : `its name is ${JSON.stringify(span.name)}, not ${quoted(allowed)}`;
    },
  },
  ...grpcRules,
]);

/**
 * The names the spec allows (#span-name): "{rpc.method}" when it is known and not `_OTHER`, else "{rpc.system.name}";
 * in the old names (semantic conventions 1.37 and before) rpc.method is the bare method and the name is
 * "{rpc.service}/{rpc.method}" ("$package.$service/$method").
 */
function namesOf(span: Span): string[] {
  const method = text(span, ATTR_RPC_METHOD);
  const service = text(span, ATTR_RPC_SERVICE);
  if (method !== undefined && service !== undefined && !method.includes('/')) return [`${service}/${method}`];
  if (method !== undefined && method !== '_OTHER') return [method];
  const system = text(span, ATTR_RPC_SYSTEM_NAME);
  return system === undefined ? [] : [system];
}

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
