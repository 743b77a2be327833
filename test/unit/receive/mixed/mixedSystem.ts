// The mixed system: frontend (jaeger-client, Node) -> pricing (OpenTelemetry via tracespec/service) -> tax (py_zipkin,
// Python), as child processes, each reporting in its own format to one collector.
import { fileURLToPath } from 'node:url';
import { TracedEnvironment, TracedProcess } from 'tracespec/containers';
import type { Collector } from 'tracespec/otlp';

const fixture = (path: string) => fileURLToPath(new URL(`../../../fixtures/mixed/${path}`, import.meta.url));

/**
 * The three services, not started. `pricingPropagators` is pricing's `OTEL_PROPAGATORS`: `jaeger,b3multi` reads
 * frontend's `uber-trace-id` and writes B3 for tax (and `uber-trace-id` too); anything else shows what breaks.
 */
export function mixedSystem(collector: Collector, pricingPropagators = 'jaeger,b3multi'): TracedEnvironment {
  return new TracedEnvironment()
    .withExporter(collector)
    .withService(
      new TracedProcess(process.execPath, [fixture('frontend.mjs')])
        .withServiceName('frontend')
        .withReadyPath('/health')
        .withLink('PRICING_URL', 'pricing'),
    )
    .withService(
      TracedProcess.fromNodeService({ entry: fixture('pricing.mjs') })
        .withServiceName('pricing')
        .withReadyPath('/health')
        .withLink('TAX_URL', 'tax')
        .withEnvironment({ OTEL_PROPAGATORS: pricingPropagators }),
    )
    .withService(
      new TracedProcess('/usr/bin/python3', [fixture('py_zipkin_tax.py')])
        .withServiceName('tax')
        .withReadyPath('/health'),
    );
}

/** What GET /checkout answers: the headers each hop sent or received. */
export interface CheckoutAnswer {
  readonly sent: Readonly<Record<string, string>>;
  readonly pricing: {
    readonly received: Readonly<Record<string, string>>;
    readonly tax: { readonly received: Readonly<Record<string, string>> };
  };
}
