import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { Span } from '../../../model/Span.ts';
import { attributeRules } from './attributeRules.ts';
import type { ConventionRule } from './ConventionRule.ts';
import { ATTR_HTTP_METHOD, ATTR_HTTP_STATUS_CODE } from './incubatingAttributes.ts';

// The HTTP span conventions (semantic conventions 1.2x-1.3x, HTTP spans: stable).
const SPEC = 'https://opentelemetry.io/docs/specs/semconv/http/http-spans/';
const KNOWN_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
  '_OTHER',
]);
const ALL = ['stable', 'dup', 'old'] as const;
const STABLE = ['stable', 'dup'] as const;

function method(span: Span): string | undefined {
  const value = span.attributes[ATTR_HTTP_REQUEST_METHOD] ?? span.attributes[ATTR_HTTP_METHOD];
  return typeof value === 'string' ? value : undefined;
}

function statusCode(span: Span): number | undefined {
  const value = span.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] ?? span.attributes[ATTR_HTTP_STATUS_CODE];
  return typeof value === 'number'
    ? value
    : typeof value === 'string' && /^\d{3}$/.test(value)
      ? Number(value)
      : undefined;
}

const failed = Object.freeze({
  test: (span: Span) => span.status.code === 'error',
  says: 'when the request ended with an error (span status error)',
});
const answered = Object.freeze({
  test: (span: Span) => span.attributes[ATTR_ERROR_TYPE] === undefined,
  says: 'when a response was received or sent (no error.type)',
});

/**
 * The rules for HTTP server and client spans, each citing its section of the spec: required and conditionally
 * required attributes with their types, the span name, the kind, and the status.
 *
 * @example
 * httpRules.filter((rule) => rule.role === 'http.server').map((rule) => rule.says);
 */
