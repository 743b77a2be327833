import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';

/**
 * One propagator made of several: `inject` runs each in turn, `extract` lets each read from the context the
 * previous one left, `fields` is the union. The same contract as `CompositePropagator` of `@opentelemetry/core`,
 * kept here so that tracespec does not depend on one SDK line's core.
 *
 * @example
 * propagation.setGlobalPropagator(compositePropagator([new W3CTraceContextPropagator(), new W3CBaggagePropagator()]));
 */
export function compositePropagator(propagators: readonly TextMapPropagator[]): TextMapPropagator {
  if (propagators.length === 1 && propagators[0]) return propagators[0];
  const list = [...propagators];
  return {
    inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
      for (const propagator of list) {
        try {
          propagator.inject(context, carrier, setter);
        } catch {
          // One failing format must not keep the others from being written (the OTel composite does the same).
        }
      }
    },
    extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
      return list.reduce((current, propagator) => {
        try {
          return propagator.extract(current, carrier, getter);
        } catch {
          return current;
        }
      }, context);
    },
    fields(): string[] {
      return [...new Set(list.flatMap((propagator) => propagator.fields()))];
    },
  };
}
