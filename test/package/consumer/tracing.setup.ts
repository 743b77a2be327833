import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setupTracing } from 'tracespec/vitest';

setupTracing({ serviceName: 'consumer', instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()] });