export const httpRules: readonly ConventionRule[] = Object.freeze([
  ...attributeRules('http', STABLE, [
    { role: 'http', key: ATTR_HTTP_REQUEST_METHOD, type: 'string', section: `${SPEC}#common-attributes` },
    { role: 'http.server', key: ATTR_URL_PATH, type: 'string', section: `${SPEC}#http-server-span` },
    { role: 'http.server', key: ATTR_URL_SCHEME, type: 'string', section: `${SPEC}#http-server-span` },
    { role: 'http.client', key: ATTR_URL_FULL, type: 'string', section: `${SPEC}#http-client-span` },
    { role: 'http.client', key: ATTR_SERVER_ADDRESS, type: 'string', section: `${SPEC}#http-client-span` },
    { role: 'http.client', key: ATTR_SERVER_PORT, type: 'int', section: `${SPEC}#http-client-span` },
    {
      role: 'http',
      key: ATTR_HTTP_RESPONSE_STATUS_CODE,
      type: 'int',
      when: answered,
      section: `${SPEC}#common-attributes`,
    },
    { role: 'http', key: ATTR_ERROR_TYPE, type: 'string', when: failed, section: `${SPEC}#common-attributes` },
    {
      role: 'http.server',
      key: ATTR_HTTP_ROUTE,
      type: 'string',
      // Only the framework knows whether there is a route: its type is checked, its absence is not.
      when: { test: () => false, says: 'when the framework knows the route' },
      section: `${SPEC}#http-server-span`,
    },
  ]),
  {
    id: 'http.method',
    signal: 'http',
    role: 'http',
    modes: STABLE,
    says: `${ATTR_HTTP_REQUEST_METHOD} is a known method (GET, POST, ...) or _OTHER`,
    section: `${SPEC}#common-attributes`,
    problem: (span) => {
      const value = span.attributes[ATTR_HTTP_REQUEST_METHOD];
      return typeof value === 'string' && !KNOWN_METHODS.has(value)
        ? `${ATTR_HTTP_REQUEST_METHOD} is ${JSON.stringify(value)}: an unknown method is recorded as "_OTHER" (the original in http.request.method_original)`
        : undefined;
    },
  },
  {
    id: 'http.kind',
    signal: 'http',
    role: 'http',
    modes: ALL,
    says: 'an HTTP span is a server span (it serves a request) or a client span (it sends one)',
    section: `${SPEC}#http-server`,
    problem: (span) =>
      span.kind === 'server' || span.kind === 'client' ? undefined : `its kind is ${span.kind}, not server or client`,
  },
  {
    id: 'http.server.name',
    signal: 'http',
    role: 'http.server',
    modes: ALL,
    says: `a server span is named "{method} {${ATTR_HTTP_ROUTE}}", or "{method}" without a route`,
    section: `${SPEC}#name`,
    problem: (span) => {
      const route = span.attributes[ATTR_HTTP_ROUTE];
      const expected = nameOf(span, typeof route === 'string' ? route : undefined);
      return expected === undefined || span.name === expected
        ? undefined
        : `its name is ${JSON.stringify(span.name)}, not ${JSON.stringify(expected)}`;
    },
  },
  {
    id: 'http.client.name',
    signal: 'http',
    role: 'http.client',
    modes: ALL,
    says: 'a client span is named "{method}", or "{method} {url.template}" with a template',
    section: `${SPEC}#name`,
    problem: (span) => {
      const template = span.attributes['url.template'];
      const expected = nameOf(span, typeof template === 'string' ? template : undefined);
      return expected === undefined || span.name === expected
        ? undefined
        : `its name is ${JSON.stringify(span.name)}, not ${JSON.stringify(expected)}`;
    },
  },
  {
    id: 'http.server.status',
    signal: 'http',
    role: 'http.server',
    modes: ALL,
    says: 'a server span is an error for a 5xx response, and not for a 4xx (the client erred) or 1xx-3xx',
    section: `${SPEC}#status`,
    problem: (span) => {
      const code = statusCode(span);
      if (code === undefined) return undefined;
      if (code >= 500 && span.status.code !== 'error')
        return `status code ${code} but the span status is ${span.status.code}, not error`;
      if (code < 500 && span.status.code === 'error' && span.attributes[ATTR_ERROR_TYPE] === undefined) {
        return `status code ${code} but the span status is error (a server leaves it unset below 500)`;
      }
      return undefined;
    },
  },
  {
    id: 'http.client.status',
    signal: 'http',
    role: 'http.client',
    modes: ALL,
    says: 'a client span is an error for a 4xx or 5xx response, and not for 1xx-3xx',
    section: `${SPEC}#status`,
    problem: (span) => {
      const code = statusCode(span);
      if (code === undefined) return undefined;
      if (code >= 400 && span.status.code !== 'error')
        return `status code ${code} but the span status is ${span.status.code}, not error`;
      if (code < 400 && span.status.code === 'error' && span.attributes[ATTR_ERROR_TYPE] === undefined) {
        return `status code ${code} but the span status is error, with no error.type to say why`;
      }
      return undefined;
    },
  },
  {
    id: 'http.error-type',
    signal: 'http',
    role: 'http',
    modes: STABLE,
    says: 'error.type is set on a failed response (server 5xx, client 4xx and 5xx), to the status code when nothing says more',
    section: `${SPEC}#common-attributes`,
    problem: (span) => {
      const code = statusCode(span);
      const failedAt = span.kind === 'server' ? 500 : 400;
      return code !== undefined && code >= failedAt && span.attributes[ATTR_ERROR_TYPE] === undefined
        ? `status code ${code} but error.type is missing (e.g. "${code}")`
        : undefined;
    },
  },
]);

function nameOf(span: Span, target: string | undefined): string | undefined {
  const value = method(span);
  if (value === undefined) return undefined;
  const shown = value === '_OTHER' ? 'HTTP' : value;
  return target === undefined ? shown : `${shown} ${target}`;
}
