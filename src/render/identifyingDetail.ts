import type { Span } from '../model/Span.ts';

/** Span names that say what kind of call it was but not which: HTTP methods, SQL verbs, messaging operations. */
const GENERIC_NAMES: ReadonlySet<string> = new Set([
  ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE', 'HTTP', '_OTHER'],
  ...['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'UPSERT', 'MERGE', 'CALL', 'EXEC', 'query', 'execute'],
  ...['publish', 'send', 'receive', 'process', 'settle', 'create', 'deliver'],
]);

/** The attributes that tell such spans apart, most telling first (current semantic conventions, then older ones). */
const IDENTIFYING_KEYS: readonly string[] = [
  'http.route',
  'url.path',
  'url.full',
  'http.target',
  'http.url',
  'db.query.text',
  'db.statement',
  'db.collection.name',
  'messaging.destination.name',
  'messaging.destination',
];

const MAX_LENGTH = 60;

/**
 * For a span with a generic name (`GET`, `SELECT`, `publish`, or its database system's name), the attribute that
 * tells it apart from its siblings, and the value to show (long queries shortened); `undefined` otherwise.
 *
 * @example
 * identifyingDetail(span); // { key: 'url.path', text: 'url.path: "/stock/apple"' } for a span named "GET"
 */
export function identifyingDetail(span: Span): { readonly key: string; readonly text: string } | undefined {
  const name = span.name.trim();
  const generic =
    GENERIC_NAMES.has(name) ||
    GENERIC_NAMES.has(name.toUpperCase()) ||
    name === span.attributes['db.system'] ||
    name === span.attributes['db.system.name'] ||
    name === span.attributes['db.operation.name'];
  if (!generic) return undefined;
  for (const key of IDENTIFYING_KEYS) {
    const value = span.attributes[key];
    if (typeof value !== 'string' || value === '' || value === name) continue;
    // A URL without its query and fragment: shorter, and no credentials passed as parameters.
    const bare = key.startsWith('db.') || key.startsWith('messaging.') ? value : value.replace(/[?#].*$/s, '');
    const flat = bare.replace(/\s+/g, ' ').trim();
    const shown = flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
    return { key, text: `${key}: ${JSON.stringify(shown)}` };
  }
  return undefined;
}
