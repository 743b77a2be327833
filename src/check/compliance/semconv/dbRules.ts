import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_QUERY_SUMMARY,
} from '@opentelemetry/semantic-conventions/incubating';
import type { Span } from '../../../model/Span.ts';
import { attributeRules } from './attributeRules.ts';
import type { ConventionRule } from './ConventionRule.ts';

// The database client span conventions (semantic conventions 1.33+, database spans: stable).
const SPEC = 'https://opentelemetry.io/docs/specs/semconv/database/database-spans/';
const STABLE = ['stable', 'dup'] as const;
const sometimes = Object.freeze({ test: () => false, says: 'when the instrumentation knows it' });
// "Conditionally Required: if and only if the operation failed" (#common-attributes); a failed operation is one
// whose span status is error (the spec's recording-errors document).
const failed = Object.freeze({
  test: (span: Span) => span.status.code === 'error',
  says: 'when the operation failed (span status error)',
});

function text(span: Span, key: string): string | undefined {
  const value = span.attributes[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The rules for database client spans, each citing its section of the spec: `db.system.name`, the types of
 * `db.query.text`, `db.operation.name`, `db.collection.name` and `db.namespace`, `error.type` on a failed operation,
 * the kind, and the span name.
 *
 * @example
 * dbRules.map((rule) => rule.id);
 */
export const dbRules: readonly ConventionRule[] = Object.freeze([
  ...attributeRules('db', STABLE, [
    { role: 'db', key: ATTR_DB_SYSTEM_NAME, type: 'string', section: `${SPEC}#common-attributes` },
    { role: 'db', key: ATTR_DB_QUERY_TEXT, type: 'string', when: sometimes, section: `${SPEC}#common-attributes` },
    { role: 'db', key: ATTR_DB_OPERATION_NAME, type: 'string', when: sometimes, section: `${SPEC}#common-attributes` },
    { role: 'db', key: ATTR_DB_COLLECTION_NAME, type: 'string', when: sometimes, section: `${SPEC}#common-attributes` },
    { role: 'db', key: ATTR_DB_NAMESPACE, type: 'string', when: sometimes, section: `${SPEC}#common-attributes` },
    { role: 'db', key: ATTR_ERROR_TYPE, type: 'string', when: failed, section: `${SPEC}#common-attributes` },
  ]),
  {
    id: 'db.kind',
    signal: 'db',
    role: 'db',
    modes: ['stable', 'dup', 'old'],
    says: 'a database call is a client span',
    section: `${SPEC}#span-kind`,
    problem: (span) => (span.kind === 'client' ? undefined : `its kind is ${span.kind}, not client`),
  },
  {
    id: 'db.name',
    signal: 'db',
    role: 'db',
    modes: STABLE,
    says: 'a database span is named "{db.query.summary}", "{db.operation.name} {target}", "{target}" or "{db.system.name}"',
    section: `${SPEC}#name`,
    problem: (span) => {
      const allowed = namesOf(span);
      return allowed.length === 0 || allowed.includes(span.name)
        ? undefined
        : `its name is ${JSON.stringify(span.name)}, not ${allowed.map((name) => JSON.stringify(name)).join(' or ')}`;
    },
  },
]);

/**
 * The names the spec allows (#name), most specific first; the target is the collection, else the namespace, else
 * `{server.address}:{server.port}` (for operations on no database or collection).
 */
function namesOf(span: Span): string[] {
  const summary = text(span, ATTR_DB_QUERY_SUMMARY);
  if (summary !== undefined) return [summary];
  const operation = text(span, ATTR_DB_OPERATION_NAME);
  const target = text(span, ATTR_DB_COLLECTION_NAME) ?? text(span, ATTR_DB_NAMESPACE) ?? serverOf(span);
  const system = text(span, ATTR_DB_SYSTEM_NAME);
  const names: string[] = [];
  if (operation !== undefined && target !== undefined) names.push(`${operation} ${target}`);
  if (operation !== undefined) names.push(operation);
  if (target !== undefined) names.push(target);
  if (system !== undefined) names.push(system);
  return names;
}

function serverOf(span: Span): string | undefined {
  const address = text(span, ATTR_SERVER_ADDRESS);
  const port = span.attributes[ATTR_SERVER_PORT];
  if (address === undefined) return undefined;
  return typeof port === 'number' ? `${address}:${port}` : address;
}
