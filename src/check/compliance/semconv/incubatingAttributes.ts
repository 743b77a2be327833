// The experimental (incubating) attribute names the compliance rules use, as `@opentelemetry/semantic-conventions/incubating`
// exports them. That entry is ~800 KB of constants whose loading took 100-600 ms in every vitest worker that imports
// tracespec/vitest (each test file in its own process): the few names needed are kept here, and
// test/unit/semconv/incubatingAttributes.test.ts checks them against the package, so they cannot drift from it.

export const ATTR_DB_COLLECTION_NAME = 'db.collection.name';
export const ATTR_DB_NAME = 'db.name';
export const ATTR_DB_NAMESPACE = 'db.namespace';
export const ATTR_DB_OPERATION = 'db.operation';
export const ATTR_DB_OPERATION_NAME = 'db.operation.name';
export const ATTR_DB_QUERY_SUMMARY = 'db.query.summary';
export const ATTR_DB_QUERY_TEXT = 'db.query.text';
export const ATTR_DB_SQL_TABLE = 'db.sql.table';
export const ATTR_DB_STATEMENT = 'db.statement';
export const ATTR_DB_SYSTEM = 'db.system';
export const ATTR_DB_SYSTEM_NAME = 'db.system.name';
export const ATTR_HTTP_CLIENT_IP = 'http.client_ip';
export const ATTR_HTTP_FLAVOR = 'http.flavor';
export const ATTR_HTTP_METHOD = 'http.method';
export const ATTR_HTTP_REQUEST_BODY_SIZE = 'http.request.body.size';
export const ATTR_HTTP_REQUEST_CONTENT_LENGTH = 'http.request_content_length';
export const ATTR_HTTP_RESPONSE_BODY_SIZE = 'http.response.body.size';
export const ATTR_HTTP_RESPONSE_CONTENT_LENGTH = 'http.response_content_length';
export const ATTR_HTTP_SCHEME = 'http.scheme';
export const ATTR_HTTP_STATUS_CODE = 'http.status_code';
export const ATTR_HTTP_TARGET = 'http.target';
export const ATTR_HTTP_URL = 'http.url';
export const ATTR_HTTP_USER_AGENT = 'http.user_agent';
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name';
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name';
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type';
export const ATTR_MESSAGING_SYSTEM = 'messaging.system';
export const ATTR_NET_HOST_NAME = 'net.host.name';
export const ATTR_NET_HOST_PORT = 'net.host.port';
export const ATTR_NET_PEER_NAME = 'net.peer.name';
export const ATTR_NET_PEER_PORT = 'net.peer.port';
export const ATTR_NET_PROTOCOL_NAME = 'net.protocol.name';
export const ATTR_NET_PROTOCOL_VERSION = 'net.protocol.version';
export const ATTR_NET_SOCK_PEER_ADDR = 'net.sock.peer.addr';
export const ATTR_NET_TRANSPORT = 'net.transport';
export const ATTR_RPC_GRPC_STATUS_CODE = 'rpc.grpc.status_code';
export const ATTR_RPC_RESPONSE_STATUS_CODE = 'rpc.response.status_code';
export const ATTR_RPC_SERVICE = 'rpc.service';
export const ATTR_RPC_SYSTEM = 'rpc.system';
