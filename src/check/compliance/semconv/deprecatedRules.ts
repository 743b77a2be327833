import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PROTOCOL_NAME,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_NETWORK_TRANSPORT,
  ATTR_RPC_METHOD,
  ATTR_RPC_STATUS_CODE,
  ATTR_RPC_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SQL_TABLE,
  ATTR_DB_STATEMENT,
  ATTR_DB_SYSTEM,
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_CLIENT_IP,
  ATTR_HTTP_FLAVOR,
  ATTR_HTTP_METHOD,
  ATTR_HTTP_REQUEST_BODY_SIZE,
  ATTR_HTTP_REQUEST_CONTENT_LENGTH,
  ATTR_HTTP_RESPONSE_BODY_SIZE,
  ATTR_HTTP_RESPONSE_CONTENT_LENGTH,
  ATTR_HTTP_SCHEME,
  ATTR_HTTP_STATUS_CODE,
  ATTR_HTTP_TARGET,
  ATTR_HTTP_URL,
  ATTR_HTTP_USER_AGENT,
  ATTR_NET_HOST_NAME,
  ATTR_NET_HOST_PORT,
  ATTR_NET_PEER_NAME,
  ATTR_NET_PEER_PORT,
  ATTR_NET_PROTOCOL_NAME,
  ATTR_NET_PROTOCOL_VERSION,
  ATTR_NET_SOCK_PEER_ADDR,
  ATTR_NET_TRANSPORT,
  ATTR_RPC_GRPC_STATUS_CODE,
  ATTR_RPC_RESPONSE_STATUS_CODE,
  ATTR_RPC_SERVICE,
  ATTR_RPC_SYSTEM,
} from '@opentelemetry/semantic-conventions/incubating';
import type { ConventionRule, ConventionSignal, SpanRole } from './ConventionRule.ts';

const HTTP_MIGRATION = 'https://opentelemetry.io/docs/specs/semconv/non-normative/http-migration/';
const DB_MIGRATION = 'https://opentelemetry.io/docs/specs/semconv/database/database-spans/';
const RPC_MIGRATION = 'https://opentelemetry.io/docs/specs/semconv/rpc/rpc-spans/';

/** An attribute name the conventions replaced, with what replaced it, for a signal. */
interface Rename {
  readonly signal: ConventionSignal;
  readonly role: SpanRole;
  readonly old: string;
  readonly replacement: string;
  readonly section: string;
}

const renames: readonly Rename[] = [
  ...(
    [
      [ATTR_HTTP_METHOD, ATTR_HTTP_REQUEST_METHOD],
      [ATTR_HTTP_STATUS_CODE, ATTR_HTTP_RESPONSE_STATUS_CODE],
      [ATTR_HTTP_URL, ATTR_URL_FULL],
      [ATTR_HTTP_TARGET, `${ATTR_URL_PATH} and ${ATTR_URL_QUERY}`],
      [ATTR_HTTP_SCHEME, ATTR_URL_SCHEME],
      [ATTR_HTTP_USER_AGENT, ATTR_USER_AGENT_ORIGINAL],
      [ATTR_HTTP_FLAVOR, ATTR_NETWORK_PROTOCOL_VERSION],
      [ATTR_HTTP_CLIENT_IP, ATTR_CLIENT_ADDRESS],
      [ATTR_HTTP_REQUEST_CONTENT_LENGTH, ATTR_HTTP_REQUEST_BODY_SIZE],
      [ATTR_HTTP_RESPONSE_CONTENT_LENGTH, ATTR_HTTP_RESPONSE_BODY_SIZE],
      [ATTR_NET_HOST_NAME, ATTR_SERVER_ADDRESS],
      [ATTR_NET_HOST_PORT, ATTR_SERVER_PORT],
      [ATTR_NET_PEER_NAME, `${ATTR_SERVER_ADDRESS} (client) or ${ATTR_CLIENT_ADDRESS} (server)`],
      [ATTR_NET_PEER_PORT, `${ATTR_SERVER_PORT} (client) or client.port (server)`],
      [ATTR_NET_SOCK_PEER_ADDR, ATTR_NETWORK_PEER_ADDRESS],
      [ATTR_NET_TRANSPORT, ATTR_NETWORK_TRANSPORT],
      [ATTR_NET_PROTOCOL_NAME, ATTR_NETWORK_PROTOCOL_NAME],
      [ATTR_NET_PROTOCOL_VERSION, ATTR_NETWORK_PROTOCOL_VERSION],
    ] as const
  ).map(([old, replacement]): Rename => ({ signal: 'http', role: 'http', old, replacement, section: HTTP_MIGRATION })),
  ...(
    [
      [ATTR_DB_STATEMENT, ATTR_DB_QUERY_TEXT],
      [ATTR_DB_SYSTEM, ATTR_DB_SYSTEM_NAME],
      [ATTR_DB_OPERATION, ATTR_DB_OPERATION_NAME],
      [ATTR_DB_NAME, ATTR_DB_NAMESPACE],
      [ATTR_DB_SQL_TABLE, ATTR_DB_COLLECTION_NAME],
    ] as const
  ).map(([old, replacement]): Rename => ({ signal: 'db', role: 'db', old, replacement, section: DB_MIGRATION })),
  ...(
    [
      [ATTR_RPC_SYSTEM, ATTR_RPC_SYSTEM_NAME],
      [ATTR_RPC_SERVICE, `a fully qualified ${ATTR_RPC_METHOD} ("{service}/{method}")`],
      [ATTR_RPC_GRPC_STATUS_CODE, `${ATTR_RPC_STATUS_CODE} (the code's name, e.g. "OK")`],
      [ATTR_RPC_RESPONSE_STATUS_CODE, ATTR_RPC_STATUS_CODE],
    ] as const
  ).map(([old, replacement]): Rename => ({ signal: 'rpc', role: 'rpc', old, replacement, section: RPC_MIGRATION })),
];

/**
 * Attribute names the conventions replaced, flagged with their replacements when a service emits the stable names
 * only (`OTEL_SEMCONV_STABILITY_OPT_IN=http`, `database` or `rpc`); with `/dup` both are expected, and in the old mode
 * the old ones.
 *
 * @example
 * deprecatedRules.find((rule) => rule.id === 'deprecated.http.method')?.says; // 'http.method is replaced by http.request.method'
 */
export const deprecatedRules: readonly ConventionRule[] = Object.freeze(
  renames.map(
    ({ signal, role, old, replacement, section }): ConventionRule => ({
      id: `deprecated.${old}`,
      signal,
      role,
      modes: ['stable'],
      says: `${old} is replaced by ${replacement}`,
      section,
      problem: (span) => (span.attributes[old] === undefined ? undefined : `${old} is deprecated: use ${replacement}`),
    }),
  ),
);
