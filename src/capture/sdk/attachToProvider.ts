import type { TracerProvider } from '@opentelemetry/api';
import type { SpanProcessorLike } from './SdkTypes.ts';

interface ProviderWithProcessors {
  readonly _activeSpanProcessor?: { readonly _spanProcessors?: unknown };
}

/**
 * Adds a span processor to a tracer provider that is already registered (vitest's `experimental.openTelemetry`
 * SDK, or a set-up of the user's own). SDK 2.x and 3.x take processors only in their constructor; both keep them in
 * `_activeSpanProcessor._spanProcessors`, which every span start and end walks, so the processor is appended
 * there. Returns the function that removes it again, or undefined when the provider has no such list (another SDK
 * or a future one): the caller then says what to do instead.
 *
 * @example
 * const detach = attachToProvider(delegate, recorder);
 */
export function attachToProvider(provider: TracerProvider, processor: SpanProcessorLike): (() => void) | undefined {
  const list = (provider as ProviderWithProcessors)._activeSpanProcessor?._spanProcessors;
  if (!Array.isArray(list)) return undefined;
  const processors = list as SpanProcessorLike[];
  if (!processors.includes(processor)) processors.push(processor);
  return () => {
    const index = processors.indexOf(processor);
    if (index >= 0) processors.splice(index, 1);
  };
}

/**
 * The provider behind the API's global proxy, or undefined when none was registered.
 *
 * @example
 * const registered = registeredProvider(trace.getTracerProvider());
 */
export function registeredProvider(global: TracerProvider): TracerProvider | undefined {
  const proxy = global as TracerProvider & { getDelegate?: () => TracerProvider };
  const delegate = typeof proxy.getDelegate === 'function' ? proxy.getDelegate() : global;
  return delegate.constructor?.name === 'NoopTracerProvider' ? undefined : delegate;
}
