// The examples' vitest setup file: what a user puts in `test.setupFiles`.
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setupTracing } from 'tracespec/vitest';

setupTracing({
  serviceName: 'shop',
  instrumentations: [
    new HttpInstrumentation(),
    // Never send trace context to third parties: undici injects it unless the request is ignored.
    new UndiciInstrumentation({ ignoreRequestHook: (request) => request.origin.endsWith('.partner.test') }),
  ],
});
