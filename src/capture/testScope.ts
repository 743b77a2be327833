import { AsyncLocalStorage } from 'node:async_hooks';

// One storage per process, shared by every copy of this module (source and built), so that the scope a fixture
// enters is the one the recorder reads.
const KEY = Symbol.for('tracespec.testScope');
type Holder = { storage: AsyncLocalStorage<string>; fallback: string | undefined };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[KEY] as Holder | undefined) ?? {
  storage: new AsyncLocalStorage<string>(),
  fallback: undefined,
};
(globalThis as Record<symbol, unknown>)[KEY] = holder;

/**
 * The scope (test id) of the code running now: the async context a test runs in, or else the test that the
 * sequential fallback marked as current. Spans started here belong to that test.
 */
export function currentScope(): string | undefined {
  return holder.storage.getStore() ?? holder.fallback;
}

/** Runs `fn` with `scope` as the current scope for everything it starts, also asynchronously. */
export function runInScope<T>(scope: string, fn: () => T): T {
  return holder.storage.run(scope, fn);
}

/** Makes `scope` current for the rest of this async execution (used where a callback cannot be wrapped). */
export function enterScope(scope: string): void {
  holder.storage.enterWith(scope);
}

/**
 * Marks the scope that spans outside any async context belong to, for code whose context is lost (a callback
 * registered before the test started); only meaningful while tests run one at a time. `undefined` clears it.
 */
export function setFallbackScope(scope: string | undefined): void {
  holder.fallback = scope;
}
