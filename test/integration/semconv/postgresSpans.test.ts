import { createRequire } from 'node:module';
import { PgInstrumentation, type PgInstrumentationConfig } from '@opentelemetry/instrumentation-pg';
import type * as Pg from 'pg';
import { TraceSet } from 'tracespec';
import { setupTracing, traces } from 'tracespec/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { failureOf } from '../../support/failure.ts';
import { type StartedPostgres, startPostgres } from '../../support/postgres.ts';

// The database rules on spans of the current pg instrumentation, against a real PostgreSQL (Debian's package).
// instrumentation-pg 0.77 emits the stable database names only (db.system.name, db.namespace, db.query.text,
// server.address/port) and no longer reads OTEL_SEMCONV_STABILITY_OPT_IN; the matcher does, and each of its modes
// is checked here. Two departures of the instrumentation from the spec are findings the rules report (pinned below):
// its span names ("pg.query:SELECT postgres", a SHOULD of the spec's #name section) and a failed query's missing
// error.type (conditionally required: "if and only if the operation failed").
const instrumentation = new PgInstrumentation();
setupTracing({ serviceName: 'shop', instrumentations: [instrumentation] });
// pg is CommonJS: required after the instrumentation is enabled, require-in-the-middle patches it.
const pg = createRequire(import.meta.url)('pg') as typeof Pg;

let server: StartedPostgres;
let pool: Pg.Pool;

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ host: server.host, port: server.port, user: server.user, database: server.database, max: 2 });
  await pool.query('CREATE TABLE orders (id serial PRIMARY KEY, sku text NOT NULL, quantity int NOT NULL)');
});

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

afterEach(() => {
  instrumentation.setConfig({});
  vi.unstubAllEnvs();
});

/** The queries of an order: an insert and a select with parameters, on a pooled client and on the pool. */
async function placeOrder(): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('INSERT INTO orders (sku, quantity) VALUES ($1, $2)', ['sku-1', 2]);
  } finally {
    client.release();
  }
  const { rows } = await pool.query<{ quantity: number }>('SELECT quantity FROM orders WHERE sku = $1', ['sku-1']);
  expect(rows[0]?.quantity).toBe(2);
}

function querySpans() {
  return traces().spans.filter((span) => span.attributes['db.query.text'] !== undefined);
}

function withHook(requestHook: NonNullable<PgInstrumentationConfig['requestHook']>): void {
  instrumentation.setConfig({ requestHook });
}

