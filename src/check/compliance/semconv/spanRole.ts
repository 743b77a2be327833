import { ATTR_HTTP_REQUEST_METHOD, ATTR_RPC_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import {
  ATTR_DB_SYSTEM,
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_METHOD,
  ATTR_MESSAGING_SYSTEM,
  ATTR_RPC_SYSTEM,
} from '@opentelemetry/semantic-conventions/incubating';
import type { Span } from '../../../model/Span.ts';
import type { SpanRole } from './ConventionRule.ts';

/**
 * The roles a span plays: an HTTP span has a request method (stable or old name), a server or client one by its
 * kind; a database span has a database system (`db.system.name`, or the old `db.system`); an RPC span an RPC
 * system (`rpc.system.name`, or the old `rpc.system`), a client or server one by its kind.
 */
export function rolesOf(span: Span): readonly SpanRole[] {
  const roles: SpanRole[] = [];
  const attributes = span.attributes;
  if (attributes[ATTR_HTTP_REQUEST_METHOD] !== undefined || attributes[ATTR_HTTP_METHOD] !== undefined) {
    roles.push('http');
    if (span.kind === 'server') roles.push('http.server');
    if (span.kind === 'client') roles.push('http.client');
  }
  if (attributes[ATTR_DB_SYSTEM_NAME] !== undefined || attributes[ATTR_DB_SYSTEM] !== undefined) {
    roles.push('db');
    if (span.kind === 'client') roles.push('db.client');
  }
  if (attributes[ATTR_MESSAGING_SYSTEM] !== undefined) roles.push('messaging');
  if (attributes[ATTR_RPC_SYSTEM_NAME] !== undefined || attributes[ATTR_RPC_SYSTEM] !== undefined) {
    roles.push('rpc');
    if (span.kind === 'client') roles.push('rpc.client');
    if (span.kind === 'server') roles.push('rpc.server');
  }
  return roles;
}
