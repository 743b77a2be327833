// The http and undici instrumentations of the msw tests. A request sent with the header `x-untraced` is skipped by
// both, so a test can play a service that forgets, breaks or misplaces the header.
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

export const UNTRACED = 'x-untraced';

export function createInstrumentations() {
  return [
    new HttpInstrumentation({
      ignoreOutgoingRequestHook: (options) => JSON.stringify(options.headers ?? {}).includes(UNTRACED),
    }),
    new UndiciInstrumentation({ ignoreRequestHook: (request) => JSON.stringify(request.headers).includes(UNTRACED) }),
  ];
}