describe('toFollowSemanticConventions on spans of @opentelemetry/instrumentation-pg against PostgreSQL', () => {
  test.each([
    { optIn: 'database', mode: 'stable' },
    { optIn: 'database/dup', mode: 'dup' },
    { optIn: undefined, mode: 'stable' },
  ])('OTEL_SEMCONV_STABILITY_OPT_IN=$optIn: the real spans follow the database rules', async ({ optIn, mode }) => {
    if (optIn !== undefined) vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', optIn);
    else vi.stubEnv('OTEL_SEMCONV_STABILITY_OPT_IN', undefined);
    await placeOrder();
    const spans = querySpans();
    expect(spans.map((span) => span.attributes['db.query.text'])).toEqual([
      'INSERT INTO orders (sku, quantity) VALUES ($1, $2)',
      'SELECT quantity FROM orders WHERE sku = $1',
    ]);
    expect(spans[0]?.attributes).toMatchObject({
      'db.system.name': 'postgresql',
      'db.namespace': 'postgres',
      'server.address': server.host,
      'server.port': server.port,
    });
    expect(traces()).toFollowSemanticConventions({ signals: ['db'], skip: ['db.name'] });
    // Every query span (and pg-pool's connect span) was checked, by the mode the variable selects.
    const passed = failureOf(() =>
      expect(traces()).not.toFollowSemanticConventions({ signals: ['db'], skip: ['db.name'] }),
    );
    expect(passed).toContain(`Received: all ${traces().spans.length} checked spans (db) follow the`);
    // The names are the instrumentation's, not the spec's: the rule says so, with the names the spec asks for.
    const names = failureOf(() => expect(traces()).toFollowSemanticConventions({ signals: ['db'] }));
    expect(names).toContain(`Expected: spans that follow the semantic conventions (db: ${mode})`);
    expect(names).toContain(
      'shop client "pg.query:INSERT postgres": its name is "pg.query:INSERT postgres", not "postgres" or "postgresql"',
    );
    expect(names).toContain(
      'db.name: a database span is named "{db.query.summary}", "{db.operation.name} {target}", "{target}" or "{db.system.name}" (https://opentelemetry.io/docs/specs/semconv/database/database-spans/#name)',
    );
  });

  test('the old mode (stability: { db: "old" }): stable-only spans pass, the stable attributes are not asked for', async () => {
    await placeOrder();
    expect(traces()).toFollowSemanticConventions({ signals: ['db'], stability: { db: 'old' } });
  });

  test('span names the spec asks for, set by a request hook, pass the name rule', async () => {
    withHook((span, { query }) => {
      const operation = query.text.trim().split(/\s+/)[0]?.toUpperCase() ?? 'QUERY';
      span.setAttribute('db.operation.name', operation);
      span.setAttribute('db.collection.name', 'orders');
      span.updateName(`${operation} orders`);
    });
    await placeOrder();
    expect(querySpans().map((span) => span.name)).toEqual(['INSERT orders', 'SELECT orders']);
    expect(TraceSet.fromSpans(querySpans())).toFollowSemanticConventions({ signals: ['db'] });
  });

  test('a query PostgreSQL rejects: an error span, and the missing error.type is named', async () => {
    await expect(pool.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: '42P01' });
    const [failed] = querySpans();
    expect(failed?.status.code).toBe('error');
    const message = failureOf(() =>
      expect(traces()).toFollowSemanticConventions({ signals: ['db'], skip: ['db.name'] }),
    );
    expect(message).toContain('Received: 1 problem in 1 of');
    expect(message).toContain(
      '1. shop client "pg.query:SELECT postgres": error.type is missing (when the operation failed (span status error))',
    );
    expect(message).toContain(
      'db:error.type: db spans have error.type (string) when the operation failed (span status error) (https://opentelemetry.io/docs/specs/semconv/database/database-spans/#common-attributes)',
    );
  });

  test('old names added by a hook are flagged with their replacements in the stable mode, fine with /dup', async () => {
    withHook((span, { query }) => {
      span.setAttribute('db.statement', query.text);
      span.setAttribute('db.system', 'postgresql');
    });
    await placeOrder();
    const message = failureOf(() =>
      expect(traces()).toFollowSemanticConventions({ signals: ['db'], stability: 'stable', skip: ['db.name'] }),
    );
    expect(message).toContain('Received: 4 problems in 2 of');
    expect(message).toContain('"pg.query:INSERT postgres": db.statement is deprecated: use db.query.text');
    expect(message).toContain('"pg.query:SELECT postgres": db.system is deprecated: use db.system.name');
    expect(message).toContain(
      'deprecated.db.statement: db.statement is replaced by db.query.text (https://opentelemetry.io/docs/specs/semconv/database/database-spans/',
    );
    expect(traces()).toFollowSemanticConventions({ signals: ['db'], stability: 'dup', skip: ['db.name'] });
  });

  test('an attribute of the wrong type, set by a hook, is named with its type', async () => {
    withHook((span) => span.setAttribute('db.namespace', 42));
    await placeOrder();
    const message = failureOf(() =>
      expect(traces()).toFollowSemanticConventions({ signals: ['db'], skip: ['db.name'] }),
    );
    expect(message).toContain('"pg.query:INSERT postgres": db.namespace is the int 42, not a string');
    expect(message).toContain('db:db.namespace: db spans have db.namespace (string) when the instrumentation knows it');
  });

  test('a real span recorded with another kind breaks the kind rule', async () => {
    await placeOrder();
    const internal = TraceSet.fromSpans(querySpans().map((span) => ({ ...span, kind: 'internal' as const })));
    const message = failureOf(() =>
      expect(internal).toFollowSemanticConventions({ signals: ['db'], skip: ['db.name'] }),
    );
    expect(message).toContain('Received: 2 problems in 2 of 2 checked spans:');
    expect(message).toContain('"pg.query:SELECT postgres": its kind is internal, not client');
    expect(message).toContain('db.kind: a database call is a client span');
  });
});
